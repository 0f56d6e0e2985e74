"""Dates that cannot flip silently: a day-month swap made by a month-first office suite becomes a finding.

The ``__lo_en_us`` fixtures were written by LibreOffice Calc in an en-US locale
(``tests/data/workbooks/make_libreoffice.py``): "10/06/2024" typed there is
stored as 6 October. The slow test makes them again through ``soffice`` and
checks they read the same.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.intake.dates import (
    describe_readings,
    period_from_file,
    reporting_window,
    resolve_report_date,
    swapped,
)
from reportkit.intake.headers import TitleValue
from reportkit.intake.messages import FindingLog
from reportkit.intake.model import ERROR, WARNING
from reportkit.intake.reader import read_workbook
from reportkit.periods import parse_period

from .conftest import DATA

WORKBOOKS = DATA / "workbooks"
D = dt.date
CSV_SWAPPED = WORKBOOKS / "bad_report_date_swapped__lo_en_us_csv__hcth_2024-06-10.xlsx"
TEMPLATE_SWAPPED = WORKBOOKS / "bad_report_date_swapped__lo_en_us_template.xlsx"
COMPLETED_SWAPPED = WORKBOOKS / "bad_completed_date_swapped__lo_en_us_template.xlsx"
ISO_TYPED = WORKBOOKS / "ok_template_iso_dates__lo_en_us.xlsx"
LO_FIXTURES = (CSV_SWAPPED, TEMPLATE_SWAPPED, COMPLETED_SWAPPED, ISO_TYPED)


def _by_code(sub, code):
    return [f for f in sub.findings if f.code == code]


def _date_findings(sub) -> list[tuple]:
    return sorted((f.severity, f.code, f.row, f.column, f.value) for f in sub.findings
                  if "date" in f.code)


# ------------------------------------------------------------------ files written by LibreOffice (en-US)


def test_lo_en_us_report_date_contradicting_the_file_name_is_reported_swapped(plan):
    sub = read_workbook(CSV_SWAPPED, plan)
    (f,) = _by_code(sub, "report_date_swapped")
    assert f.severity == ERROR and (f.row, f.column) == (5, "B")
    assert "06/10/2024" in f.message and "10/06/2024" in f.message  # both readings
    assert "tên tệp" in f.message and "đảo ngày và tháng" in f.message and "ô B5" in f.message
    assert "2024-06-10" in f.fix  # how to type it so it cannot flip
    assert sub.report_date is None and sub.rows == []  # never used with the wrong date


def test_lo_en_us_completion_dates_of_a_swapped_file_are_suspect_too(plan):
    sub = read_workbook(CSV_SWAPPED, plan)
    (f,) = _by_code(sub, "completed_date_suspect")
    assert (f.row, f.column, f.severity) == (10, "E (Ngày hoàn thành)", ERROR)
    assert "04/05/2024" in f.message and "ngày 05 tháng 4 năm 2024" in f.message
    # "26/01/2024" cannot be month-first: LibreOffice kept it as text, read day-first, not suspect
    assert not [x for x in sub.findings if x.row == 9]


def test_lo_en_us_typed_template_report_date_outside_the_period_window_is_reported_swapped(plan):
    sub = read_workbook(TEMPLATE_SWAPPED, plan)
    (f,) = _by_code(sub, "report_date_swapped")
    assert (f.row, f.column) == (9, "B")
    assert "quý II năm 2024" in f.message and "06/10/2024" in f.message and "10/06/2024" in f.message
    assert [x.row for x in _by_code(sub, "completed_date_suspect")] == [13]
    assert sub.rows == []


def test_lo_en_us_completion_date_after_the_report_date_that_fits_swapped_says_so(plan):
    sub = read_workbook(COMPLETED_SWAPPED, plan)
    assert sub.report_date == D(2024, 6, 25)  # typed ISO: right in any locale
    (f,) = _by_code(sub, "completed_date_swapped")
    assert (f.severity, f.row, f.column) == (ERROR, 13, "F (Ngày hoàn thành)")
    assert "06/12/2024" in f.message and "12/06/2024" in f.message and "25/06/2024" in f.message
    assert "đảo ngày và tháng" in f.message and "ô F13" in f.message
    codes = {r.task_code: r.completed_on for r in sub.rows}
    assert "II.1.a" not in codes and codes["II.1.b"] == D(2024, 4, 5)


def test_lo_en_us_dates_typed_year_month_day_as_the_template_advises_read_right(plan):
    sub = read_workbook(ISO_TYPED, plan)
    assert not [f for f in sub.findings if f.severity == ERROR]
    assert sub.report_date == D(2024, 6, 10)
    assert {r.task_code: r.completed_on for r in sub.rows}["II.1.a"] == D(2024, 4, 5)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_lo_en_us_fixtures_made_again_through_soffice_give_the_same_findings(plan, tmp_path):
    spec = importlib.util.spec_from_file_location("make_libreoffice", WORKBOOKS / "make_libreoffice.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.make_all(tmp_path)
    assert sorted(p.name for p in made) == sorted(p.name for p in LO_FIXTURES)
    for path in made:
        fresh, committed = read_workbook(path, plan), read_workbook(WORKBOOKS / path.name, plan)
        assert _date_findings(fresh) == _date_findings(committed), path.name
        assert (fresh.report_date, [(r.task_code, r.completed_on) for r in fresh.rows]) == \
            (committed.report_date, [(r.task_code, r.completed_on) for r in committed.rows]), path.name


# ------------------------------------------------------------------ openpyxl-made disagreements


def test_report_date_other_than_the_file_name_date_is_a_warning_with_both_readings(plan):
    sub = read_workbook(WORKBOOKS / "warn_report_date_mismatch__hcth_2024-03-07.xlsx", plan)
    (f,) = _by_code(sub, "report_date_mismatch")
    assert f.severity == WARNING and sub.report_date == D(2024, 3, 5)
    assert "07/03/2024" in f.message and "ngày 05 tháng 3 năm 2024" in f.message
    assert "ngày 03 tháng 5 năm 2024" in f.message  # the swapped reading, which does not fit either


def test_report_date_outside_the_period_window_is_a_warning(plan):
    sub = read_workbook(WORKBOOKS / "warn_report_date_outside_period.xlsx", plan)
    (f,) = _by_code(sub, "report_date_outside_period")
    assert f.severity == WARNING and "quý I năm 2024" in f.message and "không thể đảo" in f.message


def test_completion_date_after_report_date_names_the_cell_and_readings(plan):
    sub = read_workbook(WORKBOOKS / "bad_completed_after_report.xlsx", plan)
    (f,) = _by_code(sub, "completed_after_report")
    assert "ô E8" in f.message and "20/03/2024" in f.message and "05/03/2024" in f.message


def test_completion_date_before_the_plan_year_names_the_cell_and_readings(plan):
    sub = read_workbook(WORKBOOKS / "warn_completed_outside_year.xlsx", plan)
    (f,) = _by_code(sub, "completed_outside_year")
    assert "ô E8" in f.message and "28/12/2023" in f.message and "2024" in f.message


def test_matching_dates_give_no_date_finding(plan):
    sub = read_workbook(WORKBOOKS / "ok_unit_from_filename__hcth_2024-03-05.xlsx", plan)
    assert not _date_findings(sub)


# ------------------------------------------------------------------ the pieces


@pytest.mark.parametrize("day, other", [
    (D(2024, 10, 6), D(2024, 6, 10)), (D(2024, 6, 10), D(2024, 10, 6)), (D(2024, 3, 3), None),
    (D(2024, 6, 13), None), (D(2024, 2, 1), D(2024, 1, 2)),
])
def test_swapped_reading_exists_only_for_a_day_up_to_12_that_differs_from_the_month(day, other):
    assert swapped(day) == other


def test_readings_are_vietnamese_nfc_with_both_dates():
    vi, en = describe_readings(D(2024, 10, 6))
    assert "ngày 06 tháng 10 năm 2024" in vi and "ngày 10 tháng 6 năm 2024" in vi
    assert unicodedata.is_normalized("NFC", vi) and "06 October 2024" in en and "10 June 2024" in en


@pytest.mark.parametrize("text, period", [
    ("Quý II năm 2024 (2024-Q2)", "2024-Q2"), ("Quý II năm 2024", "2024-Q2"), ("Tháng 11 năm 2024", "2024-M11"),
    ("Tháng 1 năm 2024", "2024-M01"), ("6 tháng đầu năm 2024", "2024-H1"), ("9 THÁNG ĐẦU NĂM 2024", "2024-9M"),
    ("Năm 2024", "2024"), ("2024-M03", "2024-M03"), ("quý 5 năm 2024", "2024"), ("không rõ", None),
])
def test_period_is_read_from_the_period_line(text, period):
    found = period_from_file({"period": TitleValue(text, 7, 1)}, Path("x.xlsx"))
    assert (found.id if found else None) == period


def test_period_falls_back_to_a_period_id_in_the_file_name():
    assert period_from_file({}, Path("hcth_2024-Q1.xlsx")).id == "2024-Q1"
    assert period_from_file({}, Path("hcth_2024-03-05.xlsx")) is None


def test_reporting_window_runs_from_period_start_past_the_last_deadline(plan):
    start, end = reporting_window(plan, parse_period("2024-Q1"))
    assert start == D(2024, 1, 1) and end > D(2024, 3, 31)
    start, end = reporting_window(plan, parse_period("2024"))
    assert start == D(2024, 1, 1) and end >= D(2024, 12, 31)


# ------------------------------------------------------------------ properties


_DAYS_2024 = st.dates(min_value=D(2024, 1, 1), max_value=D(2024, 12, 31))


def _report_date_codes(plan, stored: dt.date, name: str, period_text: str | None = None):
    title = {"report_date": TitleValue(stored, 8, 1)}
    if period_text:
        title["period"] = TitleValue(period_text, 7, 1)
    log = FindingLog(Path(name))
    context = resolve_report_date(title, Path(name), plan, log)
    return context, [f.code for f in log.findings]


@settings(max_examples=200, deadline=None)
@given(day=_DAYS_2024)
def test_a_report_date_agreeing_with_its_file_name_gives_no_finding(plan, day):
    context, codes = _report_date_codes(plan, day, f"hcth_{day.isoformat()}.xlsx")
    assert context.report_date == day and not context.month_first and codes == []


@settings(max_examples=200, deadline=None)
@given(day=_DAYS_2024)
def test_a_stored_date_whose_swap_is_the_file_name_date_is_never_used(plan, day):
    other = swapped(day)
    context, codes = _report_date_codes(plan, day, f"hcth_{(other or day).isoformat()}.xlsx")
    if other is None:
        assert codes == [] and context.report_date == day  # nothing to swap: the dates agree
    else:
        assert codes == ["report_date_swapped"] and context.report_date is None and context.month_first


@settings(max_examples=200, deadline=None)
@given(day=_DAYS_2024)
def test_a_report_date_outside_its_period_window_is_never_silent(plan, day):
    period = parse_period("2024-Q2")
    start, end = reporting_window(plan, period)
    context, codes = _report_date_codes(plan, day, "hcth.xlsx", "Quý II năm 2024 (2024-Q2)")
    if start <= day <= end:
        assert codes == [] and context.report_date == day
    else:
        assert codes in (["report_date_outside_period"], ["report_date_swapped"])
        assert (context.report_date is None) == (codes == ["report_date_swapped"])
