"""The example queries in README.md and docs/comparison.md show what the current build gives."""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("doc_examples", ROOT / "docs" / "examples.py")
doc_examples = importlib.util.module_from_spec(spec)
spec.loader.exec_module(doc_examples)

CASES = [(path, n, sql, output) for path in doc_examples.DOCUMENTS
         for n, (sql, output) in enumerate(doc_examples.examples(path.read_text(encoding="utf-8")), 1)]


def test_there_are_examples_for_every_comparison_view():
    readme = "\n".join(sql for path, _, sql, _ in CASES if path.name == "README.md")
    for view in ("targets_flat", "domain_region_counts", "compare", "cascade", "coverage"):
        assert f"FROM {view}" in readme, view
    assert sum(path.name == "README.md" for path, *_ in CASES) >= 6


@pytest.mark.parametrize("path,n,sql,output", CASES, ids=[f"{c[0].name}-{c[1]}" for c in CASES])
def test_example_output_is_current(seed_build, path, n, sql, output):
    assert doc_examples.render(seed_build, sql) == output, \
        f"{path.name} example {n} is stale: run `python docs/examples.py` after a build"
