"""Write the công văn đôn đốc files: one letter per report with pending units, as .docx and .pdf.

``write_notices`` renders each letter (``report.notice``) once as HTML and
writes, atomically, under ``<output>/reminders/<as-of date>/``:
``cong-van-<period>-<stream>.docx`` (styled by the plan's Word reference
document, as ``report.docx``) and ``cong-van-<period>-<stream>.pdf``
(WeasyPrint from the same HTML and the report stylesheet, as the report PDF).
No LibreOffice, no browser, no kernel. The mail part attaches the PDF
(``NoticeFiles.pdf``) to the e-mails of that report's units.
"""

from __future__ import annotations

import datetime as dt
import html as _html
import io
import os
from dataclasses import dataclass
from pathlib import Path

from reportkit.files import atomic_target, write_atomic
from reportkit.jobs.export import export_pdf, read_css, word_reference
from reportkit.safepath import safe_filename


@dataclass(frozen=True)
class NoticeFiles:
    """The công văn of one report: its key ("2024-Q1/dan-chu"), files, and the units it chases."""

    key: str
    docx: Path
    pdf: Path | None
    units: tuple[str, ...]  # unit codes named in "Kính gửi"


def reminders_folder(output: str | os.PathLike, as_of: dt.date) -> Path:
    """``<output>/reminders/<YYYY-MM-DD>/``: where the day's letters (and the mail part's .eml files) go."""
    return Path(output) / "reminders" / as_of.isoformat()


def notice_stem(reminder) -> str:
    """``cong-van-2024-Q1-dan-chu``: a file name from the period id and stream code."""
    report = reminder.report
    return safe_filename(f"cong-van-{report.period.id}-{report.stream.code}", "cong-van")


def notice_page(body: str, title: str) -> str:
    """One self-contained HTML page of a letter, in the report stylesheet (A4, NĐ 30 margins)."""
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_html.escape(title)}</title><style>{read_css()}</style></head>"
            f'<body><main class="document notice">{body}</main></body></html>')


def notice_docx(body: str, title: str, reference: bytes) -> bytes:
    """The letter as Word bytes: the report's docx writer on the letter's HTML, the title in its properties."""
    from docx.shared import Pt

    from reportkit.report.docx_out import build_docx

    document = build_docx([body], reference)
    header_style = [p for p in document.paragraphs if p.style.name == "Header"]  # "Kính gửi:" and its lines
    if header_style:  # room around "Kính gửi", as the PDF has it
        header_style[0].paragraph_format.space_before = Pt(12)
        header_style[-1].paragraph_format.space_after = Pt(6)
    document.core_properties.title = title[:250]
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_notices(plan, reminders, output: str | os.PathLike, as_of: dt.date, *, number: str | None = None,
                  pdf: bool = True) -> list[NoticeFiles]:
    """Write one công văn (docx, and PDF unless ``pdf=False``) per reminder with units to address
    (pending ones, the coordinator's own unit aside: ``report.notice.addressed_units``).

    Returns what was written, in the reminders' order; nothing for a report
    every unit has sent. Raises ExportError (bad reference document, PDF failure).
    """
    from reportkit.report.notice import addressed_units, notice_title, render_notice

    pending = [r for r in reminders if addressed_units(plan, r)]
    if not pending:
        return []
    folder = reminders_folder(output, as_of)
    folder.mkdir(parents=True, exist_ok=True)
    reference = word_reference(plan)
    written = []
    for reminder in pending:
        body = render_notice(plan, reminder, as_of, number=number)
        title = notice_title(reminder)
        stem = notice_stem(reminder)
        docx_path = write_atomic(folder / f"{stem}.docx", notice_docx(body, title, reference))
        pdf_path = None
        if pdf:
            pdf_path = folder / f"{stem}.pdf"
            with atomic_target(pdf_path) as tmp:
                export_pdf(notice_page(body, title), tmp)
        written.append(NoticeFiles(reminder.report.key, docx_path, pdf_path,
                                   tuple(u.code for u in addressed_units(plan, reminder))))
    return written


def describe_notices(written: list[NoticeFiles], reminders) -> list[str]:
    """One line per letter written (its report, how many units, its files), or one line saying none was needed."""
    from reportkit.messages import t

    labels = {r.report.key: r.report.label for r in reminders}
    return [t("notice.written", report=labels.get(n.key, n.key), units=len(n.units),
              files=", ".join(str(p) for p in (n.docx, n.pdf) if p)) for n in written] or [t("notice.none")]
