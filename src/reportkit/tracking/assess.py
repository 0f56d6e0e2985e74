"""Each unit's state for one report: which workbook counts, on time or late, or why none does.

Departments keep one cumulative workbook and send a fresh copy before each
deadline. The calendar's distinct departments' deadlines (``submit_last_day``
of every report, all streams together) cut the year into rounds: a workbook
dated after the previous deadline up to this report's deadline is on time for
it; one dated after the deadline up to the next deadline is late for it (and on
time for the next). A workbook dated after ``as_of`` has not arrived yet as of
that day and is not counted. A file whose date could not be read cannot be
placed in a round: it makes its unit "unusable" (with its findings) wherever the
unit has nothing else, so it is never silently ignored. An unreadable file is
given to a unit and a date by its name (``bhtn_2024-05-18.xlsx``) when its
content cannot tell.
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


@dataclass(frozen=True)
class Arrival:
    """A workbook as the tracker counts it: its unit and date, from its content or else from its file name."""

    sub: Submission
    unit: str | None
    day: dt.date | None

    @property
    def usable(self) -> bool:
        return self.sub.usable


def arrivals_by_unit(plan: Plan, subs: list[Submission]) -> dict[str, list[Arrival]]:
    """The workbooks of each unit; an unreadable file is placed by its name (``hcth_2024-03-05.xlsx``) when it can be."""
    from reportkit.intake.dates import date_from_filename
    from reportkit.intake.units import unit_from_filename

    out: dict[str, list[Arrival]] = {}
    for sub in subs:
        unit = sub.unit or unit_from_filename(sub.path, plan)
        day = sub.report_date or (None if sub.usable else date_from_filename(sub.path))
        if unit is not None:
            out.setdefault(unit, []).append(Arrival(sub, unit, day))
    return out


def assess_report(units: list[Unit], report: DueReport, rnd: Round, arrivals: dict[str, list[Arrival]],
                  as_of: dt.date) -> ReportReminder:
    """The state for ``report`` as of ``as_of`` of each of ``units`` (reporting_units; ``arrivals``: arrivals_by_unit)."""
    units = tuple(assess_unit(u, report, rnd, arrivals.get(u.code, []), as_of) for u in units)
    return ReportReminder(report, units)


def assess_unit(unit: Unit, report: DueReport, rnd: Round, arrivals: list[Arrival], as_of: dt.date) -> UnitState:
    """One unit's state: its newest usable on-time workbook, else its first usable late one, else unusable or missing."""
    deadline = report.submit_last_day
    arrived = [a for a in arrivals if a.day is not None and a.day <= as_of]
    on_time = [a for a in arrived if rnd.start <= a.day <= deadline]
    late = [a for a in arrived if deadline < a.day and (rnd.late_end is None or a.day <= rnd.late_end)]
    base = {"code": unit.code, "name": unit.name, "emails": unit.emails}
    usable_on_time = _by_date([a for a in on_time if a.usable])
    if usable_on_time:
        a = usable_on_time[-1]
        return UnitState(state=RECEIVED, file=a.sub.path.name, report_date=a.day,
                         days_left=(deadline - a.day).days, **base)
    usable_late = _by_date([a for a in late if a.usable])
    if usable_late:
        a = usable_late[0]
        return UnitState(state=LATE, file=a.sub.path.name, report_date=a.day, days_left=(deadline - a.day).days, **base)
    bad = _by_date([a for a in on_time + late if not a.usable]) or [a for a in arrivals if a.day is None]
    if bad:
        a = bad[-1]
        return UnitState(state=UNUSABLE, file=a.sub.path.name, report_date=a.day,
                         days_left=(deadline - as_of).days, findings=error_texts(a.sub), **base)
    return UnitState(state=MISSING, file=None, report_date=None, days_left=(deadline - as_of).days, **base)


def _by_date(arrivals: list[Arrival]) -> list[Arrival]:
    return sorted(arrivals, key=lambda a: (a.day or dt.date.min, a.sub.path.name))


def error_texts(sub: Submission) -> tuple[str, ...]:
    """The error findings of a workbook, in the current language (a generic one when intake left none)."""
    english = current_language() == "en"
    texts = tuple(dict.fromkeys((f.message_en or f.message) if english else f.message
                                for f in sub.findings if f.severity == ERROR))
    return texts or (t("remind.no_rows"),)
