"""The unit of a row: the mention's own, or a rate over a population or a recipient
(每千人口…8.8张 -> 张/千人; 每人每年…1000元 -> 元/人/年; a subsidy paid to people -> 元/人),
or the one an indicator's ending implies (…率 -> %)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.targets.model import Mention
from flows.targets.patterns import alternation, contains_any, match_word, rules
from flows.text.numerals import NUMERAL_CHARS


@lru_cache(maxsize=1)
def _population_scope() -> re.Pattern:
    return re.compile(rf"(?<=[\d{NUMERAL_CHARS}])(?:{alternation(rules().population_scopes)})")


def rate_unit(prefix: str, mention: Mention) -> str | None:
    """每千人口…8.8张 -> 张/千人; 每人每年…1000元 -> 元/人/年; 人均49元 -> 元/人;
    千人口托位数达4.86个 -> 个/千人."""
    lex = rules()
    if mention.unit_kind == "money":
        for word, base in lex.per_capita.items():
            found = re.search(rf"{word}([^,;、]{{0,12}})$", prefix)
            if found and not found.group(1).startswith(lex.per_capita_statistics):
                return f"{mention.unit}/{base}"  # (人均可支配收入 is an average in 元: its name says per person)
    bare = re.search(r"(?<!每)(?<![\d一二两三四五六七八九])(十万|千|万|百)(人口|名[\u4e00-\u9fff]{1,3}?(?=拥有|配备|[\u4e00-\u9fff]*数))", prefix)
    if bare and mention.unit_kind == "count" and "每" not in prefix:
        base = "人" if bare.group(2) == "人口" else bare.group(2)
        return f"{mention.unit}/{bare.group(1)}{base}"
    m = None
    prefix = _population_scope().sub("", prefix)  # 每万城镇常住人口: whose population, not the base
    for m in re.finditer(r"每\s*((?:\d+(?:\.\d+)?)?[一二两三四五六七八九十百千万]*)\s*(?:左右)?\s*(常住)?([\u4e00-\u9fff]{1,4})", prefix):
        pass
    if m is None:
        return None
    number, base_text = m.group(1), m.group(3)
    if mention.unit_kind == "money":
        bases = "|".join(map(re.escape, lex.money_bases))
        parts = re.findall(rf"每\s*({bases})", prefix)
        if not parts:
            return None
        times = ("年", "学年", "月", "天", "日")
        if all(p in times for p in parts) and re.search(lex.money_target_pattern, prefix):
            return None  # 每年安排资金1.2亿元: a yearly budget, not an amount per year of something
        order = [p for p in parts if p not in times] + [p for p in parts if p in times]
        order = [lex.base_aliases.get(p, p) for p in order]
        return mention.unit + "/" + "/".join(dict.fromkeys(order))
    if not number:
        return None
    base = match_word(base_text, 0, lex.pop_bases)
    if not base:
        return None
    scale = number if not number[0].isdigit() else {"1": "", "10": "十", "100": "百", "1000": "千", "10000": "万"}.get(number, number)
    if number and number[0].isdigit() and number == "1":
        scale = ""
    scale = scale.replace("1万", "万")
    if m.group(0).find("万") >= 0 and "万" not in scale:
        scale = "万"
    base = "人" if base in ("人口", "常住人口", "名") else base
    if base.endswith("人口"):
        base = base[:-1]  # 老年人口 and 老年人 are one denominator
    return f"{mention.unit}/{scale}{base}"


def per_recipient(s: str, clause_prefix: str, unit: str) -> str:
    """A subsidy paid to people is an amount per person (guide §2: 元/人, 元/人/学年):
    每学年资助在校学生1500元 -> 元/人/学年; 每个新生儿补助120元 -> 元/人. Not when the
    clause counts the people (为3000名老人发放…万元 is a total) or names a fund (资金)."""
    lex = rules()
    base, _, periods = unit.partition("/")
    parts = periods.split("/") if periods else []
    if "人" in parts or not contains_any(s, lex.subsidy_words):
        return unit
    if re.search(lex.money_target_pattern, clause_prefix) or re.search(r"\d\s*(万|千)?\s*(名|人|户)", clause_prefix):
        return unit
    nouns = "|".join(map(re.escape, lex.recipient_nouns))
    if not re.search(nouns, clause_prefix):
        return unit
    parts = [p for p in parts if p != "个"]  # 每个新生儿: the person is the base, not 个
    return "/".join([base, "人", *parts])


def unit_from_indicator(indicator: str) -> tuple[str, str] | None:
    for ending, (unit, kind) in sorted(rules().unit_from_indicator.items(), key=lambda kv: -len(kv[0])):
        if indicator.endswith(ending):
            return unit, kind
    return None


def unit_of(s: str, m: Mention, clause_prefix: str) -> tuple[str, str]:
    """(unit, unit_kind) of a row: a count, amount, area or length per population base or per
    recipient when the clause says so (800元每人次 too), else the mention's own; any unit with
    a base is a rate, unless it is money."""
    lex = rules()
    unit = m.unit
    if "/" not in unit and m.unit_kind in ("count", "money", "area", "length"):
        rate = rate_unit(clause_prefix, m)
        after = re.match(rf"每\s*({'|'.join(map(re.escape, lex.money_bases))})", s[m.unit_end:])
        if m.unit_kind == "money" and after:  # 800元每人次
            rate = f"{unit}/{lex.base_aliases.get(after.group(1), after.group(1))}"
        if rate:
            unit = rate
    if m.unit_kind == "money" and "/" not in m.unit:  # 86元/月 says its own base
        unit = per_recipient(s, clause_prefix, unit)
    unit_kind = m.unit_kind
    if "/" in unit and unit_kind != "money":
        unit_kind = "rate"
    return unit, unit_kind
