"""What a build checks before it starts, and what it holds while it runs.

    check_raw, check_out   the raw folder is readable; --out is a folder (or can be one)
                           that the build may write, holding nothing a build did not write
    build_lock             one build at a time per output folder (a lock file beside it)
    (the Prefect server a build runs on, temporary or not: flows/prefect_server.py)
    on_signals             SIGTERM/SIGINT end the build at once, server included

Every problem of the environment is an `EnvironmentProblem`: one line, and its own exit
status (EXIT_STATUSES, printed by `minsheng build --help`).
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

# exit status -> meaning; 0-2 are the build's own outcomes, the rest are the environment's
EXIT_STATUSES = {
    0: "complete (or unchanged: nothing to rebuild)",
    1: "incomplete: some sources were rejected (named in the report); the rest is published",
    2: "validation failed: the output folder is left as the last good build left it",
    3: "the raw folder is missing, unreadable, or its manifest.csv is broken",
    4: "the output folder cannot be used: not a folder, not writable, or it holds files a build did not write",
    5: "another build is writing to the same output folder",
    6: "writing failed: no space left on the device, or a read-only or failing disk",
    7: "the temporary Prefect server did not start (or PREFECT_API_URL names one that does not answer)",
    70: "internal error (a bug: please report it with the traceback)",
    130: "interrupted (SIGINT): the last good outputs stay as they were",
    143: "terminated (SIGTERM): the last good outputs stay as they were",
}


class EnvironmentProblem(Exception):
    exit_code = 70

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else type(self).__name__


class RawFolderProblem(EnvironmentProblem):
    exit_code = 3


class OutputFolderProblem(EnvironmentProblem):
    exit_code = 4


class OutputLocked(EnvironmentProblem):
    exit_code = 5


class WriteProblem(EnvironmentProblem):
    exit_code = 6


class ServerProblem(EnvironmentProblem):
    exit_code = 7


WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG}


def write_problem(error: OSError, doing: str = "writing the outputs") -> WriteProblem:
    where = f" ({error.filename})" if error.filename else ""
    return WriteProblem(f"{doing} failed: {error.strerror or error}{where}")


def check_raw(raw: Path | str) -> Path:
    raw = Path(raw)
    if not raw.exists():
        raise RawFolderProblem(f"raw folder {raw} does not exist")
    if not raw.is_dir():
        raise RawFolderProblem(f"raw folder {raw} is not a folder")
    try:
        os.listdir(raw)
    except OSError as error:
        raise RawFolderProblem(f"raw folder {raw} cannot be read: {error.strerror}") from None
    return raw


def output_files() -> set[str]:
    from flows.flow import OUTPUT_FILES

    return set(OUTPUT_FILES)


def foreign_files(out: Path) -> list[str]:
    """Names in --out that no build writes, hidden ones included: a build never deletes them."""
    try:
        names = os.listdir(out)
    except FileNotFoundError:
        return []
    known = output_files()
    return sorted(name for name in names if name not in known)


def _probe_write(folder: Path, what: str) -> None:
    try:
        handle, name = tempfile.mkstemp(prefix=".minsheng-write-check-", dir=folder)
        os.close(handle)
        os.unlink(name)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise WriteProblem(f"{what} {folder}: {error.strerror}") from None
        raise OutputFolderProblem(f"{what} {folder} is not writable: {error.strerror}") from None


def check_out(out: Path | str, raw: Path | str | None = None) -> Path:
    """--out must be a folder (or a path where one can be made) whose parent the build can
    write (staging, the lock and the cache live beside it), and hold only files a build wrote."""
    out = Path(out).absolute()
    if out.exists() and not out.is_dir():
        raise OutputFolderProblem(f"--out {out} is a file, not a folder")
    if raw is not None:
        raw_resolved, out_resolved = Path(raw).resolve(), out.resolve()
        if out_resolved == raw_resolved or out_resolved.is_relative_to(raw_resolved) \
                or raw_resolved.is_relative_to(out_resolved):
            raise OutputFolderProblem(f"--out {out} and --raw {raw} overlap; give the outputs a folder of their own")
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputFolderProblem(f"cannot make the folder {parent} for --out: {error.strerror}") from None
    if not parent.is_dir():
        raise OutputFolderProblem(f"{parent} (where --out would go) is not a folder")
    _probe_write(parent, "the folder holding --out,")
    if out.is_dir():
        foreign = foreign_files(out)
        if foreign:
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise OutputFolderProblem(f"--out {out} holds files a build did not write ({shown}); a build replaces "
                                      "the whole folder, so it refuses: move them, or choose a new or empty folder")
        _probe_write(out, "--out")
    return out


def lock_path(out: Path) -> Path:
    out = Path(out).resolve()  # one lock file however --out is spelled (links, relative paths)
    return out.parent / f".{out.name}.lock"


_held: dict[str, list] = {}  # lock path -> [file descriptor, depth]: re-entrant within one process
_held_guard = threading.Lock()


def lock_holder(fd: int, patience: float = 1.0) -> str:
    """Who holds the lock, as it wrote itself into the lock file ("pid 123, started …"). The holder writes
    that just after taking the lock, so a build that finds the lock taken a moment after looks again for
    up to `patience` seconds before it says it does not know."""
    deadline = time.monotonic() + patience
    while True:
        try:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
        except OSError:
            holder = ""
        if holder or time.monotonic() >= deadline:
            return holder
        time.sleep(0.05)


@contextlib.contextmanager
def build_lock(out: Path | str, wait: float = 0.0):
    """Hold the output folder's lock (fcntl, released by the kernel when the process dies).
    Another build into the same folder waits up to `wait` seconds, then raises OutputLocked."""
    path = lock_path(Path(out))
    key = str(path)
    with _held_guard:
        if key in _held:
            _held[key][1] += 1
            entry = None
        else:
            entry = True
    if entry is None:
        try:
            yield path
        finally:
            with _held_guard:
                _held[key][1] -= 1
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise OutputFolderProblem(f"cannot create the lock file {path}: {error.strerror}") from None
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = lock_holder(fd)
                os.close(fd)
                raise OutputLocked(f"another build ({holder or 'unknown process'}) is writing to {Path(out)}; "
                                   f"wait for it to finish (or pass --wait SECONDS)") from None
            time.sleep(0.2)
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
    with _held_guard:
        _held[key] = [fd, 1]
    try:
        yield path
    finally:
        with _held_guard:
            _held[key][1] -= 1
            release = _held[key][1] == 0
            if release:
                del _held[key]
        if release:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


@contextlib.contextmanager
def on_signals(message=lambda signum: None):
    """SIGTERM and SIGINT end the build at once: the server is stopped, a line is printed and
    the process exits 128+signal without waiting for running batches. Exiting mid-build is as
    safe as kill -9 (the outputs are swapped in by rename), so nothing needs finishing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        from flows.prefect_server import stop_all

        stop_all()
        message(signum)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
