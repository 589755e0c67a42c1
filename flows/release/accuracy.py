"""The build's accuracy on the project's evaluation sets, measured when a release is made (never
copied or estimated): the seed documents' targets against the hand-made gold rows, and the
document metadata of benchmarks/eval/. RELEASE_NOTES.md, datapackage.json and .zenodo.json
carry the figures (flows.release.notes writes them).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

from flows import publish
from flows.release.archive import sha256_of

ROOT = Path(__file__).resolve().parents[2]  # the repository, when the package is installed from it (pip -e)
SHARED = Path(os.environ.get("MINSHENG_SHARED") or ROOT.parent / "shared")
METADATA_SCORER = ROOT / "benchmarks" / "score_metadata.py"
_accuracy_cache: dict = {}


def not_measured_accuracy(reason: str) -> dict:
    return {"seed_targets": {"measured": False, "reason": reason},
            "document_metadata": {"measured": False, "reason": reason}}


def measure_accuracy(curated: Path, shared: Path | None = None, texts: Path | None = None,
                     code_version: str | None = None) -> dict:
    """The build's scores on the project's evaluation sets, each with its size, or why it was not
    measured; never a number that was not measured.

    seed_targets: the build's targets of the seed documents against the hand-made gold rows
    (../shared/gold, scored by ../shared/tools/score_targets.py's matching). The rules were
    written while reading the seeds: these are not figures on unseen documents.
    document_metadata: region, level, year and type of the texts of benchmarks/eval/
    (benchmarks/score_metadata.py --json, run with the code of this checkout); its holdout split
    was never read while writing the rules."""
    curated = Path(curated)
    result = {"seed_targets": score_seed_targets(curated, Path(shared) if shared else SHARED),
              "document_metadata": score_document_metadata(texts, code_version)}
    metadata = result["document_metadata"]
    if metadata.get("measured"):
        try:
            built_with = json.loads((curated / publish.REPORT_JSON).read_text(encoding="utf-8")).get("code_version")
        except (OSError, ValueError):
            built_with = None
        metadata = {**metadata, "build_code_version": built_with}
        if built_with and metadata.get("code_version") and built_with != metadata["code_version"]:
            metadata["note"] += (f"; the build was made with code version {built_with}, the scores measured with "
                                 f"{metadata['code_version']}")
        result["document_metadata"] = metadata
    return result


def score_seed_targets(curated: Path, shared: Path) -> dict:
    scorer_path, gold_dir = shared / "tools" / "score_targets.py", shared / "gold"
    if not (scorer_path.is_file() and gold_dir.is_dir()):
        return {"measured": False, "reason": f"the shared scorer and gold rows ({shared}/tools, {shared}/gold) "
                                             "are not on the machine that made the release"}
    import importlib.util

    spec = importlib.util.spec_from_file_location("minsheng_score_targets", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    targets = pq.read_table(curated / "targets.parquet").to_pylist()
    documents = {r["doc_id"]: r for r in pq.read_table(curated / "documents.parquet").to_pylist()}
    by_stem: dict[str, list[dict]] = {}
    for row in targets:
        by_stem.setdefault(Path(str(documents.get(row["doc_id"], {}).get("source_file") or "")).stem, []).append(row)
    stems_in_build = {Path(str(d["source_file"])).stem for d in documents.values()}
    gold_files = [g for g in sorted(gold_dir.glob("*.jsonl")) if g.stem in stems_in_build]
    if not gold_files:
        return {"measured": False, "reason": "the build holds none of the documents that have gold rows"}
    totals, per_document = {"gold": 0, "pred": 0, "matched": 0}, {}
    agree = {name: [0, 0] for name in scorer.ATTRIBUTES}
    for gold_path in gold_files:
        gold, pred = scorer.load_rows(gold_path), by_stem.get(gold_path.stem, [])
        pairs = scorer.match_document(gold, pred)
        precision, recall, f1 = scorer.f1(len(pairs), len(pred), len(gold))
        per_document[gold_path.stem] = {"gold_rows": len(gold), "predicted_rows": len(pred), "matched": len(pairs),
                                        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
        totals["gold"] += len(gold)
        totals["pred"] += len(pred)
        totals["matched"] += len(pairs)
        for g, q in pairs:
            for name in scorer.ATTRIBUTES:
                if name in g:
                    agree[name][1] += 1
                    agree[name][0] += scorer.normalise(g.get(name)) == scorer.normalise(q.get(name))
    precision, recall, f1 = scorer.f1(totals["matched"], totals["pred"], totals["gold"])
    return {"measured": True,
            "evaluation_set": "hand-made target rows of the seed documents (shared/gold)",
            "documents": len(gold_files), "gold_rows": totals["gold"], "predicted_rows": totals["pred"],
            "matched": totals["matched"], "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4),
            "attribute_accuracy": {name: {"accuracy": round(hit / n, 4), "n": n}
                                   for name, (hit, n) in agree.items() if n},
            "per_document": per_document,
            "note": "the extraction rules were written while reading these documents: not a figure on unseen documents"}


def score_document_metadata(texts: Path | None = None, code_version: str | None = None) -> dict:
    if not METADATA_SCORER.is_file():
        return {"measured": False, "reason": f"{METADATA_SCORER.relative_to(ROOT)} is not beside the package "
                                             "(install it from a clone of the repository)"}
    key = (str(texts), code_version, sha256_of(METADATA_SCORER.parent / "eval" / "metadata_corpus.csv")
           if (METADATA_SCORER.parent / "eval" / "metadata_corpus.csv").exists() else None)
    if key in _accuracy_cache:
        return _accuracy_cache[key]
    command = [sys.executable, str(METADATA_SCORER), "--json", "-"] + (["--texts", str(texts)] if texts else [])
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=ROOT)
    except (OSError, subprocess.SubprocessError) as error:
        return {"measured": False, "reason": f"the metadata scorer did not run ({type(error).__name__}: {error})"}
    if run.returncode != 0 or not run.stdout.strip():
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        return {"measured": False, "reason": f"the evaluation texts are not on this machine ({last}; "
                                             "see benchmarks/eval/README.md)"}
    try:
        summary = json.loads(run.stdout)["summary"]
    except (ValueError, KeyError) as error:
        return {"measured": False, "reason": f"the metadata scorer's output was not readable ({error})"}
    splits = {}
    for split, part in summary.items():
        splits[split] = {"documents": part["n_docs"], "pipeline_errors": part["errors"],
                         "fields": {field: {k: c[k] for k in ("right", "wrong", "null", "n", "accuracy")}
                                    for field, c in part["fields"].items()},
                         # over the documents whose text itself states the field (not only the URL)
                         "stated_in_text": {field: {k: c[k] for k in ("right", "wrong", "null", "n", "accuracy")}
                                            for field, c in part.get("stated_in_text", {}).items()}}
    from flows import cache

    result = {"measured": True, "code_version": cache.code_version(),
              "evaluation_set": "benchmarks/eval/metadata_corpus.csv: published texts with hand-checked region, "
                                "level, year and type",
              "splits": splits,
              "note": "run with the code of the checkout that made the release; the holdout split's texts and "
                      "errors were never read while writing the rules, so its figures estimate accuracy on unseen "
                      "documents"}
    _accuracy_cache[key] = result
    return result
