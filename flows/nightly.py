"""The nightly rebuild: a Prefect deployment of the build flow on a cron schedule.

    prefect server start                                        # terminal 1: the server
    PREFECT_API_URL=http://127.0.0.1:4200/api minsheng serve    # terminal 2: serves the deployment

Each run first fetches the sources the registry lists (`minsheng fetch`, flows/fetch.py: new
and changed pages become new snapshots; a URL that fails is reported, never fatal) and then
builds; the build report's `fetch` section says what was new, changed, unchanged and failed.

`minsheng serve` registers the deployment `minsheng-nightly/nightly` with the server and runs
its flow runs, scheduled (by default 02:00 Asia/Shanghai every night) or triggered
(`prefect deployment run minsheng-nightly/nightly`). The embedded build (`minsheng build`,
no server) stays the default way to build; this module only adds the schedule.
"""
from __future__ import annotations

import os
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.flow import build_flow

DEPLOYMENT_NAME = "nightly"
FLOW_NAME = "minsheng-nightly"
NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Asia/Shanghai"


class BuildNotPublished(RuntimeError):
    """The nightly run built nothing new to publish (validation failed or sources were bad)."""


@task(name="fetch sources", cache_policy=NO_CACHE)
def fetch_task(raw_dir: str) -> dict | None:
    """`minsheng fetch` over the registry (None without raw/sources.csv); per-URL failures are in
    the returned report, and only an unusable registry raises."""
    from flows import fetch, registry

    if not registry.registry_path(Path(raw_dir)).exists():
        return None
    logger = get_run_logger()
    report = fetch.fetch_all(raw_dir, log=logger.info)
    for outcome in report.failed:
        logger.warning("fetch failed: %s (%s): %s", outcome.source_id, outcome.url, outcome.error)
    return report.to_dict()


@flow(name=FLOW_NAME)
def nightly_flow(raw_dir: str = "raw", out_dir: str = "curated", batch_size: int = 200,
                 cache_dir: str | None = None, fetch: bool = True) -> dict:
    """One nightly run: fetch the registry's sources, then rebuild; the run fails (so the server shows
    it) when the build did not complete."""
    fetched = fetch_task(raw_dir) if fetch else None
    result = build_flow(raw_dir=raw_dir, out_dir=out_dir, batch_size=batch_size, cache_dir=cache_dir)
    summary = {"status": result.status, "row_counts": result.report.get("row_counts"),
               "changes": result.report.get("changes"), "errors": result.report.get("errors"),
               "fetch": fetched["counts"] if fetched else None}
    get_run_logger().info("nightly build: %s", summary)
    if result.status not in ("complete", "unchanged"):
        raise BuildNotPublished(f"build {result.status}: {'; '.join(result.report.get('errors', [])[:5])}")
    return summary


def serve(raw_dir: str, out_dir: str, cron: str = NIGHTLY_CRON, timezone: str = TIMEZONE,
          cache_dir: str | None = None) -> None:
    """Register the nightly deployment with the server at PREFECT_API_URL and run its flow runs."""
    from prefect.schedules import Cron

    if not os.environ.get("PREFECT_API_URL"):
        raise SystemExit("minsheng serve needs a Prefect server: start one with `prefect server start` and set "
                         "PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)")
    parameters = {"raw_dir": str(Path(raw_dir).resolve()), "out_dir": str(Path(out_dir).resolve())}
    if cache_dir:
        parameters["cache_dir"] = str(Path(cache_dir).resolve())
    nightly_flow.serve(name=DEPLOYMENT_NAME, schedules=[Cron(cron, timezone=timezone)], parameters=parameters,
                       description="Nightly rebuild of the minsheng dataset: new or changed sources are built, "
                                   "validated and published; the last good outputs stay when validation fails.")
