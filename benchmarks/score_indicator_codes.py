"""How many targets carry a canonical indicator code, and how often the code is right.

Runs the pipeline in-process (no Prefect, like score_seeds.py) on the seed documents and on
the evaluation texts, then

  1. prints coverage: the share of target rows with an `indicator_code`, for the seeds and for
     the evaluation texts (and per split of the evaluation corpus);
  2. re-checks the hand-judged sample in benchmarks/eval/indicator_code_sample.csv against the
     current output: a judged row whose code is unchanged keeps its judgement; a row whose code
     changed (or that is gone) is listed, to be judged again. It prints the share right per sample.

With --draw N it draws a fresh random sample (fixed --seed) of N coded rows from seeds plus
evaluation texts, leaving out rows already in the sample file, and writes it (unjudged: `right`
empty) to --out, to be judged by hand and appended to the sample file.

The evaluation texts are other people's words and are not in the repository: they are read from
--texts, else $MINSHENG_EVAL_TEXTS, else /work/evalcorpus/texts (see benchmarks/eval/README.md).
The sample file therefore never holds a quote from them: only the document id, the row's index
among the document's targets, and the short indicator phrase, value and unit.

    python benchmarks/score_indicator_codes.py
    python benchmarks/score_indicator_codes.py --draw 100 --seed 2 --out /tmp/sample2.csv

The sample file holds four hand-judged samples: "first", "second", "third" (drawn with
--draw 110 --seed 77 --name third after the third round of dictionary growth) and "fourth"
(--draw 100 --seed 404 --name fourth after the fourth round); each is reported on its own
line, then all of them together.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from flows.ingest import list_sources, read_source  # noqa: E402
from flows.pipeline import build_document  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_TEXTS = Path("/work/evalcorpus/texts")
SAMPLE = ROOT / "benchmarks" / "eval" / "indicator_code_sample.csv"
CORPUS = ROOT / "benchmarks" / "eval" / "metadata_corpus.csv"
FIELDS = ["sample", "source", "doc", "row", "target_id", "indicator", "value", "unit", "code", "right", "note"]


def build(raw_dir: Path, source: str) -> list[dict]:
    """Target rows of every document in raw_dir, each with its source, document id and row index."""
    rows = []
    for record in list_sources(raw_dir):
        tables = build_document(read_source(record))
        doc = Path(record.source_file).stem
        for index, target in enumerate(tables.targets):
            rows.append({**target, "_source": source, "_doc": doc, "_row": index})
    return rows


def key(row: dict) -> tuple[str, str, int]:
    return row["_source"], row["_doc"], row["_row"]


def coverage(rows: list[dict]) -> str:
    coded = sum(r["indicator_code"] is not None for r in rows)
    return f"{coded}/{len(rows)} = {coded / len(rows):.1%}" if rows else "no rows"


def splits() -> dict[str, str]:
    if not CORPUS.exists():
        return {}
    with open(CORPUS, encoding="utf-8", newline="") as handle:
        return {r["id"]: r["split"] for r in csv.DictReader(handle)}


def read_sample(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sample_row(row: dict, name: str) -> dict:
    return {"sample": name, "source": row["_source"], "doc": row["_doc"], "row": row["_row"],
            "target_id": row["target_id"] if row["_source"] == "seeds" else "",
            "indicator": row["indicator"], "value": f"{row['value']:g}", "unit": row["unit"],
            "code": row["indicator_code"], "right": "", "note": ""}


def recheck(judged: list[dict], current: dict[tuple, dict]) -> None:
    """Per sample: share right among rows whose code is unchanged; list the rows that changed."""
    changed = []
    by_sample: dict[str, Counter] = {}
    # a row is found again by its place, or (when rows before it came or went) by what it says
    by_content = {}
    for row in current.values():
        by_content.setdefault((row["_source"], row["_doc"], row["indicator"], f"{row['value']:g}", row["unit"]), row)
    for j in judged:
        now = current.get((j["source"], j["doc"], int(j["row"])))
        if now is None or now["indicator"] != j["indicator"]:
            now = by_content.get((j["source"], j["doc"], j["indicator"], j["value"], j["unit"]))
        if now is None:
            changed.append((j, "row gone (or the document's rows moved)"))
            continue
        if now["indicator_code"] != j["code"]:
            changed.append((j, f"code now {now['indicator_code']}"))
            continue
        if j["right"] in ("yes", "no"):
            by_sample.setdefault(j["sample"], Counter())[j["right"]] += 1
    as_judged: dict[str, Counter] = {}
    for j in judged:
        as_judged.setdefault(j["sample"], Counter())[j["right"]] += 1
    for name, counts in as_judged.items():
        n = counts["yes"] + counts["no"]
        now = by_sample.get(name, Counter())
        m = now["yes"] + now["no"]
        print(f"sample {name}: {n} rows, {counts['yes']} right = {counts['yes'] / n:.1%} as judged "
              f"({counts['no']} wrong); now {now['yes']}/{m} right among rows whose code is unchanged")
    total = sum(as_judged.values(), Counter())
    total_now = sum(by_sample.values(), Counter())
    n, m = total["yes"] + total["no"], total_now["yes"] + total_now["no"]
    if len(as_judged) > 1 and n:
        print(f"all samples: {n} rows, {total['yes']} right = {total['yes'] / n:.1%} as judged; "
              f"now {total_now['yes']}/{m} right among rows whose code is unchanged")
    if changed:
        print(f"{len(changed)} judged rows changed since they were judged (judge them again):")
        for j, why in changed:
            print(f"  [{j['sample']}] {j['source']}/{j['doc']}#{j['row']} {j['indicator']!r} "
                  f"{j['value']} {j['unit']} judged {j['code']} ({j['right']}): {why}")
    else:
        print("no judged row changed since it was judged")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path,
                        default=Path(os.environ.get("MINSHENG_EVAL_TEXTS", DEFAULT_TEXTS)))
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the judged sample file")
    parser.add_argument("--draw", type=int, default=0, help="draw a fresh sample of this many coded rows")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--name", default=None, help="sample name written in the drawn rows (default seed-<seed>)")
    parser.add_argument("--out", type=Path, default=None, help="where the drawn sample goes (default stdout)")
    args = parser.parse_args(argv)

    seeds = build(SEEDS, "seeds")
    evals = build(args.texts, "eval") if args.texts.exists() else []
    print(f"seeds: {coverage(seeds)} of target rows carry an indicator_code")
    if evals:
        print(f"evaluation texts: {coverage(evals)}")
        split_of = splits()
        for split in sorted(set(split_of.values())):
            print(f"  {split}: {coverage([r for r in evals if split_of.get(r['_doc']) == split])}")
    else:
        print(f"evaluation texts: not found at {args.texts}")

    current = {key(r): r for r in seeds + evals}
    judged = read_sample(args.sample)
    if judged:
        recheck(judged, current)

    if args.draw:
        taken = {(j["source"], j["doc"], int(j["row"])) for j in judged}
        pool = sorted(k for k, r in current.items() if r["indicator_code"] and k not in taken)
        drawn = random.Random(args.seed).sample(pool, min(args.draw, len(pool)))
        name = args.name or f"seed-{args.seed}"
        out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for k in sorted(drawn):
            writer.writerow(sample_row(current[k], name))
        if args.out:
            out.close()
            print(f"drew {len(drawn)} rows into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
