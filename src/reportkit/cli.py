"""The ``reportkit`` command line: calendar, template, check, status, run, batch.

Heavy libraries (pandas, matplotlib, papermill) are imported inside the
commands that need them, so ``reportkit --help`` and ``reportkit calendar``
start fast. ``main(argv)`` returns an exit code; a ReportkitError prints its
message (what, where, how to fix) and never a traceback. Every text printed
comes from the message catalogue (``reportkit.messages``): Vietnamese by
default, English with ``--lang en`` or ``REPORTKIT_LANG=en``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from reportkit.cli_language import CatalogueGroup, _exit_code, choose_language, click_in_language, lang_option, option
from reportkit.cli_plan import plan as plan_group
from reportkit.cli_remind import remind as remind_command
from reportkit.cli_rollup import rollup as rollup_command
from reportkit.errors import EXIT_USAGE, ReportkitError
from reportkit.fmt import render_text_table as render_table  # noqa: F401  (the CLI's text tables; kept importable here)
from reportkit.messages import set_language, t, use_language

PLAN_HELP = "opt.plan"  # help texts are message ids of reportkit.messages, translated when shown


def parse_date_option(value: str | None, option: str) -> dt.date | None:
    """An ISO (2024-03-05) or day-first (05/03/2024) date from a CLI option; never month-first."""
    from reportkit.params import parse_date_value

    return None if value is None else parse_date_value(value, option)


def _plan(path: str | None, year: int | None = None):
    """The plan of ``--plan``, else the plan of ``year`` (from --year or --period) in data/plan/."""
    from reportkit.plan.load import load_plan

    return load_plan(path, year=year)


def _print_version(ctx, param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from importlib.metadata import version

        click.echo(t("version", version=version("reportkit")))
        ctx.exit()


def _set_language_option(ctx, param, value: str | None) -> None:
    if value:
        set_language(choose_language(value))


@click.group(cls=CatalogueGroup, help="help.cli", context_settings={"help_option_names": ["-h", "--help"]})
@option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version, help="opt.version")
@option("--lang", metavar="[vi|en]", expose_value=False, is_eager=True, callback=_set_language_option,
        help="opt.lang")
def cli() -> None:
    """reportkit: period reports on how a unit's annual plan is carried out (help text: messages "help.cli")."""


@cli.command(help="help.calendar")
@option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@option("--year", type=int, help="opt.year")
@option("--as-of", "as_of", help="opt.calendar.as_of")
@option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
        help="opt.format")
def calendar(plan_path: str | None, year: int | None, as_of: str | None, fmt: str) -> None:
    """Every report the plan requires in a year, with its deadline."""
    from reportkit.periods import adhoc_rows, build_calendar, calendar_rows

    plan = _plan(plan_path, year)
    as_of_date = parse_date_option(as_of, "--as-of")
    reports = build_calendar(plan, year)
    dated = calendar_rows(reports, as_of_date)
    rows = dated + adhoc_rows(plan, as_of_date)  # ad-hoc reports ("khi có yêu cầu") last, without a date
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["stream"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        columns = ["stream", "period", "due_text", "submit", "cutoff", "label"] + (["state"] if as_of_date else [])
        headers = {"stream": t("calendar.stream"), "period": t("calendar.period"), "due_text": t("calendar.due"),
                   "submit": t("calendar.submit"), "cutoff": t("calendar.cutoff"), "label": t("calendar.report"),
                   "state": t("calendar.state")}
        shown = [row | {"submit": row["submit_last_day"] or "", "cutoff": row["cutoff"] or ""} for row in rows]
        for row, report in zip(shown, reports):  # the terminal speaks the user's language; JSON/CSV keep the plan's
            row["due_text"] = report.due_words
            if as_of_date:
                row["state"] = report.state_words(as_of_date)
        click.echo(render_table(shown, columns, headers))
        click.echo("\n" + t("calendar.total", n=len(dated), year=year or plan.year)
                   + (" " + t("calendar.adhoc_total", n=len(rows) - len(dated)) if len(rows) > len(dated) else ""))


@cli.command(help="help.template")
@option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@option("--unit", "unit_code", help="opt.unit")
@option("--all", "all_units", is_flag=True, help="opt.all_units")
@option("--period", required=True, help="opt.period")
@option("-o", "--output", type=click.Path(), help="opt.template.output")
@option("--force", is_flag=True, help="opt.template.force")
def template(plan_path: str | None, unit_code: str | None, all_units: bool, period: str, output: str | None,
             force: bool) -> None:
    """Write the department workbook template (.xlsx) for a unit, or every unit, and a period.

    A workbook that already holds answers is never replaced unless --force.
    """
    from reportkit.errors import ParamsError
    from reportkit.intake.answers import refuse_overwrite
    from reportkit.intake.template import (
        template_filename,
        template_filenames,
        write_template,
    )
    from reportkit.periods import parse_period

    if bool(unit_code) == all_units:
        raise ParamsError(t("template.unit_or_all"), hint=t("template.unit_or_all.fix"))
    period_id = parse_period(period)
    plan = _plan(plan_path, period_id.year)
    units = [u.code for u in plan.units] if all_units else [plan.unit(unit_code).code]
    if all_units:
        folder = Path(output or Path("templates") / period_id.id)
        if folder.exists() and not folder.is_dir():
            raise ParamsError(t("template.folder_needed"), path=folder, hint=t("template.folder_needed.fix"))
        targets = [folder / name for name in template_filenames(units, period_id)]  # safe, unique names
    else:
        target = Path(output) if output else Path(template_filename(units[0], period_id))
        if target.is_dir():
            target = target / template_filename(units[0], period_id)
        elif target.suffix.lower() != ".xlsx":
            raise ParamsError(t("template.xlsx_needed"), path=target, hint=t("template.xlsx_needed.fix"))
        targets = [target]
    if not force:
        refuse_overwrite(targets)  # before writing any: all or nothing
    for unit, target in zip(units, targets):
        write_template(plan, unit, period_id, target, force=True)
        count = len(plan.tasks_for_unit(unit))
        click.echo(t("template.written", path=target, unit=plan.unit(unit).name, period=period_id.label, n=count))


@cli.command(help="help.check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
        help="opt.format")
def check(paths: tuple[str, ...], plan_path: str | None, fmt: str) -> None:
    """Check department workbooks; exit code 0 when no file has an error, 1 when any has."""
    from reportkit.intake.reader import read_submissions, submission_as_dict
    from reportkit.report.check import render_check

    plan = _plan(plan_path)
    subs = read_submissions([Path(p) for p in paths], plan)
    if fmt == "json":
        click.echo(json.dumps({"files": [submission_as_dict(s) for s in subs]}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_check(subs, plan))
    if any(s.has_errors for s in subs):
        _exit_code.set(1)


@cli.command(help="help.batch")
@option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@option("--config", type=click.Path(), help="opt.config")
@option("--year", type=int, help="opt.year")
@option("--through", help="opt.through")
@option("--periods", help="opt.periods")
@option("--streams", help="opt.streams")
@option("--units", help="opt.units")
@option("--submissions", type=click.Path(), help="opt.submissions")
@option("--deadline", "deadline_opts", multiple=True, metavar="CODE=DATE", help="opt.deadline")
@option("--workers", type=int, help="opt.workers")
@option("--output", default="outputs", show_default=True, type=click.Path(), help="opt.batch.output")
@option("--force", is_flag=True, help="opt.force")
@option("--scheduler", help="opt.scheduler")
@option("--dask", "dask_mode", type=click.Choice(["local"]), help="opt.dask")
@option("--timeout", type=int, default=600, show_default=True, help="opt.batch.timeout")
@option("--kernel", "kernel_name", default="reportkit", show_default=True, help="opt.kernel")
@option("--quiet", is_flag=True, help="opt.quiet")
def batch(plan_path, config, year, through, periods, streams, units, submissions, deadline_opts, workers, output,
          force, scheduler, dask_mode, timeout, kernel_name, quiet) -> None:
    """Build every report that is due (for cron): skip unchanged ones, write index.html."""
    from reportkit.errors import ParamsError
    from reportkit.jobs.batch import Organisation, load_organisations, run_batch

    through_date = parse_date_option(through, "--through")
    split = lambda v: [x.strip() for x in v.split(",") if x.strip()] if v else None  # noqa: E731
    if units and not config:
        raise ParamsError(t("batch.units_without_config"), hint=t("batch.units_without_config.fix"))
    if config and deadline_opts:
        raise ParamsError(t("batch.deadline_with_config"), hint=t("batch.deadline_with_config.fix"))
    if config:
        orgs = load_organisations(config)
        if units:
            known = [o.code for o in orgs]
            unknown = [u for u in split(units) if u not in known]
            if unknown:
                raise ParamsError(t("batch.unknown_units", units=", ".join(unknown)), path=config,
                                  hint=t("batch.unknown_units.fix", known=", ".join(known)))
            orgs = [o for o in orgs if o.code in split(units)]
    else:
        from reportkit.params import check_deadlines

        plan = _plan(plan_path, year)
        sub = submissions or f"data/submissions/{year or plan.year}"
        deadlines = check_deadlines(parse_deadline_options(deadline_opts), plan)  # as run and status check them
        orgs = [Organisation("", str(plan.path), sub, {code: day.isoformat() for code, day in deadlines.items()})]
    summary = run_batch(orgs, year=year, through=through_date, output=Path(output), periods=split(periods),
                        streams=split(streams), workers=workers, force=force, scheduler=scheduler,
                        dask_local=dask_mode == "local", timeout=timeout, kernel_name=kernel_name, quiet=quiet)
    counts = summary.counts()
    click.echo(t("batch.summary", built=counts["built"], skipped=counts["skipped"], failed=counts["failed"],
                 index=Path(output) / "index.html"))
    for r in summary.results:
        if r.state == "failed":
            click.echo(t("batch.failed_line", key=r.key, error=r.error), err=True)
    _exit_code.set(summary.exit_code)


@cli.command(name="run", help="help.run")
@option("--period", help="opt.period")
@option("--stream", help="opt.stream")
@option("--as-of", "as_of", help="opt.run.as_of")
@option("--submissions", type=click.Path(), help="opt.submissions")
@option("--params", "params_file", type=click.Path(), help="opt.params")
@option("--output", default="outputs", show_default=True, type=click.Path(), help="opt.run.output")
@option("--to", "formats", default="html,pdf,docx,ipynb", show_default=True, help="opt.to")
@option("--pdf-engine", type=click.Choice(["weasyprint", "chromium"]), default="weasyprint", show_default=True,
        help="opt.pdf_engine")
@option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@option("--deadline", "deadline_opts", multiple=True, metavar="CODE=DATE", help="opt.deadline")
@option("--number", help="opt.number")
@option("--signed-on", "signed_on", help="opt.signed_on")
@option("--timeout", type=int, default=600, show_default=True, help="opt.run.timeout")
@option("--kernel", "kernel_name", default="reportkit", show_default=True, help="opt.kernel")
def run_command(period, stream, as_of, submissions, params_file, output, formats, pdf_engine, plan_path,
                deadline_opts, number, signed_on, timeout, kernel_name) -> None:
    """Build one period report: HTML, PDF and the executed notebook, with a manifest."""
    from reportkit.errors import EXIT_INPUT_FINDINGS, EXIT_RUN_FAILED, ParamsError
    from reportkit.jobs.run import run_report

    if not params_file and not (period and stream):
        raise ParamsError(t("run.need_period"), hint=t("run.need_period.fix"))
    deadlines = parse_deadline_options(deadline_opts) or None
    result = run_report(period, stream, plan_path=plan_path, as_of=as_of, submissions=submissions,
                        output=output, formats=formats, params_file=params_file, deadlines=deadlines,
                        number=number, signed_on=signed_on, kernel_name=kernel_name, timeout=timeout,
                        pdf_engine=pdf_engine)
    if not result.ok:
        click.echo(t("run.failed", error=result.error), err=True)
        click.echo(t("run.failure_page", path=result.files.get("failed_html")), err=True)
        if result.out_dir.is_dir():
            click.echo(t("run.previous_kept", path=result.out_dir), err=True)
        _exit_code.set(EXIT_RUN_FAILED)
        return
    from reportkit.fmt import format_date
    from reportkit.fmt import format_local_number

    m = result.manifest
    as_of_text = format_date(dt.date.fromisoformat(m["as_of"]))
    click.echo(t("run.headline", report=m["report"], as_of=as_of_text, headline=m["headline"]))
    for kind, path in result.files.items():
        click.echo(f"  {kind:5} {path}")
    click.echo(t("run.manifest", path=result.out_dir / "manifest.json"))
    click.echo(t("run.inputs", files=len(m["inputs"]), errors=m["input_errors"], warnings=m["input_warnings"],
                 seconds=format_local_number(result.timings.get("total", 0), 1)))
    if m["input_errors"]:
        click.echo(t("run.rejected"), err=True)
        _exit_code.set(EXIT_INPUT_FINDINGS)


@cli.command(name="status", help="help.status")
@option("--period", required=True, help="opt.period")
@option("--stream", help="opt.status.stream")
@option("--as-of", "as_of", help="opt.status.as_of")
@option("--submissions", type=click.Path(), help="opt.submissions")
@option("--deadline", "deadline_opts", multiple=True, metavar="CODE=DATE", help="opt.deadline")
@option("--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default="table", show_default=True,
        help="opt.format")
@option("--output", "-o", type=click.Path(), help="opt.status.output")
@option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
def status_command(period, stream, as_of, submissions, deadline_opts, fmt, output, plan_path) -> None:
    """Status of every task and unit as of the cut-off date."""
    from reportkit.errors import EXIT_INPUT_FINDINGS
    from reportkit.params import parse_run_inputs
    from reportkit.status import assess_tasks, resolve_submissions
    from reportkit.summary import (
        build_summary,
        format_headline,
        headline_counts,
        relevant_findings,
    )

    # Every option checked before any workbook is read, as run, batch and the notebooks check them.
    inputs = parse_run_inputs(option_inputs(period=period, stream=stream, as_of=as_of, submissions=submissions,
                                            deadlines=parse_deadline_options(deadline_opts), plan_path=plan_path),
                              stream_required=False)
    plan, period_obj, as_of_date = inputs.plan, inputs.period, inputs.as_of
    subs = resolve_submissions(inputs.submissions, plan)
    summary = build_summary(inputs, subs) if inputs.report else None
    frame = summary.status if summary else assess_tasks(inputs, subs)
    headline = summary.headline if summary else format_headline(headline_counts(frame))
    findings = summary.findings if summary else relevant_findings(plan, subs, as_of_date)

    if fmt == "xlsx":
        from reportkit.report.xlsx_out import write_status_xlsx

        path = Path(output or f"outputs/status-{period_obj.id}{'-' + stream if stream else ''}.xlsx")
        title = None if summary else f"{period_obj.label} (số liệu đến {as_of_date:%d/%m/%Y}): {headline}"
        write_status_xlsx(frame, path, summary=summary, title=title)
        click.echo(t("status.rows_written", n=len(frame), path=path))
    elif fmt in ("csv", "json"):
        from reportkit.status import status_records

        records = status_records(frame)
        if fmt == "json":
            text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        else:
            text = status_csv(records)
        if output:
            from reportkit.files import write_atomic

            # A BOM lets Excel open the Vietnamese CSV as UTF-8.
            write_atomic(output, text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
            click.echo(t("status.rows_written", n=len(records), path=output))
        else:
            click.echo(text, nl=False)
    else:
        click.echo(render_status_table(frame))
        click.echo("\n" + t("status.footer", period=period_obj.label, as_of=f"{as_of_date:%d/%m/%Y}", headline=headline))
        if output:
            click.echo(t("status.output_ignored"), err=True)
    from reportkit.status import tasks_without_deadline

    for task in tasks_without_deadline(plan, inputs.deadlines):  # never invented: asked for
        click.echo(t("status.deadline_not_determined", code=task.code, time_frame=task.time_frame,
                     reason=t(f"status.deadline_reason.{task.due.kind}")), err=True)
    errors = int((findings["severity"] == "error").sum())
    if errors:
        click.echo(t("status.input_errors", n=errors), err=True)
        _exit_code.set(EXIT_INPUT_FINDINGS)


def status_csv(records: list[dict]) -> str:
    """CSV text of status records; department text that a spreadsheet would run as a formula is neutralised."""
    import csv
    import io

    from reportkit.report.xlsx_out import neutralise_formula

    buffer = io.StringIO()
    fields = list(records[0]) if records else ["task_code"]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: neutralise_formula("" if v is None else v) for k, v in record.items()})
    return buffer.getvalue()


def render_status_table(frame) -> str:
    """The status table as aligned text: code, milestone, unit, lead, deadline, completion, status, days late."""
    import pandas as pd

    from reportkit.fmt import format_date

    def day(value) -> str:
        return "" if pd.isna(value) else format_date(value.date())

    rows = [{  # a display of a few hundred lines at most
        "task_code": r.task_code, "milestone": r.milestone_label, "unit_code": r.unit_code,
        "lead": "x" if r.is_lead and r.lead_unit_code else "", "deadline": day(r.deadline), "completed_on": day(r.completed_on),
        "status": r.status, "days_late": "" if pd.isna(r.days_late) else str(r.days_late),
    } for r in frame.astype({"days_late": object}).itertuples()]
    columns = ["task_code", "milestone", "unit_code", "lead", "deadline", "completed_on", "status", "days_late"]
    return render_table(rows, columns, {key: t(f"status.{key}") for key in columns})


def parse_deadline_options(options) -> dict[str, str]:
    """``("III.7=2024-08-15",)`` → ``{"III.7": "2024-08-15"}``: only split here; ``params`` checks codes and dates."""
    from reportkit.errors import ParamsError

    out = {}
    for item in options or ():
        code, sep, value = item.partition("=")
        if not sep:
            raise ParamsError(t("deadline.not_code_date", item=repr(item)), hint=t("deadline.not_code_date.fix"))
        out[code.strip()] = value.strip()
    return out


def option_inputs(**options) -> dict:
    """CLI options as the raw mapping of run inputs that ``params.parse_run_inputs`` checks (unset ones left out)."""
    return {name: value for name, value in options.items() if value is not None and value != {}}


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return its exit code instead of exiting (testable in-process).

    The language (``--lang``, else ``REPORTKIT_LANG``, else Vietnamese) is chosen
    before click parses anything, so help and usage errors are in it too.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        lang = choose_language(lang_option(args))
    except ReportkitError as exc:
        click.echo(t("error.prefix", message=exc.render()), err=True)
        return exc.exit_code
    with use_language(lang), click_in_language():
        return _run(args)


def _run(args: list[str]) -> int:
    """The command itself: a ReportkitError or a usage error becomes a message and an exit code."""
    try:
        cli.main(args=args, prog_name="reportkit", standalone_mode=False)
    except ReportkitError as exc:
        click.echo(t("error.prefix", message=exc.render()), err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo(t("error.aborted"), err=True)
        return 130
    except KeyboardInterrupt:
        click.echo(t("error.interrupted"), err=True)
        return 130
    return _exit_code.get()


cli.add_command(plan_group)
cli.add_command(remind_command)
cli.add_command(rollup_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
