"""The report's annexes: Phụ lục I (task table and every unit's results) and Phụ lục II
(data-quality findings and the input files the report stands on)."""

from __future__ import annotations

import pandas as pd

from reportkit.fmt import format_number
from reportkit.report.cells import date_texts, shorten, status_badges
from reportkit.report.markup import Column, escape_series, para, render_table

ALL_UNITS = "Các phòng, bộ phận"
SEVERITY_WORDS = {"error": "Lỗi", "warning": "Cảnh báo"}



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
    out["lead"] = lead_names(lead_rows["lead_unit_code"], plan)
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
    # The other leads' results are under the table with every unit's; "phối hợp" counts only the others.
    lead_reporters = (has_result & s["is_lead"] & (s["kind"] == "task")).groupby(s["group"], sort=False).sum()
    others = (reporters - lead_reporters).reindex(order).fillna(0).astype(int).clip(lower=0)
    lead_result = lead_result.where(others == 0, (lead_result + "\n").where(lead_result != "", "")
                                    + "(" + others.astype(str) + " đơn vị phối hợp có báo cáo)")
    active_text = (counts["active"].astype(int).astype(str) + "/" + counts["units"].astype(str)
                   + " đơn vị có hoạt động")
    out["result"] = lead_result.where(~is_content, active_text)
    out["status"] = status_badges(lead_rows["status"]).where(~is_multi_lead(lead_rows), per_lead_badges(s).reindex(order))
    note = lead_notes(lead_rows.assign(note=lead_rows["note"].fillna("").where(~is_content, "")))
    note = note.where(~is_multi_lead(lead_rows), per_lead_notes(s).reindex(order).fillna(""))
    no_report = counts["no_report"].astype(int)
    missing = "Không có báo cáo: " + no_report.astype(str) + " đơn vị"
    note = note.where(~(is_content & (no_report > 0)), missing)
    out["note"] = note
    return out.reset_index(drop=True)


def lead_names(lead_codes: pd.Series, plan) -> pd.Series:
    """Lead unit codes ("hcth" or "hcth, ktx") → the units' names ("Phòng A, Phòng B"); none → all units."""
    names = {u.code: u.name for u in plan.units}
    codes = lead_codes.fillna("").astype(str)
    return codes.map(lambda c: ", ".join(names.get(x, x) for x in c.split(", ")) if c else ALL_UNITS)


def lead_notes(rows: pd.DataFrame) -> pd.Series:
    """A lead row's note cell: "Hoàn thành ngày …; quá hạn N ngày", then the row's own note."""
    completed = date_texts(rows["completed_on"])
    days_late = rows["days_late"].astype("Int64")
    note = pd.Series("", index=rows.index, dtype=object)
    note = note.where(completed == "", "Hoàn thành ngày " + completed)
    late_text = "quá hạn " + days_late.astype(str) + " ngày"
    note = note.where(days_late.isna(), (note + "; ").where(note != "", "") + late_text)
    unit_note = rows["note"].fillna("").astype(str)
    return (note + "; ").where((note != "") & (unit_note != ""), note) + unit_note


def per_lead_notes(s: pd.DataFrame) -> pd.Series:
    """By group: each lead unit's note as "Unit: note" lines, for tasks with several leads."""
    leads = s[s["is_lead"] & (s["kind"] == "task")]
    notes = lead_notes(leads)
    lines = (leads["unit"] + ": " + notes)[notes != ""]
    return lines.groupby(leads["group"][notes != ""], sort=False).agg("\n".join)


def is_multi_lead(rows: pd.Series | pd.DataFrame) -> pd.Series:
    """Rows of tasks with several lead units ("hcth, ktx")."""
    return rows["lead_unit_code"].fillna("").astype(str).str.contains(",", regex=False)


def per_lead_badges(s: pd.DataFrame) -> pd.Series:
    """By group: each lead unit's status as "Unit: badge" lines (safe HTML), for tasks with several leads."""
    leads = s[s["is_lead"] & (s["kind"] == "task")]
    lines = escape_series(leads["unit"]) + ": " + status_badges(leads["status"])
    return lines.groupby(leads["group"], sort=False).agg("<br>".join)


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
    Column("content", "Nội dung nhiệm vụ", "25%"),
    Column("lead", "Đơn vị chủ trì", "11%"),
    Column("time", "Thời gian thực hiện", "13%"),
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
    Column("report_date", "Ngày báo cáo", "13%", "center"),
    Column("rows_read", "Số dòng đọc được", "9%", "num"),
    Column("sha256", "SHA-256", "18%", "mono"),
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



def unit_status_matrix(status: pd.DataFrame) -> pd.DataFrame:
    """Unit × status word → number of lines the unit carries (for the per-unit chart)."""
    if status is None or status.empty:
        return pd.DataFrame()
    table = pd.crosstab(status["unit"], status["status"])
    units = pd.unique(status["unit"])
    return table.reindex(units)
