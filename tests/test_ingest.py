"""Ingest stage through real files: encodings, manifest checks and rejections.

tests/test_stages.py checks `ingest.decode` on bytes; here every case is a file written to
a temporary folder and read the way the flow reads it (list_sources -> read_source), so the
manifest, the sha256 of the bytes on disk and the error messages are checked as well.
All texts are invented for these tests.
"""
from __future__ import annotations

import hashlib

import pytest

from flows import ingest

HEADER = "source_file,sha256,source_url,region_name,admin_level,doc_type,note\n"
# CJK, ASCII digits and punctuation, a CRLF line break (ingest keeps it; clean unifies it)
TEXT = "某某县2025年民生实事：新建托育园3所，改造燃气管道12公里。\r\n二、保障措施\n"


def write_folder(folder, files: dict[str, bytes], manifest: list[str] | None) -> None:
    for name, data in files.items():
        (folder / name).write_bytes(data)
    if manifest is not None:
        (folder / "manifest.csv").write_text(HEADER + "".join(row + "\n" for row in manifest), encoding="utf-8")


def read_all(folder):
    """Every source of a folder: the decoded document, or the SourceError it raised."""
    out = {}
    for record in ingest.list_sources(folder):
        try:
            out[record.source_file] = ingest.read_source(record)
        except ingest.SourceError as error:
            out[record.source_file] = error
    return out


@pytest.mark.parametrize("encoding,data,label", [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    ("gbk", TEXT.encode("gbk"), "gb18030"),
    ("utf-16-le with BOM", b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16"),
    ("utf-16-be with BOM", b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_a_file_in_each_encoding_reads_back_as_the_same_text(tmp_path, encoding, data, label):
    digest = hashlib.sha256(data).hexdigest()
    write_folder(tmp_path, {"doc.txt": data},
                 [f"doc.txt,{digest},https://example.org/doc,某某县,county,practical_matters_list,{encoding}"])
    [doc] = read_all(tmp_path).values()
    assert isinstance(doc, ingest.RawDocument), doc
    assert doc.text == TEXT  # BOM gone, line breaks untouched
    assert (doc.source_file, doc.encoding, doc.sha256, doc.n_bytes) == ("doc.txt", label, digest, len(data))
    assert doc.manifest == {"source_file": "doc.txt", "sha256": digest, "source_url": "https://example.org/doc",
                            "region_name": "某某县", "admin_level": "county", "doc_type": "practical_matters_list",
                            "note": encoding}


def test_gb18030_characters_outside_gbk_decode():
    # 𠮷 (a four-byte GB18030 sequence) and € are not in GBK; the file is still read
    text = "𠮷祥社区新建食堂1个，每餐补贴3€。"
    assert ingest.decode(text.encode("gb18030"), "gb.txt") == (text, "gb18030")


def test_sha256_in_the_manifest_is_compared_case_insensitively(tmp_path):
    data = "新增城镇就业800人。".encode("utf-8")
    write_folder(tmp_path, {"a.txt": data}, [f"a.txt,{hashlib.sha256(data).hexdigest().upper()},,,,,"])
    [doc] = read_all(tmp_path).values()
    assert isinstance(doc, ingest.RawDocument) and doc.sha256 == hashlib.sha256(data).hexdigest()


def test_every_bad_file_is_rejected_with_its_name_and_reason(tmp_path):
    good = "一、目标\n新建口袋公园6个。\n".encode("utf-8")
    altered = "改造老旧小区40个。".encode("utf-8")
    files = {
        "good.txt": good,
        "altered.txt": altered,
        "undecodable.txt": bytes(range(0x80, 0x100)) * 4,  # neither UTF-8 nor GB18030
        "binary.txt": b"%PDF-1.7\n\x00\x00\x01\x02" + bytes(64),
        "empty.txt": b"",
        "blank.txt": b" \r\n\t\n",
        "controls.txt": bytes(b for b in range(1, 32) if b not in (9, 10, 12, 13)) * 10,
    }
    manifest = [f"good.txt,{hashlib.sha256(good).hexdigest()},,,,,",
                f"altered.txt,{hashlib.sha256(altered + b'!').hexdigest()},,,,,",
                "missing.txt,,,,,,"]
    manifest += [f"{name},,,,,," for name in files if name not in ("good.txt", "altered.txt")]
    write_folder(tmp_path, files, manifest)
    results = read_all(tmp_path)
    assert sorted(results) == sorted([*files, "missing.txt"])
    assert isinstance(results.pop("good.txt"), ingest.RawDocument)
    reasons = {
        "altered.txt": f"sha256 mismatch: manifest says {hashlib.sha256(altered + b'!').hexdigest()}, "
                       f"file has {hashlib.sha256(altered).hexdigest()}",
        "missing.txt": f"file not found at {tmp_path / 'missing.txt'}",
        "undecodable.txt": "cannot be decoded as UTF-8, UTF-16 or GB18030/GBK",
        "binary.txt": "binary file (NUL bytes), not text in UTF-8, UTF-16 or GB18030",
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "controls.txt": "does not look like text (270 control or unassigned characters in the first 270)",
    }
    for name, error in results.items():
        assert isinstance(error, ingest.SourceError), name
        assert (error.source_file, error.reason, str(error)) == (name, reasons[name], f"{name}: {reasons[name]}")


def test_the_manifest_decides_which_files_are_sources(tmp_path):
    write_folder(tmp_path, {"listed.txt": "新建公园1个。".encode(), "unlisted.txt": "新建公园2个。".encode()},
                 ["listed.txt, , https://example.org/x ,  ,,,"])
    [record] = ingest.list_sources(tmp_path)
    assert record.source_file == "listed.txt" and record.path == tmp_path / "listed.txt"
    # blank cells are None and cells are stripped, so a blank sha256 means "not checked"
    assert record.expected_sha256 is None
    assert record.manifest == {"source_file": "listed.txt", "sha256": None, "source_url": "https://example.org/x",
                               "region_name": None, "admin_level": None, "doc_type": None, "note": None}


def test_a_manifest_row_without_a_file_name_is_an_error_naming_the_manifest(tmp_path):
    write_folder(tmp_path, {"a.txt": "新建公园1个。".encode()}, ["a.txt,,,,,,", ",,,某某市,,,"])
    with pytest.raises(ingest.SourceError) as error:
        ingest.list_sources(tmp_path)
    assert str(error.value) == "manifest.csv: row 3 has no source_file"


def test_without_a_manifest_every_txt_file_is_read_in_name_order(tmp_path):
    texts = {"b.txt": "新建公园2个。".encode("gb18030"), "a.txt": "新建公园1个。".encode("utf-16"),
             "c.txt": "新建公园3个。".encode("utf-8")}
    write_folder(tmp_path, {**texts, "notes.md": b"# notes", "data.csv": b"x,y\n"}, None)
    (tmp_path / "folder.txt").mkdir()  # a directory with a .txt name is no source
    docs = read_all(tmp_path)
    assert list(docs) == ["a.txt", "b.txt", "c.txt"]
    assert [(d.text, d.encoding, d.manifest) for d in docs.values()] == [
        ("新建公园1个。", "utf-16", {}), ("新建公园2个。", "gb18030", {}), ("新建公园3个。", "utf-8", {})]


# A byte-order mark promises an encoding; bytes after it that break the promise are a
# damaged file, reported by name like any other bad source (not a crash of the build).
@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + "新建公园".encode("gbk"),            # UTF-8 BOM, then GBK bytes
    b"\xff\xfe" + "新建公园".encode("utf-16-le")[:-1],     # UTF-16 BOM, odd length (truncated file)
], ids=["utf8-bom-then-gbk", "utf16-bom-truncated"])
def test_bytes_that_break_their_bom_are_a_source_error(data):
    with pytest.raises(ingest.SourceError, match=r"^bom\.txt: "):
        ingest.decode(data, "bom.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_chinese_only_utf16_without_a_bom_is_read_though_it_has_nul_bytes(encoding):
    text = "一、目标\n新建社区食堂一百个。"  # 一 is U+4E00: a NUL byte in UTF-16
    assert ingest.decode(text.encode(encoding), "u16.txt") == (text, "utf-16")


def test_an_upper_case_txt_extension_is_a_source_too(tmp_path):
    write_folder(tmp_path, {"B.TXT": "新建公园2个。".encode("utf-8"), "a.txt": "新建公园1个。".encode("utf-8")}, None)
    assert list(read_all(tmp_path)) == ["B.TXT", "a.txt"]
