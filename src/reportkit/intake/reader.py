"""Read department workbooks into Submissions, turning every problem into a Finding.

``read_workbook(path, plan)`` never raises for bad content: a file that cannot
be read at all gives a Submission with no rows and an error finding; a row
with an error is left out of ``rows`` (and named in the finding); warnings keep
the row. ``read_submissions`` reads many files (one bad file never stops the
others) and adds findings that need several files, such as two submissions of
one unit with the same report date.

Reading goes through python-calamine (.xlsx, .xlsm, .xls, .ods; one call per
sheet). openpyxl is opened only when an .xlsx declares an old Vietnamese font
(.VnTime, VNI-Times), to see which cells use it. Limits are checked before any
parsing: ``MAX_FILE_BYTES``, and for zip-based files ``MAX_UNCOMPRESSED_BYTES``
and ``MAX_COMPRESSION_RATIO`` (zip bombs); ``MAX_ROWS``, ``MAX_COLUMNS`` and
``MAX_CELLS`` per sheet, for .xlsx/.ods from the sheet XML before any parsing
(``sheetscan``), so that a tiny file declaring a far cell cannot make the
parser allocate billions of cells; text cells up to ``MAX_CELL_CHARS``. Input
files are opened read-only and never modified.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from reportkit.errors import SubmissionsError
from reportkit.fmt import format_date, format_number
from reportkit.intake import legacy
from reportkit.intake.cache import read_workbook_cached
from reportkit.intake.cellvalues import (
    accepted_status_words,
    cell_text,
    parse_date,
    parse_progress,
    parse_status,
    status_from_progress,
)
from reportkit.intake.headers import (
    COLUMNS,
    HEADER_SEARCH_ROWS,
    Header,
    column_letter,
    field_of,
    find_header,
    read_title,
)
from reportkit.intake.model import (
    DONE,
    ERROR,
    ROW_STATUS_LABELS,
    WARNING,
    Finding,
    Submission,
    TaskRow,
)
from reportkit.intake.sheetscan import scan_extent, scan_xls_extent
from reportkit.messages import finding_fix_en
from reportkit.plan.load import Plan
from reportkit.text import fold_key, normalize_code

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MiB on disk
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # 200 MiB inside a zip (.xlsx, .xlsm, .ods)
MAX_COMPRESSION_RATIO = 100  # uncompressed size / file size
MAX_ZIP_ENTRIES = 10_000
MAX_ROWS = 100_000  # per sheet
MAX_COLUMNS = 500  # per sheet
MAX_CELLS = 2_000_000  # per sheet, rows × columns of the used area (the parser allocates all of them)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")

_INSTRUCTION_SHEETS = {"huong dan", "huong dan dien", "instructions", "danh muc", "lists"}
_CODE_SHAPE_RE = re.compile(r"^[IVXLC]+(?:\.\d+)*(?:\.[a-zđ])?$")
_TEXT_FIELDS = ("result", "difficulties", "proposals", "note")
_DATA_FIELDS = ("status", "progress", "completed_on", *_TEXT_FIELDS)

# code → (severity, Vietnamese message, English message, Vietnamese fix); fields filled with str.format.
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "file_not_found": (ERROR, "Không tìm thấy tệp.", "File not found.", "Kiểm tra lại đường dẫn tệp."),
    "not_a_file": (ERROR, "Đường dẫn là thư mục, không phải tệp bảng tính.", "The path is a folder, not a spreadsheet file.",
                   "Chỉ định một tệp .xlsx/.xlsm/.xls/.ods, hoặc đọc cả thư mục bằng read_submissions."),
    "unreadable_file": (ERROR, "Không mở được tệp để đọc ({detail}).", "Cannot open the file for reading ({detail}).",
                        "Kiểm tra quyền đọc tệp hoặc sao chép tệp sang thư mục khác rồi đọc lại."),
    "empty_file": (ERROR, "Tệp rỗng (0 byte).", "The file is empty (0 bytes).",
                   "Lưu lại bảng tính từ Excel hoặc LibreOffice rồi gửi lại."),
    "file_too_large": (ERROR, "Tệp quá lớn ({size} MB), vượt giới hạn {limit} MB; tệp không được đọc.",
                       "File too large ({size} MB), above the {limit} MB limit; not read.",
                       "Xoá các trang tính, hình ảnh không cần thiết (hoặc dùng mẫu reportkit) rồi gửi lại."),
    "zip_bomb": (ERROR, "Tệp nén bất thường: {entries} tệp con, giải nén ra {size} MB, gấp {ratio} lần kích thước tệp "
                 "(giới hạn {limit_entries} tệp con, {limit} MB và {limit_ratio} lần); tệp không được đọc.",
                 "Suspicious compressed file: {entries} entries unpacking to {size} MB, {ratio} times its size (limits "
                 "{limit_entries} entries, {limit} MB and {limit_ratio} times); not read.",
                 "Mở tệp bằng Excel hoặc LibreOffice và lưu thành tệp .xlsx mới; nếu không rõ nguồn gốc tệp, đừng mở."),
    "not_spreadsheet": (ERROR, "Tệp không phải bảng tính Excel/LibreOffice ({kind}).", "Not a spreadsheet ({kind}).",
                        "Gửi tệp .xlsx (khuyến nghị), .xlsm, .xls hoặc .ods."),
    "corrupt": (ERROR, "Không đọc được bảng tính: tệp hỏng hoặc sai định dạng ({detail}).",
                "Cannot read the spreadsheet: the file is damaged or not in a spreadsheet format ({detail}).",
                "Mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại thành .xlsx rồi gửi lại; nếu không, đề nghị "
                "đơn vị gửi lại."),
    "internal_error": (ERROR, "reportkit gặp lỗi khi đọc tệp này ({detail}); tệp không được dùng.",
                       "reportkit failed while reading this file ({detail}); the file is not used.",
                       "Báo lỗi cho người quản trị reportkit kèm tệp này; trong khi chờ, lưu lại tệp từ mẫu reportkit."),
    "password_protected": (ERROR, "Tệp được đặt mật khẩu mở nên không đọc được.",
                           "The file is password-protected and cannot be read.",
                           "Gỡ mật khẩu mở tệp (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xoá "
                           "mật khẩu) rồi gửi lại."),
    "extension_mismatch": (WARNING, "Phần mở rộng '{ext}' không khớp nội dung tệp ({kind}); tệp vẫn được đọc theo nội dung.",
                           "The extension '{ext}' does not match the content ({kind}); read by content.",
                           "Đổi tên tệp với phần mở rộng {right}."),
    "empty_workbook": (ERROR, "Bảng tính không có dữ liệu.", "The workbook holds no data.",
                       "Điền bảng theo mẫu (reportkit template) rồi gửi lại."),
    "too_many_rows": (ERROR, "Trang tính có {rows} dòng × {cols} cột, vượt giới hạn {limit_rows} dòng, {limit_cols} cột "
                      "hoặc {limit_cells} ô; trang tính không được đọc.",
                      "The sheet has {rows} rows × {cols} columns, above the limit of {limit_rows} rows, {limit_cols} "
                      "columns or {limit_cells} cells; not read.",
                      "Xoá các dòng, cột thừa ở cuối trang tính (hoặc dùng mẫu reportkit) rồi gửi lại."),
    "no_header": (ERROR, "Không tìm thấy dòng tiêu đề bảng trong {n} dòng đầu của trang tính {sheets}: cần một dòng có cột "
                  "'Mã nhiệm vụ' và cột 'Tình trạng' hoặc 'Tiến độ (%)'.",
                  "No header row in the first {n} rows of sheet(s) {sheets}: looked for a row with 'Mã nhiệm vụ' and "
                  "'Tình trạng' or 'Tiến độ (%)'.",
                  "Dùng mẫu reportkit; nếu tự lập bảng, đặt dòng tiêu đề trong {n} dòng đầu với các cột Mã nhiệm vụ, "
                  "Tình trạng (hoặc Tiến độ (%)), Ngày hoàn thành, Kết quả thực hiện."),
    "missing_column": (ERROR, "Thiếu cột bắt buộc {missing}. Các cột tìm thấy: {found}.",
                       "Required column missing: {missing}. Columns found: {found}.",
                       "Thêm cột {missing} vào dòng tiêu đề (xem mẫu reportkit)."),
    "duplicate_column": (WARNING, "Cột {column} trùng tên với cột {first}; chỉ đọc cột {first}.",
                         "Column {column} repeats column {first}; only {first} is read.",
                         "Đổi tên hoặc xoá cột trùng."),
    "legacy_converted": (WARNING, "Đã chuyển {count} ô từ bảng mã {encoding} sang Unicode: {cells}. Ví dụ: '{before}' → "
                         "'{after}'.",
                         "Converted {count} cell(s) from {encoding} to Unicode: {cells}. Example: '{before}' → '{after}'.",
                         "Kiểm tra lại nội dung các ô này; lần sau dùng mẫu reportkit với phông Unicode (Times New Roman)."),
    "legacy_unsafe": (ERROR, "Ô có chữ theo bảng mã cũ ({encoding}) không chuyển sang Unicode an toàn được; {effect}.",
                      "Cell in an old encoding ({encoding}) that cannot be converted to Unicode safely; {effect_en}.",
                      "Chuyển mã sang Unicode bằng Unikey (Công cụ chuyển mã, đích Unicode) hoặc gõ lại ô này bằng phông "
                      "Unicode."),
    "unknown_unit": (ERROR, "Không xác định được đơn vị gửi báo cáo ({detail}). Các đơn vị trong kế hoạch: {units}.",
                     "Unknown unit ({detail}). Units of the plan: {units}.",
                     "Ghi 'Đơn vị: <tên đơn vị>' ở đầu bảng, hoặc đặt tên tệp bắt đầu bằng mã đơn vị, ví dụ "
                     "{example}."),
    "unit_from_filename": (WARNING, "Dòng 'Đơn vị' ghi '{title}' không khớp đơn vị nào; dùng đơn vị theo tên tệp: {unit}.",
                           "The 'Đơn vị' line '{title}' matches no unit; using the unit from the file name: {unit}.",
                           "Ghi đúng tên đơn vị như trong kế hoạch, ví dụ '{unit}'."),
    "unit_mismatch": (WARNING, "Dòng 'Đơn vị' ghi {title_unit} nhưng tên tệp là của {file_unit}; dùng đơn vị ghi trong bảng.",
                      "The 'Đơn vị' line says {title_unit} but the file name belongs to {file_unit}; using the former.",
                      "Sửa tên tệp hoặc dòng 'Đơn vị' cho khớp nhau."),
    "no_report_date": (ERROR, "Không có ngày báo cáo (không có dòng 'Ngày báo cáo:' và tên tệp không chứa ngày).",
                       "No report date (no 'Ngày báo cáo:' line and no date in the file name).",
                       "Ghi 'Ngày báo cáo: dd/mm/yyyy' ở đầu bảng, hoặc đặt tên tệp dạng <mã đơn vị>_<yyyy-mm-dd>.xlsx."),
    "missing_task_code": (ERROR, "Dòng có số liệu nhưng không có mã nhiệm vụ; dòng không được dùng.",
                          "Row has data but no task code; row not used.",
                          "Ghi mã nhiệm vụ (ví dụ III.1, II.1.a) vào cột Mã nhiệm vụ."),
    "text_without_code": (WARNING, "Dòng không có mã nhiệm vụ, chỉ có chữ ở các cột kết quả/ghi chú; dòng được bỏ qua.",
                          "Row without a task code holding only text (result/note columns); row skipped.",
                          "Nếu đây là nội dung của một nhiệm vụ, ghi mã nhiệm vụ vào cột Mã nhiệm vụ hoặc chuyển nội "
                          "dung lên dòng của nhiệm vụ đó."),
    "unknown_task_code": (ERROR, "Mã nhiệm vụ '{task}' không có trong kế hoạch{suggest_vi}; dòng không được dùng.",
                          "Task code '{task}' is not in the plan{suggest_en}; row not used.",
                          "Dùng một trong các mã: {codes}."),
    "task_not_assigned": (WARNING, "Nhiệm vụ {task} không được giao cho {unit} trong kế hoạch; dòng vẫn được đọc.",
                          "Task {task} is not assigned to {unit} in the plan; row read anyway.",
                          "Kiểm tra lại mã nhiệm vụ; các mã của đơn vị: {codes}."),
    "duplicate_task": (ERROR, "Nhiệm vụ {task} có {n} dòng ({rows}) với nội dung khác nhau; các dòng này không được dùng.",
                       "Task {task} appears on {n} rows ({rows}) with different content; none of them is used.",
                       "Giữ một dòng cho mỗi nhiệm vụ, gộp nội dung vào dòng đó."),
    "duplicate_task_same": (WARNING, "Nhiệm vụ {task} lặp lại giống hệt ở dòng {rows}; chỉ dùng dòng {first}.",
                            "Task {task} is repeated identically on rows {rows}; only row {first} is used.",
                            "Xoá các dòng lặp."),
    "unknown_status": (ERROR, "Tình trạng '{value}' không hợp lệ; dòng không được dùng.",
                       "Unknown status '{value}'; row not used.",
                       "Chọn một trong: {accepted}."),
    "missing_status": (WARNING, "Nhiệm vụ {task} chưa ghi tình trạng hoặc tiến độ.",
                       "Task {task} has neither status nor progress.",
                       "Chọn tình trạng (Chưa thực hiện, Đang thực hiện, Đã hoàn thành) hoặc ghi tiến độ 0–100."),
    "bad_progress": (ERROR, "Tiến độ '{value}' không phải là số phần trăm; dòng không được dùng.",
                     "Progress '{value}' is not a percentage; row not used.",
                     "Ghi số từ 0 đến 100, ví dụ 75 hoặc 75%."),
    "progress_range": (ERROR, "Tiến độ {value} nằm ngoài khoảng 0–100; dòng không được dùng.",
                       "Progress {value} is outside 0–100; row not used.",
                       "Ghi số từ 0 đến 100."),
    "progress_fraction": (WARNING, "Tiến độ {value} được hiểu là {percent}%.", "Progress {value} read as {percent}%.",
                          "Ghi tiến độ theo phần trăm, ví dụ 75."),
    "status_progress_conflict": (WARNING, "Tình trạng '{status}' không khớp tiến độ {progress}%; dùng tình trạng.",
                                 "Status '{status}' contradicts progress {progress}%; the status is used.",
                                 "Sửa tình trạng hoặc tiến độ cho khớp nhau (100% là Đã hoàn thành)."),
    "bad_date": (ERROR, "{field} '{value}' không phải là ngày; {effect}.", "{field_en} '{value}' is not a date; {effect_en}.",
                 "Ghi ngày dạng dd/mm/yyyy, ví dụ 05/03/2024."),
    "impossible_date": (ERROR, "{field} '{value}' là ngày không có thật; {effect}.",
                        "{field_en} '{value}' is an impossible date; {effect_en}.",
                        "Ghi ngày có thật dạng dd/mm/yyyy (ngày/tháng/năm)."),
    "implausible_date": (ERROR, "{field} '{value}' có năm ngoài khoảng 1990–2100; {effect}.",
                         "{field_en} '{value}' has a year outside 1990–2100; {effect_en}.",
                         "Ghi ngày dạng dd/mm/yyyy với năm đủ 4 chữ số."),
    "completed_after_report": (ERROR, "Ngày hoàn thành {date} sau ngày báo cáo {report_date}; dòng không được dùng.",
                               "Completion date {date} is after the report date {report_date}; row not used.",
                               "Ghi ngày đã thực hiện xong (không ghi ngày dự kiến); kiểm tra lại năm."),
    "completed_outside_year": (WARNING, "Ngày hoàn thành {date} không thuộc năm kế hoạch {year}.",
                               "Completion date {date} is outside the plan year {year}.",
                               "Kiểm tra lại năm của ngày hoàn thành."),
    "done_without_date": (WARNING, "Nhiệm vụ {task} đã hoàn thành nhưng không có ngày hoàn thành: không đánh giá được đúng "
                          "hạn hay quá hạn.",
                          "Task {task} is done but has no completion date: timeliness unknown.",
                          "Ghi ngày hoàn thành dạng dd/mm/yyyy."),
    "date_without_done": (WARNING, "Có ngày hoàn thành {date} nhưng tình trạng là '{status}'; ngày này không được dùng.",
                          "Completion date {date} given but the status is '{status}'; the date is ignored.",
                          "Nếu đã xong, chọn 'Đã hoàn thành'; nếu là ngày dự kiến, ghi vào cột Ghi chú."),
    "duplicate_submission": (ERROR, "Đơn vị {unit} có {n} báo cáo cùng ngày báo cáo {date}: {files}; không dùng báo cáo "
                             "nào trong số này.",
                             "Unit {unit} has {n} submissions with the same report date {date}: {files}; none is used.",
                             "Chỉ giữ bản đúng trong thư mục (xoá hoặc chuyển các bản cũ ra ngoài) rồi chạy lại."),
    "cell_too_long": (ERROR, "Ô có {length} ký tự, vượt giới hạn {limit} ký tự một ô của Excel; {effect}.",
                      "The cell holds {length} characters, above Excel's limit of {limit} per cell; {effect_en}.",
                      "Rút gọn nội dung ô (đưa phần chi tiết vào văn bản kèm theo) rồi gửi lại."),
    "no_task_rows": (WARNING, "Bảng có dòng tiêu đề nhưng không có dòng nhiệm vụ nào; đơn vị được coi như chưa báo cáo.",
                     "The table has a header but no task rows; the unit counts as not having reported.",
                     "Điền các dòng nhiệm vụ (mã nhiệm vụ, tình trạng, ngày hoàn thành, kết quả) theo mẫu rồi gửi lại."),
    "link_outside": (ERROR, "Tệp là liên kết (symlink) tới {target}, nằm ngoài thư mục số liệu; tệp không được đọc.",
                     "The file is a symbolic link to {target}, outside the submissions folder; not read.",
                     "Chép tệp thật vào thư mục số liệu thay cho liên kết."),
    "duplicate_file": (WARNING, "Tệp giống hệt {other}; chỉ dùng {other}.", "Identical to {other}; only {other} is used.",
                       "Xoá bản sao khỏi thư mục."),
}

_ROW_EFFECT = ("dòng không được dùng", "row not used")
_FIELD_NAMES = {"completed_on": ("Ngày hoàn thành", "Completion date"), "report_date": ("Ngày báo cáo", "Report date")}


def make_finding(code: str, path: object, *, sheet: str | None = None, row: int | None = None,
                 column: str | None = None, value: object = None, **fields: object) -> Finding:
    """A Finding from the MESSAGES table; ``fields`` fill its placeholders."""
    severity, vi, en, fix = MESSAGES[code]
    shown = "" if value is None or value == "" else cell_text(value)[:200]
    fields = {"effect": _ROW_EFFECT[0], "effect_en": _ROW_EFFECT[1], "value": shown, "column": column or "", **fields}
    return Finding(
        severity=severity,
        code=code,
        path=str(path),
        message=vi.format(**fields),
        message_en=en.format(**fields),
        fix=fix.format(**fields),
        fix_en=finding_fix_en(code, fields, fallback=fix.format(**fields)),
        sheet=sheet,
        row=row,
        column=column,
        value=shown or None,
    )


# ------------------------------------------------------------ file checks


@dataclass
class _FileInfo:
    kind: str  # "xlsx", "ods", "cfb"
    legacy_fonts: bool  # the file declares .VnTime*/VNI-* fonts


_LEGACY_FONT_BYTES = (b'".Vn', b"'.Vn", b'"VNI-', b"'VNI-")


def _sniff(data: bytes, path: Path, add) -> _FileInfo | None:
    """Check size, kind and zip limits before any parsing; None when the file must not be read."""
    if not data:
        add("empty_file")
        return None
    if len(data) > MAX_FILE_BYTES:
        add("file_too_large", size=format_number(len(data) / 2**20, 1), limit=MAX_FILE_BYTES // 2**20)
        return None
    ext = path.suffix.lower()
    if data[:4] == b"PK\x03\x04":
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
            what = "tài liệu Word" if "word/document.xml" in names else "tệp nén .zip"
            add("not_spreadsheet", kind=what)
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
        if extent.rows > MAX_ROWS or extent.columns > MAX_COLUMNS or extent.cells > MAX_CELLS:
            add("too_many_rows", **_size_fields(extent.rows, extent.columns))
            return None
        if ext in (".xls",) or (kind == "ods" and ext in (".xlsx", ".xlsm")) or (kind == "xlsx" and ext == ".ods"):
            add("extension_mismatch", ext=ext, kind=kind, right="." + kind)
        legacy_fonts = False
        for name in styles:
            if name in names:
                with zf.open(name) as fh:
                    head = fh.read(256 * 1024)  # font declarations come first
                legacy_fonts = legacy_fonts or any(m in head for m in _LEGACY_FONT_BYTES)
        return _FileInfo(kind, legacy_fonts)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
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
        if extent.rows > MAX_ROWS or extent.columns > MAX_COLUMNS or extent.cells > MAX_CELLS:
            add("too_many_rows", **_size_fields(extent.rows, extent.columns))
            return None
        if ext in (".xlsx", ".xlsm", ".ods"):
            add("extension_mismatch", ext=ext, kind="xls", right=".xls")
        legacy_fonts = b".Vn" in data or b".\x00V\x00n\x00" in data or b"VNI-" in data or b"V\x00N\x00I\x00-\x00" in data
        return _FileInfo("cfb", legacy_fonts)
    head = data[:512].lstrip().lower()
    if data[:4] == b"%PDF":
        kind = "PDF"
    elif head.startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
        kind = "HTML/XML"
    elif b"\x00" not in data[:4096]:
        kind = "văn bản thuần/CSV"
    else:
        kind = "định dạng không rõ"
    add("not_spreadsheet", kind=kind)
    return None


def _size_fields(rows: int, cols: int) -> dict:
    return dict(rows=format_number(rows), cols=format_number(cols), limit_rows=format_number(MAX_ROWS),
                limit_cols=format_number(MAX_COLUMNS), limit_cells=format_number(MAX_CELLS))


def _take_long_cells(grid: list[list]) -> dict[tuple[int, int], int]:
    """Text cells longer than MAX_CELL_CHARS: blanked in ``grid``; (row, col) → length."""
    found = {(r, c): len(v) for r, row in enumerate(grid) for c, v in enumerate(row)
             if v.__class__ is str and len(v) > MAX_CELL_CHARS}
    for r, c in found:
        grid[r][c] = ""
    return found


# ------------------------------------------------------------ file name


_NAME_DATE_RES = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), (0, 1, 2)),
    (re.compile(r"(?<!\d)(\d{1,2})[.\-](\d{1,2})[.\-](\d{4})(?!\d)"), (2, 1, 0)),
    (re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)"), (0, 1, 2)),
)


def unit_from_filename(path: Path, plan: Plan) -> str | None:
    """The unit whose code, name or alias starts the file name (``hcth_2024-02-20.xlsx``)."""
    stem = path.stem
    for token in [*re.split(r"[_\s]+", stem), stem]:
        unit = plan.find_unit(token)
        if unit is not None:
            return unit.code
    return None


def date_from_filename(path: Path) -> dt.date | None:
    """A date in the file name: 2024-02-20, 20-02-2024, 20.02.2024 or 20240220."""
    for regex, (yi, mi, di) in _NAME_DATE_RES:
        m = regex.search(path.stem)
        if m:
            groups = [int(g) for g in m.groups()]
            try:
                return dt.date(groups[yi], groups[mi], groups[di])
            except ValueError:
                return None
    return None


# ------------------------------------------------------------ the reader


@dataclass
class _RawRow:
    row: int  # 0-based
    cells: dict[str, object]  # field → raw value (after legacy repair)


class _WorkbookReader:
    """Reads one file; collects findings as it goes (lazy validation)."""

    def __init__(self, path: Path, plan: Plan):
        self.path = path
        self.plan = plan
        self.findings: list[Finding] = []
        self.errors = 0  # error findings so far
        self.codes = frozenset(plan.task_codes)
        self.sheet: str | None = None
        # Cells whose legacy text could not be converted safely: (row, col, text, encoding).
        self.unsafe_cells: list[tuple[int, int, str, str | None]] = []
        # Text cells above MAX_CELL_CHARS (blanked in the grid): (row, col) → length.
        self.long_cells: dict[tuple[int, int], int] = {}

    def add(self, code: str, **kw: object) -> Finding:
        kw.setdefault("sheet", self.sheet)
        finding = make_finding(code, self.path, **kw)
        self.findings.append(finding)
        self.errors += finding.severity == ERROR
        return finding

    # -- the whole file ---------------------------------------------------
    def read(self) -> Submission:
        sub = Submission(path=self.path, unit=None, report_date=None, findings=self.findings)
        if not self.path.exists():
            self.add("file_not_found")
            return sub
        if self.path.is_dir():
            self.add("not_a_file")
            return sub
        try:
            with open(self.path, "rb") as fh:  # read-only: the input is never modified
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self.add("unreadable_file", detail=exc.strerror or str(exc))
            return sub
        sub.sha256 = hashlib.sha256(data).hexdigest()
        from python_calamine import CalamineError

        try:
            info = _sniff(data, self.path, lambda code, **kw: self.add(code, **kw))
            if info is None:
                return sub
            self._read_book(data, info, sub)
        except (CalamineError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            self.add("corrupt", detail=f"{type(exc).__name__}: {exc}"[:300])
            sub.rows = []
        except Exception as exc:  # noqa: BLE001 - never a traceback for one file; the others go on
            self.add("internal_error", detail=f"{type(exc).__name__}: {exc}"[:300])
            sub.rows = []
        except BaseException as exc:  # a panic in the Rust reader on a damaged file (pyo3's PanicException)
            if type(exc).__name__ != "PanicException":
                raise
            self.add("corrupt", detail=f"calamine: {exc}"[:300])
            sub.rows = []
        return sub

    def _read_book(self, data: bytes, info: _FileInfo, sub: Submission) -> None:
        from python_calamine import (
            CalamineWorkbook,
            PasswordError,
            SheetTypeEnum,
            SheetVisibleEnum,
        )

        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except PasswordError:
            self.add("password_protected")
            return
        except Exception as exc:  # noqa: BLE001 - calamine raises several kinds for damaged files
            self.add("corrupt", detail=str(exc)[:300])
            return
        searched: list[str] = []
        partial: tuple[str, list[str]] | None = None
        any_data = refused = False
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible:
                continue
            if fold_key(meta.name) in _INSTRUCTION_SHEETS:
                continue
            self.sheet = meta.name
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.total_height > MAX_ROWS or sheet.total_width > MAX_COLUMNS or \
                    sheet.total_height * sheet.total_width > MAX_CELLS:
                self.add("too_many_rows", **_size_fields(sheet.total_height, sheet.total_width))
                refused = True
                continue
            grid = sheet.to_python(skip_empty_area=False)
            if not grid:
                continue
            any_data = True
            searched.append(meta.name)
            self.unsafe_cells = []
            self.long_cells = _take_long_cells(grid)
            self._repair_legacy(grid, data, info)
            header = find_header(grid)
            if header is None:
                partial = partial or _partial_header(grid, meta.name)
                continue
            sub.sheet = meta.name
            self._read_sheet(grid, header, sheet.merged_cell_ranges or [], sub)
            return
        self.sheet = None
        if not any_data:
            if not refused:
                self.add("empty_workbook")
        elif partial is not None:
            self.sheet = partial[0]
            self.add("missing_column", missing="'Mã nhiệm vụ'", found=", ".join(partial[1]))
        else:
            self.add("no_header", n=HEADER_SEARCH_ROWS, sheets=", ".join(f"'{s}'" for s in searched))

    # -- legacy encodings --------------------------------------------------
    def _repair_legacy(self, grid: list[list], data: bytes, info: _FileInfo) -> None:
        """Convert TCVN3/VNI cells to Unicode in place; warn which cells, error where unsafe."""
        texts = [v for row in grid for v in row if isinstance(v, str) and v and not v.isascii()]
        if not texts:
            return
        suspect = info.legacy_fonts or legacy.has_telltale("\n".join(texts))  # one search per sheet
        if not suspect:
            return
        fonts = self._cell_fonts(data) if info.legacy_fonts and info.kind == "xlsx" else {}
        converted: dict[str, list[tuple[int, int, str, str]]] = {}
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if not isinstance(value, str) or not value or value.isascii():
                    continue
                repair = legacy.repair_text(value, fonts.get((r, c)), suspect=True)
                if repair.outcome == legacy.CONVERTED:
                    row[c] = repair.text
                    converted.setdefault(repair.encoding, []).append((r, c, value, repair.text))
                elif repair.outcome == legacy.UNSAFE:
                    self.unsafe_cells.append((r, c, value, repair.encoding))
        for encoding, cells in converted.items():
            refs = [f"{column_letter(c)}{r + 1}" for r, c, _, _ in cells]
            shown = ", ".join(refs[:15]) + (f" và {len(refs) - 15} ô khác" if len(refs) > 15 else "")
            r, c, before, after = cells[0]
            self.add("legacy_converted", count=len(cells), encoding=legacy.ENCODING_NAMES[encoding], cells=shown,
                     before=before[:60], after=after[:60])

    def _cell_fonts(self, data: bytes) -> dict[tuple[int, int], str]:
        """(row, col) → font name for text cells in a legacy font of the current sheet (openpyxl)."""
        import openpyxl

        fonts: dict[tuple[int, int], str] = {}
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if self.sheet not in book.sheetnames:
                return fonts
            for row in book[self.sheet].iter_rows():
                for cell in row:
                    if isinstance(getattr(cell, "value", None), str) and cell.font is not None:
                        name = cell.font.name or ""
                        if legacy.font_encoding(name)[0]:
                            fonts[(cell.row - 1, cell.column - 1)] = name
        finally:
            book.close()
        return fonts

    # -- one sheet ---------------------------------------------------------
    def _read_sheet(self, grid: list[list], header: Header, merges: list, sub: Submission) -> None:
        for field_name, col in header.duplicates:
            self.add("duplicate_column", row=header.row + 1, column=header.describe(col),
                     first=header.describe_field(field_name), value=header.labels.get(col))
        missing = [f for f in ("status", "progress") if f in header.columns]
        if not missing:
            found = [header.labels[c] for c in sorted(header.labels)]
            self.add("missing_column", row=header.row + 1, missing="'Tình trạng' hoặc 'Tiến độ (%)'",
                     found=", ".join(f"'{x}'" for x in found))
            return
        for row_index, col, value, encoding in self._unsafe_header_cells(header):
            self.add("legacy_unsafe", row=row_index + 1, column=header.describe(col), value=value,
                     encoding=legacy.ENCODING_NAMES.get(encoding, "TCVN3/VNI"),
                     effect="nội dung ô được giữ nguyên", effect_en="the cell is kept as is")
        title = read_title(grid, header.row)
        sub.unit = self._unit(title)
        sub.report_date = self._report_date(title)
        raw_rows = self._raw_rows(grid, header, merges)
        rows_by_code: dict[str, list[tuple[_RawRow, TaskRow | None]]] = {}
        for raw in raw_rows:
            task_row = self._task_row(raw, header, sub)
            if task_row is not None:
                rows_by_code.setdefault(task_row.task_code, []).append((raw, task_row))
        sub.rows = self._resolve_duplicates(rows_by_code, header)
        if not sub.rows and not self.findings:  # a header and nothing under it: say so, never a silent blank
            self.add("no_task_rows", row=header.row + 1)
        for (r, c), length in sorted(self.long_cells.items()):  # outside task rows: the cell is ignored
            self.add("cell_too_long", row=r + 1, column=header.describe(c), length=format_number(length),
                     limit=format_number(MAX_CELL_CHARS), effect="nội dung ô bị bỏ qua",
                     effect_en="the cell is ignored")
        if sub.unit is None or sub.report_date is None:
            sub.rows = []  # a file-level error: nothing of it may be used until fixed
            return
        if sub.unit:
            assigned = {t.code for t in self.plan.tasks_for_unit(sub.unit)}
            for tr in sub.rows:
                if tr.task_code not in assigned:
                    self.add("task_not_assigned", row=tr.source_row, column=header.describe_field("task_code"),
                             value=tr.task_code, task=tr.task_code, unit=self.plan.unit(sub.unit).name,
                             codes=", ".join(sorted(assigned, key=self.plan.task_codes.index)))

    def _unsafe_header_cells(self, header: Header) -> list:
        return [c for c in self.unsafe_cells if c[0] <= header.row]

    # -- unit and report date ----------------------------------------------
    def _unit(self, title: dict) -> str | None:
        from_name = unit_from_filename(self.path, self.plan)
        units = "; ".join(f"{u.code} ({u.name})" for u in self.plan.units)
        example = f"{self.plan.units[0].code}_{self.plan.year}-03-05.xlsx"
        entry = title.get("unit")
        if entry is not None:
            text = cell_text(entry.value)
            unit = self.plan.find_unit(text)
            where = dict(row=entry.row + 1, column=column_letter(entry.col), value=text)
            if unit is None and from_name:
                self.add("unit_from_filename", title=text, unit=self.plan.unit(from_name).name, **where)
                return from_name
            if unit is None:
                self.add("unknown_unit", detail=f"dòng 'Đơn vị' ghi '{text}'", units=units, example=example, **where)
                return None
            if from_name and from_name != unit.code:
                self.add("unit_mismatch", title_unit=unit.name, file_unit=self.plan.unit(from_name).name, **where)
            return unit.code
        if from_name:
            return from_name
        self.add("unknown_unit", detail=f"không có dòng 'Đơn vị:' và tên tệp '{self.path.name}' không chứa mã đơn vị",
                 units=units, example=example)
        return None

    def _report_date(self, title: dict) -> dt.date | None:
        entry = title.get("report_date")
        if entry is not None:
            parsed = parse_date(entry.value)
            if parsed.problem is None:
                return parsed.value
            fallback = date_from_filename(self.path)
            effect = (f"dùng ngày theo tên tệp {format_date(fallback)}", f"using the file-name date {fallback}") \
                if fallback else ("không xác định được ngày báo cáo", "no report date")
            self.add(parsed.problem, row=entry.row + 1, column=column_letter(entry.col), value=entry.value,
                     field="Ngày báo cáo", field_en="Report date", effect=effect[0], effect_en=effect[1])
            return fallback
        fallback = date_from_filename(self.path)
        if fallback is None:
            self.add("no_report_date")
        return fallback

    # -- rows ----------------------------------------------------------------
    def _raw_rows(self, grid: list[list], header: Header, merges: list) -> list[_RawRow]:
        """Rows below the header as field → value, blank rows dropped, merged continuation rows folded in."""
        cols = header.columns
        code_col = cols["task_code"]
        # Rows whose code cell is covered by a vertical merge continue the row above.
        continuation: dict[int, int] = {}
        for (r0, c0), (r1, c1) in merges:
            if c0 <= code_col <= c1 and r1 > r0 and r0 >= header.first_data_row:
                for r in range(r0 + 1, min(r1, len(grid) - 1) + 1):  # a merge may claim rows far past the data
                    continuation[r] = r0
        out: list[_RawRow] = []
        by_row: dict[int, _RawRow] = {}
        width = len(grid[0]) if grid else 0
        for r in range(header.first_data_row, len(grid)):
            row = grid[r]
            if not any(v != "" and v is not None for v in row):
                continue
            cells = {f: (row[c] if c < width else "") for f, c in cols.items()}
            if r in continuation and continuation[r] in by_row:
                main = by_row[continuation[r]]
                for f, v in cells.items():
                    if v in ("", None) or f == "task_code":
                        continue
                    if main.cells.get(f) in ("", None):
                        main.cells[f] = v
                    elif f in _TEXT_FIELDS:
                        main.cells[f] = f"{cell_text(main.cells[f])}\n{cell_text(v)}"
                continue
            raw = _RawRow(r, cells)
            by_row[r] = raw
            out.append(raw)
        return out

    def _task_row(self, raw: _RawRow, header: Header, sub: Submission) -> TaskRow | None:
        """One TaskRow, or None when the row is not a task line or holds an error."""
        cells = raw.cells
        excel_row = raw.row + 1
        errors_before = self._error_count()
        col = header.describe_field
        code_text = cell_text(cells.get("task_code"))
        has_data = any(cells.get(f, "") not in ("", None) for f in _DATA_FIELDS)
        if not code_text:
            if any(cells.get(f) not in ("", None) for f in ("status", "progress", "completed_on") if f in cells):
                self.add("missing_task_code", row=excel_row, column=col("task_code"))
            elif has_data:
                text = next(cell_text(cells[f]) for f in _TEXT_FIELDS if cells.get(f) not in ("", None))
                self.add("text_without_code", row=excel_row, column=col("task_code"), value=text)
            return None  # a heading, signature or note line
        unsafe = [(c, value, enc) for r, c, value, enc in self.unsafe_cells if r == raw.row] if self.unsafe_cells else []
        for c, value, encoding in unsafe:
            self.add("legacy_unsafe", row=excel_row, column=header.describe(c), value=value,
                     encoding=legacy.ENCODING_NAMES.get(encoding, "TCVN3/VNI"),
                     effect="dòng không được dùng", effect_en="row not used")
        if any(c == header.columns["task_code"] for c, _, _ in unsafe):
            return None
        if self.long_cells and self._long_cells_in_row(raw.row, header):
            return None
        code = self._plan_code(code_text)
        if code not in self.codes:
            section_codes = {s for s, _ in self.plan.sections}
            if not has_data and (code in section_codes or not _CODE_SHAPE_RE.match(code)
                                 or re.fullmatch(r"[IVXLC]+", code)):
                return None  # a section heading ("II.1 …") or a footer line ("Người lập biểu")
            near = difflib.get_close_matches(code, self.plan.task_codes, n=1, cutoff=0.6)
            self.add("unknown_task_code", row=excel_row, column=col("task_code"), value=code_text, task=code_text,
                     suggest_vi=f" (có phải '{near[0]}'?)" if near else "",
                     suggest_en=f" (did you mean '{near[0]}'?)" if near else "",
                     codes=", ".join(self.plan.task_codes))
            return None
        status = self._status(cells, excel_row, header, code)
        progress = self._progress(cells, excel_row, header, status)
        if status is None and progress is not None:
            status = status_from_progress(progress)
        completed_on = self._completed_on(cells, excel_row, header, status, code, sub)
        if status is None and self._error_count() == errors_before:
            self.add("missing_status", row=excel_row, column=col("status") if "status" in header.columns
                     else col("progress"), task=code)
        if self._error_count() > errors_before:
            return None
        return TaskRow(
            task_code=code,
            status=status,
            progress=progress,
            completed_on=completed_on,
            result=cell_text(cells.get("result")),
            difficulties=cell_text(cells.get("difficulties")),
            proposals=cell_text(cells.get("proposals")),
            note=cell_text(cells.get("note")),
            source_row=excel_row,
            sheet=self.sheet or "",
        )

    def _long_cells_in_row(self, row: int, header: Header) -> bool:
        """Error findings for the too-long cells of a task row (the row is not used); True when there were any."""
        cells = sorted((c, n) for (r, c), n in self.long_cells.items() if r == row)
        for c, length in cells:
            del self.long_cells[(row, c)]
            self.add("cell_too_long", row=row + 1, column=header.describe(c), length=format_number(length),
                     limit=format_number(MAX_CELL_CHARS))
        return bool(cells)

    def _plan_code(self, text: str) -> str:
        """The canonical code; a legacy-encoded code ("II.1.®" in TCVN3) is decoded when that names a plan code."""
        code = _normalize_code(text)
        if code in self.codes or text.isascii():
            return code
        for encoding in (legacy.TCVN3, legacy.VNI):
            decoded = normalize_code(legacy.convert(text, encoding))
            if decoded in self.codes:
                return decoded
        return code

    def _error_count(self) -> int:
        return self.errors

    def _status(self, cells: dict, excel_row: int, header: Header, code: str) -> str | None:
        value = cells.get("status")
        if value in ("", None):
            return None
        status = parse_status(value)
        if status is None:
            self.add("unknown_status", row=excel_row, column=header.describe_field("status"), value=value,
                     accepted=", ".join(accepted_status_words()))
        return status

    def _progress(self, cells: dict, excel_row: int, header: Header, status: str | None) -> float | None:
        if "progress" not in header.columns:
            return None
        value = cells.get("progress")
        parsed = parse_progress(value)
        where = dict(row=excel_row, column=header.describe_field("progress"), value=value)
        if parsed.problem:
            self.add(parsed.problem, **where)
            return None
        if parsed.value is None:
            return None
        progress = float(parsed.value)
        conflict = status is not None and (status == DONE) != (progress >= 100)
        if parsed.note == "fraction" or conflict:
            shown = format_number(progress, 0 if progress.is_integer() else 1)
            if parsed.note == "fraction":
                self.add("progress_fraction", percent=shown, **where)
            if conflict:
                self.add("status_progress_conflict", status=ROW_STATUS_LABELS[status], progress=shown, **where)
        return progress

    def _completed_on(self, cells: dict, excel_row: int, header: Header, status: str | None, code: str,
                      sub: Submission) -> dt.date | None:
        if "completed_on" not in header.columns:
            if status == DONE:
                self.add("done_without_date", row=excel_row, task=code)
            return None
        value = cells.get("completed_on")
        where = dict(row=excel_row, column=header.describe_field("completed_on"), value=value)
        parsed = parse_date(value)
        if parsed.problem:
            self.add(parsed.problem, field="Ngày hoàn thành", field_en="Completion date", **where)
            return None
        day = parsed.value
        if day is None:
            if status == DONE:
                self.add("done_without_date", task=code, **where)
            return None
        if status != DONE:
            label = ROW_STATUS_LABELS[status] if status else "trống"
            self.add("date_without_done", date=format_date(day), status=label, **where)
            return None
        if sub.report_date is not None and day > sub.report_date:
            self.add("completed_after_report", date=format_date(day), report_date=format_date(sub.report_date), **where)
            return None
        if day.year != self.plan.year:
            self.add("completed_outside_year", date=format_date(day), year=self.plan.year, **where)
        return day

    def _resolve_duplicates(self, rows_by_code: dict[str, list], header: Header) -> list[TaskRow]:
        out: list[TaskRow] = []
        for code, entries in rows_by_code.items():
            if len(entries) == 1:
                out.append(entries[0][1])
                continue
            rows = [tr.source_row for _, tr in entries]
            first = entries[0][1]
            same = all(_row_content(tr) == _row_content(first) for _, tr in entries[1:])
            where = dict(row=rows[1], column=header.describe_field("task_code"), value=code, task=code)
            if same:
                self.add("duplicate_task_same", rows=", ".join(map(str, rows[1:])), first=rows[0], **where)
                out.append(first)
            else:
                self.add("duplicate_task", n=len(rows), rows=", ".join(map(str, rows)), **where)
        out.sort(key=lambda tr: tr.source_row)
        return out


_normalize_code = lru_cache(maxsize=8192)(normalize_code)  # codes repeat in every file


def _row_content(tr: TaskRow) -> tuple:
    return (tr.status, tr.progress, tr.completed_on, tr.result, tr.difficulties, tr.proposals, tr.note)


def _partial_header(grid: list[list], sheet: str) -> tuple[str, list[str]] | None:
    """A row naming two or more known columns but no task code: lets the finding list what was found."""
    for r in range(min(HEADER_SEARCH_ROWS, len(grid))):
        labels = [cell_text(v) for v in grid[r] if isinstance(v, str) and field_of(v)]
        if len(labels) >= 2:
            found = [f"'{cell_text(v)}'" for v in grid[r] if cell_text(v)]
            return sheet, found
    return None


# ------------------------------------------------------------ public API


def read_workbook(path: Path | str, plan: Plan) -> Submission:
    """Read one department workbook into a Submission (unit, report date, rows, findings).

    Never raises for bad content: an unreadable file gives a Submission with
    no rows and an error finding that names the file and how to fix it. Rows
    with an error finding are left out of ``rows``; warnings keep them. The
    file is only read, never modified.
    """
    return _WorkbookReader(Path(path), plan).read()


def iter_workbook_paths(folder: Path) -> list[Path]:
    """Spreadsheet files under ``folder`` (recursive, sorted), without lock files and hidden files."""
    found = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or p.name.startswith("~$"):
            continue
        if p.suffix.lower() in EXTENSIONS and p.is_file():
            found.append(p)
    return sorted(found)


def read_submissions(folder_or_paths: Path | str | Iterable[Path | str], plan: Plan) -> list[Submission]:
    """Read every workbook in a folder (recursively) or in a list of files and folders.

    Skips ``~$`` lock files and hidden files; one bad file never stops the
    others. Adds cross-file findings: identical copies (the later copy is not
    used) and two different submissions of one unit with the same report date
    (neither is used). A folder that does not exist raises SubmissionsError.
    """
    items = [folder_or_paths] if isinstance(folder_or_paths, (str, Path)) else list(folder_or_paths)
    paths: list[Path] = []
    outside: set[Path] = set()  # links found in a folder that lead out of it: not read
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = iter_workbook_paths(p)
            root = p.resolve()
            outside.update(q for q in found if q.is_symlink() and not q.resolve().is_relative_to(root))
            paths.extend(found)
        elif p.exists() or p.suffix:
            paths.append(p)
        else:
            raise SubmissionsError("submissions folder not found", path=p,
                                   hint="check the path; submissions live in a folder such as data/submissions/2024")
    seen: set[Path] = set()
    subs = []
    for p in paths:
        key = p.resolve()
        if p in outside:
            subs.append(Submission(path=p, unit=None, report_date=None,
                                   findings=[make_finding("link_outside", p, target=str(key))]))
        elif key not in seen:
            seen.add(key)
            subs.append(read_workbook_cached(p, plan, read_workbook))
    add_cross_file_findings(subs)
    return subs


def add_cross_file_findings(subs: list[Submission]) -> None:
    """Identical copies and same-unit same-date submissions: findings, and their rows withdrawn."""
    by_hash: dict[str, Submission] = {}
    for sub in subs:
        if not sub.sha256:
            continue
        first = by_hash.setdefault(sub.sha256, sub)
        if first is not sub:
            sub.findings.append(make_finding("duplicate_file", sub.path, other=first.path.name))
            sub.rows = []
    groups: dict[tuple[str, dt.date], list[Submission]] = {}
    for sub in subs:
        if sub.unit and sub.report_date and sub.rows:
            groups.setdefault((sub.unit, sub.report_date), []).append(sub)
    for (unit, day), group in groups.items():
        if len(group) < 2:
            continue
        files = ", ".join(s.path.name for s in group)
        for sub in group:
            sub.findings.append(make_finding("duplicate_submission", sub.path, unit=unit, n=len(group),
                                             date=format_date(day), files=files))
            sub.rows = []


def submission_as_dict(sub: Submission) -> dict:
    """A Submission as plain JSON-ready data (ISO dates), as ``reportkit check --format json`` prints it."""
    return {
        "path": str(sub.path),
        "unit": sub.unit,
        "report_date": sub.report_date.isoformat() if sub.report_date else None,
        "sheet": sub.sheet,
        "sha256": sub.sha256,
        "rows": [
            {
                "task_code": r.task_code,
                "status": r.status,
                "progress": r.progress,
                "completed_on": r.completed_on.isoformat() if r.completed_on else None,
                "source_row": r.source_row,
            }
            for r in sub.rows
        ],
        "findings": [
            {k: getattr(f, k) for k in ("severity", "code", "sheet", "row", "column", "value", "message",
                                         "message_en", "fix", "fix_en")}
            for f in sub.findings
        ],
    }


__all__ = [
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_COMPRESSION_RATIO",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "MESSAGES",
    "COLUMNS",
    "add_cross_file_findings",
    "date_from_filename",
    "make_finding",
    "read_submissions",
    "read_workbook",
    "submission_as_dict",
    "unit_from_filename",
]
