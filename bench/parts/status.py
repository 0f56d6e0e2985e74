"""The status engine: task-unit rows judged against the plan, from 10⁴ to 10⁶ rows (10⁷ in the full run).

Sizes are task-unit pairs (units × tasks); a fifth of the tasks have two
milestones, so the status table has 1.2 rows per pair. Three engines on the
same synthetic year, each in fresh processes:

- ``assess_columns``: the current engine, the workbooks' rows handed over as
  columns (``intake.columns.TaskColumns``): the measured targets;
- ``assess``: the current engine, the rows as lists of TaskRow (what intake
  builds today);
- ``baseline``: the engine before issue 17 (``bench/baseline_status``, frozen),
  TaskRow lists, measured in the same run.

The plan is built once per size from a five-task YAML with every task
repeated (``synthetic_plan``: the same Plan ``load_plan`` makes of the full
YAML, without parsing a million unit codes in the measured process: the YAML
parser alone peaks at about 580 MB for 10⁴ units × 100 tasks). Peak memory is
the process's, the inputs built by ``prepare_*`` included.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
import os
from pathlib import Path

from bench.measure import fmt, repeat
from bench.parts import Run

TARGETS = {
    "assess_1e6_seconds": ("status: 10⁶ rows in < 1 s (rows as columns)", lambda s: s < 1.0),
    "assess_1e6_mb": ("status: 10⁶ rows in < 600 MB (rows as columns, inputs included)", lambda m: m < 600),
    "assess_exponent": ("status: growth exponent ≤ 1.2 (CPU s, 10⁶ → 10⁷ pairs, as columns)", lambda e: e <= 1.2),
    "assess_rows_1e6_seconds": ("status: 10⁶ rows in < 1 s (rows as TaskRow lists)", lambda s: s < 1.0),
    "assess_rows_1e6_mb": ("status: 10⁶ rows in < 600 MB (rows as TaskRow lists, inputs included)",
                           lambda m: m < 600),
}

REPORT_DATE = dt.date(2024, 6, 10)
AS_OF = dt.date(2024, 6, 12)
SEED_TASKS = 5  # write_plan cycles through five time frames: task t has the frame of task (t - 1) % 5 + 1


def measure(run: Run) -> None:
    args = {"plan_dir": str(run.tmp)}
    if run.smoke:  # one result: the three engines on a tiny plan
        run.results["status_smoke"] = {name: repeat(f"status.{name}", {"units": 10, "tasks": 20, **args}, 1)
                                       for name in ("assess_columns", "assess", "baseline")}
        return
    sizes = [(1000, 100), (10000, 100)] if run.quick else [(100, 100), (1000, 100), (10000, 100), (10000, 1000)]
    points = []
    for units, tasks in sizes:
        n = units * tasks
        runs = min(run.runs, 2) if n > 1_000_000 else run.runs
        r = repeat("status.assess_columns", {"units": units, "tasks": tasks, **args}, runs)
        run.results[f"assess_columns_{n}"] = r
        points.append((n, r["cpu_median"], r["median"]))
    million = {"units": 10000, "tasks": 100, **args}
    slow_runs = 1 if run.quick else run.runs  # a million TaskRows take seconds to build: one run in --quick
    if not run.quick:
        with _environ(NUMPY_MADVISE_HUGEPAGE="0"):  # a diagnosis, not the target: see docs/performance.md
            run.results["assess_columns_small_pages_1000000"] = repeat("status.assess_columns", million, slow_runs)
    rows = repeat("status.assess", million, slow_runs)
    base = repeat("status.baseline", million, slow_runs)
    run.results["assess_rows_1000000"], run.results["assess_baseline_1000000"] = rows, base
    cols = run.results["assess_columns_1000000"]
    versus = f"engine before issue 17 {base['median']:.2f} s, {base['peak_mb']:.0f} MB"
    run.record("assess_1e6_seconds", cols["median"], spread=cols, baseline=versus)
    run.record("assess_1e6_mb", cols["peak_mb"], baseline=versus)
    run.record("assess_rows_1e6_seconds", rows["median"], spread=rows, baseline=versus)
    run.record("assess_rows_1e6_mb", rows["peak_mb"], baseline=versus)
    if not run.quick:  # on CPU seconds: wall time on a shared machine grows with whatever else runs
        (n0, c0, w0), (n1, c1, w1) = points[-2], points[-1]
        run.record("assess_exponent", math.log(c1 / c0) / math.log(n1 / n0),
                   baseline=f"CPU {c0:.2f} s at {n0:.0e} pairs, {c1:.2f} s at {n1:.0e}; "
                            f"wall-time exponent {math.log(w1 / w0) / math.log(n1 / n0):.2f}")
        run.results["assess_exponent"] = run.metrics["assess_exponent"]


def describe(key: str, value) -> str | None:
    if key == "assess_exponent":
        return f"- **status growth exponent** (CPU seconds, 10⁶ → 10⁷ task-unit pairs, rows as columns): {value:.2f}"
    if key == "status_smoke":
        return "- **status smoke**: " + "; ".join(f"{name} {fmt(r)}" for name, r in value.items())
    labels = {"assess_columns_small_pages": "rows as columns, NUMPY_MADVISE_HUGEPAGE=0",
              "assess_columns": "rows as columns", "assess_rows": "rows as TaskRow lists",
              "assess_baseline": "engine before issue 17, TaskRow lists"}
    for prefix, label in labels.items():
        if key.startswith(prefix + "_"):
            n = int(key.rsplit("_", 1)[1])
            return f"- **status, {n:,} task-unit pairs** ({label}; {value.get('rows', 0):,} rows): {fmt(value)}"
    return None


@contextlib.contextmanager
def _environ(**values: str):
    """Environment variables set for the child processes started inside the block."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


# ---------------------------------------------------------------- inputs


def synthetic_plan(units: int, tasks: int, plan_dir: str):
    """The plan ``bench.synth.write_plan(units, tasks)`` writes, as ``load_plan`` reads it.

    Built from the five-task plan of the same units, each task repeated with
    its number (code, text) changed: every task shares one tuple of unit
    codes, as a plan loader that keeps one string per unit would.
    """
    from bench.synth import write_plan
    from reportkit.plan.load import load_plan

    path = Path(plan_dir) / f"plan_{units}x{SEED_TASKS}.yaml"
    if not path.exists():
        write_plan(path, units, SEED_TASKS)
    seed = load_plan(path)
    repeated = tuple(dataclasses.replace(seed.tasks[(t - 1) % SEED_TASKS], code=f"III.{t}", text=f"Nhiệm vụ {t}")
                     for t in range(1, tasks + 1))
    return dataclasses.replace(seed, tasks=repeated)


def _is_done(u_i: int, t_i: int) -> bool:
    return (u_i + t_i) % 3 == 0


def prepare_assess(units: int, tasks: int, plan_dir: str) -> tuple:
    """The plan and one workbook per unit, its rows as TaskRow lists (a third done, the rest half way)."""
    import reportkit.status  # noqa: F401  (imports excluded from the measured part, as in the other parts)
    from reportkit.intake.model import DONE, IN_PROGRESS, Submission, TaskRow

    plan = synthetic_plan(units, tasks, plan_dir)
    subs = []
    for u_i, unit in enumerate(plan.units):
        rows = []
        for t_i, task in enumerate(plan.tasks):
            done = _is_done(u_i, t_i)
            rows.append(TaskRow(task.code, DONE if done else IN_PROGRESS, 100.0 if done else 50.0,
                                dt.date(2024, 3, 1 + (u_i + t_i) % 28) if done else None, "kết quả", "", "", "",
                                t_i + 2, "Theo dõi"))
        subs.append(Submission(Path(f"{unit.code}.xlsx"), unit.code, REPORT_DATE, rows))
    return plan, subs


def prepare_baseline(units: int, tasks: int, plan_dir: str) -> tuple:
    """The inputs of ``prepare_assess``, and the baseline engine imported."""
    import bench.baseline_status.engine  # noqa: F401

    return prepare_assess(units, tasks, plan_dir)


def prepare_assess_columns(units: int, tasks: int, plan_dir: str) -> tuple:
    """The same workbooks as ``prepare_assess``, their rows as TaskColumns (arrays built per workbook)."""
    import numpy as np

    import reportkit.status  # noqa: F401
    from reportkit.intake.columns import TaskColumns
    from reportkit.intake.model import DONE, IN_PROGRESS, Submission

    plan = synthetic_plan(units, tasks, plan_dir)
    codes = np.array(plan.task_codes, dtype=object)
    t_i = np.arange(tasks)
    words = np.array([IN_PROGRESS, DONE], dtype=object)  # references to intake's two words, as TaskRows hold
    march = np.datetime64("2024-03-01", "D")
    subs = []
    for u_i, unit in enumerate(plan.units):
        done = (u_i + t_i) % 3 == 0
        text = _same("", tasks)
        columns = TaskColumns(
            task_code=codes.copy(), status=words[done.astype(np.int8)],
            progress=np.where(done, 100.0, 50.0),
            completed_on=np.where(done, march + (u_i + t_i) % 28, np.datetime64("NaT", "D")),
            result=_same("kết quả", tasks), difficulties=text, proposals=text.copy(),
            note=text.copy(), source_row=t_i + 2, sheet=_same("Theo dõi", tasks),
        )
        subs.append(Submission(Path(f"{unit.code}.xlsx"), unit.code, REPORT_DATE, columns))
    return plan, subs


def _same(text: str, n: int):
    """An object array holding ``n`` references to one string (``np.full`` would make ``n`` copies of it)."""
    import numpy as np

    out = np.empty(n, dtype=object)
    out.fill(text)
    return out


# ---------------------------------------------------------------- measured


def assess(state: tuple, units: int, tasks: int, plan_dir: str) -> dict:
    """The current engine on TaskRow lists."""
    from reportkit.status import assess as assess_tasks

    plan, subs = state
    return {"rows": len(assess_tasks(plan, subs, "2024-Q2", as_of=AS_OF))}


def assess_columns(state: tuple, units: int, tasks: int, plan_dir: str) -> dict:
    """The current engine on TaskColumns."""
    return assess(state, units, tasks, plan_dir)


def baseline(state: tuple, units: int, tasks: int, plan_dir: str) -> dict:
    """The engine before issue 17 on TaskRow lists."""
    from bench.baseline_status.engine import assess as assess_before

    plan, subs = state
    return {"rows": len(assess_before(plan, subs, "2024-Q2", as_of=AS_OF))}
