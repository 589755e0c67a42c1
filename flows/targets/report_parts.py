"""Parts of work reports and completion notices (targets guide §7): a review reports results
(achieved, in the year reviewed), a plan sets the coming year's work. A heading opens a part
(structure.section_parts); in a report a sentence's opening words (过去一年, 今年, 过去五年,
“十四五”时期, 2025年,) switch it until the section ends."""
from __future__ import annotations

import bisect
import re

from flows.structure import Section, section_at, section_parts
from flows.targets.model import DocumentContext, Mention, Paragraph
from flows.targets.patterns import contains_any, report_cues, rules
from flows.targets.timing import year_in
from flows.text.numerals import parse_number

OPENING_CHARS = 40  # where a sentence's opening words (过去一年, 今年) are looked for
TASK_ITEM = re.compile(r"^\s*\d{1,3}[.、](?!\d)")  # 1.地区生产总值增长10%: a numbered item
LABELLED_ITEM = re.compile(r"^\s*\d{1,3}[.、](?!\d)[^,;。:\d]{2,12}:")  # 1、创业就业工程:…: a heading for what follows


def report_year(ctx: DocumentContext) -> int | None:
    """The year a report speaks in (今年): a work report's own year; a notice's issue year; a plan
    with neither, the first year of its period (what ended before it is reviewed)."""
    if ctx.doc_type in rules().report_parts["review_doc_types"]:
        return ctx.issue_year or ctx.doc_year
    return ctx.doc_year or ctx.issue_year or ctx.single_year or ctx.plan_start_year


def part_default_year(part: str, ctx: DocumentContext) -> int | None:
    """The year a review reports on (the report's year before; a completion notice's own year)
    and the year a plan part plans for (the report's year)."""
    if ctx.doc_type in rules().report_parts["review_doc_types"]:
        return ctx.doc_year or ctx.issue_year  # a progress report's tasks and results are of the year it reports on
    now = report_year(ctx)
    if now is None:
        return None
    return now - 1 if part == "review" else now


def opening_cue(opening: str, ctx: DocumentContext) -> tuple[str, int | None, int | None] | None:
    """(review|plan, year, period_start) said by a sentence's opening words (过去一年, 今年,
    过去五年, “十四五”时期, 2025年,): the last such words before the first number win."""
    now = report_year(ctx)
    found: list[tuple[int, tuple]] = []
    patterns = report_cues()
    reports_only = ctx.doc_type in rules().report_parts["review_doc_types"]
    # a review of this year so far (上半年主要工作回顾, 今年以来) is of the report's own year, not the one before
    this_year_so_far = now is not None and contains_any(opening, tuple(rules().report_parts["year_so_far_words"]))
    for part in ("review", "plan"):
        for m in patterns[part].finditer(opening):
            if part == "plan" and reports_only and m.group(0) in rules().report_parts["report_present_openers"]:
                continue
            if part == "review" and contains_any(opening[:m.start()], tuple(rules().report_parts["request_words"])):
                continue  # 请各单位将…完成情况报…: a report asked for, not a review
            year = now if part == "review" and this_year_so_far else part_default_year(part, ctx)
            if part == "review" and ctx.doc_type in rules().report_parts["undated_review_doc_types"]:
                year = None  # 去年 in news of a list: of the year before it, or (posted a year on) of the list's own
            found.append((m.end(), (part, year, None), "said"))  # by words that name no year
    if now is not None:
        for m in patterns["back"].finditer(opening):
            n = parse_number(m.group(1) or m.group(2))
            if n and n > 1:
                found.append((m.end(), ("review", now - 1, now - int(n))))
        for m in patterns["forward"].finditer(opening):
            n = parse_number(m.group(1))
            if n and n > 1:
                found.append((m.end(), ("plan", now + int(n) - 1, now)))
        for m in patterns["period"].finditer(opening):
            p_start, p_end = rules().periods[m.group(1)]
            if p_end < now:
                found.append((m.end(), ("review", p_end, p_start)))
            elif p_start >= now:
                found.append((m.end(), ("plan", p_end, p_start)))
        for m in patterns["year"].finditer(opening):
            year = int(m.group(1))
            reviewed = part_default_year("review", ctx) or now - 1
            if m.group(2):  # 2021年以来: a review up to the year reviewed
                found.append((m.end(), ("review", reviewed, year)))
            elif year <= reviewed:
                found.append((m.end(), ("review", year, None), "named"))
            else:
                found.append((m.end(), ("plan", year, None)))
        if ctx.doc_type in rules().report_parts["estimate_doc_types"]:
            for m in patterns["estimate"].finditer(opening):  # 预计全年…: the year just ended, estimated
                found.append((m.end(), ("review", part_default_year("review", ctx), None)))
        for m in patterns["completed"].finditer(opening):
            year = int(m.group(1))
            if year <= (part_default_year("review", ctx) or now - 1):
                found.append((m.end(), ("review", year, None)))
        for m in patterns["deadline"].finditer(opening):
            year = int(m.group(1))
            if year > (part_default_year("review", ctx) or now - 1):
                found.append((m.end(), ("plan", year, None)))
    if reports_only and TASK_ITEM.match(opening) and not LABELLED_ITEM.match(opening):
        # a progress notice's numbered task (1.地区生产总值增长10%。) sets what its 完成情况 then reports on
        found.append((0, ("plan", part_default_year("plan", ctx), None)))
    if not found:
        return None
    last = max(found, key=lambda f: f[0])
    named = [f[1] for f in found if f[2:] == ("named",)]
    if last[2:] == ("said",) and last[1][0] == "review" and named:
        return named[0]  # 2019年和今年以来工作回顾: the year the heading names, not this year so far
    return last[1]


def progress_table_parts(cells: list, ctx: DocumentContext) -> list[tuple[int, int, tuple]]:
    """(start, end, part) of each cell of a progress table (flows.targets.progress_tables): a progress
    column's cells report (review), the others set the task (plan), both of the report's year."""
    review = ("review", part_default_year("review", ctx), None)
    plan = ("plan", part_default_year("plan", ctx), None)
    return [(cell.start, cell.end, review if cell.reports else plan) for cell in cells]


def labelled_line_part(line: str, ctx: DocumentContext) -> tuple[str, int | None, None] | None:
    """A progress report's line that opens with a field's label, as a flattened progress table's rows do
    (目标任务: …; 进展情况: …): the task label makes its numbers the plan's, the progress label what was done."""
    if ctx.doc_type not in rules().report_parts["review_doc_types"] or ":" not in line[:12]:
        return None
    label = line.split(":", 1)[0].strip(" 【】[]")
    words = rules().report_parts
    part = "plan" if label in words["task_columns"] else "review" if label in words["progress_columns"] else None
    return (part, part_default_year(part, ctx), None) if part else None


def states_its_task_first(line: str, ctx: DocumentContext) -> bool:
    """A progress report's line whose later sentence reports on what its first states (新增婴幼儿托位460个。
    目前,鼓励…; 该项目已完成): the first sentence is the task."""
    if ctx.doc_type not in rules().report_parts["review_doc_types"]:
        return False
    later = [part.lstrip(" ,") for part in re.split(r"[。;]", line)[1:]]
    return any(part.startswith(tuple(rules().report_parts["progress_openers"])) for part in later)


def _table_cell_part(table_parts: list[tuple[int, int, tuple]], pos: int) -> tuple | None:
    """The part of the progress-table cell (in text order) that holds pos, if any."""
    i = bisect.bisect_right(table_parts, pos, key=lambda cell: cell[0]) - 1
    return table_parts[i][2] if i >= 0 and pos < table_parts[i][1] else None


def reads_cues(ctx: DocumentContext) -> bool:
    """A report follows its sentences' opening words both ways; a plan or opinion only into a review
    (“十三五”期间…, 2020年, in a 十四五 plan) and out of it again."""
    return bool(ctx.report) or ctx.doc_type in rules().report_parts["review_cue_doc_types"]


def row_part(section: Section | None, paragraph: Paragraph, ctx: DocumentContext) -> tuple | None:
    """The part a row sits in: its sentence's opening words (in a report; in a plan a review's or a span's),
    else its section's heading, else a completion notice's default (it reports)."""
    if paragraph.cue and (ctx.report or paragraph.cue[0] == "review" or paragraph.cue[2] is not None):
        return paragraph.cue  # (any document's sentence that says its span, 今后五年, plans over it)
    if section is not None and ctx.parts and section.section_id in ctx.parts:
        return ctx.parts[section.section_id]
    if ctx.doc_type in rules().report_parts["review_doc_types"]:
        return "review", part_default_year("review", ctx), None
    return None


def report_parts(sections: list[Section], ctx: DocumentContext) -> dict[str, tuple]:
    """section_id -> (part, year, period_start): the part its heading (or an ancestor's) opens,
    dated by the nearest heading that names a year or period, else by the report's year."""
    parts = section_parts(sections)
    by_id = {section.section_id: section for section in sections}
    out: dict[str, tuple] = {}
    for section_id, part in parts.items():
        year = start = None
        section = by_id[section_id]
        while section is not None:
            heading = section.heading.strip()
            if len(heading) <= 60:
                cue = opening_cue(heading, ctx)
                if cue and cue[0] == part and cue[1] is not None:
                    year, start = cue[1], cue[2]
                    break
                found, since, explicit = year_in(heading, 0, len(heading))
                if explicit and found is not None:
                    year, start = found, since
                    break
            section = by_id.get(section.parent_id) if section.parent_id else None
        if year is None:
            year = part_default_year(part, ctx)
        out[section_id] = (part, year, start)
    return out


def follow_cue(s: str, a: int, mentions: list[Mention], ctx: DocumentContext, sections: list[Section],
               paragraph: Paragraph) -> None:
    """Update the report's current part from this sentence's opening words; a new section
    starts with none (its heading's part applies)."""
    state = paragraph.report
    section = section_at(sections, a)
    section_id = section.section_id if section else None
    if state.section != section_id:
        # a section under the one the cue was said in keeps it (刚刚过去的一年… then (一)…(二)…), unless its
        # heading says a part of its own
        keep = state.cue is not None and (ctx.parts is None or section_id not in ctx.parts) \
            and _within(section_id, state.cue_section, state.parent_of)
        state.section = section_id
        if not keep:
            state.cue = None
    cell = _table_cell_part(state.table_parts, a)
    if cell is not None:
        paragraph.cue = cell  # a progress table's cell: its column says; the part said before goes on after it
        return
    if paragraph.labelled is not None:
        paragraph.cue = paragraph.labelled  # 目标任务: … / 进展情况: …: the line's label says, for the whole line
        return
    if paragraph.task_first and paragraph.sentences_read == 0:
        paragraph.cue = ("plan", part_default_year("plan", ctx), None)  # the task its line then reports on
        return
    end = min(mentions[0].start, OPENING_CHARS) if mentions else OPENING_CHARS
    cue = opening_cue(s[:end], ctx)
    stated = stated_result(s, ctx) if cue is None and state.cue is None and \
        (ctx.parts is None or section_id not in ctx.parts) else None
    if stated:
        year, reviewed = stated.group(1) and int(stated.group(1)), part_default_year("review", ctx)
        if year is None or reviewed is None or year <= reviewed:
            cue = ("review", year or reviewed, None)
    if part_default_year("review", ctx) is None:  # a report of no known year: the year its review first names
        if cue and cue[0] == "review" and cue[1] is not None and state.review_year is None:
            state.review_year = cue[1]
        if cue and cue[:2] == ("review", None) and state.review_year:
            cue = ("review", state.review_year, cue[2])  # 2019年…迈出坚实步伐, then 过去的一年: 2019
    if cue and cue != state.cue:  # the part said again keeps the reach it was said with
        state.cue = cue if ctx.report or cue[0] == "review" or cue[2] is not None else None
        state.cue_section = section_id
    paragraph.cue = state.cue
    heading_part = ctx.parts.get(section_id) if ctx.parts else None
    if paragraph.cue is None and heading_part and heading_part[:2] == ("review", None) and state.review_year:
        paragraph.cue = ("review", state.review_year, heading_part[2])


def stated_result(sentence: str, ctx: DocumentContext) -> re.Match | None:
    """A work report's sentence that is only a result stated (脱贫攻坚战取得决定性进展。基本公共服务持续改善。
    2019年高质量发展迈出坚实步伐), with the year it names, if any."""
    words = rules().report_parts["result_statement"]
    if ctx.doc_type not in words["doc_types"] or contains_any(sentence, tuple(words["future_words"])):
        return None
    return report_cues()["result"].fullmatch(sentence.strip())


def _within(section_id: str | None, ancestor_id: str | None, parent_of: dict) -> bool:
    """The section is the one with ancestor_id or under it (every section is under None, the text before
    any heading)."""
    if ancestor_id is None:
        return True
    while section_id is not None:
        if section_id == ancestor_id:
            return True
        section_id = parent_of.get(section_id)
    return False
