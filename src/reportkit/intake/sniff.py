"""Checks made on a file's bytes before any parsing: size, kind, zip limits, sheet extent, cell length.

``sniff_file`` refuses (with a finding) an empty or too large file, a zip bomb,
a file that is not a spreadsheet, a password-protected workbook, and a sheet
whose declared extent is above ``MAX_ROWS``/``MAX_COLUMNS``/``MAX_CELLS``
(read from the sheet XML, ``sheetscan``, so a tiny file declaring a far cell
cannot make the parser allocate billions of cells). It also says whether the
file declares an old Vietnamese font (.VnTime, VNI-Times).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportkit.fmt import format_number
from reportkit.intake.sheetscan import scan_extent, scan_xls_extent

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MiB on disk
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # 200 MiB inside a zip (.xlsx, .xlsm, .ods)
MAX_COMPRESSION_RATIO = 100  # uncompressed size / file size
MAX_ZIP_ENTRIES = 10_000
MAX_ROWS = 100_000  # per sheet
MAX_COLUMNS = 500  # per sheet
MAX_CELLS = 2_000_000  # per sheet, rows × columns of the used area (the parser allocates all of them)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")


def too_large(rows: int, columns: int, cells: int | None = None) -> bool:
    """True when a sheet of ``rows`` × ``columns`` (``cells`` used cells) is above the limits."""
    cells = rows * columns if cells is None else cells
    return rows > MAX_ROWS or columns > MAX_COLUMNS or cells > MAX_CELLS


@dataclass
class FileInfo:
    kind: str  # "xlsx", "ods", "cfb"
    legacy_fonts: bool  # the file declares .VnTime*/VNI-* fonts


_LEGACY_FONT_BYTES = (b'".Vn', b"'.Vn", b'"VNI-', b"'VNI-")


def sniff_file(data: bytes, path: Path, add) -> FileInfo | None:
    """Check size, kind and zip limits before any parsing; None when the file must not be read.

    ``add(code, **fields)`` records a finding (see ``messages.SEVERITY``).
    """
    if not data:
        add("empty_file")
        return None
    if len(data) > MAX_FILE_BYTES:
        add("file_too_large", size=format_number(len(data) / 2**20, 1), limit=MAX_FILE_BYTES // 2**20)
        return None
    ext = path.suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return _sniff_zip(data, ext, add)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _sniff_ole(data, ext, add)
    add("not_spreadsheet", kind=_other_kind(data))
    return None


def _sniff_zip(data: bytes, ext: str, add) -> FileInfo | None:
    """An .xlsx/.xlsm/.ods: zip-bomb limits, workbook kind, sheet extent, legacy fonts."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        add("corrupt", detail=f"zip: {exc}")
        return None
    total = sum(i.file_size for i in infos)
    ratio = total / len(data)
    if len(infos) > MAX_ZIP_ENTRIES or total > MAX_UNCOMPRESSED_BYTES or ratio > MAX_COMPRESSION_RATIO:
        add("zip_bomb", size=format_number(total / 2**20, 1), ratio=format_number(ratio, 0),
            limit=MAX_UNCOMPRESSED_BYTES // 2**20, limit_ratio=MAX_COMPRESSION_RATIO,
            entries=format_number(len(infos)), limit_entries=format_number(MAX_ZIP_ENTRIES))
        return None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        kind, styles = "xlsx", ["xl/styles.xml"]
    elif "content.xml" in names:
        kind, styles = "ods", ["styles.xml", "content.xml"]
    else:
        add("not_spreadsheet", kind="tài liệu Word" if "word/document.xml" in names else "tệp nén .zip")
        return None
    if kind == "xlsx" and "xl/workbook.xml" not in names:
        add("not_spreadsheet", kind="sổ làm việc nhị phân Excel .xlsb")
        return None
    try:
        extent = scan_extent(zf, kind)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
        add("corrupt", detail=f"zip: {exc}"[:300])
        return None
    except Exception as exc:  # noqa: BLE001 - never a traceback for one file
        add("internal_error", detail=f"{type(exc).__name__}: {exc}"[:300])
        return None
    if too_large(extent.rows, extent.columns, extent.cells):
        add("too_many_rows", **size_fields(extent.rows, extent.columns))
        return None
    if ext in (".xls",) or (kind == "ods" and ext in (".xlsx", ".xlsm")) or (kind == "xlsx" and ext == ".ods"):
        add("extension_mismatch", ext=ext, kind=kind, right="." + kind)
    legacy_fonts = False
    for name in styles:
        if name in names:
            with zf.open(name) as fh:
                head = fh.read(256 * 1024)  # font declarations come first
            legacy_fonts = legacy_fonts or any(m in head for m in _LEGACY_FONT_BYTES)
    return FileInfo(kind, legacy_fonts)


def _sniff_ole(data: bytes, ext: str, add) -> FileInfo | None:
    """An OLE container: a legacy .xls, or an encrypted (password-protected) .xlsx."""
    # An encrypted .xlsx is an OLE file with EncryptionInfo and EncryptedPackage streams
    # (their names are stored UTF-16LE in the OLE directory).
    if "EncryptionInfo".encode("utf-16-le") in data and "EncryptedPackage".encode("utf-16-le") in data:
        add("password_protected")
        return None
    try:
        extent = scan_xls_extent(data)
    except Exception as exc:  # noqa: BLE001 - olefile raises many kinds for a damaged container
        add("corrupt", detail=f"OLE: {type(exc).__name__}: {exc}"[:300])
        return None
    if too_large(extent.rows, extent.columns, extent.cells):
        add("too_many_rows", **size_fields(extent.rows, extent.columns))
        return None
    if ext in (".xlsx", ".xlsm", ".ods"):
        add("extension_mismatch", ext=ext, kind="xls", right=".xls")
    legacy_fonts = b".Vn" in data or b".\x00V\x00n\x00" in data or b"VNI-" in data or b"V\x00N\x00I\x00-\x00" in data
    return FileInfo("cfb", legacy_fonts)


def _other_kind(data: bytes) -> str:
    """What a file that is no spreadsheet looks like, in Vietnamese, for the finding."""
    head = data[:512].lstrip().lower()
    if data[:4] == b"%PDF":
        return "PDF"
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
        return "HTML/XML"
    if b"\x00" not in data[:4096]:
        return "văn bản thuần/CSV"
    return "định dạng không rõ"


def size_fields(rows: int, cols: int) -> dict:
    """The fields of the ``too_many_rows`` finding."""
    return dict(rows=format_number(rows), cols=format_number(cols), limit_rows=format_number(MAX_ROWS),
                limit_cols=format_number(MAX_COLUMNS), limit_cells=format_number(MAX_CELLS))


def take_long_cells(grid: list[list]) -> dict[tuple[int, int], int]:
    """Text cells longer than MAX_CELL_CHARS: blanked in ``grid``; (row, col) → length."""
    found = {(r, c): len(v) for r, row in enumerate(grid) for c, v in enumerate(row)
             if v.__class__ is str and len(v) > MAX_CELL_CHARS}
    for r, c in found:
        grid[r][c] = ""
    return found

