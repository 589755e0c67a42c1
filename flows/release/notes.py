"""The documents of a release that people read: the changelog (CHANGELOG.md, changes.csv: targets
added, removed and changed against the previous release, by target_id), RELEASE_NOTES.md with the
accuracy figures, .zenodo.json, CITATION.cff, LICENSE.md and the release's README.md.
"""
from __future__ import annotations

import datetime as dt
import json
import os

import pandas as pd

from flows.release.archive import ARCHIVE_PREFIX, DICTIONARY

KEYWORDS = ["China", "local government", "public policy", "livelihood", "民生", "policy targets",
            "five-year plans", "government work reports"]
TITLE = "minsheng: targets in Chinese local livelihood (民生) policy documents"
LICENCE_ID, LICENCE_URL = "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"
CHANGE_LIST_LIMIT = 200  # CHANGELOG.md lists this many per kind; changes.csv has them all


# ---- the changelog ----------------------------------------------------------------------

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
                             "before": json.dumps({c: plain(record[f"{c}_before"]) for c in differing}, ensure_ascii=False),
                             "after": json.dumps({c: plain(record[f"{c}_after"]) for c in differing}, ensure_ascii=False)})
    order = {"added": 0, "removed": 1, "changed": 2}
    rows.sort(key=lambda r: (order[r["change"]], str(r["source_file"]), r["target_id"]))
    return pd.DataFrame(rows, columns=columns)


def plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.isoformat() if isinstance(value, dt.date) else value.item() if hasattr(value, "item") else value


def _same(a, b) -> bool:
    return plain(a) == plain(b)


def _describe(record: dict, side: str) -> str:
    value, unit = plain(record.get(f"value{side}")), record.get(f"unit{side}")
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


# ---- release notes and the accuracy figures -----------------------------------------------

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
            stated = part.get("stated_in_text") or {}
            if stated:  # the same, over the documents whose text itself states the field
                cells = [f"{stated[k]['accuracy']:.3f} ({stated[k]['right']}/{stated[k]['n']}, {stated[k]['wrong']} "
                         "wrong)" if k in stated else "–" for k in ("region_code", "admin_level", "doc_year", "doc_type")]
                lines.append(f"| {split}, where the text states it | | " + " | ".join(cells) + " |")
        lines += ["", meta["note"].capitalize() + ".", ""]
    else:
        lines += [f"**Document metadata**: not measured ({meta.get('reason', 'no figures')}).", ""]
    return lines


# ---- publishing metadata and the other documents ------------------------------------------

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
