"""The plan: its model (tasks, time frames, units, report streams) and loading it from YAML."""

from reportkit.plan.load import (
    DUE_KINDS,
    PERIOD_KINDS,
    DueRule,
    Milestone,
    Plan,
    ReportRule,
    ReportStream,
    Task,
    Unit,
    find_plan,
    iter_task_units,
    load_plan,
    month_end,
    parse_time_frame,
    quarter_end,
)

__all__ = ["DUE_KINDS", "PERIOD_KINDS", "DueRule", "Milestone", "Plan", "ReportRule", "ReportStream", "Task", "Unit",
           "find_plan", "iter_task_units", "load_plan", "month_end", "parse_time_frame", "quarter_end"]
