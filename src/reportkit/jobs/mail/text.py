"""The printed account of a mailing run: one row per unit and report, then the totals."""

from __future__ import annotations

from reportkit.fmt import render_text_table
from reportkit.jobs.mail.outbox import PARTIAL, MailSummary
from reportkit.jobs.mail.settings import SmtpSettings
from reportkit.messages import t

COLUMNS = ["report", "unit", "to", "result"]


def format_mail_summary(summary: MailSummary, settings: SmtpSettings | None = None) -> str:
    """The run as text: a title, a table (report, unit, addresses, result and why), the totals."""
    if not summary.outcomes:
        return t("mail.none")
    if summary.sent and settings is not None:
        title = t("mail.title.send", host=settings.host, port=settings.port, folder=summary.folder)
    else:
        title = t("mail.title.dry_run", folder=summary.folder)
    rows = []
    for o in summary.outcomes:
        result = "; ".join([t(f"mail.result.{o.result}"), *o.problems])
        rows.append({"report": o.report, "unit": f"{o.unit_name} ({o.unit})", "to": ", ".join(o.addresses),
                     "result": result})
    headers = {c: t(f"mail.col.{c}") for c in COLUMNS}
    lines = ["", title, render_text_table(rows, COLUMNS, headers), "",
             t("mail.summary", sent=summary.count("sent") + summary.count(PARTIAL), dry_run=summary.count("dry_run"),
               skipped=summary.count("skipped"), no_address=summary.count("no_address"),
               failed=sum(1 for o in summary.outcomes if o.problems))]
    if summary.sent and summary.exit_code:
        lines.append(t("mail.failed_hint", log=summary.log))
    return "\n".join(lines)
