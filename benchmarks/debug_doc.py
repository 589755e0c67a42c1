"""Dev aid: print predicted rows of one seed that match no gold row, with their quotes."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
import score_targets  # noqa: E402

from flows.ingest import list_sources, read_source  # noqa: E402
from flows.pipeline import build_document  # noqa: E402

stem = sys.argv[1]
mode = sys.argv[2] if len(sys.argv) > 2 else "spurious"
record = next(r for r in list_sources(ROOT / "raw") if r.source_file.startswith(stem))
tables = build_document(read_source(record))
gold = score_targets.load_rows(ROOT.parent / "shared" / "gold" / (Path(record.source_file).stem + ".jsonl"))
pairs = score_targets.match_document(gold, tables.targets)
if mode == "spurious":
    matched = {id(p) for _, p in pairs}
    for row in tables.targets:
        if id(row) not in matched:
            print(f"{row['value']} {row['unit']} [{row['indicator']}] <- {row['quote'][:120]}")
elif mode == "missed":
    matched = {id(g) for g, _ in pairs}
    for g in gold:
        if id(g) not in matched:
            print(f"{g['value']} {g['unit']} {g['unit_kind']} [{g['indicator']}] <- {g['quote'][:120]}")
else:  # attribute mismatches
    for g, p in pairs:
        diffs = [f"{k}: gold {g.get(k)} pred {p.get(k)}" for k in mode.split(",") if score_targets.normalise(g.get(k)) != score_targets.normalise(p.get(k))]
        if diffs:
            print(f"{g['value']} {g['unit']} [{g['indicator']}] {'; '.join(diffs)} <- {g['quote'][:80]}")
