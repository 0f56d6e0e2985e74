"""Helpers for the e-mail reminder tests: reminders made by hand, messages parsed back with the stdlib."""

from __future__ import annotations

import datetime as dt
import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from reportkit.periods import build_calendar
from reportkit.tracking.model import ReportReminder, UnitState

AS_OF = dt.date(2024, 2, 27)
NOW = dt.datetime(2024, 2, 27, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
REPORT_KEY = "2024-Q1/dan-chu"


def unit_state(plan, code: str, *, state: str = "missing", emails=None, name: str | None = None,
               findings: tuple[str, ...] = (), file: str | None = None, days_left: int = 2) -> UnitState:
    """One unit's state as the tracker gives it, with the plan's name and addresses unless overridden."""
    unit = plan.unit(code)
    return UnitState(code=code, name=unit.name if name is None else name, state=state, file=file, report_date=None,
                     days_left=days_left, findings=findings,
                     emails=tuple(unit.emails if emails is None else emails))


def reminder(plan, *units: UnitState, key: str = REPORT_KEY) -> ReportReminder:
    """The tracker's reminder for report ``key`` of the sample year, with ``units``."""
    report = next(r for r in build_calendar(plan) if r.key == key)
    return ReportReminder(report=report, units=tuple(units))


def parse_message(data: bytes) -> EmailMessage:
    """Bytes as sent (or written to .eml) → an EmailMessage, parsed by the standard library."""
    return email.message_from_bytes(data, policy=default)


def read_eml(path: Path) -> EmailMessage:
    return parse_message(Path(path).read_bytes())


def body_text(msg: EmailMessage) -> str:
    return msg.get_body(("plain",)).get_content()


def attachments(msg: EmailMessage) -> dict[str, bytes]:
    return {part.get_filename(): part.get_content() for part in msg.iter_attachments()}
