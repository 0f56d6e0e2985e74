"""What the tracker knows about one report: each unit's state (received, late, unusable, missing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportkit.periods import DueReport

RECEIVED = "received"
LATE = "late"
UNUSABLE = "unusable"
MISSING = "missing"
STATES = (RECEIVED, LATE, UNUSABLE, MISSING)


@dataclass(frozen=True)
class UnitState:
    """One unit's submission for one report.

    ``file`` is the workbook counted (or the newest unusable one), ``days_left``
    the days until the departments' last day (negative: days late), ``findings``
    the intake error messages of an unusable file, ``emails`` the plan's
    addresses of the unit.
    """

    code: str
    name: str
    state: str  # one of STATES
    file: str | None
    report_date: dt.date | None
    days_left: int
    findings: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportReminder:
    """One report the departments must feed, with every unit that must report."""

    report: DueReport
    units: tuple[UnitState, ...]

    @property
    def pending(self) -> tuple[UnitState, ...]:
        """The units to chase: nothing usable received yet (missing or unusable)."""
        return tuple(u for u in self.units if u.state in (MISSING, UNUSABLE))

    @property
    def complete(self) -> bool:
        """Every unit sent a usable workbook (on time or late)."""
        return not self.pending
