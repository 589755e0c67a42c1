"""Add English names (Hanyu Pinyin) of the county-level regions to region_names_en.csv.

Not run by the build (the build reads the committed CSV). Run it by hand:

    pip install pypinyin==0.55.0
    python flows/reference/make_names_en.py

The province and prefecture rows of region_names_en.csv (named by hand) are kept as they
are; the county rows are rewritten. A name is the pinyin of its stem without tones, run
together, capitalised, with an apostrophe before a syllable that starts with a, o or e
(Tai'erzhuang); then the unit: X District (区), X County (县), X Banner (旗), X Autonomous
County / Banner (自治县, 自治旗: the names of the peoples are left out, as they are for the
autonomous prefectures), X Mining District (矿区); a county-level city (市) is the stem alone
(义乌市 -> Yiwu). A stem of one character keeps its unit's character for 区 and 市 (城区 ->
Chengqu District, 芒市 -> Mangshi) and not for 县 (蔚县 -> Yu County). NAMED holds the few
that follow none of these.

Readings: pypinyin's reading of the whole name, except where pinyin_overrides.csv says
otherwise (the longest entry that matches at a position wins). Every name with a character
that pypinyin gives more than one reading for was read through; the overrides are the
readings it got wrong. `--review` prints those names grouped by character and reading.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEOPLES = sorted(["满", "蒙古", "回", "达斡尔", "鄂温克", "朝鲜", "畲", "土家", "苗", "瑶", "侗", "壮", "各", "仫佬",
                  "毛南", "黎", "羌", "彝", "藏", "布依", "水", "仡佬", "哈尼", "傣", "拉祜", "佤", "布朗", "白", "普米",
                  "纳西", "傈僳", "独龙", "怒", "保安", "东乡", "撒拉", "裕固", "哈萨克", "土", "塔吉克", "锡伯", "鄂伦春"],
                 key=len, reverse=True)
WITHOUT_ZU = ("蒙古", "哈萨克", "塔吉克", "锡伯")  # 和布克赛尔蒙古自治县, 木垒哈萨克自治县…
UNITS = [("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("矿区", "Mining District"),
         ("区", "District"), ("县", "County"), ("旗", "Banner"), ("市", "")]
NAMED = {"滨海新区": "Binhai New Area", "浦东新区": "Pudong New Area", "沈北新区": "Shenbei New District",
         "神农架林区": "Shennongjia Forestry District", "六枝特区": "Liuzhi Special District",
         "矿区": "Kuangqu District"}


def overrides() -> dict[str, list[str]]:
    with open(HERE / "pinyin_overrides.csv", encoding="utf-8", newline="") as handle:
        return {r["text"]: r["pinyin"].split() for r in csv.DictReader(handle)}


def syllables(name: str, table: dict[str, list[str]]) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True)
    assert len(out) == len(name), name
    i = 0
    while i < len(name):
        matches = sorted((t for t in table if name.startswith(t, i)), key=len, reverse=True)
        if matches:
            out[i: i + len(matches[0])] = table[matches[0]]
            i += len(matches[0])
        else:
            i += 1
    return out


def strip_peoples(stem: str) -> str:
    while True:
        for people in PEOPLES:
            for ending in (people + "族",) + ((people,) if people in WITHOUT_ZU else ()):
                if stem.endswith(ending) and len(stem) - len(ending) >= 2:
                    stem = stem[: -len(ending)]
                    break
            else:
                continue
            break
        else:
            return stem[:-1] if stem.endswith("族") else stem


def join(parts: list[str]) -> str:
    word = parts[0]
    for part in parts[1:]:
        word += ("'" if part[0] in "aoe" else "") + part
    return word[0].upper() + word[1:]


def english(name: str, table: dict[str, list[str]]) -> str:
    if name in NAMED:
        return NAMED[name]
    for suffix, unit in UNITS:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        raise ValueError(f"no unit ending: {name}")
    if suffix.startswith("自治") or "族" in stem:
        stem = strip_peoples(stem)
    if len(stem) < 2 and suffix in ("区", "市"):
        stem = name
    word = join(syllables(name, table)[: len(stem)])
    return f"{word} {unit}".strip()


def heteronym_chars(text: str) -> list[str]:
    from pypinyin import Style, pinyin

    return [ch for ch in text if len(set(pinyin(ch, heteronym=True, style=Style.NORMAL)[0])) > 1]


def main(argv: list[str]) -> None:
    import pypinyin

    table = overrides()
    with open(HERE / "regions.csv", encoding="utf-8", newline="") as handle:
        regions = list(csv.DictReader(handle))
    with open(HERE / "region_names_en.csv", encoding="utf-8", newline="") as handle:
        kept = {r["code"]: r for r in csv.DictReader(handle)}
    level = {r["code"]: r["level"] for r in regions}
    rows = {c: r for c, r in kept.items() if level[c] != "county"}
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    reviewed = 0
    for region in regions:
        if region["level"] != "county":
            continue
        name = region["name"]
        rows[region["code"]] = {"code": region["code"], "name": name, "name_en": english(name, table)}
        chars = heteronym_chars(name)
        if chars:
            reviewed += 1
            reading = syllables(name, table)
            for ch in set(chars):
                groups[(ch, reading[name.index(ch)])].append(name)
    missing = [r["code"] for r in regions if r["code"] not in rows and r["level"] != "county"]
    if missing:
        raise SystemExit(f"no English name for {missing}")
    with open(HERE / "region_names_en.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["code", "name", "name_en"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[c] for c in sorted(rows))
    if "--review" in argv:
        for (ch, reading), names in sorted(groups.items()):
            print(ch, reading, " ".join(names))
    print(f"pypinyin {pypinyin.__version__}: {sum(level[c] == 'county' for c in rows)} county names; "
          f"{reviewed} with a character pypinyin reads more than one way "
          f"({len({ch for ch, _ in groups})} such characters); {len(table)} overrides")


if __name__ == "__main__":
    main(sys.argv[1:])
