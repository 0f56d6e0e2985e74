"""`reportkit remind`: who has not sent in yet, per report due soon or overdue.

The work is done in reportkit.tracking (states), and later report/notice (the
công văn, ``--notice``) and jobs/mail (e-mails, ``--send``); this module only
parses the options and prints. Exit 0: all received; 1: some missing or late.
"""

from __future__ import annotations

import click

from reportkit.cli_language import CatalogueCommand, _exit_code, option


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
def remind(plan_path: str | None, as_of: str | None, days_ahead: int, submissions: str | None, fmt: str,
           output: str, notice: bool, number: str | None) -> None:
    """Each unit's state for every report due within ``--days-ahead`` days or overdue without a complete set."""
    import datetime as dt
    from pathlib import Path

    from reportkit.params import parse_date_value
    from reportkit.plan.load import load_plan
    from reportkit.tracking.remind import track_submissions

    as_of_date = parse_date_value(as_of, "--as-of") if as_of else dt.date.today()
    plan = load_plan(plan_path)
    folder = Path(submissions) if submissions else Path(f"data/submissions/{plan.year}")
    reminders = track_submissions(plan, as_of_date, folder, days_ahead)
    if notice:  # the công văn đôn đốc, docx + PDF (jobs/notice.py); imported only here: remind stays fast
        from reportkit.jobs.notice import notice_lines

        for line in notice_lines(plan, reminders, output, as_of_date, number=number):
            click.echo(line, err=fmt != "table")
    if any(u.state != "received" for r in reminders for u in r.units):
        _exit_code.set(1)
