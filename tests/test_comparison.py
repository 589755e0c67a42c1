"""The comparison outputs of a real build of the seeds: region links, indicator codes, the
compare / cascade / coverage views, English labels and the data dictionary."""
from __future__ import annotations

import pandas as pd
import pytest

from flows import lexicon, publish, schema, units, validate
from flows.publish import connect


def test_documents_link_to_their_regions(seed_build):
    documents = pd.read_parquet(seed_build / "documents.parquet").set_index("source_file")
    assert documents.loc["000_9b28159ee7d0716d.txt", "region_code"] == "440700"
    assert documents.loc["001_87eb7983aeb7c71d.txt", "region_code"] == "440000"
    assert documents.loc["002_a0e8efce3fa665a1.txt", "region_code"] == "420100"
    assert documents.loc["004_a5d713ce107d1314.txt", "region_code"] == "320900"
    assert pd.isna(documents.loc["003_eeafe6da93166177.txt", "region_code"])  # redacted


def test_a_share_of_targets_carries_an_indicator_code(seed_build):
    targets = pd.read_parquet(seed_build / "targets.parquet")
    share = targets["indicator_code"].notna().mean()
    assert share >= 0.2, share
    # every coded row's unit kind is its code's
    indicators = pd.read_parquet(seed_build / "indicators.parquet").set_index("code")
    coded = targets.dropna(subset=["indicator_code"])
    assert (coded["unit_kind"].values == indicators.loc[coded["indicator_code"], "unit_kind"].values).all()


def test_compare_annualises_totals_and_scales_by_population(seed_build):
    con = connect(seed_build)
    rows = con.execute("""SELECT value, period_start, target_year, annualised_value, population_2020,
                                 value_per_10k_residents, unit
                          FROM compare WHERE annualisation LIKE 'total over%'""").fetchall()
    assert rows
    for value, start, end, annualised, population, per_10k, unit in rows:
        assert annualised == pytest.approx(value / (end - start + 1))
        if per_10k is not None:  # per year per 10,000 residents: the five-year total divided by five first
            assert per_10k == pytest.approx(annualised / population * 10000)
    # rates and shares are never annualised nor scaled by population
    assert con.execute("""SELECT count(*) FROM compare WHERE unit_kind IN ('percent', 'rate')
                          AND (annualised_value IS NOT NULL OR value_per_10k_residents IS NOT NULL)""").fetchone()[0] == 0


def test_cascade_puts_a_city_beside_its_province(seed_build):
    con = connect(seed_build)
    rows = con.execute("""SELECT city_code, province_code, city_comparable_value, province_comparable_value, ratio,
                                 city_unit, province_unit, not_comparable_reason, year_gap
                          FROM cascade""").fetchall()
    assert rows
    for city, province, city_value, province_value, ratio, city_unit, province_unit, reason, gap in rows:
        assert province == city[:2] + "0000"
        if reason is None:  # like with like: same unit, comparable values, neighbouring years
            assert city_unit == province_unit and ratio == pytest.approx(city_value / province_value)
        else:
            assert ratio is None
    nursing = con.execute("""SELECT city_name_en, province_name_en, ratio FROM cascade
                             WHERE indicator_code = 'ELD_NURSING_BED_SHARE'""").fetchall()
    assert nursing and nursing[0][:2] == ("Jiangmen", "Guangdong")


def test_coverage_has_every_document_and_domain(seed_build):
    con = connect(seed_build)
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    n_rows, n_targets = con.execute("SELECT count(*), sum(n_targets) FROM coverage").fetchone()
    assert n_rows == n_docs * len(lexicon.domain_codes())
    assert n_targets == con.execute("SELECT count(*) FROM targets").fetchone()[0]
    assert con.execute("SELECT count(*) FROM coverage WHERE without_number").fetchone()[0] > 0


def test_every_unit_of_the_build_and_rules_has_an_english_label(seed_build):
    targets = pd.read_parquet(seed_build / "targets.parquet")
    for unit in set(targets["unit"]) | set(units.rule_units()):
        assert units.label_en(unit), unit
    table = pd.read_parquet(seed_build / "units.parquet")
    assert not table["label_en"].str.startswith("(").any()
    for kind in schema.UNIT_KINDS:
        assert units.unit_kind_labels().get(kind), kind


def test_units_compose_english_labels_part_by_part():
    assert units.label_en("元/人/年") == "yuan (CNY) per person per year"
    assert units.label_en("张/千人").endswith("per 1,000 people")
    assert units.label_en("/10万") == "per 100,000"
    assert units.per_resident("人", "count") and not units.per_resident("元", "money")


def test_every_column_domain_and_view_is_labelled_in_the_dictionary():
    text = publish.dictionary_markdown()
    for table in schema.TABLES.values():
        for column in table.columns:
            assert column.english_label and f"| `{column.name}` | {column.english_label} |" in text
    for domain in lexicon.domains():
        assert domain["name_en"] in text
    for view in publish.VIEWS:
        assert f"`{view}`" in text
    assert "## Comparison views" in text and "## Indicators" in text


def test_committed_suites_and_dictionary_are_up_to_date(root):
    for table in schema.TABLES.values():
        assert validate.load_suite(table.name) == schema.expectation_suite(table), \
            f"expectations/{table.name}.json is stale: run `minsheng suites`"
    committed = (root / "curated" / "README.md").read_text(encoding="utf-8")
    assert committed.rstrip("\n") == publish.dictionary_markdown().rstrip("\n"), \
        "curated/README.md is stale: run `minsheng dictionary > curated/README.md`"
