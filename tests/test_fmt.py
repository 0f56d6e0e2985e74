"""Vietnamese number and date formatting (official style)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from reportkit.fmt import format_date, format_long_date, format_number, format_percent, format_roman


@pytest.mark.parametrize("value, decimals, text", [
    (1983, 0, "1.983"),
    (1234567.891, 2, "1.234.567,89"),
    (-1983, 0, "-1.983"),
    (87.5, 1, "87,5"),
    (0, 0, "0"),
    (2.5, 0, "3"),  # halves round up, as by hand
    (6.25, 1, "6,3"),
    (87.45, 1, "87,5"),
])
def test_numbers_use_dot_thousands_and_decimal_comma(value, decimals, text):
    assert format_number(value, decimals) == text


@pytest.mark.parametrize("ratio, text", [
    (7 / 8, "87,5%"),
    (5 / 6, "83,3%"),
    (1, "100%"),
    (0.5, "50%"),
    (0, "0%"),
    (1 / 16, "6,3%"),
    (2 / 3, "66,7%"),
])
def test_percentages_have_one_decimal_without_trailing_zero(ratio, text):
    assert format_percent(ratio) == text


def test_percent_with_more_decimals():
    assert format_percent(2 / 3, 2) == "66,67%"


@pytest.mark.parametrize("day, text", [
    (dt.date(2024, 3, 5), "05/03/2024"),
    (dt.date(2024, 12, 31), "31/12/2024"),
    (pd.Timestamp(2024, 3, 5), "05/03/2024"),
])
def test_dates_are_day_first_with_leading_zeros(day, text):
    assert format_date(day) == text


def test_missing_dates_are_empty_or_the_given_text():
    assert format_date(None) == "" and format_date(pd.NaT) == ""
    assert format_date(None, "–") == "–"


@pytest.mark.parametrize("day, text", [
    (dt.date(2024, 3, 5), "ngày 05 tháng 3 năm 2024"),
    (dt.date(2024, 1, 15), "ngày 15 tháng 01 năm 2024"),
    (dt.date(2024, 2, 9), "ngày 09 tháng 02 năm 2024"),
    (dt.date(2024, 12, 1), "ngày 01 tháng 12 năm 2024"),
])
def test_long_dates_follow_nghi_dinh_30(day, text):
    # NĐ 30/2020: a leading zero for days below 10 and for months 1 and 2 only.
    assert format_long_date(day) == text


def test_roman_numerals_for_quarters_and_sections():
    assert [format_roman(n) for n in (1, 2, 3, 4, 9)] == ["I", "II", "III", "IV", "IX"]
