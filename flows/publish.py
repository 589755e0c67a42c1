"""Publish stage: typed tables, Parquet files, the DuckDB file with views, the data
dictionary and the build report, written to a staging folder and swapped into place.

The output folder is replaced only as a whole and only after validation passed:
the workers fill a staging folder beside it with parts (flows/parts.py), the flow compacts
them into one file per table and `finish_outputs` adds the views, dictionary, explorer and
report; `swap_into_place` renames. A build that fails or is killed before the swap leaves
the last good outputs as they were.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import shutil
import struct
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from flows import comparison, regions, schema

DUCKDB_NAME = "minsheng.duckdb"
REPORT_JSON = "build_report.json"
REPORT_HTML = "build_report.html"
DICTIONARY_NAME = "README.md"

# Views over the Parquet files, by path relative to the folder that holds them.
VIEWS: dict[str, tuple[str, str]] = {
    "documents": ("One row per source document.", "SELECT * FROM read_parquet('documents.parquet')"),
    "sections": ("Section tree of each document.", "SELECT * FROM read_parquet('sections.parquet')"),
    "targets": ("One row per committed number.", "SELECT * FROM read_parquet('targets.parquet')"),
    "texts": ("Cleaned text of each document.", "SELECT * FROM read_parquet('texts.parquet')"),
    "targets_flat": (
        "Every target with its document's region, level, type, dates and title: the table to query first.",
        """SELECT t.target_id, d.region_code, d.region_name, d.admin_level, d.doc_type, d.doc_year, d.issue_date,
                  d.plan_start_year, d.plan_end_year, t.domain, t.kind, t.indicator, t.value, t.value_high,
                  t.unit, t.unit_kind, t.comparator, t.target_year, t.period_start, t.recurrence,
                  t.is_cumulative, t.is_aspirational, t.lead_unit, t.quote, d.title, d.doc_number,
                  d.source_file, t.doc_id, t.section_id, t.char_start, t.char_end
           FROM read_parquet('targets.parquet') t
           JOIN read_parquet('documents.parquet') d USING (doc_id)"""),
    "domain_region_counts": (
        "Targets per domain per region (unknown or redacted regions: null region_code and region_name, as in every view).",
        """SELECT d.region_code, d.region_name, d.admin_level, t.domain,
                  count(*) AS n_targets, count(DISTINCT t.doc_id) AS n_documents
           FROM read_parquet('targets.parquet') t
           JOIN read_parquet('documents.parquet') d USING (doc_id)
           GROUP BY ALL ORDER BY region_name NULLS LAST, t.domain"""),
}
VIEWS.update(comparison.VIEWS)  # regions, indicators, units, compare, cascade, coverage


class RowKeyError(ValueError):
    """A row whose keys are not exactly its table's declared columns (a producer's typo or omission)."""


def check_row_keys(table_name: str, rows: list[dict]) -> None:
    """Every row has exactly the table's columns as keys: an unknown key (`lead_unti`) or a missing
    one would otherwise publish nulls that every suite accepts. Raises RowKeyError naming the
    table, the keys and the row."""
    table = schema.TABLES[table_name]
    declared = table.column_names
    expected = set(declared)
    for number, row in enumerate(rows):
        keys = set(row)
        if keys == expected:
            continue
        unknown, missing = sorted(keys - expected, key=str), [c for c in declared if c not in keys]
        identity = ", ".join(f"{c}={row[c]!r}" for c in dict.fromkeys((*table.primary_key, "doc_id", "source_file", "quote"))
                             if c in row and row[c] is not None)
        problems = ([f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}"] if unknown else []) + \
                   ([f"missing key{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}"] if missing else [])
        raise RowKeyError(f"table {table_name}, row {number} ({identity or 'no id'}): {'; '.join(problems)}")


def to_frame(table_name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows -> DataFrame with the declared columns, in declared order and types. Each row must have
    exactly the declared columns as keys (check_row_keys)."""
    table = schema.TABLES[table_name]
    check_row_keys(table_name, rows)
    frame = pd.DataFrame(rows, columns=table.column_names)
    for column in table.columns:
        if column.type == "date":
            frame[column.name] = [v if isinstance(v, dt.date) or v is None or pd.isna(v) else dt.date.fromisoformat(str(v))
                                  for v in frame[column.name]]
        else:
            frame[column.name] = frame[column.name].astype(schema.PANDAS_TYPES[column.type])
    return frame


def write_parquet(frame: pd.DataFrame, table_name: str, path: Path) -> None:
    arrow_schema = schema.arrow_schema(schema.TABLES[table_name])
    columns = []
    for f in arrow_schema:
        values = frame[f.name].tolist()
        values = [None if (v is pd.NA or (isinstance(v, float) and pd.isna(v))) else v for v in values]
        columns.append(pa.array(values, type=f.type))
    table = pa.Table.from_arrays(columns, schema=arrow_schema)
    # Fixed writer options so that the same rows give the same bytes.
    pq.write_table(table, path, compression="zstd", write_statistics=True, use_dictionary=True)


def write_duckdb(folder: Path) -> Path:
    path = Path(folder) / DUCKDB_NAME
    if path.exists():
        path.unlink()
    previous = os.getcwd()
    os.chdir(folder)  # views name the Parquet files relative to this folder
    try:
        with duckdb.connect(DUCKDB_NAME) as con:
            for name, (description, sql) in VIEWS.items():
                con.execute(f"CREATE VIEW {name} AS {sql}")
                con.execute(f"COMMENT ON VIEW {name} IS '{description.replace(chr(39), chr(39) * 2)}'")
    finally:
        os.chdir(previous)
    seed = "\n".join(f"{name}\n{sql}" for name, (_, sql) in VIEWS.items())
    set_database_identifier(path, hashlib.sha256(seed.encode()).digest()[:16])
    return path


# DuckDB writes 16 random bytes (the database identifier) into the first block of every new
# file, and that block's checksum; so two builds from the same inputs would differ in 24
# bytes. The identifier only tells open files apart, so for reproducible outputs it is set
# from the views' SQL and the checksum recomputed (block bytes 8..4096, DuckDB's
# xor-of-multiplied-words checksum). If the file does not read back, the original stays.
_IDENTIFIER_OFFSET, _BLOCK_END = 124, 4096


def _header_checksum(block: bytes) -> int:
    result = 5381
    for (word,) in struct.iter_unpack("<Q", block[8:_BLOCK_END]):
        result ^= (word * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    return result


def set_database_identifier(path: Path, identifier: bytes) -> bool:
    original = path.read_bytes()
    if len(original) < _BLOCK_END or original[8:12] != b"DUCK" or \
            struct.unpack_from("<Q", original, 0)[0] != _header_checksum(original):
        return False  # not the header layout this was written for: leave the file alone
    patched = bytearray(original)
    patched[_IDENTIFIER_OFFSET:_IDENTIFIER_OFFSET + 16] = identifier
    struct.pack_into("<Q", patched, 0, _header_checksum(patched))
    path.write_bytes(bytes(patched))
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchone()
    except duckdb.Error:
        path.write_bytes(original)
        return False
    return True


def connect(folder: Path | str, failures: dict | None = None) -> duckdb.DuckDBPyConnection:
    """Open a published folder's DuckDB file, read-only, from any working directory and whatever
    characters its path holds: the same code as a release's query.py (flows/release_files/)."""
    from flows.release_files.query import connect as connect_release
    return connect_release(folder, failures)


def dictionary_markdown() -> str:
    lines = [schema.data_dictionary_markdown(), "## DuckDB views", "",
             f"`{DUCKDB_NAME}` holds these views over the Parquet files beside it.", "",
             "| view | what it holds |", "|---|---|"]
    lines += [f"| `{name}` | {description} |" for name, (description, _) in VIEWS.items()]
    lines += ["", comparison.views_markdown(), "", "## Files", "",
              "Every table is one Parquet file, `<table>.parquet`, with the columns above; the views read them. "
              "A build's folder also holds `parts/`: the four document tables (documents, sections, targets, "
              "texts) split by batch of documents, `parts/<table>/part-<batch key>.parquet`, with "
              "`parts/index.json` listing each batch's sources and row counts. The parts hold the same rows as the "
              "single files (in another order) and are what a rebuild keeps or rewrites; a release carries the "
              "single files only.", ""]
    return "\n".join(lines)


def report_html(report: dict) -> str:
    """A build report page that renders complete offline: inline style, no scripts, no links out."""
    esc = html.escape
    rows = "".join(f"<tr><td>{esc(k)}</td><td>{esc(str(v))}</td></tr>" for k, v in report.get("row_counts", {}).items())
    issues = "".join(f"<li>{esc(i)}</li>" for i in report.get("errors", []) + report.get("warnings", [])) or "<li>none</li>"
    checks = []
    for t in report.get("validation", {}).get("tables", []):
        failed = "".join(f"<li>{esc(f['expectation'])} {esc(json.dumps(f['kwargs'], ensure_ascii=False))}: "
                         f"{esc(str(f.get('unexpected_count')))} unexpected {esc(', '.join(f.get('examples', [])))}</li>"
                         for f in t["failures"])
        checks.append(f"<tr><td>{esc(t['table'])}</td><td class={'ok' if t['success'] else 'bad'}>"
                      f"{'passed' if t['success'] else 'FAILED'}</td><td>{t['evaluated']}</td><td><ul>{failed}</ul></td></tr>")
    for c in report.get("validation", {}).get("cross_checks", []):
        checks.append(f"<tr><td>{esc(c['check'])}</td><td class={'ok' if c['success'] else 'bad'}>"
                      f"{'passed' if c['success'] else 'FAILED'}</td><td>1</td><td>{esc(', '.join(map(str, c['examples'])))}</td></tr>")
    changed = {k: v for k, v in report.get("changes", {}).items() if k != "targets"}
    coverage = ", ".join(f"{level} {c['with_population']} of {c['regions']}"
                         for level, c in report.get("regions_with_population_2020", {}).items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>minsheng build report</title>
<style>.added{{color:#176317}}.removed{{color:#a00}}.changed{{color:#8a5a00}}td.v{{font-family:monospace;font-size:.9em}}</style>
<style>body{{font-family:sans-serif;margin:2em;max-width:70em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}}
.ok{{color:#176317}}.bad{{color:#a00;font-weight:bold}}</style></head><body>
<h1>minsheng build report</h1>
<p>Status: <b class={'ok' if report.get('status') == 'complete' else 'bad'}>{esc(report.get('status', ''))}</b>.
Code version {esc(str(report.get('code_version')))}; {esc(str(report.get('documents_seen')))} sources.</p>
<h2>What changed</h2>{changes_html(report.get("changes", {}).get("targets"))}
<p>Documents: {esc(json.dumps(changed, ensure_ascii=False))}</p>
<h2>Row counts</h2><table><tr><th>table</th><th>rows</th></tr>{rows}</table>
<p>Regions with a 2020 census population: {esc(coverage)}.</p>
<h2>Validation</h2><table><tr><th>suite / check</th><th>result</th><th>expectations</th><th>failures</th></tr>{''.join(checks)}</table>
<h2>Errors and warnings</h2><ul>{issues}</ul>
</body></html>
"""


CHANGES_SHOWN = 500  # rows per kind in build_report.html; build_report.json keeps them all


def target_changes_summary(previous_targets: pd.DataFrame | None, targets: pd.DataFrame,
                           documents: pd.DataFrame) -> dict:
    """Targets added, removed and changed against the last build, by target_id (release.target_changes):
    counts, and every row with its before and after values (none listed for a first build)."""
    from flows import release  # release imports this module

    if previous_targets is None:
        return {"against": None, "added": len(targets), "removed": 0, "changed": 0, "rows": [],
                "note": "first build in this folder: every target is new"}
    changes = release.target_changes(previous_targets, targets, documents)
    counts = changes["change"].value_counts()
    rows = [{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()}
            for r in changes.to_dict("records")]
    return {"against": "the previous build in this folder", "added": int(counts.get("added", 0)),
            "removed": int(counts.get("removed", 0)), "changed": int(counts.get("changed", 0)), "rows": rows}


def changes_html(summary: dict | None) -> str:
    """The targets added, removed and changed, as a table by target id with before and after values."""
    esc = html.escape
    if not summary:
        return "<p>Targets: no comparison with an earlier build.</p>"
    head = (f"<p>Targets against {esc(summary.get('against') or 'nothing (first build)')}: "
            f"<b class=added>{summary['added']} added</b>, <b class=removed>{summary['removed']} removed</b>, "
            f"<b class=changed>{summary['changed']} changed</b>.")
    if summary.get("note"):
        return head + f" {esc(summary['note'])}.</p>"
    rows = summary.get("rows", [])
    if not rows:
        return head + "</p>"
    body = []
    for kind in ("added", "removed", "changed"):
        part = [r for r in rows if r.get("change") == kind]
        for r in part[:CHANGES_SHOWN]:
            body.append(f"<tr class={kind}><td>{kind}</td><td><code>{esc(str(r.get('target_id')))}</code></td>"
                        f"<td>{esc(str(r.get('source_file') or ''))}</td><td>{esc(str(r.get('indicator') or ''))}</td>"
                        f"<td>{esc(str(r.get('columns_changed') or ''))}</td>"
                        f"<td class=v>{esc(str(r.get('before') or ''))}</td><td class=v>{esc(str(r.get('after') or ''))}</td></tr>")
        if len(part) > CHANGES_SHOWN:
            body.append(f"<tr><td colspan=7>… and {len(part) - CHANGES_SHOWN} more {kind} "
                        f"(all in build_report.json)</td></tr>")
    return (head + "</p><table id=target-changes><tr><th>change</th><th>target_id</th><th>source file</th>"
            "<th>indicator</th><th>columns changed</th><th>before</th><th>after</th></tr>" + "".join(body) + "</table>")


def published_folder(staging: Path) -> Path:
    """The output folder a staging folder (staging_folder's naming) is for."""
    name = staging.name
    if name.startswith(".") and name.endswith(".staging"):
        return staging.parent / name[1:-len(".staging")]
    return staging


# The explorer page holds every document's text in one script file: past this many documents it is
# not written (a browser would not open it); the report says so.
EXPLORER_MAX_DOCUMENTS = 2000


def write_outputs(staging: Path, frames: dict[str, pd.DataFrame], report: dict) -> None:
    """Everything a build publishes from whole tables (the benchmarks and tests; a build writes parts,
    flows/parts.py, and then finish_outputs), into a fresh staging folder."""
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for name, frame in frames.items():
        write_parquet(frame, name, staging / f"{name}.parquet")
    changes = None
    previous = published_folder(Path(staging))
    if previous != Path(staging) and (previous / "targets.parquet").exists():
        changes = {"previous_files": [previous / "targets.parquet"], "previous_documents": [previous / "documents.parquet"],
                   "files": [staging / "targets.parquet"], "documents": [staging / "documents.parquet"]}
    report.setdefault("row_counts", {name: len(frame) for name, frame in frames.items()})
    finish_outputs(staging, report, changes)


def _read_all(files: list[Path], table: str, columns: list[str] | None = None) -> pd.DataFrame:
    frames = [pd.read_parquet(f, columns=columns) for f in files if Path(f).exists()]
    if not frames:
        empty = to_frame(table, [])
        return empty[columns] if columns else empty
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def finish_outputs(staging: Path, report: dict, changes: dict | None) -> None:
    """Beside the tables in `staging`: the DuckDB views, the data dictionary, the explorer, and the
    build report with the targets changed since the last build. `changes` names the Parquet files
    to compare (previous_files/previous_documents against files/documents: the parts that differ
    from the last build, or whole tables), None for a first build."""
    from flows import explorer

    staging = Path(staging)
    write_duckdb(staging)
    (staging / DICTIONARY_NAME).write_text(dictionary_markdown(), encoding="utf-8")
    n_documents = report.get("row_counts", {}).get("documents", 0)
    if n_documents <= EXPLORER_MAX_DOCUMENTS:
        explorer.write_explorer(staging)
        report["explorer"] = "explorer/index.html"
    else:
        report["explorer"] = (f"not written: {n_documents} documents, over the {EXPLORER_MAX_DOCUMENTS} the page "
                              f"holds (every text goes into one script file)")
    if changes is None:
        summary = target_changes_summary(None, pd.DataFrame(index=range(report.get("row_counts", {}).get("targets", 0))),
                                         None)
    else:
        try:
            previous_targets = _read_all(changes["previous_files"], "targets")
            targets = _read_all(changes["files"], "targets")
            # a removed target's document may be gone too: name its file from the last build
            documents = pd.concat([_read_all(changes["previous_documents"], "documents", ["doc_id", "source_file"]),
                                   _read_all(changes["documents"], "documents", ["doc_id", "source_file"])]) \
                .drop_duplicates("doc_id", keep="last")
            summary = target_changes_summary(previous_targets, targets, documents)
        except Exception:  # a damaged earlier file: no comparison rather than no build
            summary = target_changes_summary(None, pd.DataFrame(index=range(report.get("row_counts", {}).get("targets", 0))),
                                             None)
    report.setdefault("changes", {})["targets"] = summary
    write_report(staging, report)


def write_report(folder: Path, report: dict) -> None:
    report.setdefault("regions_with_population_2020", regions.population_coverage())
    (folder / REPORT_JSON).write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    (folder / REPORT_HTML).write_text(report_html(report), encoding="utf-8")


def staging_folder(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.staging"


def recover(out_dir: Path) -> None:
    """Finish an interrupted swap: put the previous outputs back if the new ones never arrived."""
    previous = out_dir.parent / f".{out_dir.name}.previous"
    if previous.exists():
        if out_dir.exists():
            shutil.rmtree(previous)
        else:
            previous.rename(out_dir)


def swap_into_place(staging: Path, out_dir: Path) -> None:
    previous = out_dir.parent / f".{out_dir.name}.previous"
    recover(out_dir)
    if out_dir.exists():
        out_dir.rename(previous)
    staging.rename(out_dir)
    if previous.exists():
        shutil.rmtree(previous)
