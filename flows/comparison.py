"""DuckDB views that compare places: `compare`, `cascade` and `coverage`, with the views of
the reference tables they use (`regions`, `indicators`, `units`).

publish.VIEWS takes these entries (in this order: a view must come after the views it
reads). Parquet files are named relative to the folder that holds them, like every
other view. Each view's columns are documented in COLUMNS, from which the data
dictionary's section on these views is written.
"""
from __future__ import annotations

from flows import lexicon, regions

# Unit kinds whose values add up over years, so that a total over a period has a yearly average.
FLOW_KINDS = ("count", "length", "area", "mass", "money")


def _sql_list(values) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def _domains_values() -> str:
    rows = ", ".join(f"({_sql_list([d['code'], d['name_zh'], d['name_en']])})" for d in lexicon.domains())
    return f"(VALUES {rows}) AS dm(domain, domain_zh, domain_en)"


_FLOW = _sql_list(FLOW_KINDS)
# kinds whose doc_year is only the year they were issued (flows/rules/metadata.toml): not a one-year plan
_ISSUED_YEAR = _sql_list(lexicon.metadata_rules()["doc_type"]["issued_year_kinds"])

# Target years of a city's and its province's target may differ by this much and still be set side by
# side in `cascade` (plans of one cycle end in neighbouring years: 2025 vs 2026).
CASCADE_YEAR_WINDOW = 2

# annualised_value / annualisation: a flow (count, length, area, mass, money) target put on a per-year basis.
_ANNUALISED = f"""
       CASE WHEN t.unit_kind NOT IN ({_FLOW}) OR t.kind <> 'target' THEN NULL
            WHEN t.is_cumulative AND t.period_start IS NOT NULL AND t.target_year >= t.period_start
            THEN t.value / (t.target_year - t.period_start + 1)
            WHEN t.is_cumulative THEN NULL
            WHEN t.recurrence = 'annual' THEN t.value
            WHEN t.target_year = d.plan_start_year AND t.target_year = d.plan_end_year THEN t.value
            WHEN t.target_year = d.doc_year AND d.doc_type NOT IN ({_ISSUED_YEAR}) THEN t.value
            WHEN t.target_year = year(d.issue_date) AND t.period_start IS NULL THEN t.value
       END AS annualised_value,
       CASE WHEN t.unit_kind NOT IN ({_FLOW}) OR t.kind <> 'target' THEN NULL
            WHEN t.is_cumulative AND t.period_start IS NOT NULL AND t.target_year >= t.period_start
            THEN 'total over ' || (t.target_year - t.period_start + 1) || ' years'
            WHEN t.is_cumulative THEN NULL
            WHEN t.recurrence = 'annual' THEN 'stated per year'
            WHEN t.target_year = d.plan_start_year AND t.target_year = d.plan_end_year THEN 'one-year plan'
            WHEN t.target_year = d.doc_year AND d.doc_type NOT IN ({_ISSUED_YEAR}) THEN 'one-year plan'
            WHEN t.target_year = year(d.issue_date) AND t.period_start IS NULL THEN 'due in the year of issue'
       END AS annualisation"""

COMPARE_SQL = f"""
WITH base AS (
SELECT t.indicator_code, i.name_en AS indicator_en, i.name_zh AS indicator_zh, i.domain,
       d.region_code, coalesce(r.name, d.region_name) AS region_name, r.name_en AS region_name_en,
       coalesce(r.level, d.admin_level) AS region_level,
       t.target_year, t.period_start, t.kind, t.value, t.value_high, t.unit, u.label_en AS unit_en, t.unit_kind,
       t.comparator, t.recurrence, t.is_cumulative, t.is_aspirational,{_ANNUALISED},
       r.population_2020, coalesce(u.per_resident, false) AS per_resident,
       t.indicator, t.quote, d.title AS document_title, d.doc_number, d.issue_date, d.source_file,
       t.doc_id, t.target_id, t.char_start
FROM read_parquet('targets.parquet') t
JOIN read_parquet('documents.parquet') d USING (doc_id)
LEFT JOIN read_parquet('regions.parquet') r ON r.code = d.region_code
LEFT JOIN read_parquet('indicators.parquet') i ON i.code = t.indicator_code
LEFT JOIN read_parquet('units.parquet') u ON u.unit = t.unit
WHERE t.indicator_code IS NOT NULL),
basis AS (
SELECT *,
       CASE WHEN kind <> 'target' THEN NULL
            WHEN unit_kind IN ({_FLOW}) THEN annualised_value
            ELSE value END AS comparable_value,
       CASE WHEN kind <> 'target' THEN NULL
            WHEN unit_kind IN ({_FLOW}) AND annualised_value IS NOT NULL THEN 'per year (' || annualisation || ')'
            WHEN unit_kind IN ({_FLOW}) THEN NULL
            ELSE 'level at target year' END AS comparable_basis,
       CASE WHEN kind = 'standard' THEN 'a policy parameter (kind standard), not a target'
            WHEN kind = 'achieved' THEN 'a reported result (kind achieved), not a target'
            WHEN unit_kind IN ({_FLOW}) AND annualised_value IS NULL
            THEN 'an amount whose period the text does not state: no per-year value'
       END AS not_comparable_reason
FROM base)
SELECT indicator_code, indicator_en, indicator_zh, domain, region_code, region_name, region_name_en, region_level,
       target_year, period_start, kind, value, value_high, unit, unit_en, unit_kind, comparator, recurrence,
       is_cumulative, is_aspirational, annualised_value, annualisation, comparable_value, comparable_basis,
       not_comparable_reason, population_2020,
       CASE WHEN per_resident AND population_2020 > 0 AND comparable_basis LIKE 'per year%'
            THEN comparable_value / population_2020 * 10000 END AS value_per_10k_residents,
       CASE WHEN per_resident AND population_2020 > 0 AND comparable_basis LIKE 'per year%' THEN NULL
            WHEN NOT per_resident THEN 'unit does not count people, places or facilities'
            WHEN not_comparable_reason IS NOT NULL THEN not_comparable_reason
            WHEN region_code IS NULL THEN 'region not identified'
            WHEN population_2020 IS NULL THEN 'no 2020 population for the region itself (a parent''s is not used)'
       END AS per_10k_null_reason,
       indicator, quote, document_title, doc_number, issue_date, source_file, doc_id, target_id
FROM basis
ORDER BY indicator_code, region_code NULLS LAST, target_year NULLS LAST, doc_id, char_start"""

CASCADE_SQL = f"""
WITH pairs AS (
SELECT c.indicator_code, c.indicator_en, c.unit_kind,
       c.region_code AS city_code, c.region_name AS city_name, c.region_name_en AS city_name_en,
       c.region_level AS city_level,
       p.region_code AS province_code, p.region_name AS province_name, p.region_name_en AS province_name_en,
       c.target_year AS city_target_year, p.target_year AS province_target_year,
       c.value AS city_value, p.value AS province_value, c.unit AS city_unit, p.unit AS province_unit,
       c.comparator AS city_comparator, p.comparator AS province_comparator,
       c.comparable_value AS city_comparable_value, p.comparable_value AS province_comparable_value,
       c.comparable_basis AS city_basis, p.comparable_basis AS province_basis,
       c.annualised_value AS city_annualised_value, p.annualised_value AS province_annualised_value,
       c.target_year - p.target_year AS year_gap,
       CASE WHEN c.unit <> p.unit THEN 'units differ'
            WHEN c.not_comparable_reason IS NOT NULL THEN 'city: ' || c.not_comparable_reason
            WHEN p.not_comparable_reason IS NOT NULL THEN 'province: ' || p.not_comparable_reason
            WHEN c.target_year IS NULL OR p.target_year IS NULL THEN 'a target year is not stated'
            WHEN abs(c.target_year - p.target_year) > {CASCADE_YEAR_WINDOW}
                 AND NOT coalesce(c.target_year BETWEEN p.period_start AND p.target_year, false)
                 AND NOT coalesce(p.target_year BETWEEN c.period_start AND c.target_year, false)
            THEN 'target years more than {CASCADE_YEAR_WINDOW} years apart and neither within the other''s period'
            WHEN NOT p.comparable_value > 0 THEN 'province value is zero'
       END AS not_comparable_reason,
       c.population_2020 / p.population_2020 AS population_share,
       c.per_resident,
       c.indicator AS city_indicator, p.indicator AS province_indicator,
       c.source_file AS city_source_file, p.source_file AS province_source_file,
       c.target_id AS city_target_id, p.target_id AS province_target_id
FROM (SELECT cmp.*, coalesce(u.per_resident, false) AS per_resident
      FROM compare cmp LEFT JOIN read_parquet('units.parquet') u USING (unit)) c
JOIN read_parquet('regions.parquet') r ON r.code = c.region_code
LEFT JOIN read_parquet('regions.parquet') r2 ON r2.code = r.parent_code
JOIN compare p ON p.indicator_code = c.indicator_code AND p.unit_kind = c.unit_kind
                AND p.region_level = 'province' AND p.region_code IN (r.parent_code, r2.parent_code)
WHERE c.region_level IN ('prefecture', 'county'))
SELECT indicator_code, indicator_en, unit_kind, city_code, city_name, city_name_en, city_level,
       province_code, province_name, province_name_en, city_target_year, province_target_year, year_gap,
       city_value, province_value, city_unit, province_unit, city_comparator, province_comparator,
       city_basis AS basis, city_comparable_value, province_comparable_value,
       CASE WHEN not_comparable_reason IS NULL THEN city_comparable_value / province_comparable_value END AS ratio,
       not_comparable_reason,
       city_annualised_value, province_annualised_value, population_share,
       CASE WHEN not_comparable_reason IS NULL AND per_resident AND population_share > 0
            THEN city_comparable_value / province_comparable_value / population_share END AS ratio_over_population_share,
       city_indicator, province_indicator, city_source_file, province_source_file, city_target_id, province_target_id
FROM pairs
ORDER BY indicator_code, city_code, city_target_year NULLS LAST, province_target_year NULLS LAST, city_target_id,
         province_target_id"""

COVERAGE_SQL = f"""
WITH docs AS (
    SELECT d.doc_id, d.source_file, d.title, d.region_code,
           coalesce(r.name, d.region_name) AS region_name, r.name_en AS region_name_en,
           coalesce(r.level, d.admin_level) AS region_level
    FROM read_parquet('documents.parquet') d
    LEFT JOIN read_parquet('regions.parquet') r ON r.code = d.region_code),
tc AS (
    SELECT doc_id, domain, count(*) AS n_targets, count(indicator_code) AS n_targets_with_code,
           count(*) FILTER (WHERE kind = 'target') AS n_kind_target
    FROM read_parquet('targets.parquet') GROUP BY doc_id, domain),
sc AS (
    SELECT doc_id, domain, count(*) AS n_sections
    FROM read_parquet('sections.parquet') GROUP BY doc_id, domain)
SELECT docs.region_code, docs.region_name, docs.region_name_en, docs.region_level, dm.domain, dm.domain_en, dm.domain_zh,
       docs.doc_id, docs.source_file, docs.title AS document_title,
       coalesce(tc.n_targets, 0) AS n_targets,
       coalesce(tc.n_kind_target, 0) AS n_kind_target,
       coalesce(tc.n_targets_with_code, 0) AS n_targets_with_code,
       coalesce(sc.n_sections, 0) AS n_sections,
       coalesce(tc.n_targets, 0) = 0 AS without_number,
       coalesce(tc.n_targets, 0) = 0 AND coalesce(sc.n_sections, 0) > 0 AS discussed_without_number,
       CAST(sum(coalesce(tc.n_targets, 0)) OVER (PARTITION BY docs.region_code, docs.region_name, dm.domain)
            AS BIGINT) AS n_targets_region
FROM docs CROSS JOIN {_domains_values()}
LEFT JOIN tc ON tc.doc_id = docs.doc_id AND tc.domain = dm.domain
LEFT JOIN sc ON sc.doc_id = docs.doc_id AND sc.domain = dm.domain
ORDER BY docs.region_name NULLS LAST, docs.source_file, dm.domain"""

VIEWS: dict[str, tuple[str, str]] = {
    "regions": ("Every province, prefecture and county: GB/T 2260 code, name, English name, level, parent, 2020 "
                f"census population ({regions.population_coverage_text()}).",
                "SELECT * FROM read_parquet('regions.parquet')"),
    "indicators": ("Canonical indicators: code, Chinese and English name, domain, unit kind, definition, comparability notes.",
                   "SELECT * FROM read_parquet('indicators.parquet')"),
    "units": ("Every unit with its English label and whether it counts people, places or facilities.",
              "SELECT * FROM read_parquet('units.parquet')"),
    "compare": (
        "Targets with a canonical indicator code, by indicator x region x target year: value with unit and comparator, "
        "annualised value of totals over a stated period, value per 10,000 residents for counts of people, places or "
        "facilities, and the document.", COMPARE_SQL),
    "cascade": (
        "A city's (or county's) target beside its province's target for the same indicator code and unit kind, "
        "with the ratio city/province and the city's share of the province's population.", CASCADE_SQL),
    "coverage": (
        "One row per document x domain: targets in the domain, how many carry an indicator code, sections in the "
        "domain, whether the document gives no number there, and the region's total.", COVERAGE_SQL),
}

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "compare": [
        ("indicator_code", "Canonical indicator code (indicators table)."),
        ("indicator_en / indicator_zh", "The indicator's English and Chinese name."),
        ("domain", "The indicator's domain."),
        ("region_code, region_name, region_name_en, region_level", "The document's region. One convention in every view: where the region is unknown or redacted, region_code and region_name_en are null, and region_name is the name as the document writes it (null if it names none)."),
        ("target_year, period_start", "Year by which the value holds; first year of a stated period."),
        ("kind, value, value_high, unit, unit_en, unit_kind, comparator", "As in targets; unit_en is the unit's English label."),
        ("recurrence, is_cumulative, is_aspirational", "As in targets."),
        ("annualised_value", "For targets (kind 'target') in flow units (count, length, area, mass, money): value / "
                             "years of the stated period when the row is a total over period_start..target_year; "
                             "the value itself when it is stated per year, comes from a one-year plan or list "
                             "(documents.doc_year), or is due by the end of the year the document was issued; null "
                             "otherwise (levels such as rates, and amounts whose period the text does not state, are "
                             "not annualised)."),
        ("annualisation", "How annualised_value was obtained: 'total over N years', 'stated per year', "
                          "'one-year plan' or 'due in the year of issue'."),
        ("comparable_value, comparable_basis", "The value on the basis on which rows of one indicator compare: for "
                                               "flow units the per-year value (annualised_value; basis 'per year (…)' "
                                               "saying how it was obtained), for levels (percent, rate, duration, age) "
                                               "the value itself (basis 'level at target year'); null for standards, "
                                               "achieved results and amounts whose period the text does not state."),
        ("not_comparable_reason", "Why comparable_value is null: a policy parameter (standard), a reported result "
                                  "(achieved), or an amount whose period the text does not state."),
        ("population_2020", "The region's 2020 census resident population."),
        ("value_per_10k_residents", "comparable_value / population_2020 x 10,000: the per-year amount per 10,000 "
                                    "residents, where the unit counts people, places or facilities "
                                    "(units.per_resident) and the row has a per-year value; so a five-year total "
                                    "and a one-year target of one indicator compare. Null otherwise, and when the "
                                    "region's own population is unknown (the figure of a parent region is never "
                                    "used)."),
        ("per_10k_null_reason", "Why value_per_10k_residents is null: the unit does not count people, places or "
                                "facilities; the row has no per-year value (not_comparable_reason); the region is "
                                "not identified; or the region has no 2020 population."),
        ("indicator, quote", "The row's own indicator phrase and sentence."),
        ("document_title, doc_number, issue_date, source_file, doc_id, target_id", "Where the row comes from."),
    ],
    "cascade": [
        ("indicator_code, indicator_en, unit_kind", "The shared indicator."),
        ("city_code, city_name, city_name_en, city_level", "The lower region (prefecture or county)."),
        ("province_code, province_name, province_name_en", "Its province (parent, or parent's parent for a county)."),
        ("city_/province_target_year, year_gap", "Each side's target year; city minus province."),
        ("city_/province_value, _unit, _comparator", "Each side's target as stated."),
        ("basis, city_/province_comparable_value", "The basis both sides are compared on (compare.comparable_basis: "
                                                   "per year for flows, level at target year for rates) and each "
                                                   "side's value on it."),
        ("ratio", "city_comparable_value / province_comparable_value, only when the pair compares like with like: "
                  "same unit, both targets on a comparable basis, target years at most "
                  f"{CASCADE_YEAR_WINDOW} years apart or one side's year within the other's stated period (a "
                  "2024 yearly target beside a 2023-2027 total, per year). For rates, how much higher the city aims; for flows, the "
                  "city's share of the province's yearly amount. Null otherwise, with not_comparable_reason."),
        ("not_comparable_reason", "Why ratio is null: units differ; a side has no comparable value (its reason); a "
                                  "target year is missing; the target years are more than "
                                  f"{CASCADE_YEAR_WINDOW} years apart and neither lies in the other's period; the "
                                  "province's value is zero."),
        ("city_/province_annualised_value", "Each side's annualised value (compare view)."),
        ("population_share", "The city's 2020 population / the province's."),
        ("ratio_over_population_share", "For comparable pairs counting people, places or facilities: ratio divided "
                                        "by population_share; above 1 the city commits more per resident than its "
                                        "province."),
        ("city_/province_indicator, _source_file, _target_id", "Each side's own phrase and source."),
    ],
    "coverage": [
        ("region_code, region_name, region_name_en, region_level", "The document's region (null where unknown or redacted, as in every view)."),
        ("domain, domain_en, domain_zh", "One of the domains of the targets guide."),
        ("doc_id, source_file, document_title", "The document."),
        ("n_targets, n_kind_target, n_targets_with_code", "Rows of the document in the domain; of them, kind "
                                                          "'target'; of them, with an indicator code."),
        ("n_sections", "Sections of the document assigned to the domain."),
        ("without_number", "The document gives no number in the domain."),
        ("discussed_without_number", "It has sections in the domain but no number there."),
        ("n_targets_region", "Rows in the domain over all documents of the region."),
    ],
}


def views_markdown() -> str:
    lines = ["## Comparison views", "",
             "Columns of the views that compare places (`docs/comparison.md` has example queries and their output).", ""]
    for name, columns in COLUMNS.items():
        lines += [f"### `{name}`", "", VIEWS[name][0], "", "| column | meaning |", "|---|---|"]
        lines += [f"| `{c}` | {meaning} |" for c, meaning in columns]
        lines.append("")
    return "\n".join(lines)
