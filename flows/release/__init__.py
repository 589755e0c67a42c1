"""Released snapshots: a versioned, checksummed archive of a validated build, and its check.

    make_release(curated/, releases/)  ->  releases/minsheng-vYYYY.M.N.tar.gz
    verify(archive or unpacked folder) ->  list of problems, empty when sound

A release holds the Parquet tables, the DuckDB file with relative views (and query.py, which
opens it from any working directory and any path), datapackage.json (Frictionless, strict
JSON: every table's schema with primary and foreign keys, row count and sha256, the raw
sources with their sha256, the code version), the data dictionary, CHANGELOG.md and
changes.csv against the previous release by target_id, CITATION.cff and .zenodo.json (what a
publishing platform needs), RELEASE_NOTES.md (what changed, and the accuracy figures of the
build on the project's evaluation sets, also in datapackage.json), the data licence, every
table as CSV (csv/, UTF-8 with BOM) and in one Excel workbook (minsheng.xlsx), the static
explorer page (explorer/index.html), CHECKSUMS, and BUILD_INFO.json. BUILD_INFO.json (when, where, with which
package versions) is the one member that differs between two releases of the same inputs,
so it is left out of CHECKSUMS; everything else, and the archive's own layout, is
deterministic. Versions are CalVer (vYEAR.MONTH.N, N counting within the month) and an
existing version is never overwritten, and versions only go forward: a new one is above the
last existing one and not dated after today.

The package, one responsibility a module (each imports only those above it):

  archive      versions, the files' names, CHECKSUMS, the deterministic .tar.gz, BUILD_INFO.json,
               index.json beside the archives
  accuracy     the build's scores on the project's evaluation sets, measured when releasing
  notes        CHANGELOG.md and changes.csv, RELEASE_NOTES.md with the accuracy figures,
               .zenodo.json, CITATION.cff, LICENSE.md, the release's README.md
  datapackage  datapackage.json: the Frictionless descriptor, its schemas and keys
  make         make_release: every file of a release into staging, packed, linked into place
  verify       verify: checksums, datapackage.json against the files, the DuckDB views
The tables as CSV and as an Excel workbook are flows/release_formats.py; the query.py shipped in
every release is flows/release_files/query.py.
"""
from __future__ import annotations

from flows.release.accuracy import measure_accuracy, not_measured_accuracy
from flows.release.archive import (
    ARCHIVE_PREFIX, ARCHIVE_SUFFIX, BUILD_INFO, CHECKSUMS, INDEX, VERSION_PATTERN, ReleaseError, archive_name,
    existing_versions, next_version, read_archive_table, release_files, sha256_of, version_key, write_index)
from flows.release.datapackage import datapackage
from flows.release.make import make_release
from flows.release.notes import changelog_markdown, release_notes, target_changes, zenodo_metadata
from flows.release.verify import verify, verify_folder

__all__ = [
    "ARCHIVE_PREFIX", "ARCHIVE_SUFFIX", "BUILD_INFO", "CHECKSUMS", "INDEX", "VERSION_PATTERN", "ReleaseError",
    "archive_name", "changelog_markdown", "datapackage", "existing_versions", "make_release", "measure_accuracy",
    "next_version", "not_measured_accuracy", "read_archive_table", "release_files", "release_notes", "sha256_of",
    "target_changes", "verify", "verify_folder", "version_key", "write_index", "zenodo_metadata",
]
