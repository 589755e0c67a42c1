"""The Prefect flow: wires the stages, adds batching, retries, caching and logging.

    discover sources -> build batches of documents (ingest, clean, metadata, structure,
    targets; cached per document) -> tables -> validate -> publish (staging, then swap)

A document is rejected by name (and the rest built) when it is the document's fault: it
cannot be read, is over the size limit (`max_bytes`), takes longer than the time limit
(`doc_timeout`: each document is built in a child process, flows/worker.py) or is empty
once cleaned. One build at a time writes an output folder (flows/guard.py's lock), and a
build never deletes a file it did not write.

All the work is in the stage modules; nothing here decides a row. Documents are built
in batches (one Prefect task per batch, not per document) so that the orchestration
cost stays flat as the corpus grows; `task_runner` may be a Dask runner on a cluster.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from flows import cache, guard, indicators, publish, regions, units, validate  # noqa: E402
from flows.ingest import DEFAULT_MAX_BYTES, SourceError, SourceRecord, discover_sources, read_source  # noqa: E402
from flows.worker import DEFAULT_DOC_TIMEOUT, DocumentTimeout, DocumentWorker  # noqa: E402
from flows.pipeline import DocumentTables, build_document, code_version, one_per_document  # noqa: E402
from flows.registry import last_fetch_report  # noqa: E402

OUTPUT_FILES = {"documents.parquet", "sections.parquet", "targets.parquet", "texts.parquet",
                publish.DUCKDB_NAME, publish.REPORT_JSON, publish.REPORT_HTML, publish.DICTIONARY_NAME}
OUTPUT_FILES |= {"regions.parquet", "indicators.parquet", "units.parquet"}
OUTPUT_FILES |= {"explorer"}  # the explorer page and its data (flows/explorer.py), written by publish


@dataclass(frozen=True)
class Limits:
    """What a single document may cost: bytes on disk, seconds to build (None or 0: no limit)."""
    max_bytes: int | None = DEFAULT_MAX_BYTES
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT


@dataclass
class BatchResult:
    tables: list[DocumentTables] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)


@dataclass
class BuildResult:
    status: str  # complete | incomplete | unchanged | validation_failed | failed
    out_dir: str
    report: dict

    @property
    def exit_code(self) -> int:
        return {"complete": 0, "unchanged": 0, "incomplete": 1, "validation_failed": 2}.get(self.status, 70)


def build_one(record: SourceRecord, cache_dir: Path | None, version: str, result: BatchResult,
              limits: Limits = Limits(None, None), worker: DocumentWorker | None = None) -> None:
    """One document: verified, decoded, built (in `worker` when given, under its time limit) or
    taken from the cache. Errors name the file and the reason."""
    try:
        raw = read_source(record, limits.max_bytes)
    except SourceError as error:
        result.errors.append(str(error))
        return
    except Exception as error:  # an unforeseen read error must not cost the other documents
        result.errors.append(f"{record.source_file}: could not be read ({type(error).__name__}: {error})")
        return
    tables = cache.load(cache_dir, raw.source_file, raw.sha256, version, raw.manifest)
    if tables is None:
        try:
            tables = worker.build(raw) if worker is not None else build_document(raw)
        except DocumentTimeout:
            result.errors.append(f"{record.source_file}: took longer than the limit of {limits.doc_timeout:g} s "
                                 f"(--doc-timeout); rejected")
            return
        except Exception as error:  # a stage bug must not cost the other documents
            result.errors.append(f"{record.source_file}: could not be built ({type(error).__name__}: {error})")
            return
        cache.store(cache_dir, raw.source_file, raw.sha256, version, tables, raw.manifest)
        result.built.append(raw.source_file)
    else:
        result.cached.append(raw.source_file)
    if not tables.text["clean_text"].strip():
        result.errors.append(f"{record.source_file}: empty after cleaning (no text is left once whitespace, "
                             f"page numbers and page clutter are removed); rejected")
        return
    result.tables.append(tables)
    result.warnings.extend(tables.warnings)


def build_batch_plain(records: list[SourceRecord], cache_dir: Path | None, version: str,
                      limits: Limits = Limits(None, None)) -> BatchResult:
    result = BatchResult()
    with DocumentWorker(limits.doc_timeout) if limits.doc_timeout else contextlib.nullcontext() as worker:
        for record in records:
            build_one(record, cache_dir, version, result, limits, worker)
    return result


@task(name="discover sources", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover(raw_dir: Path) -> tuple[list[SourceRecord], list[str]]:
    records, warnings = discover_sources(raw_dir)
    get_run_logger().info("%d sources in %s", len(records), raw_dir)
    return records, warnings


@task(name="build batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def build_batch(records: list[SourceRecord], cache_dir: Path | None, version: str, label: str,
                limits: Limits = Limits(None, None)) -> BatchResult:
    started = time.perf_counter()
    result = build_batch_plain(records, cache_dir, version, limits)
    get_run_logger().info("batch %s: %d documents (%d built, %d from cache, %d errors) in %.1fs", label,
                          len(records), len(result.built), len(result.cached), len(result.errors),
                          time.perf_counter() - started)
    return result


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(frames: dict) -> validate.ValidationReport:
    report = validate.validate_tables(frames)
    get_run_logger().info("validation %s", "passed" if report.success else "FAILED")
    return report


@task(name="publish", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def publish_task(frames: dict, report: dict, out_dir: Path) -> None:
    staging = publish.staging_folder(out_dir)
    try:
        publish.write_outputs(staging, frames, report)
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


def with_task_runner(dask: str | None):
    """The build flow on the default thread pool, or on Dask: "local" starts a local cluster,
    anything else is the address of a running scheduler (pip install -e ".[dask]")."""
    if not dask:
        return build_flow
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise SystemExit('the Dask task runner needs prefect-dask: pip install -e ".[dask]"') from None
    runner = DaskTaskRunner() if dask == "local" else DaskTaskRunner(address=dask)
    return build_flow.with_options(task_runner=runner)


def input_fingerprint(records: list[SourceRecord], version: str, limits: Limits = Limits(None, None)) -> str:
    digest = hashlib.sha256(version.encode())
    digest.update(repr((limits.max_bytes, limits.doc_timeout)).encode())
    for record in records:
        try:  # the file as read_source would read it: inside the raw folder, a regular file, within the limit
            data = read_source(record, limits.max_bytes)
            digest.update(record.source_file.encode() + b"\0" + data.sha256.encode())
        except SourceError as error:
            digest.update(record.source_file.encode() + b"\0refused\0" + error.reason.encode())
        digest.update(json.dumps(record.manifest, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


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


@flow(name="minsheng-build", log_prints=True)
def build_flow(raw_dir: str = "raw", out_dir: str = "curated", batch_size: int = 200,
               cache_dir: str | None = None, force: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES,
               doc_timeout: float | None = DEFAULT_DOC_TIMEOUT) -> BuildResult:
    """Build, validate and publish; only one build at a time per output folder (guard.build_lock)."""
    with guard.build_lock(Path(out_dir).resolve()):
        return _build_locked(raw_dir, out_dir, batch_size, cache_dir, force, Limits(max_bytes, doc_timeout))


def _build_locked(raw_dir: str, out_dir: str, batch_size: int, cache_dir: str | None, force: bool,
                  limits: Limits) -> BuildResult:
    logger = get_run_logger()
    raw_path, out_path = Path(raw_dir).resolve(), Path(out_dir).resolve()
    publish.recover(out_path)
    check_out_dir(out_path)
    cache_path = Path(cache_dir).resolve() if cache_dir else out_path.parent / f".{out_path.name}.cache"
    version = code_version()
    records, source_warnings = discover(raw_path)
    for message in source_warnings:
        logger.warning(message)
    fingerprint = input_fingerprint(records, version, limits)
    previous = previous_report(out_path)
    if not force and previous.get("input_fingerprint") == fingerprint and previous.get("status") == "complete":
        logger.info("nothing changed since the last build (%s): outputs left as they are", fingerprint)
        return BuildResult("unchanged", str(out_path), previous)

    started = time.perf_counter()
    batches = [records[i: i + batch_size] for i in range(0, len(records), batch_size)]
    futures = [build_batch.submit(batch, cache_path, version, f"{n + 1}/{len(batches)}", limits)
               for n, batch in enumerate(batches)]
    merged = BatchResult(warnings=list(source_warnings))
    for future in futures:
        part = future.result()
        for name in ("tables", "errors", "warnings", "built", "cached"):
            getattr(merged, name).extend(getattr(part, name))
    merged.tables = one_per_document(merged.tables, merged.warnings)  # the same bytes under two names: once
    for message in merged.errors:
        logger.error(message)
    for message in merged.warnings[len(source_warnings):]:
        logger.warning(message)

    frames = tables_to_frames(merged.tables)
    validation = validate_task(frames)
    documents = {t.document["source_file"]: t.document["sha256"] for t in merged.tables}
    status = "complete" if not merged.errors else "incomplete"
    if not validation.success:
        status = "validation_failed"
    report = {
        "status": status, "code_version": version, "input_fingerprint": fingerprint,
        "raw_dir": str(raw_dir), "documents_seen": len(records),
        "fetch": last_fetch_report(raw_path),  # what the last `minsheng fetch` found new, changed, failed
        "limits": {"max_bytes": limits.max_bytes, "doc_timeout_seconds": limits.doc_timeout},
        "documents": documents, "changes": {**changes_against(previous, documents),
                                            "rebuilt": sorted(merged.built), "from_cache": sorted(merged.cached)},
        "row_counts": {name: len(frame) for name, frame in frames.items()},
        "errors": merged.errors, "warnings": merged.warnings,
        "validation": validation.to_dict(),
        "seconds": round(time.perf_counter() - started, 3),
    }
    if validation.success:
        publish_task(frames, report, out_path)
    else:
        failed = out_path.parent / f".{out_path.name}.failed"  # beside --out, never inside it
        failed.mkdir(parents=True, exist_ok=True)
        publish.write_report(failed, report)
        logger.error("validation failed: %s left as it was; report in %s", out_path, failed)
    return BuildResult(status, str(out_path), report)
