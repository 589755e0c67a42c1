"""The indicator phrase of a number: the words of its clause that say what is measured.

indicator_parts() takes the subject before the number and the noun after it; strip_fillers()
drops years, scope and intent words before and verbs and comparators after (lexicon
[indicator]); split_items() and distribute_head() make one phrase per item of a list that
shares one measured head (工伤保险、失业保险参保人数); standard_indicator() names what a
standard pays (按1500元/人的标准发放求职创业补贴); context_before() lends a phrase the clause
or sentence before when its own says only how (补助, 最高不超过).
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.structure import without_lead_units
from flows.targets.model import Mention
from flows.targets.patterns import alternation, change_to, leading_verb, manner_clause, rules, standard_lead, standard_shape
from flows.text.clauses import clause_start
from flows.text.numerals import CHINESE_AMOUNT, NUMERAL_CHARS
from flows.text.years import YEAR, YEAR_NAMED_RE

SHORT_NOUN_CHARS = 4  # a noun this short between two numbers of a clause belongs to the second
BRACKET_DEPTH_OPEN, BRACKET_DEPTH_CLOSE = "(“《", ")”》"


YEAR_PHRASE = re.compile(rf"^(?:到|至|截至|于|在)?\s*(?:{YEAR}\s*年?\s*[-—–~至到]+\s*)?{YEAR}\s*年(?!(?:以前|以后|之前|之后|前|后|及以前|及以后)?出生)(?:底前|年底|底|末|前|内|起|度|全年)?(?:前)?|^“?十[三四五]五”?(?:时期|期间|期末|末)?")


RATE_BASE_AT_END = re.compile(r"(?:按照?)?每(?:人次|人|户|生|名)(?:每(?:学年|年|月|天))?$")
RATE_BASE_WORDS = r"(?:[年月]?(?:人均|户均))"  # 调至月人均660元: the base is in the unit


@lru_cache(maxsize=1)
def fillers() -> tuple[re.Pattern, re.Pattern]:
    lex = rules()
    # a year phrase, a month deadline (6月底前), or a filler word
    # (a month or a span of months: 6月底前, 1-12月份)
    leading = re.compile(rf"^(?:{YEAR_PHRASE.pattern[1:]}|(?:\d{{1,2}}\s*[-—~至]\s*)?\d{{1,2}}月(?:底|末|份)?(?:前|内|起)?|"
                         rf"(?:{alternation(lex.leading)}))[ ,、:;]*")
    trailing_words = list(lex.trailing) + [w for w, _ in lex.cmp_before]
    # 均 (each) ends a subject, but 人均/户均/生均 are words of the indicator
    alternatives = [rf"(?<![人户生年]){re.escape(w)}" if w == "均" else re.escape(w)
                    for w in sorted(set(trailing_words), key=len, reverse=True)]
    trailing = re.compile(rf"[ ,、:;]*(?:{'|'.join(alternatives)})$")
    return leading, trailing


NAMED_EXAMPLES = re.compile(r"^([^,;、]{1,24}(?:、[^,;、]{1,24})+)等(?=[\u4e00-\u9fff]{2})")


def _without_named_examples(phrase: str) -> str:
    """A卫生院、B卫生院、C医院等中心卫生院: the named examples are of the noun after 等, which is
    what is counted; a list of kinds (就业创业、技能提升等活动) is kept, it says what is meant."""
    match = NAMED_EXAMPLES.match(phrase)
    if not match:
        return phrase
    noun = phrase[match.end(): match.end() + 6]
    if any(len(item) >= 3 and item.rstrip(")")[-2:] in noun for item in match.group(1).split("、")):
        return phrase[match.end():]
    return phrase


@lru_cache(maxsize=1)
def _ends() -> dict[str, re.Pattern]:
    """Words at the end of a phrase that say how it moved, not what: a baseline's (从150元提高到) and a
    round threshold restated before the exact amount (突破百亿元、达)."""
    return {
        # (…由2010年的77亿元跃升到2015年的: the year of the new level too)
        "baseline": re.compile(rf"(?:{alternation(rules().shapes['baseline_openers'])})[^,;]{{0,24}}?{change_to()}"
                               rf"(?:{YEAR_NAMED_RE.pattern}\S?)?(?:{RATE_BASE_WORDS}|{RATE_BASE_AT_END.pattern})?$"),
        "restated_threshold": re.compile(rf"(?:{alternation(rules().threshold_verbs)})(?:{CHINESE_AMOUNT.pattern}|[\d.]+[{NUMERAL_CHARS}]?)"
                                         rf"[^\d,;、]{{0,2}}[、,]?(?:{alternation(rules().restated_as)})?$"),
    }


def strip_fillers(phrase: str) -> str:
    """Strip year phrases, scope words and intent verbs from the start of an indicator
    phrase, and verbs and comparator words from its end (lists in lexicon.toml)."""
    leading, trailing = fillers()
    # a bullet that opens an item (*30个…, ▶新建…); a run of * is a redaction and stays
    phrase = re.sub(r"^(?:\*(?!\*)|[•·▶►●■◆◇□☆★]\s*)+", "", phrase.strip(" ,、:;"))
    phrase = re.sub(r"^(\(\d{1,3}\)|\d{1,3}[.、](?!\d)|\d{1,3}\s+(?=\D)|[(（]?[一二三四五六七八九十]{1,3}[)）、])", "", phrase)
    phrase = re.sub(rf"(较|比|与|同)\s*{YEAR}\s*年(底|末)?(相比)?", "", phrase)  # a baseline year
    phrase = _ends()["baseline"].sub("", phrase)  # …从150元提高到 (the baseline's words)
    phrase = _without_named_examples(phrase)
    # …突破百亿元、达: a round threshold restated before the exact amount is not what is measured
    phrase = _ends()["restated_threshold"].sub("", phrase)
    phrase = re.sub(r"\d+对$", "", phrase)  # 服务区2对4个: the pairs, counted in the unit after
    phrase = re.sub(r"每[\d十百千万]+(常住)?人口?$", "", phrase)  # 达到每千人5批次: the base is in the unit
    # 由各县(区)财政按照…: who pays is not what is measured
    phrase = re.sub(r"^由[^,;]{1,16}?(财政|政府|部门|单位)", "", phrase)
    phrase = re.sub(r"^(?:中央|省|市|县|区|县\(区\)|各级|本级)级?财政(?!收入|总收入|支出|预算)", "", phrase)  # 县财政一次性补助: the payer
    for _ in range(12):  # bounded: each round removes at least one word
        before = phrase
        m = leading.match(phrase)
        if m and 0 < m.end() < len(phrase):
            phrase = phrase[m.end():]
        m = trailing.search(phrase)
        if m and 0 < m.start():
            phrase = phrase[: m.start()]
        m = RATE_BASE_AT_END.search(phrase)  # 提高到每人每年: the base is in the unit already
        if m and 0 < m.start():
            phrase = phrase[: m.start()]
        if phrase == before:
            break
    return phrase.strip(" ,、:;和与及的")


def split_items(phrase: str) -> list[str]:
    """Split at 、 (else at 和与及) outside brackets and quotes; an item needs two characters."""
    top = _split_at(phrase, ("、",))
    if len(top) > 1:
        return top
    return _split_at(phrase, rules().split_joiners)


def _split_at(phrase: str, joiners: tuple[str, ...]) -> list[str]:
    items, depth, current, i = [], 0, "", 0
    while i < len(phrase):
        ch = phrase[i]
        if ch in BRACKET_DEPTH_OPEN:
            depth += 1
        elif ch in BRACKET_DEPTH_CLOSE:
            depth = max(0, depth - 1)
        joiner = None
        if depth == 0:
            for j in joiners:
                if phrase.startswith(j, i):
                    joiner = j
                    break
        if joiner and len(current) >= 2 and len(phrase) - i - len(joiner) >= 2:
            items.append(current)
            current = ""
            i += len(joiner)
            continue
        current += ch
        i += 1
    items.append(current)
    if any(len(x.strip()) < 2 for x in items):
        return [phrase]
    return [x.strip() for x in items]


def ends_with_head(item: str) -> str | None:
    for head in rules().heads:
        if item.endswith(head):
            return head
    return None


def distribute_head(items: list[str]) -> list[str]:
    """工伤保险、失业保险、基本养老保险参保人数 -> each with 参保人数."""
    last = items[-1]
    head = ends_with_head(last)
    if not head:
        return items
    suffix = None
    tail = items[0][-2:]
    pos = last.rfind(tail)
    if len(items[0]) >= 2 and 0 <= pos < len(last) - 2:
        suffix = last[pos + 2:]
    if not suffix:
        suffix = _suffix_after_same_kind_of_scope(items[0], last, head)
    if not suffix:
        suffix = head if len(head) >= 3 else last[-(len(head) + 2):]
    return [item if ends_with_head(item) else item + suffix for item in items[:-1]] + [last]


def short_scopes_sharing_a_head(items: list[str]) -> bool:
    """自然村和农户覆盖率达50%: short scopes before one measured head are one row each (guide 1),
    but not verbs (新建和改扩建幼儿园) nor long phrases (the joiner may be inside a name)."""
    verb_of = leading_verb()
    return (len(items) == 2 and bool(ends_with_head(items[-1])) and 2 <= len(items[0]) <= 4
            and not ends_with_head(items[0]) and not verb_of.match(items[0]) and not verb_of.match(items[-1])
            and not fillers()[0].match(items[0])
            and not items[-1].startswith(rules().qualifier_words)  # 二级及以上, 65岁及以上: one qualifier
            and ends_with_head(items[-1]) not in rules().share_heads)  # 公办园和民办园…占比: one share of both


def _suffix_after_same_kind_of_scope(first: str, last: str, head: str) -> str | None:
    """二级以上公立医院和社区卫生服务中心预约诊疗率: 医院 and 中心 are both institutions, so the
    shared part is what follows 中心 (预约诊疗率); 城市与农村居民…: 城市 and 农村 are places."""
    for words in rules().scope_kinds.values():
        if not first.endswith(tuple(words)):
            continue
        hits = [(m.end(), m.group(0)) for m in re.finditer(alternation(words), last)]
        for end, _ in reversed(hits):  # the scope nearest the head
            rest = last[end:]
            if len(rest) > len(head) and rest.endswith(head):
                return rest
    return None


def indicator_parts(s: str, mentions: list[Mention], i: int, clause_lo: int, clause_hi: int) -> tuple[str, str, str]:
    """(subject before the number, noun phrase after it, raw clause prefix).

    Between two numbers of one clause, text up to a joiner (和、与及) follows the first
    number and text after it precedes the second (新建30家A和20家B); with no joiner it
    belongs to the second (道路248公里桥梁308座), unless the second number only qualifies
    a noun (建设10个面积不少于1000平方米的综合体: the noun after 的 is the first's).
    """
    m = mentions[i]
    lo = clause_lo
    if i > 0 and mentions[i - 1].end > clause_lo:
        lo = mentions[i - 1].end
        region = s[lo: m.start]
        cut = max(region.rfind(j) for j in rules().joiners)
        if cut >= 0:
            lo = lo + cut + 1
    pre = without_lead_units(s[lo: m.start])
    post = without_lead_units(s[m.end: clause_hi])
    if i + 1 < len(mentions) and mentions[i + 1].start < clause_hi:
        following = mentions[i + 1]
        between = s[m.end: following.start]
        cut = max(between.rfind(j) for j in rules().joiners)
        if cut >= 0:
            post = without_lead_units(between[:cut])
        elif s.startswith("的", following.end):
            post = s[following.end + 1: clause_hi]
        elif len(between.strip()) <= SHORT_NOUN_CHARS:
            post = ""  # 道路248公里桥梁308座: a bare noun before a number is that number's
        else:
            post = between
    post = post.lstrip("的").strip()
    if post.lstrip("、").startswith(rules().rank_asides_after) or re.match(rules().rank_aside_pattern, post.lstrip("、")):
        post = ""  # 增长5.5%、增速居全省第8位: a rank beside the number names nothing of it
    if re.fullmatch(rf"[^,;。]{{0,4}}(?:{alternation(rules().threshold_marks)})", post):
        post = ""  # 跃上3000亿元台阶, 跨过3000亿元历史性节点: the step crossed names nothing of the amount
    post = re.sub(r"[、和与及]$", "", post)
    post = re.sub(r"^[((][^))]*[))]", "", post) if post.startswith(("(",)) and len(post) < 4 else post
    if re.match(r"[((][^))]*$", post) or re.fullmatch(r"[))]+|[((][^))]*[))]", post):
        post = ""  # 下降2%(剔除…因素,同口径增长9.2%), 下降2%(剔除…因素): an aside after the number names nothing
    return pre, post, s[clause_lo: m.start]


def standard_indicator(pre: str, post: str, context: str) -> str | None:
    """按N元/人的标准发放X, 按每人次N元给予X: what is paid is X, to whom the subject says;
    the row is X's standard (对毕业生按1500元/人的标准发放求职创业补贴 -> 毕业生求职创业补贴标准)."""
    shape = standard_shape().match(post)
    if not shape or not standard_lead().search(pre):
        return None
    paid = strip_fillers(shape.group(1))
    subject = strip_fillers(re.sub(r"^对", "", standard_lead().sub("", pre)))
    if not subject and context:
        subject = strip_fillers(re.sub(r"^对", "", context))
    if not paid and not subject:
        return None
    if not paid:
        return subject  # 面积按每千人不低于100平方米配置: the norm is the subject's own
    indicator = subject + paid
    return indicator if indicator.endswith("标准") else indicator + "标准"


def merge_indicator(pre: str, post: str) -> str:
    subject = strip_fillers(pre)
    if post and fillers()[0].fullmatch(subject):
        subject = ""  # 完成全市200座公厕改造: 全市 alone says nothing the noun after the number lacks
    noun = strip_fillers(post) if post else ""
    if noun and subject.endswith("等") and "、" in subject and _without_named_examples(subject + noun) == noun:
        subject = ""  # A卫生院、B医院等3家中心卫生院: examples of the noun counted after the number
    noun = strip_fillers(post) if post else ""
    noun = re.sub(r"^(的|之)", "", noun)
    if not subject:
        return noun
    if not noun or noun in subject:
        return subject
    return subject + noun


def context_before(s: str, clause_lo: int, previous: str = "") -> str:
    """The clause before this one, or the previous sentence of the paragraph, up to its own
    number: 完成X改造600户,每户补助标准… lends X改造, not 600户."""
    if clause_lo > 0:
        prev_lo = clause_start(s, clause_lo - 1)
        context = s[prev_lo: clause_lo - 1]
        if manner_clause().match(context) and prev_lo > 0:
            # 通过新建、改建等方式,按照…: how it is done says nothing of what; go one clause back
            context = s[clause_start(s, prev_lo - 1): prev_lo - 1]
    else:
        context = previous[-40:]
    number = re.search(r"\d", context)
    if number and number.start() >= 2:
        context = context[: number.start()]
    return context


def is_weak(indicator: str, strict: bool = False) -> bool:
    """An indicator that says only how (按…标准, 补助, 各类活动, 新增), not what; `strict`:
    it is only a cap or floor (最高不超过), which belongs to the clause before."""
    if strict:
        return bool(re.fullmatch(rf"(?:{alternation(rules().cap_words)})+", indicator))
    core = indicator
    for w in rules().weak_words:
        core = core.replace(w, "")
    return len(core) < 2


def cut_distributive(pre: str) -> tuple[str, bool]:
    """Subject before 分别/均/各/都, and whether one was there (not at the start: 各县 is scope)."""
    best = -1
    for w in rules().distributive:
        idx = pre.rfind(w)
        while idx > 1 and w == "均" and pre[idx - 1] in "人户生年":
            idx = pre.rfind(w, 0, idx)  # 人均, 户均, 生均, 年均 are words, not "each"
        if idx > 1 and idx > best:
            best = idx
    if best > 1:
        return pre[:best], True
    return pre, False


def bare_change(phrase: str) -> str | None:
    """The change an indicator phrase names and nothing else (增长; 过去五年年均增长, 同口径年均增长, 分别增长 with
    the span, basis or 分别 dropped), else None: such a phrase measures the change of the amount before it."""
    lex = rules()
    core = re.sub(rf"^(?:{lex.change_span_pattern})", "", phrase)
    for word in ("",) + lex.change_qualifiers + lex.change_openers:  # the fewest words dropped: 同口径增长 is one
        core = core.removeprefix(word) if word in lex.change_openers else core.replace(word, "")
        if core in lex.change_heads:
            return core
    return None


def multiple_of_base(phrase: str, unit: str | None) -> str | None:
    """What N倍 after 是2011年的 / 是“十一五”末的 measures (相当于2011年的倍数), else None: like a bare change, it
    is named after the amount before it."""
    lex = rules()
    m = re.fullmatch(lex.multiples["pattern"], phrase) if unit in lex.multiples["units"] else None
    return lex.multiples["name"].format(base=m.group("base")) if m else None


@lru_cache(maxsize=1)
def _multiple_tail() -> re.Pattern:
    before, after = rules().multiples["name"].split("{base}")
    return re.compile(rf"{re.escape(before)}.{{1,12}}?{re.escape(after)}$")


def without_change(phrase: str) -> str:
    """The amount an indicator phrase measures the change or multiple of (税收收入比上年增长 -> 税收收入;
    地区生产总值相当于2011年的倍数 -> 地区生产总值)."""
    tail = _multiple_tail().search(phrase)
    if tail and tail.start() > 0:
        return phrase[: tail.start()]
    head = next((h for h in sorted(rules().change_heads, key=len, reverse=True) if phrase.endswith(h)), "")
    return phrase[: len(phrase) - len(head)] if head and len(phrase) > len(head) else phrase

