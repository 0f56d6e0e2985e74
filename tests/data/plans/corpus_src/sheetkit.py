"""openpyxl helpers for the corpus: a "Danh mục nhiệm vụ" appendix with title rows, group rows, merged cells."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def task_sheet(title_rows: list[str], header: list[str], groups: dict[str, str], rows: list[list[str]],
               merges: list[tuple[int, int, int]], widths: list[int], sheet_title: str) -> Workbook:
    """A workbook whose first sheet is the task table.

    ``rows`` are [group, stt, cells…]; ``merges`` are (first task index, last task index, column) ranges
    merged vertically (the first row's value stands for all). Title rows are merged across the table.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    ncols = len(header)
    for r, text in enumerate(title_rows, start=1):
        ws.cell(r, 1, text).font = Font(bold=True, italic=text.startswith("("))
        ws.cell(r, 1).alignment = CENTER
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
    hr = len(title_rows) + 2  # one blank row before the header
    for c, text in enumerate(header, start=1):
        cell = ws.cell(hr, c, text)
        cell.font, cell.alignment, cell.border = Font(bold=True), CENTER, BOX
    r = hr + 1
    task_row: dict[int, int] = {}
    for group, title in groups.items():
        ws.cell(r, 1, group).font = Font(bold=True)
        ws.cell(r, 2, title).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=ncols)
        for c in range(1, ncols + 1):
            ws.cell(r, c).border = BOX
        r += 1
        for i, row in enumerate(rows):
            if row[0] != group:
                continue
            for c, value in enumerate(row[1:], start=1):
                cell = ws.cell(r, c, int(value) if c == 1 else (value or None))
                cell.alignment, cell.border = (CENTER if c == 1 else WRAP), BOX
            task_row[i] = r
            r += 1
    for first, last, col in merges:
        for i in range(first + 1, last + 1):
            ws.cell(task_row[i], col).value = None
        ws.merge_cells(start_row=task_row[first], start_column=col, end_row=task_row[last], end_column=col)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + c)].width = w
    return wb


def save_as_ods(wb: Workbook, path: Path) -> None:
    """Save ``wb`` as .ods through LibreOffice Calc (soffice --convert-to ods)."""
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / (path.stem + ".xlsx")
        wb.save(xlsx)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "ods",
             "--outdir", tmp, str(xlsx)],
            check=True, capture_output=True, timeout=180,
        )
        path.write_bytes((Path(tmp) / (path.stem + ".ods")).read_bytes())
