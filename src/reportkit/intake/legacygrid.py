"""Legacy encodings in one sheet's grid: TCVN3/VNI cells converted to Unicode in place, or marked unsafe.

A sheet is suspect when its file declares an old Vietnamese font or its text
shows the tell-tale characters of TCVN3/VNI (``legacy.has_telltale``). For an
.xlsx declaring such fonts, openpyxl is opened to see which cells use them.
"""

from __future__ import annotations

import io

from reportkit.intake import legacy
from reportkit.intake.headers import column_letter
from reportkit.intake.messages import FindingLog
from reportkit.intake.sniff import FileInfo

UnsafeCell = tuple[int, int, str, "str | None"]  # (row, col, text, encoding), 0-based


def repair_legacy(grid: list[list], data: bytes, info: FileInfo, sheet: str, log: FindingLog,
                  cells: list[str] | None = None) -> list[UnsafeCell]:
    """Convert TCVN3/VNI cells to Unicode in place and warn which; return the cells that cannot be converted.

    ``cells``: the grid's text cells when the caller has them already.
    """
    if cells is None:
        cells = [v for row in grid for v in row if v.__class__ is str]
    texts = "\n".join(cells)  # one search per sheet
    if texts.isascii():
        return []
    suspect = info.legacy_fonts or legacy.has_telltale(texts)
    if not suspect:
        return []
    fonts = cell_fonts(data, sheet) if info.legacy_fonts and info.kind == "xlsx" else {}
    converted: dict[str, list[tuple[int, int, str, str]]] = {}
    unsafe: list[UnsafeCell] = []
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if not isinstance(value, str) or not value or value.isascii():
                continue
            repair = legacy.repair_text(value, fonts.get((r, c)), suspect=True)
            if repair.outcome == legacy.CONVERTED:
                row[c] = repair.text
                converted.setdefault(repair.encoding, []).append((r, c, value, repair.text))
            elif repair.outcome == legacy.UNSAFE:
                unsafe.append((r, c, value, repair.encoding))
    for encoding, cells in converted.items():
        refs = [f"{column_letter(c)}{r + 1}" for r, c, _, _ in cells]
        shown = ", ".join(refs[:15]) + (f" và {len(refs) - 15} ô khác" if len(refs) > 15 else "")
        r, c, before, after = cells[0]
        log.add("legacy_converted", count=len(cells), encoding=legacy.ENCODING_NAMES[encoding], cells=shown,
                before=before[:60], after=after[:60])
    return unsafe


def cell_fonts(data: bytes, sheet: str) -> dict[tuple[int, int], str]:
    """(row, col) → font name for text cells in a legacy font of ``sheet`` (openpyxl)."""
    import openpyxl

    fonts: dict[tuple[int, int], str] = {}
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if sheet not in book.sheetnames:
            return fonts
        for row in book[sheet].iter_rows():
            for cell in row:
                if isinstance(getattr(cell, "value", None), str) and cell.font is not None:
                    name = cell.font.name or ""
                    if legacy.font_encoding(name)[0]:
                        fonts[(cell.row - 1, cell.column - 1)] = name
    finally:
        book.close()
    return fonts
