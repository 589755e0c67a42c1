"""Releases: reproducible builds and archives, stable ids, changelog, verify, querying from anywhere."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pandas as pd
import pytest

from flows import publish, release, schema
from flows.flow import build_flow

TODAY = dt.date(2026, 11, 25)


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


@pytest.fixture(scope="module")
def reordered_build(tmp_path_factory, root):
    """A second build of the seeds from scratch, its manifest rows in reverse order."""
    base = tmp_path_factory.mktemp("reordered")
    raw = base / "raw"
    shutil.copytree(root / "raw", raw)
    with open(raw / "manifest.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with open(raw / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([rows[0]] + rows[1:][::-1])
    result = build_flow(raw_dir=str(raw), out_dir=str(base / "curated"), cache_dir=str(base / "cache"))
    assert result.status == "complete"
    return base / "curated"


def test_builds_from_the_same_inputs_are_byte_identical(seed_build, reordered_build):
    for name in [f"{t}.parquet" for t in schema.TABLES] + [publish.DUCKDB_NAME, publish.DICTIONARY_NAME,
                                                            "explorer/data.js", "explorer/index.html"]:
        assert (seed_build / name).read_bytes() == (reordered_build / name).read_bytes(), name


def test_ids_do_not_move_when_the_manifest_is_reordered(seed_build, reordered_build):
    def ids(folder):
        targets = pd.read_parquet(folder / "targets.parquet")
        documents = pd.read_parquet(folder / "documents.parquet")
        return (dict(zip(documents["source_file"], documents["doc_id"])),
                sorted(zip(targets["target_id"], targets["quote"], targets["indicator"])))
    assert ids(seed_build) == ids(reordered_build)
    targets = pd.read_parquet(seed_build / "targets.parquet")
    assert targets["target_id"].is_unique and len(targets) > 400


def test_release_archives_of_the_same_build_differ_only_in_build_info(seed_build, reordered_build, tmp_path):
    first, _ = release.make_release(seed_build, tmp_path / "a", today=TODAY)
    second, _ = release.make_release(reordered_build, tmp_path / "b", today=TODAY)
    assert first.name == second.name == "minsheng-v2026.11.1.tar.gz"
    a, b = members(first), members(second)
    assert a.keys() == b.keys()
    differing = sorted(name for name in a if a[name] != b[name])
    assert differing == ["minsheng-v2026.11.1/BUILD_INFO.json"]
    with tarfile.open(first, "r:gz") as x, tarfile.open(second, "r:gz") as y:
        assert [(m.name, m.mtime, m.mode, m.uid) for m in x.getmembers()] == \
               [(m.name, m.mtime, m.mode, m.uid) for m in y.getmembers()]


def test_release_contents_and_versions(seed_build, tmp_path):
    releases = tmp_path / "releases"
    archive, changes = release.make_release(seed_build, releases, today=TODAY)
    assert release.verify(archive) == []
    files = {n.split("/", 1)[1]: data for n, data in members(archive).items()}
    n_targets = len(pd.read_parquet(seed_build / "targets.parquet"))
    assert {"documents.parquet", "sections.parquet", "targets.parquet", "texts.parquet", "minsheng.duckdb",
            "datapackage.json", "DATA_DICTIONARY.md", "CHECKSUMS", "CHANGELOG.md", "changes.csv", "CITATION.cff",
            "LICENSE.md", "README.md", "query.py", "BUILD_INFO.json", ".zenodo.json", "RELEASE_NOTES.md",
            "minsheng.xlsx", "explorer/index.html", "explorer/data.js"} <= files.keys()
    assert {f"csv/{name}.csv" for name in schema.TABLES} <= files.keys()

    package = json.loads(files["datapackage.json"])
    assert package["version"] == "2026.11.1" and package["licenses"][0]["name"] == "CC-BY-4.0"
    resources = {r["name"]: r for r in package["resources"] if r["format"] == "parquet"}
    assert set(resources) == set(schema.TABLES)
    csv_resources = {r["name"]: r for r in package["resources"] if r["format"] == "csv"}
    assert set(csv_resources) == {f"{name}_csv" for name in schema.TABLES}
    assert csv_resources["targets_csv"]["rows"] == n_targets
    assert csv_resources["targets_csv"]["hash"] == f"sha256:{hashlib.sha256(files['csv/targets.csv']).hexdigest()}"
    assert {f["path"] for f in package["files"]} >= {"minsheng.xlsx", "explorer/index.html", "explorer/data.js",
                                                      "RELEASE_NOTES.md", ".zenodo.json"}
    assert resources["targets"]["rows"] == n_targets
    assert resources["targets"]["hash"] == f"sha256:{hashlib.sha256(files['targets.parquet']).hexdigest()}"
    assert [f["name"] for f in resources["targets"]["schema"]["fields"]] == schema.TARGETS.column_names
    kind = next(f for f in resources["targets"]["schema"]["fields"] if f["name"] == "kind")
    assert kind["constraints"] == {"required": True, "enum": list(schema.KINDS)}
    documents = pd.read_parquet(seed_build / "documents.parquet")
    assert [(s["title"], s["sha256"]) for s in package["sources"]] == \
        sorted(zip(documents["source_file"], documents["sha256"]))
    assert package["code_version"]["stages"] == json.loads((seed_build / publish.REPORT_JSON).read_text())["code_version"]
    listed = dict(line.split("  ")[::-1] for line in files["CHECKSUMS"].decode().splitlines())
    assert "BUILD_INFO.json" not in listed and listed.keys() == files.keys() - {"CHECKSUMS", "BUILD_INFO.json"}
    assert b"version: \"v2026.11.1\"" in files["CITATION.cff"]
    assert list(changes["change"].unique()) == ["added"] and len(changes) == n_targets

    # the next release of the month gets the next number; an existing version is never overwritten
    second, changes = release.make_release(seed_build, releases, today=TODAY)
    assert second.name == "minsheng-v2026.11.2.tar.gz" and changes.empty
    before = archive.read_bytes()
    with pytest.raises(release.ReleaseError, match="never overwritten"):
        release.make_release(seed_build, releases, version="v2026.11.1", today=TODAY)
    assert archive.read_bytes() == before
    assert release.next_version(release.existing_versions(releases), dt.date(2026, 12, 1)) == "v2026.12.1"


def test_changelog_by_target_id(seed_build, tmp_path, root):
    """A changed source sentence: its targets leave and arrive under new ids; the rest stay."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in (root / "raw").glob("*.txt"):  # no manifest: a sha256 change is allowed
        shutil.copy(path, raw / path.name)
    # the registry gives each seed its identity (doc_id from its source_id), so the edited text keeps
    # its doc_id; without a registry id or URL a document is its bytes, and an edit makes it another
    shutil.copy(root / "raw" / "sources.csv", raw / "sources.csv")
    targets = pd.read_parquet(seed_build / "targets.parquet")
    documents = pd.read_parquet(seed_build / "documents.parquet")
    # pick a simplified-script document, so that its raw text holds the clean quote as it is
    simplified = documents[documents["script"] == "simplified"]
    doc = simplified.iloc[0]
    raw_text = (raw / doc["source_file"]).read_text(encoding="utf-8")
    # a sentence without a year: a year also dates the clauses after its ';' (guide 6), and
    # their rows would change too (rightly, but this test is about the edited sentence's own rows)
    quote = next(q for q in targets[targets["doc_id"] == doc["doc_id"]]["quote"]
                 if raw_text.count(q) == 1 and not re.search(r"(19|20)\d\d", q) and re.search("[01]", q))
    edited = quote.replace("0", "9", 1) if "0" in quote else quote.replace("1", "7", 1)
    assert edited != quote
    (raw / doc["source_file"]).write_text(raw_text.replace(quote, edited), encoding="utf-8")
    out = tmp_path / "curated"
    assert build_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(tmp_path / "cache")).status == "complete"

    releases = tmp_path / "releases"
    release.make_release(seed_build, releases, today=TODAY)
    archive, changes = release.make_release(out, releases, today=TODAY)
    old_ids = set(targets[targets["quote"] == quote]["target_id"])
    new = pd.read_parquet(out / "targets.parquet")
    new_ids = set(new[new["quote"] == edited]["target_id"])
    assert set(changes[changes["change"] == "removed"]["target_id"]) == old_ids
    assert set(changes[changes["change"] == "added"]["target_id"]) == new_ids
    assert set(changes["source_file"]) == {doc["source_file"]}
    assert (changes["change"] != "changed").all()
    changelog = members(archive)["minsheng-v2026.11.2/CHANGELOG.md"].decode()
    assert "against v2026.11.1" in changelog and f"- removed: {len(old_ids)}" in changelog
    assert all(i in changelog for i in old_ids | new_ids)
    unchanged = set(targets["target_id"]) - old_ids
    assert unchanged <= set(new["target_id"])


def test_changed_values_are_reported_as_changes():
    documents = pd.DataFrame({"doc_id": ["d1"], "source_file": ["a.txt"]})
    before = pd.DataFrame({"target_id": ["t1", "t2", "t3"], "doc_id": ["d1"] * 3, "indicator": ["床位", "岗位", "学位"],
                           "value": [5.0, 100.0, 3.0], "unit": ["张", "个", "个"], "target_year": [2025, 2025, None]})
    after = pd.DataFrame({"target_id": ["t1", "t2", "t4"], "doc_id": ["d1"] * 3, "indicator": ["床位", "岗位", "园位"],
                          "value": [5.0, 120.0, 8.0], "unit": ["张", "个", "个"], "target_year": [2025, 2027, None]})
    changes = release.target_changes(before, after, documents)
    rows = {r["target_id"]: r for r in changes.to_dict("records")}
    assert rows["t4"]["change"] == "added" and rows["t4"]["after"] == "8 个"
    assert rows["t3"]["change"] == "removed" and rows["t3"]["before"] == "3 个"
    assert rows["t2"]["change"] == "changed" and rows["t2"]["columns_changed"] == "value|target_year"
    assert json.loads(rows["t2"]["before"]) == {"value": 100.0, "target_year": 2025}
    assert json.loads(rows["t2"]["after"]) == {"value": 120.0, "target_year": 2027}
    assert "t1" not in rows and rows["t2"]["source_file"] == "a.txt"


def test_verify_says_exactly_what_is_damaged(seed_build, tmp_path):
    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    folder = tmp_path / "unpacked"
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(folder, filter="data")
    top = folder / "minsheng-v2026.11.1"
    assert release.verify(top) == []

    with open(top / "sections.parquet", "r+b") as handle:  # flip bytes inside the file
        handle.seek(100)
        handle.write(b"\xff\xff\xff\xff")
    (top / "units.parquet").unlink()
    (top / "notes.txt").write_text("added by hand")
    problems = release.verify(top)
    assert any(p.startswith("sections.parquet: sha256 is ") and "CHECKSUMS says" in p for p in problems)
    assert "units.parquet: listed in CHECKSUMS but missing" in problems
    assert "units.parquet: named in datapackage.json but missing" in problems
    assert "notes.txt: present but not listed in CHECKSUMS" in problems
    assert not any(p.startswith("targets.parquet") or p.startswith("documents.parquet") for p in problems)

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    [problem] = release.verify(truncated)
    assert problem.startswith(f"{truncated}: not a readable .tar.gz archive")

    cli = subprocess.run([sys.executable, "-m", "flows", "verify", str(top)], capture_output=True, text=True)
    assert cli.returncode == 1 and "DAMAGED" in cli.stdout and "units.parquet: listed in CHECKSUMS but missing" in cli.stdout
    cli = subprocess.run([sys.executable, "-m", "flows", "verify", str(archive)], capture_output=True, text=True)
    assert cli.returncode == 0 and ": ok" in cli.stdout


def test_an_unpacked_release_answers_from_any_working_directory(seed_build, tmp_path):
    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(tmp_path / "somewhere", filter="data")
    top = tmp_path / "somewhere" / "minsheng-v2026.11.1"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    expected = len(pd.read_parquet(seed_build / "targets.parquet"))

    # the script shipped in the release (needs only duckdb), run from another directory
    run = subprocess.run([sys.executable, str(top / "query.py"), "SELECT count(*) AS n FROM targets_flat"],
                         cwd=elsewhere, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert str(expected) in run.stdout

    # plain DuckDB SQL, as the release README shows it, from another directory
    code = (f"import duckdb; con = duckdb.connect(); "
            f"con.execute(\"SET file_search_path = '{top}'\"); "
            f"con.execute(\"ATTACH '{top / 'minsheng.duckdb'}' AS minsheng (READ_ONLY)\"); "
            f"print(con.execute('SELECT count(*) FROM minsheng.targets_flat').fetchone()[0])")
    run = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(expected)

    # and without telling DuckDB where the files are, the relative views do not answer: the hazard is real
    code = (f"import duckdb; con = duckdb.connect('{top / 'minsheng.duckdb'}', read_only=True); "
            f"con.execute('SELECT count(*) FROM targets_flat').fetchone()")
    run = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True)
    assert run.returncode != 0 and "targets.parquet" in run.stderr


def test_release_refuses_an_incomplete_or_missing_build(tmp_path, seed_build):
    with pytest.raises(release.ReleaseError, match="no build_report.json"):
        release.make_release(tmp_path / "nothing", tmp_path / "releases", today=TODAY)
    copy = tmp_path / "incomplete"
    shutil.copytree(seed_build, copy)
    report = json.loads((copy / publish.REPORT_JSON).read_text())
    report.update(status="incomplete", errors=["x.txt: sha256 mismatch"])
    (copy / publish.REPORT_JSON).write_text(json.dumps(report))
    with pytest.raises(release.ReleaseError, match="'incomplete'.*x.txt: sha256 mismatch"):
        release.make_release(copy, tmp_path / "releases", today=TODAY)
    archive, _ = release.make_release(copy, tmp_path / "releases", today=TODAY, allow_incomplete=True)
    assert release.verify(archive) == []


# ---- any path, strict JSON, Frictionless, forward versions (issue 10 case 9) ----------------

AWKWARD = "数据, v1 copy [final]'s"


def unpack(archive: Path, parent: Path) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(parent, filter="data")
    return parent / archive.name[: -len(release.ARCHIVE_SUFFIX)]


def test_a_release_answers_and_verifies_under_a_path_with_commas_spaces_and_chinese(seed_build, tmp_path, root):
    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    parent = tmp_path / "x" / AWKWARD
    top = unpack(archive, parent)
    shutil.copy(archive, parent / archive.name)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    n_targets = len(pd.read_parquet(seed_build / "targets.parquet"))

    run = subprocess.run([sys.executable, str(top / "query.py"), "SELECT count(*) AS n FROM targets_flat"],
                         cwd=elsewhere, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert str(n_targets) in run.stdout
    run = subprocess.run([sys.executable, str(top / "query.py"),
                          "SELECT (SELECT count(*) FROM cascade) > 0 AND (SELECT count(*) FROM coverage) > 0 AS ok"],
                         cwd=elsewhere, capture_output=True, text=True)
    assert run.returncode == 0 and "true" in run.stdout, run.stderr

    assert release.verify(top) == []
    assert release.verify(parent / archive.name) == []
    env = {**os.environ, "PYTHONPATH": str(root)}
    for target in (top, parent / archive.name):
        cli = subprocess.run([sys.executable, "-m", "flows", "verify", str(target)], cwd=elsewhere, env=env,
                             capture_output=True, text=True)
        assert cli.returncode == 0 and ": ok" in cli.stdout, cli.stdout + cli.stderr

    # a published folder there too, opened by the package's own connect from another directory
    curated = parent / "curated"
    shutil.copytree(seed_build, curated)
    with publish.connect(curated) as con:
        assert con.execute("SELECT count(*) FROM targets_flat").fetchone()[0] == n_targets
    # and a damaged file there is reported as what it is, view by view
    (top / "units.parquet").unlink()
    problems = release.verify(top)
    assert "units.parquet: listed in CHECKSUMS but missing" in problems
    assert any(p.startswith("minsheng.duckdb: view units does not answer") for p in problems)
    assert not any("view targets_flat" in p for p in problems)


def test_datapackage_is_strict_json_with_keys_and_passes_frictionless(seed_build, tmp_path):
    import frictionless

    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    top = unpack(archive, tmp_path / "unpacked")
    text = (top / "datapackage.json").read_text(encoding="utf-8")

    def not_json(constant):
        raise AssertionError(f"datapackage.json holds {constant}, which strict JSON parsers refuse")
    package = json.loads(text, parse_constant=not_json)
    created = dt.datetime.fromisoformat(package["created"].replace("Z", "+00:00"))
    assert created.tzinfo is not None and created.date() == TODAY
    assert all(isinstance(s["path"], str) and s["path"] for s in package["sources"])

    resources = {r["name"]: r for r in package["resources"] if r["format"] == "parquet"}
    keys = {(name, fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
            for name, r in resources.items() for fk in r["schema"].get("foreignKeys", [])}
    assert {("targets", "doc_id", "documents", "doc_id"), ("targets", "section_id", "sections", "section_id"),
            ("targets", "indicator_code", "indicators", "code"), ("sections", "doc_id", "documents", "doc_id"),
            ("texts", "doc_id", "documents", "doc_id"), ("documents", "region_code", "regions", "code")} <= keys
    for name, column, target, target_column in keys:  # each key names real columns and the target's primary key
        assert column in schema.TABLES[name].column_names
        assert schema.TABLES[target].primary_key == (target_column,)
    assert {name: r["schema"]["primaryKey"] for name, r in resources.items()} == \
        {name: list(t.primary_key) for name, t in schema.TABLES.items()}

    report = frictionless.validate(str(top / "datapackage.json"))
    assert report.valid, report.flatten(["name", "rowNumber", "fieldName", "type", "note"])[:20]

    # the foreign keys are checked: a target pointing at no document is caught
    targets = pd.read_parquet(top / "targets.parquet")
    targets.loc[0, "doc_id"] = "0000000000000000"
    publish.write_parquet(publish.to_frame("targets", targets.to_dict("records")), "targets", top / "targets.parquet")
    report = frictionless.validate(str(top / "datapackage.json"))
    assert not report.valid
    assert [e[2] for e in report.flatten(["name", "rowNumber", "type"])] == ["foreign-key"]


def test_versions_only_go_forward(seed_build, tmp_path):
    releases = tmp_path / "releases"
    first, _ = release.make_release(seed_build, releases, today=TODAY)
    assert first.name == "minsheng-v2026.11.1.tar.gz"
    with pytest.raises(release.ReleaseError, match="v2026.10.3 is below the last release v2026.11.1"):
        release.make_release(seed_build, releases, version="v2026.10.3", today=TODAY)
    with pytest.raises(release.ReleaseError, match="v2026.10.1 is below the last release v2026.11.1"):
        release.make_release(seed_build, releases, today=dt.date(2026, 10, 30))  # a clock set back
    with pytest.raises(release.ReleaseError, match="v2027.1.1 is dated after today"):
        release.make_release(seed_build, releases, version="v2027.1.1", today=TODAY)
    assert release.existing_versions(releases) == ["v2026.11.1"]
    later, _ = release.make_release(seed_build, releases, today=dt.date(2026, 12, 2))
    assert later.name == "minsheng-v2026.12.1.tar.gz"


# ---- a researcher's front door (issue 15): CSV, workbook, publishing metadata, accuracy ----------

def test_csv_files_open_in_pandas_and_duckdb_with_the_parquet_row_counts(seed_build, tmp_path):
    import duckdb

    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    top = unpack(archive, tmp_path / "unpacked")
    for name in schema.TABLES:
        path = top / "csv" / f"{name}.csv"
        assert path.read_bytes()[:3] == b"\xef\xbb\xbf", name  # Excel reads Chinese correctly only with the BOM
        parquet = pd.read_parquet(top / f"{name}.parquet")
        frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert len(frame) == len(parquet) and list(frame.columns) == list(parquet.columns), name
        with duckdb.connect() as con:
            counted = con.execute("SELECT count(*) FROM read_csv(?, header = true)", [str(path)]).fetchone()[0]
            columns = [d[0] for d in con.execute("SELECT * FROM read_csv(?, header = true) LIMIT 0",
                                                 [str(path)]).description]
        assert counted == len(parquet) and columns == list(parquet.columns), name
    # Chinese text and the whole cleaned texts survive the round trip
    texts = pd.read_csv(top / "csv" / "texts.csv", encoding="utf-8-sig")
    original = pd.read_parquet(top / "texts.parquet")
    assert dict(zip(texts["doc_id"], texts["clean_text"])) == dict(zip(original["doc_id"], original["clean_text"]))
    targets = pd.read_csv(top / "csv" / "targets.csv", encoding="utf-8-sig")
    assert targets["quote"].tolist() == pd.read_parquet(top / "targets.parquet")["quote"].tolist()


def test_the_workbook_has_a_sheet_per_table_and_the_dictionary(seed_build, tmp_path):
    import openpyxl

    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    top = unpack(archive, tmp_path / "unpacked")
    workbook = openpyxl.load_workbook(top / "minsheng.xlsx", read_only=True)
    assert workbook.sheetnames == list(schema.TABLES) + ["data_dictionary"]
    for name in schema.TABLES:
        rows = list(workbook[name].iter_rows(values_only=True))
        parquet = pd.read_parquet(top / f"{name}.parquet")
        assert list(rows[0]) == list(parquet.columns), name
        assert len(rows) - 1 == len(parquet), name
    targets = list(workbook["targets"].iter_rows(values_only=True))
    quote_at = targets[0].index("quote")
    assert [r[quote_at] for r in targets[1:]] == pd.read_parquet(top / "targets.parquet")["quote"].tolist()
    dictionary = list(workbook["data_dictionary"].iter_rows(values_only=True))
    described = {(r[0], r[1]) for r in dictionary if r and len(r) > 1 and r[1]}
    assert ("targets", "quote") in described and ("documents", "doc_id") in described
    workbook.close()


def test_a_text_over_excels_cell_limit_is_cut_and_says_so(seed_build, tmp_path):
    import openpyxl

    from flows import release_formats

    folder = tmp_path / "tables"
    folder.mkdir()
    for name in schema.TABLES:
        shutil.copyfile(seed_build / f"{name}.parquet", folder / f"{name}.parquet")
    texts = pd.read_parquet(folder / "texts.parquet")
    long_text = "民生" * 30_000 + "=SUM(A1)"
    texts.loc[0, "clean_text"] = long_text
    publish.write_parquet(publish.to_frame("texts", texts.to_dict("records")), "texts", folder / "texts.parquet")
    first = release_formats.write_workbook(folder, tmp_path / "a.xlsx", release_formats.dictionary_rows(), TODAY)
    second = release_formats.write_workbook(folder, tmp_path / "b.xlsx", release_formats.dictionary_rows(), TODAY)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()  # reproducible bytes
    assert first == second and first["truncated"] == {"texts.clean_text": 1}
    workbook = openpyxl.load_workbook(tmp_path / "a.xlsx", read_only=True)
    rows = list(workbook["texts"].iter_rows(values_only=True))
    cell = rows[1][1]
    assert len(cell) == release_formats.EXCEL_CELL_LIMIT and cell.endswith("texts.csv and texts.parquet]")
    assert cell.startswith("民生民生")
    notes = " ".join(str(r[0]) for r in workbook["data_dictionary"].iter_rows(values_only=True) if r and r[0])
    assert "texts.clean_text in 1 row(s)" in notes
    workbook.close()
    # the CSV keeps the whole text
    release_formats.write_csv(folder / "texts.parquet", tmp_path / "texts.csv")
    assert pd.read_csv(tmp_path / "texts.csv", encoding="utf-8-sig")["clean_text"].iloc[0] == long_text


def test_zenodo_metadata_release_notes_and_accuracy_figures(seed_build, tmp_path, root):
    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    top = unpack(archive, tmp_path / "unpacked")
    zenodo = json.loads((top / ".zenodo.json").read_text(encoding="utf-8"))
    assert zenodo["upload_type"] == "dataset" and zenodo["version"] == "v2026.11.1"
    assert zenodo["publication_date"] == TODAY.isoformat() and zenodo["license"] == "cc-by-4.0"
    assert zenodo["creators"] and zenodo["keywords"] and zenodo["title"] and zenodo["description"]
    assert isinstance(zenodo["related_identifiers"], list)

    package = json.loads((top / "datapackage.json").read_text(encoding="utf-8"))
    accuracy = package["accuracy"]
    notes = (top / "RELEASE_NOTES.md").read_text(encoding="utf-8")
    assert "## What changed (the first release: every target is new)" in notes
    n_targets = len(pd.read_parquet(seed_build / "targets.parquet"))
    assert f"added {n_targets}, removed 0, changed 0" in notes
    seeds = accuracy["seed_targets"]
    scorer_present = (root.parent / "shared" / "tools" / "score_targets.py").is_file()
    assert seeds["measured"] is scorer_present
    if scorer_present:  # the figures are the shared scorer's own, with their sizes
        report = tmp_path / "score.json"
        subprocess.run([sys.executable, str(root.parent / "shared" / "tools" / "score_targets.py"), "--curated",
                        str(seed_build), "--gold", str(root.parent / "shared" / "gold"), "--json", str(report)],
                       check=True, capture_output=True)
        overall = json.loads(report.read_text())["overall"]
        assert (seeds["gold_rows"], seeds["predicted_rows"], seeds["matched"]) == \
            (overall["gold"], overall["pred"], overall["matched"])
        assert seeds["f1"] == round(overall["f1"], 4)
        assert f"F1 {seeds['f1']:.3f}" in notes and f"{seeds['gold_rows']} gold rows" in notes
    else:
        assert "**Targets**: not measured" in notes
    metadata = accuracy["document_metadata"]
    if metadata["measured"]:
        holdout = metadata["splits"]["holdout"]
        assert holdout["documents"] > 0 and holdout["fields"]["region_code"]["n"] == holdout["documents"]
        assert f"| holdout | {holdout['documents']} |" in notes
    else:
        assert "**Document metadata**: not measured" in notes


def test_without_the_evaluation_sets_the_figures_say_not_measured(seed_build, tmp_path):
    accuracy = release.measure_accuracy(seed_build, shared=tmp_path / "no-shared", texts=tmp_path / "no-texts")
    assert accuracy["seed_targets"] == {"measured": False, "reason": accuracy["seed_targets"]["reason"]}
    assert "not on the machine" in accuracy["seed_targets"]["reason"]
    assert accuracy["document_metadata"]["measured"] is False
    assert "evaluation texts are not on this machine" in accuracy["document_metadata"]["reason"]
    notes = release.release_notes("v2026.11.1", None, release.target_changes(None, pd.read_parquet(
        seed_build / "targets.parquet"), pd.read_parquet(seed_build / "documents.parquet")), 1, {}, accuracy, TODAY)
    assert "**Targets**: not measured" in notes and "**Document metadata**: not measured" in notes
    assert not re.search(r"F1 \d", notes)


def test_verify_catches_a_damaged_csv_or_workbook(seed_build, tmp_path):
    archive, _ = release.make_release(seed_build, tmp_path / "releases", today=TODAY)
    top = unpack(archive, tmp_path / "unpacked")
    path = top / "csv" / "targets.csv"
    path.write_bytes(path.read_bytes().rsplit(b"\n", 2)[0] + b"\n")  # a row lost
    with open(top / "minsheng.xlsx", "ab") as handle:
        handle.write(b"x")
    (top / "explorer" / "extra.js").write_text("alert(1)")
    problems = release.verify(top)
    assert any(p.startswith("csv/targets.csv: sha256 is ") for p in problems)
    assert any(p.startswith("csv/targets.csv: ") and "rows, datapackage.json says" in p for p in problems)
    assert any(p.startswith("minsheng.xlsx: sha256") for p in problems)
    assert "explorer/extra.js: present but not listed in CHECKSUMS" in problems


def test_the_build_report_shows_changed_values_by_target_id():
    documents = pd.DataFrame({"doc_id": ["d1"], "source_file": ["a.txt"]})
    before = pd.DataFrame({"target_id": ["t1", "t2"], "doc_id": ["d1"] * 2, "indicator": ["床位", "岗位"],
                           "value": [5.0, 100.0], "unit": ["张", "个"], "target_year": [2025, 2025]})
    after = pd.DataFrame({"target_id": ["t2", "t3"], "doc_id": ["d1"] * 2, "indicator": ["岗位", "学位"],
                          "value": [120.0, 8.0], "unit": ["个", "个"], "target_year": [2027, 2026]})
    summary = publish.target_changes_summary(before, after, documents)
    assert (summary["added"], summary["removed"], summary["changed"]) == (1, 1, 1)
    json.dumps(summary, allow_nan=False)  # the build report's JSON keeps every row, strictly
    page = publish.report_html({"status": "complete", "changes": {"added": [], "targets": summary}})
    table = page.split("<table id=target-changes>", 1)[1].split("</table>", 1)[0]
    changed = next(row for row in table.split("<tr")[1:] if "<code>t2</code>" in row)
    assert "value|target_year" in changed
    assert "&quot;value&quot;: 100.0" in changed and "&quot;value&quot;: 120.0" in changed
    assert "<code>t3</code>" in table and "8 个" in table and "<code>t1</code>" in table and "5 张" in table
    first = publish.changes_html(publish.target_changes_summary(None, after, documents))
    assert "2 added" in first and "first build" in first


def test_the_accuracy_section_gives_each_split_where_the_text_states_it_too():
    from flows.release.notes import accuracy_markdown

    field = {"right": 9, "wrong": 0, "null": 1, "n": 10, "accuracy": 0.9}
    stated = {"right": 9, "wrong": 0, "null": 0, "n": 9, "accuracy": 1.0}
    part = {"documents": 10, "pipeline_errors": 0,
            "fields": {k: field for k in ("region_code", "admin_level", "doc_year", "doc_type")},
            "stated_in_text": {"region_code": stated}}
    lines = accuracy_markdown({"seed_targets": {"measured": False, "reason": "x"},
                               "document_metadata": {"measured": True, "evaluation_set": "e.csv: texts",
                                                     "splits": {"holdout": part}, "note": "n"}})
    assert "| holdout | 10 | 0.900 (9/10, 0 wrong) |" in "\n".join(lines)
    assert "| holdout, where the text states it | | 1.000 (9/9, 0 wrong) | – | – | – |" in lines
