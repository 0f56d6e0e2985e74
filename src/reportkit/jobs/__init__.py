"""Execution: one report run (papermill, export, atomic publish), batches, staging, locking, failure pages."""

from reportkit._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, {
    "run_report": "run",
    "RunResult": "run",
    "export_html": "export",
    "export_pdf": "export",
    "export_docx": "export",
    "run_batch": "batch",
})
