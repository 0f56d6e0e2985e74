"""The intake's findings: the severity of every finding code, and a log that collects findings.

Every problem a reader finds is ``make_finding(code, path, …)`` with a code of
``SEVERITY``; its message and fix, in Vietnamese and English, come from the
message catalogue (``reportkit.messages``). ``FindingLog`` adds the file and
current sheet and counts errors.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportkit.intake.cellvalues import cell_text
from reportkit.intake.model import ERROR, WARNING, Finding
from reportkit.messages import finding_texts, phrase_fields

# code → severity; the texts are in the message catalogue (reportkit.messages: vi.FINDINGS, en.FINDINGS).
SEVERITY: dict[str, str] = {
    "file_not_found": ERROR,
    "not_a_file": ERROR,
    "unreadable_file": ERROR,
    "empty_file": ERROR,
    "file_too_large": ERROR,
    "zip_bomb": ERROR,
    "not_spreadsheet": ERROR,
    "corrupt": ERROR,
    "internal_error": ERROR,
    "worker_died": ERROR,
    "password_protected": ERROR,
    "extension_mismatch": WARNING,
    "empty_workbook": ERROR,
    "too_many_rows": ERROR,
    "no_header": ERROR,
    "missing_column": ERROR,
    "duplicate_column": WARNING,
    "legacy_converted": WARNING,
    "legacy_unsafe": ERROR,
    "unknown_unit": ERROR,
    "unit_from_filename": WARNING,
    "unit_mismatch": WARNING,
    "no_report_date": ERROR,
    "missing_task_code": ERROR,
    "text_without_code": WARNING,
    "unknown_task_code": ERROR,
    "task_not_assigned": WARNING,
    "duplicate_task": ERROR,
    "duplicate_task_same": WARNING,
    "unknown_status": ERROR,
    "missing_status": WARNING,
    "bad_progress": ERROR,
    "progress_range": ERROR,
    "progress_fraction": WARNING,
    "status_progress_conflict": WARNING,
    "bad_date": ERROR,
    "impossible_date": ERROR,
    "implausible_date": ERROR,
    "completed_after_report": ERROR,
    "completed_date_swapped": ERROR,
    "completed_date_suspect": ERROR,
    "completed_outside_year": WARNING,
    "report_date_swapped": ERROR,
    "report_date_mismatch": WARNING,
    "report_date_outside_period": WARNING,
    "done_without_date": WARNING,
    "date_without_done": WARNING,
    "duplicate_submission": ERROR,
    "cell_too_long": ERROR,
    "no_task_rows": WARNING,
    "link_outside": ERROR,
    "duplicate_file": WARNING,
}


@cache
def _row_effect() -> dict[str, str]:
    """The default ``effect`` field of a finding ("the row is not used") in both languages, made once."""
    return phrase_fields("effect", "finding.effect.row")


def make_finding(code: str, path: object, *, sheet: str | None = None, row: int | None = None,
                 column: str | None = None, value: object = None, **fields: object) -> Finding:
    """A Finding of ``code`` (a key of SEVERITY) with its catalogue texts; ``fields`` fill their placeholders.

    ``effect`` defaults to "the row is not used"; ``value`` is the cell as shown (at most 200 characters).
    """
    shown = "" if value is None or value == "" else cell_text(value)[:200]
    fields = {**_row_effect(), "value": shown, "column": column or "", **fields}
    texts = finding_texts(code, fields)
    return Finding(
        severity=SEVERITY[code],
        code=code,
        path=str(path),
        message=texts.message,
        message_en=texts.message_en,
        fix=texts.fix,
        fix_en=texts.fix_en,
        sheet=sheet,
        row=row,
        column=column,
        value=shown or None,
    )


class FindingLog:
    """The findings of one file as they are found; ``sheet`` is filled in for every finding added."""

    def __init__(self, path: Path):
        self.path = path
        self.findings: list[Finding] = []
        self.errors = 0  # error findings so far
        self.sheet: str | None = None

    def add(self, code: str, **kw: object) -> Finding:
        """Add the finding ``code`` (fields as for ``make_finding``) and return it."""
        kw.setdefault("sheet", self.sheet)
        finding = make_finding(code, self.path, **kw)
        self.findings.append(finding)
        self.errors += finding.severity == ERROR
        return finding
