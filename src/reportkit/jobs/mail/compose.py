"""One reminder e-mail: a unit that has not sent a usable workbook for one report.

The subject and body come from the message catalogue (``mail.*``), filled with the plan's own
names; every header value passes through ``header_text`` first, so a CR/LF in a unit name or
plan field never makes a header. The message is UTF-8 (base64 body) with RFC 2047 encoded headers
and RFC 2231 attachment names; it carries the unit's pre-filled template for the period and,
when given, the công văn PDF.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from email.encoders import encode_base64
from email.header import Header
from email.headerregistry import Address
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from reportkit.fmt import format_date
from reportkit.intake.template import build_template, fix_zip_times, template_filename
from reportkit.jobs.mail.addresses import header_text
from reportkit.messages import t
from reportkit.plan.model import Plan
from reportkit.tracking.model import UNUSABLE, ReportReminder, UnitState

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
MAX_FINDINGS = 10  # findings listed in the body; the rest are counted


@dataclass(frozen=True)
class Attachment:
    """A file to attach: its name in the message, its bytes and MIME type."""

    filename: str
    data: bytes
    maintype: str
    subtype: str


def template_attachment(plan: Plan, unit_code: str, reminder: ReportReminder, created: dt.datetime) -> Attachment:
    """The unit's pre-filled template for the report's period, as ``reportkit template`` writes it."""
    period = reminder.report.period
    buffer = io.BytesIO()
    workbook = build_template(plan, unit_code, period)
    workbook.properties.created = workbook.properties.modified = created
    workbook.save(buffer)
    return Attachment(template_filename(unit_code, period), fix_zip_times(buffer.getvalue(), created), *XLSX_TYPE)


def notice_attachment(path: Path) -> Attachment:
    """The công văn PDF made by ``--notice``."""
    return Attachment(header_text(path.name), Path(path).read_bytes(), "application", "pdf")


def _lower_first(text: str) -> str:
    """"Quý I năm 2024" → "quý I năm 2024" (a label in the middle of a sentence); "6 tháng…" is unchanged."""
    return text[:1].lower() + text[1:]


def _remaining(days_left: int) -> str:
    if days_left > 0:
        return t("mail.days_left", days=days_left)
    return t("mail.due_today") if days_left == 0 else t("mail.days_late", days=-days_left)


def _state_lines(unit: UnitState) -> tuple[str, str]:
    """The state sentence and the findings (one "  - …" line each) of an unusable file."""
    if unit.state != UNUSABLE:
        return t("mail.state.missing"), ""
    shown = [f"  - {header_text(text)}" for text in unit.findings[:MAX_FINDINGS]]
    if len(unit.findings) > MAX_FINDINGS:
        shown.append(f"  - … (+{len(unit.findings) - MAX_FINDINGS})")
    return t("mail.state.unusable", file=header_text(unit.file or "")), "\n".join(shown) + "\n"


def reminder_body(plan: Plan, reminder: ReportReminder, unit: UnitState, as_of: dt.date,
                  attachments: list[Attachment]) -> str:
    """The plain-text body of the reminder to ``unit`` (current catalogue language)."""
    report = reminder.report
    unit_name = header_text(unit.name)
    lines = [t("mail.attach.template", file=a.filename, period=_lower_first(report.period.label), unit=unit_name)
             if a.subtype != "pdf" else t("mail.attach.notice", file=a.filename) for a in attachments]
    state, findings = _state_lines(unit)
    return t("mail.body", unit=unit_name, report=_lower_first(header_text(report.stream.name)),
             period=_lower_first(report.period.label), coordinator=header_text(plan.wording.coordinator),
             issuer=header_text(plan.issuer_name), deadline=format_date(report.submit_last_day),
             remaining=_remaining(unit.days_left), as_of=format_date(as_of), state=state, findings=findings,
             attachments="\n".join(lines))


def _display_address(name: str, address: str) -> str:
    """``"Tên" <a@b.vn>`` with a non-ASCII name as RFC 2047 encoded words (``name`` made header-safe first)."""
    return formataddr((header_text(name), address), charset="utf-8")


def _attachment_part(item: Attachment) -> MIMEBase:
    part = MIMEBase(item.maintype, item.subtype)
    part.set_payload(item.data)
    encode_base64(part)
    name = header_text(item.filename)
    part.add_header("Content-Disposition", "attachment",
                    filename=name if name.isascii() else ("utf-8", "", name))  # RFC 2231 for a Vietnamese name
    return part


def build_reminder(plan: Plan, reminder: ReportReminder, unit: UnitState, recipients: list[Address], *,
                   sender: str, as_of: dt.date, now: dt.datetime, attachments: list[Attachment]) -> Message:
    """The reminder e-mail to ``unit`` about ``reminder``'s report, addressed to ``recipients``.

    Built with the classic MIME classes and ``email.header.Header``: the newer folding of
    ``email.policy`` (Python 3.11) drops the space between an ASCII word and an encoded word in
    long Vietnamese subjects; ``Header`` keeps every space inside the encoded words.
    """
    report = reminder.report
    subject = header_text(t("mail.subject", report=header_text(report.label),
                            deadline=format_date(report.submit_last_day), unit=header_text(unit.name)))
    msg = MIMEMultipart()
    msg["Subject"] = Header(subject, "utf-8", header_name="Subject")
    msg["From"] = _display_address(plan.wording.coordinator, sender)
    msg["To"] = ", ".join(_display_address(unit.name, a.addr_spec) for a in recipients)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(idstring="reportkit", domain=sender.rpartition("@")[2])
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: autoresponders do not answer it
    msg.attach(MIMEText(reminder_body(plan, reminder, unit, as_of, attachments), "plain", "utf-8"))
    for item in attachments:
        msg.attach(_attachment_part(item))
    return msg
