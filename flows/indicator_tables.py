"""Main-indicator tables of plans: | 指标 | 2020年 | 2025年 | 属性 |.

Five-year plans put their headline numbers in a table whose meaning lives in the
header: which column is the baseline (2020年, 基期值) and which the target (2025年,
目标值), and the indicator cell carries the unit in brackets (城镇新增就业(万人)). Prose
rules cannot read that, so the targets stage asks this module for the cells and turns
them into rows itself. Plain functions over the cleaned text; the header words are in
flows/rules/lexicon.toml, [indicator_tables].
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows import lexicon
from flows.text.lines import line_spans
from flows.text.years import YEAR

CELL_SPLIT = re.compile(r"\s*\|\s*")
UNIT_IN_BRACKETS = re.compile(r"[(\[]([^()\[\]]{1,12})[)\]]\s*$")
VALUE_CELL = re.compile(
    r"^(?P<before>[^\d\-\[〔【]*?)\s*(?P<open>[\[〔【])?\s*(?P<low>\d+(?:\.\d+)?)"
    r"(?:\s*[-—–~至]\s*(?P<high>\d+(?:\.\d+)?))?\s*(?P<unit>[^\d\]〕】]*?)\s*(?P<close>[\]〕】])?\s*(?P<after>[^\d]*)$")


@dataclass
class TableCell:
    """One target cell of an indicator table, with what its row and header say about it."""
    indicator: str  # the indicator cell without its bracketed unit
    unit_text: str  # unit words from the indicator cell, the value cell or a 单位 column
    value: float
    value_high: float | None
    comparator: str | None  # from ≥, 以上, 左右… in the cell; None when the cell has none
    bracketed: bool  # [5]: the plans' sign for a total over the period
    target_year: int | None
    baseline_year: int | None
    category: str | None  # a 类别/领域 cell, when the table has one
    lead_unit: str | None  # a 牵头单位/责任单位 cell, when the table has one
    line_start: int  # the row's line in the cleaned text
    line_end: int
    value_pos: int  # offset of the value cell's number


def _words(key: str) -> tuple[str, ...]:
    return tuple(lexicon.rules()["indicator_tables"][key])


def _cells(line: str) -> list[str]:
    return [c.strip() for c in CELL_SPLIT.split(line.strip().strip("|").strip())]


def _is_table_line(line: str) -> bool:
    return line.count("|") >= 2


def _header_columns(cells: list[str]) -> dict | None:
    """Column roles of a header row, or None when it is no indicator table's header."""
    indicator_col = next((i for i, c in enumerate(cells) if c.replace(" ", "") in _words("indicator_headers")), None)
    if indicator_col is None:
        return None
    targets, baselines = [], []
    year_cols = [(i, int(m.group(0))) for i, c in enumerate(cells) if (m := re.search(YEAR, c))]
    for i, c in enumerate(cells):
        if i == indicator_col:
            continue
        year = next((y for j, y in year_cols if j == i), None)
        if any(w in c for w in _words("baseline_headers")):
            baselines.append((i, year))
        elif any(w in c for w in _words("target_headers")) or year is not None:
            targets.append((i, year))
    # two year columns and neither says which: the earlier one is the baseline (2020年 | 2025年)
    plain = [(i, y) for i, y in targets if y is not None and not any(w in cells[i] for w in _words("target_headers"))]
    if len(plain) >= 2 and not baselines:
        first = min(plain, key=lambda t: t[1])
        targets.remove(first)
        baselines.append(first)
    if not targets:
        return None

    def find(words: tuple[str, ...]) -> int | None:
        return next((i for i, c in enumerate(cells) if c.replace(" ", "") in words), None)

    return {"n": len(cells), "indicator": indicator_col, "targets": targets, "baselines": baselines,
            "unit": find(_words("unit_headers")), "category": find(_words("category_headers")),
            "lead": find(_words("lead_headers"))}


def parse_value(cell: str) -> tuple[float, float | None, str | None, bool, str] | None:
    """(value, value_high, comparator, bracketed, unit words) of a value cell, or None."""
    text = cell.replace(",", "").replace("＞", ">").replace("＜", "<").replace("≧", "≥").replace("≦", "≤").strip()
    match = VALUE_CELL.match(text)
    if not match or bool(match.group("open")) != bool(match.group("close")):
        return None
    low = float(match.group("low"))
    high = float(match.group("high")) if match.group("high") else None
    if high is not None and high <= low:
        return None  # 5-3 is no range of a target; a date or a code
    signs = lexicon.rules()["indicator_tables"]["comparator_signs"]
    comparator = None
    around = (match.group("before") or "") + "|" + (match.group("after") or "")
    for word, code in sorted(signs.items(), key=lambda kv: -len(kv[0])):
        if word in around:
            comparator = code
            break
    if high is not None:
        comparator = "range"
    unit = (match.group("unit") or "") + (match.group("after") or "")
    for word in signs:
        unit = unit.replace(word, "")
    return low, high, comparator, bool(match.group("open")), unit.strip()


def find_cells(clean_text: str) -> tuple[list[TableCell], list[tuple[int, int]]]:
    """Target cells of every indicator table, and the line spans those tables cover."""
    cells_out: list[TableCell] = []
    covered: list[tuple[int, int]] = []
    lines = [(start, end, clean_text[start:end]) for start, end in line_spans(clean_text)]
    header = None
    for start, end, line in lines:
        if not _is_table_line(line):
            header = None
            continue
        cells = _cells(line)
        columns = _header_columns(cells)
        if columns:
            header = columns
            covered.append((start, end))
            continue
        if header is None:
            continue
        covered.append((start, end))
        cells_out.extend(_row_cells(cells, header, line, start, end))
    return cells_out, covered


def _row_cells(cells: list[str], header: dict, line: str, start: int, end: int) -> list[TableCell]:
    # a merged category cell on the left leaves a row short: align it to the right
    shift = header["n"] - len(cells)
    if shift < 0:
        return []

    def cell(i: int | None) -> str | None:
        if i is None or i - shift < 0 or i - shift >= len(cells):
            return None
        return cells[i - shift]

    indicator = (cell(header["indicator"]) or "").strip()
    if not indicator or not re.search(r"[\u4e00-\u9fff]", indicator):
        return []
    unit_text = ""
    bracket = UNIT_IN_BRACKETS.search(indicator)
    if bracket:
        unit_text = bracket.group(1).strip()
        indicator = indicator[: bracket.start()].strip()
    if header["unit"] is not None and cell(header["unit"]):
        unit_text = cell(header["unit"]).strip()
    indicator = re.sub(r"^\d{1,3}[.、]?\s*", "", indicator)  # a row number inside the cell
    baseline_year = next((y for _, y in header["baselines"] if y), None)
    out = []
    for col, year in header["targets"]:
        raw = cell(col)
        if not raw:
            continue
        parsed = parse_value(raw)
        if parsed is None:
            continue
        value, high, comparator, bracketed, cell_unit = parsed
        offset = line.find(raw, sum(len(c) for c in cells[: max(0, col - shift)]))
        out.append(TableCell(indicator=indicator, unit_text=cell_unit or unit_text, value=value, value_high=high,
                             comparator=comparator, bracketed=bracketed, target_year=year,
                             baseline_year=baseline_year, category=cell(header["category"]),
                             lead_unit=cell(header["lead"]), line_start=start, line_end=end,
                             value_pos=start + max(0, offset)))
    return out
