"""Document metadata stage on small invented notices: what the text says, the manifest
where it does not, null where nobody says. (tests/test_stages.py has a prefecture notice
with a 〔2024〕 number; these are other shapes of head and tail.)"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from flows import clean, metadata


def meta(text: str, manifest: dict | None = None) -> dict:
    return metadata.document_metadata(clean.clean(text).clean_text, manifest)


COUNTY_LIST = "\n".join([
    "清河县人民政府关于印发清河县2024年民生实事项目清单的通知",
    "清政〔2024〕7号",
    "各乡镇人民政府，县直各单位：",
    "现将《清河县2024年民生实事项目清单》印发给你们，请认真组织实施。",
    "清河县人民政府",
    "2024年2月30日",      # not a date: skipped
    "2024年3月1日",
])


def test_a_county_list_of_one_year():
    m = meta(COUNTY_LIST)
    assert m == {
        # the document the notice issues (关于印发X的通知: X), as for a notice that quotes 《X》
        "title": "清河县2024年民生实事项目清单",
        "doc_number": "清政〔2024〕7号",
        "issuer": "清河县人民政府",
        "issue_date": dt.date(2024, 3, 1),
        "region_name": "清河县", "region_code": "130534", "admin_level": "county",  # 清河县 of 邢台市, Hebei
        "doc_year": 2024,
        "plan_start_year": 2024, "plan_end_year": 2024,  # one year in the title: a one-year list
        "doc_type": "practical_matters_list",
        "source_url": None,
        "metadata_sources": m["metadata_sources"],
        "metadata_evidence": m["metadata_evidence"],
        "warnings": [],
    }
    assert json.loads(m["metadata_sources"]) == {k: "text" for k in (
        "title", "doc_number", "issuer", "issue_date", "region_name", "region_code", "admin_level", "doc_year",
        "plan_start_year", "plan_end_year", "doc_type")}
    assert json.loads(m["metadata_evidence"])["region_code"]["where"] == "title"


def test_square_bracket_document_numbers_are_normalised_and_a_named_period_gives_the_years():
    m = meta("\n".join([
        "关于印发《石湖市“十四五”养老服务发展规划》的通知",
        "石府办[2022]第3号",
        "石湖市人民政府办公室",
        "2022年1月5日",
    ]))
    assert m["doc_number"] == "石府办〔2022〕第3号"
    assert m["title"] == "石湖市“十四五”养老服务发展规划"
    assert (m["plan_start_year"], m["plan_end_year"]) == (2021, 2025)
    assert m["issuer"] == "石湖市人民政府办公室" and m["issue_date"] == dt.date(2022, 1, 5)
    assert (m["region_name"], m["admin_level"], m["doc_type"]) == ("石湖市", "prefecture", "action_plan")


@pytest.mark.parametrize("bracket", [
    "〔2023〕", "【2023】", "[2023]",
    "（2023）", "(2023)"])
def test_every_bracket_style_of_a_document_number_is_read(bracket):
    m = meta(f"某某县养老服务工作方案\n某民发{bracket}15号\n一、目标")
    assert m["doc_number"] == "某民发〔2023〕15号"


def test_a_period_line_under_the_title_belongs_to_it():
    m = meta("东山区促进就业三年行动方案\n（2025—2027年）\n一、目标")
    assert m["title"] == "东山区促进就业三年行动方案(2025—2027年)"
    assert (m["plan_start_year"], m["plan_end_year"]) == (2025, 2027)
    assert (m["region_name"], m["admin_level"], m["doc_type"]) == ("东山区", "county", "action_plan")
    assert (m["doc_number"], m["issuer"], m["issue_date"]) == (None, None, None)


def test_the_plan_period_may_come_from_the_opening_text():
    m = meta("南湾市养老服务提升行动方案\n为推进养老服务，制定2024—2026年工作安排。\n本方案自2024年5月1日起施行。")
    assert (m["plan_start_year"], m["plan_end_year"]) == (2024, 2026)
    assert m["issue_date"] is None  # a date inside a sentence is not the date of issue


def test_two_years_beside_a_dateline_are_no_period():
    # a PDF's cover lines (2021 2022) run into the dateline (——2021年12月28日): a span that runs backwards
    m = meta("关于南湾市东区2021年国民经济和社会发展计划执行情况及2022年计划草案的报告\n"
             "2021 2022 ——2021年12月28日在南湾市东区第五届人民代表大会第一次会议上\n各位代表:")
    assert m["plan_start_year"] is None or m["plan_start_year"] <= m["plan_end_year"]
    assert m["doc_year"] == 2022


def test_the_issuer_from_the_title_when_no_line_signs_the_document():
    m = meta("西岭市人民政府关于进一步做好稳就业工作的实施意见\n一、总体要求")
    assert (m["issuer"], m["region_name"], m["admin_level"]) == ("西岭市人民政府", "西岭市", "prefecture")
    assert m["doc_type"] == "implementation_opinion"
    assert (m["plan_start_year"], m["plan_end_year"]) == (None, None)


def test_an_autonomous_region_is_a_province():
    m = meta("某某自治区民政厅关于印发2023年工作要点的通知\n2023年2月1日")
    assert (m["region_name"], m["admin_level"], m["doc_type"]) == ("某某自治区", "province", "work_plan")
    assert (m["plan_start_year"], m["plan_end_year"], m["issue_date"]) == (2023, 2023, dt.date(2023, 2, 1))


def test_a_redacted_region_is_null_not_guessed():
    m = meta("***市人民政府办公室关于印发***市养老服务提升方案的通知\n***市人民政府办公室\n2023年6月1日")
    assert m["region_name"] is None and m["admin_level"] == "unknown"
    assert m["issuer"] == "***市人民政府办公室" and m["issue_date"] == dt.date(2023, 6, 1)


def test_the_text_wins_over_the_manifest_and_the_manifest_fills_the_gaps():
    manifest = {"region_name": "别的县", "doc_number": "别〔2020〕1号", "source_url": "https://example.org/qh",
                "admin_level": "prefecture"}
    m = meta(COUNTY_LIST, manifest)
    assert (m["region_name"], m["admin_level"], m["doc_number"]) == ("清河县", "county", "清政〔2024〕7号")
    assert m["source_url"] == "https://example.org/qh"
    assert json.loads(m["metadata_sources"])["source_url"] == "manifest"
    assert json.loads(m["metadata_sources"])["region_name"] == "text"


def test_manifest_values_are_typed_like_the_text_ones():
    m = meta("一、主要目标\n新增城镇就业2万人。", {
        "title": "某某市稳就业工作方案", "region_name": "某某市", "plan_start_year": "2023", "plan_end_year": "2025",
        "issue_date": "2023-04-10", "doc_type": "work_plan", "issuer": "某某市人民政府"})
    assert (m["plan_start_year"], m["plan_end_year"], m["issue_date"]) == (2023, 2025, dt.date(2023, 4, 10))
    # admin_level is derived from the manifest's region when neither says it
    assert (m["title"], m["region_name"], m["admin_level"], m["doc_type"]) == ("某某市稳就业工作方案", "某某市",
                                                                               "prefecture", "work_plan")
    assert json.loads(m["metadata_sources"]) == {k: "manifest" for k in (
        "title", "region_name", "plan_start_year", "plan_end_year", "issue_date", "doc_type", "issuer")}


def test_nothing_said_means_null_but_the_kind_its_opening_reads_most_like():
    m = meta("各县区民政局：\n请于本月底前报送材料，新建社区食堂12个。")
    assert m["doc_type"] in {"action_plan", "practical_matters_list", "implementation_opinion", "work_plan",
                             "government_work_report", "progress_report", "other"}
    assert m == {"title": None, "doc_number": None, "issuer": None, "issue_date": None, "region_name": None,
                 "region_code": None, "admin_level": "unknown", "doc_year": None,
                 "plan_start_year": None, "plan_end_year": None, "doc_type": m["doc_type"],
                 "source_url": None, "metadata_sources": '{"doc_type": "model"}', "metadata_evidence": "{}", "warnings": []}


def test_a_bureau_signing_its_notice_is_the_issuer():
    m = meta("\n".join(["关于印发北岸市2025年养老服务工作要点的通知", "北民〔2025〕4号", "北岸市民政局", "2025年1月20日"]))
    assert (m["issuer"], m["region_name"]) == ("北岸市民政局", "北岸市")


def test_a_department_notice_about_the_whole_province_takes_the_region_from_its_signature():
    m = meta("\n".join(["关于做好全省高校毕业生就业工作的通知", "各市人力资源社会保障局:", "新增就业岗位2万个。",
                        "南岭省人力资源和社会保障厅", "2024年3月1日"]))
    assert (m["issuer"], m["region_name"], m["admin_level"]) == ("南岭省人力资源和社会保障厅", "南岭省", "province")


def test_a_redacted_issuer_prefix_keeps_its_stars():
    assert meta("**县养老服务方案\n**府办〔2023〕12号\n一、目标")["doc_number"] == "**府办〔2023〕12号"


def test_a_signature_date_in_chinese_numerals_and_an_issued_title_without_quotes():
    m = meta("\n".join(["西河市人民政府关于印发西河市“十四五”养老服务体系建设规划的通知", "西政发〔2022〕5号",
                        "各区人民政府:", "西河市人民政府", "二〇二二年三月五日"]))
    assert (m["title"], m["issuer"], m["issue_date"], m["region_name"]) == (
        "西河市“十四五”养老服务体系建设规划", "西河市人民政府", dt.date(2022, 3, 5), "西河市")
    assert (m["plan_start_year"], m["plan_end_year"], m["doc_type"]) == (2021, 2025, "action_plan")


@pytest.mark.parametrize("line, date", [
    ("2024年1月8日印发", dt.date(2024, 1, 8)),
    ("二〇二四年十二月三十一日", dt.date(2024, 12, 31)),
    ("二○二三年十月十日", dt.date(2023, 10, 10)),
    ("2024年2月30日", None),
    ("2024年12月", None),
])
def test_signature_date_lines(line, date):
    assert metadata.date_of_line(line) == date
