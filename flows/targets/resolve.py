"""One row from one number: every field decided here, once, by one resolver, in this order
(a later step may read an earlier one's result, never change it):

  1. unit, unit_kind      rate_units.unit_of        the mention's unit, or a rate (元/人/年, 张/千人)
  2. comparator           comparators.comparator_of own words, the list's, the nearest before, eq
  3. part                 report_parts.row_part     a report's review or plan part (guide §7)
  4. wording              kind.wording_kind         what the clause's words make it
  5. timing               timing.timing_of          stated year, deadline, span, inherited, part, heading, document
  6. kind                 kind.kind_of              the wording, unless a review or a past year says achieved
  7. recurrence, is_cumulative, period_start        timing.recurrence_and_total
  8. target_year          a list's own year for its number (2024年、2025年分别…), else the timing's year,
                          else the deadline cell of the task table row it sits in
  9. is_aspirational      an aspirational word before the number (力争)
 10. domain, lead_unit    domain.domain_of_row; the section's lead unit
 11. indicator            the phrase, with the verb of the list or total it belongs to (新建幼儿园6所、中小学4所)

The sentence-level inputs (the phrase, the mention with its unit, the list's year, what it
shares with a row before) are gathered by flows.targets.rows.
"""
from __future__ import annotations

from dataclasses import dataclass

from flows.structure import Section
from flows.targets.comparators import comparator_of
from flows.targets.domain import domain_of_row
from flows.targets.kind import kind_of, wording_kind
from flows.targets.model import DocumentContext, Mention, Paragraph, Row
from flows.targets.patterns import contains_any, leading_verb, rules
from flows.targets.rate_units import unit_of
from flows.targets.report_parts import row_part
from flows.targets.timing import recurrence_and_total, timing_of
from flows.text.clauses import clause_start

INDICATOR_CHARS = 120  # targets.indicator is cut here


@dataclass(frozen=True)
class Place:
    """Where a number sits: its sentence s = text[a:b], the list of mentions it is read with."""
    s: str
    a: int
    b: int
    mentions: list[Mention]
    index: int  # of the number in mentions
    group: list[int]  # the numbers read as one list with it (indices in mentions)
    clause_lo: int  # start of the clause of the list's first number


@dataclass(frozen=True)
class Shared:
    """A row before that this one belongs to: the previous item of its list, or the total a
    其中 sentence breaks down."""
    row: Row
    indicator: str  # that row's indicator as this one sees it (before its own shared verb, in one sentence)
    breaks_down: bool  # this row is a 其中 part of that row


def resolve_row(place: Place, m: Mention, phrase: str, ctx: DocumentContext, section: Section | None,
                paragraph: Paragraph, rows: list[Row], listed_year: int | None, shared: Shared | None,
                deadline: int | None = None) -> Row:
    s, a, b = place.s, place.a, place.b
    sentence_prefix = s[: m.start]
    clause_lo = clause_start(s, m.start)
    clause_prefix = s[clause_lo: m.start]
    unit, unit_kind = unit_of(s, m, clause_prefix)
    comparator = comparator_of(s, a, place.mentions, place.index, place.group, place.clause_lo, rows, clause_prefix)
    part = row_part(section, paragraph, ctx)
    wording = wording_kind(clause_prefix, sentence_prefix, m, unit, s[m.unit_end: m.unit_end + 4])
    timing = timing_of(s, m, ctx, section, paragraph.inherited, part, wording == "achieved")
    kind = kind_of(wording, part, timing.year, timing.explicit, sentence_prefix, ctx, clause_prefix)
    breaks_down = shared.row if shared is not None and shared.breaks_down else None
    recurrence, cumulative, period_start = recurrence_and_total(s, m, clause_lo, unit, unit_kind, timing, ctx, breaks_down)
    target_year = next((y for y in (listed_year, timing.year, deadline) if y is not None), None)
    aspirational = contains_any(sentence_prefix, rules().aspirational)
    domain = domain_of_row(s, m, section, phrase, ctx, (paragraph.previous, paragraph.line_before))
    lead_unit = section.lead_unit if section else None
    own = phrase[:INDICATOR_CHARS]
    return Row(kind=kind, indicator=_with_shared_verb(own, unit_kind, shared), value=round(m.value, 6),
               value_high=m.value_high, unit=unit, unit_kind=unit_kind, comparator=comparator, target_year=target_year,
               period_start=period_start, recurrence=recurrence, is_cumulative=cumulative,
               is_aspirational=aspirational, domain=domain, lead_unit=lead_unit, quote=s,
               char_start=a, char_end=b, section_id=section.section_id if section else None,
               number_pos=a + m.start, phrase=own)


def _with_shared_verb(indicator: str, unit_kind: str, shared: Shared | None) -> str:
    """新建幼儿园6所、中小学4所: the list's verb is each item's (新建中小学); 其中 items take the
    verb of the total they break down. A rate (合格率) names its own measure: no verb to share."""
    if shared is None or leading_verb().match(indicator) or unit_kind in ("percent", "permille"):
        return indicator
    verb = leading_verb().match(shared.indicator)
    if verb and len(shared.indicator) - verb.end() >= 2 and not indicator.startswith(verb.group(0)):
        return (verb.group(0) + indicator)[:INDICATOR_CHARS]
    return indicator
