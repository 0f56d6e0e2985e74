"""The vectorised status engine judges every line as the row-by-row reference does (hypothesis).

Random years of submissions for two plans, the sample plan (content items,
continuous tasks, "tháng 6, tháng 12" milestones, an external task) and a
school's (several lead units, supporting units, a time frame that names no
date, milestones on arbitrary dates, an external task): units with no
workbook, several workbooks a unit (same day, same file name), files of an
unknown unit or without a report date, rows missing, repeated, of unknown
tasks, without status or progress, rejected by intake (an error finding on the
row), completion dates after the report, and deadlines given or not. The
engine must agree with ``tests/status_reference.py`` line by line, read the
rows the same whether they come as TaskRow lists or as columns
(``intake.columns.TaskColumns``), and give the very table the engine before
issue 17 gave (``bench/baseline_status``, frozen), notes included.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.baseline_status.engine import assess as assess_before
from reportkit.intake.columns import TaskColumns, task_columns
from reportkit.intake.model import (
    DONE,
    ERROR,
    IN_PROGRESS,
    NOT_STARTED,
    WARNING,
    Finding,
    Submission,
    TaskRow,
)
from reportkit.periods import parse_period
from reportkit.plan.load import load_plan
from reportkit.status import assess

from .conftest import PLAN_PATH, ROOT
from .status_reference import COLUMNS, reference_lines

PLANS = {"sample": load_plan(PLAN_PATH), "leads": load_plan(ROOT / "tests" / "data" / "model" / "leads.yaml")}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(SETTINGS, max_examples=30)  # the same engine on two inputs, or against its frozen predecessor


def _edges(plan) -> list[dt.date]:
    """The plan's deadlines and the days either side: where on time turns late."""
    deadlines = {m.deadline for t in plan.tasks for m in t.due.milestones(plan.year) if m.deadline}
    near = {d + dt.timedelta(days=k) for d in deadlines for k in (-1, 0, 1)}
    return sorted(d for d in near if d.year == plan.year)


EDGES = {plan.year: _edges(plan) for plan in PLANS.values()}


def days(year: int):
    """Any day of the year, often a deadline or a day next to one."""
    anyday = st.integers(min_value=0, max_value=364).map(lambda n: dt.date(year, 1, 1) + dt.timedelta(days=n))
    return anyday | st.sampled_from(EDGES[year])


@st.composite
def task_rows(draw, plan, unit: str) -> list[TaskRow]:
    codes = [t.code for t in plan.tasks if unit in t.units]
    codes += draw(st.lists(st.sampled_from([t.code for t in plan.tasks] + ["IX.9"]), max_size=2))  # not its own
    rows = []
    for i, code in enumerate(codes):
        if draw(st.integers(0, 3)) == 0:
            continue  # a row left out
        for copy in range(draw(st.sampled_from([1, 1, 1, 2]))):  # sometimes the task twice
            rows.append(TaskRow(
                code,
                draw(st.sampled_from([None, NOT_STARTED, IN_PROGRESS, DONE, DONE, "khác"])),
                draw(st.sampled_from([None, 0.0, 40.0, 100.0, math.nan])),
                draw(st.none() | days(plan.year)),
                result=draw(st.sampled_from(["", "Đã triển khai.", None])),
                difficulties=draw(st.sampled_from(["", "Thiếu kinh phí"])),
                note=draw(st.sampled_from(["", "Ghi chú", "Đã xong."])),
                source_row=10 + i + copy * draw(st.sampled_from([0, 100])),  # a repeat on the same sheet row or another
            ))
    return rows


def finding(path: str, row: int | None, severity: str = ERROR) -> Finding:
    return Finding(severity, "bad_row", path, "Dòng không đọc được", "Unreadable row", "Sửa dòng", row=row)


@st.composite
def years(draw, plan) -> list[Submission]:
    subs = []
    for unit in [*plan.unit_codes, None]:
        for _ in range(draw(st.integers(0, 3))):
            pool = st.sampled_from([dt.date(plan.year, m, 10) for m in (4, 7, 10)])  # the same day twice: a tie
            day = draw(st.none() | days(plan.year)) if draw(st.integers(0, 9)) == 0 else draw(pool | days(plan.year))
            path = f"{unit}_{day}.xlsx" if draw(st.integers(0, 4)) else "cung-ten.xlsx"  # same name: a tie
            rows = draw(task_rows(plan, unit or plan.unit_codes[0])) if draw(st.integers(0, 9)) else []
            lines = sorted({r.source_row for r in rows})
            findings = [finding(path, n) for n in lines if draw(st.integers(0, 7)) == 0]  # rows intake rejected
            findings += [finding(path, None)] if draw(st.integers(0, 9)) == 0 else []
            findings += [finding(path, lines[0], WARNING)] if lines and draw(st.booleans()) else []
            subs.append(Submission(Path(path), unit, day, rows, findings))
    return subs


@st.composite
def cases(draw):
    """(plan name, submissions, period, cut-off on or after the period start, deadlines given)."""
    name = draw(st.sampled_from(sorted(PLANS)))
    plan = PLANS[name]
    open_tasks = [t.code for t in plan.tasks if t.due.kind in ("external", "unknown")]
    given = {code: draw(days(plan.year)) for code in open_tasks if draw(st.booleans())}
    period = draw(st.sampled_from([f"{plan.year}", f"{plan.year}-Q1", f"{plan.year}-H1", f"{plan.year}-Q3"]))
    start = parse_period(period).start
    as_of = draw(days(plan.year).filter(lambda d: d >= start))
    return name, draw(years(plan)), period, as_of, given


def comparable(frame: pd.DataFrame) -> list[tuple]:
    """The reference's columns of a status table as plain values (dates as dates, NaN and NA as None)."""
    out = []
    for record in frame[COLUMNS].astype(object).itertuples(index=False):
        values = []
        for v in record:
            if isinstance(v, pd.Timestamp):
                v = v.date()
            elif v is pd.NaT or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
                v = None
            values.append(v)
        out.append(tuple(values))
    return out


def as_columns(subs: list[Submission]) -> list[Submission]:
    return [Submission(s.path, s.unit, s.report_date, task_columns(s.rows), s.findings) for s in subs]


@SETTINGS
@given(case=cases())
def test_the_engine_judges_every_line_as_the_row_by_row_reference(case):
    name, subs, period, as_of, given_deadlines = case
    plan = PLANS[name]
    frame = assess(plan, subs, period, as_of=as_of, deadlines=given_deadlines or None)
    end = parse_period(period).end
    expected = [tuple(getattr(line, c) for c in COLUMNS)
                for line in reference_lines(plan, subs, as_of, end, given_deadlines)]
    got = comparable(frame)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g == e, dict(zip(COLUMNS, zip(g, e)))


@FEWER
@given(case=cases())
def test_rows_as_columns_give_the_same_table_as_task_rows(case):
    name, subs, period, as_of, given_deadlines = case
    plan = PLANS[name]
    frame = assess(plan, subs, period, as_of=as_of, deadlines=given_deadlines or None)
    columnar = assess(plan, as_columns(subs), period, as_of=as_of, deadlines=given_deadlines or None)
    pd.testing.assert_frame_equal(frame, columnar)


@FEWER
@given(case=cases())
def test_the_table_is_the_one_the_engine_before_issue_17_gave(case):
    name, subs, period, as_of, given_deadlines = case
    plan = PLANS[name]
    frame = assess(plan, subs, period, as_of=as_of, deadlines=given_deadlines or None)
    before = assess_before(plan, subs, period, as_of=as_of, deadlines=given_deadlines or None)
    assert list(frame.columns) == list(before.columns)
    for name in frame.columns:
        now, then = frame[name], before[name]
        assert str(now.dtype) == str(then.dtype), name
        pd.testing.assert_series_equal(now.astype(object), then.astype(object), check_dtype=False, obj=name)


def test_task_columns_are_the_same_rows_as_the_task_rows():
    rows = [TaskRow("III.1", DONE, 100.0, dt.date(2024, 3, 2), "Xong", "", "", "Ghi chú", 12, "Theo dõi"),
            TaskRow("III.2", None, None, None, "", "", "", "", 13, "Theo dõi")]
    columns = task_columns(rows)
    assert isinstance(columns, TaskColumns) and len(columns) == 2
    assert list(columns) == rows and columns[1] == rows[1] and list(columns[1:]) == rows[1:]


@pytest.mark.parametrize("plan_name", sorted(PLANS))
def test_an_empty_year_gives_no_report_on_every_line(plan_name):
    plan = PLANS[plan_name]
    frame = assess(plan, [], str(plan.year))
    assert len(frame) and set(frame["status"]) == {"Không có báo cáo"}
    assert comparable(frame) == [tuple(getattr(line, c) for c in COLUMNS) for line in
                                 reference_lines(plan, [], dt.date(plan.year, 12, 31), dt.date(plan.year, 12, 31), {})]
