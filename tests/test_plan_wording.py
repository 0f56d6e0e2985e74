"""Nothing of the seed in code: organisation wording from the plan, units of any kind, plans chosen by year."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from reportkit.errors import PlanError
from reportkit.plan.load import find_plan, load_plan
from reportkit.plan.model import unit_keys

from .conftest import DATA, PLAN_PATH

HOSPITAL = DATA / "plans" / "hospital-2025.yaml"
SCHOOL = DATA / "plans" / "school-2025.yaml"
SEED_WORDS = ("phòng, bộ phận", "Hành chính", "dân vận", "Nhiệm vụ cụ thể")


def report_html(plan_path, period, stream, tmp_path) -> str:
    """Every part of the period report of ``plan_path`` with no submissions, as one HTML text."""
    from reportkit.report.period import build_report

    (tmp_path / "subs").mkdir()
    report = build_report(period, stream, plan_path=str(plan_path), submissions=str(tmp_path / "subs"))
    parts = (report.header(), report.results(), report.shortcomings(), report.directions(), report.proposals(),
             report.signature(), report.annex())
    return "".join(part.html for part in parts)


def guide_text(plan, unit, period, tmp_path) -> str:
    from openpyxl import load_workbook

    from reportkit.intake.guide import GUIDE_SHEET_NAME
    from reportkit.intake.template import write_template

    path = write_template(plan, unit, period, tmp_path / "t.xlsx")
    return "\n".join(str(c.value) for c in load_workbook(path)[GUIDE_SHEET_NAME]["A"] if c.value)


# -- wording ---------------------------------------------------------------------------------------

def test_seed_plan_keeps_its_own_wording(plan):
    assert plan.wording.units == "các phòng, bộ phận"
    assert plan.wording.coordinator == "Phòng Hành chính – Tổng hợp"
    assert plan.wording.directions.startswith("Tiếp tục thực hiện thường xuyên các nội dung trọng tâm về công tác dân vận")
    assert plan.tasks_section == ("III", "Nhiệm vụ cụ thể") and plan.task("III.2").section == "III"


def test_plan_without_wording_gets_neutral_defaults_and_no_task_section_code():
    plan = load_plan(HOSPITAL)
    assert plan.wording.units == "các đơn vị" and plan.wording.directions == ""
    assert not any(word in plan.wording.coordinator for word in ("Hành chính", "Phòng"))
    assert plan.tasks_section == ("", "") and plan.task("1").section == ""


def test_old_tasks_title_is_read_as_the_task_section_title(tmp_path):
    text = HOSPITAL.read_text(encoding="utf-8").replace("tasks:\n", 'tasks_title: "Nhiệm vụ năm 2025"\ntasks:\n', 1)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert load_plan(tmp_path / "p.yaml").tasks_section == ("", "Nhiệm vụ năm 2025")


def test_school_wording_and_task_section_come_from_its_plan():
    plan = load_plan(SCHOOL)
    assert plan.wording.units == "các phòng, khoa"  # written "Các phòng, khoa": lower-cased for mid-sentence use
    assert plan.wording.units_capitalised == "Các phòng, khoa"
    assert plan.tasks_section == ("II", "Nhiệm vụ trọng tâm năm học") and plan.task("II.1").section == "II"


def test_unknown_wording_key_is_reported_with_its_yaml_path(tmp_path):
    text = SCHOOL.read_text(encoding="utf-8").replace("wording:\n", "wording:\n  unit: \"các khoa\"\n", 1)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(tmp_path / "p.yaml")
    assert "wording.unit" in info.value.render() and "coordinator" in info.value.render()


def test_report_of_a_plan_without_wording_names_no_organisation_and_skips_empty_headings(tmp_path):
    html = report_html(HOSPITAL, "2025-Q2", "chat-luong", tmp_path)
    assert not [word for word in SEED_WORDS if word in html]
    assert "nội dung trọng tâm" not in html  # the hospital's plan has no content items
    headings = re.findall(r"<h3>(\d+)\. ([^<]*)</h3>", html)
    assert [n for n, _ in headings] == ["1", "2", "3"]
    assert headings[1][1] == "Thực hiện các nhiệm vụ cụ thể" and headings[2][1] == "Tình hình báo cáo của các đơn vị"
    assert "căn cứ báo cáo của các đơn vị" in html and "Các đơn vị không có đề xuất, kiến nghị." in html


def test_report_of_a_school_uses_its_collective_noun_and_directions(tmp_path):
    html = report_html(SCHOOL, "2025-H1", "dan-chu", tmp_path)
    assert "căn cứ báo cáo của các phòng, khoa" in html
    assert "Tình hình báo cáo của các phòng, khoa" in html
    assert "Các phòng, khoa tiếp tục thực hiện quy chế dân chủ trong nhà trường theo Kế hoạch." in html
    assert "phòng, bộ phận" not in html and "dân vận" not in html
    assert re.findall(r"<h3>2\. ([^<]*)</h3>", html) == ["Thực hiện các nội dung trọng tâm"]


def test_guide_sheet_names_the_plans_coordinator_or_a_neutral_one(plan, tmp_path):
    seed = guide_text(plan, "hcth", "2024-Q1", tmp_path / "a")
    assert "(Phòng Hành chính – Tổng hợp hỗ trợ)" in seed and "nhiệm vụ và nội dung trọng tâm" in seed
    school = guide_text(load_plan(SCHOOL), "tchc", "2025-M01", tmp_path / "b")
    assert "gửi khi Phòng Tổ chức – Hành chính đề nghị" in school
    hospital = guide_text(load_plan(HOSPITAL), "noi", "2025-Q2", tmp_path / "c")
    assert "Hành chính" not in hospital and "nội dung trọng tâm" not in hospital
    assert "(đơn vị đầu mối tổng hợp báo cáo hỗ trợ)" in hospital
    assert "II.1.d và II.1.đ" in seed and "II.1" not in hospital  # the d/đ example only from the plan's own codes


# -- units of any kind -----------------------------------------------------------------------------

@pytest.mark.parametrize("name, short", [
    ("Khoa Nội", "noi"), ("Phòng Kế hoạch – Tổng hợp", "ke hoach - tong hop"), ("Tổ Dinh dưỡng", "dinh duong"),
    ("Công đoàn cơ sở", "co so"), ("Đoàn Thanh niên", "thanh nien"), ("Ban Thanh tra nhân dân", "thanh tra nhan dan"),
    ("Trung tâm Tin học – Ngoại ngữ", "tin hoc - ngoai ngu"), ("Văn phòng Đảng ủy", "dang uy"), ("Bộ phận Một cửa", "mot cua"),
    ("Trạm Y tế xã Chiềng Mung", "y te xa chieng mung"), ("Đội Quản lý thị trường", "quan ly thi truong"),
])
def test_unit_kind_word_is_stripped_for_matching(name, short):
    assert unit_keys(name)[-1] == short


@pytest.mark.parametrize("name", ["Đoàn", "Ban", "Khoa", "phòng", "phong-noi"])
def test_a_name_that_is_only_a_kind_word_or_a_code_keeps_matching_itself(name):
    assert len(unit_keys(name)) == 1


@pytest.mark.parametrize("plan_path, written, code", [
    (HOSPITAL, "Nội", "noi"), (HOSPITAL, "khoa ngoại", "ngoai"), (HOSPITAL, "Dinh dưỡng", "dinh-duong"),
    (HOSPITAL, "Đoàn", "doan"), (HOSPITAL, "Đào tạo và Chỉ đạo tuyến", "ttyt"), (HOSPITAL, "KHTH", "khth"),
    (SCHOOL, "Sư phạm", "khoa-su-pham"), (SCHOOL, "Toán - Tin", "to-toan"), (SCHOOL, "Thanh tra nhân dân", "ban-ttnd"),
    (SCHOOL, "Tin học – Ngoại ngữ", "tt-tin-hoc"), (SCHOOL, "Thanh niên", "doan-tn"), (SCHOOL, "Công đoàn Trường", "cong-doan"),
])
def test_hospital_and_school_units_match_without_their_kind_word(plan_path, written, code):
    assert load_plan(plan_path).find_unit(written).code == code


def test_two_units_matching_the_same_name_are_an_error_naming_both_yaml_paths():
    with pytest.raises(PlanError) as info:
        load_plan(DATA / "plans" / "colliding_units.yaml")
    text = info.value.render()
    assert "units[1]" in text and "units[0]" in text and "'phong-noi'" in text and "'khoa-noi'" in text


# -- several plans, chosen by year -----------------------------------------------------------------

@pytest.fixture()
def plan_folder(tmp_path):
    """A project folder whose data/plan/ holds the seed's 2024 plan and a hospital's 2025 plan."""
    folder = tmp_path / "data" / "plan"
    folder.mkdir(parents=True)
    shutil.copy(PLAN_PATH, folder / "ttdvvl-2024.yaml")
    shutil.copy(HOSPITAL, folder / "hospital-2025.yaml")
    return folder


def test_find_plan_picks_the_plan_of_the_year_asked_for(plan_folder):
    assert find_plan(plan_folder, 2024).name == "ttdvvl-2024.yaml"
    assert find_plan(plan_folder, 2025).name == "hospital-2025.yaml"


def test_a_lone_plan_is_used_whatever_the_year(tmp_path):
    shutil.copy(HOSPITAL, tmp_path / "only.yaml")
    assert find_plan(tmp_path, 2031).name == "only.yaml"


def test_no_plan_of_the_year_lists_the_plans_and_their_years(plan_folder):
    with pytest.raises(PlanError) as info:
        find_plan(plan_folder, 2026)
    assert "2026" in info.value.message and "hospital-2025.yaml (2025)" in info.value.hint


def test_two_plans_of_one_year_is_an_error_naming_both_files_and_the_fix(plan_folder):
    shutil.copy(HOSPITAL, plan_folder / "hospital-2025-draft.yaml")
    with pytest.raises(PlanError) as info:
        find_plan(plan_folder, 2025)
    assert "hospital-2025.yaml" in info.value.message and "hospital-2025-draft.yaml" in info.value.message
    assert "--plan" in info.value.hint


def test_commands_with_period_or_year_use_that_years_plan_and_plan_wins(plan_folder, monkeypatch, capsys):
    from reportkit.cli import main

    monkeypatch.chdir(plan_folder.parents[1])

    def streams(*argv) -> list[str]:
        assert main(["calendar", *argv, "--format", "json"]) == 0
        return sorted({row["stream"] for row in json.loads(capsys.readouterr().out)})

    assert streams("--year", "2025") == ["chat-luong"]
    assert streams("--year", "2024") == ["dan-chu", "dan-van"]
    assert streams("--plan", "data/plan/ttdvvl-2024.yaml", "--year", "2025") == ["dan-chu", "dan-van"]
    assert main(["template", "--unit", "noi", "--period", "2025-Q2", "-o", "t.xlsx"]) == 0
    assert "Khoa Nội" in capsys.readouterr().out


def test_run_inputs_choose_the_plan_of_the_periods_year(plan_folder):
    from reportkit.params import parse_run_inputs

    project = plan_folder.parents[1]
    (project / "subs").mkdir()
    inputs = parse_run_inputs({"period": "2025-Q2", "stream": "chat-luong", "submissions": "subs"}, base_dir=project)
    assert inputs.plan.code == "bvdk-2025"


def test_without_a_year_the_plan_of_the_current_year_is_used(plan_folder, monkeypatch):
    monkeypatch.setattr("reportkit.plan.locate.this_year", lambda: 2025)
    assert find_plan(plan_folder).name == "hospital-2025.yaml"


def test_several_plans_and_none_of_this_year_ask_for_a_period_year_or_plan(plan_folder, monkeypatch):
    monkeypatch.setattr("reportkit.plan.locate.this_year", lambda: 2031)
    with pytest.raises(PlanError) as info:
        find_plan(plan_folder)
    assert "--plan" in info.value.hint and "ttdvvl-2024.yaml (2024)" in info.value.hint


def test_directions_are_never_an_empty_section(tmp_path):
    from types import SimpleNamespace

    import pandas as pd

    from reportkit.report.sections import render_directions

    plan = load_plan(HOSPITAL)
    status = pd.DataFrame({"kind": ["task"], "is_lead": [True], "status": ["Đã hoàn thành đúng hạn"],
                           "task_code": ["1"], "milestone": [""]})
    html = render_directions(SimpleNamespace(status=status, plan=plan))
    assert html == "<p>Tiếp tục theo dõi, thực hiện các nhiệm vụ theo Kế hoạch.</p>"
