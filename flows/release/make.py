"""Making a release: check the build, pick the version, write every file of the release into a
staging folder, pack it, link the archive into place (never over an existing one) and rewrite
index.json.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from flows import explorer, publish, release_formats, schema
from flows.release.accuracy import measure_accuracy
from flows.release.archive import (
    ARCHIVE_PREFIX, BUILD_INFO, CHECKSUMS, DICTIONARY, QUERY_SCRIPT, RELEASE_NOTES, UNCHECKSUMMED, ZENODO,
    ReleaseError, archive_name, build_info, existing_versions, next_version, read_archive_table, release_files,
    sha256_of, version_key, write_archive, write_index)
from flows.release.datapackage import datapackage, datapackage_json
from flows.release.notes import (changelog_markdown, citation_cff, licence_text, release_notes, release_readme,
                                 target_changes, zenodo_metadata)


def make_release(curated: Path, releases_dir: Path, version: str | None = None, today: dt.date | None = None,
                 allow_incomplete: bool = False, accuracy: dict | None = None) -> tuple[Path, pd.DataFrame]:
    """Pack the build in `curated` as a new release; returns the archive and its changes.
    `accuracy` (measure_accuracy's form) is measured here when not given."""
    curated, releases_dir = Path(curated), Path(releases_dir)
    report_path = curated / publish.REPORT_JSON
    if not report_path.exists():
        raise ReleaseError(f"{curated}: no {publish.REPORT_JSON}; build the dataset first (minsheng build)")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if report.get("status") != "complete" and not allow_incomplete:
        raise ReleaseError(f"{curated}: the last build is {report.get('status')!r}, not 'complete' "
                           f"(errors: {'; '.join(report.get('errors', [])[:3]) or 'none'}); fix it or pass --allow-incomplete")
    missing = [f"{name}.parquet" for name in schema.TABLES if not (curated / f"{name}.parquet").exists()]
    if missing:
        raise ReleaseError(f"{curated}: missing {', '.join(missing)}")

    today = today or dt.date.today()
    existing = existing_versions(releases_dir)
    version = version or next_version(existing, today)
    key = version_key(version)
    archive = releases_dir / archive_name(version)
    if archive.exists() or version in existing:
        raise ReleaseError(f"{archive}: version {version} exists already; releases are never overwritten")
    if existing and key < version_key(existing[-1]):
        raise ReleaseError(f"{version} is below the last release {existing[-1]} in {releases_dir}; "
                           "versions only go forward")
    if key[:2] > (today.year, today.month):
        raise ReleaseError(f"{version} is dated after today ({today.isoformat()}); a CalVer version names "
                           "the month it is released in")
    earlier = [v for v in existing if version_key(v) < version_key(version)]
    previous_version = earlier[-1] if earlier else None

    releases_dir.mkdir(parents=True, exist_ok=True)
    top = f"{ARCHIVE_PREFIX}{version}"
    with tempfile.TemporaryDirectory(dir=releases_dir, prefix=".staging-") as tmp:
        folder = Path(tmp) / top
        folder.mkdir()
        for name in schema.TABLES:
            shutil.copyfile(curated / f"{name}.parquet", folder / f"{name}.parquet")
        publish.write_duckdb(folder)
        shutil.copyfile(QUERY_SCRIPT, folder / "query.py")
        (folder / DICTIONARY).write_text(publish.dictionary_markdown(), encoding="utf-8")

        documents = pd.read_parquet(folder / "documents.parquet")
        targets = pd.read_parquet(folder / "targets.parquet")
        previous = read_archive_table(releases_dir / archive_name(previous_version), "targets") if previous_version else None
        named = documents
        if previous is not None:  # a removed target's document may be gone too: name its file from the last release
            before = read_archive_table(releases_dir / archive_name(previous_version), "documents")
            if before is not None:
                named = pd.concat([before[["doc_id", "source_file"]], documents[["doc_id", "source_file"]]]) \
                    .drop_duplicates("doc_id", keep="last")
        changes = target_changes(previous, targets, named)
        changes.to_csv(folder / "changes.csv", index=False, lineterminator="\n")
        (folder / "CHANGELOG.md").write_text(changelog_markdown(version, previous_version, changes, len(targets)),
                                             encoding="utf-8")
        (folder / "CITATION.cff").write_text(citation_cff(version, today), encoding="utf-8")
        (folder / "LICENSE.md").write_text(licence_text(), encoding="utf-8")
        (folder / "README.md").write_text(release_readme(version), encoding="utf-8")
        row_counts = release_formats.write_csvs(folder)
        release_formats.write_workbook(folder, folder / release_formats.WORKBOOK, release_formats.dictionary_rows(),
                                       today)
        explorer.write_explorer(folder, title=f"release {version}")
        if accuracy is None:
            accuracy = measure_accuracy(curated)
        (folder / RELEASE_NOTES).write_text(release_notes(version, previous_version, changes, len(targets), row_counts,
                                                          accuracy, today), encoding="utf-8")
        (folder / ZENODO).write_text(json.dumps(zenodo_metadata(version, today, len(targets), documents, accuracy),
                                                ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (folder / "datapackage.json").write_text(
            datapackage_json(datapackage(folder, version, today, report, documents, accuracy)), encoding="utf-8")
        listed = [n for n in release_files(folder) if n not in UNCHECKSUMMED]
        (folder / CHECKSUMS).write_text("".join(f"{sha256_of(folder / n)}  {n}\n" for n in listed), encoding="utf-8")
        (folder / BUILD_INFO).write_text(json.dumps(build_info(report), ensure_ascii=False, indent=2, default=str) + "\n",
                                         encoding="utf-8")
        partial = Path(tmp) / archive.name
        write_archive(folder, partial, mtime=int(dt.datetime(today.year, today.month, today.day,
                                                             tzinfo=dt.timezone.utc).timestamp()))
        try:
            os.link(partial, archive)  # fails if the version appeared meanwhile: never overwrite
        except FileExistsError:
            raise ReleaseError(f"{archive}: version {version} exists already; releases are never overwritten") from None
    write_index(releases_dir)
    return archive, changes
