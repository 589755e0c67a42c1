"""What kind: the doc_type a title or a headline says, with what the page's opening tells of it (a list
whose opening tells how far its matters got is a progress report). A page whose title and headline name
no kind is read by kind_model.py (the kind its opening reads most like)."""
from __future__ import annotations

import re

from flows import lexicon
from flows.metadata.heads import PERIOD, headline_of, named_period
from flows.metadata.kind_model import kind_of_opening
from flows.text.years import YEAR_NAMED_RE


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
    if not title or not any(w in title for w in rules["about_a_document"]) or \
            any(w in title for w in rules["presidium_announcement_words"]):
        return False
    kind = _named_kind(title)
    return kind != "progress_report" and not (kind == "work_plan" and any(w in title for w in rules["draft_words"]))


def page_about_a_document(title_line: str | None, headline: str | None) -> bool:
    """The title line says the page is about a document; a headline says so only where it names no
    kind of document itself (区长主持召开常务会议): a press conference that publishes a list
    (2025年十件民生实事新闻发布会在南昌举行) is news of the list — unless it calls itself an open letter, a
    reading or a call (…——致全区居民的一封信)."""
    if title_line:
        return about_a_document(title_line)
    rules = lexicon.metadata_rules()["doc_type"]
    label = re.split("|".join(map(re.escape, rules["headline_label_marks"])), headline or "", maxsplit=1)
    labelled = len(label) == 2 and any(w in label[0] for w in rules["about_a_document"])
    return about_a_document(headline) and (_named_kind(headline) == "other" or labelled
                                           or any(w in headline for w in rules["headline_about_words"]))


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


def tells_progress(lines: list[str]) -> bool:
    """The opening tells how far the year's matters got (截至一季度…已有26件开始实施, …办理情况的报告):
    a page about the matters that is a progress report, not their list."""
    rules = lexicon.metadata_rules()["doc_type"]
    opening = _opening(lines)
    if any(word in opening for word in rules["progress_words"]):
        return True
    latest = max(map(int, YEAR_NAMED_RE.findall(opening)), default=None)
    for word in rules["completed_words"]:
        for match in re.finditer(re.escape(word), opening):
            sentence = re.split(r"[。\n]", opening[:match.start()])[-1]
            # last year's matters done (去年…已全部完成; 2017年…已全部完成 on a page of 2018's): not these
            earlier = any(int(y) < latest for y in YEAR_NAMED_RE.findall(sentence)) if latest else False
            if not any(w in sentence for w in rules["last_year_words"]) and not earlier:
                return True
    as_of = "|".join(map(re.escape, rules["as_of_words"]))
    # a month with no year before it is this year's (截至10月底; lost digits: 截至1031日)
    points = "|".join([re.escape(p) for p in rules["as_of_points"]] + rules["as_of_month_patterns"])
    return re.search(rf"(?:{as_of})(?:{points})", opening) is not None


def headline_tells_progress(title_lines: list[str | None]) -> bool:
    """A title or headline over the year's matters that tells of an inspection of them (人大常委会集中视察2022年度
    10件民生实事), how they go (民生工程项目建设踏春提速, 民生实事项目叫好又叫座) or names last year's (去年这15件
    实事,件件有着落): how far they got, not their list."""
    rules = lexicon.metadata_rules()["doc_type"]
    words = rules["inspection_words"] + rules["progress_headline_words"]
    return any(line and (any(w in line for w in words) or re.search(rules["last_years_matters_title_pattern"], line))
               for line in title_lines)


def calls_for_proposals(lines: list[str]) -> bool:
    """An opening that calls for the matters of next year or of a year it names (面向社会公开征集明年市级民生实事
    项目建议): a call for proposals (other), under a headline that only names the matters."""
    rules = lexicon.metadata_rules()["year"]
    opening = _opening(lines)
    return any(re.search(p, opening) for p in rules["call_year_patterns"] + rules["call_next_year_patterns"])


def tells_of_inspectors(lines: list[str]) -> bool:
    """An opening that tells of the inspectors' visit (视察组一行先后深入…项目建设现场): how far the matters got."""
    opening = _opening(lines)
    return any(w in opening for w in lexicon.metadata_rules()["doc_type"]["opening_inspection_words"])


def hears_many_reports(lines: list[str]) -> bool:
    """A meeting that hears and deliberates several reports (会议听取和审议了… ×4): news of the meeting."""
    rules = lexicon.metadata_rules()["doc_type"]
    text = "\n".join(lines)
    return sum(text.count(w) for w in rules["hearing_words"]) >= rules["hearings_of_a_meeting"]


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


def delivers_a_report(lines: list[str]) -> bool:
    """The opening tells of a work report being delivered (省长…作政府工作报告): a news page that
    summarises the report, even under a headline that quotes what the report says was done."""
    opening = "\n".join(lines[:12])[:1200]
    rules = lexicon.metadata_rules()["doc_type"]
    return any(cue in opening for cue in rules["report_delivery_cues"]) and \
        not any(w in opening for w in rules["other_reports_delivered"])


def reported_plan_kind(lines: list[str]) -> str | None:
    """A page opening with the report of how the year's plan was carried out, on the government's behalf
    (受区人民政府委托,现将…计划执行情况…): the plan report (work_plan); of part of a year, a progress report."""
    rules = lexicon.metadata_rules()["doc_type"]
    found = re.search(rules["plan_report_opening_pattern"], "\n".join(lines[:12])[:1200])
    if not found:
        return None
    return "progress_report" if any(w in found.group(0) for w in rules["part_of_year_words"]) else "work_plan"


def summarises_a_delivered_report(lines: list[str]) -> bool:
    """An opening that tells of the work report being delivered, on a page that says what it says — not a
    page of the proceedings only, of deputies' views or deliberation (代表团…审议…政府工作报告), or the
    congress's resolution approving it (决定批准这个报告), nor one that goes on to list the year's matters
    the report sets (重点抓好10件民生实事:(1)…), which the model reads as the list."""
    rules = lexicon.metadata_rules()["doc_type"]
    opening, text = "\n".join(lines[:12])[:1200], "\n".join(lines)
    return delivers_a_report(lines) and not tells_only_proceedings(lines) and not deputies_views(lines) \
        and not re.search(rules["deliberation_title_pattern"], opening) \
        and not any(w in text for w in rules["resolution_words"]) \
        and not re.search(rules["matters_listed_pattern"], text)


def document_kind(lines: list[str], title: str | None, title_line: str | None) -> str | None:
    """The doc_type the title (or the line it was read from, or the headline) says, as what the opening
    tells of the page amends it; None where none of them names a kind (document_metadata then takes the
    manifest's, else kind_model's)."""
    headline = headline_of(lines)
    if page_about_a_document(title_line, headline) or names_a_kind_that_is_other(title) \
            or names_a_kind_that_is_other(title_line) or deliberation_news(lines, [title, title_line, headline]):
        return "other"  # about a document, or a kind that is no plan or report (…的决议)
    kind = next((k for k in (doc_type(line) for line in dict.fromkeys((title, title_line, headline)) if line)
                 if k != "other"), None)
    if kind is None:
        # news of a session that goes on to what the report it heard says (县长…作政府工作报告; 报告指出…) is
        # the report's summary; else no title or headline names a kind: the manifest's, else the model's
        return reported_plan_kind(lines) or ("government_work_report" if summarises_a_delivered_report(lines) else None)
    if kind == "practical_matters_list" and not any(doc_type(line) == kind for line in (title, title_line) if line) \
            and calls_for_proposals(lines):
        return "other"  # ▌民生实事丨明年为您办哪些实事?听您说! over 公开征集明年…项目建议
    progress = tells_progress(lines)
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


def untitled_kind(lines: list[str], clean_text: str) -> str:
    """The kind of a page no title, headline or manifest names: the kind its opening reads most like
    (kind_model.py) — a list whose opening tells how far its matters got being, as under a title, a progress
    report (2020年…民生实事项目已全部如期完成)."""
    kind = kind_of_opening(clean_text)
    return "progress_report" if kind == "practical_matters_list" and tells_progress(lines) else kind
