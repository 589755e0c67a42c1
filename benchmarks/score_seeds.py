"""Dev loop: extract the seeds in-process and score them with the shared scorer (no Prefect)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from flows.ingest import list_sources, read_source  # noqa: E402
from flows.pipeline import build_document  # noqa: E402

SHARED = ROOT.parent / "shared"


def main(argv: list[str]) -> int:
    raw_dir = Path(argv[0]) if argv else SHARED / "seeds"
    docs, targets = [], []
    for record in list_sources(raw_dir):
        tables = build_document(read_source(record))
        docs.append(tables.document)
        targets.extend(tables.targets)
    out = Path(tempfile.mkdtemp())
    pd.DataFrame(docs).to_parquet(out / "documents.parquet")
    pd.DataFrame(targets).to_parquet(out / "targets.parquet")
    sys.argv = ["score", "--curated", str(out), "--gold", str(SHARED / "gold"), "--misses", "60", "--json", str(out / "score.json")]
    sys.path.insert(0, str(SHARED / "tools"))
    import score_targets
    return score_targets.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
