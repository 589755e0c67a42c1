"""The Prefect server a build runs its flow on.

    for_build()        None when PREFECT_API_URL (or Prefect's profile) names a running server,
                       checked to answer; else a TemporaryServer, started at once
    TemporaryServer    Prefect's server app in a child process tied to the build: in_use() waits
                       for it and points Prefect at it; stop() ends it
    stop_all()         every temporary server of this process (on SIGTERM/SIGINT, flows/guard.py)

With no PREFECT_API_URL, Prefect would start its temporary server when the flow begins: the
flow process first imports the server's code (~4 s), then the server process imports it again and
sets up its database (~7 s), one after the other. The build starts the same server app (the
command Prefect's SubprocessASGIServer runs) itself, as soon as it knows it has work to do and
before importing anything of Prefect, so that the server's start overlaps the flow's imports and
the first worker's warm-up; the flow then talks to it through PREFECT_API_URL like to any server.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from pathlib import Path

from flows.guard import ServerProblem


def _die_with_parent(parent_pid: int):
    """A preexec_fn: Linux kills the child when this process (its forking thread) dies, even by kill -9."""
    import ctypes

    try:  # looked up here: between fork and exec the child only calls it (no imports, no locks)
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        prctl = None

    def die_with_parent():
        if prctl is None:
            return
        prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent_pid:  # the parent went before the kernel was asked
            os.kill(os.getpid(), signal.SIGKILL)

    return die_with_parent


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_servers: list["TemporaryServer"] = []


class TemporaryServer:
    """Prefect's server app in a child process of this build, on a free local port, tied to this
    process (it dies with it, however it ends), stopped when the build ends."""

    # the environment Prefect's own temporary server runs with (prefect.server.api.server)
    SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}

    def __init__(self):
        import importlib.util

        spec = importlib.util.find_spec("prefect")  # where Prefect is, without importing it
        if spec is None or not spec.origin:
            raise ServerProblem("the temporary Prefect server did not start: Prefect is not installed")
        self._app_dir = str(Path(spec.origin).parent.parent)
        self.process = None
        self._spawn()
        _servers.append(self)

    def _spawn(self) -> None:
        import subprocess

        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        command = [sys.executable, "-m", "uvicorn", "--app-dir", self._app_dir, "--factory",
                   "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
                   "--log-level", "error", "--lifespan", "on"]
        # no calls to outside hosts (telemetry), whoever started the build
        quiet = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        self.process = subprocess.Popen(command, env={**quiet, **os.environ, **self.SERVER_ENV},
                                        preexec_fn=_die_with_parent(os.getpid()))

    def wait(self, timeout: float | None = None) -> str:
        """Block until the server answers its health check; its API URL. ServerProblem if it does not."""
        import urllib.error
        import urllib.request

        timeout = timeout or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or 120)
        deadline = time.monotonic() + timeout
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # a local server: never via a proxy
        while time.monotonic() < deadline:
            status = self.process.poll()
            if status == 3:  # the port was taken meanwhile: another one
                self._spawn()
                continue
            if status is not None:
                self.stop()
                raise ServerProblem(f"the temporary Prefect server did not start: it exited with status {status}")
            try:
                with direct.open(f"{self.api_url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self.api_url
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.stop()
        raise ServerProblem(f"the temporary Prefect server did not start within {timeout:.0f} s (a busy machine: set "
                            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS higher)")

    @contextlib.contextmanager
    def in_use(self):
        """Prefect in this process, and every process it starts (Dask workers), talks to this server."""
        from prefect.settings import PREFECT_API_URL, temporary_settings

        url = self.wait()
        before = os.environ.get("PREFECT_API_URL")
        os.environ["PREFECT_API_URL"] = url
        try:
            with temporary_settings(updates={PREFECT_API_URL: url}):
                try:
                    yield url
                finally:
                    _send_what_prefect_holds()
        finally:
            if before is None:
                os.environ.pop("PREFECT_API_URL", None)
            else:
                os.environ["PREFECT_API_URL"] = before

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except Exception:
                process.kill()
                process.wait(timeout=10)
        if self in _servers:
            _servers.remove(self)


def _send_what_prefect_holds(timeout: float = 5.0) -> None:
    """Prefect sends logs and events from background workers; they are sent before the server
    goes (else the last lines are lost with "Error logging to API")."""
    try:
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        for service in (APILogWorker, EventsWorker):
            service.drain_all(timeout=timeout)
    except Exception:  # best effort: the build's own outputs do not depend on it
        pass


def for_build() -> TemporaryServer | None:
    """The Prefect server the build runs its flow on: None when PREFECT_API_URL (or Prefect's
    profile) names a real server, checked to answer (else ServerProblem); otherwise a temporary
    server, started now (not waited for: TemporaryServer.in_use waits) and ended with the build."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        check(url)
        return None
    server = TemporaryServer()  # before Prefect's import below: the two overlap
    url = api_url()  # the profile's, if any
    if url:
        server.stop()
        check(url)
        return None
    return server


def api_url() -> str | None:
    """The Prefect server the environment names (PREFECT_API_URL, or Prefect's profile), if any."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        return url
    try:
        from prefect.settings import PREFECT_API_URL
        return PREFECT_API_URL.value() or None
    except Exception:
        return None


def check(url: str, timeout: float = 10.0) -> None:
    """A server named by PREFECT_API_URL must answer its health check; else ServerProblem (status 7)."""
    import httpx

    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=timeout)
        response.raise_for_status()
    except Exception as error:  # refused, timed out, not a Prefect API
        first_line = (str(error).splitlines() or [type(error).__name__])[0]
        raise ServerProblem(f"PREFECT_API_URL {url} does not answer ({first_line}); start it (prefect server "
                            "start) or unset PREFECT_API_URL to use a temporary server") from None


def stop_all() -> None:
    """End every temporary server of this process: the build's own, and any Prefect started itself."""
    for server in list(_servers):
        try:
            server.stop()
        except Exception:  # best effort: it dies with this process anyway (PR_SET_PDEATHSIG)
            pass
    try:
        server_module = sys.modules.get("prefect.server.api.server")
        if server_module is None:
            return
        for server in list(server_module.SubprocessASGIServer._instances.values()):
            process = server.server_process
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(timeout=10)
    except Exception:
        pass
