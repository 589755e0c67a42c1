"""The regions reference (flows/reference/) and the link from a document to its region."""
from __future__ import annotations

import re

import pandas as pd

from flows import regions
from flows.ingest import RawDocument
from flows.pipeline import build_document


def test_every_region_has_a_valid_code_level_and_parent():
    rows = regions.regions()
    assert len(rows) > 3000
    for code, row in rows.items():
        assert re.fullmatch(r"[1-8]\d{5}", code), code
        assert row["level"] in ("province", "prefecture", "county")
        if row["level"] == "province":
            assert code.endswith("0000") and row["parent_code"] is None
        else:
            parent = rows[row["parent_code"]]
            assert parent["level"] == ("province" if row["level"] == "prefecture" else parent["level"])
            assert code[:2] == row["parent_code"][:2]
    levels = pd.Series([r["level"] for r in rows.values()]).value_counts()
    assert levels["province"] == 34 and levels["prefecture"] == 333 and levels["county"] > 2800


def test_names_and_codes_of_the_corpus_regions():
    rows = regions.regions()
    expected = {"440000": "广东省", "440700": "江门市", "420000": "湖北省", "420100": "武汉市",
                "320000": "江苏省", "320900": "盐城市"}
    for code, name in expected.items():
        assert rows[code]["name"] == name
        assert rows[code]["population_2020"] > 0 and "第七次全国人口普查" in rows[code]["population_source"]
        assert rows[code]["name_en"]
    assert rows["440700"]["parent_code"] == "440000"
    assert rows["440703"]["parent_code"] == "440700"  # 蓬江区
    assert rows["429004"]["parent_code"] == "420000"  # 仙桃市, governed by the province
    assert rows["110105"]["parent_code"] == "110000"  # 朝阳区 of Beijing


def test_census_figures_add_up():
    """Each province's prefecture figures add up to the province's figure; the 31 provinces to the
    national bulletin's total less its 2,000,000 active servicemen."""
    rows = regions.regions()
    with_population = [r for r in rows.values() if r["population_2020"] is not None]
    provinces = [r for r in with_population if r["level"] == "province"]
    assert len(provinces) == 31
    assert sum(r["population_2020"] for r in provinces) == 1_411_778_724 - 2_000_000
    for province in ("440000", "320000", "420000"):
        children = [r for r in with_population if r["parent_code"] == province]
        assert sum(r["population_2020"] for r in children) == rows[province]["population_2020"]
    for r in rows.values():
        assert (r["population_2020"] is None) == (r["population_source"] is None)


def test_code_for_names_short_names_and_redactions():
    assert regions.code_for("江门市") == "440700"
    assert regions.code_for("盐城") == "320900"
    assert regions.code_for("广东省") == "440000"
    assert regions.code_for("**市") is None
    assert regions.code_for(None) is None
    assert regions.code_for("不存在市") is None


def test_a_shared_name_is_settled_by_its_parent_in_the_context():
    assert regions.code_for("朝阳区") is None  # Beijing and Changchun both have one
    assert regions.code_for("朝阳区", "北京市朝阳区人民政府关于做好养老服务工作的通知") == "110105"
    assert regions.code_for("鼓楼区", "南京市鼓楼区民生实事项目清单") == "320106"


def _raw(text: str, name: str) -> RawDocument:
    return RawDocument(source_file=name, sha256="0" * 64, encoding="utf-8", text=text, manifest={}, n_bytes=len(text))


def test_a_document_is_linked_to_the_region_its_text_names_without_a_manifest():
    text = ("盐城市人民政府办公室关于印发盐城市2025年为民办实事项目的通知\n"
            "各县(市、区)人民政府:\n"
            "一、就业\n"
            "1.全年城镇新增就业6万人以上。\n"
            "盐城市人民政府办公室\n2025年2月10日\n")
    tables = build_document(_raw(text, "yancheng_test.txt"))
    assert tables.document["region_name"] == "盐城市"
    assert tables.document["region_code"] == "320900"


def test_a_redacted_region_stays_null():
    text = ("**市2025年民生实事项目实施方案\n"
            "一、就业\n"
            "1.全年城镇新增就业2万人。\n"
            "2025年3月1日\n")
    tables = build_document(_raw(text, "redacted_test.txt"))
    assert tables.document["region_code"] is None


def test_population_covers_every_province_prefecture_and_nearly_every_county():
    coverage = regions.population_coverage()
    assert coverage["province"] == {"regions": 34, "with_population": 31}  # not 台湾, 香港, 澳门
    assert coverage["prefecture"]["with_population"] == coverage["prefecture"]["regions"] == 333
    assert coverage["county"]["with_population"] >= 0.95 * coverage["county"]["regions"]
    rows = regions.regions()
    assert {c for c, r in rows.items() if r["level"] == "province" and r["population_2020"] is None} == \
        {"710000", "810000", "820000"}
    for r in rows.values():
        if r["population_2020"] is not None:
            assert r["population_2020"] > 0 and ("第七次全国人口普查" in r["population_source"])


def test_known_county_figures_and_names():
    rows = regions.regions()
    assert rows["330521"]["name"] == "德清县" and rows["330521"]["population_2020"] == 548_568
    assert rows["330521"]["name_en"] == "Deqing County"
    assert rows["320106"]["name"] == "鼓楼区" and rows["320106"]["population_2020"] == 940_387
    assert rows["320106"]["name_en"] == "Gulou District"
    assert rows["330782"]["name_en"] == "Yiwu"  # county-level city: 市 dropped
    assert rows["429021"]["name_en"] == "Shennongjia Forestry District"
    assert rows["150723"]["name_en"] == "Elunchun Autonomous Banner"
    # readings of polyphonic characters in place names (pinyin_overrides.csv)
    expected = {"140428": "Zhangzi County", "130225": "Laoting County", "330382": "Yueqing",
                "320116": "Luhe District", "440113": "Panyu District", "141024": "Hongtong County",
                "130726": "Yu County", "371722": "Shan County", "371522": "Shen County",
                "341621": "Guoyang County", "341021": "She County", "361124": "Yanshan County",
                "340722": "Zongyang County", "330122": "Tonglu County", "360730": "Ningdu County",
                "610116": "Chang'an District", "371524": "Dong'e County"}
    for code, name_en in expected.items():
        assert rows[code]["name_en"] == name_en, (code, rows[code]["name"], rows[code]["name_en"])
    # a unit merged after the census gets its parts' sum; one that took in part of a split unit gets none
    assert rows["410308"]["population_2020"] == 416_845 + 69_142  # 孟津区 = 孟津县 + 吉利区
    assert rows["330114"]["population_2020"] is None  # 钱塘区
    assert rows["340212"]["population_2020"] is None  # 繁昌区


def test_every_region_has_an_english_name():
    for row in regions.regions().values():
        assert row["name_en"] and row["name_en"] == row["name_en"].strip(), row
        assert re.fullmatch(r"[A-Z][A-Za-zü' ()]+", row["name_en"]), row


def test_county_figures_add_up_to_their_prefecture():
    """Where every county has a figure from the county table, the counties add up to the prefecture's
    figure less the development zones the table lists beside them: never more than the prefecture,
    and within 1 % for most prefectures (flows/reference/README.md lists the others)."""
    rows = regions.regions()
    close = checked = 0
    for code, row in rows.items():
        children = [r for r in rows.values() if r["parent_code"] == code and r["level"] == "county"]
        if row["level"] != "prefecture" or not children or any(r["population_2020"] is None for r in children):
            continue
        total = sum(r["population_2020"] for r in children)
        checked += 1
        close += abs(total / row["population_2020"] - 1) <= 0.01
        if "leiii" in row["population_source"]:
            assert total <= row["population_2020"], row
    assert checked > 280 and close / checked > 0.7, (close, checked)
    assert sum(r["population_2020"] for r in rows.values() if r["parent_code"] == "330500") == \
        rows["330500"]["population_2020"]  # 湖州市: 吴兴区, 南浔区, 德清县, 长兴县, 安吉县


def test_per_10k_figure_never_uses_a_parents_population(seed_build, tmp_path):
    """value_per_10k_residents divides by the document's own region's population; when that is null
    the figure is null with a reason, although the parent (here 广东省) has a population. Only rows
    with a per-year value get a figure at all (the others keep their not_comparable_reason), so the
    population's part is checked on those."""
    import shutil

    import duckdb

    from flows.comparison import COMPARE_SQL

    folder = tmp_path / "curated"
    shutil.copytree(seed_build, folder)
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{folder}'")
    query = f"""SELECT count(value_per_10k_residents), count(*), any_value(per_10k_null_reason)
                FROM ({COMPARE_SQL}) c JOIN read_parquet('units.parquet') u USING (unit)
                WHERE region_code = '440700' AND u.per_resident AND c.comparable_basis LIKE 'per year%'"""
    without_a_year = f"""SELECT count(*) FROM ({COMPARE_SQL}) c JOIN read_parquet('units.parquet') u USING (unit)
                         WHERE region_code = '440700' AND u.per_resident AND c.comparable_value IS NULL
                         AND (value_per_10k_residents IS NOT NULL OR per_10k_null_reason <> not_comparable_reason)"""
    with_figure, n, _ = con.execute(query).fetchone()
    assert n > 0 and with_figure == n  # 江门市 has its own population
    assert con.execute(without_a_year).fetchone()[0] == 0  # no per-year value: its own reason, not a figure
    frame = pd.read_parquet(folder / "regions.parquet")
    frame["population_2020"] = frame["population_2020"].astype("Int64")
    frame.loc[frame["code"] == "440700", ["population_2020", "population_source"]] = [pd.NA, None]
    frame.to_parquet(folder / "regions.parquet", index=False)
    assert frame.set_index("code").loc["440000", "population_2020"] > 0
    with_figure, n, reason = con.execute(query).fetchone()
    assert n > 0 and with_figure == 0
    assert reason.startswith("no 2020 population for the region itself")
    assert con.execute(f"""SELECT count(*) FROM ({COMPARE_SQL}) c
                           WHERE value_per_10k_residents IS NULL AND per_10k_null_reason IS NULL""").fetchone()[0] == 0


def test_informal_region_aliases_point_at_real_codes():
    from flows import lexicon
    for row in lexicon.region_aliases():
        assert row["code"] in regions.regions(), row
        name = regions.regions()[row["code"]]["name"]
        assert row["note"].endswith(name), row  # the note names the region the alias stands for
        assert row["alias"] not in {r["name"] for r in regions.regions().values()}, row  # no region's own name
