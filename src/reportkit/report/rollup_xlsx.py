"""rollup.xlsx for the analyst: every organisation (state, reason, counts, rate), the ranking, and every task line."""

from __future__ import annotations

from pathlib import Path

from reportkit.report.rollup_tables import STATE_LABELS, overdue_across, ranking
from reportkit.report.xlsx_out import write_table_xlsx
from reportkit.status.words import DEADLINE_STATUSES

ORG_COLUMNS = {"code": ("Mã đơn vị", 16), "name": ("Đơn vị", 40), "group": ("Nhóm", 18),
               "state_text": ("Báo cáo", 22), "reason": ("Lý do", 50), "plan_code": ("Kế hoạch", 18),
               "report_date": ("Ngày lập báo cáo", 14), "due_before": ("Hạn gửi", 14),
               **{k: (k, 14) for k in DEADLINE_STATUSES}, "tasks": ("Nhiệm vụ có thời hạn", 14),
               "rate": ("Tỷ lệ đúng hạn", 12)}
RANK_COLUMNS = {"rank": ("Hạng", 8), "code": ("Mã đơn vị", 16), "name": ("Đơn vị", 40),
                "tasks": ("Nhiệm vụ có thời hạn", 14), "rate": ("Tỷ lệ đúng hạn", 12)}

LATE_COLUMNS = {"org_code": ("Mã đơn vị", 16), "org": ("Đơn vị", 40), "task_code": ("Mã nhiệm vụ", 12),
                "task_text": ("Nhiệm vụ", 60), "days": ("Số ngày quá hạn", 12)}


def write_rollup_xlsx(data, path: str | Path) -> Path:
    """Sheets "Đơn vị" (one row per organisation), "Xếp hạng" and "Quá hạn" (overdue tasks across organisations).

    Every status line of every organisation is in tasks.parquet beside it (a sheet of ~50 rows per
    organisation would make the workbook the slowest part of a roll-up of 1,000).
    """
    orgs = data.orgs.assign(state_text=data.orgs["state"].map(STATE_LABELS).fillna(data.orgs["state"]))
    late = overdue_across(data.tasks, data.orgs)
    return write_table_xlsx(orgs, path, columns=ORG_COLUMNS, sheet_name="Đơn vị", status_column=None,
                            extra_sheets=[("Xếp hạng", ranking(data.orgs), RANK_COLUMNS), ("Quá hạn", late, LATE_COLUMNS)],
                            title=f"Tổng hợp báo cáo {data.period} ({data.stream})")
