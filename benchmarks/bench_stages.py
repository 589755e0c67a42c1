"""Benchmark (not a test): each stage on the seeds, in one process pinned to one core.

    python benchmarks/bench_stages.py [--repeat N] [--min-seconds S] [--raw DIR]

Prints documents/s and MB/s per stage (MB of the decoded source text, UTF-8), OpenCC t2s
alone on the same text, clean+extract against it (the issue's ratio), and validate and
publish on the whole build. Stages run in the order of the pipeline, each on the previous
stage's output. Each stage is repeated at least N times and for at least S seconds; the
best repeat is reported (least disturbed), with the median and the spread beside it so
that an unstable number shows. OpenCC and clean+extract are measured in the same run.
"""
from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# One core: thread pools (BLAS, Arrow, DuckDB) would otherwise spread over all of them.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "ARROW_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows import clean, indicators, metadata, publish, structure, targets, validate  # noqa: E402
from flows.flow import tables_to_frames  # noqa: E402
from flows.ingest import list_sources, read_source  # noqa: E402
from flows.pipeline import build_document, doc_id_for  # noqa: E402


class Timer:
    def __init__(self, repeat: int, min_seconds: float):
        self.repeat, self.min_seconds = repeat, min_seconds

    def __call__(self, work, repeat: int | None = None) -> tuple[dict, object]:
        """Run work() until both the repeat count and the time budget are spent."""
        times, result, started = [], None, time.perf_counter()
        while len(times) < (repeat or self.repeat) or time.perf_counter() - started < self.min_seconds:
            t0 = time.perf_counter()
            result = work()
            times.append(time.perf_counter() - t0)
            if len(times) >= 10000:
                break
        best, median = min(times), statistics.median(times)
        return {"best": best, "median": median, "n": len(times), "spread": (median - best) / best}, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5, help="at least this many repeats per stage")
    parser.add_argument("--min-seconds", type=float, default=1.0, help="and at least this long per stage")
    parser.add_argument("--raw", default=str(ROOT / "raw"))
    args = parser.parse_args()
    logging.disable(logging.INFO)  # Great Expectations announces its temporary folders
    timed = Timer(args.repeat, args.min_seconds)
    records = list_sources(Path(args.raw))
    n = len(records)

    ingest_t, raws = timed(lambda: [read_source(r) for r in records])
    megabytes = sum(len(r.text.encode("utf-8")) for r in raws) / 1e6
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(f"{n} documents, {megabytes:.3f} MB of text (UTF-8); one process on {cores} core(s); "
          f"each stage >= {args.repeat} repeats and >= {args.min_seconds:g} s, best repeat reported\n")
    print(f"{'stage':<36}{'best s':>9}{'docs/s':>10}{'MB/s':>9}{'median s':>10}{'spread':>8}{'runs':>6}")

    def line(stage: str, t: dict) -> None:
        s = t["best"]
        print(f"{stage:<36}{s:9.4f}{n / s:10.1f}{megabytes / s:9.2f}{t['median']:10.4f}{t['spread']:7.1%}{t['n']:6d}")

    line("ingest (read, sha256, decode)", ingest_t)
    opencc_t, _ = timed(lambda: [clean._converter().convert(r.text) for r in raws])
    clean_t, cleaned = timed(lambda: [clean.clean(r.text) for r in raws])
    line("clean", clean_t)
    meta_t, metas = timed(lambda: [metadata.document_metadata(c.clean_text, r.manifest) for c, r in zip(cleaned, raws)])
    line("metadata", meta_t)
    ids = [doc_id_for(r.source_file) for r in raws]
    structure_t, trees = timed(lambda: [structure.build_sections(i, c.clean_text) for i, c in zip(ids, cleaned)])
    line("structure", structure_t)

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
    targets_t, rows = timed(extract)
    line("targets (+ indicator codes)", targets_t)
    line("OpenCC t2s alone", opencc_t)
    whole_t, tables = timed(lambda: [build_document(r) for r in raws])
    line("whole document (clean..targets)", whole_t)

    frames = tables_to_frames(tables)
    validate.validate_tables(frames)  # the first call pays Great Expectations' import and context
    validate_t, report = timed(lambda: validate.validate_tables(frames), repeat=3)
    line("validate (GX suites + cross checks)", validate_t)
    with tempfile.TemporaryDirectory() as tmp:
        publish_t, _ = timed(lambda: publish.write_outputs(Path(tmp) / "out", frames, {"status": "bench"}), repeat=3)
    line("publish (Parquet, DuckDB, report)", publish_t)

    clean_extract = clean_t["best"] + meta_t["best"] + structure_t["best"] + targets_t["best"]
    opencc = opencc_t["best"]
    print(f"\ntargets found: {sum(len(r) for r in rows)}; validation {'passed' if report.success else 'FAILED'}")
    print(f"clean+extract {megabytes / clean_extract:.2f} MB/s vs OpenCC t2s {megabytes / opencc:.2f} MB/s, "
          f"ratio {opencc / clean_extract:.3f} (aim: at least 0.333)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
