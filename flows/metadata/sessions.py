"""When a province's people's congress session met, read from its term and its number (云南省第十四届人民代表大会
第三次会议: 2025): all provinces' terms open in the same years (rules: year.congress_*). An upper bound where a
term held an extra session (to elect a governor): a last resort for a page that dates itself no other way."""
from __future__ import annotations

import re
from functools import lru_cache

from flows import gazetteer, lexicon, regions
from flows.metadata.evidence import Evidence
from flows.text.numerals import chinese_to_number

# The year the terms listed in the rules opened; a term lasts five years.
_TERMS_OPENED = 2023
_TERM_YEARS = 5


def _rules() -> dict:
    return lexicon.metadata_rules()["year"]


@lru_cache(maxsize=None)
def _province_names() -> tuple[tuple[str, str], ...]:
    """(name, code) of every province, full and short (云南省, 云南), longest first."""
    names = []
    for code, row in regions.regions().items():
        if row["level"] == "province":
            names += [(row["name"], code)] + ([(regions.short_name(row["name"]), code)]
                                              if regions.short_name(row["name"]) else [])
    return tuple(sorted(names, key=lambda item: -len(item[0])))


def _owner(before: str, region_code: str | None) -> str | None:
    """Whose session: a province named right before it (云南省第十四届…), the document's own province where 省
    alone or nothing stands before it and the document is a province's. (The country's, 十四届全国人大, is
    named by local pages as a past event: 总书记参加十三届全国人大一次会议.)"""
    rules = _rules()
    for name, code in _province_names():
        if before.endswith(name):
            return code
    own_province = region_code is not None and regions.level_of(region_code) == "province"
    if any(before.endswith(w) for w in rules["province_session_owners"]):
        return region_code[:2] + "0000" if region_code else None
    # 市 alone in a municipality's own page (市第十五届人民代表大会第四次会议 in Beijing's news), no name ending there
    if own_province and before.endswith(rules["municipality_session_owner"]) and \
            regions.regions()[region_code]["name"] in lexicon.mapping("regions")["municipalities"] and \
            not any(chain[-1].end == len(before) for chain in gazetteer.chains_in(before)):
        return region_code
    # anything else right before it is another region's name (昆明市第十五届…) or a word (在十四届…)
    return region_code if own_province and not before.endswith(regions.SUFFIXES) else None


def session_year(page) -> tuple[int, Evidence] | None:
    """A reader of year.py's _YEAR_READERS: the year of the first session its opening (`page.head`) names
    whose year its province's term tells; `page.region_code` is the document's region."""
    rules, text, region_code = _rules(), page.head, page.region_code
    for match in re.finditer(rules["congress_session_pattern"], text):
        owner = None if match.group(2) else _owner(text[max(0, match.start() - 12):match.start()], region_code)
        term, number = chinese_to_number(match.group(1)), chinese_to_number(match.group(3))
        if owner is None or not term or not number:
            continue
        opened_2023 = rules["congress_term_of_2023"].get(owner, rules["congress_term_of_2023_default"])
        return (_TERMS_OPENED + _TERM_YEARS * (int(term) - opened_2023) + int(number) - 1,
                Evidence("text", text[max(0, match.start() - 6):match.end()]))
    return None
