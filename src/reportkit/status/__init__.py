"""Task status as of the data cut-off date (ngày chốt số liệu).

``assess_tasks`` answers "how far has the plan been carried out, and what is late?"
with one row per (task or milestone, responsible unit), in the words of the
government's task tracking (Quy chế 42/2014/QĐ-TTg, amended by 23/2018/QĐ-TTg):

=============================  ==================================================
``Đã hoàn thành đúng hạn``     done, completion date ≤ deadline
``Đã hoàn thành quá hạn``      done, completion date > deadline
``Chưa hoàn thành trong hạn``  not done, cut-off ≤ deadline
``Chưa hoàn thành quá hạn``    not done, cut-off > deadline (days late = cut-off − deadline)
``Thường xuyên``               continuous task or content item (activity_reported says
                               whether the unit reported any activity)
``Chưa có thời hạn``           external deadline ("theo kế hoạch của cấp trên") not given
``Không có báo cáo``           the unit sent nothing usable for this task
=============================  ==================================================

Rules, in order:

* **Which submission counts.** For each unit, its latest usable submission
  (unit known, at least one row read, a report date) with report date on or
  before the cut-off; ties on the same date go to the file name that sorts last.
  A unit with none gets ``Không có báo cáo`` on every row. A row missing from that
  submission, a row intake rejected (an error finding on its file and row) and a
  row with neither a readable status nor a progress figure also give
  ``Không có báo cáo``, with the reason in ``note``: never silently counted.
* **Lead and contributors.** A task's own status is its lead unit's row
  (``is_lead``); contributing units are listed with theirs. Content items have
  no lead: every unit carries them on its own, so each of their rows is the
  unit's own (``is_lead`` true, ``lead_unit_code`` empty).
* **Completion date.** A row counts as done when its status is ``Đã hoàn
  thành`` (or its progress is 100%) and its completion date is on or before the
  submission's report date (a later date is a plan, not a fact: not counted,
  said in ``note``). Done without a completion date: the report date is taken
  as the completion date, said in ``note``.
* **Milestone tasks** ("tháng 6, tháng 12") are judged per milestone, from the
  completion dates the unit reported for the task in all its usable submissions
  up to the cut-off (one workbook row carries one date, so the history tells
  the milestones apart). Dates are assigned in order: the first milestone takes
  the earliest date; each later milestone takes the earliest date after both the
  previous milestone's deadline and the date the previous milestone took. So
  28/06 then 20/12 → T6 done 28/06, T12 done 20/12; only 20/12 → T6 done late
  (the earliest milestone not yet met), T12 not done; 10/03 then 28/06 → T6 done
  10/03, T12 not done (28/06 is not after 30/06). A "done" row without a date
  stands for its report date only in the first submission that reports it done,
  so a task carried as done from report to report is one completion, not many.
* **Continuous** tasks and content items: ``Thường xuyên``; ``activity_reported``
  is true when the row's status is not ``Chưa thực hiện`` or it has a result.
* **External** tasks: ``Chưa có thời hạn`` until ``deadlines`` gives a date.

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
]
