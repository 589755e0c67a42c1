"""Sentences and clauses of the cleaned text.

A sentence ends at 。;!? a line break or a table cell bar; a clause also at , and :. A comma
inside brackets (即一星级,下同) does not end the clause around it; a full stop or line break
always does.
"""
from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[。;!?\n|]")
CLAUSE_BREAK = set(",;:。!?|\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: between 。;!? line breaks and table cell bars, without edge spaces."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def clause_end(s: str, pos: int) -> int:
    """Where the clause holding pos ends (its break, or the end of s)."""
    end = _clause_break(s, range(pos, len(s)), "(", ")")
    return len(s) if end is None else end


def clause_start(s: str, pos: int) -> int:
    """Where the clause holding pos - 1 starts (after its break, or 0)."""
    start = _clause_break(s, range(pos - 1, -1, -1), ")", "(")
    return 0 if start is None else start + 1


def _clause_break(s: str, positions: range, opening: str, closing: str) -> int | None:
    """The first clause break met walking `positions`; a comma inside brackets (即一星级,下同)
    does not end the clause around it, a full stop or line break always does."""
    depth = 0
    for i in positions:
        ch = s[i]
        if ch == opening:
            depth += 1
        elif ch == closing and depth:
            depth -= 1
        elif ch in CLAUSE_BREAK and (depth == 0 or ch in "。\n"):
            return i
    return None
