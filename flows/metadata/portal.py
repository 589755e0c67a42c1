"""Where, for a document fetched from the web: the region a government portal's host is named for
(www.huichang.gov.cn: 会昌县), or the site a byline names (来源:沛县人大网) or a breadcrumb starts from, read
only where the text names itself nowhere. The words are rules data in flows/rules/metadata.toml [source_url]."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from flows import gazetteer, lexicon, regions
from flows.metadata.evidence import Evidence
from flows.metadata.region import site_name_line
from flows.metadata.self_level import self_level


@lru_cache(maxsize=1)
def _portal_names() -> dict[str, tuple[str, ...]]:
    """The pinyin a government portal's host may be named by (huichang.gov.cn, www.wuhan.gov.cn) -> the
    codes of the regions so named, from the regions' English names (Huichang County, Zhangjiachuan Hui
    Autonomous County: huichang, zhangjiachuan)."""
    suffixes = set(lexicon.metadata_rules()["source_url"]["name_en_suffixes"])
    names: dict[str, list[str]] = {}
    for code, row in regions.regions().items():
        words = (row["name_en"] or "").split()
        before = []
        for word in words:
            if word in suffixes:
                break
            before.append(word)
        for label in {words[0] if words else "", "".join(before)}:
            label = re.sub(r"[^a-z]", "", label.lower())
            if label:
                names.setdefault(label, []).append(code)
    return {k: tuple(dict.fromkeys(v)) for k, v in names.items()}


def region_of_source_url(source_url: str | None, clean_text: str) -> tuple[str | None, Evidence | None]:
    """Where the text names itself nowhere, the region a government portal it was fetched from is named
    for (www.huichang.gov.cn: 会昌县), if that name is one region's and the text speaks as that region's
    level (a county's portal reposts its city's and province's documents too)."""
    rules = lexicon.metadata_rules()["source_url"]
    host = (urlparse(source_url).hostname or "") if source_url else ""
    if not host.endswith(tuple(rules["portal_host_endings"])):
        return None, None
    names = _portal_names()
    codes = set()
    for label in host.split("."):
        if label in rules["generic_labels"]:
            continue
        if label not in names:  # shilongqu, shouxian: the name and its kind of region
            label = next((label[:-len(k)] for k in rules["level_label_endings"]
                          if label.endswith(k) and len(label) > len(k) + 2), label)
        if len(names.get(label, ())) == 1:
            codes.add(names[label][0])
    admits, _, _ = self_level(clean_text)
    if len(codes) != 1 or admits is None:
        return None, None
    code, = codes
    return (code, Evidence("source_url", host)) if admits(regions.regions()[code]) else (None, None)


def _sites_bylined(lines: list[str], page_facts: tuple[str, ...]) -> list[tuple[gazetteer.Name, str]]:
    """The name of each site a byline names (来源:沛县人大网, 来源:孝感日报) or a breadcrumb starts from
    (您当前的位置:安康市人民政府 > …), with its line."""
    rules = lexicon.metadata_rules()
    kinds = ((rules["region_evidence"]["byline_leads"], rules["source_url"]["site_byline_words"]),
             (rules["source_url"]["breadcrumb_leads"], rules["source_url"]["breadcrumb_site_words"]))
    found = []
    for leads, site_words in kinds:
        for line in lines[:8] + lines[-4:] + list(page_facts):
            for match in re.finditer("|".join(map(re.escape, leads)), line):
                rest = line[match.end():].strip(" |")
                name = gazetteer.name_at(rest, 0, allow_short=True)
                if name is not None and rest[name.end:].startswith(tuple(site_words)):
                    found.append((name, line))
    return found


def region_of_site_byline(lines: list[str], page_facts: tuple[str, ...],
                          clean_text: str) -> tuple[str | None, Evidence | None]:
    """Where the text names itself nowhere, the region of the site its byline names (来源:沛县人大网,
    来源:宁海新闻网), its dateline opens with (宁晋融媒 2023-07-14), its breadcrumb starts from
    (您当前的位置:安康市人民政府 > …) or whose name stands over its navigation (阿拉善盟行政公署 / 首页 > …),
    if that name is of one region of the level the text speaks as (a city's news site reposts its
    province's and its counties' news too: those speak as another level)."""
    admits, _, _ = self_level(clean_text)
    if admits is None:
        return None, None
    rules = lexicon.metadata_rules()
    found: dict[str, str] = {}  # code -> the byline

    def add(name: gazetteer.Name, line: str) -> None:  # the site's regions of the level the text speaks as
        codes = [c for c in name.codes if admits(regions.regions()[c])]
        if len(codes) > 1:  # a name several share (海州发布): the one whose parent the text names (连云港市海州区…)
            settled = gazetteer.resolve([gazetteer.Name(name.start, name.end, name.text, tuple(codes), name.short)], clean_text)
            codes = [settled.code] if settled.code else codes
        found.update((c, line) for c in codes if c not in found)

    for name, line in _sites_bylined(lines, page_facts):
        add(name, line)
    site = site_name_line(lines, page_facts)  # the site's name over its navigation (阿拉善盟行政公署 / 首页 > …)
    name = gazetteer.name_at(site, 0, allow_short=False) if site else None
    if name is not None:
        add(name, site)
    for line in lines[:8]:  # a dateline that opens with its site (宁晋融媒 2023-07-14 16:33:02)
        line = line.removeprefix(next((w for w in rules["source_url"]["site_dateline_marks"] if line.startswith(w)), ""))
        name = gazetteer.name_at(line, 0, allow_short=True)
        site = line[name.end:] if name is not None else ""
        word = next((w for w in rules["source_url"]["site_byline_words"] if site.startswith(w)), None)
        if word and re.match(rules["source_url"]["site_dateline_pattern"], site[len(word):]):
            add(name, line)
    if len(found) != 1:
        return None, None
    (code, line), = found.items()
    return code, Evidence("byline_site", line)


@lru_cache(maxsize=1)
def _footer_lead() -> re.Pattern:
    leads = "|".join(map(re.escape, lexicon.metadata_rules()["region_evidence"]["footer_leads"]))
    return re.compile(rf"^(?:{leads})\s*[::]?\s*")


def _without_footer_lead(line: str) -> str:
    """A footer line without what it opens with (主办:, 版权所有:): the body that runs the site."""
    return _footer_lead().sub("", line)


def region_of_site_operator(page_footer: tuple[str, ...], clean_text: str) -> tuple[str | None, Evidence | None]:
    """Where the text names itself nowhere, the region whose government body the footer says runs the site
    (主办:宁波市人民政府办公厅), if that is one region of the level the text speaks as (全市)."""
    admits, _, _ = self_level(clean_text)
    if admits is None:
        return None, None
    rules = lexicon.metadata_rules()
    found: dict[str, str] = {}
    for line in page_footer:
        rest = _without_footer_lead(line)
        chain = gazetteer.chain_at(rest, 0)  # 柳州市城中区人民政府办公室: the district, settled by its city
        if chain and rest[chain[-1].end:].startswith(tuple(rules["source_url"]["site_operator_words"])):
            settled = gazetteer.resolve(chain, clean_text).code
            codes = [settled] if settled else chain[-1].codes
            found.update((c, line) for c in codes if admits(regions.regions()[c]) and c not in found)
    if len(found) != 1:
        return None, None
    (code, line), = found.items()
    return code, Evidence("site_operator", line)


def site_against(code: str | None, where: Evidence | None, lines: list[str], page_facts: tuple[str, ...],
                 page_footer: tuple[str, ...], clean_text: str) -> str | None:
    """The site a page is on — its name over its navigation (慈溪市人民政府 / 首页 > …), the operator its footer
    names (主办:太原市发展和改革委员会) — where that is a region of the level the text speaks as, other than
    the one a reading of what the text mentions gave it (上海 ×2, 晋中 ×2; 涟源市 ×2 under 娄底's footer, which a
    city that speaks as 全市 may be too) and not inside it: that site's line; else None. Neither is then trusted."""
    if not code or where is None or where.where != "mentions":
        return None
    admits, _, _ = self_level(clean_text)
    if admits is None:
        return None
    sites = [(gazetteer.name_at(_without_footer_lead(line), 0, allow_short=False), line)
             for line in filter(None, (site_name_line(lines, page_facts), *page_footer))]
    for name, line in sites + _sites_bylined(lines, page_facts):  # (…and a byline's: 来源:孝感日报 under 武汉 ×4)
        if name is not None and any(admits(regions.regions()[c]) and c != code and code not in regions.ancestor_codes(c)
                                    for c in name.codes):
            return line
    return None
