"""Measure the readers: main text of portal pages (character overlap with a hand-trimmed main
text), and PDF text extraction, for the candidate libraries.

    python benchmarks/bench_readers.py            # prints a table per page and a summary
    python benchmarks/bench_readers.py --real DIR # real published pages kept outside the repository:
                                                  # DIR/<id>.html with its hand-trimmed DIR/<id>.main.txt
                                                  # (benchmarks/eval/real_html_pages.csv lists them)

The HTML pages are tests/portal_pages.py: SYNTHETIC layouts written after real portals'
structure (this machine has no web access), their body text from the seeds in raw/.
Overlap is measured on the text without whitespace and without the `|` of table rows:
precision = matched characters / extracted characters, recall = matched / gold characters
(difflib matching blocks, no autojunk). Not a test: numbers, not assertions.
"""
from __future__ import annotations

import difflib
import io
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import portal_pages  # noqa: E402

from flows import readers  # noqa: E402


def squash(text: str) -> str:
    return re.sub(r"[\s|]", "", text or "")


def overlap(gold: str, got: str) -> tuple[float, float, float]:
    a, b = squash(gold), squash(got)
    if not a or not b:
        return 0.0, 0.0, 0.0
    matched = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    precision, recall = matched / len(b), matched / len(a)
    return precision, recall, (2 * precision * recall / (precision + recall) if matched else 0.0)


def html_candidates():
    import trafilatura
    from selectolax.lexbor import LexborHTMLParser

    def ours(data):
        return readers.read_html(data).text

    def traf(**options):
        def run(data):
            text, _ = readers.decode_html(data)  # trafilatura gets the decoded page (its own detection is weaker on GBK)
            return trafilatura.extract(text, include_tables=True, include_comments=False, **options) or ""
        return run

    def whole_body(data):
        text, _ = readers.decode_html(data)
        tree = LexborHTMLParser(text)
        for node in tree.css("script, style"):
            node.decompose()
        return tree.body.text(separator="\n") if tree.body else ""

    return {"selectolax+portal rules (flows.readers)": ours, "trafilatura default": traf(),
            "trafilatura favor_precision": traf(favor_precision=True),
            "trafilatura favor_recall": traf(favor_recall=True), "whole <body> text (baseline)": whole_body}


def bench_html(pages=None, label="pages the reader was written alongside"):
    pages = pages or portal_pages.pages()
    print(f"\n== {label} ==")
    results = {}
    for name, run in html_candidates().items():
        rows, started = [], time.perf_counter()
        for page in pages:
            try:
                got = run(page.body)
            except Exception as error:  # a reader that gives up on a page scores 0 there
                got = ""
                print(f"  {name} on {page.name}: {type(error).__name__}: {error}")
            rows.append((page.name, page.encoding, *overlap(page.gold, got)))
        results[name] = (rows, (time.perf_counter() - started) / len(pages) * 1000)
    print("\nHTML main text, per page (precision / recall / F1 on characters):\n")
    names = list(results)
    print(f"{'page':28} {'enc':6} " + "  ".join(f"{n[:22]:>22}" for n in names))
    for i, page in enumerate(pages):
        cells = [results[n][0][i] for n in names]
        print(f"{page.name:28} {page.encoding:6} " + "  ".join(f"{c[2]:.3f}/{c[3]:.3f}/{c[4]:.3f}".rjust(22) for c in cells))
    print()
    for n in names:
        rows, ms = results[n]
        print(f"{n:42} mean P {statistics.mean(r[2] for r in rows):.3f}  R {statistics.mean(r[3] for r in rows):.3f}  "
              f"F1 {statistics.mean(r[4] for r in rows):.3f}  min F1 {min(r[4] for r in rows):.3f}  {ms:.1f} ms/page")
    return results


def real_pages(directory) -> list:
    """Real published pages kept outside the repository: <id>.html (the bytes as stored) and
    <id>.main.txt (the main text trimmed by hand, UTF-8); pages without a .main.txt are skipped."""
    pages = []
    for path in sorted(Path(directory).glob("*.html")):
        gold = path.with_suffix(".main.txt")
        if not gold.exists():
            print(f"  {path.name}: no {gold.name}, skipped")
            continue
        body = path.read_bytes()
        _, encoding = readers.decode_html(body)
        pages.append(portal_pages.Page(path.stem, "real", encoding, body, gold.read_text(encoding="utf-8")))
    return pages


def make_pdf(lines: list[str], pages: int = 1) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pageCompression=1)
    per_page = max(1, len(lines) // pages)
    for start in range(0, len(lines), per_page):
        c.setFont("STSong-Light", 10)
        y = 800
        for line in lines[start:start + per_page]:
            for k in range(0, len(line), 40):  # a printed line is ~40 characters wide
                c.drawString(40, y, line[k:k + 40])
                y -= 14
        c.showPage()
    c.save()
    return buffer.getvalue()


def bench_pdf():
    import pdfplumber
    import pypdfium2

    lines = portal_pages.seed_lines(portal_pages.GD, 17, 40)
    data = make_pdf(lines, pages=4)
    gold = "\n".join(lines)

    def pdfium(data):
        return readers.read_pdf(data)

    def plumber(data):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)

    print(f"\nPDF text layer ({len(squash(gold))} characters on 4 pages, CID font STSong-Light; pypdfium2 "
          f"{pypdfium2.version.PYPDFIUM_INFO}):")
    for name, run in (("pypdfium2", pdfium), ("pdfplumber (pdfminer.six)", plumber)):
        started = time.perf_counter()
        for _ in range(5):
            text = run(data)
        ms = (time.perf_counter() - started) / 5 * 1000
        p, r, f = overlap(gold, text)
        print(f"  {name:28} P {p:.3f} R {r:.3f} F1 {f:.3f}  {ms:.1f} ms/document")


if __name__ == "__main__":
    if "--real" in sys.argv:
        directory = sys.argv[sys.argv.index("--real") + 1]
        bench_html(real_pages(directory), f"real published pages in {directory}")
        sys.exit(0)
    bench_html()
    bench_html(portal_pages.holdout_pages(), "held-out pages, written after the reader and not used to tune it")
    bench_pdf()
