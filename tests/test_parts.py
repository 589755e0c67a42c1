"""Parts: stable batches, kept parts on a rebuild, the same bytes as a build from scratch."""
from __future__ import annotations

import json
import shutil

import pytest

from flows import parts, publish, schema


def test_adding_or_removing_one_source_moves_the_ends_of_its_own_batch_only():
    names = [f"gd/{n:05d}.txt" for n in range(3000)]
    runs = parts.cut_batches(names, 50)
    assert 30 < len(runs) < 120 and max(len(r) for r in runs) <= 150
    keys = {tuple(names[i] for i in r) for r in runs}
    for changed in (names[:1500] + ["gd/01500a.txt"] + names[1500:], names[:700] + names[701:]):
        other = {tuple(changed[i] for i in r) for r in parts.cut_batches(changed, 50)}
        assert len(keys - other) <= 3 and len(other - keys) <= 3


@pytest.mark.integration
def test_a_rebuild_keeps_unchanged_parts_and_gives_the_bytes_of_a_build_from_scratch(tmp_path, root):
    from flows.flow import build_flow

    raw = tmp_path / "raw"
    raw.mkdir()
    for copy in range(3):
        for path in sorted((root / "raw").glob("*.txt")):
            shutil.copy(path, raw / f"{copy}_{path.name}")  # no manifest: the same bytes are one document
    # distinct documents: a line naming the copy (doc_id is the bytes' sha256 without a manifest)
    for n, path in enumerate(sorted(raw.glob("*.txt"))):
        path.write_bytes(path.read_bytes() + f"\n（第{n}份）\n".encode("utf-8") if path.read_bytes()[:3] != b"\xef\xbb\xbf"
                         else path.read_bytes() + f"\n（第{n}份）\n".encode("utf-8"))
    out = tmp_path / "curated"
    kwargs = dict(raw_dir=str(raw), batch_size=3, doc_timeout=None)
    first = build_flow(out_dir=str(out), cache_dir=str(tmp_path / "cache"), **kwargs)
    assert first.status == "complete", first.report["errors"]
    index = json.loads((out / parts.PARTS_DIR / parts.INDEX_NAME).read_text(encoding="utf-8"))
    assert len(index["batches"]) >= 3
    inodes = {p.name: p.stat().st_ino for p in (out / parts.PARTS_DIR / "targets").glob("*.parquet")}

    changed = sorted(raw.glob("*.txt"))[7]
    changed.write_bytes(changed.read_bytes() + "\n到2027年，新增社区食堂12个。\n".encode("utf-8"))
    second = build_flow(out_dir=str(out), cache_dir=str(tmp_path / "cache"), **kwargs)
    assert second.status == "complete"
    assert second.report["changes"]["rebuilt"] == [changed.name]
    assert second.report["batches"]["built"] == 1 and second.report["batches"]["kept"] == len(index["batches"]) - 1
    targets = second.report["changes"]["targets"]  # without a manifest a changed file is a new doc_id
    assert targets["added"] == targets["removed"] + 1
    assert {r["source_file"] for r in targets["rows"]} == {changed.name}  # read from the changed parts only
    after = {p.name: p.stat().st_ino for p in (out / parts.PARTS_DIR / "targets").glob("*.parquet")}
    assert sum(1 for name, inode in after.items() if inodes.get(name) == inode) == len(after) - 1  # linked, not written

    scratch = tmp_path / "scratch"
    fresh = build_flow(out_dir=str(scratch), cache_dir=str(tmp_path / "cache-scratch"), **kwargs)
    assert fresh.status == "complete"
    files = [f"{name}.parquet" for name in schema.TABLES] + [publish.DUCKDB_NAME]
    files += sorted(str(p.relative_to(out)) for p in (out / parts.PARTS_DIR).rglob("*.parquet"))
    assert files == [f for f in files if (scratch / f).exists()]
    for name in files:
        assert (out / name).read_bytes() == (scratch / name).read_bytes(), name
    assert sorted(p.name for p in (scratch / parts.PARTS_DIR / "targets").glob("*")) == sorted(after)


@pytest.mark.integration
def test_the_command_answers_unchanged_without_starting_prefect(tmp_path, root, seed_build, monkeypatch, capsys):
    from flows import cli, prefect_server

    out = tmp_path / "curated"
    shutil.copytree(seed_build, out)  # built from raw/ with the default limits
    monkeypatch.setattr(prefect_server, "for_build", lambda: pytest.fail("Prefect was started"))
    assert cli.main(["build", "--raw", str(root / "raw"), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith("status: unchanged (documents 5,")
