"""Regions: the GB/T 2260 division list with 2020 census population, and the link from a
document's region name to its code.

The data are committed under flows/reference/ (README.md there states where they come
from and how current they are): regions.csv (code, name, level, parent_code) and
population_2020.csv (code, population, the census bulletin or census table it comes from;
null where no figure fits the region's present area) and region_names_en.csv (English names
of every region).

`code_for(name, context)` turns the region a document names (江门市, 广东省, 武汉市) into
its code. A name that several regions share (朝阳区, 鼓楼区) is settled by the names of
their parents found in the context (the title, issuer and opening of the text); when
that does not settle it, or the name is redacted or unknown, the code is None.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).parent / "reference"
REGIONS_FILE = REFERENCE_DIR / "regions.csv"
POPULATION_FILE = REFERENCE_DIR / "population_2020.csv"
NAMES_EN_FILE = REFERENCE_DIR / "region_names_en.csv"
DATA_FILES = (REGIONS_FILE, POPULATION_FILE, NAMES_EN_FILE)
# Name endings that a short form may leave off (江门 for 江门市). Longest first.
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
            "省", "市", "地区", "盟", "县", "区", "旗")


@lru_cache(maxsize=None)
def regions() -> dict[str, dict]:
    """code -> row of the regions table."""
    with open(REGIONS_FILE, encoding="utf-8", newline="") as handle:
        rows = {r["code"]: {"code": r["code"], "name": r["name"], "name_en": None, "level": r["level"],
                            "parent_code": r["parent_code"] or None, "population_2020": None,
                            "population_source": None} for r in csv.DictReader(handle)}
    with open(NAMES_EN_FILE, encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            if rows[r["code"]]["name"] != r["name"]:
                raise ValueError(f"{NAMES_EN_FILE.name}: {r['code']} is {rows[r['code']]['name']}, not {r['name']}")
            rows[r["code"]]["name_en"] = r["name_en"]
    with open(POPULATION_FILE, encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            row = rows[r["code"]]
            if row["name"] != r["name"]:
                raise ValueError(f"{POPULATION_FILE.name}: {r['code']} is {row['name']}, not {r['name']}")
            row["population_2020"] = int(r["population_2020"])
            row["population_source"] = r["population_source"]
    return rows


def population_coverage() -> dict[str, dict[str, int]]:
    """level -> regions of that level, and how many of them have a 2020 population."""
    out: dict[str, dict[str, int]] = {}
    for row in regions().values():
        level = out.setdefault(row["level"], {"regions": 0, "with_population": 0})
        level["regions"] += 1
        level["with_population"] += row["population_2020"] is not None
    return {level: out[level] for level in ("province", "prefecture", "county") if level in out}


def population_coverage_text() -> str:
    """'31 of 34 provinces, 333 of 333 prefectures, 2,834 of 2,846 counties have one' for reports."""
    plural = {"province": "provinces", "prefecture": "prefectures", "county": "counties"}
    parts = [f"{c['with_population']:,} of {c['regions']:,} {plural[level]}" for level, c in population_coverage().items()]
    return ", ".join(parts) + " have one"


def table_rows() -> list[dict]:
    return [dict(row) for row in regions().values()]


def _plain_short_name(name: str) -> str | None:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


@lru_cache(maxsize=1)
def _taken_names() -> frozenset[str]:
    """Every region's name and plain short name: an autonomous area's place name must not shadow one."""
    names = {row["name"] for row in regions().values()}
    return frozenset(names | {s for n in names if (s := _plain_short_name(n))})


@lru_cache(maxsize=None)
def short_name(name: str) -> str | None:
    """The name without its ending (江门 for 江门市); an autonomous area also without the peoples it
    names (石柱 for 石柱土家族自治县, 延边 for 延边朝鲜族自治州), unless another region already goes
    by that name (本溪 is 本溪市, 河南 the province)."""
    plain = _plain_short_name(name)
    place = place_name(name)
    if plain is None or place is None:
        return plain
    return place if place == plain or place not in _taken_names() else plain


def place_name(name: str) -> str | None:
    """An autonomous area's place without the peoples it names (文山 for 文山壮族苗族自治州), whether
    or not another region goes by it; None for other regions."""
    from flows import lexicon

    plain = _plain_short_name(name)
    words = lexicon.metadata_rules()["region_names"]
    if plain is None or not name.endswith(tuple(words["autonomous_endings"])):
        return None
    peoples = sorted(words["peoples"], key=len, reverse=True)
    place, stripped = plain, True
    while stripped:
        stripped = False
        for people in peoples:
            if place.endswith(people) and len(place) - len(people) >= 2:
                place, stripped = place[: -len(people)], True
                break
    return place


@lru_cache(maxsize=None)
def _by_name() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    for code, row in regions().items():
        full.setdefault(row["name"], []).append(code)
        alias = short_name(row["name"])
        if alias:
            short.setdefault(alias, []).append(code)
    return full, short


def ancestors(code: str) -> list[dict]:
    out = []
    parent = regions()[code]["parent_code"]
    while parent:
        out.append(regions()[parent])
        parent = regions()[parent]["parent_code"]
    return out


def ancestor_codes(code: str) -> set[str]:
    """The codes of the regions a region lies in (its prefecture, its province)."""
    return {row["code"] for row in ancestors(code)}


def _named_in(row: dict, context: str) -> bool:
    alias = short_name(row["name"])
    return row["name"] in context or bool(alias and alias in context)


def code_for(name: str | None, context: str = "") -> str | None:
    """GB/T 2260 code of a region name; None when redacted, unknown or ambiguous."""
    if not name or "*" in name:
        return None
    name = name.strip()
    full, short = _by_name()
    found = full.get(name) or short.get(name) or short.get(short_name(name) or "") or []
    if len(found) == 1:
        return found[0]
    if len(found) > 1 and context:
        settled = [code for code in found if any(_named_in(a, context) for a in ancestors(code))]
        if len(settled) == 1:
            return settled[0]
    return None


def level_of(code: str | None) -> str | None:
    return regions()[code]["level"] if code else None
