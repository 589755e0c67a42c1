"""The tables of a release in the formats spreadsheet and statistics users open: one CSV file
per table (UTF-8 with a byte-order mark, so that Excel shows Chinese correctly; Stata, R, SPSS,
pandas and DuckDB read it as well) and one Excel workbook with a sheet per table and a sheet
of the data dictionary.

Both are written from the release's Parquet files, with bytes that depend only on the data
(the workbook's zip entries and document properties carry the release day, not the clock),
so two releases of the same build stay identical.

Excel holds at most 32,767 characters in a cell: a longer value (the cleaned text of a long
document) is cut there, ends with TRUNCATION_MARK, and the dictionary sheet says so; the CSV
and Parquet files hold every value whole.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from flows import schema

BOM = b"\xef\xbb\xbf"
CSV_DIR = "csv"
WORKBOOK = "minsheng.xlsx"
EXCEL_CELL_LIMIT = 32_767
TRUNCATION_MARK = " …[cut at Excel's 32,767-character cell limit; the whole text is in {table}.csv and {table}.parquet]"
DICTIONARY_SHEET = "data_dictionary"
# openpyxl refuses control characters other than tab, newline and carriage return in cells
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def csv_name(table: str) -> str:
    return f"{CSV_DIR}/{table}.csv"


def write_csv(parquet: Path, target: Path) -> int:
    """One table as CSV (UTF-8 with BOM, header row, RFC 4180 quoting, empty field = null,
    booleans true/false, dates YYYY-MM-DD); returns the number of rows."""
    table = pq.read_table(parquet)
    buffer = io.BytesIO()
    buffer.write(BOM)
    pacsv.write_csv(table, buffer, pacsv.WriteOptions(include_header=True, quoting_style="needed"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())
    return table.num_rows


def write_csvs(folder: Path) -> dict[str, int]:
    """folder/csv/<table>.csv for every table of the schema; rows per table."""
    return {name: write_csv(folder / f"{name}.parquet", folder / csv_name(name)) for name in schema.TABLES}


def _cell_text(value: str, table: str, column: str, cut: dict) -> str:
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("\ufffd", value)
    if len(value) > EXCEL_CELL_LIMIT:
        mark = TRUNCATION_MARK.format(table=table)
        value = value[: EXCEL_CELL_LIMIT - len(mark)] + mark
        cut[(table, column)] = cut.get((table, column), 0) + 1
    return value


def _rows(table: pa.Table, name: str, cut: dict):
    columns = table.column_names
    for batch in table.to_batches(max_chunksize=2000):
        for record in batch.to_pylist():
            row = []
            for column in columns:
                value = record[column]
                if isinstance(value, str):
                    value = _cell_text(value, name, column, cut)
                elif isinstance(value, float) and value != value:
                    value = None
                row.append(value)
            yield row


def write_workbook(folder: Path, target: Path, dictionary: list[tuple[str, str, str, str]], released: dt.date) -> dict:
    """One sheet per table (header row, frozen) and a sheet of the data dictionary; returns
    {"sheets": [...], "truncated": {"table.column": cells cut}}."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    stamp = dt.datetime(released.year, released.month, released.day)
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "minsheng"
    workbook.properties.title = "minsheng: targets in Chinese local livelihood (民生) policy documents"
    bold = Font(bold=True)
    cut: dict = {}
    sheets = []
    for name in schema.TABLES:
        table = pq.read_table(folder / f"{name}.parquet")
        sheet = workbook.create_sheet(title=name[:31])
        sheet.freeze_panes = "A2"
        header = []
        for column in table.column_names:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in _rows(table, name, cut):
            cells = []
            for value in row:
                if isinstance(value, str) and value.startswith("="):  # text, never a formula
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
        sheets.append(name)
    truncated = {f"{t}.{c}": n for (t, c), n in sorted(cut.items())}

    sheet = workbook.create_sheet(title=DICTIONARY_SHEET)
    notes = [
        "Every table of the release is a sheet of this workbook; the Parquet and CSV files hold the same rows.",
        f"Excel holds at most {EXCEL_CELL_LIMIT:,} characters in a cell: longer values end with "
        f"'{TRUNCATION_MARK.strip().format(table='<table>')}'"
        + (" (cut here: " + ", ".join(f"{k} in {v} row(s)" for k, v in truncated.items()) + ")."
           if truncated else " (no value of this release is that long)."),
    ]
    for note in notes:
        sheet.append([note])
    sheet.append([])
    header = []
    for label in ("table", "column", "type", "description"):
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in dictionary:
        sheet.append([_cell_text(str(v), DICTIONARY_SHEET, "description", cut) for v in row])
    sheets.append(DICTIONARY_SHEET)

    buffer = io.BytesIO()
    workbook.save(buffer)
    target.write_bytes(_deterministic_zip(buffer.getvalue(), stamp))
    return {"sheets": sheets, "truncated": truncated}


def _deterministic_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same workbook bytes for the same content: fixed entry times, fixed document dates."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                                 lambda m: m.group(1) + iso.encode() + m.group(3), content)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def dictionary_rows() -> list[tuple[str, str, str, str]]:
    """(table, column, type, description) for every column of every table."""
    rows = []
    for name, table in schema.TABLES.items():
        rows.append((name, "", "", table.description))
        for field in schema.frictionless_schema(table)["fields"]:
            rows.append((name, field["name"], field.get("type", ""), field.get("description", "")))
    return rows


def csv_resource(name: str, parquet_resource: dict, sha256: str, rows: int) -> dict:
    """The datapackage.json resource of a table's CSV file: the Parquet resource's schema
    (its foreign keys are checked once, on the Parquet resources)."""
    table_schema = {k: v for k, v in parquet_resource["schema"].items() if k != "foreignKeys"}
    table_schema["missingValues"] = [""]  # an empty field is a null
    # CSV cannot tell an empty string (a section with an empty label) from a missing value, so a
    # required text column is not required here; the Parquet resource checks it.
    fields = []
    for field in table_schema["fields"]:
        constraints = dict(field.get("constraints", {}))
        if field["type"] == "string" and constraints.pop("required", None) is not None:
            field = {**field, "constraints": constraints} if constraints else \
                {k: v for k, v in field.items() if k != "constraints"}
        fields.append(field)
    table_schema["fields"] = fields
    return {"name": f"{name}_csv", "path": csv_name(name), "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig", "description": f"{parquet_resource['description']} (CSV, UTF-8 with BOM)",
            "hash": f"sha256:{sha256}", "rows": rows, "schema": table_schema}
