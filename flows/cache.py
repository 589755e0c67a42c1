"""Per-document cache: a document is rebuilt only when its raw bytes, its manifest row or
the code that shapes its rows changed. Key: the source file's name, the sha256 of its
bytes, its manifest row and `code_version()`.

`code_version()` is derived, not listed by hand: the sha256 of every module of the package
that flows.pipeline imports, directly or through other modules (read from the modules'
import statements), of every file under flows/rules/ and flows/reference/, and of the
OpenCC version the clean stage converts scripts with. A new or edited stage module changes it.

One JSON file per document under the cache folder; a stale or unreadable entry is a miss.
"""
from __future__ import annotations

import ast
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
from pathlib import Path

from flows.pipeline import DocumentTables

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_MODULE = "pipeline"  # one document through every stage: what it imports shapes the rows
DATA_DIRS = ("rules", "reference")  # language rules and reference tables the stages read
LIBRARIES = ("opencc",)  # libraries whose version changes rows (script conversion)


# ---- the code version ------------------------------------------------------------------------

def _module_file(package_dir: Path, module: str) -> Path | None:
    """flows.x.y -> <package_dir>/x/y.py (or x/y/__init__.py); None when not a module of the package."""
    parts = module.split(".")
    if parts[0] != package_dir.name:
        return None
    base = package_dir.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py") if len(parts) > 1 else None, base / "__init__.py"):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def _imported_names(path: Path, package: str) -> set[str]:
    """Every module name an import statement of the file names (at any depth: lazy imports too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(anchor + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)  # `from flows import clean`
    return names


def stage_modules(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The package's modules that flows.pipeline imports, directly or not, with itself and __init__."""
    package_dir = Path(package_dir)
    root = package_dir / f"{ROOT_MODULE}.py"
    seen = {root, package_dir / "__init__.py"}
    todo = [root]
    while todo:
        path = todo.pop()
        package = ".".join((package_dir.name,) + path.relative_to(package_dir).parts[:-1])
        for name in _imported_names(path, package):
            parts = name.split(".")
            for depth in range(1, len(parts) + 1):  # importing flows.a.b runs flows/__init__ and flows/a
                found = _module_file(package_dir, ".".join(parts[:depth]))
                if found is not None and found not in seen:
                    seen.add(found)
                    todo.append(found)
    return sorted(p for p in seen if p.is_file())


def data_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    return sorted(p for d in DATA_DIRS for p in Path(package_dir, d).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def code_version(package_dir: Path = PACKAGE_DIR) -> str:
    """Version of everything that shapes a document's rows (see the module's docstring)."""
    package_dir = Path(package_dir)
    digest = hashlib.sha256()
    for path in stage_modules(package_dir) + data_files(package_dir):
        digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}=={importlib.metadata.version(library)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library} missing\0".encode())
    return digest.hexdigest()[:16]


# ---- the cache -------------------------------------------------------------------------------

def manifest_digest(manifest: dict | None) -> str:
    """The manifest row's fields (region, source URL, type...) shape the document's rows too."""
    text = json.dumps(manifest or {}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _key(source_file: str, sha256: str, code_version: str, manifest: dict | None = None) -> str:
    name = hashlib.sha256(source_file.encode("utf-8")).hexdigest()[:12]
    return f"{name}-{sha256[:32]}-{code_version}-{manifest_digest(manifest)}"


def entry_path(cache_dir: Path, source_file: str, sha256: str, code_version: str,
               manifest: dict | None = None) -> Path:
    return Path(cache_dir) / f"{_key(source_file, sha256, code_version, manifest)}.json"


def _default(value):
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    raise TypeError(type(value))


def _hook(obj):
    if "__date__" in obj:
        return dt.date.fromisoformat(obj["__date__"])
    return obj


def load(cache_dir: Path | None, source_file: str, sha256: str, code_version: str,
         manifest: dict | None = None) -> DocumentTables | None:
    if cache_dir is None:
        return None
    path = entry_path(cache_dir, source_file, sha256, code_version, manifest)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_hook=_hook)
    except (OSError, ValueError):
        return None
    if data.get("source_file") != source_file:
        return None  # same bytes under another name: ids differ, rebuild
    return DocumentTables(**data["tables"])


def store(cache_dir: Path | None, source_file: str, sha256: str, code_version: str, tables: DocumentTables,
          manifest: dict | None = None) -> None:
    if cache_dir is None:
        return
    path = entry_path(cache_dir, source_file, sha256, code_version, manifest)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"source_file": source_file, "tables": tables.__dict__}
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, default=_default), encoding="utf-8")
    tmp.replace(path)
