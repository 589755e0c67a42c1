"""A child process that builds documents, so that one document's time can be limited.

A pure-Python stage cannot be stopped from outside its thread (signal.alarm works only in
the main thread, and Prefect runs tasks in worker threads), so the flow hands each
document to a child process (`python -m flows.worker`) and waits at most the time limit
for its rows. A document over the limit is rejected by name, the child is killed and a
fresh one serves the next document. The child runs the same functions on the same
bytes as the flow would, so the rows are the same bytes either way.

The child never outlives the process that started it: it asks the kernel for SIGKILL when
its parent goes (prctl PR_SET_PDEATHSIG, Linux), and it exits when its input pipe closes.

Protocol on the child's stdin/stdout: length-prefixed pickles; the child first writes
b"ready" once its imports and rules are loaded, then answers each (function, argument)
with ("ok", result), ("oserror", errno, strerror, filename) (raised again as OSError in the
parent, so that a full disk keeps its exit status) or ("error", exception type name, message).

`pooled(timeout)` lends a worker from a pool kept per process, so that a build starts one
child per concurrent batch (not one per batch) and pays each child's warm-up once;
`close_pool()` ends them. With no time limit (`--doc-timeout 0`) it lends a `LocalWorker`,
which runs the same functions in this process.
"""
from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

DEFAULT_DOC_TIMEOUT = 120.0  # seconds; the largest real plan takes well under 2 s
STARTUP_TIMEOUT = 120.0
BUILD_FUNCTION = "flows.pipeline:build_document"
_HEADER = struct.Struct("<Q")


class DocumentTimeout(Exception):
    """The document took longer than the limit; the child was killed."""


class WorkerError(Exception):
    """The child raised (type name and message are kept) or died."""

    def __init__(self, type_name: str, message: str):
        super().__init__(f"{type_name}: {message}")
        self.type_name = type_name


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Ask Linux to send `sig` to this process when its parent thread ends (no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(sig), 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass


def _write(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise DocumentTimeout()
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError("worker process closed its output")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _read(fd: int, deadline: float | None):
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline))
    return pickle.loads(_read_exact(fd, size, deadline))


def _resolve(name: str):
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


class DocumentWorker:
    """One child process, started when first needed; `call` runs a function in it with a time limit."""

    def __init__(self, timeout: float | None = DEFAULT_DOC_TIMEOUT, warm_up: bool = True):
        self.timeout = timeout
        self.warm_up = warm_up
        self.process: subprocess.Popen | None = None

    def _start(self) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flows.worker", str(os.getpid()), "warm" if self.warm_up else "cold"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        try:
            ready = _read(self.process.stdout.fileno(), time.monotonic() + STARTUP_TIMEOUT)
        except (DocumentTimeout, EOFError, pickle.UnpicklingError) as error:
            self.close()
            raise WorkerError("WorkerStartFailed", f"the document worker process did not start ({error!r})") from None
        if ready != "ready":
            self.close()
            raise WorkerError("WorkerStartFailed", f"unexpected first message {ready!r}")

    def call(self, function: str, argument, timeout: float | None = None):
        """function(argument) in the child; DocumentTimeout after `timeout` (default: self.timeout) seconds."""
        if self.process is None or self.process.poll() is not None:
            self._start()
        limit = self.timeout if timeout is None else timeout
        try:
            _write(self.process.stdin, (function, argument))
            deadline = time.monotonic() + limit if limit else None
            answer = _read(self.process.stdout.fileno(), deadline)
        except DocumentTimeout:
            self.close()
            raise
        except (EOFError, BrokenPipeError, OSError, pickle.UnpicklingError) as error:
            code = self.process.poll() if self.process else None
            self.close()
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            raise WorkerError("WorkerDied", f"the document worker process died ({how}; {error!r})") from None
        if answer[0] == "ok":
            return answer[1]
        if answer[0] == "oserror":
            raise OSError(answer[1], answer[2], answer[3])
        raise WorkerError(answer[1], answer[2])

    def build(self, raw):
        return self.call(BUILD_FUNCTION, raw)

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        process.wait()

    def __enter__(self) -> DocumentWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class LocalWorker:
    """A DocumentWorker's interface in this process, with no time limit (--doc-timeout 0)."""

    timeout = None
    process = None

    def call(self, function: str, argument, timeout: float | None = None):
        return _resolve(function)(argument)

    def build(self, raw):
        return self.call(BUILD_FUNCTION, raw)

    def close(self) -> None:
        pass

    def __enter__(self) -> LocalWorker:
        return self

    def __exit__(self, *exc) -> None:
        pass


_pool: dict[float, list[DocumentWorker]] = {}
_pool_lock = threading.Lock()
_releases: list[threading.Event] = []  # the threads that started pooled workers, waiting for close_pool


@contextlib.contextmanager
def pooled(timeout: float | None = DEFAULT_DOC_TIMEOUT, warm_up: bool = True):
    """A worker from this process's pool (started when none is free), given back afterwards; a
    worker whose user raised is closed instead. No time limit: a LocalWorker. warm_up=False: a
    worker started here skips the stages' warm-up (for work that builds no document, such as
    compacting parts)."""
    if not timeout:
        yield LocalWorker()
        return
    with _pool_lock:
        free = _pool.setdefault(timeout, [])
        worker = free.pop() if free else DocumentWorker(timeout, warm_up=warm_up)
    ok = False
    try:
        yield worker
        ok = True
    finally:
        if ok:
            with _pool_lock:
                _pool.setdefault(timeout, []).append(worker)
        else:
            worker.close()


def prestart(timeout: float | None = DEFAULT_DOC_TIMEOUT) -> threading.Thread | None:
    """Start one worker in the background and put it in the pool once it is warm: its start (the
    stages' imports and a warm-up document, several seconds) then overlaps whatever this process
    does meanwhile, such as starting Prefect's temporary server. Failing here is not an error: the
    build starts its workers as usual."""
    if not timeout:
        return None

    release = threading.Event()

    def start() -> None:
        worker = DocumentWorker(timeout)
        try:
            worker._start()
        except WorkerError:
            return
        with _pool_lock:
            _pool.setdefault(timeout, []).append(worker)
            _releases.append(release)
        # Linux ends a child tied to its parent (PR_SET_PDEATHSIG) when the *thread* that started it
        # ends: this thread stays until the pool is closed, or the warm worker would die at once.
        release.wait()

    thread = threading.Thread(target=start, name="prestart-worker", daemon=True)
    thread.start()
    return thread


def close_pool() -> None:
    """End every pooled child of this process (the end of a build)."""
    with _pool_lock:
        workers = [w for free in _pool.values() for w in free]
        _pool.clear()
        releases = list(_releases)
        _releases.clear()
    for worker in workers:
        worker.close()
    for release in releases:
        release.set()


def _warm_up() -> None:
    """Load the rules, compile the patterns and start Great Expectations once (every worker validates
    the parts it writes), so that the first document's time is its own."""
    from flows import validate
    from flows.ingest import RawDocument
    from flows.pipeline import build_document

    text = "某某县2025年民生实事\n一、稳定就业\n新增城镇就业1200人。\n"
    build_document(RawDocument("warm-up.txt", "0" * 64, "utf-8", text, {}, len(text.encode())))
    validate.ge_context()


def serve(parent_pid: int, warm: bool) -> None:
    die_with_parent()
    if os.getppid() != parent_pid:  # the parent went before the kernel was asked
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; a terminal's Ctrl-C reaches it
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a stage prints goes to stderr, never into the protocol
    if warm:
        try:
            _warm_up()
        except Exception as error:  # a stage bug shows on the real documents, each named; never here for all
            print(f"flows.worker: warm-up failed ({type(error).__name__}: {error})", file=sys.stderr)
    _write(out, "ready")
    fd = sys.stdin.fileno()
    while True:
        try:
            function, argument = _read(fd, None)
        except EOFError:
            return  # the parent closed the pipe: nothing more to do
        try:
            answer = ("ok", _resolve(function)(argument))
        except OSError as error:  # a full or read-only disk keeps its errno in the parent
            answer = ("oserror", error.errno, error.strerror or str(error), error.filename)
        except Exception as error:  # sent back whole; the parent names the file
            answer = ("error", type(error).__name__, str(error))
        _write(out, answer)


if __name__ == "__main__":
    serve(int(sys.argv[1]), len(sys.argv) < 3 or sys.argv[2] == "warm")
