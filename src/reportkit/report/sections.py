"""The body sections of the period report (I–III): counts, task and content lines, units,
trend, overdue tasks, missing reports, difficulties and directions."""

from __future__ import annotations

import pandas as pd

from reportkit.fmt import format_date, format_number, format_percent
from reportkit.report import charts
from reportkit.report.cells import date_texts, status_badges
from reportkit.report.markup import Column, dash_list, escape_series, para, render_table

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
    # A task with several lead units: each lead is judged on its own line, which names it.
    several = lead["lead_unit_code"].fillna("").astype(str).str.contains(",", regex=False)
    who = (", chủ trì " + lead["unit"].astype(str)).where(several, "")
    text = (lead["task_code"] + ". " + lead["task_text"].str.rstrip(" .")
            + milestone.where(milestone == "", " (mốc " + milestone + ")") + due + who + ": ")
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



def headline_sentence(summary) -> str:
    """The headline as a sentence: "Tính đến ngày 29/02/2024, <issuer> đã hoàn thành …"."""
    return f"Tính đến ngày {format_date(summary.as_of)}, {summary.plan.issuer_name} {summary.headline}."

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
                   & s["status"].isin(["Chưa hoàn thành trong hạn", "Chưa hoàn thành quá hạn", "Chưa xác định thời hạn"])]
    parts = []
    open_tasks = open_tasks.drop_duplicates(["task_code", "milestone"])  # several leads: the task once
    if not open_tasks.empty:
        deadline = date_texts(open_tasks["deadline"])
        milestone = open_tasks["milestone_label"].fillna("")
        kind = open_tasks["due_kind"] if "due_kind" in open_tasks else pd.Series("external", index=open_tasks.index)
        undetermined = pd.Series(" (khi xác định được thời hạn)", index=open_tasks.index).where(
            kind != "external", " (khi cấp trên giao thời hạn)")
        due = (" (hạn " + deadline + ")").where(deadline != "", undetermined)
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
            due_text = upcoming["due_text"] if "due_text" in upcoming else "trước ngày " + date_texts(upcoming["due_before"])
            lines = upcoming["label"].astype(str) + ": gửi " + due_text + "."  # as the plan writes it
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


def render_trend(trend: pd.DataFrame) -> tuple:
    """The completion rate over the periods so far: (chart or None, table HTML)."""
    t = trend.copy()
    total = t["total"].astype(float)
    t["rate"] = (t["done"].astype(float) / total.where(total > 0)).map(
        lambda r: format_percent(r) if pd.notna(r) else "–")
    t["done_text"] = t["done"].astype(int).map(format_number)
    t["total_text"] = t["total"].astype(int).map(format_number)
    return charts.chart_trend(t), render_table(t, TREND_COLUMNS)
