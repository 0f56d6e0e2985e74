"""The period report: ``build_report`` and the ``PeriodReport`` it returns.

``build_report`` (called by ``notebooks/period_report.ipynb``) validates the
parameters, reads the submissions, summarises the period and returns a
``PeriodReport`` whose methods give the document's parts in order: header,
results, shortcomings, directions, proposals, signature, annex. Each part is a
``Part`` (HTML pieces and charts) that a notebook displays and the nbconvert
template passes through. The pieces live in ``sections`` (body), ``annex``
(Phụ lục) and ``document`` (NĐ 30 blocks). Every department text is
HTML-escaped; numbers and dates are written with ``reportkit.fmt`` (87,5%;
1.983; 05/03/2024).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportkit.fmt import format_date
from reportkit.report import charts
from reportkit.report.annex import (  # noqa: F401  (re-exported: the annex tables belong to the report)
    findings_table,
    render_findings,
    render_manifest,
    render_result_details,
    render_task_table,
    task_table,
    unit_status_matrix,
)
from reportkit.report.cells import date_texts, heading, shorten  # noqa: F401  (re-exported)
from reportkit.report.document import (
    annex_heading,
    render_header,
    render_intro,
    render_signature,
    report_subject,
)
from reportkit.report.markup import Part, para, render_table
from reportkit.report.notebook_style import notebook_style
from reportkit.report.record import RunRecord
from reportkit.report.sections import (
    COUNT_COLUMNS,
    counts_table,
    headline_sentence,
    render_content_lines,
    render_difficulties,
    render_directions,
    render_missing_reports,
    render_overdue,
    render_task_lines,
    render_trend,
    render_units,
)
from reportkit.report.submission_record import (
    render_late_units,
    render_submission_record,
)
from reportkit.rollup.status_file import status_records

SECTION_TITLES = {
    "results": "I. KẾT QUẢ THỰC HIỆN",
    "shortcomings": "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    "directions": "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    "proposals": "IV. ĐỀ XUẤT, KIẾN NGHỊ",
}


@dataclass
class PeriodReport:
    """A period report ready to display, part by part, in document order."""

    summary: Any  # summary.PeriodSummary
    params: Any  # params.RunInputs
    timings: dict = field(default_factory=dict)
    record: list = field(default_factory=list)  # tracking.ReportReminder of every report due by the cut-off

    @property
    def title(self) -> str:
        subject = report_subject(self.summary.report)
        return f"Báo cáo {subject[:1].lower()}{subject[1:]}"

    def header(self) -> Part:
        """NĐ 30 header block, BÁO CÁO, trích yếu and the opening paragraph (with the notebook stylesheet)."""
        s = self.summary
        return Part(notebook_style(),
                    render_header(s.plan, s.report, number=self.params.number, signed_on=self.params.signed_on),
                    render_intro(s.plan, s.report, s.as_of), label=self.title)

    def results(self) -> Part:
        """I. KẾT QUẢ THỰC HIỆN: headline figures, counts, task lines, charts, trend."""
        return Part(heading(2, SECTION_TITLES["results"]), *results_parts(self.summary), label=SECTION_TITLES["results"])

    def shortcomings(self) -> Part:
        """II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN: overdue tasks, missing reports, difficulties."""
        s = self.summary
        wording = s.plan.wording
        lead = para(f"Khó khăn, vướng mắc do {wording.units} báo cáo:") \
            if s.difficulties is not None and len(s.difficulties) else ""
        late_units = render_late_units(self.record, wording.units) if s.report.period.kind == "Y" else ""
        return Part(heading(2, SECTION_TITLES["shortcomings"]), render_overdue(s.overdue),
                    render_missing_reports(s.status), late_units, lead,
                    render_difficulties(s.difficulties, f"{wording.units_capitalised} không báo cáo khó khăn, "
                                                        "vướng mắc trong kỳ."), label=SECTION_TITLES["shortcomings"])

    def directions(self) -> Part:
        """III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI: open tasks and the next report deadlines."""
        return Part(heading(2, SECTION_TITLES["directions"]), render_directions(self.summary),
                    label=SECTION_TITLES["directions"])

    def proposals(self) -> Part:
        """IV. ĐỀ XUẤT, KIẾN NGHỊ from the submissions."""
        return Part(heading(2, SECTION_TITLES["proposals"]),
                    render_difficulties(self.summary.proposals,
                                        f"{self.summary.plan.wording.units_capitalised} không có đề xuất, kiến nghị."),
                    label=SECTION_TITLES["proposals"])

    def signature(self) -> Part:
        """Nơi nhận and the signer block."""
        return Part(render_signature(self.summary.plan), label="Nơi nhận, chữ ký")

    def annex(self) -> Part:
        """Phụ lục I (task table and chart per unit), II (data quality, input files)."""
        s, p = self.summary, self.params
        return Part(annex_heading(s.plan, s.report, "I", "Tình hình thực hiện nhiệm vụ",
                                  number=p.number, signed_on=p.signed_on),
                    para(f"Số liệu tính đến ngày {format_date(s.as_of)}.", "note"),
                    render_task_table(s.status, s.plan),
                    heading(3, f"Kết quả thực hiện chi tiết của {s.plan.wording.units}"),
                    render_result_details(s.status),
                    charts.chart_units(unit_status_matrix(s.status)),
                    annex_heading(s.plan, s.report, "II", "Kết quả kiểm tra số liệu đầu vào",
                                  number=p.number, signed_on=p.signed_on),
                    render_findings(s.findings),
                    heading(3, "Danh mục tệp số liệu đầu vào"),
                    render_manifest(s.manifest, s.plan, s.findings),
                    heading(3, f"Tình hình gửi bảng theo dõi của {s.plan.wording.units} từ đầu năm"),
                    render_submission_record(self.record), label="Phụ lục I, II")

    def run_record(self) -> RunRecord:
        """Data for the run manifest: cut-off, headline, counts, inputs with unit and sha256 (shows nothing)."""
        return RunRecord(run_record_data(self.summary, self.params, self.timings))


def run_record_data(summary, params, timings: dict | None = None) -> dict:
    """JSON-ready facts of the run for manifest.json (inputs with unit and sha256)."""
    manifest = summary.manifest
    inputs = []
    if manifest is not None and len(manifest):
        m = manifest.copy()
        m["report_date"] = date_texts(m["report_date"]).replace("", None)
        m = m.astype(object).where(m.notna(), None)
        inputs = m.to_dict(orient="records")
    findings = summary.findings
    errors = int((findings["severity"] == "error").sum()) if findings is not None and len(findings) else 0
    warnings = int((findings["severity"] == "warning").sum()) if findings is not None and len(findings) else 0
    return {
        "period": summary.period.id if hasattr(summary.period, "id") else str(summary.period),
        "stream": summary.report.stream.code,
        "as_of": summary.as_of.isoformat(),
        "due_before": summary.report.due_before.isoformat(),
        "headline": summary.headline,
        "counts": {k: int(v) for k, v in summary.counts.items()},
        "inputs": inputs,
        "input_errors": errors,
        "input_warnings": warnings,
        "timings": dict(timings or {}),
        "status_table": status_records(summary.status),  # written to status.parquet by jobs.run
    }


def build_report(period: str, stream: str, *, plan_path: str | None = None, submissions: str | None = None,
                 as_of: Any = None, deadlines: dict | None = None, number: Any = None,
                 signed_on: Any = None) -> PeriodReport:
    """Check the inputs, read the submissions and summarise the period, ready to display.

    Takes the notebook's parameters as they arrive from papermill (dates as
    text) and checks them with ``params.parse_run_inputs``, as every other
    route does; raises ParamsError listing every bad parameter.
    """
    import time

    from reportkit.intake.reader import read_submissions
    from reportkit.params import parse_run_inputs
    from reportkit.summary import build_summary
    from reportkit.tracking.remind import track_year

    timings: dict[str, float] = {}
    start = time.perf_counter()
    params = parse_run_inputs({"period": period, "stream": stream, "plan_path": plan_path,
                               "submissions": submissions, "as_of": as_of, "deadlines": deadlines,
                               "number": number, "signed_on": signed_on})
    timings["validate"] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    subs = read_submissions(params.submissions, params.plan)
    timings["read_submissions"] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    summary = build_summary(params, subs)
    timings["summarize"] = round(time.perf_counter() - start, 3)
    record = track_year(params.plan, summary.as_of, subs) if summary.report.period.year == params.plan.year else []
    return PeriodReport(summary, params, timings, record)


def results_parts(s) -> list:
    """The numbered parts of "I. KẾT QUẢ THỰC HIỆN" for summary ``s``.

    A heading without content is left out (a plan without content items has
    no "nội dung trọng tâm" heading, one without concrete tasks no task
    heading); the others stay numbered 1, 2, 3…
    """
    has_content = any(task.kind == "content" for task in s.plan.tasks)
    has_tasks = any(task.kind == "task" for task in s.plan.tasks)
    trend = getattr(s, "trend", None)
    blocks = [("Kết quả chung", [para(headline_sentence(s)),
                                 render_table(counts_table(s.counts), COUNT_COLUMNS, row_class="row",
                                              caption="Tổng hợp tình trạng các nhiệm vụ có thời hạn"),
                                 charts.chart_status_counts(s.counts)]),
              ("Thực hiện các nội dung trọng tâm", [render_content_lines(s.status, s.plan)] if has_content else None),
              ("Thực hiện các nhiệm vụ cụ thể", [render_task_lines(s.status)] if has_tasks else None),
              (f"Tình hình báo cáo của {s.plan.wording.units}", [render_units(getattr(s, "per_unit", None))]),
              ("Diễn biến qua các kỳ", render_trend(trend) if trend is not None and len(trend) else None)]
    parts: list = []
    for number, (title, body) in enumerate((b for b in blocks if b[1] is not None), 1):
        parts += [heading(3, f"{number}. {title}"), *body]
    return parts
