"""Bad input through the real flow and command: named, reported, and never costing the rest."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil

from flows import cli, publish, validate


def snapshot(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


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
    assert report["warnings"] == ["no_numbers.txt: no target found"]
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
    assert cli.main(["build", "--raw", str(root / "raw"), "--out", str(out), "--force"]) == 2
    assert snapshot(out) == before
    failed = json.loads((tmp_path / ".curated.failed" / publish.REPORT_JSON).read_text(encoding="utf-8"))
    assert failed["status"] == "validation_failed"
    [targets_result] = [t for t in failed["validation"]["tables"] if t["table"] == "targets"]
    assert not targets_result["success"]
    assert [f["expectation"] for f in targets_result["failures"]] == ["expect_table_row_count_to_be_between"]
    assert all(t["success"] for t in failed["validation"]["tables"] if t["table"] != "targets")
