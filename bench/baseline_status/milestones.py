"""Frozen copy (bench baseline, see __init__). Completion dates of milestone tasks ("tháng 6, tháng 12"), assigned from a unit's history of workbooks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench.baseline_status.tables import rows_frame
from reportkit.intake.model import Submission
from reportkit.plan.load import Plan


def milestone_dates(plan: Plan, subs: list[Submission], meta: pd.DataFrame, chosen_rows: pd.DataFrame,
                     milestones: pd.DataFrame) -> pd.DataFrame:
    """Completion date per (unit, task, milestone) for tasks with several milestones.

    The rule: docs/status-rules.md, "Milestone tasks". Returns columns key (unit × tasks +
    task), milestone_pos, done_on, done_report_date and assumed (the date is
    the report date of a "done" row without one).
    """
    multi = milestones[milestones["n_milestones"] > 1]
    empty = pd.DataFrame({"key": np.array([], dtype=np.int64), "milestone_pos": np.array([], dtype=np.int64),
                          "done_on": np.array([], dtype="datetime64[s]"),
                          "done_report_date": np.array([], dtype="datetime64[s]"),
                          "assumed": np.array([], dtype=bool)})
    if multi.empty:
        return empty
    n_tasks = len(plan.tasks)
    multi_idx = multi["task_idx"].unique()
    codes = {plan.tasks[i].code for i in multi_idx}
    others = meta.loc[meta["eligible"] & ~meta["chosen"], "sub"].to_numpy()
    base = ["sub", "task_idx", "row_code", "completed", "source_row", "usable"]
    history = pd.concat([chosen_rows.loc[chosen_rows["task_idx"].isin(multi_idx), base],
                         rows_frame(plan, subs, others, codes).frame[base]], ignore_index=True)
    history = history[history["usable"]]
    if history.empty:
        return empty
    history = history.merge(meta[["sub", "unit_idx", "report_date"]], on="sub", how="left")
    history["key"] = history["unit_idx"].to_numpy() * n_tasks + history["task_idx"].to_numpy()
    history = history.sort_values(["key", "report_date", "source_row"], kind="stable")
    history["done"] = history["row_code"].to_numpy() == 2
    prev_done = history.groupby("key")["done"].shift(1, fill_value=False).astype(bool)
    explicit = history["completed"]
    assumed = history["done"] & explicit.isna() & ~prev_done
    events = pd.DataFrame({
        "key": history["key"],
        "done_on": explicit.where(explicit.notna(), history["report_date"].where(assumed)),
        "done_report_date": history["report_date"],
        "assumed": assumed,
    })
    # Only done rows, and only dates the report could know (≤ its report date).
    events = events[history["done"] & events["done_on"].notna() & (events["done_on"] <= events["done_report_date"])]
    events = events.sort_values(["key", "done_on", "done_report_date"], kind="stable")
    events["task_idx"] = events["key"] % n_tasks

    results = []
    taken = None
    for pos in range(int(multi["n_milestones"].max())):  # a few milestones, each step vectorised
        if pos == 0:
            candidates = events
        else:
            # Later than the previous milestone's deadline and than the date it took.
            prev_deadline = multi.loc[multi["milestone_pos"] == pos - 1, ["task_idx", "deadline"]]
            candidates = (events.merge(taken, on="key", how="inner")
                          .merge(prev_deadline.rename(columns={"deadline": "prev_deadline"}), on="task_idx"))
            floor = np.maximum(candidates["prev_on"].to_numpy(dtype="datetime64[s]"),
                               candidates["prev_deadline"].to_numpy(dtype="datetime64[s]"))
            candidates = candidates[candidates["done_on"].to_numpy(dtype="datetime64[s]") > floor]
        first = candidates.drop_duplicates("key", keep="first")
        results.append(first.assign(milestone_pos=pos)[["key", "milestone_pos", "done_on", "done_report_date", "assumed"]])
        taken = first[["key", "done_on"]].rename(columns={"done_on": "prev_on"})
        if taken.empty:
            break
    out = pd.concat(results, ignore_index=True)
    out["done_on"] = out["done_on"].astype("datetime64[s]")
    out["done_report_date"] = out["done_report_date"].astype("datetime64[s]")
    return out
