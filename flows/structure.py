"""Structure stage: the section tree of a cleaned text, with domain and lead unit.

Levels: 1 一、  2 (一)  3 1.  4 (1). A line of a '|' table is an item (level 3) under
its category cell, when the row names one. Each section takes the domain its heading
speaks of (keywords in flows/rules/domains.csv) or its parent's, and the lead unit
(牵头单位) it names or its parent's.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from flows import lexicon
from flows.text.lines import line_spans
from flows.text.numerals import HEADING_NUMERAL_CHARS
from flows.text.years import YEAR

CN_NUM = HEADING_NUMERAL_CHARS
HEADING_PATTERNS = (
    (1, re.compile(rf"^([{CN_NUM}]{{1,3}}、)\s*")),
    (2, re.compile(rf"^(\([{CN_NUM}]{{1,3}}\))\s*")),
    (3, re.compile(r"^(\d{1,3}[.、])(?![\d%])\s*")),
    (4, re.compile(r"^(\(\d{1,3}\))\s*")),
)
LEAD_PATTERNS = (
    re.compile(r"[(（]\s*(?:牵头单位|牵头部门|责任单位|牵头)\s*[:：]\s*([^)）]+?)\s*[)）]"),
    re.compile(r"[(（]\s*([^()（）,，;；:：]{2,60}?)牵头(?:[,，;；][^)）]*)?\s*[)）]"),  # (市人社局牵头,市财政局配合)
    re.compile(r"[(（]\s*([^()（）]{2,200}?)(?:按职责分工负责|按职责负责|分工负责|负责)\s*[)）]"),
    re.compile(r"(?:牵头单位|牵头部门|责任单位)\s*[:：]\s*([^。;\n)]+)"),
)
# A bracketed lead unit, (牵头单位:市卫生健康委), names who acts, not what the section is about;
# the closing bracket may be cut off by a clause break inside it.
LEAD_BRACKET = re.compile(r"[(（]\s*(?:(?:牵头单位|牵头部门|责任单位|配合单位)(?:\s*[:：][^)）]*)?|牵头\s*[:：][^)）]*|"
                          r"[^()（）,，;；:：]{2,60}?牵头(?:[,，;；][^)）]*)?)[)）]?")


def without_lead_units(text: str) -> str:
    return LEAD_BRACKET.sub("", text)


# A task table's deadline cell: a year (its group 1) with month and 底/前, or an open end.
DEADLINE_CELL = re.compile(rf"^(?:(?:于|在)?({YEAR})\s*年(?:\d{{1,2}}月)?(?:底|末|内)?(?:前)?(?:完成)?|长期|持续推进|全年)$")
ORG_END = re.compile(r"(局|委|厅|办|会|院|所|队|部|中心|公司|集团|政府|分局|联|团市委|法院|检察院|海关|银行)$")


@dataclass
class Section:
    section_id: str
    doc_id: str
    parent_id: str | None
    level: int
    label: str
    heading: str
    domain: str
    lead_unit: str | None
    char_start: int
    char_end: int
    own_lead_unit: str | None = None
    own_domain: str | None = None


@lru_cache(maxsize=1)
def _keyword_index() -> tuple[re.Pattern, dict[str, str]]:
    owner = {}
    for d in lexicon.domains():
        for k in d["keywords"]:
            owner.setdefault(k, d["code"])
    words = sorted(owner, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), owner


def domain_scores(text: str) -> dict[str, int]:
    """Keyword characters per domain (longest keyword wins where two overlap)."""
    pattern, owner = _keyword_index()
    scores: dict[str, int] = {}
    for m in pattern.finditer(text):
        code = owner[m.group(0)]
        scores[code] = scores.get(code, 0) + len(m.group(0))
    return scores


def domain_of(text: str) -> str | None:
    scores = domain_scores(text)
    if not scores:
        return None
    return max(scores.items(), key=lambda kv: (kv[1], -lexicon.domain_codes().index(kv[0])))[0]


def lead_unit_in(text: str) -> str | None:
    for pattern in LEAD_PATTERNS:
        match = pattern.search(text)
        if match:
            unit = re.split(r"[,;,;。]|配合单位|责任单位|协办", match.group(1))[0].strip(" :")
            if unit and not unit.startswith(("各", "有关")) or ORG_END.search(unit or ""):
                return unit or None
    return None


def first_sentence(text: str) -> str:
    return re.split(r"[。;]", text, maxsplit=1)[0].strip()


def parse_table_row(line: str) -> tuple[str | None, str | None, str, str | None]:
    """(category, number, task, lead unit) of a '|' table row."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    cells = [c for c in cells if c != ""]
    category = number = lead = None
    if cells and re.match(rf"^[{CN_NUM}]{{1,3}}、", cells[0]):
        category = cells.pop(0)
    if cells and re.fullmatch(r"\d{1,3}", cells[0]):
        number = cells.pop(0)
    # the lead unit is the last cell, or the last before a deadline cell (| 市住建局 | 2025年底 |)
    for back in (1, 2):
        if len(cells) > back and (ORG_END.search(cells[-back]) or "*" in cells[-back]) and len(cells[-back]) <= 60 \
                and all(DEADLINE_CELL.match(c) for c in cells[len(cells) - back + 1:]):
            lead = cells.pop(len(cells) - back)
            break
    task = " | ".join(cells)
    return category, number, task, lead


def build_sections(doc_id: str, clean_text: str) -> list[Section]:
    sections: list[Section] = []
    stack: list[Section] = []
    counters: dict[str | None, int] = {}
    spans = line_spans(clean_text)

    def open_section(level: int, label: str, heading: str, start: int, own_text: str, lead: str | None = None):
        while stack and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        key = parent.section_id if parent else None
        counters[key] = counters.get(key, 0) + 1
        path = f"{parent.section_id.split('-', 1)[1]}.{counters[key]}" if parent else str(counters[key])
        own_domain = domain_of(without_lead_units(heading))
        own_lead = lead or lead_unit_in(own_text)
        section = Section(f"{doc_id}-{path}", doc_id, parent.section_id if parent else None, level, label,
                          heading[:200], "other", None, start, len(clean_text), own_lead, own_domain)
        sections.append(section)
        stack.append(section)
        return section

    for (start, end) in spans:
        line = clean_text[start:end]
        if not line.strip():
            continue
        if "|" in line and line.count("|") >= 2:
            category, number, task, lead = parse_table_row(line)
            if category:
                open_section(2, category.split("、")[0] + "、", category, start, category)
            if number or task:
                row = open_section(3, number or "", first_sentence(task) or task, start, line, lead)
                row.char_end = end  # a table row is one line: what follows the table is not in it
            continue
        for level, pattern in HEADING_PATTERNS:
            match = pattern.match(line)
            if match:
                heading = first_sentence(line[match.end():]) or line[match.end():]
                open_section(level, match.group(1), heading, start, line)
                break

    # Ends: a section runs to the start of the next section at its level or above.
    for i, section in enumerate(sections):
        if section.char_end < len(clean_text):
            continue  # a table row: ends with its line
        for later in sections[i + 1:]:
            if later.level <= section.level:
                section.char_end = later.char_start
                break
    by_id = {s.section_id: s for s in sections}
    for section in sections:  # parents come first
        parent = by_id.get(section.parent_id)
        # A numbered item about another domain than its parent starts a part of its own
        # (e.g. a heading lost in copying): it does not inherit the parent's lead unit.
        if parent is None:
            section.domain = section.own_domain or "other"
            section.lead_unit = section.own_lead_unit
            continue
        # A heading that also speaks of the parent's domain stays in it (儿童健康 under 育儿).
        if section.own_domain and domain_scores(without_lead_units(section.heading)).get(parent.domain, 0) == 0:
            section.domain = section.own_domain
        else:
            section.domain = parent.domain
        foreign = (section.own_domain and parent.own_domain and section.own_domain != parent.domain
                   and section.level >= 3 and domain_scores(without_lead_units(section.heading)).get(parent.domain, 0) == 0)
        section.lead_unit = section.own_lead_unit or (None if foreign else parent.lead_unit)
    return sections


def heading_part(heading: str) -> str | None:
    """review or plan: the part of a work report or completion notice a heading opens
    (guide §7; words in lexicon.toml [report_parts]); a review word wins over a plan word
    (重点工作完成情况 reports)."""
    words = lexicon.mapping("report_parts")
    heading = without_lead_units(heading)
    if any(w in heading for w in words["review_headings"]):
        return "review"
    if any(w in heading for w in words["plan_headings"]):
        return "plan"
    return None


def section_parts(sections: list[Section]) -> dict[str, str]:
    """section_id -> review|plan, from its own heading or the nearest ancestor's that says one."""
    parts: dict[str, str] = {}
    for section in sections:  # parents come before their children
        own = heading_part(section.heading) if section.level <= 2 or section.parent_id is None else None
        part = own or parts.get(section.parent_id or "")
        if part:
            parts[section.section_id] = part
    return parts


def generic_sections(sections: list[Section]) -> set[str]:
    """Sections whose heading says no one livelihood domain: none at all (切实保障和改善民生,
    十件民生实事) or several (办好教育、医疗、养老等民生实事), on their own or where their domain
    comes from. Under such a heading a row's own words say its domain (targets guide §3)."""
    generic: set[str] = set()
    for section in sections:  # parents come before their children
        if section.domain == "other":
            generic.add(section.section_id)
        elif section.own_domain is None:
            if section.parent_id in generic:
                generic.add(section.section_id)  # a heading that names nothing, under one that names several
        elif section.level <= 2 and section.own_domain == section.domain:
            # a heading (一、 or (一)) naming several domains; a numbered item's "heading" is its own
            # text, whose words say its domain
            scores = domain_scores(without_lead_units(section.heading))
            if len(scores) >= 2:
                generic.add(section.section_id)
    return generic


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The innermost section holding a character offset."""
    i = bisect.bisect_right(sections, offset, key=lambda s: s.char_start) - 1  # no list per call: linear overall
    while i >= 0:
        s = sections[i]
        if s.char_start <= offset < s.char_end:
            return s
        i -= 1
    return None
