"""Rebuild the workbook of this folder (run from the project root).

    python tests/data/check/make_check_workbooks.py

``hcth_many_repeats.xlsx``: one unit's workbook where the same problem repeats
over many rows (20 rows of text without a task code, 3 rows with an unknown
status word), for the grouping of identical fixes in ``reportkit check``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEAD = ["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tình trạng", "Ngày hoàn thành", "Kết quả thực hiện"]
TITLE = [["Đơn vị:", "Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo:", dt.date(2024, 3, 5)], []]
GOOD = [["III.1", "Tổ chức quán triệt, tuyên truyền", "Đang thực hiện", None, "Tuyên truyền tại 2 cuộc họp."],
        ["III.2", "Tổ chức Hội nghị viên chức", "Đã hoàn thành", dt.date(2024, 1, 26), "Đã tổ chức Hội nghị."]]
NO_CODE = [[None, None, None, None, "Các nhiệm vụ khác thực hiện theo kế hoạch."]] * 20  # rows 7–26
BAD_STATUS = [["II.1.a", "Văn bản chỉ đạo", "hoãn", None, None],  # rows 27–29
              ["II.1.b", "Quy chế dân chủ", "tạm dừng", None, None],
              ["II.1.c", "Tiếp công dân", "hoãn", None, None]]


def main() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    for r, row in enumerate([*TITLE, HEAD, *GOOD, *NO_CODE, *BAD_STATUS], 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if isinstance(value, dt.date):
                    cell.number_format = "dd/mm/yyyy"
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 3, 5, 9, 0)
    wb.save(HERE / "hcth_many_repeats.xlsx")


if __name__ == "__main__":
    main()
