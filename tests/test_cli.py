"""The CLI in-process: exit codes, no tracebacks, and the calendar output forms."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest

from reportkit.cli import main

from .conftest import DATA, PLAN_PATH, ROOT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_calendar_json_has_22_reports_with_iso_dates(capsys):
    code, out, _ = run(capsys, "calendar", "--plan", str(PLAN_PATH), "--year", "2024", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 22
    assert rows[2] == {**rows[2], "stream": "dan-chu", "period": "2024-Q1", "due_before": "2024-03-01"}


def test_calendar_csv_with_as_of_has_days_left(capsys):
    code, out, _ = run(capsys, "calendar", "--plan", str(PLAN_PATH), "--as-of", "2024-02-20", "--format", "csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].split(",")[-2:] == ["days_left", "state"]
    assert len(lines) == 23


def test_calendar_table_is_vietnamese(capsys):
    code, out, _ = run(capsys, "calendar", "--plan", str(PLAN_PATH), "--as-of", "20/02/2024")
    assert code == 0
    assert "Hạn nộp" in out and "trước ngày 01/03/2024" in out and "22 báo cáo trong năm 2024." in out


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["calendar", "--plan", "nope.yaml"], "không tìm thấy tệp kế hoạch"),
        (["calendar", "--plan", str(PLAN_PATH), "--as-of", "2024-02-30"], "không phải là ngày hợp lệ"),
        (["calendar", "--plan", str(DATA / "plans" / "bad_missing_year.yaml")], "thiếu trường bắt buộc 'year'"),
    ],
)
def test_bad_input_exits_3_with_message_and_no_traceback(capsys, argv, needle):
    code, out, err = run(capsys, *argv)
    assert code == 3
    assert needle in err
    assert "Traceback" not in err + out


def test_bad_plan_error_is_vietnamese_by_default_and_english_with_lang_en(capsys):
    bad = str(DATA / "plans" / "bad_unknown_unit.yaml")
    code, out, err = run(capsys, "calendar", "--plan", bad, "--year", "2025")
    assert code == 3 and "tasks[2].lead: không có đơn vị 'c'" in err and "Cách sửa: dùng một trong: a, b" in err
    assert "unknown unit" not in err and "Traceback" not in err + out
    code, out, err = run(capsys, "--lang", "en", "calendar", "--plan", bad, "--year", "2025")
    assert code == 3 and "tasks[2].lead: unknown unit 'c'" in err and "Fix: use one of: a, b" in err
    assert "không có đơn vị" not in err and "Traceback" not in err + out


def test_unknown_option_is_a_usage_error_in_the_users_language(capsys):
    code, _, err = run(capsys, "calendar", "--colour")
    assert code == 3 and "Không có tuỳ chọn '--colour'" in err and "Cách dùng: reportkit calendar" in err
    code, _, err = run(capsys, "--lang", "en", "calendar", "--colour")
    assert code == 3 and "No such option '--colour'" in err and "Usage: reportkit calendar" in err


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_console_script_help_starts_without_heavy_imports(lang):
    probe = (
        f"import sys; from reportkit.cli import main; main(['--lang', '{lang}', '--help']);"
        "heavy=[m for m in ('pandas','matplotlib','papermill','nbconvert','openpyxl') if m in sys.modules];"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=ROOT).stdout
    assert "HEAVY []" in out


# ------------------------------------------------------------------ language


COMMANDS = ["calendar", "template", "check", "status", "run", "batch"]


def test_help_is_vietnamese_by_default_and_english_with_the_option(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "Cách dùng: reportkit" in out and "Tuỳ chọn:" in out and "Lệnh:" in out
    assert "Mọi báo cáo kế hoạch yêu cầu trong một năm" in out and "In hướng dẫn này rồi thoát." in out
    code, out, _ = run(capsys, "--lang", "en", "--help")
    assert code == 0 and "Usage: reportkit" in out and "Every report the plan requires in a year" in out
    assert "Show this message and exit." in out


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("lang, words", [("vi", ["Cách dùng:", "Tuỳ chọn:"]), ("en", ["Usage:", "Options:"])])
def test_every_command_help_is_in_one_language(capsys, command, lang, words):
    code, out, _ = run(capsys, "--lang", lang, command, "--help")
    assert code == 0 and all(w in out for w in words)
    other = ["Usage:", "Options:", "Show this message"] if lang == "vi" else ["Cách dùng", "Tuỳ chọn", "mặc định", "In hướng dẫn"]
    assert not [w for w in other if w in out]


def test_reportkit_lang_switches_to_english_but_an_english_system_locale_does_not(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LANGUAGE", "en_US:en")
    monkeypatch.delenv("REPORTKIT_LANG", raising=False)
    assert "Cách dùng:" in run(capsys, "--help")[1]
    monkeypatch.setenv("REPORTKIT_LANG", "en")
    assert "Usage:" in run(capsys, "--help")[1]
    assert "Cách dùng:" in run(capsys, "--lang", "vi", "--help")[1]  # the option wins


def test_an_unknown_language_exits_3_with_the_supported_ones(capsys):
    code, _, err = run(capsys, "--lang", "fr", "--help")
    assert code == 3 and "Ngôn ngữ 'fr' (từ --lang) không được hỗ trợ" in err and "vi" in err and "en" in err


def test_errors_are_framed_in_the_users_language(capsys):
    code, _, err = run(capsys, "template", "--period", "2024-Q1", "--plan", str(PLAN_PATH))
    assert code == 3
    assert err == ("reportkit: lỗi: cần --unit MÃ_ĐƠN_VỊ hoặc --all (một trong hai)\n"
                   "  Cách sửa: ví dụ reportkit template --unit hcth --period 2024-Q1\n")
    code, _, err = run(capsys, "--lang", "en", "template", "--period", "2024-Q1", "--plan", str(PLAN_PATH))
    assert code == 3
    assert err == "reportkit: error: give either --unit UNIT or --all\n  Fix: e.g. reportkit template --unit hcth --period 2024-Q1\n"


def test_the_language_of_one_call_does_not_leak_into_the_next(capsys):
    from reportkit.messages import current_language

    run(capsys, "--lang", "en", "calendar", "--plan", str(PLAN_PATH))
    assert current_language() == "vi"
    assert "Cách dùng:" in run(capsys, "--help")[1]


def test_calendar_table_in_english_has_english_headers(capsys):
    code, out, _ = run(capsys, "--lang", "en", "calendar", "--plan", str(PLAN_PATH), "--as-of", "20/02/2024")
    assert code == 0
    assert out.splitlines()[0].split() == ["Stream", "Period", "Due", "Units", "send", "by", "Data", "cut-off", "Report",
                                           "Deadline", "state"]
    assert "22 reports in 2024." in out


def test_calendar_deadlines_and_their_state_read_in_the_users_language(capsys):
    _, out, _ = run(capsys, "--lang", "en", "calendar", "--plan", str(PLAN_PATH), "--as-of", "20/02/2024")
    q1 = next(line for line in out.splitlines() if "2024-Q1" in line and "dan-chu" in line)
    assert "before 2024-03-01" in q1 and "9 days left" in q1 and "trước" not in out and "còn" not in out
    _, out, _ = run(capsys, "calendar", "--plan", str(PLAN_PATH), "--as-of", "20/02/2024")
    q1 = next(line for line in out.splitlines() if "2024-Q1" in line and "dan-chu" in line)
    assert "trước ngày 01/03/2024" in q1 and "còn 9 ngày" in q1


def test_version_is_in_the_users_language(capsys):
    assert "reportkit, phiên bản " in run(capsys, "--version")[1]
    assert "reportkit, version " in run(capsys, "--lang", "en", "--version")[1]


# ------------------------------------------------------------------ check: identical fixes grouped

MANY = DATA / "check" / "hcth_many_repeats.xlsx"  # 20 rows without a task code (7–26), 3 unknown statuses


def test_check_says_a_repeated_fix_once_with_the_rows_it_concerns(capsys):
    code, out, _ = run(capsys, "check", "--plan", str(PLAN_PATH), str(MANY))
    assert code == 1
    assert "  [CẢNH BÁO] trang tính 'Báo cáo', dòng 7–26, cột A (Mã nhiệm vụ): Dòng không có mã nhiệm vụ" in out
    assert out.count("Nếu đây là nội dung của một nhiệm vụ") == 1
    assert "      Cách sửa (20 dòng): Nếu đây là nội dung của một nhiệm vụ" in out
    assert "dòng 27, 29, cột C (Tình trạng): Tình trạng 'hoãn' không hợp lệ" in out
    assert "dòng 28, cột C (Tình trạng): Tình trạng 'tạm dừng' không hợp lệ" in out
    assert "      Cách sửa (3 dòng): Chọn một trong:" in out and out.count("Chọn một trong:") == 1
    assert "1 tệp, 1 tệp có lỗi; 3 lỗi, 20 cảnh báo." in out


def test_check_in_english_shows_the_english_message_and_fix(capsys):
    code, out, _ = run(capsys, "--lang", "en", "check", "--plan", str(PLAN_PATH), str(MANY))
    assert code == 1
    assert "  [WARNING] sheet 'Báo cáo', rows 7–26, column A (Mã nhiệm vụ): Row without a task code" in out
    assert "      Fix (20 rows): If this text belongs to a task" in out
    assert "  [ERROR] sheet 'Báo cáo', row 28, column C (Tình trạng): Unknown status 'tạm dừng'; row not used." in out
    assert "      Fix (3 rows): Choose one of:" in out
    assert "files: 1, with errors: 1; errors: 3, warnings: 20." in out
    assert "Cách sửa" not in out and "Dòng không có" not in out


def test_a_real_process_ignores_an_english_system_locale(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "LC_ALL": "C.UTF-8", "HOME": str(tmp_path)}

    def help_text(environ):
        return subprocess.run([sys.executable, "-m", "reportkit.cli", "--help"], capture_output=True, text=True,
                              check=False, cwd=ROOT, env=environ).stdout

    assert "Cách dùng: reportkit" in help_text(env)
    assert "Usage: reportkit" in help_text({**env, "REPORTKIT_LANG": "en"})


def test_every_command_and_option_help_comes_from_the_catalogue():
    from reportkit.cli import cli
    from reportkit.cli_language import CatalogueCommand, CatalogueGroup, CatalogueOption
    from reportkit.messages import en, vi

    def walk(group):  # the commands of a group and of its sub-groups (reportkit plan …)
        for c in group.commands.values():
            yield c
            if isinstance(c, click.Group):
                yield from walk(c)

    commands = [cli, *walk(cli)]
    assert all(isinstance(c, (CatalogueCommand, CatalogueGroup)) for c in commands[1:])
    not_catalogued = [f"{c.name} {p.name}" for c in commands for p in c.params
                      if isinstance(p, click.Option) and not isinstance(p, CatalogueOption)]
    assert not_catalogued == [], "use reportkit.cli_language.option(...) with a message id as help"
    ids = [c.__dict__["_help_id"] for c in commands] + [p.__dict__["_help_id"] for c in commands for p in c.params
                                                         if isinstance(p, CatalogueOption) and p.__dict__["_help_id"]]
    assert [i for i in ids if i not in vi.MESSAGES or i not in en.MESSAGES] == []
