"""The ``reportkit`` command line: calendar, template, check, status, run, batch.

Heavy libraries (pandas, matplotlib, papermill) are imported inside the
commands that need them, so ``reportkit --help`` and ``reportkit calendar``
start fast. ``main(argv)`` returns an exit code; a ReportkitError prints its
message (what, where, how to fix) and never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from reportkit.errors import EXIT_USAGE, ReportkitError

PLAN_HELP = "plan YAML (default: the single *.yaml in data/plan/)"


def parse_date_option(value: str | None, option: str) -> dt.date | None:
    """An ISO (2024-03-05) or day-first (05/03/2024) date from a CLI option; never month-first."""
    from reportkit.params import parse_date_value

    return None if value is None else parse_date_value(value, option)


def _plan(path: str | None):
    from reportkit.plan.load import load_plan

    return load_plan(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportkit")
def cli() -> None:
    """reportkit: period reports on how a unit's annual plan is carried out.

    \b
    Typical period:
      reportkit calendar --year 2024 --as-of 2024-02-20
      reportkit template --all -o templates/2024-Q1 --period 2024-Q1
      reportkit check data/submissions/
      reportkit run --period 2024-Q1 --stream dan-chu
    """


@cli.command()
@click.option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@click.option("--year", type=int, help="calendar year (default: the plan's year)")
@click.option("--as-of", "as_of", help="show days left / days late as of this date")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def calendar(plan_path: str | None, year: int | None, as_of: str | None, fmt: str) -> None:
    """Every report the plan requires in a year, with its deadline."""
    from reportkit.periods import build_calendar, calendar_rows

    plan = _plan(plan_path)
    as_of_date = parse_date_option(as_of, "--as-of")
    rows = calendar_rows(build_calendar(plan, year), as_of_date)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["stream"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        columns = ["stream", "period", "due_text", "cutoff", "label"] + (["state"] if as_of_date else [])
        headers = {"stream": "Luồng", "period": "Kỳ", "due_text": "Hạn nộp", "cutoff": "Chốt số liệu",
                   "label": "Báo cáo", "state": "Tình trạng hạn"}
        click.echo(render_table(rows, columns, headers))
        click.echo(f"\n{len(rows)} báo cáo trong năm {year or plan.year}.")


@cli.command()
@click.option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@click.option("--unit", "unit_code", help="unit code from the plan, e.g. hcth")
@click.option("--all", "all_units", is_flag=True, help="one template per unit of the plan (needs -o DIR)")
@click.option("--period", required=True, help="period id, e.g. 2024-Q1 or 2024-M03")
@click.option("-o", "--output", type=click.Path(), help="file for one unit, folder for --all")
@click.option("--force", is_flag=True, help="replace existing workbooks even when they hold a department's answers")
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
        raise ParamsError("give either --unit UNIT or --all", hint="e.g. reportkit template --unit hcth --period 2024-Q1")
    plan = _plan(plan_path)
    period_id = parse_period(period)
    units = [u.code for u in plan.units] if all_units else [plan.unit(unit_code).code]
    if all_units:
        folder = Path(output or Path("templates") / period_id.id)
        if folder.exists() and not folder.is_dir():
            raise ParamsError("-o must be a folder with --all", path=folder, hint="give a folder path, e.g. -o templates/")
        targets = [folder / name for name in template_filenames(units, period_id)]  # safe, unique names
    else:
        target = Path(output) if output else Path(template_filename(units[0], period_id))
        if target.is_dir():
            target = target / template_filename(units[0], period_id)
        elif target.suffix.lower() != ".xlsx":
            raise ParamsError("the template is an .xlsx file", path=target, hint="end the file name with .xlsx")
        targets = [target]
    if not force:
        refuse_overwrite(targets)  # before writing any: all or nothing
    for unit, target in zip(units, targets):
        write_template(plan, unit, period_id, target, force=True)
        count = len(plan.tasks_for_unit(unit))
        click.echo(f"Đã tạo mẫu {target} ({plan.unit(unit).name}, {period_id.label}, {count} nhiệm vụ).")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def check(paths: tuple[str, ...], plan_path: str | None, fmt: str) -> None:
    """Check department workbooks (files or folders): unit, report date, rows read, findings.

    Exit code 0 when no file has an error, 1 when any has.
    """
    from reportkit.intake.reader import read_submissions, submission_as_dict

    plan = _plan(plan_path)
    subs = read_submissions([Path(p) for p in paths], plan)
    if fmt == "json":
        click.echo(json.dumps({"files": [submission_as_dict(s) for s in subs]}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_check(subs, plan))
    if any(s.has_errors for s in subs):
        _exit_code.set(1)


def render_check(subs, plan) -> str:
    """Plain-text report of ``reportkit check``: per file, then totals (Vietnamese)."""
    from reportkit.fmt import format_date

    labels = {"error": "LỖI", "warning": "CẢNH BÁO"}
    lines: list[str] = []
    for sub in subs:
        unit = f"{sub.unit} ({plan.unit(sub.unit).name})" if sub.unit else "không xác định"
        lines.append(str(sub.path))
        lines.append(f"  Đơn vị: {unit} · Ngày báo cáo: {format_date(sub.report_date, 'không xác định')}"
                     f" · Trang tính: {sub.sheet or '—'} · {len(sub.rows)} dòng đọc được")
        for f in sub.findings:
            where = ", ".join(x for x in (f"trang '{f.sheet}'" if f.sheet else "",
                                          f"dòng {f.row}" if f.row else "",
                                          f"cột {f.column}" if f.column else "") if x)
            value = f" (giá trị: '{f.value}')" if f.value and f.value not in f.message else ""
            lines.append(f"  [{labels.get(f.severity, f.severity)}] {where + ': ' if where else ''}{f.message}{value}")
            lines.append(f"      Cách sửa: {f.fix}")
    errors = sum(1 for s in subs for f in s.findings if f.severity == "error")
    warnings = sum(1 for s in subs for f in s.findings if f.severity == "warning")
    bad = sum(1 for s in subs if s.has_errors)
    lines.append("")
    lines.append(f"{len(subs)} tệp, {bad} tệp có lỗi; {errors} lỗi, {warnings} cảnh báo.")
    return "\n".join(lines)


@cli.command()
@click.option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@click.option("--config", type=click.Path(), help="multi-organisation batch config (YAML); replaces --plan/--submissions")
@click.option("--year", type=int, help="calendar year (default: the plan's year)")
@click.option("--through", help="build every report whose data cut-off is on or before this date (default: today)")
@click.option("--periods", help="only these period ids, comma-separated (e.g. 2024-Q1,2024-M03)")
@click.option("--streams", help="only these streams, comma-separated (e.g. dan-chu)")
@click.option("--units", help="with --config: only these organisations (đơn vị), comma-separated codes")
@click.option("--submissions", type=click.Path(), help="submissions folder (default: data/submissions/<year>)")
@click.option("--deadline", "deadline_opts", multiple=True, metavar="CODE=DATE",
              help="deadline of an external task, e.g. III.7=2024-08-15 (repeatable)")
@click.option("--workers", type=int, help="parallel report processes (default: number of cores)")
@click.option("--output", default="outputs", show_default=True, type=click.Path())
@click.option("--force", is_flag=True, help="re-run reports whose inputs are unchanged")
@click.option("--scheduler", help="dask.distributed scheduler address, e.g. tcp://10.0.0.5:8786")
@click.option("--dask", "dask_mode", type=click.Choice(["local"]), help="run on a local dask cluster of processes")
@click.option("--timeout", type=int, default=600, show_default=True, help="wall-clock limit per report, seconds")
@click.option("--kernel", "kernel_name", default="reportkit", show_default=True, help="Jupyter kernel for the notebooks")
@click.option("--quiet", is_flag=True, help="print only the final summary")
def batch(plan_path, config, year, through, periods, streams, units, submissions, deadline_opts, workers, output,
          force, scheduler, dask_mode, timeout, kernel_name, quiet) -> None:
    """Build every report that is due (for cron): skip unchanged ones, write index.html."""
    from reportkit.errors import ParamsError
    from reportkit.jobs.batch import Organisation, load_organisations, run_batch

    through_date = parse_date_option(through, "--through")
    split = lambda v: [x.strip() for x in v.split(",") if x.strip()] if v else None  # noqa: E731
    if units and not config:
        raise ParamsError("--units selects organisations of a --config file", hint="add --config FILE, or drop --units")
    if config and deadline_opts:
        raise ParamsError("--deadline applies to a single plan, not to a --config batch",
                          hint="write deadlines: {III.7: 2024-08-15} under each organisation of the config file")
    if config:
        orgs = load_organisations(config)
        if units:
            known = [o.code for o in orgs]
            unknown = [u for u in split(units) if u not in known]
            if unknown:
                raise ParamsError(f"--units: unknown organisation {', '.join(unknown)}", path=config,
                                  hint="use codes from the config: " + ", ".join(known))
            orgs = [o for o in orgs if o.code in split(units)]
    else:
        from reportkit.params import check_deadlines

        plan = _plan(plan_path)
        sub = submissions or f"data/submissions/{year or plan.year}"
        deadlines = check_deadlines(parse_deadline_options(deadline_opts), plan)  # as run and status check them
        orgs = [Organisation("", str(plan.path), sub, {code: day.isoformat() for code, day in deadlines.items()})]
    summary = run_batch(orgs, year=year, through=through_date, output=Path(output), periods=split(periods),
                        streams=split(streams), workers=workers, force=force, scheduler=scheduler,
                        dask_local=dask_mode == "local", timeout=timeout, kernel_name=kernel_name, quiet=quiet)
    counts = summary.counts()
    click.echo(f"reportkit batch: {counts['built']} built, {counts['skipped']} unchanged, "
               f"{counts['failed']} failed; index: {Path(output) / 'index.html'}")
    for r in summary.results:
        if r.state == "failed":
            click.echo(f"  FAILED {r.key}: {r.error}", err=True)
    _exit_code.set(summary.exit_code)


@cli.command(name="run")
@click.option("--period", help="period id, e.g. 2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024")
@click.option("--stream", help="report stream code of the plan, e.g. dan-chu, dan-van")
@click.option("--as-of", "as_of", help="data cut-off (ngày chốt số liệu), default the day before the deadline")
@click.option("--submissions", type=click.Path(), help="submissions folder (default: data/submissions/<year>)")
@click.option("--params", "params_file", type=click.Path(), help="params YAML (as for papermill -f); options override it")
@click.option("--output", default="outputs", show_default=True, type=click.Path(),
              help="reports go to OUTPUT/<period>/<stream>/")
@click.option("--to", "formats", default="html,pdf,ipynb", show_default=True, help="formats, comma-separated")
@click.option("--pdf-engine", type=click.Choice(["weasyprint", "chromium"]), default="weasyprint", show_default=True,
              help="chromium: the system /usr/bin/chromium, headless")
@click.option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
@click.option("--deadline", "deadline_opts", multiple=True, metavar="CODE=DATE",
              help="deadline of an external task, e.g. III.7=2024-08-15 (repeatable)")
@click.option("--number", help="document number for 'Số: …/BC-…' (blank placeholder when not given)")
@click.option("--signed-on", "signed_on", help="document date (blank placeholder when not given)")
@click.option("--timeout", type=int, default=600, show_default=True, help="notebook time limit, seconds")
@click.option("--kernel", "kernel_name", default="reportkit", show_default=True, help="Jupyter kernel")
def run_command(period, stream, as_of, submissions, params_file, output, formats, pdf_engine, plan_path,
                deadline_opts, number, signed_on, timeout, kernel_name) -> None:
    """Build one period report: HTML, PDF and the executed notebook, with a manifest.

    \b
    Examples:
      reportkit run --period 2024-Q1 --stream dan-chu
      reportkit run --params params/2024-M03-dan-van.yaml --to html,pdf
    """
    from reportkit.errors import EXIT_INPUT_FINDINGS, EXIT_RUN_FAILED, ParamsError
    from reportkit.jobs.run import run_report

    if not params_file and not (period and stream):
        raise ParamsError("give --period and --stream, or --params FILE",
                          hint="e.g. reportkit run --period 2024-Q1 --stream dan-chu")
    deadlines = parse_deadline_options(deadline_opts) or None
    result = run_report(period, stream, plan_path=plan_path, as_of=as_of, submissions=submissions,
                        output=output, formats=formats, params_file=params_file, deadlines=deadlines,
                        number=number, signed_on=signed_on, kernel_name=kernel_name, timeout=timeout,
                        pdf_engine=pdf_engine)
    if not result.ok:
        click.echo(f"reportkit run: FAILED at {result.error}", err=True)
        click.echo(f"  failure page: {result.files.get('failed_html')}", err=True)
        if result.out_dir.is_dir():
            click.echo(f"  the previous report is still in {result.out_dir}", err=True)
        _exit_code.set(EXIT_RUN_FAILED)
        return
    from reportkit.fmt import format_date

    m = result.manifest
    as_of_text = format_date(dt.date.fromisoformat(m["as_of"]))
    click.echo(f"{m['report']} (số liệu đến ngày {as_of_text}): {m['headline']}")
    for kind, path in result.files.items():
        click.echo(f"  {kind:5} {path}")
    click.echo(f"  manifest {result.out_dir / 'manifest.json'}")
    click.echo(f"  {len(m['inputs'])} input files, {m['input_errors']} errors, {m['input_warnings']} warnings; "
               f"{result.timings.get('total', 0):.1f} s")
    if m["input_errors"]:
        click.echo("  some input rows or files were rejected: see Phụ lục II of the report, or reportkit check",
                   err=True)
        _exit_code.set(EXIT_INPUT_FINDINGS)


@cli.command(name="status")
@click.option("--period", required=True, help="period id, e.g. 2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024")
@click.option("--stream", help="report stream (dan-chu, dan-van): its cut-off is the default --as-of")
@click.option("--as-of", "as_of", help="data cut-off (ngày chốt số liệu); default the stream's cut-off, else the period end")
@click.option("--submissions", type=click.Path(), help="submissions folder (default: data/submissions/<year>)")
@click.option("--deadline", "deadline_opts", multiple=True, metavar="CODE=DATE",
              help="deadline of an external task, e.g. III.7=2024-08-15 (repeatable)")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(),
              help="write to this file (xlsx default: outputs/status-<period>[-<stream>].xlsx)")
@click.option("--plan", "plan_path", type=click.Path(), help=PLAN_HELP)
def status_command(period, stream, as_of, submissions, deadline_opts, fmt, output, plan_path) -> None:
    """Status of every task and unit as of the cut-off date.

    \b
    Examples:
      reportkit status --period 2024-Q1 --stream dan-chu
      reportkit status --period 2024 --as-of 2024-11-19 --deadline III.7=2024-08-15 --format xlsx
    """
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
        click.echo(f"{len(frame)} dòng → {path}")
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
            click.echo(f"{len(records)} dòng → {output}")
        else:
            click.echo(text, nl=False)
    else:
        click.echo(render_status_table(frame))
        click.echo(f"\n{period_obj.label}, số liệu đến {as_of_date:%d/%m/%Y}: {headline}.")
        if output:
            click.echo("(--output applies to csv, json and xlsx)", err=True)
    errors = int((findings["severity"] == "error").sum())
    if errors:
        click.echo(f"reportkit status: {errors} lỗi trong dữ liệu đầu vào (dòng bị loại không được tính); "
                   "xem: reportkit check", err=True)
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
    headers = {"task_code": "Mã", "milestone": "Mốc", "unit_code": "Đơn vị", "lead": "Chủ trì", "deadline": "Thời hạn",
               "completed_on": "Hoàn thành", "status": "Tình trạng", "days_late": "Quá hạn (ngày)"}
    return render_table(rows, list(headers), headers)


def parse_deadline_options(options) -> dict[str, str]:
    """``("III.7=2024-08-15",)`` → ``{"III.7": "2024-08-15"}``: only split here; ``params`` checks codes and dates."""
    from reportkit.errors import ParamsError

    out = {}
    for item in options or ():
        code, sep, value = item.partition("=")
        if not sep:
            raise ParamsError(f"--deadline {item!r} is not CODE=DATE", hint="e.g. --deadline III.7=2024-08-15")
        out[code.strip()] = value.strip()
    return out


def option_inputs(**options) -> dict:
    """CLI options as the raw mapping of run inputs that ``params.parse_run_inputs`` checks (unset ones left out)."""
    return {name: value for name, value in options.items() if value is not None and value != {}}


def render_table(rows: list[dict], columns: list[str], headers: dict[str, str]) -> str:
    """A plain aligned text table (no colour, safe for cron logs)."""
    cells = [[headers.get(c, c) for c in columns]] + [[str(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return its exit code instead of exiting (testable in-process)."""
    try:
        cli.main(args=argv, prog_name="reportkit", standalone_mode=False)
    except ReportkitError as exc:
        click.echo(f"reportkit: error: {exc.render()}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("reportkit: aborted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("reportkit: interrupted", err=True)
        return 130
    return _exit_code.get()


class _ExitCode:
    """Commands set the process exit code here (click's return values are ignored)."""

    def __init__(self) -> None:
        self.value = 0

    def set(self, code: int) -> None:
        self.value = max(self.value, code)

    def get(self) -> int:
        value, self.value = self.value, 0
        return value


_exit_code = _ExitCode()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
