"""The department template: one .xlsx per unit and period, made with openpyxl.

The sheet "Báo cáo" has title rows (unit, period, Ngày báo cáo), the header of
the workbook contract (DESIGN.md section 4) and one row per task or content
item the unit carries, code and text pre-filled from the plan. Inputs are
guided: a dropdown on "Tình trạng", 0–100 on "Tiến độ (%)", dates formatted
dd/mm/yyyy with date validation. Header and pre-filled cells are locked, input
cells unlocked, and the sheet is protected without a password (so nobody
renames a column by accident, yet anyone can lift it). A second sheet,
"Hướng dẫn", explains in Vietnamese how to fill it in.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from reportkit.files import write_atomic
from reportkit.intake.answers import refuse_overwrite
from reportkit.intake.guide import FONT_NAME, GUIDE_SHEET_NAME, add_guide  # noqa: F401 - GUIDE_SHEET_NAME re-exported
from reportkit.intake.model import ROW_STATUS_LABELS
from reportkit.periods import Period, parse_period
from reportkit.plan.load import Plan
from reportkit.safepath import safe_filename

SHEET_NAME = "Báo cáo"
HEADER_ROW = 11  # Excel row of the column headers
UNIT_ROW, PERIOD_ROW, DATE_ROW = 7, 8, 9
VALUE_COLUMN = "B"  # where the unit, period and report date values sit

# (field, header, width); the headers are the canonical names of headers.COLUMNS.
TEMPLATE_COLUMNS = (
    ("task_code", "Mã nhiệm vụ", 11),
    ("task_text", "Nội dung nhiệm vụ", 58),
    ("time_frame", "Thời gian thực hiện", 16),
    ("status", "Tình trạng", 17),
    ("progress", "Tiến độ (%)", 10),
    ("completed_on", "Ngày hoàn thành", 14),
    ("result", "Kết quả thực hiện", 45),
    ("difficulties", "Khó khăn, vướng mắc", 30),
    ("proposals", "Đề xuất, kiến nghị", 30),
    ("note", "Ghi chú", 20),
)
INPUT_FIELDS = ("status", "progress", "completed_on", "result", "difficulties", "proposals", "note")
# Day-first and marked Vietnamese (LCID 0x42A), so the cell shows 10/06/2024 whatever the office suite's locale:
# a date typed month-first by an English (US) setting shows up swapped where the sender can see it.
DATE_FORMAT = "[$-42A]dd/mm/yyyy"


def date_prompt(year: int) -> str:
    """The date cells' input message, with an example in the period's ``year`` (not a fixed year)."""
    return (f"Gõ ngày/tháng/năm, ví dụ 05/03/{year}. Nếu máy đặt tiếng Anh (Mỹ), gõ năm-tháng-ngày: {year}-03-05. "
            "Sau khi gõ, ô phải hiện đúng ngày/tháng/năm; nếu ngày và tháng bị đảo, gõ lại.")


def date_error(year: int) -> str:
    """The date cells' error message, with an example in the period's ``year``."""
    return f"Ghi ngày có thật từ năm 2000 đến 2100, dạng ngày/tháng/năm (05/03/{year}) hoặc năm-tháng-ngày ({year}-03-05)."


# Date validation bounds as Excel serial numbers (01/01/2000 and 31/12/2100): plain
# numbers keep the rule identical in Excel and LibreOffice.
_DATE_MIN, _DATE_MAX = 36526, 73415


def column_of(field: str) -> str:
    """The template's column letter for a field: ``column_of("status") == "D"``."""
    from openpyxl.utils import get_column_letter

    for i, (name, _, _) in enumerate(TEMPLATE_COLUMNS, 1):
        if name == field:
            return get_column_letter(i)
    raise KeyError(field)


def _period(period: Period | str) -> Period:
    return parse_period(period) if isinstance(period, str) else period


def build_template(plan: Plan, unit_code: str, period: Period | str):
    """The template for one unit and period as an openpyxl Workbook (not saved).

    Raises PlanError (listing the plan's units) for an unknown unit and
    PeriodError for a bad period id.
    """
    from openpyxl import Workbook

    unit = plan.unit(unit_code)
    period = _period(period)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    style = _Styles()
    _write_title(ws, plan, unit.name, period, style)
    _write_header(ws, style)
    task_rows = _write_task_rows(ws, plan, plan.tasks_for_unit(unit.code), style)
    _add_validations(ws, task_rows, period.year)
    _set_page_and_protection(ws)
    add_guide(wb, plan, unit.name, period)
    keep_text_as_text(wb)
    wb.properties.title = f"Bảng theo dõi nhiệm vụ – {unit.name} – {period.label}"
    wb.properties.creator = "reportkit"
    return wb


class _Styles:
    """The fonts, fills and borders of the template (openpyxl objects, made once per workbook)."""

    def __init__(self) -> None:
        from openpyxl.styles import (
            Alignment,
            Border,
            Font,
            PatternFill,
            Protection,
            Side,
        )

        self.base = Font(name=FONT_NAME, size=12)
        self.bold = Font(name=FONT_NAME, size=12, bold=True)
        self.title = Font(name=FONT_NAME, size=14, bold=True)
        self.italic = Font(name=FONT_NAME, size=12, italic=True)
        thin = Side(style="thin", color="808080")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.unlocked = Protection(locked=False)
        self.input_fill = PatternFill("solid", fgColor="FFF9E5")
        self.header_fill = PatternFill("solid", fgColor="D9E2F3")
        self.section_fill = PatternFill("solid", fgColor="EDEDED")
        self.wrap_top = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center")
        self.left = Alignment(horizontal="left")
        self.header = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _write_title(ws, plan: Plan, unit_name: str, period: Period, style: _Styles) -> None:
    """Title rows (merged, as in the unit's official forms) and the unit, period and report-date lines."""
    last_col = column_of(TEMPLATE_COLUMNS[-1][0])
    ws["A1"] = plan.superior_name.upper()
    ws["A1"].font = style.base
    ws.merge_cells("A1:C1")
    ws["A2"] = plan.issuer_name.upper()
    ws["A2"].font = style.bold
    ws.merge_cells("A2:C2")
    ws["A4"] = "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ"
    ws["A4"].font = style.title
    ws["A4"].alignment = style.center
    ws.merge_cells(f"A4:{last_col}4")
    title = plan.title[:1].lower() + plan.title[1:]
    ws["A5"] = f"{plan.document_type.capitalize()} {title}"
    ws["A5"].font = style.italic
    ws["A5"].alignment = style.center
    ws.merge_cells(f"A5:{last_col}5")
    for row, label, value in (
        (UNIT_ROW, "Đơn vị:", unit_name),
        (PERIOD_ROW, "Kỳ báo cáo:", f"{period.label} ({period.id})"),
        (DATE_ROW, "Ngày báo cáo:", None),
    ):
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = style.bold
        cell = ws[f"{VALUE_COLUMN}{row}"]
        cell.value = value
        cell.font = style.bold if value else style.base
    date_cell = ws[f"{VALUE_COLUMN}{DATE_ROW}"]
    date_cell.number_format = DATE_FORMAT
    date_cell.protection = style.unlocked
    date_cell.fill = style.input_fill
    date_cell.border = style.box
    date_cell.alignment = style.left


def _write_header(ws, style: _Styles) -> None:
    from openpyxl.utils import get_column_letter

    for i, (_, header, width) in enumerate(TEMPLATE_COLUMNS, 1):
        cell = ws.cell(HEADER_ROW, i, header)
        cell.font = style.bold
        cell.fill = style.header_fill
        cell.border = style.box
        cell.alignment = style.header
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[HEADER_ROW].height = 32


def _write_task_rows(ws, plan: Plan, tasks: list, style: _Styles) -> list[int]:
    """One row per task or content item, grouped by section; returns the task rows' numbers."""
    ncols = len(TEMPLATE_COLUMNS)
    row = HEADER_ROW + 1
    task_rows: list[int] = []
    input_cols = [i for i, (f, _, _) in enumerate(TEMPLATE_COLUMNS, 1) if f in INPUT_FIELDS]
    for section_code, section_title in plan.sections:
        items = [t for t in tasks if t.section == section_code]
        if not items:
            continue
        ws.cell(row, 1, section_code).font = style.bold
        ws.cell(row, 2, section_title).font = style.bold
        for i in range(1, ncols + 1):
            ws.cell(row, i).fill = style.section_fill
            ws.cell(row, i).border = style.box
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=ncols)
        row += 1
        for task in items:
            values = {"task_code": task.code, "task_text": task.text, "time_frame": task.time_frame}
            for i, (field, _, _) in enumerate(TEMPLATE_COLUMNS, 1):
                cell = ws.cell(row, i, values.get(field))
                cell.font = style.base
                cell.border = style.box
                cell.alignment = style.wrap_top
                if i in input_cols:
                    cell.protection = style.unlocked
                    cell.fill = style.input_fill
            ws[f"{column_of('completed_on')}{row}"].number_format = DATE_FORMAT
            ws.row_dimensions[row].height = _row_height(values)
            task_rows.append(row)
            row += 1
    return task_rows


def _add_validations(ws, task_rows: list[int], year: int) -> None:
    """Dropdown on Tình trạng, 0–100 on Tiến độ, dates with day-first input help, on the task rows only."""
    from openpyxl.worksheet.datavalidation import DataValidation

    status_words = list(ROW_STATUS_LABELS.values())
    status_dv = DataValidation(
        type="list", formula1='"' + ",".join(status_words) + '"', allow_blank=True,
        showErrorMessage=True, errorStyle="stop", errorTitle="Tình trạng không hợp lệ",
        error="Chọn một trong: " + ", ".join(status_words) + ".",
        showInputMessage=True, promptTitle="Tình trạng", prompt="Chọn trong danh sách.",
    )
    progress_dv = DataValidation(
        type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
        showErrorMessage=True, errorTitle="Tiến độ không hợp lệ", error="Ghi số từ 0 đến 100 (phần trăm).",
        showInputMessage=True, promptTitle="Tiến độ (%)", prompt="Số từ 0 đến 100; 100 là đã hoàn thành.",
    )
    date_dv = DataValidation(
        type="date", operator="between", formula1=str(_DATE_MIN), formula2=str(_DATE_MAX), allow_blank=True,
        showErrorMessage=True, errorTitle="Ngày không hợp lệ", error=date_error(year),
        showInputMessage=True, promptTitle="Ngày (ngày/tháng/năm)", prompt=date_prompt(year),
    )
    for dv in (status_dv, progress_dv, date_dv):
        ws.add_data_validation(dv)
    for first, last in _blocks(task_rows):  # task rows only, not the section headings
        for dv, field in ((status_dv, "status"), (progress_dv, "progress"), (date_dv, "completed_on")):
            dv.add(f"{column_of(field)}{first}:{column_of(field)}{last}")
    date_dv.add(f"{VALUE_COLUMN}{DATE_ROW}")


def _set_page_and_protection(ws) -> None:
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True  # no password: it guards against slips, not people
    ws.protection.formatColumns = False  # allowed: widen columns
    ws.protection.formatRows = False  # allowed: taller rows
    ws.protection.formatCells = False


def keep_text_as_text(wb) -> None:
    """Plan text that starts like a formula (= + - @, tab, CR) stays a text cell (OWASP formula injection).

    openpyxl would store "=…" as a formula; Excel would offer to run "+…" or
    "@…" once the cell is edited. The template has no formulas of its own.
    """
    starts = ("=", "+", "-", "@", "\t", "\r")
    for ws in wb.worksheets:
        for cell in list(ws._cells.values()):  # the cells that exist (iter_rows would create the empty ones)
            if isinstance(cell.value, str) and cell.value.startswith(starts):
                cell.data_type = "s"
                cell.quotePrefix = True


_LINE_POINTS = 15.75  # one line of 12 pt Times New Roman


def _row_height(values: dict[str, str]) -> float:
    """A row height that shows the wrapped pre-filled text (spreadsheets do not size rows on opening)."""
    import math

    widths = {field: width for field, _, width in TEMPLATE_COLUMNS}
    lines = max(math.ceil(len(text) / (widths[field] * 1.1)) for field, text in values.items() if text)
    return round(max(2, lines) * _LINE_POINTS + 4, 2)


def _blocks(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of row numbers: [12, 13, 15] → [(12, 13), (15, 15)]."""
    blocks: list[tuple[int, int]] = []
    for r in rows:
        if blocks and blocks[-1][1] == r - 1:
            blocks[-1] = (blocks[-1][0], r)
        else:
            blocks.append((r, r))
    return blocks


def save_workbook(wb, path: Path | str, *, created: dt.datetime | None = None) -> Path:
    """Save an openpyxl workbook atomically (temporary file, then rename).

    With ``created``, document dates and zip entry times are fixed to it, so
    the same content gives byte-identical files (sample data, tests).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    if created is not None:
        wb.properties.created = created
        wb.properties.modified = created
    wb.save(buf)
    data = buf.getvalue()
    if created is not None:
        data = fix_zip_times(data, created)
    write_atomic(path, data)  # usual file mode: colleagues on a shared folder can open it
    return path


def fix_zip_times(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with every entry, and the document's modified date, set to ``when`` (reproducible files)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = info.compress_type  # ODS needs its mimetype stored, not deflated
            fixed.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock on save
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + stamp + rb"\g<2>", content)
            dst.writestr(fixed, content)
    return out.getvalue()


def template_filename(unit_code: str, period: Period | str) -> str:
    """Default file name of a template: ``hcth_2024-Q1.xlsx`` (a unit code with "/", ".." or odd characters
    gives a safe name: ``safepath.safe_filename``)."""
    return f"{safe_filename(unit_code)}_{_period(period).id}.xlsx"


def template_filenames(unit_codes: list[str], period: Period | str) -> list[str]:
    """``template_filename`` for each unit, made unique ("a/b" and "a_b" both give a_b: the second gets "-2")."""
    names: list[str] = []
    for code in unit_codes:
        name = template_filename(code, period)
        stem, n = name[:-len(".xlsx")], 2
        while name.lower() in (x.lower() for x in names):
            name, n = f"{stem}-{n}.xlsx", n + 1
        names.append(name)
    return names


def write_template(plan: Plan, unit_code: str, period: Period | str, path: Path | str, *,
                   created: dt.datetime | None = None, force: bool = False) -> Path:
    """Write the canonical .xlsx template for one unit and period to ``path``; return the path.

    An existing file that holds a department's answers (or is not a readable
    workbook) is never replaced unless ``force``: ParamsError names its filled cells.
    """
    if not force:
        refuse_overwrite([Path(path)])
    return save_workbook(build_template(plan, unit_code, period), path, created=created)
