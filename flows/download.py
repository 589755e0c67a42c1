"""`minsheng download`: fetch a release archive, check it, unpack it, say how to query it.

    download(version=None, source=None, to=".")  ->  the unpacked release folder

`source` is where releases are published: a folder (what `minsheng release` writes: the
archives and index.json), an http(s) URL of such a folder, or one archive (a path or a URL
ending in .tar.gz). Without it, the environment variable MINSHENG_RELEASES_URL, else the
local `releases/` folder. Without a version, the latest: index.json's "latest", else the
highest version among the archives a folder holds or an HTTP directory listing links to.

The archive's sha256 is checked against index.json when there is one, then the archive is
unpacked (safe member names only) into a temporary folder beside the destination, checked
with `minsheng verify` (every checksum, the datapackage's schemas, every view), and only
then renamed into place: a download that fails or is damaged leaves nothing behind.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tarfile
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from flows import release

ENV_URL = "MINSHENG_RELEASES_URL"
DEFAULT_SOURCE = "releases"
TIMEOUT = 60.0
MAX_BYTES = 4 * 1024 ** 3
_ARCHIVE_LINK = re.compile(r"""href=["']?([^"'\s>]*minsheng-v\d{4}\.\d{1,2}\.\d+\.tar\.gz)""")


class DownloadError(Exception):
    """A download that cannot be done; the message says why."""


@dataclass
class Located:
    version: str
    location: str            # path or URL of the archive
    sha256: str | None       # from index.json, when the source has one


def default_source() -> str:
    return os.environ.get(ENV_URL) or DEFAULT_SOURCE


def is_url(text: str) -> bool:
    return urllib.parse.urlsplit(text).scheme in ("http", "https")


def _version_of(name: str) -> str | None:
    base = name.rsplit("/", 1)[-1]
    if base.startswith(release.ARCHIVE_PREFIX) and base.endswith(release.ARCHIVE_SUFFIX):
        version = base[len(release.ARCHIVE_PREFIX):-len(release.ARCHIVE_SUFFIX)]
        if release.VERSION_PATTERN.match(version):
            return version
    return None


def _client():
    import httpx

    return httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": "minsheng-download"})


def _get_text(client, url: str) -> str | None:
    import httpx

    try:
        response = client.get(url)
    except httpx.HTTPError as error:
        raise DownloadError(f"{url}: {type(error).__name__}: {error}") from None
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        raise DownloadError(f"{url}: HTTP {response.status_code}")
    return response.text


def _pick(available: dict[str, Located], version: str | None, where: str) -> Located:
    if not available:
        raise DownloadError(f"{where}: no release archives ({release.ARCHIVE_PREFIX}vYYYY.M.N{release.ARCHIVE_SUFFIX}) found")
    if version is None:
        return available[max(available, key=release.version_key)]
    if version not in available:
        shown = ", ".join(sorted(available, key=release.version_key))
        raise DownloadError(f"{where}: no release {version} (available: {shown})")
    return available[version]


def _from_index(index: dict, base: str, join) -> tuple[dict[str, Located], str | None]:
    available = {}
    for entry in index.get("releases", []):
        version, archive = entry.get("version"), entry.get("archive")
        if isinstance(version, str) and isinstance(archive, str) and release.VERSION_PATTERN.match(version) \
                and "/" not in archive and ".." not in archive:
            available[version] = Located(version, join(base, archive), entry.get("sha256"))
    return available, index.get("latest")


def locate(version: str | None, source: str) -> Located:
    """Where the archive of `version` (None: the latest) is, and its expected sha256 if published."""
    if version is not None:
        release.version_key(version)  # a clear error for a malformed version
    if is_url(source):
        if _version_of(urllib.parse.urlsplit(source).path):
            found = _version_of(urllib.parse.urlsplit(source).path)
            if version and version != found:
                raise DownloadError(f"{source} is release {found}, not {version}")
            return Located(found, source, None)
        base = source if source.endswith("/") else source + "/"
        with _client() as client:
            text = _get_text(client, urllib.parse.urljoin(base, release.INDEX))
            if text is not None:
                try:
                    index = json.loads(text)
                except ValueError as error:
                    raise DownloadError(f"{base}{release.INDEX} is not JSON ({error})") from None
                available, latest = _from_index(index, base, urllib.parse.urljoin)
                if version is None and latest in available:
                    return available[latest]
                return _pick(available, version, base)
            if version is not None:  # no index: the archive's conventional name
                return Located(version, urllib.parse.urljoin(base, release.archive_name(version)), None)
            listing = _get_text(client, base)
        if listing is None:
            raise DownloadError(f"{base}: no {release.INDEX} and no listing; name a version or an archive URL")
        available = {}
        for href in _ARCHIVE_LINK.findall(listing):
            found = _version_of(urllib.parse.unquote(href))
            if found:
                available[found] = Located(found, urllib.parse.urljoin(base, href), None)
        return _pick(available, None, base)

    path = Path(source).expanduser()
    if path.is_file():
        found = _version_of(path.name)
        if found is None:
            raise DownloadError(f"{path}: not a release archive name ({release.ARCHIVE_PREFIX}vYYYY.M.N{release.ARCHIVE_SUFFIX})")
        if version and version != found:
            raise DownloadError(f"{path} is release {found}, not {version}")
        return Located(found, str(path), None)
    if not path.is_dir():
        hint = "" if source != DEFAULT_SOURCE else f" (pass --from a folder or URL, or set {ENV_URL})"
        raise DownloadError(f"{path}: no such folder or archive{hint}")
    index_path = path / release.INDEX
    sums = {}
    if index_path.is_file():
        try:
            available, _ = _from_index(json.loads(index_path.read_text(encoding="utf-8")), str(path),
                                       lambda base, name: str(Path(base) / name))
            sums = {v: loc.sha256 for v, loc in available.items()}
        except ValueError:
            sums = {}
    available = {v: Located(v, str(path / release.archive_name(v)), sums.get(v))
                 for v in release.existing_versions(path)}
    return _pick(available, version, str(path))


def fetch(located: Located, target: Path) -> None:
    """Copy or download the archive to `target`, checking its sha256 when it was published."""
    digest = hashlib.sha256()
    if is_url(located.location):
        import httpx

        size = 0
        try:
            with _client() as client, client.stream("GET", located.location) as response:
                if response.status_code != 200:
                    raise DownloadError(f"{located.location}: HTTP {response.status_code}")
                with open(target, "wb") as handle:
                    for block in response.iter_bytes(1 << 20):
                        size += len(block)
                        if size > MAX_BYTES:
                            raise DownloadError(f"{located.location}: larger than {MAX_BYTES} bytes")
                        digest.update(block)
                        handle.write(block)
        except httpx.HTTPError as error:
            raise DownloadError(f"{located.location}: {type(error).__name__}: {error}") from None
    else:
        with open(located.location, "rb") as source, open(target, "wb") as handle:
            for block in iter(lambda: source.read(1 << 20), b""):
                digest.update(block)
                handle.write(block)
    if located.sha256 and digest.hexdigest() != located.sha256:
        raise DownloadError(f"{located.location}: sha256 is {digest.hexdigest()}, {release.INDEX} says "
                            f"{located.sha256} (a damaged or altered download)")


def unpack(archive: Path, into: Path) -> Path:
    """Unpack safely (no absolute or '..' names, no links out: the 'data' filter) into `into`;
    returns the one top folder."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            names = tar.getnames()
            bad = [n for n in names if n.startswith("/") or ".." in Path(n).parts]
            if bad:
                raise DownloadError(f"{archive.name}: unsafe member path {bad[0]!r}")
            try:
                tar.extractall(into, filter="data")
            except TypeError:  # Python before 3.11.4: names were checked above
                tar.extractall(into)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise DownloadError(f"{archive.name}: not a readable .tar.gz archive ({type(error).__name__}: {error})") from None
    tops = sorted(into.iterdir())
    if len(tops) != 1 or not tops[0].is_dir():
        raise DownloadError(f"{archive.name}: expected one top folder, found {[p.name for p in tops]}")
    return tops[0]


def download(version: str | None = None, source: str | None = None, to: Path | str = ".") -> Path:
    """Fetch, check and unpack a release; returns its folder (to/minsheng-vYYYY.M.N)."""
    source = source or default_source()
    located = locate(version, source)
    to = Path(to).expanduser()
    to.mkdir(parents=True, exist_ok=True)
    destination = to / f"{release.ARCHIVE_PREFIX}{located.version}"
    if destination.exists():
        problems = release.verify(destination)
        if not problems:
            return destination
        raise DownloadError(f"{destination} exists and does not verify ({problems[0]}); move it away first")
    with tempfile.TemporaryDirectory(dir=to, prefix=".minsheng-download-") as tmp:
        archive = Path(tmp) / release.archive_name(located.version)
        fetch(located, archive)
        unpacked = Path(tmp) / "unpacked"
        unpacked.mkdir()
        top = unpack(archive, unpacked)
        if top.name != destination.name:
            raise DownloadError(f"{located.location}: holds {top.name}, expected {destination.name}")
        problems = release.verify_folder(top)
        if problems:
            raise DownloadError(f"{located.location} does not verify: " + "; ".join(problems[:5])
                                + (f" and {len(problems) - 5} more" if len(problems) > 5 else ""))
        top.rename(destination)
    return destination


def how_to_query(folder: Path) -> str:
    folder = folder.resolve()
    sql_path = str(folder).replace("'", "''")
    return f"""Query it:
  python {_shell_quote(folder / 'query.py')} "SELECT region_name, count(*) AS n FROM targets_flat GROUP BY ALL ORDER BY n DESC"
or in any DuckDB client:
  SET file_search_path = '{sql_path}';
  ATTACH '{sql_path}/minsheng.duckdb' AS minsheng (READ_ONLY);
  SELECT * FROM minsheng.targets_flat LIMIT 5;
Look at it in a browser (no server needed): {folder / 'explorer' / 'index.html'}
Spreadsheets: {folder / 'csv'}/<table>.csv (UTF-8 with BOM) and {folder / 'minsheng.xlsx'}
What is in it: {folder / 'README.md'}, {folder / 'DATA_DICTIONARY.md'}, {folder / 'RELEASE_NOTES.md'}"""


def _shell_quote(path: Path) -> str:
    text = str(path)
    return text if re.fullmatch(r"[\w./+-]+", text) else "'" + text.replace("'", "'\\''") + "'"
