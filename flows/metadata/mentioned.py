"""Where, when a text names itself in no trusted place (no title, signature, issuing body, dateline or
byline that names it): the region of the level it speaks as that it names most, the one province or
region it names again and again, the region its 文号 names, the one it frames as itself (平安杭州),
the county of its towns, the prefecture of its counties, the region its first sentence opens with. Each reader returns (code, evidence) or
(None, None); the order they are tried in is document_metadata's. Words in flows/rules/metadata.toml."""
from __future__ import annotations

import re
from collections import Counter

from flows import gazetteer, lexicon, regions
from flows.metadata.evidence import Evidence, followed_by
from flows.metadata.heads import DOC_NUMBER
from flows.metadata.listed import only_among_its_siblings, without_addressees
from flows.metadata.region import cited, enumerated, lone_short_name, list_item_or_site_name
from flows.metadata.self_level import led_by_its_province, self_level


def _evidence_rules() -> dict:
    return lexicon.metadata_rules()["region_evidence"]


def region_by_mentions(clean_text: str, lines: list[str]) -> tuple[str | None, Evidence | None]:
    """A text that never names itself in a trusted place still says its level (我省, 全县, 区委…):
    the region of that level it names most often (at least twice, and twice as often as any other)
    is its region; failing that, the first region a news report's opening names, if it is of that
    level. The level decides first, so a county text that names its province more than itself is
    never given the province."""
    admits, top, group = self_level(clean_text)
    if admits is None:
        return _the_one_region_named(clean_text)
    stop = frozenset() if group == "province" else frozenset(_evidence_rules()["short_name_stoplist"])
    head = without_addressees(clean_text[:5000])
    rules = _evidence_rules()
    mentioned = gazetteer.count_mentions_unless_after(
        head, admits, stop, tuple(rules["superior_leads"] + rules["post_location_leads"]),
        tuple(rules["visit_leads"] + rules["destination_leads"]),
        unless=lambda start, end, code: _no_mention_of_it(head, start, end, code))
    mentioned = Counter({c: n for c, n in mentioned.items() if not only_among_its_siblings(head, c)})
    counts = mentioned.most_common(2) + [("", 0), ("", 0)]
    (code, n), (_, second) = counts[0], counts[1]
    # a city that names a county-level city of its own as often as twice may be that city's parent:
    # 温州市 ×4, 乐清市 ×2 in 乐清's notice of the 省市县 matters (市委市政府 is either) — say nothing
    def parent_of_a_mentioned(candidate: str) -> bool:
        return any(k >= 2 and candidate in regions.ancestor_codes(c) for c, k in mentioned.items())

    if n >= 2 and n >= 2 * second and not parent_of_a_mentioned(code):
        if _names_counties_of_another(head, code) or _names_its_siblings(head, code):
            return None, None
        return code, Evidence("mentions", f"{regions.regions()[code]['name']} ×{n}; {group} words ×{top}")
    # a province-level region named once, and none other of its level, by a text that speaks as one
    # (福建 in 回顾2021年,福建都完成了哪些项目 under 全省…): a province's name is no common word, as a
    # county's short name can be (会同, 安居)
    if n == 1 and second == 0 and top >= 2 and regions.level_of(code) == "province" \
            and not (group == "province" and led_by_its_province(head)) and not _named_as_a_partner(head, code):
        return code, Evidence("mentions", f"{regions.regions()[code]['name']} ×1, the only one; {group} words ×{top}")
    for line in lines[:2]:  # the first full name a news report's opening gives, at the level it speaks as
        if list_item_or_site_name(line):
            continue  # an item of a list (一、打通什邡市…), a site's name (中共江苏省委新闻网): no news opening
        for chain in gazetteer.chains_in(line[:200]):
            if lone_short_name(line, chain):
                continue
            if _common_words_alone(line, chain) or enumerated(line, chain):  # (确保七星关区、大方县、黔西县…脱贫)
                continue
            resolution = gazetteer.resolve(chain)
            if resolution.code and not cited(line, chain[0].start) and admits(regions.regions()[resolution.code]) \
                    and not parent_of_a_mentioned(resolution.code) and not only_among_its_siblings(head, resolution.code) \
                    and not _named_as_a_partner(head, resolution.code) \
                    and not line[:chain[0].start].endswith(tuple(_evidence_rules()["superior_leads"])):
                return resolution.code, Evidence("opening", line)
    return None, None


def _no_mention_of_it(head: str, start: int, end: int, code: str) -> bool:
    """A name that, where it stands, does not mention its region as the text's own may be: it names one of
    its places (北京通州区), it is words (1.新建区第二人民医院), or several regions go by it (朝阳)."""
    return _names_a_place_of_its_own(head, end, code) or _words_at_a_clause_start(head, start, end, code) \
        or _a_short_name_others_share(head, start, end)


def _names_a_place_of_its_own(head: str, end: int, code: str) -> bool:
    """A name written right before the name of one of its own places (北京通州区, 浙江省德清县) names that place."""
    after = gazetteer.name_at(head, end, allow_short=True)
    return after is not None and any(code in regions.ancestor_codes(c) for c in after.codes)


def _a_short_name_others_share(head: str, start: int, end: int) -> bool:
    """A short name that regions of other levels go by too (朝阳: 朝阳市, and 北京's and 长春's 朝阳区, 朝阳县):
    which one a text means it does not say."""
    name = gazetteer.name_at(head, start, allow_short=True)
    return name is not None and name.short and name.end == end and len(name.codes) > 1


def _words_at_a_clause_start(head: str, start: int, end: int, code: str) -> bool:
    """A full name whose short form is a common word (新建区: 新建), at the start of a clause or list item."""
    name = regions.regions()[code]["name"]
    return head[start:end] == name and regions.short_name(name) in _evidence_rules()["short_name_stoplist"] and \
        (start == 0 or head[start - 1] in _evidence_rules()["clause_starts"])


def _common_words_alone(line: str, chain: list[gazetteer.Name]) -> bool:
    """A full name whose short form is a common word (老城区: 老城), with no parent before it and no body after it."""
    name = chain[-1]
    return len(chain) == 1 and not name.short and regions.short_name(name.text) in _evidence_rules()["short_name_stoplist"] \
        and not followed_by(line, name.end, _evidence_rules()["bodies"])


def _names_counties_of_another(head: str, code: str) -> bool:
    """A city or province named most that is contradicted by the places one level below it the text names:
    two or more of another region's (定西's 陇西县, 岷县, 漳县 in a page that names 兰州 five times, for its
    roads and its city cluster) and none of its own. Neither is then trusted: no region."""
    level = regions.level_of(code)
    if level == "county":
        return False
    parents = Counter(_children_named(head, level).values())
    return parents.get(code, 0) == 0 and any(n >= 2 for parent, n in parents.items() if parent)


def _names_its_siblings(head: str, code: str) -> bool:
    """A county-level city named most (密山市 ×2) in a text that also names two or more other counties of its
    prefecture (虎林市, 鸡东县, 鸡冠区): the prefecture's text, which writes 全市 too, not the county's."""
    if regions.level_of(code) != "county":
        return False
    parent = next((a["code"] for a in regions.ancestors(code) if a["level"] == "prefecture"), None)
    siblings = [c for c, p in _children_named(head, "prefecture").items() if p == parent and c != code]
    return parent is not None and len(siblings) >= 2


def _children_named(head: str, level: str) -> dict[str, str | None]:
    """The regions one level below `level` (a prefecture's counties, a province's cities) that head names, each
    with the region of `level` it lies in. A county is counted by its full name only (short county names hide
    in words); a city by either, unless its short name is on the stoplist."""
    child_level = "county" if level == "prefecture" else "prefecture"
    table, stop = regions.regions(), frozenset(_evidence_rules()["short_name_stoplist"])
    children = [c for c in gazetteer.count_mentions(head, lambda row: row["level"] == child_level, stop)
                if child_level == "prefecture" or table[c]["name"] in head]
    return {c: next((a["code"] for a in regions.ancestors(c) if a["level"] == level), None) for c in children}


def _named_as_a_partner(head: str, code: str) -> bool:
    """The region's name written beside another's or after a word of working with it (与北京、河北实现…互认)."""
    rules, row = _evidence_rules(), regions.regions()[code]
    for name in filter(None, (row["name"], regions.short_name(row["name"]))):
        for match in re.finditer(re.escape(name), head):
            if head[:match.start()].endswith(tuple(rules["partner_marks_before"])) or \
                    head.startswith(tuple(rules["partner_marks_after"]), match.end()):
                return True
    return False


def _the_one_region_named(clean_text: str) -> tuple[str | None, Evidence | None]:
    """A text with no words for its own level: the one province it names again and again (below), else the
    one region it names in full three times or more (twice, and three times in all, where it names no other
    region in full), and no other region in full but its own counties, each half as often at most (苏州市统计局…2024年苏州市民生实事项目
    市民评议调查…苏州市常住居民; 江宁区 ×3 beside 淳化, a town's short name that is also a county's)."""
    head = clean_text[:5000]
    mentioned = gazetteer.count_mentions(head, lambda row: True, frozenset(_evidence_rules()["short_name_stoplist"]))
    province = _the_one_province_named(mentioned, gazetteer.count_shared_names(
        head, frozenset(_evidence_rules()["short_name_stoplist"])))
    if province:
        return province
    in_full = sorted((code for code in mentioned if regions.regions()[code]["name"] in head),
                     key=lambda c: -head.count(regions.regions()[c]["name"]))
    if not in_full:
        return None, None
    code, others = in_full[0], in_full[1:]
    name = regions.regions()[code]["name"]
    # others only inside it, each named at most half as often (江门市 ×7; 蓬江区, 台山市 ×1: a city names its counties)
    if any(code not in regions.ancestor_codes(c) or 2 * head.count(regions.regions()[c]["name"]) > head.count(name)
           for c in others):
        return None, None
    if mentioned[code] < 3 or head.count(name) < (3 if others else 2):
        return None, None
    return code, Evidence("mentions", f"{name} ×{head.count(name)}, the only region named in full")


def _the_one_province_named(mentioned, shared) -> tuple[str | None, Evidence | None] | None:
    """A province named three times or more, in full or short (上海 ×10, 浙江 ×4), by a text with no words for
    its own level, every other region named a quarter as often at most (崇明 ×2, a false 新星 ×1) — also a
    name several regions share, one of them in it (普陀区 ×3 beside 上海 ×5: a district's text)."""
    (code, n), *others = mentioned.most_common() or [("", 0)]
    if n < 3 or regions.level_of(code) != "province" or any(4 * k > n for _, k in others):
        return None
    if any(4 * k > n for codes, k in shared.items() if any(code in regions.ancestor_codes(c) for c in codes)):
        return None
    return code, Evidence("mentions", f"{regions.regions()[code]['name']} ×{n}, the only province named")


def region_opening_the_text(lines: list[str]) -> tuple[str | None, Evidence | None]:
    """A page whose first line is a sentence that opens, perhaps after its year, with a region's full name
    as its subject (2021年,大安市聚焦群众期盼…; 2019年,福建省投入为民办实事项目资金…): that region."""
    if not lines or not re.search(r"[,。]", lines[0]) or list_item_or_site_name(lines[0]):
        return None, None
    line = lines[0]
    chain = gazetteer.chain_at(line, re.match(_evidence_rules()["sentence_opening_year_pattern"], line).end())
    if not chain or chain[-1].short or cited(line, chain[0].start):
        return None, None
    code = gazetteer.resolve(chain).code
    return (code, Evidence("opening", line[:chain[-1].end + 10])) if code else (None, None)


def region_of_own_document(clean_text: str) -> tuple[str | None, Evidence | None]:
    """The region a document opens its title with, where the text's own unnamed body issued it (市政府印发
    《2023年巴彦淖尔市十件民生实事》): see own_document_pattern in the rules."""
    admits, _, _ = self_level(clean_text)
    if admits is None:
        return None, None
    head = clean_text[:5000]
    for match in re.finditer(_evidence_rules()["own_document_pattern"], head):
        chain = gazetteer.chain_at(head, match.end())
        code = gazetteer.resolve(chain).code if chain and not chain[-1].short else None
        row = regions.regions()[code] if code else None
        if row and admits(row) and row["name"].endswith(match.group("body")):
            return code, Evidence("own_document", head[match.start("body"):chain[-1].end])
    return None, None


def region_by_counties(clean_text: str) -> tuple[str | None, Evidence | None]:
    """A city's text that names itself nowhere may name its counties (炎陵县、茶陵县、荷塘区), a province's its
    cities (福州、厦门、莆田): the region of the level it speaks as that every region one level below named
    belongs to, where at least two are named and none of another (as _children_named counts them)."""
    admits, _, group = self_level(clean_text)
    if admits is None or group not in ("city", "province") or (group == "province" and led_by_its_province(clean_text)):
        return None, None  # (省委、省政府 and 全省 once in a city's report that writes 全市: not a province's text)
    table = regions.regions()
    named = _children_named(clean_text[:5000], "prefecture" if group == "city" else "province")
    parents = set(named.values())
    if len(named) < 2 or len(parents) != 1 or None in parents:
        return None, None
    parent, = parents
    below = "counties" if group == "city" else "cities"
    return parent, Evidence("mentions", f"its {below} " + " ".join(sorted(table[c]["name"] for c in named)))


def region_of_doc_number(lines: list[str], clean_text: str = "") -> tuple[str | None, Evidence | None]:
    """The region a 文号 names by its prefix (石柱府办发〔2024〕10号: 石柱), where the opening gives the
    number of the document itself or of the one it issues or reads (…印发了《X》(石柱府办发〔2024〕10号)),
    not one it cites (根据…, 贯彻…): a prefix that is one region's name or short name, or a province's
    one-character name before 政/府 (皖政〔2018〕12号) in a text that speaks as a province, or as 京津沪渝
    do (metadata.toml [province_doc_numbers]); a city's one-character prefixes (杭政办, 甬政发) no table
    here resolves."""
    leads = [w for w in _evidence_rules()["citation_leads"] if len(w) >= 2]
    provinces = lexicon.metadata_rules()["province_doc_numbers"]
    for line in lines[:6]:
        for match in DOC_NUMBER.finditer(line[:300]):
            sentence = line[:match.start()].rsplit("。", 1)[-1]
            if any(w in sentence for w in leads):
                continue
            number = match.group(1)
            name = gazetteer.name_at(number, 0, allow_short=True)
            if name is not None and len(name.codes) == 1 and name.text not in _evidence_rules()["short_name_stoplist"]:
                return name.codes[0], Evidence("doc_number", number)
            code = provinces["abbreviations"].get(number[:1]) if number[1:2] in provinces["organs"] else None
            admits = self_level(clean_text)[0] if name is None and code else None
            if admits is not None and admits(regions.regions()[code]):  # (津政办发 under 全市: 天津 speaks as a city)
                return code, Evidence("doc_number", number)
    return None, None


def region_by_towns(clean_text: str) -> tuple[str | None, Evidence | None]:
    """A county text that names itself nowhere often names its towns (云东海街道, 芦苞镇): the county that
    every town named in the opening belongs to, where at least two (three for a text that speaks as
    a city, or that says no level, unless it names the county itself: a prefecture names its counties'
    towns) are names no other county's town has, and no such town of another county is named. Never for
    a text that speaks as a province."""
    admits, _, group = self_level(clean_text)
    if group == "province":
        return None, None
    counties: dict[str, list[str]] = {}
    for name, codes in gazetteer.towns_named(clean_text[:5000]).items():
        if len(codes) == 1:
            counties.setdefault(codes[0], []).append(name)
    if len(counties) != 1:
        return None, None
    (code, names), = counties.items()
    named = regions.regions()[code]["name"] in clean_text[:5000]  # (吴中区 itself named beside 木渎镇、横泾街道)
    if len(names) < (3 if group in ("city", None) and not named else 2) or (admits is not None and not admits(regions.regions()[code])):
        return None, None
    return code, Evidence("towns", "、".join(names[:4]))


def region_by_self_words(clean_text: str) -> tuple[str | None, Evidence | None]:
    """A text that names itself only in the words it speaks of its own region in (贡献正定力量, 支撑临沧
    跨越发展, 平安杭州法治杭州), at the level it speaks as: the one region of that level so framed, where
    no other region of that level is named as often anywhere in the text."""
    admits, top, group = self_level(clean_text)
    if admits is None or top < 2:
        return None, None
    rules = _evidence_rules()
    stop = frozenset(rules["short_name_stoplist"])
    head = clean_text[:5000]
    framed = gazetteer.count_mentions_framed(head, admits, stop, tuple(rules["self_frames_before"]),
                                             tuple(rules["self_frames_after"]))
    if len(framed) != 1:
        return None, None
    (code, n), = framed.items()
    named = gazetteer.count_mentions_unless_after(head, admits, stop, tuple(rules["superior_leads"]))
    if any(k >= named[code] for c, k in named.items() if c != code) or _names_its_siblings(head, code):
        return None, None
    return code, Evidence("mentions", f"{regions.regions()[code]['name']} ×{n} in words for itself; {group} words ×{top}")
