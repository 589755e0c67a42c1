"""Issue 10, case 2: a document's text stages cost time linear in its size, and a document
over the size or time limit is rejected by name while the others are built."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from flows import ingest, structure, targets
from flows.worker import DocumentTimeout, DocumentWorker, WorkerError


class CountingList(list):
    """A list that counts the elements read from it (by iteration or by index)."""

    def __init__(self, items):
        super().__init__(items)
        self.reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index):
        self.reads += 1
        return super().__getitem__(index)


def test_finding_the_section_of_an_offset_does_not_read_every_section():
    n = 4000
    sections = CountingList(structure.Section(f"s{i}", "d", None, 1, f"{i}.", f"heading {i}", "other", None,
                                              i * 10, i * 10 + 10) for i in range(n))
    for offset in range(5, n * 10, 10):
        assert structure.section_at(sections, offset).char_start == offset - 5
    assert sections.reads <= n * 20  # a bisection per call (~log2 n reads), not n reads per call


class CountedValue(float):
    """A value that counts how often it is compared."""
    comparisons = 0

    def __eq__(self, other):
        CountedValue.comparisons += 1
        return float(self) == float(other)

    __hash__ = float.__hash__


def test_dedupe_compares_a_row_with_rows_of_its_own_amount_not_with_every_row():
    def row(i, value):
        name = ("指标" if i < n else "事项") + chr(0x4E00 + i % n)  # two unrelated indicators per amount
        return targets.Row("target", name, CountedValue(value), None, "个", "count", "eq", None, None, "none",
                           False, False, "other", None, f"quote {i}", i * 10, i * 10 + 5, None, i * 10)

    n = 1500
    rows = [row(i, i) for i in range(n)] + [row(n + i, i) for i in range(n)]  # each amount twice
    CountedValue.comparisons = 0
    kept = targets.dedupe(rows)
    assert len(kept) == 2 * n  # each amount's two indicators share nothing: nothing dropped
    assert CountedValue.comparisons < 2 * n * 10  # the old scan over all kept rows made ~n * n * 1.5


# --- the per-document time limit: a child process per batch, killed when a document overruns ---

SEEDS = Path(__file__).resolve().parents[1] / "raw"


def test_a_worker_call_over_the_time_limit_is_stopped_and_the_next_call_gets_a_fresh_worker():
    with DocumentWorker(timeout=1.0, warm_up=False) as worker:
        started = time.monotonic()
        with pytest.raises(DocumentTimeout):
            worker.call("time:sleep", 60)
        assert time.monotonic() - started < 20
        assert worker.process is None  # killed
        assert worker.call("math:sqrt", 16.0) == 4.0
        with pytest.raises(WorkerError, match="ValueError: math domain error"):
            worker.call("math:sqrt", -1.0)
        assert worker.call("math:sqrt", 9.0) == 3.0  # an error in a call does not cost the worker


def test_a_document_over_the_time_limit_is_rejected_by_name_and_the_others_are_built(tmp_path):
    import pandas as pd

    from flows import parts
    from flows.pipeline import build_document, code_version
    from flows.worker import close_pool

    seed = sorted(SEEDS.glob("*.txt"))[0]
    slow = tmp_path / "slow.txt"
    # the seeds over and over: a few MB, several seconds to build (a seed takes ~0.1 s)
    slow.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) * 20,
                    encoding="utf-8")
    records = [ingest.SourceRecord("slow.txt", slow, root=tmp_path),
               ingest.SourceRecord(seed.name, seed, root=SEEDS)]
    batch = parts.Batch("k", "f", records)
    try:
        summary = parts.run_batch(batch, tmp_path / "out", tmp_path / "cache", code_version(), None, 2.0)
    finally:
        close_pool()
    assert [e[1] for e in summary["errors"]] == ["slow.txt: took longer than the limit of 2 s (--doc-timeout); rejected"]
    assert summary["built"] == [seed.name] and summary["rows"]["documents"] == 1
    # built in the worker process: the same rows as in this process
    expected = build_document(ingest.read_source(records[1]))
    written = pd.read_parquet(parts.part_path(tmp_path / "out", "targets", "k"))
    assert list(written["target_id"]) == [t["target_id"] for t in expected.targets]
    assert list(written["quote"]) == [t["quote"] for t in expected.targets]


def test_the_size_limit_is_checked_before_the_file_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # a sparse 3 GB file: reading it would take the memory
        handle.truncate(3 * 1024 ** 3)
    with pytest.raises(ingest.SourceError, match=r"big.txt: too large: 3072.0 MB, over the limit of 20.0 MB"):
        ingest.read_source(ingest.SourceRecord("big.txt", big, root=tmp_path))


def test_a_prestarted_worker_is_still_alive_and_warm_when_the_build_takes_it():
    # The child is tied to the thread that started it (PR_SET_PDEATHSIG): a prestart thread that
    # ended at once took its warm worker with it, and the first batch paid a cold start.
    import time

    from flows import worker

    worker.prestart(30.0)
    deadline = time.monotonic() + 120
    while not worker._pool.get(30.0) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        time.sleep(1.0)
        with worker.pooled(30.0) as taken:
            process = taken.process
            assert process is not None and process.poll() is None
            assert taken.call("math:sqrt", 16.0) == 4.0
            assert taken.process is process  # the same child: no new start
    finally:
        worker.close_pool()
    time.sleep(0.5)
    assert process.poll() is not None  # ended with the pool
