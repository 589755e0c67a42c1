"""Rows of a main-indicator table's target cells (flows.indicator_tables reads the columns)."""
from __future__ import annotations

import re

from flows import indicator_tables
from flows.structure import Section, domain_of, section_at
from flows.targets.mentions import find_mentions
from flows.targets.model import DocumentContext, Row
from flows.targets.patterns import contains_any, rules
from flows.targets.rate_units import rate_unit, unit_from_indicator


def table_row(text: str, cell: indicator_tables.TableCell, ctx: DocumentContext, sections: list[Section],
              deadline: int | None = None) -> Row | None:
    """A row from an indicator table's target cell: the unit from the indicator's brackets,
    the year from the column header (else the plan's end, else the row's deadline cell), [N] a
    total over the plan's period."""
    lex = rules()
    number = f"{cell.value:g}" if cell.value_high is None else f"{cell.value:g}-{cell.value_high:g}"
    unit_text = cell.unit_text.strip()
    denominator = ""
    if "/" in unit_text:
        unit_text, denominator = unit_text.split("/", 1)
    if not unit_text and re.search(lex.percent_endings, cell.indicator):
        unit_text = "%"
    mentions = find_mentions(number + unit_text) if unit_text else []
    if not mentions and unit_text:
        return None  # a unit the lexicon does not know: no guessing
    if mentions:
        m = mentions[0]
        value, value_high, unit, unit_kind = m.value, m.value_high, m.unit, m.unit_kind
    else:
        resolved = unit_from_indicator(cell.indicator)
        if not resolved:
            return None
        value, value_high, (unit, unit_kind) = cell.value, cell.value_high, resolved
    if denominator:
        unit, unit_kind = f"{unit}/{denominator}", "rate"
    elif unit_kind in ("count", "money") and mentions:
        rate = rate_unit(cell.indicator, mentions[0])
        if rate:
            unit, unit_kind = rate, ("rate" if unit_kind != "money" else unit_kind)
    comparator = cell.comparator or ("range" if value_high is not None else "eq")
    period_start = None
    cumulative = cell.bracketed or contains_any(cell.indicator, lex.cumulative)
    if cumulative:
        period_start = cell.baseline_year + 1 if cell.baseline_year else ctx.plan_start_year
    target_year = cell.target_year or ctx.plan_end_year or deadline
    section = section_at(sections, cell.line_start)
    domain = domain_of(cell.indicator) or (domain_of(cell.category) if cell.category else None) \
        or (section.domain if section else "other")
    lead_unit = cell.lead_unit or (section.lead_unit if section else None)
    recurrence = "annual" if contains_any(cell.indicator, lex.annual) else "once"
    quote = text[cell.line_start: cell.line_end].strip()
    a = cell.line_start + (len(text[cell.line_start: cell.line_end]) - len(text[cell.line_start: cell.line_end].lstrip()))
    return Row(kind="target", indicator=cell.indicator[:120], value=round(value, 6),
               value_high=round(value_high, 6) if value_high is not None else None, unit=unit, unit_kind=unit_kind,
               comparator=comparator, target_year=target_year, period_start=period_start, recurrence=recurrence,
               is_cumulative=bool(cumulative), is_aspirational=False, domain=domain, lead_unit=lead_unit,
               quote=quote, char_start=a, char_end=a + len(quote),
               section_id=section.section_id if section else None, number_pos=cell.value_pos)


def progress_result_row(task: Row, value: float, quote: str, start: int) -> Row:
    """A progress table's bare result (4385 under 完成情况, beside 新增4000张养老床位): what the task counts, in its
    unit and year, reported as done (flows.targets.progress_tables)."""
    return Row(kind="achieved", indicator=task.indicator, value=value, value_high=None, unit=task.unit,
               unit_kind=task.unit_kind, comparator="eq", target_year=task.target_year, period_start=task.period_start,
               recurrence=task.recurrence, is_cumulative=task.is_cumulative, is_aspirational=False, domain=task.domain,
               lead_unit=task.lead_unit, quote=quote, char_start=start, char_end=start + len(quote),
               section_id=task.section_id, number_pos=start, phrase=task.phrase)

