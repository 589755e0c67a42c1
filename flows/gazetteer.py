"""Region names in a text, and the GB/T 2260 code they stand for.

A document names its region in a chain (浙江省湖州市德清县, 南京市鼓楼区) or alone (德清县,
and in headlines the short form 德清). `chains_in(text)` finds every run of adjacent
region names; `resolve(chain, context)` turns one into the most specific code the chain
supports: the last name, settled among same-named regions by the names before it, or
else by a parent named in the context; None when that leaves more than one (鼓楼区 alone
is in Nanjing, Fuzhou, Xuzhou and Kaifeng: never a guess).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from flows import lexicon, regions


@dataclass(frozen=True)
class Name:
    """One region name as written: its span, the text, the codes it may stand for, short form or not."""
    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    short: bool


@dataclass(frozen=True)
class Resolution:
    code: str | None
    name: Name  # the most specific name of the chain
    ambiguous: tuple[str, ...] = ()  # the candidate codes when the chain did not settle it


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Short names that are common words (新建, 城中): never read as a region without their suffix."""
    return frozenset(lexicon.metadata_rules()["region_evidence"]["short_name_stoplist"])


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], int]:
    """(full name -> codes, short name -> codes, longest name length)."""
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    stop = _common_words()
    for code, row in regions.regions().items():
        full.setdefault(row["name"], []).append(code)
        alias = regions.short_name(row["name"])
        if alias and alias not in stop:
            short.setdefault(alias, []).append(code)
    for row in lexicon.region_aliases():  # informal full forms (新疆自治区) as full names
        full.setdefault(row["alias"], []).append(row["code"])
    # An autonomous prefecture, county or banner goes by its place and its level's last character
    # too (黔西南州 for 黔西南布依族苗族自治州, 石柱县), or its place and its ending (关岭自治县, 湘西自治州):
    # a full name, unless a region already has it.
    taken = set(full)
    endings = tuple(lexicon.metadata_rules()["region_names"]["autonomous_endings"])
    for code, row in regions.regions().items():
        place = regions.place_name(row["name"])  # 文山 even though 文山市 goes by it too: 文山州 is free
        if not place:
            continue
        for name in (place + row["name"][-1], place + next(e for e in endings if row["name"].endswith(e))):
            if name != row["name"] and name not in taken:
                full.setdefault(name, []).append(code)
    # A county made a district or a city (撤县设区: 济阳县 is 济阳区 since 2018) goes by its old name in
    # texts of before: a full name, unless a region already has it.
    former = lexicon.metadata_rules()["region_names"]["former_county"]
    for code, row in regions.regions().items():
        stem, ending = row["name"][:-1], row["name"][-1:]
        if row["level"] == "county" and ending in former["endings"] and len(stem) >= 2 \
                and stem + former["old_ending"] not in taken:
            full.setdefault(stem + former["old_ending"], []).append(code)
    variants = lexicon.metadata_rules()["region_names"]["conversion_variants"]
    for names in (full, short):
        for name, codes in list(names.items()):
            written = name
            for character, variant in variants:
                written = written.replace(character, variant)
            if written != name:
                names.setdefault(written, []).extend(codes)
    longest = max(len(n) for n in full)
    return ({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in short.items()}, longest)


@lru_cache(maxsize=1)
def _suffix_words() -> tuple[str, ...]:
    return tuple(lexicon.metadata_rules()["region_names"]["suffix_words"])


def part_of_a_word(text: str, pos: int, length: int) -> bool:
    """A two-character name whose ending starts a word of running text (和县域, 建成县级, 市委和县委) or whose start
    ends one (已完成县卫健局), or a name that opens with a verb right after a body (督查室会同县人大代表: 会同,
    together with): not the place."""
    rules = lexicon.metadata_rules()["region_names"]
    if length == 2 and (text.startswith(_suffix_words(), pos + 1) or
                        (pos > 0 and text[pos - 1:pos + 1] in rules["words_a_name_may_end"])):
        return True
    if text[pos:pos + length - 1] in _common_words() and \
            text.startswith(tuple(rules["words_after_a_common_name"]), pos + length - 1):
        return True  # 新建县城第三实验小学: 新建 (build) a 县城's school, not 新建县
    return pos > 0 and text.startswith(tuple(rules["verb_names"]), pos) and text[pos - 1] in rules["verb_name_after"]


def not_a_short_name_here(text: str, pos: int, piece: str) -> bool:
    """A short name that is a word's end (市长武文罡: 长武), the start of a name no region has (超大城市:
    大城, not 大城县) or a town's name (保康镇) is not the region there."""
    rules = lexicon.metadata_rules()["region_names"]
    full = _names()[0]
    end = pos + len(piece)
    if pos > 0 and text[pos - 1:pos + 1] in rules["words_a_name_may_end"]:
        return True
    if text.startswith(tuple(rules["person_verbs_after"]), end) or (
            pos > 0 and text[pos - 1] in rules["surnames"] and text[max(0, pos - 4):pos - 1].endswith(tuple(rules["person_titles_before"]))):
        return True  # 市长尚朝阳 / 尚朝阳主持召开: a person's given name, not 朝阳
    if text.startswith(tuple(rules["town_endings"]), end):
        return True  # 保康镇, 太和镇: a town's name (not 保康县, 太和区)
    towns, _, longest = _towns()
    if any(text[pos:pos + length] in towns for length in range(len(piece) + 2, min(longest, len(text) - pos) + 1)):
        return True  # 巴彦高勒镇: a town whose name opens with a region's short name (巴彦, 巴彦县's)
    return text[end:end + 1] in rules["level_characters"] and piece + text[end] not in full


def name_at(text: str, pos: int, allow_short: bool) -> Name | None:
    """The longest region name starting at pos (a full name before a short one of the same length)."""
    full, short, longest = _names()
    for length in range(min(longest, len(text) - pos), 1, -1):
        piece = text[pos:pos + length]
        if piece in full and part_of_a_word(text, pos, length):
            continue
        if piece in full:
            return Name(pos, pos + length, piece, full[piece], False)
        if allow_short and piece in short and not not_a_short_name_here(text, pos, piece):
            return Name(pos, pos + length, piece, short[piece], True)
    return None


def chain_at(text: str, pos: int, allow_short: bool = False) -> list[Name]:
    """Adjacent region names from pos on: 浙江省湖州市德清县 -> [浙江省, 湖州市, 德清县]."""
    chain: list[Name] = []
    while pos < len(text):
        name = name_at(text, pos, allow_short=allow_short or bool(chain))
        if name is None:
            break
        chain.append(name)
        pos = name.end
        if len(chain) == 1 and pos < len(text) and text[pos] in ")）" and name.start and text[name.start - 1] in "(（":
            pos += 1  # a parent in brackets before the name: (河南省)息县
    # A short form inside a chain must lead to a full name (浙江德清县), not end it (浙江德清 is fine
    # only where short names are allowed at all) — unless it ends a full name's chain with one of that
    # region's own (河北省石家庄10件惠民实事: 石家庄市, in 河北省).
    while chain and chain[-1].short and not allow_short and not _inside_the_name_before(chain):
        chain.pop()
    return chain


def _inside_the_name_before(chain: list[Name]) -> bool:
    if len(chain) < 2 or chain[-2].short:
        return False
    parents = set(chain[-2].codes)
    return any(parents & regions.ancestor_codes(code) for code in chain[-1].codes)


def chains_in(text: str, allow_short: bool = False) -> list[list[Name]]:
    """Every chain of region names in text, left to right, not overlapping."""
    out, pos = [], 0
    while pos < len(text):
        chain = chain_at(text, pos, allow_short)
        if chain:
            out.append(chain)
            pos = chain[-1].end
        else:
            pos += 1
    return out


def _named_in(code: str, context: str) -> bool:
    row = regions.regions()[code]
    alias = regions.short_name(row["name"])
    return row["name"] in context or bool(alias and len(alias) >= 2 and alias in context)


def resolve(chain: list[Name], context: str = "") -> Resolution:
    """The most specific region of a chain, as a code; None with the candidates if ambiguous."""
    last = chain[-1]
    candidates = list(last.codes)
    for earlier in chain[:-1]:  # 南京市鼓楼区: the parent written before settles the name
        kept = [c for c in candidates if regions.ancestor_codes(c) & set(earlier.codes)]
        if not kept and last.short:  # 南京雨花: not 长沙's 雨花区, the parent's region whose name it starts (雨花台区)
            kept = [c for c, row in regions.regions().items()
                    if row["name"].startswith(last.text) and regions.ancestor_codes(c) & set(earlier.codes)]
            if len(kept) != 1:  # none such: the parent is the region named (南京 + a word)
                return resolve(chain[:-1], context)
        if kept:
            candidates = kept
    if len(candidates) > 1 and context:
        # (a parent that is itself a candidate, 通化市 for 通化县 under 通化:, is no parent named nearby)
        kept = [c for c in candidates if any(_named_in(a, context) for a in regions.ancestor_codes(c) - set(candidates))]
        if kept:
            candidates = kept
    if len(candidates) > 1 and context and last.short:  # 河北 (省 or 天津's 区): the one written in full nearby
        kept = [c for c in candidates if _named_alone(regions.regions()[c]["name"], context)]
        if len(kept) == 1:
            candidates = kept
    if len(candidates) == 1:
        return Resolution(candidates[0], last)
    return Resolution(None, last, tuple(sorted(candidates)))


def _named_alone(name: str, context: str) -> bool:
    """The name written in context other than as one item of a list of places (在通化县、辉南县、柳河县各建设…:
    one of a city's counties, which does not say a headline's 通化 is the county)."""
    return any(context[max(0, m.start() - 1):m.start()] != "、" and not context.startswith("、", m.end())
               for m in re.finditer(re.escape(name), context))


@lru_cache(maxsize=1)
def _all_names() -> tuple[dict[str, tuple[str, ...]], int]:
    """Every full and short name (no stop list) -> codes; for counting mentions within one level."""
    names: dict[str, list[str]] = {}
    for code, row in regions.regions().items():
        names.setdefault(row["name"], []).append(code)
        alias = regions.short_name(row["name"])
        if alias:
            names.setdefault(alias, []).append(code)
    return {k: tuple(dict.fromkeys(v)) for k, v in names.items()}, max(len(n) for n in names)


def _landmark(text: str, piece: str, end: int) -> bool:
    """A short name that starts a landmark's name (广阳岛, 舟山港): not the region."""
    return piece not in _names()[0] and text.startswith(
        tuple(lexicon.metadata_rules()["region_names"]["landmark_after"]), end)


def _overlapped(text: str, pos: int, piece: str, names: dict, longest: int) -> bool:
    """A short name that another name of its level, starting inside it, runs past (新荣昌: 荣昌 after 新, not
    新荣区): the later name is the one meant."""
    if piece in _names()[0]:
        return False
    end = pos + len(piece)
    later = [(start, text[start:stop]) for start in range(pos + 1, end)
             for stop in range(end + 1, min(len(text), start + longest) + 1) if text[start:stop] in names]
    if not later:  # the common case: nothing runs past it
        return False
    table = regions.regions()
    levels = {table[code]["level"] for code in names[piece]}
    return any(levels == {table[code]["level"] for code in names[name]}  # 江西安福: 江西, then 安福
               and not part_of_a_word(text, start, len(name))
               and not not_a_short_name_here(text, start, name)  # 浙江山区: 江山 is no name there
               for start, name in later)


def _named(text: str, admits, stoplist: frozenset):
    """(start, end, codes) of each name in text of the regions admits(row) accepts, by its full or short
    name: one code, or several for a name that stands for several admitted regions."""
    names, longest = _all_names()
    table = regions.regions()
    pos = 0
    while pos < len(text):
        step = 1
        for length in range(min(longest, len(text) - pos), 1, -1):
            piece = text[pos:pos + length]
            if piece in names and piece not in stoplist and not part_of_a_word(text, pos, length) \
                    and not _landmark(text, piece, pos + length) \
                    and (piece in _names()[0] or not not_a_short_name_here(text, pos, piece)) \
                    and not _overlapped(text, pos, piece, names, longest):
                codes = [c for c in names[piece] if admits(table[c])]
                if codes:
                    yield pos, pos + length, tuple(codes)
                    step = length
                    break
        pos += step


def _mentions(text: str, admits, stoplist: frozenset):
    """(start, end, code) of each name in text of a region admits(row) accepts, by its full or short
    name; a name that stands for several admitted regions gives none."""
    return ((start, end, codes[0]) for start, end, codes in _named(text, admits, stoplist) if len(codes) == 1)


def count_shared_names(text: str, stoplist: frozenset = frozenset()) -> Counter:
    """How often each name that stands for several regions (普陀区: 上海's and 舟山's) is named, keyed by
    the regions it stands for."""
    return Counter(codes for _, _, codes in _named(text, lambda row: True, stoplist) if len(codes) > 1)


def count_mentions(text: str, admits, stoplist: frozenset = frozenset()) -> Counter:
    """How often each region that admits(row) accepts is named in text, by its full or short name
    (德清县, 德清); a name that stands for several admitted regions counts for none."""
    return Counter(code for _, _, code in _mentions(text, admits, stoplist))


def count_mentions_unless_after(text: str, admits, stoplist: frozenset, leads: tuple[str, ...],
                                first_leads: tuple[str, ...] = (), unless=None) -> Counter:
    """count_mentions, without the names written right after one of `leads` (中央、省委和绥化市委: a
    superior in a list of superiors, not the text's own region), without the regions whose first
    mention is written right after one of `first_leads` (市长…一起赴泰兴市: a place the text's people visit),
    and without the mentions unless(start, end, code) says are none."""
    counts: Counter = Counter()
    first_after: dict[str, bool] = {}
    for start, end, code in _mentions(text, admits, stoplist):
        if unless is not None and unless(start, end, code):
            continue
        first_after.setdefault(code, bool(first_leads) and text.endswith(first_leads, 0, start))
        if not text.endswith(leads, 0, start):
            counts[code] += 1
    return Counter({code: n for code, n in counts.items() if not first_after[code]})


def count_mentions_framed(text: str, admits, stoplist: frozenset, before: tuple[str, ...],
                          after: tuple[str, ...]) -> Counter:
    """count_mentions, of the names written in one of the frames a text names itself in
    (贡献正定力量, 支撑临沧跨越发展, 平安杭州): a name right after one of `before` or before one of `after`."""
    return Counter(code for start, end, code in _mentions(text, admits, stoplist)
                   if text[:start].endswith(before) or text.startswith(after, end))


@lru_cache(maxsize=1)
def _towns() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], int]:
    """(town name -> county codes, the endings town names have, longest name), from
    flows/reference/towns.csv (the township-level divisions: 镇, 乡, 街道, 苏木)."""
    import csv

    names: dict[str, list[str]] = {}
    with open(regions.REFERENCE_DIR / "towns.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names.setdefault(row["name"], []).append(row["county_code"])
    endings = tuple(lexicon.metadata_rules()["region_names"]["town_endings"])
    return {k: tuple(dict.fromkeys(v)) for k, v in names.items()}, endings, max(map(len, names))


def towns_named(text: str) -> dict[str, tuple[str, ...]]:
    """Every town (镇, 乡, 街道) named in text, in order of first mention, with the counties that have
    a town of that name: the longest name that ends where a town's ending ends."""
    names, endings, longest = _towns()
    found: dict[str, tuple[str, ...]] = {}
    for ending in endings:
        pos = text.find(ending)
        while pos >= 0:
            end = pos + len(ending)
            for length in range(min(longest, end), len(ending) + 1, -1):
                piece = text[end - length:end]
                if piece in names:
                    found.setdefault(piece, names[piece])
                    break
            pos = text.find(ending, pos + 1)
    return dict(sorted(found.items(), key=lambda item: text.find(item[0])))
