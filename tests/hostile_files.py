"""Hostile and oversized workbooks, built byte by byte (no spreadsheet library in the way).

Each builder returns the file's bytes. The small ones are committed under
``tests/data/hostile/`` (rebuild them with ``python -m tests.hostile_files``);
the large ones (zip bombs, a 30 MB string, 150,000 rows) are built by the
tests into a temporary folder. The "victim" is always unit hcth with a task
row III.2, so a file that is read rather than refused yields that row.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data" / "hostile"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FIXED_TIME = (2024, 3, 5, 8, 0, 0)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL_NS}">'
    '<sheets><sheet name="Tiến độ" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId3" Type="{REL_NS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)


def styles_xml(font: str = "Times New Roman") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{NS}">'
            f'<fonts count="1"><font><sz val="12"/><name val="{font}"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            "</styleSheet>")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(ref: str, text: str) -> str:
    """An inline-string cell."""
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_esc(text)}</t></is></c>'


# The table every builder starts from: title lines, header, one task row of hcth.
TABLE_ROWS = [
    f'<row r="1">{cell("A1", "Đơn vị: Phòng Hành chính – Tổng hợp")}</row>',
    f'<row r="2">{cell("A2", "Ngày báo cáo: 05/03/2024")}</row>',
    '<row r="4">' + "".join(cell(f"{col}4", label) for col, label in
                            zip("ABCD", ("Mã nhiệm vụ", "Tình trạng", "Ngày hoàn thành", "Kết quả thực hiện"))) + "</row>",
    '<row r="5">' + cell("A5", "III.2") + cell("B5", "Đã hoàn thành") + cell("C5", "01/03/2024")
    + cell("D5", "Đã tổ chức hội nghị") + "</row>",
]


def sheet_xml(rows: list[str] | None = None, *, before: str = "", after: str = "") -> str:
    body = "".join(TABLE_ROWS if rows is None else rows)
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{before}'
            f"<sheetData>{body}</sheetData>{after}</worksheet>")


def xlsx(sheet: str | bytes | None = None, *, shared_strings: str | bytes | None = None, font: str = "Times New Roman",
         level: int = 6, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal valid .xlsx around ``sheet`` (the sheet XML); parts given as str or bytes."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": styles_xml(font),
        "xl/sharedStrings.xml": shared_strings or f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}"/>',
        "xl/worksheets/sheet1.xml": sheet if sheet is not None else sheet_xml(),
        **(extra or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in parts.items():
            zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), data.encode("utf-8") if isinstance(data, str) else data,
                        compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ------------------------------------------------------------------ far cells and declared sizes


def far_cell() -> bytes:
    """The table plus one cell at XFD1048576: calamine would allocate 17 billion cells."""
    return xlsx(sheet_xml(TABLE_ROWS + [f'<row r="1048576">{cell("XFD1048576", "x")}</row>']))


def far_cell_second_r() -> bytes:
    """The far cell hidden as a second r attribute (the parser takes the last one)."""
    hidden = '<row r="6"><c r="A6" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx(sheet_xml(TABLE_ROWS + [hidden]))


def far_cell_gt_in_value() -> bytes:
    """The far cell's r hidden behind a ">" inside an earlier attribute value."""
    hidden = '<row r="6"><c foo="a>b" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx(sheet_xml(TABLE_ROWS + [hidden]))


def far_cell_prefixed() -> bytes:
    """The far cell with a namespace prefix on the cell element."""
    body = "".join(TABLE_ROWS) + f'<x:row r="9"><x:c r="XFD9" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>'
    return xlsx(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}" xmlns:x="{NS}">'
                f"<sheetData>{body}</sheetData></worksheet>")


def dimension_only() -> bytes:
    """A sheet that declares A1:XFD1048576 but holds only the table: read normally."""
    return xlsx(sheet_xml(before='<dimension ref="A1:XFD1048576"/>'))


def huge_merge() -> bytes:
    """A vertical merge over the task-code column down to row 1,048,576: read normally."""
    return xlsx(sheet_xml(after='<mergeCells count="1"><mergeCell ref="A5:A1048576"/></mergeCells>'))


def many_rows(n: int = 150_000) -> bytes:
    """The table followed by ``n`` one-cell rows: above MAX_ROWS."""
    rows = [f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(10, 10 + n)]
    return xlsx(sheet_xml(TABLE_ROWS + rows))


def huge_shared_string(mib: int = 30) -> bytes:
    """The task row's result is a 30 MiB shared string (hex digits: compresses only 2:1)."""
    text = os.urandom(mib << 19).hex()
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="1" uniqueCount="1">'
           f"<si><t>{text}</t></si></sst>")
    rows = TABLE_ROWS[:3] + ['<row r="5">' + cell("A5", "III.2") + cell("B5", "Đã hoàn thành")
                             + cell("C5", "01/03/2024") + '<c r="D5" t="s"><v>0</v></c></row>',
                             '<row r="6">' + cell("A6", "III.3") + cell("B6", "Đang thực hiện") + "</row>"]
    return xlsx(sheet_xml(rows), shared_strings=sst, level=1)


def deep_nesting(depth: int = 100_000) -> bytes:
    """100,000 nested elements with varied names after the sheet data (not compressible enough to be a bomb)."""
    names = [f"e{os.urandom(3).hex()}" for _ in range(depth)]
    junk = "".join(f"<{n}>" for n in names) + "".join(f"</{n}>" for n in reversed(names))
    return xlsx(sheet_xml(after=junk))


def deep_nesting_legacy_font(depth: int = 100_000) -> bytes:
    """Deep nesting in the shared strings of a workbook declaring .VnTime (read through openpyxl too)."""
    names = [f"e{os.urandom(3).hex()}" for _ in range(depth)]
    junk = "".join(f"<{n}>" for n in names) + "".join(f"</{n}>" for n in reversed(names))
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}"><si><t>Hoµn thµnh</t></si>{junk}</sst>'
    return xlsx(sheet_xml(), shared_strings=sst, font=".VnTime")


def billion_laughs() -> bytes:
    """XML entity expansion (10^9 "lol") in the shared strings."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [{entities}]>'
           f'<sst xmlns="{NS}"><si><t>&lol9;</t></si></sst>')
    rows = TABLE_ROWS[:3] + ['<row r="5">' + cell("A5", "III.2") + cell("B5", "Đã hoàn thành")
                             + cell("C5", "01/03/2024") + '<c r="D5" t="s"><v>0</v></c></row>']
    return xlsx(sheet_xml(rows), shared_strings=sst)


def xlsb_named_xlsx() -> bytes:
    """A zip with xl/workbook.bin (an .xlsb binary workbook) under an .xlsx name."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("[Content_Types].xml", FIXED_TIME), _CONTENT_TYPES)
        zf.writestr(zipfile.ZipInfo("xl/workbook.bin", FIXED_TIME), b"\x83\x01\x00")
    return out.getvalue()


# ------------------------------------------------------------------ zip bombs


def zip_bomb(mib: int = 300) -> bytes:
    """Honest sizes: 300 MiB of spaces inside the sheet XML (above the 200 MiB and 100× limits)."""
    head, tail = sheet_xml().split("<sheetData>")
    return _zip_with_raw_sheet(*_deflate_padded((head + "<sheetData>").encode(), mib, tail.encode()))


def zip_bomb_lying(mib: int = 64) -> bytes:
    """The sheet entry declares 5,000 bytes but inflates to 64 MiB (the declared size passes every limit)."""
    compressed, crc, size = _deflate_padded(b"", mib, sheet_xml().encode())
    return _zip_with_raw_sheet(compressed, crc, 5_000)


def many_entries(n: int = 12_000) -> bytes:
    """A valid workbook plus 12,000 tiny entries (above the 10,000-entry limit)."""
    return xlsx(extra={f"xl/media/pad{i}.bin": b"" for i in range(n)}, level=1)


def _deflate_padded(head: bytes, mib: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + mib MiB of spaces + tail, with its CRC-32 and size."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (1 << 20)
    parts, crc = [comp.compress(head)], zlib.crc32(head)
    for _ in range(mib):
        parts.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    parts += [comp.compress(tail), comp.flush()]
    return b"".join(parts), zlib.crc32(tail, crc), len(head) + (mib << 20) + len(tail)


def _zip_with_raw_sheet(compressed: bytes, crc: int, declared: int) -> bytes:
    """A zip of the standard parts plus xl/worksheets/sheet1.xml as given (raw deflate, declared size)."""
    base = zipfile.ZipFile(io.BytesIO(xlsx()))
    out, central = io.BytesIO(), io.BytesIO()
    items = [(i.filename, base.read(i.filename)) for i in base.infolist() if i.filename != "xl/worksheets/sheet1.xml"]
    items.append(("xl/worksheets/sheet1.xml", None))
    for name, content in items:
        raw_name = name.encode()
        if content is None:
            data, crc_value, size = compressed, crc, declared
        else:
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            data, crc_value, size = comp.compress(content) + comp.flush(), zlib.crc32(content), len(content)
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x5865, crc_value, len(data),
                              size & 0xFFFFFFFF, len(raw_name), 0) + raw_name + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x5865, crc_value, len(data),
                                  size & 0xFFFFFFFF, len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name)
    start = out.tell()
    directory = central.getvalue()
    out.write(directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(items), len(items), len(directory), start, 0))
    return out.getvalue()


# ------------------------------------------------------------------ OpenDocument and .xls


def ods_repeated(columns: int = 16_384, rows: int = 1_000) -> bytes:
    """A 900-byte .ods whose one string cell is repeated 16,384 × 1,000 times."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="S">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Mã nhiệm vụ</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Tình trạng</text:p></table:table-cell></table:table-row>'
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
        f'table:number-columns-repeated="{columns}" office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype", FIXED_TIME), "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr(zipfile.ZipInfo("content.xml", FIXED_TIME), content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def xls_far_cell(row: int = 65_535, col: int = 65_535) -> bytes:
    """An .xls (BIFF8) whose one number cell claims row 65,535, column 65,535 (beyond the format's 256 columns)."""
    import olefile
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    sheet.write(0, 0, "Mã nhiệm vụ")
    sheet.write(0, 1, "Tình trạng")
    sheet.write(3, 7, 12345.5)  # stored as an RK record, patched below
    path = HERE / ".xls_far_cell.tmp"
    book.save(str(path))
    try:
        with olefile.OleFileIO(str(path), write_mode=True) as ole:
            stream = bytearray(ole.openstream("Workbook").read())
            pos = 0
            while pos + 4 <= len(stream):
                kind, length = struct.unpack_from("<HH", stream, pos)
                if kind in (0x027E, 0x0203):
                    struct.pack_into("<HH", stream, pos + 4, row, col)
                pos += 4 + length
            ole.write_stream("Workbook", bytes(stream))
        return path.read_bytes()
    finally:
        path.unlink(missing_ok=True)


COMMITTED = {
    "far_cell.xlsx": far_cell,
    "far_cell_second_r.xlsx": far_cell_second_r,
    "far_cell_gt_in_value.xlsx": far_cell_gt_in_value,
    "far_cell_prefixed.xlsx": far_cell_prefixed,
    "dimension_only.xlsx": dimension_only,
    "huge_merge.xlsx": huge_merge,
    "billion_laughs.xlsx": billion_laughs,
    "xlsb_named.xlsx": xlsb_named_xlsx,
    "ods_repeated.ods": ods_repeated,
    "xls_far_cell.xls": xls_far_cell,
}


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    for name, build in COMMITTED.items():
        (HERE / name).write_bytes(build())
        print(HERE / name)


if __name__ == "__main__":
    main()
