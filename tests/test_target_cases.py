"""Hand-written sentence cases for the targets stage, checked row by row against the guide.

Each line of tests/cases/sentences.jsonl is one case: a sentence, short paragraph or
mini document in the shapes livelihood plans use, the document context the targets
stage needs (issue year, plan period), an optional section heading put on the line
before the text, and the full rows the guide (shared/spec/targets-guide.md) asks for.
The text goes through the real stages, as flows.pipeline.build_document runs them
(clean -> structure -> targets; the document metadata comes from the case's context
instead of the metadata stage, and no Prefect).

tests/cases/known_gaps.jsonl has the same format plus `extractor_output` (what the
extractor gave when the case was written) and `why`; those cases run as strict xfails,
so a fix to the extractor shows up as an XPASS failure: move the case to
sentences.jsonl then.

Compared columns: every column of a targets row except ids, offsets and the canonical
indicator code (target_id, doc_id, section_id, char_start, char_end, indicator_code);
`quote` is compared, and every produced row must also satisfy
quote == clean_text[char_start:char_end].
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from flows import clean as clean_stage
from flows import schema
from flows import structure as structure_stage
from flows import targets as targets_stage

CASES_DIR = Path(__file__).parent / "cases"
COLUMNS = ("kind", "indicator", "value", "value_high", "unit", "unit_kind", "comparator", "target_year",
           "period_start", "recurrence", "is_cumulative", "is_aspirational", "domain", "lead_unit", "quote")
FLOAT_COLUMNS = ("value", "value_high")
CONTEXT_KEYS = {"issue_year", "plan_start_year", "plan_end_year"}
DOC_ID = "case000000000000"


def load(name: str) -> list[dict]:
    path = CASES_DIR / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


PASSING = load("sentences.jsonl")
GAPS = load("known_gaps.jsonl")


def run_case(case: dict) -> tuple[str, list[dict]]:
    """clean -> structure -> targets, as pipeline.build_document calls them."""
    text = case["text"] if not case.get("heading") else case["heading"] + "\n" + case["text"]
    clean_text = clean_stage.clean(text).clean_text
    sections = structure_stage.build_sections(DOC_ID, clean_text)
    context = case.get("context", {})
    ctx = targets_stage.DocumentContext(doc_id=DOC_ID, plan_start_year=context.get("plan_start_year"),
                                        plan_end_year=context.get("plan_end_year"),
                                        issue_year=context.get("issue_year"))
    return clean_text, targets_stage.extract_targets(clean_text, sections, ctx)


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def same_row(expected: dict, got: dict) -> bool:
    for column in COLUMNS:
        if column in FLOAT_COLUMNS:
            if not same_value(expected[column], got[column]):
                return False
        elif expected[column] != got[column]:
            return False
    return True


def describe(row: dict) -> str:
    return "{" + ", ".join(f"{c}={row.get(c)!r}" for c in COLUMNS) + "}"


def assert_rows(expected: list[dict], got: list[dict]) -> None:
    """Multiset equality of rows, with a diff that names what is missing and what is extra."""
    unmatched = list(got)
    missing = []
    for row in expected:
        match = next((g for g in unmatched if same_row(row, g)), None)
        if match is None:
            missing.append(row)
        else:
            unmatched.remove(match)
    if missing or unmatched:
        lines = ["rows differ from the guide's expectation"]
        lines += [f"  expected, not produced: {describe(r)}" for r in missing]
        lines += [f"  produced, not expected: {describe(r)}" for r in unmatched]
        pytest.fail("\n".join(lines))


def check_case(case: dict) -> None:
    clean_text, rows = run_case(case)
    for row in rows:
        assert clean_text[row["char_start"]:row["char_end"]] == row["quote"], row
    assert_rows(case["expected"], rows)


PARAMS = [pytest.param(c, id=c["id"]) for c in PASSING] + [
    pytest.param(c, id=c["id"], marks=pytest.mark.xfail(strict=True, reason=c["why"])) for c in GAPS]


@pytest.mark.parametrize("case", PARAMS)
def test_case(case):
    check_case(case)


def test_case_files_are_well_formed():
    """The expectations themselves: unique ids, full rows, values from the schema's vocabularies."""
    cases = PASSING + GAPS
    assert len(cases) >= 70
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    vocab = {"kind": schema.KINDS, "unit_kind": schema.UNIT_KINDS, "comparator": schema.COMPARATORS,
             "recurrence": schema.RECURRENCES, "domain": schema.DOMAINS}
    for case in cases:
        assert case["text"].strip() and case["shape"].strip(), case["id"]
        assert set(case.get("context", {})) <= CONTEXT_KEYS, case["id"]
        for row in case["expected"]:
            assert set(row) == set(COLUMNS), (case["id"], set(row) ^ set(COLUMNS))
            for column, allowed in vocab.items():
                assert row[column] in allowed, (case["id"], column, row[column])
            assert row["value"] >= 0 and (row["value_high"] is None or row["value_high"] > row["value"]), case["id"]
            assert (row["comparator"] == "range") == (row["value_high"] is not None), case["id"]
            assert isinstance(row["is_cumulative"], bool) and isinstance(row["is_aspirational"], bool), case["id"]
    for case in GAPS:
        assert case["why"].strip() and "extractor_output" in case, case["id"]
