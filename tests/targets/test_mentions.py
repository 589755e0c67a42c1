"""Number and unit normalization in the targets stage, on numbers and sentences invented here."""
from __future__ import annotations

import pytest

from flows import clean, structure, targets


@pytest.mark.parametrize("text,value", [
    ("1200张", 1200), ("3.5%", 3.5), ("2.4万人", 24000), ("1.2亿元", 120000000), ("3千户", 3000),
    ("两万人", 20000), ("一千二百户", 1200), ("三十五个", 35), ("十个", 10),
    ("0.8‰", 0.8), ("12,000人", 12000), ("1,250,000元", 1250000),
])
def test_read_number(text, value):
    read = targets.read_number(text, 0)
    assert read is not None and read[0] == pytest.approx(value)


def rows(sentence: str, issue_year: int = 2024) -> list[tuple]:
    text = clean.clean(sentence).clean_text
    ctx = targets.DocumentContext(doc_id="numbers", issue_year=issue_year)
    found = targets.extract_targets(text, structure.build_sections("numbers", text), ctx)
    return [(r["value"], r["value_high"], r["unit"], r["unit_kind"], r["comparator"]) for r in found]


@pytest.mark.parametrize("sentence,expected", [
    ("全县新增城镇就业两万人。", [(20000, None, "人", "count", "eq")]),
    ("改造农村户厕一千二百户。", [(1200, None, "户", "count", "eq")]),
    ("开展技能培训十余场。", [(10, None, "场", "count", "gt")]),
    ("发放创业担保贷款3.6亿元。", [(360000000, None, "元", "money", "eq")]),
    ("每个社区配备社工1-2名。", [(1, 2, "人", "count", "range")]),
    ("产前筛查率保持在30%-40%。", [(30, 40, "%", "percent", "range")]),
    ("建设街道综合养老服务中心3至5个。", [(3, 5, "个", "count", "range")]),
    ("婴儿死亡率控制在4.5‰以内。", [(4.5, None, "‰", "permille", "le")]),
    ("城镇登记失业率比上年下降0.5个百分点。", [(0.5, None, "百分点", "pct_point", "eq")]),
    ("每千人口拥有医疗卫生机构床位7.2张。", [(7.2, None, "张/千人", "rate", "eq")]),
    ("孕产妇死亡率低于9/10万。", [(9, None, "/10万", "rate", "lt")]),
    ("食品抽检达到4.5批次/千人。", [(4.5, None, "批次/千人", "rate", "eq")]),
    ("城乡居民医保财政补助标准为人均640元。", [(640, None, "元/人", "money", "eq")]),
    ("年内培训农民工12,000人次。", [(12000, None, "人次", "count", "eq")]),
    ("新增普惠托位不少于3000个。", [(3000, None, "个", "count", "ge")]),
])
def test_values_units_and_comparators(sentence, expected):
    assert rows(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "印发《某某市民生十大工程实施方案》。",       # a name with a number
    "为65岁及以上老年人提供免费体检。",           # who is covered, not how many
    "2024年3月8日召开推进会。",                   # a date
    "第三条 本办法自发布之日起施行。",            # an ordinal
    "全县一般公共预算收入连续5年保持正增长。",    # how long a streak has run
    "全市棚户区改造已连续实施了15年。",           # how long a programme has run
    "完成47路、32路公交车线路延伸优化。",         # bus routes' names
])
def test_numbers_that_are_not_rows(sentence):
    assert rows(sentence) == []


def test_the_years_a_count_is_over_are_no_row():
    """利用3年时间, 5年新增…: the years say what the count is over; only the count is a row."""
    assert rows("利用3年时间,完成5500户特殊困难老年人家庭居家适老化改造。") == [(5500, None, "户", "count", "eq")]
    assert rows("5年新增城镇就业31.9万人。") == [(319000, None, "人", "count", "eq")]


# ---------------------------------------------------------------- more cases, one function at a time

@pytest.mark.parametrize("numeral,value", [
    ("两万", 20000), ("一千二百", 1200), ("十五", 15), ("二十", 20), ("一百零五", 105), ("三万五千", 35000),
    ("两千万", 20000000), ("五十六万", 560000), ("三亿", 300000000), ("百", 100), ("〇", 0),
])
def test_chinese_numerals(numeral, value):
    assert targets.chinese_to_number(numeral) == value
    assert targets.parse_number(numeral) == value


@pytest.mark.parametrize("text", ["十余", "两万人", "abc", ""])
def test_what_is_not_a_whole_chinese_numeral(text):
    assert targets.chinese_to_number(text) is None  # 余 and units belong to the mention, not the numeral


@pytest.mark.parametrize("text,read", [
    ("2.5万人", (25000, 4, "2.5")),     # end: after the multiplier, before the unit
    ("4.5亿人次", (450000000, 4, "4.5")),
    ("1千万元", (10000000, 3, "1")),    # the longest multiplier
    ("1.2千公里", (1200, 4, "1.2")),    # 千 before a unit that does not start with it: a multiplier
    ("500千瓦", (500, 3, "500")),       # 千 that starts the unit 千瓦: no multiplier
    ("两万人", (20000, 2, "两万")),
])
def test_read_number_returns_value_end_and_raw_text(text, read):
    value, end, raw = targets.read_number(text, 0)
    assert (value, end, raw) == (pytest.approx(read[0]), read[1], read[2])


@pytest.mark.parametrize("sentence,expected", [
    # ranges: a multiplier after the upper end applies to both ends; each end may carry its own
    ("新增城镇就业1-2万人。", [(10000, 20000, "人", "count", "range")]),
    ("新增城镇就业3万至5万人。", [(30000, 50000, "人", "count", "range")]),
    ("安排专项资金2亿-3亿元。", [(200000000, 300000000, "元", "money", "range")]),
    ("建设社区体育公园3—5个。", [(3, 5, "个", "count", "range")]),
    ("居民收入年均增长6%-7%。", [(6, 7, "%", "percent", "range")]),
    # 余 / 多 inside, with and without a multiplier
    ("新建公厕十余座。", [(10, None, "座", "count", "gt")]),
    ("新增就业1.5万余人。", [(15000, None, "人", "count", "gt")]),
    ("组织招聘活动200多场。", [(200, None, "场", "count", "gt")]),
    # Chinese numerals with their units
    ("培训百名乡村医生。", [(100, None, "人", "count", "eq")]),
    ("完成一万二千户燃气改造。", [(12000, None, "户", "count", "eq")]),
    ("新增学位三千个。", [(3000, None, "个", "count", "eq")]),
    # comparators around the number
    ("建成充电桩约1200个。", [(1200, None, "个", "count", "approx")]),
    ("建成养老床位2000张左右。", [(2000, None, "张", "count", "approx")]),
    ("改造燃气管网超过300公里。", [(300, None, "公里", "length", "gt")]),
    ("平均等候时间不超过30分钟。", [(30, None, "分钟", "duration", "le")]),
    # full-width digits and signs are read after the clean stage folded them
    ("产前筛查率达到９５％以上。", [(95, None, "%", "percent", "ge")]),
    ("孕产妇死亡率控制在１０／１０万以下。", [(10, None, "/10万", "rate", "le")]),
    ("婴儿死亡率低于3‰。", [(3, None, "‰", "permille", "lt")]),
    ("出生人口性别比下降1.5个百分点。", [(1.5, None, "百分点", "pct_point", "eq")]),
    # per-population and per-person denominators
    ("每万人口拥有全科医生4名。", [(4, None, "人/万人", "rate", "eq")]),
    ("每千名老年人拥有养老床位35张。", [(35, None, "张/千名老年人", "rate", "eq")]),
    ("发放护理补贴每人每年1200元。", [(1200, None, "元/人/年", "money", "eq")]),
    ("建设光伏电站500千瓦。", [(500, None, "千瓦", "count", "eq")]),
])
def test_more_values_units_and_comparators(sentence, expected):
    assert rows(sentence) == expected


# Once bugs, now fixed: the 亿 and 万 parts of one numeral, a unit that starts with a
# multiplier character, and a layout space before the multiplier.

def test_yi_then_wan():
    assert targets.chinese_to_number("一亿两千万") == 120000000
    assert rows("投入资金一亿两千万元。") == [(120000000, None, "元", "money", "eq")]


def test_qianmi_is_kilometres():
    assert rows("新建绿道3千米。") == [(3, None, "公里", "length", "eq")]


def test_a_space_before_the_multiplier():
    assert rows("新增城镇就业 2 万人。") == [(20000, None, "人", "count", "eq")]


@pytest.mark.parametrize("sentence, expected", [
    ("新建口袋公园5百个。", [(500, None, "个", "count", "eq")]),
    ("每千老年人口拥有养老床位35张。", [(35, None, "张/千老年人", "rate", "eq")]),
    ("每万名老年人口配备社会工作者5名。", [(5, None, "人/万名老年人", "rate", "eq")]),
    ("每千名儿童拥有托位4.5个。", [(4.5, None, "个/千名儿童", "rate", "eq")]),
    ("全市储备粮一万亿斤。", [(1e12, None, "斤", "mass", "eq")]),
])
def test_hundreds_and_population_bases(sentence, expected):
    assert rows(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a subsidy paid to people named before the amount is per person (guide §2)
    ("每学年资助家庭经济困难高中生2000元。", [(2000, None, "元/人/学年", "money", "eq")]),
    ("新生儿听力筛查按照每个新生儿补助80元的标准实施。", [(80, None, "元/人", "money", "eq")]),
    # the people are counted: the money is a total, not per person
    ("为3000名困难老年人发放生活补贴资金300万元。", [(3000, None, "人", "count", "eq"), (3000000, None, "元", "money", "eq")]),
    # an explicit base is kept
    ("重度残疾人护理补贴标准提高到100元/月。", [(100, None, "元/月", "money", "eq")]),
    # a statistic named with 人均 is an average in 元 (its name says per person), not an amount paid per person
    ("全县老年人人均可支配收入达到3万元。", [(30000, None, "元", "money", "eq")]),
    ("城镇、农村居民人均可支配收入分别为4.24万元、2.09万元。", [(42400, None, "元", "money", "eq"), (20900, None, "元", "money", "eq")]),
    # 人均 before a payment keeps the recipient
    ("为参训人员人均补助500元。", [(500, None, "元/人", "money", "eq")]),
])
def test_subsidies_per_recipient(sentence, expected):
    assert rows(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("新增供水能力5万立方米/日。", [(50000, None, "立方米/日", "rate", "eq")]),
    ("污水处理能力达到10万吨/日。", [(100000, None, "吨/日", "rate", "eq")]),
])
def test_capacity_per_day(sentence, expected):
    assert rows(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "2023年1月,广州市十六届人大三次会议以票决方式选定了2023年十件民生实事项目。",
    "全面贯彻党的十八大和十八届三中、四中、五中、六中全会精神。",
    "全面贯彻省委九届六次、七次、八次全会精神。",
    "现在,我代表自治县九届人民政府向大会报告工作。",
])
def test_a_congress_term_and_session_are_names_not_rows(sentence):
    assert rows(sentence) == []


def test_a_session_count_beside_a_real_number_keeps_the_number():
    assert rows("市十六届人大四次会议期间共收到建议486件。") == [(486, None, "件", "count", "eq")]


def test_a_compound_scope_with_two_numbers_is_one_row_each():
    assert [(r[0], r[2]) for r in rows("2022年,城乡居民收入分别增长7%和8%。")] == [(7, "%"), (8, "%")]
    text = clean.clean("城乡居民人均可支配收入分别达到4.2万元和2.1万元。").clean_text
    found = targets.extract_targets(text, structure.build_sections("x", text), targets.DocumentContext(doc_id="x"))
    assert [r["indicator"] for r in found] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_a_meetings_attendance_is_not_a_row():
    assert rows("本次大会应到代表389名,实到372名,符合法定人数。") == []


def test_a_bare_change_after_a_compound_list_borrows_each_scope():
    text = clean.clean("全年城乡居民人均可支配收入分别达到35000元和15000元,增长6.5%和8.1%。存贷款余额分别达6.3万亿元、5.6万亿元。").clean_text
    found = targets.extract_targets(text, structure.build_sections("x", text), targets.DocumentContext(doc_id="x"))
    assert [r["indicator"] for r in found] == ["城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入增长",
                                               "农村居民人均可支配收入增长", "存款余额", "贷款余额"]


@pytest.mark.parametrize("sentence", [
    "今年,虹口区政府共有实事项目10件。",
    "就江苏省政府45件民生实事项目实施情况开展评议。",
    "测评结果显示,2023年十件民生实事项目总体满意度均在82.9%以上。",
    "注:本次会议实到常委会组成人员29人,符合测评的法定人数。",
    "索引号:008207030/2023-00188",
])
def test_the_plans_own_bookkeeping_meetings_and_identifiers_are_not_rows(sentence):
    assert rows(sentence) == []


def test_a_completion_rate_of_a_task_stays_a_row():
    assert rows("农村户厕改造完成率达到90%。") == [(90, None, "%", "percent", "eq")]


@pytest.mark.parametrize("sentence,expected", [
    # 三次产业 is the three sectors, not three times; the structure ratio is each sector's share (lexicon
    # [sector_ratio]), and a ratio that names no sectors or makes no whole is none
    ("全县三次产业结构比调整为8.1:38.5:53.4,新增城镇就业1.2万人。",
     [(8.1, None, "%", "percent", "eq"), (38.5, None, "%", "percent", "eq"), (53.4, None, "%", "percent", "eq"),
      (12000, None, "人", "count", "eq")]),
    ("配套资金按1:2:3的比例安排,新增城镇就业1.2万人。", [(12000, None, "人", "count", "eq")]),
    ("三次产业结构调整为8.1:38.5:43.4,新增城镇就业1.2万人。", [(12000, None, "人", "count", "eq")]),
    # 11月15至16日 is a date, not 15 days
    ("11月15至16日,全县组织培训农村劳动力800人次。", [(800, None, "人次", "count", "eq")]),
])
def test_a_day_of_the_month_and_the_three_sectors_are_no_amounts(sentence, expected):
    assert rows(sentence) == expected


def test_a_multiple_of_a_base_year_does_not_take_the_base_years_year():
    text = clean.clean("2016年,全市一般公共预算收入达到345.4亿元,是2011年的1.7倍。").clean_text
    found = targets.extract_targets(text, structure.build_sections("x", text), targets.DocumentContext(doc_id="x"))
    assert {r["target_year"] for r in found} == {2016}
