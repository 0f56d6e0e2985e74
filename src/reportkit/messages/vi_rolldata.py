"""Vietnamese texts of the roll-up's data step (why an organisation has no valid report). Same keys and fields as ``en_rolldata.py``; NFC."""

ROLLDATA_MESSAGES: dict[str, str] = {
    "rollup.no_valid_report": "không có báo cáo hợp lệ: {detail}",
    "rollup.reason.no_report": "chưa có báo cáo kỳ {period} (không tìm thấy manifest.json)",
    "rollup.reason.bad_manifest": "tệp manifest.json không đọc được",
    "rollup.reason.other_period": "báo cáo trong thư mục là của kỳ {period}, mảng {stream}",
    "rollup.reason.no_checksums": "manifest.json không ghi mã kiểm tra (sha256) của các tệp",
    "rollup.reason.file_missing": "thiếu tệp {file} được ghi trong manifest.json",
    "rollup.reason.file_changed": "tệp {file} không khớp mã kiểm tra (sha256) trong manifest.json (đã bị sửa hoặc sao chép dở)",
    "rollup.reason.bad_status": "bảng tình trạng (status.parquet) không đọc được: {detail}",
}
