"""When, weighed: which of the years a page could be for it is most likely for.

The year readers (year.py) each answer for one shape of text; on pages unlike the ones they were written
from they often say nothing, or the wrong thing. This model weighs every candidate year of a page —
each year its opening names, the year it was posted and the next — by what is around it: where it is
first named, how often, what words follow it (2024年工作, 2024年是, 2024年以来), how it stands to the
page's date and to the other years named, which reader (if any) chose it, and the page's kind. It is a
conditional logit fitted on the evaluation corpus's tune split by `benchmarks/train_year_model.py` and
shipped as data in `flows/rules/year_model.json` (feature weights; no text)."""
from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

from flows.lexicon import RULES_DIR
from flows.metadata.evidence import Evidence
from flows.metadata.heads import SINGLE_YEAR

MODEL_FILE = RULES_DIR / "year_model.json"
HEAD_CHARS = 4000   # the opening the candidates are read from
FIRST_YEAR, LAST_YEAR = 2000, 2040


def _line_bucket(line_no: int) -> str:
    return "0" if line_no == 0 else "1-2" if line_no <= 2 else "3-9" if line_no <= 9 else "10+"


def _relation(year: int, other: int | None) -> str:
    if other is None:
        return "none"
    return {0: "same", 1: "next", -1: "last"}.get(year - other, "after" if year > other else "before")


def candidate_features(kind: str, lines: list[str], title: str | None, posted: tuple[int, int] | None,
                       rule_year: int | None, rule_reader: str | None) -> dict[int | None, list[str]]:
    """Each candidate year of a page, with the names of the features it has (a feature is there or not),
    and the candidate None — none of them: a page whose only year is a base year or a date things stood
    at is better left without one. `posted` is (year, month) of the page's date, `rule_year` the year the
    first reader that answered gave and `rule_reader` its name."""
    head = "\n".join(lines[:40])[:HEAD_CHARS]
    line_starts, start = [], 0
    for line in head.split("\n"):
        line_starts.append(start)
        start += len(line) + 1
    mentions: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # year -> (start, end, line number)
    for match in SINGLE_YEAR.finditer(head):
        year = int(match.group(1))
        if FIRST_YEAR <= year <= LAST_YEAR:
            line_no = bisect.bisect_right(line_starts, match.start()) - 1
            mentions[year].append((match.start(), match.end(), line_no))
    counts = Counter({year: len(found) for year, found in mentions.items()})
    candidates = set(mentions)
    if posted:
        candidates |= {posted[0], posted[0] + 1}
    if rule_year:
        candidates.add(rule_year)
    named = sorted(mentions)
    most = max(counts.values()) if counts else 0
    none = ["none", f"none:candidates:{min(len(candidates), 3)}", f"none:rule:{rule_reader}",
            "none:posted" if posted else "none:not_posted"]
    out: dict[int | None, list[str]] = {None: sorted(set(none) | {f"{kind}|{f}" for f in none})}
    for year in sorted(candidates):
        own: list[str] = []
        if year in mentions:
            first_line = mentions[year][0][2]
            n = counts[year]
            own += ["named", f"first_line:{_line_bucket(first_line)}", f"count:{min(n, 4)}"]
            own += ["most"] if n == most else []
            own += ["only"] if len(named) == 1 else []
            own += ["latest"] if year == named[-1] else ["before_latest"] if year == named[-1] - 1 else []
            own += ["earliest"] if year == named[0] and len(named) > 1 else []
            for position, end, _ in mentions[year][:8]:
                after = re.sub(r"\d", "0", re.sub(r"\s", "", head[end:end + 6]))  # 6月 and 12月 alike
                own += [f"after1:{after[:1]}", f"after2:{after[:2]}"]
                own += [f"before1:{head[position - 1:position]}"] if position else []
                own += [f"before2:{head[position - 2:position]}"] if position > 1 else []
        else:
            own.append("unnamed")
        if title and str(year) in title:
            own.append("in_title")
        if posted:
            relation = _relation(year, posted[0])
            season = "late" if posted[1] >= 11 else "early" if posted[1] <= 3 else "mid"
            own += [f"posted:{relation}", f"posted:{relation}:{season}"]
        else:
            own.append("posted:none")
        if rule_year is not None:
            own += [f"rule:{_relation(year, rule_year)}", f"rule:{_relation(year, rule_year)}:{rule_reader}"]
        else:
            own.append("rule:none")
        features = set(own)
        # the same facts weigh differently for each kind (a report names most the year it reviews)
        features |= {f"{kind}|{f}" for f in own if not f.startswith(("after", "before"))}
        out[year] = sorted(features)
    return out


def model_evidence(year: int, head: str, posted: tuple | None) -> Evidence:
    """Where the model's year shows: its first naming in the opening, else the page's date."""
    match = next((m for m in SINGLE_YEAR.finditer(head) if int(m.group(1)) == year), None)
    if match:
        return Evidence("model", head[match.start():match.end() + 20].split("\n")[0])
    if posted:
        return Evidence("model", posted[2].quote)
    return Evidence("model", str(year))


@lru_cache(maxsize=1)
def _weights() -> dict:
    """The fitted weights, read once (none before the trainer first writes them: the readers decide alone)."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))["weights"] if MODEL_FILE.exists() else {}


def weigh(candidates: dict[int | None, list[str]], weights: dict[str, float]) -> tuple[int | None, float]:
    """The likeliest candidate under `weights` (None: none of them; ties: the earliest, None first) and
    its probability."""
    scores = {year: sum(weights.get(f, 0.0) for f in features) for year, features in candidates.items()}
    top = max(scores.values())
    total = sum(math.exp(s - top) for s in scores.values())
    best = min((year for year, s in scores.items() if s == top), key=lambda y: (y is not None, y or 0))
    return best, 1.0 / total


def year_by_model(candidates: dict[int | None, list[str]]) -> tuple[int | None, float] | None:
    """The likeliest candidate (None: none of them) and its probability; None where there is no model."""
    weights = _weights()
    return weigh(candidates, weights) if weights else None
