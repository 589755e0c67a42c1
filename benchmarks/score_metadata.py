"""Score the pipeline's document metadata against the evaluation corpus (benchmarks/eval/).

For each row of benchmarks/eval/metadata_corpus.csv whose text file exists, check the
file's sha256, read it the way the build reads a raw source (flows.ingest.read_source),
run flows.pipeline.build_document on it, and compare the document row with the gold:
region_code, admin_level, doc_year (or the plan period for multi-year plans) and doc_type.

Every field is counted as right, wrong (a value that is not the gold) or null (no value
where the gold has one). A null is better than a wrong value. Plain Python, no Prefect:

    python benchmarks/score_metadata.py                 # tables for tune, holdout, all
    python benchmarks/score_metadata.py --split tune --show-errors   # holdout errors only with --split holdout
    python benchmarks/score_metadata.py --json score.json   # or --json - for stdout
    python benchmarks/score_metadata.py --with-url      # as fetched: each text with its page's URL

By default the pipeline gets the text alone, as `minsheng build --raw DIR` gives it. With
--with-url it also gets the row's URL as the manifest's source_url, as `minsheng fetch` records
it: a government portal's host may then name the region of a text that names itself nowhere.

The texts are not in the repository (they are other people's words): they are read from
--texts, else $MINSHENG_EVAL_TEXTS, else /work/evalcorpus/texts. See benchmarks/eval/README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from flows.ingest import SourceRecord, read_source  # noqa: E402
from flows.pipeline import build_document  # noqa: E402
sys.path.insert(0, str(ROOT / "benchmarks"))
from eval_texts import CORPUS, DEFAULT_TEXTS, annotated_text, load_corpus, texts_dir  # noqa: E402

FIELDS = ("region_code", "admin_level", "doc_year", "doc_type")
# Which gold column says whether the text itself (not its URL, not outside knowledge) states a field:
# a second table counts each field over the documents whose text states it.
STATED = {"region_code": "region_in_text", "admin_level": "region_in_text", "doc_year": "year_in_text"}
SPLITS = ("tune", "holdout", "all")


def _clean(value) -> str | None:
    """Gold and predicted values as comparable strings; empty and 'unknown' are no value."""
    if value is None:
        return None
    text = str(value).strip()
    if text in ("", "None", "nan", "NaT"):
        return None
    if text.endswith(".0") and text[:-2].isdigit():  # years that came through a float column
        text = text[:-2]
    return text


def gold_and_predicted(row: dict, doc: dict) -> dict[str, tuple[str | None, str | None]]:
    """(gold, predicted) per field, both as strings or None."""
    pairs = {
        "region_code": (_clean(row["region_code"]), _clean(doc.get("region_code"))),
        "doc_type": (_clean(row["doc_type"]), _clean(doc.get("doc_type"))),
    }
    gold_level, pred_level = _clean(row["admin_level"]), _clean(doc.get("admin_level"))
    pairs["admin_level"] = (None if gold_level == "unknown" else gold_level,
                            None if pred_level == "unknown" else pred_level)
    if _clean(row["doc_year"]):
        pairs["doc_year"] = (_clean(row["doc_year"]), _clean(doc.get("doc_year")))
    else:
        gold = (_clean(row["plan_start_year"]), _clean(row["plan_end_year"]))
        pred = (_clean(doc.get("plan_start_year")), _clean(doc.get("plan_end_year")))
        pairs["doc_year"] = ("-".join(g or "?" for g in gold) if any(gold) else None,
                             "-".join(p or "?" for p in pred) if any(pred) else None)
    return pairs


def verdict(gold: str | None, pred: str | None) -> str:
    """right, wrong or null. With no gold value (a text that does not say), no prediction is right."""
    if pred is None:
        return "right" if gold is None else "null"
    return "right" if pred == gold else "wrong"


def run(corpus: list[dict], texts: Path, with_url: bool = False) -> tuple[list[dict], list[str]]:
    """One result per scorable row: its gold/predicted pairs and verdicts."""
    results, notes = [], []
    for row in corpus:
        path, missing = annotated_text(row, texts)
        if missing:
            notes.append(f"{'WARNING ' if 'mismatch' in missing else ''}skip {row['id']}: {missing}")
            continue
        error = None
        try:
            manifest = {"source_url": row["url"]} if with_url and row.get("url") else {}
            doc = build_document(read_source(SourceRecord(path.name, path, manifest=manifest))).document
        except Exception as exc:  # a SourceError or a crash scores as no prediction, and is reported
            doc, error = {}, f"{type(exc).__name__}: {exc}"
            notes.append(f"ERROR {row['id']}: {error}")
        pairs = gold_and_predicted(row, doc)
        results.append({
            "id": row["id"], "split": row["split"], "error": error,
            "fields": {f: {"gold": g, "predicted": p, "verdict": verdict(g, p)} for f, (g, p) in pairs.items()},
            "has_doc_year_field": "doc_year" in doc,
            "stated": {f: row.get(column, "").strip() == "yes" for f, column in STATED.items()
                       if row.get(column, "").strip()},
            "evidence": row.get("evidence", ""),
        })
    return results, notes


def summarize(results: list[dict]) -> dict:
    out = {}
    for split in SPLITS:
        chosen = [r for r in results if split == "all" or r["split"] == split]
        counts = {}
        for field in FIELDS:
            c = {"right": 0, "wrong": 0, "null": 0}
            for r in chosen:
                c[r["fields"][field]["verdict"]] += 1
            c["n"] = len(chosen)
            c["accuracy"] = round(c["right"] / len(chosen), 3) if chosen else None
            counts[field] = c
        stated = {}
        for field in STATED:
            said = [r for r in chosen if r.get("stated", {}).get(field)]
            if not said:
                continue
            c = {v: sum(1 for r in said if r["fields"][field]["verdict"] == v) for v in ("right", "wrong", "null")}
            c["n"] = len(said)
            c["accuracy"] = round(c["right"] / len(said), 3)
            stated[field] = c
        out[split] = {"n_docs": len(chosen), "errors": sum(1 for r in chosen if r["error"]), "fields": counts,
                      "stated_in_text": stated}
    return out


def print_tables(summary: dict, splits: list[str]) -> None:
    for split in splits:
        s = summary[split]
        print(f"\n{split}: {s['n_docs']} documents" + (f", {s['errors']} pipeline errors" if s["errors"] else ""))
        print(f"  {'field':<12} {'right':>6} {'wrong':>6} {'null':>6} {'accuracy':>9}")
        for field in FIELDS:
            c = s["fields"][field]
            acc = f"{c['accuracy']:.1%}" if c["accuracy"] is not None else "-"
            print(f"  {field:<12} {c['right']:>6} {c['wrong']:>6} {c['null']:>6} {acc:>9}")
        if s.get("stated_in_text"):
            print("  where the text itself states it (not only the URL or outside knowledge):")
            for field, c in s["stated_in_text"].items():
                print(f"  {field:<12} {c['right']:>6} {c['wrong']:>6} {c['null']:>6} {c['accuracy']:>9.1%}   of {c['n']}")


def print_errors(results: list[dict]) -> None:
    print("\nerrors (gold -> predicted):")
    for r in results:
        bad = {f: v for f, v in r["fields"].items() if v["verdict"] != "right"}
        if not bad and not r["error"]:
            continue
        print(f"  {r['id']} [{r['split']}]" + (f"  PIPELINE ERROR {r['error']}" if r["error"] else ""))
        for field, v in bad.items():
            print(f"    {field:<12} {v['verdict']:<5} {v['gold']!s:>24} -> {v['predicted']!s}")
        if bad:
            print(f"    evidence: {r['evidence']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus csv (default %(default)s)")
    parser.add_argument("--texts", type=Path, default=None,
                        help=f"folder of <id>.txt (default $MINSHENG_EVAL_TEXTS or {DEFAULT_TEXTS})")
    parser.add_argument("--split", choices=SPLITS, default=None, help="score one split only (default: all three tables)")
    parser.add_argument("--show-errors", action="store_true",
                        help="list every field that is wrong or null (tune only, unless --split names a split)")
    parser.add_argument("--with-url", action="store_true",
                        help="give the pipeline each row's URL as the manifest's source_url, as a fetched page has it")
    parser.add_argument("--json", metavar="PATH", help="also write the summary and per-document results as JSON ('-' = stdout)")
    args = parser.parse_args(argv)

    texts = texts_dir(args.texts)
    corpus = load_corpus(args.corpus)
    if args.split in ("tune", "holdout"):
        corpus = [row for row in corpus if row["split"] == args.split]
    results, notes = run(corpus, texts, args.with_url)
    for note in notes:
        print(note, file=sys.stderr)
    if not results:
        print(f"no scorable documents (texts folder: {texts})", file=sys.stderr)
        return 1
    if not any(r["has_doc_year_field"] for r in results if not r["error"]):
        print("note: the pipeline's document row has no doc_year field yet; doc_year gold is scored as null",
              file=sys.stderr)
    summary = summarize(results)
    splits = [args.split] if args.split else list(SPLITS)
    payload = {"texts": str(texts), "summary": {s: summary[s] for s in splits}, "documents": results, "notes": notes}
    if args.json == "-":
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    absent = sum(1 for note in notes if note.startswith("skip "))
    mismatched = sum(1 for note in notes if "sha256 mismatch" in note)
    print(f"texts: {len(results)} of {len(corpus)} rows scored ({absent} without a text, {mismatched} whose text's "
          f"sha256 differs from the corpus's; see benchmarks/eval/README.md, 'Re-creating it')")
    print_tables(summary, splits)
    if args.show_errors:
        # The holdout half is for honest numbers, not for reading: list its errors only on request.
        shown = results if args.split else [r for r in results if r["split"] == "tune"]
        print_errors(shown)
        if not args.split:
            print("  (holdout errors not listed; --split holdout --show-errors lists them)")
    if args.json:
        Path(args.json).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
