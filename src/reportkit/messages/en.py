"""English texts (``--lang en`` or ``REPORTKIT_LANG=en``). Same keys and fields as ``vi.py``."""

from reportkit.messages.en_findings import FINDINGS  # noqa: F401  (re-exported)
from reportkit.messages.en_import import IMPORT_MESSAGES
from reportkit.messages.en_mail import MAIL_MESSAGES
from reportkit.messages.en_notice import NOTICE_MESSAGES
from reportkit.messages.en_plan import PLAN_MESSAGES
from reportkit.messages.en_remind import REMIND_MESSAGES
from reportkit.messages.en_rolldata import ROLLDATA_MESSAGES
from reportkit.messages.en_rollup import ROLLUP_MESSAGES
from reportkit.messages.en_source import SOURCE_MESSAGES

MESSAGES: dict[str, str] = {
    # -- language choice
    "lang.unknown": "language '{value}' (from {source}) is not supported",
    "lang.unknown.fix": "use vi (Vietnamese, the default) or en (English)",
    # -- how an error is shown (errors.py, cli.main); where.* also in check output
    "error.prefix": "reportkit: error: {message}",
    "error.fix": "Fix: {hint}",
    "error.value": " (value: {value})",
    "where.sheet": "sheet '{sheet}'",
    "where.row": "row {row}",
    "where.column": "column {column}",
    "where.rows": "rows {rows}",
    "error.aborted": "reportkit: aborted",
    "error.interrupted": "reportkit: interrupted (Ctrl+C)",
    # -- command and option help
    "help.cli": (
        "reportkit: period reports on how a unit's annual plan is carried out.\n\n"
        "\b\nTypical period:\n"
        "  reportkit calendar --year 2024 --as-of 2024-02-20\n"
        "  reportkit template --all -o templates/2024-Q1 --period 2024-Q1\n"
        "  reportkit check data/submissions/\n"
        "  reportkit run --period 2024-Q1 --stream dan-chu"
    ),
    "help.plan": "The plan: list the plans, show one, import one from its document.",
    "help.plan_list": ("List the plans in a folder (default data/plan/): code, year, issuing organisation, title, "
                       "file, and whether the plan loads (its first error if not). Exit code 1 when a plan is broken."),
    "help.plan_show": ("Show the plan as reportkit understands it: units, tasks (lead, support, time frame, due), "
                       "reports and their deadlines. PLAN: a YAML file (default: this year's plan in data/plan/, "
                       "or the only plan)."),
    "help.calendar": "Every report the plan requires in a year, with its deadline.",
    "help.template": (
        "Write the department workbook template (.xlsx) for a unit, or every unit, and a period.\n\n"
        "A workbook that already holds answers is never replaced unless --force."
    ),
    "help.check": (
        "Check department workbooks (files or folders): unit, report date, rows read, findings.\n\n"
        "Exit code 0 when no file has an error, 1 when any has."
    ),
    "help.batch": "Build every report that is due (for cron): skip unchanged ones, write index.html.",
    "help.run": (
        "Build one period report: HTML, PDF and the executed notebook, with a manifest.\n\n"
        "\b\nExamples:\n"
        "  reportkit run --period 2024-Q1 --stream dan-chu\n"
        "  reportkit run --params params/2024-M03-dan-van.yaml --to html,pdf"
    ),
    "help.status": (
        "Status of every task and unit as of the cut-off date.\n\n"
        "\b\nExamples:\n"
        "  reportkit status --period 2024-Q1 --stream dan-chu\n"
        "  reportkit status --period 2024 --as-of 2024-11-19 --deadline III.7=2024-08-15 --format xlsx"
    ),
    "opt.lang": "language of messages: vi (default) or en; also set by the environment variable REPORTKIT_LANG",
    "opt.version": "Show the version and exit.",
    "version": "reportkit, version {version}",
    "opt.plan": "plan YAML (default: the plan of the period's or --year's year in data/plan/, or the only plan)",
    "opt.year": "calendar year (default: the plan's year)",
    "opt.calendar.as_of": "show days left / days late as of this date",
    "opt.format": "output form",
    "opt.unit": "unit code from the plan, e.g. hcth",
    "opt.all_units": "one template per unit of the plan (needs -o DIR)",
    "opt.period": "period id, e.g. 2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024",
    "opt.template.output": "file for one unit, folder for --all",
    "opt.template.force": "replace existing workbooks even when they hold a department's answers",
    "opt.config": "multi-organisation batch config (YAML); replaces --plan/--submissions",
    "opt.through": "build every report whose data cut-off is on or before this date (default: today)",
    "opt.periods": "only these period ids, comma-separated (e.g. 2024-Q1,2024-M03)",
    "opt.streams": "only these streams, comma-separated (e.g. dan-chu)",
    "opt.units": "with --config: only these organisations (đơn vị), comma-separated codes",
    "opt.submissions": "submissions folder (default: data/submissions/<year>)",
    "opt.deadline": "deadline of an external task or one whose time frame names no date, e.g. III.7=2024-08-15 (repeatable)",
    "opt.workers": "parallel report processes (default: number of cores)",
    "opt.batch.output": "output folder",
    "opt.force": "re-run reports whose inputs are unchanged",
    "opt.scheduler": "dask.distributed scheduler address, e.g. tcp://10.0.0.5:8786",
    "opt.dask": "run on a local dask cluster of processes",
    "opt.batch.timeout": "wall-clock limit per report, seconds",
    "opt.kernel": "Jupyter kernel for the notebooks",
    "opt.quiet": "print only the final summary",
    "opt.stream": "report stream code of the plan, e.g. dan-chu, dan-van",
    "opt.run.as_of": "data cut-off (ngày chốt số liệu), default the day before the deadline",
    "opt.params": "params YAML (as for papermill -f); options override it",
    "opt.run.output": "reports go to OUTPUT/<period>/<stream>/",
    "opt.to": "formats, comma-separated",
    "opt.pdf_engine": "chromium: the system /usr/bin/chromium, headless",
    "opt.number": "document number for 'Số: …/BC-…' (blank placeholder when not given)",
    "opt.signed_on": "document date (blank placeholder when not given)",
    "opt.run.timeout": "notebook time limit, seconds",
    "opt.status.stream": "report stream (dan-chu, dan-van): its cut-off is the default --as-of",
    "opt.status.as_of": "data cut-off (ngày chốt số liệu); default the stream's cut-off, else the period end",
    "opt.status.output": "write to this file (xlsx default: outputs/status-<period>[-<stream>].xlsx)",
    # -- plan list, plan show
    "opt.plan_folder": "folder of the plan YAML files",
    "plan_list.code": "Code",
    "plan_list.year": "Year",
    "plan_list.organisation": "Organisation",
    "plan_list.title": "Title",
    "plan_list.file": "File",
    "plan_list.loads": "Loads",
    "plan_list.ok": "yes",
    "plan_list.error": "no: {error}",
    "plan_list.none": "No plan YAML file in {folder}.",
    "plan_list.same_year": "Year {year} has several plans ({files}): every command for that year needs --plan; keep one plan per year.",
    "plan_show.head": "Plan of {organisation}, year {year} ({file})",
    "plan_show.units": "Units ({n}):",
    "plan_show.unit.code": "Code",
    "plan_show.unit.name": "Name",
    "plan_show.unit.aliases": "Other names",
    "plan_show.tasks": "Tasks and content items ({n}):",
    "plan_show.lead": "lead: {units}",
    "plan_show.every_unit": "every unit, each on its own",
    "plan_show.support": "support: {units}",
    "plan_show.time_frame": "time frame: {text}",
    "plan_show.due": "due: {due}",
    "plan_show.due.continuous": "continuous",
    "plan_show.due.external": "set by a superior (no date yet)",
    "plan_show.due.unknown": "not determined",
    "plan_show.reports": "Reports ({n}):",
    "plan_show.report.stream": "Stream",
    "plan_show.report.period": "Period",
    "plan_show.report.due_before": "Due before",
    "plan_show.report.rule": "Rule",
    # -- calendar
    "calendar.stream": "Stream",
    "calendar.period": "Period",
    "calendar.due": "Due",
    "calendar.cutoff": "Data cut-off",
    "calendar.report": "Report",
    "due_report.before": "before {date}",
    "due_report.by": "by {date}",
    "due_report.days_left": "{n} days left",
    "due_report.today": "last day today",
    "due_report.days_late": "{n} days late",
    "calendar.state": "Deadline state",
    "calendar.total": "{n} reports in {year}.",
    "calendar.submit": "Units send by",
    "calendar.adhoc_total": "Also {n} report(s) on request (no set deadline).",
    # -- template
    "template.unit_or_all": "give either --unit UNIT or --all",
    "template.unit_or_all.fix": "e.g. reportkit template --unit hcth --period 2024-Q1",
    "template.folder_needed": "-o must be a folder with --all",
    "template.folder_needed.fix": "give a folder path, e.g. -o templates/",
    "template.xlsx_needed": "the template is an .xlsx file",
    "template.xlsx_needed.fix": "end the file name with .xlsx",
    "template.filled": "the file already holds a department's answers ({cells}); not overwritten",
    "template.filled.more": "{shown} and {n} more cells",
    "template.unreadable": "the file exists and cannot be read as a workbook; not overwritten",
    "template.refused": "{n} files hold answers or cannot be read; no file written",
    "template.refused.fix": ("choose another file or folder with -o; use --force only to replace a filled workbook "
                             "with a blank template on purpose"),
    "template.written": "Template written: {path} ({unit}, {period}, {n} tasks).",
    # -- check
    "check.unknown": "unknown",
    "check.file": "  Unit: {unit} · Report date: {date} · Sheet: {sheet} · rows read: {n}",
    "check.error": "ERROR",
    "check.warning": "WARNING",
    "check.value": " (value: '{value}')",
    "check.fix": "      Fix: {fix}",
    "check.fix_rows": "      Fix ({n} rows): {fix}",
    "check.fix_times": "      Fix ({n} findings): {fix}",
    "check.total": "files: {files}, with errors: {bad}; errors: {errors}, warnings: {warnings}.",
    # -- run
    "run.need_period": "give --period and --stream, or --params FILE",
    "run.need_period.fix": "e.g. reportkit run --period 2024-Q1 --stream dan-chu",
    "run.failed": "reportkit run: FAILED at {error}",
    "run.failure_page": "  failure page: {path}",
    "run.previous_kept": "  the previous report is still in {path}",
    "run.headline": "{report} (data as of {as_of}): {headline}",
    "run.manifest": "  manifest {path}",
    "run.inputs": "  input files: {files}, errors: {errors}, warnings: {warnings}; {seconds} s",
    "run.rejected": "  some input rows or files were rejected: see Phụ lục II of the report, or reportkit check",
    # -- batch
    "batch.units_without_config": "--units selects organisations of a --config file",
    "batch.units_without_config.fix": "add --config FILE, or drop --units",
    "batch.deadline_with_config": "--deadline applies to a single plan, not to a --config batch",
    "batch.deadline_with_config.fix": "write deadlines: {{III.7: 2024-08-15}} under each organisation of the config file",
    "batch.unknown_units": "--units: unknown organisation {units}",
    "batch.unknown_units.fix": "use codes from the config: {known}",
    "batch.summary": "reportkit batch: built {built}, unchanged {skipped}, failed {failed}; index: {index}",
    "batch.failed_line": "  FAILED {key}: {error}",
    "batch.progress": "[{done}/{total}] {key}: {state} ({seconds} s){extra}",
    "batch.state.built": "built",
    "batch.state.skipped": "unchanged",
    "batch.state.failed": "failed",
    "batch.unit": "reports",
    # -- status
    "status.task_code": "Code",
    "status.milestone": "Milestone",
    "status.unit_code": "Unit",
    "status.lead": "Lead",
    "status.deadline": "Deadline",
    "status.completed_on": "Completed",
    "status.status": "Status",
    "status.days_late": "Days late",
    "status.rows_written": "{n} rows → {path}",
    "status.footer": "{period}, data as of {as_of}: {headline}.",
    "status.output_ignored": "(--output applies to csv, json and xlsx)",
    "status.input_errors": ("reportkit status: input errors: {n} (rejected rows are not counted); "
                            "see: reportkit check"),
    "status.deadline_not_determined": ("reportkit status: task {code} ('{time_frame}') has no determined deadline: "
                                       "{reason}; once it is known, give it with --deadline {code}=YYYY-MM-DD"),
    "status.deadline_reason.external": "the superior has not set it",
    "status.deadline_reason.unknown": "the plan names no date",
    # -- run inputs (params.py, periods.py, status: the boundary of run, status and batch)
    "inputs.invalid": "invalid report parameters",
    "error.problems": "{summary}: {n} problems",
    "inputs.bad_date": "'{name}' is not a valid date",
    "inputs.bad_date.fix": "write YYYY-MM-DD (e.g. 2024-02-29) or dd/mm/yyyy (e.g. 29/02/2024)",
    "inputs.file_not_found": "params file not found",
    "inputs.file_not_found.fix": "check the path given to --params",
    "inputs.file_unreadable": "cannot read params file: {detail}",
    "inputs.file_unreadable.fix": "save it as UTF-8 text",
    "inputs.file_yaml.fix": "fix the YAML syntax at that line",
    "inputs.file_not_mapping": "a params file must be a YAML mapping of name: value",
    "inputs.not_mapping": "run parameters must be a mapping of name: value",
    "inputs.not_mapping.fix": "e.g. 'period: 2024-Q1' and 'stream: dan-chu' on their own lines",
    "inputs.unknown_name": "unknown parameter '{key}'",
    "inputs.unknown_name.fix": "valid parameters are: {names}",
    "inputs.missing": "missing required parameter '{key}'",
    "inputs.missing.fix": "give {key}: {meaning}",
    "inputs.not_path": "'{key}' must be a path (text)",
    "inputs.not_path.fix": "e.g. {key}: {example}",
    "inputs.period_other_year": "period {period} is outside the plan's year {year}",
    "inputs.period_other_year.fix": "choose a period of {year} (e.g. {year}-Q1), or load the plan of {other}",
    "inputs.unknown_stream": "unknown report stream '{stream}'",
    "inputs.unknown_stream.fix": "use one of: {streams}",
    "inputs.cutoff_other_year": "'as_of': cut-off date {date} is outside the plan's year {year}",
    "inputs.cutoff_other_year.fix": "give a cut-off between {year}-01-01 and {year}-12-31",
    "inputs.cutoff_after_report": "'as_of': cut-off {date} lies outside the plan year {year} and after the report's last day ({last})",
    "inputs.cutoff_after_report.fix": "choose a cut-off from {year}-01-01 to {last}",
    "inputs.cutoff_before_period": "'as_of' {date} is before the period {period} starts ({start})",
    "inputs.cutoff_before_period.fix": "the cut-off must fall on or after the first day of the period",
    "inputs.no_external_task": "(the plan has no such task)",
    "inputs.deadlines_not_mapping": "'deadlines' must map task codes to dates",
    "inputs.deadlines_not_mapping.fix": "e.g. deadlines: {{III.7: 2024-06-30}}; tasks that take one: {choices}",
    "inputs.deadline_unknown_task": "'deadlines' names unknown task code '{key}'",
    "inputs.deadline_not_external": ("'deadlines' names task '{key}', which has no 'theo kế hoạch của cấp trên' "
                                     "or undetermined deadline: {code} is neither external nor unknown, its time "
                                     "frame '{time_frame}' fixes the deadline"),
    "inputs.deadline.fix": "tasks that take a deadline here: {choices}",
    "inputs.number_type": "'number' must be text or a whole number",
    "inputs.number_type.fix": "e.g. number: 25",
    "inputs.number_symbol": "'number' is only the number; the symbol is added from the plan",
    "inputs.number_symbol.fix": "write e.g. 25 (printed as 'Số: 25/{symbol}')",
    "inputs.no_folder": "submissions folder not found",
    "inputs.no_folder.fix": ("give submissions: the folder holding the department workbooks (a relative path is "
                             "read from the current folder, then from the project folder)"),
    "inputs.no_folder.check_fix": "check the path; submissions live in a folder such as data/submissions/2024",
    "inputs.empty_folder": "no workbooks in the submissions folder",
    "inputs.empty_folder.fix": "put the departments' .xlsx/.xlsm/.xls/.ods files there, or pass another folder",
    "period.unknown": "unknown period {text!r}",
    "period.unknown.fix": "write one of: {forms}",
    "period.no_month": "no month {month} in period {text!r}",
    "period.no_month.fix": "months run M01…M12; forms: {forms}",
    "period.no_report": "stream '{stream}' has no report for period {period}",
    "period.no_report.fix": "its periods in {year} are: {periods}",
    "period.year_range": "year {year} out of range",
    "period.year_range.fix": "give a four-digit year",
    # -- run and batch jobs (jobs/run.py, jobs/lock.py, jobs/due.py)
    "jobs.unknown_formats": "unknown output format(s): {formats}",
    "jobs.no_formats": "(none given)",
    "jobs.unknown_formats.fix": "choose from: {choices} (e.g. --to html,pdf)",
    "jobs.locked": "another reportkit run (batch or remind --send) is running on these outputs (pid {pid} on {host}, started {started})",
    "jobs.locked.fix": "wait for it to finish; if that process is gone, delete the lock file",
    "jobs.lock_retry": "could not take the lock after removing a stale one",
    "jobs.lock_retry.fix": "another batch or remind --send may be starting; try again",
    "jobs.no_notebook": "report notebook {name} not found",
    "jobs.no_notebook.fix": "run reportkit from the project folder (the one holding notebooks/ and data/)",
    "jobs.unknown_pdf_engine": "unknown PDF engine {engine!r}",
    "jobs.unknown_pdf_engine.fix": "use weasyprint (default) or chromium",
    "jobs.cannot_write": "cannot write outputs: {detail}",
    "jobs.cannot_write.fix": "choose a writable folder with --output",
    "jobs.cannot_publish": "cannot publish the report: {detail}",
    "jobs.cannot_publish.fix": "check that the output folder is writable and not open elsewhere",
    "jobs.cannot_create_outputs": "cannot create the outputs folder: {detail}",
    "jobs.cannot_create_outputs.fix": "choose a writable --output folder",
    "jobs.cannot_write_lock": "cannot write the lock file: {detail}",
    "jobs.cannot_write_lock.fix": "make the outputs folder writable",
    "jobs.terminated": "batch stopped by SIGTERM",
    "jobs.terminated.fix": "reports being built were stopped; earlier reports are untouched; run the batch again",
    "export.html_failed": "HTML export failed: {detail}",
    "export.html_failed.fix": "open the executed notebook (report.ipynb) to see the outputs",
    "export.unknown_engine.fix": "use one of: {engines}",
    "export.weasyprint_missing": "WeasyPrint cannot start: {detail}",
    "export.weasyprint_missing.fix": ("install pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 (make "
                                      "setup does it)"),
    "export.pdf_failed": "PDF export failed: {detail}",
    "export.pdf_failed.fix": "open report.html to check the document; try --pdf-engine chromium",
    "docx.failed": "Word (DOCX) export failed: {detail}",
    "docx.failed.fix": "open report.html to check the document; check the Word reference document (word_reference in the plan)",
    "docx.reference_too_large": "the Word reference document is too large ({size} MiB; at most {limit} MiB)",
    "docx.reference_unreadable": "cannot read the Word reference document: {detail}",
    "docx.reference_not_docx": "the Word reference document is not a valid .docx file ({detail})",
    "docx.reference.fix": "save the reference document again from Word (as .docx), or remove word_reference from the plan to use reportkit's own",
    "export.no_chromium": "--pdf-engine chromium: no Chromium found at /usr/bin/chromium",
    "export.no_chromium.fix": "install it with: sudo apt-get install chromium (or use the default engine, weasyprint)",
    "export.chromium_timeout": "Chromium did not finish printing within {seconds} s",
    "export.chromium_failed": "Chromium could not print the PDF: {detail}",
    "export.use_weasyprint.fix": "use the default engine (weasyprint)",
    "output.xlsx_unwritable": "cannot write the workbook: {detail}",
    "output.xlsx_unwritable.fix": "choose a folder you can write to (--output PATH)",
    "output.xlsx_too_long": "{rows} rows do not fit in one Excel sheet (limit {limit})",
    "output.xlsx_too_long.fix": "write CSV instead (--format csv)",
    "output.outside": "path leaves the outputs folder",
    "output.outside.fix": "reportkit writes only inside {root}",
    "output.symlink": ("{path} is a symbolic link (to {target}); reportkit does not write through links inside the "
                       "outputs folder"),
    "output.symlink.fix": "remove the link (or move the real folder into the outputs folder) and run again",
    "config.not_found": "batch config not found",
    "config.not_found.fix": "check the --config path",
    "config.no_organisations": "batch config needs a list 'organisations'",
    "config.no_organisations.fix": "write organisations: [{{code: …, plan: …, submissions: …}}]",
    "config.organisation_fields": "each organisation needs code, plan and submissions (text)",
    "config.organisation_fields.fix": "e.g. {{code: ttdvvl, plan: plan.yaml, submissions: subs/}}",
    "config.organisation_code": "organisation code {code!r} must be unique letters, digits, - or _",
    "config.organisation_code.fix": "it names the outputs sub-folder",
    # -- phrases filled into finding texts (messages.phrase_fields)
    "finding.effect.row": "row not used",
    "finding.effect.cell_kept": "the cell is kept as is",
    "finding.effect.cell_ignored": "the cell is ignored",
    "finding.field.report_date": "Report date",
    "finding.field.completed_on": "Completion date",
    "finding.effect.name_date": "using the file-name date {date}",
    "finding.effect.no_report_date": "no report date",
    "finding.evidence.name": "the file name says {date:%d %B %Y}",
    "finding.evidence.window": "the reporting window of {span}",
    "finding.span": "{label} ({start:%d %B %Y} to {end:%d %B %Y})",
    "finding.and": " and ",
    "finding.readings.cell": "The cell holds {date:%d %B %Y}",
    "finding.readings.swapped": "{cell}; with day and month swapped it would be {other:%d %B %Y}.",
    "finding.readings.same": "{cell}; swapping day and month gives the same date.",
    "finding.readings.fixed": "{cell}; day and month cannot be swapped (day above 12).",
    "finding.either": "'{first}' or '{second}'",
    "finding.suggest": " (did you mean '{code}'?)",
    # -- options shared by several commands
    "deadline.not_code_date": "--deadline {item} is not CODE=DATE",
    "deadline.not_code_date.fix": "e.g. --deadline III.7=2024-08-15",
}

MESSAGES.update(PLAN_MESSAGES)  # plan and YAML problems (messages/en_plan.py)
MESSAGES.update(SOURCE_MESSAGES)  # reading plan documents (messages/en_source.py)
MESSAGES.update(IMPORT_MESSAGES)  # plan import (messages/en_import.py)
MESSAGES.update(REMIND_MESSAGES)  # reportkit remind (messages/en_remind.py)
MESSAGES.update(ROLLUP_MESSAGES)  # reportkit rollup (messages/en_rollup.py)
MESSAGES.update(MAIL_MESSAGES)  # e-mail reminders (messages/en_mail.py)
MESSAGES.update(NOTICE_MESSAGES)  # reportkit remind --notice (messages/en_notice.py)
MESSAGES.update(ROLLDATA_MESSAGES)  # the roll-up's data step (messages/en_rolldata.py)
