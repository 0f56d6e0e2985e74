"""A district hospital's plan (docx: a task TABLE with group rows and merged cells; automatic numbering)."""

from __future__ import annotations

from corpus_src.common import Document, Report, Stream, Task, Unit, month_ends
from corpus_src.docxkit import (
    add_header,
    add_para,
    add_signer,
    add_title,
    new_document,
    restart_numbering,
    set_cell_text,
    set_num,
    set_table_borders,
)

BGD, KHTC, TCHC, DD = "Ban Giám đốc", "Phòng Kế hoạch – Tài chính", "Phòng Tổ chức, Hành chính", "Phòng Điều dưỡng"
KKB, HSCC, NOI, KSNK = "Khoa Khám bệnh", "Khoa Hồi sức cấp cứu", "Khoa Nội tổng hợp", "Khoa Kiểm soát nhiễm khuẩn"
KHOA = (KKB, HSCC, NOI, KSNK)  # "các khoa"

UNITS = (Unit(BGD), Unit(KHTC, ("Phòng KHTC",)), Unit(TCHC), Unit(DD),
         Unit(KKB), Unit(HSCC), Unit(NOI), Unit(KSNK))

GROUPS = {"I": "Nâng cao chất lượng khám bệnh, chữa bệnh",
          "II": "Bảo đảm an toàn người bệnh và kiểm soát nhiễm khuẩn"}

TASKS = (
    Task("I.1", "Rà soát, cập nhật quy trình khám bệnh, giảm thời gian chờ của người bệnh tại Khoa Khám bệnh",
         "Khoa Khám bệnh", "Phòng KHTC, Phòng Điều dưỡng", "Quý II/2025",
         (KKB,), (KHTC, DD), "date", ("2025-06-30",)),
    Task("I.2", "Triển khai bệnh án điện tử tại các khoa lâm sàng",
         "Phòng KHTC, Phòng Tổ chức, Hành chính", "Các khoa", "Từ quý II đến quý III năm 2025",
         (KHTC, TCHC), KHOA, "date", ("2025-09-30",)),
    # I.3 and I.4 share one vertically merged lead cell
    Task("I.3", "Khảo sát sự hài lòng của người bệnh nội trú, ngoại trú và nhân viên y tế",
         "Phòng Điều dưỡng", "Khoa Khám bệnh, Khoa Nội tổng hợp", "Hằng quý",
         (DD,), (KKB, NOI), "milestones", month_ends(2025, [3, 6, 9, 12])),
    Task("I.4", "Tập huấn kỹ năng giao tiếp, ứng xử cho điều dưỡng, hộ sinh, kỹ thuật viên",
         "Phòng Điều dưỡng", "Các khoa", "6 tháng đầu năm 2025",
         (DD,), KHOA, "date", ("2025-06-30",)),
    Task("II.1", "Giám sát tuân thủ vệ sinh tay tại các khoa lâm sàng",
         "Khoa Kiểm soát nhiễm khuẩn", "Phòng Điều dưỡng", "Trước ngày 25 hằng tháng",
         (KSNK,), (DD,), "milestones", tuple(f"2025-{m:02d}-24" for m in range(1, 13))),
    Task("II.2", "Xây dựng, ban hành quy trình báo cáo và phân tích sự cố y khoa",
         "Phòng KHTC", "Khoa Hồi sức cấp cứu, Khoa Nội tổng hợp", "Chậm nhất ngày 30/6/2025",
         (KHTC,), (HSCC, NOI), "date", ("2025-06-30",)),
    Task("II.3", "Diễn tập phòng cháy, chữa cháy và cứu nạn, cứu hộ",
         "Phòng Tổ chức, Hành chính", "Các khoa", "Quý III năm 2025",
         (TCHC,), KHOA, "date", ("2025-09-30",)),
    Task("II.4", "Kiểm tra chéo việc thực hiện quy trình chuyên môn giữa các khoa",
         "Phòng Điều dưỡng, Khoa Kiểm soát nhiễm khuẩn", "", "Định kỳ 6 tháng",
         (DD, KSNK), (), "milestones", ("2025-06-30", "2025-12-31")),
    Task("II.5", "Tham gia kiểm tra, đánh giá chất lượng bệnh viện năm 2025",
         "Ban Giám đốc", "Phòng KHTC", "Theo kế hoạch của Sở Y tế",
         (BGD,), (KHTC,), "external"),
    Task("II.6", "Kiểm tra đột xuất việc thực hiện quy chế chuyên môn tại các khoa",
         "Ban Giám đốc", "Phòng KHTC, Phòng Điều dưỡng", "Khi có yêu cầu",
         (BGD,), (KHTC, DD), "unknown", finding="Khi có yêu cầu"),
)

REPORTING = (
    "Phòng KHTC là đầu mối theo dõi, đôn đốc, tổng hợp, báo cáo Sở Y tế kết quả thực hiện Kế hoạch: "
    "báo cáo quý I và quý III trước ngày 15 của tháng cuối quý; báo cáo 6 tháng chậm nhất ngày 20/6/2025; "
    "báo cáo năm chậm nhất ngày 15/01/2026. Các khoa, phòng gửi báo cáo về Phòng KHTC trước ngày 10 của "
    "tháng cuối quý đối với báo cáo quý, trước ngày 15/6/2025 đối với báo cáo 6 tháng và trước ngày "
    "10/01/2026 đối với báo cáo năm."
)
INCIDENTS = (
    "Phòng KHTC tổng hợp, báo cáo Sở Y tế tình hình sự cố y khoa: báo cáo tháng chậm nhất ngày 05 của "
    "tháng sau; báo cáo đột xuất khi có yêu cầu."
)


def _monthly() -> tuple[Report, ...]:
    out = []
    for m in range(1, 13):
        y, n = (2025, m + 1) if m < 12 else (2026, 1)
        out.append(Report(f"2025-M{m:02d}", f"{y}-{n:02d}-06", "chậm nhất ngày 05 của tháng sau", f"{y}-{n:02d}-05"))
    return tuple(out)


STREAMS = (
    Stream("Báo cáo kết quả thực hiện Kế hoạch cải tiến chất lượng bệnh viện", "Kế hoạch", (
        Report("2025-Q1", "2025-03-15", "trước ngày 15 của tháng cuối quý", "2025-03-09"),
        Report("2025-Q3", "2025-09-15", "trước ngày 15 của tháng cuối quý", "2025-09-09"),
        Report("2025-H1", "2025-06-21", "chậm nhất ngày 20/6/2025", "2025-06-14"),
        Report("2025", "2026-01-16", "chậm nhất ngày 15/01/2026", "2026-01-09"),
    )),
    Stream("Báo cáo tình hình sự cố y khoa", "sự cố y khoa",
           (*_monthly(), Report("adhoc", None, "khi có yêu cầu"))),
)

DOC = Document(
    name="hospital", source="ke-hoach-cai-tien-chat-luong-2025.docx",
    organisation="Bệnh viện Đa khoa huyện Tân Hòa", year=2025, units=UNITS, tasks=TASKS, streams=STREAMS,
    header={"superior": "Sở Y tế tỉnh Phú Thọ", "number": "18/KH-BVĐK", "date": "2025-01-10",
            "title": "Cải tiến chất lượng bệnh viện năm 2025"},
)


def _numbered(doc, texts: list[str]) -> None:
    """Paragraphs in a Word list that restarts at 1 (the numbers are not in the text)."""
    num_id = None
    for text in texts:
        p = add_para(doc, text, style="List Number")
        if num_id is None:
            num_id = restart_numbering(doc, p)
        set_num(p, num_id)


def _add_task_table(doc) -> None:
    rows = 1 + len(GROUPS) + len(TASKS)
    table = doc.add_table(rows=rows, cols=5)
    set_table_borders(table)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành")):
        set_cell_text(cell, text, bold=True, center=True)
    r = 1
    merge_from = None
    for group, title in GROUPS.items():
        row = table.rows[r]
        set_cell_text(row.cells[0], group, bold=True, center=True)
        merged = row.cells[1].merge(row.cells[4])
        set_cell_text(merged, title, bold=True)
        r += 1
        for t in TASKS:
            if not t.code.startswith(group + "."):
                continue
            cells = table.rows[r].cells
            set_cell_text(cells[0], t.code.split(".")[1], center=True)
            set_cell_text(cells[1], t.text)
            if t.code == "I.3":
                merge_from = cells[2]
                set_cell_text(cells[2], t.lead_text)
            elif t.code == "I.4":
                merge_from.merge(cells[2])
            else:
                set_cell_text(cells[2], t.lead_text)
            set_cell_text(cells[3], t.support_text)
            set_cell_text(cells[4], t.time_frame)
            r += 1


def render(path) -> None:
    """Write the hospital's plan as a docx: automatic numbering in the body, the tasks in a table."""
    doc = new_document()
    add_header(doc, "SỞ Y TẾ TỈNH PHÚ THỌ", "BỆNH VIỆN ĐA KHOA HUYỆN TÂN HÒA",
               "Số: 18/KH-BVĐK", "Tân Hòa, ngày 10 tháng 01 năm 2025")
    add_title(doc, "KẾ HOẠCH", "Cải tiến chất lượng bệnh viện năm 2025")
    for text in (
        "Căn cứ Thông tư số 19/2013/TT-BYT ngày 12 tháng 7 năm 2013 của Bộ Y tế hướng dẫn thực hiện quản lý chất lượng dịch vụ khám bệnh, chữa bệnh tại bệnh viện;",
        "Căn cứ Quyết định số 6858/QĐ-BYT ngày 18 tháng 11 năm 2016 của Bộ trưởng Bộ Y tế ban hành Bộ tiêu chí chất lượng bệnh viện Việt Nam;",
        "Căn cứ Kế hoạch số 05/KH-SYT ngày 06 tháng 01 năm 2025 của Sở Y tế về cải tiến chất lượng khám bệnh, chữa bệnh năm 2025;",
    ):
        add_para(doc, text, italic=True)
    add_para(doc, "Bệnh viện Đa khoa huyện Tân Hòa xây dựng Kế hoạch cải tiến chất lượng bệnh viện năm 2025 như sau:")
    add_para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _numbered(doc, [
        "Nâng cao chất lượng khám bệnh, chữa bệnh; bảo đảm an toàn cho người bệnh và nhân viên y tế.",
        "Cải tiến quy trình, thủ tục, giảm phiền hà và thời gian chờ đợi của người bệnh.",
        "Các khoa, phòng xác định rõ nhiệm vụ, người phụ trách và thời hạn hoàn thành từng nội dung.",
    ])
    add_para(doc, "II. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ", bold=True)
    add_para(doc, "Giao Phòng Kế hoạch – Tài chính (sau đây gọi tắt là Phòng KHTC) làm đầu mối theo dõi việc thực hiện các nhiệm vụ sau:")
    _add_task_table(doc)
    add_para(doc, "III. KINH PHÍ THỰC HIỆN", bold=True)
    add_para(doc, "Kinh phí thực hiện Kế hoạch được bảo đảm từ nguồn thu sự nghiệp của Bệnh viện và các nguồn hợp pháp khác.")
    add_para(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    _numbered(doc, [
        REPORTING,
        INCIDENTS,
        "Các khoa, phòng căn cứ nhiệm vụ được giao chủ động xây dựng kế hoạch chi tiết và tổ chức thực hiện.",
    ])
    add_para(doc, "Trên đây là Kế hoạch cải tiến chất lượng bệnh viện năm 2025 của Bệnh viện Đa khoa huyện Tân Hòa. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các khoa, phòng báo cáo Ban Giám đốc (qua Phòng KHTC) để xem xét, giải quyết./.")
    add_signer(doc, ["- Sở Y tế (để b/c);", "- Ban Giám đốc;", "- Các khoa, phòng;", "- Lưu: VT, KHTC."],
               "GIÁM ĐỐC", "Đinh Quang Vĩnh")
    doc.save(path)
