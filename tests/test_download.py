"""`minsheng download` (issue 15): a release is fetched from a folder or from an HTTP server on
127.0.0.1 (never the internet), checked, unpacked and queried; and from a build, `minsheng release`
then `minsheng download --from <that folder>` then the README's example query work end to end."""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from flows import download, release

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def releases(seed_build, tmp_path_factory):
    """A folder of two releases, as `minsheng release` leaves it (archives and index.json)."""
    folder = tmp_path_factory.mktemp("published") / "releases"
    accuracy = release.not_measured_accuracy("not measured in this test")
    release.make_release(seed_build, folder, today=TODAY, accuracy=accuracy)
    release.make_release(seed_build, folder, today=TODAY, accuracy=accuracy)
    return folder


@pytest.fixture
def server(tmp_path):
    """Serve a folder over HTTP on 127.0.0.1 (an ephemeral port); yields (folder, base URL)."""
    folder = tmp_path / "served"
    folder.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def n_targets(folder: Path) -> int:
    return len(pd.read_parquet(folder / "targets.parquet"))


def test_download_from_a_folder_takes_the_latest_or_the_version_named(releases, tmp_path, seed_build):
    index = json.loads((releases / release.INDEX).read_text())
    assert index["latest"] == "v2026.11.2" and [r["version"] for r in index["releases"]] == ["v2026.11.1", "v2026.11.2"]
    latest = download.download(source=str(releases), to=tmp_path / "data")
    assert latest == tmp_path / "data" / "minsheng-v2026.11.2" and release.verify(latest) == []
    older = download.download("v2026.11.1", source=str(releases), to=tmp_path / "data")
    assert older.name == "minsheng-v2026.11.1" and n_targets(older) == n_targets(seed_build)
    # again: the verified copy is kept, nothing is fetched twice
    assert download.download("v2026.11.1", source=str(releases), to=tmp_path / "data") == older
    # one archive named directly
    single = download.download(source=str(releases / "minsheng-v2026.11.1.tar.gz"), to=tmp_path / "single")
    assert single.name == "minsheng-v2026.11.1"
    with pytest.raises(download.DownloadError, match=r"no release v2026.11.9 \(available: v2026.11.1, v2026.11.2\)"):
        download.download("v2026.11.9", source=str(releases), to=tmp_path / "data")
    with pytest.raises(download.DownloadError, match="no such folder or archive"):
        download.download(source=str(tmp_path / "nowhere"), to=tmp_path / "data")
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["minsheng-v2026.11.1", "minsheng-v2026.11.2"]


def test_download_over_http_from_127_0_0_1(releases, server, tmp_path, seed_build):
    served, url = server
    for path in releases.iterdir():
        shutil.copy(path, served / path.name)
    folder = download.download(source=url, to=tmp_path / "data")  # the latest, by index.json
    assert folder.name == "minsheng-v2026.11.2" and release.verify(folder) == []
    assert n_targets(folder) == n_targets(seed_build)
    # a folder served without index.json: the directory listing names the archives
    (served / release.INDEX).unlink()
    folder = download.download("v2026.11.1", source=url.rstrip("/"), to=tmp_path / "other")
    assert folder.name == "minsheng-v2026.11.1"
    assert download.download(source=url, to=tmp_path / "listing").name == "minsheng-v2026.11.2"
    # an archive URL
    assert download.download(source=url + "minsheng-v2026.11.1.tar.gz", to=tmp_path / "direct").name == \
        "minsheng-v2026.11.1"
    with pytest.raises(download.DownloadError, match="HTTP 404"):
        download.download("v2026.10.1", source=url, to=tmp_path / "missing")


def test_a_damaged_or_altered_download_is_refused_and_leaves_nothing(releases, server, tmp_path):
    served, url = server
    for path in releases.iterdir():
        shutil.copy(path, served / path.name)
    archive = served / "minsheng-v2026.11.2.tar.gz"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    to = tmp_path / "data"
    with pytest.raises(download.DownloadError, match="sha256 is .* index.json says"):
        download.download(source=url, to=to)
    assert [p.name for p in to.iterdir()] == []  # no partial folder, no temporary files
    # without an index to compare with, verify catches it: a damaged gzip stream or a file that fails its checksum
    (served / release.INDEX).unlink()
    with pytest.raises(download.DownloadError, match="not a readable .tar.gz archive|does not verify"):
        download.download("v2026.11.2", source=url, to=to)
    assert [p.name for p in to.iterdir()] == []


def readme_example_query(root: Path) -> str:
    """The query the README's download section runs on a downloaded release."""
    text = (root / "README.md").read_text(encoding="utf-8")
    section = text.split("## Download a release", 1)[1].split("\n## ", 1)[0]
    match = re.search(r'query\.py "([^"]+)"', section)
    assert match, "the README's download section shows a query.py example"
    return match.group(1)


def test_release_then_download_then_the_readme_query_end_to_end(seed_build, tmp_path, root):
    """From a build, as a maintainer and a researcher would type it: minsheng release, minsheng
    download --from <that folder>, then the README's example query on the downloaded copy."""
    curated = tmp_path / "curated"
    shutil.copytree(seed_build, curated)
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("MINSHENG_RELEASES_URL", None)
    made = subprocess.run([sys.executable, "-m", "flows", "release", "--curated", str(curated), "--releases",
                           str(tmp_path / "releases")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    [archive] = (tmp_path / "releases").glob("minsheng-v*.tar.gz")
    version = archive.name[len("minsheng-"):-len(".tar.gz")]

    elsewhere = tmp_path / "researcher"
    elsewhere.mkdir()
    fetched = subprocess.run([sys.executable, "-m", "flows", "download", "--from", str(tmp_path / "releases"),
                              "--to", "data"], capture_output=True, text=True, env=env, cwd=elsewhere)
    assert fetched.returncode == 0, fetched.stderr
    folder = elsewhere / "data" / f"minsheng-{version}"
    assert f"{folder}: ok" in fetched.stdout and "query.py" in fetched.stdout
    assert str(folder / "explorer" / "index.html") in fetched.stdout

    query = readme_example_query(root)
    run = subprocess.run([sys.executable, str(folder / "query.py"), query], capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    regions = pd.read_parquet(folder / "documents.parquet")["region_name"].dropna()
    assert all(name in run.stdout for name in regions)
    # the release notes and the accuracy figures came along
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert set(package["accuracy"]) == {"seed_targets", "document_metadata"}
    assert (folder / "RELEASE_NOTES.md").exists() and (folder / ".zenodo.json").exists()


def test_download_with_nowhere_to_download_from_says_how(tmp_path, root):
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("MINSHENG_RELEASES_URL", None)
    run = subprocess.run([sys.executable, "-m", "flows", "download"], capture_output=True, text=True, env=env,
                         cwd=tmp_path)
    assert run.returncode == 1
    assert "MINSHENG_RELEASES_URL" in run.stderr and "--from" in run.stderr
