"""Regenerate flows/reference/population_2020.csv: 2020 census resident population of every
province, prefecture and county of regions.csv for which a checked figure exists.

Not run by the build (the build reads the committed CSV). Run it by hand with the folder
that holds the source files of the public repository leiii/census (MIT licence):

    pip install openpyxl
    git -C <clone of github.com/leiii/census> show 0ba0f1e:data/census/census_county_2020_v1.xlsx > /tmp/leiii/census_county_2020_v1.xlsx
    git -C <clone> show 0ba0f1e:data/census/census_city_2010-2020_v1.csv > /tmp/leiii/census_city_2010-2020_v1.csv
    python flows/reference/make_population.py /tmp/leiii

What it does (README.md beside this file has the result):

- keeps every row of population_2020.csv that was checked by hand against a census bulletin
  (the 31 provinces; the prefectures of 广东, 江苏 and 湖北), as it is;
- gives every other region the figure (人口数_合计, resident population) of the row with its
  GB/T 2260 code in census_county_2020_v1.xlsx, after checking that the names agree (the
  same name, or the same name stem where only the unit type changed: 海门市 -> 海门区);
- resolves the divisions whose codes changed after the census by the hand-checked table
  CHANGES below (renamed or merged whole: the old units' figures; split: null);
- compares the prefecture figures with census_city_2010-2020_v1.csv (the municipal census
  bulletins) and each prefecture's county figures with its own figure, and rewrites the
  section of README.md between the make_population markers with what does not agree.

The source files' sha256 are checked against the ones recorded here, so that the table is
made from exactly the files named in its provenance.
"""
from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = "leiii/census"
COMMIT = "0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087"
COUNTY_FILE = "data/census/census_county_2020_v1.xlsx"
CITY_FILE = "data/census/census_city_2010-2020_v1.csv"
SHA256 = {
    "census_county_2020_v1.xlsx": "04d37df90d4e358c13aac85a76051caab12afa84eca8a3b4f58cf2227ce69f43",
    "census_city_2010-2020_v1.csv": "cef8ba063a7cda6f6eed99cd71cfa18aeed2ef09bc517a514810df874e99913a",
}
SOURCE = (f"第七次全国人口普查分县数据 (7th census yearbook, county tables) as compiled in github.com/{REPO} "
          f"{COUNTY_FILE} @{COMMIT[:7]} (MIT): 人口数_合计")
MARK = f"github.com/{REPO}"  # rows whose source contains this are regenerated; all others are kept

# Divisions of regions.csv whose code is not (or no longer means the same area) in the 2020 data.
# code -> (how, [2020 rows: code, or (the source's 市 and 区县 columns) for rows without a code], note)
#   "renamed": the area is unchanged, only the unit type and code changed: the old row's figure
#   "merged":  the area is exactly the old units together: the sum of their figures
#   "split":   the area takes in part of a unit that was divided: no figure (null)
#   "none":    no 2020 figure exists in the source: null
CHANGES: dict[str, tuple[str, list, str]] = {
    "340210": ("renamed", ["340210"], "芜湖县 → 湾沚区 (2020)"),
    "350405": ("renamed", ["350427"], "沙县 → 沙县区 (2021)"),
    "350604": ("renamed", ["350681"], "龙海市 → 龙海区 (2021)"),
    "350605": ("renamed", ["350625"], "长泰县 → 长泰区 (2021)"),
    "410307": ("renamed", ["410381"], "偃师市 → 偃师区 (2021)"),
    "431181": ("renamed", ["431121"], "祁阳县 → 祁阳市 (2021)"),
    "450181": ("renamed", ["450127"], "横县 → 横州市 (2021)"),
    "513402": ("renamed", ["513425"], "会理县 → 会理市 (2021)"),
    "520581": ("renamed", ["520522"], "黔西县 → 黔西市 (2021)"),
    "532302": ("renamed", ["532331"], "禄丰县 → 禄丰市 (2021)"),
    "540481": ("renamed", ["540422"], "米林县 → 米林市 (2023)"),
    "540581": ("renamed", ["540530"], "错那县 → 错那市 (2023)"),
    "610305": ("renamed", ["610322"], "凤翔县 → 凤翔区 (2021)"),
    "610981": ("renamed", ["610928"], "旬阳县 → 旬阳市 (2021)"),
    "654203": ("renamed", ["654223"], "沙湾县 → 沙湾市 (2021)"),
    "320613": ("merged", ["320613", "320611"], "崇川区 and 港闸区 → 崇川区 (2020)"),
    "330105": ("merged", ["330105", "330103"], "拱墅区 and 下城区 → 拱墅区 (2021)"),
    "350404": ("merged", ["350403", "350402"], "三元区 and 梅列区 → 三元区 (2021)"),
    "410308": ("merged", ["410322", "410306"], "孟津县 and 吉利区 → 孟津区 (2021)"),
    "460302": ("merged", [("西沙群岛", "西沙群岛"), ("中沙群岛的岛礁及其海域", "中沙群岛的岛礁及其海域")],
               "西沙区 governs 西沙群岛 and 中沙群岛的岛礁及其海域 (rows without a code in the source)"),
    "460303": ("merged", [("南沙群岛", "南沙群岛")], "南沙区 governs 南沙群岛 (a row without a code in the source)"),
    "330102": ("split", [], "takes in most of 江干区, which was divided between 上城区 and 钱塘区 (2021)"),
    "330114": ("split", [], "set up in 2021 from parts of 江干区 and 萧山区"),
    "330109": ("split", [], "gave five towns to 钱塘区 (2021)"),
    "330113": ("split", [], "set up in 2021 from part of 余杭区"),
    "330110": ("split", [], "gave its eastern part to 临平区 (2021)"),
    "340209": ("split", [], "takes in part of 三山区, which was divided between 弋江区 and 繁昌区 (2020)"),
    "340212": ("split", [], "takes in part of 三山区, which was divided between 弋江区 and 繁昌区 (2020)"),
    "350527": ("none", [], "金门县: not enumerated by the census"),
    "653228": ("none", [], "和康县: set up in 2024 from parts of counties of 和田地区"),
    "653229": ("none", [], "和安县: set up in 2024 from parts of counties of 和田地区"),
    "659011": ("none", [], "新星市: set up in 2021 (XPCC 13th division) from part of 哈密市"),
    "659012": ("none", [], "白杨市: set up in 2023 (XPCC 9th division) from part of 塔城地区"),
}
UNIT_ENDINGS = ("自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stem(name: str) -> str:
    for ending in UNIT_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


def read_county_rows(path: Path) -> tuple[dict[str, tuple[str, str, int]], dict[tuple[str, str], int]]:
    """code -> (prefecture name, unit name, population); (prefecture, unit) -> population for rows without a code."""
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    i_code, i_city, i_unit, i_pop = (header.index(h) for h in ("区划代码", "市", "区县", "人口数_合计"))
    by_code, by_name = {}, {}
    for row in rows:
        if row[i_unit] is None:
            continue
        pop = int(row[i_pop])
        if row[i_code] in (None, "", "NA"):
            by_name[(row[i_city], row[i_unit])] = pop
        else:
            code = str(int(row[i_code]))
            assert code not in by_code, code
            by_code[code] = (row[i_city], row[i_unit], pop)
    return by_code, by_name


def read_city_rows(path: Path) -> dict[str, int]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {r["city_code"]: int(r["popu_2020"]) for r in csv.DictReader(handle) if r["popu_2020"]}


def build(folder: Path) -> tuple[list[dict], dict]:
    for name, digest in SHA256.items():
        got = sha256(folder / name)
        if got != digest:
            raise SystemExit(f"{name}: sha256 {got}, expected {digest} (the file of {REPO}@{COMMIT[:7]})")
    by_code, by_name = read_county_rows(folder / "census_county_2020_v1.xlsx")
    city = read_city_rows(folder / "census_city_2010-2020_v1.csv")
    with open(HERE / "regions.csv", encoding="utf-8", newline="") as handle:
        regions = {r["code"]: r for r in csv.DictReader(handle)}
    with open(HERE / "population_2020.csv", encoding="utf-8", newline="") as handle:
        kept = {r["code"]: r for r in csv.DictReader(handle) if MARK not in r["population_source"]}

    out: dict[str, dict] = {}
    report = {"renamed_in_place": [], "resolved": [], "null": [], "hand_vs_leiii": [], "unused": []}
    used: set[str] = set()
    for code, region in sorted(regions.items()):
        name = region["name"]
        if code in kept:
            out[code] = kept[code]
            used.add(code)
            if code in by_code and by_code[code][2] != int(kept[code]["population_2020"]):
                report["hand_vs_leiii"].append((code, name, int(kept[code]["population_2020"]), by_code[code][2]))
            continue
        if code in CHANGES:
            how, sources, note = CHANGES[code]
            if how in ("split", "none"):
                report["null"].append((code, name, note))
                continue
            figures, labels = [], []
            for source in sources:
                if isinstance(source, tuple):
                    figures.append(by_name[source])
                    labels.append(source[1])
                else:
                    figures.append(by_code[source][2])
                    labels.append(f"{source} {by_code[source][1]}")
                    used.add(source)
            how_text = "row" if how == "renamed" else "sum of the rows"
            source_text = f"{SOURCE}; {how_text} {' + '.join(labels)} ({note})"
            report["resolved"].append((code, name, how, " + ".join(labels), sum(figures), note))
            out[code] = {"code": code, "name": name, "population_2020": str(sum(figures)), "population_source": source_text}
            continue
        if code not in by_code:
            report["null"].append((code, name, "no row with this code in the source"))
            continue
        _, source_name, pop = by_code[code]
        if source_name != name and stem(source_name) != stem(name):
            report["null"].append((code, name, f"the source's row {code} is {source_name}"))
            continue
        if source_name != name:
            report["renamed_in_place"].append((code, name, source_name))
        used.add(code)
        out[code] = {"code": code, "name": name, "population_2020": str(pop), "population_source": SOURCE}

    for code, (city_name, unit, pop) in sorted(by_code.items()):
        if code not in used:
            report["unused"].append((code, city_name, unit, pop))
    report["unused_without_code"] = sorted(by_name.items())

    # checks: prefecture vs the municipal bulletins; counties vs their prefecture
    pops = {c: int(r["population_2020"]) for c, r in out.items()}
    report["prefecture_vs_bulletin"] = [
        (c, regions[c]["name"], pops[c], city[c]) for c in sorted(pops)
        if regions[c]["level"] == "prefecture" and c in city and city[c] != pops[c]]
    sums = []
    for c in sorted(pops):
        if regions[c]["level"] != "prefecture":
            continue
        children = [k for k, r in regions.items() if r["parent_code"] == c]
        if not children:  # 东莞, 中山, 儋州, 嘉峪关: no counties
            continue
        missing = [regions[k]["name"] for k in children if k not in pops]
        total = sum(pops.get(k, 0) for k in children)
        share = total / pops[c] - 1
        if missing or abs(share) > 0.01:
            extra = [(u, p) for (cn, u), p in by_name.items() if cn == regions[c]["name"]]
            extra += [(f"{k} {u}", p) for k, (cn, u, p) in sorted(by_code.items())
                      if k[:4] == c[:4] and k not in used and k != c]
            rest = (pops[c] - total - sum(p for _, p in extra)) / pops[c]
            sums.append((c, regions[c]["name"], pops[c], total, share, missing,
                         [f"{u} {p:,}" for u, p in extra], rest))
    report["county_sums"] = sums
    rows = [out[c] for c in sorted(out)]
    return rows, report


def coverage(rows: list[dict]) -> dict[str, tuple[int, int]]:
    with open(HERE / "regions.csv", encoding="utf-8", newline="") as handle:
        regions = {r["code"]: r for r in csv.DictReader(handle)}
    have = {r["code"] for r in rows}
    out = {}
    for level in ("province", "prefecture", "county"):
        codes = [c for c, r in regions.items() if r["level"] == level]
        out[level] = (sum(c in have for c in codes), len(codes))
    return out


def report_markdown(rows: list[dict], report: dict) -> str:
    n = lambda v: f"{v:,}"  # noqa: E731
    cov = coverage(rows)
    lines = [f"Source: [`{REPO}`](https://github.com/{REPO}) (MIT licence, © 2022 Lei Dong), commit "
             f"`{COMMIT}`:", ""]
    for name, digest in SHA256.items():
        path = COUNTY_FILE if name.endswith(".xlsx") else CITY_FILE
        lines.append(f"- `{path}` sha256 `{digest}`")
    lines += ["", "Coverage (regions with a 2020 population / regions in `regions.csv`): "
              + "; ".join(f"{level} {a:,} / {b:,} ({a / b:.1%})" for level, (a, b) in cov.items()) + ".", ""]
    lines += ["**Same code, name differs only in unit type** (the unit was converted in place; figure taken):", ""]
    lines += ["- " + ", ".join(f"{c} {name} (source: {src})" for c, name, src in report["renamed_in_place"]), ""]
    lines += ["**Codes that changed after the census, resolved by name and parent** (`CHANGES` in "
              "`make_population.py`):", "", "| code | region | how | 2020 rows | population | change |", "|---|---|---|---|---|---|"]
    lines += [f"| {c} | {name} | {how} | {src} | {n(p)} | {note} |" for c, name, how, src, p, note in report["resolved"]]
    lines += ["", "**Left null** (no 2020 figure for the present-day area):", "",
              "| code | region | why |", "|---|---|---|"]
    lines += [f"| {c} | {name} | {why} |" for c, name, why in report["null"]]
    lines += ["", "**2020 rows of the source used for no region:** the units abolished or split after the census "
              "(named above) and the development zones and other areas that the yearbook lists beside the "
              "counties although they are not county-level divisions (codes xxxx7x and rows without a code): "
              + ", ".join(f"{c} {u}" for c, _, u, _ in report["unused"] if c[4:6] < "70" and not c.endswith("00"))
              + "; " + str(sum(1 for c, *_ in report["unused"] if c[4:6] >= "70")) + " zones with a code and "
              + str(len(report["unused_without_code"])) + " rows without one.", ""]
    lines += ["**Hand-checked rows that differ from the source** (the hand-checked bulletin figure is kept):", "",
              "| code | region | bulletin (kept) | leiii county table | difference |", "|---|---|---|---|---|"]
    lines += [f"| {c} | {name} | {n(a)} | {n(b)} | {n(b - a)} |" for c, name, a, b in report["hand_vs_leiii"]]
    lines += ["", "**Prefecture figures that differ from the municipal bulletins** in "
              f"`{CITY_FILE}` (the county table counts by statistical division, the bulletins by the area "
              "a city administers: 定州 and 雄安新区 under 保定, 西咸新区, 深汕特别合作区, 洋浦, the XPCC):", "",
              "| code | region | population_2020 | bulletin | difference |", "|---|---|---|---|---|"]
    lines += [f"| {c} | {name} | {n(a)} | {n(b)} | {(b - a) / a:+.2%} |" for c, name, a, b in report["prefecture_vs_bulletin"]]
    lines += ["", "**Prefectures whose counties do not add up to within 1 % of the prefecture's figure** "
              "(or have a county without a figure); the yearbook lists development zones and similar areas "
              "beside the counties, and their residents are in no county's figure:", "",
              "| code | prefecture | population_2020 | sum of counties | difference | counties without figure | "
              "areas listed beside the counties (and units abolished since) | not accounted for |",
              "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {c} | {name} | {n(p)} | {n(t)} | {s:+.2%} | {', '.join(m) or '–'} | {', '.join(e) or '–'} | "
              f"{r:+.2%} |" for c, name, p, t, s, m, e, r in report["county_sums"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: make_population.py <folder with census_county_2020_v1.xlsx and census_city_2010-2020_v1.csv>")
    rows, report = build(Path(argv[0]))
    with open(HERE / "population_2020.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["code", "name", "population_2020", "population_source"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- make_population:begin -->", "<!-- make_population:end -->"
    section = f"{begin}\n{report_markdown(rows, report)}{end}"
    readme, count = re.subn(re.escape(begin) + ".*?" + re.escape(end), lambda _: section, readme, flags=re.S)
    if count != 1:
        raise SystemExit("README.md has no make_population section markers")
    (HERE / "README.md").write_text(readme, encoding="utf-8")
    for level, (a, b) in coverage(rows).items():
        print(f"{level}: {a} of {b}")


if __name__ == "__main__":
    main(sys.argv[1:])
