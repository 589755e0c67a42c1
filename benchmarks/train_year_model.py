"""Fit the model of which year a page is for (flows/metadata/year_model.py) on the evaluation corpus's
tune split and write it to flows/rules/year_model.json.

Each tune text with a one-year gold is built as the build builds a raw source; the year readers' page
(year.year_page) is taken as document_metadata hands it to them, and each candidate year's features
are counted. A conditional logit (softmax over a page's candidates, L2-penalised, full-batch gradient
descent from zero) is fitted; features fewer than MIN_DOCUMENTS pages have are dropped. Deterministic:
the same corpus gives the same bytes. The holdout split is never read.

    python benchmarks/train_year_model.py                 # fit on all of tune, write the model
    python benchmarks/train_year_model.py --folds 5       # cross-validate on tune, write nothing
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import flows.metadata as metadata_stage  # noqa: E402
from flows.ingest import SourceRecord, read_source  # noqa: E402
from flows.metadata import year as year_readers  # noqa: E402
from flows.metadata.year_model import MODEL_FILE, candidate_features, weigh  # noqa: E402
from flows.pipeline import build_document  # noqa: E402
sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_texts import CORPUS, annotated_text, load_corpus, texts_dir  # noqa: E402

MIN_DOCUMENTS = 3   # a feature fewer pages have says nothing general
L2 = 1.0            # penalty on the squared weights (per the summed log-likelihood)
STEPS = 400
RATE = 0.5


def page_of(path: Path):
    """The year readers' page of one text, as the build hands it to them. (The page is built from what
    document_metadata has read by then: title, kind, dates; recording the call, rather than re-deriving
    those here, keeps the model fitted on exactly what the build gives it.)"""
    pages = []
    real = metadata_stage.document_year

    def recording(*args, **kwargs):
        pages.append(year_readers.year_page(*args, **kwargs))
        return real(*args, **kwargs)

    metadata_stage.document_year = recording
    try:
        build_document(read_source(SourceRecord(path.name, path)))
    finally:
        metadata_stage.document_year = real
    return pages[0]


def examples(rows: list[dict], texts: Path) -> list[dict]:
    out = []
    for row in rows:
        path, _ = annotated_text(row, texts)
        if not row["doc_year"].strip() or path is None:
            continue
        page = page_of(path)
        (rule_year, _), reader = year_readers.first_answer(page)
        posted = page.posted
        candidates = candidate_features(page.kind, page.lines, page.title, posted[:2] if posted else None,
                                        rule_year, reader)
        out.append({"id": row["id"], "gold": int(float(row["doc_year"])), "rule": rule_year, "reader": reader,
                    "several_years": page.several_years, "candidates": candidates})
    return out


def fit(train: list[dict]) -> dict[str, float]:
    df = Counter(f for ex in train for f in {f for feats in ex["candidates"].values() for f in feats})
    names = sorted(f for f, n in df.items() if n >= MIN_DOCUMENTS)
    index = {f: i for i, f in enumerate(names)}
    groups = []  # (feature matrix of a page's candidates, index of the gold candidate)
    for ex in train:
        years = sorted(ex["candidates"], key=lambda y: (y is not None, y or 0))
        gold = ex["gold"] if ex["gold"] in years else None  # no candidate is right: none of them is
        x = np.zeros((len(years), len(names)))
        for row, year in enumerate(years):
            for f in ex["candidates"][year]:
                if f in index:
                    x[row, index[f]] = 1.0
        groups.append((x, years.index(gold)))
    w = np.zeros(len(names))
    for _ in range(STEPS):
        grad = L2 * w
        for x, gold in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad -= x[gold] - p @ x
        w -= RATE * grad / len(groups)
    return {f: round(float(v), 6) for f, v in zip(names, w) if abs(v) >= 1e-6}


def without_rules(exs: list[dict]) -> list[dict]:
    """The examples with no feature of the readers' answer (to see what the model reads on its own)."""
    return [{**ex, "candidates": {y: [f for f in feats if not f.split("|")[-1].startswith("rule:")]
                                  for y, feats in ex["candidates"].items()}} for ex in exs]


def cross_validate(exs: list[dict], folds: int) -> None:
    """Right / wrong / null over the tune pages, each predicted by a model fitted on the other folds: the
    readers alone, the model (as the build uses it), and the model only where no reader answers."""
    tally: Counter = Counter()
    for k in range(folds):
        test = [ex for i, ex in enumerate(exs) if i % folds == k]
        weights = fit([ex for i, ex in enumerate(exs) if i % folds != k])
        for ex in test:
            year, _ = weigh(ex["candidates"], weights)
            rule = ex["rule"]
            filled = rule if rule is not None or ex["several_years"] else year
            for name, answer in (("readers", rule), ("model", year), ("readers, else model", filled)):
                tally[name, "right" if answer == ex["gold"] else "null" if answer is None else "wrong"] += 1
            tally["gold a candidate", "right"] += ex["gold"] in ex["candidates"]
    print(f"  {len(exs)} pages, {folds} folds: right / wrong / null")
    for name in ("readers", "model", "readers, else model"):
        print(f"  {name:<22} {tally[name, 'right']:>5} {tally[name, 'wrong']:>5} {tally[name, 'null']:>5}")
    print(f"  {'gold among candidates':<22} {tally['gold a candidate', 'right']:>5}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--texts", type=Path, help="folder of <id>.txt (default $MINSHENG_EVAL_TEXTS or /work/evalcorpus/texts)")
    parser.add_argument("--folds", type=int, default=0, help="cross-validate on tune with this many folds; write nothing")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    args.texts = texts_dir(args.texts)
    rows = [row for row in load_corpus(args.corpus) if row["split"] == "tune"]
    exs = examples(rows, args.texts)
    print(f"{len(exs)} tune pages with a one-year gold, of {sum(1 for row in rows if row['doc_year'].strip())} "
          f"in the split (the others' texts are not here as annotated: {args.texts})")
    if args.folds:
        cross_validate(exs, args.folds)
        print("without the readers' answer as a feature:")
        cross_validate(without_rules(exs), args.folds)
        return 0
    model = {"about": "flows/metadata/year_model.py; fitted by benchmarks/train_year_model.py on the tune split",
             "pages": len(exs), "min_documents": MIN_DOCUMENTS, "l2": L2, "steps": STEPS,
             "weights": dict(sorted(fit(exs).items()))}
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model['weights'])} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
