"""What a build shows while it runs: documents built, from the cache and failed, with an ETA.

A rich progress bar on a terminal; otherwise (a log file, CI) a plain line at most every
`interval` seconds and at the end. Counts come per document from batches running in this
process, and per batch from batches that ran elsewhere (a Dask worker): `batch_done` adds
whatever a batch's summary holds that was not counted yet. Thread-safe.
"""
from __future__ import annotations

import sys
import threading
import time


def _duration(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


class BuildProgress:
    def __init__(self, stream=None, interactive: bool | None = None, interval: float = 10.0):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.interval = interval
        self.total = 0
        self.counts = {"built": 0, "cached": 0, "failed": 0}
        self.live: dict[str, dict[str, int]] = {}  # batch key -> counts seen document by document
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.last_line = 0.0
        self.bar = None
        self.task = None
        self.stopped = False

    # -- counting ----------------------------------------------------------------------

    def start(self, total: int) -> None:
        self.total, self.started = total, time.monotonic()
        if self.interactive:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("built {task.fields[built]} · from cache {task.fields[cached]} · "
                                           "failed {task.fields[failed]}"),
                                TextColumn("ETA"), TimeRemainingColumn(),
                                console=Console(file=self.stream), transient=False)
            self.task = self.bar.add_task("build", total=total, built=0, cached=0, failed=0)
            self.bar.start()

    def failed_before(self, n: int) -> None:
        """Sources refused before any batch (unreadable, too large, altered)."""
        self._add({"failed": n})

    def kept(self, n: int, failed: int = 0) -> None:
        """A batch whose parts are kept from the last build: its documents count as from the cache."""
        self._add({"cached": n - failed, "failed": failed}, rate=False)

    def document(self, key: str, status: str) -> None:
        with self.lock:
            seen = self.live.setdefault(key, {"built": 0, "cached": 0, "failed": 0})
            seen[status] = seen.get(status, 0) + 1
        self._add({status: 1})

    def batch_done(self, summary: dict) -> None:
        failed = {e[0] for e in summary.get("errors") or []}
        whole = {"built": len([f for f in summary.get("built") or [] if f not in failed]),
                 "cached": len([f for f in summary.get("cached") or [] if f not in failed]),
                 "failed": len(failed)}
        with self.lock:
            seen = self.live.pop(summary["key"], {"built": 0, "cached": 0, "failed": 0})
        self._add({k: whole[k] - seen.get(k, 0) for k in whole})

    def _add(self, delta: dict[str, int], rate: bool = True) -> None:
        with self.lock:
            for k, v in delta.items():
                self.counts[k] += v
            if not rate:  # unchanged batches are not work done: the ETA is measured from here
                self.started = time.monotonic()
                self.base = self.done
            self._show()

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    def eta(self) -> float | None:
        elapsed = time.monotonic() - self.started
        work = self.done - getattr(self, "base", 0)
        left = self.total - self.done
        if work <= 0 or elapsed <= 0:
            return None
        return left / (work / elapsed)

    def line(self) -> str:
        c = self.counts
        eta = self.eta()
        elapsed = time.monotonic() - self.started
        rate = (self.done - getattr(self, "base", 0)) / elapsed if elapsed > 0 else 0.0
        return (f"documents {self.done}/{self.total}: built {c['built']}, from cache {c['cached']}, failed {c['failed']}; "
                f"{rate:.1f}/s" + (f", ETA {_duration(eta)}" if eta is not None and self.done < self.total else ""))

    def _show(self, final: bool = False) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, built=self.counts["built"], cached=self.counts["cached"],
                            failed=self.counts["failed"])
            return
        now = time.monotonic()
        line = self.line()
        if (final and line != getattr(self, "shown", None)) or (not final and now - self.last_line >= self.interval):
            self.last_line, self.shown = now, line
            self.stream.write(line + "\n")  # not print(): Prefect's log_prints would take it into the log
            self.stream.flush()

    def stop(self) -> None:
        if not self.total or self.stopped:
            return  # never started (nothing to build), or stopped already
        self.stopped = True
        with self.lock:
            if self.bar is not None:
                self.bar.update(self.task, completed=self.done)
                self.bar.stop()
                self.bar = None
            else:
                self._show(final=True)
