"""The "Hướng dẫn" sheet of the department template: how to fill the table, in Vietnamese."""

from __future__ import annotations

import math

from reportkit.fmt import format_date
from reportkit.intake.cellvalues import STATUS_ALIASES
from reportkit.intake.model import ROW_STATUS_LABELS
from reportkit.periods import DueReport, Period, build_calendar
from reportkit.plan.load import Plan

GUIDE_SHEET_NAME = "Hướng dẫn"
FONT_NAME = "Times New Roman"
_WIDTH = 75  # column A, in characters: fits A4 portrait in Excel and LibreOffice
_CHARS_PER_LINE = 85  # 12 pt Times New Roman per line of _WIDTH (Excel; LibreOffice fits more)


def deadline_line(report: DueReport) -> str:
    """The guide's line for one report: the departments' own last day, then the organisation's deadline."""
    if report.submit_last_day != report.last_day:
        return (f"• {report.label}: đơn vị gửi bảng theo dõi chậm nhất ngày {format_date(report.submit_last_day)} "
                f"(hạn báo cáo của cơ quan: {report.due_text}).")
    if report.inclusive:
        return f"• {report.label}: chậm nhất ngày {format_date(report.last_day)}."
    return f"• {report.label}: trước ngày {format_date(report.due_before)} (chậm nhất ngày {format_date(report.last_day)})."


def add_guide(wb, plan: Plan, unit_name: str, period: Period) -> None:
    """The "Hướng dẫn" sheet: how to fill the table, in Vietnamese."""
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(GUIDE_SHEET_NAME)
    ws.column_dimensions["A"].width = _WIDTH
    aliases = [w for s in STATUS_ALIASES.values() for w in s if w not in ROW_STATUS_LABELS.values()]
    deadlines = [r for r in build_calendar(plan, period.year) if r.period == period]
    listed = " và nội dung trọng tâm" if any(task.kind == "content" for task in plan.tasks) else ""
    coordinator = plan.wording.coordinator  # who receives the workbooks: the plan's words
    y = period.year  # date examples in the period's year: 05/03 reads as 3 May on a US-English office suite
    lines: list[tuple[str, str]] = [
        ("title", "HƯỚNG DẪN ĐIỀN BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ"),
        ("", f"Đơn vị: {unit_name}. Kỳ báo cáo: {period.label}."),
        ("head", "1. Những gì cần điền"),
        ("", f"Trang tính 'Báo cáo' liệt kê sẵn các nhiệm vụ{listed} của đơn vị theo kế hoạch. "
             "Chỉ điền vào các ô màu vàng nhạt; các cột Mã nhiệm vụ, Nội dung nhiệm vụ và Thời gian thực hiện "
             "được khoá để giữ đúng kế hoạch."),
        ("", f"• Ngày báo cáo (ô B9): ngày đơn vị gửi báo cáo, dạng dd/mm/yyyy, ví dụ 05/03/{y}."),
        ("", f"• Cách gõ ngày: theo thứ tự ngày/tháng/năm (05/03/{y}). Nếu Excel hoặc LibreOffice trên máy đặt ngôn "
             f"ngữ tiếng Anh (Mỹ), máy hiểu 05/03/{y} là ngày 3 tháng 5: khi đó gõ năm-tháng-ngày ({y}-03-05), máy "
             "nào cũng hiểu đúng. Sau khi gõ, ô luôn hiện ngày/tháng/năm: nếu ô hiện ngày và tháng bị đảo, gõ lại."),
        ("", "• Tình trạng: chọn trong danh sách: " + ", ".join(ROW_STATUS_LABELS.values()) + ". "
             "Cũng chấp nhận các cách ghi: " + ", ".join(aliases) + "."),
        ("", "• Tiến độ (%): số từ 0 đến 100 (ghi 75 hoặc 75%; 100 nghĩa là đã hoàn thành). Có thể chỉ ghi "
             "tiến độ nếu không chọn tình trạng."),
        ("", "• Ngày hoàn thành: chỉ ghi khi nhiệm vụ đã hoàn thành, là ngày thực tế hoàn thành (không ghi ngày "
             "dự kiến), dạng dd/mm/yyyy, không sau ngày báo cáo. Thiếu ngày này thì không đánh giá được đúng hạn "
             "hay quá hạn."),
        ("", "• Kết quả thực hiện: nêu ngắn gọn việc đã làm trong kỳ (văn bản đã ban hành, hội nghị đã tổ chức, "
             "số người tham dự…). Với nhiệm vụ thường xuyên, ghi hoạt động của kỳ này."),
        ("", "• Khó khăn, vướng mắc và Đề xuất, kiến nghị: ghi nếu có; nội dung được đưa vào báo cáo chung."),
        ("head", "2. Lưu ý"),
        ("", "• Không đổi tên cột, không xoá dòng tiêu đề, không đổi mã nhiệm vụ" + _d_and_dd_example(plan) + "."),
        ("", "• Dùng phông chữ Unicode (Times New Roman); không dùng phông .VnTime hay VNI-Times."),
        ("", "• Không đặt mật khẩu cho tệp. Giữ định dạng .xlsx khi lưu."),
        ("", "• Đặt tên tệp theo dạng <mã đơn vị>_<yyyy-mm-dd>.xlsx, ví dụ "
             f"{plan.units[0].code}_{y}-03-05.xlsx."),
        ("head", "3. Hạn gửi báo cáo kỳ này"),
    ]
    lines += [("", deadline_line(r)) for r in deadlines]
    if not deadlines:
        lines.append(("", f"• Kỳ này không có báo cáo định kỳ theo kế hoạch; gửi khi {coordinator} đề nghị."))
    lines.append(("", f"Kiểm tra tệp trước khi gửi: reportkit check <tên tệp> ({coordinator} hỗ trợ)."))
    for i, (kind, text) in enumerate(lines, 1):
        cell = ws.cell(i, 1, text)
        size, bold = (14, True) if kind == "title" else (12, kind == "head")
        cell.font = Font(name=FONT_NAME, size=size, bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Spreadsheets do not size wrapped rows on opening: give each line the height its text needs.
        ws.row_dimensions[i].height = math.ceil(len(text) / _CHARS_PER_LINE) * (size * 1.35) + 3
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _d_and_dd_example(plan: Plan) -> str:
    """`` (II.1.d và II.1.đ là hai nội dung khác nhau)`` when the plan has two such codes, else nothing."""
    codes = set(plan.task_codes)
    pair = next((c for c in plan.task_codes if c.endswith("d") and c[:-1] + "đ" in codes), None)
    return f" ({pair} và {pair[:-1]}đ là hai nội dung khác nhau)" if pair else ""
