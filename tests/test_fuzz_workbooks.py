"""Property-based fuzzing of intake over real workbooks (hypothesis).

Workbooks are written for real (.xlsx with openpyxl, .ods with odfpy through
pandas, .xls with xlwt) from generated specifications: title lines, headers in
every accepted spelling and order, extra columns, merged cells, status words
and progress figures, dates as Excel dates (1900 and 1904 systems), serials and
text in every common form, text with NFD, zero-width and bidi characters,
legacy TCVN3/VNI text, cover, instruction and hidden sheets.

Properties:

* any workbook, valid or not, yields rows or findings and never an exception
  (and the status engine takes whatever intake returns);
* every value of a valid row round-trips unchanged into ``status.assess``'s
  table: task code, row status, completion date and the texts (as NFC, trimmed
  and without invisible characters);
* byte-level damage to a valid file gives findings, never an exception.

``make test`` runs a few dozen examples per property; ``make fuzz`` runs the
"fuzz" profile (``REPORTKIT_FUZZ=1``, registered in conftest.py).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportkit.intake import reader as intake

from reportkit.intake import legacy
from reportkit.intake.model import DONE, ERROR, IN_PROGRESS, NOT_STARTED, ROW_STATUSES, WARNING, Finding
from reportkit.status import assess
from reportkit.text import clean_text, to_nfc
from reportkit.intake.template import fix_zip_times

from .conftest import PLAN_PATH

FUZZING = settings.get_current_profile_name() == "fuzz"


def examples(n: int) -> int:
    """``n`` examples in ``make test``; the fuzz profile's own count under ``make fuzz``."""
    return settings.default.max_examples if FUZZING else n


SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                       HealthCheck.function_scoped_fixture])


_PLAN = []


def plan_():
    """The seed plan, loaded once (strategies need it outside any fixture)."""
    if not _PLAN:
        from reportkit.plan.load import load_plan

        _PLAN.append(load_plan(PLAN_PATH))
    return _PLAN[0]


# ------------------------------------------------------------------ text


WORDS = ["Đã", "tổ", "chức", "hội", "nghị", "quán", "triệt", "dân", "chủ", "cơ", "sở", "Trung", "tâm", "việc", "làm",
         "người", "lao", "động", "tư", "vấn", "nhiệm", "vụ", "năm", "2024", "quý", "I", "tháng", "hòa", "hoà", "thủy",
         "75%", "12", "(", ")", ",", ".", ";", "–", "-", "“", "”", "<b>", "&", "$x$", "**", "{{ 7*7 }}", "=1+1", "@",
         "'", '"', "Sơn", "La", "Ủy", "ban", "nhân", "dân", "kiến", "nghị", "khó", "khăn"]
# Characters people paste without seeing them; intake drops them (NFC, trimmed, single spaces).
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
             "\u2060", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufeff", "\u00ad"]
SPACES = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000"]
HIDDEN = frozenset(INVISIBLE)  # never in what intake returns


@st.composite
def texts(draw, min_words: int = 1, max_words: int = 8) -> str:
    """Vietnamese text salted with invisible characters and odd spacing, maybe as NFD."""
    tokens = draw(st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words))
    parts: list[str] = []
    for token in tokens:
        parts.append(token)
        parts.append(draw(st.sampled_from(SPACES[:1] * 6 + SPACES + INVISIBLE)))
    text = draw(st.sampled_from(["", " ", "\u200b", "\ufeff"])) + "".join(parts)
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    # Always one letter beyond Latin-1 (as any real Vietnamese sentence has): never mistaken for TCVN3/VNI.
    return "Đã " + text


def expected_text(written: str) -> str:
    return clean_text(written)


# ------------------------------------------------------------------ workbook specification

HEADER_SPELLINGS = {
    "task_code": ["Mã nhiệm vụ", "Mã NV", "MÃ NHIỆM VỤ", "Mã nhiệm vụ (*)", "Mã số", "mã  nhiệm vụ:"],
    "task_text": ["Nội dung nhiệm vụ", "Nội dung", "NỘI DUNG NHIỆM VỤ"],
    "status": ["Tình trạng", "Trạng thái", "Tình trạng thực hiện", "TÌNH TRẠNG", "Tình trạng (chọn)"],
    "progress": ["Tiến độ (%)", "Tiến độ", "% hoàn thành", "Tiến độ %"],
    "completed_on": ["Ngày hoàn thành", "Ngày HT", "Ngày hoàn thành (dd/mm/yyyy)", "Thời gian hoàn thành"],
    "result": ["Kết quả thực hiện", "Kết quả", "KẾT QUẢ THỰC HIỆN", "Kết quả đạt được"],
    "difficulties": ["Khó khăn, vướng mắc", "Khó khăn – vướng mắc", "Khó khăn"],
    "proposals": ["Đề xuất, kiến nghị", "Kiến nghị", "Đề xuất"],
    "note": ["Ghi chú", "GHI CHÚ"],
}
EXTRA_HEADERS = ["STT", "Người phụ trách", "Đơn vị phối hợp", "Kinh phí (triệu đồng)"]
STATUS_SPELLINGS = {
    NOT_STARTED: ["Chưa thực hiện", "chưa thực hiện", "Chưa triển khai", "CHƯA THỰC HIỆN", "Chưa TH"],
    IN_PROGRESS: ["Đang thực hiện", "Đang TH", "đang triển khai", "Thường xuyên", "Đang thực hiện (60%)"],
    DONE: ["Đã hoàn thành", "Hoàn thành", "HT", "ĐÃ HOÀN THÀNH", "Đã xong", "Đã hoàn thành (100%)"],
}
DATE_TEXT_FORMS = ["{d:02d}/{m:02d}/{y}", "{d}/{m}/{y2:02d}", "{d}-{m}-{y}", "{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}",
                   "ngày {d:02d} tháng {m} năm {y}", "{d:02d}/{m:02d}/{y} 08:30", " {d:02d} / {m:02d} / {y} "]
EXCEL_EPOCH = dt.date(1899, 12, 30)
FIXED_TIME = dt.datetime(2024, 3, 5, 8, 0, 0)


@dataclass
class Row:
    code: str  # canonical
    code_written: str
    status: str | None  # expected canonical status
    status_written: object
    progress_written: object
    completed_on: dt.date | None
    date_written: object
    texts: dict[str, str]  # field → written text
    continuation: str = ""  # a second line under a vertically merged code cell


@dataclass
class Spec:
    fmt: str  # xlsx, ods, xls
    unit: str
    report_date: dt.date
    unit_line: str | None
    date_line: object
    filename: str
    title_rows: int
    columns: list[str]  # fields and extra headers, in sheet order
    labels: dict[str, str]
    rows: list[Row]
    epoch_1904: bool = False
    cover_sheet: bool = False
    hidden_sheet: bool = False
    guide_sheet: bool = False
    merge_title: bool = True
    headings: list[tuple[int, str]] = field(default_factory=list)  # (position among rows, text)


def _date_forms(draw, day: dt.date, fmt: str, epoch_1904: bool):
    kinds = ["date", "text"]
    if not epoch_1904:
        kinds.append("serial")  # a serial typed in a General cell is read in the 1900 system
    kind = draw(st.sampled_from(kinds))
    if kind == "date":
        return dt.datetime(day.year, day.month, day.day) if draw(st.booleans()) else day
    if kind == "serial":
        return (day - EXCEL_EPOCH).days if fmt != "ods" else float((day - EXCEL_EPOCH).days)
    form = draw(st.sampled_from(DATE_TEXT_FORMS))
    return form.format(d=day.day, m=day.month, y=day.year, y2=day.year % 100)


@st.composite
def valid_specs(draw) -> Spec:
    plan = plan_()
    fmt = draw(st.sampled_from(["xlsx"] * 6 + ["ods", "xls"]))
    unit = draw(st.sampled_from(plan.unit_codes))
    unit_obj = plan.unit(unit)
    report_date = draw(st.dates(dt.date(2024, 1, 10), dt.date(2024, 12, 28)))
    epoch_1904 = fmt == "xlsx" and draw(st.integers(0, 4)) == 0
    tasks = plan.tasks_for_unit(unit)
    chosen = draw(st.lists(st.sampled_from(tasks), min_size=1, max_size=min(8, len(tasks)), unique_by=lambda t: t.code))
    has_status = draw(st.integers(0, 4)) > 0
    has_progress = draw(st.booleans()) or not has_status
    optional = [f for f in ("completed_on", "task_text", "difficulties", "proposals", "note") if draw(st.booleans())]
    fields = ["task_code"] + (["status"] if has_status else []) + (["progress"] if has_progress else []) + ["result"]
    fields += optional
    extras = draw(st.lists(st.sampled_from(EXTRA_HEADERS), max_size=2, unique=True))
    columns = draw(st.permutations(fields + extras))
    labels = {f: draw(st.sampled_from(HEADER_SPELLINGS[f])) for f in fields}
    if draw(st.booleans()):
        labels = {f: unicodedata.normalize("NFD", v) for f, v in labels.items()}
    rows = []
    for task in chosen:
        status = draw(st.sampled_from(ROW_STATUSES))
        code_written = draw(st.sampled_from([task.code, task.code.lower(), task.code.replace(".", " "),
                                             f" {task.code} ", task.code + ".", task.code.upper()]))
        status_written = draw(st.sampled_from(STATUS_SPELLINGS[status])) if "status" in fields else None
        if status_written is not None and draw(st.booleans()):
            status_written = unicodedata.normalize("NFD", status_written)
        progress_written = None
        if "progress" in fields and (status_written is None or draw(st.booleans())):
            value = {NOT_STARTED: 0, DONE: 100}.get(status, draw(st.integers(1, 99)))
            progress_written = draw(st.sampled_from([value, f"{value}%", f"{value} %", str(value)]))
        completed_on = date_written = None
        if status == DONE and "completed_on" in fields:
            completed_on = draw(st.dates(dt.date(2024, 1, 1), report_date))
            date_written = _date_forms(draw, completed_on, fmt, epoch_1904)
        row_texts = {f: draw(texts()) for f in ("result", "difficulties", "proposals", "note") if f in fields}
        continuation = draw(texts()) if fmt == "xlsx" and "result" in fields and draw(st.integers(0, 5)) == 0 else ""
        rows.append(Row(task.code, code_written, status, status_written, progress_written, completed_on,
                        date_written, row_texts, continuation))
    unit_line = draw(st.sampled_from([None, unit_obj.name, *unit_obj.aliases, unit_obj.name.upper(),
                                      unicodedata.normalize("NFD", unit_obj.name)]))
    date_line = draw(st.sampled_from([None, "text", "date"]))
    if date_line == "text":
        date_line = draw(st.sampled_from(DATE_TEXT_FORMS[:1] + DATE_TEXT_FORMS[5:6])).format(
            d=report_date.day, m=report_date.month, y=report_date.year, y2=report_date.year % 100)
    elif date_line == "date":
        date_line = report_date
    stem = f"{unit}_{report_date.isoformat()}" if unit_line is None or date_line is None else \
        draw(st.sampled_from([f"{unit}_{report_date.isoformat()}", "bao cao", "Báo cáo quý ⟨mới⟩", "x"]))
    ext = {"xlsx": ".xlsx", "ods": ".ods", "xls": ".xls"}[fmt]
    headings = draw(st.lists(st.tuples(st.integers(0, len(rows)), st.sampled_from(
        ["II.1 Về công tác dân vận", "III. Nhiệm vụ cụ thể", "Người lập biểu", "TRƯỞNG PHÒNG"])), max_size=2))
    return Spec(fmt, unit, report_date, unit_line, date_line, stem + ext, draw(st.integers(0, 10)), list(columns),
                labels, rows, epoch_1904, draw(st.booleans()), fmt == "xlsx" and draw(st.booleans()),
                draw(st.booleans()), draw(st.booleans()), headings)


# ------------------------------------------------------------------ writing a spec


def spec_grid(spec: Spec) -> tuple[list[list], list[tuple[int, int, int, int]], int]:
    """The table sheet as a grid of values, its merges (0-based r0, c0, r1, c1) and the header row index."""
    width = len(spec.columns)
    grid: list[list] = []
    merges = []
    if spec.unit_line is not None:
        grid.append(["Đơn vị:", spec.unit_line] + [None] * (width - 2))
    if spec.date_line is not None:
        grid.append(["Ngày báo cáo:", spec.date_line] + [None] * (width - 2))
    for _ in range(spec.title_rows):
        grid.append([None] * width)
    if spec.merge_title:
        grid.insert(0, ["BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ"] + [None] * (width - 1))
        merges.append((0, 0, 0, width - 1))
    header = len(grid)
    grid.append([spec.labels.get(c, c) for c in spec.columns])
    col = {c: i for i, c in enumerate(spec.columns)}
    for position, row in enumerate(spec.rows):
        for at, heading in spec.headings:
            if at == position:  # a section heading or signature line, in the code column
                line = [None] * width
                line[col["task_code"]] = heading
                grid.append(line)
        values: list = [None] * width
        values[col["task_code"]] = row.code_written
        if "status" in col:
            values[col["status"]] = row.status_written
        if "progress" in col:
            values[col["progress"]] = row.progress_written
        if "completed_on" in col:
            values[col["completed_on"]] = row.date_written
        if "task_text" in col:
            values[col["task_text"]] = "Nội dung theo kế hoạch"
        for name, text in row.texts.items():
            values[col[name]] = text
        for extra in EXTRA_HEADERS:
            if extra in col:
                values[col[extra]] = "x"
        grid.append(values)
        if row.continuation:
            cont = [None] * width
            cont[col["result"]] = row.continuation
            grid.append(cont)
            merges.append((len(grid) - 2, col["task_code"], len(grid) - 1, col["task_code"]))
    return grid, merges, header


class WriterRefused(Exception):
    """The spreadsheet writer cannot store a generated value (not reportkit's business)."""


def write_spec(spec: Spec) -> bytes:
    grid, merges, _ = spec_grid(spec)
    if spec.fmt == "xlsx":
        return write_xlsx([("Tiến độ", grid, merges)], epoch_1904=spec.epoch_1904, cover=spec.cover_sheet,
                          hidden=spec.hidden_sheet, guide=spec.guide_sheet)
    if spec.fmt == "ods":
        return write_ods([("Tiến độ", grid)])
    return write_xls([("Tiến độ", grid)])


def write_xlsx(sheets, **kw) -> bytes:
    try:
        return _write_xlsx(sheets, **kw)
    except (ValueError, TypeError, OverflowError) as exc:
        raise WriterRefused(exc) from exc


def _write_xlsx(sheets, *, epoch_1904=False, cover=False, hidden=False, guide=False, font=None) -> bytes:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    if cover:
        ws = wb.create_sheet("Bìa")
        ws["A1"] = "BÁO CÁO TIẾN ĐỘ"
        ws["A3"] = "Kính gửi: Lãnh đạo Trung tâm"
    for name, grid, merges in sheets:
        ws = wb.create_sheet(name)
        for r, row in enumerate(grid, 1):
            for c, value in enumerate(row, 1):
                if value is None:
                    continue
                cell = ws.cell(r, c)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # as Excel stores typed text: never a formula
                elif isinstance(value, (dt.date, dt.datetime)):
                    cell.number_format = "DD/MM/YYYY"
                if font:
                    cell.font = Font(name=font)
        for r0, c0, r1, c1 in merges:
            if (r0, c0) != (r1, c1):
                ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    if guide:
        ws = wb.create_sheet("Hướng dẫn")
        ws["A1"] = "Mã nhiệm vụ"
        ws["B1"] = "Tình trạng"
        ws["A2"] = "III.9"
    if hidden:
        ws = wb.create_sheet("Ẩn")
        ws["A1"] = "Mã nhiệm vụ"
        ws["B1"] = "Tình trạng"
        ws["A2"] = "III.1"
        ws["B2"] = "???"
        ws.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return fix_zip_times(buf.getvalue(), FIXED_TIME)  # same spec, same bytes


def write_ods(sheets) -> bytes:
    try:
        return _write_ods(sheets)
    except (ValueError, TypeError, OverflowError, AttributeError) as exc:
        raise WriterRefused(exc) from exc


def _write_ods(sheets) -> bytes:
    import pandas as pd

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="odf") as writer:
        for name, grid in sheets:
            width = max((len(r) for r in grid), default=1)
            frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in grid], dtype=object)
            frame.to_excel(writer, sheet_name=name, header=False, index=False)
    return buf.getvalue()


def write_xls(sheets) -> bytes:
    try:
        return _write_xls(sheets)
    except (ValueError, TypeError, OverflowError, Exception) as exc:  # xlwt raises plain Exception too
        raise WriterRefused(exc) from exc


def _write_xls(sheets) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, grid in sheets:
        ws = book.add_sheet(name)
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, (dt.date, dt.datetime)):
                    ws.write(r, c, value, date_style)
                else:
                    ws.write(r, c, value)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def save(tmp_path_factory, name: str, data: bytes):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ properties


def check_submission_shape(sub, plan) -> None:
    """What every Submission must look like, whatever the input."""
    codes = set(plan.task_codes)
    for f in sub.findings:
        assert isinstance(f, Finding) and f.code in intake.SEVERITY and f.severity in (ERROR, WARNING), f
        for text in (f.message, f.fix):
            assert text and unicodedata.is_normalized("NFC", text), f
    for row in sub.rows:
        assert row.task_code in codes
        assert row.status in (*ROW_STATUSES, None)
        assert row.progress is None or 0 <= row.progress <= 100
        assert row.completed_on is None or isinstance(row.completed_on, dt.date)
        for text in (row.result, row.difficulties, row.proposals, row.note):
            assert text == to_nfc(text) and text == text.strip()
            assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" or ch in HIDDEN for ch in text), repr(text)
    if sub.unit is not None:
        assert sub.unit in plan.unit_codes


@settings(max_examples=examples(50), **SETTINGS)
@given(spec=valid_specs())
def test_valid_rows_round_trip_into_the_status_table(spec, tmp_path_factory):
    plan = plan_()
    path = save(tmp_path_factory, spec.filename, write_spec(spec))
    sub = intake.read_workbook(path, plan)
    check_submission_shape(sub, plan)
    errors = [f for f in sub.findings if f.severity == ERROR]
    assert errors == [], [(f.code, f.row, f.column, f.value, f.message) for f in errors]
    assert (sub.unit, sub.report_date) == (spec.unit, spec.report_date)
    got = {r.task_code: r for r in sub.rows}
    assert sorted(got) == sorted(r.code for r in spec.rows)
    table = assess(plan, [sub], "2024", as_of=spec.report_date)
    mine = table[table["unit_code"] == spec.unit]
    for row in spec.rows:
        read = got[row.code]
        assert read.status == row.status, (row.code, row.status_written, row.progress_written)
        assert read.completed_on == row.completed_on, (row.code, row.date_written)
        want = {name: expected_text(text) for name, text in row.texts.items()}
        if row.continuation:
            want["result"] = clean_text(want["result"] + "\n" + expected_text(row.continuation))
        for name, text in want.items():
            assert getattr(read, name) == text, (name, row.texts[name])
        lines = mine[mine["task_code"] == row.code]
        assert len(lines) >= 1
        assert set(lines["row_status"]) == {row.status}
        assert set(lines["result"]) == {want.get("result", "")}
        for name in ("difficulties", "proposals"):
            assert set(lines[name]) == {want.get(name, "")}
        assert all(note.startswith(want.get("note", "")) for note in lines["note"])  # the unit's note comes first
        if row.status == DONE and plan.task(row.code).due.kind not in ("months",):
            expected_day = row.completed_on or spec.report_date  # done without a date: the report date
            assert set(lines["completed_on"].dt.date) == {expected_day}


# Anything a cell may hold, including what the parsers find awkward.
ODD_DATES = [dt.datetime(1900, 1, 1), dt.datetime(1900, 2, 28), dt.datetime(1900, 3, 1), dt.datetime(1904, 1, 1),
             dt.datetime(1970, 1, 1), dt.datetime(2024, 2, 29), dt.datetime(2099, 12, 31), dt.datetime(9999, 12, 31),
             dt.datetime(2024, 3, 5, 23, 59, 59)]
ODD_NUMBERS = [0, 1, 59, 60, 61, -1, 0.5, 0.999, 1e-9, 100, 100.0001, 2958465, 2958466, 45356, 45356.75, 1e15,
               -1e300, 1e300, float("nan"), float("inf"), True, False]
ODD_TEXTS = ["", " ", "III.1", "iii 1", "II.1.Đ", "II.1.d", "III.9", "IV", "I.1.a.b.c", "III.1.", ".", "-", "=1+2",
             "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+1", "\t=1", "31/02/2024", "29/02/2023", "00/00/0000",
             "2024-13-45", "ngày 32 tháng 13 năm 2024", "1/1/1", "05/03/99999", "75%", "75,5", "-5", "101", "1e5",
             "∞", "NaN", "Đã hoàn thành", "Hoàn thành", "HT", "Tạm dừng", "Chưa", "Thường xuyên", "Đơn vị:",
             "Ngày báo cáo:", "Đơn vị: Phòng Ma", "Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Ngày hoàn thành",
             "Kết quả thực hiện", "Hoµn thµnh", "Chøc n¨ng", "Hoaøn thaønh", "Sôn La", "<script>alert(1)</script>",
             "{{ 7*7 }}", "{% raw %}", "\\section{x}", "$x$", "**b**", "\u202egnp.exe", "a\u200bb", "\ufeffMã",
             "x" * 300, "Đ" * 40, "ﬁ", "Ⅲ.1", "III．1", "ⅠⅠⅠ.1", "１２", "\u0301", "̉a", "🙂", "𝐌ã", "_x0007_",
             "_x0000_", "a_x001F_b"]


def _writable(value) -> bool:
    """What XML 1.0 can hold at all (no C0 controls, no lone surrogates): the writers refuse the rest."""
    if isinstance(value, str):
        return not any(ord(ch) < 32 and ch not in "\t\n\r" or 0xD800 <= ord(ch) <= 0xDFFF or ch in "\ufffe\uffff"
                       for ch in value)
    return True


def odd_values():
    return st.one_of(st.none(), st.sampled_from(ODD_TEXTS), st.sampled_from(ODD_NUMBERS), st.sampled_from(ODD_DATES),
                     st.text(max_size=30), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                     st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))).filter(_writable)


@st.composite
def junk_workbooks(draw) -> tuple[str, bytes]:
    """A workbook of 1–3 sheets of odd values, maybe around a partly valid table; any format."""
    fmt = draw(st.sampled_from(["xlsx"] * 4 + ["ods", "xls"]))
    sheets = []
    for i in range(draw(st.integers(1, 3))):
        height, width = draw(st.integers(0, 16)), draw(st.integers(1, 10))
        grid = [draw(st.lists(st.one_of(st.none(), odd_values()), min_size=width, max_size=width))
                for _ in range(height)]
        if grid and draw(st.booleans()):  # a header among the junk
            at = draw(st.integers(0, len(grid) - 1))
            labels = draw(st.lists(st.sampled_from([*HEADER_SPELLINGS["task_code"], *HEADER_SPELLINGS["status"],
                                                    *HEADER_SPELLINGS["progress"], *HEADER_SPELLINGS["completed_on"],
                                                    *HEADER_SPELLINGS["result"], "STT"]),
                                   min_size=1, max_size=width))
            grid[at][:len(labels)] = labels
        merges = []
        for _ in range(draw(st.integers(0, 3)) if grid else 0):
            r0, c0 = draw(st.integers(0, len(grid) - 1)), draw(st.integers(0, width - 1))
            merges.append((r0, c0, draw(st.integers(r0, len(grid) + 5)), draw(st.integers(c0, width + 2))))
        name = draw(st.sampled_from(["Sheet1", "Tiến độ", "Hướng dẫn", "\u202eredaeh", "Bảng\u200b1", "1", "Báo cáo"]))
        sheets.append((f"{name}{i}"[:31], grid, merges))
    try:
        if fmt == "xlsx":
            data = write_xlsx(sheets, epoch_1904=draw(st.booleans()), cover=draw(st.booleans()),
                              hidden=draw(st.booleans()),
                              font=draw(st.sampled_from([None, None, ".VnTime", "VNI-Times", ".VnTimeH"])))
        elif fmt == "ods":
            data = write_ods([(n, g) for n, g, _ in sheets])
        else:
            data = write_xls([(n, g) for n, g, _ in sheets])
    except WriterRefused:
        assume(False)
    name = draw(st.sampled_from(["hcth_2024-03-05", "bhtn 05.03.2024", "x", "tv-gtvl_20240305", "Lãnh đạo_2024-02-30"]))
    return name + "." + fmt, data


@settings(max_examples=examples(50), **SETTINGS)
@given(case=junk_workbooks())
def test_any_workbook_yields_rows_or_findings_and_never_an_exception(case, tmp_path_factory):
    plan = plan_()
    name, data = case
    path = save(tmp_path_factory, name, data)
    sub = intake.read_workbook(path, plan)
    check_submission_shape(sub, plan)
    assert sub.rows or sub.findings or sub.unit is not None
    status = assess(plan, [sub], "2024-Q1")
    assert len(status) and status["status"].notna().all()


@settings(max_examples=examples(40), **SETTINGS)
@given(spec=valid_specs(), data=st.data())
def test_damaged_bytes_give_findings_never_an_exception(spec, data, tmp_path_factory):
    plan = plan_()
    raw = bytearray(write_spec(spec))
    for _ in range(data.draw(st.integers(1, 8))):
        kind = data.draw(st.sampled_from(["flip", "truncate", "zero", "insert"]))
        at = int(data.draw(st.floats(0, 1, exclude_max=True)) * len(raw))  # draws independent of the file's length
        if kind == "flip":
            raw[at] ^= data.draw(st.integers(1, 255))
        elif kind == "truncate":
            del raw[at:]
            if not raw:
                break
        elif kind == "zero":
            raw[at:at + 64] = bytes(len(raw[at:at + 64]))
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=32))
    path = save(tmp_path_factory, spec.filename, bytes(raw))
    sub = intake.read_workbook(path, plan)
    check_submission_shape(sub, plan)
    assert sub.rows or sub.findings


# ------------------------------------------------------------------ dates and encodings, one by one


@pytest.mark.parametrize("epoch_1904", [False, True])
@pytest.mark.parametrize("day", [dt.date(2024, 1, 1), dt.date(2024, 2, 29), dt.date(2024, 3, 1), dt.date(2024, 12, 31)])
def test_excel_dates_read_the_same_in_the_1900_and_1904_systems(day, epoch_1904, tmp_path, plan):
    spec_rows = [["Đơn vị:", "Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo:", dt.date(2024, 12, 31)],
                 ["Mã nhiệm vụ", "Tình trạng", "Ngày hoàn thành"], ["III.2", "Đã hoàn thành", day]]
    path = tmp_path / "hcth.xlsx"
    path.write_bytes(write_xlsx([("S", spec_rows, [])], epoch_1904=epoch_1904))
    sub = intake.read_workbook(path, plan)
    assert [r.completed_on for r in sub.rows] == [day]


@pytest.mark.parametrize(("serial", "code"), [(0, "bad_date"), (1, "implausible_date"), (59, "implausible_date"),
                                               (60, "implausible_date"), (61, "implausible_date"),
                                               (2958465, "implausible_date"), (2958466, "bad_date"),
                                               (-1, "bad_date"), (45352, None)])
def test_serials_near_zero_and_60_and_far_future_are_findings_not_dates(serial, code, tmp_path, plan):
    """Serial 60 is Excel's 29/02/1900, a day that never was; none of these is a 2024 completion date."""
    rows = [["Đơn vị:", "Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo:", "05/03/2024"],
            ["Mã nhiệm vụ", "Tình trạng", "Ngày hoàn thành"], ["III.2", "Đã hoàn thành", serial]]
    path = tmp_path / "hcth.xlsx"
    path.write_bytes(write_xlsx([("S", rows, [])]))
    sub = intake.read_workbook(path, plan)
    if code is None:
        assert [r.completed_on for r in sub.rows] == [dt.date(2024, 3, 1)] and sub.findings == []
    else:
        assert [f.code for f in sub.findings] == [code] and sub.rows == []


@settings(max_examples=examples(20), **SETTINGS)
@given(phrase=st.lists(st.sampled_from(["Đã", "tổ", "chức", "hội", "nghị", "quán", "triệt", "dân", "chủ", "cơ", "sở",
                                        "việc", "làm", "người", "lao", "động", "năm", "tháng", "kết", "quả"]),
                       min_size=2, max_size=8).map(" ".join),
       encoding=st.sampled_from([legacy.TCVN3, legacy.VNI]))
def test_legacy_encoded_text_comes_back_as_the_unicode_it_encodes(phrase, encoding, tmp_path_factory):
    plan = plan_()
    encoded = legacy.encode_tcvn3(phrase, lower_unencodable=True) if encoding == legacy.TCVN3 else \
        legacy.encode_vni(phrase)
    assume(encoded != phrase)
    font = ".VnTime" if encoding == legacy.TCVN3 else "VNI-Times"

    def encode(text: str) -> str:  # an old template: every text typed in the legacy font
        return legacy.encode_tcvn3(text, lower_unencodable=True) if encoding == legacy.TCVN3 else legacy.encode_vni(text)

    rows = [[encode("Đơn vị:"), encode("Phòng Hành chính – Tổng hợp")], [encode("Ngày báo cáo:"), "05/03/2024"],
            [encode("Mã nhiệm vụ"), encode("Tình trạng"), encode("Kết quả thực hiện")],
            ["III.2", encode("Đang thực hiện"), encoded]]
    path = save(tmp_path_factory, "hcth.xlsx", write_xlsx([("S", rows, [])], font=font))
    sub = intake.read_workbook(path, plan)
    expected = phrase if encoding == legacy.VNI else to_nfc(legacy.convert_tcvn3(encoded))
    assert [r.result for r in sub.rows] == [expected]
    assert {f.code for f in sub.findings} <= {"legacy_converted"}


DAMAGED = sorted((Path(__file__).resolve().parent / "data" / "damaged").iterdir())


@pytest.mark.parametrize("path", DAMAGED, ids=[p.name for p in DAMAGED])
def test_damaged_files_the_fuzzer_found_give_a_corrupt_finding(path, plan, tmp_path):
    """Each file once escaped intake as an exception (zip, zlib or a panic in the Rust reader)."""
    target = tmp_path / f"hcth_2024-03-05{path.suffix}"
    target.write_bytes(path.read_bytes())
    sub = intake.read_workbook(target, plan)
    assert [f.code for f in sub.findings] == ["corrupt"] and sub.rows == []


def test_a_table_with_a_header_and_no_task_rows_gets_a_warning(plan, tmp_path):
    path = tmp_path / "hcth_2024-03-05.xlsx"
    path.write_bytes(write_xlsx([("S", [["Đơn vị:", "Phòng Hành chính – Tổng hợp"], [],
                                        ["Mã nhiệm vụ", "Tình trạng", "Kết quả thực hiện"]], [])]))
    sub = intake.read_workbook(path, plan)
    assert [(f.code, f.row) for f in sub.findings] == [("no_task_rows", 3)] and not sub.rows
