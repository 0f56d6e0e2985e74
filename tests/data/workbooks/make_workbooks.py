"""Rebuild the workbook fixtures of this folder (run from the project root).

    python tests/data/workbooks/make_workbooks.py

One real file per accepted variant and per bad input, named by behaviour:

* ``ok_<variant>.*``          read with no error finding;
* ``warn_<code>[__what].*``   no error, and a warning with that finding code;
* ``bad_<code>[__what].*``    an error finding with that code.

``tests/test_intake.py`` is parametrized over this folder, so a new file is a
new test; ``expected.yaml`` (written by hand) adds what the rows must hold.
The files are reproducible: the same code writes the same bytes (except the
password-protected file, whose encryption salt is random).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from reportkit.intake.legacy import encode_tcvn3, encode_vni  # noqa: E402
from reportkit.plan.load import load_plan  # noqa: E402
from reportkit.intake.template import (  # noqa: E402
    DATE_ROW,
    HEADER_ROW,
    VALUE_COLUMN,
    build_template,
    column_of,
    fix_zip_times,
    save_workbook,
)

D = dt.date
CREATED = dt.datetime(2024, 3, 5, 9, 0)
HEAD = ["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Ngày hoàn thành", "Kết quả thực hiện",
        "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"]
TITLE = [["Đơn vị:", "Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo:", D(2024, 3, 5)], []]
# The standard five rows (expected.yaml: &standard).
ROWS = [
    ["II.1.a", "Tiếp tục triển khai thực hiện các văn bản chỉ đạo về công tác dân vận", "Đang thực hiện", None, None,
     "Quán triệt tại cuộc họp giao ban phòng ngày 04/3/2024.", None, None, None],
    ["II.1.đ", "Thực hiện nghiêm trách nhiệm tiếp công dân của người đứng đầu", "Đang thực hiện", None, None,
     "Không có đơn thư khiếu nại, tố cáo.", None, None, None],
    ["III.1", "Tổ chức quán triệt, tuyên truyền, phổ biến các văn bản", "Đang thực hiện", 50, None,
     "Tuyên truyền tại 2 cuộc họp của phòng.", None, None, None],
    ["III.2", "Tổ chức Hội nghị viên chức, người lao động năm 2024", "Đã hoàn thành", 100, D(2024, 1, 26),
     "Đã tổ chức Hội nghị ngày 26/01/2024, 45/47 người tham dự.", None, None, None],
    ["III.5", "Tổ chức Hội nghị đối thoại trực tiếp", "Đang thực hiện", 40, None,
     "Đã xây dựng dự thảo kế hoạch tổ chức Hội nghị.", "Chưa bố trí được thời gian tổ chức.",
     "Đề nghị Lãnh đạo Trung tâm chỉ đạo bố trí thời gian.", "Dự kiến quý II"],
]


def book(rows: list[list], *, title: str = "Báo cáo", date_cols: tuple[int, ...] = (4,)):
    """A one-sheet openpyxl workbook holding ``rows`` from A1; date cells shown dd/mm/yyyy."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is None or value == "":
                continue
            cell = ws.cell(r, c, value)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    return wb


def standard(rows=None, title=TITLE, head=HEAD):
    return [*title, head, *(rows if rows is not None else ROWS)]


def save(wb, name: str) -> None:
    save_workbook(wb, HERE / name, created=CREATED)


def workbook_bytes(wb) -> bytes:
    """The .xlsx bytes of ``wb``, reproducibly dated."""
    buf = io.BytesIO()
    wb.properties.created = CREATED
    wb.save(buf)
    return fix_zip_times(buf.getvalue(), CREATED)


def with_row(code: str, **changes) -> list[list]:
    """The standard rows with the row of ``code`` changed (by header name)."""
    rows = [list(r) for r in ROWS]
    for row in rows:
        if row[0] == code:
            for name, value in changes.items():
                row[HEAD.index(name)] = value
    return rows


# ------------------------------------------------------------------ accepted variants


def ok_files(plan) -> None:
    # The canonical template, filled in with openpyxl as a department would.
    wb = build_template(plan, "hcth", "2024-Q1")
    ws = wb.worksheets[0]
    ws[f"{VALUE_COLUMN}{DATE_ROW}"] = D(2024, 3, 5)
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        code = ws[f"A{r}"].value
        if code == "III.2":
            ws[f"{column_of('status')}{r}"] = "Đã hoàn thành"
            ws[f"{column_of('completed_on')}{r}"] = D(2024, 1, 26)
            ws[f"{column_of('result')}{r}"] = "Đã tổ chức Hội nghị ngày 26/01/2024."
        elif code and code.count(".") >= 1 and code not in ("II.1", "II.2"):
            ws[f"{column_of('status')}{r}"] = "Đang thực hiện"
            ws[f"{column_of('progress')}{r}"] = 30
    save(wb, "ok_template_filled.xlsx")

    # Title block with merged cells, header on row 8, sections as merged rows.
    from openpyxl.styles import Font

    rows = [["TRUNG TÂM DỊCH VỤ VIỆC LÀM"], ["PHÒNG HÀNH CHÍNH – TỔNG HỢP"], [],
            ["BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 3/2024"],
            ["Đơn vị: Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo: 05/03/2024"], [], HEAD,
            ["II", "NỘI DUNG TRỌNG TÂM"], *ROWS[:2], ["III", "NHIỆM VỤ CỤ THỂ"], *ROWS[2:], [],
            [None, "Người lập biểu", None, None, None, None, None, None, None, "TRƯỞNG PHÒNG"]]
    wb = book(rows)
    ws = wb.active
    for rng in ("A1:D1", "A2:D2", "A4:I4", "A5:D5", "A6:D6", "B9:I9", "B12:I12"):
        ws.merge_cells(rng)
    ws["A1"].font = Font(bold=True)
    save(wb, "ok_title_rows_merged.xlsx")

    # The report date only in the official place-and-date line.
    rows = [["TRUNG TÂM DỊCH VỤ VIỆC LÀM", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["Đơn vị: Phòng Hành chính – Tổng hợp", None, None, "Sơn La, ngày 05 tháng 3 năm 2024"], []]
    save(book([*rows, HEAD, *ROWS]), "ok_report_date_in_place_line.xlsx")

    # Header far down (row 18 of the 20 searched).
    rows = [["Đơn vị: Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo: 05/03/2024"]] + [[] for _ in range(15)]
    save(book(rows + [HEAD, *ROWS]), "ok_header_at_row_18.xlsx")

    # Extra columns (STT, Người phụ trách), columns reordered.
    order = [8, 5, 2, 0, 4, 1, 3, 6, 7]
    head = ["STT"] + [HEAD[i] for i in order] + ["Người phụ trách"]
    rows = [[n] + [r[i] for i in order] + ["Trưởng phòng"] for n, r in enumerate(ROWS, 1)]
    save(book([*TITLE, head, *rows], date_cols=(2,)), "ok_extra_reordered_columns.xlsx")

    # Blank rows between and after the task rows.
    rows = [ROWS[0], [], ROWS[1], [], [], ROWS[2], ROWS[3], [], ROWS[4], [], []]
    save(book(standard(rows)), "ok_blank_rows.xlsx")

    # Headers in other case, spacing and dash kind, with remarks and required marks.
    head = ["MÃ  NHIỆM VỤ *", "nội dung nhiệm vụ", " Tình  Trạng ", "Tiến độ(%)", "Ngày hoàn thành (dd/mm/yyyy)",
            "KẾT QUẢ THỰC HIỆN", "Khó khăn – vướng mắc", "Đề xuất - kiến nghị", "ghi chú:"]
    save(book(standard(head=head)), "ok_headers_case_spacing_dashes.xlsx")

    # NFD text everywhere (saved from a Mac), and old tone placement (hoà, Tình trạng typed apart).
    nfd = [[unicodedata.normalize("NFD", v) if isinstance(v, str) else v for v in row] for row in standard()]
    save(book(nfd), "ok_nfd_headers.xlsx")
    rows = with_row("III.2", **{"Tình trạng": "Đã hòan thành"})  # tone on the wrong vowel
    rows = [[*r] for r in rows]
    save(book(standard(rows, head=["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tình trạng", "Tiến độ (%)",
                                   "Ngày hoàn thành", "Kết quả thực hiện", "Khó khăn, vướng mắc",
                                   "Đề xuất, kiến nghị", "Ghi chú"])), "ok_tone_placement.xlsx")

    # Status aliases people type.
    aliases = {"II.1.a": "đang TH", "II.1.đ": "Thường xuyên", "III.1": "ĐTH", "III.2": "HT", "III.5": "Đang thực hiện."}
    rows = [[r[0], r[1], aliases[r[0]], *r[3:]] for r in ROWS]
    save(book(standard(rows)), "ok_status_aliases.xlsx")

    # Progress only (no status column), written as 75%, 75,5, numbers.
    head = [h for h in HEAD if h != "Tình trạng"]
    progress = {"II.1.a": "30%", "II.1.đ": "75,5", "III.1": 50, "III.2": "100 %", "III.5": 0}
    rows = [[r[0], r[1], progress[r[0]], *r[4:]] for r in ROWS]
    save(book(standard(rows, head=head)), "ok_progress_only.xlsx")

    # Excel serial numbers in the date cells (not formatted as dates).
    rows = with_row("III.2", **{"Ngày hoàn thành": 45317})  # 26/01/2024
    title = [["Đơn vị:", "Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo:", 45356], []]  # 05/03/2024
    save(book(standard(rows, title=title)), "ok_excel_serial_dates.xlsx")

    # Dates typed as text, day first, in several spellings.
    rows = [list(r) for r in ROWS]
    rows[3][4] = "26/01/2024"
    rows.append(["III.3", "Ban hành Kế hoạch", "Đã hoàn thành", 100, "20/2/24", "Đã ban hành.", None, None, None])
    rows.append(["III.4", "Ban hành Quy chế dân chủ", "Đã hoàn thành", 100, "2024-03-01", "Đã ban hành.", None, None,
                 None])
    rows.append(["III.6", "Kiểm tra, đánh giá", "Đã hoàn thành", 100, "ngày 04 tháng 3 năm 2024", "Đã kiểm tra.",
                 None, None, None])
    title = [["Đơn vị:", "Phòng Hành chính – Tổng hợp"], ["Ngày báo cáo:", "05/03/2024"], []]
    save(book(standard(rows, title=title)), "ok_text_dates_day_first.xlsx")

    # Vertically merged code/status cells: the second line continues the task's result.
    rows = [list(r) for r in ROWS[:4]] + [
        ["III.5", "Tổ chức Hội nghị đối thoại trực tiếp", "Đang thực hiện", 40, None,
         "Đã xây dựng dự thảo kế hoạch.", None, None, None],
        [None, None, None, None, None, "Đã xin ý kiến Ban Chấp hành Công đoàn.", None, None, None],
    ]
    wb = book(standard(rows))
    for col in "ABCD":
        wb.active.merge_cells(f"{col}9:{col}10")
    save(wb, "ok_merged_continuation_rows.xlsx")

    # A two-row header: a group title merged over its sub-headers.
    top = ["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Thực hiện", None, None, "Kết quả, khó khăn, đề xuất", None, None,
           "Ghi chú"]
    sub = [None, None, "Tình trạng", "Tiến độ (%)", "Ngày hoàn thành", "Kết quả thực hiện", "Khó khăn, vướng mắc",
           "Đề xuất, kiến nghị", None]
    wb = book([*TITLE, top, sub, *ROWS])
    for rng in ("A4:A5", "B4:B5", "C4:E4", "F4:H4", "I4:I5"):
        wb.active.merge_cells(rng)
    save(wb, "ok_two_row_header.xlsx")

    # Unit and date from the file name only.
    save(book([HEAD, *ROWS]), "ok_unit_from_filename__hcth_2024-03-05.xlsx")

    # Instructions sheet first, a hidden sheet, then the table.
    wb = book([["Hướng dẫn: điền các cột Tình trạng, Ngày hoàn thành."]], title="Hướng dẫn")
    hidden = wb.create_sheet("Danh sach an")
    hidden["A1"] = "Mã nhiệm vụ"
    hidden["B1"] = "Tình trạng"
    hidden["A2"] = "XYZ"
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("Số liệu")
    for r, row in enumerate(standard(), 1):
        for c, v in enumerate(row, 1):
            if v not in (None, ""):
                ws.cell(r, c, v)
    save(wb, "ok_instruction_and_hidden_sheets.xlsx")

    # A cover sheet without a table before the table sheet.
    wb = book([["BÁO CÁO THÁNG 3/2024"], ["Phòng Hành chính – Tổng hợp"]], title="Bìa")
    ws = wb.create_sheet("Bảng")
    for r, row in enumerate(standard(), 1):
        for c, v in enumerate(row, 1):
            if v not in (None, ""):
                ws.cell(r, c, v)
    save(wb, "ok_cover_sheet_first.xlsx")

    # Macro-enabled workbook (.xlsm: the macro-enabled content type, no macros).
    save_xlsm(workbook_bytes(book(standard())), HERE / "ok_macro_enabled.xlsm")

    # Old .xls (BIFF8) and LibreOffice .ods.
    write_xls(standard(), HERE / "ok_old_format.xls")
    write_ods(standard(), HERE / "ok_libreoffice.ods")


def save_xlsm(xlsx: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            dst.writestr(info, data)
    path.write_bytes(fix_zip_times(out.getvalue(), CREATED))


def write_xls(rows: list[list], path: Path, *, font: str | None = None) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Bao cao")
    style = xlwt.XFStyle()
    if font:
        style.font = xlwt.Font()
        style.font.name = font
    date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            ws.write(r, c, value, date_style if isinstance(value, dt.date) else style)
    wb.save(str(path))


def write_ods(rows: list[list], path: Path) -> None:
    import pandas as pd

    width = max(len(r) for r in rows)
    frame = pd.DataFrame([[*(pd.Timestamp(v) if isinstance(v, dt.date) else v for v in r),
                           *([None] * (width - len(r)))] for r in rows])
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Báo cáo", index=False, header=False)
    path.write_bytes(fix_zip_times(buf.getvalue(), CREATED))


# ------------------------------------------------------------------ warnings


def legacy_book(encode, font_name: str, title_font: str | None = None):
    """The standard sheet typed in an old encoding, every text cell in ``font_name``."""
    from openpyxl.styles import Font

    wb = book(standard())
    for row in wb.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = encode(cell.value)
                cell.font = Font(name=font_name, size=13)
    return wb


def warn_files(plan) -> None:
    save(book(standard(with_row("III.2", **{"Ngày hoàn thành": None}))), "warn_done_without_date.xlsx")
    save(book(standard(with_row("III.5", **{"Ngày hoàn thành": D(2024, 3, 1)}))), "warn_date_without_done.xlsx")
    save(book(standard(with_row("III.1", **{"Tình trạng": None, "Tiến độ (%)": None}))), "warn_missing_status.xlsx")

    wb = book(standard(with_row("III.5", **{"Tiến độ (%)": 0.4})))
    wb.active["D8"].number_format = "0%"  # typed as 40% in Excel: stored 0.4
    save(wb, "warn_progress_fraction.xlsx")

    save(book(standard(with_row("III.1", **{"Tiến độ (%)": 100}))), "warn_status_progress_conflict.xlsx")

    title = [["Đơn vị:", "Phòng Tư vấn – Giới thiệu việc làm"], ["Ngày báo cáo:", D(2024, 3, 5)], []]
    save(book(standard(title=title)), "warn_task_not_assigned.xlsx")

    save(book(standard([*ROWS, ROWS[3]])), "warn_duplicate_task_same.xlsx")

    title = [["Đơn vị:", "Phòng Bảo hiểm thất nghiệp"], ["Ngày báo cáo:", D(2024, 3, 5)], []]
    rows = [r for r in ROWS if r[0] in ("II.1.a", "II.1.đ", "III.1")]
    save(book(standard(rows, title=title)), "warn_unit_mismatch__hcth.xlsx")

    title = [["Đơn vị:", "Phòng Kế hoạch – Tài chính"], ["Ngày báo cáo:", D(2024, 3, 5)], []]
    save(book(standard(rows, title=title)), "warn_unit_from_filename__bhtn.xlsx")

    head = HEAD + ["Tình trạng"]
    save(book(standard([[*r, "Xong"] for r in ROWS], head=head)), "warn_duplicate_column.xlsx")

    save(book(standard(with_row("III.2", **{"Ngày hoàn thành": D(2023, 12, 28)}))),
         "warn_completed_outside_year.xlsx")

    # Report dates that disagree with the file name or the period, where swapping day and month does not help.
    save(book(standard()), "warn_report_date_mismatch__hcth_2024-03-07.xlsx")
    period_q1 = [TITLE[0], ["Kỳ báo cáo:", "Quý I năm 2024 (2024-Q1)"], ["Ngày báo cáo:", D(2024, 9, 20)], []]
    save(book(standard(title=period_q1)), "warn_report_date_outside_period.xlsx")

    save(book(standard([*ROWS, [None, None, None, None, None, "Các nhiệm vụ khác thực hiện theo kế hoạch.", None,
                                None, None]])), "warn_text_without_code.xlsx")

    # .xlsx content behind an .xls name.
    (HERE / "warn_extension_mismatch.xls").write_bytes(workbook_bytes(book(standard())))

    # Old Vietnamese encodings: TCVN3 with .VnTime fonts, VNI with VNI-Times, TCVN3 text in a Unicode font (.xls).
    save(legacy_book(lambda s: encode_tcvn3(s, lower_unencodable=True), ".VnTime"),
         "warn_legacy_converted__tcvn3_vntime.xlsx")
    save(legacy_book(encode_vni, "VNI-Times"), "warn_legacy_converted__vni_times.xlsx")
    rows = [[encode_tcvn3(v, lower_unencodable=True) if isinstance(v, str) else v for v in row] for row in standard()]
    write_xls(rows, HERE / "warn_legacy_converted__tcvn3_telltale.xls")
    # All-capitals .VnTimeH title over a .VnTime table.
    from openpyxl.styles import Font

    wb = legacy_book(lambda s: encode_tcvn3(s, lower_unencodable=True), ".VnTime")
    ws = wb.active
    ws.insert_rows(1)
    ws["A1"] = encode_tcvn3("trung tâm dịch vụ việc làm")
    ws["A1"].font = Font(name=".VnTimeH", size=13, bold=True)
    save(wb, "warn_legacy_converted__vntimeh_title.xlsx")


# ------------------------------------------------------------------ bad inputs


def bad_files(plan) -> None:
    (HERE / "bad_not_spreadsheet.xlsx").write_text("Mã nhiệm vụ;Tình trạng\nIII.1;Đang thực hiện\n", encoding="utf-8")
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", CREATED.timetuple()[:6]), "<Types/>")
        z.writestr(zipfile.ZipInfo("word/document.xml", CREATED.timetuple()[:6]), "<w:document/>")
    (HERE / "bad_not_spreadsheet__word_document.xlsx").write_bytes(docx.getvalue())

    good = io.BytesIO(workbook_bytes(book(standard())))
    (HERE / "bad_corrupt__truncated.xlsx").write_bytes(good.getvalue()[:3000])
    (HERE / "bad_corrupt__ole_garbage.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    (HERE / "bad_empty_file.xlsx").write_bytes(b"")

    # A zip bomb: 50 MB of zeros in a 50 KB file (ratio ≈ 1000).
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in ("[Content_Types].xml", "xl/workbook.xml"):
            z.writestr(zipfile.ZipInfo(name, CREATED.timetuple()[:6]), "<x/>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", CREATED.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, b"\0" * (50 * 2**20))
    (HERE / "bad_zip_bomb.xlsx").write_bytes(bomb.getvalue())

    # Password-protected (Agile encryption, password "matkhau").
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(good.getvalue())
    with open(HERE / "bad_password_protected.xlsx", "wb") as out:
        OOXMLFile(plain).encrypt("matkhau", out)

    save(book([]), "bad_empty_workbook.xlsx")
    save(book([["Báo cáo tháng 3"], ["Không có bảng"], ["III.1", "Đang làm"]]), "bad_no_header.xlsx")
    save(book(standard([r[1:] for r in ROWS], head=HEAD[1:])), "bad_missing_column__task_code.xlsx")
    head = ["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Kết quả thực hiện"]
    save(book(standard([[r[0], r[1], r[5]] for r in ROWS], head=head)), "bad_missing_column__status.xlsx")
    save(book(standard([*ROWS, ["III.9", "Nhiệm vụ khác", "Đang thực hiện", 10, None, None, None, None, None],
                        ["II.1.dd", "Nội dung", "Đang thực hiện", None, None, None, None, None, None]])),
         "bad_unknown_task_code.xlsx")
    save(book(standard([*ROWS, with_row("III.2", **{"Kết quả thực hiện": "Đã tổ chức."})[3]])),
         "bad_duplicate_task.xlsx")
    save(book(standard(with_row("III.1", **{"Tình trạng": "Tạm dừng"}))), "bad_unknown_status.xlsx")
    save(book(standard(with_row("III.2", **{"Ngày hoàn thành": "cuối tháng 1"}))), "bad_bad_date.xlsx")
    save(book(standard(with_row("III.2", **{"Ngày hoàn thành": "31/02/2024"}))), "bad_impossible_date.xlsx")
    save(book(standard(with_row("III.2", **{"Ngày hoàn thành": D(2024, 3, 20)}))), "bad_completed_after_report.xlsx")
    save(book(standard(with_row("III.5", **{"Tiến độ (%)": 150}))), "bad_progress_range.xlsx")
    save(book(standard(with_row("III.5", **{"Tiến độ (%)": "khoảng một nửa"}))), "bad_bad_progress.xlsx")
    title = [["Đơn vị:", "Phòng Kế hoạch – Tài chính"], ["Ngày báo cáo:", D(2024, 3, 5)], []]
    save(book(standard(title=title)), "bad_unknown_unit.xlsx")
    save(book(standard(title=[["Đơn vị:", "Phòng Hành chính – Tổng hợp"], []])), "bad_no_report_date.xlsx")
    save(book(standard([*ROWS, [None, "Nhiệm vụ phát sinh", "Đã hoàn thành", 100, D(2024, 2, 1), None, None, None,
                                None]])), "bad_missing_task_code.xlsx")

    # A .VnTime cell whose bytes are not Vietnamese in any encoding.
    from openpyxl.styles import Font

    wb = book(standard())
    wb.active["F8"] = "ÐÞßðþ ×ØÜ"
    wb.active["F8"].font = Font(name=".VnTime")
    save(wb, "bad_legacy_unsafe.xlsx")


def main() -> int:
    plan = load_plan(ROOT / "data" / "plan" / "ttdvvl-2024.yaml")
    for old in HERE.iterdir():  # files made by LibreOffice (make_libreoffice.py, "__lo_" in the name) stay
        if old.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods") and "__lo_" not in old.name:
            old.unlink()
    ok_files(plan)
    warn_files(plan)
    bad_files(plan)
    count = sum(1 for p in HERE.iterdir() if p.suffix in (".xlsx", ".xlsm", ".xls", ".ods"))
    print(f"wrote {count} workbooks to {HERE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
