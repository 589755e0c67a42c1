"""The whole pipeline on the five seeds, through the real Prefect flow."""
from __future__ import annotations

import duckdb
import pandas as pd

from flows.publish import VIEWS, connect


def test_build_writes_all_tables(seed_build):
    documents = pd.read_parquet(seed_build / "documents.parquet")
    assert sorted(documents["source_file"]) == [
        "000_9b28159ee7d0716d.txt", "001_87eb7983aeb7c71d.txt", "002_a0e8efce3fa665a1.txt",
        "003_eeafe6da93166177.txt", "004_a5d713ce107d1314.txt"]
    by_file = documents.set_index("source_file")
    assert by_file.loc["001_87eb7983aeb7c71d.txt", "doc_number"] == "粤府办〔2023〕20号"
    assert by_file.loc["001_87eb7983aeb7c71d.txt", "region_name"] == "广东省"
    assert by_file.loc["001_87eb7983aeb7c71d.txt", "admin_level"] == "province"
    assert by_file.loc["000_9b28159ee7d0716d.txt", "plan_start_year"] == 2023
    assert by_file.loc["000_9b28159ee7d0716d.txt", "plan_end_year"] == 2027
    assert by_file.loc["000_9b28159ee7d0716d.txt", "script"] == "traditional"
    assert str(by_file.loc["004_a5d713ce107d1314.txt", "issue_date"]) == "2022-08-16"
    assert pd.isna(by_file.loc["003_eeafe6da93166177.txt", "region_name"])
    targets = pd.read_parquet(seed_build / "targets.parquet")
    sections = pd.read_parquet(seed_build / "sections.parquet")
    assert len(targets) > 300 and len(sections) > 100
    assert set(targets["doc_id"]) == set(documents["doc_id"])


def test_every_quote_is_its_span_of_clean_text(seed_build):
    targets = pd.read_parquet(seed_build / "targets.parquet")
    texts = pd.read_parquet(seed_build / "texts.parquet").set_index("doc_id")["clean_text"]
    for row in targets.itertuples():
        assert texts[row.doc_id][row.char_start:row.char_end] == row.quote


def test_duckdb_views_answer(seed_build):
    con = connect(seed_build)
    for view in VIEWS:
        assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0, view
    row = con.execute("""SELECT value, unit, target_year FROM targets_flat
                     WHERE region_name = '广东省' AND indicator LIKE '%城镇新增就业' AND value > 5000000""").fetchone()
    assert row == (5500000.0, "人", 2027)


def test_views_resolve_relative_to_the_data_folder(seed_build, monkeypatch):
    monkeypatch.chdir(seed_build)
    with duckdb.connect("minsheng.duckdb", read_only=True) as con:
        assert con.execute("SELECT count(*) FROM targets").fetchone()[0] > 0


def test_build_report_says_what_was_built_and_renders_offline(seed_build):
    import json
    import re

    report = json.loads((seed_build / "build_report.json").read_text(encoding="utf-8"))
    targets = pd.read_parquet(seed_build / "targets.parquet")
    assert report["status"] == "complete" and report["errors"] == []
    assert report["row_counts"]["targets"] == len(targets) and report["row_counts"]["documents"] == 5
    assert sorted(report["changes"]["added"]) == sorted(report["documents"]) and len(report["documents"]) == 5
    assert {t["table"] for t in report["validation"]["tables"]} >= {"documents", "sections", "targets", "texts"}
    assert all(t["success"] for t in report["validation"]["tables"])
    page = (seed_build / "build_report.html").read_text(encoding="utf-8")
    assert f"<td>targets</td><td>{len(targets)}</td>" in page
    # nothing that a browser would fetch: no scripts, links, images, imports or URLs at all
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(|https?://|//cdn", page, re.I)
