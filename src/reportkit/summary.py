"""The period summary: the figures and lists a period report prints.

``build_summary`` runs ``status.assess_tasks`` as of the report's cut-off and
gathers what the report shows: the headline in official style, per-unit and
per-section tables, the overdue list, difficulties and proposals by unit, the
state of the report deadlines of every stream, the trend for 6-month, 9-month
and annual reports, and the intake findings and input manifest. Which tasks
the headline counts (``in_headline``) is a status rule: see
docs/status-rules.md, "The headline".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reportkit.fmt import format_date, format_percent
from reportkit.intake.model import (
    ERROR,
    FINDING_COLUMNS,
    WARNING,
    Submission,
    findings_frame,
)
from reportkit.params import RunInputs
from reportkit.periods import DueReport, Period, build_calendar
from reportkit.plan.load import Plan
from reportkit.status import (
    DEADLINE_STATUSES,
    DONE_LATE,
    DONE_ON_TIME,
    LATE_STATUSES,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
    STATUSES,
    assess_tasks,
    count_statuses,
)
from reportkit.status.engine import parse_loose_inputs
from reportkit.status.tables import submission_meta


@dataclass
class PeriodSummary:
    """Everything a period report prints, computed once (field names are an agreed interface)."""

    plan: Plan
    report: DueReport
    period: Period
    as_of: dt.date
    status: pd.DataFrame  # status.assess, one row per (task or milestone, unit)
    headline: str  # "đã hoàn thành 5/6 nhiệm vụ có thời hạn (83,3%), trong đó …"
    counts: dict[str, int]  # status word → rows counted by the headline (DEADLINE_STATUSES)
    per_unit: pd.DataFrame
    per_section: pd.DataFrame
    overdue: pd.DataFrame
    difficulties: pd.DataFrame  # unit, unit_code, task_code, text
    proposals: pd.DataFrame  # unit, unit_code, task_code, text
    deadlines: pd.DataFrame  # every report of the year, both streams, state as of the cut-off
    trend: pd.DataFrame | None  # H1, 9M and year reports: figures as of each report so far
    findings: pd.DataFrame  # model.FINDING_COLUMNS
    manifest: pd.DataFrame  # file, unit, sha256, rows_read, report_date (+ unit_code, used, note)


# ------------------------------------------------------------------ headline


def headline_counts(status: pd.DataFrame) -> dict[str, int]:
    """Status word → count over the rows the headline counts (``in_headline``)."""
    return count_statuses(status.loc[status["in_headline"], "status"].astype(str), DEADLINE_STATUSES)


def format_headline(counts: Mapping[str, int]) -> str:
    """The headline in official style from headline counts.

    ``đã hoàn thành 5/6 nhiệm vụ có thời hạn (83,3%), trong đó đúng hạn 4, quá
    hạn 1; chưa hoàn thành 1 (trong hạn 0, quá hạn 1)``; rows whose lead unit
    sent no report are added as "không có báo cáo N" inside the brackets.
    """
    on_time, late = counts.get(DONE_ON_TIME, 0), counts.get(DONE_LATE, 0)
    open_in_time, open_late = counts.get(OPEN_IN_TIME, 0), counts.get(OPEN_LATE, 0)
    no_report = counts.get(NO_REPORT, 0)
    done = on_time + late
    not_done = open_in_time + open_late + no_report
    total = done + not_done
    if total == 0:
        return "không có nhiệm vụ có thời hạn trong kỳ"
    open_parts = f"trong hạn {open_in_time}, quá hạn {open_late}"
    if no_report:
        open_parts += f", không có báo cáo {no_report}"
    return (
        f"đã hoàn thành {done}/{total} nhiệm vụ có thời hạn ({format_percent(done / total)}), "
        f"trong đó đúng hạn {on_time}, quá hạn {late}; chưa hoàn thành {not_done} ({open_parts})"
    )


# ------------------------------------------------------------------ submissions


def submission_table(plan: Plan, subs: list[Submission], as_of: dt.date) -> pd.DataFrame:
    """One row per submission with its role in this report (the manifest's base).

    ``role``: ``used`` (the unit's counted submission), ``superseded`` (an older
    one of the same unit), ``same_day`` (same unit and report date as the one
    used: a duplicate), ``after_cutoff``, or ``unusable``.
    """
    unit_names = {u.code: u.name for u in plan.units}
    frame = pd.DataFrame({
        "sub": np.arange(len(subs), dtype=np.int64),
        "file": [os.path.basename(os.fspath(s.path)) for s in subs],
        "path": [str(s.path) for s in subs],
        "unit_code": [s.unit or "" for s in subs],
        "unit": [unit_names.get(s.unit or "", "") for s in subs],
        "sha256": [s.sha256 for s in subs],
        "rows_read": np.array([len(s.rows) for s in subs], dtype=np.int64),
        "report_date": pd.to_datetime(pd.Series([s.report_date for s in subs], dtype=object)).astype("datetime64[s]"),
        "usable": np.array([s.usable and s.unit in unit_names for s in subs], dtype=bool),
        "errors": np.array([sum(f.severity == ERROR for f in s.findings) for s in subs], dtype=np.int64),
        "warnings": np.array([sum(f.severity == WARNING for f in s.findings) for s in subs], dtype=np.int64),
    })
    cutoff = pd.Timestamp(as_of)
    eligible = frame["usable"] & frame["report_date"].notna() & (frame["report_date"] <= cutoff)
    used = frame[submission_meta(plan, subs, as_of)["chosen"].to_numpy()]  # the status table's own choice
    # reindex, not map: map fails on an empty date series
    used_date = pd.Series(used.set_index("unit_code")["report_date"].reindex(frame["unit_code"]).to_numpy(),
                          index=frame.index)
    role = np.select(
        [frame["sub"].isin(used["sub"]), ~frame["usable"] | frame["report_date"].isna(),
         frame["report_date"] > cutoff, eligible & (frame["report_date"] == used_date)],
        ["used", "unusable", "after_cutoff", "same_day"],
        default="superseded",
    )
    frame["role"] = role
    frame["used_date"] = used_date.to_numpy(dtype="datetime64[s]")
    return frame


_ROLE_NOTES = {
    "used": "Dùng cho báo cáo",
    "superseded": "Đã có báo cáo mới hơn của đơn vị",
    "same_day": "Trùng ngày báo cáo với tệp được dùng",
    "after_cutoff": "Ngày báo cáo sau ngày chốt số liệu: không tính",
    "unusable": "Không dùng được",
}


def _manifest(subs: list[Submission], table: pd.DataFrame) -> pd.DataFrame:
    notes = table["role"].map(_ROLE_NOTES)
    first_error = pd.Series([next((f.message for f in s.findings if f.severity == ERROR), "") for s in subs], dtype=object)
    unusable = (table["role"] == "unusable").to_numpy()
    reason = np.where(first_error != "", ": " + first_error, "")
    notes = np.where(unusable, notes.to_numpy(dtype=object) + reason, notes.to_numpy(dtype=object))
    return pd.DataFrame({
        "file": table["file"],
        "unit": table["unit"],
        "sha256": table["sha256"],
        "rows_read": table["rows_read"],
        "report_date": table["report_date"],
        "unit_code": table["unit_code"],
        "used": (table["role"] == "used").to_numpy(),
        "note": notes,
        "path": table["path"],
    })


def relevant_findings(plan: Plan, subs: list[Submission], as_of: dt.date, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Findings of the files a status as of ``as_of`` stands on (model.FINDING_COLUMNS).

    That is the files used, same-day duplicates of them, and unusable files
    newer than the unit's file used (or of no known unit or date); not
    superseded files (replaced by a newer report of their unit) nor files dated
    after the cut-off (they belong to a later report).
    """
    table = submission_table(plan, subs, as_of) if table is None else table
    dated = table["report_date"]
    current_unusable = (table["role"] == "unusable") & (
        (table["unit_code"] == "") | dated.isna() | table["used_date"].isna() | (dated > table["used_date"]))
    keep = (table["role"].isin(["used", "same_day"]) | current_unusable) & ~(dated > pd.Timestamp(as_of))
    frame = findings_frame([f for s, k in zip(subs, keep.to_numpy()) if k for f in s.findings])[FINDING_COLUMNS]
    frame["row"] = frame["row"].astype("Int64")
    return frame


# ------------------------------------------------------------------ tables


def _status_columns(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Counts of every status word per group (columns in STATUSES order)."""
    counts = pd.crosstab([frame[c].astype(str) for c in by], frame["status"].astype(str))
    return counts.reindex(columns=list(STATUSES), fill_value=0)


def _per_unit(plan: Plan, status: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    units = pd.DataFrame({"unit_code": plan.unit_codes, "unit": [u.name for u in plan.units]})
    used = table[table["role"] == "used"].set_index("unit_code").reindex(units["unit_code"])
    units["submitted"] = used["sub"].notna().to_numpy()
    units["report_date"] = used["report_date"].to_numpy(dtype="datetime64[s]")
    units["source_file"] = used["file"].astype(object).where(used["file"].notna(), "").to_numpy()
    for column in ("rows_read", "errors", "warnings"):
        units[column] = used[column].fillna(0).astype(np.int64).to_numpy()
    rows = status.assign(unit_code=status["unit_code"].astype(str))
    counts = _status_columns(rows, ["unit_code"])
    counts.index.name = "unit_code"
    units = units.join(counts, on="unit_code")
    activity = rows.groupby("unit_code")["activity_reported"].sum()
    units["activity_reported"] = units["unit_code"].map(activity).fillna(0).astype(np.int64)
    units[list(STATUSES)] = units[list(STATUSES)].fillna(0).astype(np.int64)
    units["rows"] = units[list(STATUSES)].sum(axis=1)
    # Why a unit has nothing counted: files sent after the cut-off or unusable.
    notes = []
    for code in units["unit_code"]:
        mine = table[table["unit_code"] == code]
        parts = []
        if not (mine["role"] == "used").any():
            parts.append("Không có báo cáo dùng được đến ngày chốt số liệu")
            later = mine.loc[mine["role"] == "after_cutoff", "report_date"]
            if len(later):
                parts.append(f"báo cáo gửi ngày {format_date(later.min().date())}, sau ngày chốt số liệu")
        if (mine["role"] == "unusable").any():
            parts.append("Có tệp không dùng được: " + ", ".join(mine.loc[mine["role"] == "unusable", "file"]))
        notes.append("; ".join(parts))
    units["note"] = notes
    return units[["unit_code", "unit", "submitted", "report_date", "source_file", "rows_read", "errors",
                  "warnings", "rows", *STATUSES, "activity_reported", "note"]]


def _per_section(plan: Plan, status: pd.DataFrame) -> pd.DataFrame:
    """Counts per section over each row that is a task's or item's own (lead unit; every unit for items)."""
    own = status[status["is_lead"]]
    counts = _status_columns(own, ["section"])
    activity = own.assign(section=own["section"].astype(str)).groupby("section")["activity_reported"].sum()
    out = pd.DataFrame({"section": [c for c, _ in plan.sections], "title": [t for _, t in plan.sections]})
    out = out.join(counts, on="section")
    out[list(STATUSES)] = out[list(STATUSES)].fillna(0).astype(np.int64)
    out.insert(2, "rows", out[list(STATUSES)].sum(axis=1))
    out["activity_reported"] = out["section"].map(activity).fillna(0).astype(np.int64)
    return out


def _overdue(status: pd.DataFrame) -> pd.DataFrame:
    """Late rows (done late or still open past the deadline), lead units first, most days late first."""
    late = status[status["status"].astype(str).isin(LATE_STATUSES)].copy()
    late["_open"] = late["status"].astype(str) == OPEN_LATE
    late = late.sort_values(["_open", "is_lead", "days_late"], ascending=[False, False, False], kind="stable")
    columns = ["task_code", "milestone", "milestone_label", "task_text", "unit_code", "unit", "is_lead",
               "deadline", "completed_on", "status", "days_late", "note"]
    return late[columns].reset_index(drop=True)


def _texts(plan: Plan, status: pd.DataFrame, column: str) -> pd.DataFrame:
    """Non-empty texts of ``column``, one per (unit, task), in plan unit order then task order."""
    rows = status[status[column].astype(str) != ""]
    rows = rows.drop_duplicates(["unit_code", "task_code"], keep="first")
    unit_order = {code: i for i, code in enumerate(plan.unit_codes)}
    rows = rows.assign(_u=rows["unit_code"].astype(str).map(unit_order))
    rows = rows.sort_values("_u", kind="stable")
    return pd.DataFrame({
        "unit": rows["unit"].astype(str).to_numpy(),
        "unit_code": rows["unit_code"].astype(str).to_numpy(),
        "task_code": rows["task_code"].astype(str).to_numpy(),
        "text": rows[column].astype(str).to_numpy(),
    })


def _deadline_states(plan: Plan, report: DueReport, as_of: dt.date) -> pd.DataFrame:
    """Every report of the plan's year, both streams, with its state as of the cut-off."""
    records = []
    for r in build_calendar(plan):
        current = r.stream.code == report.stream.code and r.period == report.period
        left = r.days_left(as_of)
        if current or left >= 0:
            state = r.state(as_of)
        else:
            state = f"đã qua hạn nộp ({format_date(r.last_day)})"
        records.append({
            "stream": r.stream.code, "stream_name": r.stream.short_name, "period": r.period.id,
            "label": r.label, "due_before": r.due_before, "last_day": r.last_day, "due_text": r.due_text,
            "days_left": left, "state": state, "is_current": current,
        })
    frame = pd.DataFrame.from_records(records)
    for column in ("due_before", "last_day"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    return frame


def _trend(inputs: RunInputs, subs: list[Submission]) -> pd.DataFrame:
    """Headline figures as of each report of the same stream so far (this one last)."""
    plan, report, as_of = inputs.plan, inputs.report, inputs.as_of
    points = [r for r in build_calendar(plan)
              if r.stream.code == report.stream.code and r.period.end <= report.period.end
              and r.default_cutoff <= as_of and r.period != report.period]
    records = []
    for r, cutoff in [(r, r.default_cutoff) for r in points] + [(report, as_of)]:
        earlier = dataclasses.replace(inputs, period=r.period, report=r, as_of=cutoff)  # typed: no re-parsing
        counts = headline_counts(assess_tasks(earlier, subs))
        done = counts[DONE_ON_TIME] + counts[DONE_LATE]
        total = sum(counts.values())
        records.append({
            "period": r.period.id, "label": r.period.label, "as_of": pd.Timestamp(cutoff),
            "total": total, "done": done, "done_on_time": counts[DONE_ON_TIME], "done_late": counts[DONE_LATE],
            "open": total - done, "open_in_time": counts[OPEN_IN_TIME], "open_late": counts[OPEN_LATE],
            "no_report": counts[NO_REPORT],
            "percent_done": done / total if total else float("nan"),
            "percent_text": format_percent(done / total) if total else "",
        })
    frame = pd.DataFrame.from_records(records)
    frame["as_of"] = frame["as_of"].astype("datetime64[s]")
    return frame


# ------------------------------------------------------------------ the summary


def build_summary(inputs: RunInputs, submissions: Sequence[Submission]) -> PeriodSummary:
    """Everything the report of ``inputs.stream`` for ``inputs.period`` prints, as of ``inputs.as_of``.

    ``inputs`` come from ``params.parse_run_inputs`` with a stream (so with its
    report); ``submissions`` are intake's Submissions.
    """
    if inputs.report is None:
        raise ValueError("build_summary needs run inputs with a stream (parse_run_inputs with stream_required)")
    plan, period, as_of, subs = inputs.plan, inputs.period, inputs.as_of, list(submissions)
    status = assess_tasks(inputs, subs)
    counts = headline_counts(status)
    table = submission_table(plan, subs, as_of)
    return PeriodSummary(
        plan=plan,
        report=inputs.report,
        period=period,
        as_of=as_of,
        status=status,
        headline=format_headline(counts),
        counts=counts,
        per_unit=_per_unit(plan, status, table),
        per_section=_per_section(plan, status),
        overdue=_overdue(status),
        difficulties=_texts(plan, status, "difficulties"),
        proposals=_texts(plan, status, "proposals"),
        deadlines=_deadline_states(plan, inputs.report, as_of),
        trend=_trend(inputs, subs) if period.is_cumulative else None,
        findings=relevant_findings(plan, subs, as_of, table),
        manifest=_manifest(subs, table),
    )


def summarize_period(
    plan: Plan,
    submissions: Iterable[Submission] | str | Path,
    period: Any,
    stream: str,
    as_of: Any = None,
    deadlines: Any = None,
) -> PeriodSummary:
    """``build_summary`` from loose values (the public ``reportkit.summarize_period``), checked by ``parse_run_inputs``.

    ``as_of`` defaults to the report's default cut-off (the last day before its
    deadline); ``submissions`` may be a folder (read with intake). Bad values
    raise what every other route raises for them: PeriodError when the stream
    has no report for the period or a date is outside the plan's year,
    ParamsError for an unknown stream, a bad date or deadline,
    SubmissionsError for a missing or empty folder.
    """
    raw = {"period": period, "stream": stream, "as_of": as_of, "deadlines": deadlines}
    return build_summary(*parse_loose_inputs(plan, submissions, raw, stream_required=True))
