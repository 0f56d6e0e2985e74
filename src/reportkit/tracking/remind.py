"""Track submissions: for each report due soon or overdue without a complete set, each unit's state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from reportkit.intake.model import Submission
from reportkit.periods import build_calendar
from reportkit.plan.model import Plan
from reportkit.tracking.assess import arrivals_by_unit, assess_report, build_rounds, reporting_units
from reportkit.tracking.model import ReportReminder


def read_tracked(submissions: Path | str | Iterable[Submission], plan: Plan) -> list[Submission]:
    """The submissions as a list: a folder (or file) is read with intake, already-read submissions are kept."""
    if isinstance(submissions, (str, Path)):
        from reportkit.intake.reader import read_submissions

        return read_submissions(Path(submissions), plan)
    return list(submissions)


def track_year(plan: Plan, as_of: dt.date, submissions: Path | str | Iterable[Submission],
               through: dt.date | None = None) -> list[ReportReminder]:
    """Every report of the plan's year whose departments' deadline is on or before ``through`` (default ``as_of``),
    in calendar order, with each unit's state as of ``as_of``."""
    subs = read_tracked(submissions, plan)
    calendar = build_calendar(plan)
    rounds = build_rounds(calendar, plan.year)
    through = as_of if through is None else through
    arrivals = arrivals_by_unit(plan, subs)
    units = reporting_units(plan)
    return [assess_report(units, r, rounds[r.submit_last_day], arrivals, as_of)
            for r in calendar if r.submit_last_day <= through]


def track_submissions(plan: Plan, as_of: dt.date, submissions: Path | str | Iterable[Submission],
                      days_ahead: int = 5) -> list[ReportReminder]:
    """Every report whose departments' deadline is within ``days_ahead`` days of ``as_of``, or has passed
    while some unit still has nothing usable, with each unit's state (calendar order).

    ``submissions`` is the submissions folder (read with intake) or the submissions already read.
    """
    horizon = as_of + dt.timedelta(days=days_ahead)
    year = track_year(plan, as_of, submissions, through=horizon)
    return [r for r in year if r.report.submit_last_day >= as_of or not r.complete]
