"""The head and tail of a document: title, 文号, signature date, issuer, and the level a region's
name says (the lines a notice, a plan or a news page opens and closes with)."""
from __future__ import annotations

import datetime as dt
import re

from flows import gazetteer, lexicon
from flows.clean import heads_related_links
from flows.text.numerals import CN_DIGITS
from flows.text.years import PERIOD_RE, YEAR

DOC_NUMBER = re.compile(r"([\u4e00-\u9fff*]{1,10}[〔\[【(]((?:19|20)\d{2})[〕\]】)]\s*第?\d{1,4}号)")
# A signature date on a line of its own, in digits or in Chinese numerals (二〇二四年三月五日),
# perhaps followed by 印发 or 发布, perhaps in brackets.
DATE_LINE = re.compile(r"^\(?((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月"
                       r"(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:印发|发布|起施行|起实施)?\)?$")
LOST_DATE_LINE = re.compile(rf"^({YEAR})(\d{{3,4}})$")
CN_DIGIT = CN_DIGITS | {"○": 0}  # (a circle for 〇 in some dates)
PERIOD = PERIOD_RE  # 2023—2027年: first and last year
SINGLE_YEAR = re.compile(rf"({YEAR})年")
QUOTED_TITLE = re.compile(r"《([^《》]{4,80})》")
SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
NOTICE_OF = re.compile(r"^.{0,30}?关于(?:印发|转发|公布)(.{4,80}?)的通知$")
PERIOD_LINE = re.compile(r"^\(\s*(?:19|20)\d{2}\s*[-—–~至到]+\s*(?:19|20)\d{2}\s*年\s*\)$")


def title_words() -> tuple[str, ...]:
    return tuple(doc_type_rules()["title_words"])


def doc_type_rules() -> dict:
    return lexicon.metadata_rules()["doc_type"]


def _words(key: str) -> str:
    """A word list of rules/metadata.toml [doc_type] as a regex alternation."""
    return "|".join(map(re.escape, doc_type_rules()[key]))


def find_doc_number(text: str) -> str | None:
    match = DOC_NUMBER.search(text[:3000])
    if not match:
        return None
    # One bracket style for the year, whatever the source used: 〔〕 as the GB/T 9704 standard writes it.
    number = match.group(1)
    return re.sub(r"[〔\[【(]((?:19|20)\d{2})[〕\]】)]", r"〔\1〕", number, count=1)


def own_doc_number(lines: list[str], title: str | None = None) -> tuple[str, int] | None:
    """(文号, its year) where the document heads itself with its own number: a short line of the
    first few that starts with it (東府〔2021〕54號 above the title), a line that is the number
    alone (or after its label) further down a portal's head (its metadata table, then the title), or
    the title run on into it (…的实施意见武政发[2017]52号), before the salutation: not a number it cites."""
    labels = "|".join(map(re.escape, lexicon.metadata_rules()["year"]["doc_number_labels"]))
    for number, line in enumerate(lines[:15]):
        if line.endswith(":"):
            break  # a salutation or a lead-in (根据…精神:): the numbers after it are cited
        line = re.sub(rf"^(?:{labels})\s*:\s*", "", line)  # a portal table's 政策文号:镇政办发〔2015〕212号
        run_on = DOC_NUMBER.match(line[len(title):].lstrip(" (")) if title and line.startswith(title) else None
        if run_on:
            return run_on.group(1), int(run_on.group(2))
        line = re.sub(r"^\((.*)\)$", r"\1", line)  # (苏政发〔2017〕121号) under the title
        match = DOC_NUMBER.match(line)
        if match and len(line) <= 40 and (number < 5 or match.group(1) == line):
            return match.group(1), int(match.group(2))
    return None


def _an_accounts_name(line: str) -> bool:
    """A line that is only a place and a site's word (邵阳发布, 宁晋融媒): a post's account or site, no headline."""
    name = gazetteer.name_at(line, 0, allow_short=True)
    return name is not None and line[name.end:] in lexicon.metadata_rules()["source_url"]["site_byline_words"]


def headline_of(lines: list[str]) -> str | None:
    """A page's first line where it reads as a headline: short, not a sentence (…。) or a lead-in (…:) —
    after the lines of a site's clutter that come before it (EN, https://www.gov.cn/, 分享), with fewer
    Chinese characters than a headline has."""
    rules = lexicon.metadata_rules()["doc_type"]
    for line in lines[:rules["headline_lines"]]:
        if _an_accounts_name(line) and not any(m.strip() in "".join(lines[1:2]) for m in rules["breadcrumb_marks"]):
            continue  # 邵阳发布 over ▌清单来了丨去年这12件民生实事: the post's account, then its headline (not a
            # portal's name over its navigation: 云浮人大网 / 首页 > 代表工作)
        if len(re.findall(r"[\u4e00-\u9fff]", line)) >= rules["headline_min_chars"]:
            return line if len(line) <= 60 and not line.endswith(("。", ":")) else None
    return None


def find_title(lines: list[str]) -> str | None:
    """The document's own title: a short line naming a plan, list or opinion."""
    return find_title_and_line(lines)[0]


def named_period(title: str | None) -> tuple[int, int] | None:
    """A period the title names by its name (“十四五”: 2021-2025)."""
    for name, (start, end) in lexicon.mapping("periods").items():
        if title and name in title:
            return start, end
    return None


def plan_period(title: str | None, text: str, headline: str | None = None,
                kind: str | None = None) -> tuple[int | None, int | None]:
    """The title's period (2023—2027年, or named: 十四五), or the years of a title's or headline's N-year
    action up to the horizon its opening gives (乡村风貌提升三年行动…力争至2020年: 2018-2020) — or of one its
    opening tells of, for an action plan's news — else the first period the text's opening gives, or the
    named one of a plan that opens by naming itself."""
    match = _period_in(title or "")
    if match:
        return int(match.group(1)), int(match.group(2))
    named = named_period(title)
    if named:
        return named
    rules = lexicon.metadata_rules()["doc_type"]
    # a one-year kind (a list, a work report) is of its year, whatever span of years its text names (2024—2025学年)
    in_text = _period_in(text[:2000]) if kind not in rules["one_year_kinds"] else None
    # an N-year action: the title's or headline's; for an action plan's news that writes no period, its opening's
    span = re.search(rules["plan_span_pattern"], title or headline or "") or (
        re.search(rules["plan_span_pattern"], text[:rules["plan_opening_within"]]) if kind == "action_plan" and not in_text
        else None)
    horizon = re.search(rules["plan_horizon_pattern"], text[:rules["plan_horizon_within"]]) if span else None
    if horizon:
        end = int(horizon.group(1))
        return end - _small_number(span.group(1)) + 1, end
    if in_text:
        return int(in_text.group(1)), int(in_text.group(2))
    opening = re.search(rules["plan_opening_pattern"], text[:rules["plan_opening_within"]])
    # …第十五个五年规划纲要,根据…编制: it names itself, before the words or in their sentence (本纲要根据《…第十四个五年
    # 规划…的建议》编制)
    sentence_end = text.find("。", opening.end()) if opening else -1
    named = named_period(text[:sentence_end if sentence_end >= 0 else opening.end()]) if opening else None
    if named:
        return named
    if title:
        years = SINGLE_YEAR.findall(title)
        if len(set(years)) == 1:
            return int(years[0]), int(years[0])
    return None, None


def _period_in(text: str) -> re.Match | None:
    """The first span of years that runs forward (2023—2027年); 2022 ——2021年12月28日 (a year beside a
    dateline) is none."""
    return next((m for m in PERIOD.finditer(text) if int(m.group(1)) < int(m.group(2))), None)


def find_title_and_line(lines: list[str]) -> tuple[str | None, str | None]:
    """(title, the line it was read from). A notice that issues a document (关于印发《X》的通知)
    is titled X; its own line still names the issuer and the region."""
    head = lines[:40]
    for line in head:  # a notice that quotes the document's title in 《》
        if SECTION_HEADING.match(line):
            break  # the body has begun: a 《X》 from here on is cited (二、审定依据 / 《…的通知》)
        if len(line) <= 120 and not line.endswith(("。", ":")):
            match = QUOTED_TITLE.search(line)
            # a notice that issues X (印发《X》的通知), or 《X》 alone: the document is X; a title about X
            # (《政府工作报告》主要工作任务推进情况) is not X
            issues_it = re.search(rf"(?:{_words('issue_verbs')})\s*$", line[:match.start()]) if match else None
            alone = match and not line[match.end():].strip(" 的通知") and not line[:match.start()].strip()
            if match and (issues_it or alone) and any(w in match.group(1) for w in title_words()):
                return match.group(1).strip(), line
    paragraphs = 0
    for i, line in enumerate(head):
        if heads_related_links(line):
            break  # 相关新闻>>: the headlines from here on are other pages'
        bullets = lexicon.metadata_rules()["region_evidence"]
        if line.startswith(tuple(bullets["link_bullets"] + bullets["item_bullets"])) or \
                (line.startswith("【") and line.endswith("】") and i > 0) or (line.startswith("▌") and i > 0):
            continue  # · 某市召开…会议: another page's headline in a list of links; ◆ …, 【…】, ▌…: a part of this one
        line = re.sub(rf"\s*(?:{_words('page_tail_words')})\s*:.*$", "", line)  # a page's "published at" tail
        line = re.sub(rf"^(?:{_words('title_labels')})\s*[:|]?\s*(?=\S{{6}})", "", line)  # 信息名称 鞍山市人民政府关于…
        line = re.sub(r"(?<=\S)\s+(?:19|20)\d{2}-\d{1,2}-\d{1,2}$", "", line)  # a portal's list: a title, then its date
        # a page's title with its site's name before or after (永顺县人民政府-湘西州…规划纲要, …的通知_…门户网站)
        line = re.sub(rf"^[^\s\-_|]{{2,24}}?(?:{_words('site_name_endings')})[-_|]|[-_|][^\s\-_|]{{2,24}}?(?:{_words('site_name_endings')})$",
                      "", line)
        if len(line) > 80 and line.endswith("。"):
            paragraphs += 1
            if paragraphs >= 2:  # the body has begun: a short line from here on is a heading, not the title
                break
        if (len(line) <= 60 and not line.endswith(("。", ":", ";", "?", "!")) and "," not in line  # a question teases
                and any(w in line for w in title_words())
                and not re.match(r"^[一二三四五六七八九十]+、|^\([一二三四五六七八九十\d]{1,3}\)|^\d{1,2}[.、。]", line)
                and not re.search(r"\d{4}-\d{1,2}-\d{1,2}", line)  # a page's "published at" line
                and not any(w in line for w in doc_type_rules()["breadcrumb_marks"])
                and not line.startswith(tuple(doc_type_rules()["navigation_starts"]))
                and not ("|" in line and any(cell.strip(" :[]【】") in doc_type_rules()["page_fact_labels"]
                                             for cell in line.split("|")))
                and not re.match(rf"^[\[【]?\s*(?:{_words('page_fact_labels')})", line)  # 索引号: …; [ 主题分类 ] 规划、计划
                and sum(w in line for w in doc_type_rules()["page_fact_labels"]) < 2  # 组配分类民生实事发布机构县发改局
                and line not in doc_type_rules()["section_labels"]
                and not line.startswith(("各", "经", "现将", "为"))):
            if i + 1 < len(head) and PERIOD_LINE.match(head[i + 1]):
                line = line + head[i + 1]
            if i > 0 and any(w in head[i - 1] for w in doc_type_rules()["title_leads"]) and len(head[i - 1]) <= 40 and \
                    not head[i - 1].endswith(("。", ":", ";", ",")):
                line = head[i - 1] + line  # a title broken over two lines (…人民政府关于公开征集 / 2026年…)
            if line.startswith(tuple(doc_type_rules()["title_leads"])) and i + 1 < len(head) and len(head[i + 1]) <= 30 and \
                    not re.search(r"[。,;:]", head[i + 1]) and any(w in head[i + 1] for w in title_words()):
                line = line + head[i + 1]  # 关于2017年…10件实事 / 落实情况的调查报告
                following = head[i + 2] if i + 2 < len(head) else ""
                if len(following) <= 12 and following.endswith(title_words()) and not re.search(r"[。,;:]", following):
                    line = line + following  # …计划 / 执行情况与2022年…发展 / 计划的报告: three lines
            elif line.endswith(tuple(doc_type_rules()["title_split_after"])) and i + 1 < len(head) and \
                    len(head[i + 1]) <= 4:
                line = line + head[i + 1]  # …项目的 / 公告: the kind of document on a line of its own
            if line.endswith(("——", "—", "-")) and i + 1 < len(head) and len(head[i + 1]) <= 60:
                line = line + head[i + 1]  # 原标题:X—— / its second line
            issued = NOTICE_OF.match(line)  # 关于印发X的通知 with no 《》: the document is X
            if issued and any(w in issued.group(1) for w in title_words()):
                return issued.group(1), line
            return line, line
    for line in head[:3]:  # a news report that the document was issued: …印发《X》…, 《X》已正式印发; 现将《X》印发给你们;
        # 《X》已经市政府研究同意,现印发给你们; …结合我市实际,特制订《X》
        match = re.search(rf"(?:{_words('issue_verbs')}|{_words('made_verbs')})(?:了)?《([^《》]{{4,80}})》", line) or \
            re.search(rf"(?:{_words('issue_leads')})《([^《》]{{4,80}})》(?:{_words('issue_verbs')})", line) or \
            re.search(rf"《([^《》]{{4,80}})》(?:{_words('issued_after')})[^《》]{{0,30}}?(?:{_words('issued_formula_end')})",
                      line) or \
            re.search(rf"《([^《》]{{4,80}})》(?:{_words('issued_news_words')})?(?:{_words('issue_verbs')})", line)
        if match and any(w in match.group(1) for w in title_words()):
            return match.group(1), line
    return None, None


def _small_number(text: str) -> int:
    """5, 十, 十一, 二十三 -> int (a month or a day)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return CN_DIGIT[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0)


def _date_lost_separators(line: str) -> dt.date | None:
    """A date line whose 年月日 a page lost (2023626, 20231124): the date where only one split of the
    month and day digits is a date (2023111 may be 1 November or 11 January: none)."""
    match = LOST_DATE_LINE.match(line)
    if not match:
        return None
    year, rest = int(match.group(1)), match.group(2)
    dates = set()
    for cut in range(1, len(rest)):
        try:
            dates.add(dt.date(year, int(rest[:cut]), int(rest[cut:])))
        except ValueError:
            continue
    return dates.pop() if len(dates) == 1 else None


def date_of_line(line: str) -> dt.date | None:
    match = DATE_LINE.match(line)
    if not match:
        return _date_lost_separators(line)
    year = match.group(1)
    if not year.isdigit():
        year = "".join(str(CN_DIGIT[c]) for c in year)
    try:
        return dt.date(int(year), _small_number(match.group(2)), _small_number(match.group(3)))
    except (ValueError, KeyError):
        return None


def find_issue_date(lines: list[str]) -> dt.date | None:
    for line in lines:
        date = date_of_line(line)
        if date is not None and 1949 <= date.year <= 2100:
            return date
    # the day a plenary adopted it, under its title: (2021年9月10日中国共产党某市第六届委员会第八次全体会议通过)
    adopted = next(filter(None, (re.match(lexicon.metadata_rules()["year"]["adopted_on_pattern"], line) for line in lines[:4])), None)
    if adopted:
        try:
            return dt.date(int(adopted.group(1)), int(adopted.group(2)), int(adopted.group(3)))
        except ValueError:
            pass
    # a page's metadata table kept as text: 成文日期: 2023-06-26 (on its line or the next)
    labels = "|".join(map(re.escape, lexicon.metadata_rules()["year"]["issue_date_labels"]))
    match = re.search(rf"(?:{labels})\s*[::]?\s*({YEAR})-(\d{{1,2}})-(\d{{1,2}})", "\n".join(lines[:40]))
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    return None


def find_issuer(lines: list[str], title: str | None) -> str | None:
    endings = lexicon.mapping("regions")["issuer_endings"]
    for i, line in enumerate(lines):
        if i > 0 and date_of_line(line):
            previous = lines[i - 1]
            if len(previous) <= 30 and previous.endswith(tuple(endings)):
                return previous
    if title:
        match = re.match(r"^(.{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|委员会))关于", title)
        if match:
            return match.group(1)
    return None


def region_from(name: str | None) -> str | None:
    """The region at the start of a title or issuer: 武汉市人民政府 -> 武汉市."""
    if not name:
        return None
    regions = lexicon.mapping("regions")
    for lead in sorted(regions["title_lead_words"], key=len, reverse=True):
        if name.startswith(lead):
            name = name[len(lead):]
            break
    suffixes = sorted(regions["province_suffixes"] + regions["prefecture_suffixes"] + regions["county_suffixes"],
                      key=len, reverse=True)
    pattern = rf"^([\u4e00-\u9fff*]{{1,12}}?(?:{'|'.join(map(re.escape, suffixes))}))(?=人民|政府|委员会|\"|“|关于|\d|[\u4e00-\u9fff])"
    match = re.match(pattern, name)
    if not match or "*" in match.group(1) or match.group(1).startswith(("关于", "各")):
        return None
    if len(match.group(1)) == 2 and match.group(1)[0] in "全本我各该":
        return None  # 全省, 本市, 我区 point at a region without naming it
    if any(c in match.group(1) for c in lexicon.metadata_rules()["region_names"]["never_in_a_name"]):
        return None  # 王忠林在市…, 前三季度我市…: words of a sentence, not a name
    return match.group(1)


def admin_level(region: str | None) -> str:
    """Level from a name's ending, for a region the gazetteer does not know (or a redacted one)."""
    if not region:
        return "unknown"
    regions = lexicon.mapping("regions")
    if region in regions["municipalities"] or region.endswith(tuple(regions["province_suffixes"])):
        return "province"
    if region.endswith(tuple(regions["county_suffixes"])):
        return "county"
    if region.endswith(tuple(regions["prefecture_suffixes"])):
        return "prefecture"
    return "unknown"
