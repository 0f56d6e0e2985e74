"""The report as an editable Word document (Nghị định 30/2020 presentation), with python-docx.

``build_docx`` walks the same pieces the HTML report is made of (the HTML of
each ``Part`` of ``PeriodReport``, or of each output of the executed notebook,
and the charts as PNG) and writes them with the styles of the reference
document (``docx_style``): the header block as a borderless two-column table,
``h2``/``h3`` as Heading 1/2 (Word's navigation pane shows the outline), body
paragraphs in Body Text, dash lists, data tables with a repeated header row,
charts as pictures, the signer block and Nơi nhận, the annexes on a new page.
No wording is written here: every text comes from the HTML, where department
text is already escaped; parsed back it is plain text again, so ``<b>`` or
``=1+1`` typed by a department stays literal text in a run. Characters XML
cannot hold (control characters) are dropped.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docx.shared import Mm

from reportkit.report.docx_style import open_reference, style_or_none
from reportkit.report.docx_tables import has_blocks, write_table, write_two_columns

_SPACES = re.compile(r"[ \t\r\n\f]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# HTML class of a paragraph or div → Word paragraph style (from the reference document).
CLASS_STYLES = {
    "doc-type": "Title", "trich-yeu": "Subtitle", "annex-title": "Annex Title", "annex-subtitle": "Annex Subtitle",
    "note": "Note", "noi-nhan": "Recipients Heading", "superior": "Agency", "issuer": "Issuer",
    "so-ky-hieu": "Document Number", "quoc-hieu": "National Title", "tieu-ngu": "Motto", "dia-danh": "Place Date",
    "signer-title": "Signer Title", "signer-name": "Signer Name",
    "v-v": "Document Number", "kinh-gui": "Header",  # the công văn's trích yếu and "Kính gửi:" (report/notice.py)
}
# HTML class of a list → Word paragraph style of its items (default: Body Text).
LIST_STYLES = {"recipients": "Recipients", "addressees": "Header"}
HEADINGS = {"h1": "Heading 1", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
CHART_WIDTH_MM = 120
RULE_WIDTH_MM = 30


@dataclass(frozen=True)
class Picture:
    """A chart as it reaches the Word document: PNG bytes and its text (alt)."""

    png: bytes
    title: str = ""


def clean_text(text: str | None) -> str:
    """Text of an HTML node as a browser shows it: runs of white space as one space, no control characters."""
    return _NOT_XML.sub("", _SPACES.sub(" ", text or ""))


def add_inline(par, el, look: dict) -> None:
    """The text of ``el`` and its children as runs; b/strong, i/em, u as bold, italic, underline."""
    add_text(par, el.text, look)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            par.add_run().add_break()
        elif tag in ("style", "script", "svg") or not tag:
            pass
        elif "rule" in child.get("class", "").split():
            pass  # the rule under a block is a paragraph of its own (``block``)
        else:
            extra = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline"}.get(tag)
            add_inline(par, child, {**look, extra: True} if extra else look)
        add_text(par, child.tail, look)


def add_text(par, text: str | None, look: dict) -> None:
    """One run of ``text`` (cleaned; leading space dropped at the start of a paragraph) with the ``look``."""
    text = clean_text(text)
    if not text:
        return
    if not par.runs and not par.text:
        text = text.lstrip()
    run = par.add_run(text)
    for key in ("bold", "italic", "underline"):
        if look.get(key):
            setattr(run, key, True)


class _Writer:
    """Writes parsed report HTML into a python-docx Document."""

    def __init__(self, document) -> None:
        self.doc = document
        section = document.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin
        self._styles: dict[str, Any] = {}

    def style_id(self, name: str) -> str:
        """The id of paragraph style ``name`` (Normal's when the reference lacks it), looked up once."""
        if name not in self._styles:
            self._styles[name] = (style_or_none(self.doc, name) or self.doc.styles["Normal"]).style_id
        return self._styles[name]

    def set_style(self, par, name: str) -> None:
        # python-docx's ``paragraph.style = …`` scans every style each time; the id is set directly.
        par._p.style = self.style_id(name)

    def paragraph(self, container, style: str, el=None):
        par = container.add_paragraph()
        self.set_style(par, style)
        if el is not None:
            self.inline(par, el, {})
        return par

    @staticmethod
    def inline(par, el, look: dict) -> None:
        add_inline(par, el, look)

    # -- blocks ---------------------------------------------------------------------
    def block(self, container, el) -> None:
        """One block element of the report HTML."""
        tag = el.tag if isinstance(el.tag, str) else ""
        classes = el.get("class", "").split()
        if tag in ("style", "script", "svg", "figure", "img", "colgroup", "") or "signer-space" in classes:
            return
        if tag == "table" and "nd30-header" in classes:
            write_two_columns(self, container, el, (0.42, 0.58))
        elif tag == "table" and "nd30-signature" in classes:
            write_two_columns(self, container, el, (0.45, 0.55))
        elif tag == "table":
            write_table(self, container, el)
        elif tag in HEADINGS:
            self.paragraph(container, HEADINGS[tag], el)
        elif tag in ("ul", "ol"):
            write_dash_list(self, container, el, next((LIST_STYLES[c] for c in classes if c in LIST_STYLES),
                                                      "Body Text"))
        elif tag in ("p", "div") and (set(classes) & set(CLASS_STYLES) or not has_blocks(el)):
            self.styled_paragraph(container, el, classes)
        else:  # header, section, div.table-scroll, div.detail, td: walk the children
            for child in el:
                self.block(container, child)
            if el.tail and el.tail.strip():
                self.paragraph(container, "Body Text").add_run(clean_text(el.tail))

    def styled_paragraph(self, container, el, classes: list[str]) -> None:
        style = next((CLASS_STYLES[c] for c in classes if c in CLASS_STYLES), "Body Text")
        par = self.paragraph(container, style, el)
        if not par.text.strip():  # a wrapper holding only a stylesheet, an empty note
            par._p.getparent().remove(par._p)
            return
        if "noindent" in classes or "detail-head" in classes:
            par.paragraph_format.first_line_indent = 0
        if "annex-start" in classes:
            par.paragraph_format.page_break_before = True
        if el.find(".//span[@class='rule']") is not None:
            self.rule(container)

    def rule(self, container) -> None:
        """The short line under the agency name and under the trích yếu."""
        par = self.paragraph(container, "Rule")
        width = getattr(container, "width", None) or self.text_width
        side = max(0, int((width - Mm(RULE_WIDTH_MM)) / 2))
        par.paragraph_format.left_indent = par.paragraph_format.right_indent = side


def write_dash_list(writer, container, el, style: str) -> None:
    """``<li>`` items as paragraphs that start with a dash, as administrative documents write lists."""
    for li in el.iterchildren("li"):
        par = writer.paragraph(container, style)
        par.add_run("- ")
        writer.inline(par, li, {})


def write_picture(writer, picture) -> None:
    """A chart as a centred picture (PNG), its title as the picture's description."""
    par = writer.paragraph(writer.doc, "Figure")
    shape = par.add_run().add_picture(io.BytesIO(picture.png), width=Mm(CHART_WIDTH_MM))
    title = clean_text(getattr(picture, "title", ""))
    if title:
        shape._inline.docPr.set("descr", title)


def build_docx(blocks: Iterable[Any], reference: bytes):
    """A python-docx Document of the report ``blocks`` in order, styled by the ``reference`` document bytes.

    A block is report HTML (text, ``Html``) or a chart (anything with ``png``
    bytes and a ``title``: ``charts.Chart``, ``Picture``).
    """
    from lxml import html as lxml_html

    writer = _Writer(open_reference(reference))
    for block in blocks:
        if hasattr(block, "png") and not isinstance(block, str):
            write_picture(writer, block)
            continue
        text = _NOT_XML.sub("", str(getattr(block, "html", block)))  # before the parser turns them into U+FFFD
        if not text.strip():
            continue
        for el in lxml_html.fragments_fromstring(text):
            if isinstance(el, str):
                if el.strip():
                    writer.paragraph(writer.doc, "Body Text").add_run(clean_text(el))
                continue
            writer.block(writer.doc, el)
    body = writer.doc.element.body
    last = body[-2] if len(body) > 1 else None  # body[-1] is the section properties
    if last is None or last.tag.endswith("}tbl"):
        writer.paragraph(writer.doc, "Normal")  # Word ends a body (and a table) with a paragraph
    set_properties(writer.doc)
    return writer.doc


def set_properties(doc) -> None:
    """File properties: the title is the document type and trích yếu (not the reference document's own)."""
    kinds = {name: " ".join(p.text for p in doc.paragraphs if p.style.name == name)
             for name in ("Title", "Subtitle")}
    props = doc.core_properties
    props.title = " ".join(v for v in kinds.values() if v)[:250]
    props.subject = props.comments = props.keywords = ""
    props.author = props.last_modified_by = "reportkit"
    props.created = props.modified = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)


def docx_bytes(blocks: Iterable[Any], reference: bytes) -> bytes:
    """``build_docx`` saved to bytes (for an atomic write)."""
    buf = io.BytesIO()
    build_docx(blocks, reference).save(buf)
    return buf.getvalue()


def report_blocks(report) -> list:
    """The blocks of a ``PeriodReport`` in document order, as its notebook displays them."""
    parts = (report.header(), report.results(), report.shortcomings(), report.directions(), report.proposals(),
             report.signature(), report.annex())
    return [output for part in parts for output in part.outputs()]
