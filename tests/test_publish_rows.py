"""publish.to_frame takes rows whose keys are exactly the table's declared columns: a producer's
typo (`lead_unti`) or a forgotten column raises, naming the table, the key and the row, instead
of publishing nulls that every suite accepts."""
from __future__ import annotations

import hashlib

import pytest

from flows import indicators, publish, regions, schema, units
from flows.ingest import RawDocument
from flows.pipeline import build_document

TEXT = """江门市2024年十件民生实事

一、养老服务
（一）2024年新增养老机构护理型床位500张。（牵头单位：市民政局）
"""


@pytest.fixture(scope="module")
def tables():
    data = TEXT.encode("utf-8")
    return build_document(RawDocument("a.txt", hashlib.sha256(data).hexdigest(), "utf-8", TEXT, {}, len(data)))


def test_every_producer_gives_exactly_the_declared_columns(tables):
    assert tables.targets and tables.sections
    produced = {"documents": [tables.document], "sections": tables.sections, "targets": tables.targets,
                "texts": [tables.text], "regions": regions.table_rows(), "indicators": indicators.table_rows(),
                "units": units.table_rows(tables.targets)}
    assert produced.keys() == schema.TABLES.keys()
    for name, rows in produced.items():
        frame = publish.to_frame(name, rows)
        assert list(frame.columns) == schema.TABLES[name].column_names and len(frame) == len(rows)


def test_a_typo_in_a_producers_key_raises_naming_table_key_and_row(tables):
    rows = [dict(row) for row in tables.targets]
    rows[0]["lead_unti"] = rows[0].pop("lead_unit")
    with pytest.raises(publish.RowKeyError) as caught:
        publish.to_frame("targets", rows)
    message = str(caught.value)
    assert "table targets" in message and "row 0" in message and rows[0]["target_id"] in message
    assert "unknown key 'lead_unti'" in message and "missing key 'lead_unit'" in message


def test_a_missing_or_unknown_key_alone_raises_too(tables):
    document = dict(tables.document)
    del document["source_url"]
    with pytest.raises(publish.RowKeyError, match=r"table documents, row 0 \(doc_id=.*missing key 'source_url'$"):
        publish.to_frame("documents", [document])
    sections = [dict(row) for row in tables.sections]
    sections[-1]["domian"] = "health"
    with pytest.raises(publish.RowKeyError, match=rf"table sections, row {len(sections) - 1} .*unknown key 'domian'$"):
        publish.to_frame("sections", sections)
