"""The status engine: which submission counts, the seven status words, milestones, bad input, golden tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from reportkit.errors import ParamsError, PeriodError, ReportkitError, SubmissionsError
from reportkit.intake.model import DONE, ERROR, IN_PROGRESS, NOT_STARTED, Finding, Submission, TaskRow
from reportkit.status import (
    CONTINUOUS,
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
    STATUS_COLUMNS,
    STATUSES,
    assess,
    status_records,
)

from .conftest import DATA, ROOT

D = dt.date
SAMPLES = ROOT / "data" / "submissions" / "2024"
GOLDEN = DATA / "golden"


def row(code: str, status: str | None = IN_PROGRESS, done_on: dt.date | None = None, *, progress=None,
        result: str = "", source_row: int = 10, **texts) -> TaskRow:
    return TaskRow(code, status, progress, done_on, result=result, source_row=source_row, **texts)


def sub(unit: str | None, day: dt.date | None, *rows: TaskRow, findings=(), name: str | None = None) -> Submission:
    path = Path(name or f"{unit}_{day}.xlsx")
    return Submission(path, unit, day, list(rows), list(findings))


def one(frame: pd.DataFrame, code: str, unit: str, milestone: str = "") -> pd.Series:
    hit = frame[(frame["task_code"] == code) & (frame["unit_code"] == unit) & (frame["milestone"] == milestone)]
    assert len(hit) == 1, (code, unit, milestone, len(hit))
    return hit.iloc[0]


@pytest.fixture(scope="module")
def samples(plan):
    from reportkit.intake.reader import read_submissions

    return read_submissions(SAMPLES, plan)


# ------------------------------------------------------------------ shape


def test_one_row_per_task_milestone_and_unit_with_the_agreed_columns(plan):
    frame = assess(plan, [], "2024-Q1")
    expected = sum(len(t.units) * len(t.due.milestones(plan.year)) for t in plan.tasks)
    assert len(frame) == expected == 84
    assert list(frame.columns[: len(STATUS_COLUMNS)]) == STATUS_COLUMNS
    assert frame["deadline"].dtype.kind == "M" and frame["completed_on"].dtype.kind == "M"
    assert str(frame["days_late"].dtype) == "Int64"
    assert frame["is_lead"].dtype == bool and frame["activity_reported"].dtype == bool


def test_rows_follow_plan_order_with_the_lead_unit_first(plan):
    frame = assess(plan, [], "2024-Q1")
    assert list(pd.unique(frame["task_code"])) == plan.task_codes
    iii2 = frame[frame["task_code"] == "III.2"]
    assert list(iii2["unit_code"]) == ["hcth", "lanh-dao"] and list(iii2["is_lead"]) == [True, False]
    iii6 = frame[frame["task_code"] == "III.6"]
    assert list(iii6["milestone"]) == ["T6", "T6", "T12", "T12"]
    assert list(iii6["milestone_label"]) == ["tháng 6", "tháng 6", "tháng 12", "tháng 12"]
    content = frame[frame["task_code"] == "II.1.a"]
    assert list(content["unit_code"]) == plan.unit_codes and content["is_lead"].all()
    assert (content["lead_unit_code"] == "").all()


def test_unit_gets_its_full_vietnamese_name_and_time_frame_is_verbatim(plan):
    frame = assess(plan, [], "2024-Q1")
    r = one(frame, "III.7", "hcth")
    assert r["unit"] == "Phòng Hành chính – Tổng hợp"
    assert r["time_frame"] == "Theo kế hoạch của cấp trên"


# ------------------------------------------------------------------ which submission counts


def test_unit_without_submission_gets_no_report_on_every_row(plan):
    frame = assess(plan, [sub("hcth", D(2024, 2, 20), row("III.2"))], "2024-Q1")
    others = frame[frame["unit_code"] != "hcth"]
    assert (others["status"] == NO_REPORT).all()
    assert not others["activity_reported"].any()
    assert others["note"].str.contains("không có báo cáo dùng được đến ngày chốt số liệu 31/03/2024").all()


def test_latest_submission_on_or_before_the_cutoff_counts(plan):
    subs = [
        sub("hcth", D(2024, 2, 10), row("III.2", IN_PROGRESS)),
        sub("hcth", D(2024, 2, 25), row("III.2", DONE, D(2024, 2, 20))),
        sub("hcth", D(2024, 3, 5), row("III.2", NOT_STARTED)),
    ]
    at_feb = one(assess(plan, subs, "2024-Q1", as_of=D(2024, 2, 29)), "III.2", "hcth")
    assert at_feb["status"] == DONE_ON_TIME and at_feb["source_file"] == "hcth_2024-02-25.xlsx"
    at_20th = one(assess(plan, subs, "2024-Q1", as_of=D(2024, 2, 20)), "III.2", "hcth")
    assert at_20th["status"] == OPEN_IN_TIME and at_20th["source_file"] == "hcth_2024-02-10.xlsx"
    assert one(assess(plan, subs, "2024-Q1", as_of=D(2024, 2, 9)), "III.2", "hcth")["status"] == NO_REPORT


def test_submission_of_an_unknown_unit_or_without_date_is_never_counted(plan):
    subs = [sub(None, D(2024, 2, 1), row("III.2", DONE, D(2024, 1, 5)), name="x.xlsx"),
            sub("hcth", None, row("III.2", DONE, D(2024, 1, 5)))]
    frame = assess(plan, subs, "2024-Q1")
    assert (frame["status"] == NO_REPORT).all()


def test_as_of_defaults_to_the_period_end(plan):
    frame = assess(plan, [sub("hcth", D(2024, 3, 31), row("III.2"))], "2024-Q1")
    assert frame.attrs["as_of"] == "2024-03-31"
    assert one(frame, "III.2", "hcth")["status"] == OPEN_IN_TIME


# ------------------------------------------------------------------ the 2×2 grid


@pytest.mark.parametrize("done_on, expected, late", [
    (D(2024, 3, 31), DONE_ON_TIME, None),
    (D(2024, 1, 2), DONE_ON_TIME, None),
    (D(2024, 4, 1), DONE_LATE, 1),
    (D(2024, 4, 15), DONE_LATE, 15),
])
def test_done_is_on_time_up_to_the_deadline_and_late_after(plan, done_on, expected, late):
    frame = assess(plan, [sub("hcth", D(2024, 5, 1), row("III.4", DONE, done_on))], "2024-H1", as_of=D(2024, 5, 2))
    r = one(frame, "III.4", "hcth")
    assert r["status"] == expected
    assert r["completed_on"] == pd.Timestamp(done_on)
    assert (pd.isna(r["days_late"]) if late is None else r["days_late"] == late)


@pytest.mark.parametrize("as_of, expected, late", [
    (D(2024, 3, 31), OPEN_IN_TIME, None),
    (D(2024, 4, 1), OPEN_LATE, 1),
    (D(2024, 5, 25), OPEN_LATE, 55),
])
def test_not_done_is_in_time_until_the_deadline_then_late_by_cutoff_minus_deadline(plan, as_of, expected, late):
    frame = assess(plan, [sub("hcth", D(2024, 3, 1), row("III.5", IN_PROGRESS, progress=50))], "2024-H1", as_of=as_of)
    r = one(frame, "III.5", "hcth")
    assert r["status"] == expected and pd.isna(r["completed_on"]) and r["progress"] == 50
    assert (pd.isna(r["days_late"]) if late is None else r["days_late"] == late)


def test_done_without_a_date_counts_as_done_on_the_report_date_and_says_so(plan):
    frame = assess(plan, [sub("hcth", D(2024, 2, 25), row("III.3", DONE))], "2024-Q1")
    r = one(frame, "III.3", "hcth")
    assert r["status"] == DONE_ON_TIME and r["completed_on"] == pd.Timestamp(2024, 2, 25)
    assert "không ghi ngày hoàn thành: lấy ngày báo cáo 25/02/2024" in r["note"]


def test_a_completion_date_after_the_report_date_is_not_counted_as_done(plan):
    frame = assess(plan, [sub("hcth", D(2024, 2, 25), row("III.3", DONE, D(2024, 3, 20)))], "2024-Q1",
                   as_of=D(2024, 2, 29))
    r = one(frame, "III.3", "hcth")
    assert r["status"] == OPEN_IN_TIME and pd.isna(r["completed_on"])
    assert "Ngày hoàn thành 20/03/2024 sau ngày báo cáo 25/02/2024" in r["note"]


def test_a_date_on_a_row_not_done_is_not_a_completion(plan):
    frame = assess(plan, [sub("hcth", D(2024, 2, 25), row("III.3", IN_PROGRESS, D(2024, 2, 1)))], "2024-Q1")
    r = one(frame, "III.3", "hcth")
    assert r["status"] == OPEN_IN_TIME and pd.isna(r["completed_on"])
    assert "nhưng tình trạng chưa hoàn thành" in r["note"]


def test_progress_of_100_without_a_status_word_means_done(plan):
    frame = assess(plan, [sub("hcth", D(2024, 2, 25), row("III.2", None, D(2024, 2, 1), progress=100),
                              row("III.3", None, progress=40, source_row=11))], "2024-Q1")
    assert one(frame, "III.2", "hcth")["status"] == DONE_ON_TIME
    assert one(frame, "III.2", "hcth")["row_status"] == DONE
    assert one(frame, "III.3", "hcth")["row_status"] == IN_PROGRESS


def test_task_status_comes_from_the_lead_and_contributors_are_listed_with_their_own(plan):
    subs = [sub("hcth", D(2024, 5, 1), row("III.4", DONE, D(2024, 3, 20))),
            sub("lanh-dao", D(2024, 5, 1), row("III.4", IN_PROGRESS))]
    frame = assess(plan, subs, "2024-H1", as_of=D(2024, 5, 1))
    lead, contributor = one(frame, "III.4", "hcth"), one(frame, "III.4", "lanh-dao")
    assert lead["is_lead"] and lead["status"] == DONE_ON_TIME and lead["in_headline"]
    assert not contributor["is_lead"] and contributor["status"] == OPEN_LATE and not contributor["in_headline"]
    assert contributor["lead_unit_code"] == "hcth"


# ------------------------------------------------------------------ continuous, external


@pytest.mark.parametrize("status, result, active", [
    (IN_PROGRESS, "", True),
    (DONE, "", True),
    (NOT_STARTED, "", False),
    (NOT_STARTED, "Đã phổ biến tại cuộc họp giao ban.", True),
])
def test_continuous_items_are_thuong_xuyen_with_activity_when_reported(plan, status, result, active):
    frame = assess(plan, [sub("bhtn", D(2024, 2, 25), row("II.1.a", status, result=result),
                              row("III.1", status, result=result, source_row=11))], "2024-Q1")
    for code in ("II.1.a", "III.1"):
        r = one(frame, code, "bhtn")
        assert r["status"] == CONTINUOUS and pd.isna(r["deadline"]) and pd.isna(r["days_late"])
        assert bool(r["activity_reported"]) is active


def test_external_task_has_no_deadline_until_one_is_given(plan):
    subs = [sub("hcth", D(2024, 11, 1), row("III.7", DONE, D(2024, 8, 12))),
            sub("tt-tttld", D(2024, 11, 1), row("III.7", DONE, D(2024, 9, 5)))]
    without = assess(plan, subs, "2024", as_of=D(2024, 11, 19))
    r = one(without, "III.7", "hcth")
    assert r["status"] == NO_DEADLINE and pd.isna(r["deadline"]) and not r["in_headline"]
    assert r["completed_on"] == pd.Timestamp(2024, 8, 12)
    assert "Cấp trên chưa giao thời hạn" in r["note"]
    given = assess(plan, subs, "2024", as_of=D(2024, 11, 19), deadlines={"iii.7": "2024-08-15"})
    assert one(given, "III.7", "hcth")["status"] == DONE_ON_TIME
    late = one(given, "III.7", "tt-tttld")
    assert late["status"] == DONE_LATE and late["days_late"] == 21


# ------------------------------------------------------------------ milestones (III.6: tháng 6, tháng 12)


def _iii6(plan, dated_rows, as_of=D(2024, 12, 31)):
    subs = [sub("hcth", day, row("III.6", status, done_on)) for day, status, done_on in dated_rows]
    frame = assess(plan, subs, "2024", as_of=as_of)
    return one(frame, "III.6", "hcth", "T6"), one(frame, "III.6", "hcth", "T12")


def test_milestones_take_one_completion_date_each_in_order(plan):
    t6, t12 = _iii6(plan, [(D(2024, 7, 5), DONE, D(2024, 6, 28)), (D(2024, 12, 25), DONE, D(2024, 12, 20))])
    assert (t6["status"], t6["completed_on"]) == (DONE_ON_TIME, pd.Timestamp(2024, 6, 28))
    assert (t12["status"], t12["completed_on"]) == (DONE_ON_TIME, pd.Timestamp(2024, 12, 20))


def test_a_single_late_date_meets_the_earliest_milestone_not_yet_met(plan):
    t6, t12 = _iii6(plan, [(D(2024, 12, 25), DONE, D(2024, 12, 20))])
    assert t6["status"] == DONE_LATE and t6["days_late"] == 173  # 20/12 − 30/06
    assert t12["status"] == OPEN_IN_TIME and pd.isna(t12["completed_on"])
    assert "tính cho mốc trước" in t12["note"]


def test_a_second_date_before_the_first_deadline_does_not_meet_the_second_milestone(plan):
    t6, t12 = _iii6(plan, [(D(2024, 3, 15), DONE, D(2024, 3, 10)), (D(2024, 6, 29), DONE, D(2024, 6, 28))])
    assert t6["completed_on"] == pd.Timestamp(2024, 3, 10) and t6["status"] == DONE_ON_TIME
    assert t12["status"] == OPEN_IN_TIME


def test_done_without_a_date_carried_from_report_to_report_is_one_completion(plan):
    t6, t12 = _iii6(plan, [(D(2024, 6, 20), DONE, None), (D(2024, 8, 30), DONE, None), (D(2024, 11, 19), DONE, None)])
    assert t6["completed_on"] == pd.Timestamp(2024, 6, 20) and t6["status"] == DONE_ON_TIME
    assert t12["status"] == OPEN_IN_TIME


def test_milestone_met_in_an_earlier_report_stays_met_when_the_row_moves_on(plan):
    t6, t12 = _iii6(plan, [(D(2024, 6, 25), DONE, D(2024, 6, 20)), (D(2024, 10, 1), IN_PROGRESS, None)],
                    as_of=D(2024, 10, 2))
    assert t6["status"] == DONE_ON_TIME and t6["source_file"] == "hcth_2024-10-01.xlsx"
    assert "theo báo cáo ngày 25/06/2024" in t6["note"]
    assert t12["status"] == OPEN_IN_TIME


def test_milestone_tasks_count_per_milestone_in_the_headline(plan):
    t6, t12 = _iii6(plan, [(D(2024, 7, 5), DONE, D(2024, 6, 28))], as_of=D(2024, 7, 10))
    assert t6["status"] == DONE_ON_TIME and t12["status"] == OPEN_IN_TIME
    frame = assess(plan, [sub("hcth", D(2024, 7, 5), row("III.6", DONE, D(2024, 6, 28)))], "2024-H1",
                   as_of=D(2024, 7, 10))
    assert one(frame, "III.6", "hcth", "T6")["in_headline"]
    assert not one(frame, "III.6", "hcth", "T12")["in_headline"]


# ------------------------------------------------------------------ intake findings flow through


def test_a_row_rejected_by_intake_is_reported_as_such_never_counted(plan):
    finding = Finding(ERROR, "bad_date", "hcth_2024-02-25.xlsx", "Ngày hoàn thành không hợp lệ", "bad date",
                      "Ghi ngày dạng dd/mm/yyyy", sheet="Theo dõi", row=12, column="F (Ngày hoàn thành)")
    subs = [sub("hcth", D(2024, 2, 25), row("III.2", DONE, D(2024, 2, 1), source_row=12),
                row("III.3", DONE, D(2024, 2, 1), source_row=13), findings=[finding])]
    frame = assess(plan, subs, "2024-Q1")
    rejected = one(frame, "III.2", "hcth")
    assert rejected["status"] == NO_REPORT and pd.isna(rejected["completed_on"])
    assert rejected["note"] == "Dòng 12 bị loại khi đọc: Ngày hoàn thành không hợp lệ"
    assert one(frame, "III.3", "hcth")["status"] == DONE_ON_TIME


def test_a_row_without_status_or_progress_is_not_counted(plan):
    frame = assess(plan, [sub("hcth", D(2024, 2, 25), row("III.2", None, D(2024, 2, 1), source_row=28))], "2024-Q1")
    r = one(frame, "III.2", "hcth")
    assert r["status"] == NO_REPORT and "Dòng 28 không có tình trạng hoặc tiến độ đọc được" in r["note"]


def test_a_task_missing_from_the_unit_workbook_is_no_report_with_the_reason(plan):
    frame = assess(plan, [sub("hcth", D(2024, 2, 25), row("III.2"))], "2024-Q1")
    r = one(frame, "III.5", "hcth")
    assert r["status"] == NO_REPORT
    assert r["note"] == "Báo cáo ngày 25/02/2024 (hcth_2024-02-25.xlsx) không có dòng dùng được cho nhiệm vụ này"


def test_a_line_intake_dropped_is_pointed_at_not_taken_for_silence(plan):
    # Intake drops a rejected line and reports it as an error finding on that row.
    finding = Finding(ERROR, "unknown_status", "hcth_2024-02-25.xlsx", "Tình trạng 'xong rồi' không hợp lệ; "
                      "dòng không được dùng.", "bad", "Chọn từ danh sách", row=31)
    frame = assess(plan, [sub("hcth", D(2024, 2, 25), row("III.2"), findings=[finding])], "2024-Q1")
    r = one(frame, "III.5", "hcth")
    assert r["status"] == NO_REPORT
    assert r["note"].endswith("không có dòng dùng được cho nhiệm vụ này; tệp có dòng bị loại khi đọc (dòng 31), "
                              "xem phần phát hiện dữ liệu")


def test_a_newer_unusable_workbook_is_said_on_the_units_lines(plan):
    broken = Finding(ERROR, "missing_column", "hcth_2024-03-20.xlsx", "Thiếu cột bắt buộc Mã nhiệm vụ.", "x", "y")
    subs = [sub("hcth", D(2024, 2, 25), row("III.2", DONE, D(2024, 2, 1))),
            sub("hcth", D(2024, 3, 20), findings=[broken])]
    r = one(assess(plan, subs, "2024-Q1"), "III.2", "hcth")
    assert r["status"] == DONE_ON_TIME and r["source_file"] == "hcth_2024-02-25.xlsx"
    assert r["note"] == ("Báo cáo ngày 20/03/2024 (hcth_2024-03-20.xlsx) không dùng được: "
                         "Thiếu cột bắt buộc Mã nhiệm vụ.")


def test_of_two_rows_for_one_task_the_usable_one_counts(plan):
    finding = Finding(ERROR, "bad_status", "p", "Tình trạng không hợp lệ", "bad", "Chọn từ danh sách", row=12)
    subs = [sub("hcth", D(2024, 2, 25), row("III.2", DONE, D(2024, 2, 1), source_row=12),
                row("III.2", IN_PROGRESS, source_row=40), findings=[finding])]
    r = one(assess(plan, subs, "2024-Q1"), "III.2", "hcth")
    assert r["status"] == OPEN_IN_TIME and r["source_row"] == 40


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("kwargs, error, needle", [
    ({"period": "2023-Q1"}, PeriodError, "nằm ngoài năm kế hoạch 2024"),
    ({"period": "2024-Q5"}, PeriodError, "mã kỳ báo cáo"),
    ({"period": "2024-Q1", "as_of": D(2025, 1, 10)}, PeriodError, "ngày chốt số liệu 2025-01-10 nằm ngoài"),
    ({"period": "2024-Q1", "as_of": "01/13/2024"}, ParamsError, "'as_of' không phải là ngày hợp lệ"),  # month-first
    ({"period": "2024", "deadlines": {"III.9": D(2024, 8, 1)}}, ParamsError, "mã nhiệm vụ 'III.9' không có trong kế hoạch"),
    ({"period": "2024", "deadlines": {"III.2": D(2024, 8, 1)}}, ParamsError, "III.2 không phải nhiệm vụ 'theo kế hoạch của cấp trên'"),
    ({"period": "2024", "deadlines": {"III.7": "mid-August"}}, ParamsError, "'deadlines.III.7' không phải là ngày hợp lệ"),
])
def test_bad_period_cutoff_or_deadline_raises_a_clear_error(plan, kwargs, error, needle):
    with pytest.raises(error) as info:
        assess(plan, [], **kwargs)
    assert needle in str(info.value)
    assert info.value.hint  # every error says how to fix it


def test_day_first_cutoff_and_deadline_are_read_as_on_every_other_route(plan):
    frame = assess(plan, [], "2024", as_of="19/11/2024", deadlines={"III.7": "15/08/2024"})
    assert frame.attrs["as_of"] == "2024-11-19"
    assert set(frame.loc[frame["task_code"] == "III.7", "deadline"]) == {pd.Timestamp(2024, 8, 15)}


def test_several_bad_deadlines_are_reported_together(plan):
    with pytest.raises(ParamsError) as info:
        assess(plan, [], "2024", deadlines={"III.9": D(2024, 8, 1), "III.2": D(2024, 8, 1)})
    assert len(info.value.problems) == 2


def test_missing_or_empty_submissions_folder_raises(plan, tmp_path):
    with pytest.raises(SubmissionsError, match="không tìm thấy thư mục bảng theo dõi"):
        assess(plan, tmp_path / "nope", "2024-Q1")
    (tmp_path / "notes.txt").write_text("not a workbook")
    with pytest.raises(SubmissionsError, match="không có bảng tính nào"):
        assess(plan, tmp_path, "2024-Q1")
    assert issubclass(SubmissionsError, ReportkitError)


# ------------------------------------------------------------------ records for CSV and JSON


def test_status_records_use_iso_dates_and_none(plan):
    frame = assess(plan, [sub("hcth", D(2024, 5, 1), row("III.4", DONE, D(2024, 4, 15)))], "2024-H1")
    records = [r for r in status_records(frame) if r["task_code"] == "III.4" and r["unit_code"] == "hcth"]
    assert records[0]["deadline"] == "2024-03-31" and records[0]["completed_on"] == "2024-04-15"
    assert records[0]["days_late"] == 15 and type(records[0]["days_late"]) is int
    assert records[0]["status"] == DONE_LATE
    other = [r for r in status_records(frame) if r["unit_code"] == "bhtn"][0]
    assert other["completed_on"] is None and other["days_late"] is None and other["source_row"] is None


# ------------------------------------------------------------------ the sample year


def test_done_without_date_in_the_sample_counts_on_report_date_and_intake_warned(plan, samples):
    # hcth's dân vận quý I file (11/03) says III.3 "Đã hoàn thành" with the date left blank.
    used = next(s for s in samples if s.path.name == "hcth_2024-03-11.xlsx")
    assert any(f.severity == "warning" for f in used.findings)
    r = one(assess(plan, samples, "2024-Q1", as_of=D(2024, 3, 12)), "III.3", "hcth")
    assert r["status"] == DONE_ON_TIME and r["completed_on"] == pd.Timestamp(2024, 3, 11)
    assert "lấy ngày báo cáo 11/03/2024" in r["note"]


# Task rows of the lead unit written out by hand from the seed's deadlines and
# the sample story (see tests/data/golden/README.md): (code, milestone) →
# (status, completion date or None, days late or None).
HAND_CHECKED = {
    "2024-Q1": {
        ("III.2", ""): (DONE_ON_TIME, "2024-01-26", None), ("III.3", ""): (DONE_ON_TIME, "2024-02-20", None),
        ("III.4", ""): (OPEN_IN_TIME, None, None), ("III.5", ""): (OPEN_IN_TIME, None, None),
        ("III.6", "T6"): (OPEN_IN_TIME, None, None), ("III.6", "T12"): (OPEN_IN_TIME, None, None),
        ("III.7", ""): (NO_DEADLINE, None, None), ("III.8", ""): (OPEN_IN_TIME, None, None),
    },
    "2024-H1": {
        ("III.2", ""): (DONE_ON_TIME, "2024-01-26", None), ("III.3", ""): (DONE_ON_TIME, "2024-02-20", None),
        ("III.4", ""): (DONE_LATE, "2024-04-15", 15), ("III.5", ""): (OPEN_LATE, None, 55),
        ("III.6", "T6"): (OPEN_IN_TIME, None, None), ("III.6", "T12"): (OPEN_IN_TIME, None, None),
        ("III.7", ""): (NO_DEADLINE, None, None), ("III.8", ""): (OPEN_IN_TIME, None, None),
    },
    "2024": {
        ("III.2", ""): (DONE_ON_TIME, "2024-01-26", None), ("III.3", ""): (DONE_ON_TIME, "2024-02-20", None),
        ("III.4", ""): (DONE_LATE, "2024-04-15", 15), ("III.5", ""): (OPEN_LATE, None, 233),
        ("III.6", "T6"): (DONE_ON_TIME, "2024-06-20", None), ("III.6", "T12"): (OPEN_IN_TIME, None, None),
        ("III.7", ""): (NO_DEADLINE, "2024-08-12", None), ("III.8", ""): (DONE_ON_TIME, "2024-09-18", None),
    },
}
CUTOFFS = {"2024-Q1": "2024-02-29", "2024-H1": "2024-05-25", "2024": "2024-11-19"}


@pytest.mark.parametrize("period", list(HAND_CHECKED))
def test_sample_year_lead_rows_match_the_hand_check(plan, samples, period):
    from reportkit.periods import find_report

    as_of = find_report(plan, period, "dan-chu").default_cutoff
    assert as_of.isoformat() == CUTOFFS[period]
    frame = assess(plan, samples, period, as_of=as_of)
    for (code, milestone), (status, done_on, late) in HAND_CHECKED[period].items():
        r = one(frame, code, "hcth", milestone)
        assert r["status"] == status, (code, milestone)
        assert (pd.isna(r["completed_on"]) if done_on is None else r["completed_on"] == pd.Timestamp(done_on))
        assert (pd.isna(r["days_late"]) if late is None else r["days_late"] == late), (code, milestone)


@pytest.mark.parametrize("period", ["2024-Q1", "2024-H1", "2024"])
def test_sample_year_matches_the_golden_status_table(plan, samples, period):
    from reportkit.periods import find_report

    golden = pd.read_csv(GOLDEN / f"status-{period}-dan-chu.csv", dtype=str, keep_default_na=False)
    frame = assess(plan, samples, period, as_of=find_report(plan, period, "dan-chu").default_cutoff)
    got = pd.DataFrame(status_records(frame, list(golden.columns)), dtype=object)
    got = got.where(got.notna(), "").astype(str)
    assert len(got) == len(golden)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), golden, check_dtype=False)


def test_every_status_word_is_one_of_the_seven(plan, samples):
    frame = assess(plan, samples, "2024", as_of=D(2024, 12, 31), deadlines={"III.7": D(2024, 8, 15)})
    assert set(frame["status"]) <= set(STATUSES)
    assert frame["status"].notna().all()


def test_sparse_plans_join_rows_the_same_way(plan, samples):
    # 200 extra units that carry nothing make the (unit, task) key space sparse: the join hashes keys.
    import dataclasses

    from reportkit.plan.load import Unit

    wide = dataclasses.replace(plan, units=plan.units + tuple(Unit(f"x{i}", f"Phòng {i}") for i in range(200)))
    dense = assess(plan, samples, "2024-H1", as_of=D(2024, 5, 25))
    sparse = assess(wide, samples, "2024-H1", as_of=D(2024, 5, 25))
    pd.testing.assert_frame_equal(dense, sparse)
