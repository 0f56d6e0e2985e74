"""The công văn đôn đốc: an official letter (Nghị định 30/2020, Phụ lục I, công văn) asking the units
that have not sent a usable workbook for a report to send it.

``render_notice`` gives the letter as report HTML, in the classes of the
period report (``document``): the header block with "Số: …/TTDVVL-HCTH" and
the trích yếu "V/v đôn đốc gửi báo cáo …" under the number, "Kính gửi:" the
pending units, the body (the report, the departments' deadline, what each
unit still owes), then "Nơi nhận:" (Như trên; Lưu: VT, the drafting unit) and
the signer. The same HTML makes the PDF (WeasyPrint, ``jobs.notice``) and,
through ``docx_out``, the Word file with the reference document's styles.
Every organisation word comes from the plan (issuer, ``wording``, signer,
``issuer.notice_symbol``); every text is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt

from reportkit.fmt import format_date, format_number
from reportkit.report.document import (
    PLACEHOLDER,
    QUOC_HIEU,
    TIEU_NGU,
    lower_first,
    place_and_date,
    plan_name,
    report_subject,
    upper_vi,
)
from reportkit.report.markup import escape, tag
from reportkit.text import to_nfc

FINDING_CHARS = 160  # one intake finding per unusable unit, shortened to this length


def notice_symbol(plan) -> str:
    """The công văn's symbol: ``issuer.notice_symbol`` ("TTDVVL-HCTH"), else the agency part of
    ``report_symbol`` ("BC-TTDVVL" → "TTDVVL")."""
    if plan.notice_symbol:
        return plan.notice_symbol
    head, _, rest = plan.report_symbol.partition("-")
    return rest or head


def drafting_unit(symbol: str) -> str:
    """The drafting unit's abbreviation in a symbol ("TTDVVL-HCTH" → "HCTH"), "" when there is none."""
    head, _, rest = symbol.rpartition("-")
    return rest if head else ""


def notice_subject(report) -> str:
    """The trích yếu: ``V/v đôn đốc gửi báo cáo kết quả triển khai … quý I năm 2024``."""
    return f"V/v đôn đốc gửi báo cáo {lower_first(report_subject(report))}"


def one_line(text: str) -> str:
    """Plan or workbook text on one line (no CR/LF, runs of spaces as one), NFC."""
    return " ".join(to_nfc(str(text)).split())


def unit_owes(unit) -> str:
    """What one pending unit still owes: nothing received, or a file that cannot be used (and why)."""
    name = one_line(unit.name)
    if unit.state != "unusable":
        return f"{name}: chưa gửi báo cáo"
    reason = one_line(unit.findings[0]) if unit.findings else ""
    if len(reason) > FINDING_CHARS:
        reason = reason[:FINDING_CHARS].rsplit(" ", 1)[0] + " …"
    sent = f"đã gửi tệp {one_line(unit.file)}" if unit.file else "đã gửi báo cáo"
    return f"{name}: {sent} nhưng không sử dụng được" + (f" ({reason})" if reason else "") + ", đề nghị sửa và gửi lại"


def addressed_units(plan, reminder) -> tuple:
    """The pending units the letter is sent to: all of them but the coordinator (``wording.coordinator``,
    when it is a unit of the plan), who writes the letter."""
    coordinator = plan.find_unit(plan.wording.coordinator)
    return tuple(u for u in reminder.pending if coordinator is None or u.code != coordinator.code)


def render_notice_header(plan, report, *, number: str | None, signed_on: dt.date | None) -> str:
    """The NĐ 30 header block of a công văn: agency, number and V/v on the left; nation, place and date on the right."""
    agency = tag("div", escape(upper_vi(plan.superior_name)), "superior") if plan.superior_name else ""
    agency += tag("div", escape(upper_vi(plan.issuer_name)), "issuer") + '<span class="rule"></span>'
    agency += tag("div", escape(f"Số: {number or PLACEHOLDER}/{notice_symbol(plan)}"), "so-ky-hieu")
    agency += tag("div", escape(notice_subject(report)), "v-v")
    nation = tag("div", escape(QUOC_HIEU), "quoc-hieu") + tag("div", tag("u", escape(TIEU_NGU)), "tieu-ngu")
    year = signed_on.year if signed_on else report.last_day.year
    nation += tag("div", escape(place_and_date(plan, signed_on, year)), "dia-danh")
    return ('<table class="nd30-header" role="presentation"><tr>'
            + tag("td", agency, "agency") + tag("td", nation, "nation") + "</tr></table>")


def render_addressees(units) -> str:
    """``Kính gửi: Phòng …`` for one unit; "Kính gửi:" and one line per unit for several."""
    names = [one_line(u.name) for u in units]
    if len(names) == 1:
        return tag("p", escape(f"Kính gửi: {names[0]}."), "kinh-gui")
    items = "".join(tag("li", escape(n + (";" if i < len(names) else "."))) for i, n in enumerate(names, 1))
    return tag("p", "Kính gửi:", "kinh-gui") + tag("ul", items, "addressees")


def render_notice_body(plan, reminder, as_of: dt.date) -> str:
    """The letter's paragraphs: the plan and deadline, who still owes what as of ``as_of``, the request."""
    report = reminder.report
    wording = plan.wording
    deadline = report.submit_last_day
    subject = lower_first(report_subject(report))
    opening = (f"Thực hiện {plan_name(plan)} của {plan.issuer_name}, {wording.units} gửi báo cáo {subject} "
               f"về {wording.coordinator} chậm nhất ngày {format_date(deadline)}, để tổng hợp, "
               f"báo cáo theo quy định ({report.due_text}).")
    days = (as_of - deadline).days
    when = (f"đã quá hạn {format_number(days)} ngày" if days > 0 else
            "là ngày cuối cùng của hạn gửi" if days == 0 else f"còn {format_number(-days)} ngày đến hạn gửi")
    units = addressed_units(plan, reminder)
    who = "các đơn vị" if len(units) > 1 else "đơn vị"
    status = (f"Đến ngày {format_date(as_of)} ({when}), {wording.coordinator} chưa nhận được báo cáo "
              f"sử dụng được của {who} sau:")
    lines = [unit_owes(u) for u in units]
    items = "".join(tag("li", escape(line + (";" if i < len(lines) else "."))) for i, line in enumerate(lines, 1))
    by = f"chậm nhất ngày {format_date(deadline)}" if days < 0 else "ngay"
    request = (f"Để bảo đảm việc tổng hợp, báo cáo đúng thời hạn, {plan.issuer_name} đề nghị {who} "
               f"nêu trên khẩn trương hoàn thành bảng theo dõi nhiệm vụ và gửi {by} về {wording.coordinator}. "
               f"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị liên hệ {wording.coordinator} "
               "để được hướng dẫn./.")
    return (tag("p", escape(one_line(opening))) + tag("p", escape(one_line(status)))
            + tag("ul", items, "dash") + tag("p", escape(one_line(request))))


def render_notice_signature(plan) -> str:
    """"Nơi nhận:" (Như trên; Lưu: VT and the drafting unit) on the left, the plan's signer on the right."""
    drafter = drafting_unit(notice_symbol(plan))
    recipients = tag("li", "Như trên;") + tag("li", escape(f"Lưu: VT, {drafter}." if drafter else "Lưu: VT."))
    left = tag("p", "Nơi nhận:", "noi-nhan") + tag("ul", recipients, "recipients")
    right = (tag("div", escape(upper_vi(plan.signer_title)), "signer-title") + '<div class="signer-space"></div>'
             + tag("div", escape(plan.signer_name), "signer-name"))
    return ('<table class="nd30-signature" role="presentation"><tr>'
            + tag("td", left, "recipients") + tag("td", right, "signer") + "</tr></table>")


def render_notice(plan, reminder, as_of: dt.date, *, number: str | None = None,
                  signed_on: dt.date | None = None) -> str:
    """The whole công văn đôn đốc for ``reminder`` (a ``tracking.ReportReminder`` with ``addressed_units``), as HTML.

    ``signed_on`` defaults to ``as_of`` (the day the letter is made); without
    ``number`` the number is dotted, as in a draft.
    """
    signed_on = signed_on or as_of
    header = render_notice_header(plan, reminder.report, number=number, signed_on=signed_on)
    return (tag("header", header + render_addressees(addressed_units(plan, reminder)), "nd30 notice")
            + render_notice_body(plan, reminder, as_of) + render_notice_signature(plan))


def notice_title(reminder) -> str:
    """The letter's title for file properties and the HTML page: "Công văn đôn đốc gửi báo cáo …"."""
    return f"Công văn đôn đốc gửi báo cáo {lower_first(report_subject(reminder.report))}"
