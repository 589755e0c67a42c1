"""The same flow on a Dask cluster of processes (a local one here) publishes the same bytes as the
default build (batches in worker processes, every core)."""
from __future__ import annotations

import pytest

from flows import parts, publish, schema

pytest.importorskip("prefect_dask", reason='the Dask runner is an extra: pip install -e ".[dask]"')


def published_files(folder):
    names = [f"{name}.parquet" for name in schema.TABLES] + [publish.DUCKDB_NAME]
    names += sorted(str(p.relative_to(folder)) for p in (folder / parts.PARTS_DIR).rglob("*.parquet"))
    return {name: (folder / name).read_bytes() for name in names}


def test_build_on_a_local_dask_cluster_of_processes_matches_the_default_build(tmp_path, root):
    from flows.flow import with_task_runner

    default, on_dask = tmp_path / "default", tmp_path / "dask"
    kwargs = dict(raw_dir=str(root / "raw"), batch_size=2)
    first = with_task_runner(None, 2)(out_dir=str(default), cache_dir=str(tmp_path / "cache-default"), **kwargs)
    result = with_task_runner("local", 2)(out_dir=str(on_dask), cache_dir=str(tmp_path / "cache-dask"), **kwargs)
    assert first.status == result.status == "complete"
    assert len(result.report["changes"]["rebuilt"]) == 5
    assert result.report["batches"]["total"] > 1  # several batches, on two worker processes
    expected, got = published_files(default), published_files(on_dask)
    assert sorted(got) == sorted(expected)
    for name in expected:
        assert got[name] == expected[name], name
