"""``reportkit plan show`` and ``plan list``: the plan as reportkit understands it, checked by hand against the seed."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from reportkit.cli import main

from .conftest import DATA, PLAN_PATH

SCHEMA = json.loads((DATA / "plan_show.schema.json").read_text(encoding="utf-8"))
CONTENT_CODES = ["II.1.a", "II.1.b", "II.1.c", "II.1.d", "II.1.đ", "II.1.e", "II.1.g",
                 "II.2.a", "II.2.b", "II.2.c", "II.2.d", "II.2.đ"]
ALL_UNITS = ["lanh-dao", "hcth", "tv-gtvl", "tt-tttld", "bhtn"]
# Section III of data/plan/seed-2024-ke-hoach-dan-van-dan-chu.txt, read by hand: code → (time frame, kind, dates).
SEED_TASK_DUES = {
    "III.1": ("thường xuyên trong năm 2024", "continuous", []),
    "III.2": ("quý I, năm 2024", "date", ["2024-03-31"]),
    "III.3": ("quý I, năm 2024", "date", ["2024-03-31"]),
    "III.4": ("quý I, năm 2024", "date", ["2024-03-31"]),
    "III.5": ("quý I, năm 2024", "date", ["2024-03-31"]),
    "III.6": ("tháng 6, tháng 12 năm 2024", "milestones", ["2024-06-30", "2024-12-31"]),
    "III.7": ("Theo kế hoạch của cấp trên", "external", []),
    "III.8": ("quý III, năm 2024", "date", ["2024-09-30"]),
}
# Section IV.1 of the seed: dân chủ quý I trước 01/3, 6 tháng trước 26/5, 9 tháng trước 01/9, năm trước 20/11;
# dân vận tháng trước ngày 10, quý trước ngày 13 của tháng cuối quý, 6 tháng trước 20/5, năm trước 20/11.
SEED_REPORTS = (
    [("dan-chu", "2024-Q1", "2024-03-01"), ("dan-chu", "2024-H1", "2024-05-26"), ("dan-chu", "2024-9M", "2024-09-01"),
     ("dan-chu", "2024", "2024-11-20"), ("dan-van", "2024-H1", "2024-05-20"), ("dan-van", "2024", "2024-11-20")]
    + [("dan-van", f"2024-M{m:02d}", f"2024-{m:02d}-10") for m in range(1, 13)]
    + [("dan-van", f"2024-Q{q}", f"2024-{3 * q:02d}-13") for q in range(1, 5)]
)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def shown():
    from reportkit.plan.load import load_plan
    from reportkit.plandoc.describe import describe_plan

    return describe_plan(load_plan(PLAN_PATH))


def test_seed_plan_json_is_valid_against_the_schema(capsys):
    code, out, _ = run(capsys, "plan", "show", str(PLAN_PATH), "--format", "json")
    assert code == 0
    jsonschema.validate(json.loads(out), SCHEMA)


def test_schema_refuses_a_changed_interface(shown):
    broken = {**shown, "tasks": [{**shown["tasks"][0], "lead": "hcth"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**shown, "extra": 1}, SCHEMA)


def test_seed_plan_organisation_year_and_units(shown):
    assert shown["organisation"] == "Trung tâm Dịch vụ việc làm" and shown["year"] == 2024
    assert [u["code"] for u in shown["units"]] == ALL_UNITS
    assert shown["units"][1] == {"code": "hcth", "name": "Phòng Hành chính – Tổng hợp",
                                 "aliases": ["HCTH", "Hành chính – Tổng hợp", "Hành chính tổng hợp"]}


def test_seed_plan_has_its_content_items_then_its_eight_tasks_with_hand_checked_dues(shown):
    tasks = {task["code"]: task for task in shown["tasks"]}
    assert list(tasks) == CONTENT_CODES + list(SEED_TASK_DUES)
    for code, (time_frame, kind, dates) in SEED_TASK_DUES.items():
        assert (tasks[code]["time_frame"], tasks[code]["due"]) == (time_frame, {"kind": kind, "dates": dates}), code
    assert tasks["III.2"]["text"] == "Tổ chức Hội nghị viên chức, người lao động năm 2024"


def test_seed_plan_leads_and_support(shown):
    tasks = {task["code"]: task for task in shown["tasks"]}
    assert all(tasks[c]["lead"] == ["hcth"] for c in SEED_TASK_DUES)
    assert tasks["III.1"]["support"] == ["lanh-dao", "tv-gtvl", "tt-tttld", "bhtn"]
    assert tasks["III.2"]["support"] == ["lanh-dao"]
    # a content item is carried by every unit on its own: each is its lead
    assert tasks["II.1.đ"]["lead"] == ALL_UNITS and tasks["II.1.đ"]["support"] == []
    assert tasks["II.1.đ"]["due"] == {"kind": "continuous", "dates": []}


def test_seed_plan_has_the_22_reports_of_its_calendar(shown):
    got = [(r["stream"], r["period"], r["due_before"]) for r in shown["reports"]]
    assert len(got) == 22 and sorted(got) == sorted(SEED_REPORTS)
    assert got == sorted(got, key=lambda r: r[2])  # calendar order: by deadline
    rules = {(r["stream"], r["period"]): r["rule"] for r in shown["reports"]}
    assert rules["dan-chu", "2024-Q1"] == "trước ngày 01/3"  # as the seed writes it
    assert rules["dan-van", "2024-M01"] == "trước ngày 10 của tháng báo cáo"


def test_several_leads_support_unknown_dates_and_adhoc_reports_are_shown(capsys):
    code, out, _ = run(capsys, "plan", "show", str(DATA / "plans" / "hospital-2025.yaml"), "--format", "json")
    shown = json.loads(out)
    assert code == 0
    jsonschema.validate(shown, SCHEMA)
    tasks = {task["code"]: task for task in shown["tasks"]}
    assert tasks["3"]["lead"] == ["noi", "ngoai"] and tasks["3"]["support"] == ["khth", "cong-doan"]
    assert tasks["3"]["due"] == {"kind": "unknown", "dates": []}  # "dịp Tết Nguyên đán" names no date
    assert tasks["4"]["due"] == {"kind": "milestones", "dates": ["2025-03-15", "2025-09-30"]}
    assert tasks["1"]["due"] == {"kind": "date", "dates": ["2025-06-30"]} and tasks["1"]["support"] == ["noi", "ngoai"]
    assert [r["period"] for r in shown["reports"]] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "adhoc"]
    assert shown["reports"][-1] == {"stream": "chat-luong", "period": "adhoc", "due_before": None,
                                    "rule": "báo cáo đột xuất khi có yêu cầu của Sở Y tế"}
    _, out, _ = run(capsys, "plan", "show", str(DATA / "plans" / "hospital-2025.yaml"))
    assert "chủ trì: noi, ngoai · phối hợp: khth, cong-doan · thời gian: dịp Tết Nguyên đán · hạn: chưa xác định" in out


def test_plan_show_table_is_vietnamese_and_names_every_task(capsys):
    code, out, _ = run(capsys, "plan", "show", str(PLAN_PATH))
    assert code == 0
    assert out.startswith("Kế hoạch của Trung tâm Dịch vụ việc làm, năm 2024")
    assert "Đơn vị (5):" in out and "Nhiệm vụ và nội dung (20):" in out and "Báo cáo (22):" in out
    assert "chủ trì: hcth · phối hợp: lanh-dao · thời gian: tháng 6, tháng 12 năm 2024 · hạn: 30/06/2024, 31/12/2024" in out
    assert "hạn: theo cấp trên (chưa có ngày)" in out
    assert "chủ trì: mọi đơn vị, mỗi đơn vị tự thực hiện · thời gian: thường xuyên trong năm 2024" in out
    assert "Traceback" not in out


def test_plan_show_without_a_path_uses_the_only_plan_of_the_project(capsys, monkeypatch, tmp_path):
    (tmp_path / "data" / "plan").mkdir(parents=True)
    shutil.copy(PLAN_PATH, tmp_path / "data" / "plan" / "x.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "plan", "show", "--format", "json")
    assert code == 0 and json.loads(out)["year"] == 2024


def test_plan_show_of_a_broken_plan_is_a_message_not_a_traceback(capsys):
    code, _, err = run(capsys, "plan", "show", str(DATA / "plans" / "bad_unknown_unit.yaml"))
    assert code != 0 and "Traceback" not in err and "bad_unknown_unit.yaml" in err


def test_plan_list_shows_each_plan_and_the_first_error_of_a_broken_one(capsys, tmp_path):
    shutil.copy(PLAN_PATH, tmp_path / "ttdvvl-2024.yaml")
    shutil.copy(DATA / "plans" / "hospital-2025.yaml", tmp_path / "hospital-2025.yaml")
    shutil.copy(DATA / "plans" / "bad_unknown_unit.yaml", tmp_path / "broken.yaml")
    code, out, _ = run(capsys, "plan", "list", "--folder", str(tmp_path), "--format", "json")
    rows = {row["file"].rsplit("/", 1)[-1]: row for row in json.loads(out)["plans"]}
    assert code == 1  # a plan does not load
    assert rows["ttdvvl-2024.yaml"] == {"code": "ttdvvl-dan-van-dan-chu-2024", "year": 2024,
                                        "organisation": "Trung tâm Dịch vụ việc làm",
                                        "title": "Triển khai nhiệm vụ công tác dân vận, dân chủ năm 2024",
                                        "file": str(tmp_path / "ttdvvl-2024.yaml"), "loads": True, "error": ""}
    assert rows["hospital-2025.yaml"]["year"] == 2025 and rows["hospital-2025.yaml"]["loads"]
    assert not rows["broken.yaml"]["loads"] and "broken.yaml" in rows["broken.yaml"]["error"]
    assert "\n" not in rows["broken.yaml"]["error"]
    code, out, _ = run(capsys, "plan", "list", "--folder", str(tmp_path))
    assert "Đơn vị ban hành" in out and "Bệnh viện Đa khoa huyện Mai Sơn" in out and "không: " in out


def test_plan_list_of_an_empty_folder_says_so(capsys, tmp_path):
    code, out, _ = run(capsys, "plan", "list", "--folder", str(tmp_path))
    assert code == 0 and "Không có tệp kế hoạch YAML nào" in out


def test_plan_list_warns_of_two_plans_of_one_year(capsys, tmp_path):
    shutil.copy(DATA / "plans" / "hospital-2025.yaml", tmp_path / "a.yaml")
    shutil.copy(DATA / "plans" / "school-2025.yaml", tmp_path / "b.yaml")
    code, out, err = run(capsys, "plan", "list", "--folder", str(tmp_path))
    assert code == 1 and out.count("2025") >= 2
    assert "Năm 2025 có nhiều kế hoạch" in err and "a.yaml" in err and "b.yaml" in err and "--plan" in err
