"""When: the plan period and the one year a document is for (a list's year, the year a work
report plans for, the year a completion notice reports on)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from flows import lexicon
from flows.metadata.evidence import Evidence, alternation as _alternation, followed_by
from flows.metadata.heads import PERIOD, SINGLE_YEAR, headline_of
from flows.metadata.posted import posted_on
from flows.metadata.periods import year_of_a_period
from flows.metadata.sessions import session_year
from flows.metadata.year_model import candidate_features, model_evidence, year_by_model
from flows.text.years import YEAR_NAMED_RE


def _years_before(text: str, endings) -> list[tuple[int, int]]:
    """(year, position) of every YEAR年 followed by one of the endings (2026年工作安排)."""
    out = []
    for match in re.finditer(r"((?:19|20)\d{2})(?=年)", text):
        if followed_by(text, match.end(), endings):
            out.append((int(match.group(1)), match.start()))
    return out


@dataclass(frozen=True)
class _Page:
    """What the readers of a document's year look at: its kind, title lines, opening and dates."""
    kind: str
    title: str | None
    title_line: str | None
    lines: list[str]
    issue_date: dt.date | None
    own_number: tuple[str, int] | None
    several_years: bool
    page_date: dt.date | None
    url_date: dt.date | None
    region_code: str | None = None

    @cached_property
    def head(self) -> str:
        return "\n".join(self.lines[:40])[:4000]

    @cached_property
    def planned(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        return _planned_years(self.head)

    @cached_property
    def listed(self) -> re.Match | None:
        return _listed(self)

    @cached_property
    def posted(self) -> tuple[int, int, Evidence] | None:
        return posted_on(self.lines, self.page_date, self.url_date)


Found = tuple[int | None, Evidence | None]  # a reader's answer; a reader returns None to say nothing


def _rules() -> dict:
    return lexicon.metadata_rules()["year"]


def _words(key: str) -> str:
    """The words of a rules list as a regex alternation, the longest first."""
    return _alternation(_rules()[key])


def _matters() -> str:
    """The words for the year's matters as a regex (实事, 民生工程…), not inside an idiom (实事求是)."""
    return rf"(?:{_words('matters_words')})(?!{_words('not_matters_after')})"


def _delivered_on_a_date(p: _Page) -> Found | None:
    """A report given on a date (——2020年5月9日在…会议上; …会议上 县长某某 (2020年1月8日); ——在2025年12月29日…
    会议上): that year, or the next when given in November or December or when it reviews the year it is
    dated in (2021年工作回顾)."""
    if p.kind == "progress_report":
        return None
    for line in p.lines[:12]:
        match = re.search(_rules()["delivered_on_pattern"], line)
        if match:
            year, month = next((match.group(i), match.group(i + 1)) for i in (1, 4, 7) if match.group(i))
            reviews_it = any(y == int(year) for y, _ in _years_before("\n".join(p.lines[:40]), _rules()["review_year_after"]))
            return int(year) + (int(month) >= 11 or reviews_it), Evidence("title", line)
    return None


def _session_on_a_date(p: _Page) -> Found | None:
    """News of a session held, or to be held, on a date: that year, or the next for one in November or December."""
    if p.kind not in ("government_work_report", "other"):
        return None
    match = re.search(_rules()["session_date_pattern"], "\n".join(p.lines[:12]))
    return (int(match.group(1)) + (int(match.group(2)) >= 11), Evidence("text", match.group(0))) if match else None


def _title_year(p: _Page) -> Found | None:
    """The one year the title names (a headline's, where there is no title; not a date's or a meeting's:
    2018年第八次常务会议); none for a title of a period; the later of a report's years (2020年…执行情况与2021年
    计划草案: the plan's)."""
    lines = p.lines
    headline = headline_of(lines) if not p.title and not p.title_line else None
    if headline and re.search(_rules()["headline_not_its_year_pattern"], headline):
        headline = None
    if headline and p.kind == "government_work_report" and p.posted and p.posted[1] in _rules()["session_months"]:
        return None  # news of a report posted in its session's season: the posted year, not the year its headline reviews
    if headline and p.posted and any(w in headline for w in _rules()["this_year_words"]):
        return None  # 上海公布今年27项实事项目,来看2019年哪几项测评得分居前: this year is the posted one, not the year named
    not_a_horizon = "".join(f"(?<!{re.escape(w)})" for w in _rules()["horizon_leads"])  # (not 至2025年,…达到400家)
    for line in dict.fromkeys(filter(None, (p.title, p.title_line, headline))):
        if PERIOD.search(line):
            return None, None
        years = set(re.findall(not_a_horizon + SINGLE_YEAR.pattern, line)) or \
            set(re.findall(_rules()["bare_year_opening_pattern"], line))  # 2024这十件事
        if len(years) == 1:
            year = int(years.pop())
            if p.kind != "progress_report" and len(line) <= 60 and any(w in line for w in _rules()["review_title_words"]):
                return year + 1, Evidence("title", line)  # …解读政府工作报告:2022年工作回顾 is a 2023 report's
            return year, Evidence("title", line)
        planned = _years_before(line, _rules()["plan_year_after"])
        if planned:
            return max(planned)[0], Evidence("title", line)
    return None


def _signed(p: _Page) -> Found | None:
    """The year a document was signed, else numbered in."""
    if p.issue_date:
        return p.issue_date.year, Evidence("signature", p.issue_date.isoformat())
    return (p.own_number[1], Evidence("doc_number", p.own_number[0])) if p.own_number else None


def _scheme_of_no_year(p: _Page) -> Found | None:
    """A scheme whose title names no year (上海市促进养老托育服务高质量发展实施方案) is the year it was signed or
    numbered in, not the year its targets reach (到2025年,全市养老床位…)."""
    return _signed(p) if p.kind == "work_plan" and p.title else None


def _issued(p: _Page) -> Found | None:
    """An opinion or plan of no stated period, a reading: the year it was issued (signed, numbered, else the
    day its page was posted, days after it was signed: labelled, a dated line or its URL's date); none for
    a document of several years. News about a list or a report (other) reads on as for them, as does a
    call for next year's matters."""
    if p.kind in lexicon.metadata_rules()["doc_type"]["one_year_kinds"]:
        return None
    if p.several_years:
        return None, None
    if p.kind == "other":
        return None
    signed = _signed(p)
    if signed:
        return signed
    posted = p.posted
    return (posted[0], posted[2]) if posted else (None, None)


def _report_in_its_season(p: _Page) -> Found | None:
    """A report, or news of it, posted in its session's season (January to March): that year."""
    if p.kind != "government_work_report":
        return None
    posted = p.posted
    return (posted[0], posted[2]) if posted and posted[1] in _rules()["session_months"] else None


def _call_for_proposals(p: _Page) -> Found | None:
    """A call for next year's matters (征集2023年北仑区民生实事项目; 征集明年…实事 dated 2025: 2026), whatever this
    year's it tells of."""
    if p.kind != "other":
        return None
    call = next(filter(None, (re.search(pattern, p.head) for pattern in _rules()["call_year_patterns"])), None)
    if call:
        return int(call.group(1)), Evidence("text", call.group(0))
    dated = p.issue_date.year if p.issue_date else (p.posted[0] if p.posted else None)
    ahead = next(filter(None, (re.search(pattern, p.head) for pattern in _rules()["call_next_year_patterns"])), None)
    return (dated + 1, Evidence("text", ahead.group(0))) if ahead and dated else None


def _goal_of_a_year(then: str) -> str:
    """A regex: YEAR年, a goal word a few characters on (2023年…主要预期目标), then `then` (a lookaround)."""
    return rf"((?:19|20)\d{{2}})年[^。,;:\d]{{0,10}}?(?:{_words('plan_goal_words')}){then}"


def _planned_years(head: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(year, position) of the years the text plans for (2026年工作安排, 2023年…主要预期目标, 聚焦2023内蒙古两会),
    in order, and of a plan's execution it reports (2021年国民经济和社会发展计划执行情况: a year reviewed)."""
    rules = _rules()
    planned = _years_before(head, rules["plan_year_after"])
    executed = [(y, p) for y, p in planned if re.match(rules["executed_pattern"], head[p:])]
    planned = [p for p in planned if p not in executed]
    planned += [(int(m.group(1)), m.start()) for m in re.finditer(
        _goal_of_a_year(f"(?!{_words('goal_met_after')})"), head)]
    planned += [(int(m.group(1)), m.start(1)) for m in re.finditer(rules["plan_year_lead_pattern"], head)]
    verbs = lexicon.metadata_rules()["doc_type"]["plan_sentence_verbs"]
    planned += [(int(m.group(1)), m.start(1)) for m in re.finditer(rules["delivered_then_report_says_pattern"], head)
                if any(v in head[m.end():m.end() + rules["plan_verbs_within"]] for v in verbs)
                and not any(w in head[m.end():m.end() + rules["achieved_within"]] for w in rules["achieved_words"])]
    planned.sort(key=lambda p: p[1])
    planned += [(int(m.group(1)), m.start()) for m in re.finditer(rules["sessions_of_year_pattern"], head)]
    return planned, executed


def _reviewed_years(head: str, executed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(year, position) of the years a report, or news of it, reviews: 2025年工作回顾, 2015工作回顾, the year
    that follows news of the report delivered (…作政府工作报告。2024年,…), 回顾了…2025年, 预计2015年…,
    the last of 2018年以来的五年, the year a sentence opens with after 过去的一年 (not one that plans)."""
    rules = _rules()
    reviewed = _years_before(head, rules["review_year_after"]) + executed
    reviewed += [(int(m.group(1) or m.group(2)), m.start()) for m in re.finditer(rules["bare_year_review_pattern"], head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(rules["delivered_then_year_pattern"], head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(rules["report_opens_with_year_pattern"], head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(rules["delivered_then_report_says_pattern"], head)
                 if any(w in head[m.end():m.end() + rules["achieved_within"]] for w in rules["achieved_words"])]
    reviewed += [(int(m.group(1)) + 4, m.start(1)) for m in re.finditer(rules["five_years_since_pattern"], head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
        rf"{''.join(f'(?<!{re.escape(w)})' for w in rules['review_noun_after'])}"
        rf"(?:{_words('review_year_before')})[^。,;:、\d\n]{{0,12}}?((?:19|20)\d{{2}})年", head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
        rf"(?:{_words('review_year_right_after')})(?:{_words('own_region_words')})?{YEAR_NAMED_RE.pattern}", head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
        rf"(?:{_words('estimated_year_before')}),?{YEAR_NAMED_RE.pattern}(?!{_rules()['estimated_not_before']})", head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(  # 2015年,预计实现… (2023年预计新增… plans)
        rf"{YEAR_NAMED_RE.pattern},(?:{_words('estimated_year_before')})", head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
        rf"{YEAR_NAMED_RE.pattern}[^。,;:\d\n]{{0,8}}?(?:{_words('review_headings')})", head)]
    reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(  # 2021年发展目标的顺利完成
        _goal_of_a_year(f"(?={_words('goal_met_after')})"), head)]
    for lead in re.finditer(_words("review_of_last_year"), head):
        after = head[lead.end():lead.end() + 1000]
        opened = re.search(rules["year_opens_a_sentence"], after)
        if opened and not any(w in after[opened.end():opened.end() + 15] for w in rules["future_words"]):
            reviewed.append((int(opened.group(1)), lead.end() + opened.start(1)))
            break
    return reviewed


def _planned_or_after_reviewed(p: _Page) -> Found | None:
    """A report, a plan, a list, news of them: the latest year it names as planned, or the year after one it
    reviews."""
    if p.kind not in ("government_work_report", "work_plan", "other", "practical_matters_list"):
        return None
    planned, executed = p.planned
    years = planned + [(y + 1, pos) for y, pos in _reviewed_years(p.head, executed)]
    if not years:
        return None
    year, pos = max(years)
    return year, Evidence("text", p.head[max(0, pos - 10):pos + 20])


def _listed(p: _Page):
    """The year a list or notice names before its matters (2022年全省50项民生实事, 2021年度的十个民生实事), or
    that opens a sentence about them (2026年,某旗…确定实施3项民生实事项目), as a match."""
    head = p.head
    listed = re.search(rf"((?:19|20)\d{{2}})年度?[^。,;:]{{0,12}}?{_matters()}", head)
    if not listed and p.kind in ("practical_matters_list", "progress_report"):
        # (for a list, not a sentence on last year's done: 2017年,东营市…实施了…11件民生实事)
        done = _rules()["matters_done_words"] if p.kind == "practical_matters_list" else []
        listed = next((m for m in re.finditer(_rules()["year_opens_sentence_pattern"].replace("MATTERS", _matters()), head)
                       if not any(w in m.group(0) for w in done)), None)
    return listed


def _progress_of_its_year(p: _Page) -> Found | None:
    """A progress report reports on the year it lists, whatever next year it names; it, or a page of no
    kind, on the year a line of its opening starts with (2023年县级重点项目共530项…; 2020年,循化县…)."""
    if p.kind not in ("progress_report", "other"):
        return None
    listed = p.listed
    if listed and p.kind == "progress_report":
        return int(listed.group(1)), Evidence("text", listed.group(0))
    opened = next(filter(None, (re.match(_rules()["line_opening_year_pattern"], line) for line in p.lines[:3])), None)
    return (int(opened.group(1)), Evidence("text", opened.group(0))) if opened else None


def _first_planned_or_listed(p: _Page) -> Found | None:
    """The first year named as planned (of 2021年…执行情况及2022年计划草案, the draft plan's), else the year listed."""
    planned, _ = p.planned
    if planned:
        year, pos = planned[0]
        draft = _years_before(p.head, _rules()["draft_plan_after"])
        if draft:
            year, pos = max(draft)
        return year, Evidence("text", p.head[max(0, pos - 10):pos + 20])
    listed = p.listed
    return (int(listed.group(1)), Evidence("text", listed.group(0))) if listed else None


def _given_on_a_date(p: _Page) -> Found | None:
    """A report given on a date (——2024年1月20日在…会议上, lost digits too: ——20231124日在…) or a list signed
    on one: that date's year."""
    for line in p.lines[:6]:
        match = re.search(_rules()["given_on_pattern"], line)
        if match:
            return int(match.group(1)), Evidence("title", line)
    return None


def _year_with_future_words(p: _Page) -> Found | None:
    """A year written with the words of what will be done in it (2024年,我县将…; 确定了2024年将筹措资金…)."""
    head = p.head
    future = re.search(rf"{YEAR_NAMED_RE.pattern}(?:{_words('future_words')})", head)
    if future and p.kind != "progress_report":
        return int(future.group(1)), Evidence("text", head[future.start():future.end() + 20])
    for match in re.finditer(_rules()["year_then_comma_pattern"], head):
        after = head[match.end():match.end() + 120].split("。")[0]
        if any(w in after for w in _rules()["future_words"]):
            return int(match.group(1)), Evidence("text", head[match.start():match.end() + 20])
    return None


def _last_years_matters(p: _Page) -> Found | None:
    """A progress report dated early in a year (signed, else posted) whose title or a sentence of its opening
    starts with last year (去年,市委、市政府…), or tells of last year's matters (截至去年12月底…): it reports on
    the year before."""
    rules = _rules()
    dated = (p.issue_date.year, p.issue_date.month) if p.issue_date else (p.posted[:2] if p.posted else None)
    if p.kind != "progress_report" or not dated or dated[1] in rules["progress_posted_months"]:
        return None
    last_year = "|".join(map(re.escape, lexicon.metadata_rules()["doc_type"]["last_year_words"] + rules["review_of_last_year"]))
    leads = "|".join(map(re.escape, rules["last_year_leads"]))
    opens = re.search(rf"(?:^|[。\n:!,]|{leads})\s*(?:{last_year})", "\n".join(filter(None, (p.title, p.head[:400]))))
    return (dated[0] - 1, Evidence("text", opens.group(0).strip("。\n: "))) if opens else None


def _signature_date(p: _Page) -> Found | None:
    return (p.issue_date.year, Evidence("signature", p.issue_date.isoformat())) if p.issue_date else None


def _posted_year(p: _Page) -> Found | None:
    """A news page's own date (2026-01-28 22:06, 2024年01月24日); a progress report's only where it says the
    matters are this year's (今年以来…) or was posted late enough in the year (a completion notice of last
    year's matters is posted early in the next). News of next year's report or matters posted late in the year (a
    forum on its draft, 12月24日): next year's."""
    rules, head = _rules(), p.head
    in_course = any(w in head for w in rules["this_year_progress_words"]) or bool(re.search(
        rf"(?:{_words('this_year_words')})[^。,;:]{{0,8}}?{_matters()}", head))
    posted = p.posted
    if not posted or not (p.kind != "progress_report" or in_course or posted[1] in rules["progress_posted_months"]):
        return None
    heads = list(filter(None, (p.title, p.title_line, headline_of(p.lines))))
    ahead = posted[1] in rules["report_ahead_months"] and any(  # …or of next year's matters (明年办好十件民生实事)
        any(w in line for w in rules["report_ahead_title_words"]) or re.search(rules["next_years_matters_pattern"], line)
        for line in heads)
    return posted[0] + ahead, posted[2]


def _most_named(p: _Page) -> Found | None:
    """The year named most, at least twice (not for a report: it names most the year it reviews, or base years)."""
    years = Counter(int(y) for y in SINGLE_YEAR.findall(p.head))
    if years and p.kind != "government_work_report":
        year, count = years.most_common(1)[0]
        if count >= 2:
            return year, Evidence("text", f"{year}年 ×{count}")
    return None


# The readers of a document's year, most trusted first: the first that answers decides.
_YEAR_READERS = (_delivered_on_a_date, _session_on_a_date, _title_year, _scheme_of_no_year, _issued,
                 _report_in_its_season, _call_for_proposals, _planned_or_after_reviewed, _progress_of_its_year,
                 _first_planned_or_listed, _given_on_a_date, _year_with_future_words, _last_years_matters,
                 _signature_date, _posted_year, year_of_a_period, session_year, _most_named)


def year_page(kind: str, title: str | None, title_line: str | None, lines: list[str], issue_date: dt.date | None,
              own_number: tuple[str, int] | None = None, several_years: bool = False, page_date: dt.date | None = None,
              url_date: dt.date | None = None, region_code: str | None = None) -> _Page:
    """What the year readers look at, for document_year's arguments."""
    return _Page(kind, title, title_line, lines, issue_date, own_number, several_years, page_date, url_date, region_code)


def first_answer(page: _Page) -> tuple[Found, str | None]:
    """The answer of the first reader that answers, and that reader's name."""
    for reader in _YEAR_READERS:
        found = reader(page)
        if found is not None:
            return found, reader.__name__
    return (None, None), None


def document_year(kind: str, title: str | None, title_line: str | None, lines: list[str], issue_date: dt.date | None,
                  own_number: tuple[str, int] | None = None, several_years: bool = False, page_date: dt.date | None = None,
                  url_date: dt.date | None = None, region_code: str | None = None) -> Found:
    """The one year a document is for: a list's or work plan's year, the year a work report plans for (one delivered
    in January 2026: 2026), a completion notice reports on, an opinion or plan of no stated period was issued (signature
    date, else its own 文号); None for several years. Each rule is one reader in _YEAR_READERS; the year model weighs the
    first reader's answer with every other candidate and decides (evidence 'model' where it chose otherwise)."""
    page = year_page(kind, title, title_line, lines, issue_date, own_number, several_years, page_date, url_date, region_code)
    (year, evidence), reader = first_answer(page)
    if year is None and several_years:
        return None, None
    if reader in lexicon.metadata_rules()["year"]["model_never_overrides"]:
        return year, evidence  # (the title's year, 关于2017年…完成情况的通报, is never outweighed: no model to weigh)
    posted = page.posted
    weighed = year_by_model(candidate_features(kind, lines, title, posted[:2] if posted else None, year, reader))
    if weighed is None or weighed[0] == year:
        return year, evidence
    return (weighed[0], model_evidence(weighed[0], page.head, posted)) if weighed[0] is not None else (None, None)
