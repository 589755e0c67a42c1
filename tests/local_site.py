"""A local web site for the fetch tests: a threaded http.server on 127.0.0.1 (a free port), never
the internet. It serves what government portals serve (pages with a metadata table, GBK pages,
PDF and Word attachments) and what goes wrong with them (a redirect, a 404, a 500 then success,
a slow answer, a huge body, a page that changes, a path robots.txt forbids), and records every
request (path, user agent, conditional headers, time)."""
from __future__ import annotations

import hashlib
import io
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def make_pdf(lines: list[str], scanned: bool = False) -> bytes:
    """A PDF with a Chinese text layer (Adobe's STSong-Light CID font, referenced, not embedded: no
    font file needed), or, scanned=True, pages of drawing only (what a scan without OCR gives)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    y = 800
    for line in lines:
        for k in range(0, len(line), 40):
            if scanned:
                c.rect(40, y, 10 * len(line[k:k + 40]), 10, fill=1)
            else:
                c.setFont("STSong-Light", 10)
                c.drawString(40, y, line[k:k + 40])
            y -= 14
            if y < 60:
                c.showPage()
                y = 800
    c.showPage()
    c.save()
    return buffer.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs[:1]:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                grid.cell(i, j).text = value
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class Site:
    def __init__(self):
        self.routes: dict[str, dict] = {}
        self.requests: list[dict] = []
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                with site.lock:
                    site.hits[path] = site.hits.get(path, 0) + 1
                    n = site.hits[path]
                    site.requests.append({"path": path, "ua": self.headers.get("User-Agent", ""), "time": time.monotonic(),
                                          "if_none_match": self.headers.get("If-None-Match"),
                                          "if_modified_since": self.headers.get("If-Modified-Since")})
                route = site.routes.get(path)
                if path == "/robots.txt" and route is None:
                    route = {"body": ROBOTS, "type": "text/plain"}
                if route is None:
                    return self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")
                if "redirect" in route:
                    self.send_response(301)
                    self.send_header("Location", route["redirect"])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.get("fail_first", 0) >= n:
                    return self._send(500, b"server busy", "text/plain")
                if route.get("delay"):
                    time.sleep(route["delay"])
                body = route["body"]() if callable(route["body"]) else route["body"]
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if route.get("validators") and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                extra = {"ETag": etag, "Last-Modified": formatdate(1700000000, usegmt=True)} if route.get("validators") else {}
                if route.get("stream"):  # no Content-Length: the size is known only while reading
                    self.send_response(200)
                    self.send_header("Content-Type", route.get("type", "text/html"))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    try:
                        for start in range(0, len(body), 65536):
                            self.wfile.write(body[start:start + 65536])
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    self.close_connection = True
                    return
                self._send(200, body, route.get("type", "text/html; charset=utf-8"), extra)

            def _send(self, status, body, content_type, extra=None):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
