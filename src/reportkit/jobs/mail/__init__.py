"""E-mail reminders (``reportkit remind --dry-run|--send``): compose, write as .eml, send over SMTP, log.

Modules: addresses (header-safe text, address parsing), settings (SMTP options and REPORTKIT_SMTP_*),
compose (one MIME message with the template and công văn attached), deliver (smtplib session),
sentlog (JSON lines, idempotence), outbox (the run over every pending unit), text (the printed account).
"""

from reportkit._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, {
    "mail_reminders": "outbox",
    "MailSummary": "outbox",
    "MailOutcome": "outbox",
    "SmtpSettings": "settings",
    "read_smtp_settings": "settings",
    "format_mail_summary": "text",
})
