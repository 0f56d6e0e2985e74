"""The status engine: task-unit rows judged against the plan, from 10⁴ to 10⁶ rows (10⁷ with --full)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from bench.measure import fmt, repeat
from bench.parts import Run

TARGETS = {
    "assess_1e6_seconds": ("status: 10⁶ rows in < 2 s", lambda s: s < 2.0),
    "assess_1e6_mb": ("status: 10⁶ rows in < 1 GiB", lambda m: m < 1024),
    "assess_exponent": ("status: growth about linear (exponent ≤ 1.2)", lambda e: e <= 1.2),
}


def measure(run: Run) -> None:
    sizes = [(10, 20)] if run.smoke else [(100, 100), (1000, 100)] if run.quick else \
        [(100, 100), (1000, 100), (10000, 100)]
    points = []
    for units, tasks in sizes:
        r = repeat("status.assess", {"units": units, "tasks": tasks, "plan_dir": str(run.tmp)}, run.runs)
        run.results[f"assess_{units * tasks}"] = r
        points.append((units * tasks, r["median"]))
        if units * tasks == 1_000_000:
            run.metrics["assess_1e6_seconds"] = r["median"]
            run.metrics["assess_1e6_mb"] = r["peak_mb"]
    if len(points) >= 2 and points[-1][0] >= 100 * points[0][0]:
        (n0, t0), (n1, t1) = points[-2], points[-1]
        run.metrics["assess_exponent"] = math.log(t1 / t0) / math.log(n1 / n0)
        run.results["assess_exponent"] = run.metrics["assess_exponent"]


def describe(key: str, value) -> str | None:
    if key == "assess_exponent":
        return f"- **growth exponent** (last two sizes): {value:.2f}"
    if key.startswith("assess_"):
        return f"- **{key}** rows: {fmt(value)}"
    return None


def prepare_assess(units: int, tasks: int, plan_dir: str) -> tuple:
    from bench.synth import write_plan
    from reportkit.intake.model import DONE, IN_PROGRESS, Submission, TaskRow
    from reportkit.plan.load import load_plan

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


def assess(state: tuple, units: int, tasks: int, plan_dir: str) -> dict:
    """assess_tasks over units × tasks rows."""
    from reportkit.status import assess as assess_tasks

    plan, subs = state
    table = assess_tasks(plan, subs, "2024-Q2", as_of=dt.date(2024, 6, 12))
    return {"rows": len(table)}
