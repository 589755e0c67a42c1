"""One document's target rows: the document context completed, indicator tables read by
column, every other sentence read in text order, deadlines of task tables, duplicates
dropped, stable ids."""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import replace

from flows import indicator_tables
from flows.structure import Section, generic_sections
from flows.targets.model import DocumentContext, Paragraph, ReportState, Row
from flows.targets.patterns import alternation, contains_any, rules
from flows.targets.progress_tables import bare_results, outside_share_columns, progress_cells
from flows.targets.report_parts import labelled_line_part, progress_table_parts, report_parts, states_its_task_first
from flows.targets.rows import rows_for_sentence
from flows.targets.tables import table_row
from flows.targets.timing import heading_years, line_deadline, single_year_of
from flows.text.clauses import sentences
from flows.text.lines import line_starts
from flows.text.years import YEAR


def dedupe(rows: list[Row]) -> list[Row]:
    """A number restated for the same indicator in the same document is one row: the first. A target and
    the result reported beside it (30 planned, 30 done) are two."""
    kept: list[Row] = []
    by_amount: dict = {}  # kept rows by amount and kind: compare a row with its own amount only, not all kept rows
    for row in rows:
        bucket = by_amount.setdefault((row.value, row.unit, row.kind == "achieved"), [])
        if any(k.value == row.value and k.unit == row.unit and k.char_start != row.char_start
               and same_indicator(k.indicator, row.indicator) for k in bucket):
            continue
        kept.append(row)
        bucket.append(row)
    return kept


def _bigrams(text: str) -> set[str]:
    return {text[i: i + 2] for i in range(len(text) - 1)} or {text}


def same_indicator(x: str, y: str) -> bool:
    """Two phrases that name one indicator: equal, one inside the other, or mostly shared."""
    if x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x)):
        return True
    bx, by = _bigrams(x), _bigrams(y)
    if 2 * len(bx & by) / (len(bx) + len(by)) >= 0.5:
        return True
    cx, cy = set(x), set(y)
    return min(len(cx), len(cy)) >= 4 and len(cx & cy) / min(len(cx), len(cy)) >= 0.75


def extract_targets(clean_text: str, sections: list[Section], ctx: DocumentContext) -> list[dict]:
    """Rows of the targets table for one document, in text order, with stable ids."""
    if ctx.single_year is None:
        ctx = replace(ctx, single_year=single_year_of(clean_text, ctx))
    if ctx.heading_years is None:
        ctx = replace(ctx, heading_years=heading_years(sections))
    if ctx.parts is None:
        ctx = replace(ctx, parts=report_parts(sections, ctx))
    if ctx.generic_sections is None:
        ctx = replace(ctx, generic_sections=frozenset(generic_sections(sections)))
    if ctx.report is None:
        top_review = any(part == "review" and s.parent_id is None for s in sections
                         for part in [ctx.parts.get(s.section_id, (None,))[0]])
        words = rules().report_parts
        if ctx.doc_type in (None, "other"):  # the metadata stage said nothing: the text's head may
            head = clean_text[: words["report_head_chars"]]
            said = [kind for kind, kind_words in words["head_words"].items() if contains_any(head, tuple(kind_words))]
            if said:
                ctx = replace(ctx, doc_type=said[0])
                ctx = replace(ctx, parts=report_parts(sections, ctx))  # dated by the kind's years
        if ctx.doc_type in words["review_doc_types"] and ctx.doc_year is None:
            # a completion notice is for the year its title names (关于2025年…完成情况的通报)
            since = "".join(rf"(?<!{re.escape(w)})" for w in words["head_year_not_before"])
            named = [int(y) for y in re.findall(rf"{since}({YEAR})\s*年(?!{alternation(words['head_year_not_after'])})",
                                                clean_text[: words["report_head_chars"]])]
            named = [y for y in named if ctx.issue_year is None or y <= ctx.issue_year]
            if named:
                ctx = replace(ctx, doc_year=named[0])
                ctx = replace(ctx, parts=report_parts(sections, ctx))
        ctx = replace(ctx, report=ctx.doc_type in words["report_doc_types"] or top_review)
    # opening cues carry on to the end of their section and into the sections under it
    progress = progress_cells(clean_text) if ctx.report and "|" in clean_text else []
    report_state = ReportState(parent_of={section.section_id: section.parent_id for section in sections},
                               table_parts=progress_table_parts(progress, ctx))
    table_cells, table_lines = indicator_tables.find_cells(clean_text) if "|" in clean_text else ([], [])
    starts = line_starts(clean_text)
    deadlines: dict[int, int | None] = {}  # line number -> the year of a task table row's deadline cell

    def deadline(line_no: int) -> int | None:
        if line_no not in deadlines:
            end = clean_text.find("\n", starts[line_no])
            deadlines[line_no] = line_deadline(clean_text[starts[line_no]: end if end >= 0 else len(clean_text)])
        return deadlines[line_no]

    rows: list[Row] = [row for cell in table_cells if (row := table_row(
        clean_text, cell, ctx, sections, deadline(bisect.bisect_right(starts, cell.line_start) - 1)))]
    in_table = {start for start, _ in table_lines}
    paragraph = Paragraph(report_state)
    last_line = -1
    for span in sentences(clean_text):
        line_no = bisect.bisect_right(starts, span[0])
        if starts[line_no - 1] in in_table:
            continue  # an indicator table's line: read by its columns above
        if line_no != last_line:
            line_end = starts[line_no] if line_no < len(starts) else len(clean_text)
            line = clean_text[starts[line_no - 1]: line_end]
            paragraph = Paragraph(report_state, task_first=states_its_task_first(line, ctx),
                                  labelled=labelled_line_part(line, ctx),
                                  line_before=clean_text[starts[line_no - 2]: starts[line_no - 1]] if line_no > 1 else "")
            last_line = line_no
        rows.extend(rows_for_sentence(clean_text, span, ctx, sections, paragraph, deadline(line_no - 1)))
        paragraph.sentences_read += 1
    if progress:
        rows = outside_share_columns(rows, progress)
        rows.extend(bare_results(clean_text, progress, rows))
    rows.sort(key=lambda r: r.number_pos)
    rows = dedupe(rows)
    out, seen = [], Counter()
    for row in rows:
        # Stable while the quoted source text stays: the id names the number's place and subject,
        # not its extracted value, so a corrected value shows as a change, not a new target.
        key = f"{ctx.doc_id}|{row.quote}|{row.indicator}"
        seen[key] += 1
        target_id = hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()[:16]
        record = {"target_id": target_id, "doc_id": ctx.doc_id, "section_id": row.section_id}
        for name in ("kind", "indicator", "value", "value_high", "unit", "unit_kind", "comparator", "target_year",
                     "period_start", "recurrence", "is_cumulative", "is_aspirational", "domain", "lead_unit",
                     "quote", "char_start", "char_end"):
            record[name] = getattr(row, name)
        out.append(record)
    return out
