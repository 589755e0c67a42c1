"""Score the target rows the pipeline extracts from real published texts against hand-made gold rows.

The seeds' gold (../shared/gold) measures rows on five documents; this measures them on real pages of
other places, years and genres (benchmarks/eval/target_rows_gold.jsonl: 745 texts of the evaluation
corpus, 434 tune and 311 holdout, annotated by the targets guide). Each text is built end to end as
`minsheng build --raw DIR` builds it (no manifest: region, year and kind come from the text, so a
wrong document year shows as wrong target_year on its rows), then matched and scored by the shared
scorer (../shared/tools/score_targets.py, guide section 5). Plain Python, no Prefect:

    python benchmarks/score_rows.py --split tune --misses 20    # per-document rows missed/spurious
    python benchmarks/score_rows.py --split holdout             # report only; do not tune on it

The committed gold has no `quote` (that would be other people's words); the scorer uses a gold
quote only to choose between two equally good matches. Texts: as benchmarks/score_metadata.py.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from flows.ingest import SourceRecord, read_source  # noqa: E402
from flows.pipeline import build_document  # noqa: E402
sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_texts import CORPUS, annotated_text, load_corpus, texts_dir  # noqa: E402

SHARED_TOOLS = ROOT.parent / "shared" / "tools"
sys.path.insert(0, str(SHARED_TOOLS))
import score_targets  # noqa: E402  (the shared scorer, ../shared/tools)

GOLD = ROOT / "benchmarks" / "eval" / "target_rows_gold.jsonl"
SPLITS = ("tune", "holdout")


def load_gold(path: Path) -> dict[str, list[dict]]:
    """Gold rows by text id; a text annotated with no rows has one line {"id": …, "no_rows": true}."""
    by_id: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows = by_id.setdefault(row.pop("id"), [])
            if not row.pop("no_rows", False):
                rows.append(row)
    return by_id


def extracted_rows(path: Path) -> list[dict]:
    """The targets rows of one text, built as a raw source without a manifest."""
    tables = build_document(read_source(SourceRecord(path.name, path)))
    return [{**row, "source_file": path.name} for row in tables.targets]


def score_split(split: str, gold: dict[str, list[dict]], corpus: dict[str, dict], texts: Path,
                misses: int, out: Path) -> dict:
    """Write the split's gold folder and predictions, then run the shared scorer on them."""
    gold_dir, predictions, skipped = out / f"gold_{split}", [], []
    gold_dir.mkdir(parents=True)
    for text_id in sorted(gold):
        row = corpus.get(text_id)
        if row is None or row["split"] != split:
            continue
        path, missing = annotated_text(row, texts)
        if missing:
            skipped.append(f"skip {text_id}: {missing}")
            continue
        (gold_dir / f"{text_id}.jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold[text_id]), encoding="utf-8")
        predictions.extend(extracted_rows(path))
    pred_file = out / f"pred_{split}.jsonl"
    pred_file.write_text("".join(json.dumps(p, ensure_ascii=False, default=str) + "\n" for p in predictions),
                         encoding="utf-8")
    print("\n".join(skipped))
    print(f"\n{split}: {len(list(gold_dir.iterdir()))} texts")
    report = out / f"score_{split}.json"
    score_targets.main(["--pred", str(pred_file), "--gold", str(gold_dir), "--misses", str(misses),
                        "--json", str(report)])
    return json.loads(report.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--texts", type=Path, help="folder of <id>.txt (default $MINSHENG_EVAL_TEXTS or /work/evalcorpus/texts)")
    parser.add_argument("--split", choices=SPLITS + ("all",), default="all")
    parser.add_argument("--misses", type=int, default=0,
                        help="print up to N missed and spurious rows per text (tune only, unless --split names a split)")
    parser.add_argument("--json", type=Path, help="also write both splits' reports here")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    corpus = {row["id"]: row for row in load_corpus(args.corpus)}
    splits = SPLITS if args.split == "all" else (args.split,)
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for split in splits:
            misses = args.misses if (split == "tune" or args.split == split) else 0
            reports[split] = score_split(split, gold, corpus, texts_dir(args.texts), misses, Path(tmp))
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
