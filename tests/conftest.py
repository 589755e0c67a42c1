"""Test set-up: Prefect runs embedded, with its own home, and never calls out."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

_PREFECT_HOME = tempfile.mkdtemp(prefix="minsheng-test-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# the first start of the temporary server (database migrations) takes over Prefect's default 20 s on a busy machine
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.pop("PREFECT_API_URL", None)

import logging  # noqa: E402

import pytest  # noqa: E402

# Prefect logs "Stopping temporary server" at interpreter exit, after pytest has closed the
# captured streams; without this every run ends in a harmless "--- Logging error ---" trace.
logging.raiseExceptions = False

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "raw"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """One real build of raw/ (the five seeds) through the Prefect flow, shared by tests."""
    from flows.flow import build_flow

    out = tmp_path_factory.mktemp("build") / "curated"
    result = build_flow(raw_dir=str(ROOT / "raw"), out_dir=str(out), cache_dir=str(out.parent / "cache"))
    assert result.status == "complete", result.report
    return out


# Tests that run the Prefect flow, the CLI, child processes, a local web server or a notebook are
# `integration`; every other test is `unit`, so `pytest -m "not integration"` runs in seconds. A
# test's own marker wins.
INTEGRATION_MODULES = {
    "test_bad_input", "test_cache", "test_comparable_basis", "test_dask", "test_doc_examples", "test_end_to_end",
    "test_faults", "test_fetch", "test_fetch_build", "test_interrupted_build", "test_limits", "test_nightly",
    "test_notebook", "test_readers", "test_release",
}
INTEGRATION_FIXTURES = {"seed_build"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("unit") or item.get_closest_marker("integration"):
            continue
        module = item.module.__name__.rsplit(".", 1)[-1] if getattr(item, "module", None) else ""
        heavy = module in INTEGRATION_MODULES or INTEGRATION_FIXTURES & set(getattr(item, "fixturenames", ()))
        item.add_marker(pytest.mark.integration if heavy else pytest.mark.unit)


def pytest_ignore_collect(collection_path, config):
    """With -m "not integration", a module made only of integration tests is not even imported
    (importing Prefect alone takes seconds)."""
    if (config.getoption("markexpr") or "").replace(" ", "") == "notintegration" \
            and collection_path.suffix == ".py" and collection_path.stem in INTEGRATION_MODULES:
        return True
    return None
