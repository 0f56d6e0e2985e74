"""Vietnamese texts of the findings on department workbooks: code → (message, how to fix).

Same codes and ``str.format`` fields in ``vi_findings.py`` and ``en_findings.py`` (a test checks it);
``intake.messages.SEVERITY`` gives each code its severity and ``make_finding`` fills the fields.
"""

# Findings on department workbooks: code → (message, how to fix). intake.messages.SEVERITY gives each
# code its severity; make_finding fills the fields. The English texts (en.py) use the same fields: a
# caller passes ``name_en`` beside ``name`` when a field's value itself differs by language.
FINDINGS: dict[str, tuple[str, str]] = {
    "file_not_found": (
        "Không tìm thấy tệp.",
        "Kiểm tra lại đường dẫn tệp.",
    ),
    "not_a_file": (
        "Đường dẫn là thư mục, không phải tệp bảng tính.",
        "Chỉ định một tệp .xlsx/.xlsm/.xls/.ods, hoặc đọc cả thư mục bằng read_submissions.",
    ),
    "unreadable_file": (
        "Không mở được tệp để đọc ({detail}).",
        "Kiểm tra quyền đọc tệp hoặc sao chép tệp sang thư mục khác rồi đọc lại.",
    ),
    "empty_file": (
        "Tệp rỗng (0 byte).",
        "Lưu lại bảng tính từ Excel hoặc LibreOffice rồi gửi lại.",
    ),
    "file_too_large": (
        "Tệp quá lớn ({size} MB), vượt giới hạn {limit} MB; tệp không được đọc.",
        "Xoá các trang tính, hình ảnh không cần thiết (hoặc dùng mẫu reportkit) rồi gửi lại.",
    ),
    "zip_bomb": (
        ("Tệp nén bất thường: {entries} tệp con, giải nén ra {size} MB, gấp {ratio} lần kích thước tệp (giới hạn "
         "{limit_entries} tệp con, {limit} MB và {limit_ratio} lần); tệp không được đọc."),
        "Mở tệp bằng Excel hoặc LibreOffice và lưu thành tệp .xlsx mới; nếu không rõ nguồn gốc tệp, đừng mở.",
    ),
    "not_spreadsheet": (
        "Tệp không phải bảng tính Excel/LibreOffice ({kind}).",
        "Gửi tệp .xlsx (khuyến nghị), .xlsm, .xls hoặc .ods.",
    ),
    "corrupt": (
        "Không đọc được bảng tính: tệp hỏng hoặc sai định dạng ({detail}).",
        ("Mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại thành .xlsx rồi gửi lại; nếu không, đề nghị đơn "
         "vị gửi lại."),
    ),
    "internal_error": (
        "reportkit gặp lỗi khi đọc tệp này ({detail}); tệp không được dùng.",
        "Báo lỗi cho người quản trị reportkit kèm tệp này; trong khi chờ, lưu lại tệp từ mẫu reportkit.",
    ),
    "worker_died": (
        "Tiến trình đọc tệp này dừng đột ngột ({how}); tệp không được đọc, các tệp khác vẫn được đọc.",
        ("Mở tệp bằng Excel hoặc LibreOffice, lưu lại thành .xlsx rồi chạy lại; nếu vẫn lỗi, chạy lại với "
         "REPORTKIT_INTAKE_WORKERS=1 và báo cho người quản trị reportkit kèm tệp này."),
    ),
    "password_protected": (
        "Tệp được đặt mật khẩu mở nên không đọc được.",
        ("Gỡ mật khẩu mở tệp (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xoá mật khẩu) rồi "
         "gửi lại."),
    ),
    "extension_mismatch": (
        "Phần mở rộng '{ext}' không khớp nội dung tệp ({kind}); tệp vẫn được đọc theo nội dung.",
        "Đổi tên tệp với phần mở rộng {right}.",
    ),
    "empty_workbook": (
        "Bảng tính không có dữ liệu.",
        "Điền bảng theo mẫu (reportkit template) rồi gửi lại.",
    ),
    "too_many_rows": (
        ("Trang tính có {rows} dòng × {cols} cột, vượt giới hạn {limit_rows} dòng, {limit_cols} cột hoặc "
         "{limit_cells} ô; trang tính không được đọc."),
        "Xoá các dòng, cột thừa ở cuối trang tính (hoặc dùng mẫu reportkit) rồi gửi lại.",
    ),
    "no_header": (
        ("Không tìm thấy dòng tiêu đề bảng trong {n} dòng đầu của trang tính {sheets}: cần một dòng có cột 'Mã "
         "nhiệm vụ' và cột 'Tình trạng' hoặc 'Tiến độ (%)'."),
        ("Dùng mẫu reportkit; nếu tự lập bảng, đặt dòng tiêu đề trong {n} dòng đầu với các cột Mã nhiệm vụ, Tình "
         "trạng (hoặc Tiến độ (%)), Ngày hoàn thành, Kết quả thực hiện."),
    ),
    "missing_column": (
        "Thiếu cột bắt buộc {missing}. Các cột tìm thấy: {found}.",
        "Thêm cột {missing} vào dòng tiêu đề (xem mẫu reportkit).",
    ),
    "duplicate_column": (
        "Cột {column} trùng tên với cột {first}; chỉ đọc cột {first}.",
        "Đổi tên hoặc xoá cột trùng.",
    ),
    "legacy_converted": (
        "Đã chuyển {count} ô từ bảng mã {encoding} sang Unicode: {cells}. Ví dụ: '{before}' → '{after}'.",
        "Kiểm tra lại nội dung các ô này; lần sau dùng mẫu reportkit với phông Unicode (Times New Roman).",
    ),
    "legacy_unsafe": (
        "Ô có chữ theo bảng mã cũ ({encoding}) không chuyển sang Unicode an toàn được; {effect}.",
        "Chuyển mã sang Unicode bằng Unikey (Công cụ chuyển mã, đích Unicode) hoặc gõ lại ô này bằng phông Unicode.",
    ),
    "unknown_unit": (
        "Không xác định được đơn vị gửi báo cáo ({detail}). Các đơn vị trong kế hoạch: {units}.",
        "Ghi 'Đơn vị: <tên đơn vị>' ở đầu bảng, hoặc đặt tên tệp bắt đầu bằng mã đơn vị, ví dụ {example}.",
    ),
    "unit_from_filename": (
        "Dòng 'Đơn vị' ghi '{title}' không khớp đơn vị nào; dùng đơn vị theo tên tệp: {unit}.",
        "Ghi đúng tên đơn vị như trong kế hoạch, ví dụ '{unit}'.",
    ),
    "unit_mismatch": (
        "Dòng 'Đơn vị' ghi {title_unit} nhưng tên tệp là của {file_unit}; dùng đơn vị ghi trong bảng.",
        "Sửa tên tệp hoặc dòng 'Đơn vị' cho khớp nhau.",
    ),
    "no_report_date": (
        "Không có ngày báo cáo (không có dòng 'Ngày báo cáo:' và tên tệp không chứa ngày).",
        "Ghi 'Ngày báo cáo: dd/mm/yyyy' ở đầu bảng, hoặc đặt tên tệp dạng <mã đơn vị>_<yyyy-mm-dd>.xlsx.",
    ),
    "missing_task_code": (
        "Dòng có số liệu nhưng không có mã nhiệm vụ; dòng không được dùng.",
        "Ghi mã nhiệm vụ (ví dụ III.1, II.1.a) vào cột Mã nhiệm vụ.",
    ),
    "text_without_code": (
        "Dòng không có mã nhiệm vụ, chỉ có chữ ở các cột kết quả/ghi chú; dòng được bỏ qua.",
        ("Nếu đây là nội dung của một nhiệm vụ, ghi mã nhiệm vụ vào cột Mã nhiệm vụ hoặc chuyển nội dung lên dòng "
         "của nhiệm vụ đó."),
    ),
    "unknown_task_code": (
        "Mã nhiệm vụ '{task}' không có trong kế hoạch{suggest}; dòng không được dùng.",
        "Dùng một trong các mã: {codes}.",
    ),
    "task_not_assigned": (
        "Nhiệm vụ {task} không được giao cho {unit} trong kế hoạch; dòng vẫn được đọc.",
        "Kiểm tra lại mã nhiệm vụ; các mã của đơn vị: {codes}.",
    ),
    "duplicate_task": (
        "Nhiệm vụ {task} có {n} dòng ({rows}) với nội dung khác nhau; các dòng này không được dùng.",
        "Giữ một dòng cho mỗi nhiệm vụ, gộp nội dung vào dòng đó.",
    ),
    "duplicate_task_same": (
        "Nhiệm vụ {task} lặp lại giống hệt ở dòng {rows}; chỉ dùng dòng {first}.",
        "Xoá các dòng lặp.",
    ),
    "unknown_status": (
        "Tình trạng '{value}' không hợp lệ; dòng không được dùng.",
        "Chọn một trong: {accepted}.",
    ),
    "missing_status": (
        "Nhiệm vụ {task} chưa ghi tình trạng hoặc tiến độ.",
        "Chọn tình trạng (Chưa thực hiện, Đang thực hiện, Đã hoàn thành) hoặc ghi tiến độ 0–100.",
    ),
    "bad_progress": (
        "Tiến độ '{value}' không phải là số phần trăm; dòng không được dùng.",
        "Ghi số từ 0 đến 100, ví dụ 75 hoặc 75%.",
    ),
    "progress_range": (
        "Tiến độ {value} nằm ngoài khoảng 0–100; dòng không được dùng.",
        "Ghi số từ 0 đến 100.",
    ),
    "progress_fraction": (
        "Tiến độ {value} được hiểu là {percent}%.",
        "Ghi tiến độ theo phần trăm, ví dụ 75.",
    ),
    "status_progress_conflict": (
        "Tình trạng '{status}' không khớp tiến độ {progress}%; dùng tình trạng.",
        "Sửa tình trạng hoặc tiến độ cho khớp nhau (100% là Đã hoàn thành).",
    ),
    "bad_date": (
        "{field} '{value}' không phải là ngày; {effect}.",
        "Ghi ngày dạng dd/mm/yyyy, ví dụ 05/03/2024.",
    ),
    "impossible_date": (
        "{field} '{value}' là ngày không có thật; {effect}.",
        "Ghi ngày có thật dạng dd/mm/yyyy (ngày/tháng/năm).",
    ),
    "implausible_date": (
        "{field} '{value}' có năm ngoài khoảng 1990–2100; {effect}.",
        "Ghi ngày dạng dd/mm/yyyy với năm đủ 4 chữ số.",
    ),
    "completed_after_report": (
        "Ngày hoàn thành ở ô {cell} ({date}) sau ngày báo cáo {report_date}; dòng không được dùng. {readings}",
        "Ghi ngày đã thực hiện xong (không ghi ngày dự kiến); kiểm tra lại năm.",
    ),
    "completed_date_swapped": (
        ("Ngày hoàn thành ở ô {cell} có lẽ bị đảo ngày và tháng khi nhập (máy tính đặt kiểu ngày tháng/ngày/năm của "
         "tiếng Anh – Mỹ): ngày lưu {date} sau ngày báo cáo {report_date}, còn đọc đảo là {swapped} thì hợp lệ; "
         "dòng không được dùng. {readings}"),
        ("Gõ lại ngày dạng năm-tháng-ngày (ví dụ 2024-03-05) để không bị đảo, kiểm tra ô hiển thị đúng "
         "ngày/tháng/năm, rồi gửi lại."),
    ),
    "completed_date_suspect": (
        ("Ngày hoàn thành ở ô {cell} ({date}) có thể cũng bị đảo ngày và tháng như ngày báo cáo của tệp này; dòng "
         "không được dùng. {readings}"),
        ("Gõ lại ngày dạng năm-tháng-ngày (ví dụ 2024-03-05) để không bị đảo, kiểm tra ô hiển thị đúng "
         "ngày/tháng/năm, rồi gửi lại."),
    ),
    "completed_outside_year": (
        "Ngày hoàn thành ở ô {cell} ({date}) không thuộc năm kế hoạch {year}. {readings}",
        "Kiểm tra lại năm của ngày hoàn thành.",
    ),
    "report_date_swapped": (
        ("Ngày báo cáo ở ô {cell} có lẽ bị đảo ngày và tháng khi nhập (máy tính đặt kiểu ngày tháng/ngày/năm của "
         "tiếng Anh – Mỹ): ô lưu {date}, nhưng {evidence}, khớp với cách đọc đảo {swapped}. {readings} Bảng không "
         "được dùng cho đến khi sửa."),
        ("Gõ lại ngày báo cáo dạng năm-tháng-ngày (ví dụ {swapped_iso}) để không bị đảo, kiểm tra ô hiển thị "
         "{swapped}; kiểm tra cả các ngày hoàn thành, rồi gửi lại."),
    ),
    "report_date_mismatch": (
        "Ngày báo cáo ở ô {cell} ({date}) khác ngày {name} trong tên tệp; dùng ngày ghi trong bảng. {readings}",
        "Sửa ngày báo cáo hoặc tên tệp cho khớp nhau.",
    ),
    "report_date_outside_period": (
        "Ngày báo cáo ở ô {cell} ({date}) nằm ngoài thời gian báo cáo {span}; dùng ngày ghi trong bảng. {readings}",
        "Kiểm tra lại ngày báo cáo và dòng 'Kỳ báo cáo'.",
    ),
    "done_without_date": (
        "Nhiệm vụ {task} đã hoàn thành nhưng không có ngày hoàn thành: không đánh giá được đúng hạn hay quá hạn.",
        "Ghi ngày hoàn thành dạng dd/mm/yyyy.",
    ),
    "date_without_done": (
        "Có ngày hoàn thành {date} nhưng tình trạng là '{status}'; ngày này không được dùng.",
        "Nếu đã xong, chọn 'Đã hoàn thành'; nếu là ngày dự kiến, ghi vào cột Ghi chú.",
    ),
    "duplicate_submission": (
        "Đơn vị {unit} có {n} báo cáo cùng ngày báo cáo {date}: {files}; không dùng báo cáo nào trong số này.",
        "Chỉ giữ bản đúng trong thư mục (xoá hoặc chuyển các bản cũ ra ngoài) rồi chạy lại.",
    ),
    "cell_too_long": (
        "Ô có {length} ký tự, vượt giới hạn {limit} ký tự một ô của Excel; {effect}.",
        "Rút gọn nội dung ô (đưa phần chi tiết vào văn bản kèm theo) rồi gửi lại.",
    ),
    "no_task_rows": (
        "Bảng có dòng tiêu đề nhưng không có dòng nhiệm vụ nào; đơn vị được coi như chưa báo cáo.",
        "Điền các dòng nhiệm vụ (mã nhiệm vụ, tình trạng, ngày hoàn thành, kết quả) theo mẫu rồi gửi lại.",
    ),
    "link_outside": (
        "Tệp là liên kết (symlink) tới {target}, nằm ngoài thư mục số liệu; tệp không được đọc.",
        "Chép tệp thật vào thư mục số liệu thay cho liên kết.",
    ),
    "duplicate_file": (
        "Tệp giống hệt {other}; chỉ dùng {other}.",
        "Xoá bản sao khỏi thư mục.",
    ),
}
