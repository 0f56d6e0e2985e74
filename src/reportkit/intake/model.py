"""Data passed between intake, status and report: Submission, TaskRow, Finding.

Intake (``intake.read_workbook``) produces Submissions; the status engine
(``status.assess``) consumes them; the report shows their findings and manifest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

# Status words departments use, in canonical form (values of TaskRow.status).
NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
ROW_STATUSES = (NOT_STARTED, IN_PROGRESS, DONE)
ROW_STATUS_LABELS = {NOT_STARTED: "Chưa thực hiện", IN_PROGRESS: "Đang thực hiện", DONE: "Đã hoàn thành"}

ERROR = "error"
WARNING = "warning"

FINDING_COLUMNS = ["severity", "code", "path", "sheet", "row", "column", "value", "message", "message_en", "fix", "fix_en"]


@dataclass(frozen=True)
class Finding:
    """One problem found in an input, located precisely, with how to fix it.

    ``row`` is the row number as Excel shows it (1-based); ``column`` is the
    letter plus header, e.g. ``"C (Tình trạng)"``. Errors make a row or file
    unusable; warnings do not.
    """

    severity: str  # ERROR or WARNING
    code: str  # machine-readable kind, e.g. "unknown_task_code"
    path: str
    message: str  # Vietnamese
    message_en: str
    fix: str  # Vietnamese: how to fix it
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    fix_en: str = ""  # English fix (messages catalogue); "" when made without one

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in FINDING_COLUMNS}


@dataclass(frozen=True, slots=True)  # no __dict__ per row: about 60 MB less per million rows
class TaskRow:
    """One task line of a department workbook, as read and normalised."""

    task_code: str  # canonical, đ kept (II.1.đ)
    status: str | None  # one of ROW_STATUSES, None when unreadable
    progress: float | None  # 0–100
    completed_on: dt.date | None
    result: str = ""
    difficulties: str = ""
    proposals: str = ""
    note: str = ""
    source_row: int = 0  # Excel row number
    sheet: str = ""


@dataclass
class Submission:
    """One department workbook: who sent it, as of when, its rows and findings."""

    path: Path
    unit: str | None  # unit code from the plan, None when unknown
    report_date: dt.date | None
    rows: list[TaskRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sha256: str = ""
    sheet: str | None = None

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)

    @property
    def usable(self) -> bool:
        """A submission counts when its unit is known and at least one row was read."""
        return self.unit is not None and bool(self.rows)


def findings_frame(findings: list[Finding]):
    """Findings as a DataFrame with FINDING_COLUMNS (empty frame when none)."""
    import pandas as pd

    return pd.DataFrame([f.as_dict() for f in findings], columns=FINDING_COLUMNS)
