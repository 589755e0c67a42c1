"""Re-create evaluation texts from saved answers of the stored-pages search (see README.md, "Re-creating it").

Each answer file is the search tool's JSON answer to one row's `query` ({"query": …, "results": [{"url": …,
"excerpt": …}, …]}), saved as it came. For every corpus row whose `url` is among an answer's results, the
excerpt is written to <texts>/<id>.txt if its sha256 is the row's; an excerpt whose hash differs is not
written (the gold was annotated on other bytes) and is counted. Nothing is copied by hand, so nothing is
mistyped.

    python benchmarks/eval/recreate_texts.py ANSWER.json [ANSWER.json …] [--texts DIR] [--corpus CSV]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "metadata_corpus.csv"


def recreate(answers: list[dict], rows: list[dict], texts: Path) -> dict[str, int]:
    """Write each row's text found among the answers' results; counts of written, already there, changed
    (found, other bytes) and rows not found."""
    by_url: dict[str, list[dict]] = {}
    for row in rows:
        by_url.setdefault(row["url"], []).append(row)
    counts = {"written": 0, "already there": 0, "changed": 0}
    found = set()
    texts.mkdir(parents=True, exist_ok=True)
    for answer in answers:
        for result in answer.get("results", []):
            for row in by_url.get(result.get("url") or "", []):
                data = result.get("excerpt", "").encode("utf-8")
                found.add(row["id"])
                if hashlib.sha256(data).hexdigest() != row["sha256"]:
                    counts["changed"] += 1
                    continue
                path = texts / f"{row['id']}.txt"
                if path.is_file() and path.read_bytes() == data:
                    counts["already there"] += 1
                else:
                    path.write_bytes(data)
                    counts["written"] += 1
    queries = {answer.get("query") for answer in answers}
    counts["not found"] = sum(1 for row in rows if row["query"] in queries and row["id"] not in found)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("answers", nargs="+", type=Path, help="saved JSON answers of the search tool")
    parser.add_argument("--texts", type=Path, default=Path(os.environ.get("MINSHENG_EVAL_TEXTS", "/work/evalcorpus/texts")))
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    with open(args.corpus, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    answers = [json.loads(path.read_text(encoding="utf-8")) for path in args.answers]
    counts = recreate(answers, rows, args.texts)
    print(", ".join(f"{name} {n}" for name, n in counts.items()) + f" (texts: {args.texts})")
    return 0 if not counts["changed"] else 1


if __name__ == "__main__":
    sys.exit(main())
