"""The report notebooks: thin, committed without outputs, paired with jupytext, and they run."""

from __future__ import annotations

import ast

import nbformat
import pytest

from reportkit.params import PARAMETERS

ROLLUP_PARAMETERS = ("period", "stream", "data_dir", "superior", "subject", "number", "signed_on")

from reportkit.jobs.export import find_chromium

from .conftest import DATA, PLAN_PATH, ROOT
from .report_fixtures import built_h1_report, measure_page  # noqa: F401  (session fixture)

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
    known = ROLLUP_PARAMETERS if path.name == "rollup_report.ipynb" else PARAMETERS
    assert set(names) <= set(known) and {"period", "stream"} <= set(names)
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


# ---------------------------------------------------------------- reading the notebooks

OUTLINE_TAG = "rk-outline"


def outline(path) -> list[tuple[str, str]]:
    """(markdown heading, source of the code cell it introduces) for each outline cell."""
    nb = nbformat.read(path, as_version=4)
    pairs = []
    for cell, following in zip(nb.cells, nb.cells[1:]):
        if cell.cell_type == "markdown" and OUTLINE_TAG in cell.metadata.get("tags", []):
            assert following.cell_type == "code"
            pairs.append((cell.source.splitlines()[-1], following.source.splitlines()[-1]))
    return pairs


def test_period_report_notebook_reads_as_the_report_outline():
    headings = [h for h, _ in outline(ROOT / "notebooks" / "period_report.ipynb")]
    calls = [c for _, c in outline(ROOT / "notebooks" / "period_report.ipynb")]
    assert calls == ["report.header()", "report.results()", "report.shortcomings()", "report.directions()",
                     "report.proposals()", "report.signature()", "report.annex()", "report.run_record()"]
    assert all(h.startswith("## ") for h in headings)
    assert [h.split()[1] for h in headings[1:5]] == ["I.", "II.", "III.", "IV."]


def test_data_quality_notebook_headings_are_numbered_without_a_gap():
    pairs = outline(ROOT / "notebooks" / "data_quality.ipynb")
    assert [c for _, c in pairs] == ["quality.header()", "quality.overview()", "quality.by_kind()", "quality.details()"]
    assert [h.split()[1] for h, _ in pairs[1:]] == ["1.", "2.", "3."]


def test_data_quality_sections_are_numbered_without_a_gap_when_there_are_no_findings():
    import dataclasses
    import re

    from reportkit.report.quality import build_quality_report

    from .conftest import PLAN_PATH

    quality = build_quality_report("2024-M05", "dan-van", plan_path=str(PLAN_PATH),
                                   submissions=str(ROOT / "data" / "submissions" / "2024"), as_of="2024-05-31")
    for view in (quality, dataclasses.replace(quality, findings=quality.findings.iloc[0:0])):
        html = "".join(part().html for part in (view.overview, view.by_kind, view.details))
        assert re.findall(r"<h2>(\d+)\. ", html) == ["1", "2", "3"]


def test_notebook_outputs_are_stripped_before_commit_by_configuration(tmp_path):
    """.gitattributes names nbstripout as the git filter, pre-commit runs it, and it strips what it should."""
    import shutil
    import subprocess
    import sys

    import yaml

    assert "*.ipynb filter=nbstripout" in (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert "nbstripout" in [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    executed = tmp_path / "saved_from_lab.ipynb"
    shutil.copy(DATA / "notebooks" / "executed_report.ipynb", executed)
    assert any(c.get("outputs") for c in nbformat.read(executed, as_version=4).cells)
    subprocess.run([sys.executable, "-m", "nbstripout", str(executed)], check=True, timeout=60)
    nb = nbformat.read(executed, as_version=4)
    assert all(c.outputs == [] and c.execution_count is None for c in nb.cells if c.cell_type == "code")
    assert "parameters" in nb.cells[0].metadata["tags"]  # tags survive: papermill needs them


# ---------------------------------------------------------------- the executed report notebook


def displayed(nb) -> list[tuple[int, dict]]:
    return [(i, o) for i, c in enumerate(nb.cells) for o in c.get("outputs", [])
            if o.output_type in ("display_data", "execute_result")]


@pytest.fixture(scope="module")
def executed(built_h1_report):  # noqa: F811
    return built_h1_report.files["ipynb"]


@pytest.mark.slow
def test_charts_are_outputs_of_their_own_with_a_png_for_untrusted_viewers(executed):
    """Untrusted JupyterLab strips SVG inside HTML and skips image/svg+xml, but shows image/png."""
    outputs = [o for _, o in displayed(nbformat.read(executed, as_version=4))]
    charts = [o for o in outputs if "image/svg+xml" in o.data]
    assert len(charts) == 3
    assert all("image/png" in o.data and o.data["text/plain"].startswith("Biểu đồ: ") for o in charts)
    assert all(o.metadata["image/png"]["width"] <= 500 for o in charts)
    assert not [o for o in outputs if "<svg" in o.data.get("text/html", "")]


@pytest.mark.slow
def test_every_output_has_a_short_readable_text_form_for_logs(executed):
    for index, output in displayed(nbformat.read(executed, as_version=4)):
        text = output.data.get("text/plain", "")
        assert output.output_type == "display_data", index  # no "Out[n]:" prompts in exports
        assert len(text) <= 100 and "Html(" not in text and "<" not in text, (index, text)
        if "application/vnd.reportkit.run+json" not in output.data:
            assert text, index


@pytest.mark.slow
def test_run_record_output_shows_nothing_but_keeps_its_data(executed):
    nb = nbformat.read(executed, as_version=4)
    [record] = [o for _, o in displayed(nb) if "application/vnd.reportkit.run+json" in o.data]
    assert record.data["text/plain"] == "" and record.data["text/html"] == ""
    assert record.data["application/vnd.reportkit.run+json"]["period"] == "2024-H1"


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed (make test installs it)")
@pytest.mark.parametrize("options", [[], ["--no-input"]], ids=["with-code", "no-input"])
def test_plain_nbconvert_export_keeps_the_report_look_and_hides_run_record(executed, tmp_path, options):
    """`jupyter nbconvert --to html` (JupyterLab's own stylesheet, no reportkit template) as a reviewer runs it."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--output-dir",
                           str(tmp_path), *options, str(executed)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = measure_page(tmp_path / "report.html", tmp_path, 1100, 1400)
    look = page["look"]
    assert look["doc_type"]["align"] == "center" and int(look["doc_type"]["weight"]) >= 700
    assert look["trich_yeu"]["align"] == "center" and int(look["trich_yeu"]["weight"]) >= 700
    assert look["td"]["align"] in ("left", "start") and look["th"]["align"] == "center"
    assert "Times New Roman" in look["td"]["family"] and look["h2"]["size"] == look["doc_type"]["size"]
    assert int(look["h2"]["weight"]) >= 700 and look["doc"]["background"] in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    text = page["text"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Phụ lục II" in text
    for hidden in ("Hồ sơ lần chạy", "Html(", "Phần mở đầu") + (("reportkit run", "report.annex()") if options else ()):
        assert hidden not in text, hidden
    assert page["images"].count("data:image/svg+xml;base64") == 3  # the three charts, as SVG


@pytest.fixture(scope="module")
def untrusted_lab_dom(executed, tmp_path_factory):
    """The executed report as an untrusted viewer sees it: a fresh JupyterLab server on 127.0.0.1
    (empty trust database, full rendering of every cell), opened in headless Debian Chromium."""
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from reportkit.jobs.export import chromium_command

    tmp = tmp_path_factory.mktemp("lab")
    (tmp / "nb").mkdir()
    shutil.copy(executed, tmp / "nb" / "report.ipynb")
    settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, HOME=str(tmp), JUPYTER_DATA_DIR=str(tmp / "data"), JUPYTER_CONFIG_DIR=str(tmp / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"))
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--IdentityProvider.token=rk", f"--ServerApp.root_dir={tmp / 'nb'}", "--LabApp.news_url=None",
         f"--LabApp.user_settings_dir={tmp / 'settings'}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token=rk", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        cmd = chromium_command(find_chromium(), tmp / "profile") + [
            "--window-size=1200,2000", "--virtual-time-budget=40000", "--dump-dom",
            f"http://127.0.0.1:{port}/lab/tree/report.ipynb?reset&token=rk"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "jp-OutputArea-output" in proc.stdout, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed (make test installs it)")
def test_charts_show_in_jupyterlab_when_the_notebook_is_not_trusted(untrusted_lab_dom):
    import re

    outputs = re.findall(r'<div class="([^"]*jp-OutputArea-output[^"]*)"[^>]*>(.{0,200})', untrusted_lab_dom, re.S)
    assert outputs and not [c for c, _ in outputs if "jp-mod-trusted" in c]  # Lab did not trust it
    pngs = [c for c, body in outputs if "jp-RenderedImage" in c and 'src="data:image/png' in body]
    assert len(pngs) == 3  # every chart, drawn from its PNG
    text = re.sub(r"<[^>]+>", " ", untrusted_lab_dom)
    assert "Phụ lục II" in text and "Hồ sơ lần chạy (reportkit" not in text and "Html(" not in text


def _nbval(*paths, cwd):
    """Run nbval (lax: every cell must run without error; outputs are not compared) on notebooks."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
                           "--rootdir", str(cwd), *map(str, paths)],
                          cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_committed_notebooks_run_top_to_bottom_under_nbval():
    done = _nbval(*NOTEBOOKS, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout


@pytest.mark.slow
def test_nbval_fails_a_notebook_whose_report_cell_breaks(tmp_path):
    # the control: the same run on a copy whose period is impossible must fail, so the test above can fail
    nb = nbformat.read(ROOT / "notebooks" / "period_report.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = params.source.replace('period = "2024-Q1"', 'period = "2024-Q7"')
    params.source += f"\nplan_path = {str(PLAN_PATH)!r}\nsubmissions = {str(ROOT / 'data' / 'submissions' / '2024')!r}\n"
    assert "2024-Q7" in params.source
    broken = tmp_path / "notebooks" / "broken.ipynb"
    broken.parent.mkdir()
    nbformat.write(nb, broken)
    done = _nbval(broken, cwd=ROOT)
    assert done.returncode != 0
    assert "failed" in done.stdout
    assert "2024-Q7" in done.stdout and "PlanError" not in done.stdout  # failed for the planted reason
