"""Main-indicator tables (| 指标 | 2020年 | 2025年 | 属性 |) read by their columns.

Tables invented for the tests in the layouts plans use: a baseline and a target year
column, several target years, a 单位 column, merged category cells, bracketed totals
over the period, comparator signs, and a task table that is no indicator table.
"""
from __future__ import annotations

import pytest

from flows import clean as clean_stage
from flows import indicator_tables
from flows import structure as structure_stage
from flows import targets

DOC = "tbl0000000000000"


def extract(text: str, **context) -> list[dict]:
    clean_text = clean_stage.clean(text).clean_text
    sections = structure_stage.build_sections(DOC, clean_text)
    ctx = targets.DocumentContext(doc_id=DOC, **context)
    rows = targets.extract_targets(clean_text, sections, ctx)
    for row in rows:
        assert row["quote"] == clean_text[row["char_start"]: row["char_end"]]
    return rows


def brief(rows: list[dict]) -> list[tuple]:
    return [(r["indicator"], r["value"], r["value_high"], r["unit"], r["unit_kind"], r["comparator"],
             r["target_year"], r["period_start"], r["is_cumulative"], r["domain"]) for r in rows]


FIVE_YEAR_PLAN = """西岭市“十四五”民生保障规划
（2021—2025年）
一、主要目标
| 序号 | 指标 | 2020年 | 2025年 | 属性 |
| 1 | 城镇新增就业（万人） | 4.1 | [20] | 预期性 |
| 2 | 城镇调查失业率（%） | 5.2 | <5.5 | 预期性 |
| 3 | 每千人口拥有3岁以下婴幼儿托位数（个） | 1.2 | 4.5 | 预期性 |
| 4 | 养老机构护理型床位占比（%） | 40 | ≥55 | 约束性 |
| 5 | 基本养老保险参保率 | 92 | 95 | 预期性 |
| 6 | 人均预期寿命（岁） | 78.2 | 79 | 预期性 |
| 7 | 城乡居民人均可支配收入增速 | 6.5 | 与经济增长同步 | 预期性 |
"""


def test_a_five_year_plan_table_gives_one_row_per_indicator_from_the_target_column():
    rows = extract(FIVE_YEAR_PLAN, plan_start_year=2021, plan_end_year=2025, issue_year=2021)
    assert brief(rows) == [
        ("城镇新增就业", 200000, None, "人", "count", "eq", 2025, 2021, True, "employment"),
        ("城镇调查失业率", 5.5, None, "%", "percent", "lt", 2025, None, False, "employment"),
        ("每千人口拥有3岁以下婴幼儿托位数", 4.5, None, "个/千人", "rate", "eq", 2025, None, False, "childcare"),
        ("养老机构护理型床位占比", 55, None, "%", "percent", "ge", 2025, None, False, "elderly_care"),
        ("基本养老保险参保率", 95, None, "%", "percent", "eq", 2025, None, False, "social_security"),
        ("人均预期寿命", 79, None, "岁", "age", "eq", 2025, None, False, "health"),
    ]
    assert {r["kind"] for r in rows} == {"target"}
    assert rows[0]["quote"] == "| 1 | 城镇新增就业(万人) | 4.1 | [20] | 预期性 |"


def test_several_target_years_a_unit_column_and_a_merged_category_cell():
    text = """一、发展指标
| 类别 | 指标名称 | 单位 | 2022年基数 | 2025年目标 | 2027年目标 |
| 就业 | 城镇新增就业 | 万人 | 1.1 | 1.2 | 1.3 |
| 零就业家庭动态清零率 | % | 100 | 100 | 100 |
| 养老 | 社区养老服务设施覆盖率 | % | 80 | 90以上 | 100 |
"""
    rows = extract(text, plan_start_year=2023, plan_end_year=2027, issue_year=2023)
    assert brief(rows) == [
        ("城镇新增就业", 12000, None, "人", "count", "eq", 2025, None, False, "employment"),
        ("城镇新增就业", 13000, None, "人", "count", "eq", 2027, None, False, "employment"),
        ("零就业家庭动态清零率", 100, None, "%", "percent", "eq", 2025, None, False, "employment"),
        ("零就业家庭动态清零率", 100, None, "%", "percent", "eq", 2027, None, False, "employment"),
        ("社区养老服务设施覆盖率", 90, None, "%", "percent", "ge", 2025, None, False, "elderly_care"),
        ("社区养老服务设施覆盖率", 100, None, "%", "percent", "eq", 2027, None, False, "elderly_care"),
    ]


def test_a_target_column_without_a_year_takes_the_plan_end_and_ranges_are_kept():
    text = """| 指标 | 现状值 | 目标值 | 牵头单位 |
| 新建改建公办幼儿园（所） | 3 | 4-6 | 区教育局 |
| 普惠性幼儿园覆盖率（%） | 85 | 90左右 | 区教育局 |
"""
    rows = extract(text, plan_start_year=2024, plan_end_year=2026, issue_year=2024)
    assert brief(rows) == [
        ("新建改建公办幼儿园", 4, 6, "所", "count", "range", 2026, None, False, "education"),
        ("普惠性幼儿园覆盖率", 90, None, "%", "percent", "approx", 2026, None, False, "education"),
    ]
    assert [r["lead_unit"] for r in rows] == ["区教育局", "区教育局"]


def test_a_task_table_is_no_indicator_table_and_is_read_as_prose():
    text = """| 序号 | 年度目标任务 | 牵头单位 |
| 1 | 新建社区食堂12个,改造农贸市场5个。 | 区商务局 |
"""
    cells, covered = indicator_tables.find_cells(clean_stage.clean(text).clean_text)
    assert (cells, covered) == ([], [])
    assert [(r["indicator"], r["value"], r["unit"]) for r in extract(text, issue_year=2024)] == [
        ("新建社区食堂", 12, "个"), ("改造农贸市场", 5, "个")]


def test_a_unit_the_lexicon_does_not_know_gives_no_row_rather_than_a_guess():
    text = "| 指标 | 2025年 |\n| 森林蓄积量（立方寸） | 30 |\n| 义务教育巩固率（%） | 97 |"
    rows = extract(text, plan_start_year=2021, plan_end_year=2025)
    assert [(r["indicator"], r["value"], r["unit"]) for r in rows] == [("义务教育巩固率", 97, "%")]


@pytest.mark.parametrize("cell, expected", [
    ("[25]", (25, None, None, True, "")),
    ("〔25〕万人", (25, None, None, True, "万人")),
    ("≥95%", (95, None, "ge", False, "%")),
    ("＞90", (90, None, "gt", False, "")),
    ("5.5以内", (5.5, None, "le", False, "")),
    ("3-5", (3, 5, "range", False, "")),
    ("1,200", (1200, None, None, False, "")),
    ("—", None),
    ("持续提高", None),
    ("[25", None),
])
def test_value_cells(cell, expected):
    assert indicator_tables.parse_value(cell) == expected


def test_a_task_table_row_takes_its_deadline_cell_as_the_target_year():
    text = """| 序号 | 项目名称 | 目标任务 | 牵头单位 | 完成时限 |
| 1 | 老旧小区改造 | 改造老旧小区30个 | 市住建局 | 2025年12月底 |
| 2 | 托育服务 | 新增托位500个 | 市卫健委 | 2026年 |
| 3 | 助餐服务 | 新建老年食堂20个 | 市民政局 | 持续推进 |
"""
    rows = extract(text, plan_start_year=2024, plan_end_year=2026, issue_year=2024)
    assert [(r["indicator"], r["value"], r["target_year"], r["lead_unit"]) for r in rows] == [
        ("改造老旧小区", 30, 2025, "市住建局"), ("新增托位", 500, 2026, "市卫健委"), ("新建老年食堂", 20, None, "市民政局")]
