"""The parts of a build taken together, once every batch has written its own.

    cross_checks(folder)     the checks that span parts, in DuckDB over every part: keys unique,
                             every doc_id a document, every region code a region
    compact((folder, table, keys))
                             the parts of one table into <table>.parquet, a part at a time
    write_reference((folder, used_units))
                             the reference tables (regions, indicators, units), validated

The per-batch side (plan, batches, the parts index) is flows/parts.py.
"""
from __future__ import annotations

from pathlib import Path

from flows import schema
from flows.parts import DOCUMENT_TABLES, PARTS_DIR, give_back_memory, part_path


def _glob(folder: Path, table: str) -> str:
    return str(Path(folder) / PARTS_DIR / table / "*.parquet").replace("'", "''")


def cross_checks(folder: Path, regions_file: Path | None = None) -> list[dict]:
    """Checks that span parts, in DuckDB over every part (a few columns at a time): each table's
    unique columns unique across parts, every doc_id a document, every region code a region."""
    import duckdb

    from flows import validate

    folder = Path(folder)
    present = {t for t in DOCUMENT_TABLES if any((folder / PARTS_DIR / t).glob("*.parquet"))}
    checks = []
    with duckdb.connect() as con:
        con.execute("SET threads = 2")
        con.execute("SET memory_limit = '512MB'")
        con.execute("SET preserve_insertion_order = false")
        for table in DOCUMENT_TABLES:
            if table not in present:
                continue
            for expectation in validate.load_suite(table)["expectations"]:
                if expectation["type"] != "expect_column_values_to_be_unique":
                    continue
                column = expectation["kwargs"]["column"]
                bad = [r[0] for r in con.execute(
                    f'SELECT "{column}" FROM read_parquet(\'{_glob(folder, table)}\') WHERE "{column}" IS NOT NULL '
                    f'GROUP BY ALL HAVING count(*) > 1 ORDER BY 1 LIMIT 5').fetchall()]
                checks.append({"check": f"{table}.{column} unique across parts", "success": not bad,
                               "unexpected_count": len(bad), "examples": bad})
        if "documents" in present:
            for table in ("targets", "sections", "texts"):
                if table not in present:
                    continue
                orphans = [r[0] for r in con.execute(
                    f"SELECT DISTINCT doc_id FROM read_parquet('{_glob(folder, table)}') "
                    f"WHERE doc_id NOT IN (SELECT doc_id FROM read_parquet('{_glob(folder, 'documents')}')) "
                    f"ORDER BY 1 LIMIT 5").fetchall()]
                checks.append({"check": f"{table}.doc_id in documents", "success": not orphans,
                               "unexpected_count": len(orphans), "examples": orphans})
            if regions_file is not None:
                regions_sql = str(regions_file).replace("'", "''")
                unknown = [r[0] for r in con.execute(
                    f"SELECT DISTINCT region_code FROM read_parquet('{_glob(folder, 'documents')}') "
                    f"WHERE region_code IS NOT NULL AND region_code NOT IN (SELECT code FROM read_parquet('{regions_sql}')) "
                    f"ORDER BY 1 LIMIT 5").fetchall()]
                checks.append({"check": "documents.region_code in regions", "success": not unknown,
                               "unexpected_count": len(unknown), "examples": unknown})
    return checks


# Rows per row group of the compacted files: fixed, so that their bytes depend on the rows only,
# not on how the documents were batched (texts: whole documents, so fewer rows per group).
ROW_GROUP_ROWS = {"texts": 500}
DEFAULT_ROW_GROUP_ROWS = 100_000


def compact(argument) -> int:
    """The parts of one table, in batch order, into one Parquet file with the writer options of every
    other file, in row groups of a fixed number of rows: a part at a time (plus at most a row
    group's worth of rows) in memory; returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder, table, keys = argument
    folder = Path(folder)
    arrow_schema = schema.arrow_schema(schema.TABLES[table])
    group = ROW_GROUP_ROWS.get(table, DEFAULT_ROW_GROUP_ROWS)
    target = folder / f"{table}.parquet"
    rows, pending, pending_rows = 0, [], 0
    with pq.ParquetWriter(target, arrow_schema, compression="zstd", write_statistics=True,
                          use_dictionary=True) as writer:
        for key in keys:
            part = pq.read_table(part_path(folder, table, key), schema=arrow_schema)
            if not part.num_rows:
                continue
            pending.append(part)
            pending_rows += part.num_rows
            rows += part.num_rows
            while pending_rows >= group:
                joined = pa.concat_tables(pending)
                writer.write_table(joined.slice(0, group), row_group_size=group)
                rest = joined.slice(group)
                pending, pending_rows = ([rest] if rest.num_rows else []), rest.num_rows
        if pending_rows:
            writer.write_table(pa.concat_tables(pending), row_group_size=group)
        if rows == 0:
            writer.write_table(arrow_schema.empty_table())
    del pending
    give_back_memory()
    return rows


def write_reference(argument) -> dict:
    """The reference tables (regions, indicators, units) into `folder`, validated."""
    from flows import indicators, publish, regions, units, validate

    folder, used_units = argument
    rows = {"regions": regions.table_rows(), "indicators": indicators.table_rows(),
            "units": units.table_rows([{"unit": u, "unit_kind": k} for u, k in used_units])}
    results, counts = [], {}
    for name, table_rows in rows.items():
        frame = publish.to_frame(name, table_rows)
        publish.write_parquet(frame, name, Path(folder) / f"{name}.parquet")
        results.append(validate.validate_frame(name, frame, validate.load_suite(name)).__dict__)
        counts[name] = len(frame)
    return {"rows": counts, "validation": results}
