"""notebooks/compare_cities.ipynb runs top to bottom against a fresh build of the seeds and against
builds of invented documents (it picks what the data holds), and is committed without outputs."""
from __future__ import annotations

import nbformat
import pytest
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


# ---- any build (issue 15): invented documents, places the seeds do not have ----------------------

PROVINCE_PLAN = "\n".join([
    "湖南省人民政府办公厅关于印发湖南省民生保障五年行动计划(2023—2027年)的通知",
    "湘政办发〔2023〕88号",
    "各市州人民政府:",
    "现将《湖南省民生保障五年行动计划(2023—2027年)》印发给你们,请认真组织实施。",
    "一、就业",
    "2023—2027年,全省城镇新增就业累计350万人以上。",
    "二、养老",
    "到2027年,养老机构护理型床位占比达到55%。",
    "三、住房",
    "2023—2027年,全省筹集保障性租赁住房20万套。",
    "湖南省人民政府办公厅",
    "2023年9月1日",
])
CITY_LIST = "\n".join([
    "长沙市2024年十件民生实事",
    "一、就业",
    "2024年,全市城镇新增就业12万人。",
    "二、养老",
    "到2024年底,养老机构护理型床位占比达到60%。",
    "三、住房",
    "2024年,全市筹集保障性租赁住房1.5万套。",
    "长沙市人民政府",
    "2024年2月1日",
])
NO_REGION = "\n".join([
    "关于办好2024年民生实事的通知",
    "一、教育",
    "新增公办幼儿园学位3000个。",
    "**市人民政府",
    "2024年3月1日",
])


@pytest.fixture(scope="module")
def invented_build(tmp_path_factory):
    """A build of invented documents (a province's plan, one of its cities' yearly list, a list whose
    region is redacted), then a rebuild into the same folder after one number of the list changed."""
    from flows.flow import build_flow

    base = tmp_path_factory.mktemp("invented")
    raw = base / "raw"
    raw.mkdir()
    (raw / "hn_plan.txt").write_text(PROVINCE_PLAN, encoding="utf-8")
    (raw / "cs_list.txt").write_text(CITY_LIST, encoding="utf-8")
    (raw / "redacted.txt").write_text(NO_REGION, encoding="utf-8")
    out = base / "curated"
    first = build_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(base / "cache"))
    assert first.status == "complete", first.report
    (raw / "cs_list.txt").write_text(CITY_LIST.replace("新增就业12万人", "新增就业15万人"), encoding="utf-8")
    second = build_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(base / "cache"))
    assert second.status == "complete", second.report
    return out


def test_notebook_executes_against_a_build_of_invented_documents(root, invented_build, monkeypatch):
    monkeypatch.setenv("MINSHENG_DATA", str(invented_build))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(root / NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(root / "notebooks")}})
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert len([o for o in outputs if "data" in o and "image/png" in o["data"]]) >= 3
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Changsha" in printed and "Hunan" in printed  # it picked the places this build holds
    assert "Jiangmen" not in printed and "Guangdong" not in printed


def test_notebook_executes_on_a_build_with_nothing_to_compare(root, tmp_path, invented_build, monkeypatch):
    """Only the redacted list: no population, no province, no per-resident value: it says so, and
    draws the empty plots instead of failing (or dividing by zero)."""
    from flows.flow import build_flow

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "redacted.txt").write_text(NO_REGION, encoding="utf-8")
    out = tmp_path / "curated"
    assert build_flow(raw_dir=str(raw), out_dir=str(out), cache_dir=str(tmp_path / "cache")).status == "complete"
    monkeypatch.setenv("MINSHENG_DATA", str(out))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(root / NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(root / "notebooks")}}).execute()
    printed = "".join(o.get("text", "") for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
                      if o.output_type == "stream")
    assert "indicators picked: none" in printed and "No city in this build" in printed


def test_a_rebuild_reports_its_target_changes_as_a_table(invented_build):
    import json

    report = json.loads((invented_build / "build_report.json").read_text(encoding="utf-8"))
    changes = report["changes"]["targets"]
    # the list's text changed, so its targets leave and arrive under new ids (a document without a
    # registry id or URL is identified by its content); the plan's targets stay
    added = [r for r in changes["rows"] if r["change"] == "added"]
    removed = [r for r in changes["rows"] if r["change"] == "removed"]
    assert changes["added"] == len(added) == changes["removed"] == len(removed) > 0 and changes["changed"] == 0
    assert {r["source_file"] for r in added + removed} == {"cs_list.txt"}
    assert "120000 人" in [r["before"] for r in removed] and "150000 人" in [r["after"] for r in added]
    assert not {r["target_id"] for r in added} & {r["target_id"] for r in removed}
    page = (invented_build / "build_report.html").read_text(encoding="utf-8")
    table = page.split("<table id=target-changes>", 1)[1].split("</table>", 1)[0]
    for row in added + removed:
        assert f"<code>{row['target_id']}</code>" in table
    assert "150000 人" in table and "120000 人" in table
    assert f"{len(added)} added" in page and f"{len(removed)} removed" in page and "0 changed" in page
