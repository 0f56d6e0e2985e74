"""The data-quality view of a period: every finding in the workbooks received for it.

Used by ``notebooks/data_quality.ipynb``. The files of a period are those whose
report date falls between the first day of the period and the data cut-off,
plus every file whose date or unit could not be read (they belong nowhere
until fixed). Each finding is listed with file, sheet, row, column, the value
found, what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from reportkit.fmt import format_date, format_number
from reportkit.intake.model import findings_frame
from reportkit.report.annex import findings_table, render_findings
from reportkit.report.cells import date_texts
from reportkit.report.markup import Column, Part, escape, para, render_table, tag
from reportkit.report.notebook_style import notebook_style

FILE_COLUMNS = [
    Column("stt", "STT", "6%", "center"),
    Column("file", "Tệp", "28%"),
    Column("unit", "Đơn vị", "24%"),
    Column("report_date", "Ngày báo cáo", "12%", "center"),
    Column("rows", "Số dòng đọc được", "10%", "num"),
    Column("errors", "Lỗi", "10%", "num"),
    Column("warnings", "Cảnh báo", "10%", "num"),
]
CODE_COLUMNS = [
    Column("example", "Loại vấn đề (một trường hợp)", "64%"),
    Column("severity", "Mức", "12%"),
    Column("count", "Số lần", "12%", "num"),
    Column("files", "Số tệp", "12%", "num"),
]


def submissions_frame(submissions: list, plan) -> pd.DataFrame:
    """One row per workbook: file, unit name, report date, rows read, errors, warnings, sha256."""
    names = {u.code: u.name for u in plan.units}
    frame = pd.DataFrame({
        "path": [str(s.path) for s in submissions],
        "unit_code": [s.unit for s in submissions],
        "report_date": pd.to_datetime(pd.Series([s.report_date for s in submissions], dtype=object)),
        "rows_read": [len(s.rows) for s in submissions],
        "sha256": [s.sha256 for s in submissions],
    })
    findings = findings_frame([f for s in submissions for f in s.findings])
    counts = pd.crosstab(findings["path"], findings["severity"]) if len(findings) else pd.DataFrame()
    for severity in ("error", "warning"):
        column = counts[severity] if severity in counts else pd.Series(dtype="int64")
        frame[severity + "s"] = frame["path"].map(column).fillna(0).astype(int)
    frame["file"] = frame["path"].str.replace(r"^.*[\\/]", "", regex=True)
    frame["unit"] = frame["unit_code"].map(names).fillna("(không xác định)")
    return frame


def select_period_files(frame: pd.DataFrame, start: dt.date, as_of: dt.date) -> pd.Series:
    """Mask of the files received for a period (dated start…as_of), or with no date or unit."""
    date = frame["report_date"]
    dated = (date >= pd.Timestamp(start)) & (date <= pd.Timestamp(as_of))
    return dated | date.isna() | frame["unit_code"].isna()


@dataclass
class QualityReport:
    """Findings of the workbooks received for one period, ready to display."""

    params: Any  # params.RunInputs
    files: pd.DataFrame  # submissions_frame rows of the period
    findings: pd.DataFrame  # model.FINDING_COLUMNS

    def header(self) -> Part:
        """Title, period, the window of report dates and the totals (with the notebook stylesheet)."""
        p = self.params
        errors = int(self.files["errors"].sum())
        warnings = int(self.files["warnings"].sum())
        title = tag("h1", escape(f"KIỂM TRA SỐ LIỆU ĐẦU VÀO – {p.report.label.upper()}"))
        window = para(f"Các tệp có ngày báo cáo từ {format_date(p.period.start)} đến ngày chốt số liệu "
                      f"{format_date(p.as_of)} (và các tệp không đọc được ngày hoặc đơn vị), trong thư mục "
                      f"{p.submissions}.", "noindent left")
        totals = para(f"{format_number(len(self.files))} tệp; {format_number(errors)} lỗi, "
                      f"{format_number(warnings)} cảnh báo.", "noindent")
        return Part(notebook_style(), title, window, totals)

    def overview(self) -> Part:
        """Per file: unit, report date, rows read, errors, warnings (files with errors first)."""
        f = self.files.sort_values(["errors", "warnings", "file"], ascending=[False, False, True], kind="stable")
        shown = f.assign(report_date=date_texts(f["report_date"]), rows=f["rows_read"].map(format_number),
                         stt=[format_number(i) for i in range(1, len(f) + 1)])
        return Part(tag("h2", "1. Các tệp số liệu"), render_table(shown, FILE_COLUMNS, cls="data compact",
                                                                  empty="Không có tệp nào trong kỳ."))

    def by_kind(self) -> Part:
        """How often each kind of problem occurs, and in how many files (a sentence when none does)."""
        if self.findings.empty:
            return Part(tag("h2", "2. Các loại vấn đề"),
                        para("Không phát hiện lỗi hoặc cảnh báo nào trong các tệp số liệu.", "noindent"))
        grouped = (self.findings.groupby(["code", "severity"], sort=False)
                   .agg(count=("path", "size"), files=("path", "nunique"), example=("message", "first"))
                   .reset_index()
                   .sort_values("count", ascending=False, kind="stable"))
        grouped["severity"] = grouped["severity"].map({"error": "Lỗi", "warning": "Cảnh báo"})
        grouped[["count", "files"]] = grouped[["count", "files"]].map(format_number)
        return Part(tag("h2", "2. Các loại vấn đề"), render_table(grouped, CODE_COLUMNS, cls="data compact"))

    def details(self) -> Part:
        """Every finding: where (file, sheet, row, column), value, problem, how to fix."""
        return Part(tag("h2", "3. Chi tiết từng vấn đề"), render_findings(self.findings))

    def table(self) -> pd.DataFrame:
        """The findings as a plain DataFrame (for filtering in JupyterLab)."""
        return findings_table(self.findings)


def build_quality_report(period: str, stream: str, *, plan_path: str | None = None,
                         submissions: str | None = None, as_of: Any = None) -> QualityReport:
    """Validate parameters, read the submissions folder and keep the period's files and findings."""
    from reportkit.intake.reader import read_submissions
    from reportkit.params import parse_run_inputs

    params = parse_run_inputs({"period": period, "stream": stream, "plan_path": plan_path,
                               "submissions": submissions, "as_of": as_of})
    subs = read_submissions(params.submissions, params.plan)
    frame = submissions_frame(subs, params.plan)
    keep = select_period_files(frame, params.period.start, params.as_of).to_numpy()
    kept = [s for s, k in zip(subs, keep) if k]
    findings = findings_frame([f for s in kept for f in s.findings])
    return QualityReport(params, frame[keep].reset_index(drop=True), findings)

