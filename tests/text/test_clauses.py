"""flows.text.clauses and flows.text.lines: sentence, clause and line bounds."""
import pytest

from flows.text.clauses import clause_end, clause_start, sentences
from flows.text.lines import line_spans, line_starts

pytestmark = pytest.mark.unit


def test_sentences_end_at_stops_breaks_and_bars_without_edge_spaces():
    text = " 新建学校3所。改造道路5公里;\n| 指标 | 5 |"
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["新建学校3所", "改造道路5公里", "指标", "5"]


def test_clause_bounds_skip_commas_inside_brackets():
    s = "建设星级站(即一星级,下同)10个,覆盖全市"
    pos = s.index("10")
    assert s[clause_start(s, pos): clause_end(s, pos)] == "建设星级站(即一星级,下同)10个"


def test_a_full_stop_ends_a_clause_even_inside_brackets():
    s = "(一。二)三"
    assert clause_end(s, 1) == 2


def test_lines():
    text = "a\nbc\n\nd"
    assert line_spans(text) == [(0, 1), (2, 4), (5, 5), (6, 7)]
    assert line_starts(text) == [0, 2, 5, 6]
    assert line_spans("") == [(0, 0)]
