"""Vietnamese texts (the default language). Same keys and fields as ``en.py``; NFC."""

MESSAGES: dict[str, str] = {
    # -- language choice
    "lang.unknown": "Ngôn ngữ '{value}' (từ {source}) không được hỗ trợ",
    "lang.unknown.fix": "dùng vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)",
    # -- how an error is shown (errors.py, cli.main); where.* also in check output
    "error.prefix": "reportkit: lỗi: {message}",
    "error.fix": "Cách sửa: {hint}",
    "error.value": " (giá trị: {value})",
    "where.sheet": "trang tính '{sheet}'",
    "where.row": "dòng {row}",
    "where.column": "cột {column}",
    "where.rows": "dòng {rows}",
    "error.aborted": "reportkit: đã huỷ",
    "error.interrupted": "reportkit: đã dừng theo yêu cầu (Ctrl+C)",
    # -- command and option help
    "help.cli": (
        "reportkit: báo cáo định kỳ về tình hình thực hiện kế hoạch năm của đơn vị.\n\n"
        "\b\nMột kỳ báo cáo thường gồm:\n"
        "  reportkit calendar --year 2024 --as-of 2024-02-20\n"
        "  reportkit template --all -o templates/2024-Q1 --period 2024-Q1\n"
        "  reportkit check data/submissions/\n"
        "  reportkit run --period 2024-Q1 --stream dan-chu"
    ),
    "help.calendar": "Mọi báo cáo kế hoạch yêu cầu trong một năm, kèm hạn nộp.",
    "help.template": "Tạo mẫu bảng theo dõi (.xlsx) của một đơn vị, hoặc mọi đơn vị, cho một kỳ báo cáo.",
    "help.check": (
        "Kiểm tra bảng theo dõi của các đơn vị (tệp hoặc thư mục): đơn vị, ngày báo cáo, số dòng đọc được, "
        "các lỗi và cảnh báo.\n\nMã thoát 0 khi không tệp nào có lỗi, 1 khi có."
    ),
    "help.batch": "Lập mọi báo cáo đã đến kỳ (dùng cho cron): bỏ qua báo cáo không đổi, ghi index.html.",
    "help.run": (
        "Lập một báo cáo kỳ: HTML, PDF và notebook đã chạy, kèm manifest.\n\n"
        "\b\nVí dụ:\n"
        "  reportkit run --period 2024-Q1 --stream dan-chu\n"
        "  reportkit run --params params/2024-M03-dan-van.yaml --to html,pdf"
    ),
    "help.status": (
        "Tình trạng từng nhiệm vụ và đơn vị tại ngày chốt số liệu.\n\n"
        "\b\nVí dụ:\n"
        "  reportkit status --period 2024-Q1 --stream dan-chu\n"
        "  reportkit status --period 2024 --as-of 2024-11-19 --deadline III.7=2024-08-15 --format xlsx"
    ),
    "opt.lang": "ngôn ngữ hiển thị: vi (mặc định) hoặc en; cũng đặt được bằng biến môi trường REPORTKIT_LANG",
    "opt.version": "In phiên bản rồi thoát.",
    "version": "reportkit, phiên bản {version}",
    "opt.plan": "tệp kế hoạch YAML (mặc định: tệp *.yaml duy nhất trong data/plan/)",
    "opt.year": "năm dương lịch (mặc định: năm của kế hoạch)",
    "opt.calendar.as_of": "tính số ngày còn lại / quá hạn tính đến ngày này",
    "opt.format": "dạng kết quả",
    "opt.unit": "mã đơn vị trong kế hoạch, ví dụ hcth",
    "opt.all_units": "mỗi đơn vị trong kế hoạch một mẫu (cần -o THƯ_MỤC)",
    "opt.period": "mã kỳ báo cáo, ví dụ 2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024",
    "opt.template.output": "tệp (một đơn vị) hoặc thư mục (với --all)",
    "opt.template.force": "ghi đè cả những bảng đã có số liệu của đơn vị",
    "opt.config": "tệp cấu hình nhiều đơn vị (YAML); thay cho --plan/--submissions",
    "opt.through": "lập mọi báo cáo có ngày chốt số liệu đến hết ngày này (mặc định: hôm nay)",
    "opt.periods": "chỉ các kỳ này, cách nhau bằng dấu phẩy (ví dụ 2024-Q1,2024-M03)",
    "opt.streams": "chỉ các loại báo cáo này, cách nhau bằng dấu phẩy (ví dụ dan-chu)",
    "opt.units": "với --config: chỉ các đơn vị này, mã cách nhau bằng dấu phẩy",
    "opt.submissions": "thư mục bảng theo dõi của các đơn vị (mặc định: data/submissions/<năm>)",
    "opt.deadline": "thời hạn của nhiệm vụ do cấp trên giao, ví dụ III.7=2024-08-15 (dùng được nhiều lần)",
    "opt.workers": "số tiến trình lập báo cáo song song (mặc định: số lõi CPU)",
    "opt.batch.output": "thư mục kết quả",
    "opt.force": "lập lại cả báo cáo có số liệu đầu vào không đổi",
    "opt.scheduler": "địa chỉ bộ lập lịch dask.distributed, ví dụ tcp://10.0.0.5:8786",
    "opt.dask": "chạy trên một cụm dask gồm các tiến trình của máy này",
    "opt.batch.timeout": "thời gian tối đa cho mỗi báo cáo, giây",
    "opt.kernel": "Jupyter kernel chạy các notebook",
    "opt.quiet": "chỉ in dòng tổng kết cuối cùng",
    "opt.stream": "loại báo cáo trong kế hoạch, ví dụ dan-chu, dan-van",
    "opt.run.as_of": "ngày chốt số liệu, mặc định là ngày trước hạn nộp",
    "opt.params": "tệp tham số YAML (như papermill -f); các tuỳ chọn khác ghi đè lên tệp",
    "opt.run.output": "báo cáo được ghi vào OUTPUT/<kỳ>/<loại báo cáo>/",
    "opt.to": "các dạng kết quả, cách nhau bằng dấu phẩy",
    "opt.pdf_engine": "chromium: dùng /usr/bin/chromium của hệ thống, chạy ẩn",
    "opt.number": "số văn bản cho dòng 'Số: …/BC-…' (để trống nếu không có)",
    "opt.signed_on": "ngày ký văn bản (để trống nếu không có)",
    "opt.run.timeout": "thời gian tối đa chạy notebook, giây",
    "opt.status.stream": "loại báo cáo (dan-chu, dan-van): ngày chốt số liệu của nó là --as-of mặc định",
    "opt.status.as_of": "ngày chốt số liệu; mặc định là ngày chốt của loại báo cáo, không có thì ngày cuối kỳ",
    "opt.status.output": "ghi ra tệp này (xlsx mặc định: outputs/status-<kỳ>[-<loại báo cáo>].xlsx)",
    # -- calendar
    "calendar.stream": "Luồng",
    "calendar.period": "Kỳ",
    "calendar.due": "Hạn nộp",
    "calendar.cutoff": "Chốt số liệu",
    "calendar.report": "Báo cáo",
    "calendar.state": "Tình trạng hạn",
    "calendar.total": "{n} báo cáo trong năm {year}.",
    # -- template
    "template.unit_or_all": "cần --unit MÃ_ĐƠN_VỊ hoặc --all (một trong hai)",
    "template.unit_or_all.fix": "ví dụ reportkit template --unit hcth --period 2024-Q1",
    "template.folder_needed": "với --all, -o phải là một thư mục",
    "template.folder_needed.fix": "ghi đường dẫn thư mục, ví dụ -o templates/",
    "template.xlsx_needed": "mẫu bảng theo dõi là tệp .xlsx",
    "template.xlsx_needed.fix": "đặt tên tệp có đuôi .xlsx",
    "template.filled": "tệp đã có số liệu đơn vị điền ({cells}); không ghi đè",
    "template.filled.more": "{shown} và {n} ô khác",
    "template.unreadable": "tệp đã có và không đọc được như một bảng tính; không ghi đè",
    "template.refused": "{n} tệp đã có số liệu hoặc không đọc được; không ghi tệp nào",
    "template.refused.fix": ("chọn tệp hoặc thư mục khác với -o; chỉ khi chắc chắn muốn thay bảng đã điền bằng mẫu "
                             "trống mới dùng --force"),
    "template.written": "Đã tạo mẫu {path} ({unit}, {period}, {n} nhiệm vụ).",
    # -- check
    "check.unknown": "không xác định",
    "check.file": "  Đơn vị: {unit} · Ngày báo cáo: {date} · Trang tính: {sheet} · {n} dòng đọc được",
    "check.error": "LỖI",
    "check.warning": "CẢNH BÁO",
    "check.value": " (giá trị: '{value}')",
    "check.fix": "      Cách sửa: {fix}",
    "check.fix_rows": "      Cách sửa ({n} dòng): {fix}",
    "check.fix_times": "      Cách sửa ({n} lần): {fix}",
    "check.total": "{files} tệp, {bad} tệp có lỗi; {errors} lỗi, {warnings} cảnh báo.",
    # -- run
    "run.need_period": "cần --period và --stream, hoặc --params TỆP",
    "run.need_period.fix": "ví dụ reportkit run --period 2024-Q1 --stream dan-chu",
    "run.failed": "reportkit run: KHÔNG LẬP ĐƯỢC báo cáo, lỗi ở bước {error}",
    "run.failure_page": "  trang báo lỗi: {path}",
    "run.previous_kept": "  báo cáo lần trước vẫn giữ nguyên trong {path}",
    "run.headline": "{report} (số liệu đến ngày {as_of}): {headline}",
    "run.manifest": "  manifest {path}",
    "run.inputs": "  {files} tệp đầu vào, {errors} lỗi, {warnings} cảnh báo; {seconds} giây",
    "run.rejected": "  một số dòng hoặc tệp đầu vào bị loại: xem Phụ lục II của báo cáo, hoặc chạy reportkit check",
    # -- batch
    "batch.units_without_config": "--units chọn đơn vị trong tệp --config",
    "batch.units_without_config.fix": "thêm --config TỆP, hoặc bỏ --units",
    "batch.deadline_with_config": "--deadline chỉ dùng cho một kế hoạch, không dùng với --config (nhiều đơn vị)",
    "batch.deadline_with_config.fix": "ghi thời hạn dạng deadlines: {{III.7: 2024-08-15}} dưới từng đơn vị trong tệp cấu hình",
    "batch.unknown_units": "--units: không có đơn vị {units}",
    "batch.unknown_units.fix": "dùng mã trong tệp cấu hình: {known}",
    "batch.summary": "reportkit batch: {built} báo cáo đã lập, {skipped} không đổi, {failed} lỗi; mục lục: {index}",
    "batch.failed_line": "  LỖI {key}: {error}",
    "batch.progress": "[{done}/{total}] {key}: {state} ({seconds} giây){extra}",
    "batch.state.built": "đã lập",
    "batch.state.skipped": "không đổi",
    "batch.state.failed": "lỗi",
    "batch.unit": "báo cáo",
    # -- status
    "status.task_code": "Mã",
    "status.milestone": "Mốc",
    "status.unit_code": "Đơn vị",
    "status.lead": "Chủ trì",
    "status.deadline": "Thời hạn",
    "status.completed_on": "Hoàn thành",
    "status.status": "Tình trạng",
    "status.days_late": "Quá hạn (ngày)",
    "status.rows_written": "{n} dòng → {path}",
    "status.footer": "{period}, số liệu đến {as_of}: {headline}.",
    "status.output_ignored": "(--output chỉ dùng với csv, json và xlsx)",
    "status.input_errors": ("reportkit status: {n} lỗi trong dữ liệu đầu vào (dòng bị loại không được tính); "
                            "xem: reportkit check"),
    # -- phrases filled into finding texts (messages.phrase_fields)
    "finding.effect.row": "dòng không được dùng",
    "finding.effect.cell_kept": "nội dung ô được giữ nguyên",
    "finding.effect.cell_ignored": "nội dung ô bị bỏ qua",
    "finding.field.report_date": "Ngày báo cáo",
    "finding.field.completed_on": "Ngày hoàn thành",
    "finding.suggest": " (có phải '{code}'?)",
    # -- options shared by several commands
    "deadline.not_code_date": "--deadline {item} không có dạng MÃ=NGÀY",
    "deadline.not_code_date.fix": "ví dụ --deadline III.7=2024-08-15",
}

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

# click's own texts (English in click), shown in Vietnamese by default. Keys are click's msgids.
CLICK: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tuỳ chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "No such option: {name}": "Không có tuỳ chọn {name}",
    "No such option {name!r}.": "Không có tuỳ chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tuỳ chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing command.": "Thiếu lệnh.",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Option {name!r} requires an argument.": "Tuỳ chọn {name!r} cần một giá trị.",
    "Option {name!r} does not take a value.": "Tuỳ chọn {name!r} không nhận giá trị.",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc {choices}.",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ ({number_type}).",
    "Aborted!": "Đã huỷ!",
}
