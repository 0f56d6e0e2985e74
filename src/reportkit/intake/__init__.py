"""Intake: reading the departments' workbooks into Submissions and findings, and writing their templates.

reader (files → Submission, many files), sniff (size, kind and limits before parsing), sheetscan (sheet extent
from the XML), legacygrid + legacy (TCVN3/VNI), headers (header row, title lines), sheet (one table), rows (task
rows), fields (status, progress, completion date), cellvalues (one cell → value), units (which unit sent it),
dates (report and completion dates checked against file name, period and plan year), messages (finding texts),
cache (data-only reads kept for batches), template + guide (the workbook sent out), answers (never overwrite
a filled one), model (Submission, TaskRow, Finding).
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
