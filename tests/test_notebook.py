"""notebooks/compare_cities.ipynb runs top to bottom against a fresh build, and is committed
without outputs."""
from __future__ import annotations

import nbformat
from nbclient import NotebookClient

NOTEBOOK = "notebooks/compare_cities.ipynb"


def test_committed_notebook_has_no_outputs(root):
    nb = nbformat.read(root / NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_executes_against_a_fresh_build(root, seed_build, monkeypatch):
    monkeypatch.setenv("MINSHENG_DATA", str(seed_build))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(root / NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(root / "notebooks")}})
    client.execute()  # raises CellExecutionError on any failing cell
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "data" in o and "image/png" in o["data"]]
    assert len(images) >= 3  # one plot per question
    sources = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    for view in ("compare", "cascade", "coverage"):
        assert f"FROM {view}" in sources, view
