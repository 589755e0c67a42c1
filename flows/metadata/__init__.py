"""Document metadata stage: what the cleaned text says about itself.

Each field is read from the text where the text says it, from the page's metadata table or the
manifest otherwise, and left null where nobody says — except doc_type, which where neither says is the
kind the text's opening reads most like (kind_model). `metadata_sources` records which was used,
`metadata_evidence` where in the text.

  heads      title, 文号, signature date, issuer, plan period; a region name's level by its ending
  region     where: the document's own region from the places it names itself (title, signature…);
             a delegation's news: the congress it attends
  mentioned  where, when it names itself nowhere: what it mentions (the region of its level named
             most, its 文号, its towns, its counties, the subject its first sentence opens with)
  listed     names a text lists that are not its own (a notice's addressees, places visited)
  self_level the level a text speaks as (我省, 全县, 区委…), counted once per document
  portal     for a fetched page: the region a government portal's host is named for, the site a
             byline names
  posted     when a page was posted: its labelled date, a dateline, the date its URL carries
  year       when: the one year the document is for (_YEAR_READERS, in order)
  year_model when, weighed: the readers' answer against every other candidate year (a model fitted on the
             tune split, shipped as data in flows/rules/year_model.json); it decides
  sessions   when a province's congress session met, from its term and number (a reader of year's)
  periods    which year of a named plan period (十四五) a text says this year is, or has completed (a reader)
  kind       what kind: doc_type from title or headline, amended by what the opening tells
  kind_model what kind an untitled page is: the kind its opening reads most like (a model fitted on the
             evaluation corpus's tune split, shipped as data in flows/rules/kind_model.json)
  evidence   Evidence (where a field was read) and the word test the readers share
The words all of them read by are rules data in flows/rules/metadata.toml.
"""
from __future__ import annotations

import datetime as dt
import json

from flows import lexicon, regions
from flows.metadata.evidence import Evidence
from flows.metadata.heads import (admin_level, plan_period, date_of_line, find_doc_number, find_issue_date, find_issuer,
                                  find_title, find_title_and_line, headline_of, own_doc_number, region_from)
from flows.metadata.kind import doc_type, document_kind, untitled_kind
from flows.metadata.portal import region_of_site_byline, region_of_site_operator, region_of_source_url, site_against
from flows.metadata.posted import date_in_url
from flows.metadata.mentioned import (region_by_counties, region_by_mentions, region_by_self_words, region_by_towns,
                                      region_of_doc_number, region_of_own_document, region_opening_the_text)
from flows.metadata.region import find_region, region_evidence
from flows.metadata.self_level import level_it_speaks_as, not_the_level_it_speaks_as, self_level
from flows.metadata.year import document_year

# The fields a fetched page's URL may decide (keyed by the one whose evidence says so), with those that follow it.
READ_FROM_URL = {"region_code": ("region_code", "region_name"), "doc_year": ("doc_year", "plan_start_year", "plan_end_year")}
FIELDS = ("title", "doc_number", "issuer", "issue_date", "region_name", "region_code", "admin_level",
          "doc_year", "plan_start_year", "plan_end_year", "doc_type", "source_url")
__all__ = ["FIELDS", "Evidence", "admin_level", "date_of_line", "doc_type", "document_metadata",
           "document_year", "find_doc_number", "find_issue_date", "find_issuer", "find_region", "find_title",
           "find_title_and_line", "plan_period", "region_by_mentions", "region_by_towns", "region_evidence", "region_from", "self_level",
           "year_its_targets_are_for"]


def _evidence_json(evidence: dict[str, Evidence], clean_text: str) -> str:
    out = {}
    for name, item in evidence.items():
        start = clean_text.find(item.quote)
        out[name] = {"where": item.where, "quote": item.quote,
                     "char_start": start if start >= 0 else None,
                     "char_end": start + len(item.quote) if start >= 0 else None}
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def year_its_targets_are_for(meta: dict) -> int | None:
    """doc_year, where it is also the year of the document's plan and of its targets without a year
    of their own: not for an opinion or plan whose doc_year is only the year it was issued."""
    if meta.get("doc_type") in lexicon.metadata_rules()["doc_type"]["issued_year_kinds"]:
        return None
    return meta.get("doc_year")


def document_metadata(clean_text: str, manifest: dict | None = None, page_date: dt.date | None = None,
                      page_facts: tuple[str, ...] = (), page_footer: tuple[str, ...] = ()) -> dict:
    """Metadata of one document: text first, manifest second, null otherwise. `page_date` is the date
    the page it was copied from says it was published (a news item's year falls back on it);
    `page_facts` are the lines of page facts the clean stage dropped (…来源:邯郸市人民政府), `page_footer`
    the lines of the site's footer it dropped (主办:柳州市城中区人民政府办公室).

    Returns the documents-table fields, `metadata_sources` (field -> text|manifest),
    `metadata_evidence` (field -> where in the text it was read) and `warnings`."""
    manifest = manifest or {}
    lines = [line.strip() for line in clean_text.split("\n") if line.strip()]
    found: dict = {}
    evidence: dict[str, Evidence] = {}
    warnings: list[str] = []
    found["title"], title_line = find_title_and_line(lines)
    found["doc_number"] = find_doc_number(clean_text)
    found["issue_date"] = find_issue_date(lines)
    found["issuer"] = find_issuer(lines, title_line)
    # where a name several regions share is settled by a parent named nearby: the page's facts dropped above
    # its text (来源:三沙市融媒体中心) and its site's footer (主办:柳州市城中区人民政府办公室) are nearby too
    context = "\n".join(filter(None, (found["title"], found["issuer"], clean_text[:2000], *page_facts, *page_footer)))
    region_name, region_code, where, warning = find_region(lines, found["title"], title_line, found["issuer"], context,
                                                          page_facts, self_level(clean_text)[0])
    if warning:
        warnings.append(warning)
    # (a title is trusted, unless it is a document the text quotes and names the region only inside the quote:
    # 现将《云南省…实施意见》转发给你们 in a county's notice that forwards it; not 鞍山市人民政府关于印发《…方案》的通知)
    quoted_title = where is not None and where.where == "title" and title_line is not None \
        and found["title"] != title_line and found["title"] in where.quote \
        and (region_name is None or region_name not in where.quote.replace(found["title"], ""))
    # (nor is a delegation's news held to it: it speaks as the delegation's county, of the congress it attends)
    if region_code and (where.where not in ("title", "delegation") or quoted_title) and \
            not_the_level_it_speaks_as(region_code, clean_text, where.where):
        warnings.append(f"region '{region_name}' ({where.where}: {where.quote[:40]}) is not of the level the text "
                        "speaks as (its own words for its level): region_code left null")
        region_name, region_code, where = None, None, None
    # Where the text names itself in no trusted place, in this order: the region of the level it speaks
    # as that it names most, the region its 文号 names (石柱府办发〔2024〕10号), the county of its towns.
    for fallback in (lambda: region_by_mentions(clean_text, lines), lambda: region_of_own_document(clean_text),
                     lambda: region_of_doc_number(lines, clean_text),
                     lambda: region_by_self_words(clean_text), lambda: region_by_towns(clean_text),
                     lambda: region_by_counties(clean_text), lambda: region_opening_the_text(lines),
                     lambda: region_of_site_byline(lines, page_facts, clean_text),
                     lambda: region_of_site_operator(page_footer, clean_text),
                     lambda: region_of_source_url(manifest.get("source_url"), clean_text)):
        if region_name is not None or region_code is not None:
            break
        region_code, where = fallback()
        region_name = regions.regions()[region_code]["name"] if region_code else None
        other_site = site_against(region_code, where, lines, page_facts, page_footer, clean_text)
        if other_site:  # what it mentions against whose site it is on (慈溪市人民政府 over 上海 ×2): neither
            warnings.append(f"region '{region_name}' ({where.where}: {where.quote[:40]}) is not the region of the "
                            f"site the page is on ({other_site}): region_code left null")
            region_name, region_code, where = None, None, None
            break
    if region_name is None:  # a region the gazetteer does not know: its name as written, no code
        region_name = region_from(found["title"]) or region_from(found["issuer"]) or region_from(title_line)
        if region_name:
            where = Evidence("title" if region_from(found["title"]) or region_from(title_line) else "signature",
                             found["title"] if region_from(found["title"]) else (title_line or found["issuer"]))
    found["region_name"], found["region_code"] = region_name, region_code
    if where:
        evidence["region_name"] = evidence["region_code"] = where
    found["admin_level"] = regions.level_of(region_code) if region_code else (
        admin_level(region_name) if region_name else None) or level_it_speaks_as(clean_text)
    # what the title or headline says; else what a manifest says; else the kind the opening reads most like
    found["doc_type"] = document_kind(lines, found["title"], title_line)
    kind_from_model = found["doc_type"] is None and not manifest.get("doc_type")
    if kind_from_model:
        found["doc_type"] = untitled_kind(lines, clean_text)
    kind = found["doc_type"] or manifest["doc_type"]
    found["plan_start_year"], found["plan_end_year"] = plan_period(found["title"], clean_text, headline_of(lines), kind)
    found["doc_year"], year_evidence = document_year(kind, found["title"], title_line, lines, found["issue_date"],
                                                     own_doc_number(lines, found["title"]),
                                                     # news or a reading of a plan is of one year, whatever
                                                     # the plan's period (审查“十五五”规划纲要草案)
                                                     kind != "other" and found["plan_start_year"] != found["plan_end_year"],
                                                     page_date, date_in_url(manifest.get("source_url")), region_code)
    if year_evidence:
        evidence["doc_year"] = year_evidence
    period_of_the_year = bool(found["doc_year"] and found["plan_start_year"] is None and year_its_targets_are_for(found))
    if period_of_the_year:
        found["plan_start_year"] = found["plan_end_year"] = found["doc_year"]
    found["source_url"] = None  # never in the text itself
    result, sources = {}, {}
    # the region a portal's host named, the year a URL's date gave, are not the text's (source_url); the year
    # the year model chose over the readers' is the model's (and so is a one-year period taken from it)
    decided_by = {}
    for key, fields in READ_FROM_URL.items():
        where = evidence[key].where if key in evidence else None
        if where == "source_url":
            decided_by.update(dict.fromkeys(fields, where))
        elif where == "model":
            decided_by.update(dict.fromkeys(fields if period_of_the_year else (key,), where))
    for name in FIELDS:
        value, source = found.get(name), decided_by.get(name) or (
            "model" if name == "doc_type" and kind_from_model else "text")
        if value is None and manifest.get(name):
            value, source = manifest[name], "manifest"
            if name == "issue_date":
                value = dt.date.fromisoformat(value)
            elif name in ("plan_start_year", "plan_end_year", "doc_year"):
                value = int(value)
        if value is not None:
            sources[name] = source
        result[name] = value
    if result["region_code"] is None and sources.get("region_name") == "manifest":
        result["region_code"] = regions.code_for(result["region_name"], context)
        if result["region_code"]:
            sources["region_code"] = "manifest"
    if result["admin_level"] is None:
        result["admin_level"] = regions.level_of(result["region_code"]) if result["region_code"] else \
            admin_level(result["region_name"])
    result["metadata_sources"] = json.dumps(sources, ensure_ascii=False, sort_keys=True)
    result["metadata_evidence"] = _evidence_json(evidence, clean_text)
    result["warnings"] = warnings
    return result
