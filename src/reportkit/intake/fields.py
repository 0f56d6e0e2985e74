"""One field of a task row → its value, each problem a finding: Tình trạng, Tiến độ (%), Ngày hoàn thành."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportkit.fmt import format_date, format_number
from reportkit.intake.cellvalues import (
    accepted_status_words,
    parse_date,
    parse_progress,
    parse_status,
)
from reportkit.intake.dates import DateContext, check_completion_date
from reportkit.intake.headers import Header, column_letter
from reportkit.intake.messages import FindingLog
from reportkit.intake.model import DONE, ROW_STATUS_LABELS
from reportkit.messages import phrase_fields


@dataclass(frozen=True)
class FieldContext:
    """Where a field is read: the Excel row, the sheet's header and the findings log."""

    row: int  # Excel row number
    header: Header
    log: FindingLog


def read_status(cells: dict, at: FieldContext) -> str | None:
    """The canonical status of the row's Tình trạng cell; None (and a finding for an unknown word) otherwise."""
    value = cells.get("status")
    if value in ("", None):
        return None
    status = parse_status(value)
    if status is None:
        at.log.add("unknown_status", row=at.row, column=at.header.describe_field("status"), value=value,
               accepted=", ".join(accepted_status_words()))
    return status


def read_progress(cells: dict, at: FieldContext, status: str | None) -> float | None:
    """Tiến độ as a percentage, with findings for a bad value, a fraction, or a contradiction with the status."""
    if "progress" not in at.header.columns:
        return None
    value = cells.get("progress")
    parsed = parse_progress(value)
    where = {"row": at.row, "column": at.header.describe_field("progress"), "value": value}
    if parsed.problem:
        at.log.add(parsed.problem, **where)
        return None
    if parsed.value is None:
        return None
    progress = float(parsed.value)
    conflict = status is not None and (status == DONE) != (progress >= 100)
    if parsed.note == "fraction" or conflict:
        shown = format_number(progress, 0 if progress.is_integer() else 1)
        if parsed.note == "fraction":
            at.log.add("progress_fraction", percent=shown, **where)
        if conflict:
            at.log.add("status_progress_conflict", status=ROW_STATUS_LABELS[status], progress=shown, **where)
    return progress


def read_completed_on(cells: dict, at: FieldContext, status: str | None, code: str,
                      dates: DateContext) -> dt.date | None:
    """Ngày hoàn thành of a done task, checked against the report date and plan year (``dates.py``)."""
    if "completed_on" not in at.header.columns:
        if status == DONE:
            at.log.add("done_without_date", row=at.row, task=code)
        return None
    value = cells.get("completed_on")
    col = at.header.columns["completed_on"]
    where = {"row": at.row, "column": at.header.describe_field("completed_on"), "value": value}
    parsed = parse_date(value)
    if parsed.problem:
        at.log.add(parsed.problem, **phrase_fields("field", "finding.field.completed_on"), **where)
        return None
    day = parsed.value
    if day is None:
        if status == DONE:
            at.log.add("done_without_date", task=code, **where)
        return None
    if status != DONE:
        label = ROW_STATUS_LABELS[status] if status else "trống"
        at.log.add("date_without_done", date=format_date(day), status=label, **where)
        return None
    cell = f"{column_letter(col)}{at.row}"
    return day if check_completion_date(day, dates, at.log, cell, where) else None
