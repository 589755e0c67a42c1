"""The progress display: counts per document and per batch, each document once; plain lines off a terminal."""
from __future__ import annotations

import io

import pytest

from flows.progress import BuildProgress

pytestmark = pytest.mark.unit


def test_plain_lines_count_each_document_once_whether_seen_live_or_with_its_batch():
    stream = io.StringIO()
    progress = BuildProgress(stream, interactive=False, interval=0)
    progress.start(7)
    progress.failed_before(1)
    progress.kept(2)
    progress.document("a", "built")                   # a batch running in this process, document by document
    progress.batch_done({"key": "a", "built": ["x", "y"], "cached": [], "errors": [["y", "y: rejected"]]})
    progress.batch_done({"key": "b", "built": ["z"], "cached": ["w"], "errors": []})  # one that ran on Dask
    progress.stop()
    assert progress.counts == {"built": 2, "cached": 3, "failed": 2} and progress.done == 7
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("documents 7/7: built 2, from cache 3, failed 2;")
    assert any("ETA" in line for line in lines[:-1])


def test_a_terminal_gets_a_bar():
    stream = io.StringIO()
    progress = BuildProgress(stream, interactive=True)
    progress.start(2)
    progress.document("a", "cached")
    progress.document("a", "built")
    progress.stop()
    progress.stop()
    assert "documents" in stream.getvalue() and "2/2" in stream.getvalue()
