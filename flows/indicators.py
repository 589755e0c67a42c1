"""Canonical indicators: the step after targets that gives a row its `indicator_code`.

The dictionary is data, in flows/rules/indicators.csv: one row per canonical indicator
(code, Chinese and English name, domain, unit_kind, definition, comparability notes) with
`synonyms` and `exclude`, each a `|` list of patterns. A pattern is literal text in which
`…` stands for a gap of up to GAP characters: `护理型床位…占比` matches
护理型床位占比 and 护理型床位数占床位总数比例 alike.

A target row gets a code when
  - its unit_kind is the code's unit_kind (a subsidy in 元/户 is never a count of homes), and
  - one of the code's synonyms occurs in its indicator phrase (compared with quotes
    removed, and again with bracketed asides removed), and none of its `exclude` patterns.
When several codes match, the longest matching synonym wins; a tie between codes leaves
the row without a code. A phrase that names only a change (年均增长, 同比增长, 提高到…) borrows
its subject from the quote: the start of the clause before it (地区生产总值181.8亿元,同比增长7%
→ 地区生产总值 + 同比增长). Redacted characters (`*`) in an indicator may stand for any
character of a synonym, as long as most of the matched characters are not redacted.

Nothing here is keyed on a document: to recognise a new wording, add a synonym to the CSV.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).parent / "rules" / "indicators.csv"
GAP = 12  # characters a `…` in a pattern may span
QUOTES = re.compile(r"[“”\"'‘’《》「」]")
ASIDES = re.compile(r"[(（][^()（）]{0,30}[)）]")
MIN_UNREDACTED_SHARE = 0.6
# an indicator phrase that names a change but not what changes
BARE_CHANGE = re.compile(r"^(?:预计|全年|[一二两三四五六七八九十]年|年均|平均|同比|比上年|上年|同期|比|较|分别|增长|增速|增幅"
                         r"|提高到|提高|上涨|下降|达到|达|为|实现|完成)+$")
CLAUSE_BREAK = re.compile(r"[,，;；。、]")


@dataclass(frozen=True)
class Pattern:
    text: str
    parts: tuple[str, ...]

    @property
    def weight(self) -> int:
        """Specificity: literal characters in the pattern."""
        return sum(len(p) for p in self.parts)


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    domain: str
    unit_kind: str
    headline: bool
    definition: str
    comparability_notes: str
    synonyms: tuple[Pattern, ...]
    exclude: tuple[Pattern, ...]


def _patterns(cell: str) -> tuple[Pattern, ...]:
    out = []
    for text in (t.strip() for t in (cell or "").split("|")):
        if text:
            out.append(Pattern(text, tuple(p for p in text.split("…") if p)))
    return tuple(out)


@lru_cache(maxsize=None)
def dictionary() -> tuple[Indicator, ...]:
    with open(RULES_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(Indicator(
        code=r["code"], name_zh=r["name_zh"], name_en=r["name_en"], domain=r["domain"], unit_kind=r["unit_kind"],
        headline=r["headline"].strip().lower() in ("yes", "true", "1"), definition=r["definition"],
        comparability_notes=r["comparability_notes"], synonyms=_patterns(r["synonyms"]),
        exclude=_patterns(r["exclude"])) for r in rows)


def codes() -> tuple[str, ...]:
    return tuple(i.code for i in dictionary())


def by_code() -> dict[str, Indicator]:
    return {i.code: i for i in dictionary()}


@lru_cache(maxsize=None)
def _regex(pattern: Pattern, redacted: bool) -> re.Pattern:
    """The pattern as a regex; with `redacted`, each part is a group whose characters may be `*`."""
    gap = f".{{0,{GAP}}}?"
    if not redacted:
        return re.compile(gap.join(re.escape(p) for p in pattern.parts))
    parts = ["(" + "".join(f"[{re.escape(ch)}*]" for ch in part) + ")" for part in pattern.parts]
    return re.compile("(?=" + gap.join(parts) + ")")


def _occurs(pattern: Pattern, text: str) -> bool:
    if "*" not in text:
        return _regex(pattern, False).search(text) is not None
    for match in _regex(pattern, True).finditer(text):
        redacted = sum(group.count("*") for group in match.groups())
        kept = pattern.weight - redacted
        if kept >= 2 and kept >= MIN_UNREDACTED_SHARE * pattern.weight:
            return True
    return False


def normalise(indicator: str) -> list[str]:
    """The forms of an indicator phrase that patterns are tried on."""
    text = QUOTES.sub("", indicator or "").replace(" ", "")
    forms = [text]
    bare = ASIDES.sub("", text)
    if bare != text:
        forms.append(bare)
    return forms


def candidates(indicator: str, unit_kind: str | None) -> list[tuple[int, str, str]]:
    """(weight, code, synonym) for every code whose synonym matches, best first."""
    forms = normalise(indicator)
    redacted = any("*" in form for form in forms)
    found = []
    for entry in dictionary():
        if unit_kind is not None and entry.unit_kind != unit_kind:
            continue
        # a synonym matches only if its first part is in the phrase: a substring test first,
        # so that the gap regexes run on a handful of entries, not on all of them
        if not redacted and not any(p.parts[0] in form for p in entry.synonyms for form in forms):
            continue
        if any(_occurs(p, form) for p in entry.exclude for form in forms):
            continue
        hits = [p for p in entry.synonyms if any(_occurs(p, form) for form in forms)]
        if hits:
            best = max(hits, key=lambda p: p.weight)
            found.append((best.weight, entry.code, best.text))
    return sorted(found, key=lambda c: -c[0])


def with_subject(indicator: str, quote: str | None) -> str:
    """A bare change phrase (年均增长) prefixed with the start of the quote's clause before it;
    any other phrase as it is."""
    if not indicator or not BARE_CHANGE.match(indicator):
        return indicator
    pos = (quote or "").find(indicator)
    if pos <= 0:
        return indicator
    clause = CLAUSE_BREAK.split(quote[:pos].rstrip(",，、"))[-1]
    subject = re.match(r"[^\d%.]*", clause).group(0)
    return subject + indicator


def match(indicator: str, unit_kind: str | None, quote: str | None = None) -> str | None:
    """The canonical code of one indicator phrase with its unit kind; None when none or a tie.
    With the row's quote, a bare change phrase is read with its subject (`with_subject`)."""
    found = candidates(with_subject(indicator, quote), unit_kind)
    if not found:
        return None
    if len(found) > 1 and found[1][0] == found[0][0]:
        return None
    return found[0][1]


def assign_codes(targets: list[dict]) -> list[dict]:
    """Set `indicator_code` on every target row (in place) and return the rows."""
    for row in targets:
        row["indicator_code"] = match(row.get("indicator") or "", row.get("unit_kind"), row.get("quote"))
    return targets


def table_rows() -> list[dict]:
    """Rows of the published `indicators` table."""
    return [{"code": i.code, "name_zh": i.name_zh, "name_en": i.name_en, "domain": i.domain, "unit_kind": i.unit_kind,
             "headline": i.headline, "definition": i.definition, "comparability_notes": i.comparability_notes,
             "synonyms": "|".join(p.text for p in i.synonyms), "exclude": "|".join(p.text for p in i.exclude)}
            for i in dictionary()]
