"""English labels of units, and which units count people, places or facilities.

The labels are data in flows/rules/units_en.csv (one row per unit word, with its label
as a quantity, its label after "per", and whether a value per 10,000 residents makes
sense) and flows/rules/unit_kinds_en.csv. Per-unit forms that the targets stage builds
(元/人/年, 张/千人, /10万) are labelled part by part: 元/人/年 -> "yuan per person per
year", 张/千人 -> "beds or sheets (张) per 1,000 people".
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from flows import lexicon
from flows.text.numerals import CN_UNITS

RULES_DIR = Path(__file__).parent / "rules"
NUMBER_PREFIX = re.compile(r"^(\d*)([十百千万]*)")


@lru_cache(maxsize=None)
def labels() -> dict[str, dict]:
    with open(RULES_DIR / "units_en.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {r["unit"]: {"label_en": r["label_en"], "per_label_en": r["per_label_en"] or r["label_en"],
                        "per_resident": r["per_resident"].strip().lower() in ("yes", "true", "1")} for r in rows}


@lru_cache(maxsize=None)
def unit_kind_labels() -> dict[str, str]:
    with open(RULES_DIR / "unit_kinds_en.csv", encoding="utf-8", newline="") as handle:
        return {r["unit_kind"]: r["label_en"] for r in csv.DictReader(handle)}


def unit_kind_label(kind: str) -> str:
    return unit_kind_labels().get(kind, kind)


def _denominator(part: str) -> str | None:
    """千人 -> '1,000 people'; 人 -> 'person'; 10万 -> '100,000'; None when a word has no label."""
    match = NUMBER_PREFIX.match(part)
    digits, chinese, base = match.group(1), match.group(2), part[match.end():]
    number = int(digits) if digits else (1 if chinese else None)
    for ch in chinese:
        number *= CN_UNITS[ch]
    if base.startswith("名"):  # 千名儿童: 名 is a measure word
        base = base[1:]
    if base and base not in labels():
        return None
    if number is None:
        return labels()[base]["per_label_en"]
    noun = labels()[base]["label_en"] if base else ""
    return f"{number:,} {noun}".strip()


def label_en(unit: str) -> str | None:
    """English label of a unit as published in targets.unit; None when a word has no label."""
    if unit in labels():
        return labels()[unit]["label_en"]
    head, *rest = unit.split("/")
    if head and head not in labels():
        return None
    pieces = [labels()[head]["label_en"]] if head else []
    for part in rest:
        denominator = _denominator(part)
        if denominator is None:
            return None
        pieces.append(f"per {denominator}")
    return " ".join(pieces)


def per_resident(unit: str, unit_kind: str | None) -> bool:
    """A plain count of people, places or facilities (not a rate, not money)."""
    return unit_kind == "count" and unit in labels() and labels()[unit]["per_resident"]


def rule_units() -> dict[str, str]:
    """Units the rules can publish (lexicon.toml [units]) -> unit_kind."""
    return {unit: kind for unit, kind in lexicon.units().values()}


def table_rows(targets: list[dict] | None = None) -> list[dict]:
    """Rows of the published `units` table: every unit of the rules and of the given target rows."""
    kinds: dict[str, str | None] = dict(rule_units())
    for row in targets or []:
        if row.get("unit"):
            kinds.setdefault(row["unit"], row.get("unit_kind"))
    rows = []
    for unit in sorted(kinds):
        rows.append({"unit": unit, "unit_kind": kinds[unit], "label_en": label_en(unit) or f"({unit})",
                     "per_resident": per_resident(unit, kinds[unit])})
    return rows
