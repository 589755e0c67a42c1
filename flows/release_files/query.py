"""Query this release of the minsheng dataset with DuckDB, from any working directory.

    python path/to/this/folder/query.py "SELECT * FROM targets_flat LIMIT 5"

or, in Python:

    import sys; sys.path.insert(0, "path/to/this/folder")
    from query import connect
    con = connect()
    con.sql("SELECT domain, count(*) FROM targets GROUP BY ALL").show()

Needs only the `duckdb` package. The views in minsheng.duckdb name the Parquet files
beside it by relative path, and DuckDB resolves such paths against the process's current
directory, not the database file's folder; `connect` points DuckDB's file_search_path at
this folder so the views answer wherever you are.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent


def connect() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(HERE / "minsheng.duckdb"), read_only=True)
    con.execute("SET file_search_path = '{}'".format(str(HERE).replace("'", "''")))
    return con


if __name__ == "__main__":
    sql = " ".join(sys.argv[1:]) or "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal ORDER BY 1"
    connect().sql(sql).show(max_width=200)
