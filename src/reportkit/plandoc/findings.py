"""Findings of a plan import: each uncertain item of the draft, with the task code, the phrase and where it is.

Messages come from the catalogue ("import.finding.<code>"); docs/plan-import.md
lists every code with an example. Findings of severity "warning" make the
command exit 1; "info" findings are printed but leave the exit code alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from reportkit.messages import t

SEVERITY = {
    "time_frame_undated": "warning",
    "time_frame_unknown": "warning",
    "time_frame_missing": "warning",
    "lead_from_organiser": "warning",
    "lead_missing": "warning",
    "unit_unknown": "warning",
    "unit_by_initials": "warning",
    "collective_empty": "warning",
    "report_not_understood": "warning",
    "reports_missing": "warning",
    "stream_unnamed": "warning",
    "header_missing": "warning",
    "header_from_text": "warning",
    "duplicate_code": "warning",
    "source_note": "info",
}


@dataclass(frozen=True)
class PlanFinding:
    """One finding of an import (the JSON object of ``plan import --format json``)."""

    severity: str  # "warning" or "info"
    code: str
    task_code: str  # "" when the finding is not about one task
    message: str
    location: str  # where in the source ("dòng 12", "bảng 2, hàng 5"); "" when unknown

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


# notes of the readers (plandoc.source) that ask the user to check the text read
WARNING_NOTES = ("source.tracked_changes",)


def make_finding(code: str, *, task_code: str = "", location: str = "", severity: str = "", **fields: object) -> PlanFinding:
    """The finding ``code`` with its message in the current language (``severity`` overrides the code's own)."""
    message = t(f"import.finding.{code}", task=task_code, **fields)
    return PlanFinding(severity or SEVERITY[code], code, task_code, message, location)
