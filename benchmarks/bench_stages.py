"""Benchmark (not a test): each stage on the seeds, in one process on one core.

    python benchmarks/bench_stages.py [--repeat N] [--raw DIR]

Prints documents/s and MB/s per stage (MB of the decoded source text, UTF-8), OpenCC t2s
alone on the same text, clean+extract against it (the issue's ratio), and validate and
publish on the whole build. Stages run in the order of the pipeline, each on the previous
stage's output, repeated N times; the best of the repeats is reported (least disturbed).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from flows import clean, indicators, metadata, publish, structure, targets, validate  # noqa: E402
from flows.flow import tables_to_frames  # noqa: E402
from flows.ingest import list_sources, read_source  # noqa: E402
from flows.pipeline import build_document, doc_id_for  # noqa: E402


def best_of(repeat: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--raw", default=str(ROOT / "raw"))
    args = parser.parse_args()
    records = list_sources(Path(args.raw))
    n = len(records)

    seconds, raws = best_of(args.repeat, lambda: [read_source(r) for r in records])
    megabytes = sum(len(r.text.encode("utf-8")) for r in raws) / 1e6
    print(f"{n} documents, {megabytes:.3f} MB of text (UTF-8), best of {args.repeat}, one process\n")
    print(f"{'stage':<34}{'seconds':>9}{'docs/s':>10}{'MB/s':>9}")

    def line(stage: str, s: float) -> None:
        print(f"{stage:<34}{s:9.4f}{n / s:10.1f}{megabytes / s:9.2f}")

    line("ingest (read, sha256, decode)", seconds)
    opencc_s, _ = best_of(args.repeat, lambda: [clean._converter().convert(r.text) for r in raws])
    clean_s, cleaned = best_of(args.repeat, lambda: [clean.clean(r.text) for r in raws])
    line("clean", clean_s)
    meta_s, metas = best_of(args.repeat, lambda: [metadata.document_metadata(c.clean_text, r.manifest)
                                                    for c, r in zip(cleaned, raws)])
    line("document metadata", meta_s)
    ids = [doc_id_for(r.source_file) for r in raws]
    structure_s, trees = best_of(args.repeat, lambda: [structure.build_sections(i, c.clean_text)
                                                        for i, c in zip(ids, cleaned)])
    line("structure", structure_s)

    def extract():
        out = []
        for i, c, m, tree in zip(ids, cleaned, metas, trees):
            ctx = targets.DocumentContext(doc_id=i, plan_start_year=m["plan_start_year"],
                                          plan_end_year=m["plan_end_year"],
                                          issue_year=m["issue_date"].year if m["issue_date"] else None)
            rows = targets.extract_targets(c.clean_text, tree, ctx)
            indicators.assign_codes(rows)
            out.append(rows)
        return out
    targets_s, rows = best_of(args.repeat, extract)
    line("targets (+ indicator codes)", targets_s)
    line("OpenCC t2s alone", opencc_s)
    whole_s, tables = best_of(args.repeat, lambda: [build_document(r) for r in raws])
    line("whole document (all of the above)", whole_s)

    frames = tables_to_frames(tables)
    validate.validate_tables(frames)  # the first call pays Great Expectations' import and context
    validate_s, report = best_of(max(1, args.repeat // 2), lambda: validate.validate_tables(frames))
    line("validate (GX suites + cross checks)", validate_s)
    with tempfile.TemporaryDirectory() as tmp:
        publish_s, _ = best_of(max(1, args.repeat // 2),
                               lambda: publish.write_outputs(Path(tmp) / "out", frames, {"status": "bench"}))
    line("publish (Parquet, DuckDB, report)", publish_s)

    clean_extract = clean_s + meta_s + structure_s + targets_s
    print(f"\ntargets found: {sum(len(r) for r in rows)}; validation {'passed' if report.success else 'FAILED'}")
    print(f"clean+extract {megabytes / clean_extract:.2f} MB/s vs OpenCC t2s {megabytes / opencc_s:.2f} MB/s, "
          f"ratio {opencc_s / clean_extract:.3f} (aim: at least 0.333)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
