"""Bad input through the real flow and command: named, reported, and never costing the rest."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from flows import cli, publish, validate


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}  # the explorer is a subfolder


def test_bad_sources_are_reported_and_the_rest_builds(tmp_path, root):
    raw = tmp_path / "raw"
    shutil.copytree(root / "raw", raw)
    seeds = sorted(p.name for p in raw.glob("*.txt"))
    altered = seeds[2]
    with open(raw / altered, "ab") as handle:
        handle.write("\n追加的一行。".encode("utf-8"))  # its manifest sha256 no longer matches
    (raw / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (raw / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "no_numbers.txt").write_text("关于做好社区服务工作的通知\n各街道要高度重视，切实做好社区服务工作。\n", encoding="utf-8")
    with open(raw / "manifest.csv", "a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for name in ("missing.txt", "undecodable.txt", "binary.txt", "empty.txt", "no_numbers.txt"):
            writer.writerow([name, "", "", "", "", "", ""])
    out = tmp_path / "curated"

    assert cli.main(["build", "--raw", str(raw), "--out", str(out)]) == 1
    report = json.loads((out / publish.REPORT_JSON).read_text(encoding="utf-8"))
    assert report["status"] == "incomplete"
    errors = {e.split(":", 1)[0]: e for e in report["errors"]}
    assert set(errors) == {"missing.txt", altered, "undecodable.txt", "binary.txt", "empty.txt"}
    assert "file not found" in errors["missing.txt"]
    assert "sha256 mismatch" in errors[altered]
    assert "cannot be decoded" in errors["undecodable.txt"]
    assert "binary file" in errors["binary.txt"]
    assert "empty file" in errors["empty.txt"]
    unchecked = ("missing.txt", "undecodable.txt", "binary.txt", "empty.txt", "no_numbers.txt")
    assert report["warnings"] == [f"{name}: no sha256 in manifest.csv, so its bytes are not checked"
                                  for name in unchecked] + ["no_numbers.txt: no target found"]
    assert sorted(report["documents"]) == sorted(set(seeds) - {altered} | {"no_numbers.txt"})
    with publish.connect(out) as con:
        published = {r[0] for r in con.execute("SELECT source_file FROM documents").fetchall()}
        assert published == set(report["documents"])
        assert con.execute("SELECT count(DISTINCT doc_id) FROM targets").fetchone()[0] == 4
    page = (out / publish.REPORT_HTML).read_text(encoding="utf-8")
    assert "incomplete" in page and "missing.txt" in page and "no_numbers.txt: no target found" in page


def test_a_failed_validation_leaves_the_last_good_outputs(tmp_path, root, seed_build, monkeypatch):
    out = tmp_path / "curated"
    shutil.copytree(seed_build, out)
    before = snapshot(out)
    real_load_suite = validate.load_suite

    def stricter(table, directory=validate.EXPECTATIONS_DIR):
        suite = real_load_suite(table, directory)
        if table == "targets":  # a real expectation the real targets table does not meet
            suite = {**suite, "expectations": suite["expectations"] + [
                {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 0, "max_value": 10}}]}
        return suite

    monkeypatch.setattr(validate, "load_suite", stricter)
    # --doc-timeout 0: built in this process, where the stricter suite is (worker processes load the real one)
    assert cli.main(["build", "--raw", str(root / "raw"), "--out", str(out), "--force", "--doc-timeout", "0"]) == 2
    assert snapshot(out) == before
    failed = json.loads((tmp_path / ".curated.failed" / publish.REPORT_JSON).read_text(encoding="utf-8"))
    assert failed["status"] == "validation_failed"
    [targets_result] = [t for t in failed["validation"]["tables"] if t["table"] == "targets"]
    assert not targets_result["success"]
    assert [f["expectation"] for f in targets_result["failures"]] == ["expect_table_row_count_to_be_between"]
    assert all(t["success"] for t in failed["validation"]["tables"] if t["table"] != "targets")


def test_the_installed_command_reads_every_encoding_and_names_what_it_could_not(tmp_path):
    """The real `minsheng` executable, its exit status and what it prints, on a folder without a
    manifest: four small invented documents in four encodings, and two files that are not text."""
    raw = tmp_path / "raw"
    raw.mkdir()
    docs = {
        "a_utf8.txt": ("utf-8", "某某县2025年民生实事\n一、稳定就业\n新增城镇就业1200人。\n"),
        "b_bom.txt": ("utf-8-sig", "某某县2025年民生实事\n一、托育服务\n新增普惠托位300个。\n"),
        "c_gbk.txt": ("gbk", "某某县2025年民生实事\n一、养老服务\n新增养老床位450张。\n"),
        "d_utf16.txt": ("utf-16-be", "某某县2025年民生实事\n一、交通出行\n新增公交线路6条。\n"),
    }
    for name, (encoding, text) in docs.items():
        data = text.encode(encoding)
        (raw / name).write_bytes(b"\xfe\xff" + data if encoding == "utf-16-be" else data)
    (raw / "e_undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (raw / "f_binary.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00" + bytes(100))  # a zip named .txt
    out = tmp_path / "curated"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    done = subprocess.run([str(Path(sys.executable).parent / "minsheng"), "build", "--raw", str(raw), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=600)

    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("status: incomplete (documents 4, ")
    assert "error: e_undecodable.txt: cannot be decoded as UTF-8, UTF-16 or GB18030/GBK" in lines
    assert "error: f_binary.txt: binary file (NUL bytes), not text in UTF-8, UTF-16 or GB18030" in lines
    assert not [line for line in lines if line.startswith("warning:")]
    report = json.loads((out / publish.REPORT_JSON).read_text(encoding="utf-8"))
    assert (report["status"], report["documents_seen"], sorted(report["documents"])) == ("incomplete", 6, sorted(docs))
    documents = pd.read_parquet(out / "documents.parquet").set_index("source_file")
    assert documents["encoding"].to_dict() == {"a_utf8.txt": "utf-8", "b_bom.txt": "utf-8-sig",
                                               "c_gbk.txt": "gb18030", "d_utf16.txt": "utf-16"}
    texts = pd.read_parquet(out / "texts.parquet").set_index("doc_id")["clean_text"]
    assert {name: texts[documents.loc[name, "doc_id"]] for name in docs} == {
        name: text.strip() for name, (_, text) in docs.items()}
    targets = pd.read_parquet(out / "targets.parquet").merge(documents.reset_index()[["doc_id", "source_file"]])
    assert sorted(zip(targets["source_file"], targets["value"], targets["unit"], targets["domain"])) == [
        ("a_utf8.txt", 1200.0, "人", "employment"), ("b_bom.txt", 300.0, "个", "childcare"),
        ("c_gbk.txt", 450.0, "张", "elderly_care"), ("d_utf16.txt", 6.0, "条", "transport")]

    # a raw folder that does not exist is exit 3, before any flow runs
    assert cli.main(["build", "--raw", str(tmp_path / "nowhere"), "--out", str(out)]) == 3
