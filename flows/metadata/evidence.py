"""Where in the text a metadata field was read, and the small word test every reader uses."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """Where in the text a field was read: the kind of place (title, signature, issuer, headline,
    dateline, byline) and the words that say it."""
    where: str
    quote: str


def followed_by(text: str, pos: int, words) -> str | None:
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word, pos):
            return word
    return None


def alternation(words) -> str:
    """Words as a regex alternation, the longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
