"""The plan: its model (tasks, time frames, units, report streams) and loading it from YAML.

model.py holds the dataclasses, timeframes.py the time-frame grammar and
deadlines, load.py reads and validates a plan YAML (docs/plan-format.md).
"""

from reportkit.plan.load import find_plan, load_plan
from reportkit.plan.model import PERIOD_KINDS, Plan, ReportRule, ReportStream, Task, Unit, iter_task_units
from reportkit.plan.timeframes import DUE_KINDS, DueRule, Milestone, month_end, parse_time_frame, quarter_end

__all__ = ["DUE_KINDS", "PERIOD_KINDS", "DueRule", "Milestone", "Plan", "ReportRule", "ReportStream", "Task", "Unit",
           "find_plan", "iter_task_units", "load_plan", "month_end", "parse_time_frame", "quarter_end"]
