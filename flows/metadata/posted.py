"""When a page was posted: its labelled date (kept by the clean stage), a dated line near its top, or
the date its URL carries. The year readers fall back on it for news (flows/metadata/year.py). The
patterns are rules data in flows/rules/metadata.toml [year] and [source_url]."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from flows import lexicon
from flows.metadata.evidence import Evidence


def date_in_url(source_url: str | None) -> dt.date | None:
    """The day a page's URL says it was posted (…/2021/01/23/…, …/202101/t20210123_….html, …/2021-01/23/…):
    the last a page's date is read from, after its labelled date and its own dateline."""
    for pattern in lexicon.metadata_rules()["source_url"]["url_date_patterns"] if source_url else ():
        match = re.search(pattern, urlparse(source_url).path)
        if match:
            try:
                return dt.date(int(match.group("year")), int(match.group("month")), int(match.groupdict().get("day") or 1))
            except ValueError:
                continue
    return None


def posted_on(lines: list[str], page_date: dt.date | None,
              url_date: dt.date | None = None) -> tuple[int, int, Evidence] | None:
    """(year, month, evidence) of the day the page was posted: its labelled date (发布日期:2018-01-09, kept
    by the clean stage), else a short dated line near its top (2026-01-28 22:06, 06.01.2016 10:21), else
    the date its URL carries."""
    if page_date:
        return page_date.year, page_date.month, Evidence("page_date", page_date.isoformat())
    rules = lexicon.metadata_rules()["year"]
    followers = "|".join(map(re.escape, sorted(rules["page_stamp_followers"], key=len, reverse=True)))
    patterns = [re.compile(p.replace("FOLLOWERS", followers)) for p in rules["dateline_patterns"]]
    worded = [line for line in lines if re.search(r"\w", line)]  # not a row of table rules (|)
    for line in worded[:rules["dateline_lines"]]:
        if len(line) > rules["dateline_max_chars"]:
            continue
        match = next(filter(None, (p.search(line) for p in patterns)), None)
        if match:
            return int(match.group("year")), int(match.group("month")), Evidence("dateline", line)
    return (url_date.year, url_date.month, Evidence("source_url", url_date.isoformat())) if url_date else None
