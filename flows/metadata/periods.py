"""Which year of a named plan period (“十四五”: 2021-2025) or of an event a text says this year is
(今年是“十四五”收官之年, 今年是新中国成立70周年) or says it has just completed (实现了“十四五”良好开局,
“十二五”回头看). The words are rules data in flows/rules/metadata.toml [year]; the periods in flows/rules/
mappings."""
from __future__ import annotations

import re

from flows import lexicon
from flows.metadata.evidence import Evidence, alternation


def this_year_of_period(head: str) -> tuple[int, str] | None:
    """(year, words) of 今年是“十四五”规划收官之年 (2025) or 今年作为“十三五”开局之年 (2016): the year of a plan
    period a text says this year is."""
    rules = lexicon.metadata_rules()["year"]
    periods = lexicon.mapping("periods")
    match = re.search(rf"(?:{alternation(rules['this_year_leads'])})[^。,;]{{0,16}}?[“\"]?({alternation(periods)})[”\"]?(?:{rules['this_year_of_period_infix']})?"
                      rf"({alternation(rules['period_first_year_words'] + rules['period_last_year_words'])})", head)
    if not match:
        return None
    start, end = periods[match.group(1)]
    return (start if match.group(2) in rules["period_first_year_words"] else end), match.group(0)


def this_year_of_an_event(head: str) -> tuple[int, str] | None:
    """(year, words) of 今年是全面贯彻党的二十大精神的开局之年 (2023) or 今年是新中国成立70周年 (2019): the year of
    an event or anniversary a text says this year is."""
    rules = lexicon.metadata_rules()["year"]
    for match in re.finditer(rf"(?:{alternation(rules['this_year_leads'])})[^。;]{{0,40}}", head):
        year = next((y for words, y in rules["event_years"] if words in match.group(0)), None)
        if year:
            return year, match.group(0)
    return None


def year_of_period_reviewed(head: str) -> tuple[int, str] | None:
    """(year, words) of 实现了“十四五”良好开局 (2021) or 实现了“十三五”圆满收官 (2020): the year of a
    plan period a report says it has just completed."""
    rules = lexicon.metadata_rules()["year"]
    periods = lexicon.mapping("periods")
    pattern = (rf"(?:{alternation(rules['period_review_leads'])})[“\"]?({alternation(periods)})[”\"]?"
               rf"(?:{alternation(rules['period_review_manners'])})"
               rf"({alternation(rules['period_first_year_words'] + rules['period_last_year_words'])})")
    match = re.search(pattern, head)
    if not match:  # the period reviewed as a whole: its last year
        whole = re.search(rf"[“\"]?({alternation(periods)})[”\"]?(?:{alternation(rules['period_review_headings'])})",
                          head)
        return (periods[whole.group(1)][1], whole.group(0)) if whole else None
    start, end = periods[match.group(1)]
    return (start if match.group(2) in rules["period_first_year_words"] else end), match.group(0)


def year_a_period_is_drafted(head: str) -> tuple[int, str] | None:
    """(year, words) of a session that examines a period's outline (审查…第十五个五年规划纲要(草案)) or a report
    that plans the period (总结“十二五”工作…规划“十三五”): the period's first year."""
    periods = lexicon.mapping("periods")
    for pattern in lexicon.metadata_rules()["year"]["period_drafted_patterns"]:
        match = re.search(pattern.replace("PERIOD", alternation(periods)), head)
        if match:
            return periods[match.group(1)][0], match.group(0)
    return None


def year_of_a_period(page) -> tuple[int, Evidence] | None:
    """今年作为“十三五”开局之年: the period's first year (今年是新中国成立70周年: the event's year); a session or
    report that drafts a period's outline: its first year; a report, plan or news of one that says it completed a
    period's year (实现了“十四五”良好开局): the year after. A reader of year.py's _YEAR_READERS (`page.head`,
    `page.kind`)."""
    this_year = this_year_of_period(page.head) or this_year_of_an_event(page.head)
    if this_year:
        return this_year[0], Evidence("text", this_year[1])
    drafted = year_a_period_is_drafted(page.head)
    if drafted and page.kind in ("government_work_report", "other"):
        return drafted[0], Evidence("text", drafted[1])
    reviewed = year_of_period_reviewed(page.head)
    if reviewed and page.kind in ("government_work_report", "work_plan", "other"):
        return reviewed[0] + 1, Evidence("text", reviewed[1])
    return None
