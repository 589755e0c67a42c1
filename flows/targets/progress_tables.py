"""Progress tables (序号 | 实事项目名称 | 完成情况 | 占全年计划 |): each row sets a task and reports how far it
got (targets guide §7). A task cell's numbers are the plan's (target, of the report's year); a progress cell's
are results (achieved). A bare number in a progress cell (4385 under 新增4000张养老床位) counts what its task
counts, in its task's unit; a cell under a share-of-the-plan column (占全年计划 110%) is the plan's own
bookkeeping, no row."""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.targets.model import Row
from flows.targets.patterns import contains_any, rules
from flows.targets.tables import progress_result_row

BARE_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)?)\s*")


@dataclass(frozen=True)
class ProgressCell:
    """One cell of a progress table's body, with the column it sits in."""
    start: int
    end: int
    line_start: int
    reports: bool  # under a progress column (完成情况): what was done
    share: bool  # under a share-of-the-plan column (占全年计划, 完成率)


def progress_cells(clean_text: str) -> list[ProgressCell]:
    """The body cells of every progress table: one whose header names a task column before a progress column."""
    words = rules().report_parts
    out: list[ProgressCell] = []
    header: list[str] | None = None
    offset = 0
    for line in clean_text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if "|" not in line:
            header = None
            continue
        cells = line.strip().strip("|").split("|")
        names = [cell.strip() for cell in cells]
        progress = [i for i, name in enumerate(names) if name and any(w in name for w in words["progress_columns"])]
        task = [i for i, name in enumerate(names) if name and any(w in name for w in words["task_columns"])]
        if progress and task and task[0] < progress[0] and max(map(len, names)) <= 30:
            header = names
            continue
        if header is None:
            continue
        # a row without its number continues the task above: its cells start one column on
        shift = 1 if header[0] in words["row_number_columns"] and not re.match(r"\s*\d", cells[0]) else 0
        position = start + len(line) - len(line.lstrip()) + (1 if line.strip().startswith("|") else 0)
        for i, cell in enumerate(cells):
            column = header[i + shift] if i + shift < len(header) else ""
            share = contains_any(column, tuple(words["plan_share_columns"]))
            reports = not share and any(w in column for w in words["progress_columns"])
            out.append(ProgressCell(position, position + len(cell), start, reports, share))
            position += len(cell) + 1
    return out


def outside_share_columns(rows: list[Row], cells: list[ProgressCell]) -> list[Row]:
    """The rows whose number is not in a share-of-the-plan cell (占全年计划 110%)."""
    shares = [(cell.start, cell.end) for cell in cells if cell.share]
    return [row for row in rows if not any(start <= row.number_pos < end for start, end in shares)]


def bare_results(clean_text: str, cells: list[ProgressCell], rows: list[Row]) -> list[Row]:
    """An achieved row for each progress cell that is a bare number, counting what its row's one task row
    counts (新增4000张养老床位 | 4385 |: 4385 张 of 新增养老床位)."""
    task_spans: dict[int, list[tuple[int, int]]] = {}  # a table row's line -> its task cells
    for cell in cells:
        if not cell.reports and not cell.share:
            task_spans.setdefault(cell.line_start, []).append((cell.start, cell.end))
    targets = [row for row in rows if row.kind == "target"]
    out: list[Row] = []
    for cell in cells:
        found = BARE_NUMBER.fullmatch(clean_text[cell.start: cell.end]) if cell.reports else None
        if not found:
            continue
        spans = task_spans.get(cell.line_start, [])
        task_rows = [row for row in targets if any(start <= row.number_pos < end for start, end in spans)]
        if len(task_rows) != 1:
            continue  # no task, or several: which one the number counts is not said
        out.append(progress_result_row(task_rows[0], float(found.group(1)), found.group(1), cell.start + found.start(1)))
    return out
