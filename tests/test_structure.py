"""Structure stage on invented texts: the section tree (一、/(一)/1./(1) and '|' table rows),
each section's domain and lead unit, and where each section ends.

tests/test_stages.py checks the four levels and a bracketed 牵头单位; here: the other ways a
lead unit is written, numbers that look like headings, table category cells, items about
another domain than their parent, and the character spans.
"""
from __future__ import annotations

import pytest

from flows import clean, structure

TEXT = "\n".join([
    "前言段落，没有编号。",
    "一、办好教育民生实事",
    "1、新建幼儿园3所。（市教育局负责）",
    "2、改扩建中小学5所。责任单位：市教育局、市发展改革委",
    "3、城镇调查失业率控制在5.5%以内。",
    "1.5%的家庭获得补贴。",
    "二、完善养老服务",
    "（一）发展社区养老（市民政局、市财政局按职责分工负责）",
    "1.新建社区食堂20个。",
    "2.提升公交站点无障碍设施100处。",
    "（1）改造老年人家庭200户。",
    "三、其他事项",
    "| 一、就业创业 | 1 | 开展职业技能培训5000人次 | 市人力资源社会保障局 |",
    "| 2 | 新增创业担保贷款1亿元 | 市人力资源社会保障局、市财政局 |",
    "| 二、交通出行 | 3 | 新增公交线路5条 | 市交通运输局 |",
    "结尾说明。",
])


@pytest.fixture(scope="module")
def tree():
    text = clean.clean(TEXT).clean_text
    return text, structure.build_sections("d", text)


def test_the_section_tree(tree):
    _, sections = tree
    assert [(s.section_id, s.parent_id, s.level, s.label, s.heading) for s in sections] == [
        ("d-1", None, 1, "一、", "办好教育民生实事"),
        ("d-1.1", "d-1", 3, "1、", "新建幼儿园3所"),  # a level may be skipped: 1、 right under 一、
        ("d-1.2", "d-1", 3, "2、", "改扩建中小学5所"),
        ("d-1.3", "d-1", 3, "3、", "城镇调查失业率控制在5.5%以内"),  # 1.5% below is a number, not item 1.
        ("d-2", None, 1, "二、", "完善养老服务"),
        ("d-2.1", "d-2", 2, "(一)", "发展社区养老(市民政局、市财政局按职责分工负责)"),
        ("d-2.1.1", "d-2.1", 3, "1.", "新建社区食堂20个"),
        ("d-2.1.2", "d-2.1", 3, "2.", "提升公交站点无障碍设施100处"),
        ("d-2.1.2.1", "d-2.1.2", 4, "(1)", "改造老年人家庭200户"),
        ("d-3", None, 1, "三、", "其他事项"),
        # a table's category cell opens a level-2 section, each numbered row a level-3 item
        ("d-3.1", "d-3", 2, "一、", "一、就业创业"),
        ("d-3.1.1", "d-3.1", 3, "1", "开展职业技能培训5000人次"),
        ("d-3.1.2", "d-3.1", 3, "2", "新增创业担保贷款1亿元"),
        ("d-3.2", "d-3", 2, "二、", "二、交通出行"),
        ("d-3.2.1", "d-3.2", 3, "3", "新增公交线路5条"),
    ]


def test_domains_and_lead_units(tree):
    _, sections = tree
    assert {s.section_id: (s.domain, s.lead_unit) for s in sections} == {
        "d-1": ("education", None),
        "d-1.1": ("education", "市教育局"),                        # (X负责)
        "d-1.2": ("education", "市教育局、市发展改革委"),          # 责任单位: as written
        "d-1.3": ("employment", None),                             # its own domain, not its parent's
        "d-2": ("elderly_care", None),
        "d-2.1": ("elderly_care", "市民政局、市财政局"),          # (X、Y按职责分工负责)
        "d-2.1.1": ("elderly_care", "市民政局、市财政局"),        # inherited
        "d-2.1.2": ("social_security", None),  # 无障碍 is another domain: no inherited lead unit
        "d-2.1.2.1": ("elderly_care", None),
        "d-3": ("other", None),
        "d-3.1": ("employment", None),
        "d-3.1.1": ("employment", "市人力资源社会保障局"),         # the table's last cell
        "d-3.1.2": ("employment", "市人力资源社会保障局、市财政局"),
        "d-3.2": ("transport", None),
        "d-3.2.1": ("transport", "市交通运输局"),
    }


def test_spans_run_to_the_next_section_at_the_same_level_or_above(tree):
    text, sections = tree
    by_id = {s.section_id: s for s in sections}

    def span(section_id):
        s = by_id[section_id]
        return text[s.char_start:s.char_end]

    assert span("d-1").startswith("一、办好教育") and span("d-1").endswith("1.5%的家庭获得补贴。\n")
    assert span("d-1.3") == "3、城镇调查失业率控制在5.5%以内。\n1.5%的家庭获得补贴。\n"
    assert span("d-2.1.1") == "1.新建社区食堂20个。\n"
    assert span("d-3.1.1") == "| 一、就业创业 | 1 | 开展职业技能培训5000人次 | 市人力资源社会保障局 |"  # its line only
    assert span("d-3.2").endswith("结尾说明。") and by_id["d-3"].char_end == len(text)
    # the innermost section holding an offset; nothing before the first heading
    assert structure.section_at(sections, 0) is None
    assert structure.section_at(sections, text.index("1.5%")).section_id == "d-1.3"
    assert structure.section_at(sections, text.index("老年人家庭")).section_id == "d-2.1.2.1"
    assert structure.section_at(sections, text.index("新增公交线路")).section_id == "d-3.2.1"


@pytest.mark.parametrize("text,lead", [
    ("(牵头单位:市民政局;配合单位:市财政局)", "市民政局"),        # the co-operating units are not the lead
    ("(牵头单位:市卫生健康委、市医保局)", "市卫生健康委、市医保局"),
    ("(牵头:区住房城乡建设局)", "区住房城乡建设局"),
    ("牵头单位:市体育局。", "市体育局"),
    ("责任单位:市交通运输局,各区政府", "市交通运输局"),
    ("(各地各部门负责)", None),                                  # nobody in particular
    ("(责任单位:有关部门)", None),
    ("新建口袋公园3个", None),
])
def test_the_ways_a_lead_unit_is_written(text, lead):
    assert structure.lead_unit_in(text) == lead


@pytest.mark.parametrize("heading,domain", [
    ("新增普惠托位", "childcare"), ("发展社区养老", "elderly_care"), ("改造农贸市场", "urban_rural"),
    ("开展食品抽检", "food_safety"), ("治理黑臭水体", "environment"), ("推进重点工作", None),
    # what a report's review measures: industrial output and sales are the economy, grain output is agriculture
    ("集成电路产量增长21%", "economy"), ("餐饮业营业额增长15.7%", "economy"), ("出让土地19宗", "economy"),
    ("粮食总产量8287万斤", "agriculture"), ("蔬菜产量增长3%", "agriculture"),
    ("单位生产总值二氧化碳排放降低3.6%", "environment"), ("培育市级以上农业龙头企业2家", "agriculture"),
])
def test_domain_of_a_heading(heading, domain):
    assert structure.domain_of(heading) == domain


def test_a_bracketed_lead_unit_does_not_decide_the_domain():
    text = "一、推进重点工作（牵头单位：市卫生健康委）\n1.新建数字化档案室3个。"
    sections = structure.build_sections("d", clean.clean(text).clean_text)
    assert [(s.domain, s.lead_unit) for s in sections] == [("other", "市卫生健康委"), ("other", "市卫生健康委")]


def test_a_table_without_categories_and_a_row_without_a_unit_column():
    text = "一、住房保障\n| 序号 | 项目 | 完成时限 |\n| 5 | 改造城中村30个 | 2025年底 |"
    sections = structure.build_sections("d", text)
    assert [(s.level, s.label, s.heading, s.domain, s.lead_unit) for s in sections] == [
        (1, "一、", "住房保障", "housing", None),
        (3, "", "序号 | 项目 | 完成时限", "housing", None),   # the header row is a row too
        (3, "5", "改造城中村30个 | 2025年底", "housing", None),  # a date cell is no lead unit
    ]


@pytest.mark.parametrize("text, lead", [
    ("(一)新建公园5个。(市人社局牵头,市财政局配合)", "市人社局"),
    ("(二)新建公园5个。(市民政局牵头,各县市区政府负责)", "市民政局"),
    ("(三)新建公园5个。(牵头单位:市住建局;配合单位:市财政局)", "市住建局"),
])
def test_lead_unit_written_as_x_leads(text, lead):
    assert structure.lead_unit_in(text) == lead
    assert "牵头" not in structure.without_lead_units(text)


@pytest.mark.parametrize("heading, domain", [
    ("(六)坚持住有所居,完善住房保障体系", "housing"),
    ("(二)推进幼有所育", "childcare"),
    ("三、弱有所扶,兜牢民生底线", "social_security"),
    ("(一)老有所养", "elderly_care"),
])
def test_the_seven_have_phrases_name_their_domain(heading, domain):
    assert structure.domain_of(heading) == domain
