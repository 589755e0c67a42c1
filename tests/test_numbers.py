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
    read = targets._read_number(text, 0)
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
])
def test_numbers_that_are_not_rows(sentence):
    assert rows(sentence) == []
