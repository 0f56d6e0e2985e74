"""Quick measurement of ``status.assess`` at scale (not a unit test).

Builds a synthetic plan of N units × T tasks (every unit carries every task,
task i led by unit i mod N; a mix of content items, quarter, two-milestone,
external and fixed-date tasks) and one submission per unit with a row for
every task, then times ``assess`` and reports peak memory.

    .venv/bin/python scripts/measure_status.py                 # 10,000 × 100
    .venv/bin/python scripts/measure_status.py --units 2000 --subs-per-unit 3

Peak memory is the process's maximum RSS (``ru_maxrss``), printed before and
after ``assess`` so the part that belongs to assess can be read off. System
time is mostly first-touch page faults: the first run in a fresh process pays
for the memory it takes, later runs reuse it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time
from pathlib import Path

from reportkit.intake.model import DONE, IN_PROGRESS, NOT_STARTED, Submission, TaskRow
from reportkit.plan.load import DueRule, Plan, Task, Unit


def build_plan(n_units: int, n_tasks: int, year: int = 2024) -> Plan:
    """A synthetic plan; every unit carries every task."""
    units = tuple(Unit(f"u{i:05d}", f"Phòng số {i}") for i in range(n_units))
    codes = tuple(u.code for u in units)
    rules = [
        ("content", DueRule("continuous"), "thường xuyên"),
        ("task", DueRule("quarter", quarter=1), "quý I"),
        ("task", DueRule("quarter", quarter=3), "quý III"),
        ("task", DueRule("months", months=(6, 12)), "tháng 6, tháng 12"),
        ("task", DueRule("external"), "Theo kế hoạch của cấp trên"),
        ("task", DueRule("date", on=dt.date(year, 5, 15)), "15/05/2024"),
    ]
    tasks = []
    for i in range(n_tasks):
        kind, due, frame = rules[i % len(rules)]
        code = f"II.1.t{i}" if kind == "content" else f"III.{i}"
        lead = None if kind == "content" else codes[i % n_units]
        tasks.append(Task(code, f"Nhiệm vụ {i}", frame, due, kind, "II.1" if kind == "content" else "III", (lead,) if lead else (), codes))
    return Plan(
        path=Path("synthetic.yaml"), code="synthetic", year=year, title="", document_type="", place="",
        issuer_name="", superior_name="", report_symbol="BC", basis="", purposes=(), units=units,
        sections=(("II.1", ""), ("III", "")), tasks=tuple(tasks), streams=(), signer_title="",
        signer_name="", recipients=(),
    )


def build_submissions(plan: Plan, per_unit: int, seed: int = 1) -> list[Submission]:
    """``per_unit`` submissions per unit (Feb, May, Aug …), each with a row per task."""
    rng = random.Random(seed)
    statuses = (NOT_STARTED, IN_PROGRESS, DONE, DONE)
    dates = [dt.date(plan.year, 1, 1) + dt.timedelta(days=d) for d in range(0, 240)]
    subs = []
    for k in range(per_unit):
        report_date = dt.date(plan.year, 2 + 3 * k, 25)
        for unit in plan.units:
            rows = []
            for j, task in enumerate(plan.tasks):
                status = rng.choice(statuses)
                done_on = rng.choice(dates) if status == DONE and rng.random() < 0.9 else None
                if done_on is not None and done_on > report_date:
                    done_on = report_date
                rows.append(TaskRow(task.code, status, 100.0 if status == DONE else None, done_on,
                                    result="Đã triển khai" if status != NOT_STARTED else "", source_row=j + 8))
            subs.append(Submission(Path(f"{unit.code}_{report_date}.xlsx"), unit.code, report_date, rows))
    return subs


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--subs-per-unit", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from reportkit.status import assess

    plan = build_plan(args.units, args.tasks)
    subs = build_submissions(plan, args.subs_per_unit)
    pairs = sum(len(t.units) for t in plan.tasks)
    print(f"{args.units:,} units × {args.tasks} tasks = {pairs:,} task-unit pairs; "
          f"{len(subs):,} submissions, {sum(len(s.rows) for s in subs):,} rows")
    print(f"peak RSS with inputs built: {peak_mb():,.0f} MB")
    as_of = dt.date(plan.year, 11, 19)
    before = peak_mb()
    for run in range(args.runs):
        usage = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        frame = assess(plan, subs, f"{plan.year}", as_of=as_of, deadlines={"III.4": dt.date(plan.year, 8, 15)})
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF)
        print(f"run {run + 1}: assess {seconds:.2f} s wall (user {after.ru_utime - usage.ru_utime:.2f} s, "
              f"system {after.ru_stime - usage.ru_stime:.2f} s) → {len(frame):,} rows; "
              f"peak RSS {peak_mb():,.0f} MB (+{peak_mb() - before:,.0f} MB over the inputs)")
        del frame


if __name__ == "__main__":
    main()
