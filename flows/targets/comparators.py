"""The comparator of a row (ge, le, gt, lt, eq, range, approx): said after the number, by a
list for all its numbers, or by the nearest comparator word before it."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.targets.indicator_phrase import ends_with_head
from flows.targets.model import Mention, Row
from flows.targets.patterns import rules
from flows.text.numerals import CHINESE_AMOUNT


@lru_cache(maxsize=1)
def _not_comparators() -> re.Pattern:
    return re.compile("|".join(map(re.escape, rules().not_comparator_words)))


def nearest_comparator(prefix: str) -> str | None:
    # 签约 holds 约 and says no "about": blanked, offsets kept
    prefix = _not_comparators().sub(lambda found: " " * len(found.group(0)), prefix)
    best = None
    for word, code in rules().cmp_before:
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
    if re.search(r"\d", tail) or CHINESE_AMOUNT.search(tail):
        return None  # the word belongs to an amount between (突破百亿元、达105.1亿元)
    return best[1]


def comparator_of(s: str, a: int, mentions: list[Mention], index: int, group: list[int], clause_lo: int,
                  rows: list[Row], clause_prefix: str) -> str:
    """The row's comparator, the first of: the words after its number; the word after a list's
    last number (9/10万、2.5‰以下); the previous item's word in a list of one clause (至少建成5个A、
    10个B); the word before a list's first number (分别不低于4800、6000、7200元); the nearest word
    before the number in its clause, then in the 14 characters before it; eq. A range is a range."""
    m = mentions[index]
    if m.value_high is not None:
        return "range"
    shared = mentions[group[-1]].comparator if mentions[group[-1]].comparator != "range" else ""
    previous = mentions[index - 1] if index > 0 else None
    sentence_prefix = s[: m.start]
    return (m.comparator or shared
            or (previous is not None and previous.end > clause_lo and "、" in s[previous.end: m.start]
                and not ends_with_head(s[previous.end: m.start].rstrip())
                and rows and rows[-1].number_pos == a + previous.start
                and rows[-1].comparator not in ("range", "eq") and rows[-1].comparator)
            or (index != group[0] and nearest_comparator(s[clause_lo: mentions[group[0]].start]))
            or nearest_comparator(clause_prefix)
            or nearest_comparator(sentence_prefix[-14:])
            or "eq")
