"""Readers by format (flows/readers.py): chosen by the bytes, not the name; portal pages' main text
and metadata table; PDF text layer (a scan is a clear error); Word files."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from flows import readers
from flows.ingest import SourceError
from local_site import make_docx, make_pdf
import portal_pages

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_readers import overlap  # noqa: E402


@pytest.mark.parametrize("page", portal_pages.pages(), ids=lambda p: p.name)
def test_portal_page_main_text_matches_the_hand_trimmed_text(page):
    reading = readers.read_bytes(page.body, page.name)
    assert reading.format == "html"
    assert reading.encoding == ("gb18030" if page.encoding == "gbk" else "utf-8")
    precision, recall, f1 = overlap(page.gold, reading.text)
    assert recall >= 0.99 and precision >= 0.95, (precision, recall)
    for clutter in ("当前位置", "ICP备", "网站标识码", "分享到", "相关文件", "打印本页", "索引号"):
        assert clutter not in reading.text
    for key, value in page.metadata.items():
        if key in ("doc_number", "issuer", "issue_date"):
            assert reading.page_metadata[key] == value, key


def test_format_is_sniffed_from_the_bytes():
    pdf = make_pdf(["到2025年，新增城镇就业5万人。"])
    assert readers.sniff(pdf) == "pdf"
    assert readers.sniff(make_docx(["一、总体要求"])) == "docx"
    assert readers.sniff("<!DOCTYPE html><html><body>x</body></html>".encode()) == "html"
    assert readers.sniff("\ufeff  <html lang=zh>".encode("utf-8")) == "html"
    assert readers.sniff("一、总体要求\n到2025年".encode("gb18030")) == "text"
    assert readers.sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "doc"
    with pytest.raises(SourceError, match="legacy Word"):
        readers.read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc")
    with pytest.raises(SourceError, match="an image"):
        readers.read_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "scan.png")


def test_pdf_text_layer_and_scanned_pdf():
    lines = ["关于印发2024年民生实事项目的通知", "到2025年，全市新增城镇就业5万人，养老机构护理型床位占比达到60%。"]
    reading = readers.read_bytes(make_pdf(lines), "a.pdf")
    assert reading.format == "pdf" and reading.encoding is None
    assert overlap("\n".join(lines), reading.text)[2] == 1.0
    with pytest.raises(SourceError, match="no text layer"):
        readers.read_bytes(make_pdf(lines * 5, scanned=True), "scan.pdf")
    with pytest.raises(SourceError, match="damaged PDF"):
        readers.read_bytes(b"%PDF-1.7\n garbage", "broken.pdf")


def test_docx_paragraphs_and_tables_in_order():
    data = make_docx(["一、主要目标", "二、重点任务"], [["指标", "2025年"], ["新增城镇就业（万人）", "5"]])
    reading = readers.read_bytes(data, "a.docx")
    assert reading.format == "docx"
    assert reading.text == "一、主要目标\n| 指标 | 2025年 |\n| 新增城镇就业（万人） | 5 |\n二、重点任务"


def test_error_page_is_a_clear_error():
    page = "<html><head><title>404 页面不存在</title></head><body><div class=nav><a>首页</a></div></body></html>"
    with pytest.raises(SourceError, match="no main text.*404"):
        readers.read_bytes(page.encode(), "x.html")


@pytest.mark.parametrize("info_line", [
    '<div class="small-title"><span>发布日期：2024-03-05</span><span>信息来源：县发改局</span></div>',
    '<div class="article-attr"><span class="date">发布日期：<b>2024-03-05 09:30:00</b></span>'
    '<span>访问量：<b>12</b></span></div>',
])
def test_a_thin_info_line_in_the_articles_own_div_takes_only_itself_away(info_line):
    # Real portals (a provincial 发改委 site, a county 集约化 site) put 发布日期/信息来源 in a small div
    # inside the same div as a short article; the metadata is read, the article is kept (the page
    # is invented, in that shape).
    body = ("<p>　　1-2月，全县新开工项目12个，完成投资8.6亿元，同比增长11.2%；其中民生项目5个，"
            "完成投资2.1亿元，涉及养老服务、学校扩建和农村供水，总体保持平稳增长态势。（县发改局）</p>")
    page = ('<html><head><meta charset="utf-8"><title>1-2月全县项目投资平稳增长</title></head><body>'
            '<div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a><a href="/zwdt/">政务动态</a></div>'
            f'<div class="con"><p class="con-title">1-2月全县项目投资平稳增长</p>{info_line}'
            f'<div class="main-txt" id="zoom">{body}</div>'
            '<div class="share">分享到：微信 微博</div></div>'
            '<div class="footer">主办：某县人民政府 网站标识码：0000000000 某ICP备00000000号</div></body></html>')
    reading = readers.read_html(page.encode("utf-8"))
    assert "新开工项目12个" in reading.text and "（县发改局）" in reading.text
    assert "网站标识码" not in reading.text and "分享到" not in reading.text
    assert reading.page_metadata["published_date"] == "2024-03-05"
