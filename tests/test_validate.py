"""Great Expectations suites catch corrupted tables; a clean build passes them."""
from __future__ import annotations

import pandas as pd
import pytest

from flows import publish, validate


@pytest.fixture(scope="module")
def targets(seed_build) -> pd.DataFrame:
    frame = pd.read_parquet(seed_build / "targets.parquet")
    return publish.to_frame("targets", frame.to_dict("records"))


def test_the_seed_targets_pass_their_suite(targets):
    result = validate.validate_frame("targets", targets)
    assert result.success and result.failures == [] and result.evaluated > 20


@pytest.mark.parametrize("column,value,expectation", [
    ("kind", "promise", "expect_column_values_to_be_in_set"),
    ("kind", None, "expect_column_values_to_not_be_null"),
    ("value", -5.0, "expect_column_values_to_be_between"),
    ("target_year", 1850, "expect_column_values_to_be_between"),
    ("unit_kind", "furlongs", "expect_column_values_to_be_in_set"),
    ("target_id", "duplicate", "expect_column_values_to_be_unique"),
])
def test_a_corrupted_column_fails_the_suite_naming_it(targets, column, value, expectation):
    corrupted = targets.copy()
    corrupted[column] = corrupted[column].astype(object)
    corrupted.loc[corrupted.index[:2], column] = value  # two rows, so that a duplicate id is one too
    result = validate.validate_frame("targets", corrupted)
    assert not result.success
    failed = [(f["expectation"], f["kwargs"].get("column")) for f in result.failures]
    assert (expectation, column) in failed
    failure = next(f for f in result.failures if f["expectation"] == expectation and f["kwargs"].get("column") == column)
    if expectation != "expect_column_values_to_be_unique":
        assert failure["unexpected_count"] == 2


def test_a_missing_column_fails_the_suite(targets):
    result = validate.validate_frame("targets", targets.drop(columns=["comparator"]))
    assert not result.success
    assert "expect_table_columns_to_match_ordered_list" in [f["expectation"] for f in result.failures]


def test_a_quote_that_is_not_its_span_fails_the_cross_check(seed_build, targets):
    texts = pd.read_parquet(seed_build / "texts.parquet")
    documents = pd.read_parquet(seed_build / "documents.parquet")
    moved = targets.copy()
    moved.loc[moved.index[0], "char_start"] = moved.loc[moved.index[0], "char_start"] + 1
    checks = {c["check"]: c for c in validate.cross_table_checks({"targets": moved, "texts": texts, "documents": documents})}
    quote_check = checks["quote equals clean_text[char_start:char_end]"]
    assert not quote_check["success"] and quote_check["examples"] == [moved.iloc[0]["target_id"]]
    assert checks["targets.doc_id in documents"]["success"]


# ---------------------------------------------------------------- every table, and the checks across tables
# (that expectations/*.json equal what flows/schema.py generates is checked in tests/test_comparison.py)


@pytest.fixture(scope="module")
def frames(seed_build) -> dict[str, pd.DataFrame]:
    from flows import schema

    return {name: publish.to_frame(name, pd.read_parquet(seed_build / f"{name}.parquet").to_dict("records"))
            for name in schema.TABLES}


def test_the_whole_seed_build_passes(frames):
    report = validate.validate_tables(frames)
    assert report.success
    assert sorted(t.table for t in report.tables) == sorted(frames)
    assert all(t.success and t.failures == [] for t in report.tables)
    assert [(c["check"], c["success"]) for c in report.cross_checks] == [
        ("quote equals clean_text[char_start:char_end]", True),
        ("targets.doc_id in documents", True), ("sections.doc_id in documents", True),
        ("texts.doc_id in documents", True), ("documents.region_code in regions", True)]
    assert report.to_dict()["success"] is True


@pytest.mark.parametrize("table,column,value,expectation", [
    ("documents", "encoding", "latin-1", "expect_column_values_to_be_in_set"),
    ("documents", "admin_level", "township", "expect_column_values_to_be_in_set"),
    ("documents", "sha256", None, "expect_column_values_to_not_be_null"),
    ("documents", "doc_id", "same", "expect_column_values_to_be_unique"),
    ("sections", "level", 5, "expect_column_values_to_be_between"),
    ("sections", "domain", "tourism", "expect_column_values_to_be_in_set"),
    ("sections", "char_start", -1, "expect_column_values_to_be_between"),
    ("targets", "value_high", -1.0, "expect_column_values_to_be_between"),
    ("targets", "quote", None, "expect_column_values_to_not_be_null"),
    ("targets", "comparator", "about", "expect_column_values_to_be_in_set"),
    ("texts", "clean_text", None, "expect_column_values_to_not_be_null"),
])
def test_a_corrupted_value_in_any_table_fails_its_suite(frames, table, column, value, expectation):
    corrupted = frames[table].copy()
    corrupted[column] = corrupted[column].astype(object)
    corrupted.loc[corrupted.index[:2], column] = value
    result = validate.validate_frame(table, corrupted)
    assert not result.success
    assert [(f["expectation"], f["kwargs"].get("column")) for f in result.failures] == [(expectation, column)]


def test_a_section_that_ends_before_it_starts_fails_the_pair_expectation(frames):
    sections = frames["sections"].copy()
    first = sections.index[0]
    sections.loc[first, "char_end"] = sections.loc[first, "char_start"]
    result = validate.validate_frame("sections", sections)
    assert [(f["expectation"], f["kwargs"], f["unexpected_count"]) for f in result.failures] == [
        ("expect_column_pair_values_a_to_be_greater_than_b", {"column_A": "char_end", "column_B": "char_start"}, 1)]


def test_a_plan_period_that_runs_backwards_fails_the_pair_expectation(frames):
    documents = frames["documents"].copy()
    with_period = documents.index[documents["plan_start_year"].notna()][0]
    documents.loc[with_period, "plan_end_year"] = documents.loc[with_period, "plan_start_year"] - 1
    result = validate.validate_frame("documents", documents)
    assert [(f["expectation"], f["kwargs"]["column_A"], f["unexpected_count"]) for f in result.failures] == [
        ("expect_column_pair_values_a_to_be_greater_than_b", "plan_end_year", 1)]


def test_rows_of_a_document_that_is_not_published_fail_the_build_though_each_suite_passes(frames):
    broken = dict(frames)
    documents = frames["documents"]
    dropped = documents.iloc[0]
    broken["documents"] = documents.iloc[1:].reset_index(drop=True)
    report = validate.validate_tables(broken)
    assert all(t.success for t in report.tables) and not report.success
    failed = {c["check"]: c["examples"] for c in report.cross_checks if not c["success"]}
    assert failed == {name: [dropped["doc_id"]] for name in
                      ("targets.doc_id in documents", "sections.doc_id in documents", "texts.doc_id in documents")}
    assert report.to_dict()["success"] is False


def test_a_region_code_that_is_not_a_region_fails_the_cross_check(frames):
    documents = frames["documents"].copy()
    documents.loc[documents.index[0], "region_code"] = "999999"
    checks = {c["check"]: c for c in validate.cross_table_checks({**frames, "documents": documents})}
    assert not checks["documents.region_code in regions"]["success"]
    assert checks["documents.region_code in regions"]["examples"] == ["999999"]
