"""Validate stage: Great Expectations 1.x suites, one per published table.

The suites are generated from flows/schema.py and kept in expectations/<table>.json
(`minsheng suites` rewrites them; a test checks they match the schema). Checks that
span tables (every quote is exactly clean_text[char_start:char_end], every row's
doc_id is a document) are plain Python beside them.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from flows import schema

EXPECTATIONS_DIR = Path(__file__).resolve().parent.parent / "expectations"


@dataclass
class TableResult:
    table: str
    success: bool
    evaluated: int
    failures: list[dict] = field(default_factory=list)


@dataclass
class ValidationReport:
    tables: list[TableResult]
    cross_checks: list[dict]

    @property
    def success(self) -> bool:
        return all(t.success for t in self.tables) and all(c["success"] for c in self.cross_checks)

    def to_dict(self) -> dict:
        return {"success": self.success,
                "tables": [t.__dict__ for t in self.tables],
                "cross_checks": self.cross_checks}


def suite_file(table: str, directory: Path = EXPECTATIONS_DIR) -> Path:
    return Path(directory) / f"{table}.json"


def write_suites(directory: Path = EXPECTATIONS_DIR) -> list[Path]:
    """(Re)generate every table's suite from the schema declaration."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in schema.TABLES.values():
        path = suite_file(table.name, directory)
        path.write_text(json.dumps(schema.expectation_suite(table), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def load_suite(table: str, directory: Path = EXPECTATIONS_DIR) -> dict:
    path = suite_file(table, directory)
    if not path.exists():
        return schema.expectation_suite(schema.TABLES[table])
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def ge_context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def validate_frame(table: str, frame: pd.DataFrame, suite: dict | None = None) -> TableResult:
    """Run one table's suite on a DataFrame with Great Expectations."""
    import great_expectations as gx

    suite = suite or load_suite(table)
    context = ge_context()
    name = f"{table}_{id(frame)}"
    source = context.data_sources.add_or_update_pandas(f"source_{name}")
    asset = source.add_dataframe_asset(name)
    batch_definition = asset.add_batch_definition_whole_dataframe("whole")
    expectation_suite = gx.ExpectationSuite(name=suite["name"], expectations=suite["expectations"])
    result = batch_definition.get_batch(batch_parameters={"dataframe": frame}).validate(expectation_suite)
    failures = []
    for r in result.results:
        if not r.success:
            details = r.result or {}
            failures.append({
                "expectation": r.expectation_config.type,
                "kwargs": {k: v for k, v in r.expectation_config.kwargs.items() if k not in ("batch_id", "value_set")},
                "unexpected_count": details.get("unexpected_count"),
                "examples": [str(x) for x in (details.get("partial_unexpected_list") or [])[:5]],
                "observed": str(details.get("observed_value"))[:200] if details.get("observed_value") is not None else None,
            })
    context.data_sources.delete(f"source_{name}")
    return TableResult(table, bool(result.success), len(result.results), failures)


def cross_table_checks(frames: dict[str, pd.DataFrame]) -> list[dict]:
    checks = []
    documents, targets, texts = frames.get("documents"), frames.get("targets"), frames.get("texts")
    if targets is not None and texts is not None:
        by_doc = dict(zip(texts["doc_id"].tolist(), texts["clean_text"].tolist()))
        columns = (targets[c].tolist() for c in ("target_id", "doc_id", "char_start", "char_end", "quote"))
        bad = [target_id for target_id, doc_id, start, end, quote in zip(*columns)
               if by_doc.get(doc_id, "")[int(start): int(end)] != quote]
        checks.append({"check": "quote equals clean_text[char_start:char_end]", "success": not bad,
                       "unexpected_count": len(bad), "examples": bad[:5]})
    if documents is not None:
        known = set(documents["doc_id"])
        for name in ("targets", "sections", "texts"):
            frame = frames.get(name)
            if frame is not None:
                orphans = sorted(set(frame["doc_id"]) - known)
                checks.append({"check": f"{name}.doc_id in documents", "success": not orphans,
                               "unexpected_count": len(orphans), "examples": orphans[:5]})
    regions = frames.get("regions")
    if documents is not None and regions is not None and "region_code" in documents:
        unknown = sorted(set(documents["region_code"].dropna()) - set(regions["code"]))
        checks.append({"check": "documents.region_code in regions", "success": not unknown,
                       "unexpected_count": len(unknown), "examples": unknown[:5]})
    return checks


def combine_results(results: list[dict]) -> list[TableResult]:
    """Per-part results (TableResult dicts) as one result per table, in first-seen order: passed when
    every part passed; the same failed expectation of several parts once, its unexpected counts added."""
    tables: dict[str, TableResult] = {}
    for r in results:
        table = tables.setdefault(r["table"], TableResult(r["table"], True, 0, []))
        table.success = table.success and bool(r["success"])
        table.evaluated = max(table.evaluated, r["evaluated"])
        for failure in r["failures"]:
            same = next((f for f in table.failures if f["expectation"] == failure["expectation"]
                         and f["kwargs"] == failure["kwargs"]), None)
            if same is None:
                table.failures.append({**failure, "examples": list(failure.get("examples") or [])})
                continue
            same["unexpected_count"] = (same.get("unexpected_count") or 0) + (failure.get("unexpected_count") or 0)
            same["examples"] = (same["examples"] + list(failure.get("examples") or []))[:5]
    return list(tables.values())


def combine_checks(checks: list[dict]) -> list[dict]:
    """The same cross check of several parts as one."""
    combined: dict[str, dict] = {}
    for c in checks:
        same = combined.setdefault(c["check"], {"check": c["check"], "success": True, "unexpected_count": 0,
                                                "examples": []})
        same["success"] = same["success"] and c["success"]
        same["unexpected_count"] += c.get("unexpected_count") or 0
        same["examples"] = (same["examples"] + list(c.get("examples") or []))[:5]
    return list(combined.values())


def validate_tables(frames: dict[str, pd.DataFrame], suites_dir: Path = EXPECTATIONS_DIR) -> ValidationReport:
    results = [validate_frame(name, frame, load_suite(name, suites_dir)) for name, frame in frames.items()]
    return ValidationReport(results, cross_table_checks(frames))
