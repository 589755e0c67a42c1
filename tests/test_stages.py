"""Unit tests of the stages before targets: ingest, clean, document metadata, structure.

Plain functions, no Prefect; every text here is invented for the test.
"""
from __future__ import annotations

import hashlib
import json

import pytest

from flows import clean, ingest, metadata, structure

NOTICE = "关于印发某某市养老服务体系建设三年行动计划（2024—2026年）的通知"


# ---------------------------------------------------------------- ingest

@pytest.mark.parametrize("encoding,expected_label", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"),
])
def test_every_supported_encoding_decodes_to_the_same_text(encoding, expected_label):
    text = "到2026年，全市新增养老床位1200张，护理型床位占比达到60%。\n"
    data = text.encode(encoding)
    decoded, label = ingest.decode(data, "x.txt")
    assert decoded == text and label == expected_label


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"   \n\t ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file"),
    (bytes(range(0x80, 0x100)) * 8, "cannot be decoded as UTF-8, UTF-16 or GB18030/GBK"),
    (bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 20, "does not look like text"),
])
def test_bad_bytes_are_rejected_with_the_file_name_and_reason(data, reason):
    with pytest.raises(ingest.SourceError) as error:
        ingest.decode(data, "broken.txt")
    assert str(error.value).startswith("broken.txt: ") and reason in str(error.value)
    assert error.value.source_file == "broken.txt"


def test_manifest_checks_presence_and_sha256(tmp_path):
    good = "新增城镇就业2万人。".encode("utf-8")
    (tmp_path / "a.txt").write_bytes(good)
    (tmp_path / "b.txt").write_bytes("新建幼儿园3所。".encode("gb18030"))
    (tmp_path / "manifest.csv").write_text(
        "source_file,sha256,source_url,region_name,admin_level,doc_type,note\n"
        f"a.txt,{hashlib.sha256(good).hexdigest()},https://example.org/a,某市,prefecture,,\n"
        f"b.txt,{'0' * 64},,,,,\n"
        "c.txt,,,,,,\n", encoding="utf-8")
    records = ingest.list_sources(tmp_path)
    assert [r.source_file for r in records] == ["a.txt", "b.txt", "c.txt"]
    a = ingest.read_source(records[0])
    assert a.text == "新增城镇就业2万人。" and a.encoding == "utf-8" and a.manifest["region_name"] == "某市"
    with pytest.raises(ingest.SourceError, match=r"^b\.txt: sha256 mismatch: manifest says 0{64}, file has [0-9a-f]{64}$"):
        ingest.read_source(records[1])
    with pytest.raises(ingest.SourceError, match=r"^c\.txt: file not found"):
        ingest.read_source(records[2])


def test_without_a_manifest_every_txt_file_is_a_source(tmp_path):
    for name in ("b.txt", "a.txt", "notes.md"):
        (tmp_path / name).write_text("文本", encoding="utf-8")
    records = ingest.list_sources(tmp_path)
    assert [r.source_file for r in records] == ["a.txt", "b.txt"]
    assert all(r.expected_sha256 is None and r.manifest == {} for r in records)


# ---------------------------------------------------------------- clean

def test_glosses_removed_script_converted_and_width_folded():
    raw = "到２０２５年，全區(qū)養(yǎng)老機構護理型床位佔比達到６５％以上；"
    result = clean.clean(raw)
    assert result.clean_text == "到2025年,全区养老机构护理型床位占比达到65%以上;"
    assert result.script == "traditional"
    assert result.fix_counts["pinyin_glosses"] == 2
    assert result.fix_counts["fullwidth_chars"] == 9  # ２０２５ ６５ ％ ， ；
    assert result.fix_counts["traditional_chars"] >= 6


def test_simplified_text_keeps_its_script_and_redactions():
    raw = "*****市2024年民生实事\n新建城市书房10个。"
    result = clean.clean(raw)
    assert result.clean_text == raw and result.script == "simplified"
    assert result.fix_counts["redaction_runs"] == 1 and result.fix_counts["traditional_chars"] == 0


def test_page_clutter_preface_and_trailing_words_are_removed_and_counted():
    raw = "\n".join([
        "首页 > 政务公开 > 政策文件",
        "某地新闻网讯 近日，市政府办公室印发行动计划。",
        "原文如下：",
        NOTICE,
        "浏览量：1234",
        "一、主要目标",
        "到2026年，新增养老床位1200张。",
        "打印本页",
        "分享",
    ])
    result = clean.clean(raw)
    folded_notice = NOTICE.replace("（", "(").replace("）", ")")
    assert result.clean_text == f"{folded_notice}\n一、主要目标\n到2026年,新增养老床位1200张。"
    assert result.fix_counts["preface_lines"] == 3
    assert result.fix_counts["clutter_lines"] == 2
    assert result.fix_counts["trailing_lines"] == 1


def test_spaces_between_chinese_characters_are_removed():
    assert clean.clean("新增 城镇 就业 2 万人").clean_text.startswith("新增城镇就业")


# ---------------------------------------------------------------- document metadata

DOCUMENT = "\n".join([
    "某某市人民政府办公室",
    NOTICE,
    "某府办〔2024〕15号",
    "各区人民政府，市政府各部门：",
    "现将《某某市养老服务体系建设三年行动计划（2024—2026年）》印发给你们，请认真贯彻执行。",
    "某某市人民政府办公室",
    "2024年3月8日",
])


def test_metadata_read_from_the_text():
    meta = metadata.document_metadata(clean.clean(DOCUMENT).clean_text)
    assert meta["doc_number"] == "某府办〔2024〕15号"
    assert str(meta["issue_date"]) == "2024-03-08"
    assert meta["title"] is not None and "养老服务体系建设三年行动计划" in meta["title"]
    assert (meta["plan_start_year"], meta["plan_end_year"]) == (2024, 2026)
    assert meta["doc_type"] == "action_plan"
    assert meta["region_name"] == "某某市" and meta["admin_level"] == "prefecture"
    assert meta["issuer"] == "某某市人民政府办公室"
    assert meta["source_url"] is None


def test_metadata_falls_back_to_the_manifest_and_is_null_where_nobody_says():
    text = "一、主要目标\n新增城镇就业2万人。"
    meta = metadata.document_metadata(text, {"region_name": "江门市", "admin_level": "prefecture",
                                             "source_url": "https://example.org/x", "issue_date": "2024-05-06"})
    assert meta["region_name"] == "江门市" and meta["admin_level"] == "prefecture"
    assert meta["source_url"] == "https://example.org/x" and str(meta["issue_date"]) == "2024-05-06"
    assert meta["doc_number"] is None and meta["plan_start_year"] is None and meta["title"] is None
    assert '"region_name": "manifest"' in meta["metadata_sources"]
    bare = metadata.document_metadata(text)
    assert bare["region_name"] is None and bare["admin_level"] == "unknown"
    assert json.loads(bare["metadata_sources"]) == {"doc_type": "model"}  # no title names a kind: the model's
    stated = metadata.document_metadata(text, {"doc_type": "work_plan"})
    assert (stated["doc_type"], json.loads(stated["metadata_sources"])["doc_type"]) == ("work_plan", "manifest")


@pytest.mark.parametrize("region,level", [("广东省", "province"), ("上海市", "province"), ("盐城市", "prefecture"),
                                          ("某某县", "county"), ("凉山彝族自治州", "prefecture")])
def test_administrative_level_from_the_region_name(region, level):
    assert metadata.admin_level(region) == level


# ---------------------------------------------------------------- structure

TREE = "\n".join([
    "一、促进高质量充分就业（牵头单位：市人力资源社会保障局）",
    "（一）扩大就业容量。",
    "1.新增城镇就业2万人。",
    "（1）开发公益性岗位500个。",
    "二、发展普惠托育服务",
    "（一）增加托位供给（牵头单位：市卫生健康委）",
    "新增普惠托位1200个。",
    "| 序号 | 项目 | 牵头单位 |",
    "| 1 | 新建养老服务中心3个 | 市民政局 |",
])


def test_section_tree_levels_domains_and_lead_units():
    text = clean.clean(TREE).clean_text  # structure reads the cleaned text: （一） is (一) by then
    sections = structure.build_sections("doc", text)
    by_label = [(s.level, s.label, s.domain, s.lead_unit) for s in sections]
    assert by_label[:6] == [
        (1, "一、", "employment", "市人力资源社会保障局"),
        (2, "(一)", "employment", "市人力资源社会保障局"),
        (3, "1.", "employment", "市人力资源社会保障局"),
        (4, "(1)", "employment", "市人力资源社会保障局"),
        (1, "二、", "childcare", None),
        (2, "(一)", "childcare", "市卫生健康委"),  # the bracketed 卫生健康委 does not make it health
    ]
    employment = sections[0]
    assert [s.section_id for s in sections[:4]] == ["doc-1", "doc-1.1", "doc-1.1.1", "doc-1.1.1.1"]
    assert sections[1].parent_id == employment.section_id
    table_rows = [s for s in sections if "养老服务中心" in s.heading]
    assert table_rows and table_rows[-1].lead_unit == "市民政局"
    inner = structure.section_at(sections, text.index("新增普惠托位"))
    assert inner.label == "(一)" and inner.lead_unit == "市卫生健康委"
