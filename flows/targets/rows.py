"""The rows of one sentence.

rows_for_sentence() keeps the mentions that are amounts (filters), reads the paragraph's
time frame (其中 and clauses after ';' inherit the sentence's years), groups numbers joined
only by 、和与及 into lists, gives each number its indicator phrase (one per item of a list
of scopes sharing a head, the clause before lending a subject to a phrase that says only
how), its unit when only the phrase names one, a list's own year and the row it shares a verb
or total with; flows.targets.resolve decides every field of the row from those.
"""
from __future__ import annotations

import re
from dataclasses import replace

from flows.structure import Section, section_at
from flows.targets.filters import drop_qualifiers, keep_mention
from flows.targets.indicator_phrase import (YEAR_PHRASE, bare_change, context_before, cut_distributive, distribute_head,
                                            ends_with_head, fillers, indicator_parts, is_weak, merge_indicator,
                                            multiple_of_base, short_scopes_sharing_a_head, split_items, standard_indicator,
                                            strip_fillers, without_change)
from flows.targets.mentions import find_mentions
from flows.targets.model import DocumentContext, Mention, Paragraph, Row
from flows.targets.patterns import candidate, match_word, rules
from flows.targets.rate_units import unit_from_indicator
from flows.targets.report_parts import follow_cue, reads_cues
from flows.targets.resolve import Place, Shared, resolve_row
from flows.targets.timing import LEADING_TIME_RE, year_in
from flows.text.clauses import clause_end, clause_start
from flows.text.years import YEAR

MAX_SENTENCE_CHARS = 2000  # a longer "sentence" is a dump; read its start
MAX_INDICATOR_CHARS = 80  # a phrase lent a subject by the clause before keeps its last characters


def rows_for_sentence(text: str, span: tuple[int, int], ctx: DocumentContext, sections: list[Section],
                      paragraph: Paragraph, deadline: int | None = None) -> list[Row]:
    """All rows of one sentence; `paragraph` carries a stated year and the last subject along;
    `deadline` is the year of the deadline cell of the task table row the sentence sits in."""
    a, b = span
    s = text[a:b][:MAX_SENTENCE_CHARS]
    # A clause after ';' is still the sentence that opened with 到2027年: it keeps that time frame.
    after_semicolon = text[max(0, a - 3):a].rstrip().endswith(";")
    if not after_semicolon:
        paragraph.lead = None
    if not candidate().search(s):
        if reads_cues(ctx):
            follow_cue(s, a, [], ctx, sections, paragraph)
        paragraph.previous = s
        return []
    mentions = [m for m in find_mentions(s) if keep_mention(s, m)]
    mentions = drop_qualifiers(s, mentions)
    if reads_cues(ctx):
        follow_cue(s, a, mentions, ctx, sections, paragraph)
    # 其中 breaks down the sentence before it, and takes its years (guide 1, 6).
    year, start, explicit = year_in(s, 0, len(s))
    breakdown = s.startswith(rules().breakdown_word)
    if breakdown:
        paragraph.inherited = paragraph.stated
    elif after_semicolon and paragraph.lead:
        paragraph.inherited = paragraph.lead
    else:
        paragraph.inherited = None
    if explicit and not after_semicolon and LEADING_TIME_RE.match(s):
        paragraph.lead = (year, start)
    paragraph.stated = (year, start) if explicit else paragraph.inherited
    if not mentions:
        if s.strip():
            paragraph.previous = s
        return []
    section = section_at(sections, a)
    total = paragraph.last_row if breakdown else None
    rows: list[Row] = []
    for group in value_lists(s, mentions):
        clause_lo = clause_start(s, mentions[group[0]].start)
        clause_hi = clause_end(s, mentions[group[-1]].end)
        pre, post, _ = indicator_parts(s, mentions, group[0], clause_lo, clause_hi)
        context = context_before(s, clause_lo, paragraph.previous)
        group, phrases, years_of = _phrases(s, mentions, group, pre, post, context)
        changed = _changes_of_the_amounts_before(s, a, mentions, group, pre, rows, clause_lo)
        if changed:
            phrases = changed  # A、B分别达到x元和y元,分别增长5.1%和6.8%: A's growth, B's growth
        for index, phrase in zip(group, phrases):
            m = mentions[index]
            previous = mentions[index - 1] if index > 0 else None
            falls = _written_as_a_fall(s, m)
            if falls:
                phrase = phrase.rstrip("".join(rules().minus_signs))  # 增速-2.6%: the change, then the fall
            change = bare_change(phrase) or multiple_of_base(phrase, m.unit)
            if not change and len(group) == 1 and phrase in rules().change_baselines:
                change = bare_change(pre.strip(" ,"))  # X113%,比上年提高2个百分点: the verb the phrase lost
            total_of_added = False
            if changed:
                pass  # named above, each after its amount
            elif change and previous and rows and rows[-1].number_pos == a + previous.start \
                    and _only_asides_between(s, previous.end, clause_lo):
                # X完成86.5亿元、增长6.1%; X…,比上年增长1.4%,过去五年年均增长13.8%: X's growth
                phrase = without_change(rows[-1].phrase) + change
            elif (level := _level_of_the_row_before(s, a, m, previous, phrase, rows, clause_lo)) is not None:
                phrase, total_of_added = level
            else:
                phrase = _with_context(phrase, context, m, mentions, index, clause_lo, s, paragraph)
            if falls:
                phrase = without_change(phrase) + rules().fall_word
            if not m.unit:
                resolved = unit_from_indicator(phrase)
                if not resolved:
                    continue
                m = replace(m, unit=resolved[0], unit_kind=resolved[1])  # the phrase names the unit
            place = Place(s, a, b, mentions, index, group, clause_lo)
            shared = None if total_of_added else _shared(s, a, rows, a + m.start, total)  # (not 新增 of the list)
            rows.append(resolve_row(place, m, phrase, ctx, section, paragraph, rows, years_of.get(index), shared, deadline))
    if rows and not breakdown:
        paragraph.last_row = rows[-1]
    paragraph.previous = s
    return rows


LISTED_YEAR = re.compile(rf"(?:到|至)?({YEAR})\s*年(?:底|末)?")  # one year of a list of years (2024年、2025年分别…)


def _level_of_the_row_before(s: str, a: int, m: Mention, previous: Mention | None, phrase: str, rows: list[Row],
                             clause_lo: int) -> tuple[str, bool] | None:
    """A number whose own phrase says nothing (or only 总量, 总数) right after the row before measures what that
    row measured: X增长18%、突破132万户; X增长6%,总量跨过3000亿元; 搬迁5864户23456人. (That phrase, and whether it
    is the total of what the row before added: 新增规上工业企业102家、总数达760家 -> 规上工业企业总数.)"""
    lex = rules()
    if not previous or not rows or rows[-1].number_pos != a + previous.start \
            or not (not phrase or fillers()[1].fullmatch(phrase) or phrase in lex.level_heads):
        return None
    joined = previous.end > clause_lo and s[previous.end: m.start].startswith(lex.joiners)
    after_a_change = rows[-1].phrase.endswith(lex.change_heads) and _only_asides_between(s, previous.end, clause_lo)
    if not (joined or after_a_change or not phrase and previous.end == m.start):
        return None
    head = next((h for h in sorted(lex.change_heads, key=len, reverse=True) if rows[-1].phrase.endswith(h)), "")
    measured = rows[-1].phrase[: len(rows[-1].phrase) - len(head)]
    added = next((w for w in lex.increment_words if measured.startswith(w)), None)
    if added and phrase in lex.level_heads:
        return measured.removeprefix(added) + phrase, True
    return measured, False


def _only_asides_between(s: str, end: int, clause_lo: int) -> bool:
    """The number before is in this clause, or only the rest of its own clause and asides (占计划的100%,
    总量居全省第三) stand between it and this one."""
    if end > clause_lo:
        return True
    between = s[end: clause_lo]
    first_break = clause_end(s, end)
    asides = [c.strip() for c in re.split(r"[,;]", s[first_break + 1: clause_lo]) if c.strip()]
    return first_break < clause_lo and re.search(r"\d", between[: first_break - end]) is None \
        and all(c.startswith(rules().aside_openers) for c in asides)


def _written_as_a_fall(s: str, m: Mention) -> bool:
    """增速-2.6%, 增长-11.9%: a change written with a minus right before the number."""
    before = s[max(0, m.start - 6): m.start]
    return m.unit_kind in ("percent", "pct_point") and before.endswith(rules().minus_signs) \
        and before.rstrip("".join(rules().minus_signs)).endswith(rules().change_heads)


def _changes_of_the_amounts_before(s: str, a: int, mentions: list[Mention], group: list[int], pre: str,
                                   rows: list[Row], clause_lo: int) -> list[str] | None:
    """A list of changes named by a change alone (分别增长5.1%和6.8%, 年均分别增长13%和15.6%) right after as many
    amounts: one change of each amount, in order."""
    k = len(group)
    change = bare_change(pre.strip(" ,")) or multiple_of_base(pre.strip(" ,"), mentions[group[0]].unit)
    if k < 2 or not change or len(rows) < k or group[0] < k:
        return None
    before = [a + mentions[group[0] - k + j].start for j in range(k)]
    if [r.number_pos for r in rows[-k:]] != before or not _only_asides_between(s, mentions[group[0] - 1].end, clause_lo):
        return None
    return [without_change(r.phrase) + change for r in rows[-k:]]


def _phrases(s: str, mentions: list[Mention], group: list[int], pre: str, post: str,
             context: str) -> tuple[list[int], list[str], dict[int, int]]:
    """(numbers, one indicator phrase each, a year per number when the list names one each).
    A list of numbers takes its listed subjects one each (A、B、C分别为1、2、3); one number with
    a list of scopes sharing a head is one row per scope (A和B参保率均达95%)."""
    years_of: dict[int, int] = {}
    joiners = "".join(rules().joiners)
    if all(mentions[i].part_name for i in group):
        return group, [mentions[i].part_name for i in group], years_of  # a ratio's shares name themselves
    if len(group) > 1:
        own = strip_fillers(cut_distributive(pre)[0])
        # 占比:分别提高到56.7%、31.6%: the words before the numbers only say how; the subject is the clause before
        subject_before = not own or is_weak(own) or bool(fillers()[1].fullmatch(own))
        subject_raw = context if subject_before else pre
        subject, _ = cut_distributive(subject_raw)
        items = split_items(strip_fillers(subject))
        parts = re.split(f"[{joiners}]", subject.strip(" ,"))
        listed_years = [LISTED_YEAR.fullmatch(x) for x in parts]
        # …2018年、2019年地区生产总值分别为…: the last year carries the subject after it
        last = LISTED_YEAR.match(parts[-1]) if len(parts) > 1 else None
        last = last if last and last.end() < len(parts[-1]) else None
        subject_after = parts[-1][last.end():] if last and all(listed_years[:-1]) else ""
        if subject_after:
            listed_years[-1] = last
        if len(listed_years) == len(group) and all(listed_years):
            # 2024年、2025年分别新增托位800个、1000个: one year per number, one indicator for all
            years_of = {index: int(y.group(1)) for index, y in zip(group, listed_years)}
            rest = pre[len(subject):]
            tail = subject_after + rest[len(match_word(rest, 0, rules().distributive) or ""):]
            return group, [merge_indicator(tail, post)] * len(group), years_of
        if len(items) == len(group):
            rest = pre if subject_before else pre[len(subject):]
            change = bare_change(rest.strip(" ,")) or ""  # A和B分别增长x%和y%: each one's growth
            return group, [item + change for item in distribute_head(items)], years_of
        merged = merge_indicator(cut_distributive(pre)[0], post)
        for word, parts in rules().compound_scopes.items():
            if len(parts) != len(group):
                continue
            if word in merged:  # 城乡居民收入分别增长…: 城镇居民收入增长, 农村居民收入增长
                tail = pre[len(subject):]
                tail = tail[len(match_word(tail, 0, rules().distributive) or ""):].strip()
                change = match_word(tail, 0, rules().change_heads) or ""
                return group, [merged.replace(word, part, 1) + change for part in parts], years_of
            borrowed = strip_fillers(cut_distributive(context)[0]) if context else ""
            if merged in rules().change_heads and word in borrowed:
                # …分别达到A和B,增长x%和y%: a bare change borrows the clause before's compound subject
                return group, [borrowed.replace(word, part, 1) + merged for part in parts], years_of
        return group, [merged] * len(group), years_of
    subject, has_distributive = cut_distributive(pre)
    items = split_items(strip_fillers(subject)) if strip_fillers(subject) else [""]
    short_scopes = short_scopes_sharing_a_head(items)
    # A、B建有率达80%: a rate of each listed scope (a count of A、B is one total)
    rate_of_each = (len(items) > 1 and "、" in subject and mentions[group[0]].unit_kind in ("percent", "permille")
                    and (ends_with_head(items[-1]) or "").endswith("率"))
    if len(items) > 1 and (has_distributive or all(ends_with_head(x) for x in items) or short_scopes or rate_of_each):
        phrases = distribute_head(items)
        if short_scopes and not has_distributive:
            # 养老和医疗保险参保率: a two-character scope stands where the last one's does;
            # a longer one (自然村和农户覆盖率) takes the measured head alone
            head = ends_with_head(items[-1])
            suffix = items[-1][len(items[0]):] if len(items[0]) <= 2 or len(head) < 3 else head
            phrases = [items[0] + suffix, items[-1]]
        noun = strip_fillers(post) if post else ""
        if not noun and has_distributive:
            # 城区和农村各新建公办幼儿园3所: what follows 各 is each item's
            tail = pre[len(subject):]
            tail = tail[len(match_word(tail, 0, rules().distributive) or ""):]
            noun = strip_fillers(tail)
        if noun and not all(ends_with_head(x) for x in phrases):
            phrases = [x + noun if noun not in x else x for x in phrases]
    else:
        phrases = [standard_indicator(pre, post, context) or merge_indicator(pre, post)]
    return [group[0]] * len(phrases), phrases, years_of


def _with_context(phrase: str, context: str, m: Mention, mentions: list[Mention], index: int, clause_lo: int,
                  s: str, paragraph: Paragraph) -> str:
    """A phrase that says only how (补助, 最高不超过) or is too short to stand alone takes the
    clause before as its subject; an empty one the characters before the number."""
    first_in_clause = index == 0 or mentions[index - 1].end <= clause_lo
    if context and (is_weak(phrase) or (first_in_clause and len(phrase) < 3)):
        subject = strip_fillers(context)
        if YEAR_PHRASE.fullmatch(subject) and paragraph.last_row:
            # 2024年完成X改造5000户;2025年,再完成3000户: the clause before is only a year
            subject = paragraph.last_row.indicator
        if phrase in subject or is_weak(phrase, strict=True) or fillers()[1].fullmatch(phrase) \
                or re.fullmatch(r"[再另还又也]+", phrase):
            phrase = subject  # 最高不超过2000元: the cap belongs to the clause before
        else:
            phrase = (subject + phrase)[-MAX_INDICATOR_CHARS:]
    if not phrase:
        phrase = s[max(0, m.start - 8): m.start]
    return phrase


def _shared(s: str, a: int, rows: list[Row], number_pos: int, total: Row | None) -> Shared | None:
    """The row this one shares a verb with: the item before it in one list of one clause; the
    last row before 其中 (or the previous sentence's last, `total`) for an item after it."""
    shared = None
    if rows and number_pos != rows[-1].number_pos:
        between = s[rows[-1].number_pos - a: number_pos - a]
        if "、" in between and not re.search(r"[,;:]", between):
            shared = Shared(rows[-1], rows[-1].phrase, False)  # one list of one clause
    qizhong = s.find(rules().breakdown_word)
    if qizhong >= 0 and number_pos - a > qizhong:
        before = [r for r in rows if r.number_pos - a < qizhong]
        if before:
            shared = Shared(before[-1], before[-1].phrase, True)
        else:
            shared = Shared(total, total.indicator, True) if total is not None else None
    return shared
def value_lists(s: str, mentions: list[Mention]) -> list[list[int]]:
    """Group numbers joined only by 、和与及 (380万人、305万人、720万人)."""
    groups: list[list[int]] = []
    for i, m in enumerate(mentions):
        if groups and i > 0 and m.part_name and mentions[i - 1].part_name:
            groups[-1].append(i)  # the shares of one ratio (14.7:34.3:51)
            continue
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


