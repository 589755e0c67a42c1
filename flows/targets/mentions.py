"""Every number of a sentence with its multiplier, unit, range and comparator words.

find_mentions() reads left to right: a fraction word (百分之九十五), else a number in digits
or Chinese numerals with its multiplier (万, 亿), words between number and unit (余, 多), the
unit (lexicon [units]; after a Chinese numeral only [chinese_numeral_units]), a range's
upper end (1-2个), a rate's denominator (9/10万), a unit lost to redaction or named by a
list's last number, and comparator words after the unit (以上). What is not an amount is
dropped later (flows.targets.filters).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from flows.targets.model import Mention
from flows.targets.patterns import alternation, contains_any, match_word, rules
from flows.text.numerals import NUMERAL_CHARS, chinese_to_number

MAX_NUMBER_CHARS = 24  # a longer run of digits is not a quantity
# 12,000: ASCII thousands separators (a list would use 、, a clause break ，before 4 digits)
NUMBER = re.compile(rf"\d{{1,3}}(?:,\d{{3}})+(?![\d.])|\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+")


def times(value: float, multiplier: float) -> float:
    """value × multiplier in decimal, so 2223.8亿 is 222380000000, not 222380000000.00003."""
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


def read_number(text: str, pos: int) -> tuple[float, int, str] | None:
    """A number at pos with its multiplier: (value, end, raw)."""
    m = NUMBER.match(text, pos)
    if not m:
        return None
    raw = m.group(0)
    lex = rules()
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
        end = m.end()
        at = end
        while at < len(text) and at - end < 2 and text[at] in " \u3000":
            at += 1  # layout space: 2 万人
        mult = match_word(text, at, lex.multiplier_words)
        if mult and match_word(text, at, lex.units):
            mult = None  # 500千瓦, 3千米: the character starts a unit, not a multiplier
        if mult:
            value = times(value, dict(lex.multipliers)[mult])
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
        shares = _sector_shares_at(sentence, start) if sentence[m.end(): m.end() + 2].lstrip()[:1] in _ratio_links() else []
        if shares:
            mentions.extend(shares)
            pos = shares[-1].end
            continue
        mention = _mention_at(sentence, start)
        if mention is None:
            pos = m.end()
            continue
        mentions.append(mention)
        pos = max(mention.end, m.end())
    return mentions


@lru_cache(maxsize=1)
def _ratio_links() -> frozenset:
    return frozenset(rules().sector_ratio["links"])


@lru_cache(maxsize=1)
def _ratio() -> re.Pattern:
    """Three numbers joined by a ratio's links (14.7:34.3:51), and no fourth."""
    links = "".join(map(re.escape, rules().sector_ratio["links"]))
    number = r"(\d+(?:\.\d+)?)"
    return re.compile(rf"{number}\s*[{links}]\s*{number}\s*[{links}]\s*{number}(?![\d.]|\s*[{links}])")


def _sector_shares_at(s: str, start: int) -> list[Mention]:
    """三次产业结构调整为14.7:34.3:51: each sector's share, in %, named by its place (lexicon [sector_ratio]);
    nothing unless a subject names the ratio just before and its parts make a whole."""
    words = rules().sector_ratio
    before = re.split(r"[,;。]", s[max(0, start - words["subject_within"]): start])[-1]  # in the same clause
    subject = next((w for w in words["subjects"] if w in before), None)
    if subject is None:
        return []
    ratio = _ratio().match(s, start)
    if not ratio or abs(sum(float(v) for v in ratio.groups()) - 100) > words["total_slack"] \
            or s[ratio.end(): ratio.end() + 4].lstrip().startswith(tuple(words["moved_from"])):
        return []  # no whole, or the baseline the structure moved from
    return [Mention(ratio.start(i), ratio.end(i), float(ratio.group(i)), None, "%", "percent", "eq", ratio.group(i),
                    ratio.end(i), part_name=subject + part) for i, part in zip((1, 2, 3), words["parts"])]


_LIST_LINKS = re.compile(r"(?:[、和,至]\s*\d+(?:\.\d+)?[万亿千]?(?=[、和,至])){0,50}[、和,至]\s*")


@lru_cache(maxsize=None)
def _false_friends_longer_than(length: int) -> tuple[str, ...]:
    return tuple(w for w in rules().false_friends if len(w) > length)


def _fraction_at(s: str, start: int, word: str) -> Mention | None:
    """百分之九十五, 千分之五: the unit word comes before the number."""
    lex = rules()
    number = read_number(s, start + len(word))
    if number is None:
        return None
    value, end, _ = number
    unit, unit_kind = lex.fractions[word]
    unit_end = end
    comparator = ""
    after = match_word(s, end, [k for k, _ in lex.cmp_after])
    if after:
        comparator = dict(lex.cmp_after)[after]
        end += len(after)
    return Mention(start, end, value, None, unit, unit_kind, comparator, s[start:unit_end], unit_end)


def _mention_at(s: str, start: int) -> Mention | None:
    lex = rules()
    fraction = match_word(s, start, lex.fraction_words)
    if fraction:
        return _fraction_at(s, start, fraction)
    first = read_number(s, start)
    if first is None:
        return None
    value, end, raw = first
    is_chinese = not raw[0].isdigit()
    if is_chinese and raw in lex.lone_multipliers and not (raw in lex.counted_multipliers
                                                           and s.startswith(lex.counted_after_multiplier, end)):
        # a lone 千/万 is a denominator (千人口, 每万人) or a programme name (万名医生下乡);
        # 百名, 千名, 百所 count people and schools
        return None
    comparator = None
    value_high = None
    # 余/多 between number and unit (100余场, 十余个)
    inside = match_word(s, end, list(lex.cmp_inside))
    if inside and not s.startswith(lex.not_inside_comparator, end):
        comparator = lex.cmp_inside[inside]
        end += len(inside)
        mult = match_word(s, end, lex.multiplier_words)
        if mult:
            value = times(value, dict(lex.multipliers)[mult])
            end += len(mult)
    unit_words = lex.cn_units if is_chinese else lex.units
    if s.startswith(" ", end) and match_word(s, end + 1, unit_words):
        end += 1  # "1500 场": a space from the page layout
    unit_word = match_word(s, end, unit_words)
    if is_chinese and unit_word in lex.lone_multipliers:
        unit_word = None
    if unit_word and s.startswith(_false_friends_longer_than(len(unit_word)), end):
        return None  # 5部门, 个人, 家庭: the unit character begins another word
    unit = unit_kind = None
    implied = False
    if unit_word and unit_word in lex.unit_map:
        unit, unit_kind = lex.unit_map[unit_word]
        full = lex.listed_unit_words.get(unit_word)
        if full and re.match(rf"(?:{_LIST_LINKS.pattern})\d+(?:\.\d+)?\s*{re.escape(full)}",
                             re.sub(rf"(?<=\d){re.escape(unit_word)}(?={alternation(lex.joiners)})", "", s[end + len(unit_word):])):
            unit, unit_kind = lex.unit_map[full]  # 分别提高9.9个、3.1个百分点: each is a percentage point
        end += len(unit_word)
    # range: 1-2个, 30%-40%, 3至5所, 1-2万人
    joiner = match_word(s, end, lex.range_joiners)
    if joiner and comparator is None:
        second = read_number(s, end + len(joiner))
        if second and second[2][0].isdigit() == raw[0].isdigit():
            v2, end2, raw2 = second
            base2 = float(raw2.replace(",", "")) if raw2[0].isdigit() else 0.0
            multiplier = v2 / base2 if base2 else 1.0
            if not is_chinese and multiplier != 1 and end == start + len(raw):
                value = times(value, round(multiplier))  # 1-2万人: the multiplier after the upper end applies to both
            unit2 = match_word(s, end2, unit_words)
            if unit2 in lex.unit_map and (unit is None or lex.unit_map[unit2][0] == unit):
                unit, unit_kind = lex.unit_map[unit2]
                end2 += len(unit2)
            if unit is not None and v2 > value:
                value_high, end, comparator = v2, end2, "range"
    # per-population rate written after the number: 9/10万, 6.7批次/千人, 1500元/人/年
    if s.startswith("/", end):
        denominator = re.match(r"/((?:\d+)?[十百千万]*(?:人口|人|户|家|名[\u4e00-\u9fff]{0,3}|院|月|年|学年|次|日|天|小时)?)(?:/(人|户|年|月|学年|次))?", s[end:])
        # (a bare number after the slash is no base: 000330185/2022-86781 is an index number, 1/3 a fraction)
        if denominator and denominator.group(1) and not denominator.group(1).isdigit():
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
            implied_unit = lex.implied["default"]
            for ending, u in lex.implied.items():
                if ending != "default" and ending in noun:
                    implied_unit = u
                    break
            if stars.group(0) == "大" and not contains_any(noun, lex.counted_after_da):
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
    alt = re.match(rf"\([{re.escape(lex.alternate_chars)}、,]+\)", s[end:])
    if alt:
        end += alt.end()
    unit_end = end
    after = match_word(s, end, [k for k, _ in lex.cmp_after])
    if after and comparator != "range":
        comparator = dict(lex.cmp_after)[after]
        end += len(after)
    elif after:
        end += len(after)
    return Mention(start, end, value, value_high, unit, unit_kind, comparator or "", raw, unit_end, implied)
