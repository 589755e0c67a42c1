"""A build killed mid-run (SIGKILL, no chance to clean up) leaves the last good outputs
byte-identical and usable, and the next build recovers and publishes."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import publish

BIN = Path(sys.executable).parent


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}  # the explorer is a subfolder


def start_build(raw: Path, out: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "minsheng"), "build", "--raw", str(raw), "--out", str(out), "--batch-size", "2",
                             "--force"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def kill_when(process: subprocess.Popen, condition, seconds: float = 180) -> bool:
    """SIGKILL the build's whole process group the moment `condition()` holds; False if it finished first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if condition():
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
            return True
        time.sleep(0.001)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    return False


def usable(out: Path) -> int:
    with publish.connect(out) as con:
        return con.execute("SELECT count(*) FROM targets_flat").fetchone()[0]


def test_killed_builds_leave_the_last_good_outputs(seed_build, tmp_path, root):
    out = tmp_path / "curated"
    shutil.copytree(seed_build, out)
    good, good_rows = snapshot(out), usable(out)
    # A bigger corpus (six copies of the seeds) so the build runs long enough to be caught. Each copy
    # ends in its own line (no digits, after the signature: the same rows, region, year and kind), so each is a
    # document of its own: the same bytes under two names are one document, built once (issue 12).
    raw = tmp_path / "raw"
    raw.mkdir()
    for copy in range(6):
        for path in sorted((root / "raw").glob("*.txt")):
            marker = f"\ncopy {'abcdef'[copy]} of this seed, for a longer build\n".encode("ascii")
            (raw / f"{copy}_{path.name}").write_bytes(path.read_bytes() + marker)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    cache = out.parent / f".{out.name}.cache"
    staging = publish.staging_folder(out)

    # 1. killed while documents are being built (the cache has started to fill)
    process = start_build(raw, out, env)
    assert kill_when(process, lambda: cache.exists() and any(cache.iterdir())), "build ended before it was killed"
    assert snapshot(out) == good and usable(out) == good_rows

    # 2. killed while the new outputs are being written to staging, just before the swap
    caught = False
    for _ in range(3):
        shutil.rmtree(cache, ignore_errors=True)
        process = start_build(raw, out, env)
        caught = kill_when(process, staging.exists)
        if caught:
            break
        shutil.rmtree(out)  # it finished first: put the good build back and try again
        shutil.copytree(seed_build, out)
    if not caught:
        pytest.skip("the build published before the test could kill it in three tries")
    assert snapshot(out) == good and usable(out) == good_rows

    # 3. the next build clears what the killed ones left and publishes
    done = subprocess.run([str(BIN / "minsheng"), "build", "--raw", str(raw), "--out", str(out)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert usable(out) == 6 * good_rows
    assert not staging.exists()


def test_recover_puts_the_previous_outputs_back_after_a_half_done_swap(tmp_path):
    """Killed between the two renames of the swap: curated/ was moved aside, staging not yet in place."""
    out = tmp_path / "curated"
    previous = tmp_path / ".curated.previous"
    previous.mkdir()
    (previous / "targets.parquet").write_bytes(b"last good")
    publish.recover(out)
    assert (out / "targets.parquet").read_bytes() == b"last good" and not previous.exists()

    # when the new outputs did arrive, the leftover previous copy is simply removed
    previous.mkdir()
    (previous / "targets.parquet").write_bytes(b"older")
    publish.recover(out)
    assert (out / "targets.parquet").read_bytes() == b"last good" and not previous.exists()
