"""`minsheng fetch`: the registry, the snapshot store and polite fetching, against a local web
site on 127.0.0.1 (tests/local_site.py). No test reaches the internet."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from flows import fetch, registry
from local_site import Site, make_docx, make_pdf
import portal_pages

FAST = fetch.FetchOptions(timeout=0.6, max_bytes=256 * 1024, min_interval=0.0, attempts=3, backoff=0.05)


def portal(name: str) -> portal_pages.Page:
    return next(p for p in portal_pages.pages() if p.name == name)


def write_registry(raw: Path, rows: list[dict]) -> None:
    registry.write_registry(raw, [{"licence": "test page", **row} for row in rows])


def rows_by_id(raw: Path) -> dict[str, dict]:
    return {row["source_id"]: row for row in registry.read_registry(raw)}


@pytest.fixture
def site():
    with Site() as s:
        yield s


def serve_everything(site: Site, changing: dict) -> list[dict]:
    lines = portal_pages.seed_lines(portal_pages.GD, 17, 6)
    site.routes.update({
        "/zwgk/plan.html": {"body": portal("govcn_policy_library").body, "validators": True},
        "/gbk/page.html": {"body": portal("county_trs_gbk").body, "type": "text/html"},
        "/old/path.html": {"redirect": "/new/path.html"},
        "/new/path.html": {"body": portal("dl_metadata_zoom").body},
        "/flaky.html": {"body": portal("city_ul_view").body, "fail_first": 1},
        "/slow.html": {"body": portal("mobile_article").body, "delay": 2.0},
        "/huge.html": {"body": b"<html><body>" + b"x" * (1024 * 1024) + b"</body></html>"},
        "/huge-stream.html": {"body": b"<html><body>" + b"y" * (1024 * 1024) + b"</body></html>", "stream": True},
        "/changing.html": {"body": lambda: changing["body"], "validators": True},
        "/private/secret.html": {"body": portal("news_repost").body},
        "/files/plan.pdf": {"body": make_pdf(lines), "type": "application/octet-stream"},
        "/files/plan.docx": {"body": make_docx(lines[:3], [["指标", "2027年"], ["新增城镇就业（万人）", "[550]"]]),
                             "type": "application/octet-stream"},
    })
    ids = {"plan": "/zwgk/plan.html", "gbk": "/gbk/page.html", "moved": "/old/path.html", "missing": "/missing.html",
           "flaky": "/flaky.html", "slow": "/slow.html", "huge": "/huge.html", "huge-stream": "/huge-stream.html",
           "changing": "/changing.html", "private": "/private/secret.html", "pdf": "/files/plan.pdf",
           "docx": "/files/plan.docx"}
    return [{"source_id": sid, "url": site.url(path), "publisher": "127.0.0.1 test site"} for sid, path in ids.items()]


def test_fetch_every_case_and_fetch_again(site, tmp_path):
    raw = tmp_path / "raw"
    changing = {"body": portal("article_con_gbk").body}
    write_registry(raw, serve_everything(site, changing))
    report = fetch.fetch_all(raw, FAST, log=lambda *_: None)
    outcomes = {o.source_id: o for o in report.outcomes}
    assert {k: o.status for k, o in outcomes.items()} == {
        "plan": "new", "gbk": "new", "moved": "new", "missing": "failed", "flaky": "new", "slow": "failed",
        "huge": "failed", "huge-stream": "failed", "changing": "new", "private": "failed", "pdf": "new", "docx": "new"}
    assert "HTTP 404" in outcomes["missing"].error
    assert outcomes["flaky"].attempts == 2  # a 500, retried, then the page
    assert "timed out" in outcomes["slow"].error and "after 3 attempts" in outcomes["slow"].error
    assert "too large" in outcomes["huge"].error and "too large" in outcomes["huge-stream"].error
    assert "robots.txt" in outcomes["private"].error
    assert site.hits.get("/private/secret.html") is None  # never asked for
    assert all("minsheng" in r["ua"] for r in site.requests)

    rows = rows_by_id(raw)
    assert rows["moved"]["final_url"] == site.url("/new/path.html")
    assert rows["gbk"]["format"] == "html" and rows["pdf"]["format"] == "pdf" and rows["docx"]["format"] == "docx"
    assert rows["missing"]["fetch_status"] == "failed" and rows["missing"]["sha256"] == ""
    for sid in ("plan", "gbk", "pdf", "docx"):
        row = rows[sid]
        path = raw / registry.snapshot_relpath(row["sha256"], row["format"])
        assert path.read_bytes() == site.routes[{"plan": "/zwgk/plan.html", "gbk": "/gbk/page.html",
                                                   "pdf": "/files/plan.pdf", "docx": "/files/plan.docx"}[sid]]["body"]
        sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert sidecar["sha256"] == row["sha256"] and sidecar["url"] == row["url"]
        assert sidecar["n_bytes"] == path.stat().st_size and sidecar["retrieved_at"] == row["retrieved_at"]
    assert rows["plan"]["etag"] and rows["plan"]["last_modified"]
    report_file = json.loads((raw / registry.FETCH_REPORT_NAME).read_text(encoding="utf-8"))
    assert report_file["counts"] == {"new": 7, "failed": 5}

    # second run: the unchanged page is asked for conditionally (304), the changed page is a new snapshot
    first_changing = rows["changing"]["sha256"]
    old_snapshot = raw / registry.snapshot_relpath(first_changing, "html")
    old_bytes = old_snapshot.read_bytes()
    changing["body"] = portal("article_con_gbk").body.replace("江门".encode("gb18030"), "江海".encode("gb18030"))
    site.requests.clear()
    report = fetch.fetch_all(raw, FAST, only=["plan", "changing", "gbk"], log=lambda *_: None)
    assert {o.source_id: o.status for o in report.outcomes} == {"plan": "not_modified", "changing": "changed",
                                                                "gbk": "unchanged"}
    plan_request = next(r for r in site.requests if r["path"] == "/zwgk/plan.html")
    assert plan_request["if_none_match"] == rows["plan"]["etag"]
    rows = rows_by_id(raw)
    assert rows["changing"]["sha256"] != first_changing
    assert old_snapshot.read_bytes() == old_bytes  # never overwritten
    history = [h for h in registry.read_history(raw) if h["source_id"] == "changing"]
    assert [h["sha256"] for h in history] == [first_changing, rows["changing"]["sha256"]]


def test_rate_limit_per_host(site, tmp_path):
    raw = tmp_path / "raw"
    site.routes.update({f"/p{n}.html": {"body": portal("news_repost").body} for n in range(3)})
    write_registry(raw, [{"source_id": f"p{n}", "url": site.url(f"/p{n}.html")} for n in range(3)])
    fetch.fetch_all(raw, fetch.FetchOptions(timeout=2, min_interval=0.3, attempts=1), log=lambda *_: None)
    times = [r["time"] for r in site.requests]  # robots.txt, then three pages
    assert len(times) == 4
    assert all(b - a >= 0.28 for a, b in zip(times, times[1:]))


def test_unreachable_host_is_a_per_url_error(tmp_path):
    raw = tmp_path / "raw"
    write_registry(raw, [{"source_id": "closed", "url": "http://127.0.0.1:9/x.html"}])  # the discard port: refused
    report = fetch.fetch_all(raw, FAST, log=lambda *_: None)
    [outcome] = report.outcomes
    assert outcome.status == "failed" and "robots.txt" in outcome.error


def test_registry_is_checked_and_written_deterministically(tmp_path):
    raw = tmp_path / "raw"
    rows = [{"source_id": "b", "url": "https://example.gov.cn/b.html", "region_code": "440700"},
            {"source_id": "a", "file": "a.txt", "note": "逗号, 引号\" 和换行\n"}]
    registry.write_registry(raw, rows)
    first = (raw / "sources.csv").read_bytes()
    registry.write_registry(raw, list(reversed(registry.read_registry(raw))))
    assert (raw / "sources.csv").read_bytes() == first
    with open(raw / "sources.csv", encoding="utf-8", newline="") as handle:
        assert [r["source_id"] for r in csv.DictReader(handle)] == ["a", "b"]
    for bad, message in (({"source_id": "x y", "url": "https://a"}, "source_id"),
                         ({"source_id": "x"}, "needs a url or a file"),
                         ({"source_id": "x", "url": "ftp://a/b"}, "not http"),
                         ({"source_id": "x", "url": "https://a", "doc_type": "poem"}, "doc_type")):
        with pytest.raises(registry.RegistryError, match=message):
            registry.write_registry(tmp_path / "bad", [bad])
    with pytest.raises(registry.RegistryError, match="already used"):
        registry.write_registry(tmp_path / "bad", [rows[0], rows[0]])


def test_the_repository_registry_is_valid(root):
    rows = registry.read_registry(root / "raw")
    seeds = [r for r in rows if r["file"]]
    assert len(seeds) == 5 and all((root / "raw" / r["file"]).exists() for r in seeds)
    assert all(r["source_id"] == r["file"] for r in seeds)  # the seeds keep the ids they had
    assert len([r for r in rows if r["url"]]) >= 20
    assert "/raw/snapshots/" in (root / ".gitignore").read_text(encoding="utf-8")  # page texts stay out of git


def test_doc_id_comes_from_identity_not_file_name():
    from flows.pipeline import doc_id_for

    sha = "ab" * 32
    assert doc_id_for(sha, {"source_id": "gd-plan"}) == doc_id_for("cd" * 32, {"source_id": "gd-plan"})
    assert doc_id_for(sha, {"source_url": "HTTP://Example.gov.cn:80/a.html#top"}) == \
        doc_id_for(sha, {"source_url": "http://example.gov.cn/a.html"})
    assert doc_id_for(sha, {}) == doc_id_for(sha, {"source_file": "renamed.txt"})
    assert doc_id_for(sha, {}) != doc_id_for("cd" * 32, {})
    assert doc_id_for(sha, {"source_id": "a"}) != doc_id_for(sha, {"source_id": "b"})
    # the seeds: a registry id equal to the received file name keeps the id of releases before the registry
    import hashlib
    assert doc_id_for(sha, {"source_id": "000_9b28159ee7d0716d.txt"}) == \
        hashlib.sha256(b"000_9b28159ee7d0716d.txt").hexdigest()[:16]
