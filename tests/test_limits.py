"""Issue 10, case 2: a document's text stages cost time linear in its size, and a document
over the size or time limit is rejected by name while the others are built."""
from __future__ import annotations

from flows import structure, targets


class CountingList(list):
    """A list that counts the elements read from it (by iteration or by index)."""

    def __init__(self, items):
        super().__init__(items)
        self.reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index):
        self.reads += 1
        return super().__getitem__(index)


def test_finding_the_section_of_an_offset_does_not_read_every_section():
    n = 4000
    sections = CountingList(structure.Section(f"s{i}", "d", None, 1, f"{i}.", f"heading {i}", "other", None,
                                              i * 10, i * 10 + 10) for i in range(n))
    for offset in range(5, n * 10, 10):
        assert structure.section_at(sections, offset).char_start == offset - 5
    assert sections.reads <= n * 20  # a bisection per call (~log2 n reads), not n reads per call


class CountedValue(float):
    """A value that counts how often it is compared."""
    comparisons = 0

    def __eq__(self, other):
        CountedValue.comparisons += 1
        return float(self) == float(other)

    __hash__ = float.__hash__


def test_dedupe_compares_a_row_with_rows_of_its_own_amount_not_with_every_row():
    def row(i, value):
        name = ("指标" if i < n else "事项") + chr(0x4E00 + i % n)  # two unrelated indicators per amount
        return targets.Row("target", name, CountedValue(value), None, "个", "count", "eq", None, None, "none",
                           False, False, "other", None, f"quote {i}", i * 10, i * 10 + 5, None, i * 10)

    n = 1500
    rows = [row(i, i) for i in range(n)] + [row(n + i, i) for i in range(n)]  # each amount twice
    CountedValue.comparisons = 0
    kept = targets.dedupe(rows)
    assert len(kept) == 2 * n  # each amount's two indicators share nothing: nothing dropped
    assert CountedValue.comparisons < 2 * n * 10  # the old scan over all kept rows made ~n * n * 1.5
