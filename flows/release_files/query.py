"""Query this release of the minsheng dataset with DuckDB, from any working directory.

    python path/to/this/folder/query.py "SELECT * FROM targets_flat LIMIT 5"

or, in Python:

    import sys; sys.path.insert(0, "path/to/this/folder")
    from query import connect
    con = connect()
    con.sql("SELECT domain, count(*) FROM targets GROUP BY ALL").show()

Needs only the `duckdb` package. The views in minsheng.duckdb name the Parquet files
beside it by relative path, and DuckDB resolves such paths against the process's current
directory, not the database file's folder. `connect` opens the file read-only and lays
over each stored view a temporary view of the same name and SQL whose Parquet files are
named by absolute path, so the views answer wherever you are and whatever characters the
folder's path holds (DuckDB's file_search_path cannot: it splits at commas).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
DATABASE = "minsheng.duckdb"
_RELATIVE_PARQUET = re.compile(r"read_parquet\('([^'/\\]+\.parquet)'\)")


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(folder: Path | str = HERE, failures: dict | None = None) -> duckdb.DuckDBPyConnection:
    """The folder's minsheng.duckdb, read-only, its views answering from any working directory.

    A view that cannot be opened (a Parquet file missing or damaged) raises, or, when a dict
    is given as `failures`, is recorded there (view name -> error) and left as stored."""
    folder = Path(folder).resolve()
    con = duckdb.connect(str(folder / DATABASE), read_only=True)
    stored = con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND NOT temporary "
                         "AND database_name = current_database() ORDER BY view_name").fetchall()
    pending = {}
    for name, sql in stored:
        absolute = _RELATIVE_PARQUET.sub(lambda m: f"read_parquet({_sql_string(str(folder / m.group(1)))})", sql)
        pending[name] = re.sub(r"^\s*CREATE\s+VIEW\b", "CREATE OR REPLACE TEMPORARY VIEW", absolute, count=1,
                               flags=re.IGNORECASE)
    # Views may read other views (cascade reads compare): create until a pass creates nothing more.
    errors: dict = {}
    while pending:
        before, errors = len(pending), {}
        for name, sql in list(pending.items()):
            try:
                con.execute(sql)
                del pending[name]
            except duckdb.Error as error:
                errors[name] = error
        if len(pending) == before:
            break
    if errors and failures is None:
        name, error = next(iter(errors.items()))
        con.close()
        raise duckdb.Error(f"{folder / DATABASE}: view {name} cannot be opened "
                           f"({str(error).splitlines()[0]})") from error
    if failures is not None:
        failures.update(errors)
    return con


if __name__ == "__main__":
    sql = " ".join(sys.argv[1:]) or ("SELECT view_name, comment FROM duckdb_views() "
                                     "WHERE NOT internal AND NOT temporary ORDER BY 1")
    connect().sql(sql).show(max_width=200)
