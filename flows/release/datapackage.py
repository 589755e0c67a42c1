"""datapackage.json (Frictionless, strict JSON): every table's schema with its primary and foreign
keys, row count and sha256, the same tables as CSV, the release's other files, the raw sources
with their sha256, the code version and the accuracy figures.
"""
from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from flows import explorer, release_formats, schema
from flows.release.accuracy import not_measured_accuracy
from flows.release.archive import DICTIONARY, RELEASE_NOTES, ZENODO, sha256_of
from flows.release.notes import LICENCE_ID, LICENCE_URL, plain

OTHER_FILES = {  # the release's files that are not tables (datapackage.json "files", with their sha256)
    release_formats.WORKBOOK: "every table as a sheet of one Excel workbook, and a sheet of the data dictionary",
    f"{explorer.EXPLORER_DIR}/index.html": "the explorer: open in a browser from disk (no server, no internet)",
    f"{explorer.EXPLORER_DIR}/{explorer.DATA_JS}": "the explorer's data, generated from the tables",
    RELEASE_NOTES: "what changed, and the accuracy figures of the build",
    ZENODO: "Zenodo deposit metadata",
    "CITATION.cff": "how to cite this release",
}


def datapackage(folder: Path, version: str, released: dt.date, report: dict, documents: pd.DataFrame,
                accuracy: dict | None = None) -> dict:
    resources = []
    for name, table in schema.TABLES.items():
        path = folder / f"{name}.parquet"
        # No "bytes": Frictionless reads Parquet without counting bytes, so any "bytes" fails its
        # validation; the sha256 pins the file (and CHECKSUMS holds it too).
        resources.append({
            "name": name, "path": path.name, "format": "parquet", "mediatype": "application/vnd.apache.parquet",
            "description": table.description, "hash": f"sha256:{sha256_of(path)}",
            "rows": pq.ParquetFile(path).metadata.num_rows, "schema": schema.frictionless_schema(table)})
    for parquet_resource in list(resources):  # the same tables as CSV, checked by Frictionless too
        csv_path = folder / release_formats.csv_name(parquet_resource["name"])
        if csv_path.exists():
            resources.append(release_formats.csv_resource(parquet_resource["name"], parquet_resource,
                                                          sha256_of(csv_path), parquet_resource["rows"]))
    other_files = [{"path": path, "sha256": sha256_of(folder / path), "description": what}
                   for path, what in OTHER_FILES.items() if (folder / path).exists()]
    sources = [{"title": r["source_file"], "path": plain(r["source_url"]) or f"raw/{r['source_file']}",
                "sha256": r["sha256"]} for r in documents.sort_values("source_file").to_dict("records")]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "minsheng-targets", "version": version.lstrip("v"), "created": release_datetime(released),
        "title": "Targets in Chinese local livelihood (民生) policy documents",
        "description": ("The numbers Chinese local governments commit to in livelihood policy documents, one row per "
                        "committed number with its quote and place in the cleaned source text. See "
                        f"{DICTIONARY} for every column."),
        "licenses": [{"name": LICENCE_ID, "path": LICENCE_URL, "title": "Creative Commons Attribution 4.0 International"}],
        "sources": sources,
        "code_version": {"package": _package_version(), "stages": report.get("code_version")},
        # custom properties (Frictionless allows them): the build's accuracy on the project's
        # evaluation sets, and the release's files that are not tables
        "accuracy": accuracy if accuracy is not None else not_measured_accuracy("not measured for this package"),
        "files": other_files,
        "resources": resources,
    }


def release_datetime(released: dt.date) -> str:
    """The release day as an ISO 8601 / RFC 3339 datetime (midnight UTC: the same for every
    release of the day, so that datapackage.json stays reproducible)."""
    return dt.datetime(released.year, released.month, released.day, tzinfo=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def datapackage_json(package: dict) -> str:
    """Strict JSON: NaN or Infinity anywhere is an error here, not an invalid file later."""
    return json.dumps(package, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _package_version() -> str:
    try:
        return importlib.metadata.version("minsheng")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
