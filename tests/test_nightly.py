"""The nightly deployment against a real Prefect server (`prefect server start`, SQLite).

Starts a server on 127.0.0.1 in a temporary PREFECT_HOME, serves the deployment with
`minsheng serve`, checks its cron schedule and that the server's scheduler created the
nightly runs, triggers a run with the CLI, waits for it and checks what it published;
then stops everything it started.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows import nightly, publish, registry
from local_site import Site
import portal_pages

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(url: str, body: dict | None = None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"content-type": "application/json"}, method="POST" if body is not None else "GET")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def wait_for(predicate, seconds: float, what: str, process: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # not up yet
            pass
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what}: process exited with {process.returncode}\n{log.read_text()[-3000:] if log else ''}")
        time.sleep(0.5)
    pytest.fail(f"{what}: not within {seconds} s\n{log.read_text()[-3000:] if log else ''}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.mark.skipif(shutil.which("prefect", path=str(BIN)) is None, reason="prefect CLI not installed beside python")
def test_nightly_deployment_on_a_real_server(tmp_path, root):
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_API_URL": url}
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(root / "raw", raw)
    # the registry: the seeds, and one page on a local site (127.0.0.1) instead of the real URLs
    site = Site().__enter__()
    page = next(p for p in portal_pages.pages() if p.name == "govcn_policy_library")
    site.routes["/zwgk/plan.html"] = {"body": page.body}
    registry.write_registry(raw, [r for r in registry.read_registry(raw) if r["file"]] +
                            [{"source_id": "local-plan", "url": site.url("/zwgk/plan.html")}])
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    started: list[subprocess.Popen] = []
    try:
        server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                                   "--no-ui"], env={k: v for k, v in env.items() if k != "PREFECT_API_URL"},
                                  stdout=server_log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
        started.append(server)
        wait_for(lambda: api(f"{url}/health") is True, 120, "server health", server, server_log)

        serving = subprocess.Popen([str(BIN / "minsheng"), "serve", "--raw", str(raw), "--out", str(out)], env=env,
                                   stdout=serve_log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
        started.append(serving)
        name = f"{nightly.FLOW_NAME}/{nightly.DEPLOYMENT_NAME}"
        deployment = wait_for(lambda: api(f"{url}/deployments/name/{name}"), 120, "deployment registered",
                              serving, serve_log)
        [schedule] = deployment["schedules"]
        assert schedule["schedule"]["cron"] == "0 2 * * *"
        assert schedule["schedule"]["timezone"] == "Asia/Shanghai"
        assert schedule["active"] is True
        assert deployment["parameters"] == {"raw_dir": str(raw.resolve()), "out_dir": str(out.resolve())}

        # The server's scheduler turns the cron into runs at 02:00 Shanghai time (18:00 UTC).
        def scheduled_runs():
            return api(f"{url}/flow_runs/filter", {"flow_runs": {
                "deployment_id": {"any_": [deployment["id"]]}, "state": {"type": {"any_": ["SCHEDULED"]}}}})
        runs = wait_for(scheduled_runs, 90, "scheduled nightly runs", server, server_log)
        assert all(r["expected_start_time"][11:16] == "18:00" for r in runs), [r["expected_start_time"] for r in runs]

        triggered = subprocess.run([str(BIN / "prefect"), "deployment", "run", name, "--watch",
                                    "--watch-timeout", "300"], env=env, capture_output=True, text=True, timeout=360)
        assert triggered.returncode == 0, triggered.stdout[-3000:] + triggered.stderr[-3000:]
        assert "Completed" in triggered.stdout

        report = json.loads((out / publish.REPORT_JSON).read_text(encoding="utf-8"))
        assert report["status"] == "complete"
        assert report["fetch"]["sources"] == {"new": ["local-plan"]}  # the run fetched, then built
        assert report["row_counts"]["documents"] == 6
        snapshot = registry.snapshot_relpath(registry.read_registry(raw)[-1]["sha256"], "html")
        assert sorted(report["changes"]["added"]) == sorted([p.name for p in raw.glob("*.txt")] + [snapshot])
        with publish.connect(out) as con:
            assert con.execute("SELECT count(DISTINCT source_file) FROM targets_flat").fetchone()[0] == 6
            assert con.execute("SELECT count(*) FROM targets").fetchone()[0] == report["row_counts"]["targets"]

        # a run whose sources are bad still publishes the good ones, and ends Failed on the server
        bad_raw, bad_out = tmp_path / "bad_raw", tmp_path / "bad_out"
        bad_raw.mkdir()
        shutil.copy(raw / "001_87eb7983aeb7c71d.txt", bad_raw)
        (bad_raw / "empty.txt").write_bytes(b"")
        failed = subprocess.run([str(BIN / "prefect"), "deployment", "run", name, "--param", f"raw_dir={json.dumps(str(bad_raw))}",
                                 "--param", f"out_dir={json.dumps(str(bad_out))}", "--watch", "--watch-timeout", "300"],
                                env=env, capture_output=True, text=True, timeout=360)
        assert failed.returncode != 0 and "Failed" in failed.stdout, failed.stdout[-3000:]
        bad_report = json.loads((bad_out / publish.REPORT_JSON).read_text(encoding="utf-8"))
        assert bad_report["status"] == "incomplete" and bad_report["errors"] == ["empty.txt: empty file"]
    finally:
        for process in reversed(started):
            stop(process)
        site.__exit__(None, None, None)
    assert all(p.poll() is not None for p in started)
