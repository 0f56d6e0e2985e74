"""The message catalogue: both languages complete, Vietnamese by default, the language rule, the error frame."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from reportkit import messages
from reportkit.errors import ParamsError, ReportkitError, WorkbookError
from reportkit.fmt import format_local_number
from reportkit.intake.messages import SEVERITY, make_finding
from reportkit.messages import (
    en,
    en_findings,
    format_fields,
    phrase_fields,
    resolve_language,
    t,
    use_language,
    vi,
    vi_findings,
)
from reportkit.report.check import format_row_ranges

ALL_KEYS = sorted(set(vi.MESSAGES) | set(en.MESSAGES))


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_message_exists_in_both_languages_with_the_same_fields(key):
    assert key in vi.MESSAGES, f"{key} has no Vietnamese text"
    assert key in en.MESSAGES, f"{key} has no English text"
    assert format_fields(vi.MESSAGES[key]) == format_fields(en.MESSAGES[key])


FINDING_CODES = sorted(set(SEVERITY) | set(vi.FINDINGS) | set(en.FINDINGS))


@pytest.mark.parametrize("code", FINDING_CODES)
def test_every_finding_code_has_a_message_and_a_fix_in_both_languages_with_the_same_fields(code):
    assert code in SEVERITY, f"finding {code} has texts but no severity in intake.messages.SEVERITY"
    assert code in vi.FINDINGS, f"finding {code} has no Vietnamese message and fix in messages/vi.py"
    assert code in en.FINDINGS, f"finding {code} has no English message and fix in messages/en.py"
    (message_vi, fix_vi), (message_en, fix_en) = vi.FINDINGS[code], en.FINDINGS[code]
    assert all(text.strip() for text in (message_vi, fix_vi, message_en, fix_en))
    assert format_fields(message_vi) == format_fields(message_en)
    assert format_fields(fix_vi) == format_fields(fix_en)


def test_no_finding_field_is_named_for_one_language_only():
    fields = {name for pair in (*vi.FINDINGS.values(), *en.FINDINGS.values()) for text in pair
              for name in format_fields(text)}
    assert [name for name in fields if name.endswith(("_vi", "_en"))] == []


def test_a_field_whose_value_differs_by_language_is_filled_from_its_en_twin(tmp_path):
    finding = make_finding("unknown_task_code", tmp_path / "x.xlsx", row=9, value="III.99", task="III.99", codes="III.1",
                           **phrase_fields("suggest", "finding.suggest", code="III.1"))
    assert finding.message == "Mã nhiệm vụ 'III.99' không có trong kế hoạch (có phải 'III.1'?); dòng không được dùng."
    assert finding.message_en == "Task code 'III.99' is not in the plan (did you mean 'III.1'?); row not used."
    assert (finding.fix, finding.fix_en) == ("Dùng một trong các mã: III.1.", "Use one of the codes: III.1.")
    assert finding.severity == SEVERITY["unknown_task_code"]


def test_click_translations_keep_clicks_fields():
    for msgid, text in vi.CLICK.items():
        assert format_fields(text) == format_fields(msgid), msgid
        assert ("%(" in text) == ("%(" in msgid), msgid


def test_every_text_is_nfc():
    findings = [text for pair in (*vi.FINDINGS.values(), *en.FINDINGS.values()) for text in pair]
    texts = [*vi.MESSAGES.values(), *vi.CLICK.values(), *en.MESSAGES.values(), *findings]
    assert all(unicodedata.is_normalized("NFC", s) for s in texts)


def test_every_vietnamese_text_that_differs_from_the_english_one_has_its_diacritics():
    unaccented = [key for key, text in vi.MESSAGES.items() if text != en.MESSAGES[key] and text.isascii()]
    unaccented += [code for code, pair in vi.FINDINGS.items() for text in pair if text.isascii()]
    assert unaccented == []


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({}, "vi"),
        ({"LANG": "C"}, "vi"),  # cron
        ({"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en_US:en"}, "vi"),  # many VN servers
        ({"REPORTKIT_LANG": "en"}, "en"),
        ({"REPORTKIT_LANG": "en_GB.UTF-8"}, "en"),
        ({"REPORTKIT_LANG": "VI"}, "vi"),
        ({"REPORTKIT_LANG": "  "}, "vi"),
    ],
)
def test_only_reportkit_lang_or_the_option_switches_to_english_never_the_system_locale(environ, expected):
    assert resolve_language(None, environ) == expected


def test_the_option_wins_over_the_environment():
    assert resolve_language("vi", {"REPORTKIT_LANG": "en"}) == "vi"
    assert resolve_language("en", {"REPORTKIT_LANG": "vi"}) == "en"


@pytest.mark.parametrize("option, environ, source", [("fr", {}, "--lang"), (None, {"REPORTKIT_LANG": "de"}, "REPORTKIT_LANG")])
def test_an_unknown_language_is_refused_naming_where_it_came_from(option, environ, source):
    with pytest.raises(messages.UnknownLanguageError) as info:
        resolve_language(option, environ)
    assert source in str(info.value) and info.value.source == source


def test_lookup_fills_fields_in_the_current_language_and_the_block_restores_it(monkeypatch):
    monkeypatch.delenv("REPORTKIT_LANG", raising=False)
    assert t("calendar.total", n=22, year=2024) == "22 báo cáo trong năm 2024."
    with use_language("en"):
        assert t("calendar.total", n=22, year=2024) == "22 reports in 2024."
    assert messages.current_language() == "vi"


def test_reportkit_lang_sets_the_language_of_the_python_api_too(monkeypatch):
    monkeypatch.setenv("REPORTKIT_LANG", "en")
    assert t("check.error") == "ERROR"
    monkeypatch.setenv("REPORTKIT_LANG", "klingon")  # invalid: the API falls back to Vietnamese, the CLI refuses
    assert t("check.error") == "LỖI"


def test_numbers_follow_the_language():
    with use_language("vi"):
        assert format_local_number(1234.56, 1) == "1.234,6"
    with use_language("en"):
        assert format_local_number(1234.56, 1) == "1,234.6"


def test_error_frame_is_vietnamese_by_default_and_english_on_request():
    error = WorkbookError("bad cell", path="a.xlsx", sheet="Báo cáo", row=5, column="C", value="x", hint="fix it")
    with use_language("vi"):
        assert error.render() == "a.xlsx, trang tính 'Báo cáo', dòng 5, cột C: bad cell (giá trị: 'x')\n  Cách sửa: fix it"
    with use_language("en"):
        assert error.render() == "a.xlsx, sheet 'Báo cáo', row 5, column C: bad cell (value: 'x')\n  Fix: fix it"


def test_sub_problems_are_rendered_in_the_same_frame():
    error = ReportkitError("2 problems", problems=[ReportkitError("first", row=3, hint="a"), ReportkitError("second")])
    with use_language("vi"):
        assert error.render() == "2 problems\n  - dòng 3: first\n      Cách sửa: a\n  - second"


def test_findings_carry_an_english_fix_with_its_fields_filled(tmp_path):
    finding = make_finding("unknown_status", tmp_path / "x.xlsx", row=7, value="hoãn", accepted="Đã hoàn thành")
    assert finding.fix == "Chọn một trong: Đã hoàn thành."
    assert finding.fix_en == "Choose one of: Đã hoàn thành."


def test_the_english_fix_survives_the_intake_cache(tmp_path):
    from reportkit.intake.cache import submission_from_data, submission_to_data
    from reportkit.intake.model import Submission

    finding = make_finding("bad_progress", tmp_path / "x.xlsx", row=9, value="nhiều")
    sub = Submission(path=tmp_path / "x.xlsx", unit="hcth", report_date=None, findings=[finding])
    (back,) = submission_from_data(submission_to_data(sub), tmp_path / "x.xlsx").findings
    assert back.fix_en == "Write a number from 0 to 100, e.g. 75 or 75%." and back == finding


@pytest.mark.parametrize(
    "rows, text",
    [([5], "5"), ([5, 6, 7], "5–7"), ([9, 5, 6, 7, 12, 13, 6], "5–7, 9, 12–13"), ([], ""), ([3, 5], "3, 5")],
)
def test_row_numbers_are_shown_as_ranges(rows, text):
    assert format_row_ranges(rows) == text


def test_the_batch_progress_line_is_in_the_users_language(capsys):
    from reportkit.jobs.batch import JobResult, _Progress

    with use_language("vi"):
        _Progress(2).update(JobResult("2024-Q1/dan-chu", "built", 1.25))
        _Progress(2).update(JobResult("2024-Q1/dan-van", "failed", 0.0, "quá thời gian\nchi tiết"))
    with use_language("en"):
        _Progress(1).update(JobResult("2024-Q1/dan-chu", "skipped", 0.0))
    assert capsys.readouterr().err.splitlines() == [
        "[1/2] 2024-Q1/dan-chu: đã lập (1,3 giây)",
        "[1/2] 2024-Q1/dan-van: lỗi (0,0 giây) - quá thời gian",
        "[1/1] 2024-Q1/dan-chu: unchanged (0.0 s)",
    ]


def test_run_input_errors_are_vietnamese_by_default_and_english_on_request():
    from reportkit.errors import PeriodError
    from reportkit.periods import parse_period

    with use_language("vi"), pytest.raises(PeriodError) as vietnamese:
        parse_period("2024-Q5")
    with use_language("en"), pytest.raises(PeriodError) as english:
        parse_period("2024-Q5")
    assert vietnamese.value.message == "mã kỳ báo cáo '2024-Q5' không hợp lệ"
    assert vietnamese.value.hint.startswith("ghi theo một trong các dạng: YYYY-M01")
    assert english.value.message == "unknown period '2024-Q5'"
    assert english.value.hint.startswith("write one of: YYYY-M01")


def test_several_bad_run_inputs_are_summed_up_in_the_users_language(tmp_path):
    from reportkit.params import check_deadlines
    from reportkit.plan.load import load_plan

    plan = load_plan()
    bad = {"III.9": "2024-08-15", "III.7": "31/06/2024"}
    with use_language("vi"), pytest.raises(ParamsError) as vietnamese:
        check_deadlines(bad, plan)
    with use_language("en"), pytest.raises(ParamsError) as english:
        check_deadlines(bad, plan)
    assert vietnamese.value.message == "tham số báo cáo không hợp lệ: 2 lỗi"
    assert [p.message for p in vietnamese.value.problems] == [
        "'deadlines' ghi mã nhiệm vụ 'III.9' không có trong kế hoạch", "'deadlines.III.7' không phải là ngày hợp lệ"]
    assert english.value.message == "invalid report parameters: 2 problems"
    assert english.value.problems[0].hint == "tasks that take a deadline here: III.7"


@pytest.mark.parametrize("module", [vi, en, vi_findings, en_findings])
def test_no_message_id_is_written_twice_in_a_catalogue(module):
    import ast
    from pathlib import Path

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_the_intake_cache_is_keyed_on_the_finding_texts_too():
    from reportkit.intake.cache import reader_sources

    names = {(p.parent.name, p.name) for p in reader_sources() if p.is_file()}
    assert {("messages", "vi_findings.py"), ("messages", "en_findings.py"), ("messages", "vi.py")} <= names


def test_plan_message_ids_are_not_also_in_the_main_catalogue():
    # vi.py/en.py take PLAN_MESSAGES with dict.update: an id in both files would silently lose one text
    from reportkit.messages import en_plan, vi_plan

    for name, part in (("vi.py", vi_plan.PLAN_MESSAGES), ("en.py", en_plan.PLAN_MESSAGES)):
        source = (Path(vi_plan.__file__).parent / name).read_text(encoding="utf-8")
        assert [key for key in part if f'"{key}":' in source] == [], name
        assert all(messages.CATALOGUES[name[:2]][key] == text for key, text in part.items())
