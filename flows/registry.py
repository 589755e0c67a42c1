"""The source registry (raw/sources.csv), the snapshot store and its history.

The registry is the reviewed list of what the dataset covers: one row per document, with
where it is published and what is known of it. Adding a document means adding a row (and
running `minsheng fetch`). Its columns are declared once, in `SOURCE_FIELDS`; the first
group is written by people, the second by `minsheng fetch`.

Snapshots are immutable and content-addressed: `raw/snapshots/<sha256[:2]>/<sha256>.<ext>`
(ext from the format sniffed from the bytes: html, pdf, docx, text) with a JSON sidecar
`<sha256>.json` (URL, final URL, retrieved_at, HTTP validators, content type, size). A file
there is never overwritten; a changed page is a new snapshot, and `raw/snapshots.csv` (the
history) keeps one row per snapshot of each source. The build reads a source's current
snapshot (the registry's `sha256`) through `add_sources`.

Both CSV files are written deterministically: fixed columns, rows sorted, UTF-8, `\\n`.
"""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REGISTRY_NAME = "sources.csv"
HISTORY_NAME = "snapshots.csv"
SNAPSHOT_DIR = "snapshots"
FETCH_REPORT_NAME = "fetch_report.json"


@dataclass(frozen=True)
class SourceField:
    name: str
    description: str
    by: str = "maintainer"  # maintainer (reviewed) | fetch (written by `minsheng fetch`)


SOURCE_FIELDS = (
    SourceField("source_id", "Stable id of the source, chosen when the row is added and never changed "
                "(letters, digits, . _ -). The document's doc_id derives from it."),
    SourceField("url", "Where the document is published (http/https); empty for a file received as is."),
    SourceField("file", "For a document received as a file: its path under raw/ (the seeds); else empty."),
    SourceField("publisher", "Who publishes the page or file (a portal, a newspaper, a government office)."),
    SourceField("region_code", "GB/T 2260 code of the region the document governs, if known."),
    SourceField("region_name", "Name of that region, if known."),
    SourceField("admin_level", "province, prefecture, county or unknown."),
    SourceField("doc_type", "Kind of document (the documents table's doc_type vocabulary), if known."),
    SourceField("year", "The year the document is for (doc_year), if known."),
    SourceField("licence", "Licence note: under what terms the text may be copied (official documents: PRC "
                "Copyright Law art. 5; reposts and news pages may differ)."),
    SourceField("note", "Anything a reviewer should know."),
    SourceField("retrieved_at", "When the current snapshot's bytes were downloaded (UTC, ISO 8601).", "fetch"),
    SourceField("checked_at", "When the URL was last asked for (UTC, ISO 8601).", "fetch"),
    SourceField("final_url", "The URL the bytes came from after redirects.", "fetch"),
    SourceField("etag", "The server's ETag of the current snapshot (sent back as If-None-Match).", "fetch"),
    SourceField("last_modified", "The server's Last-Modified (sent back as If-Modified-Since).", "fetch"),
    SourceField("content_type", "The server's Content-Type.", "fetch"),
    SourceField("format", "Format sniffed from the bytes: html, pdf, docx or text.", "fetch"),
    SourceField("n_bytes", "Size of the current snapshot in bytes.", "fetch"),
    SourceField("sha256", "sha256 of the current snapshot (its name in raw/snapshots/); for a received file, "
                "of the file.", "fetch"),
    SourceField("fetch_status", "Outcome of the last fetch: new, changed, unchanged, not_modified or failed.", "fetch"),
    SourceField("fetch_error", "Why the last fetch failed (the current snapshot, if any, stays).", "fetch"),
)
FIELD_NAMES = tuple(f.name for f in SOURCE_FIELDS)
HISTORY_FIELDS = ("source_id", "sha256", "retrieved_at", "url", "final_url", "content_type", "format", "n_bytes",
                  "etag", "last_modified")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class RegistryError(ValueError):
    """raw/sources.csv cannot be used; the message says which row and why."""


# ---------------------------------------------------------------- identity

def canonical_url(url: str) -> str:
    """The URL that names a document: scheme and host in lower case, default port and fragment dropped."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def identity_key(sha256: str, manifest: dict | None = None) -> str:
    """What a document's doc_id is derived from: its registry id, else its canonical URL, else its bytes.

    A registry id is used as written, so the seeds, whose ids are the names they were received
    under, keep the doc_id they had before the registry."""
    manifest = manifest or {}
    if manifest.get("source_id"):
        return manifest["source_id"]
    if manifest.get("source_url"):
        return "url:" + canonical_url(manifest["source_url"])
    return "sha256:" + sha256


# ---------------------------------------------------------------- reading and writing

def registry_path(raw_dir: Path) -> Path:
    return Path(raw_dir) / REGISTRY_NAME


def read_registry(raw_dir: Path) -> list[dict] | None:
    """The registry's rows (every field present, '' when empty), or None without raw/sources.csv."""
    path = registry_path(raw_dir)
    if not path.exists():
        return None
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            unknown = [c for c in reader.fieldnames or [] if c not in FIELD_NAMES]
            if unknown:
                raise RegistryError(f"{REGISTRY_NAME}: unknown column(s) {', '.join(unknown)} "
                                    f"(the columns are declared in flows/registry.py)")
            rows = [{name: (row.get(name) or "").strip() for name in FIELD_NAMES} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise RegistryError(f"{REGISTRY_NAME}: cannot be read ({type(error).__name__}: {error})") from None
    check_rows(rows)
    return rows


def check_rows(rows: list[dict]) -> None:
    from flows.schema import ADMIN_LEVELS, DOC_TYPES

    seen: dict[str, int] = {}
    for n, row in enumerate(rows, start=2):
        where = f"{REGISTRY_NAME} row {n}"
        sid = row["source_id"]
        if not ID_PATTERN.match(sid):
            raise RegistryError(f"{where}: source_id {sid!r} is empty or has characters other than letters, "
                                f"digits, . _ -")
        if sid in seen:
            raise RegistryError(f"{where}: source_id {sid} already used on row {seen[sid]}")
        seen[sid] = n
        if not row["url"] and not row["file"]:
            raise RegistryError(f"{where} ({sid}): needs a url or a file")
        if row["url"] and urlsplit(row["url"]).scheme not in ("http", "https"):
            raise RegistryError(f"{where} ({sid}): url {row['url']!r} is not http(s)")
        if row["region_code"] and not re.fullmatch(r"\d{6}", row["region_code"]):
            raise RegistryError(f"{where} ({sid}): region_code {row['region_code']!r} is not six digits")
        if row["admin_level"] and row["admin_level"] not in ADMIN_LEVELS:
            raise RegistryError(f"{where} ({sid}): admin_level {row['admin_level']!r} not in {ADMIN_LEVELS}")
        if row["doc_type"] and row["doc_type"] not in DOC_TYPES:
            raise RegistryError(f"{where} ({sid}): doc_type {row['doc_type']!r} not in {DOC_TYPES}")
        if row["year"] and not re.fullmatch(r"(19|20)\d\d", row["year"]):
            raise RegistryError(f"{where} ({sid}): year {row['year']!r} is not a year")
        if row["sha256"] and not re.fullmatch(r"[0-9a-f]{64}", row["sha256"]):
            raise RegistryError(f"{where} ({sid}): sha256 {row['sha256']!r} is not 64 hex digits")


def _write_csv(path: Path, fields, rows, key) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in sorted(rows, key=key):
        writer.writerow({name: ("" if row.get(name) is None else row.get(name)) for name in fields})
    atomic_write(path, buffer.getvalue().encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_registry(raw_dir: Path, rows: list[dict]) -> None:
    rows = [{name: str(row.get(name) or "").strip() for name in FIELD_NAMES} for row in rows]
    check_rows(rows)
    _write_csv(registry_path(raw_dir), FIELD_NAMES, rows, key=lambda r: r["source_id"])


def read_history(raw_dir: Path) -> list[dict]:
    path = Path(raw_dir) / HISTORY_NAME
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def write_history(raw_dir: Path, rows: list[dict]) -> None:
    _write_csv(Path(raw_dir) / HISTORY_NAME, HISTORY_FIELDS, rows,
               key=lambda r: (r["source_id"], r["retrieved_at"], r["sha256"]))


# ---------------------------------------------------------------- snapshot store

def snapshot_relpath(sha256: str, fmt: str) -> str:
    from flows.readers import EXTENSIONS

    return f"{SNAPSHOT_DIR}/{sha256[:2]}/{sha256}.{EXTENSIONS.get(fmt, 'bin')}"


def find_snapshot(raw_dir: Path, sha256: str) -> Path | None:
    folder = Path(raw_dir) / SNAPSHOT_DIR / sha256[:2]
    if not folder.is_dir():
        return None
    found = sorted(p for p in folder.glob(f"{sha256}.*") if p.suffix != ".json")
    return found[0] if found else None


def store_snapshot(raw_dir: Path, data: bytes, fmt: str, sidecar: dict) -> tuple[str, Path, bool]:
    """Store bytes under their sha256; never overwrite. Returns (sha256, path, newly_stored)."""
    digest = hashlib.sha256(data).hexdigest()
    existing = find_snapshot(raw_dir, digest)
    if existing is not None:
        return digest, existing, False
    path = Path(raw_dir) / snapshot_relpath(digest, fmt)
    atomic_write(path, data)
    sidecar_path = path.with_suffix(".json")
    if not sidecar_path.exists():
        atomic_write(sidecar_path, (json.dumps({"sha256": digest, **sidecar}, ensure_ascii=False, indent=2,
                                               sort_keys=True) + "\n").encode("utf-8"))
    return digest, path, True


# ---------------------------------------------------------------- the build's view

def source_manifest(row: dict) -> dict:
    """What the build knows of a registry source beyond its bytes (the manifest's role)."""
    values = {"source_id": row["source_id"], "source_url": row["url"] or None, "publisher": row["publisher"] or None,
              "region_name": row["region_name"] or None, "region_code": row["region_code"] or None,
              "admin_level": row["admin_level"] or None, "doc_type": row["doc_type"] or None,
              "doc_year": row["year"] or None, "retrieved_at": row["retrieved_at"] or None}
    return {k: v for k, v in values.items() if v is not None}


def add_sources(raw_dir: Path, records: list, warnings: list[str]) -> tuple[list, list[str]]:
    """The build's sources with the registry's: a received file (the seeds) is the manifest's record
    with its registry identity added; a fetched source is its current snapshot."""
    from flows.ingest import SourceRecord

    raw_dir = Path(raw_dir)
    try:
        rows = read_registry(raw_dir)
    except RegistryError as error:
        from flows.ingest import SourceError
        raise SourceError(REGISTRY_NAME, str(error).removeprefix(f"{REGISTRY_NAME}: ")) from None
    if rows is None:
        return records, warnings
    by_file = {r.source_file: r for r in records}
    out = {r.source_file: r for r in records}
    for row in rows:
        known = source_manifest(row)
        if row["file"]:
            record = by_file.get(row["file"])
            if record is None:
                path = raw_dir / row["file"]
                if not path.exists():
                    warnings.append(f"{REGISTRY_NAME}: {row['source_id']} names the file {row['file']}, which is "
                                    f"not in {raw_dir.name}/")
                    continue
                record = SourceRecord(row["file"], path, row["sha256"] or None, {}, root=raw_dir)
            # the file's manifest row stays what the build reads; the registry adds its identity
            manifest = {**record.manifest, "source_id": row["source_id"]}
            if known.get("source_url") and not manifest.get("source_url"):
                manifest["source_url"] = known["source_url"]
            out[row["file"]] = dataclasses.replace(record, manifest=manifest)
            continue
        if not row["sha256"]:  # not fetched here (yet)
            continue
        path = find_snapshot(raw_dir, row["sha256"])
        if path is None:
            warnings.append(f"{REGISTRY_NAME}: {row['source_id']}: its snapshot {row['sha256'][:12]}… is not in "
                            f"{SNAPSHOT_DIR}/ (run `minsheng fetch`)")
            continue
        rel = path.relative_to(raw_dir).as_posix()
        out[rel] = SourceRecord(rel, path, row["sha256"], known, root=raw_dir)
    # a registered URL never fetched on this machine is the normal state of a fresh clone, not a
    # warning: the build report lists it (last_fetch_report's not_fetched)
    return sorted(out.values(), key=lambda r: r.source_file), warnings


def last_fetch_report(raw_dir: Path) -> dict | None:
    """For the build report: what the last `minsheng fetch` found (new, changed, unchanged,
    not_modified, failed) and the registered URLs with no snapshot here (not_fetched, not built).
    None without a registry."""
    try:
        rows = read_registry(raw_dir)
    except RegistryError:
        return None
    if rows is None:
        return None
    try:
        report = json.loads((Path(raw_dir) / FETCH_REPORT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        report = {"last_fetch": None}
    report["not_fetched"] = sorted(r["source_id"] for r in rows if r["url"] and not r["sha256"])
    return report
