"""The CLI in-process: exit codes, no tracebacks, and the calendar output forms."""

from __future__ import annotations

import json
import subprocess
import sys

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
        (["calendar", "--plan", "nope.yaml"], "plan file not found"),
        (["calendar", "--plan", str(PLAN_PATH), "--as-of", "2024-02-30"], "not a valid date"),
        (["calendar", "--plan", str(DATA / "plans" / "bad_missing_year.yaml")], "missing required field 'year'"),
    ],
)
def test_bad_input_exits_3_with_message_and_no_traceback(capsys, argv, needle):
    code, out, err = run(capsys, *argv)
    assert code == 3
    assert needle in err
    assert "Traceback" not in err + out


def test_unknown_option_is_a_usage_error(capsys):
    code, _, err = run(capsys, "calendar", "--colour")
    assert code == 3 and "No such option" in err


def test_console_script_help_starts_without_heavy_imports():
    probe = (
        "import sys; from reportkit.cli import main; main(['--help']);"
        "heavy=[m for m in ('pandas','matplotlib','papermill','nbconvert','openpyxl') if m in sys.modules];"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT).stdout
    assert "HEAVY []" in out
