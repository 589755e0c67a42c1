"""Per-document cache: a document is rebuilt only when its raw bytes or the code that
shapes its rows changed. Key: sha256 of the raw file + pipeline.code_version().

One JSON file per document under the cache folder; a stale or unreadable entry is a miss.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from flows.pipeline import DocumentTables


def _key(source_file: str, sha256: str, code_version: str) -> str:
    name = hashlib.sha256(source_file.encode("utf-8")).hexdigest()[:12]
    return f"{name}-{sha256[:32]}-{code_version}"


def entry_path(cache_dir: Path, source_file: str, sha256: str, code_version: str) -> Path:
    return Path(cache_dir) / f"{_key(source_file, sha256, code_version)}.json"


def _default(value):
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    raise TypeError(type(value))


def _hook(obj):
    if "__date__" in obj:
        return dt.date.fromisoformat(obj["__date__"])
    return obj


def load(cache_dir: Path | None, source_file: str, sha256: str, code_version: str) -> DocumentTables | None:
    if cache_dir is None:
        return None
    path = entry_path(cache_dir, source_file, sha256, code_version)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_hook=_hook)
    except (OSError, ValueError):
        return None
    if data.get("source_file") != source_file:
        return None  # same bytes under another name: ids differ, rebuild
    return DocumentTables(**data["tables"])


def store(cache_dir: Path | None, source_file: str, sha256: str, code_version: str, tables: DocumentTables) -> None:
    if cache_dir is None:
        return
    path = entry_path(cache_dir, source_file, sha256, code_version)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"source_file": source_file, "tables": tables.__dict__}
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, default=_default), encoding="utf-8")
    tmp.replace(path)
