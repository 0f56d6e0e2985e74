"""Period ids, labels and the report calendar against the seed's deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from reportkit.errors import PeriodError
from reportkit.periods import build_calendar, calendar_rows, find_report, parse_period, periods_of_year
from reportkit.plan.load import load_plan

from .conftest import DATA

D = dt.date


@pytest.mark.parametrize(
    "pid, start, end, label",
    [
        ("2024-M01", D(2024, 1, 1), D(2024, 1, 31), "Tháng 1 năm 2024"),
        ("2024-M02", D(2024, 2, 1), D(2024, 2, 29), "Tháng 2 năm 2024"),
        ("2023-M02", D(2023, 2, 1), D(2023, 2, 28), "Tháng 2 năm 2023"),
        ("2024-M12", D(2024, 12, 1), D(2024, 12, 31), "Tháng 12 năm 2024"),
        ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31), "Quý I năm 2024"),
        ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30), "Quý III năm 2024"),
        ("2024-Q4", D(2024, 10, 1), D(2024, 12, 31), "Quý IV năm 2024"),
        ("2024-H1", D(2024, 1, 1), D(2024, 6, 30), "6 tháng đầu năm 2024"),
        ("2024-9M", D(2024, 1, 1), D(2024, 9, 30), "9 tháng đầu năm 2024"),
        ("2024", D(2024, 1, 1), D(2024, 12, 31), "Năm 2024"),
    ],
)
def test_period_ids_parse_to_start_end_and_label(pid, start, end, label):
    period = parse_period(pid)
    assert (period.start, period.end, period.label, period.id) == (start, end, label, pid)


@pytest.mark.parametrize("bad", ["2024-M13", "2024-M00", "2024-Q5", "2024-H2", "24-Q1", "2024Q1", "Q1", "", "2024-m03"])
def test_unknown_period_id_lists_the_valid_forms(bad):
    with pytest.raises(PeriodError) as info:
        parse_period(bad)
    assert "YYYY-Q1" in info.value.render() and "YYYY-9M" in info.value.render()


def test_a_year_has_nineteen_periods():
    assert len(periods_of_year(2024)) == 19


# Written by hand from the seed, section IV.1:
# dân chủ: quý I trước 01/3; 6 tháng trước 26/5; 9 tháng trước 01/9; năm trước 20/11.
# dân vận: tháng trước ngày 10 của tháng; quý trước ngày 13 của tháng cuối quý;
#          6 tháng trước 20/5; năm trước 20/11.
EXPECTED_2024 = sorted(
    [("dan-chu", "2024-Q1", "2024-03-01"), ("dan-chu", "2024-H1", "2024-05-26"),
     ("dan-chu", "2024-9M", "2024-09-01"), ("dan-chu", "2024", "2024-11-20")]
    + [("dan-van", f"2024-M{m:02d}", f"2024-{m:02d}-10") for m in range(1, 13)]
    + [("dan-van", "2024-Q1", "2024-03-13"), ("dan-van", "2024-Q2", "2024-06-13"),
       ("dan-van", "2024-Q3", "2024-09-13"), ("dan-van", "2024-Q4", "2024-12-13")]
    + [("dan-van", "2024-H1", "2024-05-20"), ("dan-van", "2024", "2024-11-20")]
)


def test_2024_calendar_equals_the_table_written_from_the_seed(plan):
    reports = build_calendar(plan, 2024)
    assert len(reports) == 22
    got = sorted((r.stream.code, r.period.id, r.due_before.isoformat()) for r in reports)
    assert got == EXPECTED_2024
    assert [r.due_before for r in reports] == sorted(r.due_before for r in reports)


def test_cutoff_defaults_to_the_day_before_the_deadline_leap_year(plan):
    q1 = find_report(plan, "2024-Q1", "dan-chu")
    assert q1.due_before == D(2024, 3, 1)
    assert q1.default_cutoff == D(2024, 2, 29)
    q1_2025 = find_report(plan, "2025-Q1", "dan-chu")
    assert q1_2025.default_cutoff == D(2025, 2, 28)


def test_calendar_works_for_other_years(plan):
    for year in (2023, 2025, 2028, 2100):
        reports = build_calendar(plan, year)
        assert len(reports) == 22
        assert all(r.due_before.year == year for r in reports)


def test_calendar_days_left_and_late(plan):
    rows = {(r["stream"], r["period"]): r for r in calendar_rows(build_calendar(plan), D(2024, 2, 20))}
    assert rows[("dan-chu", "2024-Q1")]["days_left"] == 9
    assert rows[("dan-chu", "2024-Q1")]["state"] == "còn 9 ngày"
    assert rows[("dan-van", "2024-M02")]["days_left"] == -11
    assert rows[("dan-van", "2024-M02")]["state"] == "quá hạn 11 ngày"
    on_last_day = calendar_rows([find_report(plan, "2024-Q1", "dan-chu")], D(2024, 2, 29))[0]
    assert on_last_day["state"] == "hạn cuối hôm nay"


def test_stream_without_that_period_is_a_clear_error(plan):
    with pytest.raises(PeriodError) as info:
        find_report(plan, "2024-Q2", "dan-chu")
    assert "2024-Q1" in info.value.render() and "2024-H1" in info.value.render()


def test_month_end_rule_clamps_to_the_month_length():
    plan = load_plan(DATA / "plans" / "minimal.yaml")
    got = [(r.period.id, r.due_before) for r in build_calendar(plan)]
    assert got == [("2025-Q1", D(2025, 3, 15)), ("2025-Q2", D(2025, 6, 15)), ("2025-Q3", D(2025, 9, 15)),
                   ("2025-Q4", D(2025, 12, 15)), ("2025", D(2025, 12, 20))]
