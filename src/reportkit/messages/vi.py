"""Vietnamese texts (the default language). Same keys and fields as ``en.py``; NFC."""

from reportkit.messages.vi_findings import FINDINGS  # noqa: F401  (re-exported)
from reportkit.messages.vi_import import IMPORT_MESSAGES
from reportkit.messages.vi_mail import MAIL_MESSAGES
from reportkit.messages.vi_notice import NOTICE_MESSAGES
from reportkit.messages.vi_plan import PLAN_MESSAGES
from reportkit.messages.vi_remind import REMIND_MESSAGES
from reportkit.messages.vi_rolldata import ROLLDATA_MESSAGES
from reportkit.messages.vi_rollup import ROLLUP_MESSAGES
from reportkit.messages.vi_source import SOURCE_MESSAGES

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
    "help.plan": "Kế hoạch: liệt kê các kế hoạch, xem một kế hoạch, nhập kế hoạch từ văn bản.",
    "help.plan_list": ("Liệt kê các kế hoạch trong thư mục (mặc định data/plan/): mã, năm, đơn vị ban hành, tên, "
                       "tệp, và kế hoạch có đọc được không (lỗi đầu tiên nếu không). Mã thoát 1 khi có kế hoạch lỗi."),
    "help.plan_show": ("Xem kế hoạch như reportkit hiểu: đơn vị, nhiệm vụ (chủ trì, phối hợp, thời gian, hạn), "
                       "các báo cáo và hạn nộp. PLAN: tệp YAML (mặc định: kế hoạch của năm nay trong data/plan/, "
                       "hoặc kế hoạch duy nhất)."),
    "help.calendar": "Mọi báo cáo kế hoạch yêu cầu trong một năm, kèm hạn nộp.",
    "help.template": (
        "Tạo mẫu bảng theo dõi (.xlsx) của một đơn vị, hoặc mọi đơn vị, cho một kỳ báo cáo.\n\n"
        "Bảng đã có số liệu của đơn vị không bao giờ bị ghi đè, trừ khi có --force."
    ),
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
    "opt.plan": "tệp kế hoạch YAML (mặc định: kế hoạch của năm của kỳ hoặc --year trong data/plan/, hoặc kế hoạch duy nhất)",
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
    "opt.deadline": ("thời hạn của nhiệm vụ do cấp trên giao hoặc kế hoạch chưa ghi ngày, ví dụ III.7=2024-08-15 "
                     "(dùng được nhiều lần)"),
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
    # -- plan list, plan show
    "opt.plan_folder": "thư mục chứa các tệp kế hoạch YAML",
    "plan_list.code": "Mã",
    "plan_list.year": "Năm",
    "plan_list.organisation": "Đơn vị ban hành",
    "plan_list.title": "Tên kế hoạch",
    "plan_list.file": "Tệp",
    "plan_list.loads": "Đọc được",
    "plan_list.ok": "có",
    "plan_list.error": "không: {error}",
    "plan_list.none": "Không có tệp kế hoạch YAML nào trong {folder}.",
    "plan_list.same_year": "Năm {year} có nhiều kế hoạch ({files}): lệnh nào cho năm này cũng phải chỉ rõ --plan; nên để lại một kế hoạch cho mỗi năm.",
    "plan_show.head": "Kế hoạch của {organisation}, năm {year} ({file})",
    "plan_show.units": "Đơn vị ({n}):",
    "plan_show.unit.code": "Mã",
    "plan_show.unit.name": "Tên",
    "plan_show.unit.aliases": "Tên khác",
    "plan_show.tasks": "Nhiệm vụ và nội dung ({n}):",
    "plan_show.lead": "chủ trì: {units}",
    "plan_show.every_unit": "mọi đơn vị, mỗi đơn vị tự thực hiện",
    "plan_show.support": "phối hợp: {units}",
    "plan_show.time_frame": "thời gian: {text}",
    "plan_show.due": "hạn: {due}",
    "plan_show.due.continuous": "thường xuyên",
    "plan_show.due.external": "theo cấp trên (chưa có ngày)",
    "plan_show.due.unknown": "chưa xác định",
    "plan_show.reports": "Báo cáo ({n}):",
    "plan_show.report.stream": "Luồng",
    "plan_show.report.period": "Kỳ",
    "plan_show.report.due_before": "Nộp trước ngày",
    "plan_show.report.rule": "Quy định",
    # -- calendar
    "calendar.stream": "Luồng",
    "calendar.period": "Kỳ",
    "calendar.due": "Hạn nộp",
    "calendar.cutoff": "Chốt số liệu",
    "calendar.report": "Báo cáo",
    "due_report.before": "trước ngày {date}",
    "due_report.by": "chậm nhất ngày {date}",
    "due_report.days_left": "còn {n} ngày",
    "due_report.today": "hạn cuối hôm nay",
    "due_report.days_late": "quá hạn {n} ngày",
    "calendar.state": "Tình trạng hạn",
    "calendar.total": "{n} báo cáo trong năm {year}.",
    "calendar.submit": "Đơn vị gửi chậm nhất",
    "calendar.adhoc_total": "Ngoài ra {n} báo cáo khi có yêu cầu (không có hạn định trước).",
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
    "status.deadline_not_determined": ("reportkit status: nhiệm vụ {code} ('{time_frame}') chưa xác định thời hạn: "
                                       "{reason}; khi biết thời hạn, cho bằng --deadline {code}=NĂM-THÁNG-NGÀY"),
    "status.deadline_reason.external": "cấp trên chưa giao",
    "status.deadline_reason.unknown": "kế hoạch không nêu ngày cụ thể",
    # -- run inputs (params.py, periods.py, status: the boundary of run, status and batch)
    "inputs.invalid": "tham số báo cáo không hợp lệ",
    "error.problems": "{summary}: {n} lỗi",
    "inputs.bad_date": "'{name}' không phải là ngày hợp lệ",
    "inputs.bad_date.fix": "ghi dạng YYYY-MM-DD (ví dụ 2024-02-29) hoặc dd/mm/yyyy (ví dụ 29/02/2024)",
    "inputs.file_not_found": "không tìm thấy tệp tham số",
    "inputs.file_not_found.fix": "kiểm tra đường dẫn đã ghi sau --params",
    "inputs.file_unreadable": "không đọc được tệp tham số: {detail}",
    "inputs.file_unreadable.fix": "lưu tệp dưới dạng văn bản UTF-8",
    "inputs.file_yaml.fix": "sửa cú pháp YAML ở dòng đó",
    "inputs.file_not_mapping": "tệp tham số phải là một bảng YAML dạng tên: giá trị",
    "inputs.not_mapping": "tham số của lần chạy phải là một bảng dạng tên: giá trị",
    "inputs.not_mapping.fix": "ví dụ 'period: 2024-Q1' và 'stream: dan-chu', mỗi tham số một dòng",
    "inputs.unknown_name": "'{key}' không phải là tham số của báo cáo",
    "inputs.unknown_name.fix": "các tham số hợp lệ: {names}",
    "inputs.missing": "thiếu tham số bắt buộc '{key}'",
    "inputs.missing.fix": "cần ghi {key}: {meaning}",
    "inputs.not_path": "'{key}' phải là một đường dẫn (dạng chữ)",
    "inputs.not_path.fix": "ví dụ {key}: {example}",
    "inputs.period_other_year": "kỳ {period} nằm ngoài năm kế hoạch {year}",
    "inputs.period_other_year.fix": "chọn một kỳ của năm {year} (ví dụ {year}-Q1), hoặc dùng kế hoạch năm {other}",
    "inputs.unknown_stream": "kế hoạch không có loại báo cáo '{stream}'",
    "inputs.unknown_stream.fix": "dùng một trong: {streams}",
    "inputs.cutoff_other_year": "'as_of': ngày chốt số liệu {date} nằm ngoài năm kế hoạch {year}",
    "inputs.cutoff_other_year.fix": "chọn ngày chốt số liệu từ {year}-01-01 đến {year}-12-31",
    "inputs.cutoff_after_report": "'as_of': ngày chốt số liệu {date} nằm ngoài năm kế hoạch {year} và sau hạn cuối của báo cáo ({last})",
    "inputs.cutoff_after_report.fix": "chọn ngày chốt số liệu từ {year}-01-01 đến {last}",
    "inputs.cutoff_before_period": "'as_of' {date} trước ngày bắt đầu kỳ {period} ({start})",
    "inputs.cutoff_before_period.fix": "ngày chốt số liệu phải từ ngày đầu tiên của kỳ trở đi",
    "inputs.no_external_task": "(kế hoạch không có nhiệm vụ nào như vậy)",
    "inputs.deadlines_not_mapping": "'deadlines' phải ghi mã nhiệm vụ kèm ngày",
    "inputs.deadlines_not_mapping.fix": ("ví dụ deadlines: {{III.7: 2024-06-30}}; các nhiệm vụ nhận thời hạn ở đây: "
                                         "{choices}"),
    "inputs.deadline_unknown_task": "'deadlines' ghi mã nhiệm vụ '{key}' không có trong kế hoạch",
    "inputs.deadline_not_external": ("'deadlines' ghi nhiệm vụ '{key}', nhưng {code} không phải nhiệm vụ 'theo kế "
                                     "hoạch của cấp trên' hay nhiệm vụ chưa xác định thời hạn: thời gian thực hiện "
                                     "'{time_frame}' đã xác định thời hạn"),
    "inputs.deadline.fix": "các nhiệm vụ nhận thời hạn ở đây: {choices}",
    "inputs.number_type": "'number' phải là chữ hoặc số nguyên",
    "inputs.number_type.fix": "ví dụ number: 25",
    "inputs.number_symbol": "'number' chỉ ghi số; ký hiệu văn bản được lấy từ kế hoạch",
    "inputs.number_symbol.fix": "ghi ví dụ 25 (in ra là 'Số: 25/{symbol}')",
    "inputs.no_folder": "không tìm thấy thư mục bảng theo dõi",
    "inputs.no_folder.fix": ("ghi submissions: thư mục chứa bảng theo dõi của các đơn vị (đường dẫn tương đối được "
                             "tìm từ thư mục hiện tại, rồi từ thư mục dự án)"),
    "inputs.no_folder.check_fix": "kiểm tra đường dẫn; bảng theo dõi nằm trong một thư mục như data/submissions/2024",
    "inputs.empty_folder": "thư mục bảng theo dõi không có bảng tính nào",
    "inputs.empty_folder.fix": ("chép các tệp .xlsx/.xlsm/.xls/.ods của các đơn vị vào thư mục đó, hoặc chỉ định "
                                "thư mục khác"),
    "period.unknown": "mã kỳ báo cáo {text!r} không hợp lệ",
    "period.unknown.fix": "ghi theo một trong các dạng: {forms}",
    "period.no_month": "kỳ {text!r} có tháng {month} không tồn tại",
    "period.no_month.fix": "tháng ghi từ M01 đến M12; các dạng: {forms}",
    "period.no_report": "loại báo cáo '{stream}' không có báo cáo cho kỳ {period}",
    "period.no_report.fix": "các kỳ báo cáo của loại này trong năm {year}: {periods}",
    "period.year_range": "năm {year} nằm ngoài khoảng cho phép",
    "period.year_range.fix": "ghi năm đủ 4 chữ số",
    # -- run and batch jobs (jobs/run.py, jobs/lock.py, jobs/due.py)
    "jobs.unknown_formats": "định dạng đầu ra không hợp lệ: {formats}",
    "jobs.no_formats": "(không ghi định dạng nào)",
    "jobs.unknown_formats.fix": "chọn trong: {choices} (ví dụ --to html,pdf)",
    "jobs.locked": ("một lượt reportkit khác (batch hoặc remind --send) đang chạy trên thư mục đầu ra này "
                    "(pid {pid} trên máy {host}, bắt đầu lúc {started})"),
    "jobs.locked.fix": "chờ lượt đó chạy xong; nếu tiến trình đó không còn, xoá tệp khoá",
    "jobs.lock_retry": "không lấy được khoá sau khi đã xoá một khoá cũ",
    "jobs.lock_retry.fix": "có thể một lượt batch hoặc remind --send khác đang khởi động; hãy thử lại",
    "jobs.no_notebook": "không tìm thấy notebook báo cáo {name}",
    "jobs.no_notebook.fix": "chạy reportkit từ thư mục dự án (thư mục chứa notebooks/ và data/)",
    "jobs.kernel_template_died": "tiến trình khuôn kernel (fork server) của tiến trình lập báo cáo đã dừng đột ngột khi đang tạo kernel cho báo cáo này ({detail}); báo cáo này chưa được lập, các báo cáo tiếp theo dùng một khuôn kernel mới",
    "jobs.kernel_template_died.fix": "chạy lại lô (reportkit batch) để lập lại báo cáo này; nếu lỗi lặp lại, đặt biến môi trường REPORTKIT_KERNEL=plain để mỗi báo cáo dùng một kernel riêng",
    "jobs.kernel_template_died_running": "tiến trình khuôn kernel (fork server) đã dừng đột ngột trong khi notebook của báo cáo này đang chạy, nên kernel của báo cáo cũng dừng theo; báo cáo này chưa hoàn chỉnh, các báo cáo tiếp theo dùng một khuôn kernel mới. Chạy lại lô (reportkit batch) để lập lại báo cáo này",
    "jobs.unknown_pdf_engine": "không có công cụ in PDF {engine!r}",
    "jobs.unknown_pdf_engine.fix": "dùng weasyprint (mặc định) hoặc chromium",
    "jobs.cannot_write": "không ghi được kết quả: {detail}",
    "jobs.cannot_write.fix": "chọn một thư mục ghi được bằng --output",
    "jobs.cannot_publish": "không đưa được báo cáo vào thư mục kết quả: {detail}",
    "jobs.cannot_publish.fix": "kiểm tra thư mục kết quả ghi được và không có chương trình nào đang mở nó",
    "jobs.cannot_create_outputs": "không tạo được thư mục kết quả: {detail}",
    "jobs.cannot_create_outputs.fix": "chọn một thư mục ghi được bằng --output",
    "jobs.cannot_write_lock": "không ghi được tệp khoá: {detail}",
    "jobs.cannot_write_lock.fix": "cấp quyền ghi cho thư mục kết quả",
    "jobs.terminated": "lượt batch bị dừng bởi SIGTERM",
    "jobs.terminated.fix": ("các báo cáo đang lập đã bị dừng; các báo cáo lập trước đó không bị ảnh hưởng; hãy chạy "
                            "lại batch"),
    "export.html_failed": "xuất HTML không thành công: {detail}",
    "export.html_failed.fix": "mở notebook đã chạy (report.ipynb) để xem các kết quả",
    "export.unknown_engine.fix": "dùng một trong: {engines}",
    "export.weasyprint_missing": "không khởi động được WeasyPrint: {detail}",
    "export.weasyprint_missing.fix": ("cài pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 (make setup "
                                      "làm việc này)"),
    "export.pdf_failed": "xuất PDF không thành công: {detail}",
    "export.pdf_failed.fix": "mở report.html để kiểm tra văn bản; thử --pdf-engine chromium",
    "docx.failed": "xuất bản Word (DOCX) không thành công: {detail}",
    "docx.failed.fix": "mở report.html để kiểm tra văn bản; kiểm tra tài liệu mẫu Word (word_reference trong kế hoạch)",
    "docx.reference_too_large": "tài liệu mẫu Word quá lớn ({size} MiB; tối đa {limit} MiB)",
    "docx.reference_unreadable": "không đọc được tài liệu mẫu Word: {detail}",
    "docx.reference_not_docx": "tài liệu mẫu Word không phải tệp .docx hợp lệ ({detail})",
    "docx.reference.fix": "lưu lại tài liệu mẫu bằng Word (Lưu thành .docx), hoặc bỏ khóa word_reference trong kế hoạch để dùng mẫu của reportkit",
    "export.no_chromium": "--pdf-engine chromium: không tìm thấy Chromium ở /usr/bin/chromium",
    "export.no_chromium.fix": "cài bằng: sudo apt-get install chromium (hoặc dùng công cụ mặc định, weasyprint)",
    "export.chromium_timeout": "Chromium không in xong trong {seconds} giây",
    "export.chromium_failed": "Chromium không in được PDF: {detail}",
    "export.use_weasyprint.fix": "dùng công cụ mặc định (weasyprint)",
    "output.xlsx_unwritable": "không ghi được bảng tính: {detail}",
    "output.xlsx_unwritable.fix": "chọn một thư mục ghi được (--output ĐƯỜNG_DẪN)",
    "output.xlsx_too_long": "{rows} dòng không vừa một trang tính Excel (giới hạn {limit})",
    "output.xlsx_too_long.fix": "ghi ra tệp CSV (--format csv)",
    "output.outside": "đường dẫn ra ngoài thư mục kết quả",
    "output.outside.fix": "reportkit chỉ ghi bên trong {root}",
    "output.symlink": ("{path} là liên kết (symlink) tới {target}; reportkit không ghi qua liên kết nằm trong thư mục "
                       "kết quả"),
    "output.symlink.fix": "xoá liên kết (hoặc chuyển thư mục thật vào thư mục kết quả) rồi chạy lại",
    "config.not_found": "không tìm thấy tệp cấu hình batch",
    "config.not_found.fix": "kiểm tra đường dẫn đã ghi sau --config",
    "config.no_organisations": "tệp cấu hình batch cần một danh sách 'organisations'",
    "config.no_organisations.fix": "ghi organisations: [{{code: …, plan: …, submissions: …}}]",
    "config.organisation_fields": "mỗi đơn vị trong 'organisations' cần code, plan và submissions (dạng chữ)",
    "config.organisation_fields.fix": "ví dụ {{code: ttdvvl, plan: plan.yaml, submissions: subs/}}",
    "config.organisation_code": "mã đơn vị {code!r} phải là duy nhất và chỉ gồm chữ, số, - hoặc _",
    "config.organisation_code.fix": "mã này là tên thư mục con trong thư mục đầu ra",
    # -- phrases filled into finding texts (messages.phrase_fields)
    "finding.effect.row": "dòng không được dùng",
    "finding.effect.cell_kept": "nội dung ô được giữ nguyên",
    "finding.effect.cell_ignored": "nội dung ô bị bỏ qua",
    "finding.field.report_date": "Ngày báo cáo",
    "finding.field.completed_on": "Ngày hoàn thành",
    "finding.effect.name_date": "dùng ngày theo tên tệp {date}",
    "finding.effect.no_report_date": "không xác định được ngày báo cáo",
    "finding.evidence.name": "tên tệp ghi ngày {date}",
    "finding.evidence.window": "thời gian báo cáo {span}",
    "finding.span": "{label} (từ {start} đến {end})",
    "finding.and": " và ",
    "finding.readings.cell": "Ô lưu {date}",
    "finding.readings.swapped": "{cell}; nếu đảo ngày và tháng thì là {other}.",
    "finding.readings.same": "{cell}; đảo ngày và tháng vẫn là ngày này.",
    "finding.readings.fixed": "{cell}; không thể đảo ngày và tháng (ngày lớn hơn 12).",
    "finding.either": "'{first}' hoặc '{second}'",
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

MESSAGES.update(PLAN_MESSAGES)  # plan and YAML problems (messages/vi_plan.py)
MESSAGES.update(SOURCE_MESSAGES)  # reading plan documents (messages/vi_source.py)
MESSAGES.update(IMPORT_MESSAGES)  # plan import (messages/vi_import.py)
MESSAGES.update(REMIND_MESSAGES)  # reportkit remind (messages/vi_remind.py)
MESSAGES.update(ROLLUP_MESSAGES)  # reportkit rollup (messages/vi_rollup.py)
MESSAGES.update(MAIL_MESSAGES)  # e-mail reminders (messages/vi_mail.py)
MESSAGES.update(NOTICE_MESSAGES)  # reportkit remind --notice (messages/vi_notice.py)
MESSAGES.update(ROLLDATA_MESSAGES)  # the roll-up's data step (messages/vi_rolldata.py)
