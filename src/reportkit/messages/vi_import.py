"""Vietnamese texts of `reportkit plan import` (plandoc/: the draft, its findings, the command). Same keys and fields as ``en_import.py``; NFC."""

IMPORT_MESSAGES: dict[str, str] = {
    # -- the command
    "help.plan.import": ("Nhập văn bản kế hoạch (.docx, .txt, .pdf, .xlsx/.xls/.ods) thành bản nháp YAML, "
                         "ghi chú # TODO ở mọi dòng cần kiểm tra. Mã thoát: 0 không có phát hiện, "
                         "1 đã ghi bản nháp kèm phát hiện, 3 không đọc được văn bản."),
    "opt.import.output": "tệp YAML ghi ra (mặc định: <mã kế hoạch>.yaml trong thư mục hiện tại; không ghi vào data/plan/)",
    "opt.import.force": "ghi đè tệp đã có",
    "import.written": "Đã ghi bản nháp {path}: {tasks} nhiệm vụ, {units} đơn vị, {streams} luồng báo cáo, {n} phát hiện.",
    "import.exists": "tệp {path} đã có, không ghi đè",
    "import.exists.fix": "thêm --force để ghi đè, hoặc chọn tên khác bằng -o",
    "import.not_a_plan": "văn bản không có mục nhiệm vụ nào (không thấy mục đánh số I, II, III… hay bảng nhiệm vụ)",
    "import.not_a_plan.fix": ("kiểm tra đây có đúng là văn bản kế hoạch không; bảng nhiệm vụ cần một hàng tiêu đề "
                              "có cột \"Nội dung\" và cột \"Thời gian thực hiện\" hoặc \"Đơn vị chủ trì\""),
    "import.no_findings": "Không có phát hiện nào.",
    "import.findings": "{n} phát hiện:",
    "import.severity.warning": "cần kiểm tra",
    "import.severity.info": "ghi chú",
    "import.where.table_row": "{table}, hàng {row}",
    # -- the YAML draft (comments at its top; a stream name the document does not give)
    "import.yaml.header": "Bản nháp kế hoạch, nhập từ {source} bằng lệnh reportkit plan import.",
    "import.yaml.todo_hint": ("Kiểm tra mọi dòng có \"# TODO\", sửa giá trị rồi xoá chú thích đó; "
                              "quy tắc nhập: docs/plan-import.md."),
    "import.stream_default_name": "Báo cáo định kỳ",
    # -- findings (fields: task, phrase, unit, field, value, note, location)
    "import.finding.time_frame_undated": ("{task}: thời gian \"{phrase}\" không nêu ngày cụ thể; đã ghi due: {{kind: unknown}} "
                                          "— cho hạn bằng --deadline {task}=NGÀY hoặc sửa thời gian"),
    "import.finding.time_frame_unknown": ("{task}: không hiểu thời gian \"{phrase}\"; đã ghi due: {{kind: unknown}} "
                                          "— viết lại theo các dạng trong docs/plan-format.md"),
    "import.finding.time_frame_missing": "{task}: nhiệm vụ không ghi thời gian thực hiện; điền time_frame",
    "import.finding.lead_from_organiser": ("{task}: văn bản không nêu đơn vị chủ trì; đã lấy {unit} "
                                           "(đơn vị được giao theo dõi, tổng hợp ở mục Tổ chức thực hiện) — kiểm tra lại"),
    "import.finding.lead_missing": "{task}: văn bản không nêu đơn vị chủ trì; điền lead bằng mã một đơn vị",
    "import.finding.unit_unknown": ("{task}: \"{phrase}\" không phải là đơn vị đã biết; "
                                    "thêm đơn vị vào units hoặc sửa tên"),
    "import.finding.unit_by_initials": ("{task}: chữ viết tắt \"{phrase}\" được hiểu là {unit} theo chữ cái đầu "
                                        "(văn bản không định nghĩa) — kiểm tra lại"),
    "import.finding.collective_empty": ("{task}: \"{phrase}\" chỉ chung các đơn vị cùng loại nhưng văn bản không nêu tên "
                                        "đơn vị nào loại đó; thêm các đơn vị vào units"),
    "import.finding.report_not_understood": ("không hiểu câu báo cáo \"{phrase}\"; thêm mục báo cáo vào reports "
                                             "theo docs/plan-format.md"),
    "import.finding.reports_missing": ("không tìm thấy chế độ báo cáo (mục Tổ chức thực hiện); "
                                       "thêm report_streams theo docs/plan-format.md"),
    "import.finding.stream_unnamed": "luồng báo cáo không có tên trong văn bản; đã tạm gọi là \"{phrase}\" — đặt tên",
    "import.finding.header_missing": "không tìm thấy {field} trong văn bản; điền vào bản nháp",
    "import.finding.header_from_text": "{field} lấy từ nội dung văn bản (không có ở phần đầu): {value} — kiểm tra lại",
    "import.finding.duplicate_code": "{task}: mã nhiệm vụ bị trùng; sửa số thứ tự",
    "import.finding.source_note": "{note}",
}
