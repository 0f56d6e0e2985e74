"""One period report end to end, against the plain CLIs (papermill + nbconvert + weasyprint) and an empty notebook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.measure import ROOT, fmt, repeat
from bench.parts import Run

VENV_BIN = Path(sys.executable).parent

TARGETS = {
    "report_ratio": ("report: reportkit run < 1.0× naive pipeline", lambda r: r < 1.0),
    "report_seconds": ("report: demo run < 5 s", lambda s: s < 5.0),
}


def measure(run: Run) -> None:
    if run.smoke:
        return
    args = {"period": "2024-Q1", "stream": "dan-chu"}
    rk = repeat("report.report_reportkit", {"output": str(run.tmp / "rk"), **args}, run.runs)
    naive = repeat("report.report_naive", {"output": str(run.tmp / "naive"), **args}, run.baseline_runs)
    floor = repeat("report.report_floor", {"output": str(run.tmp / "floor")}, run.baseline_runs)
    run.results["report"] = {"reportkit": rk, "naive": naive, "floor": floor, "ratio": rk["median"] / naive["median"]}
    run.record("report_ratio", rk["median"] / naive["median"],
               baseline=f"naive pipeline {naive['median']:.2f} s (min {naive['min']:.2f}, max {naive['max']:.2f})")
    run.record("report_seconds", rk["median"], spread=rk,
               baseline=f"empty notebook through papermill {floor['median']:.2f} s")


def describe(key: str, value) -> str | None:
    if key != "report":
        return None
    return (f"- **one report** 2024-Q1 dan-chu: reportkit {fmt(value['reportkit'])}; naive {fmt(value['naive'])}; "
            f"floor (empty notebook) {fmt(value['floor'])}; ratio {value['ratio']:.2f}")


def child_env() -> dict:
    """The environment of the measured commands (UTF-8 whatever the caller's locale)."""
    return {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONUTF8": "1"}


def report_reportkit(output: str, period: str, stream: str) -> dict:
    """``reportkit run`` end to end (validate, execute, HTML, PDF)."""
    subprocess.run([str(VENV_BIN / "reportkit"), "run", "--period", period, "--stream", stream,
                    "--output", output, "--to", "html,pdf"], check=True, cwd=ROOT, env=child_env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return {}


def report_naive(output: str, period: str, stream: str) -> dict:
    """The naive pipeline: papermill CLI + jupyter nbconvert --to html + weasyprint CLI."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    run_naive_pipeline(ROOT / "notebooks" / "period_report.ipynb", ROOT / "params" / f"{period}-{stream}.yaml", out)
    return {}


def run_naive_pipeline(notebook: Path, params: Path, out: Path) -> None:
    """``notebook`` with ``params`` through the papermill, jupyter nbconvert and weasyprint CLIs into ``out``."""
    nb = out / "report.ipynb"
    run = lambda *cmd: subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, env=child_env(),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    run(VENV_BIN / "papermill", notebook, nb, "-f", params, "-k", "reportkit")
    run(VENV_BIN / "jupyter", "nbconvert", "--to", "html", "--no-input", nb, "--output-dir", out)
    run(VENV_BIN / "weasyprint", out / "report.html", out / "report.pdf")


def report_floor(output: str) -> dict:
    """The floor: an empty notebook through papermill (kernel start and shutdown)."""
    import nbformat

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("pass")]
    nb.metadata["kernelspec"] = {"name": "reportkit", "display_name": "reportkit", "language": "python"}
    nbformat.write(nb, out / "empty.ipynb")
    subprocess.run([str(VENV_BIN / "papermill"), str(out / "empty.ipynb"), str(out / "empty.out.ipynb"),
                    "-k", "reportkit"], check=True, cwd=ROOT, env=child_env(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return {}
