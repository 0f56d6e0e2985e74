"""A university faculty's task table (ods: other header words, units on two lines in one cell)."""

from __future__ import annotations

from corpus_src.common import Document, Task, Unit, month_ends
from corpus_src.sheetkit import save_as_ods, task_sheet

KHMT, HTTT, MMT = "Bộ môn Khoa học máy tính", "Bộ môn Hệ thống thông tin", "Bộ môn Mạng máy tính và Truyền thông"
VPK, LCD = "Văn phòng Khoa", "Liên chi đoàn Khoa"
BO_MON = (KHMT, HTTT, MMT)  # "Các bộ môn"

UNITS = tuple(Unit(n) for n in (KHMT, HTTT, MMT, VPK, LCD))

GROUPS = {"I": "ĐÀO TẠO", "II": "NGHIÊN CỨU KHOA HỌC", "III": "KIỂM ĐỊNH CHẤT LƯỢNG VÀ CÔNG TÁC KHÁC"}

TASKS = (
    Task("I.1", "Rà soát, cập nhật chương trình đào tạo trình độ đại học ngành Công nghệ thông tin",
         "Các bộ môn", VPK, "Trước ngày 30/6/2026", BO_MON, (VPK,), "date", ("2026-06-29",)),
    Task("I.2", "Tổ chức sinh hoạt công dân và hội nghị học tốt cho sinh viên khóa mới",
         LCD, VPK, "Tháng 10 năm 2026", (LCD,), (VPK,), "date", ("2026-10-31",)),
    Task("I.3", "Dự giờ, đánh giá giờ giảng của giảng viên",
         "Các bộ môn", "", "Quý II và quý IV", BO_MON, (), "milestones", ("2026-06-30", "2026-12-31")),
    Task("II.1", "Tổ chức Hội nghị sinh viên nghiên cứu khoa học cấp Khoa",
         f"{KHMT}\n{HTTT}", LCD, "Quý II/2026", (KHMT, HTTT), (LCD,), "date", ("2026-06-30",)),
    Task("II.2", "Đăng ký đề tài khoa học và công nghệ cấp Trường năm 2027",
         "Các bộ môn", VPK, "Theo kế hoạch của Nhà trường", BO_MON, (VPK,), "external"),
    Task("II.3", "Tổ chức seminar chuyên môn cấp bộ môn",
         "Các bộ môn", "", "Hằng quý", BO_MON, (), "milestones", month_ends(2026, [3, 6, 9, 12])),
    Task("III.1", "Tổ chức lễ trao bằng tốt nghiệp cho sinh viên",
         VPK, LCD, "Cuối tháng 6 hoặc đầu tháng 7/2026", (VPK,), (LCD,), "unknown",
         finding="Cuối tháng 6 hoặc đầu tháng 7/2026"),
    Task("III.2", "Cập nhật hồ sơ minh chứng phục vụ kiểm định chất lượng chương trình đào tạo",
         VPK, "Các bộ môn", "Trong năm", (VPK,), BO_MON, "date", ("2026-12-31",)),
    Task("III.3", "Tổ chức hội thảo chuyên đề về an toàn thông tin cho sinh viên năm cuối",
         MMT, f"{KHMT}, {LCD}", "Tháng 11/2026", (MMT,), (KHMT, LCD), "date", ("2026-11-30",)),
)

DOC = Document(
    name="faculty", source="ke-hoach-khoa-cntt-2026.ods",
    organisation="Khoa Công nghệ thông tin", year=2026, units=UNITS, tasks=TASKS,
    header={"superior": "Trường Đại học Công nghệ Sông Hàn", "number": "03/KH-CNTT", "date": "2026-01-05",
            "title": "Kế hoạch nhiệm vụ năm 2026"},
)


def render(path) -> None:
    """Write the faculty's task table as .ods (built with openpyxl, converted by LibreOffice Calc)."""
    rows = []
    for t in TASKS:
        group, stt = t.code.split(".")
        rows.append([group, stt, t.text, t.lead_text, t.support_text, t.time_frame])
    wb = task_sheet(
        ["TRƯỜNG ĐẠI HỌC CÔNG NGHỆ SÔNG HÀN", "KHOA CÔNG NGHỆ THÔNG TIN", "KẾ HOẠCH NHIỆM VỤ NĂM 2026",
         "(Ban hành kèm theo Kế hoạch số 03/KH-CNTT ngày 05/01/2026 của Khoa Công nghệ thông tin)"],
        ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"],
        GROUPS, rows, merges=[], widths=[5, 50, 28, 22, 20], sheet_title="Kế hoạch 2026",
    )
    save_as_ods(wb, path)
