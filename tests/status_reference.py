"""A row-by-row reference of the status rules (docs/status-rules.md), for the equivalence tests.

Plain Python, one (task or milestone, unit) line at a time, written from the
rules page and not from the engine: which submission counts, which row of it,
completion, milestones from the unit's history, the seven statuses, days late,
activity and the headline flag. It is slow on purpose; the vectorised engine
(``reportkit.status``) must give the same judgement on every line.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass

from reportkit.intake.model import (
    DONE,
    ERROR,
    IN_PROGRESS,
    NOT_STARTED,
    Submission,
    TaskRow,
)
from reportkit.plan.load import Plan, Task
from reportkit.status import (
    CONTINUOUS,
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
)

ROW_WORDS = {NOT_STARTED: 0, IN_PROGRESS: 1, DONE: 2}
ROW_STATUS = {-1: "", 0: NOT_STARTED, 1: IN_PROGRESS, 2: DONE}
COLUMNS = ["task_code", "milestone", "unit_code", "is_lead", "deadline", "status", "completed_on", "days_late",
           "row_status", "progress", "activity_reported", "in_headline", "report_date", "source_file", "source_row"]


@dataclass
class Line:
    """One reference line: the columns in ``COLUMNS``."""

    task_code: str
    milestone: str
    unit_code: str
    is_lead: bool
    deadline: dt.date | None
    status: str
    completed_on: dt.date | None
    days_late: int | None
    row_status: str
    progress: float | None
    activity_reported: bool
    in_headline: bool
    report_date: dt.date | None
    source_file: str
    source_row: int | None


def row_code(row: TaskRow) -> int:
    """The row's state: its status word, else its progress figure (100 % done), else -1."""
    if row.status in ROW_WORDS:
        return ROW_WORDS[row.status]
    p = row.progress
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return -1
    return 2 if p >= 100 else 1 if p > 0 else 0 if p == 0 else -1


def progress(row: TaskRow) -> float | None:
    p = row.progress
    return None if p is None or (isinstance(p, float) and math.isnan(p)) else float(p)


def rejected(sub: Submission, row: TaskRow) -> bool:
    return any(f.severity == ERROR and f.row is not None and f.row == (row.source_row or 0) for f in sub.findings)


def usable_row(sub: Submission, row: TaskRow) -> bool:
    return row_code(row) >= 0 and not rejected(sub, row)


def eligible(sub: Submission, unit: str, as_of: dt.date) -> bool:
    return sub.unit == unit and bool(sub.rows) and sub.report_date is not None and sub.report_date <= as_of


def counted_submission(subs: list[Submission], unit: str, as_of: dt.date) -> Submission | None:
    """The unit's latest eligible submission; a tie on the date goes to the file name sorting last."""
    best = None
    for sub in subs:
        if eligible(sub, unit, as_of) and (best is None or (sub.report_date, name(sub)) >= (best.report_date, name(best))):
            best = sub
    return best


def name(sub: Submission) -> str:
    return os.path.basename(os.fspath(sub.path))


def counted_row(sub: Submission, code: str) -> TaskRow | None:
    """The submission's row for the task: a usable one before a rejected one, then the first in the sheet."""
    rows = [r for r in sub.rows if r.task_code == code]
    rows.sort(key=lambda r: (not usable_row(sub, r), r.source_row or 0))
    return rows[0] if rows else None


def line_units(plan: Plan, task: Task) -> list[tuple[str, bool]]:
    """(unit, is_lead): lead units first, then the others, each in the plan's unit order."""
    carried = [u for u in plan.unit_codes if u in task.units]
    if not task.leads:
        return [(u, True) for u in carried]
    return [(u, True) for u in carried if u in task.leads] + [(u, False) for u in carried if u not in task.leads]


def single_completion(sub: Submission, row: TaskRow) -> tuple[bool, dt.date | None]:
    """Done as of the report, and when: a date after the report date is not counted; no date: the report date."""
    if row_code(row) != 2:
        return False, None
    when = row.completed_on or sub.report_date
    return (True, when) if when <= sub.report_date else (False, None)


def history_events(subs: list[Submission], chosen: Submission, code: str, unit: str, as_of: dt.date) -> list:
    """(done_on, report_date) of every completion the unit reported for the task, in date order."""
    rows = []
    for k, sub in enumerate(subs):
        if not eligible(sub, unit, as_of):
            continue
        if sub is chosen:
            row = counted_row(sub, code)
            picked = [row] if row is not None else []
        else:
            picked = [r for r in sub.rows if r.task_code == code]
        rows += [(sub.report_date, r.source_row or 0, sub is not chosen, k, r) for r in picked if usable_row(sub, r)]
    rows.sort(key=lambda x: x[:4])
    events, previous_done = [], False
    for report_date, _, _, _, row in rows:
        done = row_code(row) == 2
        when = row.completed_on if row.completed_on is not None else (report_date if done and not previous_done else None)
        if done and when is not None and when <= report_date:
            events.append((when, report_date))
        previous_done = done
    return sorted(events)


def milestone_completions(events: list, deadlines: list[dt.date | None]) -> list[dt.date | None]:
    """Each milestone takes the earliest date after the previous milestone's deadline and date."""
    taken: list[dt.date | None] = []
    for i in range(len(deadlines)):
        if i and (taken[-1] is None or deadlines[i - 1] is None):
            taken.append(None)
            continue
        floor = max(taken[-1], deadlines[i - 1]) if i else None
        taken.append(next((when for when, _ in events if floor is None or when > floor), None))
    return taken


def reference_lines(plan: Plan, subs: list[Submission], as_of: dt.date, period_end: dt.date,
                    deadlines: dict[str, dt.date]) -> list[Line]:
    """Every (task or milestone, unit) line of the plan, judged one at a time."""
    out = []
    for task in plan.tasks:
        milestones = task.due.milestones(plan.year, deadlines.get(task.code))
        due = [m.deadline for m in milestones]
        judged = []
        for unit, is_lead in line_units(plan, task):
            sub = counted_submission(subs, unit, as_of)
            row = counted_row(sub, task.code) if sub is not None else None
            usable = row is not None and usable_row(sub, row)
            if len(milestones) > 1 and usable:
                dates = milestone_completions(history_events(subs, sub, task.code, unit, as_of), due)
            elif usable:
                done, when = single_completion(sub, row)
                dates = [when if done else None]
            else:
                dates = [None] * len(milestones)
            judged.append((unit, is_lead, sub, row, usable, dates))
        for i, m in enumerate(milestones):  # milestone by milestone, each with every unit
            out += [judge(task, m, unit, is_lead, sub, row, usable, dates[i], as_of, period_end)
                    for unit, is_lead, sub, row, usable, dates in judged]
    return out


def judge(task: Task, m, unit: str, is_lead: bool, sub, row, usable: bool, done_on, as_of: dt.date,
          period_end: dt.date) -> Line:
    code = row_code(row) if usable else -1
    deadline, late = m.deadline, None
    if not usable:
        status = NO_REPORT
    elif task.due.kind == "continuous":
        status = CONTINUOUS
    elif deadline is None:
        status = NO_DEADLINE
    elif done_on is not None:
        status = DONE_ON_TIME if done_on <= deadline else DONE_LATE
        late = (done_on - deadline).days if done_on > deadline else None
    else:
        status = OPEN_IN_TIME if as_of <= deadline else OPEN_LATE
        late = (as_of - deadline).days if as_of > deadline else None
    done = status in (DONE_ON_TIME, DONE_LATE)
    return Line(
        task.code, m.key, unit, is_lead, deadline, status, done_on if usable and done_on is not None else None,
        late, ROW_STATUS[code], progress(row) if usable else None,
        usable and (code >= 1 or bool(row.result)),
        task.kind == "task" and is_lead and deadline is not None and (deadline <= period_end or done),
        sub.report_date if sub is not None else None, name(sub) if sub is not None else "",
        (row.source_row or 0) if row is not None else None,
    )
