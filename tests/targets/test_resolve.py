"""flows.targets.resolve: every field of a row decided once, by one resolver."""
import ast
from dataclasses import fields
from pathlib import Path

import pytest

from flows import structure
from flows.targets import DocumentContext, Row, extract_targets
from flows.targets.model import Paragraph, ReportState

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parents[2] / "flows" / "targets"
PUBLISHED = [f.name for f in fields(Row)][:17]


def _calls(name: str):
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
                yield path.name, node


def test_rows_are_built_in_one_place_per_kind_of_source_and_never_edited():
    builders = sorted(path for path, _ in _calls("Row"))
    # sentences; indicator-table cells and a progress table's bare results (tables.progress_result_row)
    assert builders == ["resolve.py", "tables.py", "tables.py"]
    for path, call in _calls("replace"):
        target = ast.unparse(call.args[0]) if call.args else ""
        assert target in ("ctx", "m"), f"{path}: replace({target}, ...) edits a value after it was decided"
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and ast.unparse(target.value) in ("row", "r"):
                        pytest.fail(f"{path}: {ast.unparse(target)} set after the row was built")


def test_the_resolver_sets_every_published_field():
    (call,) = [call for path, call in _calls("Row") if path == "resolve.py"]
    assert set(PUBLISHED) <= {k.arg for k in call.keywords}


def test_paragraph_state_is_a_dataclass_with_a_shared_report_state():
    state = ReportState()
    first, second = Paragraph(state), Paragraph(state)
    first.report.cue = ("plan", 2025, None)
    assert second.report.cue == ("plan", 2025, None)
    assert first.last_row is None and first.previous == ""


def rows(text, **context):
    return extract_targets(text, structure.build_sections("d", text), DocumentContext(doc_id="d", **context))


def test_a_breakdown_is_part_of_the_total_and_takes_its_verb():
    total, part = rows("到2025年,累计筹集保障性住房3200套,其中公租房600套。", plan_start_year=2021, plan_end_year=2025)
    assert total["is_cumulative"] and part["is_cumulative"]
    assert part["indicator"].startswith("筹集")
    assert part["period_start"] == total["period_start"] == 2021


def test_a_listed_year_dates_its_own_number():
    found = rows("2024年、2025年分别新增托位800个、1000个。", issue_year=2023)
    assert [(r["value"], r["target_year"]) for r in found] == [(800, 2024), (1000, 2025)]


def test_a_list_shares_its_comparator_and_verb():
    found = rows("到2025年,至少新建幼儿园6所、中小学4所。")
    assert [r["comparator"] for r in found] == ["ge", "ge"]
    assert [r["indicator"] for r in found][1].startswith("新建")
