"""The intake's findings: one table of messages (Vietnamese, English, how to fix) and a log that collects them.

Every problem a reader finds is ``make_finding(code, path, …)`` with a code of
``MESSAGES``; ``FindingLog`` adds the file and current sheet and counts errors.
"""

from __future__ import annotations

from pathlib import Path

from reportkit.intake.cellvalues import cell_text
from reportkit.intake.model import ERROR, WARNING, Finding
from reportkit.messages import finding_fix_en

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
    "completed_after_report": (ERROR, "Ngày hoàn thành ở ô {cell} ({date}) sau ngày báo cáo {report_date}; dòng không "
                               "được dùng. {readings}",
                               "Completion date in cell {cell} ({date}) is after the report date {report_date}; row "
                               "not used. {readings_en}",
                               "Ghi ngày đã thực hiện xong (không ghi ngày dự kiến); kiểm tra lại năm."),
    "completed_date_swapped": (ERROR, "Ngày hoàn thành ở ô {cell} có lẽ bị đảo ngày và tháng khi nhập (máy tính đặt kiểu ngày tháng/ngày/năm của tiếng Anh – Mỹ): "
                               "ngày lưu {date} sau ngày báo cáo {report_date}, còn đọc đảo là {swapped} thì hợp lệ; "
                               "dòng không được dùng. {readings}",
                               "Completion date in cell {cell} looks day-month swapped on entry (an office suite set to a month-first locale such as English – US): as stored "
                               "({date}) it is after the report date {report_date}, swapped ({swapped}) it is not; row "
                               "not used. {readings_en}",
                               "Gõ lại ngày dạng năm-tháng-ngày (ví dụ 2024-03-05) để không bị đảo, kiểm tra ô hiển thị đúng ngày/tháng/năm, "
                               "rồi gửi lại."),
    "completed_date_suspect": (ERROR, "Ngày hoàn thành ở ô {cell} ({date}) có thể cũng bị đảo ngày và tháng như ngày báo "
                               "cáo của tệp này; dòng không được dùng. {readings}",
                               "Completion date in cell {cell} ({date}) may be day-month swapped like this file's "
                               "report date; row not used. {readings_en}",
                               "Gõ lại ngày dạng năm-tháng-ngày (ví dụ 2024-03-05) để không bị đảo, kiểm tra ô hiển thị đúng ngày/tháng/năm, "
                               "rồi gửi lại."),
    "completed_outside_year": (WARNING, "Ngày hoàn thành ở ô {cell} ({date}) không thuộc năm kế hoạch {year}. "
                               "{readings}",
                               "Completion date in cell {cell} ({date}) is outside the plan year {year}. "
                               "{readings_en}",
                               "Kiểm tra lại năm của ngày hoàn thành."),
    "report_date_swapped": (ERROR, "Ngày báo cáo ở ô {cell} có lẽ bị đảo ngày và tháng khi nhập (máy tính đặt kiểu ngày tháng/ngày/năm của tiếng Anh – Mỹ): ô lưu "
                            "{date}, nhưng {evidence}, khớp với cách đọc đảo {swapped}. {readings} Bảng không được "
                            "dùng cho đến khi sửa.",
                            "The report date in cell {cell} looks day-month swapped on entry (an office suite set to a month-first locale such as English – US): the cell holds "
                            "{date}, but {evidence_en}, which fits the swapped reading {swapped}. {readings_en} The "
                            "file is not used until it is fixed.",
                            "Gõ lại ngày báo cáo dạng năm-tháng-ngày (ví dụ {swapped_iso}) để không bị đảo, kiểm tra ô "
                            "hiển thị {swapped}; kiểm tra cả các ngày hoàn thành, rồi gửi lại."),
    "report_date_mismatch": (WARNING, "Ngày báo cáo ở ô {cell} ({date}) khác ngày {name} trong tên tệp; dùng ngày ghi "
                             "trong bảng. {readings}",
                             "The report date in cell {cell} ({date}) is not the file-name date {name}; the date "
                             "in the table is used. {readings_en}",
                             "Sửa ngày báo cáo hoặc tên tệp cho khớp nhau."),
    "report_date_outside_period": (WARNING, "Ngày báo cáo ở ô {cell} ({date}) nằm ngoài thời gian báo cáo {span}; dùng "
                                   "ngày ghi trong bảng. {readings}",
                                   "The report date in cell {cell} ({date}) is outside the reporting window of "
                                   "{span_en}; the date in the table is used. {readings_en}",
                                   "Kiểm tra lại ngày báo cáo và dòng 'Kỳ báo cáo'."),
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



class FindingLog:
    """The findings of one file as they are found; ``sheet`` is filled in for every finding added."""

    def __init__(self, path: Path):
        self.path = path
        self.findings: list[Finding] = []
        self.errors = 0  # error findings so far
        self.sheet: str | None = None

    def add(self, code: str, **kw: object) -> Finding:
        """Add the finding ``code`` (fields as for ``make_finding``) and return it."""
        kw.setdefault("sheet", self.sheet)
        finding = make_finding(code, self.path, **kw)
        self.findings.append(finding)
        self.errors += finding.severity == ERROR
        return finding
