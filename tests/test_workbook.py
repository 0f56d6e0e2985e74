"""The department template: layout, guidance, protection, round trip, and LibreOffice opening it."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import unicodedata

import openpyxl
import pytest

from reportkit.errors import PeriodError, PlanError
from reportkit.intake.reader import read_workbook
from reportkit.intake.model import DONE, IN_PROGRESS, NOT_STARTED
from reportkit.intake.template import (
    DATE_ROW,
    GUIDE_SHEET_NAME,
    HEADER_ROW,
    SHEET_NAME,
    TEMPLATE_COLUMNS,
    VALUE_COLUMN,
    column_of,
    write_template,
)

CREATED = dt.datetime(2024, 3, 1, 8, 0)


@pytest.fixture
def template(plan, tmp_path):
    return write_template(plan, "hcth", "2024-Q1", tmp_path / "hcth_2024-Q1.xlsx", created=CREATED)


def task_rows(ws) -> dict[str, int]:
    return {ws[f"A{r}"].value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)
            if ws[f"A{r}"].value and ws[f"B{r}"].coordinate not in ws.merged_cells}


def test_template_lists_every_task_the_unit_carries_with_plan_text(plan, template):
    ws = openpyxl.load_workbook(template)[SHEET_NAME]
    rows = task_rows(ws)
    carried = plan.tasks_for_unit("hcth")
    assert list(rows) == [t.code for t in carried]
    for task in carried:
        assert ws[f"B{rows[task.code]}"].value == task.text
        assert ws[f"C{rows[task.code]}"].value == task.time_frame


def test_template_for_a_department_has_only_its_tasks(plan, tmp_path):
    path = write_template(plan, "bhtn", "2024-M03", tmp_path / "x.xlsx")
    rows = task_rows(openpyxl.load_workbook(path)[SHEET_NAME])
    assert "III.2" not in rows and {"III.1", "III.7", "II.1.đ", "II.1.d"} <= set(rows)


def test_template_title_rows_and_header(plan, template):
    ws = openpyxl.load_workbook(template)[SHEET_NAME]
    assert ws["A2"].value == "TRUNG TÂM DỊCH VỤ VIỆC LÀM"
    assert ws[f"B{7}"].value == "Phòng Hành chính – Tổng hợp"
    assert ws["B8"].value == "Quý I năm 2024 (2024-Q1)"
    assert ws[f"A{DATE_ROW}"].value == "Ngày báo cáo:"
    header = [ws.cell(HEADER_ROW, i + 1).value for i in range(len(TEMPLATE_COLUMNS))]
    assert header == [h for _, h, _ in TEMPLATE_COLUMNS]
    assert ws.freeze_panes == f"C{HEADER_ROW + 1}"
    assert ws.column_dimensions["B"].width > 40
    assert ws["B13"].alignment.wrap_text


def test_template_guides_input_with_validations_and_date_formats(plan, template):
    ws = openpyxl.load_workbook(template)[SHEET_NAME]
    rows = task_rows(ws)
    first = min(rows.values())
    by_type = {dv.type: dv for dv in ws.data_validations.dataValidation}
    status = by_type["list"]
    assert status.formula1 == '"Chưa thực hiện,Đang thực hiện,Đã hoàn thành"'
    covered = {c.coordinate for rng in status.sqref.ranges for row in ws[rng.coord] for c in row}
    assert covered == {f"{column_of('status')}{r}" for r in rows.values()}  # task rows, not section headings
    progress = by_type["decimal"]
    assert (progress.operator, progress.formula1, progress.formula2) == ("between", "0", "100")
    date = by_type["date"]
    assert f"{VALUE_COLUMN}{DATE_ROW}" in str(date.sqref)
    assert f"{column_of('completed_on')}{first}" in str(date.sqref)
    day_first_vietnamese = "[$-42A]dd/mm/yyyy"  # shown day-first whatever the office suite's locale
    assert ws[f"{column_of('completed_on')}{first}"].number_format == day_first_vietnamese
    assert ws[f"{VALUE_COLUMN}{DATE_ROW}"].number_format == day_first_vietnamese
    assert "2024-03-05" in date.prompt and "Mỹ" in date.prompt  # input help: month-first locales type ISO dates
    assert len(date.prompt) <= 255 and len(date.error) <= 255  # Excel's limits for these texts
    for dv in (status, progress, date):
        assert dv.showErrorMessage and dv.error and unicodedata.is_normalized("NFC", dv.error)


def test_template_locks_header_and_unlocks_inputs_without_password(plan, template):
    ws = openpyxl.load_workbook(template)[SHEET_NAME]
    assert ws.protection.sheet and not ws.protection.password
    r = task_rows(ws)["III.2"]
    for field, _, _ in TEMPLATE_COLUMNS:
        locked = ws[f"{column_of(field)}{r}"].protection.locked
        assert locked == (field in ("task_code", "task_text", "time_frame")), field
    assert ws.cell(HEADER_ROW, 1).protection.locked
    assert not ws[f"{VALUE_COLUMN}{DATE_ROW}"].protection.locked


def test_template_has_vietnamese_instructions_with_the_period_deadlines(plan, template):
    ws = openpyxl.load_workbook(template)[GUIDE_SHEET_NAME]
    text = "\n".join(str(c.value) for c in ws["A"] if c.value)
    assert unicodedata.is_normalized("NFC", text)
    for phrase in ("Tình trạng", "Đã hoàn thành", "dd/mm/yyyy", "Ngày hoàn thành", "II.1.d và II.1.đ",
                   "trước ngày 01/03/2024", "trước ngày 13/03/2024", "reportkit check"):
        assert phrase in text, phrase


def test_template_is_reproducible_with_a_fixed_date(plan, template, tmp_path):
    again = write_template(plan, "hcth", "2024-Q1", tmp_path / "again.xlsx", created=CREATED)
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(template.read_bytes()).digest()


def test_template_rejects_unknown_unit_and_bad_period(plan, tmp_path):
    with pytest.raises(PlanError) as err:
        write_template(plan, "ke-toan", "2024-Q1", tmp_path / "x.xlsx")
    assert "hcth" in err.value.hint
    with pytest.raises(PeriodError):
        write_template(plan, "hcth", "2024-Q5", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("unit", ["lanh-dao", "hcth", "tv-gtvl", "tt-tttld", "bhtn"])
def test_template_filled_by_openpyxl_reads_back_equal(plan, tmp_path, unit):
    path = write_template(plan, unit, "2024-Q1", tmp_path / f"{unit}_2024-Q1.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_NAME]
    ws[f"{VALUE_COLUMN}{DATE_ROW}"] = dt.date(2024, 3, 11)
    words = {NOT_STARTED: "Chưa thực hiện", IN_PROGRESS: "Đang thực hiện", DONE: "Đã hoàn thành"}
    filled = {}
    for i, (code, r) in enumerate(task_rows(ws).items()):
        status = (NOT_STARTED, IN_PROGRESS, DONE)[i % 3]
        values = {
            "status": words[status],
            "progress": {NOT_STARTED: 0, IN_PROGRESS: 10 + i, DONE: 100}[status],
            "completed_on": dt.date(2024, 2, 1 + i) if status == DONE else None,
            "result": f"Kết quả của {code}: đã quán triệt đến {i + 3} viên chức.",
            "difficulties": "Thiếu kinh phí tổ chức." if i % 4 == 0 else None,
            "proposals": "Đề nghị bổ sung kinh phí." if i % 4 == 0 else None,
            "note": "Ghi chú" if i % 5 == 0 else None,
        }
        for field, value in values.items():
            if value is not None:
                ws[f"{column_of(field)}{r}"] = value
        filled[code] = (status, float(values["progress"]), values["completed_on"], values["result"],
                        values["difficulties"] or "", values["proposals"] or "", values["note"] or "")
    wb.save(path)
    sub = read_workbook(path, plan)
    assert sub.findings == []
    assert (sub.unit, sub.report_date, sub.sheet) == (unit, dt.date(2024, 3, 11), SHEET_NAME)
    got = {r.task_code: (r.status, r.progress, r.completed_on, r.result, r.difficulties, r.proposals, r.note)
           for r in sub.rows}
    assert got == filled


def test_blank_template_reads_without_errors_once_dated(plan, tmp_path):
    """A unit that sends the template back untouched gets warnings (no status), not errors."""
    path = write_template(plan, "hcth", "2024-Q1", tmp_path / "hcth_2024-03-05.xlsx")
    sub = read_workbook(path, plan)
    assert not sub.has_errors and sub.report_date == dt.date(2024, 3, 5)
    assert {f.code for f in sub.findings} == {"missing_status"}
    assert len(sub.rows) == len(plan.tasks_for_unit("hcth"))


def test_cli_template_writes_one_unit_or_all(plan, tmp_path, capsys):
    from reportkit.cli import main

    plan_opt = ["--plan", str(plan.path)]
    out = tmp_path / "one.xlsx"
    assert main(["template", "--unit", "hcth", "--period", "2024-Q1", "-o", str(out), *plan_opt]) == 0
    assert out.exists() and "Phòng Hành chính – Tổng hợp" in capsys.readouterr().out
    assert main(["template", "--all", "--period", "2024-M03", "-o", str(tmp_path / "all"), *plan_opt]) == 0
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == sorted(f"{u}_2024-M03.xlsx" for u in plan.unit_codes)
    assert main(["template", "--unit", "hcth", "--all", "--period", "2024-Q1", *plan_opt]) == 3
    assert main(["template", "--unit", "nobody", "--period", "2024-Q1", "-o", str(out), *plan_opt]) == 3
    assert "hcth" in capsys.readouterr().err


def _fill_one_answer(path):
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_NAME]
    first = min(task_rows(ws).values())
    ws[f"{column_of('result')}{first}"] = "Đã triển khai."
    wb.save(path)
    return f"{column_of('result')}{first}"


def test_template_never_overwrites_a_filled_workbook_without_force(plan, tmp_path, capsys):
    from reportkit.cli import main

    plan_opt = ["--plan", str(plan.path)]
    out = tmp_path / "hcth.xlsx"
    assert main(["template", "--unit", "hcth", "--period", "2024-Q1", "-o", str(out), *plan_opt]) == 0
    assert main(["template", "--unit", "hcth", "--period", "2024-Q1", "-o", str(out), *plan_opt]) == 0  # blank: ok
    cell = _fill_one_answer(out)
    filled = out.read_bytes()
    capsys.readouterr()
    assert main(["template", "--unit", "hcth", "--period", "2024-Q2", "-o", str(out), *plan_opt]) == 3
    err = capsys.readouterr().err
    assert out.read_bytes() == filled, "a filled workbook was overwritten"
    assert "không ghi đè" in err and cell in err and "--force" in err and str(out) in err
    assert main(["template", "--unit", "hcth", "--period", "2024-Q2", "-o", str(out), "--force", *plan_opt]) == 0
    assert out.read_bytes() != filled and "Quý II" in capsys.readouterr().out


def test_template_all_writes_nothing_when_one_target_holds_answers(plan, tmp_path, capsys):
    from reportkit.cli import main

    plan_opt = ["--plan", str(plan.path)]
    folder = tmp_path / "all"
    assert main(["template", "--all", "--period", "2024-M03", "-o", str(folder), *plan_opt]) == 0
    filled = folder / "bhtn_2024-M03.xlsx"
    _fill_one_answer(filled)
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    capsys.readouterr()
    assert main(["template", "--all", "--period", "2024-M03", "-o", str(folder), *plan_opt]) == 3
    assert "bhtn_2024-M03.xlsx" in capsys.readouterr().err
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == stamps  # all or nothing


def test_write_template_refuses_a_dated_template_and_a_file_it_cannot_read(plan, tmp_path):
    from reportkit.errors import ParamsError
    from reportkit.intake.answers import find_answers

    dated = write_template(plan, "hcth", "2024-Q1", tmp_path / "dated.xlsx")
    wb = openpyxl.load_workbook(dated)
    wb[SHEET_NAME][f"{VALUE_COLUMN}{DATE_ROW}"] = dt.date(2024, 3, 5)
    wb.save(dated)
    assert find_answers(dated) == [f"{VALUE_COLUMN}{DATE_ROW}"]
    with pytest.raises(ParamsError, match="không ghi đè"):
        write_template(plan, "hcth", "2024-Q1", dated)
    other = tmp_path / "notes.xlsx"
    other.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ParamsError, match="không đọc được"):
        write_template(plan, "hcth", "2024-Q1", other)
    assert other.read_text(encoding="utf-8") == "not a workbook"
    assert write_template(plan, "hcth", "2024-Q1", other, force=True).stat().st_size > 1000


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_template(plan, template, tmp_path):
    """LibreOffice loads the file and sees its cells: no repair, no lost content."""
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", str(tmp_path),
         str(template)],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    csv = (tmp_path / f"{template.stem}-{SHEET_NAME}.csv").read_text(encoding="utf-8")
    assert "Mã nhiệm vụ,Nội dung nhiệm vụ" in csv and "II.1.đ" in csv and "TRUNG TÂM DỊCH VỤ VIỆC LÀM" in csv
    assert (tmp_path / f"{template.stem}-{GUIDE_SHEET_NAME}.csv").exists()
