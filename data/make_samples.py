"""Write the sample department submissions for 2024 (deterministic; run from the project root).

    python data/make_samples.py            # rewrites data/submissions/2024/

A realistic year for every unit of the plan: one workbook per unit before each
distinct report deadline of the 2024 calendar (``reportkit calendar``), most
sent a few days early, some a day or two late, and one period missed. The
story the files tell:

* III.2 (Hội nghị viên chức) done 26/01, III.3 (Kế hoạch) done 20/02: on time;
* III.4 (Quy chế dân chủ) done 15/04, after its quý I deadline: late;
* III.5 (Hội nghị đối thoại) never done by the hcth lead: overdue all year;
* III.6 checked 20/06 (tháng 6) and 06/12 (tháng 12);
* III.7 (Cuộc thi, deadline set by the superior) took place in quý III;
* III.8 (đối thoại với Nhân dân) done 18/09, on time.

Milestone tasks (III.6) report the completion date of the milestone last
done: 20/06/2024 from July to November, 06/12/2024 in December.

A handful of files are messy on purpose, as real submissions are: title rows
with merged cells and renamed, reordered columns; NFD text (a Mac); text dates
and "75%" progress; one .xls (xlwt); one .ods (pandas + odfpy); one in the old
TCVN3 font encoding (.VnTime). Everything is derived from fixed tables, so the
same plan gives the same files byte for byte.
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportkit.fmt import format_date  # noqa: E402
from reportkit.intake.legacy import encode_tcvn3  # noqa: E402
from reportkit.periods import Period, build_calendar  # noqa: E402
from reportkit.plan.load import Plan, load_plan  # noqa: E402
from reportkit.intake.template import (  # noqa: E402
    DATE_ROW,
    HEADER_ROW,
    VALUE_COLUMN,
    build_template,
    column_of,
    fix_zip_times,
    save_workbook,
)

OUT = ROOT / "data" / "submissions" / "2024"
D = dt.date

# (unit, deadline) → days after the deadline's last day (late submissions).
LATE = {("bhtn", D(2024, 2, 10)): 1, ("tt-tttld", D(2024, 5, 20)): 1, ("tv-gtvl", D(2024, 9, 1)): 2,
        ("lanh-dao", D(2024, 10, 10)): 1}
# (unit, deadline) that was never sent.
MISSING = {("tt-tttld", D(2024, 8, 10))}
# (unit, deadline) → the messy form that submission takes.
MESSY = {
    ("tv-gtvl", D(2024, 3, 10)): "title_merged",
    ("lanh-dao", D(2024, 4, 10)): "xls",
    ("bhtn", D(2024, 6, 10)): "nfd",
    ("hcth", D(2024, 7, 10)): "ods",
    ("tt-tttld", D(2024, 9, 13)): "text_dates",
    ("bhtn", D(2024, 10, 10)): "tcvn3",
}
# Small data-quality slips that give warnings, not errors.
NO_DATE = {("hcth", D(2024, 3, 13), "III.3")}  # done, completion date left blank
BLANK = {("bhtn", D(2024, 5, 10), "II.1.g")}  # row left empty

COMPLETED = {
    "III.2": D(2024, 1, 26),
    "III.3": D(2024, 2, 20),
    "III.4": D(2024, 4, 15),
    "III.8": D(2024, 9, 18),
}
III6_DONE = (D(2024, 6, 20), D(2024, 12, 6))
III7_DONE = {"hcth": D(2024, 8, 12), "lanh-dao": D(2024, 8, 12), "tv-gtvl": D(2024, 8, 16),
             "bhtn": D(2024, 8, 20), "tt-tttld": D(2024, 9, 5)}
STAFF = {"lanh-dao": 3, "hcth": 9, "tv-gtvl": 14, "tt-tttld": 8, "bhtn": 11}


@dataclass
class Row:
    status: str = ""
    progress: float | None = None
    completed_on: dt.date | None = None
    result: str = ""
    difficulties: str = ""
    proposals: str = ""
    note: str = ""


# ------------------------------------------------------------------ the year's story


def scope(unit: str) -> str:
    return "toàn Trung tâm" if unit == "lanh-dao" else "phòng"


def content_row(plan: Plan, unit: str, code: str, day: dt.date, period: Period) -> Row:
    """A content item (II.x.y): ongoing, with what was done in the period."""
    n = 20 + 7 * day.month + 3 * list(STAFF).index(unit)
    when = f"Trong {period.label[0].lower()}{period.label[1:]}"
    sc = scope(unit)
    text = {
        "II.1.a": f"{when}, quán triệt các văn bản chỉ đạo về công tác dân vận của Trung ương, Tỉnh ủy, UBND tỉnh "
                  f"tại cuộc họp giao ban {sc}.",
        "II.1.b": f"{when}, tuyên truyền Luật Thực hiện dân chủ ở cơ sở đến viên chức, người lao động của {sc}; "
                  "thực hiện công khai các nội dung theo quy chế dân chủ.",
        "II.1.c": f"{when}, phối hợp với Công đoàn cơ sở lấy ý kiến góp ý xây dựng Đảng, xây dựng chính quyền.",
        "II.1.d": f"{when}, thực hiện công khai, minh bạch thủ tục hành chính; không có phản ánh về nhũng nhiễu, "
                  "phiền hà đối với người dân, doanh nghiệp.",
        "II.1.đ": f"{when}, tiếp nhận và trả lời kịp thời ý kiến của người lao động; không có đơn thư khiếu nại, "
                  "tố cáo.",
        "II.1.e": f"{when}, tiếp tục thực hiện mô hình “Dân vận khéo” trong tư vấn, hỗ trợ người lao động.",
        "II.1.g": f"{when}, tự kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính; không phát hiện vi phạm.",
        "II.2.a": f"{when}, phổ biến Nghị định số 59/2023/NĐ-CP đến toàn thể viên chức, người lao động của {sc}.",
        "II.2.b": f"{when}, quán triệt Chỉ thị số 39-CT/TU ngày 16/01/2024 của Ban Thường vụ Tỉnh ủy.",
        "II.2.c": {
            "lanh-dao": f"{when}, chỉ đạo đẩy mạnh cải cách thủ tục hành chính và dịch vụ công trực tuyến.",
            "hcth": f"{when}, tiếp nhận, xử lý {n} văn bản đến trên hệ thống quản lý văn bản điện tử.",
            "tv-gtvl": f"{when}, tư vấn, giới thiệu việc làm cho {n * 9} lượt người lao động; tổ chức "
                       f"{1 + day.month % 3} phiên giao dịch việc làm.",
            "tt-tttld": f"{when}, cập nhật thông tin cung – cầu lao động của {n} doanh nghiệp vào cơ sở dữ liệu.",
            "bhtn": f"{when}, tiếp nhận {n * 4} hồ sơ đề nghị hưởng trợ cấp thất nghiệp; giải quyết đúng hạn "
                    "100% hồ sơ.",
        }[unit],
        "II.2.d": f"{when}, thực hiện phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân "
                  "thụ hưởng” trong hoạt động chuyên môn.",
        "II.2.đ": f"{when}, rà soát quy trình nội bộ, đề xuất sửa đổi, bổ sung quy chế thực hiện dân chủ.",
    }[code]
    row = Row("Đang thực hiện", result=text)
    if unit == "tv-gtvl" and code == "II.2.c" and day.month in (3, 4, 5, 9, 10):
        row.difficulties = "Người lao động đến giao dịch đông vào đầu tuần, số viên chức tư vấn còn thiếu."
        row.proposals = "Đề nghị bổ sung 01 viên chức tư vấn tại Sàn giao dịch việc làm."
    if unit == "bhtn" and code == "II.1.đ" and day.month in (6, 7, 8):
        row.difficulties = ("Một số người lao động chưa nắm rõ quy định về thông báo tìm kiếm việc làm hằng "
                            "tháng.")
        row.proposals = ("Đề nghị tăng cường tuyên truyền chính sách bảo hiểm thất nghiệp trên Trang thông tin "
                         "điện tử của Trung tâm.")
    if unit == "tt-tttld" and code == "II.2.c" and day.month in (10, 11):
        row.difficulties = "Phần mềm thu thập thông tin cung – cầu lao động thường xuyên bị lỗi đường truyền."
        row.proposals = "Đề nghị Sở Lao động - Thương binh và Xã hội hỗ trợ nâng cấp đường truyền."
    return row


def task_row(plan: Plan, unit: str, code: str, day: dt.date, period: Period) -> Row:
    """A concrete task (III.n) as the unit reports it on ``day``."""
    lead = unit == "hcth"
    if code == "III.1":
        k = 1 + (day.month + len(unit)) % 3
        return Row("Đang thực hiện", result=f"Tuyên truyền, phổ biến các văn bản về công tác dân vận, dân chủ tại "
                                             f"{k} cuộc họp của {scope(unit)}; {STAFF[unit]}/{STAFF[unit]} viên chức, "
                                             "người lao động được quán triệt.")
    if code in COMPLETED:
        done = COMPLETED[code]
        texts = {
            "III.2": ("Đã tổ chức Hội nghị viên chức, người lao động năm 2024 ngày 26/01/2024"
                      + (" với 45/47 viên chức, người lao động tham dự." if lead else
                         "; Giám đốc Trung tâm chủ trì Hội nghị."),
                      "Đang chuẩn bị nội dung, báo cáo trình Hội nghị viên chức, người lao động."),
            "III.3": ("Đã ban hành Kế hoạch thực hiện công tác dân vận, dân chủ năm 2024 ngày 20/02/2024.",
                      "Đang xây dựng dự thảo Kế hoạch trên cơ sở Kế hoạch số 29/KH-SLĐTBXH ngày 06/02/2024."),
            "III.4": ("Đã ban hành Quy chế dân chủ ở cơ sở năm 2024 và sửa đổi Quy chế chi tiêu nội bộ ngày "
                      "15/4/2024.",
                      "Đang lấy ý kiến góp ý của Công đoàn và viên chức, người lao động vào dự thảo Quy chế."),
            "III.8": ("Đã tổ chức Hội nghị đối thoại trực tiếp với Nhân dân ngày 18/9/2024, 62 đại biểu tham dự.",
                      "Đang chuẩn bị địa điểm, thành phần và nội dung Hội nghị đối thoại."),
        }[code]
        if day >= done:
            return Row("Đã hoàn thành", 100, done, texts[0])
        if code == "III.8" and day.month < 7:
            return Row("Chưa thực hiện", 0, result="Theo kế hoạch, tổ chức trong quý III.")
        progress = {"III.2": 70, "III.3": 40 + 20 * day.month, "III.4": min(90, 25 * day.month),
                    "III.8": 30 + 10 * (day.month - 7)}[code]
        row = Row("Đang thực hiện", progress, result=texts[1])
        if code == "III.4" and day.month >= 3:
            row.difficulties = "Dự thảo Quy chế còn nhiều ý kiến khác nhau, phải tổ chức lấy ý kiến lần hai."
        return row
    if code == "III.5":
        progress = min(50, 10 * day.month)
        row = Row("Đang thực hiện", progress,
                  result="Đã xây dựng dự thảo kế hoạch tổ chức Hội nghị đối thoại; chưa tổ chức Hội nghị.")
        if day.month >= 3:
            row.difficulties = ("Lịch công tác của Lãnh đạo Trung tâm và Ban Chấp hành Công đoàn dày, chưa bố trí "
                                "được thời gian tổ chức Hội nghị đối thoại.")
            row.proposals = ("Đề nghị Lãnh đạo Trung tâm chỉ đạo bố trí thời gian tổ chức Hội nghị đối thoại "
                             "trong quý tới.")
        return row
    if code == "III.6":
        june, december = III6_DONE
        if day >= december:
            return Row("Đã hoàn thành", 100, december,
                       "Đã kiểm tra, đánh giá kết quả thực hiện Nghị quyết Hội nghị viên chức, người lao động "
                       "đợt tháng 12 ngày 06/12/2024.")
        if day >= june:
            return Row("Đã hoàn thành", 100, june,
                       "Đã kiểm tra, đánh giá kết quả thực hiện Nghị quyết Hội nghị viên chức, người lao động "
                       "6 tháng đầu năm ngày 20/6/2024.", note="Đợt tháng 12 thực hiện theo kế hoạch.")
        if day.month >= 6:
            return Row("Đang thực hiện", 60, result="Đang tổng hợp số liệu phục vụ kiểm tra, đánh giá đợt tháng 6.")
        return Row("Chưa thực hiện", 0, result="Theo kế hoạch, thực hiện vào tháng 6 và tháng 12.")
    if code == "III.7":
        done = III7_DONE[unit]
        if day >= done:
            n = STAFF[unit] - (1 if unit in ("tv-gtvl", "bhtn") else 0)
            return Row("Đã hoàn thành", 100, done,
                       f"{n}/{STAFF[unit]} viên chức, người lao động tham gia Cuộc thi tìm hiểu Luật Thực hiện "
                       "dân chủ ở cơ sở.")
        if day.month >= 7:
            return Row("Đang thực hiện", 50,
                       result="Đã phổ biến Thể lệ Cuộc thi; viên chức, người lao động đang đăng ký tham gia.")
        return Row("Chưa thực hiện", 0, result="Chưa nhận được kế hoạch tổ chức Cuộc thi của cấp trên.")
    raise KeyError(code)


def unit_rows(plan: Plan, unit: str, day: dt.date, period: Period, deadline: dt.date) -> dict[str, Row]:
    rows = {}
    for task in plan.tasks_for_unit(unit):
        if (unit, deadline, task.code) in BLANK:
            rows[task.code] = Row()
            continue
        make = content_row if task.kind == "content" else task_row
        row = make(plan, unit, task.code, day, period)
        if (unit, deadline, task.code) in NO_DATE:
            row.completed_on = None
        rows[task.code] = row
    return rows


def schedule(plan: Plan) -> list[tuple[str, dt.date, dt.date, Period]]:
    """(unit, report date, deadline, period) of every submission of the year."""
    deadlines: dict[dt.date, Period] = {}
    for report in build_calendar(plan):
        deadlines.setdefault(report.due_before, report.period)
    out = []
    for i, unit in enumerate(plan.unit_codes):
        previous = D(plan.year - 1, 12, 31)
        for j, (due, period) in enumerate(sorted(deadlines.items())):
            if (unit, due) in MISSING:
                continue
            if (unit, due) in LATE:
                day = due + dt.timedelta(days=LATE[(unit, due)] - 1)
            else:
                day = max(due - dt.timedelta(days=1 + (i + 2 * j) % 4), previous + dt.timedelta(days=1))
            assert day > previous, (unit, due)
            previous = day
            out.append((unit, day, due, period))
    return out


# ------------------------------------------------------------------ writers


def created(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 8, 30)


def fill_template(plan: Plan, unit: str, period: Period, day: dt.date, rows: dict[str, Row], *,
                  report_date: object = None, progress_text: bool = False, date_text: bool = False):
    """The canonical template filled in as a department would (openpyxl Workbook)."""
    wb = build_template(plan, unit, period)
    ws = wb.worksheets[0]
    ws[f"{VALUE_COLUMN}{DATE_ROW}"] = report_date if report_date is not None else day
    cols = {f: column_of(f) for f in ("status", "progress", "completed_on", "result", "difficulties",
                                       "proposals", "note")}
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        code = ws[f"A{r}"].value
        row = rows.get(code)
        if row is None or ws[f"B{r}"].coordinate in ws.merged_cells:
            continue
        values = {
            "status": row.status or None,
            "progress": (f"{row.progress:g}%" if progress_text and row.progress is not None else row.progress),
            "completed_on": (f"{row.completed_on.day}/{row.completed_on.month}/{row.completed_on.year}"
                             if date_text and row.completed_on else row.completed_on),
            "result": row.result or None,
            "difficulties": row.difficulties or None,
            "proposals": row.proposals or None,
            "note": row.note or None,
        }
        for field, col in cols.items():
            if values[field] is not None:
                ws[f"{col}{r}"] = values[field]
    return wb


def write_canonical(plan, unit, period, day, rows, path):
    save_workbook(fill_template(plan, unit, period, day, rows), path, created=created(day))


def write_text_dates(plan, unit, period, day, rows, path):
    wb = fill_template(plan, unit, period, day, rows, report_date=format_date(day), progress_text=True,
                       date_text=True)
    save_workbook(wb, path, created=created(day))


def write_nfd(plan, unit, period, day, rows, path):
    wb = fill_template(plan, unit, period, day, rows)
    for ws in wb.worksheets:
        for line in ws.iter_rows():
            for cell in line:
                if isinstance(cell.value, str):
                    cell.value = unicodedata.normalize("NFD", cell.value)
    save_workbook(wb, path, created=created(day))


def write_tcvn3(plan, unit, period, day, rows, path):
    """An old template typed in TCVN3: .VnTime text, .VnTimeH for the all-capitals titles."""
    from copy import copy

    wb = fill_template(plan, unit, period, day, rows)
    ws = wb.worksheets[0]
    del wb[wb.sheetnames[1]]  # old templates had no instructions sheet
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and not cell.value.isascii():
                upper = cell.value.isupper()
                text = cell.value.lower() if upper else cell.value
                cell.value = encode_tcvn3(text, lower_unencodable=True)
                font = copy(cell.font)
                font.name = ".VnTimeH" if upper else ".VnTime"
                cell.font = font
            elif isinstance(cell.value, str):
                font = copy(cell.font)
                font.name = ".VnTime"
                cell.font = font
    save_workbook(wb, path, created=created(day))


TITLE_HEADERS = ["STT", "Mã NV", "Nội dung", "Kết quả", "Tình trạng", "Ngày HT", "Khó khăn", "Kiến nghị",
                 "Ghi chú", "Người phụ trách"]


def write_title_merged(plan, unit, period, day, rows, path):
    """A home-made sheet: title block with merged cells, renamed and reordered columns, an STT column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = f"BC tháng {period.number or day.month}"
    name = plan.unit(unit).name
    ws["A1"] = plan.issuer_name.upper()
    ws.merge_cells("A1:D1")
    ws["A2"] = name.upper()
    ws.merge_cells("A2:D2")
    ws["A4"] = f"BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN NHIỆM VỤ DÂN VẬN, DÂN CHỦ – {period.label.upper()}"
    ws.merge_cells("A4:J4")
    ws["A5"] = "Đơn vị: " + name.replace("–", "-")
    ws.merge_cells("A5:D5")
    ws["E5"] = f"Ngày báo cáo: {format_date(day)}"
    ws.merge_cells("E5:H5")
    for c in ("A1", "A2", "A4"):
        ws[c].font = Font(name="Times New Roman", bold=True)
        ws[c].alignment = Alignment(horizontal="center")
    header_row = 7
    for i, h in enumerate(TITLE_HEADERS, 1):
        ws.cell(header_row, i, h).font = Font(name="Times New Roman", bold=True)
    r = header_row + 1
    stt = 0
    sections = [(code, title) for code, title in plan.sections]
    for section_code, section_title in sections:
        items = [t for t in plan.tasks_for_unit(unit) if t.section == section_code]
        if not items:
            continue
        r += 1  # a blank line between sections
        ws.cell(r, 1, section_code)
        ws.cell(r, 2, section_title.upper())
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=10)
        r += 1
        for task in items:
            row = rows[task.code]
            stt += 1
            values = [stt, task.code, task.text[:80] + ("…" if len(task.text) > 80 else ""), row.result,
                      row.status, row.completed_on, row.difficulties, row.proposals, row.note,
                      "Trưởng phòng" if task.kind == "task" else "Phó Trưởng phòng"]
            for i, v in enumerate(values, 1):
                if v not in (None, ""):
                    cell = ws.cell(r, i, v)
                    if isinstance(v, dt.date):
                        cell.number_format = "dd/mm/yyyy"
            r += 1
    r += 2
    ws.cell(r, 3, "Người lập biểu")
    ws.cell(r, 10, "TRƯỞNG PHÒNG")
    save_workbook(wb, path, created=created(day))


def write_xls(plan, unit, period, day, rows, path):
    """An old .xls (BIFF8) made with xlwt: title lines, then the contract header."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Bao cao")
    date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    bold = xlwt.easyxf("font: bold on")
    sheet.write(0, 0, plan.issuer_name.upper(), bold)
    sheet.write(1, 0, "Đơn vị: " + plan.unit(unit).name)
    sheet.write(2, 0, "Ngày báo cáo:")
    sheet.write(2, 1, day, date_style)
    headers = ["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Ngày hoàn thành",
               "Kết quả thực hiện", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"]
    for i, h in enumerate(headers):
        sheet.write(4, i, h, bold)
    for r, task in enumerate(plan.tasks_for_unit(unit), 5):
        row = rows[task.code]
        values = [task.code, task.text, row.status, row.progress, row.completed_on, row.result,
                  row.difficulties, row.proposals, row.note]
        for i, v in enumerate(values):
            if v is None or v == "":
                continue
            if isinstance(v, dt.date):
                sheet.write(r, i, v, date_style)
            else:
                sheet.write(r, i, v)
    book.save(str(path))


def write_ods(plan, unit, period, day, rows, path):
    """An .ods written with pandas (odfpy): a one-line title, the report date, then the table."""
    import io

    import pandas as pd

    table = pd.DataFrame([
        {"Mã nhiệm vụ": t.code, "Nội dung nhiệm vụ": t.text, "Tình trạng": rows[t.code].status,
         "Tiến độ (%)": rows[t.code].progress,
         "Ngày hoàn thành": pd.Timestamp(rows[t.code].completed_on) if rows[t.code].completed_on else None,
         "Kết quả thực hiện": rows[t.code].result, "Khó khăn, vướng mắc": rows[t.code].difficulties,
         "Đề xuất, kiến nghị": rows[t.code].proposals, "Ghi chú": rows[t.code].note}
        for t in plan.tasks_for_unit(unit)
    ])
    title = pd.DataFrame([[f"Đơn vị: {plan.unit(unit).name}"], [f"Ngày báo cáo: {format_date(day)}"]])
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="odf") as writer:
        title.to_excel(writer, sheet_name="Báo cáo", index=False, header=False, startrow=0)
        table.to_excel(writer, sheet_name="Báo cáo", index=False, startrow=3)
    path.write_bytes(fix_zip_times(buf.getvalue(), created(day)))


WRITERS = {
    "canonical": write_canonical,
    "title_merged": write_title_merged,
    "nfd": write_nfd,
    "text_dates": write_text_dates,
    "xls": write_xls,
    "ods": write_ods,
    "tcvn3": write_tcvn3,
}
SUFFIX = {"xls": ".xls", "ods": ".ods"}


def main() -> int:
    plan = load_plan(ROOT / "data" / "plan" / "ttdvvl-2024.yaml")
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        if old.suffix.lower() in (".xlsx", ".xls", ".ods", ".xlsm"):
            old.unlink()
    count = 0
    for unit, day, due, period in schedule(plan):
        form = MESSY.get((unit, due), "canonical")
        path = OUT / f"{unit}_{day.isoformat()}{SUFFIX.get(form, '.xlsx')}"
        WRITERS[form](plan, unit, period, day, unit_rows(plan, unit, day, period, due), path)
        count += 1
    print(f"wrote {count} submissions to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
