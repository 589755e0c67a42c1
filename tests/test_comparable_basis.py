"""Comparisons compare like with like (issue 11): a five-year total and a one-year target of one
indicator are both put per year before they are divided by population or by each other, and
the basis is said in a column. Built for real (Prefect flow, Parquet, DuckDB views) from two
invented documents in the shapes of a provincial five-year plan and a city's yearly list."""
from __future__ import annotations

import pytest

from flows.flow import build_flow
from flows.publish import connect

PROVINCE_PLAN = "\n".join([
    "广东省人民政府办公厅关于印发广东省促进就业五年行动计划(2023—2027年)的通知",
    "粤府办〔2023〕99号",
    "各地级以上市人民政府:",
    "现将《广东省促进就业五年行动计划(2023—2027年)》印发给你们,请认真组织实施。",
    "一、主要目标",
    "2023—2027年,全省城镇新增就业累计550万人以上。",
    "广东省人民政府办公厅",
    "2023年11月18日",
])
CITY_LIST = "\n".join([
    "江门市2024年十件民生实事",
    "一、就业",
    "2024年,全市城镇新增就业2.5万人。",
    "二、养老",
    "全市新增养老床位500张。",
    "江门市人民政府",
    "2024年3月1日",
])
UNDATED_TOTAL = "\n".join([
    "江门市养老服务体系建设规划(2021—2025年)",
    "一、主要目标",
    "全市城镇新增就业30万人。",
    "江门市人民政府",
    "2021年6月1日",
])


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "gd_plan.txt").write_text(PROVINCE_PLAN, encoding="utf-8")
    (raw / "jm_list.txt").write_text(CITY_LIST, encoding="utf-8")
    (raw / "jm_plan.txt").write_text(UNDATED_TOTAL, encoding="utf-8")
    out = raw.parent / "curated"
    result = build_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(raw.parent / "cache"))
    assert result.status == "complete", result.report
    return out


def test_a_five_year_total_and_a_one_year_target_are_both_per_year_per_resident(build):
    with connect(build) as con:
        rows = {r[0]: r[1:] for r in con.execute(
            """SELECT region_name_en, value, comparable_value, comparable_basis, population_2020,
                      value_per_10k_residents
               FROM compare WHERE indicator_code = 'EMP_NEW_URBAN_JOBS' AND comparable_value IS NOT NULL""").fetchall()}
    value, per_year, basis, population, per_10k = rows["Guangdong"]
    assert (value, per_year, basis) == (5_500_000, 1_100_000, "per year (total over 5 years)")
    assert per_10k == pytest.approx(1_100_000 / population * 10_000)
    value, per_year, basis, population, per_10k = rows["Jiangmen"]
    assert (value, per_year, basis) == (25_000, 25_000, "per year (one-year plan)")
    assert per_10k == pytest.approx(25_000 / population * 10_000)


def test_an_amount_whose_period_is_not_stated_gets_a_reason_not_a_number(build):
    with connect(build) as con:
        row = con.execute(
            """SELECT value, comparable_value, value_per_10k_residents, not_comparable_reason, per_10k_null_reason
               FROM compare WHERE indicator_code = 'EMP_NEW_URBAN_JOBS' AND value = 300000""").fetchone()
    assert row[:3] == (300_000, None, None)
    assert "period" in row[3] and row[4] == row[3]


def test_cascade_divides_per_year_values_and_says_why_it_does_not(build):
    with connect(build) as con:
        rows = con.execute(
            """SELECT city_value, province_value, basis, ratio, not_comparable_reason, population_share,
                      ratio_over_population_share
               FROM cascade WHERE indicator_code = 'EMP_NEW_URBAN_JOBS' ORDER BY city_value""").fetchall()
    yearly = [r for r in rows if r[0] == 25_000][0]
    # 2024 lies inside the province's 2023-2027 period: per year against per year
    assert yearly[2] == "per year (one-year plan)" and yearly[4] is None
    assert yearly[3] == pytest.approx(25_000 / 1_100_000)
    assert yearly[6] == pytest.approx(25_000 / 1_100_000 / yearly[5])
    undated = [r for r in rows if r[0] == 300_000][0]
    assert undated[3] is None and undated[4].startswith("city: ") and "period" in undated[4]


def test_one_placeholder_for_an_unknown_region_in_every_view(build, tmp_path):
    """Documents whose region the text does not give have null region columns everywhere."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "x.txt").write_text("**市2024年民生实事\n一、全市城镇新增就业2万人。\n**市人民政府\n2024年3月1日", encoding="utf-8")
    out = tmp_path / "curated"
    assert build_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(tmp_path / "cache")).status == "complete"
    with connect(out) as con:
        for view in ("targets_flat", "domain_region_counts", "coverage", "compare"):
            names = con.execute(f"SELECT DISTINCT region_name FROM {view}").fetchall()
            assert names in ([(None,)], []), (view, names)
        assert con.execute("SELECT DISTINCT region_name_en FROM coverage").fetchall() == [(None,)]
