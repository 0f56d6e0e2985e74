"""The period report's HTML pieces, from a PeriodSummary and the plan.

``build_report`` (called by ``notebooks/period_report.ipynb``) validates the
parameters, reads the submissions, summarises the period and returns a
``PeriodReport`` whose methods give the document's parts in order: header,
results, shortcomings, directions, proposals, signature, annex. Each part is an
``Html`` object that a notebook displays and the nbconvert template passes
through. Every department text is HTML-escaped; numbers and dates are written
with ``reportkit.fmt`` (87,5%; 1.983; 05/03/2024).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from reportkit.fmt import format_date, format_number, format_percent
from reportkit.report import charts
from reportkit.report.document import (
    annex_heading,
    render_header,
    render_intro,
    render_signature,
    report_subject,
)
from reportkit.report.markup import (
    Column,
    Html,
    dash_list,
    escape,
    escape_series,
    para,
    render_table,
    tag,
)
from reportkit.report.record import RUN_RECORD_MIMETYPE

SECTION_TITLES = {
    "results": "I. KẾT QUẢ THỰC HIỆN",
    "shortcomings": "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    "directions": "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    "proposals": "IV. ĐỀ XUẤT, KIẾN NGHỊ",
}
STATUS_CLASSES = {
    "Đã hoàn thành đúng hạn": "status-done-ontime",
    "Đã hoàn thành quá hạn": "status-done-late",
    "Chưa hoàn thành trong hạn": "status-open-ontime",
    "Chưa hoàn thành quá hạn": "status-open-late",
    "Thường xuyên": "status-none",
    "Chưa có thời hạn": "status-none",
    "Không có báo cáo": "status-none",
}
ALL_UNITS = "Các phòng, bộ phận"
SEVERITY_WORDS = {"error": "Lỗi", "warning": "Cảnh báo"}


# ---------------------------------------------------------------- small helpers


def date_texts(series: pd.Series) -> pd.Series:
    """datetime64 → ``dd/mm/yyyy`` text, '' for NaT (vectorised)."""
    return pd.to_datetime(series).dt.strftime("%d/%m/%Y").fillna("")


def shorten(text: pd.Series, limit: int = 220) -> pd.Series:
    """Long plan texts cut for a table cell: the first sentence or clause if short
    enough, else at a word boundary before ``limit``, with "…" (vectorised)."""
    text = text.fillna("").astype(str)
    long = text.str.len() > limit
    first = text.str.extract(rf"^(.{{40,{limit}}}?)[.;](?:\s|$)")[0]
    cut = text.str.slice(0, limit).str.replace(r"[\s,;:]+\S*$", "", regex=True)
    short = first.where(first.notna(), cut).str.rstrip(" ,;:.") + "…"
    return text.where(~long, short)


def status_badges(status: pd.Series) -> pd.Series:
    """Status words as safe HTML spans with their colour class (vectorised)."""
    classes = status.map(STATUS_CLASSES).fillna("status-none")
    return '<span class="status ' + classes + '">' + escape_series(status) + "</span>"


def _heading(level: int, text: str) -> str:
    return tag(f"h{level}", escape(text))


# ---------------------------------------------------------------- task table (Phụ lục I)


def task_table(status: pd.DataFrame, plan) -> pd.DataFrame:
    """One row per task or milestone, in plan order, for the annex table.

    Columns: stt, content, lead, time, result, status (safe HTML), note. A
    task's status, dates and result are its lead unit's (the result cut to fit
    the cell, with how many contributing units reported); a content item has no
    lead: its result is how many units reported activity. Every unit's full
    result is in ``result_details``, printed under the table.
    """
    if status is None or status.empty:
        return pd.DataFrame(columns=["stt", "content", "lead", "time", "result", "status", "note"])
    s = status.copy()
    s["group"] = s["task_code"] + "|" + s["milestone"].fillna("")
    order = pd.unique(s["group"])
    lead_rows = s[s["is_lead"] & ((s["kind"] == "task") | ~s.duplicated("group"))].drop_duplicates("group")
    lead_rows = lead_rows.set_index("group").reindex(order)

    text = s["result"].fillna("").astype(str).str.strip()
    has_result = text != ""
    reporters = has_result.groupby(s["group"], sort=False).sum()

    content = s.groupby("group", sort=False).agg(
        units=("unit_code", "size"), active=("activity_reported", "sum"),
        no_report=("status", lambda x: int((x == "Không có báo cáo").sum())))

    out = pd.DataFrame(index=pd.Index(order, name="group"))
    out["stt"] = [format_number(i) for i in range(1, len(order) + 1)]
    milestone = lead_rows["milestone_label"].fillna("")
    text = lead_rows["task_text"].where(lead_rows["kind"] == "task", shorten(lead_rows["task_text"]))
    out["content"] = (lead_rows["task_code"] + ". " + text
                      + milestone.where(milestone == "", " (mốc " + milestone + ")"))
    lead_code = lead_rows["lead_unit_code"].fillna("")
    lead_name = lead_code.map({u.code: u.name for u in plan.units}).fillna(ALL_UNITS)
    out["lead"] = lead_name.where(lead_code != "", ALL_UNITS)
    deadline = date_texts(lead_rows["deadline"])
    show_deadline = deadline != ""
    if "due_kind" in lead_rows:
        show_deadline &= lead_rows["due_kind"] != "continuous"
    out["time"] = lead_rows["time_frame"].where(~show_deadline, lead_rows["time_frame"] + "\n(hạn " + deadline + ")")
    counts = content.reindex(order)
    is_content = lead_rows["kind"] == "content"
    # Tasks: the lead's own words, cut for the cell; content items: how many units
    # reported activity. Every unit's full text is in the detail list below the table.
    lead_result = shorten(lead_rows["result"].fillna("").astype(str).str.strip(), 200)
    others = (reporters.reindex(order).fillna(0).astype(int) - (lead_result != "").astype(int)).clip(lower=0)
    lead_result = lead_result.where(others == 0, (lead_result + "\n").where(lead_result != "", "")
                                    + "(" + others.astype(str) + " đơn vị phối hợp có báo cáo)")
    active_text = (counts["active"].astype(int).astype(str) + "/" + counts["units"].astype(str)
                   + " đơn vị có hoạt động")
    out["result"] = lead_result.where(~is_content, active_text)
    out["status"] = status_badges(lead_rows["status"])
    completed = date_texts(lead_rows["completed_on"])
    days_late = lead_rows["days_late"].astype("Int64")
    note = pd.Series("", index=out.index, dtype=object)
    note = note.where(completed == "", "Hoàn thành ngày " + completed)
    late_text = "quá hạn " + days_late.astype(str) + " ngày"
    note = note.where(days_late.isna(), (note + "; ").where(note != "", "") + late_text)
    unit_note = lead_rows["note"].fillna("").where(~is_content, "")
    note = (note + "; ").where((note != "") & (unit_note != ""), note) + unit_note
    no_report = counts["no_report"].astype(int)
    missing = "Không có báo cáo: " + no_report.astype(str) + " đơn vị"
    note = note.where(~(is_content & (no_report > 0)), missing)
    out["note"] = note
    return out.reset_index(drop=True)


def result_details(status: pd.DataFrame) -> pd.DataFrame:
    """Every unit's reported result, grouped by task or milestone and by identical text.

    Columns: group, heading (code and short text), units (joined names), text.
    Units that wrote the same words share one line.
    """
    s = status.assign(text=status["result"].fillna("").astype(str).str.strip())
    s = s[s["text"] != ""]
    if s.empty:
        return pd.DataFrame(columns=["group", "heading", "units", "text"])
    milestone = s["milestone_label"].fillna("")
    s = s.assign(group=s["task_code"] + "|" + s["milestone"].fillna(""),
                 heading=s["task_code"] + ". " + shorten(s["task_text"], 120)
                 + milestone.where(milestone == "", " (mốc " + milestone + ")"))
    return (s.groupby(["group", "heading", "text"], sort=False)["unit"].agg(", ".join)
            .rename("units").reset_index()[["group", "heading", "units", "text"]])


def render_result_details(status: pd.DataFrame) -> str:
    """The detail list under the task table: per task, "units: result" lines."""
    details = result_details(status)
    if details.empty:
        return para("Các đơn vị chưa báo cáo kết quả thực hiện.", "noindent")
    items = ("<li><b>" + escape_series(details["units"]) + ":</b> " + escape_series(details["text"])
             + "</li>").rename("items")
    blocks = items.groupby([details["group"], details["heading"]], sort=False).agg("".join).reset_index()
    html = ('<div class="detail"><p class="detail-head">' + escape_series(blocks["heading"]) + "</p>"
            + '<ul class="dash detail-list">' + blocks["items"] + "</ul></div>")
    return "".join(html.tolist())


TASK_COLUMNS = [
    Column("stt", "STT", "7%", "center"),
    Column("content", "Nội dung nhiệm vụ", "26%"),
    Column("lead", "Đơn vị chủ trì", "11%"),
    Column("time", "Thời gian thực hiện", "12%"),
    Column("result", "Kết quả thực hiện", "20%"),
    Column("status", "Tình trạng", "12%", safe=True),
    Column("note", "Ghi chú", "12%"),
]


def render_task_table(status: pd.DataFrame, plan) -> str:
    """The Phụ lục task table (STT, Nội dung nhiệm vụ, …, Ghi chú)."""
    return render_table(task_table(status, plan), TASK_COLUMNS, cls="data compact task-table",
                        empty="Kế hoạch không có nhiệm vụ nào.")


# ---------------------------------------------------------------- findings and manifest


FINDING_TABLE_COLUMNS = [
    Column("stt", "STT", "6%", "center"),
    Column("severity_vi", "Mức", "9%"),
    Column("where", "Tệp, vị trí", "25%"),
    Column("message", "Vấn đề", "32%"),
    Column("fix", "Cách khắc phục", "28%"),
]


def findings_table(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings with a readable location (file, sheet, row, column) and Vietnamese severity."""
    if findings is None or findings.empty:
        return pd.DataFrame(columns=[c.field for c in FINDING_TABLE_COLUMNS])
    f = findings.copy()
    order = f["severity"].map({"error": 0, "warning": 1}).fillna(2)
    f = f.assign(_order=order).sort_values(["_order", "path", "row"], kind="stable", na_position="first")
    name = f["path"].fillna("").astype(str).str.replace(r"^.*[\\/]", "", regex=True)
    where = name
    for field_name, label in (("sheet", "sheet "), ("row", "dòng "), ("column", "cột ")):
        value = f[field_name].astype("string").fillna("").str.replace(r"\.0$", "", regex=True)
        where = where.where(value == "", where + ", " + label + value)
    cell = f["value"].astype("string").fillna("")
    message = f["message"].fillna("").astype(str)
    f["message"] = message.where(cell == "", message + " (giá trị: “" + cell + "”)")
    f["where"] = where
    f["severity_vi"] = f["severity"].map(SEVERITY_WORDS).fillna(f["severity"])
    f["stt"] = [format_number(i) for i in range(1, len(f) + 1)]
    f["fix"] = f["fix"].fillna("")
    return f.reset_index(drop=True)


def render_findings(findings: pd.DataFrame) -> str:
    """The data-quality findings table with a one-line count before it."""
    table = findings_table(findings)
    if table.empty:
        return para("Không phát hiện lỗi hoặc cảnh báo nào trong các tệp số liệu.", "noindent")
    errors = int((table["severity"] == "error").sum())
    warnings = int((table["severity"] == "warning").sum())
    lead = para(f"Có {format_number(errors)} lỗi và {format_number(warnings)} cảnh báo trong các tệp số liệu "
                "(lỗi: dòng hoặc tệp không được tính; cảnh báo: vẫn được tính).", "noindent")
    return lead + render_table(table, FINDING_TABLE_COLUMNS, cls="data compact findings")


MANIFEST_COLUMNS = [
    Column("stt", "STT", "6%", "center"),
    Column("file", "Tệp", "21%"),
    Column("unit", "Đơn vị", "17%"),
    Column("report_date", "Ngày báo cáo", "11%", "center"),
    Column("rows_read", "Số dòng đọc được", "9%", "num"),
    Column("sha256", "SHA-256", "20%", "mono"),
    Column("note", "Ghi chú", "16%"),
]


def manifest_table(manifest: pd.DataFrame, plan=None, findings: pd.DataFrame | None = None) -> pd.DataFrame:
    """The input files the report stands on, as shown: unit names, dd/mm/yyyy dates.

    Shown: each unit's file used for the report, and every file with a finding
    or without a readable date or unit. Earlier reports of a unit (read only for
    the history of milestone tasks) and files dated after the cut-off are
    counted, not listed: ``manifest.json`` lists every file with its sha256.
    """
    if manifest is None or manifest.empty:
        return pd.DataFrame(columns=[c.field for c in MANIFEST_COLUMNS])
    m = manifest.copy()
    keep = pd.Series(True, index=m.index)
    if "used" in m:
        flagged = m["path"].isin(findings["path"]) if findings is not None and "path" in m and len(findings) \
            else pd.Series(False, index=m.index)
        unit = m["unit_code"] if "unit_code" in m else m["unit"]
        keep = m["used"].astype(bool) | flagged | pd.to_datetime(m["report_date"]).isna() | (unit.fillna("") == "")
    m = m[keep]
    m["file"] = m["file"].astype(str).str.replace(r"^.*[\\/]", "", regex=True)
    if plan is not None:
        names = {u.code: u.name for u in plan.units}
        m["unit"] = m["unit"].map(names).fillna(m["unit"])
    m["unit"] = m["unit"].replace("", None).fillna("(không xác định)")
    m["report_date"] = date_texts(m["report_date"])
    m["rows_read"] = m["rows_read"].fillna(0).astype(int).map(format_number)
    m["note"] = m["note"].fillna("") if "note" in m else ""
    m["stt"] = [format_number(i) for i in range(1, len(m) + 1)]
    return m.reset_index(drop=True)


def render_manifest(manifest: pd.DataFrame, plan=None, findings: pd.DataFrame | None = None) -> str:
    """The table of input files (file, unit, report date, rows read, sha256, role) and what is left out."""
    table = manifest_table(manifest, plan, findings)
    others = (len(manifest) if manifest is not None else 0) - len(table)
    note = para(f"Ngoài ra có {format_number(others)} tệp khác trong thư mục số liệu (báo cáo trước đó của các "
                "đơn vị, chỉ dùng để xác định ngày hoàn thành các mốc, hoặc báo cáo sau ngày chốt số liệu); "
                "danh sách đầy đủ kèm mã SHA-256 có trong tệp manifest.json của lần lập báo cáo.",
                "note") if others > 0 else ""
    return render_table(table, MANIFEST_COLUMNS, cls="data compact manifest",
                        empty="Không có tệp số liệu nào.") + note


# ---------------------------------------------------------------- body sections


def counts_table(counts: dict[str, int]) -> pd.DataFrame:
    """Status word → count and share of the tasks with a deadline, with a total row."""
    items = pd.Series(counts, dtype="int64")
    items = items[items > 0] if items.sum() else items
    total = int(items.sum())
    share = (items / total).map(format_percent) if total else items.map(lambda _: "–")
    out = pd.DataFrame({"status": items.index, "count": items.map(format_number).to_numpy(),
                        "share": share.to_numpy(), "row": ""})
    out.loc[len(out)] = {"status": "Tổng số", "count": format_number(total), "share": "100%" if total else "–",
                         "row": "total"}
    return out


COUNT_COLUMNS = [
    Column("status", "Tình trạng", "56%"),
    Column("count", "Số nhiệm vụ", "22%", "num"),
    Column("share", "Tỷ lệ", "22%", "num"),
]


def render_task_lines(status: pd.DataFrame) -> str:
    """A dash list of the concrete tasks judged in the headline: code, text, status, date."""
    lead = status[(status["kind"] == "task") & status["is_lead"]]
    if "in_headline" in lead:
        lead = lead[lead["in_headline"]]
    if lead.empty:
        return para("Trong kỳ không có nhiệm vụ cụ thể nào đến hạn.", "noindent")
    milestone = lead["milestone_label"].fillna("")
    completed = date_texts(lead["completed_on"])
    when = completed.where(completed == "", " (hoàn thành ngày " + completed + ")")
    deadline = date_texts(lead["deadline"])
    due = deadline.where(deadline == "", ", hạn " + deadline)
    text = (lead["task_code"] + ". " + lead["task_text"].str.rstrip(" .")
            + milestone.where(milestone == "", " (mốc " + milestone + ")") + due + ": ")
    items = escape_series(text) + status_badges(lead["status"]) + escape_series(when) + "."
    return dash_list(items.tolist(), safe=True)


def render_content_lines(status: pd.DataFrame, plan) -> str:
    """Per section of content items: how many items had activity reported, by how many units."""
    content = status[status["kind"] == "content"]
    if content.empty:
        return ""
    per_item = content.groupby(["section", "task_code"], sort=False).agg(
        units=("unit_code", "size"), active=("activity_reported", "sum"))
    per_section = per_item.groupby(level="section", sort=False).agg(
        items=("units", "size"), items_active=("active", lambda a: int((a > 0).sum())),
        unit_lines=("units", "sum"), active_lines=("active", "sum"))
    titles = dict(plan.sections)
    lines = (per_section.index.to_series().map(titles).fillna("")
             + ": " + per_section["items_active"].astype(int).astype(str) + "/" + per_section["items"].astype(str)
             + " nội dung có hoạt động được báo cáo ("
             + per_section["active_lines"].astype(int).astype(str) + "/" + per_section["unit_lines"].astype(str)
             + " lượt đơn vị).")
    return dash_list(lines.tolist())


def render_difficulties(frame: pd.DataFrame, empty: str) -> str:
    """``unit (task): text`` lines from a (unit, task_code, text) frame."""
    if frame is None or frame.empty:
        return para(empty)
    code = frame["task_code"].fillna("").astype(str)
    text = frame["unit"].astype(str) + code.where(code == "", " (" + code + ")") + ": " + frame["text"].astype(str)
    return dash_list(text.tolist())


# ---------------------------------------------------------------- the report object


@dataclass
class RunRecord:
    """What ``reportkit run`` reads back from the executed notebook (not shown in the report)."""

    data: dict

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {RUN_RECORD_MIMETYPE: self.data, "text/plain": "Hồ sơ lần chạy (reportkit run đọc phần này)."}


@dataclass
class PeriodReport:
    """A period report ready to display, part by part, in document order."""

    summary: Any  # summary.PeriodSummary
    params: Any  # params.RunInputs
    timings: dict = field(default_factory=dict)

    @property
    def plan(self):
        return self.summary.plan

    @property
    def title(self) -> str:
        return f"Báo cáo {report_subject(self.summary.report)[:1].lower()}{report_subject(self.summary.report)[1:]}"

    def header(self) -> Html:
        """NĐ 30 header block, BÁO CÁO, trích yếu and the opening paragraph."""
        s = self.summary
        return Html(render_header(s.plan, s.report, number=self.params.number, signed_on=self.params.signed_on)
                    + render_intro(s.plan, s.report, s.as_of))

    def results(self) -> Html:
        """I. KẾT QUẢ THỰC HIỆN: headline figures, counts, task lines, charts, trend."""
        s = self.summary
        parts = [_heading(2, SECTION_TITLES["results"]), _heading(3, "1. Kết quả chung"),
                 para(headline_sentence(s))]
        parts.append(render_table(counts_table(s.counts), COUNT_COLUMNS, row_class="row",
                                  caption="Tổng hợp tình trạng các nhiệm vụ có thời hạn"))
        svg = charts.chart_status_counts(s.counts)
        if svg:
            parts.append(tag("figure", svg, "chart"))
        parts.append(_heading(3, "2. Thực hiện các nội dung trọng tâm"))
        parts.append(render_content_lines(s.status, s.plan))
        parts.append(_heading(3, "3. Thực hiện các nhiệm vụ cụ thể"))
        parts.append(render_task_lines(s.status))
        parts.append(_heading(3, "4. Tình hình báo cáo của các phòng, bộ phận"))
        parts.append(render_units(getattr(s, "per_unit", None)))
        trend = getattr(s, "trend", None)
        if trend is not None and len(trend):
            parts.append(_heading(3, "5. Diễn biến qua các kỳ"))
            parts.append(render_trend(trend))
        return Html("".join(parts))

    def shortcomings(self) -> Html:
        """II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN: overdue tasks, missing reports, difficulties."""
        s = self.summary
        parts = [_heading(2, SECTION_TITLES["shortcomings"])]
        parts.append(render_overdue(s.overdue))
        parts.append(render_missing_reports(s.status))
        if s.difficulties is not None and len(s.difficulties):
            parts.append(para("Khó khăn, vướng mắc do các phòng, bộ phận báo cáo:"))
        parts.append(render_difficulties(s.difficulties, "Các phòng, bộ phận không báo cáo khó khăn, vướng mắc "
                                                         "trong kỳ."))
        return Html("".join(parts))

    def directions(self) -> Html:
        """III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI: open tasks and the next report deadlines."""
        s = self.summary
        return Html(_heading(2, SECTION_TITLES["directions"]) + render_directions(s))

    def proposals(self) -> Html:
        """IV. ĐỀ XUẤT, KIẾN NGHỊ from the submissions."""
        s = self.summary
        return Html(_heading(2, SECTION_TITLES["proposals"])
                    + render_difficulties(s.proposals, "Các phòng, bộ phận không có đề xuất, kiến nghị."))

    def signature(self) -> Html:
        """Nơi nhận and the signer block."""
        return Html(render_signature(self.plan))

    def annex(self) -> Html:
        """Phụ lục I (task table and chart per unit), II (data quality), III (input files)."""
        s, p = self.summary, self.params
        parts = ['<section class="annex">',
                 annex_heading(s.plan, s.report, "I", "Tình hình thực hiện nhiệm vụ",
                               number=p.number, signed_on=p.signed_on),
                 para(f"Số liệu tính đến ngày {format_date(s.as_of)}.", "note"),
                 render_task_table(s.status, s.plan),
                 _heading(3, "Kết quả thực hiện chi tiết của các phòng, bộ phận"),
                 render_result_details(s.status)]
        svg = charts.chart_units(unit_status_matrix(s.status))
        if svg:
            parts.append(tag("figure", svg + tag("figcaption", "Tình trạng nhiệm vụ, nội dung theo đơn vị"), "chart"))
        parts.append("</section>")
        parts.append('<section class="annex">')
        parts.append(annex_heading(s.plan, s.report, "II", "Kết quả kiểm tra số liệu đầu vào",
                                   number=p.number, signed_on=p.signed_on))
        parts.append(render_findings(s.findings))
        parts.append(_heading(3, "Danh mục tệp số liệu đầu vào"))
        parts.append(render_manifest(s.manifest, s.plan, s.findings))
        parts.append("</section>")
        return Html("".join(parts))

    def run_record(self) -> RunRecord:
        """Data for the run manifest: cut-off, headline, counts, inputs with unit and sha256."""
        return RunRecord(run_record_data(self.summary, self.params, self.timings))


def headline_sentence(summary) -> str:
    """The headline as a sentence: "Tính đến ngày 29/02/2024, <issuer> đã hoàn thành …"."""
    return f"Tính đến ngày {format_date(summary.as_of)}, {summary.plan.issuer_name} {summary.headline}."


def unit_status_matrix(status: pd.DataFrame) -> pd.DataFrame:
    """Unit × status word → number of lines the unit carries (for the per-unit chart)."""
    if status is None or status.empty:
        return pd.DataFrame()
    table = pd.crosstab(status["unit"], status["status"])
    units = pd.unique(status["unit"])
    return table.reindex(units)


def render_overdue(overdue: pd.DataFrame) -> str:
    """Overdue tasks, judged on their lead unit (not done past the deadline, or done late)."""
    o = overdue
    if o is not None and "is_lead" in o:
        o = o[o["is_lead"].astype(bool)]
    if o is None or o.empty:
        return para("Không có nhiệm vụ quá hạn.")
    milestone = o["milestone_label"].fillna("") if "milestone_label" in o else pd.Series("", index=o.index)
    days = o["days_late"].astype("Int64").astype(str) if "days_late" in o else pd.Series("", index=o.index)
    text = (o["task_code"] + ". " + o["task_text"].str.rstrip(" .")
            + milestone.where(milestone == "", " (mốc " + milestone + ")")
            + " (chủ trì: " + o["unit"] + "): " + o["status"].str.lower()
            + days.where(days.isin(["", "<NA>"]), " " + days + " ngày") + ".")
    return para(f"Có {format_number(len(o))} nhiệm vụ quá hạn:") + dash_list(text.tolist())


def render_missing_reports(status: pd.DataFrame) -> str:
    """Units that sent nothing usable by the cut-off."""
    if status is None or status.empty:
        return ""
    per_unit = status.groupby("unit", sort=False)["status"].agg(lambda x: bool((x == "Không có báo cáo").all()))
    missing = per_unit[per_unit].index.tolist()
    if not missing:
        return ""
    return para("Đơn vị chưa gửi báo cáo đến ngày chốt số liệu: " + ", ".join(missing) + ".")


def render_directions(summary) -> str:
    """Open tasks to finish (with deadlines), continuing work, and the next reports due."""
    s = summary.status
    open_tasks = s[(s["kind"] == "task") & s["is_lead"]
                   & s["status"].isin(["Chưa hoàn thành trong hạn", "Chưa hoàn thành quá hạn", "Chưa có thời hạn"])]
    parts = []
    if not open_tasks.empty:
        deadline = date_texts(open_tasks["deadline"])
        milestone = open_tasks["milestone_label"].fillna("")
        due = (" (hạn " + deadline + ")").where(deadline != "", " (khi cấp trên giao thời hạn)")
        lines = ("Hoàn thành " + open_tasks["task_code"] + ". " + open_tasks["task_text"].str.rstrip(" .")
                 + milestone.where(milestone == "", " (mốc " + milestone + ")") + due + ".")
        parts.append(para("Tập trung chỉ đạo hoàn thành các nhiệm vụ:") + dash_list(lines.tolist()))
    parts.append(para("Tiếp tục thực hiện thường xuyên các nội dung trọng tâm về công tác dân vận chính quyền và "
                      "công tác dân chủ trong hoạt động của đơn vị theo Kế hoạch; các phòng, bộ phận cập nhật "
                      "bảng theo dõi và gửi báo cáo đúng thời hạn."))
    deadlines = getattr(summary, "deadlines", None)
    if deadlines is not None and len(deadlines):
        due = pd.to_datetime(deadlines["due_before"])
        same_stream = deadlines["stream"] == summary.report.stream.code
        upcoming = deadlines[same_stream & (due > pd.Timestamp(summary.report.due_before))].head(2)
        if len(upcoming):
            due_text = date_texts(upcoming["due_before"])
            lines = upcoming["label"].astype(str) + ": gửi trước ngày " + due_text + "."
            parts.append(para("Các báo cáo tiếp theo:") + dash_list(lines.tolist()))
    return "".join(parts)


UNIT_COLUMNS = [
    Column("unit", "Đơn vị", "25%"),
    Column("report_date", "Ngày báo cáo", "13%", "center"),
    Column("rows", "Nội dung, nhiệm vụ phụ trách", "13%", "num"),
    Column("active", "Có hoạt động", "12%", "num"),
    Column("done", "Đã hoàn thành", "12%", "num"),
    Column("open", "Chưa hoàn thành", "12%", "num"),
    Column("note", "Ghi chú", "13%"),
]


def unit_table(per_unit: pd.DataFrame) -> pd.DataFrame:
    """Per unit: report date used, lines carried, lines with activity, done and open tasks."""
    u = per_unit
    done = u["Đã hoàn thành đúng hạn"] + u["Đã hoàn thành quá hạn"]
    still_open = u["Chưa hoàn thành trong hạn"] + u["Chưa hoàn thành quá hạn"]
    return pd.DataFrame({
        "unit": u["unit"],
        "report_date": date_texts(u["report_date"]).replace("", "Không có"),
        "rows": u["rows"].astype(int).map(format_number),
        "active": u["activity_reported"].astype(int).map(format_number),
        "done": done.astype(int).map(format_number),
        "open": still_open.astype(int).map(format_number),
        "note": u["note"].fillna(""),
    })


def render_units(per_unit: pd.DataFrame | None) -> str:
    """How each unit reported in the period (table)."""
    if per_unit is None or per_unit.empty:
        return ""
    return render_table(unit_table(per_unit), UNIT_COLUMNS, cls="data compact units")


TREND_COLUMNS = [
    Column("label", "Kỳ", "34%"),
    Column("done_text", "Đã hoàn thành", "22%", "num"),
    Column("total_text", "Số nhiệm vụ có thời hạn", "22%", "num"),
    Column("rate", "Tỷ lệ", "22%", "num"),
]


def render_trend(trend: pd.DataFrame) -> str:
    """The completion rate over the periods so far: a chart and its table."""
    t = trend.copy()
    total = t["total"].astype(float)
    t["rate"] = (t["done"].astype(float) / total.where(total > 0)).map(
        lambda r: format_percent(r) if pd.notna(r) else "–")
    t["done_text"] = t["done"].astype(int).map(format_number)
    t["total_text"] = t["total"].astype(int).map(format_number)
    svg = charts.chart_trend(t)
    return (tag("figure", svg, "chart") if svg else "") + render_table(t, TREND_COLUMNS)


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
    return PeriodReport(summary, params, timings)
