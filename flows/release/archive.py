"""The archive of a release: its version, its files' names, CHECKSUMS, the deterministic .tar.gz,
BUILD_INFO.json and index.json beside the archives.

Versions are CalVer (vYEAR.MONTH.N, N counting within the month); an existing version is never
overwritten and versions only go forward (flows.release.make checks both).
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import importlib.metadata
import io
import json
import os
import platform
import re
import subprocess
import tarfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

ARCHIVE_PREFIX = "minsheng-"
ARCHIVE_SUFFIX = ".tar.gz"
VERSION_PATTERN = re.compile(r"^v(\d{4})\.(\d{1,2})\.(\d+)$")
CHECKSUMS = "CHECKSUMS"
BUILD_INFO = "BUILD_INFO.json"
UNCHECKSUMMED = {CHECKSUMS, BUILD_INFO}
DICTIONARY = "DATA_DICTIONARY.md"
QUERY_SCRIPT = Path(__file__).parents[1] / "release_files" / "query.py"
ZENODO = ".zenodo.json"
RELEASE_NOTES = "RELEASE_NOTES.md"
INDEX = "index.json"  # beside the archives: every version with its archive's sha256 (minsheng download reads it)


class ReleaseError(Exception):
    """A release that cannot be made; the message says why."""


# ---- versions -------------------------------------------------------------------------

def version_key(version: str) -> tuple[int, int, int]:
    match = VERSION_PATTERN.match(version)
    if not match:
        raise ReleaseError(f"{version!r} is not a CalVer version like v2026.11.1")
    return tuple(int(g) for g in match.groups())


def archive_name(version: str) -> str:
    return f"{ARCHIVE_PREFIX}{version}{ARCHIVE_SUFFIX}"


def existing_versions(releases_dir: Path) -> list[str]:
    versions = []
    if releases_dir.is_dir():
        for path in releases_dir.iterdir():
            name = path.name
            if name.startswith(ARCHIVE_PREFIX) and name.endswith(ARCHIVE_SUFFIX):
                version = name[len(ARCHIVE_PREFIX):-len(ARCHIVE_SUFFIX)]
                if VERSION_PATTERN.match(version):
                    versions.append(version)
    return sorted(versions, key=version_key)


def next_version(existing: list[str], today: dt.date) -> str:
    in_month = [version_key(v)[2] for v in existing if version_key(v)[:2] == (today.year, today.month)]
    return f"v{today.year}.{today.month}.{max(in_month, default=0) + 1}"


# ---- files, checksums and the archive ---------------------------------------------------

def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def release_files(folder: Path) -> list[str]:
    """Every file of an unpacked release, as a path relative to its folder ('/'-separated), sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def read_archive_table(archive: Path, table: str) -> pd.DataFrame | None:
    """One Parquet table of a release archive, or None when the archive has none."""
    with tarfile.open(archive, "r:gz") as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith(f"/{table}.parquet")), None)
        if member is None:
            return None
        return pq.read_table(io.BytesIO(tar.extractfile(member).read())).to_pandas()


def write_archive(folder: Path, archive: Path, mtime: int) -> None:
    """A .tar.gz whose bytes depend only on the files: sorted names, fixed times and owners."""
    def normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
        info.mode = 0o755 if info.isdir() else 0o644
        return info

    with open(archive, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped, \
            tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(folder, arcname=folder.name, recursive=False, filter=normalised)
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).parts):
            tar.add(path, arcname=f"{folder.name}/{path.relative_to(folder).as_posix()}", recursive=False,
                    filter=normalised)


def write_index(releases_dir: Path) -> Path:
    """releases/index.json: every archive with its version, sha256 and size, newest last; `minsheng
    download` reads it (from a folder or a URL) to find the latest version and check the bytes."""
    entries = []
    for version in existing_versions(releases_dir):
        archive = releases_dir / archive_name(version)
        entries.append({"version": version, "archive": archive.name, "sha256": sha256_of(archive),
                        "bytes": archive.stat().st_size})
    index = {"latest": entries[-1]["version"] if entries else None, "releases": entries}
    path = releases_dir / INDEX
    partial = releases_dir / f".{INDEX}.partial"
    partial.write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return path


def build_info(report: dict) -> dict:
    packages = {}
    for name in ("minsheng", "pandas", "pyarrow", "duckdb", "prefect", "great-expectations", "opencc"):
        try:
            packages[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            packages[name] = None
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10,
                                cwd=Path(__file__).parent).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {"released_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(), "platform": platform.platform(), "packages": packages,
            "git_commit": commit, "build_report": report}
