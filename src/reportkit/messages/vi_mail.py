"""Vietnamese texts of the e-mail reminders (jobs/mail/, ``reportkit remind --dry-run|--send``).

Same keys and fields as ``en_mail.py``; NFC. The subject and body of a reminder are written with the
plan's own names (unit, issuer, coordinator, report); no organisation is named here.
"""

MAIL_MESSAGES: dict[str, str] = {
    # -- the options of `reportkit remind`
    "opt.mail.dry_run": ("soạn thư đôn đốc cho từng đơn vị chưa nộp, ghi thành tệp .eml trong OUTPUT/reminders/<ngày>/ "
                         "và in ra những gì sẽ gửi; không gửi gì"),
    "opt.mail.send": "gửi thư đôn đốc qua SMTP tới địa chỉ e-mail của từng đơn vị chưa nộp (units[].email trong kế hoạch)",
    "opt.mail.force": "gửi lại cả cho đơn vị đã được gửi thư về cùng báo cáo, cùng hạn trong ngày",
    "opt.mail.smtp_host": "máy chủ SMTP (hoặc biến môi trường REPORTKIT_SMTP_HOST)",
    "opt.mail.smtp_port": "cổng SMTP (hoặc REPORTKIT_SMTP_PORT; mặc định 25, 587 với starttls, 465 với ssl)",
    "opt.mail.smtp_tls": "mã hóa: none, starttls hoặc ssl (hoặc REPORTKIT_SMTP_TLS; mặc định starttls)",
    "opt.mail.smtp_user": "tên đăng nhập SMTP (hoặc REPORTKIT_SMTP_USER); mật khẩu chỉ lấy từ REPORTKIT_SMTP_PASSWORD "
                          "hoặc --smtp-password-file",
    "opt.mail.smtp_password_file": "tệp chứa mật khẩu SMTP (dòng đầu tiên); mật khẩu không bao giờ được in ra",
    "opt.mail.from": "địa chỉ người gửi (hoặc REPORTKIT_SMTP_FROM)",
    "opt.mail.exclusive": "chỉ dùng một trong hai tùy chọn --dry-run và --send",
    # -- SMTP settings
    "mail.settings.no_host": "chưa có máy chủ SMTP để gửi thư",
    "mail.settings.no_host.fix": "dùng --smtp-host hoặc đặt biến môi trường REPORTKIT_SMTP_HOST",
    "mail.settings.no_from": "chưa có địa chỉ người gửi",
    "mail.settings.no_from.fix": "dùng --from hoặc đặt biến môi trường REPORTKIT_SMTP_FROM, ví dụ hcth@example.vn",
    "mail.settings.bad_from": "địa chỉ người gửi '{value}' không hợp lệ",
    "mail.settings.bad_from.fix": "viết một địa chỉ e-mail dạng ten@ten-mien.vn",
    "mail.settings.bad_port": "cổng SMTP '{value}' (từ {source}) không hợp lệ",
    "mail.settings.bad_port.fix": "viết một số từ 1 đến 65535, ví dụ 587",
    "mail.settings.bad_tls": "kiểu mã hóa SMTP '{value}' (từ {source}) không hợp lệ",
    "mail.settings.bad_tls.fix": "dùng một trong: none, starttls, ssl",
    "mail.settings.no_password": "có tên đăng nhập SMTP '{user}' nhưng chưa có mật khẩu",
    "mail.settings.no_password.fix": "đặt biến môi trường REPORTKIT_SMTP_PASSWORD hoặc dùng --smtp-password-file",
    "mail.settings.password_file": "không đọc được tệp mật khẩu SMTP: {error}",
    "mail.settings.password_file.fix": "kiểm tra đường dẫn và quyền đọc của tệp (nên để chế độ 600)",
    # -- the reminder itself (subject and body)
    "mail.subject": "Đôn đốc gửi báo cáo {report}, hạn {deadline} – {unit}",
    "mail.days_left": "còn {days} ngày",
    "mail.due_today": "hôm nay là hạn cuối",
    "mail.days_late": "đã quá hạn {days} ngày",
    "mail.state.missing": "chưa nhận được bảng theo dõi nhiệm vụ của đơn vị.",
    "mail.state.unusable": "đã nhận tệp {file} nhưng không dùng được, vì:",
    "mail.body": ("Kính gửi: {unit}.\n\n"
                  "Để tổng hợp {report} kỳ {period}, {coordinator} ({issuer}) đề nghị {unit} gửi bảng theo dõi "
                  "tình hình thực hiện nhiệm vụ của đơn vị.\n\n"
                  "Hạn gửi: ngày {deadline} ({remaining}).\n"
                  "Tình trạng đến ngày {as_of}: {state}\n"
                  "{findings}\n"
                  "Tệp đính kèm:\n"
                  "{attachments}\n\n"
                  "Đề nghị đơn vị điền bảng theo dõi và gửi lại đúng hạn. Nếu đơn vị đã gửi, xin bỏ qua thư này.\n\n"
                  "Trân trọng,\n"
                  "{coordinator}\n"
                  "{issuer}\n\n"
                  "(Thư gửi tự động từ reportkit; mọi thắc mắc xin liên hệ {coordinator}.)\n"),
    "mail.attach.template": "- {file}: bảng theo dõi nhiệm vụ kỳ {period} của {unit}, đã điền sẵn danh sách nhiệm vụ",
    "mail.attach.notice": "- {file}: công văn đôn đốc gửi báo cáo",
    # -- what happened to each unit (printed, and in the sent log)
    "mail.title.dry_run": "Thư đôn đốc (chạy thử, không gửi; tệp .eml trong {folder}):",
    "mail.title.send": "Thư đôn đốc đã gửi qua {host}:{port} (bản lưu .eml trong {folder}):",
    "mail.none": "Không có đơn vị nào cần đôn đốc.",
    "mail.col.report": "Báo cáo",
    "mail.col.unit": "Đơn vị",
    "mail.col.to": "Gửi tới",
    "mail.col.result": "Kết quả",
    "mail.result.dry_run": "sẽ gửi",
    "mail.result.sent": "đã gửi",
    "mail.result.partial": "gửi được một phần",
    "mail.result.failed": "lỗi",
    "mail.result.skipped": "đã gửi trong ngày, bỏ qua (dùng --force để gửi lại)",
    "mail.result.no_address": "không có địa chỉ e-mail",
    "mail.fail.invalid_address": "địa chỉ '{address}' không hợp lệ",
    "mail.fail.connect": "không kết nối được máy chủ SMTP {host}:{port}: {error}",
    "mail.fail.tls": "không thiết lập được kết nối mã hóa với {host}:{port}: {error}",
    "mail.fail.auth": "máy chủ SMTP từ chối đăng nhập của '{user}': {error}",
    "mail.fail.refused": "máy chủ từ chối địa chỉ {address}: {code} {error}",
    "mail.fail.sender": "máy chủ từ chối người gửi {address}: {code} {error}",
    "mail.fail.smtp": "lỗi SMTP: {error}",
    "mail.summary": ("Tổng cộng: {sent} đã gửi, {dry_run} sẽ gửi, {skipped} bỏ qua, {no_address} không có địa chỉ, "
                     "{failed} lỗi."),
    "mail.failed_hint": "Thư lỗi sẽ được gửi lại ở lần chạy sau (nhật ký gửi: {log}).",
}
