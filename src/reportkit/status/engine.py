"""The status engine: ``assess_tasks(inputs, submissions)``, vectorised over (task or milestone, unit) lines.

Each step works on whole arrays: the plan's lines, what the counted workbook
says for each line, the completion dates, the status word, the notes, and the
output frame. The rules are in docs/status-rules.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reportkit.errors import SubmissionsError
from reportkit.intake.model import Submission
from reportkit.messages import t
from reportkit.params import RunInputs, parse_run_inputs
from reportkit.plan.load import Plan
from reportkit.status.arrays import (
    NAT,
    Notes,
    days_between,
    has_text,
    take,
    take_text,
    text_array,
)
from reportkit.status.milestones import milestone_dates
from reportkit.status.tables import (
    Rows,
    rows_frame,
    submission_meta,
    submission_notes,
    task_table,
    task_unit_frame,
)
from reportkit.status.words import ROW_STATUS_WORDS, STATUSES


def read_folder(folder: str | Path, plan: Plan) -> list[Submission]:
    """The submissions of a folder, read with intake; SubmissionsError when it is missing or holds no workbook.

    (``parse_run_inputs`` has already refused a missing folder on every route; intake refuses it too.)
    """
    from reportkit.intake.reader import read_submissions

    found = read_submissions(Path(folder), plan)
    if not found:
        raise SubmissionsError(t("inputs.empty_folder"), path=folder, hint=t("inputs.empty_folder.fix"))
    return list(found)


def resolve_submissions(submissions: Iterable[Submission] | str | Path, plan: Plan) -> list[Submission]:
    """Submissions as a list; a folder is read with ``read_folder``."""
    if isinstance(submissions, (str, Path)):
        return read_folder(submissions, plan)
    return list(submissions)


@dataclass
class _Lines:
    """The plan side: one entry per (task or milestone, unit) line, as positions and arrays."""

    tasks: pd.DataFrame
    milestones: pd.DataFrame
    ms_idx: np.ndarray
    task_idx: np.ndarray
    unit_idx: np.ndarray
    is_lead: np.ndarray
    deadline: np.ndarray  # datetime64[s], NaT when none
    ms_pos: np.ndarray
    multi: np.ndarray  # the task has several milestones
    continuous: np.ndarray
    concrete: np.ndarray  # a task (III.n), not a content item
    key: np.ndarray  # unit × n_tasks + task


def _plan_lines(plan: Plan, overrides: dict) -> _Lines:
    """Task × milestone × unit, all as integer positions."""
    tasks, milestones = task_table(plan, overrides)
    frame = task_unit_frame(plan, milestones)
    ms_idx = frame["ms_idx"].to_numpy()
    task_idx = frame["task_idx"].to_numpy()
    unit_idx = frame["unit_idx"].to_numpy()
    return _Lines(
        tasks, milestones, ms_idx, task_idx, unit_idx, frame["is_lead"].to_numpy(),
        deadline=milestones["deadline"].to_numpy(dtype="datetime64[s]")[ms_idx],
        ms_pos=milestones["milestone_pos"].to_numpy()[ms_idx],
        multi=milestones["n_milestones"].to_numpy()[ms_idx] > 1,
        continuous=(tasks["due_kind"].to_numpy(dtype=object) == "continuous")[task_idx],
        concrete=(tasks["kind"].to_numpy(dtype=object) == "task")[task_idx],
        key=unit_idx.astype(np.int64) * len(plan.tasks) + task_idx,
    )


@dataclass
class _Reported:
    """What each line's counted workbook says (fill values where it says nothing)."""

    meta: pd.DataFrame  # one row per submission (tables.submission_meta)
    sub: np.ndarray  # the counted submission of the line's unit, or -1
    report_date: np.ndarray
    got: Rows
    rows: pd.DataFrame  # the counted rows, one per (unit, task)
    pos: np.ndarray  # the line's position in ``rows``, or -1
    usable: np.ndarray
    code: np.ndarray  # row status code (-1 none)
    rejected: np.ndarray
    completed: np.ndarray  # the completion date as written
    progress: np.ndarray
    source_row: np.ndarray
    text_pos: np.ndarray  # position in got.texts, -1 unless the row is usable
    has_result: np.ndarray


def _row_positions(rows: pd.DataFrame, row_key: np.ndarray, lines: _Lines, n_keys: int) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per (unit, task), and each line's position among them (-1: none)."""
    dense = n_keys <= 4 * max(len(lines.key), 1)  # a lookup table as long as the key space: no hashing
    if (np.bincount(row_key, minlength=n_keys).max(initial=0) > 1) if dense else pd.Series(row_key).duplicated().any():
        # A usable row wins over a rejected one, then the first in the sheet.
        order = np.lexsort((rows["source_row"].to_numpy(), ~rows["usable"].to_numpy(), row_key))
        rows, row_key = rows.iloc[order], row_key[order]
        first = ~pd.Series(row_key).duplicated().to_numpy()
        rows, row_key = rows[first], row_key[first]
    if dense:
        lookup = np.full(n_keys, -1, dtype=np.int32)
        lookup[row_key] = np.arange(len(rows), dtype=np.int32)
        return rows, lookup[lines.key]
    return rows, pd.Index(row_key).get_indexer(lines.key).astype(np.int32)  # a sparse plan: hash the keys


def _reported(plan: Plan, subs: list[Submission], lines: _Lines, as_of) -> _Reported:
    """The counted submission of each unit, and its row for each line, joined on (unit, task)."""
    meta = submission_meta(plan, subs, as_of)
    chosen = meta[meta["chosen"]]
    sub_of_unit = np.full(len(plan.units), -1, dtype=np.int32)
    sub_of_unit[chosen["unit_idx"].to_numpy()] = chosen["sub"].to_numpy()
    sub = sub_of_unit[lines.unit_idx]
    got = rows_frame(plan, subs, chosen["sub"].to_numpy())
    row_key = meta["unit_idx"].to_numpy()[got.frame["sub"].to_numpy()] * len(plan.tasks) + got.frame["task_idx"].to_numpy()
    rows, pos = _row_positions(got.frame, row_key, lines, len(plan.units) * len(plan.tasks))
    usable = take(rows["usable"].to_numpy(), pos, False)
    text_pos = np.where(usable, take(rows.index.to_numpy(np.int32), pos, -1), -1)  # only usable rows show their texts
    result = got.texts["result"]
    return _Reported(
        meta, sub, take(meta["report_date"].to_numpy(dtype="datetime64[s]"), sub, NAT), got, rows, pos, usable,
        code=np.where(usable, take(rows["row_code"].to_numpy(), pos, -1), -1),
        rejected=take(rows["rejected"].to_numpy(), pos, False),
        completed=take(rows["completed"].to_numpy(dtype="datetime64[s]"), pos, NAT),
        progress=np.where(usable, take(rows["progress"].to_numpy(dtype=float), pos, np.nan), np.nan),
        source_row=take(rows["source_row"].to_numpy(), pos, 0),
        text_pos=text_pos,
        has_result=take(has_text(result), text_pos, False),
    )


@dataclass
class _Done:
    """Completion of each line: done, its date, the report that said so, and how the date was found."""

    reported: np.ndarray  # the row says done
    done: np.ndarray
    completed_on: np.ndarray
    report_date: np.ndarray  # of the report the completion comes from
    assumed: np.ndarray  # the report date stands for a missing completion date
    after_report: np.ndarray  # the completion date is after the report date: not counted


def _completion(plan: Plan, subs: list[Submission], lines: _Lines, rep: _Reported) -> _Done:
    """Single-deadline lines from their row; milestone lines from the unit's history of workbooks."""
    reported = rep.code == 2
    assumed = reported & np.isnat(rep.completed)
    completion = np.where(assumed, rep.report_date, rep.completed)
    after_report = reported & (completion > rep.report_date)
    done = reported & ~after_report
    completed_on = np.where(done, completion, NAT)
    done_report = np.where(done, rep.report_date, NAT)
    if lines.multi.any():
        assigned = milestone_dates(plan, subs, rep.meta, rep.rows, lines.milestones)
        span = int(lines.milestones["n_milestones"].max())
        where = np.flatnonzero(lines.multi)
        a_pos = pd.Index(assigned["key"].to_numpy() * span + assigned["milestone_pos"].to_numpy()).get_indexer(
            lines.key[where] * span + lines.ms_pos[where])
        hit = a_pos >= 0
        done[where] = hit
        completed_on[where] = take(assigned["done_on"].to_numpy(dtype="datetime64[s]"), a_pos, NAT)
        done_report[where] = take(assigned["done_report_date"].to_numpy(dtype="datetime64[s]"), a_pos, NAT)
        assumed[where] = hit & take(assigned["assumed"].to_numpy(dtype=bool), a_pos, False)
        after_report[where] = False
    done &= rep.usable
    return _Done(reported, done, np.where(done, completed_on, NAT), done_report, assumed, after_report)


def _status_codes(lines: _Lines, rep: _Reported, done: _Done, as_of64: np.datetime64) -> np.ndarray:
    """Positions in STATUSES, by the rules in order."""
    no_deadline = np.isnat(lines.deadline) & ~lines.continuous
    return np.select(
        [~rep.usable, lines.continuous, no_deadline, done.done & (done.completed_on <= lines.deadline), done.done,
         as_of64 <= lines.deadline],
        [6, 4, 5, 0, 1, 2],
        default=3,
    ).astype(np.int8)


def _explain(plan: Plan, subs: list[Submission], lines: _Lines, rep: _Reported, done: _Done, as_of) -> Notes:
    """Explanations, in Vietnamese, only on the lines they concern."""
    files = rep.meta["file"].to_numpy(dtype=object)
    has_sub, matched = rep.sub >= 0, rep.pos >= 0
    notes = Notes(len(lines.key))
    notes.add(~has_sub, f"Đơn vị không có báo cáo dùng được đến ngày chốt số liệu {as_of.strftime('%d/%m/%Y')}")
    unit_texts, rejected_lines = submission_notes(plan, subs, rep.meta)
    notes.add((unit_texts != "")[lines.unit_idx], lambda m: unit_texts[lines.unit_idx[m]])
    missing = has_sub & ~matched
    notes.add(missing, "Báo cáo ngày ", rep.report_date, " (", lambda m: files[rep.sub[m]],
              ") không có dòng dùng được cho nhiệm vụ này")
    notes.add(missing & (rejected_lines != "")[np.where(has_sub, rep.sub, 0)] if len(subs) else missing & False,
              "tệp có dòng bị loại khi đọc (dòng ", lambda m: rejected_lines[rep.sub[m]],
              "), xem phần phát hiện dữ liệu")
    if rep.rejected.any():
        row_index = rep.rows.index.to_numpy()
        reasons = np.full(len(lines.key), "", dtype=object)
        at = np.flatnonzero(rep.rejected)
        reasons[at] = [rep.got.rejected.get(int(row_index[p]), "") for p in rep.pos[at]]
        notes.add(rep.rejected, "Dòng ", rep.source_row, " bị loại khi đọc: ", reasons)
    notes.add(matched & ~rep.rejected & ~rep.usable, "Dòng ", rep.source_row,
              " không có tình trạng hoặc tiến độ đọc được")
    notes.add(rep.usable & done.after_report, "Ngày hoàn thành ", rep.completed, " sau ngày báo cáo ", rep.report_date,
              ": chưa tính là hoàn thành")
    notes.add(rep.usable & (rep.code >= 0) & (rep.code < 2) & ~np.isnat(rep.completed) & ~lines.multi,
              "Có ngày hoàn thành ", rep.completed, " nhưng tình trạng chưa hoàn thành: chưa tính là hoàn thành")
    notes.add(done.done & done.assumed, "Báo cáo “Đã hoàn thành” nhưng không ghi ngày hoàn thành: lấy ngày báo cáo ",
              done.report_date, " làm ngày hoàn thành")
    # A milestone date that the counted row no longer shows came from an earlier report.
    notes.add(done.done & lines.multi & (done.completed_on != rep.completed) & (done.report_date != rep.report_date),
              "Ngày hoàn thành theo báo cáo ngày ", done.report_date)
    notes.add(rep.usable & lines.multi & done.reported & ~done.done,
              "Ngày hoàn thành đã báo cáo được tính cho mốc trước; mốc này chưa có ngày hoàn thành")
    # No deadline and none given (never invented): the superior has not set it, or the plan names no date.
    no_deadline = rep.usable & np.isnat(lines.deadline) & ~lines.continuous
    external = (lines.tasks["due_kind"].to_numpy(dtype=object) == "external")[lines.task_idx]
    time_frames = lines.tasks["time_frame"].to_numpy(dtype=object)
    notes.add(no_deadline & external, "Cấp trên chưa giao thời hạn")
    notes.add(no_deadline & ~external, "Kế hoạch ghi thời gian “", lambda m: time_frames[lines.task_idx[m]],
              "”, không nêu ngày cụ thể: chưa xác định thời hạn")
    return notes


def _join_unit_notes(notes: Notes, rep: _Reported) -> np.ndarray:
    """The unit's own note first, then the explanation ("; " between, unless the note ends a sentence)."""
    unit_notes = rep.got.texts["note"]
    with_note = np.flatnonzero(take(has_text(unit_notes), rep.text_pos, False))
    note = notes.text
    if len(with_note):
        own = unit_notes[rep.text_pos[with_note]]
        joined = notes.has[with_note]
        ends = pd.Series(own, dtype=object).str.rstrip().str[-1:].isin([".", ";", "!", "?"]).to_numpy()
        note[with_note] = np.where(joined, own + np.where(ends, " ", "; ") + note[with_note], own)
    return note


def _plan_text(values: Any, idx: np.ndarray) -> Any:
    """Take from a small string array: no per-row string validation."""
    return take_text(values, idx)


def _output_frame(plan: Plan, lines: _Lines, rep: _Reported, done: _Done, codes: np.ndarray, note: np.ndarray,
                  as_of64: np.datetime64, period_end: np.datetime64) -> pd.DataFrame:
    """The status table: STATUS_COLUMNS then EXTRA_COLUMNS."""
    tasks, milestones, task_idx, ms_idx = lines.tasks, lines.milestones, lines.task_idx, lines.ms_idx
    late_done, late_open = codes == 1, codes == 3
    days = np.zeros(len(codes), dtype=np.int64)
    days[late_done] = days_between(done.completed_on[late_done], lines.deadline[late_done])
    days[late_open] = days_between(np.full(late_open.sum(), as_of64), lines.deadline[late_open])
    texts = rep.got.texts
    return pd.DataFrame({
        "task_code": _plan_text(tasks["task_code"], task_idx),
        "task_text": _plan_text(tasks["task_text"], task_idx),
        "kind": _plan_text(tasks["kind"], task_idx),
        "section": _plan_text(tasks["section"], task_idx),
        "milestone": _plan_text(milestones["milestone"], ms_idx),
        "milestone_label": _plan_text(milestones["milestone_label"], ms_idx),
        "lead_unit_code": _plan_text(tasks["lead_unit_code"], task_idx),
        "is_lead": lines.is_lead,
        "unit_code": _plan_text(plan.unit_codes, lines.unit_idx),
        "unit": _plan_text([u.name for u in plan.units], lines.unit_idx),
        "time_frame": _plan_text(tasks["time_frame"], task_idx),
        "deadline": lines.deadline,
        "completed_on": done.completed_on,
        "row_status": _plan_text(ROW_STATUS_WORDS, rep.code.astype(np.int64) + 1),
        "progress": rep.progress,
        "status": _plan_text(STATUSES, codes.astype(np.int64)),
        "activity_reported": rep.usable & ((rep.code >= 1) | rep.has_result),
        "days_late": pd.arrays.IntegerArray(days, ~(late_done | late_open)),
        "result": take_text(texts.pop("result"), rep.text_pos),  # each workbook text let go once taken
        "difficulties": take_text(texts.pop("difficulties"), rep.text_pos),
        "proposals": take_text(texts.pop("proposals"), rep.text_pos),
        "note": text_array(note),
        "source_file": take_text(rep.meta["file"].to_numpy(dtype=object), rep.sub),
        "source_row": pd.arrays.IntegerArray(rep.source_row, rep.pos < 0),
        "in_headline": lines.concrete & lines.is_lead & ~np.isnat(lines.deadline)
                       & ((lines.deadline <= period_end) | (codes <= 1)),
        "report_date": rep.report_date,
        "due_kind": _plan_text(tasks["due_kind"], task_idx),
    }, copy=False)


def assess_tasks(inputs: RunInputs, submissions: Sequence[Submission]) -> pd.DataFrame:
    """Status of every (task or milestone, unit) of the plan as of ``inputs.as_of``.

    ``inputs`` come from ``params.parse_run_inputs`` (plan, period, cut-off,
    deadlines of external and unknown tasks, all checked); ``submissions`` are intake's
    Submissions. Returns one row per (task or milestone, unit) in plan order,
    lead unit first, with STATUS_COLUMNS then EXTRA_COLUMNS; the rules are in
    docs/status-rules.md. ``in_headline`` marks the rows the period's headline
    counts (see ``summary``).
    """
    plan, subs = inputs.plan, list(submissions)
    as_of64 = np.datetime64(inputs.as_of, "s")
    lines = _plan_lines(plan, inputs.deadlines)
    rep = _reported(plan, subs, lines, inputs.as_of)
    done = _completion(plan, subs, lines, rep)
    codes = _status_codes(lines, rep, done, as_of64)
    note = _join_unit_notes(_explain(plan, subs, lines, rep, done, inputs.as_of), rep)
    # Only the steps above needed these: let them go before the output is built (peak memory at 10⁶ lines).
    rep.completed = done.report_date = lines.key = rep.rows = rep.got.frame = None
    out = _output_frame(plan, lines, rep, done, codes, note, as_of64, np.datetime64(inputs.period.end, "s"))
    out.attrs.update(period=inputs.period.id, as_of=inputs.as_of.isoformat())
    return out


def assess(
    plan: Plan,
    submissions: Iterable[Submission] | str | Path,
    period: Any,
    as_of: Any = None,
    deadlines: Any = None,
) -> pd.DataFrame:
    """``assess_tasks`` from loose values (the public ``reportkit.assess``): checked by ``parse_run_inputs``.

    ``submissions`` are intake's Submissions or a folder to read them from;
    ``period`` a period id or Period; ``as_of`` (default: the period end) and
    the ``deadlines`` of external tasks a date or ISO / day-first text. Bad
    values raise what every other route raises for them: PeriodError for a
    period or cut-off outside the plan's year, ParamsError for a bad date or
    deadline (all problems listed), SubmissionsError for a missing or empty folder.
    """
    inputs, subs = parse_loose_inputs(plan, submissions, {"period": period, "as_of": as_of, "deadlines": deadlines},
                                      stream_required=False)
    return assess_tasks(inputs, subs)


def parse_loose_inputs(plan: Plan, submissions: Iterable[Submission] | str | Path, raw: dict[str, Any], *,
                       stream_required: bool) -> tuple[RunInputs, list[Submission]]:
    """The API wrappers' route through ``parse_run_inputs``: submissions given read, or as a folder to read."""
    folder = submissions if isinstance(submissions, (str, Path)) else None
    inputs = parse_run_inputs({**raw, "submissions": folder}, plan=plan, stream_required=stream_required,
                              folder_required=False)
    return inputs, read_folder(inputs.submissions, plan) if folder is not None else list(submissions)
