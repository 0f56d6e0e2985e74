"""Intake: reading the departments' workbooks into Submissions and findings, and writing their templates.

reader (files → Submission), headers (header row), cellvalues (one cell → value), legacy (TCVN3/VNI),
sheetscan (size limits before parsing), cache (reads kept for batches), template (the workbook sent out),
model (Submission, TaskRow, Finding).
"""

from reportkit._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, {
    "read_workbook": "reader",
    "read_submissions": "reader",
    "write_template": "template",
    "Submission": "model",
    "TaskRow": "model",
    "Finding": "model",
})
