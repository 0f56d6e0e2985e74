"""A secondary school's plan (docx, tasks as paragraphs with TYPED numbering "1.", "a)")."""

from __future__ import annotations

from corpus_src.common import Document, Report, Stream, Task, Unit, month_ends
from corpus_src.docxkit import add_header, add_para, add_signer, add_title, new_document

BGH, VP = "Ban Giám hiệu", "Tổ Văn phòng"
TOAN, VAN, KHTN = "Tổ Toán – Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên"
DOAN, CD = "Đoàn Thanh niên", "Công đoàn trường"
CHUYEN_MON = (TOAN, VAN, KHTN)  # "các tổ chuyên môn", listed in III.3 of the document

UNITS = tuple(Unit(n) for n in (BGH, VP, TOAN, VAN, KHTN, DOAN, CD))

GROUPS = {
    "II.1": "1. Công tác giáo dục chính trị, tư tưởng",
    "II.2": "2. Thực hiện dân chủ, công khai trong hoạt động của nhà trường",
    "II.3": "3. Công tác chuyên môn",
}

TASKS = (
    Task("II.1.a", "Tổ chức Tuần sinh hoạt công dân – học sinh; quán triệt nội quy nhà trường và quy chế dân chủ trong trường học đến toàn thể học sinh.",
         "Đoàn Thanh niên", "các tổ chuyên môn", "đầu năm học 2025-2026",
         (DOAN,), CHUYEN_MON, "unknown", finding="đầu năm học 2025-2026"),
    Task("II.1.b", "Tổ chức thăm hỏi, tặng quà cán bộ, giáo viên, nhân viên và học sinh có hoàn cảnh khó khăn.",
         "Công đoàn trường, Đoàn Thanh niên", "Tổ Văn phòng", "dịp Tết Nguyên đán Ất Tỵ",
         (CD, DOAN), (VP,), "unknown", finding="dịp Tết Nguyên đán"),
    Task("II.2.a", "Rà soát, sửa đổi, bổ sung Quy chế thực hiện dân chủ trong hoạt động của nhà trường; lấy ý kiến cán bộ, giáo viên, nhân viên trước khi ban hành.",
         "Ban Giám hiệu", "Công đoàn trường", "tháng 3/2025",
         (BGH,), (CD,), "date", ("2025-03-31",)),
    Task("II.2.b", "Tổ chức Hội nghị cán bộ, công chức, viên chức và người lao động năm học 2025-2026.",
         "Ban Giám hiệu, Công đoàn trường", "Tổ Văn phòng", "trước 15/10/2025",
         (BGH, CD), (VP,), "date", ("2025-10-14",)),
    Task("II.2.c", "Công khai cam kết chất lượng giáo dục, điều kiện bảo đảm chất lượng và thu, chi tài chính theo Thông tư số 09/2024/TT-BGDĐT.",
         "Tổ Văn phòng", "Ban Giám hiệu", "quý I, III",
         (VP,), (BGH,), "milestones", ("2025-03-31", "2025-09-30")),
    Task("II.3.a", "Kiểm tra nội bộ việc thực hiện quy chế chuyên môn, hồ sơ sổ sách của các tổ chuyên môn.",
         "Ban Giám hiệu", "các tổ chuyên môn", "từ tháng 3 đến tháng 5",
         (BGH,), CHUYEN_MON, "date", ("2025-05-31",)),
    Task("II.3.b", "Tổ chức thao giảng, dự giờ, sinh hoạt chuyên môn theo nghiên cứu bài học.",
         "các tổ chuyên môn", "", "hằng tháng",
         CHUYEN_MON, (), "milestones", month_ends(2025, list(range(1, 13)))),
    Task("II.3.c", "Kiểm tra chuyên đề việc thực hiện nền nếp dạy học và hồ sơ chuyên môn của giáo viên.",
         "Ban Giám hiệu", "Tổ Toán – Tin, Tổ Ngữ văn", "6 tháng cuối năm 2025",
         (BGH,), (TOAN, VAN), "date", ("2025-12-31",)),
    Task("II.3.d", "Lựa chọn, bồi dưỡng giáo viên tham gia Hội thi giáo viên dạy giỏi cấp tỉnh.",
         "Tổ Ngữ văn", "Ban Giám hiệu", "theo kế hoạch của Sở Giáo dục và Đào tạo",
         (VAN,), (BGH,), "external"),
)

STREAM_SENTENCE = (
    "Tổ Văn phòng là đầu mối theo dõi, tổng hợp, báo cáo Sở Giáo dục và Đào tạo kết quả "
    "thực hiện dân chủ trong hoạt động của nhà trường: báo cáo 6 tháng chậm nhất ngày 20/6/2025; "
    "báo cáo năm trước ngày 15/01/2026; báo cáo đột xuất khi có yêu cầu."
)

STREAMS = (
    Stream("Báo cáo kết quả thực hiện dân chủ trong hoạt động của nhà trường", "dân chủ", (
        Report("2025-H1", "2025-06-21", "chậm nhất ngày 20/6/2025"),
        Report("2025", "2026-01-15", "trước ngày 15/01/2026"),
        Report("adhoc", None, "khi có yêu cầu"),
    )),
)

DOC = Document(
    name="school", source="ke-hoach-dan-chu-thpt-2025.docx",
    organisation="Trường THPT Tân Lập", year=2025, units=UNITS, tasks=TASKS, streams=STREAMS,
    header={"superior": "Sở Giáo dục và Đào tạo tỉnh Phú Thọ", "number": "15/KH-THPTTL",
            "date": "2025-01-06", "title": "Thực hiện dân chủ trong hoạt động của nhà trường năm 2025"},
)


def _task_lines(t: Task) -> list[str]:
    letter = t.code.rsplit(".", 1)[1]
    support = f"; phối hợp: {t.support_text}" if t.support_text else ""
    return [f"{letter}) {t.text}", f"- Chủ trì: {t.lead_text}{support}.", f"- Thời gian thực hiện: {t.time_frame}."]


def render(path) -> None:
    """Write the school's plan as a docx with typed numbering."""
    doc = new_document()
    add_header(doc, "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH PHÚ THỌ", "TRƯỜNG THPT TÂN LẬP",
               "Số: 15/KH-THPTTL", "Tân Lập, ngày 06 tháng 01 năm 2025")
    add_title(doc, "KẾ HOẠCH", "Thực hiện dân chủ trong hoạt động của nhà trường năm 2025")
    for text in (
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
        "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;",
        "Căn cứ Thông tư số 09/2024/TT-BGDĐT ngày 03 tháng 6 năm 2024 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về công khai trong hoạt động của các cơ sở giáo dục thuộc hệ thống giáo dục quốc dân;",
        "Trường THPT Tân Lập xây dựng Kế hoạch thực hiện dân chủ trong hoạt động của nhà trường năm 2025 như sau:",
    ):
        add_para(doc, text, italic=text.startswith("Căn cứ"))
    add_para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    add_para(doc, "1. Phát huy quyền làm chủ của cán bộ, giáo viên, nhân viên và học sinh; bảo đảm công khai, minh bạch trong mọi hoạt động của nhà trường.")
    add_para(doc, "2. Việc công khai, thảo luận, tham gia ý kiến phải đúng quy định, đúng thời gian, gắn với việc thực hiện nhiệm vụ năm học.")
    add_para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    for group, title in GROUPS.items():
        add_para(doc, title, bold=True)
        for t in TASKS:
            if t.code.startswith(group + "."):
                for line in _task_lines(t):
                    add_para(doc, line)
    add_para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    add_para(doc, "1. Ban Giám hiệu chỉ đạo chung việc triển khai Kế hoạch; phân công nhiệm vụ cụ thể cho các tổ, đoàn thể.")
    add_para(doc, "2. " + STREAM_SENTENCE)
    add_para(doc, "3. Các tổ chuyên môn (Tổ Toán – Tin, Tổ Ngữ văn, Tổ Khoa học tự nhiên) triển khai Kế hoạch đến từng giáo viên; định kỳ báo cáo kết quả với Ban Giám hiệu.")
    add_para(doc, "4. Công đoàn trường, Đoàn Thanh niên phối hợp với Ban Giám hiệu tuyên truyền, vận động đoàn viên thực hiện tốt Kế hoạch.")
    add_para(doc, "Trên đây là Kế hoạch thực hiện dân chủ trong hoạt động của nhà trường năm 2025 của Trường THPT Tân Lập. Đề nghị các tổ, đoàn thể và toàn thể cán bộ, giáo viên, nhân viên nghiêm túc thực hiện./.")
    add_signer(doc, ["- Sở GD&ĐT (để b/c);", "- Ban Giám hiệu;", "- Các tổ chuyên môn, Tổ Văn phòng;",
                     "- Công đoàn trường, Đoàn Thanh niên;", "- Lưu: VT."], "HIỆU TRƯỞNG", "Trần Văn Khiêm")
    doc.save(path)
