"""flows.text.numerals and flows.text.years: numbers and years as written."""
import pytest

from flows.text.numerals import chinese_to_number, parse_number
from flows.text.years import PERIOD_RE, YEAR_NAMED_RE

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, value", [("一千二百", 1200), ("两万", 20000), ("十五", 15), ("百", 100),
                                         ("一亿两千万", 120000000), ("三十", 30), ("〇", 0)])
def test_chinese_numerals(text, value):
    assert chinese_to_number(text) == value


@pytest.mark.parametrize("text", ["", "余", "十个", "abc"])
def test_not_a_numeral(text):
    assert chinese_to_number(text) is None


def test_parse_number_reads_digits_and_numerals():
    assert parse_number("12.5") == 12.5
    assert parse_number("三") == 3
    assert parse_number("1.2.3") is None
    assert parse_number("") is None


def test_periods_and_years():
    assert PERIOD_RE.search("2023—2027年").groups() == ("2023", "2027")
    assert PERIOD_RE.search("2023年至2025年").groups() == ("2023", "2025")
    assert [m.group(1) for m in YEAR_NAMED_RE.finditer("2024年、2025 年")] == ["2024", "2025"]
    assert PERIOD_RE.search("1850年") is None
