"""A centre's Excel appendix "Danh mục nhiệm vụ" (xlsx: title rows, group rows, merged cells, STT restarting)."""

from __future__ import annotations

from corpus_src.common import Document, Task, Unit
from corpus_src.sheetkit import task_sheet

BGD, HCTH, VH = "Ban Giám đốc", "Phòng Hành chính – Tổng hợp", "Phòng Nghiệp vụ Văn hóa"
TT, TTTH = "Phòng Thể thao", "Bộ phận Truyền thanh – Truyền hình"
PHONG_BP = (VH, TT, TTTH)  # "Các phòng, bộ phận" when Phòng Hành chính – Tổng hợp leads

UNITS = tuple(Unit(n) for n in (BGD, HCTH, VH, TT, TTTH))

GROUPS = {"I": "CÔNG TÁC TUYÊN TRUYỀN, VĂN HÓA", "II": "CÔNG TÁC THỂ DỤC, THỂ THAO",
          "III": "CÔNG TÁC HÀNH CHÍNH, TÀI CHÍNH"}

TASKS = (
    Task("I.1", "Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)",
         VH, TTTH, "Trước ngày 03/02/2025", (VH,), (TTTH,), "date", ("2025-02-02",)),
    Task("I.2", "Tổ chức chương trình nghệ thuật chào mừng Đảng, mừng Xuân Ất Tỵ năm 2025",
         VH, HCTH, "Tháng 01/2025", (VH,), (HCTH,), "date", ("2025-01-31",)),
    Task("I.3", "Tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025)",
         f"{VH}; {TTTH}", HCTH, "Tháng 4 và tháng 5 năm 2025",
         (VH, TTTH), (HCTH,), "milestones", ("2025-04-30", "2025-05-31")),
    Task("I.4", "Mở lớp năng khiếu nghệ thuật cho thiếu nhi",
         VH, "", "Dịp hè 2025", (VH,), (), "unknown", finding="Dịp hè"),
    Task("I.5", "Cập nhật tin, bài trên Trang thông tin điện tử và hệ thống truyền thanh cơ sở",
         TTTH, HCTH, "Thường xuyên", (TTTH,), (HCTH,), "continuous"),
    # II.1–II.3: one lead cell merged over three rows
    Task("II.1", "Tổ chức Giải Việt dã truyền thống huyện Tân Hòa lần thứ XX",
         TT, HCTH, "Quý I năm 2025", (TT,), (HCTH,), "date", ("2025-03-31",)),
    Task("II.2", "Tổ chức Đại hội Thể dục thể thao huyện Tân Hòa lần thứ X",
         TT, f"{VH}, {TTTH}", "Tháng 6 - tháng 8", (TT,), (VH, TTTH), "date", ("2025-08-31",)),
    Task("II.3", "Tham gia Đại hội Thể dục thể thao tỉnh Phú Thọ lần thứ X",
         TT, BGD, "Theo kế hoạch của cấp trên", (TT,), (BGD,), "external"),
    Task("III.1", "Kiểm kê tài sản, công cụ, dụng cụ năm 2025",
         HCTH, "Các phòng, bộ phận", "Trước ngày 31/12/2025", (HCTH,), PHONG_BP, "date", ("2025-12-30",)),
    Task("III.2", "Quyết toán kinh phí hoạt động năm 2025",
         HCTH, BGD, "Tháng 01/2026", (HCTH,), (BGD,), "date", ("2026-01-31",)),
    Task("III.3", "Xây dựng kế hoạch hoạt động năm 2026",
         f"{BGD}; {HCTH}", "Các phòng, bộ phận", "Quý IV/2025", (BGD, HCTH), PHONG_BP, "date", ("2025-12-31",)),
)

DOC = Document(
    name="centre", source="danh-muc-nhiem-vu-ttvhtt-2025.xlsx",
    organisation="Trung tâm Văn hóa - Thể thao và Truyền thông huyện Tân Hòa", year=2025,
    units=UNITS, tasks=TASKS,
    header={"superior": None, "number": "12/KH-TTVHTT", "date": "2025-01-10",
            "title": "Danh mục nhiệm vụ năm 2025"},
)

NOTES = {"I.4": "Phối hợp Huyện đoàn", "II.2": "Kinh phí theo dự toán được duyệt"}


def render(path) -> None:
    """Write the appendix as an xlsx task table."""
    rows = []
    for t in TASKS:
        group, stt = t.code.split(".")
        rows.append([group, stt, t.text, t.lead_text, t.support_text, t.time_frame, NOTES.get(t.code, "")])
    ii1 = [t.code for t in TASKS].index("II.1")
    wb = task_sheet(
        ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2025",
         "(Kèm theo Kế hoạch số 12/KH-TTVHTT ngày 10/01/2025 của Trung tâm Văn hóa - Thể thao và Truyền thông huyện Tân Hòa)"],
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Ghi chú"],
        GROUPS, rows, merges=[(ii1, ii1 + 2, 3)], widths=[6, 50, 24, 24, 18, 16], sheet_title="Danh mục nhiệm vụ",
    )
    wb.save(path)
