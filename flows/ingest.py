"""Ingest stage: find the raw sources, check them against the manifest, decode them.

A source is a file under raw/. With raw/manifest.csv the manifest lists them (file,
sha256 and whatever the text cannot say about itself); without one every *.txt file
in the folder is a source and all metadata comes from the text.
"""
from __future__ import annotations

import csv
import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("source_file", "sha256", "source_url", "region_name", "admin_level", "doc_type", "note")


class SourceError(Exception):
    """A source that cannot be built; the message names the file and the reason."""

    def __init__(self, source_file: str, reason: str):
        super().__init__(f"{source_file}: {reason}")
        self.source_file = source_file
        self.reason = reason


@dataclass(frozen=True)
class SourceRecord:
    source_file: str
    path: Path
    expected_sha256: str | None = None
    manifest: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RawDocument:
    source_file: str
    sha256: str
    encoding: str
    text: str
    manifest: dict
    n_bytes: int


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(raw_dir: Path) -> list[dict] | None:
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.exists():
        return None
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [dict(row) for row in csv.DictReader(handle)]
    for row in rows:
        if not row.get("source_file"):
            raise SourceError(MANIFEST_NAME, "a row has no source_file")
    return rows


def list_sources(raw_dir: Path) -> list[SourceRecord]:
    """The sources to build, in a stable order (by file name)."""
    raw_dir = Path(raw_dir)
    manifest = read_manifest(raw_dir)
    if manifest is None:
        paths = sorted(p for p in raw_dir.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        return [SourceRecord(p.name, p) for p in paths]
    records = []
    for row in manifest:
        clean = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in row.items() if k}
        records.append(SourceRecord(clean["source_file"], raw_dir / clean["source_file"],
                                    clean.get("sha256"), clean))
    return sorted(records, key=lambda r: r.source_file)


def read_source(record: SourceRecord) -> RawDocument:
    """Read, verify and decode one source; raise SourceError naming the file and the reason."""
    if not record.path.is_file():
        raise SourceError(record.source_file, f"file not found at {record.path}")
    data = record.path.read_bytes()
    digest = sha256_bytes(data)
    if record.expected_sha256 and record.expected_sha256.lower() != digest:
        raise SourceError(record.source_file,
                          f"sha256 mismatch: manifest says {record.expected_sha256}, file has {digest}")
    if not record.source_file.lower().endswith(".txt"):  # a web page, PDF or Word file: by its bytes
        from flows import readers
        return readers.raw_document(record, data, digest)
    text, encoding = decode(data, record.source_file)
    return RawDocument(record.source_file, digest, encoding, text, dict(record.manifest), len(data))


def decode(data: bytes, source_file: str = "<bytes>") -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 (with BOM, or plain LE/BE) or GB18030/GBK."""
    if not data.strip():
        raise SourceError(source_file, "empty file")
    # A byte-order mark promises an encoding; bytes that break the promise are a damaged
    # file, not a cue to guess another encoding.
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(_strict(data[3:], "utf-8", "a UTF-8 byte-order mark", source_file), source_file), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(_strict(data, "utf-16", "a UTF-16 byte-order mark", source_file), source_file), "utf-16"
    utf16 = _guess_utf16(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), source_file), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        utf16_text = _plausible_utf16(data)
        if utf16_text is not None:
            return _checked(utf16_text, source_file), "utf-16"
        raise SourceError(source_file, "binary file (NUL bytes), not text in UTF-8, UTF-16 or GB18030")
    try:
        return _checked(data.decode("utf-8"), source_file), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("gb18030"), source_file), "gb18030"
    except UnicodeDecodeError:
        raise SourceError(source_file, "cannot be decoded as UTF-8, UTF-16 or GB18030/GBK") from None


def _strict(data: bytes, encoding: str, promise: str, source_file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(source_file, f"starts with {promise} but byte {error.start} is not valid "
                                       f"{encoding.upper()} ({error.reason}); damaged or mis-saved file") from None


def _plausible_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM and almost no ASCII: its NUL bytes come only from characters
    like 一 (U+4E00). Accept a decoding that is nearly all CJK, punctuation and ASCII text."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        readable = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                       or "\uff00" <= ch <= "\uffef" or " " <= ch <= "~" or ch in "\n\r\t")
        if readable >= len(sample) * 0.95:
            return text
    return None


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Chinese text has few NUL bytes, ASCII-heavy UTF-16 has many."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _checked(text: str, source_file: str) -> str:
    """Reject decodings that are not text: control characters or private-use garbage."""
    if not text.strip():
        raise SourceError(source_file, "no text after decoding")
    sample = text[:20000]
    bad = sum(1 for ch in sample if (unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")) and ch not in "\n\r\t\f")
    if bad > max(3, len(sample) * 0.01):
        raise SourceError(source_file, f"does not look like text ({bad} control or unassigned characters in the first {len(sample)})")
    return text
