"""Helpers for the tests of the benchmark scripts that read the evaluation corpus (score_metadata,
train_kind_model, train_year_model): load a script as a module, and write a small corpus of invented
texts (a csv with each text's sha256, and a folder of <id>.txt)."""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def benchmark_script(name: str):
    """benchmarks/<name>.py as a module (name may have a folder: eval/recreate_texts)."""
    spec = importlib.util.spec_from_file_location(name.replace("/", "_"), ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(folder: Path, rows: list[dict], texts: dict[str, str], columns: list[str] | None = None) -> tuple[Path, Path]:
    """(corpus csv, texts folder) for `rows` (each with at least id and split) and `texts` (id -> text);
    a row without a sha256 gets its text's."""
    text_dir = folder / "texts"
    text_dir.mkdir()
    for page_id, text in texts.items():
        (text_dir / f"{page_id}.txt").write_text(text, encoding="utf-8")
    rows = [{"sha256": hashlib.sha256(texts.get(row["id"], "").encode("utf-8")).hexdigest(), **row} for row in rows]
    columns = columns or sorted({key for row in rows for key in row})
    corpus = folder / "corpus.csv"
    with open(corpus, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return corpus, text_dir


def fit_twice(script: str, folder: Path, pages: dict[str, tuple[str, str, str]], gold_column: str) -> dict:
    """Fit a model with benchmarks/<script>.py twice on an invented corpus (id -> (split, gold, text)),
    check both fits wrote the same bytes, and return the model."""
    train = benchmark_script(script)
    corpus, texts = write_corpus(folder, [{"id": i, "split": split, gold_column: gold} for i, (split, gold, _) in pages.items()],
                                 {i: text for i, (_, _, text) in pages.items()})
    outputs = []
    for name in ("one.json", "two.json"):
        assert train.main(["--texts", str(texts), "--corpus", str(corpus), "--out", str(folder / name)]) == 0
        outputs.append((folder / name).read_bytes())
    assert outputs[0] == outputs[1]
    return json.loads(outputs[0])
