"""Merged cells of an OpenDocument spreadsheet (python-calamine reports none for .ods).

``content.xml`` marks a merge on its top-left ``table:table-cell`` with
``table:number-columns-spanned`` / ``table:number-rows-spanned``; rows and
cells may be repeated (``number-rows-repeated``, ``number-columns-repeated``).
The XML is streamed (lxml iterparse, no entities, no network) after the
guard's DTD check, and scanning stops past the sheet-size limit.
"""

from __future__ import annotations

import io

from lxml import etree

from reportkit.intake.sniff import MAX_ROWS

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TABLE, _ROW = f"{{{TABLE}}}table", f"{{{TABLE}}}table-row"
_CELLS = (f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell")
Merge = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first col), (last row, last col)), 0-based, inclusive


def _number(element, name: str) -> int:
    try:
        return max(1, int(element.get(f"{{{TABLE}}}{name}", "1")))
    except ValueError:
        return 1


def ods_merges(content_xml: bytes) -> dict[str, list[Merge]]:
    """Sheet name → its merged ranges, in the calamine shape ``((r0, c0), (r1, c1))``."""
    merges: dict[str, list[Merge]] = {}
    sheet, row, column, row_repeat = None, -1, 0, 1
    events = etree.iterparse(io.BytesIO(content_xml), events=("start", "end"), resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False)
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == _TABLE:
                sheet, row, row_repeat = element.get(f"{{{TABLE}}}name", ""), -1, 1
                merges[sheet] = []
            elif tag == _ROW:
                row, column, row_repeat = row + row_repeat, 0, _number(element, "number-rows-repeated")
            continue
        if tag in _CELLS and sheet is not None:
            columns, rows = _number(element, "number-columns-spanned"), _number(element, "number-rows-spanned")
            if columns > 1 or rows > 1:
                merges[sheet].append(((row, column), (row + rows - 1, column + columns - 1)))
            column += _number(element, "number-columns-repeated")
            element.clear()
        elif tag == _ROW and row > MAX_ROWS:
            break
    return merges
