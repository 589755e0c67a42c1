"""What kind: the doc_type a title, a headline or a page's opening says."""
from __future__ import annotations

import re

from flows import lexicon
from flows.metadata.heads import PERIOD, find_title_and_line, headline_of, named_period


def _named_kind(title: str | None) -> str:
    """The kind the first keyword of the order found in the title names (a title that says what was done
    to the year's targets is a progress report); other without one."""
    rules = lexicon.metadata_rules()["doc_type"]
    if title and any(re.search(pattern, title) for pattern in rules["progress_title_patterns"]):
        return "progress_report"
    return next((code for keyword, code in rules["order"] if title and keyword in title), "other")


def about_a_document(title: str | None) -> bool:
    """A reading, an open letter, a press conference: about the document, not it — except a press
    conference or reading of what was done (…落实情况新闻发布会), which reports the progress itself, and
    the draft of a scheme put out for comment (…实施方案(征求意见稿)公示), which is the scheme."""
    rules = lexicon.metadata_rules()["doc_type"]
    title = re.sub(r"【[^】]*】", "", title or "")  # a site's tag (【广东遴选】, 【解读】) is not what the page says it is
    if not title or not any(w in title for w in rules["about_a_document"]):
        return False
    kind = _named_kind(title)
    return kind != "progress_report" and not (kind == "work_plan" and any(w in title for w in rules["draft_words"]))


def page_about_a_document(title_line: str | None, headline: str | None) -> bool:
    """The title line says the page is about a document; a headline says so only where it names no
    kind of document itself (区长主持召开常务会议): a press conference that publishes a list
    (2025年十件民生实事新闻发布会在南昌举行) is news of the list."""
    if title_line:
        return about_a_document(title_line)
    return about_a_document(headline) and _named_kind(headline) == "other"


def deliberation_news(lines: list[str], title_lines: list[str | None]) -> bool:
    """A title or headline that tells of deputies deliberating the work report (代表团认真审议政府工作报告),
    over a page that quotes little of what the report says: news of the session, not the report."""
    rules = lexicon.metadata_rules()["doc_type"]
    if not any(line and len(line) <= 60 and re.search(rules["deliberation_title_pattern"], line)
               for line in title_lines):  # a title, not the paragraph a quoted title stood in
        return False
    return _quotes_little_of_the_report(lines)


def deputies_views(lines: list[str]) -> bool:
    """A page that gives deputies' and members' views (区政协委员…提出, 代表们一致认为…) at least twice and quotes
    little of what the report says: news of the session, not the report."""
    rules = lexicon.metadata_rules()["doc_type"]
    voices = len(re.findall(rules["deputy_voice_pattern"], "\n".join(lines)))
    return voices >= rules["deputy_voices_needed"] and _quotes_little_of_the_report(lines)


def _quotes_little_of_the_report(lines: list[str]) -> bool:
    rules = lexicon.metadata_rules()["doc_type"]
    text = "\n".join(lines)
    return sum(text.count(cue) for cue in rules["report_quote_cues"]) < rules["report_quotes_needed"]


def _opening(lines: list[str]) -> str:
    """The part of a page whose words say what it is when no title does."""
    return "\n".join(lines[:40])[:800]


def names_a_kind_that_is_other(line: str | None) -> bool:
    """A title that names a kind of document that is no plan, list or report (…关于政府工作报告的决议):
    other, whatever its opening quotes."""
    words = [word for word, code in lexicon.metadata_rules()["doc_type"]["order"] if code == "other"]
    return bool(line) and any(w in line for w in words)


def doc_type(title: str | None) -> str:
    if about_a_document(title):
        return "other"
    kind = _named_kind(title)
    # (贯彻落实《…“十三五”规划》工作方案: the period is that of the plan it carries out, not its own)
    own = re.sub(r"《[^》]*》", "", title).strip() or title
    if kind == "work_plan" and (PERIOD.search(own) or named_period(own)) and \
            not any(w in title for w in lexicon.metadata_rules()["doc_type"]["one_year_plan_words"]):
        return "action_plan"  # a 方案 for 2023—2025年 is a multi-year plan, not a year's work plan
    return kind


def doc_type_from_opening(lines: list[str]) -> str | None:
    """A page with no title says what it is in its opening: 向大会报告工作 (a work report),
    完成情况 (a completion notice), 办好十件民生实事 (a list)."""
    rules = lexicon.metadata_rules()["doc_type"]
    opening = _opening(lines)
    if re.search(rules["listing_matters_pattern"], opening) or re.search(rules["voting_matters_pattern"], opening):
        return "practical_matters_list"  # 重点抓好10件民生实事: (1)…; 票决2019年县政府民生实事项目
    if re.search(rules["meeting_held_pattern"], opening[:rules["meeting_held_within"]]):
        return "other"  # 县长…主持召开县人民政府第52次常务会议: news of a meeting on the drafts, none of them
    delivered = delivers_a_report(lines)
    for keyword, code, *speakers in rules["opening_cues"]:
        for match in re.finditer(re.escape(keyword), opening):
            if keyword in rules["agenda_cues"] and _on_an_agenda(opening, match.start(), match.end()):
                if delivered:  # the session's news that tells of the report delivered: read on
                    continue
                return "other"  # 审查…计划执行情况与…计划草案的报告: news of the session that examines it
            if code == "progress_report" and _aimed_at(opening, match.start()):
                continue  # 约束性指标:全面完成…目标任务, 确保全面完成: a target, not what was done
            if not speakers or _delivered_by(opening[max(0, match.start() - 16):match.start()], speakers[0],
                                             rules["other_speakers"]):
                return _unless_closing(code, opening)
    if delivered:  # 听取县长所作的县政府工作报告…
        return _unless_closing("government_work_report", opening)
    if re.search(rules["announced_list_pattern"], opening[:rules["closing_within"]]):
        return "practical_matters_list"  # 大会公布了2025年墨江县将完成的十件惠民实事, and no other cue
    return None


def _aimed_at(opening: str, start: int) -> bool:
    """The clause before a word of completion aims at it (确保, 力争, 约束性指标:): a target."""
    clause = re.split(r"[。,;\n]", opening[:start])[-1]
    return any(w in clause for w in lexicon.metadata_rules()["doc_type"]["aim_words"])


def _unless_closing(code: str, opening: str) -> str:
    """News of a session's close (…胜利闭幕) tells what it passed; it is not the report delivered at its
    opening, nor the plan whose resolution it passed. News that the report announces the year's matters
    (政府工作报告公布了今年的十件民生实事) is the list."""
    rules = lexicon.metadata_rules()["doc_type"]
    if code not in ("government_work_report", "work_plan"):
        return code
    if _tells_of_a_close(opening[:rules["closing_within"]]):
        return "other"
    if code != "government_work_report":
        return code
    if re.search(rules["announcing_matters_pattern"], opening[:rules["closing_within"]]):
        return "practical_matters_list"
    return code


def _tells_of_a_close(opening: str) -> bool:
    """A session closed (…第四次会议胜利闭幕), not one the opening says will close on a date (本次大会于1月17日
    上午闭幕: the schedule of a session just opened)."""
    rules = lexicon.metadata_rules()["doc_type"]
    for word in rules["closing_words"]:
        for match in re.finditer(re.escape(word), opening):
            before = re.split(r"[。,;\n]", opening[:match.start()])[-1]
            if not any(w in before for w in rules["scheduled_words"]):
                return True
    return False


def _on_an_agenda(opening: str, start: int, end: int) -> bool:
    """The words around a cue, in its sentence, say a session examines it: an agenda (听取和审议…计划
    执行情况与…; 对…计划执行情况与…的报告开展初步审查)."""
    rules = lexicon.metadata_rules()["doc_type"]
    before = re.split(r"[。;\n]", opening[max(0, start - 60):start])[-1]
    after = re.split(r"[。;\n]", opening[end:end + 80])[0]
    return any(verb in before for verb in rules["agenda_verbs"]) or (
        any(lead in before for lead in rules["agenda_object_leads"]) and any(verb in after for verb in rules["agenda_verbs"]))


def _delivered_by(before: str, speakers: list[str], others: list[str]) -> bool:
    """The last title in `before` is one of `speakers` (市长王某 / 代表市人民政府), not one of `others`."""
    last = lambda words: max((before.rfind(w) for w in words), default=-1)  # noqa: E731
    return last(speakers) > last(others)


def tells_progress(lines: list[str]) -> bool:
    """The opening tells how far the year's matters got (截至一季度…已有26件开始实施, …办理情况的报告):
    a page about the matters that is a progress report, not their list."""
    rules = lexicon.metadata_rules()["doc_type"]
    opening = _opening(lines)
    if any(word in opening for word in rules["progress_words"]):
        return True
    for word in rules["completed_words"]:
        for match in re.finditer(re.escape(word), opening):
            sentence = re.split(r"[。\n]", opening[:match.start()])[-1]
            if not any(w in sentence for w in rules["last_year_words"]):
                return True
    as_of = "|".join(map(re.escape, rules["as_of_words"]))
    # a month with no year before it is this year's (截至10月底; lost digits: 截至1031日)
    points = "|".join([re.escape(p) for p in rules["as_of_points"]] + rules["as_of_month_patterns"])
    return re.search(rf"(?:{as_of})(?:{points})", opening) is not None


def headline_tells_progress(title_lines: list[str | None]) -> bool:
    """A title or headline over the year's matters that tells of an inspection of them (人大常委会集中视察2022年度
    10件民生实事) or how they go (民生工程项目建设踏春提速, 民生实事项目叫好又叫座): how far they got, not their list."""
    rules = lexicon.metadata_rules()["doc_type"]
    words = rules["inspection_words"] + rules["progress_headline_words"]
    return any(line and any(w in line for w in words) for line in title_lines)


def tells_of_inspectors(lines: list[str]) -> bool:
    """An opening that tells of the inspectors' visit (视察组一行先后深入…项目建设现场): how far the matters got."""
    opening = _opening(lines)
    return any(w in opening for w in lexicon.metadata_rules()["doc_type"]["opening_inspection_words"])


def hears_many_reports(lines: list[str]) -> bool:
    """A meeting that hears and deliberates several reports (会议听取和审议了… ×4): news of the meeting."""
    rules = lexicon.metadata_rules()["doc_type"]
    text = "\n".join(lines)
    return sum(text.count(w) for w in rules["hearing_words"]) >= rules["hearings_of_a_meeting"]


def tells_work_done(lines: list[str]) -> bool:
    """A page that no title or opening cue names, whose opening tells what was done (1-6月累计完成投资…,
    37个子项中36个子项已完成): a progress report."""
    opening = _opening(lines)[:lexicon.metadata_rules()["doc_type"]["work_done_within"]]
    return any(word in opening for word in lexicon.metadata_rules()["doc_type"]["work_done_words"])


def tells_only_proceedings(lines: list[str]) -> bool:
    """News of a session at which the report was delivered (省长…作政府工作报告, anywhere in the page: one may
    end as the report begins) that says nothing of what the report says — no 报告指出, no 过去一年, no figure,
    only its parts (报告共分…三个部分) — tells the proceedings only: news of the session."""
    rules = lexicon.metadata_rules()["doc_type"]
    text = "\n".join(lines)
    delivered = any(cue in text for cue in rules["report_delivery_cues"])
    text = re.sub(rules["report_outline_pattern"], "", text)
    return delivered and not any(cue in text for cue in rules["report_content_cues"] + rules["report_own_words"]) \
        and not re.search(rules["report_content_pattern"], text)


def speaks_to_the_congress(lines: list[str]) -> bool:
    """A line that opens by addressing the deputies (各位代表!) in a page no title names: a page of the
    government's work report, unless the standing committee, a court or a procuratorate is the one reporting."""
    rules = lexicon.metadata_rules()["doc_type"]
    text = "\n".join(lines)
    return any(re.match(rules["congress_address_pattern"], line) for line in lines) \
        and not re.search(rules["other_body_reporting_pattern"], text)


def commands_the_years_tasks(lines: list[str]) -> bool:
    """Sentences that open with the verbs a plan commands in (加快…。推进…), enough of them: a page of the work
    report's tasks, where nothing else says what the page is."""
    rules = lexicon.metadata_rules()["doc_type"]
    verbs = "|".join(map(re.escape, rules["plan_sentence_verbs"]))
    return len(re.findall(rf"(?:^|[。;\n])\s*(?:{verbs})", "\n".join(lines))) >= rules["plan_sentences_needed"]


def opens_as_a_plan(lines: list[str]) -> bool:
    """A page that opens by naming a multi-year plan as itself (青海省…第十五个五年规划纲要,根据…编制)."""
    rules = lexicon.metadata_rules()["doc_type"]
    return re.search(rules["plan_opening_pattern"], "\n".join(lines)[:rules["plan_opening_within"]]) is not None


def opens_with_an_n_year_action(lines: list[str]) -> bool:
    """An opening that tells of an N-year action up to a horizon (推动“厕所革命”三年攻坚行动,提出到2020年…; 推进乡村
    风貌提升3年行动…计划到2021年): news of that action's plan."""
    rules = lexicon.metadata_rules()["doc_type"]
    opening = _opening(lines)[:rules["plan_opening_within"]]
    return re.search(rules["plan_span_pattern"], opening) is not None and \
        re.search(rules["plan_horizon_pattern"], opening) is not None


def states_a_sectors_requirements(lines: list[str]) -> bool:
    """An opening that gives a sector's general requirements for the year (全市民政工作总体要求是:,
    省人大常委会监督工作的总体要求是:): that sector's work points — not the government's (政府工作的总体要求)."""
    rules = lexicon.metadata_rules()["doc_type"]
    return re.search(rules["sector_requirements_pattern"], _opening(lines)) is not None


# A page that no title, headline or cue names may still say what it is, in this order: a speech to the
# congress, a sector's requirements for the year (its work points), a page of the year's tasks (the work
# report), a multi-year plan naming itself, an N-year action's news.
_UNNAMED_PAGES = ((speaks_to_the_congress, "government_work_report"), (states_a_sectors_requirements, "work_plan"),
                  (commands_the_years_tasks, "government_work_report"), (opens_as_a_plan, "action_plan"),
                  (opens_with_an_n_year_action, "action_plan"))


def delivers_a_report(lines: list[str]) -> bool:
    """The opening tells of a work report being delivered (省长…作政府工作报告): a news page that
    summarises the report, even under a headline that quotes what the report says was done."""
    opening = "\n".join(lines[:12])[:1200]
    rules = lexicon.metadata_rules()["doc_type"]
    return any(cue in opening for cue in rules["report_delivery_cues"]) and \
        not any(w in opening for w in rules["other_reports_delivered"])


def _kind_of_a_later_title(lines: list[str], title_line: str | None) -> str | None:
    """A news headline that names no kind (自治区人民政府发布通知) may stand over the document's own title
    (…关于下达2020年 / 自治区国民经济和社会发展计划的通知): the kind the next title-like line names."""
    if title_line is None or title_line not in lines:
        return None
    rest = lines[lines.index(title_line) + 1:]
    later_title, later_line = find_title_and_line(rest)
    kind = doc_type(later_title) if later_title and not page_about_a_document(later_line, None) else "other"
    return kind if kind != "other" else None


def document_kind(lines: list[str], title: str | None, title_line: str | None) -> str | None:
    """The doc_type, decided here alone: the title says what kind of document it is; failing that, a
    headline that says what the page is, a later title, the opening, what the opening tells. None where
    nothing says (the manifest may)."""
    headline = headline_of(lines)
    if page_about_a_document(title_line, headline) or names_a_kind_that_is_other(title) \
            or names_a_kind_that_is_other(title_line) or deliberation_news(lines, [title, title_line, headline]):
        return "other"  # about a document, or a kind that is no plan or report (…的决议)
    kinds = [doc_type(line) for line in dict.fromkeys((title, title_line, headline)) if line]
    progress = tells_progress(lines)
    kind = next((k for k in kinds if k != "other"), None) or _kind_of_a_later_title(lines, title_line) \
        or doc_type_from_opening(lines) or ("progress_report" if progress or tells_work_done(lines) else None) \
        or ("other" if title else None) or next((k for says, k in _UNNAMED_PAGES if says(lines)), None)
    if kind == "practical_matters_list" and (progress or headline_tells_progress([title, title_line, headline])
                                             or tells_of_inspectors(lines)):
        return "progress_report"  # 去年投逾76亿元办民生实事 over …办理情况的报告; 集中视察2022年度10件民生实事
    if kind == "progress_report" and not any(doc_type(line) == "progress_report" for line in (title, title_line) if line) \
            and hears_many_reports(lines):
        return "other"  # 会议听取和审议了…; …; …民生实事完成情况的报告: news of a meeting, the matters one item of it
    if kind == "government_work_report" and (tells_only_proceedings(lines) or deputies_views(lines)):
        return "other"  # 快讯丨…第六次会议开幕 / 市长…作政府工作报告, and nothing of what it says
    if kind in ("progress_report", "work_plan") and delivers_a_report(lines):
        # 吉林:全面完成50项民生实事, or session news that goes on to the plan's draft (计划执行情况与…),
        # over 省长…作政府工作报告 in the opening
        return "government_work_report"
    return kind
