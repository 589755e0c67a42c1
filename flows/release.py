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
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import importlib.metadata
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from flows import explorer, publish, release_formats, schema

ARCHIVE_PREFIX = "minsheng-"
ARCHIVE_SUFFIX = ".tar.gz"
VERSION_PATTERN = re.compile(r"^v(\d{4})\.(\d{1,2})\.(\d+)$")
CHECKSUMS = "CHECKSUMS"
BUILD_INFO = "BUILD_INFO.json"
UNCHECKSUMMED = {CHECKSUMS, BUILD_INFO}
DICTIONARY = "DATA_DICTIONARY.md"
QUERY_SCRIPT = Path(__file__).parent / "release_files" / "query.py"
ZENODO = ".zenodo.json"
RELEASE_NOTES = "RELEASE_NOTES.md"
INDEX = "index.json"  # beside the archives: every version with its archive's sha256 (minsheng download reads it)
ROOT = Path(__file__).resolve().parents[1]  # the repository, when the package is installed from it (pip -e)
SHARED = Path(os.environ.get("MINSHENG_SHARED") or ROOT.parent / "shared")
METADATA_SCORER = ROOT / "benchmarks" / "score_metadata.py"
KEYWORDS = ["China", "local government", "public policy", "livelihood", "民生", "policy targets",
            "five-year plans", "government work reports"]
TITLE = "minsheng: targets in Chinese local livelihood (民生) policy documents"
LICENCE_ID, LICENCE_URL = "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"
CHANGE_LIST_LIMIT = 200  # CHANGELOG.md lists this many per kind; changes.csv has them all
PARQUET_TO_FRICTIONLESS = {"string": "string", "large_string": "string", "int64": "integer", "double": "number",
                           "bool": "boolean", "date32[day]": "date"}


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


# ---- the changelog ----------------------------------------------------------------------

def read_archive_table(archive: Path, table: str) -> pd.DataFrame | None:
    """One Parquet table of a release archive, or None when the archive has none."""
    with tarfile.open(archive, "r:gz") as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith(f"/{table}.parquet")), None)
        if member is None:
            return None
        return pq.read_table(io.BytesIO(tar.extractfile(member).read())).to_pandas()


def target_changes(previous: pd.DataFrame | None, current: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Targets added, removed and changed between two releases, matched by target_id."""
    columns = ["change", "target_id", "source_file", "indicator", "columns_changed", "before", "after"]
    if previous is None:
        previous = current.iloc[0:0]
    files = dict(zip(documents["doc_id"], documents["source_file"]))
    compared = [c for c in current.columns if c in previous.columns and c != "target_id"]
    merged = previous.merge(current, on="target_id", how="outer", suffixes=("_before", "_after"), indicator=True)
    rows = []
    for record in merged.to_dict("records"):
        side = "_after" if record["_merge"] != "left_only" else "_before"
        base = {"target_id": record["target_id"], "indicator": record.get(f"indicator{side}"),
                "source_file": files.get(record.get(f"doc_id{side}"), record.get(f"doc_id{side}"))}
        if record["_merge"] == "right_only":
            rows.append({**base, "change": "added", "after": _describe(record, "_after")})
        elif record["_merge"] == "left_only":
            rows.append({**base, "change": "removed", "before": _describe(record, "_before")})
        else:
            differing = [c for c in compared if not _same(record[f"{c}_before"], record[f"{c}_after"])]
            if differing:
                rows.append({**base, "change": "changed", "columns_changed": "|".join(differing),
                             "before": json.dumps({c: _plain(record[f"{c}_before"]) for c in differing}, ensure_ascii=False),
                             "after": json.dumps({c: _plain(record[f"{c}_after"]) for c in differing}, ensure_ascii=False)})
    order = {"added": 0, "removed": 1, "changed": 2}
    rows.sort(key=lambda r: (order[r["change"]], str(r["source_file"]), r["target_id"]))
    return pd.DataFrame(rows, columns=columns)


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.isoformat() if isinstance(value, dt.date) else value.item() if hasattr(value, "item") else value


def _same(a, b) -> bool:
    return _plain(a) == _plain(b)


def _describe(record: dict, side: str) -> str:
    value, unit = _plain(record.get(f"value{side}")), record.get(f"unit{side}")
    return f"{value:g} {unit}" if isinstance(value, float) else f"{value} {unit}"


def changelog_markdown(version: str, previous_version: str | None, changes: pd.DataFrame, n_targets: int) -> str:
    against = f"against {previous_version}" if previous_version else "(first release: every target is new)"
    counts = changes["change"].value_counts()
    lines = [f"# Changelog of {version}", "",
             f"Targets in this release: {n_targets}. Changes {against}, matched by `target_id`:", "",
             f"- added: {counts.get('added', 0)}", f"- removed: {counts.get('removed', 0)}",
             f"- changed: {counts.get('changed', 0)}", "",
             "Every change is in `changes.csv`; the first "
             f"{CHANGE_LIST_LIMIT} of each kind are listed here.", ""]
    for kind in ("added", "removed", "changed"):
        part = changes[changes["change"] == kind].head(CHANGE_LIST_LIMIT)
        if part.empty:
            continue
        lines += [f"## {kind.capitalize()}", "", "| target_id | source file | indicator | detail |", "|---|---|---|---|"]
        for r in part.to_dict("records"):
            detail = {"added": r["after"], "removed": r["before"],
                      "changed": f"{r['columns_changed']}: {r['before']} → {r['after']}"}[kind]
            lines.append(f"| `{r['target_id']}` | {r['source_file']} | {r['indicator']} | {str(detail).replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)


# ---- the other documents of a release ------------------------------------------------------

def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    sources = [{"title": r["source_file"], "path": _plain(r["source_url"]) or f"raw/{r['source_file']}",
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


def citation_cff(version: str, released: dt.date) -> str:
    return f"""cff-version: 1.2.0
message: "If you use this dataset, please cite this release as below."
type: dataset
title: "minsheng: targets in Chinese local livelihood (民生) policy documents"
version: "{version}"
date-released: "{released.isoformat()}"
license: {LICENCE_ID}
authors:
  - name: "minsheng dataset maintainers"
keywords:
  - China
  - local government
  - public policy
  - livelihood
  - policy targets
"""


def licence_text() -> str:
    return f"""# Licence

The tables in this release (the Parquet files, the DuckDB views, the data dictionary and the
other documents of the release) are licensed under the Creative Commons Attribution 4.0
International licence ({LICENCE_ID}): {LICENCE_URL}legalcode

You may share and adapt them for any purpose, provided you give appropriate credit (see
CITATION.cff), link to the licence and indicate if changes were made.

The quotes and cleaned texts reproduce official documents of Chinese people's governments.
Article 5 of the Copyright Law of the People's Republic of China excludes from copyright
protection "laws, regulations, resolutions, decisions and orders of State organs, other
documents of a legislative, administrative or judicial nature, and their official
translations"; their reproduction here carries no further restriction from this project.
"""


def release_readme(version: str) -> str:
    return f"""# minsheng {version}

Targets that Chinese local governments commit to in their livelihood (民生) policy
documents, one row per committed number. {DICTIONARY} describes every table, column and
view; CHANGELOG.md says what changed since the previous release; cite with CITATION.cff.

## Query it

From this folder, any DuckDB client works directly:

    duckdb minsheng.duckdb -c "SELECT * FROM targets_flat LIMIT 5"

From any other working directory (DuckDB resolves the views' relative Parquet paths against
the current directory, so tell it where the files are):

    python path/to/{ARCHIVE_PREFIX}{version}/query.py "SELECT domain, count(*) FROM targets GROUP BY ALL"

or in SQL, in any DuckDB client:

    SET file_search_path = '/absolute/path/to/{ARCHIVE_PREFIX}{version}';
    ATTACH '/absolute/path/to/{ARCHIVE_PREFIX}{version}/minsheng.duckdb' AS minsheng (READ_ONLY);
    SELECT * FROM minsheng.targets_flat LIMIT 5;

(DuckDB splits file_search_path at commas: where the folder's path holds a comma, use
query.py, which names the files by absolute path and works under any path.)

The Parquet files can also be read on their own by any Parquet reader.

## Open it without SQL

- `explorer/index.html`: open it in a browser (from disk: no server, no internet). Pick regions,
  domains and indicators, compare one indicator across regions, and click any number to read
  its sentence highlighted in the cleaned text of its document.
- `csv/<table>.csv`: every table as CSV, UTF-8 with a byte-order mark (Excel shows Chinese
  correctly; Stata `import delimited`, R `read.csv`, SPSS and pandas read it as it is). An empty
  field is a missing value.
- `minsheng.xlsx`: every table as a sheet of one workbook, and a sheet of the data dictionary
  (Excel holds at most 32,767 characters in a cell: longer cleaned texts are cut there and say so).

RELEASE_NOTES.md says what changed and how accurate the build is on the project's evaluation sets.

## Check it

`sha256sum -c CHECKSUMS` (or `minsheng verify` with the project's package) checks every file;
datapackage.json holds every table's schema, row count and sha256 and the sources' sha256.
BUILD_INFO.json records when and with what the release was made and is not checksummed.
"""


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


# ---- accuracy, publishing metadata and release notes ----------------------------------------

OTHER_FILES = {  # the release's files that are not tables (datapackage.json "files", with their sha256)
    release_formats.WORKBOOK: "every table as a sheet of one Excel workbook, and a sheet of the data dictionary",
    f"{explorer.EXPLORER_DIR}/index.html": "the explorer: open in a browser from disk (no server, no internet)",
    f"{explorer.EXPLORER_DIR}/{explorer.DATA_JS}": "the explorer's data, generated from the tables",
    RELEASE_NOTES: "what changed, and the accuracy figures of the build",
    ZENODO: "Zenodo deposit metadata",
    "CITATION.cff": "how to cite this release",
}
_accuracy_cache: dict = {}


def not_measured_accuracy(reason: str) -> dict:
    return {"seed_targets": {"measured": False, "reason": reason},
            "document_metadata": {"measured": False, "reason": reason}}


def measure_accuracy(curated: Path, shared: Path | None = None, texts: Path | None = None,
                     code_version: str | None = None) -> dict:
    """The build's scores on the project's evaluation sets, each with its size, or why it was not
    measured; never a number that was not measured.

    seed_targets: the build's targets of the seed documents against the hand-made gold rows
    (../shared/gold, scored by ../shared/tools/score_targets.py's matching). The rules were
    written while reading the seeds: these are not figures on unseen documents.
    document_metadata: region, level, year and type of the texts of benchmarks/eval/
    (benchmarks/score_metadata.py --json, run with the code of this checkout); its holdout split
    was never read while writing the rules."""
    curated = Path(curated)
    result = {"seed_targets": score_seed_targets(curated, Path(shared) if shared else SHARED),
              "document_metadata": score_document_metadata(texts, code_version)}
    metadata = result["document_metadata"]
    if metadata.get("measured"):
        try:
            built_with = json.loads((curated / publish.REPORT_JSON).read_text(encoding="utf-8")).get("code_version")
        except (OSError, ValueError):
            built_with = None
        metadata = {**metadata, "build_code_version": built_with}
        if built_with and metadata.get("code_version") and built_with != metadata["code_version"]:
            metadata["note"] += (f"; the build was made with code version {built_with}, the scores measured with "
                                 f"{metadata['code_version']}")
        result["document_metadata"] = metadata
    return result


def score_seed_targets(curated: Path, shared: Path) -> dict:
    scorer_path, gold_dir = shared / "tools" / "score_targets.py", shared / "gold"
    if not (scorer_path.is_file() and gold_dir.is_dir()):
        return {"measured": False, "reason": f"the shared scorer and gold rows ({shared}/tools, {shared}/gold) "
                                             "are not on the machine that made the release"}
    import importlib.util

    spec = importlib.util.spec_from_file_location("minsheng_score_targets", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    targets = pq.read_table(curated / "targets.parquet").to_pylist()
    documents = {r["doc_id"]: r for r in pq.read_table(curated / "documents.parquet").to_pylist()}
    by_stem: dict[str, list[dict]] = {}
    for row in targets:
        by_stem.setdefault(Path(str(documents.get(row["doc_id"], {}).get("source_file") or "")).stem, []).append(row)
    stems_in_build = {Path(str(d["source_file"])).stem for d in documents.values()}
    gold_files = [g for g in sorted(gold_dir.glob("*.jsonl")) if g.stem in stems_in_build]
    if not gold_files:
        return {"measured": False, "reason": "the build holds none of the documents that have gold rows"}
    totals, per_document = {"gold": 0, "pred": 0, "matched": 0}, {}
    agree = {name: [0, 0] for name in scorer.ATTRIBUTES}
    for gold_path in gold_files:
        gold, pred = scorer.load_rows(gold_path), by_stem.get(gold_path.stem, [])
        pairs = scorer.match_document(gold, pred)
        precision, recall, f1 = scorer.f1(len(pairs), len(pred), len(gold))
        per_document[gold_path.stem] = {"gold_rows": len(gold), "predicted_rows": len(pred), "matched": len(pairs),
                                        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
        totals["gold"] += len(gold)
        totals["pred"] += len(pred)
        totals["matched"] += len(pairs)
        for g, q in pairs:
            for name in scorer.ATTRIBUTES:
                if name in g:
                    agree[name][1] += 1
                    agree[name][0] += scorer.normalise(g.get(name)) == scorer.normalise(q.get(name))
    precision, recall, f1 = scorer.f1(totals["matched"], totals["pred"], totals["gold"])
    return {"measured": True,
            "evaluation_set": "hand-made target rows of the seed documents (shared/gold)",
            "documents": len(gold_files), "gold_rows": totals["gold"], "predicted_rows": totals["pred"],
            "matched": totals["matched"], "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4),
            "attribute_accuracy": {name: {"accuracy": round(hit / n, 4), "n": n}
                                   for name, (hit, n) in agree.items() if n},
            "per_document": per_document,
            "note": "the extraction rules were written while reading these documents: not a figure on unseen documents"}


def score_document_metadata(texts: Path | None = None, code_version: str | None = None) -> dict:
    if not METADATA_SCORER.is_file():
        return {"measured": False, "reason": f"{METADATA_SCORER.relative_to(ROOT)} is not beside the package "
                                             "(install it from a clone of the repository)"}
    key = (str(texts), code_version, sha256_of(METADATA_SCORER.parent / "eval" / "metadata_corpus.csv")
           if (METADATA_SCORER.parent / "eval" / "metadata_corpus.csv").exists() else None)
    if key in _accuracy_cache:
        return _accuracy_cache[key]
    command = [sys.executable, str(METADATA_SCORER), "--json", "-"] + (["--texts", str(texts)] if texts else [])
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=ROOT)
    except (OSError, subprocess.SubprocessError) as error:
        return {"measured": False, "reason": f"the metadata scorer did not run ({type(error).__name__}: {error})"}
    if run.returncode != 0 or not run.stdout.strip():
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        return {"measured": False, "reason": f"the evaluation texts are not on this machine ({last}; "
                                             "see benchmarks/eval/README.md)"}
    try:
        summary = json.loads(run.stdout)["summary"]
    except (ValueError, KeyError) as error:
        return {"measured": False, "reason": f"the metadata scorer's output was not readable ({error})"}
    splits = {}
    for split, part in summary.items():
        splits[split] = {"documents": part["n_docs"], "pipeline_errors": part["errors"],
                         "fields": {field: {k: c[k] for k in ("right", "wrong", "null", "n", "accuracy")}
                                    for field, c in part["fields"].items()}}
    from flows import cache

    result = {"measured": True, "code_version": cache.code_version(),
              "evaluation_set": "benchmarks/eval/metadata_corpus.csv: published texts with hand-checked region, "
                                "level, year and type",
              "splits": splits,
              "note": "run with the code of the checkout that made the release; the holdout split was never read "
                      "while writing the rules, so its figures estimate accuracy on unseen documents"}
    _accuracy_cache[key] = result
    return result


def accuracy_markdown(accuracy: dict) -> list[str]:
    lines = ["## Accuracy of this build", ""]
    seeds = accuracy.get("seed_targets", {})
    if seeds.get("measured"):
        lines += [f"**Targets** against hand-made rows of {seeds['documents']} seed documents ({seeds['gold_rows']} "
                  f"gold rows, {seeds['predicted_rows']} extracted): precision {seeds['precision']:.3f}, "
                  f"recall {seeds['recall']:.3f}, F1 {seeds['f1']:.3f}. {seeds['note'].capitalize()}.", "",
                  "| attribute (on matched rows) | accuracy | rows |", "|---|---|---|"]
        lines += [f"| {name} | {a['accuracy']:.3f} | {a['n']} |" for name, a in seeds["attribute_accuracy"].items()]
        lines.append("")
    else:
        lines += [f"**Targets**: not measured ({seeds.get('reason', 'no figures')}).", ""]
    meta = accuracy.get("document_metadata", {})
    if meta.get("measured"):
        lines += ["**Document metadata** (share right; wrong and null counted apart; a null is better than a "
                  f"wrong value), on {meta['evaluation_set'].split(':')[0]}:", "",
                  "| split | documents | region | level | year | type |", "|---|---|---|---|---|---|"]
        for split, part in meta["splits"].items():
            f = part["fields"]
            cells = [f"{f[k]['accuracy']:.3f} ({f[k]['right']}/{f[k]['n']}, {f[k]['wrong']} wrong)"
                     if f[k]["accuracy"] is not None else "–"
                     for k in ("region_code", "admin_level", "doc_year", "doc_type")]
            lines.append(f"| {split} | {part['documents']} | " + " | ".join(cells) + " |")
        lines += ["", meta["note"].capitalize() + ".", ""]
    else:
        lines += [f"**Document metadata**: not measured ({meta.get('reason', 'no figures')}).", ""]
    return lines


def release_notes(version: str, previous_version: str | None, changes: pd.DataFrame, n_targets: int,
                  row_counts: dict, accuracy: dict, released: dt.date) -> str:
    counts = changes["change"].value_counts()
    against = f"since {previous_version}" if previous_version else "(the first release: every target is new)"
    lines = [f"# minsheng {version} — release notes", "",
             f"Released {released.isoformat()}. {n_targets} targets in {row_counts.get('documents', 0)} documents.", "",
             "Tables: " + ", ".join(f"{name} {n}" for name, n in row_counts.items()) +
             ". Each comes as Parquet, as CSV (`csv/`, UTF-8 with BOM) and as a sheet of `minsheng.xlsx`; "
             "`explorer/index.html` shows them in a browser.", "",
             f"## What changed {against}", "",
             f"Matched by the stable `target_id`: added {counts.get('added', 0)}, removed {counts.get('removed', 0)}, "
             f"changed {counts.get('changed', 0)}. `changes.csv` lists every one; `CHANGELOG.md` the first "
             f"{CHANGE_LIST_LIMIT} of each kind.", ""]
    for kind in ("added", "removed", "changed"):
        part = changes[changes["change"] == kind]
        if part.empty:
            continue
        by_file = part.groupby("source_file", dropna=False).size().sort_values(ascending=False)
        lines += [f"### {kind.capitalize()} ({len(part)})", "", "| source file | targets |", "|---|---|"]
        lines += [f"| {name} | {n} |" for name, n in by_file.head(50).items()]
        if len(by_file) > 50:
            lines.append(f"| … {len(by_file) - 50} more files | {int(by_file.iloc[50:].sum())} |")
        lines.append("")
    lines += accuracy_markdown(accuracy)
    lines += ["## Cite and check", "",
              "Cite with `CITATION.cff`. `sha256sum -c CHECKSUMS` or `minsheng verify` checks every file.", ""]
    return "\n".join(lines)


def zenodo_metadata(version: str, released: dt.date, n_targets: int, documents: pd.DataFrame,
                    accuracy: dict) -> dict:
    """The deposit metadata Zenodo reads (.zenodo.json: legacy deposit API fields)."""
    related = []
    repository = os.environ.get("MINSHENG_REPOSITORY_URL")
    if repository:
        related.append({"identifier": repository, "relation": "isSupplementTo", "resource_type": "software"})
    for url in sorted({u for u in documents.get("source_url", pd.Series(dtype=str)).dropna() if str(u).startswith("http")}):
        related.append({"identifier": url, "relation": "isDerivedFrom", "resource_type": "publication-other"})
    seeds = accuracy.get("seed_targets", {})
    meta = accuracy.get("document_metadata", {})
    figures = []
    if seeds.get("measured"):
        figures.append(f"targets F1 {seeds['f1']:.3f} on {seeds['gold_rows']} hand-made rows of "
                       f"{seeds['documents']} seed documents")
    if meta.get("measured") and "holdout" in meta["splits"]:
        hold = meta["splits"]["holdout"]
        figures.append(f"document region right in {hold['fields']['region_code']['right']} of "
                       f"{hold['documents']} held-out texts")
    description = (
        "<p>The numbers Chinese local governments commit to in their livelihood (民生) policy documents "
        "(five-year action plans, yearly lists of practical matters, implementation opinions, work reports), "
        f"one row per committed number with its quote and exact place in the cleaned source text: {n_targets} "
        f"targets in {len(documents)} documents.</p><p>Tables as Parquet, CSV and an Excel workbook, a DuckDB "
        "file with views, a data dictionary, and an explorer page that opens in any browser. RELEASE_NOTES.md "
        "says what changed by stable target id and the accuracy of the build"
        + (f" ({'; '.join(figures)})" if figures else "") + ".</p>")
    return {
        "title": f"{TITLE} ({version})",
        "upload_type": "dataset",
        "description": description,
        "creators": [{"name": "minsheng dataset maintainers"}],
        "access_right": "open",
        "license": LICENCE_ID.lower(),
        "version": version,
        "publication_date": released.isoformat(),
        "keywords": KEYWORDS,
        "language": "zho",
        "related_identifiers": related,
        "notes": "Cite with CITATION.cff. Source documents are official documents of Chinese governments "
                 "(Article 5 of the PRC Copyright Law).",
    }


def release_files(folder: Path) -> list[str]:
    """Every file of an unpacked release, as a path relative to its folder ('/'-separated), sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


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


# ---- making a release -------------------------------------------------------------------

def make_release(curated: Path, releases_dir: Path, version: str | None = None, today: dt.date | None = None,
                 allow_incomplete: bool = False, accuracy: dict | None = None) -> tuple[Path, pd.DataFrame]:
    """Pack the build in `curated` as a new release; returns the archive and its changes.
    `accuracy` (measure_accuracy's form) is measured here when not given."""
    curated, releases_dir = Path(curated), Path(releases_dir)
    report_path = curated / publish.REPORT_JSON
    if not report_path.exists():
        raise ReleaseError(f"{curated}: no {publish.REPORT_JSON}; build the dataset first (minsheng build)")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("status") != "complete" and not allow_incomplete:
        raise ReleaseError(f"{curated}: the last build is {report.get('status')!r}, not 'complete' "
                           f"(errors: {'; '.join(report.get('errors', [])[:3]) or 'none'}); fix it or pass --allow-incomplete")
    missing = [f"{name}.parquet" for name in schema.TABLES if not (curated / f"{name}.parquet").exists()]
    if missing:
        raise ReleaseError(f"{curated}: missing {', '.join(missing)}")

    today = today or dt.date.today()
    existing = existing_versions(releases_dir)
    version = version or next_version(existing, today)
    key = version_key(version)
    archive = releases_dir / archive_name(version)
    if archive.exists() or version in existing:
        raise ReleaseError(f"{archive}: version {version} exists already; releases are never overwritten")
    if existing and key < version_key(existing[-1]):
        raise ReleaseError(f"{version} is below the last release {existing[-1]} in {releases_dir}; "
                           "versions only go forward")
    if key[:2] > (today.year, today.month):
        raise ReleaseError(f"{version} is dated after today ({today.isoformat()}); a CalVer version names "
                           "the month it is released in")
    earlier = [v for v in existing if version_key(v) < version_key(version)]
    previous_version = earlier[-1] if earlier else None

    releases_dir.mkdir(parents=True, exist_ok=True)
    top = f"{ARCHIVE_PREFIX}{version}"
    with tempfile.TemporaryDirectory(dir=releases_dir, prefix=".staging-") as tmp:
        folder = Path(tmp) / top
        folder.mkdir()
        for name in schema.TABLES:
            shutil.copyfile(curated / f"{name}.parquet", folder / f"{name}.parquet")
        publish.write_duckdb(folder)
        shutil.copyfile(QUERY_SCRIPT, folder / "query.py")
        (folder / DICTIONARY).write_text(publish.dictionary_markdown(), encoding="utf-8")

        documents = pd.read_parquet(folder / "documents.parquet")
        targets = pd.read_parquet(folder / "targets.parquet")
        previous = read_archive_table(releases_dir / archive_name(previous_version), "targets") if previous_version else None
        named = documents
        if previous is not None:  # a removed target's document may be gone too: name its file from the last release
            before = read_archive_table(releases_dir / archive_name(previous_version), "documents")
            if before is not None:
                named = pd.concat([before[["doc_id", "source_file"]], documents[["doc_id", "source_file"]]]) \
                    .drop_duplicates("doc_id", keep="last")
        changes = target_changes(previous, targets, named)
        changes.to_csv(folder / "changes.csv", index=False, lineterminator="\n")
        (folder / "CHANGELOG.md").write_text(changelog_markdown(version, previous_version, changes, len(targets)),
                                             encoding="utf-8")
        (folder / "CITATION.cff").write_text(citation_cff(version, today), encoding="utf-8")
        (folder / "LICENSE.md").write_text(licence_text(), encoding="utf-8")
        (folder / "README.md").write_text(release_readme(version), encoding="utf-8")
        row_counts = release_formats.write_csvs(folder)
        release_formats.write_workbook(folder, folder / release_formats.WORKBOOK, release_formats.dictionary_rows(),
                                       today)
        explorer.write_explorer(folder, title=f"release {version}")
        if accuracy is None:
            accuracy = measure_accuracy(curated)
        (folder / RELEASE_NOTES).write_text(release_notes(version, previous_version, changes, len(targets), row_counts,
                                                          accuracy, today), encoding="utf-8")
        (folder / ZENODO).write_text(json.dumps(zenodo_metadata(version, today, len(targets), documents, accuracy),
                                                ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (folder / "datapackage.json").write_text(
            datapackage_json(datapackage(folder, version, today, report, documents, accuracy)), encoding="utf-8")
        listed = [n for n in release_files(folder) if n not in UNCHECKSUMMED]
        (folder / CHECKSUMS).write_text("".join(f"{sha256_of(folder / n)}  {n}\n" for n in listed), encoding="utf-8")
        (folder / BUILD_INFO).write_text(json.dumps(build_info(report), ensure_ascii=False, indent=2, default=str) + "\n",
                                         encoding="utf-8")
        partial = Path(tmp) / archive.name
        write_archive(folder, partial, mtime=int(dt.datetime(today.year, today.month, today.day,
                                                             tzinfo=dt.timezone.utc).timestamp()))
        try:
            os.link(partial, archive)  # fails if the version appeared meanwhile: never overwrite
        except FileExistsError:
            raise ReleaseError(f"{archive}: version {version} exists already; releases are never overwritten") from None
    write_index(releases_dir)
    return archive, changes


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


# ---- verifying a release ----------------------------------------------------------------

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
