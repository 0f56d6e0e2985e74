"""Reading department workbooks: every fixture under tests/data/workbooks reads as its name says.

File names are the contract: ``ok_*`` reads without errors, ``warn_<code>*``
gives that warning and no error, ``bad_<code>*`` gives that error. A new file
in the folder is a new test; expected.yaml says what the rows must hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.intake import reader as intake
from reportkit.intake import sniff
from reportkit.intake.cellvalues import cell_text, parse_date, parse_progress, parse_status
from reportkit.errors import SubmissionsError
from reportkit.intake.reader import read_submissions, read_workbook
from reportkit.intake.legacy import has_telltale
from reportkit.intake.model import DONE, ERROR, IN_PROGRESS, NOT_STARTED, WARNING
from reportkit.text import clean_text

from .conftest import DATA, ROOT

WORKBOOKS = DATA / "workbooks"
EXPECTED = yaml.safe_load((WORKBOOKS / "expected.yaml").read_text(encoding="utf-8"))
SAMPLES = ROOT / "data" / "submissions" / "2024"
FIXTURES = sorted(p for p in WORKBOOKS.iterdir() if p.suffix.lower() in intake.EXTENSIONS)
_NAME_RE = re.compile(r"^(ok|warn|bad)_([a-z0-9_]+?)(?:__.*)?$")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kind_and_code(path: Path) -> tuple[str, str]:
    m = _NAME_RE.match(path.stem)
    assert m, f"fixture {path.name} must be named ok_*, warn_<code>* or bad_<code>*"
    return m.group(1), m.group(2)


# ------------------------------------------------------------------ the fixture folder


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_workbook_fixture_reads_as_its_name_says(path, plan):
    kind, code = kind_and_code(path)
    before = sha256(path)
    sub = read_workbook(path, plan)
    assert sha256(path) == before, "read_workbook must never modify its input"
    errors = [f for f in sub.findings if f.severity == ERROR]
    warnings = [f for f in sub.findings if f.severity == WARNING]
    if kind == "ok":
        assert not errors, [f.message for f in errors]
        assert sub.unit and sub.report_date and sub.rows
    elif kind == "warn":
        assert not errors, [f.message for f in errors]
        assert code in {f.code for f in warnings}, [f.code for f in sub.findings]
    else:
        assert code in {f.code for f in errors}, [f.code for f in sub.findings]


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_every_finding_names_where_what_and_how_to_fix(path, plan):
    sub = read_workbook(path, plan)
    for f in sub.findings:
        assert f.severity in (ERROR, WARNING)
        assert f.code in intake.SEVERITY
        assert f.path == str(path)
        for text in (f.message, f.message_en, f.fix):
            assert text and "{" not in text and "}" not in text
            assert unicodedata.is_normalized("NFC", text)
        if f.row is not None:
            assert f.row >= 1 and f.sheet
        if f.column:
            assert re.match(r"^[A-Z]{1,3}( \(.+\))?$", f.column), f.column


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_rows_come_out_nfc_with_codes_from_the_plan(path, plan):
    sub = read_workbook(path, plan)
    for row in sub.rows:
        assert row.task_code in plan.task_codes
        assert row.status in (None, NOT_STARTED, IN_PROGRESS, DONE)
        assert row.progress is None or 0 <= row.progress <= 100
        assert row.source_row >= 1 and row.sheet == sub.sheet
        for text in (row.result, row.difficulties, row.proposals, row.note):
            assert unicodedata.is_normalized("NFC", text)
            assert not has_telltale(text), f"legacy-encoded text reached the rows: {text!r}"


@pytest.mark.parametrize("name", sorted(k for k in EXPECTED if not k.startswith("_")))
def test_workbook_fixture_rows_match_expected_yaml(name, plan):
    path = WORKBOOKS / name
    assert path.exists(), f"expected.yaml names a missing fixture: {name}"
    want = EXPECTED[name]
    sub = read_workbook(path, plan)
    got = {r.task_code: r for r in sub.rows}
    if "unit" in want:
        assert sub.unit == want["unit"]
    if "report_date" in want:
        assert sub.report_date == want["report_date"]
    if "sheet" in want:
        assert sub.sheet == want["sheet"]
    if "rows_count" in want:
        assert len(sub.rows) == want["rows_count"]
    for code in want.get("absent", []):
        assert code not in got
    expected_rows = want.get("rows")
    if expected_rows is not None:
        assert set(got) == set(expected_rows)
    for code, (status, progress, completed_on) in {**(expected_rows or {}), **want.get("rows_include", {})}.items():
        row = got[code]
        assert (row.status, row.progress, row.completed_on) == (status, progress, completed_on), code
    for code, fields in want.get("text", {}).items():
        for field, text in fields.items():
            assert getattr(got[code], field) == text


def test_every_finding_code_is_exercised_by_a_fixture_or_a_test():
    in_fixtures = {kind_and_code(p)[1] for p in FIXTURES if not p.stem.startswith("ok_")}
    tested_here = {"file_not_found", "not_a_file", "file_too_large", "too_many_rows", "duplicate_submission",
                   "duplicate_file", "implausible_date", "unreadable_file", "internal_error",
                   "cell_too_long", "link_outside", "no_task_rows",
                   "completed_date_suspect", "worker_died"}  # tests/test_resource_limits.py, test_paths.py,
    # test_fuzz_workbooks.py, test_intake_dates.py, test_intake_pool.py
    assert set(intake.SEVERITY) <= in_fixtures | tested_here, set(intake.SEVERITY) - in_fixtures - tested_here


def test_fixtures_can_be_rebuilt_by_the_committed_script():
    script = "".join((WORKBOOKS / name).read_text(encoding="utf-8")
                     for name in ("make_workbooks.py", "make_libreoffice.py"))
    for path in FIXTURES:
        assert f'"{path.name}"' in script or f'"{path.stem}' in script or path.name in script, path.name


# ------------------------------------------------------------------ specific behaviours


def test_password_protected_file_says_how_to_remove_the_password(plan):
    sub = read_workbook(WORKBOOKS / "bad_password_protected.xlsx", plan)
    (f,) = sub.findings
    assert f.code == "password_protected" and "mật khẩu" in f.message and "mật khẩu" in f.fix
    assert sub.rows == []


def test_unknown_task_code_lists_valid_codes_and_suggests_the_nearest(plan):
    sub = read_workbook(WORKBOOKS / "bad_unknown_task_code.xlsx", plan)
    f = next(f for f in sub.findings if f.value == "III.9")
    assert "có phải 'III.8'?" in f.message and "did you mean 'III.8'?" in f.message_en
    assert "II.1.đ" in f.fix and "III.8" in f.fix
    assert f.row == 10 and f.column == "A (Mã nhiệm vụ)"


def test_missing_column_lists_the_columns_found(plan):
    sub = read_workbook(WORKBOOKS / "bad_missing_column__task_code.xlsx", plan)
    f = next(f for f in sub.findings if f.code == "missing_column")
    assert "'Mã nhiệm vụ'" in f.message and "'Tình trạng'" in f.message and "'Kết quả thực hiện'" in f.message


def test_no_header_says_what_was_looked_for(plan):
    (f,) = read_workbook(WORKBOOKS / "bad_no_header.xlsx", plan).findings
    assert "20 dòng đầu" in f.message and "'Mã nhiệm vụ'" in f.message and "'Tình trạng'" in f.message


def test_unknown_status_lists_the_accepted_words(plan):
    f = next(f for f in read_workbook(WORKBOOKS / "bad_unknown_status.xlsx", plan).findings)
    assert f.value == "Tạm dừng" and f.column == "C (Tình trạng)" and f.row == 7
    assert "Chưa thực hiện, Đang thực hiện, Đã hoàn thành" in f.fix


def test_unknown_unit_lists_the_plan_units(plan):
    f = next(f for f in read_workbook(WORKBOOKS / "bad_unknown_unit.xlsx", plan).findings)
    for unit in plan.units:
        assert unit.name in f.message


def test_legacy_conversion_warning_names_the_cells_and_shows_an_example(plan):
    sub = read_workbook(WORKBOOKS / "warn_legacy_converted__tcvn3_vntime.xlsx", plan)
    (f,) = [f for f in sub.findings if f.code == "legacy_converted"]
    assert "TCVN3" in f.message and "A1" in f.message and "→ 'Đơn vị:'" in f.message


def test_date_problems_name_the_cell(plan):
    f = next(iter(read_workbook(WORKBOOKS / "bad_impossible_date.xlsx", plan).findings))
    assert (f.row, f.column, f.value) == (8, "E (Ngày hoàn thành)", "31/02/2024")


def test_file_above_the_size_limit_is_refused_before_reading(plan, tmp_path):
    big = tmp_path / "hcth_2024-03-05.xlsx"
    with open(big, "wb") as fh:  # sparse: costs no disk
        fh.truncate(intake.MAX_FILE_BYTES + 1)
    (f,) = read_workbook(big, plan).findings
    assert f.code == "file_too_large" and "20 MB" in f.message


def test_zip_uncompressed_limit_is_checked_before_reading(plan, monkeypatch):
    monkeypatch.setattr(sniff, "MAX_UNCOMPRESSED_BYTES", 10_000)
    (f,) = read_workbook(WORKBOOKS / "ok_blank_rows.xlsx", plan).findings
    assert f.code == "zip_bomb"


def test_sheet_with_too_many_rows_is_refused(plan, monkeypatch):
    monkeypatch.setattr(sniff, "MAX_ROWS", 5)
    sub = read_workbook(WORKBOOKS / "ok_blank_rows.xlsx", plan)
    assert "too_many_rows" in {f.code for f in sub.findings} and sub.rows == []


def test_missing_file_and_folder_paths_give_findings(plan, tmp_path):
    (f,) = read_workbook(tmp_path / "nope.xlsx", plan).findings
    assert f.code == "file_not_found"
    (f,) = read_workbook(tmp_path, plan).findings
    assert f.code == "not_a_file"


def test_read_workbook_never_raises_on_garbage(plan, tmp_path):
    for i, data in enumerate([b"PK\x03\x04" + b"\x00" * 100, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff" * 64]):
        path = tmp_path / f"x{i}.xlsx"
        path.write_bytes(data)
        sub = read_workbook(path, plan)
        assert sub.has_errors and not sub.rows


# ------------------------------------------------------------------ many files


def test_read_submissions_skips_lock_and_hidden_files_and_goes_on_after_bad_ones(plan, tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(WORKBOOKS / "ok_blank_rows.xlsx", tmp_path / "hcth_2024-03-05.xlsx")
    shutil.copy(WORKBOOKS / "bad_corrupt__truncated.xlsx", tmp_path / "sub" / "bhtn_2024-03-05.xlsx")
    shutil.copy(WORKBOOKS / "warn_task_not_assigned.xlsx", tmp_path / "sub" / "tv-gtvl_2024-03-05.xlsx")
    shutil.copy(WORKBOOKS / "ok_blank_rows.xlsx", tmp_path / "~$hcth_2024-03-05.xlsx")
    shutil.copy(WORKBOOKS / "ok_blank_rows.xlsx", tmp_path / ".hidden.xlsx")
    (tmp_path / "notes.txt").write_text("không phải bảng tính")
    subs = read_submissions(tmp_path, plan)
    names = [s.path.name for s in subs]
    assert names == ["hcth_2024-03-05.xlsx", "bhtn_2024-03-05.xlsx", "tv-gtvl_2024-03-05.xlsx"]
    assert [bool(s.rows) for s in subs] == [True, False, True]


def test_read_submissions_on_a_missing_folder_raises(plan, tmp_path):
    with pytest.raises(SubmissionsError) as err:
        read_submissions(tmp_path / "missing", plan)
    assert "không tìm thấy thư mục" in str(err.value) and err.value.hint


def test_two_submissions_of_one_unit_on_one_date_are_both_withheld(plan, tmp_path):
    shutil.copy(WORKBOOKS / "ok_blank_rows.xlsx", tmp_path / "a.xlsx")
    shutil.copy(WORKBOOKS / "ok_status_aliases.xlsx", tmp_path / "b.xlsx")
    subs = read_submissions(tmp_path, plan)
    for sub in subs:
        f = next(f for f in sub.findings if f.code == "duplicate_submission")
        assert "a.xlsx" in f.message and "b.xlsx" in f.message and f.severity == ERROR
        assert sub.rows == []


def test_identical_copies_keep_the_first(plan, tmp_path):
    shutil.copy(WORKBOOKS / "ok_blank_rows.xlsx", tmp_path / "a.xlsx")
    shutil.copy(WORKBOOKS / "ok_blank_rows.xlsx", tmp_path / "a (1).xlsx")
    first, second = sorted(read_submissions(tmp_path, plan), key=lambda s: s.path.name != "a (1).xlsx")
    assert first.path.name == "a (1).xlsx" and first.rows
    assert [f.code for f in second.findings] == ["duplicate_file"] and not second.rows


# ------------------------------------------------------------------ the sample year


def _load_sample_generator():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "data" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["make_samples"]
    return module


@pytest.fixture(scope="module")
def sample_subs(plan):
    return read_submissions(SAMPLES, plan)


def test_sample_submissions_read_with_zero_errors(sample_subs, plan):
    errors = [(s.path.name, f.message) for s in sample_subs for f in s.findings if f.severity == ERROR]
    assert not errors
    assert len(sample_subs) == 104
    assert {s.unit for s in sample_subs} == set(plan.unit_codes)
    assert {s.path.suffix for s in sample_subs} == {".xlsx", ".xls", ".ods"}


def test_sample_submissions_read_back_exactly_as_generated(sample_subs, plan):
    """Messy files included (NFD, text dates, TCVN3, .xls, .ods, merged titles): the story comes back intact."""
    gen = _load_sample_generator()
    by_name = {s.path.name: s for s in sample_subs}
    for unit, day, due, period in gen.schedule(plan):
        form = gen.MESSY.get((unit, due), "canonical")
        sub = by_name[f"{unit}_{day.isoformat()}{gen.SUFFIX.get(form, '.xlsx')}"]
        assert (sub.unit, sub.report_date) == (unit, day)
        got = {r.task_code: r for r in sub.rows}
        for code, row in gen.unit_rows(plan, unit, day, period, due).items():
            read = got[code]
            progress = None if form == "title_merged" else row.progress  # that layout has no progress column
            assert read.status == (parse_status(row.status) if row.status else None), (sub.path.name, code)
            assert (read.progress, read.completed_on) == (progress, row.completed_on), (sub.path.name, code)
            assert (read.result, read.difficulties, read.proposals, read.note) == (
                row.result, row.difficulties, row.proposals, row.note), (sub.path.name, code)


def test_sample_year_tells_the_planned_story(sample_subs):
    last = {}
    for sub in sorted(sample_subs, key=lambda s: s.report_date):
        for row in sub.rows:
            last[(sub.unit, row.task_code)] = row
    assert last[("hcth", "III.4")].completed_on == dt.date(2024, 4, 15)  # quý I task done late
    assert last[("hcth", "III.5")].status == IN_PROGRESS  # never done: overdue
    assert last[("hcth", "III.6")].completed_on == dt.date(2024, 12, 6)
    assert all(last[(u, "III.7")].completed_on.month in (8, 9) for u in ("hcth", "bhtn", "tt-tttld"))
    per_unit = {u: sum(1 for s in sample_subs if s.unit == u) for u in {s.unit for s in sample_subs}}
    assert per_unit.pop("tt-tttld") == 20  # missed the tháng 7 report (due before 10/8)
    assert set(per_unit.values()) == {21}
    late = [s.path.name for s in sample_subs if s.path.name in
            ("bhtn_2024-02-10.xlsx", "tt-tttld_2024-05-20.xlsx", "tv-gtvl_2024-09-02.xlsx", "lanh-dao_2024-10-10.xlsx")]
    assert len(late) == 4  # sent on or after the deadline day (due "trước ngày …")


def test_sample_generator_is_deterministic(tmp_path, plan):
    # In a fresh interpreter: odfpy numbers its automatic styles with process-wide counters, so
    # .ods files written earlier in the test process (the fuzz tests) would shift the bytes.
    script = ("import importlib.util, sys, pathlib; "
              f"spec = importlib.util.spec_from_file_location('make_samples', {str(ROOT / 'data' / 'make_samples.py')!r}); "
              "m = importlib.util.module_from_spec(spec); sys.modules['make_samples'] = m; spec.loader.exec_module(m); "
              f"m.OUT = pathlib.Path({str(tmp_path)!r}); sys.exit(m.main())")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert len(list(tmp_path.iterdir())) == len(list(SAMPLES.iterdir()))
    for path in sorted(tmp_path.iterdir()):
        assert sha256(path) == sha256(SAMPLES / path.name), path.name


# ------------------------------------------------------------------ cell values


@pytest.mark.parametrize("text, status", [
    ("Đã hoàn thành", DONE), ("đã hoàn thành (100%)", DONE), ("HT", DONE), ("Hoàn thành", DONE),
    ("Đang TH", IN_PROGRESS), ("ĐANG THỰC HIỆN", IN_PROGRESS), ("Thường xuyên", IN_PROGRESS),
    ("Chưa thực hiện", NOT_STARTED), ("chưa triển khai", NOT_STARTED),
    (unicodedata.normalize("NFD", "Đã hoàn thành"), DONE), ("Đã hòan thành", DONE),
    ("Tạm dừng", None), ("", None),
])
def test_status_words_and_aliases(text, status):
    assert parse_status(text) == status


@pytest.mark.parametrize("value, progress, problem", [
    (75, 75, None), ("75%", 75, None), ("75,5", 75.5, None), ("75.5 %", 75.5, None), (0.4, 40, None),
    (100, 100, None), (0, 0, None), (150, None, "progress_range"), ("-5", None, "progress_range"),
    ("một nửa", None, "bad_progress"), (True, None, "bad_progress"),
])
def test_progress_values(value, progress, problem):
    parsed = parse_progress(value)
    assert parsed.problem == problem
    if problem is None:
        assert parsed.value == progress


@pytest.mark.parametrize("value, day, problem", [
    ("05/03/2024", dt.date(2024, 3, 5), None),  # day first, never month first
    ("5/3/24", dt.date(2024, 3, 5), None),
    ("2024-03-05", dt.date(2024, 3, 5), None),
    ("05.03.2024", dt.date(2024, 3, 5), None),
    ("ngày 05 tháng 3 năm 2024", dt.date(2024, 3, 5), None),
    ("05/03/2024 10:30", dt.date(2024, 3, 5), None),
    (45356, dt.date(2024, 3, 5), None),
    (dt.datetime(2024, 3, 5, 8, 0), dt.date(2024, 3, 5), None),
    ("02/13/2024", None, "impossible_date"),
    ("31/02/2024", None, "impossible_date"),
    ("tháng 3", None, "bad_date"),
    ("05/03/1024", None, "implausible_date"),
    (dt.time(10, 0), None, "bad_date"),
])
def test_dates_are_read_day_first(value, day, problem):
    parsed = parse_date(value)
    assert parsed.problem == problem
    if problem is None:
        assert parsed.value == day


# ------------------------------------------------------------------ reportkit check


def test_check_exits_0_without_errors_and_1_with(capsys):
    from reportkit.cli import main

    assert main(["check", str(WORKBOOKS / "ok_blank_rows.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "Phòng Hành chính – Tổng hợp" in out and "05/03/2024" in out and "5 dòng đọc được" in out
    assert main(["check", str(WORKBOOKS / "bad_unknown_status.xlsx"), str(WORKBOOKS / "warn_task_not_assigned.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "[LỖI]" in out and "dòng 7, cột C (Tình trạng)" in out and "Cách sửa:" in out
    assert "2 tệp, 1 tệp có lỗi" in out


def test_check_json_has_the_agreed_shape(capsys):
    from reportkit.cli import main

    code = main(["check", str(WORKBOOKS / "bad_bad_date.xlsx"), "--format", "json"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    (entry,) = data["files"]
    assert {"path", "unit", "report_date", "rows", "findings"} <= set(entry)
    assert entry["unit"] == "hcth" and entry["report_date"] == "2024-03-05"
    row = next(r for r in entry["rows"] if r["task_code"] == "III.5")
    assert {"task_code", "status", "progress", "completed_on"} <= set(row) and row["status"] == "in_progress"
    (finding,) = entry["findings"]
    assert {"severity", "sheet", "row", "column", "value", "message"} <= set(finding)
    assert (finding["severity"], finding["row"], finding["value"]) == ("error", 8, "cuối tháng 1")


def test_check_reads_folders(capsys):
    from reportkit.cli import main

    assert main(["check", str(SAMPLES), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["files"]) == 104
    dates = [r["completed_on"] for f in data["files"] for r in f["rows"] if r["completed_on"]]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)


def test_check_of_a_missing_folder_is_a_usage_error(capsys, tmp_path):
    from reportkit.cli import main

    assert main(["check", str(tmp_path / "missing")]) == 3
    assert "không tìm thấy thư mục" in capsys.readouterr().err


_TEXT_ALPHABET = list("aáàạe\u0301 \t\r\n\x0b\x1c\u00a0\u00ad\u200b\u2003\u3000ệĐ")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TEXT_ALPHABET), min_size=1, max_size=12))
def test_cell_text_fast_path_equals_clean_text(value):
    """The speed-up in cell_text must never change what clean_text would give."""
    assert cell_text(value) == clean_text(value)
