"""The report notebooks: thin, committed without outputs, paired with jupytext, and they run."""

from __future__ import annotations

import ast

import nbformat
import pytest

from reportkit.params import PARAMETERS

from .conftest import DATA, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# Python constructs that belong in src/reportkit, not in a notebook.
FORBIDDEN = {
    ast.FunctionDef: "def", ast.AsyncFunctionDef: "async def", ast.ClassDef: "class", ast.Lambda: "lambda",
    ast.For: "for loop", ast.AsyncFor: "for loop", ast.While: "while loop", ast.ListComp: "comprehension",
    ast.SetComp: "comprehension", ast.DictComp: "comprehension", ast.GeneratorExp: "comprehension",
}


def logic_in(path) -> list[str]:
    """Every def/class/lambda/loop/comprehension in a notebook's code cells, as 'cell N: kind'."""
    nb = nbformat.read(path, as_version=4)
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if type(node) in FORBIDDEN:
                found.append(f"cell {index}: {FORBIDDEN[type(node)]} (line {node.lineno})")
    return found


def test_both_report_notebooks_exist():
    assert {p.name for p in NOTEBOOKS} >= {"period_report.ipynb", "data_quality.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_thin_no_def_class_or_loops(path):
    assert logic_in(path) == []


def test_thin_check_catches_functions_classes_and_loops_over_data():
    found = logic_in(DATA / "notebooks" / "fat_notebook.ipynb")
    assert found == ["cell 2: def (line 1)", "cell 3: for loop (line 1)", "cell 4: comprehension (line 1)"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_cell_is_the_tagged_parameters_cell_with_known_names(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert "parameters" in first.metadata.get("tags", [])
    names = [t.id for node in ast.parse(first.source).body for t in node.targets]
    assert set(names) <= set(PARAMETERS) and {"period", "stream"} <= set(names)
    if path.name == "period_report.ipynb":
        assert names == list(PARAMETERS)
    assert nb.metadata["kernelspec"]["name"] == "reportkit"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_and_its_percent_script_are_in_sync(path):
    import jupytext

    script = path.with_suffix(".py")
    assert script.is_file(), f"pair {path.name} with jupytext: jupytext --sync {path}"
    assert script.read_text(encoding="utf-8").count("# %%") == len(nbformat.read(path, as_version=4).cells)
    from_script = jupytext.read(script)
    from_ipynb = nbformat.read(path, as_version=4)
    assert [c.source for c in from_script.cells] == [c.source for c in from_ipynb.cells]
    assert [c.metadata.get("tags", []) for c in from_script.cells] == \
        [c.metadata.get("tags", []) for c in from_ipynb.cells]


def test_jupytext_config_pairs_the_notebooks_folder():
    from jupytext.config import load_jupytext_configuration_file

    config = load_jupytext_configuration_file(str(ROOT / "jupytext.toml"))
    assert config.default_formats(str(ROOT / "notebooks" / "new.ipynb")) == "notebooks///ipynb,notebooks///py:percent"
    assert config.default_formats(str(ROOT / "bench" / "other.ipynb")) is None


def execute(path, parameters: dict):
    """Inject parameters as papermill does, then execute with nbclient in the reportkit kernel."""
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = parameterize_notebook(load_notebook_node(str(path)), parameters)
    NotebookClient(nb, kernel_name="reportkit", timeout=300, resources={"metadata": {"path": str(ROOT)}}).execute()
    return nb


def html_outputs(nb) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.slow
def test_period_report_notebook_executes_on_the_sample_data():
    nb = execute(ROOT / "notebooks" / "period_report.ipynb", {"period": "2024-M03", "stream": "dan-van"})
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    html = html_outputs(nb)
    for needle in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "I. KẾT QUẢ THỰC HIỆN", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
                   "Nơi nhận:", "Phụ lục I", "tháng 3 năm 2024"):
        assert needle in html, needle
    record = nb.cells[-1].outputs[0]["data"]["application/vnd.reportkit.run+json"]
    assert record["period"] == "2024-M03" and record["as_of"] == "2024-03-09"


@pytest.mark.slow
def test_data_quality_notebook_lists_every_finding_of_the_period():
    nb = execute(ROOT / "notebooks" / "data_quality.ipynb", {"period": "2024-M05", "stream": "dan-van",
                                                              "as_of": "2024-05-31"})
    assert [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"] == []
    html = html_outputs(nb)
    assert "KIỂM TRA SỐ LIỆU ĐẦU VÀO" in html
    assert "bhtn_2024-05-09.xlsx" in html and "II.1.g chưa ghi tình trạng" in html


@pytest.mark.slow
def test_params_file_works_unchanged_with_the_papermill_cli(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "out.ipynb"
    proc = subprocess.run([sys.executable, "-m", "papermill", "notebooks/period_report.ipynb", str(out),
                           "-f", "params/2024-M03-dan-van.yaml", "--no-progress-bar"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    nb = nbformat.read(out, as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'as_of = "2024-03-09"' in injected.source  # papermill passes the YAML date as text
    assert "Tháng 3 năm 2024" in html_outputs(nb) or "tháng 3 năm 2024" in html_outputs(nb)
