"""Frozen copy (bench baseline, see __init__). The two sides of the status table as arrays: the plan's lines and the workbooks' rows."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bench.baseline_status.arrays import NAT
from reportkit.intake.model import ERROR, Submission
from reportkit.plan.load import Plan, Task
from reportkit.plan.timeframes import GIVEN_DEADLINE_KINDS
from reportkit.status.words import ROW_CODE

# ------------------------------------------------------------------ the plan side

_KEY_STRIDE = 1_000_000_000  # (submission, sheet row) → one integer key


def task_table(plan: Plan, overrides: dict[str, dt.date]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per task (plan order) and one row per (task, milestone)."""
    tasks = pd.DataFrame({
        "task_code": [t.code for t in plan.tasks],
        "task_text": [t.text for t in plan.tasks],
        "kind": [t.kind for t in plan.tasks],
        "section": [t.section for t in plan.tasks],
        "lead_unit_code": [", ".join(t.leads) for t in plan.tasks],  # several leads: "hcth, ktx"
        "time_frame": [t.time_frame for t in plan.tasks],
        "due_kind": [t.due.kind for t in plan.tasks],
    })
    records = []
    for ti, task in enumerate(plan.tasks):
        milestones = task.due.milestones(plan.year, overrides.get(task.code))
        for pos, m in enumerate(milestones):
            records.append((ti, pos, len(milestones), m.key, m.label if m.key else "",
                            np.datetime64(m.deadline, "s") if m.deadline else NAT))
    milestones = pd.DataFrame(records, columns=["task_idx", "milestone_pos", "n_milestones",
                                                "milestone", "milestone_label", "deadline"])
    milestones["deadline"] = milestones["deadline"].astype("datetime64[s]")
    return tasks, milestones


def tasks_without_deadline(plan: Plan, deadlines: dict[str, dt.date]) -> list[Task]:
    """Tasks whose deadline is given at run time (external, unknown) and was not: never invented, asked for."""
    return [t for t in plan.tasks if t.due.kind in GIVEN_DEADLINE_KINDS and t.code not in deadlines]


def task_unit_frame(plan: Plan, milestones: pd.DataFrame) -> pd.DataFrame:
    """The task × milestone × unit frame: columns ms_idx, task_idx, unit_idx, is_lead.

    Order: plan task order, then milestones, then the lead units first and the
    other units, each in plan order. Every lead unit of a task is judged
    (``is_lead`` true); content items have no lead: every unit carries its own line.
    """
    unit_index = pd.Index(plan.unit_codes)
    task_parts, unit_parts, lead_parts = [], [], []
    positions: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}  # tasks often share one unit list
    for ti, task in enumerate(plan.tasks):  # one vectorised step per task, not per row
        shape = (task.units, task.leads)
        if shape not in positions:
            units = np.sort(unit_index.get_indexer(list(task.units))).astype(np.int32)
            if task.leads:
                is_lead = np.isin(units, unit_index.get_indexer(list(task.leads)))
                units = np.concatenate([units[is_lead], units[~is_lead]])  # lead units first
                is_lead = np.sort(is_lead)[::-1]
            else:
                is_lead = np.ones(len(units), dtype=bool)
            positions[shape] = (units, is_lead)
        units, is_lead = positions[shape]
        task_parts.append(np.full(len(units), ti, dtype=np.int32))
        unit_parts.append(units)
        lead_parts.append(is_lead)
    empty_int = np.array([], dtype=np.int32)
    pairs = pd.DataFrame({
        "task_idx": np.concatenate(task_parts) if task_parts else empty_int,
        "unit_idx": np.concatenate(unit_parts) if unit_parts else empty_int,
        "is_lead": np.concatenate(lead_parts) if lead_parts else np.array([], dtype=bool),
    })
    pairs["pair_pos"] = np.arange(len(pairs), dtype=np.int32)
    keys = pd.DataFrame({"ms_idx": np.arange(len(milestones), dtype=np.int32),
                         "task_idx": milestones["task_idx"].to_numpy(dtype=np.int32)})
    # Merge milestones with the (task, unit) pairs (an index join: the fastest merge).
    frame = keys.join(pairs.set_index("task_idx"), on="task_idx", how="inner").reset_index(drop=True)
    ms_idx, pair_pos = frame["ms_idx"].to_numpy(), frame["pair_pos"].to_numpy()
    same = ms_idx[1:] == ms_idx[:-1]
    if not ((np.diff(ms_idx) >= 0).all() and (np.diff(pair_pos)[same] > 0).all()):
        # The join kept neither order: restore (task, milestone) then the pairs' order.
        frame = frame.take(np.lexsort((pair_pos, ms_idx))).reset_index(drop=True)
    return frame


# ------------------------------------------------------------------ the submission side


def submission_meta(plan: Plan, subs: list[Submission], as_of: dt.date) -> pd.DataFrame:
    """One row per submission: unit index, report date, usable, eligible, chosen."""
    unit_pos = {code: i for i, code in enumerate(plan.unit_codes)}
    meta = pd.DataFrame({
        "sub": np.arange(len(subs), dtype=np.int64),
        "unit_idx": np.array([unit_pos.get(s.unit, -1) for s in subs], dtype=np.int64),
        "report_date": pd.to_datetime(pd.Series([s.report_date for s in subs], dtype=object)).astype("datetime64[s]"),
        "usable": np.array([s.usable for s in subs], dtype=bool),
        "file": pd.array([os.path.basename(os.fspath(s.path)) for s in subs], dtype="str"),
    })
    meta["in_time"] = meta["report_date"].notna() & (meta["report_date"] <= pd.Timestamp(as_of))
    meta["eligible"] = meta["usable"] & (meta["unit_idx"] >= 0) & meta["in_time"]
    latest = (meta[meta["eligible"]].sort_values(["unit_idx", "report_date", "file"], kind="stable")
              .drop_duplicates("unit_idx", keep="last")["sub"])
    meta["chosen"] = meta["sub"].isin(latest)
    return meta


def submission_notes(plan: Plan, subs: list[Submission], meta: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Explanations that concern whole files, by unit and by submission.

    By unit: a newer workbook that could not be used (its rows are not
    counted; the unit's previous usable one is, if any). By submission: the
    rows intake rejected, which may be the missing line of a task.
    """
    by_unit = np.full(len(plan.units), "", dtype=object)
    chosen_date = (meta[meta["chosen"]].set_index("unit_idx")["report_date"]
                   .reindex(meta["unit_idx"]).to_numpy(dtype="datetime64[s]"))
    own_date = meta["report_date"].to_numpy(dtype="datetime64[s]")
    late = pd.Series(np.isnat(chosen_date) | (own_date > chosen_date), index=meta.index)
    cutoff_ok = meta["unit_idx"].ge(0) & meta["report_date"].notna() & ~meta["usable"]
    for i in meta.index[cutoff_ok & late & meta["in_time"]]:  # a few files at most
        sub = subs[int(meta.at[i, "sub"])]
        reason = next((f.message for f in sub.findings if f.severity == ERROR), "không đọc được dòng nào")
        text = f"Báo cáo ngày {meta.at[i, 'report_date']:%d/%m/%Y} ({meta.at[i, 'file']}) không dùng được: {reason}"
        u = int(meta.at[i, "unit_idx"])
        by_unit[u] = f"{by_unit[u]}; {text}" if by_unit[u] else text
    by_sub = np.full(len(subs), "", dtype=object)
    for i in meta.index[meta["chosen"]]:
        sub = subs[int(meta.at[i, "sub"])]
        lines = sorted({f.row for f in sub.findings if f.severity == ERROR and f.row is not None})
        if lines:
            by_sub[int(meta.at[i, "sub"])] = ", ".join(map(str, lines))
    return by_unit, by_sub


@dataclass
class Rows:
    """Workbook rows as arrays: ``frame`` (index = position in ``texts``), texts, rejection messages."""

    frame: pd.DataFrame
    texts: dict[str, np.ndarray]
    rejected: dict[int, str]


def rows_frame(plan: Plan, subs: list[Submission], sub_ids: np.ndarray, codes: set[str] | None = None) -> Rows:
    """The rows of the given submissions as arrays, with row usability judged.

    ``codes`` keeps only rows of those task codes (the milestone history). The
    frame's index is the row's position in ``texts`` (kept when rows are
    filtered); ``rejected`` holds the messages of rows intake rejected.
    """
    sub_ids = [int(i) for i in sub_ids]
    if codes is None:
        lengths = [len(subs[i].rows) for i in sub_ids]
        rows = [r for i in sub_ids for r in subs[i].rows]
    else:
        picked = [[r for r in subs[i].rows if r.task_code in codes] for i in sub_ids]
        lengths = [len(p) for p in picked]
        rows = [r for p in picked for r in p]
    # One comprehension per field: far faster than a tuple or dict per row.
    task_pos = {code: i for i, code in enumerate(plan.task_codes)}
    task_idx = np.array([task_pos.get(r.task_code, -1) for r in rows], dtype=np.int64)
    status_code = np.array([ROW_CODE.get(r.status, -1) for r in rows], dtype=np.int8)
    progress_list = [r.progress for r in rows]
    try:
        progress = np.array(progress_list, dtype=float)
    except (TypeError, ValueError):
        progress = pd.to_numeric(pd.Series(progress_list, dtype=object), errors="coerce").to_numpy(dtype=float)
    row_code = status_code
    no_status = np.flatnonzero(status_code < 0)
    if len(no_status):  # no readable status word: the progress figure decides (100% = done)
        share = progress[no_status]
        with np.errstate(invalid="ignore"):
            row_code[no_status] = np.select([share >= 100, share > 0, share == 0], [2, 1, 0], default=-1)
    completed = pd.to_datetime(pd.Series([r.completed_on for r in rows], dtype=object),
                               errors="coerce").to_numpy(dtype="datetime64[s]")
    source_row = np.array([r.source_row or 0 for r in rows], dtype=np.int64)
    sub = np.repeat(np.array(sub_ids, dtype=np.int64), lengths)

    # Rows intake rejected: an error finding on the same file and row.
    rejected_by_key = {}
    for i in sub_ids:
        for f in subs[i].findings:
            if f.severity == ERROR and f.row is not None:
                rejected_by_key.setdefault(i * _KEY_STRIDE + int(f.row), f.message)
    rejected = np.zeros(len(rows), dtype=bool)
    messages: dict[int, str] = {}
    if rejected_by_key:
        keys = sub * _KEY_STRIDE + source_row
        rejected = np.isin(keys, np.fromiter(rejected_by_key, dtype=np.int64))
        messages = {int(p): rejected_by_key[int(keys[p])] for p in np.flatnonzero(rejected)}

    out = pd.DataFrame({
        "sub": sub,
        "task_idx": task_idx,
        "row_code": row_code,
        "progress": progress,
        "completed": completed,
        "source_row": source_row,
        "rejected": rejected,
        "usable": (row_code >= 0) & ~rejected,
    }, copy=False)
    if (task_idx < 0).any():
        out = out[task_idx >= 0]
    # Texts stay plain object arrays, outside the frame: they become strings once, in the output.
    texts = {"result": np.array([r.result for r in rows], dtype=object),
             "difficulties": np.array([r.difficulties for r in rows], dtype=object),
             "proposals": np.array([r.proposals for r in rows], dtype=object),
             "note": np.array([r.note for r in rows], dtype=object)}
    return Rows(out, texts, messages)

