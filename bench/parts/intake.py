"""Intake: reading the departments' workbooks, against pandas.read_excel(engine="openpyxl").

Two comparisons on the same synthetic workbooks (``bench/synth.py``, 50 rows each):

* **whole processes** (the target): ``reportkit check FOLDER`` (process start,
  imports, the plan, reading on every core, the printed table) against a plain
  Python script that imports pandas and loops ``pandas.read_excel`` over the
  same files; ``REPORTKIT_INTAKE_WORKERS=1 reportkit check`` shows what the
  pool buys;
* **in-process** reading alone (imports and the plan loaded before timing),
  one file after the other on both sides.

Quick and full runs also measure where the process pool pays: ``read_paths``
in one process and with the pool on 10 to 200 files.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import fmt, repeat
from bench.parts import Run
from bench.parts.report import VENV_BIN, child_env

TARGETS = {
    "intake_process_ratio": ("intake: reportkit check of 1,000 workbooks ≥ 8× pandas+openpyxl as whole processes (every core)",
                             lambda r: r >= 8.0),
    "intake_ratio": ("intake: reportkit reading alone, one process, ≥ 5× pandas/openpyxl (files/s)", lambda r: r >= 5.0),
}

PANDAS_SCRIPT = """\
import sys
from pathlib import Path
import pandas as pd
files = sorted(Path(sys.argv[1]).glob("*.xlsx"))
rows = sum(len(pd.read_excel(f, engine="openpyxl", header=None)) for f in files)
print(len(files), rows)
"""
POOL_SIZES = (10, 25, 50, 100, 200)


def measure(run: Run) -> None:
    from bench.synth import write_plan, write_workbooks

    plan = write_plan(run.tmp / "intake_plan.yaml", 5, 50)
    biggest = 5 if run.smoke else 1000
    folders = {n: run.tmp / f"wb{n}" for n in ([5] if run.smoke else [100, 1000])}
    write_workbooks(folders[biggest], biggest)
    for n, folder in folders.items():
        if n != biggest:
            folder.mkdir()
            for path in sorted(folders[biggest].glob("*.xlsx"))[:n]:
                os.link(path, folder / path.name)
    args = {"plan": str(plan)}
    _whole_processes(run, folders[biggest], args)
    for n in [5] if run.smoke else [100] if run.quick else [100, 1000]:
        _in_process(run, n, folders[n], args)
    if not run.smoke:
        run.results["intake_pool"] = repeat("intake.pool_sweep", {"folder": str(folders[1000]), "repeats": run.runs,
                                                                  **args}, 1)


def _whole_processes(run: Run, folder: Path, args: dict) -> None:
    n = len(list(folder.glob("*.xlsx")))
    rk = repeat("intake.check_process", {"folder": str(folder), "workers": "", **args}, run.runs)
    one = repeat("intake.check_process", {"folder": str(folder), "workers": "1", **args}, run.runs)
    pd_ = repeat("intake.pandas_process", {"folder": str(folder)}, run.baseline_runs)
    ratio = pd_["median"] / rk["median"]
    run.results[f"intake_process_{n}"] = {"reportkit": rk, "reportkit_one_process": one, "pandas_openpyxl": pd_,
                                          "ratio": ratio, "ratio_one_process": pd_["median"] / one["median"]}
    run.record("intake_process_ratio", ratio, baseline=(
        f"{n} files: pandas+openpyxl script {pd_['median']:.2f} s (min {pd_['min']:.2f}, max {pd_['max']:.2f}; "
        f"CPU {pd_['cpu_median']:.2f} s), reportkit check {rk['median']:.2f} s (min {rk['min']:.2f}, "
        f"max {rk['max']:.2f}; CPU {rk['cpu_median']:.2f} s)"))


def _in_process(run: Run, n: int, folder: Path, args: dict) -> None:
    rk = repeat("intake.intake_reportkit", {"folder": str(folder), **args}, run.runs)
    pd_ = repeat("intake.intake_pandas", {"folder": str(folder), **args}, run.baseline_runs)
    ratio = pd_["median"] / rk["median"]
    run.results[f"intake_{n}"] = {"reportkit": rk, "pandas_openpyxl": pd_, "ratio": ratio,
                                  "reportkit_files_per_s": n / rk["median"],
                                  "pandas_files_per_s": n / pd_["median"]}
    if ratio < run.metrics.get("intake_ratio", math.inf):
        run.record("intake_ratio", ratio, baseline=f"{n} files: pandas+openpyxl {pd_['median']:.2f} s "
                   f"(min {pd_['min']:.2f}, max {pd_['max']:.2f}), reportkit {rk['median']:.2f} s "
                   f"(min {rk['min']:.2f}, max {rk['max']:.2f})")


def describe(key: str, value) -> str | None:
    if key == "intake_pool":
        sizes = "; ".join(f"{n} files {p['one'] * 1000:.0f} → {p['pool'] * 1000:.0f} ms"
                          for n, p in value["sizes"].items())
        return (f"- **intake_pool** (where the pool pays: `intake.pool.read_paths` in one process → with "
                f"{value['workers']} workers, best of {value['repeats']}): {sizes}")
    if key.startswith("intake_process_"):
        return (f"- **{key}** (whole processes, {key.rsplit('_', 1)[1]} files × 50 rows): `reportkit check` "
                f"{fmt(value['reportkit'])}; with `REPORTKIT_INTAKE_WORKERS=1` {fmt(value['reportkit_one_process'])}; "
                f"pandas+openpyxl script {fmt(value['pandas_openpyxl'])}; ratio {value['ratio']:.1f}× "
                f"({value['ratio_one_process']:.1f}× in one process)")
    if not key.startswith("intake_"):
        return None
    return (f"- **{key}** (reading alone, one process, {value['reportkit']['files']} files × 50 rows): reportkit "
            f"{fmt(value['reportkit'])}, {value['reportkit_files_per_s']:.0f} files/s; pandas+openpyxl "
            f"{fmt(value['pandas_openpyxl'])}, {value['pandas_files_per_s']:.0f} files/s; ratio {value['ratio']:.1f}×")


# ---------------------------------------------------------------- whole processes

def check_process(folder: str, plan: str, workers: str) -> dict:
    """``reportkit check FOLDER --plan PLAN`` as a user runs it (the table to /dev/null); exit 1: findings."""
    env = child_env()
    env.pop("REPORTKIT_INTAKE_WORKERS", None)
    if workers:
        env["REPORTKIT_INTAKE_WORKERS"] = workers
    proc = subprocess.run([str(VENV_BIN / "reportkit"), "check", folder, "--plan", plan], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr)
    return {"exit_code": proc.returncode}


def pandas_process(folder: str) -> dict:
    """The baseline as a whole process: ``python -c`` importing pandas and looping read_excel(openpyxl)."""
    proc = subprocess.run([sys.executable, "-c", PANDAS_SCRIPT, folder], env=child_env(), capture_output=True,
                          text=True, check=True)
    files, rows = proc.stdout.split()
    return {"files": int(files), "rows": int(rows)}


# ---------------------------------------------------------------- in-process reading
# Imports and the plan are loaded in prepare_*: both sides are timed on reading alone.

def prepare_intake_reportkit(folder: str, plan: str):
    from reportkit.intake.reader import read_workbook
    from reportkit.plan.load import load_plan

    return read_workbook, load_plan(plan), sorted(Path(folder).glob("*.xlsx"))


def intake_reportkit(state, folder: str, plan: str) -> dict:
    """Read every workbook with reportkit's intake (calamine, findings included)."""
    read_workbook, p, files = state
    rows = sum(len(read_workbook(f, p).rows) for f in files)
    return {"files": len(files), "rows": rows}


def prepare_intake_pandas(folder: str, plan: str):
    import openpyxl  # noqa: F401
    import pandas as pd

    return pd, sorted(Path(folder).glob("*.xlsx"))


def intake_pandas(state, folder: str, plan: str) -> dict:
    """The baseline: pandas.read_excel(engine="openpyxl") on the same files."""
    pd, files = state
    rows = sum(len(pd.read_excel(f, engine="openpyxl", header=None)) for f in files)
    return {"files": len(files), "rows": rows}


# ---------------------------------------------------------------- where the pool pays

def pool_sweep(folder: str, plan: str, repeats: int = 5) -> dict:
    """``read_paths`` on the first n files in one process and with the pool (all cores): best of ``repeats``."""
    from reportkit.intake import pool
    from reportkit.intake.reader import read_workbook_through_cache
    from reportkit.plan.load import load_plan

    p = load_plan(plan)
    files = sorted(Path(folder).glob("*.xlsx"))
    workers = max(2, pool.available_cores())
    sizes = {}
    for n in POOL_SIZES:
        best = {"one": math.inf, "pool": math.inf}
        for _ in range(repeats):
            for name, count in (("one", 1), ("pool", workers)):
                start = time.perf_counter()
                pool.read_paths(files[:n], p, read_workbook_through_cache, workers=count)
                best[name] = min(best[name], time.perf_counter() - start)
        sizes[n] = best
    return {"workers": workers, "repeats": repeats, "sizes": sizes}
