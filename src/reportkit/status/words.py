"""The status words of the task tracking practice (Quy chế 42/2014/QĐ-TTg) and the status table's columns."""

from __future__ import annotations

from reportkit.intake.model import DONE, IN_PROGRESS, NOT_STARTED

DONE_ON_TIME = "Đã hoàn thành đúng hạn"
DONE_LATE = "Đã hoàn thành quá hạn"
OPEN_IN_TIME = "Chưa hoàn thành trong hạn"
OPEN_LATE = "Chưa hoàn thành quá hạn"
CONTINUOUS = "Thường xuyên"
NO_DEADLINE = "Chưa xác định thời hạn"  # external or unknown task while no deadline is given
NO_REPORT = "Không có báo cáo"

STATUSES = (DONE_ON_TIME, DONE_LATE, OPEN_IN_TIME, OPEN_LATE, CONTINUOUS, NO_DEADLINE, NO_REPORT)
GRID_STATUSES = (DONE_ON_TIME, DONE_LATE, OPEN_IN_TIME, OPEN_LATE)
DONE_STATUSES = (DONE_ON_TIME, DONE_LATE)
OPEN_STATUSES = (OPEN_IN_TIME, OPEN_LATE)
LATE_STATUSES = (DONE_LATE, OPEN_LATE)
# Statuses counted over tasks that have a deadline (the headline's figures).
DEADLINE_STATUSES = (*GRID_STATUSES, NO_REPORT)

STATUS_COLUMNS = [
    "task_code", "task_text", "kind", "section", "milestone", "milestone_label",
    "lead_unit_code", "is_lead", "unit_code", "unit", "time_frame", "deadline",
    "completed_on", "row_status", "progress", "status", "activity_reported",
    "days_late", "result", "difficulties", "proposals", "note", "source_file",
    "source_row",
]
# Extra columns: how the row was judged.
EXTRA_COLUMNS = ["in_headline", "report_date", "due_kind"]
# Row statuses as small codes: -1 none/unreadable, then ROW_STATUS_WORDS[code + 1].
ROW_CODE = {NOT_STARTED: 0, IN_PROGRESS: 1, DONE: 2}
ROW_STATUS_WORDS = ("", NOT_STARTED, IN_PROGRESS, DONE)
