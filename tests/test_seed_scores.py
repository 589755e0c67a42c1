"""Regression floor on the five seeds, scored by the shared scorer against the hand-made gold.

The seeds of raw/ are built in-process as benchmarks/score_seeds.py does (ingest ->
pipeline.build_document, no Prefect), the documents and targets tables are written as
Parquet to a temporary folder, and ../shared/tools/score_targets.py scores them against
../shared/gold (targets guide, section 5).

That every published quote is its span of the cleaned text is checked on the real
Prefect build by tests/test_end_to_end.py::test_every_quote_is_its_span_of_clean_text.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_targets.py"
GOLD = SHARED / "gold"

if not (SCORER.is_file() and GOLD.is_dir()):
    pytest.skip(f"{SHARED} (the shared scorer and gold files) is not present beside the repository",
                allow_module_level=True)

MIN_OVERALL_F1 = 0.95
MIN_DOCUMENT_F1 = 0.90
MIN_ATTRIBUTE_ACCURACY = {"comparator": 0.95, "target_year": 0.95, "unit": 0.95, "kind": 0.95, "domain": 0.90}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_targets", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(tmp_path_factory, raw_dir: Path) -> dict:
    from flows.ingest import list_sources, read_source
    from flows.pipeline import build_document

    documents, targets = [], []
    for record in list_sources(raw_dir):
        tables = build_document(read_source(record))
        documents.append(tables.document)
        targets.extend(tables.targets)
    out = tmp_path_factory.mktemp("seed-scores")
    pd.DataFrame(documents).to_parquet(out / "documents.parquet")
    pd.DataFrame(targets).to_parquet(out / "targets.parquet")
    report = out / "score.json"
    status = _scorer().main(["--curated", str(out), "--gold", str(GOLD), "--json", str(report)])
    assert status == 0
    result = json.loads(report.read_text(encoding="utf-8"))
    assert set(result["documents"]) == {p.stem for p in GOLD.glob("*.jsonl")}
    return result


@pytest.fixture(scope="module")
def score(tmp_path_factory) -> dict:
    return _score(tmp_path_factory, ROOT / "raw")


def _page_wrapped(text: str, width: int) -> str:
    """The text as a PDF gives it: every paragraph broken at the page width, mid-sentence,
    its first line indented."""
    lines = []
    for paragraph in text.split("\n"):
        lines.extend(("\u3000\u3000" if i == 0 else "") + paragraph[i: i + width]
                     for i in range(0, max(len(paragraph), 1), width))
    return "\n".join(lines)


@pytest.mark.parametrize("width", [24, 35, 45])
def test_seeds_broken_at_a_page_width_score_as_the_originals(score, tmp_path_factory, width):
    """Copied from a PDF, a document breaks every line at the page's width; the clean stage
    joins the lines back, so the extractor scores as it does on the original layout."""
    raw = tmp_path_factory.mktemp(f"wrapped{width}")
    for path in sorted((ROOT / "raw").glob("*.txt")):
        (raw / path.name).write_text(_page_wrapped(path.read_text(encoding="utf-8"), width), encoding="utf-8")
    wrapped = _score(tmp_path_factory, raw)
    assert wrapped["overall"]["f1"] >= score["overall"]["f1"] - 0.005, (wrapped["overall"], score["overall"])
    for attribute in MIN_ATTRIBUTE_ACCURACY:
        assert wrapped["attribute_accuracy"][attribute] >= score["attribute_accuracy"][attribute] - 0.01, attribute


def test_overall_f1(score):
    overall = score["overall"]
    assert overall["f1"] >= MIN_OVERALL_F1, overall


def test_every_document_f1(score):
    low = {stem: round(doc["f1"], 3) for stem, doc in score["documents"].items() if doc["f1"] < MIN_DOCUMENT_F1}
    assert not low, f"documents below F1 {MIN_DOCUMENT_F1}: {low}"


@pytest.mark.parametrize("attribute", sorted(MIN_ATTRIBUTE_ACCURACY))
def test_matched_row_attribute_accuracy(score, attribute):
    accuracy = score["attribute_accuracy"][attribute]
    assert accuracy is not None and accuracy >= MIN_ATTRIBUTE_ACCURACY[attribute], (attribute, accuracy)
