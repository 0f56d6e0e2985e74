"""The e-mail options of `reportkit remind` (``--dry-run``, ``--send``, SMTP settings) and their run.

``mail_options`` adds the options to the remind command; ``mail_request`` checks them (and the SMTP
settings) before any work; ``run_mail`` composes (and with ``--send``
sends) the reminders for the tracker's pending units and prints what happened. Nothing is mailed
without ``--send``; ``--dry-run`` writes the messages as .eml files and shows what would go out.
The work is done in reportkit.jobs.mail; the password is read there, never taken as an option.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from reportkit.cli_language import _exit_code, option
from reportkit.errors import ParamsError
from reportkit.messages import t

_OPTIONS = [
    option("--dry-run", "mail_dry_run", is_flag=True, help="opt.mail.dry_run"),
    option("--send", "mail_send", is_flag=True, help="opt.mail.send"),
    option("--force", "mail_force", is_flag=True, help="opt.mail.force"),
    option("--smtp-host", "smtp_host", metavar="HOST", help="opt.mail.smtp_host"),
    option("--smtp-port", "smtp_port", metavar="PORT", help="opt.mail.smtp_port"),
    option("--smtp-tls", "smtp_tls", type=click.Choice(["none", "starttls", "ssl"]), help="opt.mail.smtp_tls"),
    option("--smtp-user", "smtp_user", metavar="USER", help="opt.mail.smtp_user"),
    option("--smtp-password-file", "smtp_password_file", type=click.Path(dir_okay=False),
           help="opt.mail.smtp_password_file"),
    option("--from", "smtp_from", metavar="ADDRESS", help="opt.mail.from"),
]
MAIL_KEYS = ("mail_dry_run", "mail_send", "mail_force", "smtp_host", "smtp_port", "smtp_tls", "smtp_user",
             "smtp_password_file", "smtp_from")


def mail_options(command: Callable) -> Callable:
    """Decorate a click command with the e-mail options (they arrive as the keyword arguments MAIL_KEYS)."""
    for decorate in reversed(_OPTIONS):
        command = decorate(command)
    return command


@dataclass(frozen=True)
class MailRequest:
    """What ``--dry-run`` / ``--send`` asked for: the SMTP settings (None: dry run), ``--force``, the sender."""

    settings: object  # jobs.mail.SmtpSettings, or None for a dry run
    force: bool
    sender: str


def mail_request(options: Mapping[str, object]) -> MailRequest | None:
    """The e-mail step asked for, with its SMTP settings read and checked now, before any work; None without
    ``--dry-run`` or ``--send``. ParamsError (exit 3) for both flags or bad settings."""
    if options.get("mail_dry_run") and options.get("mail_send"):
        raise ParamsError(t("opt.mail.exclusive"))
    if not (options.get("mail_dry_run") or options.get("mail_send")):
        return None
    from reportkit.jobs.mail.settings import ENV, read_smtp_settings

    smtp = {"host": options.get("smtp_host"), "port": options.get("smtp_port"), "tls": options.get("smtp_tls"),
            "user": options.get("smtp_user"), "sender": options.get("smtp_from")}
    settings = None
    if options.get("mail_send"):
        settings = read_smtp_settings(smtp, password_file=options.get("smtp_password_file"))
    sender = str(smtp["sender"] or os.environ.get(ENV["sender"], "")).strip()
    return MailRequest(settings=settings, force=bool(options.get("mail_force")), sender=sender)


def run_mail(plan, reminders: list, request: MailRequest, *, as_of: dt.date, output: str | Path,
             notices: Mapping[str, Path] | None = None, to_stderr: bool = False) -> None:
    """Compose (and with ``--send``, send) the reminders; print the account; set exit code 2 on a failure."""
    from reportkit.jobs.mail import format_mail_summary, mail_reminders

    summary = mail_reminders(plan, reminders, as_of=as_of, output=output, settings=request.settings,
                             force=request.force, notices=notices, sender=request.sender)
    click.echo(format_mail_summary(summary, request.settings), err=to_stderr)
    _exit_code.set(summary.exit_code)
