"""`reportkit status` in-process: output forms, the analyst's workbook, formula-safe text, bad input."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from reportkit.cli import main
from reportkit.intake.model import DONE, IN_PROGRESS, Submission, TaskRow
from reportkit.report.xlsx_out import STATUS_FILLS, is_formula_like, neutralise_formula, write_table_xlsx

from .conftest import PLAN_PATH, ROOT

SAMPLES = ROOT / "data" / "submissions" / "2024"
BASE = ["status", "--plan", str(PLAN_PATH), "--submissions", str(SAMPLES)]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_lists_every_row_and_ends_with_the_headline(capsys):
    code, out, err = run(capsys, *BASE, "--period", "2024-Q1", "--stream", "dan-chu")
    assert code == 0, err
    assert "Tình trạng" in out and "Đã hoàn thành đúng hạn" in out
    assert out.strip().endswith("Quý I năm 2024, số liệu đến 29/02/2024: đã hoàn thành 2/4 nhiệm vụ có thời hạn "
                                "(50%), trong đó đúng hạn 2, quá hạn 0; chưa hoàn thành 2 (trong hạn 2, quá hạn 0).")


def test_csv_has_the_agreed_columns_with_iso_dates(capsys):
    code, out, _ = run(capsys, *BASE, "--period", "2024-H1", "--stream", "dan-chu", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 84
    assert {"task_code", "unit", "unit_code", "deadline", "completed_on", "status"} <= set(rows[0])
    iii4 = next(r for r in rows if r["task_code"] == "III.4" and r["unit_code"] == "hcth")
    assert iii4["unit"] == "Phòng Hành chính – Tổng hợp"
    assert (iii4["deadline"], iii4["completed_on"], iii4["status"], iii4["days_late"]) == (
        "2024-03-31", "2024-04-15", "Đã hoàn thành quá hạn", "15")


def test_json_with_a_deadline_for_the_external_task(capsys):
    code, out, _ = run(capsys, *BASE, "--period", "2024", "--as-of", "19/11/2024", "--deadline", "III.7=2024-08-15",
                       "--format", "json")
    assert code == 0
    rows = json.loads(out)
    iii7 = {r["unit_code"]: r for r in rows if r["task_code"] == "III.7"}
    assert iii7["hcth"]["deadline"] == "2024-08-15" and iii7["hcth"]["status"] == "Đã hoàn thành đúng hạn"
    assert iii7["tt-tttld"]["status"] == "Đã hoàn thành quá hạn" and iii7["tt-tttld"]["days_late"] == 21
    assert iii7["bhtn"]["completed_on"] == "2024-08-20"


def test_csv_to_a_file_has_a_bom_for_excel(capsys, tmp_path):
    target = tmp_path / "out" / "status.csv"
    code, out, _ = run(capsys, *BASE, "--period", "2024-Q1", "--format", "csv", "-o", str(target))
    assert code == 0 and "84 dòng" in out
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_xlsx_is_formatted_for_the_analyst(capsys, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "status.xlsx"
    code, out, _ = run(capsys, *BASE, "--period", "2024-H1", "--stream", "dan-chu", "--format", "xlsx",
                       "-o", str(target))
    assert code == 0 and str(target) in out
    wb = load_workbook(target)
    assert wb.sheetnames == ["Tình trạng", "Theo đơn vị", "Theo mục"]
    ws = wb["Tình trạng"]
    assert "đã hoàn thành 3/5" in ws["A1"].value  # the headline above the table
    header = [c.value for c in ws[3]]
    assert header[:4] == ["Mã nhiệm vụ", "Mốc", "Nội dung nhiệm vụ", "Đơn vị"]
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == f"A3:{ws.cell(3, len(header)).column_letter}87"
    status_col = header.index("Tình trạng") + 1
    deadline_col = header.index("Thời hạn") + 1
    late = next(r for r in range(4, 88) if ws.cell(r, status_col).value == "Chưa hoàn thành quá hạn")
    assert ws.cell(late, status_col).fill.start_color.rgb.endswith(STATUS_FILLS["Chưa hoàn thành quá hạn"])
    assert ws.cell(late, deadline_col).value == dt.datetime(2024, 3, 31)
    assert ws.cell(late, deadline_col).number_format == "DD/MM/YYYY"


def test_xlsx_never_turns_department_text_into_formulas(tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    texts = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
             "- Đã tổ chức hội nghị", "Bình thường"]
    target = write_table_xlsx(pd.DataFrame({"result": texts}), tmp_path / "t.xlsx", status_column=None)
    ws = load_workbook(target)["Bảng"]
    cells = [ws.cell(r, 1) for r in range(2, 2 + len(texts))]
    # kept as typed, as text (an XML reader turns a bare CR into LF)
    assert [c.value for c in cells] == [t.replace("\r", "\n") for t in texts]
    assert all(c.data_type == "s" for c in cells)
    assert [c.quotePrefix for c in cells] == [True] * 7 + [False]
    # and in the raw XML no cell holds a formula
    import zipfile

    sheet_xml = zipfile.ZipFile(target).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


def test_csv_neutralises_text_a_spreadsheet_would_run(capsys, monkeypatch):
    monkeypatch.setattr("reportkit.status.resolve_submissions", lambda folder, plan: [Submission(
        Path("hcth_2024-02-25.xlsx"), "hcth", dt.date(2024, 2, 25),
        [TaskRow("III.2", DONE, 100, dt.date(2024, 2, 1), result="=1+1", source_row=9),
         TaskRow("III.3", IN_PROGRESS, 50, None, result="- Đang dự thảo", source_row=10)])])
    code, out, _ = run(capsys, *BASE, "--period", "2024-Q1", "--format", "csv")
    assert code == 0
    rows = {r["task_code"]: r for r in csv.DictReader(io.StringIO(out)) if r["unit_code"] == "hcth"}
    assert rows["III.2"]["result"] == "'=1+1" and rows["III.3"]["result"] == "'- Đang dự thảo"


def test_neutralise_formula_only_touches_formula_starts():
    assert neutralise_formula("=A1") == "'=A1" and neutralise_formula("@x") == "'@x"
    assert neutralise_formula("Đã xong") == "Đã xong" and neutralise_formula(15) == 15
    assert is_formula_like("\tx") and not is_formula_like("x=1")


@pytest.mark.parametrize("argv, needle", [
    (["--period", "2023-Q1"], "nằm ngoài năm kế hoạch 2024"),
    (["--period", "2024-Q1", "--as-of", "2025-01-02"], "ngày chốt số liệu 2025-01-02 nằm ngoài"),
    (["--period", "2024-Q1", "--deadline", "III.9=2024-08-01"], "mã nhiệm vụ 'III.9' không có trong kế hoạch"),
    (["--period", "2024-Q1", "--deadline", "III.2=2024-08-01"], "III.2 không phải nhiệm vụ 'theo kế hoạch của cấp trên'"),
    (["--period", "2024-Q1", "--deadline", "III.7"], "không có dạng MÃ=NGÀY"),
    (["--period", "2024-Q2", "--stream", "dan-chu"], "không có báo cáo cho kỳ 2024-Q2"),
])
def test_bad_options_exit_3_with_a_message_and_no_traceback(capsys, argv, needle):
    code, out, err = run(capsys, *BASE, *argv)
    assert code == 3 and needle in err and "Cách sửa:" in err
    assert "Traceback" not in out + err


def test_missing_or_empty_submissions_folder_exits_3(capsys, tmp_path):
    code, _, err = run(capsys, "status", "--plan", str(PLAN_PATH), "--period", "2024-Q1",
                       "--submissions", str(tmp_path / "nope"))
    assert code == 3 and "không tìm thấy thư mục bảng theo dõi" in err
    code, _, err = run(capsys, "status", "--plan", str(PLAN_PATH), "--period", "2024-Q1",
                       "--submissions", str(tmp_path))
    assert code == 3 and "thư mục bảng theo dõi không có bảng tính nào" in err and "Traceback" not in err


def test_rejected_input_rows_give_exit_1(capsys, monkeypatch):
    from reportkit.intake.model import ERROR, Finding

    bad = Finding(ERROR, "bad_status", "hcth_2024-02-25.xlsx", "Tình trạng không hợp lệ", "bad status",
                  "Chọn từ danh sách", row=9)
    monkeypatch.setattr("reportkit.status.resolve_submissions", lambda folder, plan: [Submission(
        Path("hcth_2024-02-25.xlsx"), "hcth", dt.date(2024, 2, 25),
        [TaskRow("III.2", "??", None, None, source_row=9)], [bad])])
    code, out, err = run(capsys, *BASE, "--period", "2024-Q1", "--format", "json")
    assert code == 1 and "1 lỗi trong dữ liệu đầu vào" in err
    iii2 = next(r for r in json.loads(out) if r["task_code"] == "III.2" and r["unit_code"] == "hcth")
    assert iii2["status"] == "Không có báo cáo" and "bị loại khi đọc" in iii2["note"]
