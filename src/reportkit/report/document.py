"""The fixed parts of a report in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I).

Header block (tên cơ quan chủ quản, tên cơ quan ban hành, Quốc hiệu, Tiêu ngữ,
số và ký hiệu, địa danh và ngày tháng), the document type and trích yếu, and
the "Nơi nhận" and signer block, all from the plan and the run parameters.
Every text is HTML-escaped. A document without a number or date (a draft)
gets dotted placeholders, as drafts do.
"""

from __future__ import annotations

import datetime as dt

from reportkit.fmt import format_date, format_long_date
from reportkit.report.markup import escape, tag
from reportkit.text import to_nfc

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
PLACEHOLDER = "……"


def upper_vi(text: str) -> str:
    """Vietnamese upper case, NFC (``Sở Lao động`` → ``SỞ LAO ĐỘNG``)."""
    return to_nfc(to_nfc(text).upper())


def lower_first(text: str) -> str:
    """``Quý I năm 2024`` → ``quý I năm 2024`` (only the first letter)."""
    return text[:1].lower() + text[1:] if text else text


def document_number(plan, number: str | None) -> str:
    """``Số: 25/BC-TTDVVL``, or ``Số: ……/BC-TTDVVL`` for a draft."""
    return f"Số: {number or PLACEHOLDER}/{plan.report_symbol}"


def place_and_date(plan, signed_on: dt.date | None, year: int) -> str:
    """``Sơn La, ngày 05 tháng 3 năm 2024``, or dotted day and month for a draft."""
    when = format_long_date(signed_on) if signed_on else f"ngày {PLACEHOLDER} tháng {PLACEHOLDER} năm {year}"
    return f"{plan.place}, {when}" if plan.place else when[:1].upper() + when[1:]


def report_subject(report) -> str:
    """The trích yếu: the stream's name without "Báo cáo", then the period.

    ``Kết quả triển khai thực hiện công tác dân chủ quý I năm 2024``.
    """
    name = to_nfc(report.stream.name).strip()
    if name.lower().startswith("báo cáo "):
        name = name[len("báo cáo "):]
    name = name[:1].upper() + name[1:]
    return f"{name} {lower_first(report.period.label)}"


def render_header(plan, report, *, number: str | None = None, signed_on: dt.date | None = None) -> str:
    """The NĐ 30 header block, then "BÁO CÁO" and the trích yếu."""
    agency = ""
    if plan.superior_name:
        agency += tag("div", escape(upper_vi(plan.superior_name)), "superior")
    agency += tag("div", escape(upper_vi(plan.issuer_name)), "issuer")
    agency += '<span class="rule"></span>'
    agency += tag("div", escape(document_number(plan, number)), "so-ky-hieu")
    nation = tag("div", escape(QUOC_HIEU), "quoc-hieu")
    nation += tag("div", tag("u", escape(TIEU_NGU)), "tieu-ngu")
    year = signed_on.year if signed_on else report.last_day.year  # a year report may be due next January
    nation += tag("div", escape(place_and_date(plan, signed_on, year)), "dia-danh")
    header = ('<table class="nd30-header" role="presentation"><tr>'
              + tag("td", agency, "agency") + tag("td", nation, "nation") + "</tr></table>")
    title = tag("p", "BÁO CÁO", "doc-type")
    subject = tag("p", escape(report_subject(report)) + '<span class="rule"></span>', "trich-yeu")
    return tag("header", header + title + subject, "nd30")


def plan_name(plan) -> str:
    """The plan as a sentence names it: ``Kế hoạch triển khai nhiệm vụ công tác dân vận, dân chủ năm 2024``."""
    return f"{to_nfc(plan.document_type).capitalize()} {lower_first(to_nfc(plan.title))}"


def render_intro(plan, report, as_of: dt.date) -> str:
    """The opening paragraph: which plan, which period, data as of when."""
    text = (f"Thực hiện {plan_name(plan)} của {plan.issuer_name}; căn cứ báo cáo của {plan.wording.units} "
            f"(số liệu tính đến ngày {format_date(as_of)}), {plan.issuer_name} báo cáo "
            f"{lower_first(report_subject(report))} như sau:")
    return tag("p", escape(text))


def render_signature(plan) -> str:
    """"Nơi nhận:" with its list on the left, the signer block on the right."""
    recipients = "".join(tag("li", escape(r)) for r in plan.recipients)
    left = tag("p", "Nơi nhận:", "noi-nhan") + (tag("ul", recipients, "recipients") if recipients else "")
    right = (tag("div", escape(upper_vi(plan.signer_title)), "signer-title")
             + '<div class="signer-space"></div>'
             + tag("div", escape(plan.signer_name), "signer-name"))
    return ('<table class="nd30-signature" role="presentation"><tr>'
            + tag("td", left, "recipients") + tag("td", right, "signer") + "</tr></table>")


def annex_heading(plan, report, numeral: str, title: str, *, number: str | None, signed_on: dt.date | None) -> str:
    """``Phụ lục I`` + title + ``(Kèm theo Báo cáo số …/BC-… ngày … của …)``, starting a new page."""
    when = f"ngày {format_date(signed_on)}" if signed_on else f"ngày {PLACEHOLDER}"
    attached = (f"(Kèm theo Báo cáo số {number or PLACEHOLDER}/{plan.report_symbol} {when} "
                f"của {plan.issuer_name})")
    return (tag("p", f"Phụ lục {escape(numeral)}", "annex-title annex-start")
            + tag("p", escape(upper_vi(title)), "annex-title")
            + tag("p", escape(attached), "annex-subtitle"))
