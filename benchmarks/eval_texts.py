"""Where the evaluation texts are, and whether each is the text its gold was annotated on.

The texts are other people's words, kept outside the repository (benchmarks/eval/README.md); the
corpus keeps each one's sha256. Every script that reads them (the scorers, the trainers) goes through
`annotated_text`, so "here and unchanged" is decided in one place.
"""
from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "eval" / "metadata_corpus.csv"
DEFAULT_TEXTS = Path("/work/evalcorpus/texts")


def texts_dir(given: Path | None = None) -> Path:
    """--texts, else $MINSHENG_EVAL_TEXTS, else /work/evalcorpus/texts."""
    return given or Path(os.environ.get("MINSHENG_EVAL_TEXTS") or DEFAULT_TEXTS)


def load_corpus(path: Path = CORPUS) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def annotated_text(row: dict, texts: Path) -> tuple[Path | None, str | None]:
    """(path, None) when the row's text is here with the bytes its gold was annotated on (a row without
    a sha256: when it is here); (None, why not) otherwise."""
    path = texts / f"{row['id']}.txt"
    if not path.is_file():
        return None, f"no text at {path}"
    expected = (row.get("sha256") or "").strip().lower()
    if expected:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != expected:
            return None, f"sha256 mismatch (corpus {expected[:12]}…, file {digest[:12]}…)"
    return path, None
