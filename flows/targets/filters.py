"""Which mentions are amounts a document commits to: dates, ordinals, names, baselines,
thresholds, qualifiers and the plan's own bookkeeping are not (word lists in lexicon.toml
[not_targets])."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.targets.model import Mention
from flows.targets.patterns import alternation, change_to, contains_any, idiom, match_word, plan_items, rules
from flows.text.clauses import clause_end, clause_start
from flows.text.numerals import NUMERAL_CHARS
from flows.text.years import YEAR, YEAR_NAMED_RE


def keep_mention(s: str, m: Mention) -> bool:
    """False for numbers that are not rows: dates, ordinals, names, deadlines, qualifiers."""
    lex = rules()
    before = s[max(0, m.start - 6): m.start]
    number = m.number_text
    after_number = s[m.start + len(number): m.start + len(number) + 12]
    after = s[m.end: m.end + 12]
    if re.fullmatch(YEAR, number) and (m.unit == "年" or after_number.startswith(lex.year_followers)):
        return False  # a year or a period
    if before[-1:].isascii() and before[-1:].isalpha():
        return False  # PM2.5, G318: the number ends a name written in Latin letters, it counts nothing
    if after_number.lstrip(" ").startswith(lex.date_followers):
        return False  # a date or a time of day (a page's layout may space it: 1 月 24 日)
    if m.unit in lex.issue_units and re.search(rf"{YEAR_NAMED_RE.pattern}\s*$", s[max(0, m.start - 8): m.start]):
        return False  # 2018年2期: a periodical's issue
    if m.unit_kind == "percent" and m.value >= lex.garbled_percent_from and "." not in number:
        return False  # 学前教育三年毛入园率7561%: a point lost in copying (75.61%), not a row to guess at
    month = next((w for w in lex.month_words if before.rstrip(" ").endswith(w)), None)
    if month and re.search(r"\d\s*$", before.rstrip(" ")[:-len(month)]):
        return False  # 11月15至16日: a day of the month
    if before.endswith(lex.before_words) and not before.endswith(lex.ratio_names):
        return False  # 第3, 从16周岁, 较…: ordinals and baselines
    if m.unit == "对" and re.match(r"\s*[\d一二两三四五六七八九十]", s[m.unit_end:]):
        return False  # 2对4个: the count after names the unit (guide 6); 1对1: a manner, not an amount
    if before.endswith("等") and m.unit in lex.kinds_units:
        return False  # 分生活、医疗、就业等5类: how a list is sorted, not an amount
    if _baseline(s, m):
        return False  # 从每人每月150元提高到180元, 由月人均420元、年人均2400元统一调至…: the baseline, not the new level
    if before.endswith(lex.conditions):
        return False  # 未达到99%的县: a condition, not a target
    if _a_rank(s, m):
        return False  # 居全省前3, 位列全国县域经济百强第90位, …分别提高5位: a rank
    clause_head = s[clause_start(s, m.start): m.start]  # the number's clause before it, read by several checks
    if contains_any(clause_head, lex.yardstick_words) and \
            contains_any(s[m.unit_end: m.unit_end + 6], lex.yardstick_after):
        return False  # 完成区人代会批准增长8%以上目标: a target set elsewhere, quoted as a yardstick
    if m.unit_kind in ("percent", "pct_point") and _gap_to_elsewhere(s, m):
        return False  # 增长8.2%,比省增速高0.8%: how the number before compares with elsewhere
    if m.unit in lex.plan_item_units and _shapes()["listed_after"].match(s, m.unit_end):
        return False  # 10个,包括A、B、C: a count of the items named after it
    if m.unit_kind in ("count", "percent") and _about_proposals(s, m):
        return False  # 办理提案572件, 所提问题已经解决的258件,占38.8%: the proposals handled
    if m.unit in lex.suggestion_units and contains_any(s[clause_start(s, m.start): clause_end(s, m.unit_end)],
                                                       tuple(lex.own_items["policy_words"])):
        return False  # 出台稳链纾困35条、稳经济促发展10条等系列政策: a policy's own articles
    if m.unit in lex.suggestion_units and lex.suggestion_word in clause_head:
        return False  # 群众建议176条: suggestions counted, not what the document commits to
    if m.unit in lex.occurrence_units and (contains_any(s[clause_start(s, m.start): m.start], lex.occurrence_before)
                                           or s.startswith(lex.occurrence_before, m.unit_end)):
        return False  # “发展”出现67次: how often a word is said
    if m.unit in lex.span_units and m.unit_kind == "duration" and (
            before.rstrip().endswith(lex.span_before) or re.search(r"\d", s[m.unit_end: clause_end(s, m.unit_end)])
            or _shapes()["listed_span"].search(s, 0, m.start)):
        return False  # 连续5年保持正增长, 5年新增城镇就业319万人: how long, or the years a count is over
    if _shapes()["threshold"].search(before) and _shapes()["restated"].match(s, m.unit_end) \
            or (contains_any(s[m.unit_end: m.unit_end + 40], lex.threshold_marks)
                and _shapes()["thresholds_crossed"].match(s, m.unit_end)):
        return False  # 突破百亿元、达105.1亿元, 连续突破300、400、500亿元大关,达551.85亿元: thresholds, then the amount
    if before.endswith(tuple(lex.own_items["project_capacity_words"])) \
            and re.search(lex.own_items["project_list_end"], s[m.unit_end: clause_end(s, m.unit_end)]):
        return False  # 年产20万吨高端铝棒、…等一批重大项目: a named project's capacity
    if _shapes()["threshold"].search(before) and s.startswith(lex.threshold_marks, m.unit_end) \
            and re.search(rf"\d\s*{re.escape(s[m.start + len(number): m.unit_end].strip())}\s*[,、]\s*$",
                          s[max(0, clause_start(s, m.start) - 16): clause_start(s, m.start)]):
        return False  # 完成602.5亿元,首次突破600亿元大关: the amount, then the threshold it crossed
    if m.unit_kind == "money" and before.endswith(tuple(lex.own_items["project_size_words"])) \
            and s.startswith(lex.own_items["status_link"], m.unit_end) and _names_one_project(s, m):
        return False  # 总投资42亿元的晋开延化“6080”项目正式投产: the size of the one project it names
    if m.unit_kind == "money" and _shapes()["group_bound"].match(s, m.unit_end):
        return False  # 新引进10亿元以上项目146个: the size that says which projects are counted
    if _plan_item_count(s, m) or (m.unit_kind in ("percent", "pct_point") and _plan_item_share(s, m)):
        return False  # 17项超额完成、占比56.67%; 完成年度计划的112.5%: the plan's own bookkeeping (guide §7)
    counted = _shapes()["count_words"].sub("", s[max(0, m.start - 14): m.start].rstrip())  # 候选项目,共12项: what is counted
    if m.unit in lex.plan_item_units and counted.rstrip(lex.own_items["status_link"]).endswith(lex.plan_item_status):
        return False  # 达到序时进度的10项: how many of the plan's own items got so far (guide §7)
    if m.unit in lex.plan_item_own_units and (s.startswith(lex.plan_item_own_nouns, _after_modifier(s, m.unit_end))
                                               or counted.endswith(lex.plan_item_own_nouns) or _a_category(counted)
                                               or (m.unit in lex.plan_item_described_units
                                                   and _shapes()["described_own_items"].match(s, m.unit_end))
                                               or _own_items_named_after(s, m.unit_end)):
        return False  # 65件民生实事, 实事项目10件: a count of the plan's own items (guide §1)
    if m.unit in lex.plan_item_units and counted.endswith(tuple(lex.own_items["named_list_ends"])):
        return False  # 包括A、B、C等方面共10个项目: the items just named, counted
    first, second = lex.own_items["item_then_subitem"]
    if m.unit == second and re.search(rf"\d{first}$", before.rstrip()):
        return False  # 49项103件: the list's items, then their sub-items
    if m.unit in lex.plan_item_own_units and before.rstrip().endswith(lex.plan_item_chosen_before):
        return False  # 最终在…会议上选出了10项: the list's items as they were chosen (guide §1)
    if contains_any(s[max(0, m.start - 14): m.start], lex.meeting_words):
        return False  # 本次会议实到常委会组成人员29人: a meeting's people
    if contains_any(s[m.unit_end: clause_end(s, m.unit_end)][:20], lex.meeting_words_after):
        return False  # 365张红色的表决票发放到代表们手中: a session's proceedings
    if contains_any(s[max(0, m.start - 24): m.start], lex.identifier_labels):
        return False  # 索引号:008207030/2023-00188: an identifier
    if m.start <= 1 and before in ("(", "") and (s.startswith("*", m.start + len(number))
                                                  or s.startswith((".", "、", ")"), m.start + len(number))):
        return False  # (4****…, 1. …: list numbering
    if not number[0].isdigit() and m.unit == "项":
        return False  # 两项补贴, 三项制度: a named set of measures
    if not number[0].isdigit() and m.unit == "年" and not re.match(r"(以上|以内|左右|及以上)", s[m.unit_end:]):
        return False  # 五年实现大提升, 三年行动: a period named, not a duration set
    if m.unit_kind not in ("percent", "permille", "pct_point", "age") and re.match(r"(以下|以上|以内)的", s[m.unit_end:]):
        return False  # 收益20万元以下的行政村: a threshold naming a group
    if before.endswith("每") and m.unit_kind != "money" and m.comparator != "range" \
            and m.unit in ("人", "户", "个") and m.value in (1, 10, 100, 1000, 10000, 100000):
        return False  # 每1万人口, 每千名: a denominator, not an amount
    if re.search(r"\d\s*[+×*]$", before) or before.endswith("**") or after_number.startswith(("+", "×")):
        return False  # “1+6+3”, 7×24小时: names and formulas; ****5万元: part redacted (a lone * marks an item: *30个…)
    if before.endswith("(") and s.startswith(")", m.end):
        return False  # (3项): a count of the list's own items
    if _inside_brackets(s, m.start):
        return False
    name_pattern = lex.names_after_unit.get(m.unit)
    if name_pattern and re.match(name_pattern, s[m.unit_end: m.unit_end + 40]):
        return False  # 15分钟生活圈: a name
    unit_text = s[m.start + len(number): m.unit_end]
    named = match_word(after_number, 0, lex.after_words)
    if named and len(unit_text) > len(named) and unit_text.startswith(named):
        named = None  # 3个工作日: the unit is longer than the name word (个工作)
    if named or s.startswith(lex.after_words, m.unit_end):
        return False
    if contains_any(s[m.unit_end: m.unit_end + 8], lex.near_after):
        return False  # 十三届二次全会
    for found in idiom().finditer(s, max(0, m.start - 8), m.start + 8):
        if found.start() <= m.start < found.end():
            return False
    if m.unit_kind == "duration" and (after.startswith(("内", "以内")) or "圈" in s[m.unit_end: m.unit_end + 7]):
        return False  # 1个月内: a deadline; 15分钟…圈: a name
    if m.unit_kind == "age":
        rest = re.sub(r"^(及以上|以上|及以下|以下|以内)", "", s[m.unit_end: m.unit_end + 12])
        if not before.endswith(lex.age_verbs) or rest.startswith(lex.age_nouns) or m.comparator == "range":
            return False  # 65岁及以上老年人, 3岁以下, 6—9岁: who is covered
    return True


def _a_rank(s: str, m: Mention) -> bool:
    """居全省前3; a place in 位/名 after 位列 in its clause (位列…百强第90位); a move in 位 in a sentence that
    ranks (位列…,分别提高5位、6位)."""
    lex = rules()
    if _shapes()["rank"].search(s[max(0, m.start - 12): m.start]):
        return True
    if m.unit_kind == "count" and _shapes()["ranked_count"].match(s, m.unit_end):
        return True  # 4个县(市)GDP增速进入全省前十, 13个镇入围前100名, 在11个设区市中并列第一: how many a ranking lists
    if not contains_any(s[: m.start], lex.rank_place_verbs):
        return False
    if s[m.start + len(m.number_text): m.unit_end].strip() in lex.rank_place_units \
            and contains_any(s[clause_start(s, m.start): m.start], lex.rank_place_verbs):
        return True
    return _unit_or_listed_unit(s, m) == lex.rank_moves_unit


def _names_one_project(s: str, m: Mention) -> bool:
    """The rest of the number's clause names a project and counts nothing (…的晋开延化“6080”项目正式投产)."""
    named = s[m.unit_end: clause_end(s, m.unit_end)]
    unquoted = re.sub(r"“[^”]*”|\([^)]*\)", "", named)  # digits inside a name (“6080”, (一期)) count nothing
    return re.search(rules().own_items["project_nouns"], named) is not None and re.search(r"\d", unquoted) is None


def _unit_or_listed_unit(s: str, m: Mention) -> str:
    """The unit written after the number, or after the last number of the list it opens (5位、6位、13位; 5、6、13位)."""
    own = s[m.start + len(m.number_text): m.unit_end].strip()
    if own:
        return own
    listed = _shapes()["listed_unit"].match(s, m.unit_end)
    return listed.group(1) if listed else ""


def _a_category(counted: str) -> bool:
    """工程建设类 (or 工程类项目) before a count of the list's items: a category of them (not 10类 before 40项:
    kinds, then items)."""
    marker = rules().own_items["category_marker"]
    for noun in rules().own_items["category_nouns"]:
        counted = counted.removesuffix(noun)  # 工程类项目21项: the category names its items
    return counted.endswith(marker) and re.search(rf"[\d{NUMERAL_CHARS}]$", counted[: -len(marker)]) is None


def _inside_brackets(s: str, pos: int) -> bool:
    """Inside “...”, 《...》 or 〔...〕: a name, not an amount."""
    for open_, close in (("“", "”"), ("《", "》"), ("〔", "〕"), ('"', '"')):
        if open_ == close:
            if s[:pos].count(open_) % 2 == 1:
                return True
            continue
        left = s.rfind(open_, 0, pos)
        if left >= 0 and s.find(close, left) >= pos and s.rfind(close, 0, pos) < left:
            inner_end = s.find(close, left)
            if inner_end - left <= 30:
                return True
    return False


def _after_modifier(s: str, pos: int) -> int:
    """Where the noun after a count starts, past a modifier (10件重点民生实事) or a few words that qualify
    it (55项细化的民生实事项目)."""
    modifier = match_word(s, pos, rules().plan_item_modifiers)
    if modifier:
        return pos + len(modifier)
    qualified = _shapes()["qualified_own_items"].match(s, pos)
    return pos + len(qualified.group(1)) if qualified else pos


def _baseline(s: str, m: Mention) -> bool:
    """A number after 从/由 in its clause whose move to a new level (提高到, 调至) follows, past only
    other baselines of the same move (由月人均420元、年人均2400元统一调至月人均660元)."""
    head = s[clause_start(s, m.start): m.start]
    opener = max(head.rfind(w) for w in rules().shapes["baseline_openers"])
    if opener < 0 or len(head) - opener > 24 or re.search(change_to(), head[opener:]):
        return False
    more_baselines = r"(?:[、和与][^\d,;、]{0,8}[\d.]+[^\d,;、]{0,3})*"
    return re.match(rf"{more_baselines}[^\d,;、]{{0,8}}?{change_to()}", s[m.end: clause_end(s, m.end)]) is not None


def _own_items_named_after(s: str, pos: int) -> bool:
    """10项2024年海南省级民生实事项目: the plan's own items named after a year and a few words."""
    nouns = "|".join(map(re.escape, rules().plan_item_own_nouns))
    return re.match(rf"{YEAR_NAMED_RE.pattern}[^,;。:]{{0,8}}?(?:{nouns})", s[pos:]) is not None


def _plan_item_count(s: str, m: Mention) -> bool:
    """17项超额完成, 3个项目已完成: a count of the plan's own items by their status."""
    if m.unit not in rules().plan_item_units:
        return False
    after = plan_items()[0].match(s, m.unit_end)
    return bool(after) and (m.unit != "个" or after.group(0) not in rules().plan_item_status)


def _plan_item_share(s: str, m: Mention) -> bool:
    """…17项超额完成、占比56.67%, 完成年度计划的112.5%: a share of the plan's items or of its plan."""
    before = s[max(0, m.start - 40): m.start]
    _, share, execution = plan_items()
    return bool(share.search(before) or execution.search(before))


def drop_qualifiers(s: str, mentions: list[Mention]) -> list[Mention]:
    """县域内住院率达到85%的县(市)占比达到50%: a number before 的 that qualifies a noun,
    with the clause's own number later, is not a row; nor is one that says which places
    are meant (人口超过3万人的乡镇全部建成…)."""
    kept = []
    described, head_counts = rules().described_nouns, rules().described_by_units
    for i, m in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None  # mentions are in text order
        if s.startswith("的", m.end) and not s.startswith(rules().amount_before_de, m.end) \
                and following and following.start < clause_end(s, m.end) \
                and not re.fullmatch(r"[、和与及\s]*", s[m.end + 1: following.start]):
            continue
        if m.unit in head_counts and s.startswith("的", m.end) and s.startswith(described, m.end + 1):
            continue
        if _counts_whose_amount_follows(s, m, following):
            continue
        kept.append(m)
    return kept


def _counts_whose_amount_follows(s: str, m: Mention, following: Mention | None) -> bool:
    """254宗市重点项目累计完成投资348.1亿元, 33户大企业集团工业产值增长8%: a count opening its clause
    that names whose amount or change the clause then gives is a qualifier, not a row."""
    if m.unit_kind != "count" or following is None or following.unit_kind not in ("money", "percent"):
        return False
    lo = clause_start(s, m.start)
    between = s[m.end: following.start]
    opening = s[lo: m.start].strip()  # nothing or a scope (全市) before the count: not 为3000名…发放
    return following.start < clause_end(s, m.end) and (not opening or opening in rules().clause_scopes) \
        and len(between) <= 20 and not re.search(r"[,;]", between) and not contains_any(between, rules().joiners)


def _gap_to_elsewhere(s: str, m: Mention) -> bool:
    """A clause after a number of its sentence that only says how far it is above or below another place's
    (比省增速高0.8%, 高于全国0.7个百分点, 高出全国和全省2.5、0.2个百分点)."""
    lo = clause_start(s, m.start)
    if not re.search(r"\d", YEAR_NAMED_RE.sub("", s[:lo])):
        return False  # a gap set on its own (增速高于全省平均1个百分点) is a target
    prefix = s[lo: m.start]
    return bool(_shapes()["gap_against"].search(prefix) or _shapes()["gap_higher"].search(prefix))


@lru_cache(maxsize=1)
def _shapes() -> dict[str, re.Pattern]:
    """The word lists of lexicon.toml [not_targets] as the patterns the checks above use, built once."""
    lex = rules()
    gap = lex.gap
    places, higher = alternation(tuple(gap["places"])), alternation(tuple(gap["comparisons"]))
    multiplier = f"(?:{alternation(lex.multiplier_words)})"
    spans, joiners = alternation(lex.span_units), alternation(lex.joiners)
    return {
        "described_own_items": re.compile(
            rf"[^\d,;:]{{1,{lex.plan_item_description_chars}}}?(?={alternation(lex.plan_item_own_nouns)})"),
        "qualified_own_items": re.compile(rf"([^\d,;。、]{{1,4}}?)(?={alternation(lex.plan_item_own_nouns)})"),
        "count_words": re.compile(rf"[,:]?(?:{alternation(tuple(lex.own_items['count_words']))})?[,:]?$"),
        "rank": re.compile(rf"(?:{alternation(lex.rank_verbs)})[^,;。]{{0,8}}{lex.rank_marker}$"),
        "listed_after": re.compile(rf"[,:(]?\s*(?:{alternation(lex.listed_after)})"),
        # (…4000亿、5000亿、6000亿元大关,2016年达到6257.2亿元)
        "thresholds_crossed": re.compile(
            rf"(?:(?:{alternation(lex.joiners)})\s*\d+(?:\.\d+)?\s*{multiplier}?)*\s*{multiplier}?\S{{0,2}}?"
            rf"(?:{alternation(lex.threshold_marks)})\s*[,、]?\s*(?:{YEAR_NAMED_RE.pattern})?\s*"
            rf"(?:{alternation(lex.restated_as)})\s*\d"),
        "group_bound": re.compile(rf"(?:{alternation(tuple(lex.own_items['group_bounds']))})[^\d,;]{{1,8}}\d|"
                                  rf"(?:{alternation(tuple(lex.own_items['group_nouns']))})"),
        "listed_unit": re.compile(rf"(?:(?:{alternation(lex.joiners)})\s*\d+(?:\.\d+)?)+\s*(\S)"),
        "ranked_count": re.compile(lex.ranked_count_pattern.replace("{rank_verbs}", alternation(lex.rank_verbs))),
        "listed_span": re.compile(rf"(?:{alternation(lex.span_before)})\s*\d+\s*(?:{spans})"
                                  rf"(?:(?:{joiners})\s*\d+\s*(?:{spans}))*(?:{joiners})\s*$"),
        "threshold": re.compile(rf"(?:{alternation(lex.threshold_verbs)})\s*$"),
        "restated": re.compile(rf"\s*[、,]?\s*(?:{alternation(lex.restated_as)})\s*\d"),
        "gap_against": re.compile(rf"(?:{alternation(tuple(gap['against']))})(?:{places})[^,;]{{0,12}}?(?:{higher})$"),
        # (…高于全国0.2个、0.6个百分点: the list's numbers before this one too)
        "gap_higher": re.compile(rf"(?:{higher})(?:{places})(?:[{''.join(lex.joiners)}](?:{places}))?[^,;\d]{{0,10}}"
                                 rf"(?:\d+(?:\.\d+)?[^,;\d]{{0,2}}?(?:{joiners})\s*)*$"),
    }


def _about_proposals(s: str, m: Mention) -> bool:
    """The number's clause speaks of deputies' proposals handled; a share (占38.8%) speaks of the clause before."""
    lo = clause_start(s, m.start)
    if lo > 0 and s[lo: m.start].strip() in rules().plan_item_share_words:
        lo = clause_start(s, lo - 1)
    return contains_any(s[lo: clause_end(s, m.end)], rules().proposal_words)

