"""Record today's extractor output of every known-gap case (tests/cases/known_gaps.jsonl).

    python tests/cases/record_known_gaps.py [--check]

Each known gap carries `extractor_output`: the rows the extractor gives for it, in full
(every compared column). tests/test_target_cases.py fails when today's output differs from
the recorded one, or when the extractor raises; run this after a change to the extractor
that changes a known gap's output on purpose, and read the diff of known_gaps.jsonl before
committing it. A gap that the extractor now gets right belongs in sentences.jsonl instead.
With --check, nothing is written: it lists the cases whose output changed and exits 1 if any.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_target_cases import CASES_DIR, COLUMNS, rows_match, run_case  # noqa: E402

PATH = CASES_DIR / "known_gaps.jsonl"


def recorded_rows(rows: list[dict]) -> list[dict]:
    return [{column: row[column] for column in COLUMNS} for row in rows]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    lines, changed = [], []
    for line in PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            lines.append(line)
            continue
        case = json.loads(line)
        _, rows = run_case(case)
        if not rows_match(case.get("extractor_output", []), rows) or \
                any(set(r) != set(COLUMNS) for r in case.get("extractor_output", [])):
            changed.append(case["id"])
        case["extractor_output"] = recorded_rows(rows)
        lines.append(json.dumps(case, ensure_ascii=False))
    for case_id in changed:
        print(f"{case_id}: output {'differs from the recorded one' if check else 'recorded'}")
    if check:
        return 1 if changed else 0
    PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{PATH}: {len(changed)} case(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
