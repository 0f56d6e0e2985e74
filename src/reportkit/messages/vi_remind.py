"""Vietnamese texts of ``reportkit remind`` (tracking/, cli_remind.py). Same keys and fields as ``en_remind.py``; NFC.

The "notice" (công văn) and "mail" (e-mail) parts keep their own texts in their own files
(vi_notice.py, vi_mail.py), merged into vi.MESSAGES the same way.
"""

REMIND_MESSAGES: dict[str, str] = {
    "help.remind": ("Theo dõi, đôn đốc: với mỗi báo cáo sắp đến hạn hoặc đã quá hạn mà chưa đủ, "
                    "đơn vị nào đã nộp (đúng hạn, muộn), nộp nhưng không dùng được, hoặc chưa nộp. "
                    "Mã thoát 0: đã nhận đủ; 1: còn đơn vị chưa nộp hoặc nộp muộn."),
    "opt.remind.as_of": "tính số ngày còn lại / quá hạn tính đến ngày này (mặc định: hôm nay)",
    "opt.remind.days_ahead": "các báo cáo có hạn nộp của đơn vị trong N ngày tới",
    "opt.remind.output": "thư mục kết quả; thư đôn đốc được ghi vào OUTPUT/reminders/<ngày>/",
    "remind.state.received": "đúng hạn",
    "remind.state.late": "muộn",
    "remind.state.unusable": "không dùng được",
    "remind.state.missing": "chưa nộp",
    "remind.no_rows": "không đọc được dòng nào",
    "remind.state.late_days": "muộn {n} ngày",
    "remind.days_left": "còn {n} ngày",
    "remind.days_today": "hạn cuối hôm nay",
    "remind.days_late": "quá hạn {n} ngày",
    "remind.none": "Không có báo cáo nào đến hạn hoặc còn thiếu tính đến ngày {as_of}.",
    "remind.col.unit": "Đơn vị",
    "remind.col.state": "Tình trạng",
    "remind.col.file": "Tệp",
    "remind.col.date": "Ngày báo cáo",
    "remind.col.days": "Thời hạn",
    "remind.col.emails": "Thư điện tử",
    "remind.report": "{label}: các đơn vị gửi chậm nhất ngày {last_day} (báo cáo nộp {due})",
    "remind.no_email": "không có địa chỉ e-mail",
    "remind.total": "{reports} báo cáo; {pending} lượt đơn vị chưa nộp hoặc nộp không dùng được, {late} lượt nộp muộn (tính đến ngày {as_of}).",
}
