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
