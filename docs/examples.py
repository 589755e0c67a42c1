"""The example queries of README.md and docs/comparison.md, with their real output.

Every ```sql block that is directly followed by a ``` block is an example; the second
block holds the query's output on a build of raw/. `python docs/examples.py [curated]`
runs every example against that build and rewrites the outputs; tests/test_doc_examples.py
checks that the committed outputs are what the current build gives.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from flows import publish  # noqa: E402

DOCUMENTS = (ROOT / "README.md", ROOT / "docs" / "comparison.md")
EXAMPLE = re.compile(r"```sql\n(?P<sql>.*?)```\n```\n(?P<output>.*?)```", re.S)


def render(folder: Path, sql: str) -> str:
    with publish.connect(folder) as con:
        frame = con.execute(sql).df()
    with pd.option_context("display.width", 250, "display.max_columns", 50, "display.max_colwidth", 60):
        return frame.to_string(index=False) + "\n"


def examples(text: str) -> list[tuple[str, str]]:
    return [(m.group("sql"), m.group("output")) for m in EXAMPLE.finditer(text)]


def refresh(text: str, folder: Path) -> str:
    return EXAMPLE.sub(lambda m: f"```sql\n{m.group('sql')}```\n```\n{render(folder, m.group('sql'))}```", text)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "curated"
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        new = refresh(text, folder)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)} ({len(examples(text))} examples)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
