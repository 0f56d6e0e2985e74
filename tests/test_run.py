"""run_report: parameters checked before a kernel, atomic publication, useful failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportkit.jobs.run as run_module
from reportkit.errors import ParamsError
from reportkit.jobs.run import _publish, parse_formats, run_report

from .conftest import DATA, PLAN_PATH, ROOT
from .report_fixtures import built_report  # noqa: F401  (session fixture)

SUBMISSIONS = ROOT / "data" / "submissions" / "2024"


def previous_report(output):
    """A previous good report in place, as a published folder looks."""
    folder = output / "2024-Q1" / "dan-chu"
    folder.mkdir(parents=True)
    (folder / "report.html").write_text("<p>báo cáo trước</p>", encoding="utf-8")
    (folder / "manifest.json").write_text("{}", encoding="utf-8")
    return folder


def test_bad_parameters_fail_before_any_kernel_starts(tmp_path, monkeypatch):
    monkeypatch.setattr(run_module, "_execute", lambda *a, **k: pytest.fail("a kernel was started"))
    with pytest.raises(ParamsError) as info:
        run_report("2024-Q1", "dan-chu", as_of="2024-02-30", plan_path=PLAN_PATH, output=tmp_path,
                   submissions=SUBMISSIONS)
    assert "'as_of' không phải là ngày hợp lệ" in info.value.render()
    assert not any(tmp_path.iterdir())


def test_output_formats_are_checked_with_the_choices():
    assert parse_formats("pdf, html,pdf") == ("pdf", "html")
    assert parse_formats("DOCX") == ("docx",)
    with pytest.raises(ParamsError) as info:
        parse_formats("html,doc")
    assert "doc" in info.value.render() and "html, pdf, docx, ipynb" in info.value.render()


@pytest.mark.slow
def test_failed_notebook_keeps_the_previous_report_and_writes_a_failure_page(tmp_path, monkeypatch):
    monkeypatch.setattr(run_module, "find_notebook", lambda: DATA / "notebooks" / "failing_report.ipynb")
    old = previous_report(tmp_path)
    result = run_report("2024-Q1", "dan-chu", plan_path=PLAN_PATH, output=tmp_path, submissions=SUBMISSIONS)
    assert not result.ok
    assert "RuntimeError: Dữ liệu hỏng trong 2024" in result.error and "Chạy notebook (ô số" in result.error
    assert (old / "report.html").read_text(encoding="utf-8") == "<p>báo cáo trước</p>"
    failed = tmp_path / "2024-Q1" / "dan-chu.failed"
    page = (failed / "failed.html").read_text(encoding="utf-8")
    assert "BÁO CÁO CHƯA HOÀN CHỈNH" in page and "Dữ liệu hỏng trong 2024" in page
    assert "bhtn_2024-01-09.xlsx" in page  # the inputs, with their sha256
    assert "<script" not in page and "http" not in page.split("<style>")[0]
    executed = json.loads((failed / "report.ipynb").read_text(encoding="utf-8"))
    banner = "".join(executed["cells"][0]["source"])
    assert "An Exception was encountered" in banner  # papermill's error banner
    info = json.loads((failed / "failure.json").read_text(encoding="utf-8"))
    assert info["params"]["period"] == "2024-Q1" and len(info["inputs"]) > 50
    assert not [p for p in (tmp_path / "2024-Q1").iterdir() if p.name.startswith(".")]  # no temp left


def test_missing_kernel_is_a_failure_page_with_the_fix(tmp_path):
    result = run_report("2024-Q1", "dan-chu", plan_path=PLAN_PATH, output=tmp_path, submissions=SUBMISSIONS,
                        kernel_name="no-such-kernel")
    assert not result.ok and "NoSuchKernel" in result.error
    assert "ipykernel install --sys-prefix --name no-such-kernel" in result.error
    assert result.failed_dir.joinpath("failed.html").is_file()
    assert not result.out_dir.exists()


def test_publish_replaces_the_old_folder_whole(tmp_path):
    old = previous_report(tmp_path)
    staging = tmp_path / "2024-Q1" / ".dan-chu.new.tmp"
    staging.mkdir()
    (staging / "report.html").write_text("<p>mới</p>", encoding="utf-8")
    _publish(staging, old)
    assert sorted(p.name for p in old.iterdir()) == ["report.html"]
    assert (old / "report.html").read_text(encoding="utf-8") == "<p>mới</p>"
    assert sorted(p.name for p in old.parent.iterdir()) == ["dan-chu"]


@pytest.mark.slow
def test_published_report_has_its_files_and_a_complete_manifest(built_report):  # noqa: F811
    import hashlib

    folder = built_report.out_dir
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.json", "report.docx", "report.html", "report.ipynb",
                                                         "report.pdf", "status.parquet"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"] == {"html": "report.html", "pdf": "report.pdf", "docx": "report.docx",
                                 "ipynb": "report.ipynb", "status": "status.parquet"}
    assert "status.parquet" in manifest["sha256"] and manifest["plan_code"]
    assert manifest["params"]["period"] == "2024-Q1" and manifest["as_of"] == "2024-02-29"
    assert manifest["due_before"] == "2024-03-01"
    assert {"python", "reportkit", "papermill", "nbconvert", "weasyprint", "pandas"} <= set(manifest["versions"])
    inputs = {Path(i["path"]).name: i for i in manifest["inputs"]}
    assert len(inputs) == len(list(SUBMISSIONS.glob("*.*")))
    sample = inputs["hcth_2024-02-28.xlsx"]
    assert sample["unit"] == "Phòng Hành chính – Tổng hợp" and sample["used"] is True
    assert sample["sha256"] == hashlib.sha256((SUBMISSIONS / "hcth_2024-02-28.xlsx").read_bytes()).hexdigest()
    assert manifest["timings"]["total"] > 0 and "export_pdf" in manifest["timings"]
    assert not list(folder.parent.glob(".*"))  # no temporary folder left behind


def test_cli_run_needs_period_and_stream_or_params(capsys):
    from reportkit.cli import main

    assert main(["run", "--period", "2024-Q1"]) == 3
    err = capsys.readouterr().err
    assert "cần --period và --stream, hoặc --params TỆP" in err and "Traceback" not in err


def test_cli_run_bad_params_file_exits_3_listing_problems(capsys):
    from reportkit.cli import main

    code = main(["run", "--params", str(DATA / "params" / "bad_values.yaml"), "--plan", str(PLAN_PATH),
                 "--submissions", str(SUBMISSIONS)])
    err = capsys.readouterr().err
    assert code == 3 and "tham số báo cáo không hợp lệ: 7 lỗi" in err and "Traceback" not in err


def test_cli_run_failure_exits_2_and_points_to_the_failure_page(tmp_path, capsys):
    from reportkit.cli import main

    code = main(["run", "--period", "2024-Q1", "--stream", "dan-chu", "--plan", str(PLAN_PATH),
                 "--submissions", str(SUBMISSIONS), "--output", str(tmp_path), "--kernel", "no-such-kernel"])
    err = capsys.readouterr().err
    assert code == 2
    assert "KHÔNG LẬP ĐƯỢC báo cáo, lỗi ở bước Khởi động kernel" in err and str(tmp_path / "2024-Q1" / "dan-chu.failed" / "failed.html") in err


@pytest.mark.slow
def test_failed_pdf_export_names_the_step_and_keeps_the_executed_notebook(tmp_path, monkeypatch):
    import reportkit.jobs.export
    from reportkit.errors import ExportError

    def broken(html, path, **kwargs):
        raise ExportError("PDF export failed: no fonts")

    monkeypatch.setattr(reportkit.jobs.export, "export_pdf", broken)
    old = previous_report(tmp_path)
    result = run_report("2024-M03", "dan-van", plan_path=PLAN_PATH, output=tmp_path, submissions=SUBMISSIONS)
    assert not result.ok and result.error == "Xuất PDF (weasyprint): PDF export failed: no fonts"
    assert (old / "report.html").read_text(encoding="utf-8") == "<p>báo cáo trước</p>"
    assert not (tmp_path / "2024-M03" / "dan-van").exists()
    failed = tmp_path / "2024-M03" / "dan-van.failed"
    assert "Xuất PDF (weasyprint)" in (failed / "failed.html").read_text(encoding="utf-8")
    executed = json.loads((failed / "report.ipynb").read_text(encoding="utf-8"))
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in "".join(o.get("data", {}).get("text/html", ""))
               for c in executed["cells"] for o in c.get("outputs", []))


@pytest.mark.slow
def test_failed_word_export_keeps_the_previous_report_and_names_the_step(tmp_path, monkeypatch):
    import reportkit.jobs.export

    def broken(nb, path, reference):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(reportkit.jobs.export, "export_docx", broken)
    old = previous_report(tmp_path)
    result = run_report("2024-M03", "dan-van", plan_path=PLAN_PATH, output=tmp_path, submissions=SUBMISSIONS)
    assert not result.ok and result.error.startswith("Xuất bản Word (DOCX): xuất bản Word (DOCX) không thành công")
    assert (old / "report.html").read_text(encoding="utf-8") == "<p>báo cáo trước</p>"
    failed = tmp_path / "2024-M03" / "dan-van.failed"
    assert "Xuất bản Word (DOCX)" in (failed / "failed.html").read_text(encoding="utf-8")


def test_a_bad_word_reference_in_the_plan_stops_the_run_before_any_kernel(tmp_path, monkeypatch):
    from reportkit.errors import ExportError

    monkeypatch.setattr(run_module, "_execute", lambda *a, **k: pytest.fail("a kernel was started"))
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_PATH.read_text(encoding="utf-8") + "\nword_reference: mau.docx\n", encoding="utf-8")
    (tmp_path / "mau.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExportError) as err:
        run_report("2024-M03", "dan-van", plan_path=plan, output=tmp_path / "out", submissions=SUBMISSIONS)
    assert str(tmp_path / "mau.docx") in err.value.render() and "word_reference" in err.value.hint
    with pytest.raises(pytest.fail.Exception, match="a kernel was started"):  # without docx it is not read
        run_report("2024-M03", "dan-van", plan_path=plan, output=tmp_path / "out", submissions=SUBMISSIONS,
                   formats="html")
