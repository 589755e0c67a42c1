"""Clean stage: the text every later stage reads, and every quote is cut from.

Steps (targets guide, section 4, plus page clutter): line breaks unified, inline pinyin
glosses removed (區(qū) -> 區), traditional -> simplified with OpenCC t2s, full-width
digits, letters and punctuation folded to ASCII, spaces inside Chinese words removed,
web-page clutter dropped. Runs of '*' (redactions) and '?' (garbled characters) are
kept as they are; garbled characters are counted. Each kind of fix is counted.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import opencc

from flows.lexicon import RULES_DIR
from flows.page_lines import join_broken_lines, join_lone_numbers, join_wrapped_lines

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# A gloss is a lowercase pinyin syllable in brackets right after a Chinese character; a page may
# repeat it (业(ye)(ye)).
GLOSS = re.compile(rf"(?<=[{CJK}])(?:[(（] ?[a-z{TONED}]{{1,6}} ?[)）])+")  # 會(huì), 會(huì ), 业(ye)(ye)
CJK_SPACE = re.compile(rf"(?<=[{CJK}])[ \u3000\t]+(?=[{CJK}])")
# Small-form and full-width characters that fold to ASCII; 。、“” and the like stay.
FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FOLD.update({0x3000: 0x20, 0xFE52: 0x2E, 0xFE50: 0x2C, 0xFE51: 0x3001, 0xFE54: 0x3B, 0xFE55: 0x3A,
             0xFE59: 0x28, 0xFE5A: 0x29, 0xFE63: 0x2D, 0xFF5F: 0x28, 0xFF60: 0x29, 0x00A0: 0x20, 0x2002: 0x20,
             0x2003: 0x20, 0x200B: None, 0xFEFF: None})
SCRIPT_THRESHOLD = 0.01  # share of CJK characters t2s changes above which a text is traditional


@dataclass
class CleanResult:
    clean_text: str
    script: str
    fix_counts: dict = field(default_factory=dict)
    page_date: dt.date | None = None  # the date a dropped line of page facts gave (发布日期:2022-02-15)
    # the dropped lines of page facts near the top (发布时间:2023-02-03 来源:邯郸市人民政府), for the
    # metadata stage: where the page says it comes from
    page_facts: tuple[str, ...] = ()
    # the dropped lines of the site's footer at the end (主办:柳州市城中区人民政府办公室), for the metadata
    # stage: they may settle a name several regions share, never give the region
    page_footer: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _clutter_rules() -> dict:
    with open(RULES_DIR / "clutter.toml", "rb") as handle:
        rules = tomllib.load(handle)
    return {
        "lines": [re.compile(p) for p in rules["lines"]["patterns"] + rules["footer"]["patterns"]],
        "footer": [re.compile(p) for p in rules["footer"]["patterns"]],
        "footer_scan_lines": rules["footer"]["scan_last_lines"],
        "first_line_file_ending": re.compile(rules["lines"]["first_line_file_ending"]),
        "preface": [re.compile(p) for p in rules["preface"]["markers"]],
        "preface_max": rules["preface"]["max_position"],
        "trailing": re.compile(rules["trailing"]["pattern"]),
        "trailing_max": rules["trailing"]["max_line_chars"],
        "page_numbers": [re.compile(p) for p in rules["page_numbers"]["patterns"]],
        "inline": re.compile("|".join(f"(?:{p})" for p in rules["inline"]["patterns"])),
        "spaced_year": re.compile(rules["spacing"]["spaced_year"]),
        "spaced_date": re.compile(rules["spacing"]["spaced_date"]),
        "split_year": re.compile(rules["spacing"]["split_year"]),
        "markup_min": rules["markup"]["min_tags"],
        "block_tags": re.compile(rules["markup"]["block_tags"], re.IGNORECASE),
        "any_tag": re.compile(rules["markup"]["any_tag"], re.IGNORECASE),
        "page_date": re.compile(rules["page_date"]["pattern"]),
        "page_date_max_line": rules["page_date"]["max_line"],
        "decimal_stop_before_unit": re.compile(
            rf"\d\u3002\d+\s*(?:{'|'.join(map(re.escape, sorted(rules['decimal_stops']['units'], key=len, reverse=True)))})"),
        "decimal_stops_needed": rules["decimal_stops"]["min_count"],
        "lone_numbers": rules["lone_numbers"],
        "related_links_markers": frozenset(rules["related_links"]["markers"]),
        "related_links_decoration": rules["related_links"]["decoration"],
        "related_links_headline_max": rules["related_links"]["headline_max_chars"],
    }


def heads_related_links(line: str) -> bool:
    """The line is the heading of a page's list of related links (相关新闻>>, 【推荐阅读】, ▌相关阅读)."""
    rules = _clutter_rules()
    return line.strip(rules["related_links_decoration"]) in rules["related_links_markers"]


def drop_related_links(lines: list[str]) -> tuple[list[str], int]:
    """A list of related links in the page's second half: its heading line and the short lines under it
    (other pages' headlines) go; a long line or a sentence under it ends the list and stays."""
    rules = _clutter_rules()
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    for index in nonblank[len(nonblank) // 2:]:
        # (the heading alone, or with the headlines after it on its line: 推荐阅读:淮安市政府工作报告全文 | 徐州:…)
        heading, _, inline = lines[index].partition(":")
        if heads_related_links(lines[index]) or (heads_related_links(heading) and not re.search(r"[。;;]", inline)):
            end = index + 1
            while end < len(lines) and (not lines[end].strip() or (
                    len(lines[end].strip()) <= rules["related_links_headline_max"] and not re.search(r"[。;;]", lines[end]))):
                end += 1
            dropped = sum(1 for line in lines[index:end] if line.strip())
            return lines[:index] + lines[end:], dropped
    return lines, 0


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@lru_cache(maxsize=1)
def _names_t2s_breaks() -> list[tuple[str, re.Pattern, str]]:
    """Region names that t2s turns into something else (乾县 -> 干县, 乾安县): put back after it — but not
    where the words are the end of another region's name (新干县, 新幹縣 in traditional, is no 乾县)."""
    from flows import regions

    names = [row["name"] for row in regions.regions().values()]
    out = []
    for name in names:
        wrong = _converter().convert(name)
        if wrong != name:
            heads = sorted({other[:-len(wrong)] for other in names if other.endswith(wrong) and other != wrong})
            pattern = re.compile("".join(f"(?<!{re.escape(head)})" for head in heads) + re.escape(wrong))
            out.append((wrong, pattern, name))
    return out


def to_simplified(text: str) -> tuple[str, int]:
    """OpenCC t2s, and how many characters it changed (counted in numpy: the count must
    not cost more than the conversion)."""
    converted = _converter().convert(text)
    for wrong, pattern, name in _names_t2s_breaks():
        if wrong in converted:
            converted = pattern.sub(name, converted)
    before, after = _codepoints(text), _codepoints(converted)
    if len(before) == len(after):
        changed = int(np.count_nonzero(before != after))
    else:
        changed = sum(map(str.__ne__, text, converted)) + abs(len(converted) - len(text))
    return converted, changed


def remove_markup(text: str) -> tuple[str, int]:
    """A page's tags left in its text (<p>…</p><br/>): block tags end lines, the rest go, entities are read."""
    rules = _clutter_rules()
    tags = len(rules["any_tag"].findall(text))
    if tags < rules["markup_min"]:
        return text, 0
    text = rules["any_tag"].sub("", rules["block_tags"].sub("\n", text))
    return html.unescape(text), tags


def remove_glosses(text: str) -> tuple[str, int]:
    return GLOSS.subn("", text)


FOLDABLE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in FOLD) + "]")
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


FOLD_CODES = np.array(sorted(FOLD), dtype=np.uint32)


def fold_width(text: str) -> tuple[str, int]:
    count = int(np.count_nonzero(np.isin(_codepoints(text), FOLD_CODES)))
    return (text.translate(FOLD) if count else text), count


SURROGATE = re.compile("[\ud800-\udfff]")

DECIMAL_STOP = re.compile(r"(?<=\d)\u3002(?=\d)")  # an ideographic full stop between digits


def decimal_stops(text: str) -> tuple[str, int]:
    """增长11。2%: in a text that writes its decimal points as full stops (clutter.toml [decimal_stops]),
    each full stop between digits is a point."""
    rules = _clutter_rules()
    if len(rules["decimal_stop_before_unit"].findall(text)) < rules["decimal_stops_needed"]:
        return text, 0
    return DECIMAL_STOP.subn(".", text)


def tabs_to_bars(text: str) -> tuple[str, int]:
    """A line of tab-separated cells (a table copied from a page) is written with '|' like
    the other tables, so that removing spaces between Chinese characters keeps its cells."""
    lines, converted = text.split("\n"), 0
    for i, line in enumerate(lines):
        if line.count("\t") >= 2 and line.strip("\t "):
            lines[i] = "| " + " | ".join(cell.strip() for cell in line.strip().split("\t")) + " |"
            converted += 1
    return "\n".join(lines), converted


def remove_page_numbers(lines: list[str]) -> tuple[list[str], int]:
    """Lines a PDF's pages add (— 3 —, 第3页 共10页): dropped, and counted."""
    patterns = _clutter_rules()["page_numbers"]
    kept = [line for line in lines if not any(p.match(line.strip()) for p in patterns)]
    return kept, len(lines) - len(kept)


DIGITS_SPACED = re.compile(r"\d[ \u3000]+\d")  # cheap test first: most texts have no space between digits


def join_split_years(text: str) -> tuple[str, int]:
    """201 7年 -> 2017年 (clutter.toml [spacing] split_year): only where the digits make a 19xx or 20xx year."""
    if not DIGITS_SPACED.search(text):
        return text, 0
    joined = 0

    def join(match: re.Match) -> str:
        nonlocal joined
        digits = re.sub(r"[ \u3000]", "", match.group(0))
        if digits[:2] in ("19", "20") and digits != match.group(0):
            joined += 1
            return digits
        return match.group(0)

    return _clutter_rules()["split_year"].sub(join, text), joined


def remove_cjk_spaces(text: str) -> tuple[str, int]:
    text, n = CJK_SPACE.subn("", text)
    text, joined = join_split_years(text)
    n += joined
    text, m = _clutter_rules()["spaced_year"].subn(r"\1", text)
    spaced = [x for x in _clutter_rules()["spaced_date"].finditer(text) if re.search(r"[ \u3000]", x.group(0))]
    for x in reversed(spaced):
        text = text[:x.start()] + re.sub(r"[ \u3000]", "", x.group(0)) + text[x.end():]
    return text, n + m + len(spaced)


def page_date_of(line: str) -> dt.date | None:
    """The publication date a line of page facts gives (发布时间:2023-11-23 09:23), or None."""
    match = _clutter_rules()["page_date"].search(line)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def remove_clutter(lines: list[str]) -> tuple[list[str], dict, dt.date | None, tuple[str, ...]]:
    """Drop page clutter; return the kept lines, counts per kind, the page's date where a dropped
    line of page facts near the top gives it, and the dropped lines near the top."""
    rules = _clutter_rules()
    counts = {"clutter_lines": 0, "preface_lines": 0, "trailing_lines": 0}
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    # News preface before a 原文如下 marker.
    limit = max(1, int(len(nonblank) * rules["preface_max"]))
    for position, index in enumerate(nonblank[:limit]):
        if any(p.match(lines[index].strip()) for p in rules["preface"]):
            counts["preface_lines"] = sum(1 for i in nonblank if i <= index)
            lines = lines[index + 1:]
            break
    lines, counts["trailing_lines"] = drop_related_links(lines)
    kept, page_date, number, facts = [], None, 0, []
    for line in lines:
        stripped = line.strip()
        number += bool(stripped)
        if number == 1 and stripped and rules["first_line_file_ending"].search(stripped):
            line = stripped = rules["first_line_file_ending"].sub("", stripped)
        if stripped and any(p.match(stripped) for p in rules["lines"]):
            counts["clutter_lines"] += 1
            if number <= rules["page_date_max_line"]:
                page_date = page_date or page_date_of(stripped)
                facts.append(stripped)
            continue
        kept.append(line)
    # Stray words at the very end.
    while kept and (not kept[-1].strip() or (len(kept[-1].strip()) <= rules["trailing_max"]
                                               and rules["trailing"].match(kept[-1].strip()))):
        if kept[-1].strip():
            counts["trailing_lines"] += 1
        kept.pop()
    return kept, counts, page_date, tuple(facts)


def footer_lines(lines: list[str]) -> tuple[str, ...]:
    """The lines of the site's footer among the page's last lines (主办:…, 版权所有:…)."""
    rules = _clutter_rules()
    last = [line for line in lines if line][-rules["footer_scan_lines"]:]
    return tuple(line for line in last if any(p.match(line) for p in rules["footer"]))


def clean(text: str) -> CleanResult:
    counts: dict[str, int] = {}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A lone surrogate cannot come from a decoded file, but a caller's string may hold one;
    # OpenCC cannot encode it. It is garbling: the replacement character keeps the offsets.
    text = SURROGATE.sub("\ufffd", text)
    text, counts["markup_tags"] = remove_markup(text)
    # first, while the lines are as the page broke them (glosses and folding change widths);
    # a page number between two halves of a sentence would keep them apart
    raw_lines, counts["page_number_lines"] = remove_page_numbers(text.split("\n"))
    raw_lines, counts["lone_numbers_joined"] = join_lone_numbers(raw_lines, _clutter_rules()["lone_numbers"])
    wrapped, counts["wrapped_lines_joined"] = join_wrapped_lines(raw_lines)
    wrapped, counts["broken_lines_joined"] = join_broken_lines(wrapped, _clutter_rules()["lone_numbers"])
    if any(counts[k] for k in ("wrapped_lines_joined", "page_number_lines", "lone_numbers_joined", "broken_lines_joined")):
        text = "\n".join(wrapped)
    text, counts["pinyin_glosses"] = remove_glosses(text)
    points = _codepoints(text)
    cjk_total = int(np.count_nonzero((points >= 0x4E00) & (points <= 0x9FFF))) or 1
    text, counts["traditional_chars"] = to_simplified(text)
    script = "traditional" if counts["traditional_chars"] / cjk_total > SCRIPT_THRESHOLD else "simplified"
    # Garbling leaves ASCII '?' (an encoder's replacement); a full-width ？ is a real
    # question mark, so count before folding makes the two look alike.
    garbled = len(re.findall(rf"(?<=[{CJK}])\?|\?(?=[{CJK}])", text))
    text, counts["fullwidth_chars"] = fold_width(text)
    text, counts["decimal_stops"] = decimal_stops(text)
    text, counts["table_lines_from_tabs"] = tabs_to_bars(text)
    text, counts["cjk_spaces"] = remove_cjk_spaces(text)
    text, counts["inline_markup"] = _clutter_rules()["inline"].subn("", text)
    lines = [line.strip() for line in text.split("\n")]
    page_footer = footer_lines(lines)
    lines, clutter, page_date, page_facts = remove_clutter(lines)
    counts.update(clutter)
    # Blank lines carry no meaning in these texts; one line break separates paragraphs.
    text = "\n".join(line for line in lines if line)
    counts["garbled_chars"] = garbled
    counts["redaction_runs"] = len(re.findall(r"\*+", text))
    return CleanResult(text, script, counts, page_date, page_facts, page_footer)
