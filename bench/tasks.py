"""The measured pieces of work. Each runs in its own child process (bench.measure).

A ``prepare_<task>`` function, when present, builds the inputs outside the timed
part; the task function itself is what is timed.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


# ---------------------------------------------------------------- intake

# Imports and the plan are loaded in prepare_*: both sides are timed on reading alone.

def prepare_intake_reportkit(folder: str, plan: str):
    from reportkit.intake.reader import read_workbook
    from reportkit.plan.load import load_plan

    return read_workbook, load_plan(plan), sorted(Path(folder).glob("*.xlsx"))


def intake_reportkit(state, folder: str, plan: str) -> dict:  # noqa: ARG001
    """Read every workbook with reportkit's intake (calamine, findings included)."""
    read_workbook, p, files = state
    rows = sum(len(read_workbook(f, p).rows) for f in files)
    return {"files": len(files), "rows": rows}


def prepare_intake_pandas(folder: str, plan: str):  # noqa: ARG001
    import openpyxl  # noqa: F401
    import pandas as pd

    return pd, sorted(Path(folder).glob("*.xlsx"))


def intake_pandas(state, folder: str, plan: str) -> dict:  # noqa: ARG001
    """The baseline: pandas.read_excel(engine="openpyxl") on the same files."""
    pd, files = state
    rows = sum(len(pd.read_excel(f, engine="openpyxl", header=None)) for f in files)
    return {"files": len(files), "rows": rows}


# ---------------------------------------------------------------- status engine

def prepare_assess(units: int, tasks: int, plan_dir: str) -> tuple:
    from reportkit.intake.model import DONE, IN_PROGRESS, Submission, TaskRow
    from reportkit.plan.load import load_plan

    from bench.synth import write_plan

    plan_path = Path(plan_dir) / f"plan_{units}x{tasks}.yaml"
    if not plan_path.exists():
        write_plan(plan_path, units, tasks)
    plan = load_plan(plan_path)
    subs = []
    report_date = dt.date(2024, 6, 10)
    for u_i, unit in enumerate(plan.units):
        rows = []
        for t_i, task in enumerate(plan.tasks):
            done = (u_i + t_i) % 3 == 0
            rows.append(TaskRow(task.code, DONE if done else IN_PROGRESS, 100.0 if done else 50.0,
                                dt.date(2024, 3, 1 + (u_i + t_i) % 28) if done else None, "kết quả", "", "", "",
                                t_i + 2, "Theo dõi"))
        subs.append(Submission(Path(f"{unit.code}.xlsx"), unit.code, report_date, rows))
    return plan, subs


def assess(state: tuple, units: int, tasks: int, plan_dir: str) -> dict:  # noqa: ARG001
    from reportkit.status import assess as assess_tasks

    plan, subs = state
    table = assess_tasks(plan, subs, "2024-Q2", as_of=dt.date(2024, 6, 12))
    return {"rows": len(table)}


# ---------------------------------------------------------------- one report

def _env() -> dict:
    return {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONUTF8": "1"}


def report_reportkit(output: str, period: str, stream: str) -> dict:
    """``reportkit run`` end to end (validate, execute, HTML, PDF)."""
    subprocess.run([str(VENV_BIN / "reportkit"), "run", "--period", period, "--stream", stream,
                    "--output", output, "--to", "html,pdf"], check=True, cwd=ROOT, env=_env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return {}


def report_naive(output: str, period: str, stream: str) -> dict:
    """The naive pipeline: papermill CLI + jupyter nbconvert --to html + weasyprint CLI."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    nb = out / "report.ipynb"
    params = ROOT / "params" / f"{period}-{stream}.yaml"
    run = lambda *cmd: subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, env=_env(),  # noqa: E731
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    run(VENV_BIN / "papermill", ROOT / "notebooks" / "period_report.ipynb", nb, "-f", params, "-k", "reportkit")
    run(VENV_BIN / "jupyter", "nbconvert", "--to", "html", "--no-input", nb, "--output-dir", out)
    run(VENV_BIN / "weasyprint", out / "report.html", out / "report.pdf")
    return {}


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
                    "-k", "reportkit"], check=True, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return {}


# ---------------------------------------------------------------- batch

def batch(output: str, workers: int, force: bool, through: str = "2024-12-31") -> dict:
    """``reportkit batch`` over the sample year."""
    cmd = [str(VENV_BIN / "reportkit"), "batch", "--year", "2024", "--through", through, "--output", output,
           "--workers", str(workers), "--quiet"]
    if force:
        cmd.append("--force")
    proc = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stdout + proc.stderr)
    return {"exit_code": proc.returncode}


# ---------------------------------------------------------------- hardening
# How fast hostile input is refused. The tests assert what happens (a finding, an
# error, exit code 4) and the memory bound; the speeds live here.

def prepare_hostile_read(path: str, plan: str):
    from reportkit.intake.reader import read_workbook
    from reportkit.plan.load import load_plan

    return read_workbook, load_plan(plan)


def hostile_read(state, path: str, plan: str) -> dict:  # noqa: ARG001
    """read_workbook on one hostile or oversized file (refused with a finding, or read)."""
    read_workbook, p = state
    return {"codes": [f.code for f in read_workbook(path, p).findings]}


def prepare_plan_refused(path: str):  # noqa: ARG001
    from reportkit.errors import ReportkitError
    from reportkit.plan.load import load_plan

    return load_plan, ReportkitError


def plan_refused(state, path: str) -> dict:
    """load_plan on a plan with an alias bomb or deep nesting: must raise a ReportkitError."""
    load_plan, error = state
    try:
        load_plan(path)
    except error:
        return {"refused": True}
    raise RuntimeError(f"{path} was not refused")


def prepare_batch_locked(output: str):
    from reportkit.cli import main
    from reportkit.jobs.lock import OutputsLock

    lock = OutputsLock(output)
    lock.acquire()  # held by this process, which is alive: the batch below must refuse at once
    return main


def batch_locked(state, output: str) -> dict:
    """``reportkit batch`` on outputs another batch holds: exit 4."""
    code = state(["batch", "--year", "2024", "--output", output, "--quiet"])
    if code != 4:
        raise RuntimeError(f"a locked batch exited {code}, not 4")
    return {"exit_code": code}


# ---------------------------------------------------------------- roll-up data step

def prepare_rollup(folder: str, n: int, engine: str, scheduler: str | None = None):  # noqa: ARG001
    import importlib

    from reportkit.rollup import OrgInput, collect_rollup

    from bench.rollup_synth import PERIOD, STREAM

    importlib.import_module(engine)  # the engine's import is not the data step
    width = len(str(n))
    orgs = [OrgInput(f"org{i:0{width}d}", f"Đơn vị {i}", "", Path(folder) / f"org{i:0{width}d}" / PERIOD / STREAM)
            for i in range(n)]
    return collect_rollup, orgs, PERIOD, STREAM


def rollup(state, folder: str, n: int, engine: str, scheduler: str | None = None) -> dict:  # noqa: ARG001
    """collect_rollup over n synthetic organisations (manifests, sha256 checks, status tables)."""
    collect_rollup, orgs, period, stream = state
    data = collect_rollup(orgs, period, stream, engine=engine, scheduler=scheduler)
    return {"orgs": len(data.orgs), "rows": len(data.tasks), "valid": int(data.orgs["state"].isin(("on_time", "late")).sum())}
