"""Targets stage: the numbers a document commits to, one row each.

The contract is shared/spec/targets-guide.md. The path of one number:
  sentences()      split the cleaned text at 。;!? line breaks and table cells
  find_mentions()  every number with its multiplier, unit, range and comparator words
  keep_mention()   drop dates, ordinals, names, baselines and age qualifiers
  rows_for_clause() indicator phrases, shared numbers (分别/均, lists) and 其中
  resolve_time()   target_year / period_start from sentence, paragraph and document
  dedupe()         a number restated for the same indicator is one row
Word lists live in flows/rules/lexicon.toml (see flows/lexicon.py).
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from flows import indicator_tables, lexicon
from flows.structure import (DEADLINE_CELL, Section, domain_of, domain_scores, generic_sections, section_at,
                             section_parts, without_lead_units)

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}
SENTENCE_END = re.compile(r"[。;!?\n|]")
CLAUSE_BREAK = set(",;:。!?|\n")
YEAR = r"(?:19|20)\d{2}"
EARLIEST_TARGET_YEAR = 1990  # schema.YEAR_MIN: an earlier year is a birth year or history, never a deadline
PERIOD_RE = re.compile(rf"({YEAR})\s*年?\s*[-—–~至到]+\s*({YEAR})\s*年")
YEAR_BY_RE = re.compile(rf"(?:到|至|截至|截止|于|在)?\s*({YEAR})\s*年(底|末|前|内|度|全年)?")
# A time frame that opens a sentence (到2027年, 2025年底前, 2023—2027年): it governs the clauses after ';'.
LEADING_TIME_RE = re.compile(rf"^[^,;]{{0,6}}?(?:到|至|力争到|争取到|截至)?\s*{YEAR}\s*年(?:[-—–~至到]+\s*{YEAR}\s*年)?(?:底|末)?前?\s*[,，]")
RATE_BASE_AT_END = re.compile(r"(?:按照?)?每(?:人次|人|户|生|名)(?:每(?:学年|年|月|天))?$")
MAX_NUMBER_CHARS = 24  # a longer run of digits is not a quantity
MAX_SENTENCE_CHARS = 2000  # a longer "sentence" is a dump; read its start
MAX_INDICATOR_CHARS = 80
SHORT_NOUN_CHARS = 4  # a noun this short between two numbers of a clause belongs to the second


# ---------------------------------------------------------------- lexicon views


@lru_cache(maxsize=1)
def _lex() -> dict:
    rules = lexicon.rules()
    units = rules["units"]
    chinese_units = set(rules["chinese_numeral_units"]["words"])
    nt = rules["not_targets"]
    return {
        "units": tuple(sorted(units, key=len, reverse=True)),
        "unit_map": units,
        "cn_units": tuple(sorted(chinese_units, key=len, reverse=True)),
        "multipliers": sorted(rules["multipliers"].items(), key=lambda kv: len(kv[0]), reverse=True),
        "multiplier_words": tuple(sorted(rules["multipliers"], key=len, reverse=True)),
        "cmp_before": sorted(rules["comparators_before"].items(), key=lambda kv: len(kv[0]), reverse=True),
        "cmp_after": sorted(rules["comparators_after"].items(), key=lambda kv: len(kv[0]), reverse=True),
        "cmp_inside": rules["comparators_inside"],
        "range_joiners": rules["ranges"]["joiners"],
        "aspirational": tuple(lexicon.words("aspirational")),
        "annual": tuple(lexicon.words("recurrence_annual")),
        "annual_openers": tuple(lexicon.words("recurrence_annual", "clause_openers")),
        "cumulative": tuple(lexicon.words("cumulative")),
        "period_total": tuple(lexicon.words("cumulative", "period_total_words")),
        "span_words": tuple(lexicon.words("cumulative", "span_words")),
        "money_cap_words": tuple(lexicon.words("standard", "money_cap_words")),
        "achieved": tuple(lexicon.words("achieved")),
        "achieved_stock": tuple(lexicon.words("achieved", "stock_words")),
        "future_markers": tuple(lexicon.words("achieved", "future_markers")),
        "look_ahead": tuple(lexicon.words("achieved", "look_ahead")),
        "standard_percent": tuple(lexicon.words("standard", "percent_words")),
        "money_target_pattern": "|".join(lexicon.words("standard", "money_target_words")),
        "money_delivery_verbs": tuple(lexicon.words("standard", "money_delivery_verbs")),
        "per_unit_pattern": rules["standard"]["per_unit_pattern"],
        "norm_words": tuple(lexicon.words("standard", "norm_words")),
        "duration_target_verbs": tuple(lexicon.words("standard", "duration_target_verbs")),
        "norm_words_per_unit": tuple(lexicon.words("standard", "norm_words_per_unit")),
        "after_words": tuple(sorted(nt["after_words"], key=len, reverse=True)),
        "before_words": tuple(nt["before_words"]),
        "idioms": tuple(nt["idioms"]),
        "age_nouns": tuple(nt["age_qualified_nouns"]),
        "described_nouns": tuple(nt["described_nouns"]),
        "described_by_units": tuple(nt["described_by_units"]),
        "counted_after_da": tuple(nt["counted_after_da"]),
        "near_after": tuple(nt["near_after_words"]),
        "kinds_units": tuple(nt["kinds_units"]),
        "names_after_unit": dict(nt["names_after_unit"]),
        "unit_from_indicator": rules["units_from_indicator"],
        "per_capita": rules["per_capita"],
        "false_friends": tuple(nt["unit_false_friends"]),
        "conditions": tuple(nt["condition_words"]),
        "weak_words": tuple(sorted(rules["indicator"]["weak_words"], key=len, reverse=True)),
        "cap_words": tuple(sorted(rules["indicator"]["cap_words"], key=len, reverse=True)),
        "age_verbs": tuple(nt["age_level_verbs"]),
        "leading": tuple(sorted(rules["indicator"]["leading_fillers"], key=len, reverse=True)),
        "trailing": tuple(sorted(rules["indicator"]["trailing_fillers"], key=len, reverse=True)),
        "heads": tuple(sorted(rules["indicator"]["heads"], key=len, reverse=True)),
        "scope_kinds": {kind: tuple(sorted(words, key=len, reverse=True))
                        for kind, words in rules["indicator"]["scope_kinds"].items()},
        "action_verbs": tuple(sorted(rules["indicator"]["action_verbs"], key=len, reverse=True)),
        "distributive": tuple(rules["indicator"]["distributive"]),
        "implied": rules["implied_units"],
        "pop_bases": tuple(sorted(rules["rates"]["population_bases"], key=len, reverse=True)),
        "money_bases": tuple(sorted(rules["rates"]["money_bases"], key=len, reverse=True)),
        "base_aliases": rules["rates"]["base_aliases"],
        "subsidy_words": tuple(rules["rates"]["subsidy_words"]),
        "recipient_nouns": tuple(sorted(rules["rates"]["recipient_nouns"], key=len, reverse=True)),
        "periods": rules["periods"],
        "fractions": {word: tuple(unit) for word, unit in rules["fractions"].items()},
        "fraction_words": tuple(sorted(rules["fractions"], key=len, reverse=True)),
        "percent_endings": "(" + "|".join(map(re.escape, rules["indicator_tables"]["percent_endings"])) + r")$",
        "change_heads": tuple(rules["indicator"]["change_heads"]),
        "plan_item_units": tuple(nt["plan_item_units"]),
        "plan_item_nouns": tuple(sorted(nt["plan_item_nouns"], key=len, reverse=True)),
        "plan_item_status": tuple(sorted(nt["plan_item_status"], key=len, reverse=True)),
        "plan_item_share_words": tuple(sorted(nt["plan_item_share_words"], key=len, reverse=True)),
        "plan_execution_before": tuple(sorted(nt["plan_execution_before"], key=len, reverse=True)),
        "report_parts": rules["report_parts"],
    }


def _number_pattern() -> re.Pattern:
    # 12,000: ASCII thousands separators (a list would use 、, a clause break ，before 4 digits)
    return re.compile(r"\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")


NUMBER = _number_pattern()


# ---------------------------------------------------------------- numbers


def chinese_to_number(text: str) -> float | None:
    """一千二百 -> 1200, 两万 -> 20000, 十五 -> 15, 百 -> 100. None if not a numeral."""
    if not text:
        return None
    # 亿-level and 万-level parts are kept apart so that 一亿两千万 is 1.2亿, not (1亿+2千)万.
    yi_part, wan_part, section, digit = 0, 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch == "万":
            wan_part = ((wan_part + section + (digit or 0)) or 1) * CN_UNITS[ch]
            section, digit = 0, None
        elif ch == "亿":
            yi_part = ((yi_part + wan_part + section + (digit or 0)) or 1) * CN_UNITS[ch]
            wan_part, section, digit = 0, 0, None
        elif ch in CN_UNITS:
            section += (digit if digit is not None else 1) * CN_UNITS[ch]
            digit = None
        else:
            return None
    return float(yi_part + wan_part + section + (digit or 0))


def parse_number(text: str) -> float | None:
    if not text:
        return None
    if text[0].isdigit():
        try:
            return float(text)
        except ValueError:
            return None
    return chinese_to_number(text)


# ---------------------------------------------------------------- mentions


@dataclass
class Mention:
    start: int  # of the number, in the sentence
    end: int  # after unit and trailing comparator words
    value: float
    value_high: float | None
    unit: str
    unit_kind: str
    comparator: str
    number_text: str
    unit_end: int  # after the unit (before trailing comparator words)
    implied_unit: bool = False


def _match_word(text: str, pos: int, words) -> str | None:
    """The first of `words` (in their order) that starts at pos."""
    if isinstance(words, tuple):  # the lexicon's word lists: one compiled alternation each
        match = _alternation_of(words).match(text, pos)
        return match.group(0) if match else None
    for w in words:
        if text.startswith(w, pos):
            return w
    return None


def _contains_any(text: str, words: tuple) -> bool:
    return _alternation_of(words).search(text) is not None


@lru_cache(maxsize=None)
def _alternation_of(words: tuple) -> re.Pattern:
    # a regex alternation tries its branches in order, as the loop above would
    return re.compile("|".join(map(re.escape, words)) or r"(?!)")


def _read_number(text: str, pos: int) -> tuple[float, int, str] | None:
    """A number at pos with its multiplier: (value, end, raw)."""
    m = NUMBER.match(text, pos)
    if not m:
        return None
    raw = m.group(0)
    lex = _lex()
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
        end = m.end()
        at = end
        while at < len(text) and at - end < 2 and text[at] in " \u3000":
            at += 1  # layout space: 2 万人
        mult = _match_word(text, at, lex["multiplier_words"])
        if mult and _match_word(text, at, lex["units"]):
            mult = None  # 500千瓦, 3千米: the character starts a unit, not a multiplier
        if mult:
            value *= dict(lex["multipliers"])[mult]
            end = at + len(mult)
        return value, end, raw
    # Chinese numerals: trailing 万/亿 are part of the numeral already.
    value = chinese_to_number(raw)
    if value is None:
        return None
    return value, m.end(), raw


def find_mentions(sentence: str) -> list[Mention]:
    mentions: list[Mention] = []
    pos = 0
    while True:
        m = NUMBER.search(sentence, pos)
        if not m:
            break
        start = m.start()
        raw = m.group(0)
        if len(raw) > MAX_NUMBER_CHARS:
            pos = m.end()
            continue
        mention = _mention_at(sentence, start)
        if mention is None:
            pos = m.end()
            continue
        mentions.append(mention)
        pos = max(mention.end, m.end())
    return mentions


_LIST_LINKS = re.compile(r"(?:[、和,至]\s*\d+(?:\.\d+)?[万亿千]?(?=[、和,至])){0,50}[、和,至]\s*")


@lru_cache(maxsize=None)
def _false_friends_longer_than(length: int) -> tuple[str, ...]:
    return tuple(w for w in _lex()["false_friends"] if len(w) > length)


def _fraction_at(s: str, start: int, word: str) -> Mention | None:
    """百分之九十五, 千分之五: the unit word comes before the number."""
    lex = _lex()
    number = _read_number(s, start + len(word))
    if number is None:
        return None
    value, end, _ = number
    unit, unit_kind = lex["fractions"][word]
    unit_end = end
    comparator = ""
    after = _match_word(s, end, [k for k, _ in lex["cmp_after"]])
    if after:
        comparator = dict(lex["cmp_after"])[after]
        end += len(after)
    return Mention(start, end, value, None, unit, unit_kind, comparator, s[start:unit_end], unit_end)


def _mention_at(s: str, start: int) -> Mention | None:
    lex = _lex()
    fraction = _match_word(s, start, lex["fraction_words"])
    if fraction:
        return _fraction_at(s, start, fraction)
    first = _read_number(s, start)
    if first is None:
        return None
    value, end, raw = first
    is_chinese = not raw[0].isdigit()
    if is_chinese and raw in ("万", "亿", "千", "百") and not (raw in ("百", "千") and s.startswith(("名", "所"), end)):
        # a lone 千/万 is a denominator (千人口, 每万人) or a programme name (万名医生下乡);
        # 百名, 千名, 百所 count people and schools
        return None
    comparator = None
    value_high = None
    # 余/多 between number and unit (100余场, 十余个)
    inside = _match_word(s, end, list(lex["cmp_inside"]))
    if inside and not s.startswith("多元", end) and not s.startswith("多样", end):
        comparator = lex["cmp_inside"][inside]
        end += len(inside)
        mult = _match_word(s, end, lex["multiplier_words"])
        if mult:
            value *= dict(lex["multipliers"])[mult]
            end += len(mult)
    unit_words = lex["cn_units"] if is_chinese else lex["units"]
    if s.startswith(" ", end) and _match_word(s, end + 1, unit_words):
        end += 1  # "1500 场": a space from the page layout
    unit_word = _match_word(s, end, unit_words)
    if is_chinese and unit_word in ("万", "亿", "千", "百"):
        unit_word = None
    if unit_word and s.startswith(_false_friends_longer_than(len(unit_word)), end):
        return None  # 5部门, 个人, 家庭: the unit character begins another word
    unit = unit_kind = None
    implied = False
    if unit_word and unit_word in lex["unit_map"]:
        unit, unit_kind = lex["unit_map"][unit_word]
        end += len(unit_word)
    # range: 1-2个, 30%-40%, 3至5所, 1-2万人
    joiner = _match_word(s, end, lex["range_joiners"])
    if joiner and comparator is None:
        second = _read_number(s, end + len(joiner))
        if second and second[2][0].isdigit() == raw[0].isdigit():
            v2, end2, raw2 = second
            base2 = float(raw2.replace(",", "")) if raw2[0].isdigit() else 0.0
            multiplier = v2 / base2 if base2 else 1.0
            if not is_chinese and multiplier != 1 and end == start + len(raw):
                value *= multiplier  # 1-2万人: the multiplier after the upper end applies to both
            unit2 = _match_word(s, end2, unit_words)
            if unit2 in lex["unit_map"] and (unit is None or lex["unit_map"][unit2][0] == unit):
                unit, unit_kind = lex["unit_map"][unit2]
                end2 += len(unit2)
            if unit is not None and v2 > value:
                value_high, end, comparator = v2, end2, "range"
    # per-population rate written after the number: 9/10万, 6.7批次/千人, 1500元/人/年
    if s.startswith("/", end):
        denominator = re.match(r"/((?:\d+)?[十百千万]*(?:人口|人|户|家|名[\u4e00-\u9fff]{0,3}|院|月|年|学年|次|日|天|小时)?)(?:/(人|户|年|月|学年|次))?", s[end:])
        if denominator and denominator.group(1):
            base = denominator.group(1).replace("人口", "人")
            if unit is None:
                unit, unit_kind = "/" + base, "rate"
            else:
                unit = unit + "/" + base + ("/" + denominator.group(2) if denominator.group(2) else "")
                unit_kind = "money" if unit_kind == "money" else "rate"
            end += denominator.end()
    if unit is None:
        # unit lost to redaction (18****连锁店) or implied by a name (十大案例)
        stars = re.match(r"\*+|大(?=[\u4e00-\u9fff])", s[end:])
        if stars and (stars.group(0).startswith("*") or is_chinese):
            noun = s[end + stars.end(): end + stars.end() + 12]
            noun = re.split(r"[,;。、)(]", noun)[0]
            implied_unit = lex["implied"]["default"]
            for ending, u in lex["implied"].items():
                if ending != "default" and ending in noun:
                    implied_unit = u
                    break
            if stars.group(0) == "大" and not _contains_any(noun, lex["counted_after_da"]):
                return None
            unit, unit_kind, implied = implied_unit, "count", True
        elif not is_chinese and re.match(r"[、和,至]\s*\d", s[end:end + 3]):
            # the list's last number names the unit; skip the bare numbers between without
            # recursing into each (a list of a thousand numbers must not exhaust the stack)
            follower = _mention_at(s, _LIST_LINKS.match(s, end).end())
            if follower is None or not follower.unit:
                return None
            unit, unit_kind = follower.unit, follower.unit_kind  # the list's last number names the unit
        elif not is_chinese and re.search(r"[万亿千]$", s[start:end]):
            unit, unit_kind = "", ""  # 28万 with no unit word: the indicator phrase names it
        else:
            return None
    # alternates in brackets: 套(间、户)
    alt = re.match(r"\([间户套个所家人次、,]+\)", s[end:])
    if alt:
        end += alt.end()
    unit_end = end
    after = _match_word(s, end, [k for k, _ in lex["cmp_after"]])
    if after and comparator != "range":
        comparator = dict(lex["cmp_after"])[after]
        end += len(after)
    elif after:
        end += len(after)
    return Mention(start, end, value, value_high, unit, unit_kind, comparator or "", raw, unit_end, implied)


# ---------------------------------------------------------------- filters


def _inside_brackets(s: str, pos: int) -> bool:
    """Inside “...”, 《...》 or 〔...〕: a name, not an amount."""
    for open_, close in (("“", "”"), ("《", "》"), ("〔", "〕"), ('"', '"')):
        if open_ == close:
            if s[:pos].count(open_) % 2 == 1:
                return True
            continue
        left = s.rfind(open_, 0, pos)
        if left >= 0 and s.find(close, left) >= pos and s.rfind(close, 0, pos) < left:
            inner_end = s.find(close, left)
            if inner_end - left <= 30:
                return True
    return False


@lru_cache(maxsize=1)
def _idiom_pattern() -> re.Pattern:
    return re.compile(_alternation(_lex()["idioms"]))


@lru_cache(maxsize=1)
def _candidate_pattern() -> re.Pattern:
    """A sentence worth reading: a digit, a Chinese numeral before a unit, or a named period."""
    lex = _lex()
    return re.compile(rf"\d|[零〇一二两三四五六七八九十百千万亿]+(?:余|多)?(?:{_alternation(lex['cn_units'])}|大)|"
                      rf"{_alternation(lex['fraction_words'])}|"
                      rf"{_alternation(lex['periods'])}")


def keep_mention(s: str, m: Mention) -> bool:
    """False for numbers that are not rows: dates, ordinals, names, deadlines, qualifiers."""
    lex = _lex()
    before = s[max(0, m.start - 6): m.start]
    number = m.number_text
    after_number = s[m.start + len(number): m.start + len(number) + 12]
    after = s[m.end: m.end + 12]
    if re.fullmatch(YEAR, number) and (m.unit == "年" or after_number.startswith(("年", "-", "—", "届", "级"))):
        return False  # a year or a period
    if after_number.startswith(("月", "日", "号", "时", "点")):
        return False  # a date or a time of day
    if before.endswith(lex["before_words"]):
        return False  # 第3, 从16周岁, 较…: ordinals and baselines
    if m.unit == "对" and re.match(r"\s*[\d一二两三四五六七八九十]", s[m.unit_end:]):
        return False  # 2对4个: the count after names the unit (guide 6); 1对1: a manner, not an amount
    if before.endswith("等") and m.unit in lex["kinds_units"]:
        return False  # 分生活、医疗、就业等5类: how a list is sorted, not an amount
    if re.search(r"从[^,;从]{0,8}$", s[max(0, m.start - 10): m.start]) and re.match(rf"\s*{_change_to()}", s[m.end:]):
        return False  # 从每人每月150元提高到180元: the baseline, not the new level
    if before.endswith(lex["conditions"]):
        return False  # 未达到99%的县: a condition, not a target
    if _plan_item_count(s, m) or (m.unit_kind == "percent" and _plan_item_share(s, m)):
        return False  # 17项超额完成、占比56.67%; 完成年度计划的112.5%: the plan's own bookkeeping (guide §7)
    if m.start <= 1 and before in ("(", "") and (s.startswith("*", m.start + len(number))
                                                  or s.startswith((".", "、", ")"), m.start + len(number))):
        return False  # (4****…, 1. …: list numbering
    if not number[0].isdigit() and m.unit == "项":
        return False  # 两项补贴, 三项制度: a named set of measures
    if not number[0].isdigit() and m.unit == "年" and not re.match(r"(以上|以内|左右|及以上)", s[m.unit_end:]):
        return False  # 五年实现大提升, 三年行动: a period named, not a duration set
    if m.unit_kind not in ("percent", "permille", "pct_point", "age") and re.match(r"(以下|以上|以内)的", s[m.unit_end:]):
        return False  # 收益20万元以下的行政村: a threshold naming a group
    if before.endswith("每") and m.unit_kind != "money" and m.comparator != "range" \
            and m.unit in ("人", "户", "个") and m.value in (1, 10, 100, 1000, 10000, 100000):
        return False  # 每1万人口, 每千名: a denominator, not an amount
    if before.endswith(("+", "×", "*")) or after_number.startswith(("+", "×")):
        return False  # “1+6+3”, 7×24小时: names and formulas
    if before.endswith("(") and s.startswith(")", m.end):
        return False  # (3项): a count of the list's own items
    if _inside_brackets(s, m.start):
        return False
    name_pattern = lex["names_after_unit"].get(m.unit)
    if name_pattern and re.match(name_pattern, s[m.unit_end: m.unit_end + 40]):
        return False  # 15分钟生活圈: a name
    unit_text = s[m.start + len(number): m.unit_end]
    named = _match_word(after_number, 0, lex["after_words"])
    if named and len(unit_text) > len(named) and unit_text.startswith(named):
        named = None  # 3个工作日: the unit is longer than the name word (个工作)
    if named or s.startswith(lex["after_words"], m.unit_end):
        return False
    if _contains_any(s[m.unit_end: m.unit_end + 8], lex["near_after"]):
        return False  # 十三届二次全会
    for idiom in _idiom_pattern().finditer(s, max(0, m.start - 8), m.start + 8):
        if idiom.start() <= m.start < idiom.end():
            return False
    if m.unit_kind == "duration" and (after.startswith(("内", "以内")) or "圈" in s[m.unit_end: m.unit_end + 7]):
        return False  # 1个月内: a deadline; 15分钟…圈: a name
    if m.unit_kind == "age":
        rest = re.sub(r"^(及以上|以上|及以下|以下|以内)", "", s[m.unit_end: m.unit_end + 12])
        if not before.endswith(lex["age_verbs"]) or rest.startswith(lex["age_nouns"]) or m.comparator == "range":
            return False  # 65岁及以上老年人, 3岁以下, 6—9岁: who is covered
    return True


@lru_cache(maxsize=1)
def _plan_item_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = _lex()
    nouns, status = _alternation(lex["plan_item_nouns"]), _alternation(lex["plan_item_status"])
    after = re.compile(rf"(?:{nouns})?(?:{status})")
    count = rf"(?:\d+|[一二两三四五六七八九十百]+)\s*(?:{_alternation(lex['plan_item_units'])})(?:{nouns})?(?:{status})"
    share = re.compile(rf"{count}[、,]?\s*(?:{_alternation(lex['plan_item_share_words'])})\s*$")
    execution = re.compile(rf"(?:{_alternation(lex['plan_execution_before'])})\s*(?:达到|为|达)?\s*$")
    return after, share, execution


def _plan_item_count(s: str, m: Mention) -> bool:
    """17项超额完成, 3个项目已完成: a count of the plan's own items by their status."""
    if m.unit not in _lex()["plan_item_units"]:
        return False
    after = _plan_item_patterns()[0].match(s, m.unit_end)
    return bool(after) and (m.unit != "个" or after.group(0) not in _lex()["plan_item_status"])


def _plan_item_share(s: str, m: Mention) -> bool:
    """…17项超额完成、占比56.67%, 完成年度计划的112.5%: a share of the plan's items or of its plan."""
    before = s[max(0, m.start - 40): m.start]
    _, share, execution = _plan_item_patterns()
    return bool(share.search(before) or execution.search(before))


def _clause_end(s: str, pos: int) -> int:
    end = _clause_break(s, range(pos, len(s)), "(", ")")
    return len(s) if end is None else end


def _clause_start(s: str, pos: int) -> int:
    start = _clause_break(s, range(pos - 1, -1, -1), ")", "(")
    return 0 if start is None else start + 1


def _clause_break(s: str, positions: range, opening: str, closing: str) -> int | None:
    """The first clause break met walking `positions`; a comma inside brackets (即一星级,下同)
    does not end the clause around it, a full stop or line break always does."""
    depth = 0
    for i in positions:
        ch = s[i]
        if ch == opening:
            depth += 1
        elif ch == closing and depth:
            depth -= 1
        elif ch in CLAUSE_BREAK and (depth == 0 or ch in "。\n"):
            return i
    return None


# ---------------------------------------------------------------- indicator phrases

BRACKET_DEPTH_OPEN, BRACKET_DEPTH_CLOSE = "(“《", ")”》"
YEAR_PHRASE = re.compile(rf"^(?:到|至|截至|于|在)?\s*(?:{YEAR}\s*年?\s*[-—–~至到]+\s*)?{YEAR}\s*年(?!(?:以前|以后|之前|之后|前|后|及以前|及以后)?出生)(?:底前|年底|底|末|前|内|起|度|全年)?(?:前)?|^“?十[三四五]五”?(?:时期|期间|期末|末)?")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _filler_patterns() -> tuple[re.Pattern, re.Pattern]:
    lex = _lex()
    # a year phrase, a month deadline (6月底前), or a filler word
    leading = re.compile(rf"^(?:{YEAR_PHRASE.pattern[1:]}|\d{{1,2}}月(?:底|末|份)?(?:前|内|起)?|(?:{_alternation(lex['leading'])}))[ ,、:;]*")
    trailing_words = list(lex["trailing"]) + [w for w, _ in lex["cmp_before"]]
    # 均 (each) ends a subject, but 人均/户均/生均 are words of the indicator
    alternatives = [rf"(?<![人户生年]){re.escape(w)}" if w == "均" else re.escape(w)
                    for w in sorted(set(trailing_words), key=len, reverse=True)]
    trailing = re.compile(rf"[ ,、:;]*(?:{'|'.join(alternatives)})$")
    return leading, trailing


NAMED_EXAMPLES = re.compile(r"^([^,;、]{1,24}(?:、[^,;、]{1,24})+)等(?=[\u4e00-\u9fff]{2})")


def _without_named_examples(phrase: str) -> str:
    """A卫生院、B卫生院、C医院等中心卫生院: the named examples are of the noun after 等, which is
    what is counted; a list of kinds (就业创业、技能提升等活动) is kept, it says what is meant."""
    match = NAMED_EXAMPLES.match(phrase)
    if not match:
        return phrase
    noun = phrase[match.end(): match.end() + 6]
    if any(len(item) >= 3 and item.rstrip(")")[-2:] in noun for item in match.group(1).split("、")):
        return phrase[match.end():]
    return phrase


def strip_fillers(phrase: str) -> str:
    """Strip year phrases, scope words and intent verbs from the start of an indicator
    phrase, and verbs and comparator words from its end (lists in lexicon.toml)."""
    leading, trailing = _filler_patterns()
    phrase = phrase.strip(" ,、:;")
    phrase = re.sub(r"^(\(\d{1,3}\)|\d{1,3}[.、](?!\d)|[(（]?[一二三四五六七八九十]{1,3}[)）、])", "", phrase)
    phrase = re.sub(rf"(较|比|与|同)\s*{YEAR}\s*年(底|末)?(相比)?", "", phrase)  # a baseline year
    phrase = re.sub(rf"从[^,;]{{0,16}}?{_change_to()}$", "", phrase)  # …从150元提高到 (the baseline's words)
    phrase = _without_named_examples(phrase)
    phrase = re.sub(r"\d+对$", "", phrase)  # 服务区2对4个: the pairs, counted in the unit after
    phrase = re.sub(r"每[\d十百千万]+(常住)?人口?$", "", phrase)  # 达到每千人5批次: the base is in the unit
    # 由各县(区)财政按照…: who pays is not what is measured
    phrase = re.sub(r"^由[^,;]{1,16}?(财政|政府|部门|单位)", "", phrase)
    phrase = re.sub(r"^(?:中央|省|市|县|区|县\(区\)|各级|本级)级?财政", "", phrase)  # 县财政一次性补助: the payer
    for _ in range(12):  # bounded: each round removes at least one word
        before = phrase
        m = leading.match(phrase)
        if m and 0 < m.end() < len(phrase):
            phrase = phrase[m.end():]
        m = trailing.search(phrase)
        if m and 0 < m.start():
            phrase = phrase[: m.start()]
        m = RATE_BASE_AT_END.search(phrase)  # 提高到每人每年: the base is in the unit already
        if m and 0 < m.start():
            phrase = phrase[: m.start()]
        if phrase == before:
            break
    return phrase.strip(" ,、:;和与及的")


def split_items(phrase: str) -> list[str]:
    """Split at 、 (else at 和与及) outside brackets and quotes; an item needs two characters."""
    top = _split_at(phrase, ("、",))
    if len(top) > 1:
        return top
    return _split_at(phrase, ("以及", "和", "与", "及"))


def _split_at(phrase: str, joiners: tuple[str, ...]) -> list[str]:
    items, depth, current, i = [], 0, "", 0
    while i < len(phrase):
        ch = phrase[i]
        if ch in BRACKET_DEPTH_OPEN:
            depth += 1
        elif ch in BRACKET_DEPTH_CLOSE:
            depth = max(0, depth - 1)
        joiner = None
        if depth == 0:
            for j in joiners:
                if phrase.startswith(j, i):
                    joiner = j
                    break
        if joiner and len(current) >= 2 and len(phrase) - i - len(joiner) >= 2:
            items.append(current)
            current = ""
            i += len(joiner)
            continue
        current += ch
        i += 1
    items.append(current)
    if any(len(x.strip()) < 2 for x in items):
        return [phrase]
    return [x.strip() for x in items]


def ends_with_head(item: str) -> str | None:
    for head in _lex()["heads"]:
        if item.endswith(head):
            return head
    return None


def distribute_head(items: list[str]) -> list[str]:
    """工伤保险、失业保险、基本养老保险参保人数 -> each with 参保人数."""
    last = items[-1]
    head = ends_with_head(last)
    if not head:
        return items
    suffix = None
    tail = items[0][-2:]
    pos = last.rfind(tail)
    if len(items[0]) >= 2 and 0 <= pos < len(last) - 2:
        suffix = last[pos + 2:]
    if not suffix:
        suffix = _suffix_after_same_kind_of_scope(items[0], last, head)
    if not suffix:
        suffix = head if len(head) >= 3 else last[-(len(head) + 2):]
    return [item if ends_with_head(item) else item + suffix for item in items[:-1]] + [last]


def _short_scopes_sharing_a_head(items: list[str]) -> bool:
    """自然村和农户覆盖率达50%: short scopes before one measured head are one row each (guide 1),
    but not verbs (新建和改扩建幼儿园) nor long phrases (the joiner may be inside a name)."""
    verb_of = _leading_verb_pattern()
    return (len(items) == 2 and bool(ends_with_head(items[-1])) and 2 <= len(items[0]) <= 4
            and not ends_with_head(items[0]) and not verb_of.match(items[0]) and not verb_of.match(items[-1])
            and not _filler_patterns()[0].match(items[0])
            and not items[-1].startswith(("以上", "以下", "以内"))  # 二级及以上, 65岁及以上: one qualifier
            and ends_with_head(items[-1]) not in ("占比", "比例", "比重"))  # 公办园和民办园…占比: one share of both


def _suffix_after_same_kind_of_scope(first: str, last: str, head: str) -> str | None:
    """二级以上公立医院和社区卫生服务中心预约诊疗率: 医院 and 中心 are both institutions, so the
    shared part is what follows 中心 (预约诊疗率); 城市与农村居民…: 城市 and 农村 are places."""
    for words in _lex()["scope_kinds"].values():
        if not first.endswith(tuple(words)):
            continue
        hits = [(m.end(), m.group(0)) for m in re.finditer(_alternation(words), last)]
        for end, _ in reversed(hits):  # the scope nearest the head
            rest = last[end:]
            if len(rest) > len(head) and rest.endswith(head):
                return rest
    return None


# ---------------------------------------------------------------- rows


@dataclass
class Row:
    kind: str
    indicator: str
    value: float
    value_high: float | None
    unit: str
    unit_kind: str
    comparator: str
    target_year: int | None
    period_start: int | None
    recurrence: str
    is_cumulative: bool
    is_aspirational: bool
    domain: str
    lead_unit: str | None
    quote: str
    char_start: int
    char_end: int
    section_id: str | None = None
    number_pos: int = 0  # offset of the number in the cleaned text (for ordering)


@dataclass
class DocumentContext:
    """What the targets stage needs to know of the document as a whole."""
    doc_id: str
    plan_start_year: int | None = None
    plan_end_year: int | None = None
    issue_year: int | None = None
    single_year: int | None = None  # a one-year list or work plan: its year
    heading_years: dict | None = None  # section_id -> the year its heading (or an ancestor's) names
    doc_type: str | None = None  # documents.doc_type (government_work_report, progress_report, ...)
    doc_year: int | None = None  # the year the document is for (a January 2026 work report: 2026)
    parts: dict | None = None  # section_id -> (review|plan, year, period_start) of a report's parts (guide §7)
    report: bool | None = None  # the document reports and plans at once: parts and opening cues apply
    generic_sections: frozenset | None = None  # sections whose heading names no one domain


# ---------------------------------------------------------------- parts of reports (guide §7)


def _now(ctx: DocumentContext) -> int | None:
    """The year a report speaks in (今年): a work report's own year; a notice's issue year."""
    if ctx.doc_type in _lex()["report_parts"]["review_doc_types"]:
        return ctx.issue_year or ctx.doc_year
    return ctx.doc_year or ctx.issue_year or ctx.single_year


def _part_default_year(part: str, ctx: DocumentContext) -> int | None:
    """The year a review reports on (the report's year before; a completion notice's own year)
    and the year a plan part plans for (the report's year)."""
    if ctx.doc_type in _lex()["report_parts"]["review_doc_types"]:
        return (ctx.doc_year or ctx.issue_year) if part == "review" else None
    now = _now(ctx)
    if now is None:
        return None
    return now - 1 if part == "review" else now


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern]:
    words = _lex()["report_parts"]
    numeral = r"(\d{1,2}|[一二两三四五六七八九十]{1,2})"
    periods = _alternation(_lex()["periods"])
    return {
        "review": re.compile(_alternation(words["review_openers"])),
        "plan": re.compile(_alternation(words["plan_openers"])),
        "back": re.compile(rf"(?:{_alternation(words['backward_spans'])}){numeral}年|"
                           rf"(?<![\d一二两三四五六七八九十]){numeral}年(?:{_alternation(words['backward_span_endings'])})"),
        "forward": re.compile(rf"(?:{_alternation(words['forward_spans'])}){numeral}年"),
        "period": re.compile(rf"({periods})”?(?:{_alternation(words['period_endings'])})"),
        "year": re.compile(rf"(?<![较比与从同至到])({YEAR})\s*年(以来|来)?(?=[,，]|以来|来|全年|是|我们|全[市县区省州旗盟])"),
    }


def opening_cue(opening: str, ctx: DocumentContext) -> tuple[str, int | None, int | None] | None:
    """(review|plan, year, period_start) said by a sentence's opening words (过去一年, 今年,
    过去五年, “十四五”时期, 2025年,): the last such words before the first number win."""
    now = _now(ctx)
    found: list[tuple[int, tuple]] = []
    patterns = _cue_patterns()
    for part in ("review", "plan"):
        for m in patterns[part].finditer(opening):
            found.append((m.end(), (part, _part_default_year(part, ctx), None)))
    if now is not None:
        for m in patterns["back"].finditer(opening):
            n = parse_number(m.group(1) or m.group(2))
            if n and n > 1:
                found.append((m.end(), ("review", now - 1, now - int(n))))
        for m in patterns["forward"].finditer(opening):
            n = parse_number(m.group(1))
            if n and n > 1:
                found.append((m.end(), ("plan", now + int(n) - 1, now)))
        for m in patterns["period"].finditer(opening):
            p_start, p_end = _lex()["periods"][m.group(1)]
            if p_end < now:
                found.append((m.end(), ("review", p_end, p_start)))
            elif p_start >= now:
                found.append((m.end(), ("plan", p_end, p_start)))
        for m in patterns["year"].finditer(opening):
            year = int(m.group(1))
            reviewed = _part_default_year("review", ctx) or now - 1
            if m.group(2):  # 2021年以来: a review up to the year reviewed
                found.append((m.end(), ("review", reviewed, year)))
            elif year <= reviewed:
                found.append((m.end(), ("review", year, None)))
            else:
                found.append((m.end(), ("plan", year, None)))
    if not found:
        return None
    return max(found, key=lambda f: f[0])[1]


def _row_part(section: Section | None, paragraph: dict, ctx: DocumentContext) -> tuple | None:
    """The part a row sits in: its sentence's opening words (in a report), else its section's
    heading, else a completion notice's default (it reports)."""
    if ctx.report and paragraph.get("cue"):
        return paragraph["cue"]
    if section is not None and ctx.parts and section.section_id in ctx.parts:
        return ctx.parts[section.section_id]
    if ctx.doc_type in _lex()["report_parts"]["review_doc_types"]:
        return "review", _part_default_year("review", ctx), None
    return None


def report_parts(sections: list[Section], ctx: DocumentContext) -> dict[str, tuple]:
    """section_id -> (part, year, period_start): the part its heading (or an ancestor's) opens,
    dated by the nearest heading that names a year or period, else by the report's year."""
    parts = section_parts(sections)
    by_id = {section.section_id: section for section in sections}
    out: dict[str, tuple] = {}
    for section_id, part in parts.items():
        year = start = None
        section = by_id[section_id]
        while section is not None:
            heading = section.heading.strip()
            if len(heading) <= 60:
                cue = opening_cue(heading, ctx)
                if cue and cue[0] == part and cue[1] is not None:
                    year, start = cue[1], cue[2]
                    break
                found, since, explicit = _year_in(heading, 0, len(heading))
                if explicit and found is not None:
                    year, start = found, since
                    break
            section = by_id.get(section.parent_id) if section.parent_id else None
        if year is None:
            year = _part_default_year(part, ctx)
        out[section_id] = (part, year, start)
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: between 。;!? line breaks and table cell bars, without edge spaces."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _year_in(text: str, lo: int, hi: int) -> tuple[int | None, int | None, bool]:
    """(target_year, period_start, explicit) stated in text[lo:hi], nearest the end."""
    segment = text[lo:hi]
    best = None
    since = None
    for m in PERIOD_RE.finditer(segment):
        best = (m.end(), int(m.group(2)), int(m.group(1)))
    for m in re.finditer(rf"({YEAR})\s*年", segment):
        if re.search(r"(较|比|与|同|从|相比)\s*$", segment[max(0, m.start() - 3): m.start()]) or \
                re.match(r"(底|末)?(相比|以来|同期|基础上)", segment[m.end(): m.end() + 4]):
            continue  # 较2020年, 2020年以来: a baseline, not the year of the target
        if re.match(r"(以前|以后|之前|之后|前|后|及以前|及以后)?出生", segment[m.end(): m.end() + 5]) or \
                int(m.group(1)) < EARLIEST_TARGET_YEAR:
            continue  # 1960年以前出生的: who is covered, not when
        if re.match(r"(\d{1,2}月)?(\d{1,2}日)?(起|开始)", segment[m.end(): m.end() + 8]):
            since = int(m.group(1))  # 2023年7月起: when it starts, not a deadline
            continue
        if best is None or m.end() > best[0]:
            if PERIOD_RE.match(segment, max(0, m.start() - 12)) and any(
                    pm.start() <= m.start() < pm.end() for pm in PERIOD_RE.finditer(segment)):
                continue
            best = (m.end(), int(m.group(1)), None)
    periods = _lex()["periods"]
    for name, (p_start, p_end) in periods.items():
        idx = segment.rfind(name)
        if idx >= 0 and (best is None or idx > best[0]):
            best = (idx + len(name), p_end, p_start)
    if since is not None:
        if best is None:
            return None, since, True
        if best[2] is None and best[1] > since:
            return best[1], since, True
    if best is None:
        return None, None, False
    return best[1], best[2], True


def _nearest_comparator(prefix: str) -> str | None:
    best = None
    for word, code in _lex()["cmp_before"]:
        idx = prefix.rfind(word)
        if idx < 0:
            continue
        end = idx + len(word)
        # 不低于 beats 低于 ending at the same place: longer words come first
        if best is None or end > best[0] or (end == best[0] and len(word) > best[2]):
            best = (end, code, len(word))
    if best is None:
        return None
    tail = prefix[best[0]:]
    if re.search(r"\d", tail):
        return None
    return best[1]


def _rate_unit(prefix: str, mention: Mention) -> str | None:
    """每千人口…8.8张 -> 张/千人; 每人每年…1000元 -> 元/人/年; 人均49元 -> 元/人;
    千人口托位数达4.86个 -> 个/千人."""
    lex = _lex()
    if mention.unit_kind == "money":
        for word, base in lex["per_capita"].items():
            if prefix.endswith(word) or re.search(rf"{word}[^,;、]{{0,12}}$", prefix):
                return f"{mention.unit}/{base}"
    bare = re.search(r"(?<!每)(?<![\d一二两三四五六七八九])(十万|千|万|百)(人口|名[\u4e00-\u9fff]{1,3}?(?=拥有|配备|[\u4e00-\u9fff]*数))", prefix)
    if bare and mention.unit_kind == "count" and "每" not in prefix:
        base = "人" if bare.group(2) == "人口" else bare.group(2)
        return f"{mention.unit}/{bare.group(1)}{base}"
    m = None
    for m in re.finditer(r"每\s*((?:\d+(?:\.\d+)?)?[一二两三四五六七八九十百千万]*)\s*(?:左右)?\s*(常住)?([\u4e00-\u9fff]{1,4})", prefix):
        pass
    if m is None:
        return None
    number, base_text = m.group(1), m.group(3)
    if mention.unit_kind == "money":
        bases = "|".join(map(re.escape, lex["money_bases"]))
        parts = re.findall(rf"每\s*({bases})", prefix)
        if not parts:
            return None
        times = ("年", "学年", "月", "天", "日")
        if all(p in times for p in parts) and re.search(lex["money_target_pattern"], prefix):
            return None  # 每年安排资金1.2亿元: a yearly budget, not an amount per year of something
        order = [p for p in parts if p not in times] + [p for p in parts if p in times]
        order = [lex["base_aliases"].get(p, p) for p in order]
        return mention.unit + "/" + "/".join(dict.fromkeys(order))
    if not number:
        return None
    base = _match_word(base_text, 0, lex["pop_bases"])
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


def _per_recipient(s: str, clause_prefix: str, unit: str) -> str:
    """A subsidy paid to people is an amount per person (guide §2: 元/人, 元/人/学年):
    每学年资助在校学生1500元 -> 元/人/学年; 每个新生儿补助120元 -> 元/人. Not when the
    clause counts the people (为3000名老人发放…万元 is a total) or names a fund (资金)."""
    lex = _lex()
    base, _, periods = unit.partition("/")
    parts = periods.split("/") if periods else []
    if "人" in parts or not _contains_any(s, lex["subsidy_words"]):
        return unit
    if re.search(lex["money_target_pattern"], clause_prefix) or re.search(r"\d\s*(万|千)?\s*(名|人|户)", clause_prefix):
        return unit
    nouns = "|".join(map(re.escape, lex["recipient_nouns"]))
    if not re.search(nouns, clause_prefix):
        return unit
    parts = [p for p in parts if p != "个"]  # 每个新生儿: the person is the base, not 个
    return "/".join([base, "人", *parts])


def _has_multiplier(mention: Mention) -> bool:
    """The amount was written with 万 or 亿 (3万元, 1.2亿元, 三千万元)."""
    text = mention.number_text
    if text[:1].isdigit():
        try:
            return mention.value != float(text.replace(",", ""))
        except ValueError:
            return False
    return bool(re.search(r"[万亿]", text))


def _kind(clause_prefix: str, sentence_prefix: str, mention: Mention, unit: str, after: str = "") -> str:
    """achieved: reported as done; standard: a rate, norm or subsidy the policy applies;
    target otherwise (targets guide, section 1). `after` is the text after the unit."""
    lex = _lex()
    years = list(re.finditer(rf"{YEAR}\s*年", sentence_prefix))
    if _contains_any(clause_prefix, lex["achieved"]) or (years and sentence_prefix.startswith("已", years[-1].end())):
        # 2024年已完成…: but not for a number after a later year (…;2025年重点加快…5个)
        return "achieved"
    # 现有, 共有 report a stock, unless the clause looks ahead (到2027年整合现有资源建立1个)
    if _contains_any(clause_prefix, lex["achieved_stock"]) and not _contains_any(clause_prefix, lex["future_markers"]) \
            and not re.search(rf"(到|至){YEAR}年", clause_prefix):
        return "achieved"
    kind = mention.unit_kind
    if kind == "money" and _contains_any(clause_prefix, lex["money_cap_words"]):
        return "standard"  # 贷款最高额度30万元: a cap on what one recipient gets
    if kind == "duration" and re.search(rf"(?:{'|'.join(lex['duration_target_verbs'])})\s*$", clause_prefix):
        return "target"  # 平均反应时间缩短至12分钟: a level to reach
    if kind == "duration" or unit == "倍" or (kind == "age" and "年龄" in clause_prefix):
        return "standard"
    # a norm said as one: 补助标准为…的10%, 按照300-500户标准, and 原则上 with a per-unit scope
    # (原则上每1万人口配备1所; 原则上不低于10% alone is a level to reach)
    if _contains_any(clause_prefix, lex["norm_words"]) or (
            _contains_any(clause_prefix, lex["norm_words_per_unit"]) and "每" in clause_prefix) or (
            after.startswith(("标准", "的标准")) and re.search(r"按照?[^,;]{0,6}$", clause_prefix)):
        return "standard"
    if kind == "money":
        money_target = re.search(lex["money_target_pattern"], clause_prefix)
        if money_target and not _contains_any(clause_prefix, lex["subsidy_words"]) \
                and not ("/" in unit and "每" in clause_prefix):
            return "target"  # 人均可支配收入达到5万元, 投资3亿元: amounts to reach (每村每年安排资金N元 is a norm)
        if "/" in unit:
            return "standard"
        if money_target:
            return "target"
        # a sum in 万/亿 delivered by a verb (发放消费券5000万元, 拨付…2亿元) is a quantity to
        # deliver; a subsidy word or a per-unit scope (每家…1万元) keeps it a standard
        if _has_multiplier(mention) and _contains_any(clause_prefix, lex["money_delivery_verbs"]) \
                and not _contains_any(sentence_prefix, lex["subsidy_words"]) \
                and not re.search(r"每[个家所户人村校院名]", sentence_prefix):
            return "target"
        return "standard"
    if "/" in unit:  # 张/千人 is a level to reach; 平方米/百户 is a provision norm
        return "standard" if kind == "area" else "target"
    # 按…标准 / 按…比例 sets a rate; 按时, 按期 (on time) and 按需 do not
    if re.search(r"按(?![时期需])照?[^,;]{0,20}标准", clause_prefix) or \
            re.search(r"按(?![时期需])照?[^,;]{0,30}$", clause_prefix) and kind in ("percent", "permille"):
        return "standard"
    if kind in ("percent", "permille", "pct_point"):
        return "standard" if _contains_any(clause_prefix, lex["standard_percent"]) else "target"
    # counts: a per-unit provision of one (每个区布局1所, 各地均设置1所, 每年不少于一次)
    if mention.value == 1 and mention.value_high is None and re.search(lex["per_unit_pattern"], sentence_prefix):
        return "standard"
    return "target"


def _indicator_parts(s: str, mentions: list[Mention], i: int, clause_lo: int, clause_hi: int) -> tuple[str, str, str]:
    """(subject before the number, noun phrase after it, raw clause prefix).

    Between two numbers of one clause, text up to a joiner (和、与及) follows the first
    number and text after it precedes the second (新建30家A和20家B); with no joiner it
    belongs to the second (道路248公里桥梁308座), unless the second number only qualifies
    a noun (建设10个面积不少于1000平方米的综合体: the noun after 的 is the first's).
    """
    m = mentions[i]
    lo = clause_lo
    if i > 0 and mentions[i - 1].end > clause_lo:
        lo = mentions[i - 1].end
        region = s[lo: m.start]
        cut = max(region.rfind(j) for j in ("和", "、", "与", "及"))
        if cut >= 0:
            lo = lo + cut + 1
    pre = without_lead_units(s[lo: m.start])
    post = without_lead_units(s[m.end: clause_hi])
    if i + 1 < len(mentions) and mentions[i + 1].start < clause_hi:
        following = mentions[i + 1]
        between = s[m.end: following.start]
        cut = max(between.rfind(j) for j in ("和", "、", "与", "及"))
        if cut >= 0:
            post = without_lead_units(between[:cut])
        elif s.startswith("的", following.end):
            post = s[following.end + 1: clause_hi]
        elif len(between.strip()) <= SHORT_NOUN_CHARS:
            post = ""  # 道路248公里桥梁308座: a bare noun before a number is that number's
        else:
            post = between
    post = post.lstrip("的").strip()
    post = re.sub(r"[、和与及]$", "", post)
    post = re.sub(r"^[((][^))]*[))]", "", post) if post.startswith(("(",)) and len(post) < 4 else post
    return pre, post, s[clause_lo: m.start]


@lru_cache(maxsize=1)
def _standard_shape() -> re.Pattern:
    """What follows the amount in 按N元的标准发放X / 参照N元设定X / 按每千人N平方米配置."""
    shapes = lexicon.mapping("shapes")
    pay, head = _alternation(shapes["standard_pay_verbs"]), _alternation(shapes["standard_pay_verbs"][:3])
    return re.compile(rf"^(?:标准(?:{pay})?|{head}|{_alternation(shapes['standard_set_verbs'])}|"
                      rf"(?:{_alternation(shapes['standard_provide_verbs'])})$)(.*)$")


@lru_cache(maxsize=1)
def _standard_lead() -> re.Pattern:
    """What precedes the amount: 按照, 参照…, perhaps a per-unit base and a floor or cap."""
    leads = _alternation(lexicon.mapping("shapes")["standard_leads"])
    return re.compile(rf"(?:{leads})(?:每[^,;]{{0,6}})?(?:不低于|不超过|不高于|最高|最低)?$")


@lru_cache(maxsize=1)
def _change_to() -> str:
    """提高到, 降低至…: a move from a baseline to a new level (从150元提高到180元)."""
    shapes = lexicon.mapping("shapes")
    return rf"(?:{_alternation(shapes['change_verbs'])})(?:{_alternation(shapes['change_links'])})"


@lru_cache(maxsize=1)
def _manner_clause() -> re.Pattern:
    """通过新建、改建等方式: a clause that says how, not what."""
    shapes = lexicon.mapping("shapes")
    return re.compile(rf"^(?:{_alternation(shapes['manner_openers'])})[^,;]*(?:{_alternation(shapes['manner_endings'])})$")


def _standard_indicator(pre: str, post: str, context: str) -> str | None:
    """按N元/人的标准发放X, 按每人次N元给予X: what is paid is X, to whom the subject says;
    the row is X's standard (对毕业生按1500元/人的标准发放求职创业补贴 -> 毕业生求职创业补贴标准)."""
    shape = _standard_shape().match(post)
    if not shape or not _standard_lead().search(pre):
        return None
    paid = strip_fillers(shape.group(1))
    subject = strip_fillers(re.sub(r"^对", "", _standard_lead().sub("", pre)))
    if not subject and context:
        subject = strip_fillers(re.sub(r"^对", "", context))
    if not paid and not subject:
        return None
    if not paid:
        return subject  # 面积按每千人不低于100平方米配置: the norm is the subject's own
    indicator = subject + paid
    return indicator if indicator.endswith("标准") else indicator + "标准"


def _merge_indicator(pre: str, post: str) -> str:
    subject = strip_fillers(pre)
    if post and _filler_patterns()[0].fullmatch(subject):
        subject = ""  # 完成全市200座公厕改造: 全市 alone says nothing the noun after the number lacks
    noun = strip_fillers(post) if post else ""
    if noun and subject.endswith("等") and "、" in subject and _without_named_examples(subject + noun) == noun:
        subject = ""  # A卫生院、B医院等3家中心卫生院: examples of the noun counted after the number
    noun = strip_fillers(post) if post else ""
    noun = re.sub(r"^(的|之)", "", noun)
    if not subject:
        return noun
    if not noun or noun in subject:
        return subject
    return subject + noun


def rows_for_sentence(text: str, span: tuple[int, int], ctx: DocumentContext, sections: list[Section],
                      paragraph: dict) -> list[Row]:
    """All rows of one sentence; `paragraph` carries a stated year and the last subject along."""
    a, b = span
    s = text[a:b][:MAX_SENTENCE_CHARS]
    # A clause after ';' is still the sentence that opened with 到2027年: it keeps that time frame.
    after_semicolon = text[max(0, a - 3):a].rstrip().endswith(";")
    if not after_semicolon:
        paragraph["lead"] = None
    if not _candidate_pattern().search(s):
        if ctx.report and paragraph.get("report") is not None:
            _follow_cue(s, a, [], ctx, sections, paragraph)
        paragraph["previous"] = s
        return []
    mentions = [m for m in find_mentions(s) if keep_mention(s, m)]
    mentions = _drop_qualifiers(s, mentions)
    if ctx.report and paragraph.get("report") is not None:
        _follow_cue(s, a, mentions, ctx, sections, paragraph)
    # 其中 breaks down the sentence before it, and takes its years (guide 1, 6).
    year, start, explicit = _year_in(s, 0, len(s))
    if re.match(r"其中", s):
        paragraph["inherited"] = paragraph.get("stated")
    elif after_semicolon and paragraph.get("lead"):
        paragraph["inherited"] = paragraph["lead"]
    else:
        paragraph["inherited"] = None
    if explicit and not after_semicolon and LEADING_TIME_RE.match(s):
        paragraph["lead"] = (year, start)
    paragraph["stated"] = (year, start) if explicit else paragraph.get("inherited")
    if not mentions:
        if s.strip():
            paragraph["previous"] = s
        return []
    section = section_at(sections, a)
    rows: list[Row] = []
    for group in _value_lists(s, mentions):
        first = mentions[group[0]]
        clause_lo = _clause_start(s, first.start)
        clause_hi = _clause_end(s, mentions[group[-1]].end)
        pre, post, raw_prefix = _indicator_parts(s, mentions, group[0], clause_lo, clause_hi)
        context = _context_before(s, clause_lo, paragraph)
        years_of: dict[int, int] = {}
        if len(group) > 1:
            subject_raw = pre
            if not strip_fillers(_cut_distributive(subject_raw)[0]):
                subject_raw = context
            subject, _ = _cut_distributive(subject_raw)
            items = split_items(strip_fillers(subject))
            listed_years = [re.fullmatch(rf"(?:到|至)?({YEAR})\s*年(?:底|末)?", x) for x in re.split(r"[、和与及]", subject.strip(" ,"))]
            if len(listed_years) == len(group) and all(listed_years):
                # 2024年、2025年分别新增托位800个、1000个: one year per number, one indicator for all
                years_of = {index: int(y.group(1)) for index, y in zip(group, listed_years)}
                tail = pre[len(subject):]
                tail = tail[len(_match_word(tail, 0, _lex()["distributive"]) or ""):]
                indicators = [_merge_indicator(tail, post)] * len(group)
            elif len(items) == len(group):
                indicators = distribute_head(items)
            else:
                indicators = [_merge_indicator(_cut_distributive(pre)[0], post)] * len(group)
        else:
            subject, has_distributive = _cut_distributive(pre)
            items = split_items(strip_fillers(subject)) if strip_fillers(subject) else [""]
            short_scopes = _short_scopes_sharing_a_head(items)
            # A、B建有率达80%: a rate of each listed scope (a count of A、B is one total)
            rate_of_each = (len(items) > 1 and "、" in subject and mentions[group[0]].unit_kind in ("percent", "permille")
                            and (ends_with_head(items[-1]) or "").endswith("率"))
            if len(items) > 1 and (has_distributive or all(ends_with_head(x) for x in items) or short_scopes
                                   or rate_of_each):
                indicators = distribute_head(items)
                if short_scopes and not has_distributive:
                    # 养老和医疗保险参保率: a two-character scope stands where the last one's does;
                    # a longer one (自然村和农户覆盖率) takes the measured head alone
                    head = ends_with_head(items[-1])
                    suffix = items[-1][len(items[0]):] if len(items[0]) <= 2 or len(head) < 3 else head
                    indicators = [items[0] + suffix, items[-1]]
                noun = strip_fillers(post) if post else ""
                if not noun and has_distributive:
                    # 城区和农村各新建公办幼儿园3所: what follows 各 is each item's
                    tail = pre[len(subject):]
                    tail = tail[len(_match_word(tail, 0, _lex()["distributive"]) or ""):]
                    noun = strip_fillers(tail)
                if noun and not all(ends_with_head(x) for x in indicators):
                    indicators = [x + noun if noun not in x else x for x in indicators]
            else:
                indicators = [_standard_indicator(pre, post, context) or _merge_indicator(pre, post)]
            group = [group[0]] * len(indicators)
        shared_comparator = mentions[group[-1]].comparator if mentions[group[-1]].comparator != "range" else ""
        for index, indicator in zip(group, indicators):
            m = mentions[index]
            if not m.comparator and shared_comparator:
                m = replace(m, comparator=shared_comparator)  # 9/10万、2.5‰以下: 以下 covers the list
            first_in_clause = index == 0 or mentions[index - 1].end <= clause_lo
            if context and (_is_weak(indicator) or (first_in_clause and len(indicator) < 3)):
                subject = strip_fillers(context)
                if YEAR_PHRASE.fullmatch(subject) and paragraph.get("last_row"):
                    # 2024年完成X改造5000户;2025年,再完成3000户: the clause before is only a year
                    subject = paragraph["last_row"].indicator
                if indicator in subject or _is_weak(indicator, strict=True) or _filler_patterns()[1].fullmatch(indicator) \
                        or re.fullmatch(r"[再另还又也]+", indicator):
                    indicator = subject  # 最高不超过2000元: the cap belongs to the clause before
                else:
                    indicator = (subject + indicator)[-MAX_INDICATOR_CHARS:]
            if not indicator:
                indicator = s[max(0, m.start - 8): m.start]
            if not m.unit:
                resolved = _unit_from_indicator(indicator)
                if not resolved:
                    continue
                m = replace(m, unit=resolved[0], unit_kind=resolved[1])
            previous = mentions[index - 1] if index > 0 else None
            if not m.comparator and previous and previous.end > clause_lo and "、" in s[previous.end: m.start] \
                    and not ends_with_head(s[previous.end: m.start].rstrip()) \
                    and rows and rows[-1].number_pos == a + previous.start and rows[-1].comparator not in ("range", "eq"):
                m = replace(m, comparator=rows[-1].comparator)  # 至少建成5个A、10个B: one word for the list
            if not m.comparator and index != group[0]:
                lead = _nearest_comparator(s[clause_lo: first.start])
                if lead:
                    m = replace(m, comparator=lead)  # 分别不低于4800、6000、7200元: one word for the list
            if indicator in _lex()["change_heads"] and previous and previous.end > clause_lo \
                    and rows and rows[-1].number_pos == a + previous.start:
                indicator = rows[-1].indicator + indicator  # X完成86.5亿元、增长6.1%: X's growth
            row = _row(s, a, b, m, indicator, ctx, section, paragraph)
            if index in years_of:
                row = replace(row, target_year=years_of[index])
            rows.append(row)
    rows = _share_verbs(s, a, rows, paragraph.get("last_row") if re.match(r"其中", s) else None)
    if rows:
        paragraph["last_row"] = rows[-1] if not re.match(r"其中", s) else paragraph.get("last_row")
    paragraph["previous"] = s
    return rows


OPENING_CHARS = 40  # where a sentence's opening words (过去一年, 今年) are looked for


def _follow_cue(s: str, a: int, mentions: list[Mention], ctx: DocumentContext, sections: list[Section],
                paragraph: dict) -> None:
    """Update the report's current part from this sentence's opening words; a new section
    starts with none (its heading's part applies)."""
    state = paragraph["report"]
    section = section_at(sections, a)
    section_id = section.section_id if section else None
    if state["section"] != section_id:
        state["section"], state["cue"] = section_id, None
    end = min(mentions[0].start, OPENING_CHARS) if mentions else OPENING_CHARS
    cue = opening_cue(s[:end], ctx)
    if cue:
        state["cue"] = cue
    paragraph["cue"] = state["cue"]


@lru_cache(maxsize=1)
def _leading_verb_pattern() -> re.Pattern:
    verbs = _alternation(_lex()["action_verbs"])
    return re.compile(rf"^(?:{verbs})(?:[、和及与](?:{verbs}))*")


def _share_verbs(s: str, a: int, rows: list[Row], total: Row | None) -> list[Row]:
    """新建幼儿园6所、中小学4所: the list's verb is each item's (新建中小学); 其中 items take
    the verb of the total they break down (筹集保障性住房3200套,其中公租房600套 -> 筹集公租房),
    and its 累计. `total` is the previous sentence's last row when this one opens with 其中."""
    verb_of = _leading_verb_pattern()
    out: list[Row] = []
    qizhong = s.find("其中")
    for i, row in enumerate(rows):
        source = None
        if i > 0 and row.number_pos != rows[i - 1].number_pos:
            between = s[rows[i - 1].number_pos - a: row.number_pos - a]
            if "、" in between and not re.search(r"[,;:]", between):
                source = rows[i - 1]  # one list of one clause
        if qizhong >= 0 and row.number_pos - a > qizhong:
            before = [r for r in rows[:i] if r.number_pos - a < qizhong]
            source = before[-1] if before else total
            if source is not None and source.is_cumulative and not row.is_cumulative \
                    and row.unit_kind not in ("percent", "permille", "pct_point", "rate"):
                row = replace(row, is_cumulative=True, period_start=row.period_start or source.period_start)
        if source is not None and not verb_of.match(row.indicator) and row.unit_kind not in ("percent", "permille"):
            verb = verb_of.match(source.indicator)  # a rate (合格率) names its own measure: no verb to share
            if verb and len(source.indicator) - verb.end() >= 2 and not row.indicator.startswith(verb.group(0)):
                row = replace(row, indicator=(verb.group(0) + row.indicator)[:120])
        out.append(row)
    return out


def _drop_qualifiers(s: str, mentions: list[Mention]) -> list[Mention]:
    """县域内住院率达到85%的县(市)占比达到50%: a number before 的 that qualifies a noun,
    with the clause's own number later, is not a row; nor is one that says which places
    are meant (人口超过3万人的乡镇全部建成…)."""
    kept = []
    described, head_counts = _lex()["described_nouns"], _lex()["described_by_units"]
    for i, m in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None  # mentions are in text order
        if s.startswith("的", m.end) and not s.startswith(("的标准", "的补助", "的补贴"), m.end) \
                and following and following.start < _clause_end(s, m.end) \
                and not re.fullmatch(r"[、和与及\s]*", s[m.end + 1: following.start]):
            continue
        if m.unit in head_counts and s.startswith("的", m.end) and s.startswith(described, m.end + 1):
            continue
        kept.append(m)
    return kept


def _context_before(s: str, clause_lo: int, paragraph: dict) -> str:
    """The clause before this one, or the previous sentence of the paragraph, up to its own
    number: 完成X改造600户,每户补助标准… lends X改造, not 600户."""
    if clause_lo > 0:
        prev_lo = _clause_start(s, clause_lo - 1)
        context = s[prev_lo: clause_lo - 1]
        if _manner_clause().match(context) and prev_lo > 0:
            # 通过新建、改建等方式,按照…: how it is done says nothing of what; go one clause back
            context = s[_clause_start(s, prev_lo - 1): prev_lo - 1]
    else:
        context = paragraph.get("previous", "")[-40:]
    number = re.search(r"\d", context)
    if number and number.start() >= 2:
        context = context[: number.start()]
    return context


def _is_weak(indicator: str, strict: bool = False) -> bool:
    """An indicator that says only how (按…标准, 补助, 各类活动, 新增), not what; `strict`:
    it is only a cap or floor (最高不超过), which belongs to the clause before."""
    if strict:
        return bool(re.fullmatch(rf"(?:{_alternation(_lex()['cap_words'])})+", indicator))
    core = indicator
    for w in _lex()["weak_words"]:
        core = core.replace(w, "")
    return len(core) < 2


def _unit_from_indicator(indicator: str) -> tuple[str, str] | None:
    for ending, (unit, kind) in sorted(_lex()["unit_from_indicator"].items(), key=lambda kv: -len(kv[0])):
        if indicator.endswith(ending):
            return unit, kind
    return None


def _row_domain(s: str, m: Mention, section: Section | None, indicator: str = "",
                ctx: DocumentContext | None = None) -> str:
    """The section's domain, unless the clause holding the number clearly speaks of another.
    Under a heading that names no one domain (切实保障和改善民生, 办好教育、医疗、养老等民生实事)
    the row's own words say it: what is measured, then its clause, then its sentence."""
    domain = section.domain if section else "other"
    clause = s[_clause_start(s, m.start): _clause_end(s, m.end)]
    if section is None or (ctx is not None and ctx.generic_sections and section.section_id in ctx.generic_sections):
        # what is measured decides; its clause, then its sentence, break ties and speak where it is silent
        head = indicator.rsplit("的", 1)[-1]  # 取得职业技能等级证书的养老护理员…: who qualifies, not what
        own = domain_scores(head) or domain_scores(indicator)
        around, sentence = domain_scores(clause), domain_scores(s)
        candidates = [code for code, score in own.items() if score == max(own.values())] if own else \
            list(around) or list(sentence)
        if candidates:
            return max(candidates, key=lambda code: (around.get(code, 0), sentence.get(code, 0), code == domain))
        return domain
    for text, floor in ((clause, 2), (s, 4)):
        scores = domain_scores(text)
        if not scores:
            continue
        top, score = max(scores.items(), key=lambda kv: kv[1])
        own = scores.get(domain, 0)
        if top != domain and own == 0 and (score >= floor or domain == "other"):
            return top
        if own:
            return domain
    return domain


def _cut_distributive(pre: str) -> tuple[str, bool]:
    """Subject before 分别/均/各/都, and whether one was there (not at the start: 各县 is scope)."""
    best = -1
    for w in _lex()["distributive"]:
        idx = pre.rfind(w)
        while idx > 1 and w == "均" and pre[idx - 1] in "人户生年":
            idx = pre.rfind(w, 0, idx)  # 人均, 户均, 生均, 年均 are words, not "each"
        if idx > 1 and idx > best:
            best = idx
    if best > 1:
        return pre[:best], True
    return pre, False


def _value_lists(s: str, mentions: list[Mention]) -> list[list[int]]:
    """Group numbers joined only by 、和与及 (380万人、305万人、720万人)."""
    groups: list[list[int]] = []
    for i, m in enumerate(mentions):
        if groups and i > 0:
            between = s[mentions[i - 1].end: m.start]
            if re.fullmatch(r"\s*(、|和|与|及|以及|,)\s*", between) and between.strip() != ",":
                groups[-1].append(i)
                continue
            if re.fullmatch(r"\s*,\s*", between) and re.search("分别", s[: mentions[groups[-1][0]].start][-12:]):
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def _deadline_end(s: str, pos: int) -> int:
    """Where a deadline after a number may still be its own: to the end of its clause and
    of the clauses after it that hold no number of their own (…1所,2025年底前完成 vs
    …1所,2025年底前新建50个: the second year is the 50's)."""
    end = _clause_end(s, pos)
    while end < len(s):
        nxt = _clause_end(s, end + 1)
        clause = re.sub(rf"{YEAR}\s*年|\d{{1,2}}月", "", s[end + 1: nxt])
        if re.search(r"\d", clause):
            break
        end = nxt
    return end


def _row(s: str, a: int, b: int, m: Mention, indicator: str, ctx: DocumentContext, section, paragraph: dict) -> Row:
    lex = _lex()
    sentence_prefix = s[: m.start]
    clause_prefix = s[_clause_start(s, m.start): m.start]
    comparator = m.comparator or _nearest_comparator(clause_prefix) or _nearest_comparator(sentence_prefix[-14:]) or "eq"
    if m.value_high is not None:
        comparator = "range"
    unit = m.unit
    if "/" not in unit and m.unit_kind in ("count", "money", "area", "length"):
        rate = _rate_unit(clause_prefix, m)
        after = re.match(rf"每\s*({'|'.join(map(re.escape, lex['money_bases']))})", s[m.unit_end:])
        if m.unit_kind == "money" and after:  # 800元每人次
            rate = f"{unit}/{lex['base_aliases'].get(after.group(1), after.group(1))}"
        if rate:
            unit = rate
    if m.unit_kind == "money" and "/" not in m.unit:  # 86元/月 says its own base
        unit = _per_recipient(s, clause_prefix, unit)
    unit_kind = m.unit_kind
    if "/" in unit and unit_kind != "money":
        unit_kind = "rate"
    # time
    year, start, explicit = _year_in(s, 0, m.start)
    kind = _kind(clause_prefix, sentence_prefix, m, unit, s[m.unit_end: m.unit_end + 4])
    if not explicit and kind != "achieved":  # a stock already built is not dated by the next clause's deadline
        year2, start2, explicit2 = _year_in(s, m.end, _deadline_end(s, m.end))
        if explicit2 and not re.search(rf"{YEAR}年(已|完成)", s[m.end:]):
            year, start, explicit = year2, start2, explicit2
    if explicit and ctx.single_year and year is not None and year < ctx.single_year and start is None:
        year, explicit = None, False  # in a one-year list an earlier year is a reference (2022年收益…)
    span = None if explicit else _plan_span(sentence_prefix, ctx)
    if span:
        year, start = span  # 三年累计 in a 2024—2026 plan: the plan's three years
    if not explicit and not span and paragraph.get("inherited"):
        year, start = paragraph["inherited"]
    part = _row_part(section, paragraph, ctx)
    if part and part[0] == "review":
        kind = "achieved"  # a report's review: done, in the year (or period) it reports on (guide §7)
        if not explicit and not span and not paragraph.get("inherited") and part[1] is not None:
            year, start = part[1], part[2]
    elif part and ctx.report and year is None:
        year, start = part[1], part[2]  # a report's plan: the report's year, or the period its heading names
    if year is None and section and ctx.heading_years:
        year = ctx.heading_years.get(section.section_id)
    if year is None and ctx.single_year:
        year = ctx.single_year
    if year is None and re.search(r"(?<![\d一二两三四五六七八九十])(?:年底|年末|全年|年内|当年|本年)", s) and ctx.issue_year:
        year = ctx.issue_year
    recurrence = "annual" if _contains_any(sentence_prefix, lex["annual"]) and m.unit_kind != "duration" else "once"
    if recurrence == "annual" and "一次性" in clause_prefix + _context_before(s, _clause_start(s, m.start), {}):
        recurrence = "once"  # 每年培训…,对…给予一次性奖励N元: the award is paid once
    # 7200元/人/年 is paid every year; 年服务群众30万人次 counts a year's work
    if unit.endswith(("/年", "/学年")) or clause_prefix.startswith(lex["annual_openers"]):
        recurrence = "annual"
    # 累计 in an earlier clause carries to later amounts of the sentence, never to a rate or share
    cumulative = _contains_any(clause_prefix, lex["cumulative"]) or (
        _contains_any(sentence_prefix, lex["cumulative"])
        and m.unit_kind not in ("duration", "percent", "permille", "pct_point", "rate"))
    if not cumulative and start is not None and year is not None and start < year and PERIOD_RE.search(sentence_prefix):
        cumulative = _contains_any(sentence_prefix, lex["period_total"]) and m.unit_kind not in ("percent", "permille", "rate")
    if recurrence == "annual" and not _contains_any(clause_prefix, lex["cumulative"]):
        cumulative = False  # 2023—2025年,每年新增…: a yearly amount, not a total over the period
    elif recurrence == "annual" and not _contains_any(clause_prefix, lex["annual"]) and not unit.endswith(("/年", "/学年")):
        recurrence = "once"  # 每年新增…,累计建设…300个: the clause's own 累计 makes it a total, paid once
    if span and m.unit_kind not in ("percent", "permille", "pct_point", "rate", "duration"):
        cumulative = True
    if cumulative and start is None and ctx.plan_start_year and year is not None and year == ctx.plan_end_year:
        start = ctx.plan_start_year
    aspirational = _contains_any(sentence_prefix, lex["aspirational"])
    # a year before the document's own (2022年 in a 2023 plan, “十三五”期间 in a 十四五 plan)
    # reports a result, unless the sentence still looks ahead
    reference_year = (_now(ctx) if ctx.report else None) or ctx.issue_year or ctx.plan_start_year
    if kind == "target" and explicit and year is not None and reference_year and year < reference_year \
            and not _contains_any(sentence_prefix, lex["look_ahead"]) and not ctx.single_year:
        kind = "achieved"
    domain = _row_domain(s, m, section, indicator, ctx)
    if domain == "other":  # nothing in the section or clause: what is measured may say it
        domain = domain_of(indicator) or "other"
    lead_unit = section.lead_unit if section else None
    return Row(kind=kind, indicator=indicator[:120], value=round(m.value, 6), value_high=m.value_high,
               unit=unit, unit_kind=unit_kind, comparator=comparator, target_year=year,
               period_start=start, recurrence=recurrence, is_cumulative=bool(cumulative),
               is_aspirational=aspirational, domain=domain, lead_unit=lead_unit, quote=s,
               char_start=a, char_end=b, section_id=section.section_id if section else None,
               number_pos=a + m.start)


@lru_cache(maxsize=1)
def _span_pattern() -> re.Pattern:
    words = _alternation(_lex()["span_words"])
    return re.compile(rf"(?<![\d一二两三四五六七八九十])([一二两三四五六七八九十]|\d)\s*年(?:{words})")


def _plan_span(prefix: str, ctx: DocumentContext) -> tuple[int, int] | None:
    """三年累计, 五年内 in a plan of that many years: (the plan's end, its start)."""
    if not (ctx.plan_start_year and ctx.plan_end_year):
        return None
    found = None
    for found in _span_pattern().finditer(prefix):
        pass
    if found is None or parse_number(found.group(1)) != ctx.plan_end_year - ctx.plan_start_year + 1:
        return None
    return ctx.plan_end_year, ctx.plan_start_year


def _bigrams(text: str) -> set[str]:
    return {text[i: i + 2] for i in range(len(text) - 1)} or {text}


def same_indicator(x: str, y: str) -> bool:
    """Two phrases that name one indicator: equal, one inside the other, or mostly shared."""
    if x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x)):
        return True
    bx, by = _bigrams(x), _bigrams(y)
    if 2 * len(bx & by) / (len(bx) + len(by)) >= 0.5:
        return True
    cx, cy = set(x), set(y)
    return min(len(cx), len(cy)) >= 4 and len(cx & cy) / min(len(cx), len(cy)) >= 0.75


def table_row(text: str, cell: indicator_tables.TableCell, ctx: DocumentContext, sections: list[Section]) -> Row | None:
    """A row from an indicator table's target cell: the unit from the indicator's brackets,
    the year from the column header, [N] a total over the plan's period."""
    lex = _lex()
    number = f"{cell.value:g}" if cell.value_high is None else f"{cell.value:g}-{cell.value_high:g}"
    unit_text = cell.unit_text.strip()
    denominator = ""
    if "/" in unit_text:
        unit_text, denominator = unit_text.split("/", 1)
    if not unit_text and re.search(lex["percent_endings"], cell.indicator):
        unit_text = "%"
    mentions = find_mentions(number + unit_text) if unit_text else []
    if not mentions and unit_text:
        return None  # a unit the lexicon does not know: no guessing
    if mentions:
        m = mentions[0]
        value, value_high, unit, unit_kind = m.value, m.value_high, m.unit, m.unit_kind
    else:
        resolved = _unit_from_indicator(cell.indicator)
        if not resolved:
            return None
        value, value_high, (unit, unit_kind) = cell.value, cell.value_high, resolved
    if denominator:
        unit, unit_kind = f"{unit}/{denominator}", "rate"
    elif unit_kind in ("count", "money") and mentions:
        rate = _rate_unit(cell.indicator, mentions[0])
        if rate:
            unit, unit_kind = rate, ("rate" if unit_kind != "money" else unit_kind)
    comparator = cell.comparator or ("range" if value_high is not None else "eq")
    period_start = None
    cumulative = cell.bracketed or _contains_any(cell.indicator, lex["cumulative"])
    if cumulative:
        period_start = cell.baseline_year + 1 if cell.baseline_year else ctx.plan_start_year
    target_year = cell.target_year or ctx.plan_end_year
    section = section_at(sections, cell.line_start)
    domain = domain_of(cell.indicator) or (domain_of(cell.category) if cell.category else None) \
        or (section.domain if section else "other")
    lead_unit = cell.lead_unit or (section.lead_unit if section else None)
    recurrence = "annual" if _contains_any(cell.indicator, lex["annual"]) else "once"
    quote = text[cell.line_start: cell.line_end].strip()
    a = cell.line_start + (len(text[cell.line_start: cell.line_end]) - len(text[cell.line_start: cell.line_end].lstrip()))
    return Row(kind="target", indicator=cell.indicator[:120], value=round(value, 6),
               value_high=round(value_high, 6) if value_high is not None else None, unit=unit, unit_kind=unit_kind,
               comparator=comparator, target_year=target_year, period_start=period_start, recurrence=recurrence,
               is_cumulative=bool(cumulative), is_aspirational=False, domain=domain, lead_unit=lead_unit,
               quote=quote, char_start=a, char_end=a + len(quote),
               section_id=section.section_id if section else None, number_pos=cell.value_pos)


def _table_row_deadlines(text: str, rows: list[Row], line_starts: list[int]) -> list[Row]:
    """| 项目 | 目标任务 | 牵头单位 | 2025年12月底 |: a row's deadline cell dates the numbers of its
    other cells that state no year of their own."""
    out = []
    for row in rows:
        line_no = bisect.bisect_right(line_starts, row.char_start) - 1
        start = line_starts[line_no]
        end = text.find("\n", start)
        line = text[start: end if end >= 0 else len(text)]
        if row.target_year is None and line.count("|") >= 2:
            years = {int(m.group(1)) for cell in line.strip("| ").split("|")
                     if (m := DEADLINE_CELL.match(cell.strip())) and m.group(1)}
            if len(years) == 1:
                row = replace(row, target_year=years.pop())
        out.append(row)
    return out


def dedupe(rows: list[Row]) -> list[Row]:
    """A number restated for the same indicator in the same document is one row: the first."""
    kept: list[Row] = []
    by_amount: dict = {}  # kept rows by (value, unit): compare a row with its own amount only, not all kept rows
    for row in rows:
        bucket = by_amount.setdefault((row.value, row.unit), [])
        if any(k.value == row.value and k.unit == row.unit and k.char_start != row.char_start
               and same_indicator(k.indicator, row.indicator) for k in bucket):
            continue
        kept.append(row)
        bucket.append(row)
    return kept


def single_year_of(text: str, ctx: DocumentContext) -> int | None:
    """The year of a one-year list or work plan: the document's year, or stated years mostly
    equal the issue year."""
    if ctx.doc_year and not (ctx.plan_start_year and ctx.plan_end_year and ctx.plan_start_year != ctx.plan_end_year) \
            and ctx.doc_type not in _lex()["report_parts"]["report_doc_types"]:
        return ctx.doc_year
    if ctx.plan_start_year and ctx.plan_start_year == ctx.plan_end_year:
        return ctx.plan_start_year
    if ctx.plan_start_year and ctx.plan_end_year:
        return None
    years = Counter(int(y) for y in re.findall(rf"(?:到|至|于)?({YEAR})年(?:底|末|全年|内)?", text))
    if not years or not ctx.issue_year:
        return None
    common, count = years.most_common(1)[0]
    if common == ctx.issue_year and count >= 2:
        return common
    return None


def heading_years(sections: list[Section]) -> dict[str, int]:
    """(一)2024年目标, 2025年重点任务: a short heading naming one year, and no other number,
    dates the items below it (guide 6: the section). Inner headings win over outer ones."""
    years: dict[str, int] = {}
    for section in sections:  # parents come before their children
        heading = section.heading.strip()
        year, start, explicit = _year_in(heading, 0, len(heading))
        own = None
        if explicit and start is None and len(heading) <= 40 and \
                len(re.findall(r"\d+", re.sub(rf"{YEAR}\s*年", "", heading))) == 0:
            own = year
        inherited = years.get(section.parent_id) if section.parent_id else None
        if own or inherited:
            years[section.section_id] = own or inherited
    return years


def extract_targets(clean_text: str, sections: list[Section], ctx: DocumentContext) -> list[dict]:
    """Rows of the targets table for one document, in text order, with stable ids."""
    if ctx.single_year is None:
        ctx = replace(ctx, single_year=single_year_of(clean_text, ctx))
    if ctx.heading_years is None:
        ctx = replace(ctx, heading_years=heading_years(sections))
    if ctx.parts is None:
        ctx = replace(ctx, parts=report_parts(sections, ctx))
    if ctx.generic_sections is None:
        ctx = replace(ctx, generic_sections=frozenset(generic_sections(sections)))
    if ctx.report is None:
        top_review = any(part == "review" and s.parent_id is None for s in sections
                         for part in [ctx.parts.get(s.section_id, (None,))[0]])
        words = _lex()["report_parts"]
        if ctx.doc_type in (None, "other"):  # the metadata stage said nothing: the text's head may
            head = clean_text[: words["report_head_chars"]]
            said = [kind for kind, kind_words in words["head_words"].items() if _contains_any(head, tuple(kind_words))]
            if said:
                ctx = replace(ctx, doc_type=said[0])
                ctx = replace(ctx, parts=report_parts(sections, ctx))  # dated by the kind's years
        if ctx.doc_type in words["review_doc_types"] and ctx.doc_year is None:
            # a completion notice is for the year its title names (关于2025年…完成情况的通报)
            named = [int(y) for y in re.findall(rf"({YEAR})\s*年", clean_text[: words["report_head_chars"]])]
            named = [y for y in named if ctx.issue_year is None or y <= ctx.issue_year]
            if named:
                ctx = replace(ctx, doc_year=named[0])
                ctx = replace(ctx, parts=report_parts(sections, ctx))
        ctx = replace(ctx, report=ctx.doc_type in words["report_doc_types"] or top_review)
    report_state: dict = {"section": None, "cue": None}  # opening cues carry on to the end of their section
    table_cells, table_lines = indicator_tables.find_cells(clean_text) if "|" in clean_text else ([], [])
    rows: list[Row] = [row for cell in table_cells if (row := table_row(clean_text, cell, ctx, sections))]
    in_table = {start for start, _ in table_lines}
    paragraph: dict = {}
    line_starts = [0] + [m.end() for m in re.finditer("\n", clean_text)]
    last_line = -1
    for span in sentences(clean_text):
        line_no = bisect.bisect_right(line_starts, span[0])
        if line_starts[line_no - 1] in in_table:
            continue  # an indicator table's line: read by its columns above
        if line_no != last_line:
            paragraph = {}
            last_line = line_no
        paragraph["report"] = report_state
        rows.extend(rows_for_sentence(clean_text, span, ctx, sections, paragraph))
    rows = _table_row_deadlines(clean_text, rows, line_starts)
    rows.sort(key=lambda r: r.number_pos)
    rows = dedupe(rows)
    out, seen = [], Counter()
    for row in rows:
        # Stable while the quoted source text stays: the id names the number's place and subject,
        # not its extracted value, so a corrected value shows as a change, not a new target.
        key = f"{ctx.doc_id}|{row.quote}|{row.indicator}"
        seen[key] += 1
        target_id = hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()[:16]
        record = {"target_id": target_id, "doc_id": ctx.doc_id, "section_id": row.section_id}
        for name in ("kind", "indicator", "value", "value_high", "unit", "unit_kind", "comparator", "target_year",
                     "period_start", "recurrence", "is_cumulative", "is_aspirational", "domain", "lead_unit",
                     "quote", "char_start", "char_end"):
            record[name] = getattr(row, name)
        out.append(record)
    return out
