"""report.docx rendered by a real client: LibreOffice Writer converts it to PDF, which passes the report's NĐ 30 checks."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from reportkit.report.docx_out import docx_bytes
from reportkit.report.docx_style import REFERENCE_DOCX, read_reference
from reportkit.report.markup import Column, para, render_table

from .pdf_checks import (
    MM,
    assert_a4_portrait,
    assert_fonts_embedded,
    assert_inside_margins,
    assert_page_numbers_from_page_2,
    pdf_text,
)
from .report_fixtures import built_report  # noqa: F401  (session fixture)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")]


def convert_to_pdf(docx, folder):
    """``soffice --headless --convert-to pdf`` with a private profile; the PDF's path."""
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to", "pdf",
         "--outdir", str(folder), str(docx)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = folder / (docx.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    return pdf


@pytest.fixture(scope="module")
def office_pdf(built_report, tmp_path_factory):  # noqa: F811
    return convert_to_pdf(built_report.files["docx"], tmp_path_factory.mktemp("office"))


@pytest.fixture(scope="module")
def pdf(office_pdf):
    import pdfplumber

    with pdfplumber.open(office_pdf) as document:
        yield document


def test_run_writes_report_docx_listed_in_the_manifest_with_its_sha256(built_report):  # noqa: F811
    manifest = json.loads((built_report.out_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"]["docx"] == "report.docx" and "docx" in manifest["formats"]
    from reportkit.jobs.run import hash_file

    assert manifest["sha256"]["report.docx"] == hash_file(built_report.files["docx"])
    assert manifest["timings"]["export_docx"] >= 0


def test_libreoffice_renders_every_page_a4(pdf):
    assert_a4_portrait(pdf)


def test_page_numbers_from_page_2_and_none_on_page_1(pdf):
    assert_page_numbers_from_page_2(pdf)


def test_text_tables_and_charts_stay_inside_the_decree_margins(pdf):
    assert_inside_margins(pdf)


def test_fonts_are_embedded_times_compatible_serif_body_13_to_14_pt(office_pdf, pdf):
    assert_fonts_embedded(office_pdf)
    chars = [c for c in pdf.pages[0].chars if c["text"].strip()]
    assert {c["fontname"].split("+")[-1].split("-")[0] for c in chars} <= {"LiberationSerif", "TimesNewRomanPSMT",
                                                                           "TimesNewRoman", "Tinos"}
    body = [c for c in chars if "Bold" not in c["fontname"] and "Italic" not in c["fontname"]]
    assert 14 in {round(c["size"]) for c in body}


def test_noi_nhan_is_11_to_12_pt(pdf, plan):
    words = [w for page in pdf.pages for w in page.extract_words(extra_attrs=["size"])]
    last = plan.recipients[-1].split()[0]
    sizes = {round(w["size"]) for w in words if w["text"] == last}
    assert sizes and sizes <= {11, 12}, sizes


def test_vietnamese_round_trips_nfc_with_the_html_headline_and_task_lines(office_pdf, built_report, plan):  # noqa: F811
    from lxml import html as lxml_html

    text = " ".join(pdf_text(office_pdf).split())
    page = lxml_html.fromstring(built_report.files["html"].read_text(encoding="utf-8"))
    heading = next(h for h in page.iter("h3") if h.text_content().startswith("3. Thực hiện các nhiệm vụ cụ thể"))
    tasks = [" ".join(li.text_content().split()) for li in heading.getnext().iter("li")]
    assert len(tasks) >= 3
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:",
                   built_report.manifest["headline"], plan.signer_name, *tasks):
        assert phrase in text, phrase


def test_a_very_long_text_wraps_and_nothing_is_cut(tmp_path):
    import pandas as pd
    import pdfplumber

    words = [f"dài{i}" for i in range(1500)]
    long_cell = "ô" + "x" * 300  # one word wider than its column
    html = para(" ".join(words)) + render_table(pd.DataFrame({"a": ["1"], "b": [long_cell]}),
                                                 [Column("a", "STT", "10%"), Column("b", "Nội dung", "90%")])
    docx = tmp_path / "dai.docx"
    docx.write_bytes(docx_bytes([html], read_reference(REFERENCE_DOCX)))
    pdf_path = convert_to_pdf(docx, tmp_path)
    text = pdf_text(pdf_path)
    found = [w for w in text.split() if not w.isdigit()]  # without the page numbers of the header
    assert found[:len(words)] == words  # every word, in order, none cut
    assert found[len(words):len(words) + 3] == ["STT", "Nội", "dung"]
    assert "".join(found[len(words) + 3:]) == long_cell  # the "1" of the first column is dropped with the digits
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            body = [c for c in page.chars if c["top"] > 20 * MM - 1]
            assert max(c["x1"] for c in body) <= page.width - 15 * MM + 1.5
