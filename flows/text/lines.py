"""Lines of the cleaned text, with their offsets."""
from __future__ import annotations

import re


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the line break excluded; an empty text is one empty line."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def line_starts(text: str) -> list[int]:
    """The offset each line starts at (for bisect: the line of an offset)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]
