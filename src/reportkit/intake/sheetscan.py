"""How big a workbook's sheets really are, found before any spreadsheet library parses them.

python-calamine materialises a sheet as one dense grid from its first to its
last non-empty cell. A few bytes can therefore ask for billions of cells: an
.xlsx holding only ``A1`` and ``XFD1048576``, or an .ods cell repeated 16,384
times across 1,000 repeated rows. The allocation then fails inside Rust, which
aborts the whole process (no Python exception to catch). ``scan_extent`` reads
the sheet XML of a zip-based workbook as a stream of tags (no tree, no entity
expansion) and returns the extent calamine would allocate, so intake can refuse
the file first.

An .xls is the same story in binary: a cell record may name row 65,535 and
column 65,535. ``scan_xls_extent`` walks the BIFF records of its workbook
stream (opened with olefile) and does the same sum before calamine sees it.

The scan is conservative: it may overestimate (a tag inside a comment counts,
every ``r`` of a tag with two counts), never underestimate. Empty cells
(self-closing, no value) do not extend the used area, as in calamine, so
LibreOffice's repeated empty rows and Excel's formatted empty cells are fine.
Sheets written the usual way (every cell's ``r`` first) take one fast pass.
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

CHUNK_BYTES = 1 << 20
FAST_PASS_BYTES = 16 << 20  # entries up to this size are read whole and tried on the fast pass
MAX_TABLE_NESTING = 64  # OpenDocument sub-tables inside cells; real files nest one or two

_VALUE = rb"\s*=\s*(\"[^\"]*\"|'[^']*')"
_ATTRS = rb"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>"  # quoted values: a ">" inside cannot cut a tag
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
# SpreadsheetML: start tags of rows and cells, any namespace prefix.
_XLSX_TAG_RE = re.compile(rb"<" + _PREFIX + rb"(row|c)(?=[\s/>])" + _ATTRS)
# Any tag whose name ends in "c" (cells with or without a prefix, and a few others): an upper bound on cells.
_CELL_TAG_RE = re.compile(rb"<[\w.:-]*c[\s/>]")
# The usual form: r="B12" first, then only well-formed double-quoted attributes other than r. A tag that
# does not match (a second r, a ">" inside a value, single quotes, a prefix) sends the sheet to the full scan.
_CANONICAL_CELL_RE = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"((?:\s(?!r=)[^\s="\'>]+="[^">]*")*)\s*(/?)>')
# Both tests in one pass, for the usual sheet: a canonical cell tag (groups: column letters, row digits, "/"
# when empty) or else any other tag whose name ends in "c" (all groups empty). No "<" may occur inside a
# canonical tag here, so every "<" is looked at, as by _CELL_TAG_RE; a sheet where this pass finds another
# tag is left to the two-pass test, which decides exactly as before.
_CELL_PASS_RE = re.compile(
    rb'<(?:c r="([A-Z]{1,3})(\d{1,7})"(?:\s(?!r=)[^\s="\'<>]++="[^"<>]*+")*+\s*(/?)>|[\w.:-]*c[\s/>])')
_OTHER_CELL_TAG = (b"", b"", b"")
_R_RE = re.compile(rb"(?:^|\s)r" + _VALUE)  # exactly "r", not "x:r"
# OpenDocument: tables, rows and cells with their repeat counts.
_ODS_TAG_RE = re.compile(rb"<(/?)" + _PREFIX + rb"(table|table-row|table-cell|covered-table-cell)(?=[\s/>])" + _ATTRS)
_ROWS_REPEATED_RE = re.compile(rb"(?:^|\s)" + _PREFIX + rb"number-rows-repeated" + _VALUE)
_COLUMNS_REPEATED_RE = re.compile(rb"(?:^|\s)" + _PREFIX + rb"number-columns-repeated" + _VALUE)
_VALUE_TYPE_RE = re.compile(rb"(?:^|\s)" + _PREFIX + rb"value-type" + _VALUE)
_REF_RE = re.compile(r"^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$")


@dataclass
class Extent:
    """Rows and columns from A1 to the last non-empty cell, and the zip entry holding them."""

    rows: int = 0
    columns: int = 0
    part: str = ""

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def column_number(letters: str | bytes) -> int:
    """``"A"`` → 1, ``"XFD"`` → 16384."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _values(attrs: bytes, regex: re.Pattern) -> list[str]:
    """Every value of the attribute ``regex`` matches in a tag (a malformed tag may repeat one)."""
    out = []
    for raw in regex.findall(attrs):
        value = raw[1:-1]
        out.append(html.unescape(value.decode("utf-8", "replace")) if b"&" in value else value.decode("latin-1"))
    return out


def _count(values: list[str]) -> int:
    """The largest repeat count given (1 when none is a number)."""
    counts = [int(v.strip()) for v in values if v.strip().isdigit() and len(v.strip()) <= 12]
    return max(counts, default=1)


class _XlsxScanner:
    """Follows <row>/<c> start tags as calamine does: an explicit r= wins, else the next position."""

    def __init__(self) -> None:
        self.row = 0
        self.col = 0
        self.max_row = 0
        self.max_col = 0

    def feed(self, data: bytes) -> None:
        for name, attrs, empty in _XLSX_TAG_RE.findall(data):
            refs = _values(attrs, _R_RE) if attrs else []
            if name == b"row":
                rows = [int(v) for v in (r.strip() for r in refs) if v.isdigit() and len(v) <= 9]
                self.row = max(rows) if rows else self.row + 1
                self.col = 0
                continue
            cells = [m.groups() for m in map(_REF_RE.match, refs) if m]
            if cells:
                self.col = max(column_number(letters) for letters, _ in cells)
                self.row = max(self.row, *(int(digits) for _, digits in cells))
            else:
                self.col += 1
            if not empty:  # a cell with a body: it counts
                self.max_row = max(self.max_row, self.row or 1)
                self.max_col = max(self.max_col, self.col)


def _fast_xlsx(xml: bytes) -> tuple[int, int] | None:
    """(rows, columns) when every cell tag has the usual form, else None (use the full scan)."""
    refs = _CELL_PASS_RE.findall(xml)
    if _OTHER_CELL_TAG in refs:
        return _fast_xlsx_two_pass(xml)
    return _canonical_extent(refs)


def _fast_xlsx_two_pass(xml: bytes) -> tuple[int, int] | None:
    """``_fast_xlsx`` by counting canonical cell tags and tags ending in "c" separately (a "<" inside a tag)."""
    refs = _CANONICAL_CELL_RE.findall(xml)
    if len(refs) != len(_CELL_TAG_RE.findall(xml)):
        return None
    return _canonical_extent([(letters, digits, empty) for letters, digits, _, empty in refs])


def _canonical_extent(refs: list[tuple[bytes, bytes, bytes]]) -> tuple[int, int]:
    """(rows, columns) up to the last canonical cell tag with a body; ``refs``: (letters, digits, "/" or "")."""
    if not refs:
        return 0, 0
    letters, digits, empty = zip(*refs)
    if b"/" in empty:  # self-closing cells do not count
        full = [(c, r) for c, r, e in refs if not e]
        if not full:
            return 0, 0
        letters, digits = zip(*full)
    columns = set(letters)
    widest = max(map(len, columns))  # the last column: the longest letters, then the highest
    return max(map(int, set(digits))), column_number(max(x for x in columns if len(x) == widest))


class _OdsScanner:
    """Follows table/row/cell tags of OpenDocument with their repeat counts."""

    def __init__(self) -> None:
        self.row = 0  # rows before the current one
        self.row_repeat = 1
        self.col = 0
        self.row_max_col = 0  # last non-empty column of the current row
        self.max_row = 0
        self.max_col = 0
        self.outer: list[tuple[int, int, int, int]] = []  # state of the enclosing tables

    def _end_row(self) -> None:
        if self.row_max_col:
            self.max_row = max(self.max_row, self.row + self.row_repeat)
            self.max_col = max(self.max_col, self.row_max_col)
        self.row += self.row_repeat
        self.row_repeat, self.col, self.row_max_col = 1, 0, 0

    def feed(self, data: bytes) -> None:
        for closing, name, attrs, empty in _ODS_TAG_RE.findall(data):
            if name == b"table":  # a sheet, or a sub-table inside a cell: its own rows
                if closing and self.outer:
                    self.row, self.row_repeat, self.col, self.row_max_col = self.outer.pop()
                elif not closing and not empty:
                    if len(self.outer) >= MAX_TABLE_NESTING:
                        raise ValueError("tables nested too deeply")
                    self.outer.append((self.row, self.row_repeat, self.col, self.row_max_col))
                    self.row, self.row_repeat, self.col, self.row_max_col = 0, 1, 0, 0
                continue
            if name == b"table-row":
                if closing:
                    self._end_row()
                    continue
                self.row_repeat = _count(_values(attrs, _ROWS_REPEATED_RE))
                self.col, self.row_max_col = 0, 0
                if empty:
                    self._end_row()
                continue
            if closing:
                continue
            self.col += _count(_values(attrs, _COLUMNS_REPEATED_RE))
            if not empty or _values(attrs, _VALUE_TYPE_RE):
                self.row_max_col = self.col


def _scan_stream(zf: zipfile.ZipFile, name: str, scanner) -> None:
    """Feed an entry to ``scanner`` in blocks cut before a "<" (no tag is split: "<" cannot occur inside one)."""
    carry = b""
    with zf.open(name) as fh:
        while True:
            block = fh.read(CHUNK_BYTES)
            if not block:
                break
            data = carry + block
            cut = data.rfind(b"<")
            if cut <= 0:
                carry = data
                continue
            scanner.feed(data[:cut])
            carry = data[cut:]
    if carry:
        scanner.feed(carry)


_TARGET_RE = re.compile(rb"(?:^|\s)Target" + _VALUE)
_REL_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])" + _ATTRS)
_REL_ID_RE = re.compile(rb"(?:^|\s)Id" + _VALUE)
_SHEET_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheet(?=[\s/>])" + _ATTRS)
_ANY_ID_RE = re.compile(rb"(?:^|\s)[^\s=]*id" + _VALUE, re.IGNORECASE)
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"


def _read_small(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as fh:
        return fh.read(CHUNK_BYTES + 1)


def _sheet_target_names(book: bytes, rels: bytes) -> frozenset[str]:
    """File names (lower case, no folder) of the sheets' relationship targets, from workbook.xml and its rels."""
    ids = {value for attrs, _ in _SHEET_RE.findall(book) for value in _values(attrs, _ANY_ID_RE)}
    names = set()
    for attrs, _ in _REL_RE.findall(rels):
        if not ids.intersection(_values(attrs, _REL_ID_RE)):
            continue
        for target in _values(attrs, _TARGET_RE):
            target = target.replace("\\", "/")
            for form in (target, unquote(target)):
                names.add(posixpath.basename(form.rstrip("/")).lower())
    return frozenset(names)


_cached_target_names = lru_cache(maxsize=64)(_sheet_target_names)  # the files of one template share the parts
_MAX_CACHED_PARTS_BYTES = 64 * 1024


def _sheet_candidates(zf: zipfile.ZipFile, kind: str) -> list[zipfile.ZipInfo]:
    """Entries that may hold a sheet: .ods ``content.xml``; for .xlsx, the sheets' relationship targets.

    A sheet is found through the ``r:id`` of a ``<sheet>`` in
    ``xl/workbook.xml`` and its ``Target`` in ``xl/_rels/workbook.xml.rels``.
    Conservatively, every entry whose file name equals such a target's (in any
    folder, any case) and everything under ``xl/worksheets/`` is scanned; and
    every entry when either file is missing or unusually large.
    """
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if kind == "ods":
        return [i for i in infos if i.filename == "content.xml"]
    by_name = {i.filename: i for i in infos}
    book, rels = by_name.get(WORKBOOK), by_name.get(WORKBOOK_RELS)
    if book is None or rels is None or book.file_size > CHUNK_BYTES or rels.file_size > CHUNK_BYTES:
        return infos
    book_xml, rels_xml = _read_small(zf, WORKBOOK), _read_small(zf, WORKBOOK_RELS)
    small = len(book_xml) + len(rels_xml) <= _MAX_CACHED_PARTS_BYTES  # only small parts are kept in the cache
    names = (_cached_target_names if small else _sheet_target_names)(book_xml, rels_xml)
    return [i for i in infos if posixpath.basename(i.filename).lower() in names
            or i.filename.lower().startswith("xl/worksheets/")]


def scan_extent(zf: zipfile.ZipFile, kind: str) -> Extent:
    """The largest used extent over the sheets of an .xlsx/.xlsm (``kind="xlsx"``) or .ods (``"ods"``).

    Every entry of an .xlsx is looked at (a sheet may be stored under any
    name); for .ods, ``content.xml``. Raises ``zipfile.BadZipFile``,
    ``OSError`` or ``EOFError`` for a damaged archive, as reading it would, and
    ValueError for tables nested deeper than ``MAX_TABLE_NESTING``.
    """
    best = Extent()
    for info in _sheet_candidates(zf, kind):
        found = None
        if kind == "xlsx" and info.file_size <= FAST_PASS_BYTES:
            with zf.open(info.filename) as fh:  # bounded read: an entry may inflate far past its declared size
                xml = fh.read(FAST_PASS_BYTES + 1)
            if b"c" not in xml:
                continue
            found = _fast_xlsx(xml)
            if found is None:
                scanner = _XlsxScanner()
                scanner.feed(xml)
                found = scanner.max_row, scanner.max_col
        else:
            scanner = _OdsScanner() if kind == "ods" else _XlsxScanner()
            _scan_stream(zf, info.filename, scanner)
            found = scanner.max_row, scanner.max_col
        extent = Extent(found[0], found[1], info.filename)
        if (extent.cells, extent.rows, extent.columns) > (best.cells, best.rows, best.columns):
            best = extent
    return best


# BIFF records that hold a cell value (BIFF2–BIFF8): row and column are their first two 16-bit fields.
# BLANK and MULBLANK (formatting only) are left out, as calamine leaves them out of the grid.
_XLS_CELL_RECORDS = frozenset({0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0203, 0x0204, 0x0205, 0x0206, 0x0406,
                               0x027E, 0x00FD, 0x00D6})
_XLS_MULRK = 0x00BD
_XLS_FILEPASS = 0x002F  # the rest is encrypted: calamine reports the password
_XLS_STREAMS = ("workbook", "book")


def scan_xls_extent(data: bytes) -> Extent:
    """The largest used extent over the sheets of an .xls (BIFF in an OLE file), from its cell records.

    Raises whatever olefile raises for a damaged OLE container (callers treat
    any exception as a damaged file).
    """
    import olefile

    best = Extent()
    with olefile.OleFileIO(data) as ole:
        streams = [entry for entry in ole.listdir(streams=True, storages=False)
                   if entry[-1].lower() in _XLS_STREAMS]
        for entry in streams:
            stream = ole.openstream(entry).read()
            rows, cols = _scan_biff(stream)
            extent = Extent(rows, cols, "/".join(entry))
            if (extent.cells, extent.rows, extent.columns) > (best.cells, best.rows, best.columns):
                best = extent
    return best


def _scan_biff(stream: bytes) -> tuple[int, int]:
    unpack = struct.unpack_from
    pos, end = 0, len(stream)
    max_row = max_col = 0
    while pos + 4 <= end:
        kind, length = unpack("<HH", stream, pos)
        body = pos + 4
        pos = body + length
        if kind == _XLS_FILEPASS:
            break
        if kind in _XLS_CELL_RECORDS and length >= 4 and pos <= end:
            row, col = unpack("<HH", stream, body)
        elif kind == _XLS_MULRK and length >= 6 and pos <= end:
            row, _ = unpack("<HH", stream, body)
            (col,) = unpack("<H", stream, pos - 2)
        else:
            continue
        max_row = max(max_row, row + 1)
        max_col = max(max_col, col + 1)
    return max_row, max_col
