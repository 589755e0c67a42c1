"""The domain of a row: its section's, unless the clause holding the number clearly speaks
of another; under a heading that names no one domain, what is measured says it."""
from __future__ import annotations

from flows import lexicon
from flows.structure import Section, domain_of, domain_scores
from flows.targets.model import DocumentContext, Mention
from flows.text.clauses import clause_end, clause_start


def _domain_in_context(s: str, m: Mention, section: Section | None, indicator: str = "",
                      ctx: DocumentContext | None = None) -> str:
    """The section's domain, unless the clause holding the number clearly speaks of another.
    Under a heading that names no one domain (切实保障和改善民生, 办好教育、医疗、养老等民生实事)
    the row's own words say it: what is measured, then its clause, then its sentence."""
    domain = section.domain if section else "other"
    clause = s[clause_start(s, m.start): clause_end(s, m.end)]
    if section is None or (ctx is not None and ctx.generic_sections and section.section_id in ctx.generic_sections):
        # what is measured decides; its clause, then its sentence, break ties and speak where it is silent
        head = indicator.rsplit("的", 1)[-1]  # 取得职业技能等级证书的养老护理员…: who qualifies, not what
        own = domain_scores(head) or domain_scores(indicator)
        around, sentence = domain_scores(clause), domain_scores(s)
        candidates = [code for code, score in own.items() if score == max(own.values())] if own else \
            list(around) or list(sentence)
        if candidates:
            return max(candidates, key=lambda code: (around.get(code, 0), sentence.get(code, 0), code == domain))
        return domain
    for text, floor in ((clause, 2), (s, 4)):
        scores = domain_scores(text)
        if not scores:
            continue
        top, score = max(scores.items(), key=lambda kv: kv[1])
        own = scores.get(domain, 0)
        if top != domain and own == 0 and (score >= floor or domain == "other"):
            return top
        if own:
            return domain
    return domain


def domain_of_row(s: str, m: Mention, section: Section | None, indicator: str, ctx: DocumentContext,
                  before: tuple[str, ...] = ()) -> str:
    """The row's domain: other for the money put into the year's matters as a whole; else as its section
    and clause say; when they say nothing, what is measured; then what comes before it (the sentence before
    in its paragraph, the line before), which often names the item it goes on reporting
    (实施易地扶贫搬迁工程。截至6月底,已动工…)."""
    measured = domain_of(indicator)
    if m.unit_kind == "money" and measured in (None, "economy") and \
            any(w in s[:m.start] for w in lexicon.mapping("domain")["matters_as_a_whole"]):
        return "other"  # 民生实事项目…计划总投资48亿元,年度计划投资12亿元: the matters' money, no one domain's
    domain = _domain_in_context(s, m, section, indicator, ctx)
    if domain == "other":  # nothing in the section or clause: what is measured may say it, else what came before
        domain = measured or next((found for text in before if (found := domain_of(text))), "other")
    return domain
