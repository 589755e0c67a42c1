"""Benchmark (not a test): builds of synthetic corpora of 1,000 and 10,000 documents (100,000 with --big).

    python benchmarks/bench_scale.py [--sizes 1000 10000] [--big] [--workers N] [--server] [--json results.json]

Each corpus is made from the seed texts (raw/ and ../shared/seeds): every document is a seed with its
numbers varied (years kept), its places renamed (a prefecture and a province drawn from the
reference regions), a window of its lines kept (50-100 %) and sometimes another seed's lines added,
and a line of letters of its own, so no two documents are equal; the files sit in 31 subfolders,
without a manifest. For each size it runs the `minsheng build` command three times (a full build
with an empty cache, a rebuild after one document changed, a rebuild with nothing changed), each
with its temporary Prefect server, and prints: wall time, documents/s, MB/s, peak RSS summed over
the whole process tree (the command, its Prefect server and its worker processes; sampled every
0.2 s), CPU use summed over the tree during the document stage (100 % = one core busy), and the
time of each step as the build's log gives it (hashing, document stage, validation, publish).
With --server it then measures the two rebuilds again against a Prefect server of its own
(PREFECT_API_URL set, as the nightly deployment runs), where no temporary server is started.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SEED_DIRS = [ROOT / "raw", ROOT.parent / "shared" / "seeds"]
CITY_NAMES = ("江门市", "江門市", "武汉市", "武漢市", "盐城市", "鹽城市")
CITY_STEMS = ("江门", "江門", "武汉", "武漢", "盐城", "鹽城")
PROVINCE_NAMES = ("广东省", "廣東省", "湖北省", "江苏省", "江蘇省")
YEAR = re.compile(r"(?:19|20)\d\d")


def seed_texts() -> list[str]:
    texts = {}
    for folder in SEED_DIRS:
        for path in sorted(folder.glob("*.txt")):
            data = path.read_bytes()
            texts.setdefault(data, data.decode("utf-8-sig", errors="replace"))
    return list(texts.values())


def region_names() -> tuple[list[str], list[str]]:
    rows = list(csv.DictReader(open(ROOT / "flows" / "reference" / "regions.csv", encoding="utf-8")))
    cities = [r["name"] for r in rows if r["level"] == "prefecture" and r["name"].endswith("市")]
    provinces = [r["name"] for r in rows if r["level"] == "province" and r["name"].endswith("省")]
    return cities, provinces


def letters(n: int) -> str:
    return "".join("abcdefghij"[int(d)] for d in str(n))


def vary_numbers(text: str, rng: random.Random) -> str:
    def one(match: re.Match) -> str:
        digits = match.group(0)
        if len(digits) == 4 and YEAR.fullmatch(digits):
            return digits
        value = int(digits)
        if value < 2:
            return digits
        return str(max(1, int(value * rng.uniform(0.5, 1.5))))
    return re.sub(r"\d+", one, text)


def make_document(n: int, seeds: list[str], cities: list[str], provinces: list[str]) -> str:
    rng = random.Random(n)
    text = seeds[rng.randrange(len(seeds))]
    lines = text.split("\n")
    head, body = lines[:6], lines[6:]
    keep = max(1, int(len(body) * rng.uniform(0.5, 1.0)))
    start = rng.randrange(0, len(body) - keep + 1)
    chosen = head + body[start:start + keep]
    if rng.random() < 0.3:  # longer: another seed's lines added
        other = seeds[rng.randrange(len(seeds))].split("\n")[6:]
        extra = int(len(other) * rng.uniform(0.2, 0.8))
        chosen += other[:extra]
    text = "\n".join(chosen)
    city, province = rng.choice(cities), rng.choice(provinces)
    for name in CITY_NAMES:
        text = text.replace(name, city)
    for stem in CITY_STEMS:
        text = text.replace(stem, city[:-1])
    for name in PROVINCE_NAMES:
        text = text.replace(name, province)
    text = vary_numbers(text, rng)
    return text + f"\n抄送编码 {letters(n)}\n"


def make_corpus(raw: Path, size: int) -> tuple[list[Path], int]:
    seeds = seed_texts()
    cities, provinces = region_names()
    raw.mkdir(parents=True)
    paths, total = [], 0
    for n in range(size):
        path = raw / f"p{n % 31:02d}" / f"{n:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        data = make_document(n, seeds, cities, provinces).encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
    return paths, total


def kind_of(process: psutil.Process) -> str:
    command = " ".join(process.cmdline())
    for word, kind in (("flows.worker", "document workers"), ("uvicorn", "Prefect server"),
                       ("flows build", "flow"), ("dask", "dask")):
        if word in command:
            return kind
    return "other"


class TreeSampler:
    """Peak RSS summed over a process and its descendants, and CPU seconds over time."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_rss = 0
        self.peak_parts: dict[str, float] = {}  # at the peak: MB by kind of process
        self.cpu: dict[int, float] = {}
        self.samples: list[tuple[float, float]] = []  # (time, total CPU seconds of the tree so far)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                processes = [self.root] + self.root.children(recursive=True)
            except psutil.NoSuchProcess:
                break
            rss, kinds = 0, {}
            for p in processes:
                try:
                    mine = p.memory_info().rss
                    rss += mine
                    kind = kind_of(p)
                    kinds[kind] = kinds.get(kind, 0) + mine / 2 ** 20
                    times = p.cpu_times()
                    self.cpu[p.pid] = times.user + times.system + times.children_user + times.children_system
                except psutil.NoSuchProcess:
                    pass
            if rss > self.peak_rss:
                self.peak_rss, self.peak_parts = rss, kinds
            self.samples.append((time.monotonic(), sum(self.cpu.values())))
            time.sleep(self.interval)

    def cpu_between(self, start: float, end: float) -> float | None:
        inside = [(t, c) for t, c in self.samples if start <= t <= end]
        if len(inside) < 2 or inside[-1][0] <= inside[0][0]:
            return None
        return (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0])

    def finish(self) -> None:
        self.stop.set()
        self.thread.join()


MARKERS = {
    "discover": re.compile(r"Task run 'discover sources"),
    "hashed": re.compile(r"sources hashed in ([\d.]+)s"),
    "batches": re.compile(r"batches to build"),
    "batch_done": re.compile(r"Task run 'build batch.*batch \d+/\d+"),
    "validated": re.compile(r"validation (passed|FAILED)"),
    "published": re.compile(r"published to"),
    "unchanged": re.compile(r"nothing changed since the last build"),
}


def run_build(raw: Path, out: Path, env: dict, workers: int | None) -> dict:
    command = [sys.executable, "-m", "flows", "build", "--raw", str(raw), "--out", str(out)]
    if workers:
        command += ["--workers", str(workers)]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               bufsize=1)
    sampler = TreeSampler(process.pid)
    seen: dict[str, list[float]] = {}
    hashed = None
    status = ""
    tail: list[str] = []
    for line in process.stdout:
        now = time.monotonic()
        tail = (tail + [line])[-30:]
        for name, pattern in MARKERS.items():
            found = pattern.search(line)
            if found:
                seen.setdefault(name, []).append(now)
                if name == "hashed":
                    hashed = float(found.group(1))
        if line.startswith("status:"):
            status = line.split()[1]
    process.wait()
    ended = time.monotonic()
    sampler.finish()
    if process.returncode not in (0, 1):
        sys.stderr.write("".join(tail))
        raise SystemExit(f"build failed with status {process.returncode}")
    first = lambda name: seen.get(name, [None])[0]  # noqa: E731
    last = lambda name: seen.get(name, [None])[-1]  # noqa: E731
    doc_start, doc_end = first("batches"), last("batch_done")
    result = {"status": status, "seconds": ended - started, "peak_rss_mb": sampler.peak_rss / 2 ** 20,
              "peak_rss_by_process_mb": {k: round(v) for k, v in sorted(sampler.peak_parts.items())},
              "start_seconds": (first("discover") or ended) - started, "hash_seconds": hashed}
    if doc_start and doc_end:
        result["document_stage_seconds"] = doc_end - doc_start
        cpu = sampler.cpu_between(doc_start, doc_end)
        result["document_stage_cpu_percent"] = None if cpu is None else 100 * cpu
    if doc_end and first("validated"):
        result["validation_seconds"] = first("validated") - doc_end
    if first("validated") and first("published"):
        result["publish_seconds"] = first("published") - first("validated")
    result["cpu_percent_whole_build"] = 100 * (sampler.samples[-1][1] - sampler.samples[0][1]) / \
        max(sampler.samples[-1][0] - sampler.samples[0][0], 1e-9) if len(sampler.samples) > 1 else None
    return result


def change_one(path: Path) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n到2027年，新增社区食堂12个。\n")


def start_server(env: dict) -> tuple[subprocess.Popen, str]:
    """A Prefect server of its own (as the nightly deployment's), for the rebuilds measured with
    PREFECT_API_URL set: no temporary server is started then."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as answer:
                if answer.status == 200:
                    return server, url
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the Prefect server did not start in 120 s")


def fmt(value, pattern="{:.1f}") -> str:
    return "-" if value is None else pattern.format(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--big", action="store_true", help="add the 100,000-document corpus")
    parser.add_argument("--workers", type=int, default=None, help="--workers of the build (None: every core)")
    parser.add_argument("--work", default=None, help="folder for the corpora (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and builds")
    parser.add_argument("--json", default=None, help="write the figures to this file too")
    parser.add_argument("--server", action="store_true",
                        help="also measure the two rebuilds against a running Prefect server (PREFECT_API_URL set, "
                             "as the nightly deployment runs), after those with the temporary server")
    args = parser.parse_args()
    sizes = list(args.sizes) + ([100000] if args.big else [])
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-scale-"))
    env = {**os.environ, "PREFECT_HOME": tempfile.mkdtemp(prefix="bench-scale-prefect-"), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    env.pop("PREFECT_API_URL", None)
    print(f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2 ** 30:.0f} GiB; work folder {work}", flush=True)
    results = []
    for size in sizes:
        folder = work / str(size)
        if folder.exists():
            shutil.rmtree(folder)
        started = time.monotonic()
        paths, total = make_corpus(folder / "raw", size)
        print(f"\n{size} documents, {total / 1e6:.1f} MB (made in {time.monotonic() - started:.0f} s)", flush=True)
        row = {"documents": size, "megabytes": total / 1e6}
        runs = [("full", None, env), ("one_changed", lambda: change_one(paths[len(paths) // 2]), env),
                ("nothing_changed", None, env)]
        server = None
        if args.server:
            server, url = start_server(env)
            server_env = {**env, "PREFECT_API_URL": url}
            runs += [("one_changed_server", lambda: change_one(paths[len(paths) // 3]), server_env),
                     ("nothing_changed_server", None, server_env)]
        for label, prepare, run_env in runs:
            if prepare:
                prepare()
            figures = run_build(folder / "raw", folder / "curated", run_env, args.workers)
            row[label] = figures
            print(f"  {label:<16} {figures['seconds']:8.1f} s  status {figures['status']:<10} "
                  f"peak RSS {figures['peak_rss_mb']:7.0f} MB  start {fmt(figures['start_seconds'])} s  "
                  f"hash {fmt(figures['hash_seconds'])} s  documents {fmt(figures.get('document_stage_seconds'))} s "
                  f"at {fmt(figures.get('document_stage_cpu_percent'), '{:.0f}')} % CPU  "
                  f"validation {fmt(figures.get('validation_seconds'))} s  publish {fmt(figures.get('publish_seconds'))} s"
                  f"\n{'':20}peak RSS by process (MB): {figures['peak_rss_by_process_mb']}", flush=True)
        full = row["full"]["seconds"]
        row["docs_per_second"] = size / full
        row["mb_per_second"] = total / 1e6 / full
        row["one_changed_share"] = row["one_changed"]["seconds"] / full
        row["nothing_changed_share"] = row["nothing_changed"]["seconds"] / full
        print(f"  => {row['docs_per_second']:.1f} documents/s, {row['mb_per_second']:.2f} MB/s; one changed "
              f"{100 * row['one_changed_share']:.1f} % of full; nothing changed {100 * row['nothing_changed_share']:.1f} % "
              f"(of which {row['nothing_changed']['start_seconds']:.1f} s before the flow's first task)", flush=True)
        if server is not None:
            server.terminate()
            server.wait(30)
            row["one_changed_server_share"] = row["one_changed_server"]["seconds"] / full
            row["nothing_changed_server_share"] = row["nothing_changed_server"]["seconds"] / full
            print(f"  => against a running Prefect server: one changed {100 * row['one_changed_server_share']:.1f} % "
                  f"of full; nothing changed {100 * row['nothing_changed_server_share']:.1f} %", flush=True)
        results.append(row)
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print("\ndocuments      MB   full s  docs/s   MB/s  peak RSS MB  doc-stage CPU %  one changed %  nothing changed s")
    for row in results:
        print(f"{row['documents']:>9} {row['megabytes']:7.1f} {row['full']['seconds']:8.1f} {row['docs_per_second']:7.1f} "
              f"{row['mb_per_second']:6.2f} {row['full']['peak_rss_mb']:12.0f} "
              f"{fmt(row['full'].get('document_stage_cpu_percent'), '{:.0f}'):>16} "
              f"{100 * row['one_changed_share']:13.1f} {row['nothing_changed']['seconds']:18.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
