"""Vietnamese texts of ``reportkit rollup`` (cli_rollup.py, jobs/org_config.py, report/rollup*.py). Same keys as ``en_rollup.py``; NFC."""

ROLLUP_MESSAGES: dict[str, str] = {
    "help.rollup": ("Báo cáo tổng hợp của cơ quan cấp trên: đọc báo cáo hợp lệ mới nhất của từng đơn vị "
                    "trong tệp cấu hình (kiểm tra sha256 theo manifest.json) và dựng báo cáo tổng hợp "
                    "(HTML, PDF, DOCX, XLSX, rollup.json). Mã thoát 0: mọi đơn vị có báo cáo hợp lệ; "
                    "1: còn đơn vị không có báo cáo hợp lệ."),
    "opt.rollup.config": "tệp cấu hình các đơn vị (cùng tệp với batch --config), có mục superior: cơ quan tổng hợp",
    "opt.rollup.period": "kỳ báo cáo, ví dụ 2024-Q1",
    "opt.rollup.stream": "loại báo cáo (mặc định: loại báo cáo duy nhất các đơn vị đã lập cho kỳ này)",
    "opt.rollup.from": "thư mục kết quả của batch, nơi có <mã đơn vị>/<kỳ>/<loại báo cáo>/",
    "opt.rollup.output": "thư mục ghi báo cáo tổng hợp (mặc định: <from>/rollup/<kỳ>/<loại báo cáo>)",
    "opt.rollup.scheduler": "địa chỉ dask scheduler để đọc số liệu phân tán (ví dụ tcp://10.0.0.5:8786)",
    "opt.rollup.dask": "chạy đọc số liệu trên một cụm dask cục bộ",
    "opt.rollup.formats": "định dạng xuất, phân cách bằng dấu phẩy",
    "rollup.written": "Đã ghi báo cáo tổng hợp {period} ({stream}) vào {path}: {reported}/{total} đơn vị có báo cáo hợp lệ",
    "rollup.missing_line": "  {code} ({name}): {reason}",
    "rollup.failed": "báo cáo tổng hợp chưa lập được ở bước {step}: {error}",
    "rollup.failed.fix": ("mở trang lỗi (failed.html) ở đường dẫn trên: trang nói cách sửa; "
                          "báo cáo tổng hợp hoàn chỉnh gần nhất (nếu có) vẫn được giữ nguyên"),
    "rollup.no_stream": "không tìm thấy báo cáo kỳ {period} của đơn vị nào trong {source}",
    "rollup.many_streams": "các đơn vị có báo cáo kỳ {period} thuộc nhiều loại báo cáo: {streams}",
    "rollup.stream.fix": "chọn loại báo cáo bằng --stream (ví dụ --stream dan-chu); kiểm tra --from là thư mục kết quả của batch",
    "rollup.scheduler_and_dask": "chỉ dùng một trong --scheduler và --dask",
    "rollup.scheduler_and_dask.fix": "bỏ --dask local khi đã có --scheduler ĐỊA_CHỈ",
    "config.unknown_field": "trường {field!r} không được hỗ trợ ở đây",
    "config.unknown_field.fix": "các trường được dùng: {allowed}",
    "config.superior": "tệp cấu hình cần mục superior: {{name: …}} (cơ quan ban hành báo cáo tổng hợp)",
    "config.superior.fix": "ví dụ superior: {{name: Sở Lao động - Thương binh và Xã hội tỉnh Sơn La, symbol: BC-SLĐTBXH}}",
}
