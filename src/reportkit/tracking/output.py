"""``reportkit remind`` output: JSON data, flat CSV rows, and the text table (texts from the message catalogue)."""

from __future__ import annotations

import datetime as dt

from reportkit.fmt import format_date, render_text_table
from reportkit.messages import t
from reportkit.tracking.model import LATE, RECEIVED, ReportReminder, UnitState


def unit_as_dict(unit: UnitState) -> dict:
    """One unit's state as JSON-ready data (ISO dates)."""
    return {
        "code": unit.code, "name": unit.name, "state": unit.state, "file": unit.file,
        "report_date": unit.report_date.isoformat() if unit.report_date else None,
        "days_left": unit.days_left, "findings": list(unit.findings), "emails": list(unit.emails),
    }


def reminder_as_dict(reminder: ReportReminder) -> dict:
    """One report with its units; ``units_due_before`` is exclusive (the day after the departments' last day)."""
    report = reminder.report
    return {
        "stream": report.stream.code, "period": report.period.id, "label": report.label,
        "units_due_before": (report.submit_last_day + dt.timedelta(days=1)).isoformat(),
        "units_last_day": report.submit_last_day.isoformat(), "due_before": report.due_before.isoformat(),
        "units": [unit_as_dict(u) for u in reminder.units],
    }


def reminders_as_json(as_of: dt.date, reminders: list[ReportReminder]) -> dict:
    """The whole ``remind --format json`` document."""
    return {"as_of": as_of.isoformat(), "reports": [reminder_as_dict(r) for r in reminders]}


def reminder_rows(reminders: list[ReportReminder]) -> list[dict]:
    """One flat row per report × unit (``--format csv``); several addresses and findings joined by "; "."""
    rows = []
    for r in reminders:
        for u in r.units:
            row = {"stream": r.report.stream.code, "period": r.report.period.id,
                   "units_last_day": r.report.submit_last_day.isoformat()}
            row |= unit_as_dict(u) | {"findings": "; ".join(u.findings), "emails": "; ".join(u.emails)}
            rows.append(row)
    return rows


def state_text(unit: UnitState) -> str:
    """The state in words: "đúng hạn", "muộn 3 ngày", "không dùng được", "chưa nộp"."""
    if unit.state == LATE:
        return t("remind.state.late_days", n=-unit.days_left)
    return t(f"remind.state.{unit.state}")


def days_text(unit: UnitState) -> str:
    """The time left as of today for a unit still to chase ("còn 2 ngày", "hôm nay", "quá hạn 4 ngày"); blank otherwise."""
    if unit.state in (RECEIVED, LATE):
        return ""
    if unit.days_left > 0:
        return t("remind.days_left", n=unit.days_left)
    return t("remind.days_today") if unit.days_left == 0 else t("remind.days_late", n=-unit.days_left)


def render_reminders(as_of: dt.date, reminders: list[ReportReminder]) -> str:
    """The text table: one block per report (title line, then a row per unit), then a summary line."""
    if not reminders:
        return t("remind.none", as_of=format_date(as_of))
    columns = ["unit", "state", "file", "date", "days", "emails"]
    headers = {c: t(f"remind.col.{c}") for c in columns}
    blocks = []
    for r in reminders:
        title = t("remind.report", label=r.report.label, last_day=format_date(r.report.submit_last_day),
                  due=r.report.due_words)
        rows = [{"unit": u.name, "state": state_text(u), "file": u.file or "",
                 "date": format_date(u.report_date), "days": days_text(u),
                 "emails": ", ".join(u.emails) or t("remind.no_email")} for u in r.units]
        lines = [title, render_text_table(rows, columns, headers)]
        lines += [f"  {u.name}: {finding}" for u in r.units for finding in u.findings]
        blocks.append("\n".join(lines))
    pending = sum(len(r.pending) for r in reminders)
    late = sum(u.state == LATE for r in reminders for u in r.units)
    blocks.append(t("remind.total", reports=len(reminders), pending=pending, late=late, as_of=format_date(as_of)))
    return "\n\n".join(blocks)
