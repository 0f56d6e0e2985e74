"""Intake: reading the departments' workbooks, against pandas.read_excel(engine="openpyxl")."""

from __future__ import annotations

import math
from pathlib import Path

from bench.measure import fmt, repeat
from bench.parts import Run

TARGETS = {
    "intake_ratio": ("intake: reportkit ≥ 5× pandas/openpyxl (files/s)", lambda r: r >= 5.0),
}


def measure(run: Run) -> None:
    from bench.synth import write_plan, write_workbooks

    plan = write_plan(run.tmp / "intake_plan.yaml", 5, 50)
    for n in [5] if run.smoke else [100] if run.quick else [100, 1000]:
        folder = run.tmp / f"wb{n}"
        write_workbooks(folder, n)
        rk = repeat("intake.intake_reportkit", {"folder": str(folder), "plan": str(plan)}, run.runs)
        pd_ = repeat("intake.intake_pandas", {"folder": str(folder), "plan": str(plan)}, run.runs)
        ratio = pd_["median"] / rk["median"]
        run.results[f"intake_{n}"] = {"reportkit": rk, "pandas_openpyxl": pd_, "ratio": ratio,
                                      "reportkit_files_per_s": n / rk["median"],
                                      "pandas_files_per_s": n / pd_["median"]}
        if ratio < run.metrics.get("intake_ratio", math.inf):
            run.record("intake_ratio", ratio, baseline=f"{n} files: pandas+openpyxl {pd_['median']:.2f} s "
                       f"(min {pd_['min']:.2f}, max {pd_['max']:.2f}), reportkit {rk['median']:.2f} s "
                       f"(min {rk['min']:.2f}, max {rk['max']:.2f})")


def describe(key: str, value) -> str | None:
    if not key.startswith("intake_"):
        return None
    return (f"- **{key}** ({value['reportkit']['files']} files × 50 rows): reportkit {fmt(value['reportkit'])}, "
            f"{value['reportkit_files_per_s']:.0f} files/s; pandas+openpyxl {fmt(value['pandas_openpyxl'])}, "
            f"{value['pandas_files_per_s']:.0f} files/s; ratio {value['ratio']:.1f}×")


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
