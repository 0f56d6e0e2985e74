"""Vietnamese texts of reading plan documents (plandoc/source*.py). Same keys and fields as ``en_source.py``; NFC.

Each refusal has a ``.fix`` text saying what the user can do; ``source.where.*`` name a place in the document.
"""

SOURCE_MESSAGES: dict[str, str] = {
    # -- where a block is (Paragraph.location, Table.location, notes)
    "source.where.paragraph": "đoạn {n}",
    "source.where.line": "dòng {n}",
    "source.where.table": "bảng {n}",
    "source.where.page": "trang số {n}",
    "source.where.sheet": "trang tính {sheet}",
    # -- refusals: the file as a whole
    "source.not_found": "không tìm thấy tệp văn bản kế hoạch",
    "source.not_found.fix": "kiểm tra đường dẫn và tên tệp",
    "source.unreadable": "không mở được tệp: {detail}",
    "source.unreadable.fix": "kiểm tra quyền đọc tệp, hoặc chép tệp sang thư mục khác rồi thử lại",
    "source.empty": "tệp rỗng (0 byte)",
    "source.empty.fix": "chép lại tệp kế hoạch từ nguồn gốc (thư điện tử, hệ thống văn bản) rồi thử lại",
    "source.too_large": "tệp quá lớn: {size} MB (giới hạn {limit} MB)",
    "source.too_large.fix": "một văn bản kế hoạch chỉ vài trăm KB: xoá ảnh, bản quét đính kèm, hoặc chỉ lưu phần văn bản",
    "source.not_document": "tệp không phải văn bản kế hoạch đọc được ({kind})",
    "source.not_document.fix": "chọn tệp .docx, .txt, .pdf (có lớp chữ), .xlsx, .xls hoặc .ods",
    "source.kind.image": "ảnh {format}",
    "source.kind.zip": "tệp nén .zip",
    "source.kind.binary": "định dạng không rõ",
    "source.kind.html": "tệp HTML/XML",
    "source.kind.rtf": "văn bản RTF",
    "source.kind.odt": "văn bản OpenDocument .odt",
    "source.kind.ppt": "bản trình chiếu PowerPoint",
    "source.kind.xlsb": "sổ làm việc nhị phân Excel .xlsb",
    "source.kind.text": "văn bản thuần mang đuôi {ext}",
    "source.convert.fix": "chuyển sang .docx bằng LibreOffice: soffice --headless --convert-to docx \"{file}\" (hoặc mở bằng Word, chọn Lưu thành… Word Document .docx), rồi nhập tệp .docx",
    "source.doc_binary": "tệp Word 97–2003 (.doc, dạng nhị phân cũ) không đọc trực tiếp được",
    "source.encrypted": "tệp được đặt mật khẩu (mã hoá), không đọc được nội dung",
    "source.encrypted.fix": "mở tệp bằng Word/Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ → Mã hoá bằng mật khẩu, xoá mật khẩu), lưu lại rồi nhập lại",
    "source.damaged": "tệp bị hỏng, không đọc được: {detail}",
    "source.damaged.fix": "mở tệp bằng Word/LibreOffice để sửa rồi lưu lại, hoặc xin lại bản gốc",
    "source.zip_bomb": ("tệp giải nén ra quá lớn: {size} MB, gấp {ratio} lần tệp nén (giới hạn {limit} MB, "
                        "gấp {limit_ratio} lần) — có thể là tệp độc hại (zip bomb)"),
    "source.zip_bomb.fix": "không mở tệp này; xin lại bản gốc của văn bản kế hoạch",
    "source.part_too_large": "phần {part} của tệp giải nén ra {size} MB (giới hạn {limit} MB): một văn bản kế hoạch không lớn như vậy",
    "source.part_too_large.fix": "lưu văn bản thành tệp mới chỉ gồm phần kế hoạch (bỏ phụ lục, bảng số liệu lớn, đối tượng nhúng) rồi nhập lại",
    "source.xml_dtd": "phần {part} của tệp có khai báo DTD/thực thể XML (<!DOCTYPE, <!ENTITY), điều văn bản Word/Excel thật không có",
    "source.xml_dtd.fix": "không mở tệp này; mở bản gốc bằng Word/LibreOffice và lưu lại thành tệp mới",
    "source.no_text": "tệp không có chữ nào để đọc",
    "source.no_text.fix": "kiểm tra đúng tệp văn bản kế hoạch chưa (không phải bản nháp trống hoặc tệp ảnh)",
    # -- txt
    "source.txt_encoding": ("tệp văn bản không phải UTF-8 (byte lạ ở vị trí {offset}: có thể là bảng mã Windows "
                            "cp1258/cp1252 hoặc TCVN3)"),
    "source.txt_encoding.fix": ("mở tệp bằng Notepad hoặc LibreOffice Writer, chọn Lưu thành… với bảng mã UTF-8, "
                                "rồi nhập lại; hoặc nhập tệp Word gốc"),
    # -- pdf
    "source.pdf_scanned": "PDF không có lớp chữ (bản quét): {pages} trang chỉ có hình ảnh",
    "source.pdf_scanned.fix": ("dùng tệp Word gốc của văn bản, hoặc nhận dạng chữ (OCR) cho PDF trước, ví dụ: "
                               "ocrmypdf -l vie \"{file}\" ban-ocr.pdf"),
    "source.pdf_encrypted": "PDF được đặt mật khẩu, không đọc được nội dung",
    "source.pdf_encrypted.fix": "mở PDF bằng mật khẩu rồi in/lưu ra PDF mới không mật khẩu, hoặc dùng tệp Word gốc",
    "source.pdf_bomb": "PDF nén hơn {limit} MB nội dung vào {size} MB — có thể là tệp độc hại (bom giải nén)",
    "source.pdf_bomb.fix": "không mở tệp này; dùng tệp Word gốc hoặc xin lại bản gốc của văn bản kế hoạch",
    # -- workbooks (the intake finding says what is wrong)
    "source.workbook": "không đọc được bảng tính: {detail}",
    # -- notes: what the reader did
    "source.note.tracked_changes": ("tài liệu còn {n} thay đổi được theo dõi (Track Changes) chưa duyệt: đã đọc bản "
                                    "chấp nhận mọi thay đổi (giữ phần chèn, bỏ phần xoá)"),
    "source.note.text_boxes": "bỏ qua {n} hộp văn bản (text box) có chữ: nội dung trong hộp văn bản không được đọc",
    "source.note.pdf_lines": ("PDF: mỗi dòng in được đọc thành một đoạn; các dòng bị ngắt giữa câu được nối lại "
                              "khi dựng kế hoạch"),
    "source.note.pdf_pages_without_text": "PDF: trang {pages} không có lớp chữ (bản quét?), không đọc được",
    "source.note.legacy_converted": "đã chuyển {n} đoạn/ô từ bảng mã cũ {encoding} sang Unicode (chữ gõ bằng phông .VnTime/VNI); kiểm tra lại bản nháp",
    "source.note.legacy_unsafe": ("{n} đoạn/ô có vẻ gõ bằng bảng mã cũ (TCVN3/VNI) nhưng không chuyển được chắc chắn, giữ nguyên: "
                                 "{places}; nên chuyển văn bản sang Unicode (ví dụ bằng Unikey) rồi nhập lại"),
}
