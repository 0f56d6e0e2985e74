"""Workbooks for the analyst: a formatted .xlsx of a table (status colours, filters, frozen header).

Text that departments typed is data, never code: a cell whose text begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written as a text
cell (with Excel's quote prefix), so Excel and LibreOffice never evaluate it as
a formula. ``neutralise_formula`` does the same for plain-text outputs such as
CSV, where the only defence is a leading apostrophe.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from reportkit.errors import OutputError
from reportkit.files import atomic_target
from reportkit.fmt import format_local_number
from reportkit.messages import t

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_MAX_ROWS = 1_048_576

# Pale fills (black text stays readable) in the hues of charts.STATUS_STYLE.
STATUS_FILLS = {
    "Đã hoàn thành đúng hạn": "C6EFCE",
    "Đã hoàn thành quá hạn": "FFE699",
    "Chưa hoàn thành trong hạn": "DDEBF7",
    "Chưa hoàn thành quá hạn": "F8CBAD",
    "Thường xuyên": "D9E1F2",
    "Chưa xác định thời hạn": "FFF2CC",
    "Không có báo cáo": "D9D9D9",
}

# Vietnamese headers and widths of the status table's columns, in sheet order.
STATUS_SHEET_COLUMNS: dict[str, tuple[str, int]] = {
    "task_code": ("Mã nhiệm vụ", 11),
    "milestone_label": ("Mốc", 9),
    "task_text": ("Nội dung nhiệm vụ", 50),
    "unit": ("Đơn vị", 30),
    "unit_code": ("Mã đơn vị", 11),
    "is_lead": ("Chủ trì", 8),
    "time_frame": ("Thời gian thực hiện", 22),
    "deadline": ("Thời hạn", 12),
    "completed_on": ("Ngày hoàn thành", 14),
    "status": ("Tình trạng", 26),
    "days_late": ("Số ngày quá hạn", 10),
    "activity_reported": ("Có hoạt động", 10),
    "progress": ("Tiến độ (%)", 9),
    "result": ("Kết quả thực hiện", 50),
    "difficulties": ("Khó khăn, vướng mắc", 40),
    "proposals": ("Đề xuất, kiến nghị", 40),
    "note": ("Ghi chú", 40),
    "report_date": ("Ngày báo cáo", 12),
    "source_file": ("Tệp nguồn", 26),
    "source_row": ("Dòng", 7),
}

_STATUS_COUNT_COLUMNS = {word: (word, 12) for word in STATUS_FILLS}
PER_UNIT_SHEET_COLUMNS: dict[str, tuple[str, int]] = {
    "unit": ("Đơn vị", 32), "unit_code": ("Mã đơn vị", 11), "submitted": ("Đã gửi báo cáo", 10),
    "report_date": ("Ngày báo cáo", 12), "source_file": ("Tệp được dùng", 26), "rows_read": ("Số dòng đọc được", 10),
    "errors": ("Lỗi", 7), "warnings": ("Cảnh báo", 9), "rows": ("Số dòng theo dõi", 10),
    **_STATUS_COUNT_COLUMNS, "activity_reported": ("Có hoạt động", 10), "note": ("Ghi chú", 50),
}
PER_SECTION_SHEET_COLUMNS: dict[str, tuple[str, int]] = {
    "section": ("Mục", 7), "title": ("Nội dung", 50), "rows": ("Số dòng", 9),
    **_STATUS_COUNT_COLUMNS, "activity_reported": ("Có hoạt động", 10),
}


def is_formula_like(text: Any) -> bool:
    """True when a spreadsheet would read ``text`` as a formula (starts with = + - @ tab or CR)."""
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def neutralise_formula(text: Any) -> Any:
    """``text`` made safe for a plain-text table opened in a spreadsheet (CSV).

    Text starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading
    apostrophe (the OWASP advice for CSV injection); anything else is returned
    unchanged. For .xlsx use ``write_cell``, which keeps the text as it is.
    """
    return "'" + text if is_formula_like(text) else text


def write_cell(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write ``value`` to a cell; text is always a text cell, never a formula."""
    cell = ws.cell(row=row, column=column)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return cell
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar → Python
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
        if is_formula_like(value):
            cell.quotePrefix = True
        return cell
    cell.value = value
    if isinstance(value, dt.date):
        cell.number_format = "DD/MM/YYYY"
    return cell


def write_table_xlsx(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    columns: Mapping[str, tuple[str, int]] | None = None,
    sheet_name: str = "Bảng",
    status_column: str | None = "status",
    extra_sheets: Sequence[tuple[str, pd.DataFrame, Mapping[str, tuple[str, int]] | None]] = (),
    title: str | None = None,
) -> Path:
    """Write ``frame`` as a formatted workbook; return the path.

    ``columns`` maps column → (Vietnamese header, width) and fixes the order
    (default: every column, its own name as header). The header row is bold,
    frozen and filtered; cells of ``status_column`` are coloured by status word;
    booleans read "Có"/"" and dates dd/mm/yyyy. The file is written to a
    temporary name and moved into place, so a failed write leaves no half file.
    """
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    sheets = [(sheet_name, frame, columns), *extra_sheets]
    for i, (name, data, cols) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name[:31]
        _fill_sheet(ws, data, cols, status_column, title if i == 0 else None)
    try:
        with atomic_target(path) as tmp:
            wb.save(tmp)
    except OSError as exc:
        raise OutputError(t("output.xlsx_unwritable", detail=exc.strerror or exc), path=path,
                          hint=t("output.xlsx_unwritable.fix")) from None
    return path


def _fill_sheet(ws: Any, data: pd.DataFrame, columns: Mapping[str, tuple[str, int]] | None,
                status_column: str | None, title: str | None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    if len(data) >= EXCEL_MAX_ROWS - 2:
        raise OutputError(t("output.xlsx_too_long", rows=format_local_number(len(data)),
                            limit=format_local_number(EXCEL_MAX_ROWS)), hint=t("output.xlsx_too_long.fix"))
    cols = dict(columns) if columns else {c: (str(c), 14) for c in data.columns}
    cols = {c: v for c, v in cols.items() if c in data.columns}
    top = 1
    if title:
        write_cell(ws, 1, 1, title).font = Font(bold=True, size=13)
        top = 3
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for j, (column, (header, width)) in enumerate(cols.items(), start=1):
        cell = write_cell(ws, top, j, header)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(j)].width = width
    fills = {word: PatternFill("solid", start_color=color, end_color=color) for word, color in STATUS_FILLS.items()}
    values = {c: _cell_values(data[c]) for c in cols}
    for i in range(len(data)):
        r = top + 1 + i
        for j, column in enumerate(cols, start=1):
            value = values[column][i]
            cell = write_cell(ws, r, j, value)
            if isinstance(value, str) and len(value) > 40:
                cell.alignment = wrap
            if column == status_column and value in fills:
                cell.fill = fills[value]
    last = get_column_letter(max(len(cols), 1))
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    ws.auto_filter.ref = f"A{top}:{last}{top + len(data)}"


def _cell_values(series: pd.Series) -> list:
    """Plain Python values for cells: dates as date, booleans as "Có"/"", NA as None."""
    if series.dtype == bool:
        return ["Có" if v else "" for v in series]
    if pd.api.types.is_datetime64_any_dtype(series):
        return [None if pd.isna(v) else v.date() for v in series]
    out = []
    for v in series.astype(object):
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            out.append(None)
        else:
            out.append(v)
    return out


def write_status_xlsx(status: pd.DataFrame, path: str | Path, *, summary: Any = None, title: str | None = None) -> Path:
    """The status table (``status.assess``) as the analyst's workbook.

    With a ``summary.PeriodSummary``, adds the per-unit and per-section sheets
    and puts the headline above the table.
    """
    extra = []
    if summary is not None:
        extra.append(("Theo đơn vị", summary.per_unit, PER_UNIT_SHEET_COLUMNS))
        extra.append(("Theo mục", summary.per_section, PER_SECTION_SHEET_COLUMNS))
        if title is None:
            title = f"{summary.report.label} (số liệu đến {summary.as_of:%d/%m/%Y}): {summary.headline}"
    return write_table_xlsx(status, path, columns=STATUS_SHEET_COLUMNS, sheet_name="Tình trạng",
                            status_column="status", extra_sheets=extra, title=title)
