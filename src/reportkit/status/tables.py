"""The two sides of the status table as arrays: the plan's lines and the workbooks' rows."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

import numpy as np
import pandas as pd

from reportkit.intake.columns import all_columns, concat_columns
from reportkit.intake.model import ERROR, Submission
from reportkit.plan.load import Plan, Task
from reportkit.plan.timeframes import GIVEN_DEADLINE_KINDS
from reportkit.status.arrays import NAT
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
    pair_task = np.concatenate(task_parts) if task_parts else empty_int
    pair_unit = np.concatenate(unit_parts) if unit_parts else empty_int
    pair_lead = np.concatenate(lead_parts) if lead_parts else np.array([], dtype=bool)
    # Each milestone repeats its task's block of pairs (tasks and milestones are both in plan order).
    per_task = np.bincount(pair_task, minlength=len(plan.tasks)).astype(np.int64)
    block_start = np.cumsum(per_task) - per_task
    ms_task = milestones["task_idx"].to_numpy(dtype=np.int64)
    per_ms = per_task[ms_task]
    ms_idx = np.repeat(np.arange(len(ms_task), dtype=np.int32), per_ms)
    pair_pos = np.arange(len(ms_idx), dtype=np.int64)
    pair_pos -= np.repeat(np.cumsum(per_ms) - per_ms - block_start[ms_task], per_ms)
    return pd.DataFrame({"ms_idx": ms_idx, "task_idx": pair_task[pair_pos], "unit_idx": pair_unit[pair_pos],
                         "is_lead": pair_lead[pair_pos]}, copy=False)


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
    for i in meta.loc[meta["chosen"], "sub"].to_numpy():
        if subs[i].findings:  # most workbooks have none: no per-file pandas look-up
            lines = sorted({f.row for f in subs[i].findings if f.severity == ERROR and f.row is not None})
            by_sub[i] = ", ".join(map(str, lines))
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
    lengths, columns = _gather_rows([subs[i].rows for i in sub_ids], codes)
    task_idx, row_code, progress, completed, source_row = _row_fields(plan, columns)
    sub = np.repeat(np.array(sub_ids, dtype=np.int64), lengths)

    # Rows intake rejected: an error finding on the same file and row.
    rejected_by_key = {}
    for i in sub_ids:
        for f in subs[i].findings:
            if f.severity == ERROR and f.row is not None:
                rejected_by_key.setdefault(i * _KEY_STRIDE + int(f.row), f.message)
    rejected = np.zeros(len(task_idx), dtype=bool)
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
    texts = {name: columns[name] for name in TEXT_FIELDS}
    return Rows(out, texts, messages)


TEXT_FIELDS = ("result", "difficulties", "proposals", "note")
_RAW_FIELDS = ("task_code", "status", "progress", "completed_on", "source_row", *TEXT_FIELDS)


def _gather_rows(row_lists: list, codes: set[str] | None) -> tuple[list[int], dict[str, np.ndarray]]:
    """The rows of several submissions end to end, one array per field, and each submission's count.

    Columnar submissions (intake.columns.TaskColumns) are joined array by array;
    lists of TaskRow are read with one ``map`` per field (no tuple or dict per
    row): the only per-row Python step of the engine. ``codes`` keeps only rows of those task codes.
    """
    parts = all_columns(row_lists)
    if parts is not None:
        if codes is not None:
            wanted = pd.Index(list(codes), dtype=object)
            parts = [p.where(wanted.get_indexer(pd.Index(p.task_code, dtype=object)) >= 0) for p in parts]
        return [len(p) for p in parts], concat_columns(parts, _RAW_FIELDS)
    if codes is not None:
        row_lists = [[r for r in rows if r.task_code in codes] for rows in row_lists]
    rows = list(chain.from_iterable(row_lists))
    n = len(rows)
    columns = {name: np.fromiter(map(attrgetter(name), rows), dtype=object, count=n) for name in _RAW_FIELDS}
    return [len(r) for r in row_lists], columns


def _row_fields(plan: Plan, columns: dict[str, np.ndarray]) -> tuple[np.ndarray, ...]:
    """Task position, row status code, progress, completion date and sheet row of each row."""
    # Object indexes: a "str" index would first turn every row's value into an arrow string.
    task_idx = pd.Index(plan.task_codes, dtype=object).get_indexer(
        pd.Index(columns["task_code"], dtype=object)).astype(np.int64)
    known = np.array(list(ROW_CODE.values()), dtype=np.int8)
    status_pos = pd.Index(list(ROW_CODE), dtype=object).get_indexer(pd.Index(columns["status"], dtype=object))
    row_code = np.where(status_pos >= 0, known[status_pos], -1).astype(np.int8)
    progress = columns["progress"]
    if progress.dtype != float:
        try:
            progress = np.array(progress, dtype=float)  # None → NaN
        except (TypeError, ValueError):
            progress = pd.to_numeric(pd.Series(progress, dtype=object), errors="coerce").to_numpy(dtype=float)
    no_status = np.flatnonzero(row_code < 0)
    if len(no_status):  # no readable status word: the progress figure decides (100% = done)
        share = progress[no_status]
        with np.errstate(invalid="ignore"):
            row_code[no_status] = np.select([share >= 100, share > 0, share == 0], [2, 1, 0], default=-1)
    completed = columns["completed_on"]
    if completed.dtype.kind != "M":
        completed = pd.to_datetime(pd.Series(completed, dtype=object), errors="coerce").to_numpy()
    source_row = columns["source_row"]
    if source_row.dtype == object:
        try:
            source_row = source_row.astype(np.int64)
        except TypeError:  # None: no sheet row
            source_row = np.array([r or 0 for r in source_row], dtype=np.int64)
    return task_idx, row_code, progress, completed.astype("datetime64[s]"), source_row
