"""reportkit: period reports on how a unit's annual plan is carried out."""

__version__ = "0.1.0"

import os as _os

# openpyxl switches to its lxml writer when lxml is installed (python-docx brings
# it): that writer changes the bytes of every workbook written and stores a
# line break in a cell differently. reportkit's workbooks are written by the
# standard-library writer, whatever else is installed (set before openpyxl loads).
_os.environ.setdefault("OPENPYXL_LXML", "False")

# Public API, imported on first use so that `import reportkit` (and the CLI) stay fast.
_LAZY_EXPORTS = {
    "load_plan": "plan",
    "read_workbook": "intake.reader",
    "read_submissions": "intake.reader",
    "write_template": "intake.template",
    "run_report": "jobs.run",
    "RunResult": "jobs.run",
    "export_html": "jobs.export",
    "export_pdf": "jobs.export",
    "export_docx": "jobs.export",
    "validate_params": "params",
    "parse_run_inputs": "params",
    "RunInputs": "params",
    "assess_tasks": "status",
    "build_summary": "summary",
    "build_report": "report.period",
    "assess": "status",
    "summarize_period": "summary",
    "PeriodSummary": "summary",
}


from reportkit._lazy import lazy_exports  # noqa: E402 - after the table it serves

__getattr__ = lazy_exports(__name__, _LAZY_EXPORTS)[0]  # __dir__ below also lists __version__


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY_EXPORTS])
