"""A commune People's Committee's plan (txt copied from a PDF: lines broken inside sentences)."""

from __future__ import annotations

import re
import textwrap

from corpus_src.common import Document, Report, Stream, Task, Unit

VP = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"
KT, VHXH = "Phòng Kinh tế", "Phòng Văn hóa – Xã hội"
TTHCC = "Trung tâm Phục vụ hành chính công xã"
PHONG = (KT, VHXH)  # "các phòng chuyên môn"

UNITS = (Unit(VP, ("Văn phòng HĐND và UBND xã",)), Unit(KT), Unit(VHXH), Unit(TTHCC, ("Trung tâm PVHCC",)))

TASKS = (
    Task("II.1", "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026.",
         "Văn phòng HĐND và UBND xã", "Phòng Văn hóa – Xã hội", "trước ngày 31/01/2026",
         (VP,), (VHXH,), "date", ("2026-01-30",)),
    Task("II.2", "Rà soát, công bố, công khai danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã tại Trung tâm PVHCC và trên Trang thông tin điện tử của xã.",
         "Trung tâm PVHCC", "Văn phòng HĐND và UBND xã", "quý II - quý III",
         (TTHCC,), (VP,), "date", ("2026-09-30",)),
    Task("II.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tiếp nhận hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia.",
         "Trung tâm PVHCC", "các phòng chuyên môn", "thường xuyên",
         (TTHCC,), PHONG, "continuous"),
    Task("II.4", "Tổ chức hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân về công tác cải cách hành chính.",
         "Văn phòng HĐND và UBND xã", "Phòng Văn hóa – Xã hội", "tháng 7 - tháng 8 năm 2026",
         (VP,), (VHXH,), "date", ("2026-08-31",)),
    Task("II.5", "Khảo sát mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn xã.",
         "Văn phòng HĐND và UBND xã, Trung tâm PVHCC", "", "9 tháng đầu năm 2026",
         (VP, TTHCC), (), "date", ("2026-09-30",)),
    Task("II.6", "Kiểm tra công tác cải cách hành chính, việc thực hiện quy chế dân chủ tại các thôn.",
         "Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "trong năm 2026",
         (VP,), (KT,), "date", ("2026-12-31",)),
    Task("II.7", "Cập nhật tình hình tiếp nhận, giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
         "Trung tâm PVHCC", "", "trước ngày 20 hằng tháng",
         (TTHCC,), (), "milestones", tuple(f"2026-{m:02d}-19" for m in range(1, 13))),
    Task("II.8", "Cử cán bộ, công chức tham gia Hội thi tìm hiểu về cải cách hành chính.",
         "Phòng Văn hóa – Xã hội", "Văn phòng HĐND và UBND xã", "theo kế hoạch của UBND tỉnh",
         (VHXH,), (VP,), "external"),
    Task("II.9", "Tổng kết công tác cải cách hành chính năm 2026, đề xuất khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
         "Văn phòng HĐND và UBND xã", "các phòng chuyên môn, Trung tâm PVHCC", "trước 15/01/2027",
         (VP,), (KT, VHXH, TTHCC), "date", ("2027-01-14",)),
)

REPORTING = (
    "1. Văn phòng HĐND và UBND xã là cơ quan thường trực, tham mưu UBND xã theo dõi, đôn đốc, tổng hợp, "
    "báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện công tác cải cách hành chính: báo cáo quý chậm "
    "nhất ngày 15 của tháng cuối quý; báo cáo năm trước ngày 10/12/2026. Các phòng chuyên môn, Trung tâm "
    "PVHCC gửi báo cáo về Văn phòng HĐND và UBND xã chậm nhất 03 ngày trước thời hạn báo cáo của xã."
)

STREAMS = (
    Stream("Báo cáo kết quả thực hiện công tác cải cách hành chính", "cải cách hành chính", (
        Report("2026-Q1", "2026-03-16", "chậm nhất ngày 15 của tháng cuối quý", "2026-03-12"),
        Report("2026-Q2", "2026-06-16", "chậm nhất ngày 15 của tháng cuối quý", "2026-06-12"),
        Report("2026-Q3", "2026-09-16", "chậm nhất ngày 15 của tháng cuối quý", "2026-09-12"),
        Report("2026-Q4", "2026-12-16", "chậm nhất ngày 15 của tháng cuối quý", "2026-12-12"),
        Report("2026", "2026-12-10", "trước ngày 10/12/2026", "2026-12-06"),
    )),
)

DOC = Document(
    name="commune", source="ke-hoach-cchc-xa-tan-phong-2026.txt",
    organisation="Ủy ban nhân dân xã Tân Phong", year=2026, units=UNITS, tasks=TASKS, streams=STREAMS,
    header={"superior": None, "number": "09/KH-UBND", "date": "2026-01-08",
            "title": "Thực hiện công tác cải cách hành chính năm 2026"},
)

HEADER = """\
   ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM 
    XÃ TÂN PHONG                     Độc lập - Tự do - Hạnh phúc 

Số: 09/KH-UBND                Tân Phong, ngày 08 tháng 01 năm 2026 

KẾ HOẠCH 
Thực hiện công tác cải cách hành chính năm 2026 
"""


def _wrapped(text: str) -> str:
    """A paragraph as a PDF copy gives it: lines of ~80 characters, each followed by a blank line."""
    lines = textwrap.wrap(text, 82, break_on_hyphens=False)
    for line in lines[1:]:  # a continuation line must not look like a new item
        assert not re.match(r"(\d+\.|[a-zđ]\)|-|[IVX]+\.)\s", line), line
    return "".join(line + " \n\n" for line in lines)


def _body() -> list[str]:
    paras = [
        " Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
        "cải cách hành chính nhà nước giai đoạn 2021 - 2030; Kế hoạch số 14/KH-UBND ngày 06/01/2026 của "
        "UBND tỉnh về cải cách hành chính năm 2026. Ủy ban nhân dân xã Tân Phong ban hành Kế hoạch thực "
        "hiện công tác cải cách hành chính năm 2026 như sau:",
        " I. MỤC ĐÍCH, YÊU CẦU",
        "1. Thực hiện có hiệu quả các nhiệm vụ cải cách hành chính; nâng cao chất lượng phục vụ người dân, "
        "doanh nghiệp; nâng cao Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính.",
        "2. Phân công rõ cơ quan chủ trì, phối hợp và thời hạn hoàn thành; Văn phòng Hội đồng nhân dân và "
        "Ủy ban nhân dân xã (sau đây gọi tắt là Văn phòng HĐND và UBND xã), Trung tâm Phục vụ hành chính "
        "công xã (sau đây gọi tắt là Trung tâm PVHCC) và các phòng chuyên môn (Phòng Kinh tế, Phòng Văn "
        "hóa – Xã hội) chịu trách nhiệm trước Chủ tịch UBND xã về kết quả thực hiện.",
        " II. NHIỆM VỤ CỤ THỂ",
    ]
    for t in TASKS:
        n = t.code.split(".")[1]
        support = f"; phối hợp: {t.support_text}" if t.support_text else ""
        paras += [f"{n}. {t.text}", f"- Chủ trì: {t.lead_text}{support}.", f"- Thời gian hoàn thành: {t.time_frame}."]
    paras += [
        " III. TỔ CHỨC THỰC HIỆN",
        REPORTING,
        "2. Các phòng chuyên môn, Trung tâm PVHCC căn cứ nhiệm vụ được giao chủ động tổ chức thực hiện; "
        "kịp thời báo cáo những khó khăn, vướng mắc về Văn phòng HĐND và UBND xã để tổng hợp, báo cáo "
        "Chủ tịch UBND xã.",
        "Trên đây là Kế hoạch thực hiện công tác cải cách hành chính năm 2026 của Ủy ban nhân dân xã Tân "
        "Phong. Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.",
    ]
    return paras


FOOTER = """\
Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN 
- UBND tỉnh (b/c);                                CHỦ TỊCH 
- Sở Nội vụ; 
- TT Đảng ủy, TT HĐND xã; 
- Chủ tịch, các PCT UBND xã; 
- Các phòng chuyên môn, Trung tâm PVHCC; 
- Lưu: VT, VP.                                  Hoàng Văn Thụy 
"""


def render(path) -> None:
    """Write the commune's plan as UTF-8 text with line breaks inside sentences."""
    text = HEADER + "\n" + "".join(_wrapped(p) for p in _body()) + "\n" + FOOTER
    path.write_text(text, encoding="utf-8")
