"""`reportkit plan import`: lines, units, tasks (paragraphs and tables), report sentences, findings, the YAML draft, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from reportkit.plandoc.draft import emit_yaml
from reportkit.plandoc.importer import import_document, import_plan
from reportkit.plandoc.lines import join_lines
from reportkit.plandoc.reports import parse_report
from reportkit.plandoc.source import Paragraph, SourceDocument, Table
from reportkit.plandoc.units import UnitRegistry

DATA = Path(__file__).parent / "data"
HOSPITAL = DATA / "plan_import" / "benh-vien-2025.txt"
SEED = Path(__file__).resolve().parent.parent / "data/plan/seed-2024-ke-hoach-dan-van-dan-chu.txt"


def _paras(*texts: str) -> list[Paragraph]:
    return [Paragraph(text, location=f"dòng {i + 1}") for i, text in enumerate(texts)]


def _doc(*blocks, kind: str = "docx") -> SourceDocument:
    return SourceDocument(Path("ke-hoach.docx"), kind, tuple(blocks))


# -- lines -----------------------------------------------------------------

def test_lines_broken_inside_a_sentence_are_joined_and_numbered_items_start_anew():
    joined = join_lines(_paras("1. Tổ chức Hội nghị viên chức, người lao", "động năm 2024", "Thời gian thực hiện: quý I.",
                               "2. Ban hành Kết luận số 21-", "KL/TW của Sở Lao động", "- TBXH về việc"))
    assert [p.text for p in joined] == [
        "1. Tổ chức Hội nghị viên chức, người lao động năm 2024", "Thời gian thực hiện: quý I.",
        "2. Ban hành Kết luận số 21-KL/TW của Sở Lao động - TBXH về việc"]
    assert joined[0].location == "dòng 1"


def test_a_list_in_brackets_goes_on_across_a_semicolon_at_a_line_end():
    joined = join_lines(_paras("Báo cáo (quý I trước ngày 01/3;", "6 tháng trước ngày 26/5).", "- Lưu: VT."))
    assert [p.text for p in joined] == ["Báo cáo (quý I trước ngày 01/3; 6 tháng trước ngày 26/5).", "- Lưu: VT."]


def test_bare_page_numbers_of_a_pdf_are_dropped():
    assert [p.text for p in join_lines(_paras("Nội dung.", "2", "Tiếp theo."))] == ["Nội dung.", "Tiếp theo."]


# -- units -----------------------------------------------------------------

def test_a_unit_whose_name_contains_a_comma_stays_one_unit():
    units = UnitRegistry()
    [mention] = units.mention("Phòng Tài chính, Kế toán")
    assert units.unit(mention.codes[0]).name == "Phòng Tài chính, Kế toán"


def test_a_list_is_split_where_every_part_is_a_unit_and_codes_come_from_initials():
    units = UnitRegistry()
    codes = [c for m in units.mention("Phòng Hành chính – Tổng hợp, Khoa Nội; Tổ Bảo vệ") for c in m.codes]
    assert codes == ["hcth", "noi", "bv"]
    assert units.unit("hcth").aliases == ["HCTH", "Hành chính – Tổng hợp"]


def test_a_collective_reference_means_every_unit_of_that_kind():
    units = UnitRegistry()
    units.mention("Khoa Nội; Khoa Ngoại; Phòng Điều dưỡng")
    [mention] = units.mention("các khoa")
    assert [units.unit(c).name for c in mention.codes] == ["Khoa Nội", "Khoa Ngoại"]


def test_an_abbreviation_defined_beside_a_unit_becomes_its_alias():
    units = UnitRegistry()
    units.mention("Phòng Kế hoạch tổng hợp (gọi tắt là P.KH)")
    assert units.find("P.KH") == "khth" and units.find("p.kh") == "khth"


def test_an_abbreviation_read_by_initials_only_is_reported_as_a_guess():
    units = UnitRegistry()
    units.mention("Phòng Tổ chức – Hành chính")
    [mention] = units.mention("TCHC", register=False)
    assert mention.codes == ("tchc",)
    [guess] = UnitRegistry().mention("QLCL", register=False)
    assert guess.unknown == "QLCL"


# -- report sentences ----------------------------------------------------

@pytest.mark.parametrize("text, entry", [
    ("báo cáo quý I trước ngày 01/3", {"period": "Q1", "due_before": {"month": 3, "day": 1}}),
    ("6 tháng trước ngày 26/5", {"period": "H1", "due_before": {"month": 5, "day": 26}}),
    ("9 tháng trước ngày 01/9", {"period": "9M", "due_before": {"month": 9, "day": 1}}),
    ("tổng kết năm trước ngày 20/11", {"period": "Y", "due_before": {"month": 11, "day": 20}}),
    ("báo cáo tháng trước ngày 10 của tháng", {"period": "M", "due_before": {"month": "end", "day": 10}}),
    ("báo cáo quý trước ngày 13 của tháng cuối quý", {"period": "Q", "due_before": {"month": "end", "day": 13}}),
    ("báo cáo tháng chậm nhất ngày 05 tháng sau", {"period": "M", "due_by": {"month": "next", "day": 5}}),
    ("báo cáo quý I, III chậm nhất ngày 15 của tháng cuối quý",
     {"period": ["Q1", "Q3"], "due_by": {"month": "end", "day": 15}}),
    ("báo cáo năm trước ngày 15/01 năm sau", {"period": "Y", "due_before": {"month": 1, "day": 15, "year": "next"}}),
    ("Các tổ báo cáo trước ngày 25 hằng tháng", {"period": "M", "due_before": {"month": "end", "day": 25}}),
    ("báo cáo đột xuất khi có yêu cầu", {"period": "adhoc"}),
])
def test_report_phrases_are_read_into_report_entries(text, entry):
    assert parse_report(text, 2025) == {**entry, "text": text}


@pytest.mark.parametrize("text", ["báo cáo tuần vào thứ sáu", "báo cáo quý trước ngày 31/2", "báo cáo khi xong"])
def test_report_phrases_not_understood_give_none(text):
    assert parse_report(text, 2025) is None


# -- a whole document ------------------------------------------------------

@pytest.fixture(scope="module")
def hospital():
    return import_plan(HOSPITAL)


def _task(result, code):
    return next(t for t in yaml.safe_load(result.yaml_text)["tasks"] if t["code"] == code)


def test_header_organisation_superior_number_place_date_title_and_year_are_read(hospital):
    data = yaml.safe_load(hospital.yaml_text)
    assert data["issuer"] == {"name": "Bệnh viện Đa khoa huyện Lạc Sơn", "superior": "Sở Y tế tỉnh Hòa Bình"}
    assert (data["number"], data["place"], str(data["date"])) == ("45/KH-BVĐK", "Lạc Sơn", "2025-01-15")
    assert (data["title"], data["year"]) == ("Cải cách hành chính năm 2025", 2025)
    assert data["signer"] == {"title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "name": "Nguyễn Thị Lan"}
    assert data["recipients"][1] == "Ban Giám đốc;"


def test_lead_and_support_come_from_the_task_with_abbreviations_resolved(hospital):
    assert (_task(hospital, "II.1")["lead"], _task(hospital, "II.1")["support"]) == ("khth", ["kb", "tckt"])
    assert _task(hospital, "II.3")["lead"] == "khth"  # "Chủ trì: KHTH", defined "(gọi tắt là KHTH)"
    assert _task(hospital, "II.2")["support"] == ["kb"]  # "các khoa": the one khoa the plan names


def test_an_undated_time_frame_is_unknown_with_a_finding_and_a_todo_on_its_line(hospital):
    assert _task(hospital, "II.2")["due"] == {"kind": "unknown"}
    [finding] = [f for f in hospital.findings if f.task_code == "II.2"]
    assert (finding.code, finding.severity, finding.location) == ("time_frame_undated", "warning", "dòng 19")
    assert "đầu năm học" in finding.message
    due_line = next(line for line in hospital.yaml_text.splitlines() if "đầu năm học" in line and "due:" in line)
    assert "# TODO:" in due_line


def test_a_time_frame_not_understood_is_unknown_with_its_own_finding():
    doc = _doc(*_paras("KẾ HOẠCH", "Công tác năm 2025", "II. NHIỆM VỤ CỤ THỂ", "1. Khảo sát",
                       "Thời gian thực hiện: tuần thứ hai sau khai giảng", "Chủ trì: Phòng Đào tạo"))
    result = import_document(doc)
    assert _task(result, "II.1")["due"] == {"kind": "unknown"}
    assert [f.code for f in result.findings if f.task_code == "II.1"] == ["time_frame_unknown"]


def test_report_streams_keep_every_understood_report_and_flag_the_rest(hospital):
    [stream] = yaml.safe_load(hospital.yaml_text)["report_streams"]
    assert [r["period"] for r in stream["reports"]] == [["Q1", "Q3"], "M", "Y", "adhoc"]
    codes = [f.code for f in hospital.findings if not f.task_code]
    assert codes == ["stream_unnamed", "report_not_understood"]


def test_task_table_groups_give_codes_stt_restarts_and_merged_cells_repeat():
    rows = (("DANH MỤC NHIỆM VỤ NĂM 2025",) * 5,
            ("STT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị thực hiện", "Thời gian hoàn thành"),
            ("STT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian hoàn thành"),
            ("(1)", "(2)", "(3)", "(4)", "(5)"),
            ("I", "Công tác chuyên môn", "", "", ""),
            ("1", "Dự giờ", "Tổ Toán – Tin", "Tổ Văn", "quý I/2025"),
            ("2", "Thao giảng", "Tổ Toán – Tin", "", "quý I/2025"),
            ("II. CÔNG TÁC ĐOÀN THỂ",) * 5,
            ("1", "Hội khoẻ Phù Đổng", "Đoàn Thanh niên", "các tổ", "tháng 3/2025"),
            ("", "và giải bóng đá", "", "", ""))
    result = import_document(_doc(Table(rows, location="bảng 1")))
    data = yaml.safe_load(result.yaml_text)
    assert [(t["code"], t["text"], t["lead"], t.get("support")) for t in data["tasks"]] == [
        ("I.1", "Dự giờ", "tt", ["van"]), ("I.2", "Thao giảng", "tt", None),
        ("II.1", "Hội khoẻ Phù Đổng và giải bóng đá", "dtn", ["tt", "van"])]
    assert data["title"] == "Danh mục nhiệm vụ năm 2025" and data["year"] == 2025


def test_an_excel_appendix_read_by_the_workbook_reader_gives_group_codes():
    result = import_plan(DATA / "plan_sources" / "tasks.xlsx")
    assert [t["code"] for t in result.plan_dict["tasks"]] == ["I.1", "I.2", "II.1", "II.2"]
    assert result.plan_dict["tasks"][2]["due"] == {"kind": "milestones", "dates": ["2025-03-31", "2025-09-30"]}


def test_a_document_without_tasks_is_refused_as_no_plan():
    from reportkit.errors import PlanSourceError

    with pytest.raises(PlanSourceError):
        import_document(_doc(*_paras("Biên bản họp", "Nội dung cuộc họp.")))


# -- the YAML draft ----------------------------------------------------------

def test_every_text_is_quoted_so_the_draft_reads_back_unchanged():
    data = {"title": 'Dấu "nháy": # không phải chú thích', "year": 2025, "lead": "yes",
            "tasks": [{"code": "III.1", "due": {"kind": "months", "months": [6, 12]}}]}
    text = emit_yaml(data, {("tasks", 0, "due"): "kiểm tra"}, ["đầu tệp"])
    assert yaml.safe_load(text) == data
    assert '  due: {kind: "months", months: [6, 12]}  # TODO: kiểm tra' in text


# -- the command -----------------------------------------------------------

def _run(*args, cwd: Path, capsys):
    import os

    from reportkit.cli import main

    before = Path.cwd()
    os.chdir(cwd)
    try:
        code = main(list(args))
    finally:
        os.chdir(before)
    out = capsys.readouterr()
    files = {p.name: p.read_text(encoding="utf-8") for p in cwd.glob("*.yaml")}
    return code, out.out + out.err, files


def test_command_writes_the_draft_prints_findings_and_exits_1_when_there_are_findings(tmp_path, capsys):
    code, output, files = _run("plan", "import", str(SEED), cwd=tmp_path, capsys=capsys)
    assert code == 1
    assert "III.1: văn bản không nêu đơn vị chủ trì" in output
    assert list(files) == ["ttdvvl-2024.yaml"] and "# TODO:" in files["ttdvvl-2024.yaml"]


def test_command_prints_findings_as_json(tmp_path, capsys):
    code, output, _ = _run("plan", "import", str(HOSPITAL), "-o", "draft.yaml", "--format", "json", cwd=tmp_path,
                           capsys=capsys)
    findings = json.loads(output)["findings"]
    assert set(findings[0]) == {"severity", "code", "task_code", "message", "location"}
    assert code == 1


def test_command_never_overwrites_without_force(tmp_path, capsys):
    (tmp_path / "draft.yaml").write_text("giữ nguyên\n", encoding="utf-8")
    runner_args = ("plan", "import", str(HOSPITAL), "-o", str(tmp_path / "draft.yaml"))
    refused, _, _ = _run(*runner_args, cwd=tmp_path, capsys=capsys)
    assert refused == 3 and (tmp_path / "draft.yaml").read_text(encoding="utf-8") == "giữ nguyên\n"
    forced, _, _ = _run(*runner_args, "--force", cwd=tmp_path, capsys=capsys)
    assert forced == 1 and "schema_version" in (tmp_path / "draft.yaml").read_text(encoding="utf-8")


def test_command_refuses_an_unusable_source_with_exit_3_and_no_traceback(tmp_path, capsys):
    code, output, files = _run("plan", "import", str(DATA / "plan_sources" / "old.doc"), cwd=tmp_path, capsys=capsys)
    assert code == 3 and "Traceback" not in output and files == {}
    assert "soffice --headless --convert-to docx" in output


def test_tracked_changes_are_a_finding_to_check_and_other_reader_notes_only_information():
    from reportkit.plandoc.source import SourceNote

    blocks = _paras("KẾ HOẠCH", "Công tác năm 2025", "II. NHIỆM VỤ CỤ THỂ", "1. Khảo sát", "Thời gian thực hiện: quý I",
                    "Chủ trì: Phòng Đào tạo")
    notes = (SourceNote("source.tracked_changes", "đã đọc văn bản với các thay đổi được chấp nhận"),
             SourceNote("source.pdf_lines", "các dòng được nối lại"))
    result = import_document(SourceDocument(Path("x.docx"), "docx", tuple(blocks), notes))
    assert [(f.code, f.severity) for f in result.findings if not f.task_code][:2] == [
        ("source_note", "warning"), ("source_note", "info")]


def test_header_and_signature_tables_of_a_word_plan_are_read():
    header = Table((("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH PHÚ THỌ\nTRƯỜNG THPT TÂN LẬP\nSố: 15/KH-THPT",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTân Lập, ngày 20 tháng 01 năm 2025"),),
                   location="bảng 1")
    end = Table((("Nơi nhận:\n- Sở GD&ĐT (để b/c);\n- Ban Giám hiệu;\n- Lưu: VT.", "HIỆU TRƯỞNG\n(Đã ký)\nTrần Văn Khiêm"),),
                location="bảng 2")
    body = _paras("KẾ HOẠCH", "Thực hiện dân chủ năm 2025",
                  "Trường THPT Tân Lập xây dựng Kế hoạch như sau:", "II. NHIỆM VỤ CỤ THỂ", "1. Hội nghị viên chức",
                  "- Chủ trì: Ban Giám hiệu; phối hợp: Công đoàn trường, Đoàn Thanh niên.", "- Thời gian thực hiện: quý I/2025.",
                  "Trên đây là Kế hoạch của Trường THPT Tân Lập.")
    data = yaml.safe_load(import_document(_doc(header, *body, end)).yaml_text)
    assert data["issuer"] == {"name": "Trường THPT Tân Lập", "superior": "Sở giáo dục và đào tạo tỉnh Phú Thọ"}
    assert (data["number"], data["place"], str(data["date"])) == ("15/KH-THPT", "Tân Lập", "2025-01-20")
    assert data["signer"] == {"title": "HIỆU TRƯỞNG", "name": "Trần Văn Khiêm"}
    assert data["recipients"] == ["Sở GD&ĐT (để b/c);", "Ban Giám hiệu;", "Lưu: VT."]
    [task] = data["tasks"]
    assert (task["lead"], task["support"], task["time_frame"]) == ("lanh-dao", ["cdt", "dtn"], "quý I/2025")
    assert data["closing"] == "Trên đây là Kế hoạch của Trường THPT Tân Lập."


CORPUS = sorted(p for p in (DATA / "plans").glob("*/*") if p.suffix in {".docx", ".txt", ".pdf", ".xlsx", ".ods"})


@pytest.mark.parametrize("source", CORPUS, ids=lambda p: p.parent.name)
def test_the_draft_of_every_corpus_document_loads_as_a_plan_with_its_calendar(source, tmp_path):
    from reportkit.periods import build_calendar
    from reportkit.plan.load import load_plan

    result = import_plan(source)
    path = tmp_path / "draft.yaml"
    path.write_text(result.yaml_text, encoding="utf-8")
    plan = load_plan(path)
    assert [t.code for t in plan.tasks if t.kind == "task"] == [t["code"] for t in yaml.safe_load(result.yaml_text)["tasks"]]
    assert len(build_calendar(plan)) == len([r for r in result.plan_dict["reports"] if r["period"] != "adhoc"])
