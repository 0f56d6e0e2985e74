"""`reportkit remind`: who has not sent in yet, per report due soon or overdue.

The work is done in reportkit.tracking (states), and later report/notice (the
công văn, ``--notice``) and jobs/mail (e-mails, ``--send``); this module only
parses the options and prints. Exit 0: all received; 1: some missing or late.
"""

from __future__ import annotations

import click

from reportkit.cli_language import CatalogueCommand, _exit_code, option
from reportkit.cli_mail import mail_options, mail_request, run_mail


@click.command(name="remind", cls=CatalogueCommand, help="help.remind")
@option("--plan", "plan_path", type=click.Path(), help="opt.plan")
@option("--as-of", "as_of", help="opt.remind.as_of")
@option("--days-ahead", "days_ahead", type=click.IntRange(min=0), default=5, show_default=True,
        help="opt.remind.days_ahead")
@option("--submissions", type=click.Path(), help="opt.submissions")
@option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
        help="opt.format")
@option("--output", default="outputs", show_default=True, type=click.Path(), help="opt.remind.output")
@option("--notice", is_flag=True, help="opt.remind.notice")
@option("--number", help="opt.remind.number")
@mail_options
def remind(plan_path: str | None, as_of: str | None, days_ahead: int, submissions: str | None, fmt: str,
           output: str, notice: bool, number: str | None, **mail) -> None:
    """Each unit's state for every report due within ``--days-ahead`` days or overdue without a complete set."""
    import datetime as dt
    import json
    from pathlib import Path

    from reportkit.params import parse_date_value
    from reportkit.plan.load import load_plan
    from reportkit.tracking.model import RECEIVED
    from reportkit.tracking.output import (
        reminder_rows,
        reminders_as_json,
        render_reminders,
    )
    from reportkit.tracking.remind import track_submissions

    as_of_date = parse_date_value(as_of, "--as-of") if as_of else dt.date.today()
    mailing = mail_request(mail)  # --dry-run / --send and the SMTP settings (cli_mail.py), checked before any work
    plan = load_plan(plan_path)
    folder = Path(submissions) if submissions else Path(f"data/submissions/{plan.year}")
    reminders = track_submissions(plan, as_of_date, folder, days_ahead)
    if fmt == "json":
        click.echo(json.dumps(reminders_as_json(as_of_date, reminders), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        _echo_csv(reminder_rows(reminders))
    else:
        click.echo(render_reminders(as_of_date, reminders))
    to_stderr = fmt != "table"  # csv/json stay machine-readable on stdout
    notices = _write_notices(plan, reminders, output, as_of_date, number, to_stderr=to_stderr) if notice else {}
    if mailing:  # the e-mail reminders (jobs/mail): .eml files, sent with --send, the công văn PDF attached
        run_mail(plan, reminders, mailing, as_of=as_of_date, output=output, notices=notices, to_stderr=to_stderr)
    if any(u.state != RECEIVED for r in reminders for u in r.units):
        _exit_code.set(1)


def _echo_csv(rows: list[dict]) -> None:
    import csv
    import sys

    columns = ["stream", "period", "units_last_day", "code", "name", "state", "file", "report_date", "days_left",
               "findings", "emails"]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _write_notices(plan, reminders: list, output: str, as_of, number: str | None, *, to_stderr: bool) -> dict:
    """``--notice``: write the công văn đôn đốc files (jobs/notice.py), name them; report key → PDF path."""
    from reportkit.jobs.notice import describe_notices, write_notices

    written = write_notices(plan, reminders, output, as_of, number=number)
    for line in describe_notices(written, reminders):
        click.echo(line, err=to_stderr)
    return {n.key: n.pdf for n in written if n.pdf}
