"""Draw a batch of texts for row-by-row gold annotation (stop 31's batches 7-10, stop 32's 11-13), reproducibly.

The pool: texts on this machine with metadata gold (metadata_corpus.csv) and no row gold in the first
`gold_lines` lines of target_rows_gold.jsonl (the file as it stood before the batch), 400-6,000 characters,
at least four numbers with units. Each split takes up to 29 (holdout) / 18 (tune; 36 in batches 11-13) work reports and up to
7 / 18 other texts, at most one per region, in a seeded order. The batch is written as selection<N>.json
and as eight helpers' assignment files (assign_<first>..<first+7>.txt: id, region, code, level, year,
plan start, plan end, type), as `benchmarks/eval/row_helper_prompt.md` expects.

    python benchmarks/eval/draw_row_batch.py 7 --out /work/evalcorpus/rowgold
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
TEXTS = Path("/work/evalcorpus/texts")
# batch -> (seed, gold lines before it, first assignment number)
BATCHES = {7: (20261201, 4503, 41), 8: (20261202, 5336, 49), 9: (20261203, 6218, 57), 10: (20261204, 6916, 65),
           11: (20261205, 7673, 73), 12: (20261206, 8204, 81),
           13: (20261207, 8722, 89)}
QUOTAS = (("holdout", 29, 7), ("tune", 18, 18))  # split, work reports, other genres
# Batches 11-13 (stop 32): the pool is nearly all tune work reports, so they take twice as many of them.
BATCH_QUOTAS = {b: (("holdout", 29, 7), ("tune", 36, 18)) for b in (11, 12, 13)}
HELPERS = 8
UNIT_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|万|亿|个|项|件|人|元|所|公里|户|家|张)")
KEYS = ["id", "split", "region_name", "region_code", "admin_level", "doc_year", "plan_start_year",
        "plan_end_year", "doc_type", "script"]


def pool(texts: Path, gold_lines: int) -> pd.DataFrame:
    corpus = pd.read_csv(HERE / "metadata_corpus.csv", dtype=str).fillna("")
    with open(HERE / "target_rows_gold.jsonl", encoding="utf-8") as f:
        done = {json.loads(line)["id"] for _, line in zip(range(gold_lines), f)}
    have = {p.stem for p in texts.glob("*.txt")}
    corpus = corpus[corpus.id.isin(have) & ~corpus.id.isin(done)].copy()
    bodies = {i: (texts / f"{i}.txt").read_text(encoding="utf-8") for i in corpus.id}
    corpus["chars"] = corpus.id.map(lambda i: len(bodies[i]))
    corpus["numbers"] = corpus.id.map(lambda i: len(UNIT_NUMBER.findall(bodies[i])))
    return corpus[(corpus.chars >= 400) & (corpus.chars <= 6000) & (corpus.numbers >= 4)].sort_values("id")


def draw(batch: int, texts: Path = TEXTS) -> list[dict]:
    seed, gold_lines, _ = BATCHES[batch]
    candidates = pool(texts, gold_lines)
    rng = random.Random(seed)
    chosen: list[dict] = []
    for split, reports, others in BATCH_QUOTAS.get(batch, QUOTAS):
        in_split = candidates[candidates.split == split]
        regions: set[str] = set()

        def take(frame: pd.DataFrame, k: int) -> list[dict]:
            rows = frame.to_dict("records")
            rng.shuffle(rows)
            out = []
            for row in rows:
                if len(out) == k:
                    break
                if row["region_code"] not in regions:
                    regions.add(row["region_code"])
                    out.append(row)
            return out

        chosen += take(in_split[in_split.doc_type != "government_work_report"], others)
        chosen += take(in_split[in_split.doc_type == "government_work_report"], reports)
    chosen = [{k: row[k] for k in KEYS} for row in chosen]
    rng.shuffle(chosen)
    return chosen


def write(batch: int, chosen: list[dict], out: Path) -> None:
    first = BATCHES[batch][2]
    json.dump(chosen, open(out / f"selection{batch}.json", "w"), ensure_ascii=False, indent=0)
    for h in range(HELPERS):
        with open(out / f"assign_{first + h}.txt", "w", encoding="utf-8") as f:
            for r in chosen[h::HELPERS]:
                f.write("\t".join([r["id"], r["region_name"], r["region_code"], r["admin_level"], r["doc_year"],
                                   r["plan_start_year"] or "-", r["plan_end_year"] or "-", r["doc_type"]]) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batch", type=int, choices=sorted(BATCHES))
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    chosen = draw(args.batch, args.texts)
    write(args.batch, chosen, args.out)
    print(f"batch {args.batch}: {len(chosen)} texts, {sum(r['split'] == 'holdout' for r in chosen)} holdout")
