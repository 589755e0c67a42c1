"""Fit the model of what kind an untitled page is (flows/metadata/kind_model.py) on the evaluation
corpus's tune split and write it to flows/rules/kind_model.json.

Each tune text is read as the build reads a raw source and cleaned by the clean stage; the character
bigrams and trigrams of its opening are counted; the grams that at least MIN_DOCUMENTS openings use
are ranked by how much their presence tells of the kind (mutual information, over documents) and the
first GRAMS kept, with how often each kind's openings use them. Deterministic: the same corpus gives
the same bytes. The holdout split is never read.

    python benchmarks/train_kind_model.py                # texts from $MINSHENG_EVAL_TEXTS or /work/evalcorpus/texts
    python benchmarks/train_kind_model.py --texts DIR --out flows/rules/kind_model.json
    python benchmarks/train_kind_model.py --exclude-ids FILE   # leave some tune texts out (to test on them)
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from flows import clean as clean_stage  # noqa: E402
from flows.ingest import SourceRecord, read_source  # noqa: E402
from flows.metadata.kind_model import MODEL_FILE, opening_grams  # noqa: E402
sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_texts import CORPUS, annotated_text, load_corpus, texts_dir  # noqa: E402

OPENING_CHARS = 1200   # the opening read: its first characters, spaces dropped
GRAM_SIZES = (2, 3)
MIN_DOCUMENTS = 3      # a gram fewer openings use says nothing general
GRAMS = 5000           # the grams kept, most telling first
ALPHA = 0.5            # additive smoothing of each kind's gram counts


def _mutual_information(with_gram: Counter, per_kind: Counter, documents: int) -> float:
    """How much a gram's presence in an opening tells of the kind, over documents (in nats)."""
    present = sum(with_gram.values())
    score = 0.0
    for kind, n_kind in per_kind.items():
        for joint, n_side in ((with_gram[kind], present), (n_kind - with_gram[kind], documents - present)):
            if joint:
                score += joint / documents * math.log(joint * documents / (n_side * n_kind))
    return score


def train(rows: list[dict], texts: Path) -> dict:
    kinds = sorted({row["doc_type"] for row in rows})
    grams_of, per_kind = {}, Counter()
    documents_with: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        path = texts / f"{row['id']}.txt"
        cleaned = clean_stage.clean(read_source(SourceRecord(path.name, path)).text)
        grams_of[row["id"]] = opening_grams(cleaned.clean_text, OPENING_CHARS, GRAM_SIZES)
        per_kind[row["doc_type"]] += 1
        for gram in grams_of[row["id"]]:
            documents_with[gram][row["doc_type"]] += 1
    candidates = [g for g, by_kind in documents_with.items() if sum(by_kind.values()) >= MIN_DOCUMENTS]
    ranked = sorted(candidates, key=lambda g: (-round(_mutual_information(documents_with[g], per_kind, len(rows)), 12), g))
    kept = set(ranked[:GRAMS])
    counts: dict[str, list[int]] = {g: [0] * len(kinds) for g in sorted(kept)}
    for row in rows:
        i = kinds.index(row["doc_type"])
        for gram, n in grams_of[row["id"]].items():
            if gram in kept:
                counts[gram][i] += n
    return {"about": "doc_type of an untitled page from its opening's character grams: multinomial naive Bayes "
                     "fitted by benchmarks/train_kind_model.py on the evaluation corpus's tune split",
            "opening_chars": OPENING_CHARS, "gram_sizes": list(GRAM_SIZES), "alpha": ALPHA, "kinds": kinds,
            "documents": [per_kind[k] for k in kinds], "trained_on": len(rows), "grams": counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=Path, help="folder of <id>.txt (default $MINSHENG_EVAL_TEXTS or /work/evalcorpus/texts)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--exclude-ids", type=Path, help="a file of ids (one a line) to leave out")
    parser.add_argument("--allow-partial", action="store_true",
                        help="fit even when some tune texts are missing or changed (the model then knows less)")
    args = parser.parse_args(argv)
    excluded = set(args.exclude_ids.read_text(encoding="utf-8").split()) if args.exclude_ids else set()
    args.texts = texts_dir(args.texts)
    wanted = [row for row in load_corpus(args.corpus) if row["split"] == "tune" and row["id"] not in excluded]
    rows = [row for row in wanted if annotated_text(row, args.texts)[0]]
    print(f"{len(rows)} of {len(wanted)} tune texts here as annotated (texts: {args.texts})")
    if len(rows) < len(wanted) and not args.allow_partial:
        # a model fitted on part of the split would replace one that knew more (stop 26: 783 of 2,206 texts
        # gave a model that read fewer of the invented genre tests right)
        print("not fitted: re-create the missing texts (benchmarks/eval/README.md) or pass --allow-partial",
              file=sys.stderr)
        return 2
    model = train(rows, args.texts)
    args.out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(model['grams'])} grams from {len(rows)} tune texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
