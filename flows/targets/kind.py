"""The kind of a row: target, standard (a rate, norm or subsidy the policy applies) or
achieved (reported as done); targets guide §1 and §7."""
from __future__ import annotations

import re

from flows.targets.model import DocumentContext, Mention
from flows.targets.patterns import contains_any, rules
from flows.targets.report_parts import report_year
from flows.text.years import YEAR


def _has_multiplier(mention: Mention) -> bool:
    """The amount was written with 万 or 亿 (3万元, 1.2亿元, 三千万元)."""
    text = mention.number_text
    if text[:1].isdigit():
        try:
            return mention.value != float(text.replace(",", ""))
        except ValueError:
            return False
    return bool(re.search(r"[万亿]", text))


def wording_kind(clause_prefix: str, sentence_prefix: str, mention: Mention, unit: str, after: str = "") -> str:
    """achieved: reported as done; standard: a rate, norm or subsidy the policy applies;
    target otherwise (targets guide, section 1). `after` is the text after the unit."""
    lex = rules()
    years = list(re.finditer(rf"{YEAR}\s*年", sentence_prefix))
    if contains_any(clause_prefix, lex.achieved) or (years and sentence_prefix.startswith("已", years[-1].end())):
        # 2024年已完成…: but not for a number after a later year (…;2025年重点加快…5个)
        return "achieved"
    # 现有, 共有 report a stock, unless the clause looks ahead (到2027年整合现有资源建立1个)
    if contains_any(clause_prefix, lex.achieved_stock) and not contains_any(clause_prefix, lex.future_markers) \
            and not re.search(rf"(到|至){YEAR}年", clause_prefix):
        return "achieved"
    kind = mention.unit_kind
    if kind == "money" and contains_any(clause_prefix, lex.money_cap_words):
        return "standard"  # 贷款最高额度30万元: a cap on what one recipient gets
    if kind == "duration" and re.search(rf"(?:{'|'.join(lex.duration_target_verbs)})\s*$", clause_prefix):
        return "target"  # 平均反应时间缩短至12分钟: a level to reach
    if unit in lex.multiples["units"] and re.search(lex.multiples["pattern"], clause_prefix):
        return "target"  # 是2011年的2.58倍: how the amount before grew, like a change (a review reads it achieved)
    if kind == "duration" or unit == "倍" or (kind == "age" and "年龄" in clause_prefix):
        return "standard"
    # a norm said as one: 补助标准为…的10%, 按照300-500户标准, and 原则上 with a per-unit scope
    # (原则上每1万人口配备1所; 原则上不低于10% alone is a level to reach)
    if contains_any(clause_prefix, lex.norm_words) or (
            contains_any(clause_prefix, lex.norm_words_per_unit) and "每" in clause_prefix) or (
            after.startswith(("标准", "的标准")) and re.search(r"按照?[^,;]{0,6}$", clause_prefix)):
        return "standard"
    if kind == "money":
        money_target = re.search(lex.money_target_pattern, clause_prefix)
        if money_target and not contains_any(clause_prefix, lex.subsidy_words) \
                and not ("/" in unit and "每" in clause_prefix):
            return "target"  # 人均可支配收入达到5万元, 投资3亿元: amounts to reach (每村每年安排资金N元 is a norm)
        if "/" in unit:
            return "standard"
        if money_target:
            return "target"
        # a sum in 万/亿 delivered by a verb (发放消费券5000万元, 拨付…2亿元) is a quantity to
        # deliver; a subsidy word or a per-unit scope (每家…1万元) keeps it a standard
        if _has_multiplier(mention) and contains_any(clause_prefix, lex.money_delivery_verbs) \
                and not contains_any(sentence_prefix, lex.subsidy_words) \
                and not re.search(r"每[个家所户人村校院名]", sentence_prefix):
            return "target"
        return "standard"
    if "/" in unit:  # 张/千人 is a level to reach; 平方米/百户 is a provision norm
        return "standard" if kind == "area" else "target"
    # 按…标准 / 按…比例 sets a rate; 按时, 按期 (on time) and 按需 do not
    if re.search(r"按(?![时期需])照?[^,;]{0,20}标准", clause_prefix) or \
            re.search(r"按(?![时期需])照?[^,;]{0,30}$", clause_prefix) and kind in ("percent", "permille"):
        return "standard"
    if kind in ("percent", "permille", "pct_point"):
        return "standard" if contains_any(clause_prefix, lex.standard_percent) else "target"
    # counts: a per-unit provision of one (每个区布局1所, 各地均设置1所, 每年不少于一次)
    if mention.value == 1 and mention.value_high is None and re.search(lex.per_unit_pattern, sentence_prefix):
        return "standard"
    return "target"


def kind_of(wording: str, part: tuple | None, year: int | None, explicit: bool, sentence_prefix: str,
            ctx: DocumentContext, clause_prefix: str) -> str:
    """The row's kind: achieved in a report's review part (guide §7); achieved when its wording
    targets a year stated before the document's own (2022年 in a 2023 plan, “十三五”期间 in a
    十四五 plan) and the sentence does not still look ahead; else what its wording says."""
    if part and part[0] == "review":
        if wording == "target" and ctx.doc_type in rules().report_parts["review_doc_types"] \
                and contains_any(clause_prefix, tuple(rules().report_parts["planned_words"])):
            return "target"  # a progress report's 全年计划投入资金21.1亿元: the task, beside what was done
        return "achieved"
    if ctx.doc_type in rules().report_parts["review_doc_types"] and (
            contains_any(sentence_prefix, tuple(rules().report_parts["progress_result_words"])) or
            contains_any(clause_prefix, tuple(rules().report_parts["progress_done_words"]))):
        return "achieved"  # a progress table's result beside its task (地区生产总值同比增长2.9%), or done (已恢复…)
    reference_year = (report_year(ctx) if ctx.report else None) or ctx.issue_year or ctx.plan_start_year
    if wording == "target" and explicit and year is not None and reference_year and year < reference_year \
            and not contains_any(sentence_prefix, rules().look_ahead) and not ctx.single_year:
        return "achieved"
    return wording
