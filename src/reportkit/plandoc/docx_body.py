"""The body of a Word document as ordered blocks: paragraphs with their numbering labels, tables with merges expanded.

``BodyReader`` walks ``w:body``'s children in order (into content controls and
custom XML), reading the text Word would show with every tracked change
accepted: inserted and moved-to text kept, deleted and moved-from text dropped,
a paragraph whose mark was deleted joined to the next one, deleted table rows
left out. Hidden text, text boxes, drawings and field codes are not read.
A run in an old Vietnamese font (.VnTime, .VnTimeH, VNI-Times) is converted
to Unicode when the result is real Vietnamese (``intake.legacy``), a run
formatted "All caps" is read in capitals, as Word shows them.
Tables become rectangular grids: a horizontally merged cell (``w:gridSpan``) or
a vertically merged one (``w:vMerge``) repeats its value in every covered cell;
nested tables are flattened into their cell, one line per nested cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from reportkit.intake import legacy
from reportkit.messages import t
from reportkit.plandoc.numbering import NS, Numbering, W
from reportkit.plandoc.source import Block, Paragraph, Table
from reportkit.text import clean_text

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC, _R, _T = (f"{{{W}}}{name}" for name in ("p", "tbl", "tr", "tc", "r", "t"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{{{W}}}sdt", f"{{{W}}}sdtContent", f"{{{W}}}customXml"
_TEXT_AS = {f"{{{W}}}tab": " ", f"{{{W}}}br": "\n", f"{{{W}}}cr": "\n", f"{{{W}}}noBreakHyphen": "-"}
_SKIP = {f"{{{W}}}{name}" for name in ("del", "moveFrom", "pPr", "rPr", "drawing", "pict", "object", "instrText",
                                         "delText", "footnoteReference", "endnoteReference", "commentReference",
                                         "fldData", "softHyphen")} | {f"{{{MC}}}Fallback"}
_VAL = f"{{{W}}}val"
MAX_TABLE_COLUMNS = 64
# compiled XPaths (python-docx elements override .xpath() with their own namespace map)
_ROW_CELLS = etree.XPath("./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc", namespaces=NS)
_CELL_BLOCKS = etree.XPath("./w:p | ./w:tbl | ./w:sdt/w:sdtContent/*", namespaces=NS)


def _collect(element, out: list[str], legacy_runs: list[str]) -> None:
    """Append the shown text under ``element`` to ``out`` (tracked deletions, drawings, field codes skipped).

    A run in an old Vietnamese font (.VnTime, .VnTimeH, VNI-Times) is converted to Unicode when that is
    safe (its encoding appended to ``legacy_runs``); a run formatted "All caps" (``w:caps``) is upper-cased.
    """
    for child in element:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag in _TEXT_AS:
            out.append(_TEXT_AS[tag])
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        elif tag == _R:
            _collect_run(child, out, legacy_runs)
        else:
            _collect(child, out, legacy_runs)


def _on(element) -> bool:
    """True for a present on/off property (``<w:caps/>``, ``<w:vanish w:val="1"/>``)."""
    return element is not None and element.get(_VAL) not in ("0", "false", "off")


def _collect_run(run, out: list[str], legacy_runs: list[str]) -> None:
    r_pr = run.find("w:rPr", NS)
    if r_pr is None:
        _collect(run, out, legacy_runs)
        return
    if _on(r_pr.find("w:vanish", NS)):
        return  # hidden text
    fonts = r_pr.find("w:rFonts", NS)
    font = None if fonts is None else fonts.get(f"{{{W}}}ascii") or fonts.get(f"{{{W}}}hAnsi")
    encoding = legacy.font_encoding(font)[0]
    caps = _on(r_pr.find("w:caps", NS))
    if not encoding and not caps:
        _collect(run, out, legacy_runs)
        return
    inner: list[str] = []
    _collect(run, inner, legacy_runs)
    text = "".join(inner)
    if encoding:
        repair = legacy.repair_text(text, font)
        if repair.outcome == legacy.CONVERTED:
            text = repair.text
            legacy_runs.append(repair.encoding or encoding)
    out.append(text.upper() if caps else text)


def paragraph_text(p, legacy_runs: list[str] | None = None) -> str:
    """The text a ``w:p`` shows with tracked changes accepted (not cleaned)."""
    out: list[str] = []
    _collect(p, out, [] if legacy_runs is None else legacy_runs)
    return "".join(out)


def _mark_deleted(p_pr) -> bool:
    """True when the paragraph mark itself is a tracked deletion: the paragraph joins the next one."""
    return p_pr is not None and (p_pr.find("w:rPr/w:del", NS) is not None
                                 or p_pr.find("w:rPr/w:moveFrom", NS) is not None)


@dataclass
class BodyReader:
    """Reads a body's block children into ``blocks``, numbering paragraphs as it goes."""

    numbering: Numbering
    style_names: dict[str, str]
    default_style: str = ""
    blocks: list[Block] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0
    legacy: list[tuple[str, str]] = field(default_factory=list)  # (location, encoding) per converted paragraph/cell
    converted_runs: list[str] = field(default_factory=list)  # encodings of legacy-font runs converted so far
    table_where: str = ""  # the table being read
    _pending: str = ""  # text of a paragraph whose mark was deleted, joined to the next paragraph

    def read(self, container) -> list[Block]:
        """Read every block child of ``container`` (``w:body``) in order; returns ``blocks``."""
        for child in container:
            self._block(child)
        return self.blocks

    def _block(self, element) -> None:
        tag = element.tag
        if tag == _P:
            self._paragraph(element)
        elif tag == _TBL:
            self._table(element)
        elif tag == _SDT:
            for child in element.iterfind("w:sdtContent/*", NS):
                self._block(child)
        elif tag == _CUSTOM_XML:
            for child in element:
                self._block(child)

    def read_p(self, p) -> tuple[str, str, str] | None:
        """(text, numbering label, style id) of a paragraph, or None when it joins the next one."""
        p_pr = p.find("w:pPr", NS)
        text = paragraph_text(p, self.converted_runs)
        if _mark_deleted(p_pr):
            self._pending += text
            return None
        text, self._pending = self._pending + text, ""
        style_id = ""
        num_pr = None
        if p_pr is not None:
            style = p_pr.find("w:pStyle", NS)
            style_id = style.get(_VAL, "") if style is not None else ""
            num_pr = p_pr.find("w:numPr", NS)
        found = self.numbering.numbering_of(num_pr, style_id)
        label = self.numbering.next_label(*found) if found else ""
        return clean_text(text).replace("\n", " "), label, style_id

    def _paragraph(self, p) -> None:
        before = len(self.converted_runs)
        read = self.read_p(p)
        if read is None or not read[0]:
            return
        text, label, style_id = read
        self.paragraphs += 1
        where = t("source.where.paragraph", n=self.paragraphs)
        self.note_legacy(before, where)
        style = self.style_names.get(style_id, self.default_style) if style_id else self.default_style
        self.blocks.append(Paragraph(text, style=style, numbering=label, location=where))

    def cell_text(self, tc) -> str:
        """A cell's text (see ``read_cell``)."""
        return read_cell(self, tc)

    def note_legacy(self, before: int, where: str) -> None:
        """Record ``where`` as converted from a legacy font when runs were converted since ``before``."""
        if len(self.converted_runs) > before:
            self.legacy.append((where, self.converted_runs[before]))

    def _table(self, tbl) -> None:
        self.table_where = t("source.where.table", n=self.tables + 1)  # for the cells' legacy-font notes
        rows, merged = table_grid(tbl, self.cell_text)
        if not rows:
            return
        self.tables += 1
        self.blocks.append(Table(rows=rows, merged=merged, location=t("source.where.table", n=self.tables)))


def read_cell(reader: BodyReader, tc) -> str:
    """A cell's text: its paragraphs (numbering label first) one per line, nested tables flattened."""
    lines: list[str] = []
    for child in _CELL_BLOCKS(tc):
        if child.tag == _TBL:
            rows, merged = table_grid(child, reader.cell_text)
            lines += [value for r, row in enumerate(rows) for c, value in enumerate(row)
                      if value and (r, c) not in merged]
            continue
        before = len(reader.converted_runs)
        read = reader.read_p(child)
        if read is not None and (read[0] or read[1]):
            lines.append(f"{read[1]} {read[0]}".strip())
            reader.note_legacy(before, reader.table_where)
    return "\n".join(lines)


def table_grid(tbl, cell_text: Callable) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[int, int]]]:
    """A ``w:tbl`` as a rectangular grid of ``cell_text(tc)`` (empty rows dropped), and its merges' covered cells.

    Spans are capped at MAX_TABLE_COLUMNS (Word allows 63 columns), so a damaged or hostile
    ``w:gridSpan`` cannot make the grid huge.
    """
    placed: list[list[tuple[int, int, str | None, str]]] = []  # per row: (column, span, vMerge, text)
    for tr in tbl.iterfind("w:tr", NS):
        if tr.find("w:trPr/w:del", NS) is not None:
            continue  # a row deleted with tracked changes
        column = _count(tr.find("w:trPr/w:gridBefore", NS), 0)
        cells = []
        for tc in _ROW_CELLS(tr):
            span = _count(tc.find("w:tcPr/w:gridSpan", NS), 1)
            v_merge = tc.find("w:tcPr/w:vMerge", NS)
            state = None if v_merge is None else (v_merge.get(_VAL) or "continue")
            cells.append((column, span, state, cell_text(tc)))
            column += span
        placed.append(cells)
    width = min(MAX_TABLE_COLUMNS, max([len(tbl.findall("w:tblGrid/w:gridCol", NS))]
                                       + [c + s for cells in placed for c, s, _, _ in cells[-1:]]))
    grid = [[""] * width for _ in placed]
    covered: set[tuple[int, int]] = set()
    for r, cells in enumerate(placed):
        for column, span, state, text in cells:
            if column >= width:
                continue
            span = min(span, width - column)
            if state == "continue" and r > 0:
                text = grid[r - 1][column]
                covered.add((r, column))
            covered.update((r, c) for c in range(column + 1, column + span))
            grid[r][column:column + span] = [text] * span
    keep = [r for r, row in enumerate(grid) if any(row)]
    new_index = {old: new for new, old in enumerate(keep)}
    merged = frozenset((new_index[r], c) for r, c in covered if r in new_index)
    return tuple(tuple(grid[r]) for r in keep), merged


def _count(element, default: int) -> int:
    """The ``w:val`` of an optional count element (gridSpan, gridBefore), within 0…MAX_TABLE_COLUMNS."""
    try:
        value = default if element is None else int(element.get(_VAL, default))
    except ValueError:
        value = default
    return min(max(value, default), MAX_TABLE_COLUMNS)
