"""Build reportkit's Word reference document (``templates/reportkit/reference.docx``) once.

The reference document carries the look of every Word document reportkit
writes (like pandoc's reference doc): paragraph and table styles, page size,
margins and the header with the page number. ``reportkit`` copies its styles
and first section and replaces the body. Run this script again only to change
the defaults shipped with reportkit; an organisation edits its own copy in
Word instead (docs/reports.md, "Bản Word").

    .venv/bin/python scripts/make_reference_docx.py

Presentation of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4; margins top and
bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, body 14 pt, first
line indented 1.27 cm, at least 6 pt between paragraphs; page number at the
top centre from page 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "src" / "reportkit" / "templates" / "reportkit" / "reference.docx"
FONT = "Times New Roman"
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)
INDENT = Cm(1.27)

# name: (based on, size pt, bold, italic, alignment, first-line indent, space before pt, space after pt)
PARAGRAPH_STYLES = {
    "Body Text": ("Normal", 14, False, False, JUSTIFY, INDENT, 6, 0),
    "Heading 1": ("Normal", 14, True, False, JUSTIFY, INDENT, 6, 0),
    "Heading 2": ("Normal", 14, True, False, JUSTIFY, INDENT, 6, 0),
    "Heading 3": ("Normal", 14, True, True, JUSTIFY, INDENT, 6, 0),
    "Title": ("Normal", 14, True, False, CENTER, 0, 12, 0),
    "Subtitle": ("Normal", 14, True, False, CENTER, 0, 0, 0),
    "Agency": ("Normal", 12, False, False, CENTER, 0, 0, 0),
    "Issuer": ("Normal", 12, True, False, CENTER, 0, 0, 0),
    "Document Number": ("Normal", 13, False, False, CENTER, 0, 6, 0),
    "National Title": ("Normal", 12, True, False, CENTER, 0, 0, 0),
    "Motto": ("Normal", 14, True, False, CENTER, 0, 0, 0),
    "Place Date": ("Normal", 14, False, True, CENTER, 0, 6, 0),
    "Rule": ("Normal", 2, False, False, CENTER, 0, 4, 0),
    "Figure": ("Normal", 11, False, False, CENTER, 0, 6, 6),
    "Caption": ("Normal", 13, True, False, CENTER, 0, 6, 3),
    "Note": ("Normal", 13, False, True, CENTER, 0, 0, 0),
    "Table Heading": ("Normal", 11, True, False, CENTER, 0, 2, 2),
    "Table Text": ("Normal", 11, False, False, LEFT, 0, 2, 2),
    "Recipients Heading": ("Normal", 12, True, True, LEFT, 0, 12, 0),
    "Recipients": ("Normal", 11, False, False, LEFT, 0, 0, 0),
    "Signer Title": ("Normal", 14, True, False, CENTER, 0, 12, 0),
    "Signer Name": ("Normal", 14, True, False, CENTER, 0, 72, 0),  # room for the signature and the seal
    "Annex Title": ("Normal", 14, True, False, CENTER, 0, 0, 0),
    "Annex Subtitle": ("Normal", 14, False, True, CENTER, 0, 0, 12),
    "Header": ("Normal", 14, False, False, CENTER, 0, 0, 0),
}


def set_fonts(rpr) -> None:
    """Times New Roman for every script in a ``w:rPr``, no theme font (a theme font would win over the name)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def drop_border(style) -> None:
    """Remove a paragraph border the default template puts on a style (Title)."""
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def add_top_border(style) -> None:
    """The short rule under the agency name and the trích yếu: a top border of an empty paragraph."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    # w:pBdr comes before these in w:pPr (Word refuses a file whose elements are out of schema order).
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                              "w:pPrChange")


def make_styles(doc) -> None:
    """Normal (Times New Roman 14 pt, single spacing) and every style reportkit uses."""
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    set_fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing_rule = Pt(0), Pt(0), WD_LINE_SPACING.SINGLE
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults)
    for name, (base, size, bold, italic, align, indent, before, after) in PARAGRAPH_STYLES.items():
        try:
            style = doc.styles[name]
        except KeyError:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.hidden = style.unhide_when_used = False
        style.quick_style = True
        font = style.font
        font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
        font.color.rgb = RGBColor(0, 0, 0)
        set_fonts(style.element.get_or_add_rPr())
        drop_border(style)
        style.element.get_or_add_pPr()._remove_numPr()  # the default Subtitle's list level without a list
        for extra in ("w:spacing", "w:kern"):  # letter spacing of the default Title and Subtitle
            for node in style.element.get_or_add_rPr().findall(qn(extra)):
                node.getparent().remove(node)
        fmt = style.paragraph_format
        fmt.alignment, fmt.first_line_indent = align, indent
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.keep_with_next = name.startswith(("Heading", "Title", "Subtitle", "Caption", "Annex"))
        if name == "Body Text":
            fmt.line_spacing = 1.1
    add_top_border(doc.styles["Rule"])
    doc.styles["Rule"].paragraph_format.line_spacing = Pt(2)
    table = doc.styles["Table Grid"]
    table.font.name, table.font.size = FONT, Pt(11)
    set_cell_margins(table, side=60, top=0)


def set_cell_margins(style, side: int, top: int) -> None:
    """Cell padding of a table style, in twentieths of a point (Word's default sides: 108, i.e. 0.19 cm)."""
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = OxmlElement("w:tblPr")
        style.element.append(tbl_pr)
    for old in tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for edge, size in (("top", top), ("left", side), ("bottom", top), ("right", side)):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:w"), str(size))
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    tbl_pr.append(margins)


def add_page_field(paragraph) -> None:
    """A PAGE field (the page number) in ``paragraph``."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def make_section(doc) -> None:
    """A4 portrait, the decree's margins, a page number at the top centre except on page 1."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(8), Mm(8)
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = doc.styles["Header"]
    add_page_field(paragraph)
    section.first_page_header.is_linked_to_previous = False  # empty: no number on page 1


def build_reference() -> bytes:
    """The reference document as bytes (an empty body)."""
    import io

    doc = Document()
    make_styles(doc)
    make_section(doc)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = doc.core_properties
    props.author, props.title, props.comments = "reportkit", "reportkit reference document", ""
    package_rels = doc.part.package.rels
    for r_id in [r for r, rel in package_rels.items() if rel.reltype.endswith("/thumbnail")]:
        del package_rels[r_id]  # python-docx's default preview picture would show another document
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.write_bytes(build_reference())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
