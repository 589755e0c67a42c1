"""What kind, where no title says: the kind a page's opening reads most like.

A multinomial naive Bayes model over the character bigrams and trigrams of a page's opening (its first
characters, spaces dropped), fitted on the evaluation corpus's tune split by
`benchmarks/train_kind_model.py` and shipped as data in `flows/rules/kind_model.json` (the grams that
tell the kinds apart best and how often each kind's openings use them; no text). On pages that no rule
had been written from, it read the kind of untitled pages better than the hand-made cues did (see
`benchmarks/eval/README.md`, stop 25); a title that names a kind still decides (kind.py)."""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache

from flows.lexicon import RULES_DIR

MODEL_FILE = RULES_DIR / "kind_model.json"


def opening_grams(clean_text: str, opening_chars: int, sizes: tuple[int, ...]) -> Counter:
    """The character n-grams of a page's opening: its first `opening_chars` characters, spaces and line
    breaks dropped."""
    opening = re.sub(r"\s", "", clean_text[:opening_chars])
    grams: Counter = Counter()
    for size in sizes:
        grams.update(opening[i:i + size] for i in range(len(opening) - size + 1))
    return grams


@lru_cache(maxsize=1)
def _model() -> tuple[dict, dict[str, list[float]], list[float]]:
    """(settings, gram -> log-probability per kind, log prior per kind), read once."""
    model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    kinds, alpha = model["kinds"], model["alpha"]
    vocabulary = len(model["grams"])
    totals = [sum(counts[i] for counts in model["grams"].values()) for i in range(len(kinds))]
    log_p = {gram: [math.log((counts[i] + alpha) / (totals[i] + alpha * vocabulary)) for i in range(len(kinds))]
             for gram, counts in model["grams"].items()}
    documents = sum(model["documents"])
    log_prior = [math.log(n / documents) for n in model["documents"]]
    return model, log_p, log_prior


def kind_of_opening(clean_text: str) -> str:
    """The doc_type whose openings the page's opening is most like (ties: the first kind in the model's
    order)."""
    model, log_p, log_prior = _model()
    scores = list(log_prior)
    for gram, n in opening_grams(clean_text, model["opening_chars"], tuple(model["gram_sizes"])).items():
        probabilities = log_p.get(gram)
        if probabilities is not None:
            for i, p in enumerate(probabilities):
                scores[i] += n * p
    return model["kinds"][max(range(len(scores)), key=scores.__getitem__)]
