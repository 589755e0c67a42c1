"""The round trip `minsheng fetch` -> `minsheng build` end to end, against the local web site
(tests/local_site.py, 127.0.0.1 only): web pages, a PDF and a Word file become documents with
their URL, retrieval time and snapshot sha256; a portal's metadata table fills what the text
does not say (metadata_sources = page); a scan is a per-document error; a changed page is a new
snapshot under the same doc_id; the build report says what the fetch found."""
from __future__ import annotations

import json

import pandas as pd

from flows import cli, publish, registry
from local_site import Site, make_docx, make_pdf
import portal_pages

FETCH = ["--interval", "0", "--timeout", "2", "--attempts", "2", "--backoff", "0.05"]


def test_fetch_then_build_round_trip(tmp_path, capsys):
    pages = {p.name: p for p in portal_pages.pages()}
    lines = portal_pages.seed_lines(portal_pages.YC, 20, 6)
    with Site() as site:
        site.routes.update({
            "/zwgk/plan.html": {"body": pages["govcn_policy_library"].body, "validators": True},
            "/gbk/opinion.html": {"body": pages["county_trs_gbk"].body},
            "/files/opinion.pdf": {"body": make_pdf(lines), "type": "application/pdf"},
            "/files/list.docx": {"body": make_docx(["2024年民生实事项目", "各牵头单位要确保年底前全部完成。"],
                                                   [["序号", "项目", "牵头单位"], ["1", "新增城镇就业2.7万人", "市人社局"]])},
            "/files/scan.pdf": {"body": make_pdf(lines, scanned=True)},
        })
        raw, out = tmp_path / "raw", tmp_path / "curated"
        registry.write_registry(raw, [
            {"source_id": "gd-plan", "url": site.url("/zwgk/plan.html"), "publisher": "test portal",
             "region_name": "广东省", "admin_level": "province", "doc_type": "action_plan"},
            {"source_id": "yc-opinion-page", "url": site.url("/gbk/opinion.html"), "publisher": "test county site"},
            {"source_id": "yc-opinion-pdf", "url": site.url("/files/opinion.pdf")},
            {"source_id": "list-docx", "url": site.url("/files/list.docx"), "year": "2024",
             "doc_type": "practical_matters_list"},
            {"source_id": "scan", "url": site.url("/files/scan.pdf")},
            {"source_id": "gone", "url": site.url("/gone.html")},
        ])
        assert cli.main(["fetch", "--raw", str(raw)] + FETCH) == 1  # one URL failed, the rest fetched
        assert "fetched: failed 1, new 5" in capsys.readouterr().out
        assert cli.main(["build", "--raw", str(raw), "--out", str(out)]) == 1  # incomplete: the scan

        report = json.loads((out / publish.REPORT_JSON).read_text(encoding="utf-8"))
        sources = registry.read_registry(raw)
        rows = {r["source_id"]: r for r in sources}
        scan_file = registry.snapshot_relpath(rows["scan"]["sha256"], "pdf")
        assert report["errors"] == [f"{scan_file}: a PDF with no text layer (1 page(s) of images: a scan?); "
                                    "OCR is not done, so it cannot be read"]
        assert report["fetch"]["sources"] == {"new": ["gd-plan", "list-docx", "scan", "yc-opinion-page",
                                                      "yc-opinion-pdf"], "failed": ["gone"]}
        documents = pd.read_parquet(out / "documents.parquet").set_index("source_id")
        assert sorted(documents.index) == ["gd-plan", "list-docx", "yc-opinion-page", "yc-opinion-pdf"]
        for sid, fmt in (("gd-plan", "html"), ("yc-opinion-page", "html"), ("yc-opinion-pdf", "pdf"),
                         ("list-docx", "docx")):
            doc = documents.loc[sid]
            assert doc["source_format"] == fmt
            assert doc["source_url"] == rows[sid]["url"] and doc["retrieved_at"] == rows[sid]["retrieved_at"]
            assert doc["sha256"] == rows[sid]["sha256"]
            assert doc["source_file"] == registry.snapshot_relpath(rows[sid]["sha256"], fmt)
        plan = documents.loc["gd-plan"]
        assert plan["doc_number"] == "粤府办〔2023〕20号" and plan["issuer"] == "广东省人民政府办公厅"
        assert json.loads(plan["metadata_sources"])["doc_number"] == "page"
        assert documents.loc["yc-opinion-page"]["encoding"] == "gb18030"
        assert pd.isna(documents.loc["yc-opinion-pdf"]["encoding"])
        targets = pd.read_parquet(out / "targets.parquet")
        by_doc = targets.groupby("doc_id").size()
        assert by_doc.get(plan["doc_id"], 0) > 0 and by_doc.get(documents.loc["list-docx"]["doc_id"], 0) > 0
        texts = pd.read_parquet(out / "texts.parquet").set_index("doc_id")["clean_text"]
        assert "ICP备" not in texts[plan["doc_id"]] and "当前位置" not in texts[plan["doc_id"]]
        first_ids = dict(zip(documents.index, documents["doc_id"]))
        first_targets = set(targets["target_id"])

        # the portal changes the page: a new snapshot, the same doc_id, the old snapshot kept
        changed = pages["govcn_policy_library"].body.replace("。".encode(), "。\n".encode(), 1)
        site.routes["/zwgk/plan.html"]["body"] = changed
        del site.routes["/files/scan.pdf"]  # and the scan is withdrawn (404): its old snapshot stays current
        assert cli.main(["fetch", "--raw", str(raw)] + FETCH) == 1
        assert cli.main(["build", "--raw", str(raw), "--out", str(out)]) == 1
        report = json.loads((out / publish.REPORT_JSON).read_text(encoding="utf-8"))
        assert report["fetch"]["sources"] == {"changed": ["gd-plan"], "failed": ["gone", "scan"],
                                              "unchanged": ["list-docx", "yc-opinion-page", "yc-opinion-pdf"]}
        rows_after = {r["source_id"]: r for r in registry.read_registry(raw)}
        assert (raw / registry.snapshot_relpath(rows["gd-plan"]["sha256"], "html")).exists()
        assert [h["sha256"] for h in registry.read_history(raw) if h["source_id"] == "gd-plan"] == \
            [rows["gd-plan"]["sha256"], rows_after["gd-plan"]["sha256"]]
        documents = pd.read_parquet(out / "documents.parquet").set_index("source_id")
        assert dict(zip(documents.index, documents["doc_id"])) == first_ids
        assert documents.loc["gd-plan"]["sha256"] == rows_after["gd-plan"]["sha256"]
        # the same sentences keep their target_ids across the new snapshot
        assert first_targets & set(pd.read_parquet(out / "targets.parquet")["target_id"]) == first_targets
