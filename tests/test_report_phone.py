"""The report read on a phone (390 CSS px) and on a desktop, as laid out by headless Chromium:
chart text big enough to read, every table column within reach, dates and numbers never broken."""

from __future__ import annotations

import pytest

from reportkit.jobs.export import find_chromium

from .report_fixtures import built_h1_report, built_report, measure_page  # noqa: F401  (session fixtures)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed (make test installs it)")]
PHONE = 390
MIN_CHART_TEXT_PX = 9


@pytest.fixture(scope="module", params=["Q1", "H1"])
def report_html(request, built_report, built_h1_report):  # noqa: F811
    return (built_report if request.param == "Q1" else built_h1_report).files["html"]


@pytest.fixture(scope="module")
def phone(report_html, tmp_path_factory):
    return measure_page(report_html, tmp_path_factory.mktemp("phone"), PHONE, 844)


@pytest.fixture(scope="module")
def desktop(report_html, tmp_path_factory):
    return measure_page(report_html, tmp_path_factory.mktemp("desktop"), 1240, 1754)


def test_page_is_laid_out_at_phone_width(phone):
    assert phone["width"] == PHONE and phone["charts"] and phone["cells"] and phone["spans"]


def test_no_chart_text_under_9_css_px_on_a_phone(phone):
    small = [(c["text"], round(c["px"], 1)) for c in phone["charts"] if c["px"] < MIN_CHART_TEXT_PX]
    assert small == []


def test_every_table_column_is_within_reach_on_a_phone(phone):
    """A cell past the right edge must sit in a scroll box that shows a cue; stacked tables have none."""
    hidden = [c for c in phone["cells"] if c["right"] > PHONE + 0.5 and not (c["scrolls"] and c["cue"])]
    assert hidden == []


def broken_numbers(spans: list[dict]) -> list[str]:
    assert any("/" in s["text"] for s in spans), "the report has dates"
    return [s["text"] for s in spans if s["lines"] != 1 or not s["inside"]]


def test_dates_and_numbers_are_drawn_on_one_line_inside_their_cell_on_a_phone(phone):
    assert broken_numbers(phone["spans"]) == []


def test_dates_and_numbers_are_drawn_on_one_line_inside_their_cell_on_a_desktop(desktop):
    assert broken_numbers(desktop["spans"]) == []
