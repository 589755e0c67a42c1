"""Every published table, declared once.

The Parquet schema (`arrow_schema`), the Great Expectations suites' column checks
(`expectation_suite`) and the data dictionary (`data_dictionary_markdown`) are all
derived from the declarations below, so they cannot drift apart. To add or change a
column, change it here and nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from flows import lexicon

ARROW_TYPES = {
    "string": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
}
PANDAS_TYPES = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "date": "object"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of ARROW_TYPES
    description: str
    nullable: bool = True
    allowed: tuple | None = None  # closed vocabulary
    unique: bool = False
    minimum: float | None = None
    maximum: float | None = None
    label_zh: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # Extra expectations that no single column declares (pairs of columns, row counts).
    extra_expectations: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


KINDS = ("target", "standard", "achieved")
UNIT_KINDS = ("percent", "permille", "pct_point", "count", "length", "area", "money", "mass", "duration", "age", "rate")
COMPARATORS = ("ge", "gt", "le", "lt", "approx", "range", "eq")
RECURRENCES = ("once", "annual")
ADMIN_LEVELS = ("province", "prefecture", "county", "unknown")
DOC_TYPES = ("action_plan", "practical_matters_list", "implementation_opinion", "work_plan", "other")
SCRIPTS = ("traditional", "simplified")
YEAR_MIN, YEAR_MAX = 1990, 2100

DOMAINS = tuple(lexicon.domain_codes())

DOCUMENTS = Table(
    name="documents",
    description="One row per source document: its identity, where it came from, and what the text says about itself.",
    primary_key=("doc_id",),
    columns=(
        Column("doc_id", "string", "Stable id of the document: first 16 hex digits of sha256 of the source file name.", nullable=False, unique=True),
        Column("source_file", "string", "Name of the raw file under raw/ the row was built from.", nullable=False, unique=True),
        Column("sha256", "string", "sha256 of the raw file's bytes.", nullable=False),
        Column("encoding", "string", "Encoding the raw bytes were decoded with.", nullable=False, allowed=("utf-8", "utf-8-sig", "gb18030", "utf-16")),
        Column("title", "string", "Title of the document as the text gives it (simplified).", label_zh="标题"),
        Column("doc_number", "string", "Document number (文号), e.g. 粤府办〔2023〕20号.", label_zh="文号"),
        Column("issuer", "string", "Issuing body as the text names it.", label_zh="发文机关"),
        Column("issue_date", "date", "Date of issue.", label_zh="成文日期"),
        Column("region_name", "string", "Name of the region the document governs; null where redacted or unknown.", label_zh="地区"),
        Column("admin_level", "string", "Administrative level of the region.", nullable=False, allowed=ADMIN_LEVELS),
        Column("plan_start_year", "int", "First year of the plan period.", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("plan_end_year", "int", "Last year of the plan period.", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("doc_type", "string", "Kind of document.", nullable=False, allowed=DOC_TYPES),
        Column("script", "string", "Script of the raw text before cleaning.", nullable=False, allowed=SCRIPTS),
        Column("source_url", "string", "Where the document was published, if the manifest knows."),
        Column("metadata_sources", "string", "JSON object: for each metadata field, 'text' or 'manifest'."),
        Column("clean_chars", "int", "Length of the cleaned text in characters.", nullable=False, minimum=1),
        Column("fix_counts", "string", "JSON object: how many fixes of each kind the clean stage made."),
        Column("n_sections", "int", "Number of sections found.", nullable=False, minimum=0),
        Column("n_targets", "int", "Number of target rows extracted.", nullable=False, minimum=0),
    ),
)

SECTIONS = Table(
    name="sections",
    description="The section tree of each document: headings, numbered items and table rows, with domain and lead unit.",
    primary_key=("section_id",),
    columns=(
        Column("section_id", "string", "Stable id: doc_id + '-' + position path (e.g. 2.1.3).", nullable=False, unique=True),
        Column("doc_id", "string", "Document the section belongs to.", nullable=False),
        Column("parent_id", "string", "Enclosing section; null at the top level."),
        Column("level", "int", "Depth: 1 for 一、, 2 for (一), 3 for 1., 4 for (1).", nullable=False, minimum=1, maximum=4),
        Column("label", "string", "Numbering as written (一、, (二), 3.).", nullable=False),
        Column("heading", "string", "Heading text (the first sentence of a numbered paragraph).", nullable=False),
        Column("domain", "string", "Livelihood domain of the section (targets guide, section 3).", nullable=False, allowed=DOMAINS, label_zh="领域"),
        Column("lead_unit", "string", "牵头单位 named for the section or inherited from its parent.", label_zh="牵头单位"),
        Column("char_start", "int", "Start of the section in the cleaned text.", nullable=False, minimum=0),
        Column("char_end", "int", "End of the section in the cleaned text.", nullable=False, minimum=1),
    ),
    extra_expectations=(
        {"type": "expect_column_pair_values_a_to_be_greater_than_b", "kwargs": {"column_A": "char_end", "column_B": "char_start"}},
    ),
)

TARGETS = Table(
    name="targets",
    description="One row per number a document commits to (targets guide, shared/spec/targets-guide.md).",
    primary_key=("target_id",),
    columns=(
        Column("target_id", "string", "Stable id: hash of doc_id, quote, value and position among equal quotes.", nullable=False, unique=True),
        Column("doc_id", "string", "Document the row comes from.", nullable=False),
        Column("section_id", "string", "Innermost section holding the number."),
        Column("kind", "string", "target: a level or quantity to reach; standard: a rate, norm or subsidy; achieved: already done.", nullable=False, allowed=KINDS, label_zh="类型"),
        Column("indicator", "string", "Shortest phrase saying what is measured, with its scope qualifiers (simplified Chinese).", nullable=False, label_zh="指标"),
        Column("value", "float", "The number in base units (万/亿 multiplied out; percent as 0-100).", nullable=False, minimum=0, label_zh="数值"),
        Column("value_high", "float", "Upper end of a range; null otherwise.", minimum=0),
        Column("unit", "string", "Unit after multipliers are removed (人, 个, %, 张/千人...).", nullable=False, label_zh="单位"),
        Column("unit_kind", "string", "Kind of unit.", nullable=False, allowed=UNIT_KINDS),
        Column("comparator", "string", "How the value bounds the indicator: ge, gt, le, lt, approx, range, eq.", nullable=False, allowed=COMPARATORS),
        Column("target_year", "int", "Year by which the value holds; null when the text gives none.", minimum=YEAR_MIN, maximum=YEAR_MAX, label_zh="目标年份"),
        Column("period_start", "int", "First year of a stated period.", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("recurrence", "string", "annual for 每年/年均/每学年, once otherwise.", nullable=False, allowed=RECURRENCES),
        Column("is_cumulative", "bool", "A total over a stated period (累计, 2023—2027年新增…).", nullable=False),
        Column("is_aspirational", "bool", "力争/争取/努力 before the number.", nullable=False),
        Column("domain", "string", "Livelihood domain (targets guide, section 3).", nullable=False, allowed=DOMAINS, label_zh="领域"),
        Column("lead_unit", "string", "牵头单位 named for the item or its section, as written.", label_zh="牵头单位"),
        Column("quote", "string", "The sentence holding the number, exactly clean_text[char_start:char_end].", nullable=False, label_zh="原文"),
        Column("char_start", "int", "Start of the quote in the document's cleaned text.", nullable=False, minimum=0),
        Column("char_end", "int", "End of the quote in the document's cleaned text.", nullable=False, minimum=1),
    ),
    extra_expectations=(
        {"type": "expect_column_pair_values_a_to_be_greater_than_b", "kwargs": {"column_A": "char_end", "column_B": "char_start"}},
    ),
)

TEXTS = Table(
    name="texts",
    description="The cleaned text of each document, against which every quote and character span can be checked.",
    primary_key=("doc_id",),
    columns=(
        Column("doc_id", "string", "Document.", nullable=False, unique=True),
        Column("clean_text", "string", "Text after the clean stage (simplified, glosses removed, full-width folded, clutter removed).", nullable=False),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, SECTIONS, TARGETS, TEXTS)}


def arrow_schema(table: Table) -> pa.Schema:
    fields = []
    for c in table.columns:
        meta = {"description": c.description}
        if c.allowed:
            meta["allowed"] = "|".join(c.allowed)
        fields.append(pa.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable, metadata=meta))
    return pa.schema(fields, metadata={"table": table.name, "description": table.description})


def expectation_suite(table: Table) -> dict:
    """The table's Great Expectations suite as a plain dict (GX 1.x JSON form)."""
    expectations: list[dict] = [
        {"type": "expect_table_columns_to_match_ordered_list", "kwargs": {"column_list": table.column_names}},
    ]
    for c in table.columns:
        if not c.nullable:
            expectations.append({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": c.name}})
        if c.unique:
            expectations.append({"type": "expect_column_values_to_be_unique", "kwargs": {"column": c.name}})
        if c.allowed:
            expectations.append({"type": "expect_column_values_to_be_in_set", "kwargs": {"column": c.name, "value_set": list(c.allowed)}})
        if c.minimum is not None or c.maximum is not None:
            expectations.append({"type": "expect_column_values_to_be_between",
                                 "kwargs": {"column": c.name, "min_value": c.minimum, "max_value": c.maximum}})
    expectations.extend(table.extra_expectations)
    return {"name": f"{table.name}_suite", "expectations": expectations,
            "meta": {"generated_from": "flows/schema.py", "table": table.name}}


def data_dictionary_markdown() -> str:
    lines = ["# Data dictionary", "",
             "Generated from `flows/schema.py` and `flows/rules/`; do not edit by hand.", ""]
    for table in TABLES.values():
        lines += [f"## `{table.name}`", "", table.description, "",
                  f"Primary key: `{', '.join(table.primary_key)}`", "",
                  "| column | type | null | description | allowed values |", "|---|---|---|---|---|"]
        for c in table.columns:
            allowed = ", ".join(f"`{v}`" for v in c.allowed) if c.allowed else ""
            if c.minimum is not None or c.maximum is not None:
                allowed = (allowed + " " if allowed else "") + f"{c.minimum if c.minimum is not None else ''}..{c.maximum if c.maximum is not None else ''}"
            label = f" ({c.label_zh})" if c.label_zh else ""
            lines.append(f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {c.description}{label} | {allowed} |")
        lines.append("")
    lines += ["## Domains", "", "| code | 中文 | English |", "|---|---|---|"]
    for d in lexicon.domains():
        lines.append(f"| `{d['code']}` | {d['name_zh']} | {d['name_en']} |")
    lines += ["", "## Units", "", "| unit | unit_kind |", "|---|---|"]
    for unit, kind in sorted({tuple(v) for v in lexicon.units().values()}):
        lines.append(f"| {unit} | `{kind}` |")
    lines.append("")
    return "\n".join(lines)
