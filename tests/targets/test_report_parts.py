"""Documents that report and plan at once (targets guide §7), on invented texts.

A government work report reviews the past year (and a five-year period) and plans the
report's year; a completion notice reports on its year; a news report of a work report
says which is which only by its sentences' opening words. Each row is checked for kind,
target_year (and period_start where a period is reviewed) and domain; counts and shares
of the plan's own items and plan-execution ratios must give no row.
"""
from __future__ import annotations

import pytest

from flows import clean as clean_stage
from flows import structure as structure_stage
from flows import targets as targets_stage

WORK_REPORT = "\n".join([
    "政府工作报告",
    "——2026年1月12日在青川市第十六届人民代表大会第五次会议上",
    "青川市市长 王明",
    "各位代表：",
    "现在，我代表市人民政府，向大会报告工作，请予审议。",
    "一、2025年工作回顾",
    "过去一年，全市地区生产总值增长5.6%，一般公共预算收入完成86.5亿元、增长6.1%，社会消费品零售总额增长7.2%。"
    "全年新增城镇就业3.2万人，城镇调查失业率控制在5.2%以内。",
    "（一）民生福祉持续增进。新建改扩建幼儿园12所，新增学位5400个。新增托位1200个。改造老旧小区86个。"
    "全年确定的30项民生实事中，28项已全部完成、占比93.3%。固定资产投资完成年度计划的105.6%。",
    "“十四五”时期，全市地区生产总值年均增长6.2%，累计新增城镇就业15万人。",
    "二、2026年工作安排",
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右、城镇调查失业率5.5%左右、"
    "居民人均可支配收入增长5.5%、粮食产量稳定在50万吨以上，进出口总额增长3%。",
    "（一）切实保障和改善民生。新增城镇就业3万人以上。新增养老床位1000张。",
    "（二）办好十件民生实事。",
    "1.新建老年助餐点50个。",
    "2.改造农村公路200公里。",
    "3.新增普惠性托位800个。",
])

# (indicator, value) -> (kind, target_year, period_start, domain)
WORK_REPORT_ROWS = {
    ("地区生产总值增长", 5.6): ("achieved", 2025, None, "economy"),
    ("一般公共预算收入", 8650000000): ("achieved", 2025, None, "economy"),
    ("一般公共预算收入增长", 6.1): ("achieved", 2025, None, "economy"),
    ("社会消费品零售总额增长", 7.2): ("achieved", 2025, None, "economy"),
    ("新增城镇就业", 32000): ("achieved", 2025, None, "employment"),
    ("城镇调查失业率", 5.2): ("achieved", 2025, None, "employment"),
    ("新建改扩建幼儿园", 12): ("achieved", 2025, None, "education"),
    ("新增学位", 5400): ("achieved", 2025, None, "education"),
    ("新增托位", 1200): ("achieved", 2025, None, "childcare"),
    ("改造老旧小区", 86): ("achieved", 2025, None, "housing"),
    ("地区生产总值年均增长", 6.2): ("achieved", 2025, 2021, "economy"),
    ("新增城镇就业", 150000): ("achieved", 2025, 2021, "employment"),
    ("地区生产总值增长", 5): ("target", 2026, None, "economy"),
    ("城镇调查失业率", 5.5): ("target", 2026, None, "employment"),
    ("居民人均可支配收入增长", 5.5): ("target", 2026, None, "income"),
    ("粮食产量", 500000): ("target", 2026, None, "agriculture"),
    ("进出口总额增长", 3): ("target", 2026, None, "economy"),
    ("新增城镇就业", 30000): ("target", 2026, None, "employment"),
    ("新增养老床位", 1000): ("target", 2026, None, "elderly_care"),
    ("新建老年助餐点", 50): ("target", 2026, None, "elderly_care"),
    ("改造农村公路", 200): ("target", 2026, None, "transport"),
    ("新增普惠性托位", 800): ("target", 2026, None, "childcare"),
}

NEWS_REPORT = "\n".join([
    "青川市政府工作报告出炉 今年这样干",
    "青川日报讯（记者 李华）1月12日，青川市第十六届人民代表大会第五次会议开幕，市长王明作政府工作报告。",
    "报告指出，过去一年，全市地区生产总值增长5.6%，规上工业增加值增长8.1%，实现旅游总收入128亿元。",
    "全市新增城镇就业3.2万人，新建改扩建学校9所。",
    "过去五年，全市累计改造农村危房1.2万户。",
    "报告提出，今年全市地区生产总值预期增长5%左右，固定资产投资增长6%。",
    "我们将新增城镇就业3万人，新建老年助餐点60个，改造提升农贸市场12个。",
])

NEWS_ROWS = {
    ("地区生产总值增长", 5.6): ("achieved", 2025, None, "economy"),
    ("规上工业增加值增长", 8.1): ("achieved", 2025, None, "economy"),
    ("旅游总收入", 12800000000): ("achieved", 2025, None, "economy"),
    ("新增城镇就业", 32000): ("achieved", 2025, None, "employment"),
    ("新建改扩建学校", 9): ("achieved", 2025, None, "education"),
    ("改造农村危房", 12000): ("achieved", 2025, 2021, "housing"),
    ("地区生产总值预期增长", 5): ("target", 2026, None, "economy"),
    ("固定资产投资增长", 6): ("target", 2026, None, "economy"),
    ("新增城镇就业", 30000): ("target", 2026, None, "employment"),
    ("新建老年助餐点", 60): ("target", 2026, None, "elderly_care"),
    ("改造提升农贸市场", 12): ("target", 2026, None, "urban_rural"),
}

COMPLETION_NOTICE = "\n".join([
    "关于2025年县政府十件民生实事完成情况的通报",
    "各乡镇人民政府，县政府各部门：",
    "2025年，县政府确定的十件民生实事共涉及26项具体任务，截至12月底，24项已全部完成、占比92.3%，"
    "2项达到序时进度。现将有关情况通报如下：",
    "一、新建改扩建幼儿园3所，新增学位900个。",
    "二、改造农村危房150户，完成年度计划的125%。",
    "三、新增城乡居民基本养老保险参保人数1.2万人。",
    "四、建设老年助餐点20个。",
    "五、下一步工作安排",
    "2026年，将新增托位500个。",
])

NOTICE_ROWS = {
    ("新建改扩建幼儿园", 3): ("achieved", 2025, None, "education"),
    ("新增学位", 900): ("achieved", 2025, None, "education"),
    ("改造农村危房", 150): ("achieved", 2025, None, "housing"),
    ("新增城乡居民基本养老保险参保人数", 12000): ("achieved", 2025, None, "social_security"),
    ("建设老年助餐点", 20): ("achieved", 2025, None, "elderly_care"),
    ("新增托位", 500): ("target", 2026, None, "childcare"),
}


def extract(text: str, **context) -> list[dict]:
    clean_text = clean_stage.clean(text).clean_text
    sections = structure_stage.build_sections("r", clean_text)
    rows = targets_stage.extract_targets(clean_text, sections, targets_stage.DocumentContext(doc_id="r", **context))
    for row in rows:
        assert clean_text[row["char_start"]:row["char_end"]] == row["quote"], row
    return rows


def check(rows: list[dict], expected: dict) -> None:
    got = {(r["indicator"], r["value"]): (r["kind"], r["target_year"], r["period_start"], r["domain"]) for r in rows}
    assert len(got) == len(rows), "two rows with one indicator and value"
    wrong = {key: (got.get(key), want) for key, want in expected.items() if got.get(key) != want}
    extra = sorted(set(got) - set(expected))
    assert not wrong and not extra, {"wrong (got, expected)": wrong, "not expected": extra}


WORK_REPORT_CONTEXTS = [
    pytest.param({"doc_type": "government_work_report", "doc_year": 2026, "issue_year": 2026,
                  "plan_start_year": 2026, "plan_end_year": 2026}, id="metadata-says-all"),
    pytest.param({"doc_type": "government_work_report", "doc_year": 2026, "issue_year": 2026}, id="type-and-year"),
    pytest.param({"issue_year": 2026}, id="issue-year-only"),  # the head says 政府工作报告
]


@pytest.mark.parametrize("context", WORK_REPORT_CONTEXTS)
def test_work_report_review_and_plan(context):
    check(extract(WORK_REPORT, **context), WORK_REPORT_ROWS)


@pytest.mark.parametrize("context", WORK_REPORT_CONTEXTS)
def test_news_report_of_a_work_report_by_opening_words(context):
    check(extract(NEWS_REPORT, **context), NEWS_ROWS)


@pytest.mark.parametrize("context", [
    pytest.param({"doc_type": "progress_report", "doc_year": 2025, "issue_year": 2026}, id="metadata"),
    pytest.param({"issue_year": 2026}, id="head-only"),  # …完成情况的通报 with its year in the title
])
def test_completion_notice_reports_its_year(context):
    check(extract(COMPLETION_NOTICE, **context), NOTICE_ROWS)


def test_plan_items_counts_shares_and_execution_ratios_are_no_rows():
    text = ("2025年确定的126项民生实事中，17项超额完成、占比56.67%，25项内容已全部完成，3个项目正在推进。"
            "全年固定资产投资完成年度计划的112.5%，民生实事项目完成率100%。")
    assert extract(text, issue_year=2026) == []


def test_an_action_plan_is_not_read_as_a_report():
    """Plan headings (主要目标, 重点任务) in a multi-year plan set no year: guide §6 still holds."""
    text = "\n".join(["一、主要目标", "新增养老床位3000张。", "二、重点任务", "（一）新建幼儿园10所。"])
    rows = extract(text, doc_type="action_plan", issue_year=2024, plan_start_year=2024, plan_end_year=2026)
    assert [(r["kind"], r["target_year"]) for r in rows] == [("target", None), ("target", None)]


def test_section_parts_from_headings():
    text = "\n".join(["一、2025年工作回顾", "（一）经济运行稳中向好", "二、2026年工作安排", "（一）重点工作完成情况",
                      "三、其他"])
    sections = structure_stage.build_sections("r", clean_stage.clean(text).clean_text)
    parts = structure_stage.section_parts(sections)
    assert [parts.get(s.section_id) for s in sections] == ["review", "review", "plan", "review", None]


def test_generic_headings():
    text = "\n".join(["一、切实保障和改善民生", "二、办好教育、医疗、养老等民生实事", "三、优先发展教育事业",
                      "（一）新建幼儿园"])
    sections = structure_stage.build_sections("r", clean_stage.clean(text).clean_text)
    generic = structure_stage.generic_sections(sections)
    assert [s.section_id in generic for s in sections] == [True, True, False, False]


REPORT_PAGE = "\n".join([
    # a later page of a work report: its review keeps none of the headings that say so
    "2026年青川市政府工作报告(全文)",
    "(三)持续增进民生福祉,群众获得感不断增强",
    "脱贫攻坚成果巩固拓展取得新进展。全年新增城镇就业3.1万人,转移农村劳动力2.4万人。",
    "基本公共服务持续改善。新建改扩建幼儿园8所,医疗卫生机构床位数达1.8万张。",
    "着力推动高质量发展。新增养老床位800张。",
])


def test_a_work_reports_stated_results_open_a_review():
    """Where no heading or opening word says which part: a sentence that only states a result
    (…取得新进展。…持续改善。) opens a review; one that opens with a verb of doing does not."""
    rows = extract(REPORT_PAGE, doc_type="government_work_report", doc_year=2026, issue_year=2026)
    check(rows, {
        ("新增城镇就业", 31000): ("achieved", 2025, None, "employment"),
        ("转移农村劳动力", 24000): ("achieved", 2025, None, "employment"),
        ("新建改扩建幼儿园", 8): ("achieved", 2025, None, "education"),
        ("医疗卫生机构床位数", 18000): ("achieved", 2025, None, "health"),
        ("新增养老床位", 800): ("achieved", 2025, None, "elderly_care"),  # the review goes on in its section
    })
    # the same sentences in a multi-year plan's goals are targets (plans follow only explicit review words)
    plan = extract(REPORT_PAGE, doc_type="action_plan", plan_start_year=2026, plan_end_year=2030)
    assert {r["kind"] for r in plan} == {"target"}


def test_an_estimate_of_the_year_is_reviewed():
    """预计全年… in a work report estimates the year just ended; 今年预计将… is a plan."""
    text = "\n".join([
        "青川市政府工作报告",
        "预计全年地区生产总值增长5.8%,一般公共预算收入完成42.6亿元。",
        "今年预计将新增城镇就业3万人。",
    ])
    rows = extract(text, doc_type="government_work_report", doc_year=2026, issue_year=2026)
    check(rows, {
        ("地区生产总值增长", 5.8): ("achieved", 2025, None, "economy"),
        ("一般公共预算收入", 4260000000): ("achieved", 2025, None, "economy"),
        ("新增城镇就业", 30000): ("target", 2026, None, "employment"),
    })


def test_a_part_said_again_keeps_its_reach():
    """过去一年, said before the first heading, reviews every section after it; an estimate said again
    under the first heading does not narrow that review to the first section."""
    text = "\n".join([
        "青川市政府工作报告",
        "过去一年,我们重点做了以下工作:",
        "1.经济运行稳中向好",
        "一般公共预算收入预计完成9.2亿元,同比增长6.1%。",
        "2.招商引资持续深化",
        "赴12个省份开展招商活动,招引落地企业15家。",
    ])
    rows = extract(text, doc_type="government_work_report", doc_year=2026, issue_year=2026)
    assert {(r["kind"], r["target_year"]) for r in rows} == {("achieved", 2025)}, rows


def test_a_progress_tables_bare_results_and_shares_of_the_plan():
    """A bare number under 完成情况 counts what its task counts, in the task's unit; a share of the plan
    (占全年计划) is no row; a result equal to its target is a row of its own."""
    text = "\n".join([
        "2025年青川市为民办实事项目完成情况",
        "| 序号 | 实事项目名称 | 完成情况 | 占全年计划 |",
        "| 1 | 新增2000张养老床位 | 2150 | 107.5% |",
        "| 新增20个社区长者食堂 | 20 | 100% | |",
        "| 2 | 改造老旧小区80个 | 86 | 107.5% |",
    ])
    rows = extract(text, doc_type="progress_report", doc_year=2025, issue_year=2026)
    assert [(r["kind"], r["indicator"], r["value"], r["unit"], r["target_year"], r["quote"]) for r in rows] == [
        ("target", "新增养老床位", 2000, "张", 2025, "新增2000张养老床位"),
        ("achieved", "新增养老床位", 2150, "张", 2025, "2150"),
        ("target", "新增社区长者食堂", 20, "个", 2025, "新增20个社区长者食堂"),
        ("achieved", "新增社区长者食堂", 20, "个", 2025, "20"),
        ("target", "改造老旧小区", 80, "个", 2025, "改造老旧小区80个"),
        ("achieved", "改造老旧小区", 86, "个", 2025, "86"),
    ]


def test_a_numbered_label_under_a_review_heading_is_no_task():
    """1、创业就业工程:… under 完成事项情况 labels what was done; 1.地区生产总值增长10%。 states a task."""
    done = "\n".join([
        "关于2025年区政府十件实事落实情况的调查报告",
        "一、十件实事的进展情况",
        "1、创业就业工程:全年新增就业9789人,再就业3111人。",
    ])
    rows = extract(done, doc_type="progress_report", doc_year=2025, issue_year=2026)
    assert {(r["kind"], r["target_year"]) for r in rows} == {("achieved", 2025)}
    task = "\n".join([
        "关于2025年主要经济指标完成情况的通报",
        "1.地区生产总值增长6%。完成情况:地区生产总值同比增长5.2%。",
    ])
    rows = extract(task, doc_type="progress_report", doc_year=2025, issue_year=2026)
    assert [(r["kind"], r["value"]) for r in rows] == [("target", 6), ("achieved", 5.2)]


def test_a_stated_result_names_the_year_it_is_of():
    """A report's digest whose year is unknown: 2019年高质量发展迈出坚实步伐 opens a review of 2019, and the
    review a later heading opens (过去的一年) is of that year too."""
    text = "\n".join(["政府工作报告(摘要)", "2019年高质量发展迈出坚实步伐",
                      "预计实现地区生产总值4200亿元,增长6.1%;城镇登记失业率1.75%。",
                      "一、过去的一年,我们保持狠抓项目的定力", "镇江港吞吐量达3.29亿吨,同比增长14.8%。"])
    rows = extract(text, doc_type="government_work_report")
    assert {(r["kind"], r["target_year"]) for r in rows} == {("achieved", 2019)}


def test_a_review_of_the_year_before_and_this_year_so_far():
    """A report delivered mid-year (2020) whose review heading names the year before first (2019年和今年以来工作回顾):
    the review is of 2019; a paragraph that opens with 今年以来 is of 2020."""
    text = "\n".join(["一、2019年和今年以来工作回顾",
                      "(一)经济平稳健康发展。全年完成地区生产总值1104.49亿元、增长5.0%。",
                      "(二)抗击疫情。今年以来,新增减税降费3.2亿元。"])
    rows = extract(text, doc_type="government_work_report", doc_year=2020, issue_year=2020)
    assert [(r["kind"], r["target_year"], r["value"]) for r in rows] == [
        ("achieved", 2019, 110449000000), ("achieved", 2019, 5.0), ("achieved", 2020, 320000000)]


def test_this_year_opens_a_review_in_a_report():
    """A report's review whose parts open with 这一年,我们… (the year just past) and no heading: achieved, of the
    year before the report's."""
    text = "\n".join(["某县人民政府工作报告(2023年2月14日)",
                      "这一年,我们坚定不移保障民生,公共服务逐步优化。",
                      "开展职业技能培训7268人次,新增城镇就业2304人。"])
    rows = extract(text, doc_type="government_work_report", doc_year=2023, issue_year=2023)
    assert [(r["kind"], r["target_year"], r["value"]) for r in rows] == [("achieved", 2022, 7268), ("achieved", 2022, 2304)]


def test_a_span_a_sentence_looks_ahead_to_dates_its_rows_in_any_document():
    """News of a congress read as a one-year list: a sentence that says its span (今后五年) plans over it; the
    year's own items keep the list's year."""
    text = "\n".join(["市长:今年投资100亿办30件惠民便民实事",
                      "今后五年的主要目标是,全市生产总值年均增长9%以上。",
                      "今年,全市将新建幼儿园10所。"])
    rows = extract(text, doc_type="practical_matters_list", doc_year=2017, issue_year=2017)
    assert [(r["value"], r["target_year"], r["period_start"]) for r in rows] == [(9, 2021, 2017), (10, 2017, None)]
