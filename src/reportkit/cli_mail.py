"""The e-mail options of `reportkit remind` (``--dry-run``, ``--send``, SMTP settings) and their run.

``mail_options`` adds the options to the remind command; ``run_mail`` composes (and with ``--send``
sends) the reminders for the tracker's pending units and prints what happened. Nothing is mailed
without ``--send``; ``--dry-run`` writes the messages as .eml files and shows what would go out.
The work is done in reportkit.jobs.mail; the password is read there, never taken as an option.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
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


def wants_mail(options: Mapping[str, object]) -> bool:
    """Whether ``--dry-run`` or ``--send`` was given (usage error when both)."""
    if options.get("mail_dry_run") and options.get("mail_send"):
        raise ParamsError(t("opt.mail.exclusive"))
    return bool(options.get("mail_dry_run") or options.get("mail_send"))


def run_mail(plan, reminders: list, *, as_of: dt.date, output: str | Path, options: Mapping[str, object],
             notices: Mapping[str, Path] | None = None, to_stderr: bool = False) -> None:
    """Compose (and with ``--send``, send) the reminders; print the account; set exit code 2 on a failure."""
    from reportkit.jobs.mail import format_mail_summary, mail_reminders, read_smtp_settings

    settings = None
    smtp = {"host": options.get("smtp_host"), "port": options.get("smtp_port"), "tls": options.get("smtp_tls"),
            "user": options.get("smtp_user"), "sender": options.get("smtp_from")}
    if options.get("mail_send"):
        settings = read_smtp_settings(smtp, password_file=options.get("smtp_password_file"))
    sender = str(smtp["sender"] or _environ_sender())
    summary = mail_reminders(plan, reminders, as_of=as_of, output=output, settings=settings,
                             force=bool(options.get("mail_force")), notices=notices, sender=sender)
    click.echo(format_mail_summary(summary, settings), err=to_stderr)
    _exit_code.set(summary.exit_code)


def _environ_sender() -> str:
    import os

    from reportkit.jobs.mail.settings import ENV

    return os.environ.get(ENV["sender"], "").strip()
