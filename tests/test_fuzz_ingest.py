"""Fuzzing the ingest stage (issue 10): whatever the file's name, encoding or bytes,
`read_source` gives a document or raises a SourceError naming the file, never anything else;
and a name that climbs out of the raw folder is always refused."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from flows import ingest

ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1", "cp1252"]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# file names a raw folder might really hold: CJK, spaces, punctuation, dots, very long ones
names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"), min_size=1, max_size=60) \
    .filter(lambda n: n not in (".", "..") and len(n.encode("utf-8", "surrogatepass")) <= 200)
texts = st.text(st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), st.characters()), max_size=300)


def read(folder: Path, name: str, data: bytes, max_bytes=ingest.DEFAULT_MAX_BYTES):
    path = folder / name
    try:
        path.write_bytes(data)
    except OSError:
        assume(False)  # a name this file system cannot hold (too long in bytes)
    try:
        doc = ingest.read_source(ingest.SourceRecord(name, path, root=folder), max_bytes)
    except ingest.SourceError as error:
        assert error.source_file == name and str(error).startswith(f"{name}: ") and error.reason
        return error
    finally:
        path.unlink()
    assert isinstance(doc.text, str) and doc.text.strip() and doc.source_file == name
    assert doc.n_bytes == len(data)
    return doc


@FUZZ
@given(name=names, data=st.binary(max_size=400))
@example(name="空.txt", data=b"")
@example(name="bom-only.txt", data=b"\xef\xbb\xbf")
@example(name="odd-utf16.txt", data=b"\xff\xfe\x00")
@example(name="nul.txt", data=b"\x00" * 50)
@example(name="html.txt", data=b"<!DOCTYPE html><title>x</title>")
def test_any_bytes_under_any_name_give_a_document_or_a_named_source_error(name, data):
    with tempfile.TemporaryDirectory() as folder:
        read(Path(folder), name, data)


@FUZZ
@given(name=names, text=texts, encoding=st.sampled_from(ENCODINGS), bom=st.booleans())
def test_any_text_in_any_encoding_gives_a_document_or_a_named_source_error(name, text, encoding, bom):
    try:
        data, encodable = text.encode(encoding), True
    except UnicodeEncodeError:  # a lone surrogate, or a character the encoding lacks: written as '?'
        data, encodable = text.encode(encoding, errors="replace"), False
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    with tempfile.TemporaryDirectory() as folder:
        result = read(Path(folder), name, data)
    # text in an encoding that carries its own mark comes back exactly (what could be written of it)
    if isinstance(result, ingest.RawDocument) and encodable and \
            (encoding in ("utf-8-sig", "utf-16") or (bom and encoding == "utf-8")):
        assert result.text == text


@FUZZ
@given(data=st.binary(min_size=0, max_size=300), limit=st.integers(min_value=1, max_value=200))
def test_the_size_limit_is_exact(data, limit):
    with tempfile.TemporaryDirectory() as folder:
        result = read(Path(folder), "a.txt", data, max_bytes=limit)
    if len(data) > limit:
        assert isinstance(result, ingest.SourceError) and "too large" in result.reason


@FUZZ
@given(parts=st.lists(st.sampled_from(["..", ".", "sub", "a.txt", "", "..."]), min_size=1, max_size=6),
       absolute=st.booleans())
def test_a_manifest_path_is_read_only_when_it_stays_inside_the_raw_folder(parts, absolute):
    with tempfile.TemporaryDirectory() as top:
        raw = Path(top) / "raw"
        (raw / "sub").mkdir(parents=True)
        for folder in (Path(top), raw, raw / "sub"):
            (folder / "a.txt").write_text("某某县2025年民生实事\n新增城镇就业1200人。\n", encoding="utf-8")
        name = ("/" if absolute else "") + "/".join(parts)
        record = ingest.SourceRecord(name, raw / name, root=raw)
        real, root = os.path.realpath(raw / name), str(raw.resolve())
        inside = real == root or real.startswith(root + os.sep)
        try:
            ingest.read_source(record)
        except ingest.SourceError as error:
            assert inside or "outside the raw folder" in error.reason
        else:
            assert inside


def test_fuzzed_raw_folders_list_every_txt_file_once(tmp_path):
    """Random trees of folders and names: every .txt file not hidden is a source exactly once."""
    import random

    rng = random.Random(10)
    for trial in range(20):
        raw = tmp_path / f"raw{trial}"
        expected = set()
        for _ in range(rng.randint(0, 15)):
            depth = rng.randint(0, 3)
            parts = [rng.choice(["gd", "2024", "省", "a b", ".hidden", "x.txt.d"]) for _ in range(depth)]
            name = rng.choice(["x.txt", "文件.TXT", "y.md", ".z.txt", "w.txt"])
            path = raw.joinpath(*parts, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x", encoding="utf-8")
            rel = path.relative_to(raw)
            if name.lower().endswith(".txt") and not any(p.startswith(".") for p in rel.parts):
                expected.add(rel.as_posix())
        raw.mkdir(exist_ok=True)
        records, _ = ingest.discover_sources(raw)
        assert [r.source_file for r in records] == sorted(expected)
        shutil.rmtree(raw)
