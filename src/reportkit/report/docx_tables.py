"""Tables of the Word report: the borderless two-column blocks (NĐ 30 header, Nơi nhận | signer) and data tables.

Called by ``docx_out._Writer`` with itself as ``writer`` (styles, text width,
inline text). Data tables get the reference document's "Table Grid" style, a
header row repeated on every page, rows that do not split across pages and
keep an automatic height (no text is ever hidden), column widths from the
HTML ``<col>`` widths, right-aligned numbers and a bold total row.
"""

from __future__ import annotations

import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from reportkit.report.docx_style import (
    keep_row_together,
    repeat_header_row,
    style_or_none,
)

_WIDTH = re.compile(r"width:\s*([\d.]+)%")
ALIGN = {"num": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
BLOCK_TAGS = ("p", "div", "ul", "ol", "table", "h2", "h3", "h4", "header")


def has_blocks(el) -> bool:
    """True when ``el`` holds block elements (paragraphs, lists, tables, divs)."""
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el)


def write_two_columns(writer, container, el, shares: tuple[float, float]) -> None:
    """A borderless layout table: header block (agency | nation) or Nơi nhận | signer."""
    cells = [td for tr in el.iter("tr") for td in tr.iterchildren("td")][:2]
    table = container.add_table(rows=1, cols=2)
    table.autofit = False
    widths = [int(writer.text_width * s) for s in shares]
    for column, cell, width, td in zip(table.columns, table.rows[0].cells, widths, cells):
        column.width = cell.width = width
        first = cell.paragraphs[0]
        for child in td:
            if isinstance(child.tag, str) and child.tag == "span" and "rule" in child.get("class", ""):
                writer.rule(cell)
            else:
                writer.block(cell, child)
        if not first.text and len(cell.paragraphs) > 1:  # python-docx starts a cell with an empty paragraph
            first._p.getparent().remove(first._p)


def write_table(writer, container, el) -> None:
    """A data table: caption paragraph, header row repeated on every page, aligned cells, total row bold."""
    caption = el.find("caption")
    if caption is not None:
        writer.paragraph(container, "Caption", caption)
    widths = [float(m.group(1)) for m in (_WIDTH.search(c.get("style", "")) for c in el.iter("col")) if m]
    head = [th for th in el.iter("th")]
    rows = [tr for tr in el.iter("tr") if tr.find("td") is not None]
    ncols = max([len(head)] + [sum(_span(td) for td in tr.findall("td")) for tr in rows])
    table = container.add_table(rows=(1 if head else 0) + len(rows), cols=ncols)
    table.style = style_or_none(writer.doc, "Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    sizes = [int(writer.text_width * w / (sum(widths) or 1)) for w in widths] if len(widths) == ncols else []
    for column, size in zip(table.columns, sizes):
        column.width = size
    docx_rows = iter(table.rows)
    if head:
        row = next(docx_rows)
        repeat_header_row(row)
        for cell, th, size in zip(row.cells, head, sizes or [None] * ncols):
            write_cell(writer, cell, th, "Table Heading", size)
    for tr, row in zip(rows, docx_rows):
        keep_row_together(row)
        bold = "total" in tr.get("class", "").split()
        tds = tr.findall("td")
        cells, column = (_span_row(row, tds, ncols) if any(_span(td) > 1 for td in tds) else row.cells), 0
        for td in tds:
            if column >= ncols:
                break
            span = min(_span(td), ncols - column)
            size = sum(sizes[column:column + span]) if sizes else None
            write_cell(writer, cells[column], td, "Table Text", size, bold=bold)
            column += span


def _span_row(row, tds, ncols: int) -> list:
    """Join the Word cells a ``colspan`` covers (``gridSpan``; python-docx's merge is far slower); the row's cells."""
    tcs, column = list(row._tr.tc_lst), 0
    for td in tds:
        span = min(_span(td), ncols - column)
        if span > 1:
            tcs[column].grid_span = span
            for tc in tcs[column + 1:column + span]:
                row._tr.remove(tc)
        column += max(span, 1)
        if column >= ncols:
            break
    return row.cells  # one per grid column: a joined cell is repeated


def _span(td) -> int:
    """A cell's ``colspan`` (1 when absent or not a number)."""
    value = td.get("colspan", "1")
    return int(value) if value.isdigit() else 1


def write_cell(writer, cell, td, style: str, width: int | None, *, bold: bool = False) -> None:
    """One table cell: its text (or its blocks), alignment from the HTML class, its column's width."""
    if width:
        cell.width = width  # Word and LibreOffice read the cell width (tcW), not only the grid
    par = cell.paragraphs[0]
    writer.set_style(par, style)
    if has_blocks(td):
        par._p.getparent().remove(par._p)
        for child in td:
            writer.block(cell, child)
        if not cell.paragraphs:
            writer.set_style(cell.add_paragraph(), style)
        return
    writer.inline(par, td, {"bold": True} if bold else {})
    align = next((ALIGN[c] for c in td.get("class", "").split() if c in ALIGN), None)
    if align is not None:
        par.alignment = align
