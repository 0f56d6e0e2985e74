"""The submission record: the unit × report matrix (batch index, Phụ lục II) and the year report's late units."""

from __future__ import annotations

import datetime as dt
import re

from reportkit.report.index import render_index
from reportkit.report.submission_record import late_or_missing, render_late_units, render_submission_record
from reportkit.tracking.remind import track_year

from .conftest import DATA, ROOT

SAMPLES = ROOT / "data" / "submissions" / "2024"


def cells_of(page: str, label: str) -> list[str]:
    """The state words of one report's row of the matrix."""
    row = next(r for r in page.split("<tr>") if label in r)
    return re.findall(r'<span class="record-\w+"[^>]*>([^<]*)</span>', row)


def test_the_matrix_has_a_row_per_report_due_and_a_cell_per_unit(plan):
    record = track_year(plan, dt.date(2024, 5, 21), DATA / "remind")
    page = render_submission_record(record)
    assert cells_of(page, "6 tháng đầu năm 2024") == ["Đúng hạn", "Đúng hạn", "Chưa nộp", "Muộn 1 ngày",
                                                       "Không dùng được"]
    assert "Phòng Bảo hiểm thất nghiệp" in page and "Hạn gửi của đơn vị" in page
    assert "tt-tttld_2024-05-20.xlsx" not in page  # a department's file name never goes inside a tag
    assert "Công tác dân chủ – 6 tháng" not in page  # its deadline (25/05) is after 21/05


def test_no_report_due_yet_says_so(plan):
    assert "Chưa có báo cáo nào đến hạn" in render_submission_record(track_year(plan, dt.date(2024, 1, 2), SAMPLES))


def test_the_year_report_lists_units_that_sent_late_or_not_at_all(plan):
    record = track_year(plan, dt.date(2024, 12, 31), SAMPLES)
    entries = {unit.code: (len(late), len(missing)) for unit, late, missing in late_or_missing(record)}
    assert entries["tt-tttld"] == (4, 1) and entries["bhtn"] == (1, 0)
    text = render_late_units(record, "các phòng, bộ phận")
    assert "Phòng Thông tin thị trường lao động: gửi muộn 4 lần" in text
    assert "quý IV năm 2024" in text


def test_a_year_where_everyone_sent_on_time_says_so(plan):
    record = track_year(plan, dt.date(2024, 1, 9), SAMPLES)
    assert "Các phòng, bộ phận đều gửi bảng theo dõi đúng hạn" in render_late_units(record, "các phòng, bộ phận")


def test_the_batch_index_shows_the_record_when_given_the_submissions(plan, tmp_path):
    page = render_index(plan, tmp_path, 2024, dt.date(2024, 5, 21), submissions=DATA / "remind")
    assert "Tình hình gửi bảng theo dõi của các phòng, bộ phận" in page
    record = page.split("Tình hình gửi bảng theo dõi")[1]
    assert cells_of(record, "6 tháng đầu năm 2024")[3] == "Muộn 1 ngày"
    assert "record-" not in render_index(plan, tmp_path, 2024, dt.date(2024, 5, 21))


def test_the_period_report_annex_carries_the_record(plan):
    from reportkit.report.period import build_report

    from .conftest import PLAN_PATH

    report = build_report("2024-H1", "dan-van", plan_path=str(PLAN_PATH), submissions=str(SAMPLES))
    annex = report.annex().html
    assert "Tình hình gửi bảng theo dõi của các phòng, bộ phận từ đầu năm" in annex
    assert cells_of(annex, "Quý I năm 2024")  # a report due before this one's cut-off
    assert "gửi muộn" not in report.shortcomings().html  # the list of late units is the year report's
