"""Vietnamese texts (the default language). Same keys and fields as ``en.py``; NFC."""

from reportkit.messages.vi_findings import FINDINGS  # noqa: F401  (re-exported)

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
