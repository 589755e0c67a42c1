"""`minsheng fetch`: download what the registry lists into the snapshot store, politely.

For each registry row with a URL (flows/registry.py):

  * robots.txt of its host is read once (urllib.robotparser) and obeyed, Crawl-delay included;
  * requests to one host are spaced by at least `min_interval` seconds (per-host rate limit);
  * a user agent names the project and where to find it;
  * a source fetched before is asked for conditionally (If-None-Match / If-Modified-Since), so
    an unchanged page is not downloaded again (304);
  * transient failures (connection errors, timeouts, 429, 500, 502, 503, 504) are retried with
    exponential backoff (tenacity); 4xx is not;
  * every request has a timeout, and a body over `max_bytes` is abandoned while streaming;
  * a failure is recorded on its row (fetch_status=failed, fetch_error) and never stops the rest;
    the current snapshot, if any, stays the one the build reads.

The bytes are stored content-addressed (never overwritten); a changed page is a new snapshot,
recorded in the registry (its current sha256) and in raw/snapshots.csv (every snapshot).
The run's outcome per source (new, changed, unchanged, not_modified, failed) is written to
raw/fetch_report.json, which the next build copies into its report.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from tenacity import (RetryError, retry, retry_if_exception, stop_after_attempt, wait_exponential)

from flows import registry

USER_AGENT = ("minsheng-fetch/0.1 (open-data pipeline of Chinese local livelihood policy documents; "
              "polite: robots.txt, rate-limited; see the project README)")
TRANSIENT_STATUS = {429, 500, 502, 503, 504}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class FetchOptions:
    timeout: float = 30.0
    max_bytes: int = DEFAULT_MAX_BYTES
    min_interval: float = 2.0  # seconds between two requests to one host
    attempts: int = 4  # first try + retries on transient errors
    backoff: float = 2.0  # first wait; doubles each retry (capped at 60 s)
    user_agent: str = USER_AGENT
    max_redirects: int = 5


class FetchError(Exception):
    """One URL could not be fetched; the message says why."""


class Transient(FetchError):
    """A failure worth retrying (connection, timeout, 429/5xx)."""


class HostLimiter:
    """At least `interval` seconds between the starts of two requests to one host."""

    def __init__(self, interval: float):
        self.interval = interval
        self.last: dict[str, float] = {}
        self.delays: dict[str, float] = {}
        self.lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self.lock:
            gap = max(self.interval, self.delays.get(host, 0.0))
            now = time.monotonic()
            ready = self.last.get(host, -1e9) + gap
            if ready > now:
                time.sleep(ready - now)
            self.last[host] = time.monotonic()


@dataclass
class Outcome:
    source_id: str
    status: str  # new | changed | unchanged | not_modified | failed | skipped
    url: str
    sha256: str | None = None
    error: str | None = None
    attempts: int = 0


@dataclass
class FetchReport:
    started_at: str
    finished_at: str = ""
    outcomes: list[Outcome] = field(default_factory=list)

    def summary(self) -> dict:
        counts: dict[str, int] = {}
        for o in self.outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        return counts

    def to_dict(self) -> dict:
        by_status: dict[str, list] = {}
        for o in sorted(self.outcomes, key=lambda o: o.source_id):
            by_status.setdefault(o.status, []).append(o.source_id)
        return {"started_at": self.started_at, "finished_at": self.finished_at, "counts": self.summary(),
                "sources": by_status,
                "errors": [f"{o.source_id} ({o.url}): {o.error}" for o in self.outcomes if o.status == "failed"]}

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Fetcher:
    def __init__(self, options: FetchOptions | None = None, client: httpx.Client | None = None):
        self.options = options or FetchOptions()
        self.client = client or httpx.Client(
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.options.timeout), follow_redirects=True,
            max_redirects=self.options.max_redirects, trust_env=False)
        self.limiter = HostLimiter(self.options.min_interval)
        self.robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}

    def close(self) -> None:
        self.client.close()

    # -- robots.txt
    def allowed(self, url: str) -> tuple[bool, str]:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin, parts.hostname or "")
        rules = self.robots[origin]
        if isinstance(rules, str):  # robots.txt could not be read for a reason that forbids fetching
            return False, rules
        if not rules.can_fetch(self.options.user_agent, url):
            return False, f"robots.txt of {origin} forbids this path for our user agent"
        return True, ""

    def _read_robots(self, origin: str, host: str):
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self._request(origin + "/robots.txt", {}, host)
        except FetchError as error:  # unreachable: RFC 9309 says assume complete disallow
            return f"robots.txt of {origin} could not be read ({error}); not fetched"
        if response["status"] in (401, 403):
            parser.disallow_all = True
        elif response["status"] >= 400:
            parser.allow_all = True  # no robots.txt: everything is allowed
        else:
            parser.parse(response["body"].decode("utf-8", errors="replace").splitlines())
            delay = parser.crawl_delay(self.options.user_agent)
            if delay:
                self.limiter.delays[host] = float(delay)
        return parser

    # -- one request, retried on transient failures
    def _request(self, url: str, headers: dict, host: str) -> dict:
        attempts = {"n": 0}

        @retry(stop=stop_after_attempt(self.options.attempts), reraise=False,
               wait=wait_exponential(multiplier=self.options.backoff, max=60),
               retry=retry_if_exception(lambda e: isinstance(e, Transient)))
        def once():
            attempts["n"] += 1
            self.limiter.wait(host)
            return self._get(url, headers)

        try:
            result = once()
        except RetryError as error:
            last = error.last_attempt.exception()
            raise FetchError(f"{last} (after {attempts['n']} attempts)") from None
        result["attempts"] = attempts["n"]
        return result

    def _get(self, url: str, headers: dict) -> dict:
        cap = self.options.max_bytes
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code in TRANSIENT_STATUS:
                    raise Transient(f"HTTP {response.status_code} {response.reason_phrase}")
                declared = response.headers.get("content-length")
                if response.status_code == 200 and declared and declared.isdigit() and int(declared) > cap:
                    raise FetchError(f"too large: the server says {int(declared):,} bytes, over the cap of "
                                     f"{cap:,} (--max-bytes)")
                chunks, size = [], 0
                if response.status_code == 200 or url.endswith("/robots.txt"):
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > cap:
                            raise FetchError(f"too large: over the cap of {cap:,} bytes (--max-bytes); abandoned")
                        chunks.append(chunk)
                return {"status": response.status_code, "body": b"".join(chunks), "headers": response.headers,
                        "final_url": str(response.url), "reason": response.reason_phrase}
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.options.max_redirects} redirects") from None
        except httpx.TimeoutException as error:
            raise Transient(f"timed out after {self.options.timeout:g} s ({type(error).__name__})") from None
        except httpx.TransportError as error:
            raise Transient(f"connection failed ({type(error).__name__}: {error})") from None

    # -- one source
    def fetch_source(self, raw_dir: Path, row: dict, history: list[dict]) -> Outcome:
        url = row["url"]
        outcome = Outcome(row["source_id"], "failed", url)
        checked = now_utc()
        row["checked_at"] = checked
        try:
            ok, why = self.allowed(url)
            if not ok:
                raise FetchError(why)
            headers = {}
            have = row["sha256"] and registry.find_snapshot(raw_dir, row["sha256"]) is not None
            if have and row["etag"]:
                headers["If-None-Match"] = row["etag"]
            if have and row["last_modified"]:
                headers["If-Modified-Since"] = row["last_modified"]
            response = self._request(url, headers, urlsplit(url).hostname or "")
            outcome.attempts = response["attempts"]
            if response["status"] == 304 and have:
                outcome.status, outcome.sha256 = "not_modified", row["sha256"]
                row["fetch_status"], row["fetch_error"] = "not_modified", ""
                return outcome
            if response["status"] != 200:
                raise FetchError(f"HTTP {response['status']} {response['reason']}")
            data = response["body"]
            if not data:
                raise FetchError("HTTP 200 with an empty body")
            from flows.readers import sniff

            fmt = sniff(data)
            if fmt not in ("html", "pdf", "docx", "text"):
                raise FetchError(f"unsupported format {fmt!r} (Content-Type {response['headers'].get('content-type')})")
            validators = {"etag": response["headers"].get("etag", ""),
                          "last_modified": response["headers"].get("last-modified", "")}
            sidecar = {"source_id": row["source_id"], "url": url, "final_url": response["final_url"],
                       "retrieved_at": checked, "content_type": response["headers"].get("content-type", ""),
                       "format": fmt, "n_bytes": len(data), **validators}
            digest, _, _ = registry.store_snapshot(raw_dir, data, fmt, sidecar)
            previous = row["sha256"]
            row.update(validators)
            row.update({"final_url": response["final_url"], "content_type": sidecar["content_type"], "format": fmt,
                        "n_bytes": str(len(data)), "fetch_error": ""})
            if digest == previous:  # same bytes (a snapshot missing here is stored again)
                outcome.status = row["fetch_status"] = "unchanged"
            else:
                outcome.status = row["fetch_status"] = "changed" if previous else "new"
                row["sha256"], row["retrieved_at"] = digest, checked
                history.append({"source_id": row["source_id"], "sha256": digest, "retrieved_at": checked,
                                "url": url, "final_url": response["final_url"],
                                "content_type": sidecar["content_type"], "format": fmt, "n_bytes": str(len(data)),
                                **validators})
            outcome.sha256 = digest
            return outcome
        except FetchError as error:
            outcome.error = str(error)
        except Exception as error:  # an unforeseen failure costs this URL only
            outcome.error = f"{type(error).__name__}: {error}"
        row["fetch_status"], row["fetch_error"] = "failed", outcome.error
        return outcome


def fetch_all(raw_dir: str | Path = "raw", options: FetchOptions | None = None, only: list[str] | None = None,
              log=print) -> FetchReport:
    """Fetch every registry source with a URL (or those in `only`); write the registry, the history
    and raw/fetch_report.json. Per-URL failures are in the report, never raised."""
    raw_dir = Path(raw_dir)
    rows = registry.read_registry(raw_dir)
    if rows is None:
        raise registry.RegistryError(f"no {registry.REGISTRY_NAME} in {raw_dir}")
    history = registry.read_history(raw_dir)
    report = FetchReport(now_utc())
    fetcher = Fetcher(options)
    wanted = set(only or [])
    unknown = wanted - {r["source_id"] for r in rows}
    if unknown:
        raise registry.RegistryError(f"not in {registry.REGISTRY_NAME}: {', '.join(sorted(unknown))}")
    try:
        for row in rows:
            if not row["url"] or (wanted and row["source_id"] not in wanted):
                continue
            outcome = fetcher.fetch_source(raw_dir, row, history)
            report.outcomes.append(outcome)
            log(f"{outcome.status:12} {row['source_id']}" + (f": {outcome.error}" if outcome.error else
                                                             f" ({(outcome.sha256 or '')[:12]})"))
            # written after every source, so an interrupted run keeps what it fetched
            registry.write_registry(raw_dir, rows)
            registry.write_history(raw_dir, history)
    finally:
        fetcher.close()
        report.finished_at = now_utc()
        registry.atomic_write(raw_dir / registry.FETCH_REPORT_NAME,
                              (json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return report
