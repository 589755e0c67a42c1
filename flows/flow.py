"""The Prefect flow: wires the stages, adds batching, retries, caching, progress and logging.

    discover sources -> hash them (flows/parts.py plan: batches with stable keys) -> build the
    changed batches in worker processes, each writing its tables as Parquet parts into the
    staging folder (cached per document; unchanged batches keep their parts) -> validate (per
    part in the workers, across parts in DuckDB) -> publish (one file per table compacted from
    the parts, views, report; then the swap)

A document is rejected by name (and the rest built) when it is the document's fault: it
cannot be read, is over the size limit (`max_bytes`), takes longer than the time limit
(`doc_timeout`: each document is built in a child process, flows/worker.py) or is empty
once cleaned. One build at a time writes an output folder (flows/guard.py's lock), and a
build never deletes a file it did not write.

All the work is in the stage modules; nothing here decides a row, and no row passes through
this process: the workers send back counts and messages. Documents are built in batches (one
Prefect task per batch, not per document) so that the orchestration cost stays flat as the
corpus grows; `workers` batches run at once (one worker process each: every core by default),
or on Dask (`with_task_runner("local")`, or a scheduler's address).
"""
from __future__ import annotations

import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from flows import assemble, guard, indicators, parts, publish, regions, units, validate  # noqa: E402
from flows.ingest import DEFAULT_MAX_BYTES, SourceRecord, discover_sources  # noqa: E402
from flows.worker import DEFAULT_DOC_TIMEOUT, close_pool, pooled  # noqa: E402
from flows.pipeline import DocumentTables, code_version  # noqa: E402
from flows.registry import last_fetch_report  # noqa: E402

OUTPUT_FILES = {"documents.parquet", "sections.parquet", "targets.parquet", "texts.parquet",
                publish.DUCKDB_NAME, publish.REPORT_JSON, publish.REPORT_HTML, publish.DICTIONARY_NAME}
OUTPUT_FILES |= {"regions.parquet", "indicators.parquet", "units.parquet"}
OUTPUT_FILES |= {"explorer"}  # the explorer page and its data (flows/explorer.py), written by publish
OUTPUT_FILES |= {parts.PARTS_DIR}  # parts/<table>/part-<key>.parquet and parts/index.json (flows/parts.py)


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return max(os.cpu_count() or 1, 1)


@dataclass(frozen=True)
class Limits:
    """What a single document may cost: bytes on disk, seconds to build (None or 0: no limit)."""
    max_bytes: int | None = DEFAULT_MAX_BYTES
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT


@dataclass
class BuildResult:
    status: str  # complete | incomplete | unchanged | validation_failed | failed
    out_dir: str
    report: dict

    @property
    def exit_code(self) -> int:
        return {"complete": 0, "unchanged": 0, "incomplete": 1, "validation_failed": 2}.get(self.status, 70)


# Set by the command (flows/cli.py) to show progress; None: a log line per batch.
progress_display = None
_FLOW_PID = os.getpid()


@task(name="discover sources", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover(raw_dir: Path) -> tuple[list[SourceRecord], list[str]]:
    records, warnings = discover_sources(raw_dir)
    get_run_logger().info("%d sources in %s", len(records), raw_dir)
    return records, warnings


@task(name="hash sources", cache_policy=NO_CACHE)
def plan_task(records: list[SourceRecord], version: str, limits: Limits, batch_size: int) -> parts.Plan:
    started = time.perf_counter()
    plan = parts.plan(records, version, limits.max_bytes, limits.doc_timeout, batch_size)
    get_run_logger().info("%d sources hashed in %.1fs: %d batches", len(records), time.perf_counter() - started,
                          len(plan.batches))
    return plan


def _live_progress(key: str, status: str) -> None:
    display = progress_display
    if display is not None and os.getpid() == _FLOW_PID:  # on a Dask worker: counted when the batch returns
        display.document(key, status)


@task(name="build batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def build_batch(batch: parts.Batch, staging: Path, cache_dir: Path, version: str, limits: Limits,
                label: str) -> dict:
    """One batch in a worker process: its documents built or taken from the cache, its parts written
    into `staging` and validated; returns counts and messages only (parts.run_batch)."""
    started = time.perf_counter()
    summary = parts.run_batch(batch, staging, cache_dir, version, limits.max_bytes, limits.doc_timeout, _live_progress)
    get_run_logger().info("batch %s: %d documents (%d built, %d from cache, %d errors) in %.1fs", label,
                          len(batch.records), len(summary["built"]), len(summary["cached"]), len(summary["errors"]),
                          time.perf_counter() - started)
    return summary


@task(name="publish", cache_policy=NO_CACHE)  # no retry: a failed publish has removed its staging folder
def publish_task(staging: Path, report: dict, out_dir: Path, summaries: list[dict], previous_index: dict,
                 limits: Limits, workers: int) -> None:
    """One file per table from the parts, the views, the dictionary, the explorer and the report
    into the staging folder, then the swap."""
    try:
        written = [s["key"] for s in summaries if s.get("written")]

        def compact(table: str) -> int:
            with pooled(limits.doc_timeout, warm_up=False) as worker:
                return worker.call("flows.assemble:compact", (str(staging), table, written), timeout=0)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(parts.DOCUMENT_TABLES)))) as pool:
            list(pool.map(compact, parts.DOCUMENT_TABLES))
        close_pool()  # the workers' memory is given back before the views, explorer and report are written
        compacted = time.perf_counter()
        parts.write_index(staging, summaries)
        changes = target_changes(staging, out_dir, summaries, previous_index)
        publish.finish_outputs(staging, report, changes)
        get_run_logger().info("tables compacted in %.1fs; views, dictionary, explorer and report in %.1fs",
                              compacted - started, time.perf_counter() - compacted)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # free the space; the last good outputs are untouched
        raise
    try:
        check_out_dir(out_dir)  # files may have been put into --out while the build ran: never delete them
    except guard.EnvironmentProblem:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    publish.swap_into_place(staging, out_dir)
    get_run_logger().info("published to %s", out_dir)


def target_changes(staging: Path, out_dir: Path, summaries: list[dict], previous_index: dict) -> dict | None:
    """Targets added, removed and changed against the last build in `out_dir`, read from the parts that
    differ only (a kept part is the same bytes); the whole tables when the last build had no parts."""
    if not (out_dir / "targets.parquet").exists():
        return None  # the first build in this folder
    if not previous_index:
        return {"previous_files": [out_dir / "targets.parquet"], "previous_documents": [out_dir / "documents.parquet"],
                "files": [staging / "targets.parquet"], "documents": [staging / "documents.parquet"]}
    kept = {s["key"] for s in summaries if s.get("kept")}
    new = [s["key"] for s in summaries if s.get("written") and not s.get("kept")]
    old = [k for k, s in previous_index.items() if s.get("written") and k not in kept]
    return {"previous_files": [parts.part_path(out_dir, "targets", k) for k in old],
            "previous_documents": [parts.part_path(out_dir, "documents", k) for k in old],
            "files": [parts.part_path(staging, "targets", k) for k in new],
            "documents": [parts.part_path(staging, "documents", k) for k in new]}


def with_task_runner(dask: str | None = None, workers: int | None = None):
    """The build flow with `workers` batches at once (default: every core; each batch in a worker
    process), or on Dask: "local" starts a local cluster of `workers` processes, anything else is
    the address of a running scheduler (pip install -e ".[dask]")."""
    workers = workers or default_workers()
    if not dask:
        return build_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=workers))
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise SystemExit('the Dask task runner needs prefect-dask: pip install -e ".[dask]"') from None
    if dask == "local":
        runner = DaskTaskRunner(cluster_class="distributed.LocalCluster",
                                cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                                "dashboard_address": None})
    else:
        runner = DaskTaskRunner(address=dask)
    return build_flow.with_options(task_runner=runner)


def input_fingerprint(records: list[SourceRecord], version: str, limits: Limits = Limits(None, None)) -> str:
    """The fingerprint of the whole input (parts.plan computes the same while planning the batches)."""
    return parts.plan(records, version, limits.max_bytes, limits.doc_timeout, 1).fingerprint


def check_out_dir(out_dir: Path) -> None:
    """A build replaces --out as a whole: refuse (guard.OutputFolderProblem) if it holds any file,
    hidden or not, that a build did not write, rather than delete it."""
    if out_dir.is_dir():
        guard.check_out(out_dir)
    elif out_dir.exists():
        raise guard.OutputFolderProblem(f"--out {out_dir} is a file, not a folder")


def previous_report(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / publish.REPORT_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def tables_to_frames(tables: list[DocumentTables]) -> dict:
    tables = sorted(tables, key=lambda t: t.document["source_file"])
    return {
        "documents": publish.to_frame("documents", [t.document for t in tables]),
        "sections": publish.to_frame("sections", [row for t in tables for row in t.sections]),
        "targets": publish.to_frame("targets", [row for t in tables for row in t.targets]),
        "texts": publish.to_frame("texts", [t.text for t in tables]),
        # reference tables the comparison views join (flows/reference/, flows/rules/)
        "regions": publish.to_frame("regions", regions.table_rows()),
        "indicators": publish.to_frame("indicators", indicators.table_rows()),
        "units": publish.to_frame("units", units.table_rows([row for t in tables for row in t.targets])),
    }


def changes_against(previous: dict, documents: dict[str, str]) -> dict:
    before = previous.get("documents", {})
    return {
        "added": sorted(set(documents) - set(before)),
        "removed": sorted(set(before) - set(documents)),
        "changed": sorted(f for f in documents if f in before and before[f] != documents[f]),
    }


@flow(name="minsheng-build", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=default_workers()))
def build_flow(raw_dir: str = "raw", out_dir: str = "curated", batch_size: int = parts.DEFAULT_BATCH_SIZE,
               cache_dir: str | None = None, force: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES,
               doc_timeout: float | None = DEFAULT_DOC_TIMEOUT, workers: int | None = None) -> BuildResult:
    """Build, validate and publish; only one build at a time per output folder (guard.build_lock)."""
    with guard.build_lock(Path(out_dir).resolve()):
        try:
            return _build_locked(raw_dir, out_dir, batch_size, cache_dir, force, Limits(max_bytes, doc_timeout),
                                 workers or default_workers())
        finally:
            close_pool()


def _in_order(pairs: list, order: dict[str, int]) -> list[str]:
    return [message for _, message in sorted(pairs, key=lambda p: order.get(p[0], -1))]


def _build_locked(raw_dir: str, out_dir: str, batch_size: int, cache_dir: str | None, force: bool,
                  limits: Limits, workers: int) -> BuildResult:
    logger = get_run_logger()
    raw_path, out_path = Path(raw_dir).resolve(), Path(out_dir).resolve()
    publish.recover(out_path)
    check_out_dir(out_path)
    cache_path = Path(cache_dir).resolve() if cache_dir else out_path.parent / f".{out_path.name}.cache"
    version = code_version()
    records, source_warnings = discover(raw_path)
    for message in source_warnings:
        logger.warning(message)
    plan = plan_task(records, version, limits, batch_size)
    fingerprint = plan.fingerprint
    previous = previous_report(out_path)
    if not force and previous.get("input_fingerprint") == fingerprint and previous.get("status") == "complete":
        logger.info("nothing changed since the last build (%s): outputs left as they are", fingerprint)
        return BuildResult("unchanged", str(out_path), previous)

    started = time.perf_counter()
    staging = publish.staging_folder(out_path)
    if staging.exists():
        shutil.rmtree(staging)  # what a killed build left
    staging.mkdir(parents=True)
    try:
        return _build_into(staging, plan, previous, raw_dir, raw_path, out_path, cache_path, version, force, limits,
                           workers, records, source_warnings, started)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _build_into(staging: Path, plan: parts.Plan, previous: dict, raw_dir: str, raw_path: Path, out_path: Path,
                cache_path: Path, version: str, force: bool, limits: Limits, workers: int,
                records: list[SourceRecord], source_warnings: list[str], started: float) -> BuildResult:
    logger = get_run_logger()
    display = progress_display
    if display is not None:
        display.start(sum(len(b.records) for b in plan.batches) + len(plan.errors))
        display.failed_before(len(plan.errors))
    previous_index = {} if force else parts.read_index(out_path)
    summaries: dict[str, dict] = {}
    todo = []
    for batch in plan.batches:
        kept = parts.keep_batch(previous_index.get(batch.key), batch, out_path, staging)
        if kept is None:
            todo.append(batch)
            continue
        kept["kept"] = True
        summaries[batch.key] = kept
        if display is not None:
            display.kept(len(batch.records), len(kept.get("errors") or []))
    if todo:
        logger.info("%d of %d batches to build (%d workers); %d unchanged", len(todo), len(plan.batches), workers,
                    len(plan.batches) - len(todo))
    # the largest batches first, so that no worker is left with a long one at the end
    futures = [build_batch.submit(batch, staging, cache_path, version, limits, f"{n + 1}/{len(todo)}")
               for n, batch in enumerate(sorted(todo, key=lambda b: -len(b.records)))]
    from prefect.futures import as_completed

    for future in as_completed(futures):
        summary = future.result()
        summaries[summary["key"]] = summary
        if display is not None:
            display.batch_done(summary)
    if display is not None:
        display.stop()
    ordered = [summaries[b.key] for b in plan.batches]

    errors = _in_order(list(plan.errors) + [tuple(e) for s in ordered for e in s.get("errors") or []], plan.order)
    warnings = list(source_warnings) + [w for s in ordered for w in s.get("warnings") or []] + plan.warnings
    for message in errors:
        logger.error(message)
    for message in warnings[len(source_warnings):]:
        logger.warning(message)
    failed = {e[0] for s in ordered for e in s.get("errors") or []}
    sha = plan.sha256
    documents = {f: sha[f] for s in ordered for f in s["source_files"] if f not in failed}
    built = sorted(f for s in ordered if not s.get("kept") for f in s.get("built") or [])
    cached = sorted(f for s in ordered if not s.get("kept") for f in s.get("cached") or [])
    kept = sorted(f for s in ordered if s.get("kept") for f in s["source_files"] if f not in failed)

    used_units: dict[str, str | None] = {}
    for s in ordered:
        for unit, kind in s.get("units") or []:
            used_units.setdefault(unit, kind)
    checks_started = time.perf_counter()
    with pooled(limits.doc_timeout) as worker:
        reference = worker.call("flows.assemble:write_reference", (str(staging), list(used_units.items())), timeout=0)
    row_counts = {name: sum((s.get("rows") or {}).get(name, 0) for s in ordered) for name in parts.DOCUMENT_TABLES}
    row_counts.update(reference["rows"])
    part_results = [r for s in ordered for r in s.get("validation") or []]
    quote_checks = [s["quote_check"] for s in ordered if s.get("quote_check")]
    cross = validate.combine_checks(quote_checks) + assemble.cross_checks(staging, staging / "regions.parquet")
    validation = validate.ValidationReport(validate.combine_results(part_results + reference["validation"]), cross)
    logger.info("validation %s (reference tables and checks across parts: %.1fs)",
                "passed" if validation.success else "FAILED", time.perf_counter() - checks_started)

    status = "complete" if not errors else "incomplete"
    if not validation.success:
        status = "validation_failed"
    report = {
        "status": status, "code_version": version, "input_fingerprint": plan.fingerprint,
        "raw_dir": str(raw_dir), "documents_seen": len(records),
        "fetch": last_fetch_report(raw_path),  # what the last `minsheng fetch` found new, changed, failed
        "limits": {"max_bytes": limits.max_bytes, "doc_timeout_seconds": limits.doc_timeout},
        "documents": documents, "changes": {**changes_against(previous, documents),
                                            "rebuilt": built, "from_cache": cached, "unchanged_parts": kept},
        "batches": {"total": len(plan.batches), "built": len(todo), "kept": len(plan.batches) - len(todo)},
        "row_counts": row_counts,
        "errors": errors, "warnings": warnings,
        "validation": validation.to_dict(),
        "seconds": round(time.perf_counter() - started, 3),
    }
    if validation.success:
        publish_task(staging, report, out_path, ordered, previous_index, limits, workers)
    else:
        failed_dir = out_path.parent / f".{out_path.name}.failed"  # beside --out, never inside it
        failed_dir.mkdir(parents=True, exist_ok=True)
        publish.write_report(failed_dir, report)
        shutil.rmtree(staging, ignore_errors=True)
        logger.error("validation failed: %s left as it was; report in %s", out_path, failed_dir)
    return BuildResult(status, str(out_path), report)
