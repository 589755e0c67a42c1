"""Hand-written sentence cases for the targets stage, checked row by row against the guide.

Each line of tests/cases/sentences.jsonl is one case: a sentence, short paragraph or
mini document in the shapes livelihood plans use, the document context the targets
stage needs (issue year, plan period), an optional section heading put on the line
before the text, and the full rows the guide (shared/spec/targets-guide.md) asks for.
The text goes through the real stages, as flows.pipeline.build_document runs them
(clean -> structure -> targets; the document metadata comes from the case's context
instead of the metadata stage, and no Prefect).

tests/cases/known_gaps.jsonl has the same format plus `why` and `extractor_output`: the
full rows the extractor gives for the case today. Those cases run as strict xfails that
expect only one thing, `KnownGapStillOpen`, raised when today's output equals the recorded
output and differs from the guide's. Everything else fails the test: the extractor raising
(a crash is no expected failure), any change of its output (a regression, or a fix in part:
re-record with tests/cases/record_known_gaps.py after reading what changed), and a fix in
full (an XPASS: move the case to sentences.jsonl then).

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
CONTEXT_KEYS = {"issue_year", "plan_start_year", "plan_end_year", "doc_type"}
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
                                        issue_year=context.get("issue_year"), doc_type=context.get("doc_type"))
    return clean_text, targets_stage.extract_targets(clean_text, sections, ctx)


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def same_row(expected: dict, got: dict) -> bool:
    if any(column not in expected or column not in got for column in COLUMNS):
        return False
    for column in COLUMNS:
        if column in FLOAT_COLUMNS:
            if not same_value(expected[column], got[column]):
                return False
        elif expected[column] != got[column]:
            return False
    return True


def describe(row: dict) -> str:
    return "{" + ", ".join(f"{c}={row.get(c)!r}" for c in COLUMNS) + "}"


def row_differences(expected: list[dict], got: list[dict]) -> tuple[list[dict], list[dict]]:
    """Multiset difference of rows: (expected but not produced, produced but not expected)."""
    unmatched = list(got)
    missing = []
    for row in expected:
        match = next((g for g in unmatched if same_row(row, g)), None)
        if match is None:
            missing.append(row)
        else:
            unmatched.remove(match)
    return missing, unmatched


def rows_match(expected: list[dict], got: list[dict]) -> bool:
    return row_differences(expected, got) == ([], [])


def assert_rows(expected: list[dict], got: list[dict], against: str = "the guide's expectation") -> None:
    """Multiset equality of rows, with a diff that names what is missing and what is extra."""
    missing, unmatched = row_differences(expected, got)
    if missing or unmatched:
        lines = [f"rows differ from {against}"]
        lines += [f"  expected, not produced: {describe(r)}" for r in missing]
        lines += [f"  produced, not expected: {describe(r)}" for r in unmatched]
        pytest.fail("\n".join(lines))


def check_case(case: dict) -> None:
    clean_text, rows = run_case(case)
    for row in rows:
        assert clean_text[row["char_start"]:row["char_end"]] == row["quote"], row
    assert_rows(case["expected"], rows)


class KnownGapStillOpen(Exception):
    """The one expected failure of a known-gap case: the extractor gives exactly its recorded
    output, and that output is not the guide's."""


def check_known_gap(case: dict) -> None:
    clean_text, rows = run_case(case)  # a crash fails the test: it is not the known gap
    for row in rows:
        assert clean_text[row["char_start"]:row["char_end"]] == row["quote"], row
    if rows_match(case["expected"], rows):
        return  # fixed: strict xfail reports XPASS; move the case to sentences.jsonl
    assert_rows(case["extractor_output"], rows,
                against="the recorded extractor_output (a regression, or a partial fix: re-record with "
                        "tests/cases/record_known_gaps.py)")
    raise KnownGapStillOpen(case["why"])


PARAMS = [pytest.param(c, id=c["id"]) for c in PASSING] + [
    pytest.param(c, id=c["id"], marks=pytest.mark.xfail(strict=True, raises=KnownGapStillOpen, reason=c["why"]))
    for c in GAPS]


@pytest.mark.parametrize("case", PARAMS)
def test_case(case):
    if "extractor_output" in case:
        check_known_gap(case)
    else:
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
        for row in case["extractor_output"]:  # recorded in full, so that any change shows
            assert set(row) == set(COLUMNS), (case["id"], set(row) ^ set(COLUMNS))
        assert not rows_match(case["expected"], case["extractor_output"]), \
            f"{case['id']}: its recorded output is the guide's; move it to sentences.jsonl"
    assert not any("extractor_output" in case for case in PASSING)


def test_a_known_gap_fails_when_the_extractor_crashes_or_its_output_changes(monkeypatch):
    """The known-gap check itself: only the recorded output counts as the expected failure."""
    case = GAPS[0]
    with pytest.raises(KnownGapStillOpen):
        check_known_gap(case)

    def crash(*args, **kwargs):
        raise RuntimeError("a stage bug")
    with monkeypatch.context() as patch:
        patch.setattr(targets_stage, "extract_targets", crash)
        with pytest.raises(RuntimeError, match="a stage bug"):
            check_known_gap(case)

    changed = dict(case, extractor_output=[dict(row, value=row["value"] + 1) for row in case["extractor_output"]])
    with pytest.raises(pytest.fail.Exception, match="differ from the recorded extractor_output"):
        check_known_gap(changed)
    fewer = dict(case, extractor_output=case["extractor_output"][1:] + [dict(case["extractor_output"][0], unit="X")])
    with pytest.raises(pytest.fail.Exception, match="differ from the recorded extractor_output"):
        check_known_gap(fewer)
