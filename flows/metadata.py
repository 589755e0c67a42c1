"""Document metadata stage: what the cleaned text says about itself.

Each field is read from the text where the text says it, from the manifest otherwise,
and left null where nobody says. `metadata_sources` records which was used.
"""
from __future__ import annotations

import datetime as dt
import json
import re

from flows import lexicon

DOC_NUMBER = re.compile(r"([\u4e00-\u9fff*]{1,10}[〔\[【(]((?:19|20)\d{2})[〕\]】)]\s*第?\d{1,4}号)")
# A signature date on a line of its own, in digits or in Chinese numerals (二〇二四年三月五日),
# perhaps followed by 印发 or 发布.
DATE_LINE = re.compile(r"^((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月"
                       r"(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:印发|发布|起施行|起实施)?$")
CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
DATE_ANY = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
PERIOD = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]+\s*((?:19|20)\d{2})\s*年")
SINGLE_YEAR = re.compile(r"((?:19|20)\d{2})年")
QUOTED_TITLE = re.compile(r"《([^《》]{4,80})》")
NOTICE_OF = re.compile(r"^.{0,30}?关于(?:印发|转发|公布)(.{4,80}?)的通知$")
TITLE_WORDS = ("计划", "方案", "意见", "清单", "通知", "办法", "规划", "实事", "要点", "工程", "措施")
PERIOD_LINE = re.compile(r"^\(\s*(?:19|20)\d{2}\s*[-—–~至到]+\s*(?:19|20)\d{2}\s*年\s*\)$")
FIELDS = ("title", "doc_number", "issuer", "issue_date", "region_name", "admin_level",
          "plan_start_year", "plan_end_year", "doc_type", "source_url")


def find_doc_number(text: str) -> str | None:
    match = DOC_NUMBER.search(text[:3000])
    if not match:
        return None
    # One bracket style for the year, whatever the source used: 〔〕 as the GB/T 9704 standard writes it.
    number = match.group(1)
    return re.sub(r"[〔\[【(]((?:19|20)\d{2})[〕\]】)]", r"〔\1〕", number, count=1)


def find_title(lines: list[str]) -> str | None:
    """The document's own title: a short line naming a plan, list or opinion."""
    return find_title_and_line(lines)[0]


def find_title_and_line(lines: list[str]) -> tuple[str | None, str | None]:
    """(title, the line it was read from). A notice that issues a document (关于印发《X》的通知)
    is titled X; its own line still names the issuer and the region."""
    head = lines[:40]
    for line in head:  # a notice that quotes the document's title in 《》
        if len(line) <= 120 and not line.endswith(("。", ":")):
            match = QUOTED_TITLE.search(line)
            if match and any(w in match.group(1) for w in TITLE_WORDS):
                return match.group(1).strip(), line
    for i, line in enumerate(head):
        if (len(line) <= 60 and not line.endswith(("。", ":", ";")) and "," not in line
                and any(w in line for w in TITLE_WORDS) and not re.match(r"^[一二三四五六七八九十]+、|^\(", line)
                and not line.startswith(("各", "经", "现将", "为"))):
            if i + 1 < len(head) and PERIOD_LINE.match(head[i + 1]):
                line = line + head[i + 1]
            issued = NOTICE_OF.match(line)  # 关于印发X的通知 with no 《》: the document is X
            if issued and any(w in issued.group(1) for w in TITLE_WORDS):
                return issued.group(1), line
            return line, line
    return None, None


def _small_number(text: str) -> int:
    """5, 十, 十一, 二十三 -> int (a month or a day)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return CN_DIGIT[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0)


def date_of_line(line: str) -> dt.date | None:
    match = DATE_LINE.match(line)
    if not match:
        return None
    year = match.group(1)
    if not year.isdigit():
        year = "".join(str(CN_DIGIT[c]) for c in year)
    try:
        return dt.date(int(year), _small_number(match.group(2)), _small_number(match.group(3)))
    except (ValueError, KeyError):
        return None


def find_issue_date(lines: list[str]) -> dt.date | None:
    for line in lines:
        date = date_of_line(line)
        if date is not None and 1949 <= date.year <= 2100:
            return date
    return None


def find_issuer(lines: list[str], title: str | None) -> str | None:
    endings = lexicon.mapping("regions")["issuer_endings"]
    for i, line in enumerate(lines):
        if i > 0 and date_of_line(line):
            previous = lines[i - 1]
            if len(previous) <= 30 and previous.endswith(tuple(endings)):
                return previous
    if title:
        match = re.match(r"^(.{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|委员会))关于", title)
        if match:
            return match.group(1)
    return None


def region_from(name: str | None) -> str | None:
    """The region at the start of a title or issuer: 武汉市人民政府 -> 武汉市."""
    if not name:
        return None
    regions = lexicon.mapping("regions")
    for lead in sorted(regions["title_lead_words"], key=len, reverse=True):
        if name.startswith(lead):
            name = name[len(lead):]
            break
    suffixes = sorted(regions["province_suffixes"] + regions["prefecture_suffixes"] + regions["county_suffixes"],
                      key=len, reverse=True)
    pattern = rf"^([\u4e00-\u9fff*]{{1,12}}?(?:{'|'.join(map(re.escape, suffixes))}))(?=人民|政府|委员会|\"|“|关于|\d|[\u4e00-\u9fff])"
    match = re.match(pattern, name)
    if not match or "*" in match.group(1) or match.group(1).startswith(("关于", "各")):
        return None
    if len(match.group(1)) == 2 and match.group(1)[0] in "全本我各该":
        return None  # 全省, 本市, 我区 point at a region without naming it
    return match.group(1)


def admin_level(region: str | None) -> str:
    if not region:
        return "unknown"
    regions = lexicon.mapping("regions")
    if region in regions["municipalities"] or region.endswith(tuple(regions["province_suffixes"])):
        return "province"
    if region.endswith(tuple(regions["county_suffixes"])):
        return "county"
    if region.endswith(tuple(regions["prefecture_suffixes"])):
        return "prefecture"
    return "unknown"


def plan_period(title: str | None, text: str) -> tuple[int | None, int | None]:
    for source in (title or "", text[:2000]):
        match = PERIOD.search(source)
        if match:
            return int(match.group(1)), int(match.group(2))
    named = lexicon.mapping("periods")
    for source in (title or "",):
        for name, (start, end) in named.items():
            if name in source:
                return start, end
    if title:
        years = SINGLE_YEAR.findall(title)
        if len(set(years)) == 1:
            return int(years[0]), int(years[0])
    return None, None


def doc_type(title: str | None) -> str:
    for keyword, code in lexicon.mapping("doc_types")["order"]:
        if title and keyword in title:
            return code
    return "other"


def document_metadata(clean_text: str, manifest: dict | None = None) -> dict:
    """Metadata of one document: text first, manifest second, null otherwise."""
    manifest = manifest or {}
    lines = [line.strip() for line in clean_text.split("\n") if line.strip()]
    found: dict = {}
    found["title"], title_line = find_title_and_line(lines)
    found["doc_number"] = find_doc_number(clean_text)
    found["issue_date"] = find_issue_date(lines)
    found["issuer"] = find_issuer(lines, title_line)
    found["region_name"] = region_from(found["title"]) or region_from(found["issuer"]) or region_from(title_line)
    if not found["region_name"] and not found["title"]:
        found["region_name"] = None
    found["admin_level"] = admin_level(found["region_name"]) if found["region_name"] else None
    found["plan_start_year"], found["plan_end_year"] = plan_period(found["title"], clean_text)
    found["doc_type"] = doc_type(found["title"]) if found["title"] else None
    found["source_url"] = None  # never in the text itself
    result, sources = {}, {}
    for name in FIELDS:
        value, source = found.get(name), "text"
        if value is None and manifest.get(name):
            value, source = manifest[name], "manifest"
            if name == "issue_date":
                value = dt.date.fromisoformat(value)
            elif name in ("plan_start_year", "plan_end_year"):
                value = int(value)
        if value is not None:
            sources[name] = source
        result[name] = value
    if result["admin_level"] is None:
        result["admin_level"] = admin_level(result["region_name"])
    if result["doc_type"] is None:
        result["doc_type"] = "other"
    result["metadata_sources"] = json.dumps(sources, ensure_ascii=False, sort_keys=True)
    return result
