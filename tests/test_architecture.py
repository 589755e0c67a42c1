"""The shape of the package (issue 14): no import cycles, the stages import only stages before
them, every module of the targets stage counts in the cache's code version, modules stay small
enough to read in one sitting, and language words live in flows/rules/, not in code."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from flows import cache

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parents[1] / "flows"

# The pipeline's stages from the bottom up: a module may import only modules before it here.
STAGE_ORDER = (
    "flows.text.numerals", "flows.text.years", "flows.text.clauses", "flows.text.lines", "flows.text",
    "flows.lexicon", "flows.regions", "flows.gazetteer", "flows.page_lines", "flows.clean",
    "flows.metadata.evidence", "flows.metadata.heads", "flows.metadata.kind", "flows.metadata.year",
    "flows.metadata.region", "flows.metadata",
    "flows.structure", "flows.indicator_tables",
    "flows.targets.model", "flows.targets.patterns", "flows.targets.mentions", "flows.targets.filters",
    "flows.targets.indicator_phrase", "flows.targets.rate_units", "flows.targets.comparators",
    "flows.targets.timing", "flows.targets.report_parts", "flows.targets.kind", "flows.targets.domain",
    "flows.targets.resolve", "flows.targets.rows", "flows.targets.tables", "flows.targets.progress_tables",
    "flows.targets.extract",
    "flows.targets", "flows.indicators", "flows.units", "flows.schema", "flows.pipeline",
)
# Every module of the package kept to what one reads in a sitting.
MAX_LINES = 400
SMALL_MODULES = ("*.py", "*/*.py")

# String literals holding Chinese characters (docstrings aside), per module, as of issue 14. Words
# belong in flows/rules/; lower a number when you move words out, never raise it.
CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE_LITERALS_ALLOWED = {
    "flows/clean.py": 1,
    "flows/indicator_tables.py": 1,
    "flows/indicators.py": 1,
    "flows/ingest.py": 2,
    "flows/metadata/heads.py": 21,
    "flows/page_lines.py": 1,
    "flows/metadata/region.py": 5,
    "flows/metadata/year.py": 5,
    "flows/readers.py": 23,
    "flows/reference/make_names_en.py": 65,
    "flows/reference/make_population.py": 55,
    "flows/regions.py": 15,
    "flows/release/datapackage.py": 1,
    "flows/release/notes.py": 5,
    "flows/release_formats.py": 1,
    "flows/schema.py": 49,
    "flows/structure.py": 11,
    "flows/targets/domain.py": 1,
    "flows/targets/extract.py": 1,
    "flows/targets/filters.py": 21,
    "flows/targets/indicator_phrase.py": 28,
    "flows/targets/kind.py": 15,
    "flows/targets/mentions.py": 8,
    "flows/targets/patterns.py": 14,
    "flows/targets/rate_units.py": 30,
    "flows/targets/rows.py": 6,
    "flows/targets/timing.py": 18,
    "flows/text/numerals.py": 21,
    "flows/text/years.py": 3,
    "flows/units.py": 2,
    "flows/worker.py": 1,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))
            if "release_files" not in p.parts and "__pycache__" not in p.parts}


def top_level_imports(path: Path) -> set[str]:
    """Modules of the package a file imports when it is loaded (lazy imports inside functions aside)."""
    names: set[str] = set()
    known = modules()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return {n for n in names if n in known and n != "flows"}


def graph() -> dict[str, set[str]]:
    return {name: top_level_imports(path) - {name} for name, path in modules().items()}


def test_no_import_cycles():
    edges, done, stack = graph(), set(), []

    def visit(name: str) -> None:
        if name in stack:
            pytest.fail("import cycle: " + " -> ".join(stack[stack.index(name):] + [name]))
        if name in done:
            return
        stack.append(name)
        for other in sorted(edges.get(name, ())):
            visit(other)
        stack.pop()
        done.add(name)

    for name in sorted(edges):
        visit(name)


def test_stages_import_only_stages_before_them():
    edges = graph()
    rank = {name: i for i, name in enumerate(STAGE_ORDER)}
    back = [f"{a} imports {b}" for a in STAGE_ORDER for b in sorted(edges.get(a, ()))
            if b in rank and rank[b] >= rank[a]]
    assert not back, back


def test_every_targets_and_text_module_has_its_place_in_the_stage_order():
    ours = [n for n in modules() if n.startswith(("flows.targets", "flows.text"))]
    assert sorted(set(ours) - set(STAGE_ORDER)) == []


def test_every_stage_module_counts_in_the_code_version():
    counted = set(cache.stage_modules())
    missing = [str(p.relative_to(PACKAGE)) for p in sorted((PACKAGE / "targets").glob("*.py"))
               + sorted((PACKAGE / "text").glob("*.py")) if p.resolve() not in {c.resolve() for c in counted}]
    assert missing == []


@pytest.mark.parametrize("pattern", SMALL_MODULES)
def test_modules_are_small(pattern):
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.glob(pattern)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def chinese_literals(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return sum(1 for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
               and id(node) not in docstrings and CJK.search(node.value))


def test_chinese_string_literals_in_code_do_not_grow():
    grown = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        key = str(path.relative_to(PACKAGE.parent))
        n = chinese_literals(path)
        if n > CHINESE_LITERALS_ALLOWED.get(key, 0):
            grown[key] = (n, CHINESE_LITERALS_ALLOWED.get(key, 0))
    assert not grown, f"Chinese string literals (found, allowed) grew; move the words to flows/rules/: {grown}"


def test_every_data_file_the_package_reads_is_in_its_package_data():
    # an editable install reads the source tree; a built wheel has only what package-data names
    import fnmatch
    import tomllib
    patterns = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["flows"]
    data = [path.relative_to(PACKAGE).as_posix() for folder in ("rules", "reference", "release_files", "explorer_files")
            for path in sorted((PACKAGE / folder).iterdir())
            if path.is_file() and (path.suffix != ".py" or folder == "release_files")]  # release_files' .py are data
    missing = [name for name in data if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]
    assert data and not missing, missing
