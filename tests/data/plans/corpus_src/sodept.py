"""A unit of a Sở: Chi cục Thủy lợi (PDF with a text layer; paragraphs with "- Đơn vị chủ trì: …" lines)."""

from __future__ import annotations

import html

from corpus_src.common import Document, Report, Stream, Task, Unit, month_ends

LD, HCTH, KHTC = "Lãnh đạo Chi cục", "Phòng Hành chính – Tổng hợp", "Phòng Kế hoạch – Tài chính"
QLCT, PCTT = "Phòng Quản lý công trình thủy lợi", "Phòng Phòng, chống thiên tai"

UNITS = (Unit(LD), Unit(HCTH), Unit(KHTC, ("Phòng KHTC",)), Unit(QLCT), Unit(PCTT))

TASKS = (
    Task("II.1", "Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro thiên tai trên địa bàn tỉnh.",
         "Phòng Phòng, chống thiên tai", "Phòng Quản lý công trình thủy lợi", "Quý I/2026",
         (PCTT,), (QLCT,), "date", ("2026-03-31",)),
    Task("II.2", "Kiểm tra hiện trạng, mức độ an toàn của các hồ chứa, đập dâng trước mùa mưa lũ.",
         "Phòng Quản lý công trình thủy lợi", "Phòng Phòng, chống thiên tai", "từ tháng 4 đến tháng 5 năm 2026",
         (QLCT,), (PCTT,), "date", ("2026-05-31",)),
    Task("II.3", "Xây dựng dự toán kinh phí duy tu, bảo dưỡng công trình thủy lợi năm 2027.",
         "Phòng KHTC", "Phòng Quản lý công trình thủy lợi", "chậm nhất ngày 15/7/2026",
         (KHTC,), (QLCT,), "date", ("2026-07-15",)),
    Task("II.4", "Tập huấn nâng cao năng lực cho lực lượng xung kích phòng, chống thiên tai cấp xã.",
         "Phòng Phòng, chống thiên tai", "Phòng Hành chính – Tổng hợp, Phòng KHTC", "quý II năm 2026",
         (PCTT,), (HCTH, KHTC), "date", ("2026-06-30",)),
    Task("II.5", "Cập nhật cơ sở dữ liệu công trình thủy lợi trên hệ thống thông tin chuyên ngành.",
         "Phòng Quản lý công trình thủy lợi", "", "tháng 3, 6, 9 và 12",
         (QLCT,), (), "milestones", month_ends(2026, [3, 6, 9, 12])),
    Task("II.6", "Theo dõi mực nước các hồ chứa, tham mưu vận hành điều tiết bảo đảm an toàn công trình và vùng hạ du.",
         "Phòng Quản lý công trình thủy lợi, Phòng Phòng, chống thiên tai", "Lãnh đạo Chi cục",
         "trong mùa mưa bão năm 2026",
         (QLCT, PCTT), (LD,), "unknown", finding="mùa mưa bão"),
    Task("II.7", "Sơ kết công tác phòng, chống thiên tai mùa mưa lũ năm 2026.",
         "Phòng Phòng, chống thiên tai", "Phòng Hành chính – Tổng hợp", "tháng 10 năm 2026",
         (PCTT,), (HCTH,), "date", ("2026-10-31",)),
    Task("II.8", "Tham mưu tổng kết công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026.",
         "Phòng Phòng, chống thiên tai, Phòng Hành chính – Tổng hợp", "", "theo quy định",
         (PCTT, HCTH), (), "external"),
)

REPORTING = (
    "Phòng Hành chính – Tổng hợp là đầu mối tổng hợp, báo cáo Sở Nông nghiệp và Môi trường kết quả thực "
    "hiện Kế hoạch: báo cáo tháng trước ngày 20 của tháng; báo cáo 6 tháng trước ngày 15/6/2026; báo cáo "
    "9 tháng chậm nhất ngày 10/9/2026; báo cáo năm trước ngày 15/12/2026."
)


def _reports() -> tuple[Report, ...]:
    monthly = tuple(Report(f"2026-M{m:02d}", f"2026-{m:02d}-20", "trước ngày 20 của tháng", f"2026-{m:02d}-19")
                    for m in range(1, 13))
    return (*monthly,
            Report("2026-H1", "2026-06-15", "trước ngày 15/6/2026", "2026-06-14"),
            Report("2026-9M", "2026-09-11", "chậm nhất ngày 10/9/2026", "2026-09-10"),
            Report("2026", "2026-12-15", "trước ngày 15/12/2026", "2026-12-14"))


STREAMS = (Stream("Báo cáo kết quả thực hiện Kế hoạch phòng, chống thiên tai và quản lý công trình thủy lợi",
                  "Kế hoạch", _reports()),)

DOC = Document(
    name="sodept", source="ke-hoach-chi-cuc-thuy-loi-2026.pdf",
    organisation="Chi cục Thủy lợi", year=2026, units=UNITS, tasks=TASKS, streams=STREAMS,
    header={"superior": "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", "number": "07/KH-CCTL", "date": "2026-01-12",
            "title": "Thực hiện nhiệm vụ phòng, chống thiên tai và quản lý công trình thủy lợi năm 2026"},
)

CSS = """
@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }
body { font-family: "Liberation Serif", serif; font-size: 13pt; line-height: 1.35; }
table.head { width: 100%; border-collapse: collapse; text-align: center; font-size: 12pt; }
table.head td:first-child { width: 44%; font-size: 11.5pt; }
table.head td { vertical-align: top; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
p.c { text-align: center; text-indent: 0; font-weight: bold; margin: 0; }
p.h { font-weight: bold; }
table.sign { width: 100%; margin-top: 12pt; }
table.sign td { vertical-align: top; width: 50%; font-size: 11pt; }
table.sign td.r { text-align: center; font-size: 13pt; font-weight: bold; }
"""


def _p(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{html.escape(text)}</p>"


def _html() -> str:
    head = (
        '<table class="head"><tr><td>SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG<br>TỈNH PHÚ THỌ<br><b>CHI CỤC THỦY LỢI</b>'
        "<br>———<br>Số: 07/KH-CCTL</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>"
        "<b>Độc lập - Tự do - Hạnh phúc</b><br>———<br><i>Phú Thọ, ngày 12 tháng 01 năm 2026</i></td></tr></table>"
    )
    body = [
        _p("KẾ HOẠCH", "c"),
        _p("Thực hiện nhiệm vụ phòng, chống thiên tai và quản lý công trình thủy lợi năm 2026", "c"),
        _p("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; Luật sửa đổi, bổ sung một số điều "
           "của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020;"),
        _p("Căn cứ Kế hoạch số 03/KH-SNNMT ngày 05 tháng 01 năm 2026 của Sở Nông nghiệp và Môi trường về "
           "thực hiện nhiệm vụ năm 2026;"),
        _p("Chi cục Thủy lợi xây dựng Kế hoạch thực hiện nhiệm vụ phòng, chống thiên tai và quản lý công "
           "trình thủy lợi năm 2026 như sau:"),
        _p("I. MỤC ĐÍCH, YÊU CẦU", "h"),
        _p("1. Chủ động phòng ngừa, ứng phó kịp thời, hiệu quả với thiên tai; bảo đảm an toàn công trình "
           "thủy lợi, giảm thiểu thiệt hại về người và tài sản."),
        _p("2. Phân công cụ thể đơn vị chủ trì, phối hợp, thời gian hoàn thành; Phòng Kế hoạch – Tài chính "
           "(sau đây gọi tắt là Phòng KHTC) bảo đảm kinh phí thực hiện."),
        _p("II. NHIỆM VỤ CỤ THỂ", "h"),
    ]
    for t in TASKS:
        body.append(_p(f"{t.code.split('.')[1]}. {t.text}"))
        body.append(_p(f"- Đơn vị chủ trì: {t.lead_text}."))
        if t.support_text:
            body.append(_p(f"- Đơn vị phối hợp: {t.support_text}."))
        body.append(_p(f"- Thời gian hoàn thành: {t.time_frame}."))
    body += [
        _p("III. TỔ CHỨC THỰC HIỆN", "h"),
        _p("1. Trưởng các phòng thuộc Chi cục căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, tổ "
           "chức thực hiện bảo đảm chất lượng, đúng thời hạn."),
        _p("2. " + REPORTING),
        _p("Trên đây là Kế hoạch thực hiện nhiệm vụ phòng, chống thiên tai và quản lý công trình thủy lợi "
           "năm 2026 của Chi cục Thủy lợi. Yêu cầu các phòng nghiêm túc triển khai thực hiện./."),
    ]
    sign = (
        '<table class="sign"><tr><td><b><i>Nơi nhận:</i></b><br>- Sở Nông nghiệp và Môi trường (b/c);<br>'
        "- Lãnh đạo Chi cục;<br>- Các phòng thuộc Chi cục;<br>- Lưu: VT, HCTH.</td>"
        '<td class="r">CHI CỤC TRƯỞNG<br><br><br><br>Ngô Đức Thành</td></tr></table>'
    )
    return f"<!doctype html><html lang=vi><head><meta charset=utf-8><style>{CSS}</style></head><body>{head}{''.join(body)}{sign}</body></html>"


def render(path) -> None:
    """Write the Chi cục's plan as a PDF with a text layer (WeasyPrint; Writer is not installed here)."""
    from weasyprint import HTML

    HTML(string=_html()).write_pdf(path)
