"""The task model of real plans: several lead units, supporting units, units by default,
a time frame that names no date (``unknown``), milestones on any dates (``dates``),
through the loader, the status engine, the CLI and the report's task lines.

The plan is tests/data/model/leads.yaml (a 2025 school plan); expected deadlines
are checked by hand on a 2025 calendar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from reportkit.cli import main
from reportkit.errors import ParamsError, PlanError
from reportkit.intake.model import DONE, IN_PROGRESS, Submission, TaskRow
from reportkit.messages import use_language
from reportkit.plan.load import load_plan
from reportkit.plan.timeframes import DueRule
from reportkit.report.annex import task_table
from reportkit.report.sections import render_directions, render_task_lines
from reportkit.status import (
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    OPEN_IN_TIME,
    OPEN_LATE,
    assess,
    tasks_without_deadline,
)

from .conftest import DATA, PLAN_PATH, ROOT

D = dt.date
MODEL = DATA / "model"


@pytest.fixture(scope="module")
def plan():
    return load_plan(MODEL / "leads.yaml")


def row(code: str, status: str = IN_PROGRESS, done_on: dt.date | None = None, source_row: int = 10) -> TaskRow:
    return TaskRow(code, status, None, done_on, result="", source_row=source_row)


def sub(unit: str, day: dt.date, *rows: TaskRow) -> Submission:
    return Submission(Path(f"{unit}_{day}.xlsx"), unit, day, list(rows), [])


def one(frame: pd.DataFrame, code: str, unit: str, milestone: str = "") -> pd.Series:
    hit = frame[(frame["task_code"] == code) & (frame["unit_code"] == unit) & (frame["milestone"] == milestone)]
    assert len(hit) == 1, (code, unit, milestone, len(hit))
    return hit.iloc[0]


# ------------------------------------------------------------------ loading


def test_a_task_may_have_several_leads_and_supporting_units_and_its_units_default_to_them(plan):
    task = plan.task("III.1")
    assert task.leads == ("hcth", "dt") and task.support == ("cd",)
    assert task.units == ("hcth", "dt", "cd")
    assert task.lead == "hcth"  # the first lead, for code written for one


def test_an_old_units_list_still_loads_and_the_supporting_unit_joins_it(plan):
    task = plan.task("III.2")
    assert task.leads == ("hcth",) and task.support == ("cd",)
    assert task.units == ("hcth", "dt", "cd")


def test_the_seed_plan_loads_unchanged_with_one_lead_per_task(root):
    seed = load_plan(PLAN_PATH)
    tasks = [t for t in seed.tasks if t.kind == "task"]
    assert all(t.leads == ("hcth",) and t.support == () for t in tasks)
    assert seed.task("III.2").units == ("hcth", "lanh-dao")
    assert all(t.leads == () and t.lead is None for t in seed.tasks if t.kind == "content")


def test_an_undated_time_frame_loads_as_unknown_and_dates_as_milestones(plan):
    assert plan.task("III.3").due == DueRule("unknown")
    due = plan.task("III.4").due
    assert due == DueRule("dates", dates=(D(2025, 3, 15), D(2025, 9, 30)))
    assert [(m.key, m.label, m.deadline) for m in due.milestones(2025)] == [
        ("D1", "15/3/2025", D(2025, 3, 15)), ("D2", "30/9/2025", D(2025, 9, 30))]


def test_bad_dates_are_each_reported_with_their_yaml_path():
    with pytest.raises(PlanError) as info:
        load_plan(MODEL / "bad_dates.yaml")
    text = info.value.render()
    assert "kế hoạch không hợp lệ: 5 lỗi" in text
    assert "bad_dates.yaml:15, tasks[0].due.dates: dates phải là danh sách ngày (ít nhất một ngày)" in text
    assert "tasks[1].due.dates[1]: ngày không tồn tại hoặc viết sai dạng (giá trị: '2025-02-30')" in text
    assert ("tasks[2].due.dates: các ngày trong dates phải tăng dần và không trùng nhau "
            "(giá trị: '2025-09-30, 2025-03-15')") in text
    assert "tasks[3].due.dates: dates phải là danh sách ngày" in text
    assert "tasks[4].due.dates: ngày 2027-03-15 cách xa năm của kế hoạch (2025)" in text
    assert "ví dụ due: {kind: dates, dates: [2025-03-15, 2025-09-30]}" in text
    with use_language("en"), pytest.raises(PlanError) as info:
        load_plan(MODEL / "bad_dates.yaml")
    assert "tasks[2].due.dates: the dates must be in increasing order without repeats" in info.value.render()


def test_a_yaml_date_that_does_not_exist_is_a_clean_error_with_its_line():
    with pytest.raises(PlanError) as info:
        load_plan(MODEL / "bad_date_not_real.yaml")
    assert info.value.location.line == 20
    assert "bad_date_not_real.yaml:20: không phải YAML hợp lệ: ngày 2025-02-30 không tồn tại" in info.value.render()


def test_a_lead_or_supporting_unit_that_is_not_a_unit_and_a_missing_lead_are_reported():
    with pytest.raises(PlanError) as info:
        load_plan(MODEL / "bad_leads.yaml")
    text = info.value.render()
    assert "kế hoạch không hợp lệ: 4 lỗi" in text
    assert "tasks[0].lead[1]: không có đơn vị 'x'" in text and "Cách sửa: dùng một trong: a, b" in text
    assert "tasks[1].support[0]: không có đơn vị 'y'" in text
    assert "tasks[2].lead: thiếu trường bắt buộc 'lead'" in text
    assert "tasks[3].lead: phải là danh sách mã đơn vị" in text


# ------------------------------------------------------------------ status


def test_every_lead_unit_is_judged_leads_first_and_supporting_units_are_not(plan):
    subs = [sub("hcth", D(2025, 6, 20), row("III.1", DONE, D(2025, 6, 10))),
            sub("dt", D(2025, 7, 5), row("III.1", DONE, D(2025, 7, 2)))]
    frame = assess(plan, subs, "2025-Q2", as_of=D(2025, 7, 10))
    iii1 = frame[frame["task_code"] == "III.1"]
    assert list(iii1["unit_code"]) == ["hcth", "dt", "cd"] and list(iii1["is_lead"]) == [True, True, False]
    assert (iii1["lead_unit_code"] == "hcth, dt").all()
    assert one(frame, "III.1", "hcth")["status"] == DONE_ON_TIME
    late = one(frame, "III.1", "dt")
    assert late["status"] == DONE_LATE and late["days_late"] == 2
    assert list(iii1["in_headline"]) == [True, True, False]


def test_an_unknown_task_is_not_determined_with_a_note_until_a_deadline_is_given(plan):
    subs = [sub("dt", D(2025, 9, 20), row("III.3", DONE, D(2025, 9, 8)))]
    without = assess(plan, subs, "2025-Q3", as_of=D(2025, 9, 30))
    r = one(without, "III.3", "dt")
    assert r["status"] == NO_DEADLINE == "Chưa xác định thời hạn"
    assert pd.isna(r["deadline"]) and not r["in_headline"] and r["due_kind"] == "unknown"
    assert "Kế hoạch ghi thời gian “đầu năm học”, không nêu ngày cụ thể: chưa xác định thời hạn" in r["note"]
    assert [t.code for t in tasks_without_deadline(plan, {})] == ["III.3", "III.5"]
    given = assess(plan, subs, "2025-Q3", as_of=D(2025, 9, 30), deadlines={"III.3": "2025-09-05"})
    r = one(given, "III.3", "dt")
    assert r["status"] == DONE_LATE and r["deadline"] == pd.Timestamp(2025, 9, 5) and r["days_late"] == 3
    assert r["in_headline"] and "chưa xác định" not in r["note"]
    assert [t.code for t in tasks_without_deadline(plan, {"III.3": D(2025, 9, 5)})] == ["III.5"]


def test_a_deadline_for_a_task_whose_time_frame_gives_one_is_refused(plan):
    with pytest.raises(ParamsError) as info:
        assess(plan, [], "2025-Q1", deadlines={"III.4": "2025-03-01"})
    assert "III.4" in info.value.render() and "III.3, III.5" in info.value.render()


def test_a_dates_task_has_one_milestone_per_date_each_judged_on_its_own(plan):
    subs = [sub("cntt", D(2025, 3, 20), row("III.4", DONE, D(2025, 3, 14))),
            sub("cntt", D(2025, 10, 5), row("III.4", IN_PROGRESS))]
    frame = assess(plan, subs, "2025", as_of=D(2025, 10, 10))
    first, second = one(frame, "III.4", "cntt", "D1"), one(frame, "III.4", "cntt", "D2")
    assert first["milestone_label"] == "15/3/2025" and first["deadline"] == pd.Timestamp(2025, 3, 15)
    assert first["status"] == DONE_ON_TIME and first["completed_on"] == pd.Timestamp(2025, 3, 14)
    assert second["milestone_label"] == "30/9/2025" and second["status"] == OPEN_LATE and second["days_late"] == 10
    early = assess(plan, subs[:1], "2025-Q1", as_of=D(2025, 3, 31))
    assert one(early, "III.4", "cntt", "D2")["status"] == OPEN_IN_TIME


def test_status_command_asks_for_the_deadlines_that_are_not_determined(capsys):
    code = main(["status", "--plan", str(PLAN_PATH), "--submissions", str(ROOT / "data" / "submissions" / "2024"),
                 "--period", "2024-Q1"])
    _, err = capsys.readouterr()
    assert code == 0
    assert ("nhiệm vụ III.7 ('Theo kế hoạch của cấp trên') chưa xác định thời hạn: cấp trên chưa giao; "
            "khi biết thời hạn, cho bằng --deadline III.7=NĂM-THÁNG-NGÀY") in err
    code = main(["status", "--plan", str(PLAN_PATH), "--submissions", str(ROOT / "data" / "submissions" / "2024"),
                 "--period", "2024-Q1", "--deadline", "III.7=2024-08-15"])
    assert "III.7" not in capsys.readouterr().err


# ------------------------------------------------------------------ report


def test_the_report_names_every_lead_and_each_leads_status(plan):
    subs = [sub("hcth", D(2025, 6, 20), row("III.1", DONE, D(2025, 6, 10))),
            sub("dt", D(2025, 6, 25), row("III.1", IN_PROGRESS))]
    frame = assess(plan, subs, "2025-Q2", as_of=D(2025, 7, 10))
    annex = task_table(frame, plan).set_index("content")
    line = annex.loc["III.1. Rà soát, ban hành quy chế dân chủ ở cơ sở của nhà trường"]
    assert line["lead"] == "Phòng Hành chính – Tổng hợp, Phòng Đào tạo"
    assert "Phòng Hành chính – Tổng hợp: <span" in line["status"] and "Phòng Đào tạo: <span" in line["status"]
    assert "Đã hoàn thành đúng hạn" in line["status"] and "Chưa hoàn thành quá hạn" in line["status"]
    assert "Phòng Hành chính – Tổng hợp: Hoàn thành ngày 10/06/2025" in line["note"]
    assert "Phòng Đào tạo: quá hạn 10 ngày" in line["note"]
    assert annex.loc["III.2. Tổ chức hội nghị viên chức, người lao động", "lead"] == "Phòng Hành chính – Tổng hợp"
    lines = render_task_lines(frame).replace('<span class="nb">', "").replace("</span>", "")
    assert "hạn 30/06/2025, chủ trì Phòng Hành chính – Tổng hợp:" in lines
    assert "hạn 30/06/2025, chủ trì Phòng Đào tạo:" in lines


def test_open_tasks_without_a_deadline_say_why_and_are_listed_once(plan):
    frame = assess(plan, [sub(u, D(2025, 9, 20), row(c)) for u, c in
                          (("hcth", "III.1"), ("dt", "III.1"), ("dt", "III.3"), ("cd", "III.5"))],
                   "2025-Q3", as_of=D(2025, 9, 30))
    directions = render_directions(SimpleNamespace(status=frame))
    assert "Hoàn thành III.3. Đối thoại với học sinh, sinh viên (khi xác định được thời hạn)." in directions
    assert "Hoàn thành III.5. Tham gia hội thi theo kế hoạch của Sở (khi cấp trên giao thời hạn)." in directions
    assert directions.count("Hoàn thành III.1.") == 1
