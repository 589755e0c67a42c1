"""Checking a release (`minsheng verify`, and `minsheng download` before it unpacks): CHECKSUMS,
every resource of datapackage.json against its file (sha256, Parquet schema and row count, CSV
header and records), the other files, and every DuckDB view answering.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import tarfile
import tempfile
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from flows import publish, release_formats
from flows.release.archive import CHECKSUMS, UNCHECKSUMMED, release_files, sha256_of

PARQUET_TO_FRICTIONLESS = {"string": "string", "large_string": "string", "int64": "integer", "double": "number",
                           "bool": "boolean", "date32[day]": "date"}


def verify(path: Path) -> list[str]:
    """Everything wrong with a release archive (or its unpacked folder); empty when sound."""
    path = Path(path)
    if path.is_dir():
        return verify_folder(path)
    if not path.exists():
        return [f"{path}: no such file"]
    with tempfile.TemporaryDirectory() as tmp:
        try:
            with tarfile.open(path, "r:gz") as tar:
                names = tar.getnames()
                bad = [n for n in names if n.startswith("/") or ".." in Path(n).parts]
                if bad:
                    return [f"{path}: unsafe member path {bad[0]!r}"]
                try:
                    tar.extractall(tmp, filter="data")
                except TypeError:  # Python before 3.11.4 has no extraction filters; names were checked above
                    tar.extractall(tmp)
        except (tarfile.TarError, OSError, EOFError, gzip.BadGzipFile) as error:
            return [f"{path}: not a readable .tar.gz archive ({type(error).__name__}: {error})"]
        tops = sorted(p for p in Path(tmp).iterdir())
        if len(tops) != 1 or not tops[0].is_dir():
            return [f"{path}: expected one top folder, found {[p.name for p in tops]}"]
        return [f"{path.name}: {problem}" for problem in verify_folder(tops[0])]


def verify_folder(folder: Path) -> list[str]:
    problems: list[str] = []
    checksums_path = folder / CHECKSUMS
    listed: dict[str, str] = {}
    if not checksums_path.exists():
        problems.append(f"{CHECKSUMS} is missing")
    else:
        for n, line in enumerate(checksums_path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.fullmatch(r"([0-9a-f]{64})  (.+)", line)
            if not match:
                problems.append(f"{CHECKSUMS} line {n} is not '<sha256>  <file>': {line[:80]!r}")
                continue
            listed[match.group(2)] = match.group(1)
        for name, expected in sorted(listed.items()):
            file = folder / name
            if not file.exists():
                problems.append(f"{name}: listed in {CHECKSUMS} but missing")
            elif (actual := sha256_of(file)) != expected:
                problems.append(f"{name}: sha256 is {actual}, {CHECKSUMS} says {expected} (the file was changed or damaged)")
        for name in release_files(folder):
            if name not in listed and name not in UNCHECKSUMMED:
                problems.append(f"{name}: present but not listed in {CHECKSUMS}")

    try:
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return problems + [f"datapackage.json unreadable ({type(error).__name__}: {error})"]
    for resource in package.get("resources", []):
        problems += verify_resource(folder, resource)
    problems += verify_other_files(folder, package)
    problems += verify_views(folder)
    return problems


def verify_resource(folder: Path, resource: dict) -> list[str]:
    name, file = resource.get("path", "?"), folder / resource.get("path", "?")
    if not file.exists():
        return [f"{name}: named in datapackage.json but missing"]
    problems = []
    if "bytes" in resource and file.stat().st_size != resource["bytes"]:
        problems.append(f"{name}: {file.stat().st_size} bytes, datapackage.json says {resource.get('bytes')}")
    if f"sha256:{sha256_of(file)}" != resource.get("hash"):
        problems.append(f"{name}: sha256 differs from datapackage.json's {resource.get('hash')}")
    if resource.get("format") == "csv":
        return problems + verify_csv_resource(file, name, resource)
    try:
        parquet = pq.ParquetFile(file)
        arrow_schema = parquet.schema_arrow
    except Exception as error:  # pyarrow raises several kinds for damaged files
        return problems + [f"{name}: not a readable Parquet file ({type(error).__name__}: {error})"]
    declared = {f["name"]: f for f in resource.get("schema", {}).get("fields", [])}
    actual = {f.name: PARQUET_TO_FRICTIONLESS.get(str(f.type), str(f.type)) for f in arrow_schema}
    for column in declared.keys() - actual.keys():
        problems.append(f"{name}: column {column} declared in datapackage.json is missing")
    for column in actual.keys() - declared.keys():
        problems.append(f"{name}: column {column} is not declared in datapackage.json")
    for column in declared.keys() & actual.keys():
        if declared[column]["type"] != actual[column]:
            problems.append(f"{name}: column {column} is {actual[column]}, datapackage.json says {declared[column]['type']}")
    if list(declared) != [f.name for f in arrow_schema] and declared.keys() == actual.keys():
        problems.append(f"{name}: columns are not in the declared order")
    if parquet.metadata.num_rows != resource.get("rows"):
        problems.append(f"{name}: {parquet.metadata.num_rows} rows, datapackage.json says {resource.get('rows')}")
    if not problems:
        table = parquet.read()
        for column, spec in declared.items():
            if spec.get("constraints", {}).get("required") and table.column(column).null_count:
                problems.append(f"{name}: column {column} is required but has {table.column(column).null_count} nulls")
    return problems


def verify_csv_resource(file: Path, name: str, resource: dict) -> list[str]:
    """A CSV table: a BOM, the declared header, and the declared number of records."""
    problems = []
    with open(file, "rb") as handle:
        head = handle.read(len(release_formats.BOM))
    if head != release_formats.BOM:
        problems.append(f"{name}: does not start with a UTF-8 byte-order mark")
    declared = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
    csv.field_size_limit(sys.maxsize)  # a cleaned text is one field
    try:
        with open(file, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            columns = next(reader, [])
            rows = sum(1 for _ in reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return problems + [f"{name}: not a readable CSV file ({type(error).__name__}: {error})"]
    if columns != declared:
        problems.append(f"{name}: header is {columns[:5]}…, datapackage.json declares {declared[:5]}…")
    if rows != resource.get("rows"):
        problems.append(f"{name}: {rows} rows, datapackage.json says {resource.get('rows')}")
    return problems


def verify_other_files(folder: Path, package: dict) -> list[str]:
    problems = []
    for entry in package.get("files", []):
        file = folder / entry.get("path", "?")
        if not file.exists():
            problems.append(f"{entry.get('path')}: named in datapackage.json but missing")
        elif sha256_of(file) != entry.get("sha256"):
            problems.append(f"{entry.get('path')}: sha256 differs from datapackage.json's")
    return problems


def verify_views(folder: Path) -> list[str]:
    database = folder / publish.DUCKDB_NAME
    if not database.exists():
        return [f"{publish.DUCKDB_NAME} is missing"]
    problems = []
    failures: dict = {}
    try:
        with publish.connect(folder, failures) as con:
            views = [r[0] for r in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY 1").fetchall()]
            for view in views:
                if view in failures:
                    problems.append(f"{publish.DUCKDB_NAME}: view {view} does not answer "
                                    f"({str(failures[view]).splitlines()[0]})")
                    continue
                try:
                    con.execute(f'SELECT count(*) FROM "{view}"').fetchone()
                except duckdb.Error as error:
                    problems.append(f"{publish.DUCKDB_NAME}: view {view} does not answer ({str(error).splitlines()[0]})")
    except duckdb.Error as error:
        problems.append(f"{publish.DUCKDB_NAME}: cannot be opened ({str(error).splitlines()[0]})")
    return problems
