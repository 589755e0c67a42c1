"""Years and periods of rows: the year a sentence states for a number, a deadline after it,
the plan's span (三年累计), a one-year document's year, the years headings name; then
target_year, period_start, recurrence and is_cumulative of one row (targets guide §4–6)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from flows.structure import DEADLINE_CELL, Section
from flows.targets.indicator_phrase import context_before
from flows.targets.model import DocumentContext, Mention, Row
from flows.targets.patterns import contains_any, plan_span, rules
from flows.text.clauses import clause_end
from flows.text.numerals import parse_number
from flows.text.years import EARLIEST_TARGET_YEAR, PERIOD_RE, YEAR

# A time frame that opens a sentence (到2027年, 2025年底前, 2023—2027年): it governs the clauses after ';'.
LEADING_TIME_RE = re.compile(rf"^[^,;]{{0,6}}?(?:到|至|力争到|争取到|截至)?\s*{YEAR}\s*年(?:[-—–~至到]+\s*{YEAR}\s*年)?(?:底|末)?前?\s*[,，]")


BASELINE_BEFORE = re.compile(r"(较|比|与|同|从|由|相比)\s*[“\"]?$")  # a year or period after these is a baseline


def year_in(text: str, lo: int, hi: int) -> tuple[int | None, int | None, bool]:
    """(target_year, period_start, explicit) stated in text[lo:hi], nearest the end."""
    segment = text[lo:hi]
    best = None
    since = None
    for m in PERIOD_RE.finditer(segment):
        best = (m.end(), int(m.group(2)), int(m.group(1)))
    for m in re.finditer(rf"({YEAR})\s*年", segment):
        if BASELINE_BEFORE.search(segment[max(0, m.start() - 3): m.start()]) or \
                re.match(r"(底|末)?(相比|以来|同期|基础上|的[\d.]+(倍|%))", text[lo + m.end(): lo + m.end() + 10]):
            continue  # 较2020年, 2020年以来, 是2011年的1.5倍: a baseline, not the year of the target
        if re.match(r"(以前|以后|之前|之后|前|后|及以前|及以后)?出生", segment[m.end(): m.end() + 5]) or \
                int(m.group(1)) < EARLIEST_TARGET_YEAR:
            continue  # 1960年以前出生的: who is covered, not when
        if re.match(r"(\d{1,2}月)?(\d{1,2}日)?(起|开始)", segment[m.end(): m.end() + 8]):
            since = int(m.group(1))  # 2023年7月起: when it starts, not a deadline
            continue
        if best is None or m.end() > best[0]:
            if PERIOD_RE.match(segment, max(0, m.start() - 12)) and any(
                    pm.start() <= m.start() < pm.end() for pm in PERIOD_RE.finditer(segment)):
                continue
            best = (m.end(), int(m.group(1)), None)
    periods = rules().periods
    for name, (p_start, p_end) in periods.items():
        idx = segment.rfind(name)
        if idx >= 0 and BASELINE_BEFORE.search(segment[max(0, idx - 4): idx]):
            continue  # 较“十三五”末实现翻番: the baseline, not the period of the target
        if idx >= 0 and segment[idx + len(name):].lstrip("”\"").startswith(rules().plan_work):
            continue  # 开展“十三五”规划中期评估: work on the plan, not the time the number is for
        if idx >= 0 and (best is None or idx > best[0]):
            best = (idx + len(name), p_end, p_start)
    if since is not None:
        if best is None:
            return None, since, True
        if best[2] is None and best[1] > since:
            return best[1], since, True
    if best is None:
        return None, None, False
    return best[1], best[2], True


def deadline_end(s: str, pos: int) -> int:
    """Where a deadline after a number may still be its own: to the end of its clause and
    of the clauses after it that hold no number of their own (…1所,2025年底前完成 vs
    …1所,2025年底前新建50个: the second year is the 50's)."""
    end = clause_end(s, pos)
    while end < len(s):
        nxt = clause_end(s, end + 1)
        clause = re.sub(rf"{YEAR}\s*年|\d{{1,2}}月", "", s[end + 1: nxt])
        if re.search(r"\d", clause):
            break
        end = nxt
    return end


def plan_span_of(prefix: str, ctx: DocumentContext) -> tuple[int, int] | None:
    """三年累计, 五年内 in a plan of that many years: (the plan's end, its start)."""
    if not (ctx.plan_start_year and ctx.plan_end_year):
        return None
    found = None
    for found in plan_span().finditer(prefix):
        pass
    if found is None or parse_number(found.group(1)) != ctx.plan_end_year - ctx.plan_start_year + 1:
        return None
    return ctx.plan_end_year, ctx.plan_start_year


def single_year_of(text: str, ctx: DocumentContext) -> int | None:
    """The year of a one-year list or work plan: the document's year, or stated years mostly
    equal the issue year."""
    if ctx.doc_year and not (ctx.plan_start_year and ctx.plan_end_year and ctx.plan_start_year != ctx.plan_end_year) \
            and ctx.doc_type not in rules().report_parts["report_doc_types"]:
        return ctx.doc_year
    if ctx.plan_start_year and ctx.plan_start_year == ctx.plan_end_year:
        return ctx.plan_start_year
    if ctx.plan_start_year and ctx.plan_end_year:
        return None
    years = Counter(int(y) for y in re.findall(rf"(?:到|至|于)?({YEAR})年(?:底|末|全年|内)?", text))
    if not years or not ctx.issue_year:
        return None
    common, count = years.most_common(1)[0]
    if common == ctx.issue_year and count >= 2:
        return common
    return None


def heading_years(sections: list[Section]) -> dict[str, int]:
    """(一)2024年目标, 2025年重点任务: a short heading naming one year, and no other number,
    dates the items below it (guide 6: the section). Inner headings win over outer ones."""
    years: dict[str, int] = {}
    for section in sections:  # parents come before their children
        heading = section.heading.strip()
        year, start, explicit = year_in(heading, 0, len(heading))
        own = None
        if explicit and start is None and len(heading) <= 40 and \
                len(re.findall(r"\d+", re.sub(rf"{YEAR}\s*年", "", heading))) == 0:
            own = year
        inherited = years.get(section.parent_id) if section.parent_id else None
        if own or inherited:
            years[section.section_id] = own or inherited
    return years


@dataclass(frozen=True)
class Timing:
    """When a row's number is for, as its sentence, paragraph, section and document say."""
    year: int | None
    start: int | None  # the first year of the period the number covers
    explicit: bool  # the sentence states the year (not a fallback)
    span: tuple[int, int] | None  # 三年累计 in a plan of three years: (its end, its start)


def timing_of(s: str, m: Mention, ctx: DocumentContext, section: Section | None, inherited: tuple | None,
              part: tuple | None, achieved: bool) -> Timing:
    """The year (and period start) a number is for, the first that applies of: the year stated
    before it in its sentence; a deadline after it, in its clause or the number-free clauses after
    (not for a stock already achieved); the plan's span (三年累计); the year the sentence inherits
    (其中, after ';'); a report's review or plan part; its heading's year; a one-year document's
    year; the issue year when the sentence says 年底, 全年. In a one-year list an earlier stated
    year is a reference, not a deadline."""
    sentence_prefix = s[: m.start]
    year, start, explicit = year_in(s, 0, m.start)
    if not explicit and not achieved:  # a stock already built is not dated by the next clause's deadline
        year2, start2, explicit2 = year_in(s, m.end, deadline_end(s, m.end))
        if explicit2 and not re.search(rf"{YEAR}年(已|完成)", s[m.end:]):
            year, start, explicit = year2, start2, explicit2
    if explicit and ctx.single_year and year is not None and year < ctx.single_year and start is None:
        year, explicit = None, False  # in a one-year list an earlier year is a reference (2022年收益…)
    span = None if explicit else plan_span_of(sentence_prefix, ctx)
    if span:
        year, start = span  # 三年累计 in a 2024—2026 plan: the plan's three years
    if not explicit and not span and inherited:
        year, start = inherited
    if part and part[0] == "review":
        # a report's review: in the year (or period) it reports on (guide §7)
        if not explicit and not span and not inherited and part[1] is not None:
            year, start = part[1], part[2]
    elif part and (ctx.report or part[2] is not None) and year is None:
        # a report's plan: the report's year, or the period its heading names; any document's span (今后五年)
        year, start = part[1], part[2]
    if year is None and section and ctx.heading_years:
        year = ctx.heading_years.get(section.section_id)
    if year is None and ctx.single_year:
        year = ctx.single_year
    if year is None and re.search(r"(?<![\d一二两三四五六七八九十])(?:年底|年末|全年|年内|当年|本年)", s) and ctx.issue_year:
        year = ctx.issue_year
    return Timing(year, start, explicit, span)


def recurrence_and_total(s: str, m: Mention, clause_lo: int, unit: str, unit_kind: str, timing: Timing,
                         ctx: DocumentContext, breaks_down: Row | None) -> tuple[str, bool, int | None]:
    """(recurrence, is_cumulative, period_start) of a row: annual when the sentence says 每年 (not
    for a one-off award, always for 元/人/年); a total over a period when its clause (or, for an
    amount, its sentence) says 累计, when a period's total words follow a stated period, or when
    the plan's span is named; a yearly amount is no total unless its own clause says so. A total
    with no start starts with the plan; a 其中 item of a total is a total over the same period."""
    lex = rules()
    sentence_prefix = s[: m.start]
    clause_prefix = s[clause_lo: m.start]
    year, start = timing.year, timing.start
    recurrence = "annual" if contains_any(sentence_prefix, lex.annual) and m.unit_kind != "duration" else "once"
    if recurrence == "annual" and contains_any(clause_prefix + context_before(s, clause_lo), lex.one_off_words):
        recurrence = "once"  # 每年培训…,对…给予一次性奖励N元: the award is paid once
    # 7200元/人/年 is paid every year; 年服务群众30万人次 counts a year's work
    if unit.endswith(("/年", "/学年")) or clause_prefix.startswith(lex.annual_openers):
        recurrence = "annual"
    # 累计 in an earlier clause carries to later amounts of the sentence, never to a rate or share
    cumulative = contains_any(clause_prefix, lex.cumulative) or (
        contains_any(sentence_prefix, lex.cumulative)
        and m.unit_kind not in ("duration", "percent", "permille", "pct_point", "rate"))
    if not cumulative and start is not None and year is not None and start < year and PERIOD_RE.search(sentence_prefix):
        cumulative = contains_any(sentence_prefix, lex.period_total) and m.unit_kind not in ("percent", "permille", "rate")
    if recurrence == "annual" and not contains_any(clause_prefix, lex.cumulative):
        cumulative = False  # 2023—2025年,每年新增…: a yearly amount, not a total over the period
    elif recurrence == "annual" and not contains_any(clause_prefix, lex.annual) and not unit.endswith(("/年", "/学年")):
        recurrence = "once"  # 每年新增…,累计建设…300个: the clause's own 累计 makes it a total, paid once
    if timing.span and m.unit_kind not in ("percent", "permille", "pct_point", "rate", "duration"):
        cumulative = True
    if cumulative and start is None and ctx.plan_start_year and year is not None and year == ctx.plan_end_year:
        start = ctx.plan_start_year
    if breaks_down is not None and breaks_down.is_cumulative and not cumulative \
            and unit_kind not in ("percent", "permille", "pct_point", "rate"):
        cumulative, start = True, start or breaks_down.period_start  # 累计…,其中…: part of the same total
    return recurrence, bool(cumulative), start


def line_deadline(line: str) -> int | None:
    """| 项目 | 目标任务 | 牵头单位 | 2025年12月底 |: the one year a task table row's deadline cells
    name; it dates the numbers of its other cells that state no year of their own."""
    if line.count("|") < 2:
        return None
    years = {int(m.group(1)) for cell in line.strip("| ").split("|")
             if (m := DEADLINE_CELL.match(cell.strip())) and m.group(1)}
    return years.pop() if len(years) == 1 else None
