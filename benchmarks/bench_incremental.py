"""Benchmark (not a test): full build vs rebuild after one document changed vs nothing changed.

    python benchmarks/bench_incremental.py [--copies N]

Builds a copy of raw/ (the seeds, optionally N times under different names) in a temporary
folder through the real Prefect flow, in one process so that the embedded Prefect server
starts once (a warm-up build on one document pays for it); then changes one document and
rebuilds; then rebuilds with nothing changed. Prints wall seconds and what each build
rebuilt, and, separately, the wall time of the `minsheng build` command with nothing
changed, which includes starting the temporary server.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HOME = tempfile.mkdtemp(prefix="bench-prefect-")
os.environ["PREFECT_HOME"] = HOME
os.environ.pop("PREFECT_API_URL", None)

from flows.flow import build_flow  # noqa: E402


def make_corpus(raw: Path, copies: int) -> list[Path]:
    raw.mkdir(parents=True)
    rows = list(csv.DictReader(open(ROOT / "raw" / "manifest.csv", encoding="utf-8")))
    out_rows = []
    for n in range(copies):
        for row in rows:
            name = row["source_file"] if copies == 1 else f"{n:03d}_{row['source_file']}"
            shutil.copy(ROOT / "raw" / row["source_file"], raw / name)
            out_rows.append({**row, "source_file": name})
    write_manifest(raw, out_rows)
    return sorted(raw.glob("*.txt"))


def write_manifest(raw: Path, rows: list[dict]) -> None:
    with open(raw / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def change_one(raw: Path, path: Path) -> None:
    """Append a new sentence with a number to one document and record its new sha256."""
    with open(path, "a", encoding=detect_encoding(path)) as handle:
        handle.write("\n到2027年，新增社区食堂12个。\n")
    rows = list(csv.DictReader(open(raw / "manifest.csv", encoding="utf-8")))
    for row in rows:
        if row["source_file"] == path.name:
            row["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    write_manifest(raw, rows)


def detect_encoding(path: Path) -> str:
    from flows.ingest import decode

    return decode(path.read_bytes(), path.name)[1]


def timed(label: str, **kwargs) -> float:
    started = time.perf_counter()
    result = build_flow(**kwargs)
    seconds = time.perf_counter() - started
    # an unchanged build returns the previous report: nothing was rebuilt or read from the cache
    changes = result.report.get("changes", {}) if result.status != "unchanged" else {}
    print(f"{label:<28} {seconds:7.2f} s  status={result.status:<10} rebuilt={len(changes.get('rebuilt', []))} "
          f"from_cache={len(changes.get('from_cache', []))} targets={result.report.get('row_counts', {}).get('targets')}",
          flush=True)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=1, help="how many times to copy the five seeds")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    warm_raw = work / "warm"
    warm_raw.mkdir()
    shutil.copy(ROOT / "raw" / "001_87eb7983aeb7c71d.txt", warm_raw)
    build_flow(raw_dir=str(warm_raw), out_dir=str(work / "warm_out"))  # starts the embedded server once

    raw, out = work / "raw", work / "curated"
    files = make_corpus(raw, args.copies)
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"corpus: {len(files)} documents, {size:.2f} MB; batch size 200; single process, embedded Prefect server")
    full = timed("full build (empty cache)", raw_dir=str(raw), out_dir=str(out))
    change_one(raw, files[len(files) // 2])
    one = timed("one document changed", raw_dir=str(raw), out_dir=str(out))
    none = timed("nothing changed", raw_dir=str(raw), out_dir=str(out))
    print(f"one changed / full = {one / full:.2f}; nothing changed / full = {none / full:.3f}")

    env = {**os.environ, "PREFECT_HOME": tempfile.mkdtemp(prefix="bench-prefect-cli-")}
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "flows", "build", "--raw", str(raw), "--out", str(out)],
                         env=env, capture_output=True, text=True)
    status = next((line for line in run.stdout.splitlines() if line.startswith("status:")), run.stdout[-200:])
    print(f"`minsheng build`, nothing changed, as a command (includes the temporary server): "
          f"{time.perf_counter() - started:.1f} s ({status})")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
