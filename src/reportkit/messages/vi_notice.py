"""Vietnamese texts of ``reportkit remind --notice`` (the công văn đôn đốc). Same keys and fields as ``en_notice.py``; NFC."""

NOTICE_MESSAGES: dict[str, str] = {
    "opt.remind.notice": ("soạn công văn đôn đốc (Nghị định 30/2020) cho mỗi báo cáo còn đơn vị chưa nộp, "
                          "dạng .docx và .pdf, ghi vào OUTPUT/reminders/<ngày>/"),
    "opt.remind.number": "số của công văn (mặc định để trống: «Số: ……/…», như bản dự thảo)",
    "notice.written": "Công văn đôn đốc ({report}, gửi {units} đơn vị): {files}",
    "notice.none": "Không cần công văn đôn đốc: các đơn vị đã gửi đủ báo cáo sử dụng được.",
}
