"""Task status as of the data cut-off date (ngày chốt số liệu).

``assess_tasks`` answers "how far has the plan been carried out, and what is
late?" with one row per (task or milestone, responsible unit), in the seven
words of the government's task tracking (Quy chế 42/2014/QĐ-TTg, amended by
23/2018/QĐ-TTg). The statuses and the rules that give them (which submission
counts, lead and contributors, completion dates, milestones, continuous,
external and unknown tasks) are written once, in docs/status-rules.md; this package
implements them and does not repeat them.

Modules: ``engine`` (``assess_tasks(inputs, submissions)`` on typed
``params.RunInputs``, step by step; ``assess``, the public wrapper for loose
values, goes through ``params.parse_run_inputs`` like every route), ``tables``
(the plan's lines and the workbooks' rows as arrays), ``milestones``,
``arrays`` (takes, string arrays, notes), ``words`` (status words, columns),
``records`` (counts, CSV/JSON records).
"""

from reportkit.status.engine import (
    assess,
    assess_tasks,
    read_folder,
    resolve_submissions,
)
from reportkit.status.records import count_statuses, status_records
from reportkit.status.tables import tasks_without_deadline
from reportkit.status.words import (
    CONTINUOUS,
    DEADLINE_STATUSES,
    DONE_LATE,
    DONE_ON_TIME,
    DONE_STATUSES,
    EXTRA_COLUMNS,
    GRID_STATUSES,
    LATE_STATUSES,
    NO_DEADLINE,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
    OPEN_STATUSES,
    ROW_STATUS_WORDS,
    STATUS_COLUMNS,
    STATUSES,
)

__all__ = [
    "CONTINUOUS",
    "DEADLINE_STATUSES",
    "DONE_LATE",
    "DONE_ON_TIME",
    "DONE_STATUSES",
    "EXTRA_COLUMNS",
    "GRID_STATUSES",
    "LATE_STATUSES",
    "NO_DEADLINE",
    "NO_REPORT",
    "OPEN_IN_TIME",
    "OPEN_LATE",
    "OPEN_STATUSES",
    "ROW_STATUS_WORDS",
    "STATUSES",
    "STATUS_COLUMNS",
    "assess",
    "assess_tasks",
    "count_statuses",
    "read_folder",
    "resolve_submissions",
    "status_records",
    "tasks_without_deadline",
]
