"""python-docx helpers for the corpus: the Nghị định 30/2020 header, body paragraphs, signer block."""

from __future__ import annotations

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def new_document():
    """An A4 document in Times New Roman 13, margins as the decree asks."""
    doc = new_docx()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    return doc


def _cell_lines(cell, lines: list[tuple[str, bool]]) -> None:
    cell.paragraphs[0].text = ""
    for i, (text, bold) in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(13)


def add_header(doc, superior: str, issuer: str, number: str, place_date: str) -> None:
    """Quốc hiệu, tiêu ngữ and the issuing body in the usual two-column borderless table."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left = [(superior, False)] if superior else []
    left += [(issuer, True), ("", False), (number, False)]
    _cell_lines(table.rows[0].cells[0], left)
    _cell_lines(
        table.rows[0].cells[1],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True), ("", False)],
    )
    p = table.rows[0].cells[1].add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(place_date)
    run.italic = True


def add_title(doc, kind: str, subject: str) -> None:
    """Tên loại ("KẾ HOẠCH") and trích yếu, centred and bold."""
    for text in (kind, subject):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True


def add_para(doc, text: str, bold: bool = False, italic: bool = False, style: str | None = None):
    """A justified body paragraph with a first-line indent."""
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Cm(1)
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    return p


def add_signer(doc, recipients: list[str], title: str, name: str) -> None:
    """Nơi nhận on the left, chức vụ and người ký on the right."""
    table = doc.add_table(rows=1, cols=2)
    left = table.rows[0].cells[0]
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for r in recipients:
        left.add_paragraph().add_run(r).font.size = Pt(11)
    _cell_lines(table.rows[0].cells[1], [(title, True), ("", False), ("", False), (name, True)])


def restart_numbering(doc, paragraph) -> None:
    """Give ``paragraph`` (style List Number) a new list that starts at 1, as Word's "Restart at 1"."""
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract = None
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == style_num:
            abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    new_id = max(ids) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    absid = OxmlElement("w:abstractNumId")
    absid.set(qn("w:val"), abstract)
    num.append(absid)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def set_num(paragraph, num_id: int) -> None:
    """Attach ``paragraph`` to the list ``num_id`` at level 0 (automatic Word numbering)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.append(numpr)


def set_cell_text(cell, text: str, bold: bool = False, center: bool = False) -> None:
    """Replace a table cell's text (one paragraph per line of ``text``)."""
    lines = text.split("\n")
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold = bold
        run.font.size = Pt(12)


def set_table_borders(table) -> None:
    """Single borders on every cell (python-docx's default table has none)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


_REVISION = 0


def _revision(tag: str):
    """A w:ins or w:del element with the attributes Word writes (id, author, date)."""
    global _REVISION
    _REVISION += 1
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(_REVISION))
    el.set(qn("w:author"), "Phó Hiệu trưởng")
    el.set(qn("w:date"), "2026-01-09T08:30:00Z")
    return el


def _run(text: str, deleted: bool = False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def add_tracked_para(doc, parts: list[tuple[str, str]], deleted_paragraph: bool = False):
    """A paragraph with tracked changes: ``parts`` are ("", text), ("ins", text) or ("del", text).

    With ``deleted_paragraph`` the whole paragraph, mark included, is a tracked deletion.
    """
    p = add_para(doc, "")
    for run in list(p._p.findall(qn("w:r"))):
        p._p.remove(run)
    if deleted_paragraph:
        rpr = OxmlElement("w:rPr")
        rpr.append(_revision("w:del"))
        p._p.get_or_add_pPr().append(rpr)
    for kind, text in parts:
        if kind == "":
            p._p.append(_run(text))
            continue
        wrapper = _revision("w:ins" if kind == "ins" else "w:del")
        wrapper.append(_run(text, deleted=kind == "del"))
        p._p.append(wrapper)
    return p


__all__ = [
    "add_header",
    "add_para",
    "add_signer",
    "add_title",
    "add_tracked_para",
    "new_document",
    "restart_numbering",
    "set_cell_text",
    "set_num",
    "set_table_borders",
]
