"""A kindergarten's plan as a docx WITH TRACKED CHANGES (insertions, deletions, a deleted task, renumbering)."""

from __future__ import annotations

from corpus_src.common import Document, Report, Stream, Task, Unit
from corpus_src.docxkit import add_header, add_para, add_signer, add_title, add_tracked_para, new_document

BGH, ND, CM, YT, VP = "Ban Giám hiệu", "Tổ Nuôi dưỡng", "Tổ Chuyên môn", "Bộ phận Y tế", "Tổ Văn phòng"
CAC_TO = (ND, CM, VP)  # "các tổ"

UNITS = tuple(Unit(n) for n in (BGH, ND, CM, YT, VP))

# The ACCEPTED text (what the importer must read); the tracked changes are in render() below.
TASKS = (
    Task("II.1", "Ký hợp đồng cung cấp thực phẩm với cơ sở có giấy chứng nhận đủ điều kiện an toàn thực phẩm.",
         "Ban Giám hiệu", "Tổ Văn phòng", "trước ngày 15/8/2026",
         (BGH,), (VP,), "date", ("2026-08-14",)),
    Task("II.2", "Kiểm tra nguồn gốc thực phẩm, thực hiện kiểm thực ba bước và lưu mẫu thức ăn.",
         "Tổ Nuôi dưỡng", "Bộ phận Y tế", "thường xuyên",
         (ND,), (YT,), "continuous"),
    Task("II.3", "Tập huấn kiến thức an toàn thực phẩm cho nhân viên nuôi dưỡng.",
         "Bộ phận Y tế, Tổ Nuôi dưỡng", "Ban Giám hiệu", "quý III/2026",
         (YT, ND), (BGH,), "date", ("2026-09-30",)),
    Task("II.4", "Tổ chức vui Tết Trung thu cho trẻ, bảo đảm an toàn thực phẩm trong buổi liên hoan.",
         "Tổ Chuyên môn", "Tổ Nuôi dưỡng", "dịp Tết Trung thu",
         (CM,), (ND,), "unknown", finding="dịp Tết Trung thu"),
    Task("II.5", "Tổng kết, đánh giá công tác bảo đảm an toàn thực phẩm năm học 2025-2026.",
         "Ban Giám hiệu", "các tổ", "tháng 5/2026",
         (BGH,), CAC_TO, "date", ("2026-05-31",)),
)

STREAMS = (
    Stream("Báo cáo công tác bảo đảm an toàn thực phẩm", "an toàn thực phẩm", (
        Report("2026-H1", "2026-06-10", "trước ngày 10/6/2026"),
        Report("2026", "2026-12-11", "chậm nhất ngày 10/12/2026"),
    )),
)

DOC = Document(
    name="preschool", source="ke-hoach-attp-mam-non-2026.docx",
    organisation="Trường Mầm non Hoa Sen", year=2026, units=UNITS, tasks=TASKS, streams=STREAMS,
    header={"superior": "Ủy ban nhân dân phường An Bình", "number": "04/KH-MNHS", "date": "2026-01-09",
            "title": "Bảo đảm an toàn thực phẩm trong bếp ăn bán trú năm 2026"},
    document_findings=("tracked changes",),
)


def render(path) -> None:
    """Write the plan as a docx in which a reviewer's changes are still tracked (not accepted)."""
    doc = new_document()
    add_header(doc, "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH", "TRƯỜNG MẦM NON HOA SEN",
               "Số: 04/KH-MNHS", "An Bình, ngày 09 tháng 01 năm 2026")
    add_title(doc, "KẾ HOẠCH", "Bảo đảm an toàn thực phẩm trong bếp ăn bán trú năm 2026")
    add_para(doc, "Căn cứ Luật An toàn thực phẩm ngày 17 tháng 6 năm 2010;", italic=True)
    add_para(doc, "Trường Mầm non Hoa Sen xây dựng Kế hoạch bảo đảm an toàn thực phẩm trong bếp ăn bán trú năm 2026 như sau:")
    add_para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    add_para(doc, "1. Bảo đảm tuyệt đối an toàn thực phẩm, không để xảy ra ngộ độc thực phẩm trong nhà trường.")
    add_para(doc, "2. Phân công rõ trách nhiệm của từng tổ, bộ phận (Tổ Nuôi dưỡng, Tổ Chuyên môn, Tổ Văn phòng, Bộ phận Y tế).")
    add_para(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    # 1: the reviewer changed "đơn vị" to "cơ sở có giấy chứng nhận" and "tháng 8/2026" to "trước ngày 15/8/2026"
    add_tracked_para(doc, [("", "1. Ký hợp đồng cung cấp thực phẩm với "), ("del", "đơn vị"),
                           ("ins", "cơ sở có giấy chứng nhận"), ("", " đủ điều kiện an toàn thực phẩm.")])
    add_para(doc, "- Chủ trì: Ban Giám hiệu; phối hợp: Tổ Văn phòng.")
    add_tracked_para(doc, [("", "- Thời gian: "), ("del", "tháng 8/2026"), ("ins", "trước ngày 15/8/2026"), ("", ".")])
    add_tracked_para(doc, [("", "2. Kiểm tra nguồn gốc thực phẩm, thực hiện kiểm thực ba bước và lưu mẫu thức ăn.")])
    add_para(doc, "- Chủ trì: Tổ Nuôi dưỡng; phối hợp: Bộ phận Y tế.")
    add_para(doc, "- Thời gian: thường xuyên.")
    # 3: a second lead inserted
    add_para(doc, "3. Tập huấn kiến thức an toàn thực phẩm cho nhân viên nuôi dưỡng.")
    add_tracked_para(doc, [("", "- Chủ trì: Bộ phận Y tế"), ("ins", ", Tổ Nuôi dưỡng"), ("", "; phối hợp: Ban Giám hiệu.")])
    add_para(doc, "- Thời gian: quý III/2026.")
    # 4: a task deleted whole (three paragraphs), the later items renumbered with tracked changes
    for text in ("4. Tổ chức Hội thi “Bữa ăn dinh dưỡng” cho cha mẹ trẻ.",
                 "- Chủ trì: Tổ Chuyên môn; phối hợp: Tổ Nuôi dưỡng.", "- Thời gian: tháng 11/2026."):
        add_tracked_para(doc, [("del", text)], deleted_paragraph=True)
    add_tracked_para(doc, [("del", "5"), ("ins", "4"),
                           ("", ". Tổ chức vui Tết Trung thu cho trẻ, bảo đảm an toàn thực phẩm trong buổi liên hoan.")])
    add_para(doc, "- Chủ trì: Tổ Chuyên môn; phối hợp: Tổ Nuôi dưỡng.")
    add_para(doc, "- Thời gian: dịp Tết Trung thu.")
    add_tracked_para(doc, [("del", "6"), ("ins", "5"),
                           ("", ". Tổng kết, đánh giá công tác bảo đảm an toàn thực phẩm năm học 2025-2026.")])
    add_para(doc, "- Chủ trì: Ban Giám hiệu; phối hợp: các tổ.")
    add_para(doc, "- Thời gian: tháng 5/2026.")
    add_para(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    add_tracked_para(doc, [("", "Bộ phận Y tế tổng hợp, báo cáo Ủy ban nhân dân phường kết quả công tác bảo đảm an "
                                "toàn thực phẩm: báo cáo 6 tháng trước ngày "), ("del", "15/6/2026"), ("ins", "10/6/2026"),
                           ("", "; báo cáo năm chậm nhất ngày 10/12/2026.")])
    add_para(doc, "Trên đây là Kế hoạch bảo đảm an toàn thực phẩm trong bếp ăn bán trú năm 2026 của Trường Mầm non Hoa Sen./.")
    add_signer(doc, ["- UBND phường (b/c);", "- Ban Giám hiệu;", "- Các tổ, bộ phận;", "- Lưu: VT."],
               "HIỆU TRƯỞNG", "Phạm Thị Ngọc Lan")
    doc.save(path)
