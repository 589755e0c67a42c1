"""Document metadata stage: what the cleaned text says about itself.

Each field is read from the text where the text says it, from the manifest otherwise,
and left null where nobody says. `metadata_sources` records which was used.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass

from flows import gazetteer, lexicon, regions
from flows.text.years import PERIOD_RE, YEAR

DOC_NUMBER = re.compile(r"([\u4e00-\u9fff*]{1,10}[〔\[【(]((?:19|20)\d{2})[〕\]】)]\s*第?\d{1,4}号)")
# A signature date on a line of its own, in digits or in Chinese numerals (二〇二四年三月五日),
# perhaps followed by 印发 or 发布.
DATE_LINE = re.compile(r"^\(?((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月"
                       r"(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:印发|发布|起施行|起实施)?\)?$")
CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
DATE_ANY = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
PERIOD = PERIOD_RE  # 2023—2027年: first and last year
SINGLE_YEAR = re.compile(rf"({YEAR})年")
QUOTED_TITLE = re.compile(r"《([^《》]{4,80})》")
NOTICE_OF = re.compile(r"^.{0,30}?关于(?:印发|转发|公布)(.{4,80}?)的通知$")
PERIOD_LINE = re.compile(r"^\(\s*(?:19|20)\d{2}\s*[-—–~至到]+\s*(?:19|20)\d{2}\s*年\s*\)$")
FIELDS = ("title", "doc_number", "issuer", "issue_date", "region_name", "region_code", "admin_level",
          "doc_year", "plan_start_year", "plan_end_year", "doc_type", "source_url")


def _title_words() -> tuple[str, ...]:
    return tuple(_doc_type_rules()["title_words"])


def _doc_type_rules() -> dict:
    return lexicon.metadata_rules()["doc_type"]


def _words(key: str) -> str:
    """A word list of rules/metadata.toml [doc_type] as a regex alternation."""
    return "|".join(map(re.escape, _doc_type_rules()[key]))


def find_doc_number(text: str) -> str | None:
    match = DOC_NUMBER.search(text[:3000])
    if not match:
        return None
    # One bracket style for the year, whatever the source used: 〔〕 as the GB/T 9704 standard writes it.
    number = match.group(1)
    return re.sub(r"[〔\[【(]((?:19|20)\d{2})[〕\]】)]", r"〔\1〕", number, count=1)


def find_title(lines: list[str]) -> str | None:
    """The document's own title: a short line naming a plan, list or opinion."""
    return find_title_and_line(lines)[0]


def find_title_and_line(lines: list[str]) -> tuple[str | None, str | None]:
    """(title, the line it was read from). A notice that issues a document (关于印发《X》的通知)
    is titled X; its own line still names the issuer and the region."""
    head = lines[:40]
    for line in head:  # a notice that quotes the document's title in 《》
        if len(line) <= 120 and not line.endswith(("。", ":")):
            match = QUOTED_TITLE.search(line)
            # a notice that issues X (印发《X》的通知), or 《X》 alone: the document is X; a title about X
            # (《政府工作报告》主要工作任务推进情况) is not X
            issues_it = re.search(rf"(?:{_words('issue_verbs')})\s*$", line[:match.start()]) if match else None
            alone = match and not line[match.end():].strip(" 的通知") and not line[:match.start()].strip()
            if match and (issues_it or alone) and any(w in match.group(1) for w in _title_words()):
                return match.group(1).strip(), line
    paragraphs = 0
    for i, line in enumerate(head):
        line = re.sub(rf"\s*(?:{_words('page_tail_words')})\s*:.*$", "", line)  # a page's "published at" tail
        if len(line) > 80 and line.endswith("。"):
            paragraphs += 1
            if paragraphs >= 2:  # the body has begun: a short line from here on is a heading, not the title
                break
        if (len(line) <= 60 and not line.endswith(("。", ":", ";")) and "," not in line
                and any(w in line for w in _title_words())
                and not re.match(r"^[一二三四五六七八九十]+、|^\([一二三四五六七八九十\d]{1,3}\)", line)
                and not re.search(r"\d{4}-\d{1,2}-\d{1,2}", line)  # a page's "published at" line
                and not any(w in line for w in _doc_type_rules()["breadcrumb_marks"])
                and not line.startswith(tuple(_doc_type_rules()["navigation_starts"]))
                and not line.startswith(("各", "经", "现将", "为"))):
            if i + 1 < len(head) and PERIOD_LINE.match(head[i + 1]):
                line = line + head[i + 1]
            if i > 0 and head[i - 1].startswith("关于") and len(head[i - 1]) <= 40 and \
                    not head[i - 1].endswith(("。", ":", ";", ",")):
                line = head[i - 1] + line  # a title broken over two lines
            if line.endswith(("——", "—", "-")) and i + 1 < len(head) and len(head[i + 1]) <= 60:
                line = line + head[i + 1]  # 原标题:X—— / its second line
            issued = NOTICE_OF.match(line)  # 关于印发X的通知 with no 《》: the document is X
            if issued and any(w in issued.group(1) for w in _title_words()):
                return issued.group(1), line
            return line, line
    for line in head[:3]:  # a news report that the document was issued: …印发《X》…
        match = re.search(rf"(?:{_words('issue_verbs')})(?:了)?《([^《》]{{4,80}})》", line)
        if match and any(w in match.group(1) for w in _title_words()):
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


def date_of_line(line: str) -> dt.date | None:
    match = DATE_LINE.match(line)
    if not match:
        return None
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


# ---------------------------------------------------------------- where: the document's region

@dataclass(frozen=True)
class Evidence:
    """Where in the text a field was read: the kind of place (title, signature, issuer, headline,
    dateline, byline) and the words that say it."""
    where: str
    quote: str


def _evidence_rules() -> dict:
    return lexicon.metadata_rules()["region_evidence"]


def _followed_by(text: str, pos: int, words) -> str | None:
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word, pos):
            return word
    return None


def _speaks_for_body(text: str, chain: list[gazetteer.Name]) -> bool:
    """The chain names who issues or speaks: 德清县人民政府, 浙江省省长, 洋县第十八届人民代表大会."""
    rules = _evidence_rules()
    end = chain[-1].end
    body = _followed_by(text, end, rules["bodies"])
    if body:  # …省委的部署, …市政府的要求: the body is cited, not speaking
        return not _followed_by(text, end + len(body), rules["cited_after"])
    session = re.match(r"第[一二三四五六七八九十\d]{1,4}", text[end:end + 6])
    return bool(session and _followed_by(text, end + session.end(), rules["congress_words"]))


def _cited(text: str, start: int) -> bool:
    """A name inside 《》 or right after 根据/对口/与… is cited or acted on, not the speaker."""
    before = text[max(0, start - 30):start]
    if before.rfind("《") > before.rfind("》"):
        return True
    return any(before.endswith(w) for w in _evidence_rules()["citation_leads"])


def _short_name_chains(text: str) -> list[list[gazetteer.Name]]:
    """Short names (德清, 广东) where a headline or dateline uses them: at the start of the line
    (after a year) and before a word that continues a headline (今年, 将, :, 1月11日电)."""
    rules = _evidence_rules()
    lead = re.match(r"^(?:(?:19|20)\d{2}年?)?", text).end()
    chain = gazetteer.chain_at(text, lead, allow_short=True)
    if chain and (_followed_by(text, chain[-1].end, rules["short_name_followers"])
                  or re.match(r"\d{1,2}月\d{1,2}日", text[chain[-1].end:])):
        return [chain]
    return []


def _chains_in_title(line: str) -> list[list[gazetteer.Name]]:
    chains = [c for c in gazetteer.chains_in(line) if not _cited(line, c[0].start) or line.startswith("关于")]
    # A lone two-character name (城区, 郊区) counts only where it speaks as a body.
    chains = [c for c in chains if len(c) > 1 or len(c[-1].text) > 2 or _speaks_for_body(line, c)]
    return chains or _short_name_chains(line)


def _chains_speaking(text: str) -> list[list[gazetteer.Name]]:
    chains = [c for c in gazetteer.chains_in(text) if _speaks_for_body(text, c) and not _cited(text, c[0].start)]
    return chains


def _dateline_chains(line: str) -> list[list[gazetteer.Name]]:
    """新华网上海1月11日电, 本报德清讯: the place before the date or 讯."""
    out = []
    for match in re.finditer(r"(?:\d{1,2}月\d{1,2}日)?(?:电|讯)", line[:80]):
        for start in range(max(0, match.start() - 12), match.start()):
            chain = gazetteer.chain_at(line, start, allow_short=True)
            if chain and chain[-1].end == match.start():
                out.append(chain)
                break
    return out


def _byline_chains(lines: list[str]) -> list[tuple[list[gazetteer.Name], str]]:
    """来源:德清县人民政府 — a byline that is a government body (a newspaper's city is not the region)."""
    out = []
    for line in lines:
        lead = _followed_by(line, 0, _evidence_rules()["byline_leads"])
        if lead:
            rest = line[len(lead):].strip()
            chains = [c for c in gazetteer.chains_in(rest) if c[0].start == 0 and _speaks_for_body(rest, c)]
            media = tuple(_evidence_rules()["byline_media_words"])  # a county's news centre is a newspaper
            out.extend((c, rest) for c in chains if not rest[c[-1].end:].startswith(media))
    return out


def region_evidence(lines: list[str], title: str | None, title_line: str | None,
                    issuer: str | None) -> list[tuple[str, str, list[gazetteer.Name]]]:
    """Every place where the text names its own region, most trusted first (guide 7): the title,
    the signature, the issuing body or meeting in the opening, then a headline's, dateline's or
    byline's place. Each item: (where, the words, the chain of names)."""
    found: list[tuple[str, str, list[gazetteer.Name]]] = []
    for line in dict.fromkeys(filter(None, (title_line, title))):
        found += [("title", line, c) for c in _chains_in_title(line)]
    tail = lines[-8:] if len(lines) > 8 else lines
    if issuer:
        found += [("signature", issuer, c) for c in gazetteer.chains_in(issuer)[:1]]
    for line in tail:
        # a signature line: short, no sentence in it (XX县人民政府, 浙江省省长 王某某)
        if len(line) <= 40 and not re.search(r"[。,;]", line) and \
                not _followed_by(line, 0, _evidence_rules()["byline_leads"]):
            found += [("signature", line, c) for c in _chains_speaking(line)]
    head = lines[:15]
    for i, line in enumerate(head):
        if not _followed_by(line, 0, _evidence_rules()["byline_leads"]):
            # A short line may go on in the next (——2021年1月12日在X自治州第十五届 / 人民代表大会…).
            joined = line + head[i + 1] if len(line) <= 40 and i + 1 < len(head) else line
            found += [("issuer", line, c) for c in _chains_speaking(joined[:300]) if c[0].start < len(line)]
    if head:
        found += [("headline", head[0], c) for c in _short_name_chains(head[0])]
    for line in head[:6]:
        found += [("dateline", line, c) for c in _dateline_chains(line)]
    found += [("byline", words, c) for c, words in _byline_chains(head + tail)]
    return found


def find_region(lines: list[str], title: str | None, title_line: str | None, issuer: str | None,
                context: str) -> tuple[str | None, str | None, Evidence | None, str | None]:
    """(region name, GB/T 2260 code, evidence, warning). The most trusted kind of place that names a
    region decides; a later name of the same kind that lies inside it refines it (湖州市 … 德清县
    人民政府); a name several regions share and nothing settles is left null with a warning."""
    evidence = region_evidence(lines, title, title_line, issuer)
    for where in dict.fromkeys(w for w, _, _ in evidence):
        chosen = None
        ambiguous = None
        for kind, words, chain in evidence:
            if kind != where:
                continue
            resolution = gazetteer.resolve(chain, context)
            if resolution.code is None:
                ambiguous = ambiguous or (words, resolution)
                continue
            if chosen is None:
                chosen = (words, resolution)
            elif chosen[1].code in {a["code"] for a in regions.ancestors(resolution.code)}:
                chosen = (words, resolution)  # inside the region named first: more specific
        if chosen:
            words, resolution = chosen
            row = regions.regions()[resolution.code]
            return row["name"], resolution.code, Evidence(where, words), None
        if ambiguous:
            words, resolution = ambiguous
            names = ", ".join(f"{c} {'/'.join(a['name'] for a in reversed(regions.ancestors(c)))}"
                              for c in resolution.ambiguous)
            warning = (f"region '{resolution.name.text}' ({where}: {words[:40]}) is the name of several regions "
                       f"({names}) and the text names none of their parents: region_code left null")
            return resolution.name.text, None, Evidence(where, words), warning
    return None, None, None, None


def self_level(clean_text: str):
    """The level a text speaks as (我省, 全县, 区委…): a predicate over regions-table rows that admits the
    regions of that level, with the words' count; (None, 0) when it says none or two levels equally."""
    rules = lexicon.metadata_rules()["self_reference"]
    head = clean_text[:5000]
    cues = Counter({group: sum(head.count(w) for w in words) for group, words in rules["words"].items()})
    (group, top), (_, second) = (cues.most_common() + [("", 0), ("", 0)])[:2]
    if top < 1 or top == second:
        return None, 0, None
    endings = tuple(rules["name_endings"][group])
    municipalities = set(lexicon.mapping("regions")["municipalities"])

    def admits(row: dict) -> bool:
        if group == "province":
            return row["level"] == "province" and row["name"].endswith(endings)
        if group == "city" and row["name"] in municipalities:
            return True
        if group == "district" and row["level"] == "province":
            return row["name"].endswith(tuple(rules["autonomous_region_endings"]))
        return row["level"] != "province" and row["name"].endswith(endings)

    return admits, top, group


def region_by_mentions(clean_text: str, lines: list[str]) -> tuple[str | None, Evidence | None]:
    """A text that never names itself in a trusted place still says its level (我省, 全县, 区委…):
    the region of that level it names most often (at least twice, and twice as often as any other)
    is its region; failing that, the first region a news report's opening names, if it is of that
    level. The level decides first, so a county text that names its province more than itself is
    never given the province."""
    admits, top, group = self_level(clean_text)
    if admits is None:
        return None, None
    stop = frozenset() if group == "province" else frozenset(_evidence_rules()["short_name_stoplist"])
    counts = gazetteer.count_mentions(clean_text[:5000], admits, stop).most_common(2) + [("", 0), ("", 0)]
    (code, n), (_, second) = counts[0], counts[1]
    if n >= 2 and n >= 2 * second:
        return code, Evidence("mentions", f"{regions.regions()[code]['name']} ×{n}; {group} words ×{top}")
    for line in lines[:2]:  # the first full name a news report's opening gives, at the level it speaks as
        for chain in gazetteer.chains_in(line[:200]):
            resolution = gazetteer.resolve(chain)
            if resolution.code and not _cited(line, chain[0].start) and admits(regions.regions()[resolution.code]):
                return resolution.code, Evidence("opening", line)
    return None, None


# ---------------------------------------------------------------- when: the year the document is for

def plan_period(title: str | None, text: str) -> tuple[int | None, int | None]:
    for source in (title or "", text[:2000]):
        match = PERIOD.search(source)
        if match:
            return int(match.group(1)), int(match.group(2))
    named = lexicon.mapping("periods")
    for source in (title or "",):
        for name, (start, end) in named.items():
            if name in source:
                return start, end
    if title:
        years = SINGLE_YEAR.findall(title)
        if len(set(years)) == 1:
            return int(years[0]), int(years[0])
    return None, None


def _years_before(text: str, endings) -> list[tuple[int, int]]:
    """(year, position) of every YEAR年 followed by one of the endings (2026年工作安排)."""
    out = []
    for match in re.finditer(r"((?:19|20)\d{2})(?=年)", text):
        if _followed_by(text, match.end(), endings):
            out.append((int(match.group(1)), match.start()))
    return out


def document_year(kind: str, title: str | None, title_line: str | None, lines: list[str],
                  issue_date: dt.date | None) -> tuple[int | None, Evidence | None]:
    """The one year a document is for: a list's or work plan's year, the year a work report plans for
    (a report delivered in January 2026: 2026), the year a completion notice reports on. None for a
    document of several years."""
    rules = lexicon.metadata_rules()["year"]
    if kind != "progress_report":  # a report given on a date (——2020年5月9日在…会议上): that year,
        for line in lines[:12]:      # or the next when given in November or December
            match = re.search(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在", line)
            if match:
                return int(match.group(1)) + (int(match.group(2)) >= 11), Evidence("title", line)
    for line in dict.fromkeys(filter(None, (title, title_line))):
        if PERIOD.search(line):
            return None, None
        years = set(SINGLE_YEAR.findall(line))
        if len(years) == 1:
            return int(years.pop()), Evidence("title", line)
        planned = _years_before(line, rules["plan_year_after"])  # …2020年执行情况与2021年计划草案的报告
        if planned:  # the latest: 2020年…执行情况 reports, 2021年计划草案 plans
            return max(planned)[0], Evidence("title", line)
    head = "\n".join(lines[:40])[:4000]
    if kind == "other" and issue_date:  # a call for proposals, a reading: the year it was signed
        return issue_date.year, Evidence("signature", issue_date.isoformat())
    if kind not in lexicon.metadata_rules()["doc_type"]["one_year_kinds"]:
        return None, None
    planned = _years_before(head, rules["plan_year_after"])
    goals = "|".join(map(re.escape, rules["plan_goal_words"]))  # 2023年济南市经济社会发展主要预期目标
    planned += [(int(m.group(1)), m.start()) for m in re.finditer(
        rf"((?:19|20)\d{{2}})年[^。,;:\d]{{0,10}}?(?:{goals})", head)]
    planned.sort(key=lambda p: p[1])
    reviewed = _years_before(head, rules["review_year_after"])
    if kind in ("government_work_report", "work_plan"):
        reviewed += [(int(m.group(1)), m.start(1)) for m in re.finditer(
            rf"(?:{'|'.join(map(re.escape, rules['review_year_before']))})[\u4e00-\u9fff]{{0,4}}((?:19|20)\d{{2}})年", head)]
        # A report plans for the latest year it names as planned, or the year after the one it reviews.
        years = [(y, p) for y, p in planned] + [(y + 1, p) for y, p in reviewed]
        if years:
            year, pos = max(years)
            return year, Evidence("text", head[max(0, pos - 10):pos + 20])
    if planned:
        year, pos = planned[0]
        return year, Evidence("text", head[max(0, pos - 10):pos + 20])
    # a list's or a notice's year written before what it lists: 2022年全省50项民生实事, 2021年度的十个民生实事
    matters = "|".join(map(re.escape, rules["matters_words"]))
    match = re.search(rf"((?:19|20)\d{{2}})年度?[^。,;:]{{0,12}}?(?:{matters})", head)
    if match:
        return int(match.group(1)), Evidence("text", match.group(0))
    # A report given on a date (——2024年1月20日在…会议上) or a list signed on one: that date's year.
    for line in lines[:6]:
        match = re.search(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在", line)
        if match:
            return int(match.group(1)), Evidence("title", line)
    # 2024年,我县将… / 今年(2024年): a year written with the words of this year.
    for match in re.finditer(r"((?:19|20)\d{2})年[,，]", head):
        after = head[match.end():match.end() + 120].split("。")[0]
        if any(w in after for w in rules["future_words"]):
            return int(match.group(1)), Evidence("text", head[match.start():match.end() + 20])
    if issue_date:
        return issue_date.year, Evidence("signature", issue_date.isoformat())
    if kind != "progress_report":  # a news page's own date (2026-01-28 22:06, 2024年01月24日)
        for line in lines[:4]:
            match = re.search(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日", line)
            if match and len(line) <= 40:
                return int(match.group(1)), Evidence("dateline", line)
            match = re.match(r"^((?:19|20)\d{2})-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$", line)
            if match:
                return int(match.group(1)), Evidence("dateline", line)
    years = Counter(int(y) for y in SINGLE_YEAR.findall(head))
    if years:
        year, count = years.most_common(1)[0]
        if count >= 2:
            return year, Evidence("text", f"{year}年 ×{count}")
    return None, None


# ---------------------------------------------------------------- what kind of document

def doc_type(title: str | None) -> str:
    rules = lexicon.metadata_rules()["doc_type"]
    if title and any(w in title for w in rules["about_a_document"]):
        return "other"  # a reading, an open letter, a press conference: about the document, not it
    for keyword, code in rules["order"]:
        if title and keyword in title:
            return code
    return "other"


def doc_type_from_opening(lines: list[str]) -> str | None:
    """A page with no title says what it is in its opening: 向大会报告工作 (a work report),
    完成情况 (a completion notice), 办好十件民生实事 (a list)."""
    opening = "\n".join(lines[:8])[:800]
    for keyword, code in lexicon.metadata_rules()["doc_type"]["opening_cues"]:
        if keyword in opening:
            return code
    return None


# ---------------------------------------------------------------- the document's metadata

def _evidence_json(evidence: dict[str, Evidence], clean_text: str) -> str:
    out = {}
    for name, item in evidence.items():
        start = clean_text.find(item.quote)
        out[name] = {"where": item.where, "quote": item.quote,
                     "char_start": start if start >= 0 else None,
                     "char_end": start + len(item.quote) if start >= 0 else None}
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def document_metadata(clean_text: str, manifest: dict | None = None) -> dict:
    """Metadata of one document: text first, manifest second, null otherwise.

    Returns the documents-table fields, `metadata_sources` (field -> text|manifest),
    `metadata_evidence` (field -> where in the text it was read) and `warnings`."""
    manifest = manifest or {}
    lines = [line.strip() for line in clean_text.split("\n") if line.strip()]
    found: dict = {}
    evidence: dict[str, Evidence] = {}
    warnings: list[str] = []
    found["title"], title_line = find_title_and_line(lines)
    found["doc_number"] = find_doc_number(clean_text)
    found["issue_date"] = find_issue_date(lines)
    found["issuer"] = find_issuer(lines, title_line)
    context = "\n".join(filter(None, (found["title"], found["issuer"], clean_text[:2000])))
    region_name, region_code, where, warning = find_region(lines, found["title"], title_line, found["issuer"], context)
    if warning:
        warnings.append(warning)
    if region_name is None and region_code is None:  # the region it names most often, at the level it speaks as
        region_code, where = region_by_mentions(clean_text, lines)
        region_name = regions.regions()[region_code]["name"] if region_code else None
    if region_name is None:  # a region the gazetteer does not know: its name as written, no code
        region_name = region_from(found["title"]) or region_from(found["issuer"]) or region_from(title_line)
        if region_name:
            where = Evidence("title" if region_from(found["title"]) or region_from(title_line) else "signature",
                             found["title"] if region_from(found["title"]) else (title_line or found["issuer"]))
    found["region_name"], found["region_code"] = region_name, region_code
    if where:
        evidence["region_name"] = evidence["region_code"] = where
    found["admin_level"] = regions.level_of(region_code) if region_code else (
        admin_level(region_name) if region_name else None)
    found["plan_start_year"], found["plan_end_year"] = plan_period(found["title"], clean_text)
    # The title says what kind of document it is; failing that, a headline that says what the page is.
    headline = lines[0] if lines and len(lines[0]) <= 60 else None
    kinds = [doc_type(line) for line in dict.fromkeys((found["title"], title_line, headline)) if line]
    if title_line and any(w in title_line for w in lexicon.metadata_rules()["doc_type"]["about_a_document"]):
        found["doc_type"] = "other"
    else:
        found["doc_type"] = next((k for k in kinds if k != "other"), None) or doc_type_from_opening(lines) or (
            "other" if found["title"] else None)
    kind = found["doc_type"] or manifest.get("doc_type") or "other"
    found["doc_year"], year_evidence = document_year(kind, found["title"], title_line, lines, found["issue_date"])
    if year_evidence:
        evidence["doc_year"] = year_evidence
    if found["doc_year"] and found["plan_start_year"] is None:
        found["plan_start_year"] = found["plan_end_year"] = found["doc_year"]
    found["source_url"] = None  # never in the text itself
    result, sources = {}, {}
    for name in FIELDS:
        value, source = found.get(name), "text"
        if value is None and manifest.get(name):
            value, source = manifest[name], "manifest"
            if name == "issue_date":
                value = dt.date.fromisoformat(value)
            elif name in ("plan_start_year", "plan_end_year", "doc_year"):
                value = int(value)
        if value is not None:
            sources[name] = source
        result[name] = value
    if result["region_code"] is None and sources.get("region_name") == "manifest":
        result["region_code"] = regions.code_for(result["region_name"], context)
        if result["region_code"]:
            sources["region_code"] = "manifest"
    if result["admin_level"] is None:
        result["admin_level"] = regions.level_of(result["region_code"]) if result["region_code"] else \
            admin_level(result["region_name"])
    if result["doc_type"] is None:
        result["doc_type"] = "other"
    result["metadata_sources"] = json.dumps(sources, ensure_ascii=False, sort_keys=True)
    result["metadata_evidence"] = _evidence_json(evidence, clean_text)
    result["warnings"] = warnings
    return result
