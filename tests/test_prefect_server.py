"""The temporary Prefect server a build starts itself (flows/prefect_server.py): a real server."""
from __future__ import annotations

import os
import urllib.request

import pytest

from flows import prefect_server


@pytest.mark.integration
def test_the_temporary_server_answers_points_prefect_at_itself_and_ends_when_stopped():
    server = prefect_server.for_build()
    assert server is not None  # no PREFECT_API_URL in the tests (conftest)
    process = server.process
    try:
        with server.in_use() as url:
            assert os.environ["PREFECT_API_URL"] == url == server.api_url
            from prefect.settings import PREFECT_API_URL

            assert PREFECT_API_URL.value() == url
            with urllib.request.urlopen(f"{url}/health", timeout=10) as answer:
                assert answer.status == 200
        assert "PREFECT_API_URL" not in os.environ  # as it was before
    finally:
        server.stop()
    assert process.poll() is not None
    assert server not in prefect_server._servers


@pytest.mark.integration
def test_a_build_on_a_running_server_starts_none(monkeypatch):
    server = prefect_server.TemporaryServer()  # stands for a server someone keeps running
    try:
        monkeypatch.setenv("PREFECT_API_URL", server.wait())
        assert prefect_server.for_build() is None
        monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # nobody answers there
        from flows.guard import ServerProblem

        with pytest.raises(ServerProblem, match="does not answer"):
            prefect_server.for_build()
    finally:
        server.stop()
