"""The period summary: headline in official style, tables, lists, deadlines, trend, findings, manifest."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from reportkit.errors import ParamsError, PeriodError
from reportkit.intake.model import (
    DONE,
    ERROR,
    FINDING_COLUMNS,
    IN_PROGRESS,
    WARNING,
    Finding,
    Submission,
    TaskRow,
)
from reportkit.status import (
    DEADLINE_STATUSES,
    DONE_LATE,
    DONE_ON_TIME,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
    STATUSES,
)
from reportkit.summary import PeriodSummary, format_headline, summarize_period

from .conftest import ROOT

D = dt.date
SAMPLES = ROOT / "data" / "submissions" / "2024"


@pytest.fixture(scope="module")
def samples(plan):
    from reportkit.intake.reader import read_submissions

    return read_submissions(SAMPLES, plan)


@pytest.fixture(scope="module")
def q1(plan, samples):
    return summarize_period(plan, samples, "2024-Q1", "dan-chu")


@pytest.fixture(scope="module")
def h1(plan, samples):
    return summarize_period(plan, samples, "2024-H1", "dan-chu")


@pytest.fixture(scope="module")
def year(plan, samples):
    return summarize_period(plan, samples, "2024", "dan-chu")


# ------------------------------------------------------------------ headline


def test_headline_reads_as_the_official_example():
    counts = {DONE_ON_TIME: 4, DONE_LATE: 1, OPEN_IN_TIME: 0, OPEN_LATE: 1, NO_REPORT: 0}
    assert format_headline(counts) == ("đã hoàn thành 5/6 nhiệm vụ có thời hạn (83,3%), trong đó đúng hạn 4, "
                                       "quá hạn 1; chưa hoàn thành 1 (trong hạn 0, quá hạn 1)")


def test_headline_counts_missing_lead_reports_as_not_done_and_says_so():
    counts = {DONE_ON_TIME: 6, DONE_LATE: 1, OPEN_IN_TIME: 0, OPEN_LATE: 0, NO_REPORT: 1}
    assert format_headline(counts) == ("đã hoàn thành 7/8 nhiệm vụ có thời hạn (87,5%), trong đó đúng hạn 6, "
                                       "quá hạn 1; chưa hoàn thành 1 (trong hạn 0, quá hạn 0, không có báo cáo 1)")


def test_headline_with_everything_done_or_nothing_due():
    assert "(100%)" in format_headline({DONE_ON_TIME: 3})
    assert format_headline({}) == "không có nhiệm vụ có thời hạn trong kỳ"


def test_sample_headlines_of_the_three_dan_chu_reports(q1, h1, year):
    assert q1.headline == ("đã hoàn thành 2/4 nhiệm vụ có thời hạn (50%), trong đó đúng hạn 2, quá hạn 0; "
                           "chưa hoàn thành 2 (trong hạn 2, quá hạn 0)")
    assert h1.headline == ("đã hoàn thành 3/5 nhiệm vụ có thời hạn (60%), trong đó đúng hạn 2, quá hạn 1; "
                           "chưa hoàn thành 2 (trong hạn 1, quá hạn 1)")
    assert year.headline == ("đã hoàn thành 5/7 nhiệm vụ có thời hạn (71,4%), trong đó đúng hạn 4, quá hạn 1; "
                             "chưa hoàn thành 2 (trong hạn 1, quá hạn 1)")


def test_counts_are_the_headline_rows_and_add_up(h1):
    assert list(h1.counts) == list(DEADLINE_STATUSES)
    assert h1.counts == {DONE_ON_TIME: 2, DONE_LATE: 1, OPEN_IN_TIME: 1, OPEN_LATE: 1, NO_REPORT: 0}
    assert sum(h1.counts.values()) == int(h1.status["in_headline"].sum())


def test_headline_counts_quarter_tasks_and_anything_done_early(plan):
    # III.6 tháng 6 done in February counts in quý I; III.8 (quý III) not done does not.
    subs = [Submission(Path("hcth.xlsx"), "hcth", D(2024, 2, 25),
                       [TaskRow("III.6", DONE, 100, D(2024, 2, 20), source_row=9),
                        TaskRow("III.8", IN_PROGRESS, 20, None, source_row=10)])]
    s = summarize_period(plan, subs, "2024-Q1", "dan-chu")
    counted = s.status[s.status["in_headline"]]
    assert set(zip(counted["task_code"], counted["milestone"])) == {
        ("III.2", ""), ("III.3", ""), ("III.4", ""), ("III.5", ""), ("III.6", "T6")}
    assert s.counts[DONE_ON_TIME] == 1 and s.counts[NO_REPORT] == 4


# ------------------------------------------------------------------ interface


def test_period_summary_has_the_agreed_fields(q1, plan):
    assert [f.name for f in dataclasses.fields(PeriodSummary)] == [
        "plan", "report", "period", "as_of", "status", "headline", "counts", "per_unit", "per_section",
        "overdue", "difficulties", "proposals", "deadlines", "trend", "findings", "manifest"]
    assert q1.plan is plan and q1.period.id == "2024-Q1" and q1.report.stream.code == "dan-chu"
    assert q1.as_of == D(2024, 2, 29)  # the day before "trước ngày 01/3"


def test_cutoff_can_be_overridden(plan, samples):
    s = summarize_period(plan, samples, "2024-Q1", "dan-chu", as_of="2024-03-05")
    assert s.as_of == D(2024, 3, 5)
    assert set(s.per_unit["report_date"].dt.date) <= {D(2024, 2, 26), D(2024, 2, 27), D(2024, 2, 28), D(2024, 2, 29),
                                                      D(2024, 3, 5)}


def test_stream_without_that_period_or_unknown_stream_is_an_error(plan, samples):
    with pytest.raises(PeriodError, match="không có báo cáo cho kỳ 2024-Q2"):
        summarize_period(plan, samples, "2024-Q2", "dan-chu")
    with pytest.raises(ParamsError, match="kế hoạch không có loại báo cáo 'dan-nope'"):  # as on every route
        summarize_period(plan, samples, "2024-Q1", "dan-nope")


# ------------------------------------------------------------------ tables


def test_per_unit_table_says_who_sent_what_and_counts_every_row(q1, plan):
    pu = q1.per_unit.set_index("unit_code")
    assert list(pu.index) == plan.unit_codes
    assert pu.loc["hcth", "unit"] == "Phòng Hành chính – Tổng hợp"
    assert pu["submitted"].all()
    assert pu.loc["hcth", "source_file"] == "hcth_2024-02-28.xlsx"
    assert pu.loc["hcth", "report_date"] == pd.Timestamp(2024, 2, 28)
    assert (pu[list(STATUSES)].sum(axis=1) == pu["rows"]).all()
    assert pu["rows"].sum() == len(q1.status)
    assert pu.loc["hcth", DONE_ON_TIME] == 2 and pu.loc["lanh-dao", DONE_ON_TIME] == 2


def test_per_unit_table_explains_a_unit_that_sent_nothing_in_time(plan):
    subs = [Submission(Path("bhtn_2024-03-02.xlsx"), "bhtn", D(2024, 3, 2), [TaskRow("II.1.a", IN_PROGRESS, None, None)])]
    s = summarize_period(plan, subs, "2024-Q1", "dan-chu")
    bhtn = s.per_unit.set_index("unit_code").loc["bhtn"]
    assert not bhtn["submitted"] and bhtn[NO_REPORT] == bhtn["rows"]
    assert bhtn["note"] == ("Không có báo cáo dùng được đến ngày chốt số liệu; báo cáo gửi ngày 02/03/2024, "
                            "sau ngày chốt số liệu")


def test_per_section_table_covers_ii1_ii2_iii_with_own_rows(year):
    ps = year.per_section.set_index("section")
    assert list(ps.index) == ["II.1", "II.2", "III"]
    assert ps.loc["II.1", "title"] == "Về công tác dân vận chính quyền"
    assert ps.loc["II.1", "rows"] == 7 * 5 and ps.loc["II.2", "rows"] == 5 * 5
    assert ps.loc["III", "rows"] == 9  # III.1–III.8 by their lead, III.6 twice
    assert ps.loc["III", DONE_ON_TIME] == 4 and ps.loc["III", OPEN_LATE] == 1
    assert (ps[list(STATUSES)].sum(axis=1) == ps["rows"]).all()


def test_overdue_list_has_days_late_and_unit_open_tasks_first(h1):
    od = h1.overdue
    assert list(zip(od["task_code"], od["unit_code"], od["status"], od["days_late"])) == [
        ("III.5", "hcth", OPEN_LATE, 55), ("III.5", "lanh-dao", OPEN_LATE, 55),
        ("III.4", "hcth", DONE_LATE, 15), ("III.4", "lanh-dao", DONE_LATE, 15)]
    assert od["unit"].iloc[0] == "Phòng Hành chính – Tổng hợp"


def test_difficulties_and_proposals_are_gathered_by_unit(h1, plan):
    dif, pro = h1.difficulties, h1.proposals
    assert list(dif.columns[:4]) == ["unit", "unit_code", "task_code", "text"]
    # III.4 and III.5 difficulties of hcth and lanh-dao; tv-gtvl's staffing difficulty on II.2.c in May.
    assert ("tv-gtvl", "II.2.c") in set(zip(dif["unit_code"], dif["task_code"]))
    assert ("hcth", "III.5") in set(zip(dif["unit_code"], dif["task_code"]))
    assert "Dự thảo Quy chế" not in " ".join(dif.loc[dif["task_code"] == "III.4", "text"])  # done by May
    order = [plan.unit_codes.index(u) for u in dif["unit_code"]]
    assert order == sorted(order)
    assert "Đề nghị bổ sung 01 viên chức tư vấn" in " ".join(pro["text"])
    assert not dif.duplicated(["unit_code", "task_code"]).any()


def test_deadlines_of_both_streams_with_their_state_as_of_the_cutoff(q1):
    dl = q1.deadlines
    assert set(dl["stream"]) == {"dan-chu", "dan-van"} and len(dl) == 22
    current = dl[dl["is_current"]].iloc[0]
    assert (current["period"], current["state"]) == ("2024-Q1", "hạn cuối hôm nay")
    nxt = dl[(dl["stream"] == "dan-van") & (dl["period"] == "2024-M03")].iloc[0]
    assert nxt["state"] == "còn 9 ngày" and nxt["due_before"] == pd.Timestamp(2024, 3, 10)
    past = dl[(dl["stream"] == "dan-van") & (dl["period"] == "2024-M01")].iloc[0]
    assert past["state"] == "đã qua hạn nộp (09/01/2024)"


def test_trend_only_for_cumulative_reports_and_as_of_each_report_so_far(q1, h1, year):
    assert q1.trend is None
    assert list(h1.trend["period"]) == ["2024-Q1", "2024-H1"]
    t = year.trend.set_index("period")
    assert list(t.index) == ["2024-Q1", "2024-H1", "2024-9M", "2024"]
    assert list(t["as_of"].dt.date) == [D(2024, 2, 29), D(2024, 5, 25), D(2024, 8, 31), D(2024, 11, 19)]
    assert list(t["done"]) == [2, 3, 4, 5] and list(t["total"]) == [4, 5, 6, 7]
    assert t.loc["2024", "percent_text"] == "71,4%"
    assert (t["done_on_time"] + t["done_late"] == t["done"]).all()
    assert (t["open_in_time"] + t["open_late"] + t["no_report"] == t["open"]).all()


# ------------------------------------------------------------------ findings and manifest


def test_findings_flow_through_and_superseded_or_later_files_do_not(plan):
    bad = Finding(ERROR, "bad_date", "hcth_2024-02-25.xlsx", "Ngày hoàn thành không hợp lệ", "bad date",
                  "Ghi ngày dạng dd/mm/yyyy", row=12)
    old = Finding(WARNING, "blank", "hcth_2024-02-01.xlsx", "Dòng trống", "blank row", "Điền dòng", row=20)
    later = Finding(WARNING, "blank", "hcth_2024-03-05.xlsx", "Dòng trống", "blank row", "Điền dòng", row=21)
    broken = Finding(ERROR, "unknown_unit", "x.xlsx", "Không xác định được đơn vị", "unknown unit", "Ghi Đơn vị")
    subs = [
        Submission(Path("hcth_2024-02-01.xlsx"), "hcth", D(2024, 2, 1), [TaskRow("III.2", IN_PROGRESS, 10, None)], [old]),
        Submission(Path("hcth_2024-02-25.xlsx"), "hcth", D(2024, 2, 25),
                   [TaskRow("III.2", DONE, 100, D(2024, 2, 1), source_row=12)], [bad]),
        Submission(Path("hcth_2024-03-05.xlsx"), "hcth", D(2024, 3, 5), [TaskRow("III.2", DONE, 100, None)], [later]),
        Submission(Path("x.xlsx"), None, None, [], [broken]),
    ]
    s = summarize_period(plan, subs, "2024-Q1", "dan-chu")
    assert list(s.findings.columns) == FINDING_COLUMNS
    assert sorted(s.findings["code"]) == ["bad_date", "unknown_unit"]
    assert s.status.set_index(["task_code", "unit_code"]).loc[("III.2", "hcth"), "status"] == NO_REPORT
    m = s.manifest.set_index("file")
    assert list(s.manifest.columns[:5]) == ["file", "unit", "sha256", "rows_read", "report_date"]
    assert m.loc["hcth_2024-02-25.xlsx", "used"] and not m.loc["hcth_2024-02-01.xlsx", "used"]
    assert m.loc["hcth_2024-02-01.xlsx", "note"] == "Đã có báo cáo mới hơn của đơn vị"
    assert m.loc["hcth_2024-03-05.xlsx", "note"] == "Ngày báo cáo sau ngày chốt số liệu: không tính"
    assert m.loc["x.xlsx", "note"] == "Không dùng được: Không xác định được đơn vị"


def test_sample_manifest_lists_every_file_with_its_checksum(q1, samples):
    assert len(q1.manifest) == len(samples) == 104
    assert q1.manifest["used"].sum() == 5
    assert q1.manifest["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()


def test_an_old_broken_file_replaced_by_a_good_one_is_not_this_reports_finding(plan):
    broken = Finding(ERROR, "missing_column", "hcth_2024-01-10.xlsx", "Thiếu cột bắt buộc", "missing", "Thêm cột")
    newer = Finding(ERROR, "no_header", "hcth_2024-02-28.xlsx", "Không tìm thấy dòng tiêu đề", "no header", "Sửa")
    subs = [Submission(Path("hcth_2024-01-10.xlsx"), "hcth", D(2024, 1, 10), [], [broken]),
            Submission(Path("hcth_2024-02-20.xlsx"), "hcth", D(2024, 2, 20), [TaskRow("III.2", IN_PROGRESS, 50, None)]),
            Submission(Path("hcth_2024-02-28.xlsx"), "hcth", D(2024, 2, 28), [], [newer])]
    s = summarize_period(plan, subs, "2024-Q1", "dan-chu")
    assert list(s.findings["code"]) == ["no_header"]
    hcth = s.status[(s.status["unit_code"] == "hcth") & (s.status["task_code"] == "III.2")].iloc[0]
    assert hcth["source_file"] == "hcth_2024-02-20.xlsx"
    assert "Báo cáo ngày 28/02/2024 (hcth_2024-02-28.xlsx) không dùng được" in hcth["note"]
