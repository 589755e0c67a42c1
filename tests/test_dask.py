"""The same flow on a Dask cluster (a local one here) publishes the same bytes."""
from __future__ import annotations

import pytest

from flows import schema

pytest.importorskip("prefect_dask", reason='the Dask runner is an extra: pip install -e ".[dask]"')


def test_build_on_a_local_dask_cluster_matches_the_thread_pool_build(seed_build, tmp_path, root):
    from flows.flow import with_task_runner

    out = tmp_path / "curated"
    result = with_task_runner("local")(raw_dir=str(root / "raw"), out_dir=str(out), batch_size=2,
                                       cache_dir=str(tmp_path / "cache"))
    assert result.status == "complete"
    assert len(result.report["changes"]["rebuilt"]) == 5
    for name in schema.TABLES:
        assert (out / f"{name}.parquet").read_bytes() == (seed_build / f"{name}.parquet").read_bytes(), name
