"""Properties of the status engine over random submissions (hypothesis).

Random years of submissions for the real plan: any unit may send 0–3
workbooks on any day of the year, each with any subset of its tasks in any
state (status word or only a progress figure, with or without a completion
date, sometimes a date later than the report), and the external task may or
may not have a deadline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportkit.intake.model import DONE, IN_PROGRESS, NOT_STARTED, Submission, TaskRow
from reportkit.plan.load import load_plan
from reportkit.status import (
    DONE_LATE,
    DONE_ON_TIME,
    DONE_STATUSES,
    LATE_STATUSES,
    NO_REPORT,
    OPEN_IN_TIME,
    STATUSES,
    assess,
    count_statuses,
)
from reportkit.summary import headline_counts, summarize_period

from .conftest import PLAN_PATH

PLAN = load_plan(PLAN_PATH)
YEAR_START = dt.date(2024, 1, 1)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.integers(min_value=0, max_value=365).map(lambda n: YEAR_START + dt.timedelta(days=n))


@st.composite
def task_rows(draw, unit: str) -> list[TaskRow]:
    rows = []
    for i, task in enumerate(PLAN.tasks_for_unit(unit)):
        if not draw(st.booleans()) and draw(st.booleans()):
            continue  # a row left out (about one in four)
        status = draw(st.sampled_from([None, NOT_STARTED, IN_PROGRESS, DONE, DONE]))
        progress = draw(st.sampled_from([None, 0.0, 40.0, 100.0]))
        done_on = draw(st.none() | days)
        result = draw(st.sampled_from(["", "Đã triển khai."]))
        rows.append(TaskRow(task.code, status, progress, done_on, result=result, source_row=10 + i))
    return rows


@st.composite
def years(draw) -> list[Submission]:
    subs = []
    for unit in PLAN.unit_codes:
        for day in sorted(set(draw(st.lists(days, max_size=3)))):
            subs.append(Submission(Path(f"{unit}_{day}.xlsx"), unit, day, draw(task_rows(unit))))
    return subs


deadlines = st.none() | days.map(lambda d: {"III.7": d})
cutoffs = st.tuples(days, days).map(sorted)


def expected_rows() -> int:
    return sum(len(t.units) * len(t.due.milestones(PLAN.year)) for t in PLAN.tasks)


@SETTINGS
@given(subs=years(), when=days, given_deadlines=deadlines)
def test_every_row_gets_exactly_one_of_the_seven_statuses(subs, when, given_deadlines):
    frame = assess(PLAN, subs, "2024", as_of=when, deadlines=given_deadlines)
    assert len(frame) == expected_rows()
    assert not frame.duplicated(["task_code", "milestone", "unit_code"]).any()
    assert frame["status"].notna().all() and set(frame["status"]) <= set(STATUSES)


@SETTINGS
@given(subs=years(), when=days, given_deadlines=deadlines)
def test_the_counts_add_up(subs, when, given_deadlines):
    s = summarize_period(PLAN, subs, "2024-Q1", "dan-chu", as_of=when, deadlines=given_deadlines)
    assert sum(count_statuses(s.status["status"]).values()) == len(s.status)
    assert sum(s.counts.values()) == int(s.status["in_headline"].sum()) == sum(headline_counts(s.status).values())
    assert s.per_unit["rows"].sum() == len(s.status)
    assert (s.per_unit[list(STATUSES)].sum(axis=1) == s.per_unit["rows"]).all()
    assert (s.per_section[list(STATUSES)].sum(axis=1) == s.per_section["rows"]).all()
    assert s.per_section["rows"].sum() == int(s.status["is_lead"].sum())


@SETTINGS
@given(subs=years(), when=days, given_deadlines=deadlines)
def test_a_completion_on_or_before_the_deadline_is_always_on_time(subs, when, given_deadlines):
    frame = assess(PLAN, subs, "2024", as_of=when, deadlines=given_deadlines)
    judged = frame[frame["completed_on"].notna() & frame["deadline"].notna()]  # continuous rows have no deadline
    on_time = judged["completed_on"] <= judged["deadline"]
    assert (judged.loc[on_time, "status"] == DONE_ON_TIME).all()
    assert (judged.loc[~on_time, "status"] == DONE_LATE).all()
    done = frame[frame["status"].isin(DONE_STATUSES)]
    assert done["completed_on"].notna().all()
    assert (done["completed_on"] <= pd.Timestamp(when)).all()


@SETTINGS
@given(subs=years(), window=cutoffs, given_deadlines=deadlines)
def test_a_later_cutoff_never_turns_late_into_in_time(subs, window, given_deadlines):
    early, late = window
    before = assess(PLAN, subs, "2024", as_of=early, deadlines=given_deadlines)
    after = assess(PLAN, subs, "2024", as_of=late, deadlines=given_deadlines)
    was_late = before["status"].isin(LATE_STATUSES).to_numpy()
    assert not (after["status"].to_numpy()[was_late] == OPEN_IN_TIME).any()
    # With the same workbooks counted at both dates, late stays late.
    known = [s for s in subs if s.report_date <= early]
    before = assess(PLAN, known, "2024", as_of=early, deadlines=given_deadlines)
    after = assess(PLAN, known, "2024", as_of=late, deadlines=given_deadlines)
    was_late = before["status"].isin(LATE_STATUSES).to_numpy()
    assert after["status"].isin(LATE_STATUSES).to_numpy()[was_late].all()


@SETTINGS
@given(subs=years(), when=days, silent=st.sampled_from(PLAN.unit_codes))
def test_a_unit_with_no_submission_gets_no_report_and_nothing_else(subs, when, silent):
    frame = assess(PLAN, [s for s in subs if s.unit != silent], "2024", as_of=when)
    mine = frame[frame["unit_code"] == silent]
    assert len(mine) and (mine["status"] == NO_REPORT).all()
    assert not mine["activity_reported"].any() and mine["completed_on"].isna().all()
