"""Each unit's state for one report: which workbook counts, on time or late, or why none does.

Departments keep one cumulative workbook and send a fresh copy before each
deadline. The calendar's distinct departments' deadlines (``submit_last_day``
of every report, all streams together) cut the year into rounds: a workbook
dated after the previous deadline up to this report's deadline is on time for
it; one dated after the deadline up to the next deadline is late for it (and on
time for the next). A workbook dated after ``as_of`` has not arrived yet as of
that day and is not counted. A file whose date could not be read cannot be
placed in a round: it makes its unit "unusable" (with its findings) wherever the
unit has nothing else, so it is never silently ignored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportkit.intake.model import ERROR, Submission
from reportkit.messages import current_language, t
from reportkit.periods import DueReport
from reportkit.plan.model import Plan, Unit
from reportkit.tracking.model import LATE, MISSING, RECEIVED, UNUSABLE, ReportReminder, UnitState


@dataclass(frozen=True)
class Round:
    """The days a report's workbooks count for: on time ``[start, last_day]``, late ``(last_day, late_end]``."""

    start: dt.date
    last_day: dt.date
    late_end: dt.date | None  # None: no later deadline in the calendar


def build_rounds(calendar: list[DueReport], year: int) -> dict[dt.date, Round]:
    """The round of each distinct departments' deadline of ``calendar`` (the first starts on 1 January)."""
    days = sorted({r.submit_last_day for r in calendar})
    rounds = {}
    for i, day in enumerate(days):
        start = days[i - 1] + dt.timedelta(days=1) if i else dt.date(year, 1, 1)
        rounds[day] = Round(start, day, days[i + 1] if i + 1 < len(days) else None)
    return rounds


def reporting_units(plan: Plan) -> list[Unit]:
    """The units that must send a workbook: those carrying at least one task or content item, in plan order."""
    return [u for u in plan.units if plan.tasks_for_unit(u.code)]


def assess_report(plan: Plan, report: DueReport, rnd: Round, subs: list[Submission], as_of: dt.date) -> ReportReminder:
    """Every reporting unit's state for ``report`` as of ``as_of``."""
    by_unit: dict[str, list[Submission]] = {}
    for sub in subs:
        if sub.unit is not None:
            by_unit.setdefault(sub.unit, []).append(sub)
    units = tuple(assess_unit(u, report, rnd, by_unit.get(u.code, []), as_of) for u in reporting_units(plan))
    return ReportReminder(report, units)


def assess_unit(unit: Unit, report: DueReport, rnd: Round, subs: list[Submission], as_of: dt.date) -> UnitState:
    """One unit's state: its newest usable on-time workbook, else its first usable late one, else unusable or missing."""
    deadline = report.submit_last_day
    arrived = [s for s in subs if s.report_date is not None and s.report_date <= as_of]
    on_time = [s for s in arrived if rnd.start <= s.report_date <= deadline]
    late = [s for s in arrived if deadline < s.report_date and (rnd.late_end is None or s.report_date <= rnd.late_end)]
    base = {"code": unit.code, "name": unit.name, "emails": unit.emails}
    usable_on_time = _by_date([s for s in on_time if s.usable])
    if usable_on_time:
        sub = usable_on_time[-1]
        return UnitState(state=RECEIVED, file=sub.path.name, report_date=sub.report_date,
                         days_left=(deadline - sub.report_date).days, **base)
    usable_late = _by_date([s for s in late if s.usable])
    if usable_late:
        sub = usable_late[0]
        return UnitState(state=LATE, file=sub.path.name, report_date=sub.report_date,
                         days_left=(deadline - sub.report_date).days, **base)
    bad = _by_date([s for s in on_time + late if not s.usable]) or [s for s in subs if s.report_date is None]
    if bad:
        sub = bad[-1]
        return UnitState(state=UNUSABLE, file=sub.path.name, report_date=sub.report_date,
                         days_left=(deadline - as_of).days, findings=error_texts(sub), **base)
    return UnitState(state=MISSING, file=None, report_date=None, days_left=(deadline - as_of).days, **base)


def _by_date(subs: list[Submission]) -> list[Submission]:
    return sorted(subs, key=lambda s: (s.report_date or dt.date.min, s.path.name))


def error_texts(sub: Submission) -> tuple[str, ...]:
    """The error findings of a workbook, in the current language (a generic one when intake left none)."""
    english = current_language() == "en"
    texts = tuple(dict.fromkeys((f.message_en or f.message) if english else f.message
                                for f in sub.findings if f.severity == ERROR))
    return texts or (t("remind.no_rows"),)
