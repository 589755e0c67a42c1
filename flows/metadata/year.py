"""When: the plan period and the one year a document is for (a list's year, the year a work
report plans for, the year a completion notice reports on)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from flows import lexicon
from flows.metadata.evidence import Evidence, followed_by
from flows.metadata.heads import PERIOD, SINGLE_YEAR, named_period
from flows.text.years import YEAR_NAMED_RE


def plan_period(title: str | None, text: str) -> tuple[int | None, int | None]:
    """The title's period (2023—2027年, or named: 十四五), else the first the text's opening gives."""
    match = PERIOD.search(title or "")
    if match:
        return int(match.group(1)), int(match.group(2))
    named = named_period(title)
    if named:
        return named
    match = PERIOD.search(text[:2000])
    if match:
        return int(match.group(1)), int(match.group(2))
    if title:
        years = SINGLE_YEAR.findall(title)
        if len(set(years)) == 1:
            return int(years[0]), int(years[0])
    return None, None


def _years_before(text: str, endings) -> list[tuple[int, int]]:
    """(year, position) of every YEAR年 followed by one of the endings (2026年工作安排)."""
    out = []
    for match in re.finditer(r"((?:19|20)\d{2})(?=年)", text):
        if followed_by(text, match.end(), endings):
            out.append((int(match.group(1)), match.start()))
    return out


def _posted(lines: list[str], page_date: dt.date | None) -> tuple[int, int, Evidence] | None:
    """(year, month, evidence) of the day the page was posted: its labelled date (发布日期:2018-01-09, kept
    by the clean stage), else a short dated line near its top (2026-01-28 22:06, 06.01.2016 10:21)."""
    if page_date:
        return page_date.year, page_date.month, Evidence("page_date", page_date.isoformat())
    rules = lexicon.metadata_rules()["year"]
    followers = _alternation(rules["page_stamp_followers"])
    patterns = [re.compile(p.replace("FOLLOWERS", followers)) for p in rules["dateline_patterns"]]
    for line in lines[:rules["dateline_lines"]]:
        if len(line) > rules["dateline_max_chars"]:
            continue
        match = next(filter(None, (p.search(line) for p in patterns)), None)
        if match:
            return int(match.group("year")), int(match.group("month")), Evidence("dateline", line)
    return None


def _alternation(words) -> str:
    """Words as a regex alternation, the longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _this_year_of_period(head: str) -> tuple[int, str] | None:
    """(year, words) of 今年是“十四五”规划收官之年 (2025) or 今年作为“十三五”开局之年 (2016): the year of a plan
    period a text says this year is."""
    rules = lexicon.metadata_rules()["year"]
    periods = lexicon.mapping("periods")
    match = re.search(rf"(?:{_alternation(rules['this_year_leads'])})[^。,;]{{0,8}}?[“\"]?({_alternation(periods)})[”\"]?(?:{rules['this_year_of_period_infix']})?"
                      rf"({_alternation(rules['period_first_year_words'] + rules['period_last_year_words'])})", head)
    if not match:
        return None
    start, end = periods[match.group(1)]
    return (start if match.group(2) in rules["period_first_year_words"] else end), match.group(0)


def _year_of_period_reviewed(head: str) -> tuple[int, str] | None:
    """(year, words) of 实现了“十四五”良好开局 (2021) or 实现了“十三五”圆满收官 (2020): the year of a
    plan period a report says it has just completed."""
    rules = lexicon.metadata_rules()["year"]
    periods = lexicon.mapping("periods")
    pattern = (rf"(?:{_alternation(rules['period_review_leads'])})[“\"]?({_alternation(periods)})[”\"]?"
               rf"(?:{_alternation(rules['period_review_manners'])})"
               rf"({_alternation(rules['period_first_year_words'] + rules['period_last_year_words'])})")
    match = re.search(pattern, head)
    if not match:  # the period reviewed as a whole: its last year
        whole = re.search(rf"[“\"]?({_alternation(periods)})[”\"]?(?:{_alternation(rules['period_review_headings'])})",
                          head)
        return (periods[whole.group(1)][1], whole.group(0)) if whole else None
    start, end = periods[match.group(1)]
    return (start if match.group(2) in rules["period_first_year_words"] else end), match.group(0)


def document_year(kind: str, title: str | None, title_line: str | None, lines: list[str],
                  issue_date: dt.date | None, own_number: tuple[str, int] | None = None,
                  several_years: bool = False, page_date: dt.date | None = None) -> tuple[int | None, Evidence | None]:
    """The one year a document is for: a list's or work plan's year, the year a work report plans for
    (a report delivered in January 2026: 2026), the year a completion notice reports on; an opinion
    or plan of no stated period: the year it was issued (signature date, else its own 文号). None
    for a document of several years."""
    rules = lexicon.metadata_rules()["year"]
    if kind != "progress_report":  # a report given on a date (——2020年5月9日在…会议上, …会议上 县长某某
        for line in lines[:12]:      # (2020年1月8日)): that year, or the next when given in November or December
            match = re.search(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在|会议上[^。,;]{0,20}?[((]((?:19|20)\d{2})"
                              r"年(\d{1,2})月(\d{1,2})日[))]", line)
            if match:
                year, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(5))
                # delivered late in the year, or reviewing the year it is dated in (——2021年10月19日在…;
                # 2021年工作回顾): for the next
                reviews_it = any(y == int(year) for y, _ in _years_before("\n".join(lines[:40]), rules["review_year_after"]))
                return int(year) + (int(month) >= 11 or reviews_it), Evidence("title", line)
    if kind in ("government_work_report", "other"):  # news of a session held, or to be held, on a date
        opening = "\n".join(lines[:12])
        match = re.search(rules["session_date_pattern"], opening)
        if match:
            return int(match.group(1)) + (int(match.group(2)) >= 11), Evidence("text", match.group(0))
    # with no title, a news headline's one year (…——2025年楚雄州人大常委会工作综述), not a date's or a
    # meeting's (2018年第八次常务会议: the year it was held in, not the year its business is for)
    headline = lines[0] if lines and not title and not title_line and len(lines[0]) <= 60 \
        and not lines[0].endswith(("。", ":")) and not re.search(rules["headline_not_its_year_pattern"], lines[0]) else None
    for line in dict.fromkeys(filter(None, (title, title_line, headline))):
        if PERIOD.search(line):
            return None, None
        years = set(SINGLE_YEAR.findall(line))
        if len(years) == 1:
            year = int(years.pop())
            if kind != "progress_report" and len(line) <= 60 and any(w in line for w in rules["review_title_words"]):
                return year + 1, Evidence("title", line)  # …解读政府工作报告:2022年工作回顾 is a 2023 report's
            return year, Evidence("title", line)
        planned = _years_before(line, rules["plan_year_after"])  # …2020年执行情况与2021年计划草案的报告
        if planned:  # the latest: 2020年…执行情况 reports, 2021年计划草案 plans
            return max(planned)[0], Evidence("title", line)
    head = "\n".join(lines[:40])[:4000]
    if kind == "work_plan" and title and (issue_date or own_number):
        # a scheme whose title names no year (上海市促进养老托育服务高质量发展实施方案) is the year it was signed
        # or numbered in, not the year its targets reach (到2025年,全市养老床位…)
        return (issue_date.year, Evidence("signature", issue_date.isoformat())) if issue_date else \
            (own_number[1], Evidence("doc_number", own_number[0]))
    if kind not in lexicon.metadata_rules()["doc_type"]["one_year_kinds"]:
        # a call for proposals, a reading, an opinion of no stated period: the year it was issued
        if several_years:
            return None, None
        if kind != "other":  # a call for next year's matters is signed the year before: read on
            if issue_date:
                return issue_date.year, Evidence("signature", issue_date.isoformat())
            if own_number:
                return own_number[1], Evidence("doc_number", own_number[0])
            # else the date its page was posted (发布时间:2015年12月11日), days after it was signed
            return (page_date.year, Evidence("page_date", page_date.isoformat())) if page_date else (None, None)
        # news about a list or a report (a congress session that deliberates them): read on as for them
    if kind == "government_work_report":  # news of a report, or the report, posted in its session's season
        posted = _posted(lines, page_date)
        if posted and posted[1] in rules["session_months"]:
            return posted[0], posted[2]
    call = next(filter(None, (re.search(p, head) for p in rules["call_year_patterns"])), None) if kind == "other" else None
    if call:  # a call for next year's matters (征集2023年北仑区民生实事项目), whatever this year's it tells of
        return int(call.group(1)), Evidence("text", call.group(0))
    planned = _years_before(head, rules["plan_year_after"])
    # 2021年国民经济和社会发展计划执行情况: the plan's execution, a year reviewed, not planned
    executed = [(y, p) for y, p in planned if re.match(rules["executed_pattern"], head[p:])]
    planned = [p for p in planned if p not in executed]
    goals = "|".join(map(re.escape, rules["plan_goal_words"]))  # 2023年济南市经济社会发展主要预期目标
    planned += [(int(m.group(1)), m.start()) for m in re.finditer(
        rf"((?:19|20)\d{{2}})年[^。,;:\d]{{0,10}}?(?:{goals})", head)]
    planned.sort(key=lambda p: p[1])
    reviewed = _years_before(head, rules["review_year_after"]) + executed
    reviewed += [(int(m.group(1)), m.start()) for m in re.finditer(rules["bare_year_review_pattern"], head)]  # 2015工作回顾
    planned += [(int(m.group(1)), m.start()) for m in re.finditer(rules["sessions_of_year_pattern"], head)]  # 聚焦2023内蒙古两会
    if kind in ("government_work_report", "work_plan", "other", "practical_matters_list"):  # a report, a plan, a list, news of them
        # news of the report delivered that goes on with a year, first thing (…作政府工作报告。2024年,市中区坚持…;
        # 郑建新说,2017年…): the year the report reviews
        reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(rules["delivered_then_year_pattern"], head)]
        # a term's report reviews the five years since one (2018年以来的五年): the last of them
        reviewed += [(int(m.group(1)) + 4, m.start(1)) for m in re.finditer(rules["five_years_since_pattern"], head)]
        reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
            rf"{''.join(f'(?<!{re.escape(w)})' for w in rules['review_noun_after'])}"
            rf"(?:{'|'.join(map(re.escape, rules['review_year_before']))})[^。,;:、\d\n]{{0,12}}?((?:19|20)\d{{2}})年", head)]  # 回顾了“十四五”发展成就和2025年
        reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
            rf"(?:{'|'.join(map(re.escape, rules['review_year_right_after']))})"
            rf"(?:{'|'.join(map(re.escape, rules['own_region_words']))})?{YEAR_NAMED_RE.pattern}", head)]
        reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
            rf"(?:{'|'.join(map(re.escape, rules['estimated_year_before']))}),?{YEAR_NAMED_RE.pattern}", head)]
        reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(  # 2015年,预计实现… (2023年预计新增… plans)
            rf"{YEAR_NAMED_RE.pattern},(?:{'|'.join(map(re.escape, rules['estimated_year_before']))})", head)]
        reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
            rf"{YEAR_NAMED_RE.pattern}[^。,;:\d\n]{{0,8}}?(?:{'|'.join(map(re.escape, rules['review_headings']))})", head)]
        for lead in re.finditer("|".join(map(re.escape, rules["review_of_last_year"])), head):
            after = head[lead.end():lead.end() + 1000]
            opened = re.search(rules["year_opens_a_sentence"], after)
            # 过去的一年,我省… 2019年,我省新建…: 2019 reviewed; not 2018年,州人民政府要… (a plan)
            if opened and not any(w in after[opened.end():opened.end() + 15] for w in rules["future_words"]):
                reviewed.append((int(opened.group(1)), lead.end() + opened.start(1)))
                break
        # A report plans for the latest year it names as planned, or the year after the one it reviews.
        years = [(y, p) for y, p in planned] + [(y + 1, p) for y, p in reviewed]
        if years:
            year, pos = max(years)
            return year, Evidence("text", head[max(0, pos - 10):pos + 20])
    # a list's or a notice's year written before what it lists: 2022年全省50项民生实事, 2021年度的十个民生实事
    matters = "|".join(map(re.escape, rules["matters_words"]))
    listed = re.search(rf"((?:19|20)\d{{2}})年度?[^。,;:]{{0,12}}?(?:{matters})", head)
    if not listed and kind in ("practical_matters_list", "progress_report"):
        # …or a sentence it opens: 2026年,某旗立足当地实际…确定实施3项民生实事项目
        listed = re.search(rules["year_opens_sentence_pattern"].replace("MATTERS", matters), head)
    if listed and kind == "progress_report":  # it reports on the year it lists, whatever next year it names
        return int(listed.group(1)), Evidence("text", listed.group(0))
    if kind == "progress_report":  # …or the year a line of its opening starts with (2023年县级重点项目共530项…)
        opened = next(filter(None, (re.match(rules["line_opening_year_pattern"], line) for line in lines[:3])), None)
        if opened:
            return int(opened.group(1)), Evidence("text", opened.group(0))
    if planned:  # the first named as planned; of 2021年…执行情况及2022年计划草案, the plan's
        year, pos = planned[0]
        draft = _years_before(head, rules["draft_plan_after"])
        if draft:
            year, pos = max(draft)
        return year, Evidence("text", head[max(0, pos - 10):pos + 20])
    if listed:
        return int(listed.group(1)), Evidence("text", listed.group(0))
    # A report given on a date (——2024年1月20日在…会议上) or a list signed on one: that date's year.
    for line in lines[:6]:  # (lost digits too: ——20231124日在…会议上)
        match = re.search(r"((?:19|20)\d{2})(?:年\d{1,2}月\d{1,2}|\d{3,4})日在", line)
        if match:
            return int(match.group(1)), Evidence("title", line)
    # 2024年,我县将… / 今年(2024年): a year written with the words of this year.
    future = re.search(rf"{YEAR_NAMED_RE.pattern}(?:{'|'.join(map(re.escape, rules['future_words']))})", head)
    if future and kind != "progress_report":  # 确定了2024年将筹措资金…
        return int(future.group(1)), Evidence("text", head[future.start():future.end() + 20])
    for match in re.finditer(r"((?:19|20)\d{2})年[,，]", head):
        after = head[match.end():match.end() + 120].split("。")[0]
        if any(w in after for w in rules["future_words"]):
            return int(match.group(1)), Evidence("text", head[match.start():match.end() + 20])
    if issue_date:
        return issue_date.year, Evidence("signature", issue_date.isoformat())
    # a news page's own date (2026-01-28 22:06, 2024年01月24日); a progress report's only where it says the
    # matters are this year's (今年以来…) or was posted late enough in the year (a completion notice of last
    # year's matters is posted early in the next)
    in_course = any(w in head for w in rules["this_year_progress_words"]) or bool(re.search(
        rf"(?:{'|'.join(map(re.escape, rules['this_year_words']))})[^。,;:]{{0,8}}?"
        rf"(?:{'|'.join(map(re.escape, rules['matters_words']))})", head))
    posted = _posted(lines, page_date)
    if posted and (kind != "progress_report" or in_course or posted[1] in rules["progress_posted_months"]):
        # news of next year's report posted late in the year (a forum on its draft, 12月24日): next year's
        ahead = posted[1] in rules["report_ahead_months"] and any(
            w in line for line in filter(None, (title, title_line)) for w in rules["report_ahead_title_words"])
        return posted[0] + ahead, posted[2]
    this_year = _this_year_of_period(head)
    if this_year:  # 今年作为“十三五”开局之年: the period's first year
        return this_year[0], Evidence("text", this_year[1])
    reviewed_period = _year_of_period_reviewed(head)
    if reviewed_period and kind in ("government_work_report", "work_plan", "other"):
        return reviewed_period[0] + 1, Evidence("text", reviewed_period[1])
    years = Counter(int(y) for y in SINGLE_YEAR.findall(head))
    if years and kind != "government_work_report":  # a report names most the year it reviews, or base years
        year, count = years.most_common(1)[0]
        if count >= 2:
            return year, Evidence("text", f"{year}年 ×{count}")
    return None, None
