"""report.docx as python-docx reads it: NĐ 30 page set-up, Word styles, tables, the same text as the HTML."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from types import SimpleNamespace

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from reportkit.errors import ExportError
from reportkit.report.docx_out import build_docx, docx_bytes, report_blocks
from reportkit.report.docx_style import REFERENCE_DOCX, read_reference, reference_path
from reportkit.report.document import QUOC_HIEU, TIEU_NGU, render_header
from reportkit.report.markup import Column, para, render_table
from reportkit.report.period import build_report, headline_sentence, render_task_lines

from .conftest import PLAN_PATH, ROOT

SUBMISSIONS = ROOT / "data" / "submissions" / "2024"


@pytest.fixture(scope="module")
def report():
    return build_report("2024-H1", "dan-chu", plan_path=str(PLAN_PATH), submissions=str(SUBMISSIONS))


@pytest.fixture(scope="module")
def reference() -> bytes:
    return read_reference(REFERENCE_DOCX)


@pytest.fixture(scope="module")
def blocks(report):
    return report_blocks(report)


@pytest.fixture(scope="module")
def doc(blocks, reference):
    return Document(io.BytesIO(docx_bytes(blocks, reference)))  # saved and read back, as Word would


def texts(doc) -> list[str]:
    """Every paragraph text of the body, table cells included, in order."""
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return out


def flat(doc) -> str:
    return " ".join(" ".join(texts(doc)).split())


def test_page_is_a4_portrait_with_the_decree_margins(doc):
    for section in doc.sections:
        mm = {k: round(getattr(section, k).mm, 1) for k in ("page_width", "page_height", "top_margin",
                                                           "bottom_margin", "left_margin", "right_margin")}
        assert (mm["page_width"], mm["page_height"]) == (210, 297)
        assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
        assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20


def test_page_number_is_a_page_field_at_the_top_centre_except_on_page_1(doc):
    section = doc.sections[0]
    assert section.different_first_page_header_footer  # w:titlePg
    header = section.header._element
    fields = header.findall(".//" + qn("w:fldSimple"))
    assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
    number = section.header.paragraphs[0]
    assert (number.alignment or number.style.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    first = section.first_page_header._element
    assert first.findall(".//" + qn("w:fldSimple")) == [] and "PAGE" not in first.xml


def test_styles_are_times_new_roman_body_13_to_14_pt_and_noi_nhan_11_to_12(doc):
    styles = doc.styles
    assert styles["Normal"].font.name == "Times New Roman"
    assert Pt(13) <= styles["Body Text"].font.size <= Pt(14)
    assert Pt(11) <= styles["Recipients"].font.size <= Pt(12)
    assert styles["Body Text"].paragraph_format.first_line_indent > 0
    body = [p for p in doc.paragraphs if p.style.name == "Body Text"]
    assert len(body) > 20
    # No run overrides the font: restyling the reference restyles the report.
    runs = [r for p in doc.paragraphs for r in p.runs]
    assert all(r.font.name is None and r.font.size is None for r in runs)


def test_sections_i_to_iv_are_heading_1_and_their_parts_heading_2(doc):
    by_style = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"][:4] == ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                                         "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert "1. Kết quả chung" in by_style["Heading 2"] and "3. Thực hiện các nhiệm vụ cụ thể" in by_style["Heading 2"]
    assert by_style["Title"] == ["BÁO CÁO"]
    assert [t for t in by_style["Annex Title"] if t.startswith("Phụ lục")] == ["Phụ lục I", "Phụ lục II"]


def test_file_title_is_the_report_not_the_reference_document(doc):
    props = doc.core_properties
    assert props.title == "BÁO CÁO Kết quả triển khai thực hiện công tác dân chủ 6 tháng đầu năm 2024"
    assert "reference" not in (props.title + props.comments).lower()


def test_header_block_has_agency_left_and_nation_right_with_blank_number_and_date(doc, plan):
    header = doc.tables[0].rows[0].cells
    left, right = [[p.text for p in c.paragraphs if p.text] for c in header]
    assert left[-1] == f"Số: ……/{plan.report_symbol}" and plan.issuer_name.upper() in left
    assert right[:2] == [QUOC_HIEU, TIEU_NGU]
    assert right[2].endswith("ngày …… tháng …… năm 2024")
    assert doc.tables[0].style is None or "Grid" not in doc.tables[0].style.name  # no borders on the layout table


def test_number_and_signing_date_fill_the_header_when_given(report, reference):
    s = report.summary
    html = render_header(s.plan, s.report, number="58", signed_on=dt.date(2024, 5, 24))
    doc = build_docx([html], reference)
    text = flat(doc)
    assert f"Số: 58/{s.plan.report_symbol}" in text and "ngày 24 tháng 5 năm 2024" in text


def test_signer_block_leaves_room_for_signature_and_seal_and_lists_noi_nhan(doc, plan):
    signature = next(t for t in doc.tables if any("Nơi nhận:" in c.text for c in t.rows[0].cells))
    left, right = signature.rows[0].cells
    recipients = [p for p in left.paragraphs if p.style.name == "Recipients"]
    assert [p.text for p in recipients] == [f"- {r}" for r in plan.recipients]
    name = next(p for p in right.paragraphs if p.text == plan.signer_name)
    assert name.style.paragraph_format.space_before >= Pt(60)  # the space for the signature and the seal


def test_data_tables_repeat_their_header_row_and_never_fix_a_row_height(doc):
    data = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(data) >= 5
    for table in data:
        first = table.rows[0]._tr
        assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert [c.text for c in table.rows[0].cells][0]
    body = doc.element.body
    assert body.findall(".//" + qn("w:trHeight")) == []
    for tag in ("w:txbxContent", "w:framePr", "w:pict"):  # no text boxes or frames
        assert body.findall(".//" + qn(tag)) == [], tag


def test_every_chart_is_a_picture_with_its_title(doc, blocks):
    charts = [b for b in blocks if hasattr(b, "png")]
    pictures = doc.inline_shapes
    assert len(charts) >= 2 and len(pictures) == len(charts)
    titles = [s._inline.docPr.get("descr") for s in pictures]
    assert titles == [c.title for c in charts]


def test_headline_and_every_task_line_of_the_html_are_in_the_docx(doc, report):
    from lxml import html as lxml_html

    text = flat(doc)
    assert headline_sentence(report.summary) in text
    lines = [" ".join(li.text_content().split())
             for li in lxml_html.fragment_fromstring(render_task_lines(report.summary.status), create_parent=True)
             .iter("li")]
    assert len(lines) >= 5
    for line in lines:
        assert f"- {line}" in text, line


def test_department_markup_formulas_and_control_characters_stay_literal_text(reference):
    hostile = "=1+1 <b>đậm</b> <script>x()</script> &amp; @SUM(A1) \x07chuông\x1b"
    import pandas as pd

    table = render_table(pd.DataFrame({"text": [hostile, "+cmd|' /C calc'!A0"]}), [Column("text", "Nội dung")])
    html = para(hostile) + "<p>thô \x0b\x00 kiểm</p>" + table
    doc = Document(io.BytesIO(docx_bytes([html], reference)))
    text = flat(doc)
    assert "=1+1 <b>đậm</b> <script>x()</script> &amp; @SUM(A1) chuông" in text
    assert "+cmd|' /C calc'!A0" in text and "thô kiểm" in text
    body = doc.element.body
    assert not any(r.bold for p in doc.paragraphs for r in p.runs)  # "<b>" did not become bold
    for tag in ("w:fldSimple", "w:instrText", "w:hyperlink"):
        assert body.findall(".//" + qn(tag)) == [], tag


def test_a_very_long_text_is_kept_whole(reference):
    long_word = "Nghịđịnh" * 300  # 2 400 letters without a space
    long_text = " ".join(f"từ{i}" for i in range(6000))
    doc = build_docx([para(long_text), para(long_word)], reference)
    assert doc.paragraphs[0].text == long_text and doc.paragraphs[1].text == long_word


def test_an_organisation_restyles_through_its_own_reference_document(tmp_path, blocks, reference):
    own = Document(io.BytesIO(reference))
    own.styles["Body Text"].font.size = Pt(13)
    own.sections[0].left_margin = Cm(3.5)
    path = tmp_path / "mau-bao-cao.docx"
    own.save(path)
    plan = SimpleNamespace(word_reference="mau-bao-cao.docx", path=tmp_path / "plan.yaml")
    assert reference_path(plan) == path
    doc = build_docx(blocks, read_reference(reference_path(plan)))
    assert doc.styles["Body Text"].font.size == Pt(13) and round(doc.sections[0].left_margin.mm) == 35
    assert reference_path(None) == REFERENCE_DOCX == reference_path(SimpleNamespace(word_reference="", path=path))


def test_a_reference_that_is_not_a_docx_is_refused_with_a_fix(tmp_path):
    fake = tmp_path / "mau.docx"
    fake.write_text("=cmd|' /C calc'!A0", encoding="utf-8")
    with pytest.raises(ExportError) as err:
        read_reference(fake)
    assert err.value.hint and str(fake) in err.value.render()
    workbook = tmp_path / "bang.docx"
    with zipfile.ZipFile(workbook, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ExportError):
        read_reference(workbook)


def test_a_zip_bomb_reference_is_refused_before_it_is_opened(tmp_path):
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/zeros.bin", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(ExportError, match="nén|zip"):
        read_reference(bomb)


def test_plan_key_word_reference_is_read_relative_to_the_plan(tmp_path):
    from reportkit.plan.load import load_plan

    text = PLAN_PATH.read_text(encoding="utf-8") + "\nword_reference: mau/bao-cao.docx\n"
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    assert plan.word_reference == "mau/bao-cao.docx"
    assert reference_path(plan) == tmp_path / "mau" / "bao-cao.docx"


def test_a_reference_without_reportkit_styles_still_gives_a_whole_report(blocks):
    """A plain Word document as reference: missing styles fall back to Normal, headings stay headings."""
    plain = io.BytesIO()
    Document().save(plain)
    doc = build_docx(blocks, plain.getvalue())
    names = {p.style.name for p in doc.paragraphs}
    assert "Heading 1" in names and "Body Text" in names  # both exist in every Word template
    assert "Signer Name" not in names and "Normal" in names
    assert "I. KẾT QUẢ THỰC HIỆN" in flat(doc) and len(doc.inline_shapes) >= 2


def test_a_reference_declaring_xml_entities_is_refused(tmp_path, reference):
    src = zipfile.ZipFile(io.BytesIO(reference))
    laughs = tmp_path / "cuoi.docx"
    with zipfile.ZipFile(laughs, "w") as zf:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>', 1)
            zf.writestr(info, data)
    with pytest.raises(ExportError) as err:
        read_reference(laughs)
    assert "styles.xml" in err.value.render() and "word_reference" in err.value.hint


def test_export_docx_writes_the_executed_notebooks_outputs(tmp_path):
    """The route `reportkit run` takes: the notebook's HTML outputs and its PNG charts, no kernel, atomically."""
    import nbformat

    from reportkit.jobs.export import export_docx, word_reference

    from .conftest import DATA

    nb = nbformat.read(DATA / "notebooks" / "executed_report.ipynb", as_version=4)
    path = export_docx(nb, tmp_path / "report.docx", word_reference(None))
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]  # no temporary file left beside it
    doc = Document(path)
    assert QUOC_HIEU in flat(doc) and "Nơi nhận:" in flat(doc)
    pictures = doc.inline_shapes
    assert len(pictures) == 1 and pictures[0]._inline.docPr.get("descr") == "Biểu đồ thử"  # the PNG output, once


def test_a_document_that_ends_with_a_table_ends_with_a_paragraph_as_word_writes_it(reference):
    import pandas as pd

    doc = build_docx([render_table(pd.DataFrame({"a": ["1"]}), [Column("a", "STT")])], reference)
    assert doc.element.body[-2].tag == qn("w:p") and doc.element.body[-1].tag == qn("w:sectPr")
