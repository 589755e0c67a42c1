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
