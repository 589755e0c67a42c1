"""One typed view of the rules the targets stage reads (flows/rules/lexicon.toml), built once.

`rules()` gives the word lists under their targets-stage names (longest first where matched as an alternation)
and the patterns compiled from them; every module of the package reads the lexicon through it, none opens the TOML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows import lexicon
from flows.text.numerals import NUMERAL_CHARS, SMALL_NUMERAL_CHARS
from flows.text.years import YEAR, YEAR_NAMED_RE


def alternation(words) -> str:
    """A regex alternation of words, longest first."""
    return _alternation(tuple(words))


@lru_cache(maxsize=None)
def _alternation(words: tuple) -> str:  # the rules are fixed for a run: build each alternation once
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def alternation_of(words: tuple) -> re.Pattern:
    """The words, in their order, as one compiled alternation (a regex alternation tries its
    branches in order, as a loop over the words would)."""
    return re.compile("|".join(map(re.escape, words)) or r"(?!)")


def match_word(text: str, pos: int, words) -> str | None:
    """The first of `words` (in their order) that starts at pos."""
    if isinstance(words, tuple):  # the lexicon's word lists: one compiled alternation each
        match = alternation_of(words).match(text, pos)
        return match.group(0) if match else None
    for w in words:
        if text.startswith(w, pos):
            return w
    return None


def contains_any(text: str, words: tuple) -> bool:
    return alternation_of(words).search(text) is not None


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    """The lexicon as the targets stage reads it. Word tuples are longest first unless noted."""
    # amounts
    units: tuple[str, ...]  # unit words
    unit_map: dict  # unit word -> [unit, unit_kind]
    listed_unit_words: dict  # 个 -> 个百分点 where a list's last number writes it out
    cn_units: tuple[str, ...]  # unit words that may follow a Chinese numeral
    multipliers: list  # (word, factor), longest first
    multiplier_words: tuple[str, ...]
    fractions: dict  # 百分之 -> (unit, unit_kind)
    fraction_words: tuple[str, ...]
    implied: dict  # noun ending -> unit, when redaction lost the unit (18****连锁店)
    range_joiners: list  # in lexicon order
    alternate_chars: str  # 套(间、户): units that may follow in brackets
    # comparators
    cmp_before: list  # (word, code), longest first
    cmp_after: list  # (word, code), longest first
    cmp_inside: dict  # 余, 多 between number and unit
    # row attributes
    aspirational: tuple[str, ...]
    annual: tuple[str, ...]
    annual_openers: tuple[str, ...]
    cumulative: tuple[str, ...]
    period_total: tuple[str, ...]
    span_words: tuple[str, ...]
    achieved: tuple[str, ...]
    achieved_stock: tuple[str, ...]
    future_markers: tuple[str, ...]
    look_ahead: tuple[str, ...]
    money_cap_words: tuple[str, ...]
    standard_percent: tuple[str, ...]
    money_target_pattern: str
    money_delivery_verbs: tuple[str, ...]
    per_unit_pattern: str
    norm_words: tuple[str, ...]
    duration_target_verbs: tuple[str, ...]
    norm_words_per_unit: tuple[str, ...]
    # not targets
    after_words: tuple[str, ...]
    before_words: tuple[str, ...]  # lexicon order
    ratio_names: tuple[str, ...]  # 存贷比: a name, not 比 before a baseline
    idioms: tuple[str, ...]  # lexicon order
    age_nouns: tuple[str, ...]
    described_nouns: tuple[str, ...]
    described_by_units: tuple[str, ...]
    counted_after_da: tuple[str, ...]
    near_after: tuple[str, ...]
    kinds_units: tuple[str, ...]
    names_after_unit: dict  # unit -> regex of a name after it (15分钟生活圈)
    false_friends: tuple[str, ...]
    conditions: tuple[str, ...]
    age_verbs: tuple[str, ...]
    plan_item_units: tuple[str, ...]
    plan_item_nouns: tuple[str, ...]
    plan_item_status: tuple[str, ...]
    plan_item_share_words: tuple[str, ...]
    plan_execution_before: tuple[str, ...]
    plan_execution_links: tuple[str, ...]
    plan_item_modifiers: tuple[str, ...]  # 重点 in 10件重点民生实事
    plan_item_described_units: tuple[str, ...]  # 件 in 办好10件贴近民意、符合民需的民生实事
    plan_item_description_chars: int
    rank_verbs: tuple[str, ...]  # 居 in 居全省前3
    rank_place_verbs: tuple[str, ...]  # 位列 in 位列…百强第90位
    rank_place_units: tuple[str, ...]
    rank_moves_unit: str
    rank_marker: str  # 前 in 居全省前3
    ranked_count_pattern: str  # 进入全省前十 after 4个县
    occurrence_before: tuple[str, ...]  # 出现 in “发展”出现67次
    occurrence_units: tuple[str, ...]  # 次 in “发展”出现67次
    span_units: tuple[str, ...]  # 年 in 连续5年
    span_before: tuple[str, ...]  # 连续 in 连续5年
    yardstick_words: tuple[str, ...]  # 批准 in 完成区人代会批准增长8%以上目标
    yardstick_after: tuple[str, ...]  # 目标 in the same
    clause_scopes: tuple[str, ...]  # 全市 opening a clause
    listed_after: tuple[str, ...]  # 包括 in 10个,包括A、B…
    proposal_words: tuple[str, ...]  # 提案 in 办理提案572件
    suggestion_units: tuple[str, ...]  # 条 in 群众建议176条
    suggestion_word: str
    gap: dict  # 比全国高0.8%: against, places, comparisons
    own_items: dict  # 候选项目,共12项: count words and the status link before a count of the plan's own items
    threshold_verbs: tuple[str, ...]  # 突破 in 突破百亿元、达105.1亿元
    threshold_marks: tuple[str, ...]  # 大关 in 连续突破300、400、500亿元大关,达551.85亿元
    restated_as: tuple[str, ...]  # 达 in 突破百亿元、达105.1亿元
    plan_item_own_nouns: tuple[str, ...]  # 65件民生实事: a count of the plan's own items
    plan_item_own_units: tuple[str, ...]
    plan_item_chosen_before: tuple[str, ...]  # 选出了10项: the list's items as they were chosen
    meeting_words: tuple[str, ...]  # 实到…29人: a meeting's people
    meeting_words_after: tuple[str, ...]  # 365张表决票: a session's proceedings
    identifier_labels: tuple[str, ...]  # 索引号:…: an identifier
    year_followers: tuple[str, ...]  # 2025年, 2025届: a year, not an amount
    date_followers: tuple[str, ...]  # 6月, 3日: a date
    issue_units: tuple[str, ...]  # 期 in 2018年2期: a periodical's issue
    garbled_percent_from: float  # 7561% with no point: a point lost in copying
    month_words: tuple[str, ...]  # 11月15至16日: a day of the month after them
    lone_multipliers: tuple[str, ...]  # a lone 万 or 千 is a denominator or a name
    counted_multipliers: tuple[str, ...]  # ...but 百名, 千所 count
    counted_after_multiplier: tuple[str, ...]
    not_inside_comparator: tuple[str, ...]  # 多元, 多样: not 多 (more than)
    not_comparator_words: tuple[str, ...]  # 签约: not 约 (about)
    amount_before_de: tuple[str, ...]  # 300元的标准: 的 does not make the amount a qualifier
    one_off_words: tuple[str, ...]  # 一次性: paid once in a yearly sentence
    # indicator phrases
    weak_words: tuple[str, ...]
    cap_words: tuple[str, ...]
    leading: tuple[str, ...]
    trailing: tuple[str, ...]
    heads: tuple[str, ...]
    scope_kinds: dict  # kind -> words
    action_verbs: tuple[str, ...]
    distributive: tuple[str, ...]  # lexicon order
    change_heads: tuple[str, ...]
    multiples: dict  # units (倍 in 是2011年的2.58倍), pattern (是2011年的 before it), name (相当于{base}的倍数)
    change_baselines: tuple[str, ...]  # 比上年 left of 比上年提高 once its verb is stripped
    level_heads: tuple[str, ...]
    increment_words: tuple[str, ...]  # 新增 before what a level after it totals
    change_span_pattern: str
    change_qualifiers: tuple[str, ...]
    change_openers: tuple[str, ...]
    rank_asides_after: tuple[str, ...]
    rank_aside_pattern: str
    minus_signs: tuple[str, ...]
    fall_word: str
    aside_openers: tuple[str, ...]  # clauses between a number and its bare change (占计划的100%)
    joiners: tuple[str, ...]  # 、和与及: between the items of a list
    split_joiners: tuple[str, ...]  # 以及和与及, in lexicon order: where a phrase without 、 splits
    compound_scopes: dict  # 城乡 -> (城镇, 农村): one scope word naming two, for 分别 with two numbers
    share_heads: tuple[str, ...]  # 占比, 比例, 比重
    qualifier_words: tuple[str, ...]  # 以上, 以下, 以内 after a level
    breakdown_word: str  # 其中
    unit_from_indicator: dict  # indicator ending -> (unit, unit_kind)
    # rates
    per_capita: dict  # 人均 -> 人
    population_scopes: tuple[str, ...]  # 城镇 in 每万城镇常住人口
    per_capita_statistics: tuple[str, ...]  # 可支配收入 in 人均可支配收入: an average, in 元
    pop_bases: tuple[str, ...]
    money_bases: tuple[str, ...]
    base_aliases: dict
    subsidy_words: tuple[str, ...]
    recipient_nouns: tuple[str, ...]
    # years, tables, reports
    periods: dict  # “十四五” -> (2021, 2025)
    plan_work: tuple[str, ...]  # 规划中期评估 after a period's name: work on the plan, not a time frame
    percent_endings: str
    report_parts: dict
    shapes: dict  # sentence shapes: change, manner and standard words
    sector_ratio: dict  # 三次产业结构 14.7:34.3:51: subjects, links and the parts' names


@lru_cache(maxsize=1)
def rules() -> Rules:
    lex = lexicon.rules()
    units, nt, ind = lex["units"], lex["not_targets"], lex["indicator"]
    words = lexicon.words
    return Rules(
        units=_longest_first(units), unit_map=units, listed_unit_words=lex["ranges"]["listed_unit_words"],
        cn_units=_longest_first(set(lex["chinese_numeral_units"]["words"])),
        multipliers=sorted(lex["multipliers"].items(), key=lambda kv: len(kv[0]), reverse=True),
        multiplier_words=_longest_first(lex["multipliers"]),
        fractions={word: tuple(unit) for word, unit in lex["fractions"].items()},
        fraction_words=_longest_first(lex["fractions"]),
        implied=lex["implied_units"], range_joiners=lex["ranges"]["joiners"],
        alternate_chars=lex["alternates"]["pattern_chars"],
        cmp_before=sorted(lex["comparators_before"].items(), key=lambda kv: len(kv[0]), reverse=True),
        cmp_after=sorted(lex["comparators_after"].items(), key=lambda kv: len(kv[0]), reverse=True),
        cmp_inside=lex["comparators_inside"],
        aspirational=words("aspirational"), annual=words("recurrence_annual"),
        annual_openers=words("recurrence_annual", "clause_openers"), cumulative=words("cumulative"),
        period_total=words("cumulative", "period_total_words"), span_words=words("cumulative", "span_words"),
        achieved=words("achieved"), achieved_stock=words("achieved", "stock_words"),
        future_markers=words("achieved", "future_markers"), look_ahead=words("achieved", "look_ahead"),
        money_cap_words=words("standard", "money_cap_words"), standard_percent=words("standard", "percent_words"),
        money_target_pattern="|".join(words("standard", "money_target_words")),
        money_delivery_verbs=words("standard", "money_delivery_verbs"),
        per_unit_pattern=lex["standard"]["per_unit_pattern"], norm_words=words("standard", "norm_words"),
        duration_target_verbs=words("standard", "duration_target_verbs"),
        norm_words_per_unit=words("standard", "norm_words_per_unit"),
        after_words=_longest_first(nt["after_words"]), before_words=tuple(nt["before_words"]), ratio_names=tuple(nt["ratio_names"]),
        idioms=tuple(nt["idioms"]), age_nouns=tuple(nt["age_qualified_nouns"]),
        described_nouns=tuple(nt["described_nouns"]), described_by_units=tuple(nt["described_by_units"]),
        counted_after_da=tuple(nt["counted_after_da"]), near_after=tuple(nt["near_after_words"]),
        kinds_units=tuple(nt["kinds_units"]), names_after_unit=dict(nt["names_after_unit"]),
        false_friends=tuple(nt["unit_false_friends"]), conditions=tuple(nt["condition_words"]),
        age_verbs=tuple(nt["age_level_verbs"]), plan_item_units=tuple(nt["plan_item_units"]),
        plan_item_nouns=_longest_first(nt["plan_item_nouns"]), plan_item_status=_longest_first(nt["plan_item_status"]),
        plan_item_share_words=_longest_first(nt["plan_item_share_words"]),
        plan_execution_before=_longest_first(nt["plan_execution_before"]),
        plan_execution_links=tuple(nt["plan_execution_links"]),
        plan_item_modifiers=_longest_first(nt["plan_item_modifiers"]),
        plan_item_described_units=tuple(nt["plan_item_described_units"]),
        plan_item_description_chars=nt["plan_item_description_chars"],
        rank_verbs=_longest_first(nt["rank_verbs"]), rank_marker=nt["rank_marker"], ranked_count_pattern=nt["ranked_count_pattern"],
        rank_place_verbs=_longest_first(nt["rank_place_verbs"]), rank_place_units=tuple(nt["rank_place_units"]),
        rank_moves_unit=nt["rank_moves_unit"],
        occurrence_before=tuple(nt["occurrence_before"]), occurrence_units=tuple(nt["occurrence_units"]),
        span_units=tuple(nt["span_units"]), span_before=tuple(nt["span_before"]),
        yardstick_words=tuple(nt["yardstick_words"]), yardstick_after=tuple(nt["yardstick_after"]),
        clause_scopes=tuple(nt["clause_scopes"]), listed_after=tuple(nt["listed_after"]),
        proposal_words=tuple(nt["proposal_words"]), suggestion_units=tuple(nt["suggestion_units"]),
        suggestion_word=nt["suggestion_word"],
        gap=nt["gap"],
        own_items=nt["own_items"],
        threshold_verbs=_longest_first(nt["threshold_verbs"]), restated_as=_longest_first(nt["restated_as"]),
        threshold_marks=_longest_first(nt["threshold_marks"]),
        plan_item_own_nouns=_longest_first(nt["plan_item_own_nouns"]), plan_item_own_units=tuple(nt["plan_item_own_units"]),
        plan_item_chosen_before=_longest_first(nt["plan_item_chosen_before"]),
        meeting_words=tuple(nt["meeting_words"]), meeting_words_after=tuple(nt["meeting_words_after"]), identifier_labels=tuple(nt["identifier_labels"]),
        year_followers=tuple(nt["year_followers"]), date_followers=tuple(nt["date_followers"]),
        issue_units=tuple(nt["issue_units"]), garbled_percent_from=float(nt["garbled_percent_from"]),
        month_words=tuple(nt["month_words"]),
        lone_multipliers=tuple(nt["lone_multipliers"]), counted_multipliers=tuple(nt["counted_multipliers"]),
        counted_after_multiplier=tuple(nt["counted_after_multiplier"]),
        not_inside_comparator=tuple(nt["not_inside_comparator"]), not_comparator_words=tuple(nt["not_comparator_words"]), amount_before_de=tuple(nt["amount_before_de"]),
        one_off_words=tuple(lex["recurrence_annual"]["one_off_words"]),
        weak_words=_longest_first(ind["weak_words"]), cap_words=_longest_first(ind["cap_words"]),
        leading=_longest_first(ind["leading_fillers"]), trailing=_longest_first(ind["trailing_fillers"]),
        heads=_longest_first(ind["heads"]), scope_kinds={kind: _longest_first(kind_words) for kind, kind_words in ind["scope_kinds"].items()},
        action_verbs=_longest_first(ind["action_verbs"]), distributive=tuple(ind["distributive"]),
        change_heads=tuple(ind["change_heads"]), change_baselines=tuple(ind["change_baselines"]),
        multiples={k: ind[f"multiple_{k}"] for k in ("units", "pattern", "name")}, level_heads=tuple(ind["level_heads"]),
        increment_words=tuple(ind["increment_words"]), change_span_pattern=ind["change_span_pattern"],
        change_qualifiers=tuple(ind["change_qualifiers"]),
        change_openers=tuple(ind["change_openers"]), rank_asides_after=tuple(ind["rank_asides_after"]), rank_aside_pattern=ind["rank_aside_pattern"],
        minus_signs=tuple(ind["minus_signs"]), fall_word=ind["fall_word"], aside_openers=tuple(ind["aside_openers"]),
        joiners=tuple(ind["item_joiners"]),
        split_joiners=tuple(ind["split_joiners"]), share_heads=tuple(ind["share_heads"]),
        compound_scopes={word: tuple(parts) for word, parts in ind["compound_scopes"].items()},
        qualifier_words=tuple(ind["qualifier_words"]), breakdown_word=ind["breakdown_word"],
        unit_from_indicator=lex["units_from_indicator"],
        per_capita=lex["per_capita"], per_capita_statistics=_longest_first(lex["rates"]["per_capita_statistics"]),
        population_scopes=_longest_first(lex["rates"]["population_scopes"]), pop_bases=_longest_first(lex["rates"]["population_bases"]),
        money_bases=_longest_first(lex["rates"]["money_bases"]), base_aliases=lex["rates"]["base_aliases"],
        subsidy_words=tuple(lex["rates"]["subsidy_words"]),
        recipient_nouns=_longest_first(lex["rates"]["recipient_nouns"]),
        periods=lex["periods"], plan_work=tuple(lex["period_words"]["plan_work"]),
        percent_endings="(" + "|".join(map(re.escape, lex["indicator_tables"]["percent_endings"])) + r")$",
        report_parts=lex["report_parts"], shapes=lex["shapes"], sector_ratio=lex["sector_ratio"],
    )


# ---- patterns compiled from the rules, once each ----------------------------------------------

@lru_cache(maxsize=1)
def candidate() -> re.Pattern:
    """A sentence worth reading: a digit, a Chinese numeral before a unit, or a named period."""
    lex = rules()
    return re.compile(rf"\d|[{NUMERAL_CHARS}]+(?:余|多)?(?:{alternation(lex.cn_units)}|大)|"
                      rf"{alternation(lex.fraction_words)}|"
                      rf"{alternation(lex.periods)}")


@lru_cache(maxsize=1)
def idiom() -> re.Pattern:
    return re.compile(alternation(rules().idioms))


@lru_cache(maxsize=1)
def plan_items() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(status after a count, a share of counted items before a number, a plan-execution ratio)."""
    lex = rules()
    nouns, status = alternation(lex.plan_item_nouns), alternation(lex.plan_item_status)
    after = re.compile(rf"(?:{nouns})?(?:{status})")
    number = r"(?:\d+|[一二两三四五六七八九十百]+)"
    count = rf"{number}\s*(?:{alternation(lex.plan_item_units)})(?:{nouns})?(?:{status})"
    status_first = rf"(?:{status})\s*{number}\s*(?:{alternation(lex.plan_item_units)})"  # 已完成26件,完成率40%
    share = re.compile(rf"(?:{count}|{status_first})[、,]?\s*(?:{alternation(lex.plan_item_share_words)})\s*$")
    execution = re.compile(  # …and each of a pair or series after it (分别完成年度目标任务的82.3%和80.4%)
        rf"(?:{alternation(lex.plan_execution_before)})\s*(?:{alternation(lex.plan_execution_links)})?\s*"
        rf"(?:\d+(?:\.\d+)?\s*%\s*(?:和|、|与|及)\s*)*$")
    return after, share, execution


@lru_cache(maxsize=1)
def change_to() -> str:
    """提高到, 降低至…: a move from a baseline to a new level (从150元提高到180元)."""
    shapes = rules().shapes
    return rf"(?:{alternation(shapes['change_verbs'])})(?:{alternation(shapes['change_links'])})"


@lru_cache(maxsize=1)
def manner_clause() -> re.Pattern:
    """通过新建、改建等方式: a clause that says how, not what."""
    shapes = rules().shapes
    return re.compile(rf"^(?:{alternation(shapes['manner_openers'])})[^,;]*(?:{alternation(shapes['manner_endings'])})$")


@lru_cache(maxsize=1)
def standard_shape() -> re.Pattern:
    """What follows the amount in 按N元的标准发放X / 参照N元设定X / 按每千人N平方米配置."""
    shapes = rules().shapes
    pay, head = alternation(shapes["standard_pay_verbs"]), alternation(shapes["standard_pay_verbs"][:3])
    return re.compile(rf"^(?:标准(?:{pay})?|{head}|{alternation(shapes['standard_set_verbs'])}|"
                      rf"(?:{alternation(shapes['standard_provide_verbs'])})$)(.*)$")


@lru_cache(maxsize=1)
def standard_lead() -> re.Pattern:
    """What precedes the amount: 按照, 参照…, perhaps a per-unit base and a floor or cap."""
    leads = alternation(rules().shapes["standard_leads"])
    return re.compile(rf"(?:{leads})(?:每[^,;]{{0,6}})?(?:不低于|不超过|不高于|最高|最低)?$")


@lru_cache(maxsize=1)
def leading_verb() -> re.Pattern:
    verbs = alternation(rules().action_verbs)
    return re.compile(rf"^(?:{verbs})(?:[、和及与](?:{verbs}))*")


@lru_cache(maxsize=1)
def plan_span() -> re.Pattern:
    """三年累计, 五年内: a span of years the plan's own length may match."""
    words = alternation(rules().span_words)
    return re.compile(rf"(?<![\d{SMALL_NUMERAL_CHARS}])([{SMALL_NUMERAL_CHARS}]|\d)\s*年(?:{words})")


@lru_cache(maxsize=1)
def report_cues() -> dict[str, re.Pattern]:
    """Opening words of a report's sentences: review, plan, spans back or forward, periods, years."""
    words = rules().report_parts
    numeral = r"(\d{1,2}|[一二两三四五六七八九十]{1,2})"
    periods = alternation(rules().periods)
    return {
        "review": re.compile(alternation(words["review_openers"])),
        "plan": re.compile(alternation(words["plan_openers"])),
        "back": re.compile(rf"(?:{alternation(words['backward_spans'])}){numeral}年|"
                           rf"(?<![\d一二两三四五六七八九十]){numeral}年(?:{alternation(words['backward_span_endings'])})"),
        "forward": re.compile(rf"(?:{alternation(words['forward_spans'])}){numeral}年"),
        "period": re.compile(rf"({periods})”?(?:{alternation(words['period_endings'])})"),
        # (2021年以来, opens a review up to now; 达到了2000年以来最好水平 opens nothing: 以来 must end the opening)
        "year": re.compile(rf"(?<![较比与从同至到])({YEAR})\s*年(?:(以来|来)(?=[,，]|我们|全[市县区省州旗盟])|"
                           rf"(?=[,，]|全年|是|我们|全[市县区省州旗盟]|{alternation(words['year_then_so_far'])}))"),
        "deadline": re.compile(rf"(?:{alternation(words['deadline_openers'])})\s*{YEAR_NAMED_RE.pattern}"),
        "completed": re.compile(rf"{YEAR_NAMED_RE.pattern}[^,;。]{{0,24}}?(?:{alternation(words['completion_words'])})"),
        "result": _result_statement(words["result_statement"]),
        "estimate": re.compile("".join(rf"(?<!{re.escape(w)})" for w in words["estimate_not_before"]) +
                               rf"{words['estimate_word']}(?!{alternation(words['estimate_not_after'])})"),
    }


def _result_statement(words: dict) -> re.Pattern:
    """A sentence that is only a result stated: a subject, then a predicate that ends it (基本公共服务持续改善),
    perhaps after the year it is of."""
    low, high = words["subject_chars"]
    predicate = "|".join(words["predicates"]) + rf"|(?:{alternation(words['adverbs'])})(?:{alternation(words['verbs'])})" \
        rf"|(?:{alternation(words['bare_verbs'])})"
    return re.compile(rf"{words['marks']}?\s*(?:{YEAR_NAMED_RE.pattern})?"  # 2019年高质量发展迈出坚实步伐: of that year
                      rf"(?!{alternation(words['doing_openers'])})([^,;:。\d]{{{low},{high}}}?)(?:{predicate})[。;]?\s*")
