"""Years and periods as written in the documents: 2025年, 2023—2027年."""
from __future__ import annotations

import re

YEAR = r"(?:19|20)\d{2}"  # a year of the documents' centuries, as a regex fragment
EARLIEST_TARGET_YEAR = 1990  # schema.YEAR_MIN: an earlier year is a birth year or history, never a deadline
PERIOD_RE = re.compile(rf"({YEAR})\s*年?\s*[-—–~至到]+\s*({YEAR})\s*年")  # groups: first year, last year
YEAR_NAMED_RE = re.compile(rf"({YEAR})\s*年")  # 2025年, 2025 年: group 1 is the year
