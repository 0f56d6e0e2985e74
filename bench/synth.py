"""Deterministic synthetic inputs for the benchmarks: plans, workbooks, submissions."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from pathlib import Path

HEADERS = ["STT", "Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Ngày hoàn thành",
           "Kết quả thực hiện", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"]
STATUS_WORDS = ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Hoàn thành", "HT", "Đang TH"]
RESULT_TEXT = "Đã tổ chức quán triệt tới toàn thể viên chức, người lao động thuộc phòng; kết quả tốt."


def write_plan(path: Path, n_units: int, n_tasks: int, year: int = 2024) -> Path:
    """A plan YAML with ``n_units`` units and ``n_tasks`` concrete tasks (mixed due rules)."""
    frames = ["quý I, năm {y}", "quý III, năm {y}", "tháng 6, tháng 12 năm {y}", "thường xuyên trong năm {y}",
              "Theo kế hoạch của cấp trên"]
    lines = [f"year: {year}", 'title: "Kế hoạch thử tải"', "issuer: {name: \"Đơn vị thử tải\"}", "units:"]
    lines += [f'  - {{code: u{i:05d}, name: "Phòng số {i}"}}' for i in range(n_units)]
    lines.append("tasks:")
    for t in range(1, n_tasks + 1):
        lines.append(f'  - {{code: III.{t}, text: "Nhiệm vụ {t}", time_frame: "{frames[t % len(frames)].format(y=year)}", '
                     f"lead: u00000, units: all}}")
    lines += ["report_streams:", '  - {code: s, name: "Báo cáo", reports: [{period: Q, due_before: {month: end, day: 13}}]}',
              'signer: {title: "GIÁM ĐỐC", name: "Nguyễn Văn A"}']
    text = "\n".join(lines) + "\n"
    unit_list = "[" + ", ".join(f"u{i:05d}" for i in range(n_units)) + "]"
    path.write_text(text.replace("units: all", f"units: {unit_list}"), encoding="utf-8")
    return path


def write_workbooks(folder: Path, n_files: int, rows: int = 50, seed: int = 7) -> list[Path]:
    """``n_files`` department workbooks of realistic shape and messiness (.xlsx, openpyxl).

    Codes III.1…III.<rows> and units u00000…u00004: read them against
    ``write_plan(path, 5, rows)``. A third have merged title rows, a quarter NFD
    headers, a fifth text dates.
    """
    from openpyxl import Workbook

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    units = [f"u{k:05d}" for k in range(5)]  # the first units of write_plan's plan
    paths = []
    for i in range(n_files):
        unit = units[i % len(units)]
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 330))
        wb = Workbook()
        ws = wb.active
        ws.title = "Theo dõi"
        headers = list(HEADERS)
        if i % 3 == 0:  # title rows above the header, merged
            ws.append(["TRUNG TÂM DỊCH VỤ VIỆC LÀM"])
            ws.append(["BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ"])
            ws.merge_cells("A1:J1")
            ws.append([f"Ngày báo cáo: {day:%d/%m/%Y}"])
            ws.append([])
        if i % 4 == 1:  # NFD headers from a Mac
            headers = [unicodedata.normalize("NFD", h) for h in headers]
        ws.append(headers)
        for r in range(rows):
            code = f"III.{r + 1}"
            status = rng.choice(STATUS_WORDS)
            done = status in ("Đã hoàn thành", "Hoàn thành", "HT")
            when = (day - dt.timedelta(days=rng.randrange(0, 60))) if done else None
            date_cell = when.strftime("%d/%m/%Y") if (when and i % 5 == 2) else when
            ws.append([r + 1, code, f"Nội dung nhiệm vụ {code}", status, 100 if done else rng.randrange(0, 90),
                       date_cell, RESULT_TEXT, "", "", ""])
        path = folder / f"{unit}_{day.isoformat()}_{i:05d}.xlsx"
        wb.save(path)
        paths.append(path)
    return paths
