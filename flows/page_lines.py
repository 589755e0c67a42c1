"""Lines a page broke that belong together, joined again before the clean stage reads the text: lines a PDF
broke at the page's width, a number set on a line of its own, a sentence broken after a joiner. Plain functions
of the raw lines (and the words in flows/rules/clutter.toml [lone_numbers], handed in by flows/clean.py)."""
from __future__ import annotations

import re
from collections import Counter

HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character

# A line that opens a heading, a list item or a table row never continues the line above.
# Runs before full-width folding, so both forms of brackets, digits and stops are listed.
BLOCK_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,3}[.．、](?![0-9０-９])|"
                         r"[(（][0-9０-９]{1,3}[)）]|第[一二三四五六七八九十百]+[章节条部分]|附件|[|｜])")
# A line ending in one of these may end its paragraph: it does not set the page's width.
PARAGRAPH_END_CHARS = ("。", "!", "?", "”", ")", "|", "！", "？", "）")
MIN_WRAP_WIDTH = 12  # shorter "wrapped" lines are headings and list items, not a page's width


ITEM_NUMBER = re.compile(r"^\s*([0-9]{1,3})\s")  # (01 改造老旧小区20个 / 02 新建幼儿园: a list numbered without a stop)


def _next_item(line: str, following: str) -> bool:
    """The following line opens with the number after the one this line opens with: the list's next item."""
    this, then = ITEM_NUMBER.match(line), ITEM_NUMBER.match(following)
    return bool(this and then and int(then.group(1)) == int(this.group(1)) + 1)


def join_wrapped_lines(raw_lines: list[str]) -> tuple[list[str], int]:
    """Text taken from a PDF breaks every line at the page width, mid-sentence, so a number
    and what it counts land on two lines. When many lines share one width (the page's),
    a line of that width is joined to the next, unless the next opens a block (一、, (二),
    3., a table row) or is indented (a paragraph's first line). Returns stripped lines."""
    lines = [line.strip() for line in raw_lines]
    indented = [line[:1].isspace() for line in raw_lines]
    body = [line for line in lines if line and not line.endswith("|")]  # a whole table row is no wrapped line
    open_ended = Counter(len(line) for line in body
                         if len(line) >= MIN_WRAP_WIDTH and not line.endswith(PARAGRAPH_END_CHARS))
    if not open_ended:
        return lines, 0
    width = max(open_ended, key=lambda w: (sum(open_ended.get(v, 0) for v in (w, w - 1, w - 2)), w))
    at_width = [line for line in body if width - 2 <= len(line) <= width]
    # a page's lines run on mid-sentence; a list of equally long headings (一、…) does not
    mid_sentence = [line for line in at_width if not BLOCK_START.match(line) and not line.endswith(PARAGRAPH_END_CHARS)]
    if len(mid_sentence) < 8 or len(at_width) < 0.3 * len(body) or len(mid_sentence) < 0.25 * len(at_width):
        return lines, 0  # not a page-wrapped text
    out: list[str] = []
    joined, previous = 0, ""
    for line, indent in zip(lines, indented):
        if not line:
            continue
        # an indented line opens a paragraph; a page's continuation lines are never indented
        continues = (out and previous and width - 2 <= len(previous) <= width + 1 and not BLOCK_START.match(line)
                     and not indent and not _next_item(out[-1], line))
        if continues:
            gap = " " if previous[-1].isascii() and previous[-1].isalpha() and line[0].isascii() and line[0].isalpha() else ""
            out[-1] = out[-1] + gap + line
            joined += 1
        else:
            out.append(line)
        previous = line
    return out, joined


def join_lone_numbers(lines: list[str], rules: dict) -> tuple[list[str], int]:
    """A number on a line of its own between two halves of its sentence (…增长 / 3.5% / 左右。): one line again,
    where a text has enough such lines to be laid out so (clutter.toml [lone_numbers])."""
    lone = re.compile(rules["pattern"])
    ends, continuations = tuple(rules["sentence_ends"]), tuple(rules["continuations"])
    stripped = [line.strip() for line in lines]
    if sum(1 for line in stripped if lone.fullmatch(line)) < rules["min_count"]:
        return lines, 0
    out: list[str] = []
    joined, i = 0, 0
    while i < len(stripped):
        line = stripped[i]
        after = stripped[i + 1] if i + 1 < len(stripped) else ""
        if out and out[-1] and lone.fullmatch(line) and not out[-1].endswith(ends) and after.startswith(continuations):
            out[-1] += line + after
            joined, i = joined + 1, i + 2
            continue
        out.append(line)
        i += 1
    return out, joined


def join_broken_lines(lines: list[str], rules: dict) -> tuple[list[str], int]:
    """A sentence a page broke across two lines (…分别增长9.1%、 / 8.7%; …发布机会清单 / 323 项,…): one line
    again, unless the next line opens a block (一、, (二), 3.) (clutter.toml [lone_numbers])."""
    number_first = re.compile(rules["number_then_unit"])
    broken_ends = tuple(rules["broken_line_ends"])
    out: list[str] = []
    joined = 0
    for line in (line.strip() for line in lines):
        last = out[-1] if out else ""
        if line and last and not BLOCK_START.match(line) and (
                last.endswith(broken_ends)
                or len(last) >= rules["prose_chars"] and HAN.fullmatch(last[-1]) and number_first.match(line)):
            out[-1], joined = last + line, joined + 1
        else:
            out.append(line)
    return out, joined
