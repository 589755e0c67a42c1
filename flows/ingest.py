"""Ingest stage: find the raw sources, check them against the manifest, decode them.

A source is a file under raw/. With raw/manifest.csv the manifest lists them (file,
sha256 and whatever the text cannot say about itself); without one every *.txt file
in the folder and its subfolders is a source (`source_file` is then the path relative
to raw/, like `gd/2024/x.txt`) and all metadata comes from the text.

A source never leaves the raw folder: every path is resolved (symbolic links included)
and one that ends outside raw/ is refused by name. Nothing is skipped without a word:
a `.txt` file the manifest does not list, a manifest row without a sha256, a hidden or
linked folder each give a warning (`discover_sources`).
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("source_file", "sha256", "source_url", "region_name", "admin_level", "doc_type", "note")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a long plan is ~0.1 MB of text; 20 MB is far beyond any real document


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
    root: Path | None = None  # the raw folder the source must stay inside (None: the file's own folder)


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
    if not path.exists() and not path.is_symlink():
        return None
    if not path.resolve().is_relative_to(Path(raw_dir).resolve()):
        raise SourceError(MANIFEST_NAME, f"links outside the raw folder (to {path.resolve()}); refused")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = [dict(row) for row in csv.DictReader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(MANIFEST_NAME, f"cannot be read as a UTF-8 CSV file ({type(error).__name__}: {error})") from None
    for n, row in enumerate(rows, start=2):
        if not (row.get("source_file") or "").strip():
            raise SourceError(MANIFEST_NAME, f"row {n} has no source_file")
    return rows


def format_bytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} kB" if n >= 1024 else f"{n} bytes"


def _walk_txt(raw_dir: Path, warnings: list[str]) -> list[Path]:
    """Every *.txt file under raw_dir, subfolders included; hidden and linked folders are
    not entered, and say so."""
    found = []
    for folder, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        here = Path(folder)
        for name in sorted(dirnames):
            rel = (here / name).relative_to(raw_dir).as_posix()
            if name.startswith("."):
                warnings.append(f"{rel}/: hidden folder, not read")
            elif (here / name).is_symlink():
                warnings.append(f"{rel}/: a link to a folder, not followed")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink())
        for name in sorted(filenames):
            if not name.lower().endswith(".txt"):
                continue
            if name.startswith("."):
                warnings.append(f"{(here / name).relative_to(raw_dir).as_posix()}: hidden file, not read")
                continue
            found.append(here / name)
    return found


def discover_sources(raw_dir: Path) -> tuple[list[SourceRecord], list[str]]:
    """The files (below) and the registry's sources (raw/sources.csv: received files given their
    registry identity, fetched sources as their current snapshot; flows/registry.py)."""
    from flows import registry
    records, warnings = _discover_files(raw_dir)
    return registry.add_sources(raw_dir, records, warnings)


def _discover_files(raw_dir: Path) -> tuple[list[SourceRecord], list[str]]:
    """The sources to build, in a stable order (by relative path), and a warning for each
    file or manifest row that is not built or not checked as it might be expected to be."""
    raw_dir = Path(raw_dir)
    warnings: list[str] = []
    manifest = read_manifest(raw_dir)
    on_disk = _walk_txt(raw_dir, warnings)
    if manifest is None:
        records = [SourceRecord(p.relative_to(raw_dir).as_posix(), p, root=raw_dir) for p in on_disk]
        return sorted(records, key=lambda r: r.source_file), warnings
    records, listed = [], {}
    for n, row in enumerate(manifest, start=2):
        clean = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in row.items() if k}
        name = clean["source_file"]
        if name in listed:
            warnings.append(f"{name}: listed twice in {MANIFEST_NAME} (rows {listed[name]} and {n}); row {n} ignored")
            continue
        listed[name] = n
        if not clean.get("sha256"):
            warnings.append(f"{name}: no sha256 in {MANIFEST_NAME}, so its bytes are not checked")
        records.append(SourceRecord(name, raw_dir / name, clean.get("sha256"), clean, root=raw_dir))
    named = {os.path.normpath(r.source_file) for r in records}
    for path in on_disk:
        rel = path.relative_to(raw_dir).as_posix()
        if os.path.normpath(rel) not in named:
            warnings.append(f"{rel}: not in {MANIFEST_NAME}, not built")
    return sorted(records, key=lambda r: r.source_file), warnings


def list_sources(raw_dir: Path) -> list[SourceRecord]:
    """The sources to build, in a stable order (by relative path)."""
    return discover_sources(raw_dir)[0]


def check_size(record: SourceRecord, size: int, max_bytes: int | None) -> None:
    """The size limit (--max-bytes), checked before a byte is read: one message for every reader."""
    if max_bytes and size > max_bytes:
        raise SourceError(record.source_file, f"too large: {format_bytes(size)}, over the limit of "
                                              f"{format_bytes(max_bytes)} (--max-bytes)")


def resolved_inside(record: SourceRecord) -> Path:
    """The file a record names, resolved (links followed); SourceError if it is outside the raw folder."""
    root = Path(record.root if record.root is not None else record.path.parent).resolve()
    try:
        target = record.path.resolve()
    except (OSError, RuntimeError) as error:  # a link loop
        raise SourceError(record.source_file, f"path cannot be resolved ({error})") from None
    if not target.is_relative_to(root):
        raise SourceError(record.source_file, f"outside the raw folder {root} (resolves to {target}); refused")
    return target


def read_source(record: SourceRecord, max_bytes: int | None = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read, verify and decode one source; raise SourceError naming the file and the reason."""
    path = resolved_inside(record)
    if not path.exists():
        raise SourceError(record.source_file, f"file not found at {record.path}")
    if not path.is_file():
        raise SourceError(record.source_file, f"not a regular file ({record.path})")
    try:
        with open(path, "rb") as handle:
            check_size(record, os.fstat(handle.fileno()).st_size, max_bytes)
            data = handle.read(max_bytes + 1) if max_bytes else handle.read()
    except OSError as error:
        raise SourceError(record.source_file, f"cannot be read ({error.strerror or error})") from None
    if max_bytes and len(data) > max_bytes:  # grew while being read
        raise SourceError(record.source_file, f"too large: over the limit of {format_bytes(max_bytes)} (--max-bytes)")
    digest = sha256_bytes(data)
    if record.expected_sha256 and record.expected_sha256.lower() != digest:
        raise SourceError(record.source_file,
                          f"sha256 mismatch: manifest says {record.expected_sha256}, file has {digest}")
    if not record.source_file.lower().endswith(".txt"):  # a web page, PDF or Word file: by its bytes
        from flows import readers
        return readers.raw_document(record, data, digest)
    text, encoding = decode(data, record.source_file)
    _refuse_markup(text, record.source_file)
    from flows import readers
    if readers.sniff(data) == "html":  # a fragment of a page's markup saved as text: read as the page
        return readers.raw_document(record, data, digest)
    return RawDocument(record.source_file, digest, encoding, text, dict(record.manifest), len(data))


def _refuse_markup(text: str, source_file: str) -> None:
    """A saved web page (an error page from a failed download, most often) is not a document's text."""
    head = text[:4000].lstrip("\ufeff \t\r\n")
    if head[:14].lower().startswith(("<!doctype html", "<html")):
        found = re.search(r"<title[^>]*>([^<]{1,200})</title>", head, re.IGNORECASE)
        title = " ".join(found.group(1).split()) if found else ""
        raise SourceError(source_file, "an HTML page" + (f" ('{title}')" if title else "") +
                                       ", not a document's text (a failed download?)")


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


# Characters str.isprintable() refuses that are common in real texts and are not garbage: line breaks,
# tabs, the ideographic and no-break spaces that indent paragraphs, BOM and zero-width space. A text
# with any other one only takes the slower count in _checked.
_COMMON_UNPRINTABLE = "\n\r\t\f\u3000\xa0\ufeff\u200b"


def _checked(text: str, source_file: str) -> str:
    """Reject decodings that are not text: control characters or private-use garbage."""
    if not text.strip():
        raise SourceError(source_file, "no text after decoding")
    sample = text[:20000]
    printable = sample
    for ch in _COMMON_UNPRINTABLE:
        printable = printable.replace(ch, "")
    if printable.isprintable():
        return text  # the common case, at C speed: none of the categories counted below is present
    bad = sum(1 for ch in sample if (unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")) and ch not in "\n\r\t\f")
    if bad > max(3, len(sample) * 0.01):
        raise SourceError(source_file, f"does not look like text ({bad} control or unassigned characters in the first {len(sample)})")
    return text


def source_sha256(record: SourceRecord, max_bytes: int | None) -> str:
    """The sha256 of a source's bytes, with the checks read_source makes before decoding (inside the
    raw folder, a regular file, within the size limit, the manifest's sha256); SourceError else.
    What decoding finds wrong (an HTML page, undecodable bytes) is found by the build, by name."""
    path = resolved_inside(record)
    if not path.is_file():
        return read_source(record, max_bytes).sha256  # raises read_source's own SourceError
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            check_size(record, stat.st_size, max_bytes)
            # the same file, unchanged since this process hashed it (the command's unchanged check,
            # then the flow's plan): not read twice
            seen = (str(path), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
            sha256 = _hashed_before.get(seen)
            if sha256 is not None:
                _hashed_now[seen] = sha256
                return _matches_manifest(record, sha256)
            read = 0
            while chunk := handle.read(1 << 20):
                read += len(chunk)
                if max_bytes and read > max_bytes:
                    raise SourceError(record.source_file, f"too large: over the limit of {format_bytes(max_bytes)} "
                                                          f"(--max-bytes)")
                digest.update(chunk)
    except OSError as error:
        raise SourceError(record.source_file, f"cannot be read ({error.strerror or error})") from None
    sha256 = digest.hexdigest()
    _hashed_now[seen] = sha256
    return _matches_manifest(record, sha256)


def _matches_manifest(record: SourceRecord, sha256: str) -> str:
    if record.expected_sha256 and record.expected_sha256.lower() != sha256:
        raise SourceError(record.source_file, f"sha256 mismatch: manifest says {record.expected_sha256}, file has {sha256}")
    return sha256


# The sha256 of each file this process hashed, by (path, device, inode, size, modification time in
# ns): what the last complete pass hashed (_hashed_before) and what this pass hashed so far.
_hashed_before: dict[tuple, str] = {}
_hashed_now: dict[tuple, str] = {}


def forget_hashes_but_the_last() -> None:
    """End of a pass over the sources (a build's plan): keep its hashes for the next pass and
    forget older ones, so that memory holds one corpus's worth."""
    global _hashed_before, _hashed_now
    _hashed_before, _hashed_now = _hashed_now, {}
