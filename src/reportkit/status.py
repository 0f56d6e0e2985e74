"""Task status as of the data cut-off date (ngày chốt số liệu).

``assess`` answers "how far has the plan been carried out, and what is late?"
with one row per (task or milestone, responsible unit), in the seven words of
the government's task tracking (Quy chế 42/2014/QĐ-TTg, amended by
23/2018/QĐ-TTg). The statuses and the rules that give them (which submission
counts, lead and contributors, completion dates, milestones, continuous and
external tasks) are written once, in docs/status-rules.md; this module
implements them and does not repeat them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reportkit.errors import ParamsError, PeriodError, SubmissionsError
from reportkit.intake.model import DONE, ERROR, IN_PROGRESS, NOT_STARTED, Submission
from reportkit.periods import Period, parse_period
from reportkit.plan.load import Plan
from reportkit.text import normalize_code

DONE_ON_TIME = "Đã hoàn thành đúng hạn"
DONE_LATE = "Đã hoàn thành quá hạn"
OPEN_IN_TIME = "Chưa hoàn thành trong hạn"
OPEN_LATE = "Chưa hoàn thành quá hạn"
CONTINUOUS = "Thường xuyên"
NO_DEADLINE = "Chưa có thời hạn"
NO_REPORT = "Không có báo cáo"

STATUSES = (DONE_ON_TIME, DONE_LATE, OPEN_IN_TIME, OPEN_LATE, CONTINUOUS, NO_DEADLINE, NO_REPORT)
GRID_STATUSES = (DONE_ON_TIME, DONE_LATE, OPEN_IN_TIME, OPEN_LATE)
DONE_STATUSES = (DONE_ON_TIME, DONE_LATE)
OPEN_STATUSES = (OPEN_IN_TIME, OPEN_LATE)
LATE_STATUSES = (DONE_LATE, OPEN_LATE)
# Statuses counted over tasks that have a deadline (the headline's figures).
DEADLINE_STATUSES = (*GRID_STATUSES, NO_REPORT)

STATUS_COLUMNS = [
    "task_code", "task_text", "kind", "section", "milestone", "milestone_label",
    "lead_unit_code", "is_lead", "unit_code", "unit", "time_frame", "deadline",
    "completed_on", "row_status", "progress", "status", "activity_reported",
    "days_late", "result", "difficulties", "proposals", "note", "source_file",
    "source_row",
]
# Extra columns: how the row was judged.
EXTRA_COLUMNS = ["in_headline", "report_date"]



# ------------------------------------------------------------------ inputs


def resolve_period(plan: Plan, period: Period | str) -> Period:
    """The period as a Period, checked to lie in the plan's year."""
    period = parse_period(period) if not isinstance(period, Period) else period
    if period.year != plan.year:
        raise PeriodError(
            f"period {period.id} is outside the plan's year {plan.year}",
            path=plan.path,
            value=period.id,
            hint=f"choose a period of {plan.year} (e.g. {plan.year}-Q1), or load the plan of {period.year}",
        )
    return period


def resolve_as_of(plan: Plan, as_of: dt.date | str | None, default: dt.date) -> dt.date:
    """The cut-off date (default ``default``), checked to lie in the plan's year."""
    if as_of is None:
        as_of = default
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of.strip())
        except ValueError:
            raise ParamsError(f"cut-off date {as_of!r} is not a date", value=as_of,
                              hint="write the date as YYYY-MM-DD, e.g. 2024-02-29") from None
    if isinstance(as_of, pd.Timestamp):
        as_of = as_of.date()
    elif isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    if not isinstance(as_of, dt.date):
        raise ParamsError(f"cut-off date {as_of!r} is not a date", value=str(as_of),
                          hint="write the date as YYYY-MM-DD, e.g. 2024-02-29")
    if as_of.year != plan.year:
        raise PeriodError(
            f"cut-off date {as_of.isoformat()} is outside the plan's year {plan.year}",
            path=plan.path,
            value=as_of.isoformat(),
            hint=f"give a cut-off between {plan.year}-01-01 and {plan.year}-12-31",
        )
    return as_of


def resolve_deadlines(plan: Plan, deadlines: Mapping[str, Any] | None) -> dict[str, dt.date]:
    """Deadlines for external tasks, by canonical task code; ParamsError lists every problem.

    Keys are task codes (``III.7``); values are dates or ISO date strings. A code
    the plan does not know, or a task whose deadline the plan already fixes, is
    an error: a deadline that silently does nothing would hide a typo.
    """
    if not deadlines:
        return {}
    if not isinstance(deadlines, Mapping):
        raise ParamsError("deadlines must map task codes to dates", value=str(deadlines),
                          hint="e.g. deadlines: {III.7: 2024-08-15}")
    external = [t.code for t in plan.tasks if t.due.kind == "external"]
    problems: list[ParamsError] = []
    out: dict[str, dt.date] = {}
    for raw_code, raw_date in deadlines.items():
        code = normalize_code(raw_code)
        if code not in plan.task_codes:
            problems.append(ParamsError(
                f"deadline given for unknown task code {str(raw_code)!r}",
                hint="external tasks of the plan: " + (", ".join(external) or "none")))
            continue
        if code not in external:
            task = plan.task(code)
            problems.append(ParamsError(
                f"task {code} is not external (its time frame is {task.time_frame!r}): its deadline comes from the plan",
                hint="give deadlines only for: " + (", ".join(external) or "no task (the plan has no external task)")))
            continue
        day = raw_date
        if isinstance(day, str):
            try:
                day = dt.date.fromisoformat(day.strip())
            except ValueError:
                day = None
        elif isinstance(day, (dt.datetime, pd.Timestamp)):
            day = day.date()
        if not isinstance(day, dt.date):
            problems.append(ParamsError(f"deadline of {code} is not a date", value=str(raw_date),
                                        hint=f"write it as YYYY-MM-DD, e.g. {code}: {plan.year}-08-15"))
            continue
        out[code] = day
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ParamsError(f"invalid deadlines: {len(problems)} problems", problems=problems)
    return out


def resolve_submissions(submissions: Iterable[Submission] | str | Path, plan: Plan) -> list[Submission]:
    """Submissions as a list; a folder is read with ``intake.read_submissions``.

    A folder that does not exist or holds no workbook raises SubmissionsError.
    """
    if isinstance(submissions, (str, Path)):
        folder = Path(submissions)
        if not folder.exists():
            raise SubmissionsError("submissions folder not found", path=folder,
                                   hint="check the path, or pass --submissions with the folder holding the departments' workbooks")
        from reportkit.intake.reader import read_submissions

        found = read_submissions(folder, plan)
        if not found:
            raise SubmissionsError("no workbooks in the submissions folder", path=folder,
                                   hint="put the departments' .xlsx/.xlsm/.xls/.ods files there, or pass another folder")
        return list(found)
    return list(submissions)


# ------------------------------------------------------------------ the plan side

NAT = np.datetime64("NaT", "s")
# Row statuses as small codes: -1 none/unreadable, then ROW_STATUS_WORDS[code + 1].
_ROW_CODE = {NOT_STARTED: 0, IN_PROGRESS: 1, DONE: 2}
ROW_STATUS_WORDS = ("", NOT_STARTED, IN_PROGRESS, DONE)
_KEY_STRIDE = 1_000_000_000  # (submission, sheet row) → one integer key


def _task_table(plan: Plan, overrides: dict[str, dt.date]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per task (plan order) and one row per (task, milestone)."""
    tasks = pd.DataFrame({
        "task_code": [t.code for t in plan.tasks],
        "task_text": [t.text for t in plan.tasks],
        "kind": [t.kind for t in plan.tasks],
        "section": [t.section for t in plan.tasks],
        "lead_unit_code": [t.lead or "" for t in plan.tasks],
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


def _task_unit_frame(plan: Plan, milestones: pd.DataFrame) -> pd.DataFrame:
    """The task × milestone × unit frame: columns ms_idx, task_idx, unit_idx, is_lead.

    Order: plan task order, then milestones, then the lead unit first and the
    other units in plan order.
    """
    unit_index = pd.Index(plan.unit_codes)
    task_parts, unit_parts, lead_parts = [], [], []
    positions: dict[tuple[str, ...], np.ndarray] = {}  # tasks often share one unit list
    for ti, task in enumerate(plan.tasks):  # one vectorised step per task, not per row
        if task.units not in positions:
            positions[task.units] = np.sort(unit_index.get_indexer(list(task.units))).astype(np.int32)
        units = positions[task.units]
        lead = unit_index.get_loc(task.lead) if task.lead else -1
        is_lead = units == lead
        task_parts.append(np.full(len(units), ti, dtype=np.int32))
        unit_parts.append(np.concatenate([units[is_lead], units[~is_lead]]))  # lead unit first
        # Content items have no lead: every unit carries its own line.
        lead_parts.append(np.sort(is_lead)[::-1] if lead >= 0 else np.ones(len(units), dtype=bool))
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


def _submission_table(plan: Plan, subs: list[Submission], as_of: dt.date) -> pd.DataFrame:
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


def _submission_notes(plan: Plan, subs: list[Submission], meta: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
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
class _Rows:
    """Workbook rows as arrays: ``frame`` (index = position in ``texts``), texts, rejection messages."""

    frame: pd.DataFrame
    texts: dict[str, np.ndarray]
    rejected: dict[int, str]


def _rows_frame(plan: Plan, subs: list[Submission], sub_ids: np.ndarray, codes: set[str] | None = None) -> _Rows:
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
    status_code = np.array([_ROW_CODE.get(r.status, -1) for r in rows], dtype=np.int8)
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
    return _Rows(out, texts, messages)


# ------------------------------------------------------------------ milestones


def _milestone_dates(plan: Plan, subs: list[Submission], meta: pd.DataFrame, chosen_rows: pd.DataFrame,
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
                         _rows_frame(plan, subs, others, codes).frame[base]], ignore_index=True)
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


# ------------------------------------------------------------------ assess


def _take(values: np.ndarray, pos: np.ndarray, fill: Any) -> np.ndarray:
    """``values[pos]`` (a numpy array) with ``fill`` where pos is -1."""
    missing = pos < 0
    if not len(values):
        return np.full(len(pos), fill, dtype=values.dtype)
    out = values[np.where(missing, 0, pos)]
    out[missing] = fill
    return out


_STR = pd.Series([""]).dtype  # pandas' default string dtype


def _text_array(values: np.ndarray, fill: str = "") -> Any:
    """An object array of texts as a string array, in place (no copy); None/NaN become ``fill``."""
    missing = pd.isna(values)
    if missing.any():
        values[missing] = fill
    if _STR == object:  # pandas without a string dtype
        return values
    return pd.arrays.StringArray(values, dtype=_STR)


def _take_text(values: Any, pos: np.ndarray, fill: str = "") -> Any:
    """Texts taken at ``pos`` (-1 → ``fill``) as a string array."""
    values = np.asarray(values, dtype=object)
    if not len(values):
        return _text_array(np.full(len(pos), fill, dtype=object))
    out = values[np.where(pos >= 0, pos, 0)]
    out[pos < 0] = fill
    return _text_array(out, fill)


def _days(a: np.ndarray, b: np.ndarray | np.datetime64) -> np.ndarray:
    return ((a - b) // np.timedelta64(1, "D")).astype(np.int64)


class _Notes:
    """Per-row explanation texts, built only on the rows each note concerns.

    ``add(mask, *pieces)``: a piece is literal text, a datetime64 array (shown
    dd/mm/yyyy), an array of values (shown as text) indexed like the frame, or a
    function of the mask returning the values of the masked rows.
    """

    def __init__(self, n: int) -> None:
        self.text = np.full(n, "", dtype=object)
        self.has = np.zeros(n, dtype=bool)

    def add(self, mask: np.ndarray, *pieces: Any) -> None:
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        if all(isinstance(p, str) for p in pieces):
            text: Any = "".join(pieces)
        else:
            series = pd.Series("", index=np.flatnonzero(mask), dtype=object)
            for piece in pieces:
                if isinstance(piece, str):
                    series = series + piece
                    continue
                values = np.asarray(piece(mask) if callable(piece) else piece[mask])
                if values.dtype.kind == "M":
                    shown = pd.Series(values, index=series.index).dt.strftime("%d/%m/%Y")
                else:
                    shown = pd.Series(values, index=series.index).astype(str)
                series = series + shown.astype(object)
            text = series.to_numpy(dtype=object)
        both = mask & self.has
        first = mask & ~self.has
        if isinstance(text, str):
            self.text[first] = text
            if both.any():
                self.text[both] = self.text[both] + ("; " + text)
        else:
            in_mask_has = self.has[mask]
            self.text[first] = text[~in_mask_has]
            if both.any():
                self.text[both] = self.text[both] + "; " + text[in_mask_has]
        self.has |= mask


def assess(
    plan: Plan,
    submissions: Iterable[Submission] | str | Path,
    period: Period | str,
    as_of: dt.date | str | None = None,
    deadlines: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Status of every (task or milestone, unit) of the plan as of the cut-off date.

    ``submissions`` are intake's Submissions (or a folder to read them from);
    ``as_of`` defaults to the period end (``summary.summarize_period`` passes the
    report's cut-off); ``deadlines`` maps external task codes to their deadline.
    Returns one row per (task or milestone, unit) in plan order, lead unit first,
    with STATUS_COLUMNS then EXTRA_COLUMNS; the rules are in docs/status-rules.md.
    ``in_headline`` marks the rows the period's headline counts (see
    ``summary.summarize_period``). Raises PeriodError for a period or cut-off
    outside the plan's year, ParamsError for a bad deadline, SubmissionsError for
    a missing or empty folder.
    """
    period = resolve_period(plan, period)
    as_of = resolve_as_of(plan, as_of, period.end)
    overrides = resolve_deadlines(plan, deadlines)
    subs = resolve_submissions(submissions, plan)
    as_of64 = np.datetime64(as_of, "s")
    n_tasks, n_units = len(plan.tasks), len(plan.units)

    # The plan side: task × milestone × unit, all as integer positions.
    tasks, milestones = _task_table(plan, overrides)
    frame = _task_unit_frame(plan, milestones)
    ms_idx = frame["ms_idx"].to_numpy()
    task_idx = frame["task_idx"].to_numpy()
    unit_idx = frame["unit_idx"].to_numpy()
    is_lead = frame["is_lead"].to_numpy()
    n = len(frame)
    deadline = milestones["deadline"].to_numpy(dtype="datetime64[s]")[ms_idx]
    ms_pos = milestones["milestone_pos"].to_numpy()[ms_idx]
    multi = milestones["n_milestones"].to_numpy()[ms_idx] > 1
    continuous = (tasks["due_kind"].to_numpy(dtype=object) == "continuous")[task_idx]
    concrete = (tasks["kind"].to_numpy(dtype=object) == "task")[task_idx]

    # The counted submission of each unit.
    meta = _submission_table(plan, subs, as_of)
    chosen = meta[meta["chosen"]]
    sub_of_unit = np.full(n_units, -1, dtype=np.int64)
    sub_of_unit[chosen["unit_idx"].to_numpy()] = chosen["sub"].to_numpy()
    frame_sub = sub_of_unit[unit_idx]  # the counted submission of each row's unit, or -1
    has_sub = frame_sub >= 0
    report_date = _take(meta["report_date"].to_numpy(dtype="datetime64[s]"), frame_sub, NAT)

    # Its rows, joined on (unit, task).
    got = _rows_frame(plan, subs, chosen["sub"].to_numpy())
    rows, reject_messages = got.frame, got.rejected
    row_key = meta["unit_idx"].to_numpy()[rows["sub"].to_numpy()] * n_tasks + rows["task_idx"].to_numpy()
    if pd.Series(row_key).duplicated().any():
        # One row per (unit, task): a usable row wins over a rejected one, then the first in the sheet.
        order = np.lexsort((rows["source_row"].to_numpy(), ~rows["usable"].to_numpy(), row_key))
        rows, row_key = rows.iloc[order], row_key[order]
        first = ~pd.Series(row_key).duplicated().to_numpy()
        rows, row_key = rows[first], row_key[first]
    frame_key = unit_idx.astype(np.int64) * n_tasks + task_idx
    if n_units * n_tasks <= 4 * max(n, 1):  # a dense lookup table: no hashing
        lookup = np.full(n_units * n_tasks, -1, dtype=np.int64)
        lookup[row_key] = np.arange(len(rows))
        pos = lookup[frame_key]
        del lookup
    else:  # a sparse plan (few units per task): hash the keys instead
        pos = pd.Index(row_key).get_indexer(frame_key)
    matched = pos >= 0

    row_usable = _take(rows["usable"].to_numpy(), pos, False)
    row_code = np.where(row_usable, _take(rows["row_code"].to_numpy(), pos, -1), -1)
    rejected = _take(rows["rejected"].to_numpy(), pos, False)
    completed_raw = _take(rows["completed"].to_numpy(dtype="datetime64[s]"), pos, NAT)
    progress = np.where(row_usable, _take(rows["progress"].to_numpy(dtype=float), pos, np.nan), np.nan)
    source_row_int = _take(rows["source_row"].to_numpy(), pos, 0)
    # Texts by position in got.texts; only usable rows show theirs.
    text_pos = _take(rows.index.to_numpy(), pos, -1)
    text_pos = np.where(row_usable, text_pos, -1)
    result_text = got.texts["result"]
    has_result = _take((result_text != "") & pd.notna(result_text), text_pos, False)

    # Completion of single-deadline tasks: the row's date, or its report date when missing.
    reported_done = row_code == 2
    assumed = reported_done & np.isnat(completed_raw)
    completion = np.where(assumed, report_date, completed_raw)
    after_report = reported_done & (completion > report_date)
    done = reported_done & ~after_report
    completed_on = np.where(done, completion, NAT)
    done_report = np.where(done, report_date, NAT)

    # Milestone tasks: completion dates from the unit's history of submissions.
    if multi.any():
        assigned = _milestone_dates(plan, subs, meta, rows, milestones)
        span = int(milestones["n_milestones"].max())
        where = np.flatnonzero(multi)
        a_pos = pd.Index(assigned["key"].to_numpy() * span + assigned["milestone_pos"].to_numpy()).get_indexer(
            frame_key[where] * span + ms_pos[where])
        hit = a_pos >= 0
        done[where] = hit
        completed_on[where] = _take(assigned["done_on"].to_numpy(dtype="datetime64[s]"), a_pos, NAT)
        done_report[where] = _take(assigned["done_report_date"].to_numpy(dtype="datetime64[s]"), a_pos, NAT)
        assumed[where] = hit & _take(assigned["assumed"].to_numpy(dtype=bool), a_pos, False)
        after_report[where] = False
    done &= row_usable
    completed_on = np.where(done, completed_on, NAT)

    # The status: one word per row, by the rules in order.
    no_deadline = np.isnat(deadline) & ~continuous
    codes = np.select(
        [~row_usable, continuous, no_deadline, done & (completed_on <= deadline), done, as_of64 <= deadline],
        [6, 4, 5, 0, 1, 2],
        default=3,
    ).astype(np.int8)
    late_done, late_open = codes == 1, codes == 3
    days = np.zeros(n, dtype=np.int64)
    days[late_done] = _days(completed_on[late_done], deadline[late_done])
    days[late_open] = _days(np.full(late_open.sum(), as_of64), deadline[late_open])
    days_late = pd.arrays.IntegerArray(days, ~(late_done | late_open))
    activity = row_usable & ((row_code >= 1) | has_result)
    in_headline = concrete & is_lead & ~np.isnat(deadline) & ((deadline <= np.datetime64(period.end, "s")) | (codes <= 1))

    # Explanations, in Vietnamese, only on the rows they concern.
    files = meta["file"].to_numpy(dtype=object)
    notes = _Notes(n)
    notes.add(~has_sub, f"Đơn vị không có báo cáo dùng được đến ngày chốt số liệu {as_of.strftime('%d/%m/%Y')}")
    unit_texts, rejected_lines = _submission_notes(plan, subs, meta)
    notes.add((unit_texts != "")[unit_idx], lambda m: unit_texts[unit_idx[m]])
    missing = has_sub & ~matched
    notes.add(missing, "Báo cáo ngày ", report_date, " (", lambda m: files[frame_sub[m]],
              ") không có dòng dùng được cho nhiệm vụ này")
    notes.add(missing & (rejected_lines != "")[np.where(has_sub, frame_sub, 0)] if len(subs) else missing & False,
              "tệp có dòng bị loại khi đọc (dòng ", lambda m: rejected_lines[frame_sub[m]],
              "), xem phần phát hiện dữ liệu")
    if rejected.any():
        row_index = rows.index.to_numpy()
        reasons = np.full(n, "", dtype=object)
        at = np.flatnonzero(rejected)
        reasons[at] = [reject_messages.get(int(row_index[p]), "") for p in pos[at]]
        notes.add(rejected, "Dòng ", source_row_int, " bị loại khi đọc: ", reasons)
    notes.add(matched & ~rejected & ~row_usable, "Dòng ", source_row_int, " không có tình trạng hoặc tiến độ đọc được")
    notes.add(row_usable & after_report, "Ngày hoàn thành ", completed_raw, " sau ngày báo cáo ", report_date,
              ": chưa tính là hoàn thành")
    notes.add(row_usable & (row_code >= 0) & (row_code < 2) & ~np.isnat(completed_raw) & ~multi,
              "Có ngày hoàn thành ", completed_raw, " nhưng tình trạng chưa hoàn thành: chưa tính là hoàn thành")
    notes.add(done & assumed, "Báo cáo “Đã hoàn thành” nhưng không ghi ngày hoàn thành: lấy ngày báo cáo ",
              done_report, " làm ngày hoàn thành")
    # A milestone date that the counted row no longer shows came from an earlier report.
    notes.add(done & multi & (completed_on != completed_raw) & (done_report != report_date),
              "Ngày hoàn thành theo báo cáo ngày ", done_report)
    notes.add(row_usable & multi & reported_done & ~done,
              "Ngày hoàn thành đã báo cáo được tính cho mốc trước; mốc này chưa có ngày hoàn thành")
    notes.add(row_usable & no_deadline, "Cấp trên chưa giao thời hạn (khai báo bằng tham số deadlines khi có)")
    del completion, completed_raw, done_report, frame_key, pos
    # The unit's own note first, then the explanation ("; " between, unless the note ends a sentence).
    unit_notes = got.texts["note"]
    with_note = np.flatnonzero(_take((unit_notes != "") & pd.notna(unit_notes), text_pos, False))
    note = notes.text
    if len(with_note):
        own = unit_notes[text_pos[with_note]]
        joined = notes.has[with_note]
        ends = pd.Series(own, dtype=object).str.rstrip().str[-1:].isin([".", ";", "!", "?"]).to_numpy()
        note[with_note] = np.where(joined, own + np.where(ends, " ", "; ") + note[with_note], own)
    del notes

    def plan_text(values: Any, idx: np.ndarray) -> Any:
        # Take from a small string array: no per-row string validation.
        return pd.array(np.asarray(values, dtype=object), dtype="str").take(idx)

    out = pd.DataFrame({
        "task_code": plan_text(tasks["task_code"], task_idx),
        "task_text": plan_text(tasks["task_text"], task_idx),
        "kind": plan_text(tasks["kind"], task_idx),
        "section": plan_text(tasks["section"], task_idx),
        "milestone": plan_text(milestones["milestone"], ms_idx),
        "milestone_label": plan_text(milestones["milestone_label"], ms_idx),
        "lead_unit_code": plan_text(tasks["lead_unit_code"], task_idx),
        "is_lead": is_lead,
        "unit_code": plan_text(plan.unit_codes, unit_idx),
        "unit": plan_text([u.name for u in plan.units], unit_idx),
        "time_frame": plan_text(tasks["time_frame"], task_idx),
        "deadline": deadline,
        "completed_on": completed_on,
        "row_status": plan_text(ROW_STATUS_WORDS, row_code.astype(np.int64) + 1),
        "progress": progress,
        "status": plan_text(STATUSES, codes.astype(np.int64)),
        "activity_reported": activity,
        "days_late": days_late,
        "result": _take_text(result_text, text_pos),
        "difficulties": _take_text(got.texts["difficulties"], text_pos),
        "proposals": _take_text(got.texts["proposals"], text_pos),
        "note": _text_array(note),
        "source_file": _take_text(files, frame_sub),
        "source_row": pd.arrays.IntegerArray(source_row_int, ~matched),
        "in_headline": in_headline,
        "report_date": report_date,
    }, copy=False)
    out.attrs.update(period=period.id, as_of=as_of.isoformat())
    return out


def count_statuses(status: pd.Series | Iterable[str], words: Iterable[str] = STATUSES) -> dict[str, int]:
    """Status word → count, every word in ``words`` present (zero when absent)."""
    counts = pd.Series(list(status) if not isinstance(status, pd.Series) else status, dtype=object).value_counts()
    return {w: int(counts.get(w, 0)) for w in words}


def status_records(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> list[dict]:
    """Rows of a status table as plain records for CSV and JSON.

    Dates are ISO text (``2024-03-31``) or None, days late an int or None,
    booleans stay booleans. Default columns: STATUS_COLUMNS, then in_headline
    and report_date.
    """
    columns = list(columns) if columns is not None else [*STATUS_COLUMNS, "in_headline", "report_date"]
    out = pd.DataFrame(index=frame.index)
    for name in columns:
        series = frame[name]
        if pd.api.types.is_datetime64_any_dtype(series):
            text = series.dt.strftime("%Y-%m-%d")
            out[name] = text.astype(object).where(series.notna(), None)
        elif name in ("days_late", "source_row"):
            out[name] = series.astype(object).where(series.notna(), None)
        elif name == "progress":
            out[name] = series.astype(object).where(series.notna(), None)
        else:
            out[name] = series.astype(object)
    return out.to_dict(orient="records")

