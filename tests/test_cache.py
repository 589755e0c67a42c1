"""The per-document cache: its code version is derived from the package's own files, and
its key holds everything that shapes a document's rows (raw bytes, manifest row, code)."""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd

from flows import cache, pipeline
from flows.flow import build_flow

STAGES = {"pipeline.py", "clean.py", "metadata/__init__.py", "metadata/region.py", "metadata/mentioned.py", "metadata/year.py", "structure.py", "targets/__init__.py", "targets/extract.py",
          "targets/resolve.py", "text/numerals.py", "indicator_tables.py", "indicators.py", "regions.py", "lexicon.py",
          "ingest.py"}


def package_copy(tmp_path: Path) -> Path:
    package = tmp_path / "copy" / "flows"
    shutil.copytree(cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return package


def test_code_version_is_derived_from_every_module_the_pipeline_imports(tmp_path):
    package = package_copy(tmp_path)
    base = cache.code_version(package)
    assert base == pipeline.code_version()  # same files, same version, wherever the package is
    modules = cache.stage_modules(package)
    counted = {p.relative_to(package).as_posix() for p in modules}
    assert STAGES <= counted, STAGES - counted
    assert "cli.py" not in counted and not any(name.startswith("release/") for name in counted)

    # editing any stage module (indicator_tables.py was once missed), rule or reference file changes it
    changed = modules + cache.data_files(package)[:3]
    for path in changed:
        original = path.read_bytes()
        path.write_bytes(original + b"\n# edited\n")
        assert cache.code_version(package) != base, f"editing {path.name} left the code version as it was"
        path.write_bytes(original)
    assert cache.code_version(package) == base

    edited = package / "indicator_tables.py"
    edited.write_text(edited.read_text(encoding="utf-8").replace("def ", "def _unused_(): pass\n\ndef ", 1),
                      encoding="utf-8")
    assert cache.code_version(package) != base
    shutil.copy(cache.PACKAGE_DIR / "indicator_tables.py", edited)

    # a module no stage imports does not count; once a stage imports it, it does, and so do its edits
    (package / "newstage.py").write_text("WORDS = ('x',)\n", encoding="utf-8")
    (package / "cli.py").write_text("# another command line\n", encoding="utf-8")
    assert cache.code_version(package) == base
    targets = package / "targets" / "extract.py"
    targets.write_text(targets.read_text(encoding="utf-8") + "\nfrom flows import newstage  # noqa\n", encoding="utf-8")
    imported = cache.code_version(package)
    assert imported != base and "newstage.py" in {p.name for p in cache.stage_modules(package)}
    (package / "newstage.py").write_text("WORDS = ('y',)\n", encoding="utf-8")
    assert cache.code_version(package) != imported


TEXT = """江门市2024年十件民生实事

一、就业
（一）2024年新增城镇就业1.2万人。
二、养老
（一）2024年新增养老机构护理型床位500张。
"""


def write_manifest(raw: Path, **fields) -> None:
    data = (raw / "a.txt").read_bytes()
    row = {"source_file": "a.txt", "sha256": hashlib.sha256(data).hexdigest(), "source_url": "",
           "region_name": "江门市", "admin_level": "prefecture", "doc_type": "practical_matters_list", "note": ""}
    row.update(fields)
    with open(raw / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row), lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)


def test_a_manifest_edit_rebuilds_its_document(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    write_manifest(raw, source_url="https://example.org/old.html")
    out, cache_dir = tmp_path / "curated", tmp_path / "cache"

    def build(force: bool = False):
        result = build_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(cache_dir), force=force)
        assert result.status == "complete", result.report
        return result.report, pd.read_parquet(out / "documents.parquet").iloc[0]

    report, document = build()
    assert report["changes"]["rebuilt"] == ["a.txt"] and document["source_url"] == "https://example.org/old.html"
    report, _ = build(force=True)
    assert report["changes"]["from_cache"] == ["a.txt"]  # nothing changed: the cache answers

    write_manifest(raw, source_url="https://example.org/new.html")
    report, document = build()
    assert report["changes"]["rebuilt"] == ["a.txt"], report["changes"]
    assert document["source_url"] == "https://example.org/new.html"

    write_manifest(raw, source_url="https://example.org/new.html", note="checked again")
    report, _ = build(force=True)
    assert report["changes"]["rebuilt"] == ["a.txt"], report["changes"]
