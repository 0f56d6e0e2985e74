"""The plan YAML: faithful to the seed, and every bad plan gets a clear message."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from reportkit.errors import PlanError
from reportkit.messages import use_language
from reportkit.plan.load import DueRule, load_plan, parse_time_frame

from .conftest import DATA, PLAN_PATH, ROOT

SEED = ROOT / "data" / "plan" / "seed-2024-ke-hoach-dan-van-dan-chu.txt"


def _seed_text() -> str:
    """The seed as one line of NFC text, with line-wrap hyphens re-joined."""
    out = ""
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        out += line if (out.endswith("-") and not out.endswith(" -")) else " " + line
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", out))


def _all_strings(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _all_strings(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _all_strings(v, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def test_plan_texts_occur_verbatim_in_the_seed():
    raw = yaml.safe_load(PLAN_PATH.read_text(encoding="utf-8"))
    seed = _seed_text()
    checked = 0
    for key in ("basis", "purposes", "sections", "tasks", "responsibilities", "closing", "recipients", "signer"):
        for path, text in _all_strings(raw[key], key):
            if path.endswith((".code", ".lead", ".kind")) or re.search(r"\.units\[\d+\]$", path):
                continue
            assert text in seed, f"{path}: {text[:60]!r} is not in the seed"
            checked += 1
    assert checked >= 40


def test_plan_text_is_nfc():
    text = PLAN_PATH.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_plan_has_every_item_and_task_of_the_seed(plan):
    assert plan.task_codes == [
        "II.1.a", "II.1.b", "II.1.c", "II.1.d", "II.1.đ", "II.1.e", "II.1.g",
        "II.2.a", "II.2.b", "II.2.c", "II.2.d", "II.2.đ",
        "III.1", "III.2", "III.3", "III.4", "III.5", "III.6", "III.7", "III.8",
    ]
    assert plan.task("II.1.d").text != plan.task("II.1.đ").text
    assert plan.task("II.1.đ").text.startswith("Thực hiện nghiêm trách nhiệm tiếp công dân")


def test_plan_due_rules_match_the_seed_time_frames(plan):
    due = {t.code: t.due for t in plan.tasks if t.kind == "task"}
    assert due["III.1"] == DueRule("continuous")
    for code in ("III.2", "III.3", "III.4", "III.5"):
        assert due[code] == DueRule("quarter", quarter=1)
    assert due["III.6"] == DueRule("months", months=(6, 12))
    assert due["III.7"] == DueRule("external")
    assert due["III.8"] == DueRule("quarter", quarter=3)
    assert plan.task("III.7").time_frame == "Theo kế hoạch của cấp trên"


def test_plan_units_leads_signer_and_recipients(plan):
    assert plan.unit_codes == ["lanh-dao", "hcth", "tv-gtvl", "tt-tttld", "bhtn"]
    assert [u.sample for u in plan.units] == [False, False, True, True, True]
    for code in ("III.2", "III.3", "III.4", "III.5", "III.6", "III.8"):
        assert plan.task(code).lead == "hcth"
    for code in ("III.1", "III.7", "II.1.a", "II.2.đ"):
        assert set(plan.task(code).units) == set(plan.unit_codes)
    assert (plan.signer_title, plan.signer_name) == ("GIÁM ĐỐC", "Vũ Quang Khải")
    assert plan.recipients[0] == "Sở LĐ -TBXH (b/c);"
    assert plan.issuer_name == "Trung tâm Dịch vụ việc làm"
    assert plan.superior_name == "Sở Lao động - Thương binh và Xã hội tỉnh Sơn La"
    assert "Kế hoạch số 29/KH-SLĐTBXH ngày 06/02/2024" in plan.basis


@pytest.mark.parametrize(
    "text, quarter_or_months",
    [
        ("quý I, năm 2024", DueRule("quarter", quarter=1)),
        ("Quý III năm 2024", DueRule("quarter", quarter=3)),
        ("quý 4", DueRule("quarter", quarter=4)),
        ("tháng 6, tháng 12 năm 2024", DueRule("months", months=(6, 12))),
        ("tháng 9", DueRule("months", months=(9,))),
        ("thường xuyên trong năm 2024", DueRule("continuous")),
        ("Thường xuyên", DueRule("continuous")),
        ("Theo kế hoạch của cấp trên", DueRule("external")),
        ("trước ngày 15/08/2024", DueRule("date", on=dt.date(2024, 8, 15), exclusive=True)),
        ("THEO KE HOACH CUA CAP TREN", DueRule("external")),
    ],
)
def test_time_frame_forms_parse_to_due_rules(text, quarter_or_months):
    assert parse_time_frame(text, 2024) == quarter_or_months


@pytest.mark.parametrize("text", ["sớm nhất có thể", "quý V", "tháng 13", "tháng 12, tháng 6", "31/02/2024", ""])
def test_unknown_time_frames_are_not_guessed(text):
    assert parse_time_frame(text, 2024) is None


def test_due_rule_milestones_give_deadlines():
    assert [m.deadline for m in DueRule("quarter", quarter=1).milestones(2024)] == [dt.date(2024, 3, 31)]
    assert [m.deadline for m in DueRule("quarter", quarter=3).milestones(2024)] == [dt.date(2024, 9, 30)]
    ms = DueRule("months", months=(6, 12)).milestones(2024)
    assert [(m.key, m.deadline) for m in ms] == [("T6", dt.date(2024, 6, 30)), ("T12", dt.date(2024, 12, 31))]
    assert DueRule("months", months=(2,)).milestones(2024)[0].deadline == dt.date(2024, 2, 29)
    assert DueRule("months", months=(2,)).milestones(2025)[0].deadline == dt.date(2025, 2, 28)
    assert DueRule("external").milestones(2024)[0].deadline is None
    assert DueRule("external").milestones(2024, dt.date(2024, 8, 15))[0].deadline == dt.date(2024, 8, 15)
    assert DueRule("continuous").milestones(2024)[0].deadline is None


def test_minimal_plan_loads_every_due_kind():
    plan = load_plan(DATA / "plans" / "minimal.yaml")
    assert [t.due.kind for t in plan.tasks if t.kind == "task"] == ["continuous", "quarter", "months", "external", "date"]
    assert plan.task("II.1.d") != plan.task("II.1.đ")


# (YAML path, part of the message in Vietnamese, the same part in English)
BAD_PLANS = {
    "bad_missing_year.yaml": ("year", "thiếu trường bắt buộc 'year'", "missing required field 'year'"),
    "bad_duplicate_task_code.yaml": ("tasks[2].code", "mã 'III.2' bị trùng", "duplicate code 'III.2'"),
    "bad_unknown_time_frame.yaml": ("tasks[1].time_frame", "không hiểu thời gian thực hiện 'sớm nhất có thể'",
                                    "unknown time frame 'sớm nhất có thể'"),
    "bad_impossible_date.yaml": ("tasks[4].time_frame", "có ngày không tồn tại", "impossible date"),
    "bad_impossible_due_before.yaml": ("report_streams[0].reports[1].due_before.day", "ngày trong tháng không tồn tại",
                                       "impossible day of month"),
    "bad_mistyped_values.yaml": ("tasks[1].text", "'text' phải là văn bản, không phải số nguyên",
                                 "'text' must be text, not int"),
    "bad_unknown_unit.yaml": ("tasks[2].lead", "không có đơn vị 'c'", "unknown unit 'c'"),
    "bad_unit_not_text.yaml": ("tasks[1].units[0]", "không có đơn vị", "unknown unit"),
    "bad_due_contradicts_time_frame.yaml": ("tasks[1].due", "mâu thuẫn với time_frame", "contradicts time_frame"),
    "bad_duplicate_key.yaml": ("title", "khoá 'title' bị ghi hai lần", "duplicate key 'title'"),
    "bad_not_yaml.yaml": (None, "không phải YAML hợp lệ", "not valid YAML"),
    "bad_code_not_text.yaml": ("code", "'code' phải là văn bản, không phải số nguyên", "'code' must be text, not int"),
    "bad_streams.yaml": ("report_streams[0].reports[13].due_by", "không có hạn nộp, nhưng có 'due_by'",
                         "has no deadline, but 'due_by' is given"),  # every other line: tests/test_streams.py
    "bad_report_date_unquoted.yaml": (None, "ngày 2025-12-32 không tồn tại", "the date 2025-12-32 does not exist"),
    "bad_responsibilities_not_a_list.yaml": ("responsibilities",
                                             "'responsibilities' phải là danh sách, không phải giá trị true/false",
                                             "'responsibilities' must be a list, not bool"),
}


def test_every_bad_plan_fixture_has_an_expectation():
    found = {p.name for p in (DATA / "plans").glob("bad_*.yaml")}
    assert found == set(BAD_PLANS)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", sorted(BAD_PLANS))
def test_bad_plan_gives_one_clear_message_with_file_path_and_line(name, lang):
    yaml_path, message_vi, message_en = BAD_PLANS[name]
    message = message_en if lang == "en" else message_vi
    path = DATA / "plans" / name
    with use_language(lang), pytest.raises(PlanError) as info:
        load_plan(path)
    err = info.value
    problems = err.problems or [err]
    match = [p for p in problems if message in p.message]
    assert match, err.render()
    problem = match[0]
    assert problem.path == str(path)
    assert problem.location.line is not None and problem.location.line > 1
    if yaml_path:
        assert problem.location.yaml_path == yaml_path
    with use_language(lang):
        rendered = err.render()
    assert str(path) in rendered and ("Fix:" if lang == "en" else "Cách sửa:") in rendered


def test_bad_plan_messages_in_english_are_unchanged():
    with use_language("en"), pytest.raises(PlanError) as info:
        load_plan(DATA / "plans" / "bad_mistyped_values.yaml")
    assert [(p.message, p.hint) for p in info.value.problems] == [
        ("'text' must be text, not int", "write text for 'text' (quote text in \"…\")"),
        ("must be a list of unit codes", "e.g. [hcth, lanh-dao]"),
    ]
    assert info.value.message == "invalid plan: 2 problems"


def test_mistyped_plan_reports_every_problem_at_once():
    with pytest.raises(PlanError) as info:
        load_plan(DATA / "plans" / "bad_mistyped_values.yaml")
    paths = {p.location.yaml_path for p in info.value.problems}
    assert {"tasks[1].text", "tasks[1].units"} <= paths


def test_missing_plan_file_is_a_clear_error(tmp_path):
    with pytest.raises(PlanError, match="không tìm thấy tệp kế hoạch"):
        load_plan(tmp_path / "nope.yaml")


def test_error_examples_quoted_in_the_plan_docs_are_what_the_cli_prints(capsys, monkeypatch):
    from reportkit.cli import main

    monkeypatch.chdir(ROOT)  # the docs quote the path relative to the project
    docs = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    for argv in (["calendar"], ["--lang", "en", "calendar"]):
        assert main([*argv, "--plan", "tests/data/plans/bad_mistyped_values.yaml", "--year", "2025"]) == 3
        err = capsys.readouterr().err
        assert err.strip() and err.strip() in docs
