"""Readers by format: the text (and, for a portal page, the metadata) of one source's bytes.

The format is sniffed from the bytes, never from a file name or a server's Content-Type:

    text   plain text in UTF-8, UTF-16 or GB18030/GBK (decoded as flows.ingest.decode does)
    html   a web page: the portal's main text (no navigation, breadcrumb, share buttons,
           related links or footer) and its 信息公开 metadata table (索引号, 发文机关,
           成文日期, 发文字号, 主题分类...) as page metadata
    pdf    a PDF with a text layer (pypdfium2); a PDF without one (a scan) is a clear error
    docx   a Word file (python-docx): paragraphs and tables in document order

Everything else (legacy .doc, images, archives) is refused with the reason. Tables in
pages and Word files become lines of `| cell | cell |`, the shape the extractor reads.
The choice of libraries was measured (benchmarks/bench_readers.py, README "Sources").
"""
from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field

from flows.ingest import SourceError, decode

FORMATS = ("text", "html", "pdf", "docx")
EXTENSIONS = {"text": "text", "html": "html", "pdf": "pdf", "docx": "docx"}  # snapshot file endings

# Labels of a portal's metadata table (政府信息公开 / 信息公开目录) -> page metadata key.
PAGE_LABELS = {
    "索引号": "index_no", "主题分类": "topic", "分类": "topic", "主题词": "keywords",
    "发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "发布单位": "issuer", "信息来源": "issuer",
    "成文日期": "issue_date", "印发日期": "issue_date", "发布日期": "published_date", "公开日期": "published_date",
    "发文字号": "doc_number", "文号": "doc_number", "发文号": "doc_number",
    "标题": "title", "名称": "title", "文件名称": "title",
    "有效性": "validity", "时效": "validity",
}
# <meta name=...> tags many portals carry (the national standard for government websites).
META_TAGS = {"articletitle": "title", "pubdate": "published_date", "contentsource": "issuer"}
# page metadata -> documents field it may fill (metadata_sources says "page")
PAGE_FIELDS = {"title": "title", "doc_number": "doc_number", "issuer": "issuer", "issue_date": "issue_date"}


@dataclass(frozen=True)
class Reading:
    text: str
    format: str
    encoding: str | None  # None for PDF and Word files: their text is not decoded from the bytes as a whole
    page_metadata: dict = field(default_factory=dict)


def sniff(data: bytes) -> str:
    """The format of the bytes: text, html, pdf, docx, or a word for what is refused."""
    head = data[:2048]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:200_000] or b"[Content_Types].xml" in data[:2000] and b"word/" in data else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith((b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")):
        return "archive"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM: look at the decoded start
        probe = head.decode("utf-16", errors="ignore").lstrip().lower().encode("ascii", "ignore")
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower() \
            or re.search(rb"<(html|head|body)[\s>]", probe[:1024]) or probe.startswith(b"<!doctype html"):
        return "html"
    if re.match(rb"<(h[1-6]|p|div|section|article|table|ul|span)[\s>]", probe) and data[:4096].count(b"</") >= 5:
        return "html"  # a fragment of a page's markup saved as text (<h3>…</h3><p>…</p>): read as a page
    return "text"


def read_bytes(data: bytes, source_file: str = "<bytes>") -> Reading:
    """Read one source's bytes by their format; SourceError naming the file and the reason."""
    kind = sniff(data)
    if kind == "text":
        text, encoding = decode(data, source_file)
        return Reading(text, "text", encoding)
    if kind == "html":
        return read_html(data, source_file)
    if kind == "pdf":
        return Reading(read_pdf(data, source_file), "pdf", None)
    if kind == "docx":
        return Reading(read_docx(data, source_file), "docx", None)
    reasons = {"doc": "a legacy Word (.doc) file; save it as .docx or PDF",
               "image": "an image, not a document with text (OCR is not done)",
               "zip": "a zip archive that is not a Word file", "archive": "a compressed archive"}
    raise SourceError(source_file, f"unsupported format: {reasons.get(kind, kind)}")


# ---------------------------------------------------------------- HTML

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_ENCODING_NAMES = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
                   "utf-8": "utf-8", "utf8": "utf-8"}


def decode_html(data: bytes, source_file: str = "<bytes>") -> tuple[str, str]:
    """A page's text: BOM, then the <meta charset>, then UTF-8, then GB18030 (GBK/GB2312 pages)."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, source_file)
    declared = _CHARSET.search(data[:4096])
    name = _ENCODING_NAMES.get(declared.group(1).decode("ascii").lower()) if declared else None
    for encoding in ([name] if name else []) + ["utf-8", "gb18030"]:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    # a page that says GBK but has a stray byte: decoding is lenient rather than losing the page
    return data.decode(name or "gb18030", errors="replace"), name or "gb18030"


_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "button", "select", "input", "textarea",
              "nav", "svg", "canvas", "object", "embed", "video", "audio", "map", "head")
_BLOCK = {"p", "div", "section", "article", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "h1", "h2",
          "h3", "h4", "h5", "h6", "blockquote", "pre", "center", "tbody", "thead", "hr", "header", "footer",
          "main", "aside", "figure", "figcaption", "caption"}
# class/id words of the main-text container on Chinese government portals (TRS, 大汉, 拓尔思, 政府网站集约化平台)
_MAIN_HINTS = re.compile(r"ucap-content|pages_content|trs_editor|trs_ueditor|zoom|maintext|main-text|article[-_]?con|"
                         r"article[-_]?content|news[-_]?content|detail[-_]?content|content[-_]?text|zwnr|"
                         r"\bzw\b|\bview\b|art_con|con_text|content_txt|bt_content|textbox|info_content|"
                         r"^content$|^article$", re.IGNORECASE)
_CLUTTER_HINTS = re.compile(r"share|bdshare|fenxiang|breadcrumb|crumb|position|location|\bnav|menu|footer|foot\b|"
                            r"copyright|related|xgwz|xgxx|links|sidebar|side\b|print|close|fontsize|font-size|"
                            r"qrcode|ewm|header|topbar|search|pagination|prev|next|comment", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")


def _attrs(node) -> str:
    attributes = node.attributes or {}
    return f"{attributes.get('id') or ''} {attributes.get('class') or ''}".strip()


def _text_len(node) -> int:
    return len(_CJK.findall(node.text(deep=True) or ""))


def _link_len(node) -> int:
    return sum(len(_CJK.findall(a.text(deep=True) or "")) for a in node.css("a"))


def _label_key(text: str) -> str | None:
    label = re.sub(r"[\s\u3000:：]+", "", text or "")
    return PAGE_LABELS.get(label)


def _parse_date(value: str) -> str | None:
    found = re.search(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", value or "")
    if not found:
        return None
    try:
        return dt.date(*map(int, found.groups())).isoformat()
    except ValueError:
        return None


def _is_paragraph(text: str) -> bool:
    return len(_CJK.findall(text)) >= 40 and not re.match(r"^\s*[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{0,7}[:：]", text)


def _metadata_box(node):
    """The block a metadata label sits in (removed with it before the main text is looked for): the
    label's ancestors up to its table, list or a div with some text, but only while the block reads
    as metadata: at most 60 Chinese characters plus 40 for each label it holds, and no paragraph
    (<p> of 40 or more that is not `label：value`). On many portals a thin line (发布日期：…
    信息来源：…) sits in the same div as the article; that div is never taken."""
    box, holder = node, node.parent
    while holder is not None and holder.tag != "body":
        text = holder.text(deep=True) or ""
        chinese = len(_CJK.findall(text))
        squeezed = re.sub(r"[\s\u3000]+", "", text)
        if chinese > 60 + 40 * sum(1 for label in PAGE_LABELS if label in squeezed) or \
                any(_is_paragraph(p.text(deep=True) or "") for p in holder.css("p")):
            break
        box = holder
        if holder.tag in ("table", "ul", "dl") or holder.tag == "div" and chinese > 30:
            break
        holder = holder.parent
    return box


def _page_metadata(tree) -> tuple[dict, list]:
    """The portal's metadata table (label/value cells, `<b>label：</b>value`, <dl>, <li><span>) and the
    nodes it sits in (removed before the main text is looked for)."""
    found: dict[str, str] = {}
    holders = []
    for node in tree.css("td, th, li, dt, span, label, b, strong, p, div.item, div"):
        if node.tag == "div" and node.css_first("div, table, p"):
            continue
        own = (node.text(deep=True) or "").strip()
        key = _label_key(own)
        value = None
        if key:  # the label alone in its cell: the value is the next cell or element
            sibling = node.next
            while sibling is not None and (sibling.tag == "-text" and not (sibling.text_content or "").strip()
                                           or sibling.tag == "-comment"):
                sibling = sibling.next
            if sibling is not None:
                value = (sibling.text(deep=True) if sibling.tag != "-text" else sibling.text_content) or ""
        else:  # "label：value" in one element
            match = re.match(r"^\s*([\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{0,6}?)\s*[:：]\s*(.+)$", own, re.S)
            if match and _label_key(match.group(1)) and len(own) < 200:
                key, value = _label_key(match.group(1)), match.group(2)
        if key and value is not None:
            value = " ".join(value.split()).strip()
            if value and key not in found and len(value) < 300:
                found[key] = value
                holders.append(_metadata_box(node))
    for meta in tree.css("meta[name]"):
        key = META_TAGS.get((meta.attributes.get("name") or "").lower())
        value = " ".join((meta.attributes.get("content") or "").split())
        if key and value and key not in found:
            found[key] = value
    for key in ("issue_date", "published_date"):
        if key in found:
            parsed = _parse_date(found[key])
            if parsed:
                found[key] = parsed
            else:
                found.pop(key)
    return found, [h for h in holders if h is not None and h.tag != "body"]


def _block_text(node) -> str:
    """Text of a node with block elements on their own lines and tables as `| a | b |` rows."""
    lines: list[str] = []
    current: list[str] = []

    def flush():
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    def walk(n):
        for child in n.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                current.append((child.text_content or "").replace("\u3000", " ").replace("\xa0", " "))
            elif tag in ("-comment",) or tag in _DROP_TAGS:
                continue
            elif tag == "table":
                flush()
                for row in child.css("tr"):
                    cells = [" ".join((c.text(deep=True, separator=" ") or "").split()) for c in row.css("td, th")]
                    if any(cells):
                        lines.append("| " + " | ".join(cells) + " |" if len(cells) > 1 else cells[0])
            elif tag == "br":
                flush()
            elif tag in _BLOCK:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(node)
    flush()
    return "\n".join(lines)


def _main_node(tree, body):
    """The main-text container: the block with the most Chinese text outside links, preferring a
    portal's known 正文 container; then narrowed to the smallest block that keeps ~all of it."""
    candidates = []
    for node in body.css("div, td, article, section, main, span"):
        total = _text_len(node)
        if total < 20:
            continue
        links = _link_len(node)
        paragraphs = len(node.css("p, br")) + 1
        score = (total - 2 * links) * (1.5 if _MAIN_HINTS.search(_attrs(node)) else 1.0) \
            * (0.3 if _CLUTTER_HINTS.search(_attrs(node)) else 1.0)
        candidates.append((score, total, links, paragraphs, node))
    if not candidates:
        return body
    best = max(candidates, key=lambda c: c[0])
    # narrow: a descendant with nearly all of the best block's text (drops titles-bars and share rows
    # only when they are small) and a known hint wins; the block itself otherwise
    node = best[4]
    hinted = [c for c in candidates if c[4] is not node and _MAIN_HINTS.search(_attrs(c[4]))
              and c[1] >= best[1] * 0.6 and c[2] <= c[1] * 0.3 and _is_inside(c[4], node)]
    if hinted:
        node = max(hinted, key=lambda c: c[1])[4]
    return node


def _is_inside(node, ancestor) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is ancestor or parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


_INLINE_CLUTTER = re.compile(r"^(【?(打印本页|关闭窗口|打印|关闭|返回顶部|收藏)】?\s*)+$|^(字号|字体)[:：]?\s*[大中小\s]+$|"
                             r"^分享到[:：]?|^扫一扫在手机|^相关(文件|链接|阅读|新闻)[:：]?$|^【字体[:：]")


def read_html(data: bytes, source_file: str = "<bytes>") -> Reading:
    from selectolax.lexbor import LexborHTMLParser

    html, encoding = decode_html(data, source_file)
    tree = LexborHTMLParser(html)
    page, holders = _page_metadata(tree)
    title_node = tree.css_first("title")
    if "title" not in page and title_node is not None:
        page["page_title"] = " ".join((title_node.text() or "").split())
    body = tree.body or tree.root
    if body is None:
        raise SourceError(source_file, "an HTML page without a body")
    for node in body.css(",".join(_DROP_TAGS)):
        node.decompose()
    for node in holders:
        try:
            node.decompose()
        except Exception:  # already removed with an ancestor
            pass
    main = _main_node(tree, body)
    lines = [line for line in _block_text(main).split("\n") if not _INLINE_CLUTTER.search(line.strip())]
    text = "\n".join(lines).strip()
    if len(_CJK.findall(text)) < 20:
        title = page.get("title") or page.get("page_title") or ""
        raise SourceError(source_file, "an HTML page with no main text" + (f" ('{title[:80]}')" if title else "") +
                                       " (an error page, or text loaded by a script?)")
    return Reading(unicodedata.normalize("NFC", text), "html", encoding, page)


# ---------------------------------------------------------------- PDF and Word

def read_pdf(data: bytes, source_file: str = "<bytes>") -> str:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise SourceError(source_file, "an encrypted PDF (password required)") from None
        raise SourceError(source_file, f"a damaged PDF ({message})") from None
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        n_pages = len(document)
    finally:
        document.close()
    text = "\n\n".join(p.strip("\n") for p in pages).replace("\ufffe", "").replace("\x02", "")
    if len(re.sub(r"\s", "", text)) < 20:
        raise SourceError(source_file, f"a PDF with no text layer ({n_pages} page(s) of images: a scan?); "
                                       "OCR is not done, so it cannot be read")
    return text


def read_docx(data: bytes, source_file: str = "<bytes>") -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for a damaged package
        raise SourceError(source_file, f"a damaged Word file ({type(error).__name__}: {error})") from None
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text.strip())
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:  # a merged cell repeats; keep it once
                    value = " ".join(cell.text.split())
                    if not cells or cells[-1] != value:
                        cells.append(value)
                lines.append("| " + " | ".join(cells) + " |" if len(cells) > 1 else (cells[0] if cells else ""))
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise SourceError(source_file, "a Word file with no text")
    return text


def raw_document(record, data: bytes, digest: str):
    """A source that is not a .txt file (a snapshot, or a PDF/Word/HTML file a manifest names) as the
    RawDocument the stages read: its text, and what the reader learned in its manifest
    (`source_format`, and `page_metadata` from a portal's metadata table)."""
    from flows.ingest import RawDocument

    reading = read_bytes(data, record.source_file)
    manifest = {**record.manifest, "source_format": reading.format}
    if reading.page_metadata:
        manifest["page_metadata"] = reading.page_metadata
    return RawDocument(record.source_file, digest, reading.encoding, reading.text, manifest, len(data))
