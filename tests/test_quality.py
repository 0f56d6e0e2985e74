"""The data-quality view: the files received for a period and every finding in them."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reportkit.report.quality import build_quality_report, select_period_files

from .conftest import PLAN_PATH, ROOT

SUBMISSIONS = ROOT / "data" / "submissions" / "2024"


def test_period_files_are_those_dated_from_period_start_to_cutoff_plus_undated():
    frame = pd.DataFrame({
        "report_date": pd.to_datetime(["2024-04-30", "2024-05-01", "2024-05-31", "2024-06-01", None]),
        "unit_code": ["hcth", "hcth", "bhtn", "bhtn", "hcth"],
    })
    assert select_period_files(frame, dt.date(2024, 5, 1), dt.date(2024, 5, 31)).tolist() == \
        [False, True, True, False, True]


def test_quality_report_lists_every_finding_with_where_and_how_to_fix():
    quality = build_quality_report("2024-M05", "dan-van", plan_path=str(PLAN_PATH), submissions=str(SUBMISSIONS),
                                   as_of="2024-05-31")
    assert len(quality.files) == 15 and quality.files["report_date"].min() >= pd.Timestamp("2024-05-01")
    table = quality.table()
    assert len(table) == len(quality.findings) == int(quality.files["warnings"].sum() + quality.files["errors"].sum())
    row = table.iloc[0]
    assert row["where"] == "bhtn_2024-05-09.xlsx, sheet Báo cáo, dòng 19, cột D (Tình trạng)"
    assert row["fix"]
    html = quality.header().html + quality.overview().html + quality.by_kind().html + quality.details().html
    assert "15 tệp; 0 lỗi, 1 cảnh báo." in html and "missing_status" not in html  # no code names for readers
