"""Track submissions: for each report due soon or overdue, each unit's state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportkit.plan.model import Plan
from reportkit.tracking.model import ReportReminder


def track_submissions(plan: Plan, as_of: dt.date, submissions: Path, days_ahead: int = 5) -> list[ReportReminder]:
    """Every report whose departments' deadline is within ``days_ahead`` days of ``as_of`` or has passed
    without a complete set, with each unit's state."""
    raise NotImplementedError  # filled in on branch tracker
