"""The explorer: a static page beside the data (explorer/index.html) that opens from disk in any
browser, with no server and no internet.

    write_explorer(folder)  ->  folder/explorer/{index.html, explorer.js, explorer.css, data.js}

The page (flows/explorer_files/: plain JavaScript, an inline SVG chart, no libraries) picks
regions, domains and indicators, lists the targets, compares one indicator across regions
(per 10,000 residents where the `compare` view gives it, else on the comparable basis), and
shows every number's quote highlighted in the cleaned text of its document, with the
document's metadata and source link. Labels are in Chinese and English.

data.js assigns the data to a global (window.MINSHENG_DATA); a script file, unlike a fetch of
a JSON file, loads from file:// in every browser. Its bytes depend only on the published
tables. Character offsets are given in UTF-16 code units, as JavaScript counts them.
"""
from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

from flows import lexicon, publish, schema

EXPLORER_DIR = "explorer"
DATA_JS = "data.js"
FILES_DIR = Path(__file__).parent / "explorer_files"
STATIC_FILES = ("index.html", "explorer.js", "explorer.css")

DOCUMENTS_SQL = """
SELECT d.doc_id, d.title, d.doc_number, d.issuer, CAST(d.issue_date AS VARCHAR) AS issue_date,
       d.region_code, coalesce(r.name, d.region_name) AS region_name, r.name_en AS region_name_en,
       coalesce(r.level, d.admin_level) AS admin_level, r.population_2020, d.doc_type, d.doc_year,
       d.plan_start_year, d.plan_end_year, d.source_url, d.source_file, d.n_targets
FROM documents d LEFT JOIN regions r ON r.code = d.region_code
ORDER BY d.source_file, d.doc_id"""

TARGETS_SQL = """
SELECT t.target_id, t.doc_id, t.domain, t.kind, t.indicator, t.indicator_code, t.value, t.value_high, t.unit,
       u.label_en AS unit_en, t.unit_kind, t.comparator, t.target_year, t.period_start, t.recurrence,
       t.is_cumulative, t.char_start, t.char_end,
       c.comparable_value, c.comparable_basis, c.value_per_10k_residents, c.per_10k_null_reason,
       c.not_comparable_reason
FROM targets t
JOIN documents d USING (doc_id)
LEFT JOIN units u ON u.unit = t.unit
LEFT JOIN compare c ON c.target_id = t.target_id
ORDER BY d.source_file, t.doc_id, t.char_start, t.char_end, t.target_id"""

INDICATORS_SQL = """
SELECT i.code, i.name_zh, i.name_en, i.domain, i.unit_kind
FROM indicators i WHERE i.code IN (SELECT indicator_code FROM targets)
ORDER BY i.code"""

TARGET_FIELDS = ("target_id", "doc_id", "domain", "kind", "indicator", "indicator_code", "value", "value_high", "unit",
                 "unit_en", "unit_kind", "comparator", "target_year", "period_start", "recurrence", "is_cumulative",
                 "char_start", "char_end", "comparable_value", "comparable_basis", "value_per_10k_residents",
                 "per_10k_null_reason", "not_comparable_reason")


def _plain(value):
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
    return value


def _utf16(text: str, offset: int) -> int:
    """A code-point offset in Python's counting as UTF-16 code units (JavaScript's counting)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def explorer_data(folder: Path, title: str | None = None) -> dict:
    """Everything the page shows, from the published tables of `folder` (through its DuckDB views)."""
    with publish.connect(folder) as con:
        def rows(sql: str) -> list[dict]:
            cursor = con.execute(sql)
            names = [d[0] for d in cursor.description]
            return [{n: _plain(v) for n, v in zip(names, r)} for r in cursor.fetchall()]

        documents = rows(DOCUMENTS_SQL)
        targets = rows(TARGETS_SQL)
        indicators = rows(INDICATORS_SQL)
        texts = {doc_id: text for doc_id, text in con.execute("SELECT doc_id, clean_text FROM texts ORDER BY doc_id")
                 .fetchall()}
    for target in targets:
        text = texts.get(target["doc_id"]) or ""
        target["char_start"], target["char_end"] = _utf16(text, target["char_start"]), _utf16(text, target["char_end"])
    domains = [{"code": d["code"], "zh": d["name_zh"], "en": d["name_en"]} for d in lexicon.domains()]
    known = {d["code"] for d in domains}
    domains += [{"code": c, "zh": c, "en": c} for c in sorted({t["domain"] for t in targets} - known)]
    return {
        "title": title or "build",
        "counts": {"documents": len(documents), "targets": len(targets)},
        "domains": domains,
        "kinds": list(schema.KINDS),
        "indicators": indicators,
        "documents": documents,
        "target_fields": list(TARGET_FIELDS),
        "targets": [[t[f] for f in TARGET_FIELDS] for t in targets],
        "texts": texts,
    }


def data_js(data: dict) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return ("// Generated by flows/explorer.py from the published tables: do not edit.\n"
            f"window.MINSHENG_DATA = {body};\n")


def write_explorer(folder: Path, title: str | None = None) -> Path:
    """folder/explorer/ with the page and its data; returns the page's path."""
    folder = Path(folder)
    target = folder / EXPLORER_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    for name in STATIC_FILES:
        shutil.copyfile(FILES_DIR / name, target / name)
    (target / DATA_JS).write_text(data_js(explorer_data(folder, title)), encoding="utf-8")
    return target / "index.html"
