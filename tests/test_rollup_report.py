"""reportkit rollup: the organisations config, the consolidated report's content, its exports and nesting."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from reportkit.errors import ParamsError
from reportkit.jobs.org_config import load_organisations, load_superior
from reportkit.jobs.rollup import org_inputs, rollup_manifest, write_tables
from reportkit.report.rollup import GROUP_THRESHOLD, build_rollup_report
from reportkit.rollup.collect import collect_rollup
from reportkit.rollup.model import OrgInput
from reportkit.status.words import DEADLINE_STATUSES

from .rollup_fixtures import HOSTILE_NAME, SUPERIOR, write_org_report, write_three_orgs


def _collect(config, tmp_path):
    return collect_rollup(org_inputs(config, "2024-Q1", "dan-chu", tmp_path / "outputs"), "2024-Q1", "dan-chu")


def _report_html(data, tmp_path, superior):
    folder = tmp_path / "tables"
    folder.mkdir(exist_ok=True)
    data.orgs.to_parquet(folder / "orgs.parquet")
    data.tasks.to_parquet(folder / "tasks.parquet")
    report = build_rollup_report("2024-Q1", "dan-chu", folder, superior, subject="Tổng hợp công tác dân chủ")
    parts = [report.header(), report.results(), report.shortcomings(), report.comparison(), report.signature(),
             report.annex()]
    return report, "".join(p.html for p in parts)


def test_config_field_unknown_to_rollup_and_batch_fails_with_file_and_line(tmp_path):
    config = tmp_path / "orgs.yaml"
    config.write_text("organisations:\n  - code: a\n    name: A\n    colour: red\n", encoding="utf-8")
    with pytest.raises(ParamsError) as err:
        load_organisations(config, sources=False)
    assert err.value.location.line == 4 and "colour" in str(err.value) and str(config) in str(err.value)


def test_duplicate_organisation_code_fails_with_the_line_of_the_second(tmp_path):
    config = tmp_path / "orgs.yaml"
    config.write_text("organisations:\n  - {code: a}\n  - {code: b}\n  - {code: a}\n", encoding="utf-8")
    with pytest.raises(ParamsError) as err:
        load_organisations(config, sources=False)
    assert err.value.location.line == 4


def test_rollup_needs_a_superior_but_batch_reads_the_same_file(tmp_path):
    config = tmp_path / "orgs.yaml"
    config.write_text("organisations:\n  - {code: a, plan: p.yaml, submissions: s, name: Trung tâm A, group: X}\n",
                      encoding="utf-8")
    with pytest.raises(ParamsError, match="superior"):
        load_superior(config)
    [org] = load_organisations(config)
    assert (org.name, org.group) == ("Trung tâm A", "X")
    config.write_text(SUPERIOR + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_superior(config).symbol == "BC-SLĐTBXH" and len(load_organisations(config)) == 1


def test_every_organisation_keeps_its_own_manifest_counts_and_state(tmp_path):
    config = write_three_orgs(tmp_path)
    data = _collect(config, tmp_path)
    write_tables(data, tmp_path)
    out = json.loads((tmp_path / "rollup.json").read_text(encoding="utf-8"))
    assert set(out) == {"period", "stream", "organisations"} and (out["period"], out["stream"]) == ("2024-Q1", "dan-chu")
    assert all(set(o) == {"code", "name", "state", "reason", "counts"} for o in out["organisations"])
    states = {o["code"]: o["state"] for o in out["organisations"]}
    assert states == {"dung-han": "on_time", "muon": "late", "chua-bao-cao": "missing", "sua-tep": "invalid"}
    for org in out["organisations"]:
        if org["state"] in ("on_time", "late"):
            manifest = json.loads((tmp_path / "outputs" / org["code"] / "2024-Q1" / "dan-chu" / "manifest.json")
                                  .read_text(encoding="utf-8"))
            assert org["counts"] == manifest["counts"]
        else:
            assert org["reason"].startswith("không có báo cáo hợp lệ")


def test_report_keeps_markup_in_names_inert_and_lists_orgs_without_a_valid_report(tmp_path):
    config = write_three_orgs(tmp_path)
    _, html = _report_html(_collect(config, tmp_path), tmp_path, vars(load_superior(config)))
    assert "<script>" not in html and "<b>Dịch vụ</b>" not in html and "<i>1</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Trung tâm Chưa báo cáo" in html and "sha256" in html  # the tampered one, with its reason
    assert "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH SƠN LA" in html and "Số: ……/BC-SLĐTBXH" in html
    assert "Tổng hợp công tác dân chủ quý I năm 2024" in html
    assert "Không có hai đơn vị nào" not in html  # two valid orgs share ttdvvl-2024: per-task comparison


def test_many_organisations_are_summarised_by_group_with_the_full_table_in_the_annex(tmp_path):
    out = tmp_path / "outputs"
    orgs = []
    for i in range(GROUP_THRESHOLD + 5):
        write_org_report(out, f"o{i}", [i % 4, 1, 1, i % 3, 0], "2024-03-15T10:00:00+07:00")
        orgs.append(OrgInput(f"o{i}", f"Trung tâm số {i}", f"Huyện {i % 3}", out / f"o{i}" / "2024-Q1" / "dan-chu"))
    data = collect_rollup(orgs, "2024-Q1", "dan-chu")
    report, _ = _report_html(data, tmp_path, {"name": "Sở Nội vụ"})
    assert report.grouped
    body = report.results().html
    assert "Huyện 2" in body and "Tổng hợp theo nhóm" in body and "Kết quả của từng đơn vị" not in body
    assert all(f"Trung tâm số {i}<" in report.annex().html for i in range(GROUP_THRESHOLD + 5))


def test_xlsx_lists_every_organisation_and_neutralises_formulas(tmp_path):
    from openpyxl import load_workbook

    config = write_three_orgs(tmp_path)
    text = config.read_text(encoding="utf-8").replace("Trung tâm Muộn", "'=HYPERLINK(\"http://x\")'")
    config.write_text(text, encoding="utf-8")
    write_tables(_collect(config, tmp_path), tmp_path)
    wb = load_workbook(tmp_path / "rollup.xlsx")
    assert wb.sheetnames == ["Đơn vị", "Xếp hạng", "Quá hạn"]
    cells = {c.value: c for c in wb["Đơn vị"]["B"]}
    assert HOSTILE_NAME in cells
    formula = cells['=HYPERLINK("http://x")']
    assert formula.data_type == "s" and formula.quotePrefix  # text, never a formula


def test_a_rollup_folder_rolls_up_again_as_one_organisation(tmp_path):
    config = write_three_orgs(tmp_path)
    data = _collect(config, tmp_path)
    folder = tmp_path / "province" / "so-ld" / "2024-Q1" / "dan-chu"
    folder.mkdir(parents=True)
    files = write_tables(data, folder)
    manifest = rollup_manifest(data, load_superior(config), folder, files, pd.Timestamp.now(tz="UTC").to_pydatetime())
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    upper = collect_rollup([OrgInput("so-ld", "Sở LĐTBXH", "", folder)], "2024-Q1", "dan-chu")
    row = upper.orgs.iloc[0]
    assert row["state"] in ("on_time", "late")
    valid = data.orgs[data.orgs["state"].isin(["on_time", "late"])]
    assert {k: int(row[k]) for k in DEADLINE_STATUSES} == {k: int(valid[k].sum()) for k in DEADLINE_STATUSES}
    assert len(upper.tasks) == len(data.tasks)


@pytest.mark.slow
def test_rollup_command_builds_every_format_and_the_pdf_follows_decree_30(tmp_path):
    import pdfplumber

    from reportkit.cli import main

    from .pdf_checks import (
        assert_a4_portrait,
        assert_fonts_embedded,
        assert_inside_margins,
        assert_page_numbers_from_page_2,
        pdf_text,
    )

    config = write_three_orgs(tmp_path)
    code = main(["rollup", "--config", str(config), "--period", "2024-Q1", "--from", str(tmp_path / "outputs"),
                 "--output", str(tmp_path / "rollup")])
    folder = tmp_path / "rollup" / "2024-Q1" / "dan-chu"
    assert code == 1  # two organisations have no valid report
    for name in ("report.html", "report.pdf", "report.docx", "rollup.xlsx", "rollup.json", "manifest.json"):
        assert (folder / name).is_file(), name
    pdf_path = folder / "report.pdf"
    with pdfplumber.open(pdf_path) as pdf:
        assert_a4_portrait(pdf, min_pages=2)
        assert_page_numbers_from_page_2(pdf)
        assert_inside_margins(pdf)
    assert_fonts_embedded(pdf_path)
    text = pdf_text(pdf_path)
    assert "<script>" in text and "Trung tâm Chưa báo cáo" in text  # shown as text, never run
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    from docx import Document

    doc = Document(folder / "report.docx")
    cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
    doc_text = "\n".join([p.text for p in doc.paragraphs] + cells)
    assert "SỞ LAO ĐỘNG" in doc_text and HOSTILE_NAME in doc_text  # the name as plain text


@pytest.mark.slow
def test_rollup_of_reports_built_from_the_sample_data_keeps_each_manifests_counts(tmp_path):
    import shutil

    from reportkit.jobs.run import run_report

    from .conftest import PLAN_PATH, ROOT

    subs = ROOT / "data" / "submissions" / "2024"
    rejected = tmp_path / "subs-rejected"
    shutil.copytree(subs, rejected)
    from openpyxl import load_workbook

    book = load_workbook(rejected / "bhtn_2024-02-29.xlsx")
    sheet = book.worksheets[0]
    sheet["D14"], sheet["F14"] = "Đã hoàn thành", "31/02/2024"  # a date that does not exist: the row is rejected
    sheet["E13"] = "khoảng một nửa"  # not a percentage
    book.save(rejected / "bhtn_2024-02-29.xlsx")
    for code, folder in (("dung-han", subs), ("loi-dong", rejected)):
        run_report("2024-Q1", "dan-chu", plan_path=PLAN_PATH, submissions=folder,
                   output=tmp_path / "outputs" / code, formats="html")
    # A report built in 2024 before its deadline: the manifest's first build date is not covered by sha256.
    on_time = tmp_path / "outputs" / "dung-han" / "2024-Q1" / "dan-chu" / "manifest.json"
    manifest = json.loads(on_time.read_text(encoding="utf-8"))
    due = pd.Timestamp(manifest["due_before"]) - pd.Timedelta(days=2)
    manifest["first_built_at"] = f"{due.date().isoformat()}T09:00:00+07:00"
    on_time.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    config = tmp_path / "orgs.yaml"
    config.write_text(SUPERIOR + "organisations:\n  - {code: dung-han}\n  - {code: loi-dong}\n"
                      "  - {code: chua-bao-cao}\n", encoding="utf-8")
    from reportkit.jobs.rollup import run_rollup

    from .pdf_checks import (
        assert_a4_portrait,
        assert_inside_margins,
        assert_page_numbers_from_page_2,
    )

    result = run_rollup(config, "2024-Q1", None, source=tmp_path / "outputs", output=tmp_path / "rollup",
                        formats="html,pdf")
    data = result.data
    out = {o["code"]: o for o in json.loads((result.folder / "rollup.json").read_text("utf-8"))["organisations"]}
    assert {c: o["state"] for c, o in out.items()} == {"dung-han": "on_time", "loi-dong": "late",
                                                        "chua-bao-cao": "missing"}
    import pdfplumber

    with pdfplumber.open(result.folder / "report.pdf") as pdf:  # the Nghị định 30 checks of a period report
        assert_a4_portrait(pdf, min_pages=2)
        assert_page_numbers_from_page_2(pdf)
        assert_inside_margins(pdf)
    for code in ("dung-han", "loi-dong"):
        own = json.loads((tmp_path / "outputs" / code / "2024-Q1" / "dan-chu" / "manifest.json").read_text("utf-8"))
        assert out[code]["counts"] == own["counts"] and sum(own["counts"].values()) > 0
    assert set(data.tasks["org_code"]) == {"dung-han", "loi-dong"}
    rejected_manifest = tmp_path / "outputs" / "loi-dong" / "2024-Q1" / "dan-chu" / "manifest.json"
    assert json.loads(rejected_manifest.read_text("utf-8"))["input_errors"] >= 1


def test_stream_defaults_to_the_one_the_organisations_reported_and_asks_when_there_are_several(tmp_path):
    from reportkit.jobs.rollup import choose_stream

    config = write_three_orgs(tmp_path)
    assert choose_stream(config, "2024-Q1", tmp_path / "outputs") == "dan-chu"
    write_org_report(tmp_path / "outputs", "muon", [1, 0, 0, 0, 0], "2024-03-25T10:00:00+07:00", stream="tai-chinh")
    with pytest.raises(ParamsError, match="dan-chu, tai-chinh") as err:
        choose_stream(config, "2024-Q1", tmp_path / "outputs")
    assert "--stream" in err.value.render()
    with pytest.raises(ParamsError, match="2023-Q4"):
        choose_stream(config, "2023-Q4", tmp_path / "outputs")


def test_roll_ups_nest_to_any_depth_keeping_the_path_of_each_status_line(tmp_path):
    config = write_three_orgs(tmp_path)
    data = _collect(config, tmp_path)
    superior = load_superior(config)
    for level, code in enumerate(("so-ld", "tinh", "bo")):  # Sở, then province, then ministry
        folder = tmp_path / f"level{level}" / code / "2024-Q1" / "dan-chu"
        folder.mkdir(parents=True)
        files = write_tables(data, folder)
        manifest = rollup_manifest(data, superior, folder, files, pd.Timestamp.now(tz="UTC").to_pydatetime())
        (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        data = collect_rollup([OrgInput(code, code, "", folder)], "2024-Q1", "dan-chu")
        assert data.orgs.iloc[0]["state"] in ("on_time", "late")
    sources = set(data.tasks["source_org"].astype(str))
    assert sources == {"tinh/so-ld/dung-han", "tinh/so-ld/muon"} and set(data.tasks["org_code"]) == {"bo"}


def test_an_organisation_without_a_valid_report_has_its_reason_across_the_counts_in_html_and_word(tmp_path):
    import io

    from docx import Document

    from reportkit.jobs.export import word_reference
    from reportkit.report.docx_out import docx_bytes
    from reportkit.report.rollup_tables import org_table, render_org_table

    data = _collect(write_three_orgs(tmp_path), tmp_path)
    html = render_org_table(org_table(data.orgs))
    assert html.count('colspan="6"') == 2 and "Không có báo cáo hợp lệ: chưa có báo cáo kỳ 2024-Q1" in html
    doc = Document(io.BytesIO(docx_bytes([html], word_reference(None))))
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    missing = next(r for r in rows if r[1] == "Trung tâm Chưa báo cáo")
    assert len(set(missing[2:])) == 1 and missing[2].startswith("Không có báo cáo hợp lệ: chưa có báo cáo")
    late = next(r for r in rows if r[1] == "Trung tâm Muộn")
    assert late[2:] == ["Muộn", "1", "2", "0", "3", "14,3%"]
