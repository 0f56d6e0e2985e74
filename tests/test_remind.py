"""`reportkit remind` and the tracker behind it: which unit has sent what for which report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from reportkit.cli import main
from reportkit.errors import PlanError
from reportkit.periods import build_calendar
from reportkit.plan.load import load_plan
from reportkit.tracking.assess import build_rounds
from reportkit.tracking.remind import track_submissions, track_year

from .conftest import DATA, PLAN_PATH, ROOT

REMIND = DATA / "remind"
SAMPLES = ROOT / "data" / "submissions" / "2024"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def states(reminder) -> dict[str, str]:
    return {u.code: u.state for u in reminder.units}


def find(reminders, stream, period):
    return next(r for r in reminders if r.report.stream.code == stream and r.report.period.id == period)


def test_after_the_deadline_each_unit_is_received_late_unusable_or_missing(plan):
    reminders = track_submissions(plan, dt.date(2024, 5, 21), REMIND)
    h1 = find(reminders, "dan-van", "2024-H1")
    assert states(h1) == {"lanh-dao": "received", "hcth": "received", "tv-gtvl": "missing",
                          "tt-tttld": "late", "bhtn": "unusable"}
    by_code = {u.code: u for u in h1.units}
    assert by_code["tt-tttld"].file == "tt-tttld_2024-05-20.xlsx" and by_code["tt-tttld"].days_left == -1
    assert by_code["tv-gtvl"].days_left == -2 and by_code["tv-gtvl"].file is None
    assert by_code["hcth"].report_date == dt.date(2024, 5, 16) and by_code["hcth"].days_left == 3
    assert [u.code for u in h1.pending] == ["tv-gtvl", "bhtn"]


def test_an_unreadable_workbook_is_placed_by_its_file_name_and_carries_its_findings(plan):
    h1 = find(track_submissions(plan, dt.date(2024, 5, 19), REMIND), "dan-van", "2024-H1")
    bhtn = next(u for u in h1.units if u.code == "bhtn")
    assert (bhtn.state, bhtn.file, bhtn.report_date) == ("unusable", "bhtn_2024-05-18.xlsx", dt.date(2024, 5, 18))
    assert bhtn.findings and "tiêu đề" in bhtn.findings[0]


def test_a_workbook_dated_after_as_of_has_not_arrived_yet(plan):
    h1 = find(track_submissions(plan, dt.date(2024, 5, 18), REMIND), "dan-van", "2024-H1")
    tt = next(u for u in h1.units if u.code == "tt-tttld")
    assert (tt.state, tt.days_left) == ("missing", 1)


def test_a_late_workbook_is_on_time_for_the_next_deadline(plan):
    reminders = track_submissions(plan, dt.date(2024, 5, 21), REMIND)
    assert states(find(reminders, "dan-chu", "2024-H1"))["tt-tttld"] == "received"


def test_reports_due_within_days_ahead_or_incomplete_are_listed_and_complete_past_ones_are_not(plan):
    reminders = track_submissions(plan, dt.date(2024, 5, 16), SAMPLES, days_ahead=5)
    assert [(r.report.stream.code, r.report.period.id) for r in reminders] == [("dan-van", "2024-H1")]
    assert [r.report.period.id for r in track_submissions(plan, dt.date(2024, 5, 16), SAMPLES, days_ahead=10)] == [
        "2024-H1", "2024-H1"]
    overdue = track_submissions(plan, dt.date(2024, 12, 31), SAMPLES, days_ahead=0)
    assert [(r.report.period.id, [u.code for u in r.pending]) for r in overdue] == [("2024-Q4", ["tt-tttld"])]


def test_rounds_run_from_one_distinct_deadline_to_the_next(plan):
    rounds = build_rounds(build_calendar(plan), 2024)
    first, h1_van = rounds[dt.date(2024, 1, 9)], rounds[dt.date(2024, 5, 19)]
    assert first.start == dt.date(2024, 1, 1)
    assert (h1_van.start, h1_van.late_end) == (dt.date(2024, 5, 10), dt.date(2024, 5, 25))
    assert rounds[dt.date(2024, 12, 12)].late_end is None


def test_the_sample_year_has_its_late_units(plan):
    year = track_year(plan, dt.date(2024, 12, 31), SAMPLES)
    assert len(year) == 22
    late = {(r.report.period.id, u.code) for r in year for u in r.units if u.state == "late"}
    assert ("2024-M02", "bhtn") in late and ("2024-Q3", "hcth") in late


def test_json_has_the_documented_shape_and_exit_1_when_units_are_missing(capsys):
    code, out, _ = run(capsys, "remind", "--plan", str(PLAN_PATH), "--as-of", "2024-05-21", "--submissions",
                       str(REMIND), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["as_of"] == "2024-05-21"
    h1 = next(r for r in data["reports"] if r["stream"] == "dan-van" and r["period"] == "2024-H1")
    assert h1["units_due_before"] == "2024-05-20"
    unit = h1["units"][0]
    assert {k: unit[k] for k in ("code", "name", "state", "file", "days_left")} == {
        "code": "lanh-dao", "name": "Lãnh đạo Trung tâm", "state": "received", "file": "lanh-dao_2024-05-17.xlsx",
        "days_left": 2}
    assert unit["emails"] == ["lanhdao@example.vn"]


def test_exit_0_when_every_unit_sent_on_time(capsys):
    code, out, _ = run(capsys, "remind", "--plan", str(PLAN_PATH), "--as-of", "09/01/2024", "--days-ahead", "0",
                       "--submissions", str(SAMPLES))
    assert code == 0
    table = out.split("\n\n")[0]
    assert table.count("đúng hạn") == 5 and "chưa nộp" not in table


def test_table_names_states_in_vietnamese_and_units_without_address(capsys, tmp_path):
    text = PLAN_PATH.read_text(encoding="utf-8").replace("    email: bhtn@example.vn\n", "")
    other = tmp_path / "plan.yaml"
    other.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "remind", "--plan", str(other), "--as-of", "2024-05-21", "--submissions", str(REMIND))
    assert code == 1
    block = next(b for b in out.split("\n\n") if b.startswith("Nắm tình hình Nhân dân (dân vận) – 6 tháng"))
    assert "6 tháng đầu năm 2024" in block and "19/05/2024" in block
    assert "muộn 1 ngày" in block and "không dùng được" in block and "quá hạn 2 ngày" in block
    assert "không có địa chỉ e-mail" in block and "Không tìm thấy dòng tiêu đề" in block


def test_csv_has_one_row_per_report_and_unit(capsys):
    code, out, _ = run(capsys, "--lang", "en", "remind", "--plan", str(PLAN_PATH), "--as-of", "2024-05-21",
                       "--submissions", str(REMIND), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1 and rows
    assert {r["state"] for r in rows} >= {"received", "late", "unusable", "missing"}
    assert all(r["stream"] and r["period"] and r["code"] for r in rows)


def test_a_missing_submissions_folder_is_an_error_not_a_traceback(capsys, tmp_path):
    code, _, err = run(capsys, "remind", "--plan", str(PLAN_PATH), "--submissions", str(tmp_path / "nowhere"))
    assert code not in (0, 1) and "Traceback" not in err and err


def test_unit_email_is_one_address_or_a_list_and_a_bad_one_is_reported_with_its_path(tmp_path):
    text = PLAN_PATH.read_text(encoding="utf-8")
    assert load_plan(PLAN_PATH).unit("tv-gtvl").emails == ("tvgtvl@example.vn", "truongphong.tvgtvl@example.vn")
    bad = tmp_path / "plan.yaml"
    bad.write_text(text.replace("email: hcth@example.vn", 'email: ["hcth@example.vn", "Phòng HCTH <x@y.vn>"]'),
                   encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        load_plan(bad)
    assert "units[1].email[1]" in exc.value.render()
    injected = tmp_path / "inj.yaml"
    injected.write_text(text.replace("email: hcth@example.vn", 'email: "hcth@example.vn\\r\\nBcc: x@evil.vn"'),
                        encoding="utf-8")
    with pytest.raises(PlanError):
        load_plan(injected)


def test_already_read_submissions_give_the_same_states_as_the_folder(plan):
    from reportkit.intake.reader import read_submissions

    as_of = dt.date(2024, 5, 21)
    from_folder = track_submissions(plan, as_of, REMIND)
    assert track_submissions(plan, as_of, read_submissions(REMIND, plan)) == from_folder
    assert from_folder and all(len(r.units) == 5 for r in from_folder)


def test_an_undated_unreadable_workbook_makes_its_unit_unusable_not_missing(plan, tmp_path):
    import shutil

    shutil.copy(DATA / "workbooks" / "bad_no_header.xlsx", tmp_path / "bhtn.xlsx")
    shutil.copy(REMIND / "hcth_2024-05-16.xlsx", tmp_path)
    h1 = find(track_submissions(plan, dt.date(2024, 5, 19), tmp_path), "dan-van", "2024-H1")
    assert states(h1)["bhtn"] == "unusable" and states(h1)["hcth"] == "received"
    assert next(u for u in h1.units if u.code == "bhtn").report_date is None
