"""The document tables as parts: one Parquet file per table per batch of documents.

    plan(records, ...)      hash every source (the build's input fingerprint), refuse what cannot
                            be read, drop the same document under a second name, cut the rest
                            into batches with stable keys
    run_batch(batch, ...)   build each document (or take it from the per-document cache) in a
                            worker process under the time limit; the worker writes the batch's
                            parts, validates them (Great Expectations per part; every quote equals
                            its span of the cleaned text) and sends back counts and messages only

What happens once every batch is written (checks across parts, one file per table, the reference
tables) is flows/assemble.py.

Layout (inside the output folder):

    parts/<table>/part-<batch key>.parquet   documents, sections, targets, texts
    parts/index.json                         each batch: key, fingerprint, files, counts, messages

A batch's documents are a run of the sources in path order whose end is decided by the
sources' own names (a name whose hash is 0 modulo the batch size ends a batch), so adding,
removing or changing one document changes one batch: the other parts keep their keys and
bytes. The batch key is the hash of its sources' names; its fingerprint adds their sha256,
manifest rows, the code version and the limits. A batch whose key and fingerprint are those
of a batch of the last published build is not built, validated or written again: its parts
are hard-linked from the last build.

Everything here runs the same in a worker child, in the flow's process, or on a Dask worker,
and the bytes depend only on the inputs.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from flows import cache
from flows.ingest import SourceError, SourceRecord, forget_hashes_but_the_last, read_source, source_sha256

DOCUMENT_TABLES = ("documents", "sections", "targets", "texts")
REFERENCE_TABLES = ("regions", "indicators", "units")
PARTS_DIR = "parts"
INDEX_NAME = "index.json"
DEFAULT_BATCH_SIZE = 100  # documents per batch on average (at most three times as many)
WORKER_RECYCLE_MB = 600  # a worker process grown past this after a batch is replaced by a fresh one
PACKAGE_DIR = Path(__file__).resolve().parent
# modules that shape a part's bytes or its validation beyond the rows (flows.cache.code_version covers the rows)
_PART_CODE = ("parts.py", "publish.py", "schema.py", "validate.py")


def part_name(key: str) -> str:
    return f"part-{key}.parquet"


def part_path(folder: Path, table: str, key: str) -> Path:
    return Path(folder) / PARTS_DIR / table / part_name(key)


def parts_version() -> str:
    """What shapes a part beyond its rows: the writer and validator code and the suites."""
    from flows import validate

    digest = hashlib.sha256()
    for name in _PART_CODE:
        digest.update(name.encode() + b"\0" + (PACKAGE_DIR / name).read_bytes())
    for path in sorted(Path(validate.EXPECTATIONS_DIR).glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# ---- the plan -----------------------------------------------------------------------------

@dataclass
class Batch:
    key: str
    fingerprint: str
    records: list[SourceRecord]


@dataclass
class Plan:
    fingerprint: str                 # the whole input: unchanged means nothing to do
    batches: list[Batch]
    errors: list[tuple[str, str]]    # (source_file, message) of sources refused before any build
    warnings: list[str]              # the same document under two names
    documents_seen: int
    order: dict[str, int] = field(default_factory=dict)  # source_file -> position, for messages in order
    sha256: dict[str, str] = field(default_factory=dict)  # source_file -> sha256 of its bytes, as read


def batch_ends_after(source_file: str, batch_size: int) -> bool:
    return int(hashlib.sha256(source_file.encode("utf-8")).hexdigest()[:8], 16) % max(batch_size, 1) == 0


def cut_batches(source_files: list[str], batch_size: int) -> list[list[int]]:
    """Runs of positions; a run ends after a name that batch_ends_after (or at three times the batch
    size: about one run in twenty), so a change to one source moves the ends of its own run only
    (and, after a run cut for its length, of the next few up to a name that ends one)."""
    runs, current = [], []
    for position, name in enumerate(source_files):
        current.append(position)
        if batch_ends_after(name, batch_size) or len(current) >= 3 * max(batch_size, 1):
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def plan(records: list[SourceRecord], version: str, max_bytes: int | None, doc_timeout: float | None,
         batch_size: int) -> Plan:
    """Hash every source once (in path order) and cut the batches."""
    from flows.pipeline import doc_id_for


    limits = repr((max_bytes, doc_timeout)).encode()
    whole = hashlib.sha256(version.encode())
    whole.update(limits)
    errors, warnings, kept, seen_ids = [], [], [], {}
    digests: dict[str, bytes] = {}
    sha256: dict[str, str] = {}
    for record in records:
        manifest = json.dumps(record.manifest, sort_keys=True, ensure_ascii=False)
        try:
            if record.source_file.lower().endswith(".txt"):
                sha, identity = source_sha256(record, max_bytes), record.manifest
            else:  # a web page, PDF or Word file: its manifest gains what the page says (readers.raw_document)
                raw = read_source(record, max_bytes)
                sha, identity = raw.sha256, raw.manifest
        except SourceError as error:
            whole.update(record.source_file.encode() + b"\0refused\0" + error.reason.encode())
            whole.update(manifest.encode())
            errors.append((record.source_file, str(error)))
            continue
        except Exception as error:  # an unforeseen read error must not cost the other documents
            whole.update(record.source_file.encode() + b"\0unreadable\0" + repr(error).encode())
            errors.append((record.source_file, f"{record.source_file}: could not be read ({type(error).__name__}: {error})"))
            continue
        whole.update(record.source_file.encode() + b"\0" + sha.encode())
        whole.update(manifest.encode())
        sha256[record.source_file] = sha
        doc_id = doc_id_for(sha, identity)
        first = seen_ids.setdefault(doc_id, record.source_file)
        if first != record.source_file:  # the same bytes under two names: built once, under the first
            warnings.append(f"{record.source_file}: the same document as {first} (doc_id {doc_id}); "
                            f"built once, under {first}")
            continue
        kept.append(record)
        digests[record.source_file] = (record.source_file + "\0" + sha + "\0" +
                                       cache.manifest_digest(identity)).encode("utf-8")
    forget_hashes_but_the_last()
    part_code = parts_version()
    batches = []
    for run in cut_batches([r.source_file for r in kept], batch_size):
        members = [kept[i] for i in run]
        key = hashlib.sha256("\0".join(r.source_file for r in members).encode("utf-8")).hexdigest()[:16]
        fingerprint = hashlib.sha256(version.encode() + b"\0" + part_code.encode() + b"\0" + limits)
        for record in members:
            fingerprint.update(digests[record.source_file] + b"\n")
        batches.append(Batch(key, fingerprint.hexdigest()[:16], members))
    return Plan(whole.hexdigest()[:16], batches, errors, warnings, len(records),
                {r.source_file: n for n, r in enumerate(records)}, sha256)


def unchanged_since_last_build(raw_dir: Path, out_dir: Path, max_bytes: int | None,
                               doc_timeout: float | None) -> dict | None:
    """The last build's report when the inputs (every source's bytes and manifest row, the code
    version, the limits) are the same as when it was made and it was complete; else None. Costs
    hashing the sources, not starting Prefect (the command asks this first)."""
    from flows.ingest import discover_sources
    from flows.pipeline import code_version

    try:
        previous = json.loads((Path(out_dir) / "build_report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if previous.get("status") != "complete" or not previous.get("input_fingerprint"):
        return None
    records, _ = discover_sources(Path(raw_dir))
    fingerprint = plan(records, code_version(), max_bytes, doc_timeout, 1).fingerprint
    return previous if fingerprint == previous["input_fingerprint"] else None


# ---- one document, in a worker ------------------------------------------------------------

_PENDING: dict[str, object] = {}  # source_file -> DocumentTables built or loaded in this process, until its part is written


def build_cached(argument) -> dict:
    """One document: read, then from the cache or built (and cached). Runs in the worker child
    under the time limit; keeps the rows here for write_batch and answers with a small dict."""
    from flows.pipeline import build_document

    record, cache_dir, version, max_bytes = argument
    try:
        raw = read_source(record, max_bytes)
    except SourceError as error:
        return {"status": "error", "message": str(error)}
    except Exception as error:
        return {"status": "error", "message": f"{record.source_file}: could not be read ({type(error).__name__}: {error})"}
    tables = cache.load(cache_dir, raw.source_file, raw.sha256, version, raw.manifest)
    status = "cached"
    if tables is None:
        try:
            tables = build_document(raw)
        except Exception as error:  # a stage bug must not cost the other documents
            return {"status": "error", "message": f"{record.source_file}: could not be built ({type(error).__name__}: {error})"}
        cache.store(cache_dir, raw.source_file, raw.sha256, version, tables, raw.manifest)
        status = "built"
    answer = {"status": status, "sha256": raw.sha256, "manifest": raw.manifest, "warnings": list(tables.warnings)}
    if not tables.text["clean_text"].strip():
        answer["error"] = (f"{record.source_file}: empty after cleaning (no text is left once whitespace, page numbers "
                           f"and page clutter are removed); rejected")
        return answer
    _PENDING[record.source_file] = tables
    return answer


def write_batch(argument) -> dict:
    """The batch's parts (one per document table) into `folder`, validated; answers with row counts,
    the units the targets use and the validation results (no rows)."""
    from flows import publish, validate
    from flows.pipeline import build_document

    key, documents, folder, cache_dir, version = argument  # documents: [(record, sha256, manifest)]
    tables = []
    for record, sha256, manifest in documents:
        found = _PENDING.pop(record.source_file, None) or \
            cache.load(cache_dir, record.source_file, sha256, version, manifest)
        if found is None:  # built in a worker that was stopped since, and not cached: build it again
            found = build_document(read_source(record, None))
        tables.append(found)
    tables.sort(key=lambda t: t.document["source_file"])
    frames = {
        "documents": publish.to_frame("documents", [t.document for t in tables]),
        "sections": publish.to_frame("sections", [row for t in tables for row in t.sections]),
        "targets": publish.to_frame("targets", [row for t in tables for row in t.targets]),
        "texts": publish.to_frame("texts", [t.text for t in tables]),
    }
    units: dict[str, str | None] = {}  # in row order: the first target's unit kind names a unit (units.table_rows)
    for t in tables:
        for row in t.targets:
            if row.get("unit"):
                units.setdefault(row["unit"], row.get("unit_kind"))
    units = [[u, k] for u, k in units.items()]
    del tables
    results = []
    for name, frame in frames.items():
        path = part_path(folder, name, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        publish.write_parquet(frame, name, path)
        results.append(validate.validate_frame(name, frame, validate.load_suite(name)).__dict__)
    quote = [c for c in validate.cross_table_checks({"targets": frames["targets"], "texts": frames["texts"]})
             if c["check"].startswith("quote")]
    rows = {name: len(frame) for name, frame in frames.items()}
    del frames
    give_back_memory()
    return {"rows": rows, "units": units, "validation": results, "quote_check": quote[0] if quote else None}


def give_back_memory() -> None:
    """Hand freed memory back to the system (a long-lived worker's resident size otherwise only grows)."""
    import ctypes
    import gc

    gc.collect()
    try:
        import pyarrow as pa
        pa.default_memory_pool().release_unused()
    except Exception:
        pass
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def resident_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except (OSError, ValueError, IndexError):
        return 0.0


# ---- one batch, from a task -----------------------------------------------------------------

def run_batch(batch: Batch, folder: Path, cache_dir: Path, version: str, max_bytes: int | None,
              doc_timeout: float | None, on_document=None) -> dict:
    """Build a batch in a pooled worker (flows.worker.pooled) and write its parts: the summary
    the flow keeps (and parts/index.json records)."""
    from flows.worker import DocumentTimeout, WorkerError, pooled

    summary = {"key": batch.key, "fingerprint": batch.fingerprint, "source_files": [r.source_file for r in batch.records],
               "built": [], "cached": [], "errors": [], "warnings": []}
    ok = []
    with pooled(doc_timeout) as worker:
        for record in batch.records:
            argument = (record, cache_dir, version, max_bytes)
            for attempt in (1, 2):
                try:
                    outcome = worker.call("flows.parts:build_cached", argument)
                    break
                except DocumentTimeout:
                    outcome = {"status": "error", "message": f"{record.source_file}: took longer than the limit of "
                                                             f"{doc_timeout:g} s (--doc-timeout); rejected"}
                    break
                except WorkerError as error:  # the child died (not the document's time): once more in a fresh one
                    outcome = {"status": "error", "message": f"{record.source_file}: could not be built ({error})"}
                    if error.type_name != "WorkerDied":
                        break
            status = outcome["status"]
            if status in ("built", "cached"):
                summary[status].append(record.source_file)
                summary["warnings"].extend(outcome["warnings"])
            if status == "error" or outcome.get("error"):
                summary["errors"].append([record.source_file, outcome.get("message") or outcome["error"]])
                status = "failed"
            else:
                ok.append((record, outcome["sha256"], outcome["manifest"]))
            if on_document is not None:
                on_document(batch.key, status)
        if ok:
            written = worker.call("flows.parts:write_batch", (batch.key, ok, str(folder), cache_dir, version), timeout=0)
        else:
            written = {"rows": {name: 0 for name in DOCUMENT_TABLES}, "units": [], "validation": [], "quote_check": None}
        if worker.process is not None and resident_mb(worker.process.pid) > WORKER_RECYCLE_MB:
            worker.close()  # a fresh one (its warm-up: a few seconds) for the next batch: memory stays flat
    summary.update(written)
    summary["written"] = bool(ok)
    return summary


# ---- the index of parts -------------------------------------------------------------------

def read_index(folder: Path) -> dict[str, dict]:
    """The batches of the build in `folder` (key -> summary); empty when there is none or it is unreadable."""
    try:
        data = json.loads((Path(folder) / PARTS_DIR / INDEX_NAME).read_text(encoding="utf-8"))
        return {b["key"]: b for b in data["batches"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_index(folder: Path, summaries: list[dict]) -> None:
    fields = ("key", "fingerprint", "source_files", "written", "rows", "units", "errors", "warnings", "validation",
              "quote_check")
    batches = [{k: s.get(k) for k in fields} for s in summaries]
    path = Path(folder) / PARTS_DIR / INDEX_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"batches": batches}, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def keep_batch(previous: dict | None, batch: Batch, source: Path, target: Path) -> dict | None:
    """The last build's summary of this batch, its parts hard-linked (else copied) into `target`;
    None when the batch changed or its parts are not all there."""
    if not previous or previous.get("fingerprint") != batch.fingerprint:
        return None
    if not previous.get("written"):
        return dict(previous)
    files = [(part_path(source, name, batch.key), part_path(target, name, batch.key)) for name in DOCUMENT_TABLES]
    if not all(old.is_file() for old, _ in files):
        return None
    for old, new in files:
        new.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(old, new)
        except OSError:
            shutil.copyfile(old, new)
    return dict(previous)
