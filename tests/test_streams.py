"""Report streams as plans write them (tests/data/plans/streams_2025.yaml, expected dates written by hand).

Some quarters only, "chậm nhất ngày" (due_by), a day of the next month, a year report due in
January of the next year, a one-off date, reports on request, and the departments' own deadline.
"""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from reportkit.cli import main
from reportkit.errors import ParamsError, PlanError
from reportkit.intake.template import DATE_ROW, GUIDE_SHEET_NAME, SHEET_NAME, VALUE_COLUMN, column_of, write_template
from reportkit.jobs.due import select_due
from reportkit.params import parse_run_inputs
from reportkit.periods import build_calendar, find_report
from reportkit.plan.load import load_plan

from .conftest import DATA

D = dt.date
PLAN = DATA / "plans" / "streams_2025.yaml"

# (stream, period): (last day the report may be sent, written inclusive?, departments' last day)
EXPECTED = {
    **{("thang", f"2025-M{m:02d}"): (D(2025 + m // 12, m % 12 + 1, 5), True, D(2025 + m // 12, m % 12 + 1, 2))
       for m in range(1, 13)},
    **{("thang", f"2025-Q{q}"): (D(2025, 3 * q, 12), False, D(2025, 3 * q, 8)) for q in range(1, 5)},
    ("tong-hop", "2025-Q1"): (D(2025, 3, 15), True, D(2025, 3, 15)),
    ("tong-hop", "2025-Q3"): (D(2025, 9, 15), True, D(2025, 9, 15)),
    ("tong-hop", "2025-H1"): (D(2025, 6, 20), True, D(2025, 6, 20)),
    ("tong-hop", "2025"): (D(2026, 1, 14), False, D(2026, 1, 9)),
}


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_calendar_has_every_written_form_with_both_deadlines(plan):
    reports = build_calendar(plan)
    got = {(r.stream.code, r.period.id): (r.last_day, r.inclusive, r.submit_last_day) for r in reports}
    assert got == EXPECTED
    assert [r.due_before for r in reports] == sorted(r.due_before for r in reports)
    assert all(r.due_before == r.last_day + dt.timedelta(days=1) for r in reports)


def test_only_the_quarters_named_are_reported(plan):
    periods = [r.period.id for r in build_calendar(plan) if r.stream.code == "tong-hop" and r.period.kind == "Q"]
    assert periods == ["2025-Q1", "2025-Q3"]


def test_rule_is_the_text_as_written_or_a_phrase_made_from_the_rule(plan):
    q1 = find_report(plan, "2025-Q1", "tong-hop")
    assert q1.rule == "báo cáo quý I, quý III chậm nhất ngày 15 của tháng cuối quý"
    assert q1.due_text == "chậm nhất ngày 15/03/2025"
    assert find_report(plan, "2025", "tong-hop").rule == "trước ngày 15/1 năm sau"
    assert find_report(plan, "2025-Q2", "thang").rule == "trước ngày 13 của tháng cuối kỳ"


def test_one_off_date_belongs_to_the_plan_year_only(plan):
    assert find_report(plan, "2025-H1", "tong-hop").last_day == D(2025, 6, 20)
    assert "2026-H1" not in [r.period.id for r in build_calendar(plan, 2026) if r.stream.code == "tong-hop"]


def test_adhoc_reports_are_kept_with_their_text_and_never_dated(plan):
    assert plan.stream("tong-hop").adhoc == ("báo cáo đột xuất khi có yêu cầu của Sở Y tế",)
    assert plan.stream("thang").adhoc == ("khi có yêu cầu",)
    assert all(r.period.kind != "adhoc" for r in build_calendar(plan))


def test_calendar_json_lists_adhoc_last_without_a_date_and_keeps_the_old_fields(capsys):
    code, out, _ = run(capsys, "calendar", "--plan", PLAN, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 22
    year = next(r for r in rows if r["stream"] == "tong-hop" and r["period"] == "2025")
    assert year == {"stream": "tong-hop", "period": "2025", "due_before": "2026-01-15", "last_day": "2026-01-14",
                    "cutoff": "2026-01-14", "label": "Công tác năm – Năm 2025", "due_text": "trước ngày 15/01/2026",
                    "rule": "trước ngày 15/1 năm sau", "inclusive": False, "submit_last_day": "2026-01-09"}
    assert [(r["stream"], r["period"], r["due_before"], r["rule"]) for r in rows[-2:]] == [
        ("tong-hop", "adhoc", None, "báo cáo đột xuất khi có yêu cầu của Sở Y tế"),
        ("thang", "adhoc", None, "khi có yêu cầu")]


def test_calendar_table_shows_the_departments_deadline_and_adhoc_without_date(capsys):
    code, out, _ = run(capsys, "calendar", "--plan", PLAN)
    assert code == 0
    lines = out.splitlines()
    assert "Đơn vị gửi chậm nhất" in lines[0]
    q1 = next(line for line in lines if line.startswith("thang") and "2025-Q1" in line)
    assert "trước ngày 13/03/2025" in q1 and "2025-03-08" in q1 and "2025-03-12" in q1
    assert lines[-3].split()[:2] == ["thang", "adhoc"] and "20" not in lines[-3]
    assert "20 báo cáo trong năm 2025. Ngoài ra 2 báo cáo khi có yêu cầu" in out


def test_year_report_due_next_january_is_built_by_a_january_batch(plan):
    assert ("tong-hop", "2025") not in [(r.stream.code, r.period.id) for r in select_due(plan, 2025, D(2026, 1, 13))]
    due = select_due(plan, 2025, D(2026, 1, 20))
    assert ("tong-hop", "2025") in [(r.stream.code, r.period.id) for r in due]


def test_cutoff_in_january_of_the_next_year_is_allowed_up_to_the_reports_last_day(plan):
    inputs = parse_run_inputs({"period": "2025", "stream": "tong-hop", "as_of": "2026-01-10"}, plan=plan,
                              folder_required=False)
    assert inputs.as_of == D(2026, 1, 10)
    default = parse_run_inputs({"period": "2025", "stream": "tong-hop"}, plan=plan, folder_required=False)
    assert default.as_of == D(2026, 1, 14)
    month = parse_run_inputs({"period": "2025-M12", "stream": "thang", "as_of": "2026-01-05"}, plan=plan,
                             folder_required=False)
    assert month.as_of == D(2026, 1, 5)
    status = parse_run_inputs({"period": "2025", "as_of": "2026-01-14"}, plan=plan, stream_required=False,
                              folder_required=False)
    assert status.as_of == D(2026, 1, 14)


@pytest.mark.parametrize("raw", [
    {"period": "2025", "stream": "tong-hop", "as_of": "2026-01-15"},
    {"period": "2025-Q4", "stream": "thang", "as_of": "2026-01-02"},
    {"period": "2025", "stream": "tong-hop", "as_of": "2024-12-31"},
])
def test_cutoff_past_the_reports_last_day_is_refused_with_the_range(plan, raw):
    with pytest.raises(ParamsError) as info:
        parse_run_inputs(raw, plan=plan, folder_required=False)
    assert "2025-01-01" in info.value.render()


def write_filled(plan, unit: str, folder):
    """The unit's 2025 workbook, sent on 08/01/2026, with III.2 done on 20/12/2025 where the unit carries it."""
    path = write_template(plan, unit, "2025", folder / f"{unit}_2026-01-08.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_NAME]
    ws[f"{VALUE_COLUMN}{DATE_ROW}"] = dt.datetime(2026, 1, 8)
    for row in range(1, ws.max_row + 1):
        if ws[f"A{row}"].value == "III.2":
            ws[f"{column_of('status')}{row}"] = "Đã hoàn thành"
            ws[f"{column_of('completed_on')}{row}"] = dt.datetime(2025, 12, 20)
    wb.save(path)
    return path


def january_submissions(folder):
    """``folder`` (made if need be) holding the 2025 workbooks of both units, sent in January 2026."""
    folder.mkdir(exist_ok=True)
    plan = load_plan(PLAN)
    for unit in ("dt", "kd"):
        write_filled(plan, unit, folder)
    return folder


def test_status_of_the_year_report_at_a_january_cutoff(capsys, tmp_path):
    january_submissions(tmp_path)
    code, out, err = run(capsys, "status", "--plan", PLAN, "--period", "2025", "--stream", "tong-hop",
                         "--as-of", "10/01/2026", "--submissions", tmp_path)
    assert code == 0, err
    assert "Năm 2025, số liệu đến 10/01/2026: đã hoàn thành 1/2" in out


def test_guide_sheet_tells_the_departments_their_own_deadline(plan, tmp_path):
    path = write_template(plan, "dt", "2025-Q1", tmp_path / "dt_2025-Q1.xlsx")
    text = "\n".join(str(c.value) for c in openpyxl.load_workbook(path)[GUIDE_SHEET_NAME]["A"] if c.value)
    assert ("Tình hình tháng – Quý I năm 2025: đơn vị gửi bảng theo dõi chậm nhất ngày 08/03/2025 "
            "(hạn báo cáo của cơ quan: trước ngày 13/03/2025).") in text
    assert "Công tác năm – Quý I năm 2025: chậm nhất ngày 15/03/2025." in text  # no earlier deadline of their own


# Every bad form of tests/data/plans/bad_streams.yaml: (YAML path, line, words of the message).
BAD = [
    ("report_streams[0].reports[0].period[1]", 26, "không có loại kỳ báo cáo 'Q5'"),
    ("report_streams[0].reports[1].period", 27, "danh sách kỳ báo cáo đang trống"),
    ("report_streams[0].reports[2].due_by", 28, "chỉ ghi một trong due_before"),
    ("report_streams[0].reports[3].due_before", 29, "thiếu hạn nộp"),
    ("report_streams[0].reports[4].due_by.month", 30, "'next' (tháng sau kỳ)"),
    ("report_streams[0].reports[5].due_by.day", 31, "ngày trong tháng không tồn tại (1–30)"),
    ("report_streams[0].reports[6].due_before.year", 32, "year chỉ nhận giá trị next"),
    ("report_streams[0].reports[7].due_before.year", 33, "year chỉ nhận giá trị next"),
    ("report_streams[0].reports[8].due_by.date", 34, "ngày không tồn tại"),
    ("report_streams[0].reports[9].due_by.date", 35, "năm kế hoạch 2025 hoặc năm sau"),
    ("report_streams[0].reports[10].period", 36, "không dùng cho cả loại kỳ Q"),
    ("report_streams[0].reports[11].due_by", 37, "date ghi một mình"),
    ("report_streams[0].reports[12].due_before", 38, "phải là một bảng YAML"),
    ("report_streams[0].reports[13].due_by", 39, "không có hạn nộp, nhưng có 'due_by'"),
    ("report_streams[0].reports[14].period[1]", 40, "adhoc (khi có yêu cầu) không ghi chung"),
    ("report_streams[0].reports[15].due_befor", 41, "không có trường 'due_befor'"),
    ("report_streams[0].reports[16].submit_before", 42, "chỉ ghi một trong submit_by"),
    ("report_streams[0].reports[17].submit_by.days_before", 43, "days_before phải là số ngày"),
    ("report_streams[0].reports[18].submit_by", 44, "days_before ghi một mình"),
    ("report_streams[0].reports[19].text", 45, "'text' phải là văn bản"),
    ("report_streams[0].reports[20]", 46, "mỗi dòng báo cáo phải là một bảng YAML"),
    ("report_streams[1].submit_by.days_before", 50, "days_before phải là số ngày"),
    ("report_streams[1].reports[1].period", 53, "kỳ Y đã có hạn nộp ở report_streams[1].reports[0]"),
    ("report_streams[1].reports[2].submit_by", 54, "hạn đơn vị gửi (2025-04-05) sau hạn cuối của báo cáo (2025-03-15)"),
    ("report_streams[1].reports[3].due_before", 55, "hạn cuối của báo cáo kỳ Q3 (2025-02-28) trước ngày đầu kỳ (2025-07-01)"),
]


def test_every_bad_report_form_is_reported_with_path_line_and_fix():
    with pytest.raises(PlanError) as info:
        load_plan(DATA / "plans" / "bad_streams.yaml")
    problems = {p.location.yaml_path: p for p in info.value.problems}
    for yaml_path, line, words in BAD:
        assert yaml_path in problems, yaml_path
        assert problems[yaml_path].location.line == line, yaml_path
        assert words in problems[yaml_path].message, (yaml_path, problems[yaml_path].message)
        assert problems[yaml_path].hint, yaml_path
    assert len(problems) == len(BAD), sorted(set(problems) - {b[0] for b in BAD})


def test_impossible_date_written_unquoted_is_a_plan_error_with_its_line():
    with pytest.raises(PlanError) as info:
        load_plan(DATA / "plans" / "bad_report_date_unquoted.yaml")
    assert info.value.location.line == 52 and "2025-12-32" in info.value.render()


def test_bad_report_forms_are_explained_in_english_too():
    from reportkit.messages import use_language

    with use_language("en"), pytest.raises(PlanError) as info:
        load_plan(DATA / "plans" / "bad_streams.yaml")
    text = info.value.render()
    assert "an on-request report (period: adhoc) has no deadline" in text
    assert "e.g. submit_by: {days_before: 3}" in text


@pytest.mark.slow
def test_run_of_the_year_report_at_a_january_2026_cutoff(tmp_path):
    from reportkit.jobs.run import run_report

    submissions = january_submissions(tmp_path / "submissions")
    result = run_report("2025", "tong-hop", plan_path=PLAN, as_of="2026-01-10", submissions=submissions,
                        output=tmp_path / "out", formats="html")
    assert result.ok, result.error
    html = (result.out_dir / result.files["html"]).read_text(encoding="utf-8")
    assert "năm 2025" in html and "10/01/2026" in html


def test_report_is_dated_in_the_year_of_its_last_day(plan):
    from reportkit.periods import DueReport, parse_period
    from reportkit.report.document import render_header

    january = find_report(plan, "2025", "tong-hop")  # last day 14/01/2026
    assert "năm 2026" in render_header(plan, january)
    new_year = DueReport(january.stream, parse_period("2025"), D(2026, 1, 1))  # "trước ngày 01/01 năm sau"
    assert "năm 2025" in render_header(plan, new_year) and "năm 2026" not in render_header(plan, new_year)


@pytest.mark.slow
def test_january_batch_builds_the_year_report_and_lists_it_in_the_index(tmp_path):
    from reportkit.jobs.batch import Organisation, run_batch

    submissions = january_submissions(tmp_path / "submissions")
    summary = run_batch([Organisation("", str(PLAN), str(submissions))], year=2025, through=D(2026, 1, 20),
                        output=tmp_path / "out", periods=["2025"], streams=["tong-hop"], workers=1, quiet=True)
    assert [(r.key, r.state) for r in summary.results] == [("2025/tong-hop", "built")], summary.results
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "trước ngày 15/01/2026" in index
