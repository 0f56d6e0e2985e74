"""Reading plan documents into ordered blocks (plandoc.source), and refusing files that cannot be plans.

The fixtures under tests/data/plan_sources/ are made by make_fixtures.py there.
"""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest

from reportkit.errors import EXIT_USAGE, PlanSourceError, ReportkitError
from reportkit.messages import use_language
from reportkit.plandoc.guard import (
    MAX_SOURCE_BYTES,
    MAX_UNCOMPRESSED_BYTES,
    check_zip_limits,
)
from reportkit.plandoc.numbering import format_number
from reportkit.plandoc.source import Paragraph, Table, read_source

from .conftest import DATA, ROOT

HERE = DATA / "plan_sources"
SEED = ROOT / "data" / "plan" / "seed-2024-ke-hoach-dan-van-dan-chu.txt"


def _texts(document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


# ------------------------------------------------------------------ docx: order, styles, tables


def test_docx_paragraphs_and_tables_come_in_body_order():
    document = read_source(HERE / "body_order.docx")
    assert document.kind == "docx"
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table", "Paragraph", "Table", "Paragraph"]
    assert document.blocks[1] == Paragraph("KẾ HOẠCH", style="Heading 1", location="đoạn 2")
    assert document.blocks[4].text == "Đoạn giữa hai bảng."
    assert document.blocks[-1].location == "đoạn 5"
    assert [t.location for t in document.tables] == ["bảng 1", "bảng 2"]


def test_docx_paragraph_text_has_its_whitespace_collapsed():
    document = read_source(HERE / "body_order.docx")
    assert document.blocks[2].text == "Thực hiện công tác cải cách hành chính năm 2025"
    assert document.blocks[2].style == "Normal"


def test_docx_merged_cells_repeat_their_value_in_every_covered_cell():
    table = read_source(HERE / "body_order.docx").tables[0]
    assert table.rows[1] == ("I",) + ("Công tác tuyên truyền",) * 3  # gridSpan 3
    assert [row[2] for row in table.rows[2:]] == ["Văn phòng", "Văn phòng"]  # vMerge restart + continue
    assert table.merged == frozenset({(1, 2), (1, 3), (3, 2)})


def test_docx_table_rows_without_text_are_dropped():
    table = read_source(HERE / "body_order.docx").tables[0]
    assert len(table.rows) == 4 and all(any(row) for row in table.rows)


def test_docx_nested_table_is_flattened_into_its_cell_in_reading_order():
    table = read_source(HERE / "body_order.docx").tables[1]
    assert table.rows == (("Phối hợp", "Các đơn vị:\nCông an xã\nQuân sự xã"),)


# ------------------------------------------------------------------ docx: numbering


def test_docx_automatic_numbering_labels_follow_numbering_xml():
    labels = [(b.numbering, b.text) for b in read_source(HERE / "numbering.docx").paragraphs]
    assert labels == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"), ("1.", "Mục đích"), ("2.", "Yêu cầu"),
        ("a)", "Bám sát kế hoạch của cấp trên"), ("b)", "Phân công rõ người, rõ việc"),
        ("2.1.", "Chi tiết thứ nhất"),
        ("II.", "NHIỆM VỤ CỤ THỂ"), ("1.", "Công tác tuyên truyền"), ("a)", "Tổ chức hội nghị"),
        ("1.", "Danh sách mới (bắt đầu lại)"), ("2.", "Tiếp nối danh sách"),
        ("-", "Gạch đầu dòng"), ("•", "Chấm tròn"),
        ("1.", "Theo kiểu List Number"), ("2.", "Kiểu List Number lần hai"),
        ("", "Kiểu List Number nhưng bỏ số"),
        ("", "3. Số gõ tay trong văn bản"),
    ]


def test_docx_numbering_from_a_paragraph_style_keeps_the_style_name():
    paragraph = read_source(HERE / "numbering.docx").paragraphs[13]
    assert (paragraph.style, paragraph.numbering) == ("List Number", "1.")


@pytest.mark.parametrize("value, fmt, label", [
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (1, "lowerLetter", "a"), (27, "lowerLetter", "aa"),
    (3, "upperLetter", "C"), (7, "decimalZero", "07"), (12, "decimal", "12"), (5, "ordinal", "5"),
])
def test_list_numbers_are_written_in_their_format(value, fmt, label):
    assert format_number(value, fmt) == label


# ------------------------------------------------------------------ docx: tracked changes, hidden text, text boxes


def test_docx_tracked_changes_are_read_accepted_and_noted():
    document = read_source(HERE / "tracked.docx")
    assert _texts(document) == [
        "Tổ chức hội nghị sơ kết quý I năm 2025",  # w:ins kept, w:del dropped
        "Câu ở lại. Câu được chuyển đến.",  # moveFrom dropped, moveTo kept
        "Phần đầu của câu nối với phần sau.",  # a deleted paragraph mark joins the next paragraph
        "Chữ thấy được",  # hidden text left out; the wholly deleted paragraph is gone
        "Đoạn có hộp văn bản",
    ]
    assert "source.tracked_changes" in {note.code for note in document.notes}


def test_docx_tracked_row_deletion_and_cell_insertion_are_accepted():
    table = read_source(HERE / "tracked.docx").tables[0]
    assert table.rows == (("Nhiệm vụ", "Thời gian"), ("Rà soát thủ tục", "Quý II"))


def test_docx_text_boxes_are_left_out_with_a_note():
    document = read_source(HERE / "tracked.docx")
    assert not any("Chữ trong hộp" in b.text for b in document.paragraphs)
    note = next(n for n in document.notes if n.code == "source.text_boxes")
    assert "1 hộp văn bản" in note.message


def test_docx_without_tracked_changes_has_no_notes():
    assert read_source(HERE / "body_order.docx").notes == ()


def test_docx_hostile_grid_span_cannot_blow_up_the_table(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    cells = ('<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>'
             '<w:tc><w:tcPr><w:gridSpan w:val="hai"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc>')
    document.element.body.sectPr.addprevious(parse_xml(f"<w:tbl {nsdecls('w')}><w:tr>{cells}</w:tr></w:tbl>"))
    document.save(tmp_path / "span.docx")
    table = read_source(tmp_path / "span.docx").tables[0]
    assert len(table.rows[0]) == 64 and set(table.rows[0]) == {"A"}


def test_docx_typed_in_tcvn3_fonts_is_converted_to_unicode_with_a_note():
    document = read_source(HERE / "legacy.docx")
    assert _texts(document) == ["KẾ HOẠCH",  # .VnTimeH shows lower-case codes as capitals
                                "Kế hoạch công tác cải cách hành chính năm 2025", "Tổ chức hội nghị sơ kết quý I",
                                "Phòng Tổ chức – Hành chính", "Chữ Unicode giữ nguyên", "NƠI NHẬN"]
    note = next(n for n in document.notes if n.code == "source.legacy_converted")
    assert "4 đoạn/ô" in note.message and "TCVN3" in note.message and note.location == "đoạn 1"


def test_docx_table_cells_in_a_tcvn3_font_are_converted_and_located_by_table(tmp_path):
    import docx

    from reportkit.intake.legacy import encode_tcvn3

    document = docx.Document()
    document.add_paragraph("Bảng phân công")
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    cell.paragraphs[0].add_run(encode_tcvn3("Phòng Kế hoạch – Tài chính")).font.name = ".VnTime"
    document.save(tmp_path / "bang.docx")
    read = read_source(tmp_path / "bang.docx")
    assert read.tables[0].rows == (("", "Phòng Kế hoạch – Tài chính"),)
    assert [(n.code, n.location) for n in read.notes] == [("source.legacy_converted", "bảng 1")]


def test_text_that_looks_legacy_but_cannot_be_converted_is_kept_with_a_note(tmp_path):
    source = tmp_path / "lan.txt"
    source.write_text("Kế hoạch năm 2025\nÕÕ ¹¹ Ò Ò ®®®\n", encoding="utf-8")
    document = read_source(source)
    assert _texts(document) == ["Kế hoạch năm 2025", "ÕÕ ¹¹ Ò Ò ®®®"]
    assert [n.code for n in document.notes] == ["source.legacy_unsafe"]
    assert document.notes[0].location == "dòng 2"


@pytest.mark.parametrize("content_type", ["application/vnd.ms-word.document.macroEnabled.main+xml",
                                          "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"])
def test_macro_enabled_document_and_template_are_read_as_documents(tmp_path, content_type):
    out = io.BytesIO()
    with zipfile.ZipFile(HERE / "body_order.docx") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    content_type.encode())
            dst.writestr(item.filename, data)
    (tmp_path / "ke-hoach.docm").write_bytes(out.getvalue())
    assert _texts(read_source(tmp_path / "ke-hoach.docm"))[0] == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"


def test_docx_named_doc_is_read_by_its_content(tmp_path):
    renamed = tmp_path / "ke-hoach.doc"
    renamed.write_bytes((HERE / "body_order.docx").read_bytes())
    assert read_source(renamed).kind == "docx"


# ------------------------------------------------------------------ txt


def test_seed_text_gives_one_paragraph_per_non_empty_line():
    document = read_source(SEED)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert document.kind == "txt"
    assert len(document.blocks) == sum(1 for line in lines if line.strip())
    assert document.blocks[0] == Paragraph("KẾ HOẠCH", location="dòng 1")
    assert document.blocks[1].location == "dòng 3"  # the blank line 2 is skipped, numbers stay the file's
    assert all(unicodedata.is_normalized("NFC", p.text) and "  " not in p.text for p in document.paragraphs)


@pytest.mark.parametrize("name", ["utf8_bom.txt", "utf16.txt"])
def test_text_with_a_byte_order_mark_is_decoded(name):
    assert _texts(read_source(HERE / name)) == ["KẾ HOẠCH", "Công tác cải cách hành chính năm 2025"]


def test_nfd_text_is_read_as_nfc(tmp_path):
    source = tmp_path / "nfd.txt"
    source.write_text(unicodedata.normalize("NFD", "Kế hoạch năm 2025\n"), encoding="utf-8")
    assert _texts(read_source(source)) == ["Kế hoạch năm 2025"]


@pytest.mark.parametrize("name", ["cp1258.txt", "cp1252.txt"])
def test_text_in_a_windows_code_page_is_refused_with_save_as_utf8(name):
    with pytest.raises(PlanSourceError) as caught:
        read_source(HERE / name)
    assert "UTF-8" in caught.value.message and "UTF-8" in caught.value.hint
    assert caught.value.path.endswith(name)


# ------------------------------------------------------------------ pdf


def test_pdf_lines_become_paragraphs_located_by_page():
    document = read_source(HERE / "plan.pdf")
    assert document.kind == "pdf"
    texts = _texts(document)
    assert texts[:4] == ["SỞ Y TẾ TỈNH AN GIANG", "BỆNH VIỆN ĐA KHOA KHU VỰC", "Số: 12/KH-BV", "KẾ HOẠCH"]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert document.blocks[0].location == "trang số 1"
    assert {b.location for b in document.blocks} >= {"trang số 1", "trang số 2"}
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    assert [note.code for note in document.notes] == ["source.pdf_lines"]


def test_pdf_printed_by_libreoffice_gives_the_task_table_rows_as_lines():
    document = read_source(HERE / "tasks.pdf")  # soffice --convert-to pdf of tasks.xlsx (make_fixtures.py)
    texts = _texts(document)
    assert "STT Nội dung nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian hoàn thành" in texts
    assert "1 Xây dựng kế hoạch dạy học Tổ Toán Tổ Văn Tháng 9/2025" in texts
    assert document.blocks[-1] == Paragraph("Các tổ báo cáo trước ngày 25 hằng tháng", location="trang số 2")


def test_pdf_pages_without_text_are_named_in_a_note():
    document = read_source(HERE / "mixed.pdf")
    assert {b.location for b in document.blocks} == {"trang số 1"}
    note = next(n for n in document.notes if n.code == "source.pdf_pages_without_text")
    assert "trang 2 " in note.message


def test_pdf_with_only_an_owner_password_is_read():
    assert _texts(read_source(HERE / "owner_only.pdf"))[0] == "SỞ Y TẾ TỈNH AN GIANG"


def test_pdf_page_number_lines_are_left_out():
    from reportkit.plandoc.source_pdf import page_lines

    text = "2\r\nII. NHIỆM VỤ\r\n  \r\nnội   dung\r\n2\r\n"
    assert page_lines(text, 2) == ["II. NHIỆM VỤ", "nội dung"]
    assert page_lines(text, 3)[0] == "2"


def test_scanned_pdf_is_refused_with_ocr_or_word_as_the_fix():
    with pytest.raises(PlanSourceError) as caught:
        read_source(HERE / "scanned.pdf")
    assert caught.value.message.startswith("PDF không có lớp chữ (bản quét)")
    assert "Word" in caught.value.hint and "OCR" in caught.value.hint
    assert caught.value.exit_code == EXIT_USAGE == 3


def test_pdf_with_a_user_password_is_refused():
    with pytest.raises(PlanSourceError, match="mật khẩu"):
        read_source(HERE / "encrypted.pdf")


def _pdf_with_content(content: bytes, image_side: int = 1) -> bytes:
    """A one-page PDF whose content stream is ``content`` and whose image Im1 is a white square, both Flate."""
    packed, pixels = zlib.compress(content, 9), zlib.compress(b"\xff" * image_side * image_side, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>"),
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8"
               b" /Length %d /Filter /FlateDecode >>\nstream\n" % (image_side, image_side, len(pixels)) + pixels
               + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_decompression_bomb_is_refused_before_pdfium_inflates_it(tmp_path, monkeypatch):
    from reportkit.plandoc import pdf_guard

    monkeypatch.setattr(pdf_guard, "MAX_PDF_INFLATED_BYTES", 1 << 20)
    (tmp_path / "bom.pdf").write_bytes(_pdf_with_content(b" " * (2 << 20) + b"BT /F1 12 Tf 10 10 Td (Hello) Tj ET"))
    with pytest.raises(PlanSourceError, match="bom giải nén"):
        read_source(tmp_path / "bom.pdf")
    (tmp_path / "nho.pdf").write_bytes(_pdf_with_content(b" " * 1000 + b"BT /F1 12 Tf 10 10 Td (Hello) Tj ET"))
    assert _texts(read_source(tmp_path / "nho.pdf")) == ["Hello"]


def test_pdf_image_streams_do_not_count_towards_the_bomb_limit(tmp_path, monkeypatch):
    from reportkit.plandoc import pdf_guard

    monkeypatch.setattr(pdf_guard, "MAX_PDF_INFLATED_BYTES", 1 << 20)
    scan = _pdf_with_content(b"q 200 0 0 200 0 0 cm /Im1 Do Q", image_side=1500)  # a 2.1 MB page image
    (tmp_path / "quet.pdf").write_bytes(scan)
    with pytest.raises(PlanSourceError, match="bản quét"):
        read_source(tmp_path / "quet.pdf")


def test_damaged_pdf_is_refused(tmp_path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes((HERE / "plan.pdf").read_bytes()[:300])
    with pytest.raises(PlanSourceError, match="bị hỏng"):
        read_source(broken)


# ------------------------------------------------------------------ workbooks


EXPECTED_TASK_ROWS = (
    ("PHỤ LỤC: DANH MỤC NHIỆM VỤ NĂM 2025",) * 5,
    ("(Kèm theo Kế hoạch số 12/KH-THPT ngày 15/01/2025)",) * 5,
    ("",) * 5,
    ("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"),
    ("I",) + ("CÔNG TÁC CHUYÊN MÔN",) * 4,
    ("1", "Xây dựng kế hoạch dạy học", "Tổ Toán", "Tổ Văn", "Tháng 9/2025"),
    ("2", "Kiểm tra nội bộ", "Ban Giám hiệu", "", "Hằng tháng"),
    ("II",) + ("CÔNG TÁC ĐOÀN THỂ",) * 4,
    ("1", "Tổ chức Hội khoẻ Phù Đổng", "Đoàn Thanh niên", "Công đoàn", "Quý I, Quý III"),
    ("2", "Tuyên truyền an toàn giao thông", "Đoàn Thanh niên", "", "Đầu năm học"),
)


@pytest.mark.parametrize("ext", ["xlsx", "xls", "ods"])
def test_task_table_sheet_is_one_table_with_title_rows_and_merges_expanded(ext):
    document = read_source(HERE / f"tasks.{ext}")
    assert document.kind == ext
    table = document.blocks[0]
    assert isinstance(table, Table) and table.location == "trang tính Danh mục nhiệm vụ"
    assert table.rows == EXPECTED_TASK_ROWS
    assert {(0, 4), (4, 1 + 1), (7, 4), (9, 2)} <= table.merged
    assert (5, 1) not in table.merged


@pytest.mark.parametrize("ext", ["xlsx", "ods"])
def test_every_non_empty_sheet_is_a_table_and_empty_sheets_are_skipped(ext):
    document = read_source(HERE / f"tasks.{ext}")
    assert [b.location for b in document.blocks] == ["trang tính Danh mục nhiệm vụ", "trang tính Ghi chú"]
    assert document.blocks[1].rows == (("Các tổ báo cáo trước ngày 25 hằng tháng",),)


# ------------------------------------------------------------------ bad input: exit 3, path, fix


REFUSED = [
    ("old.doc", "Word 97–2003", "soffice --headless --convert-to docx"),
    ("word97.doc", "Word 97–2003", "soffice --headless --convert-to docx"),  # a real one, saved by LibreOffice Writer
    ("encrypted.docx", "mật khẩu", "gỡ mật khẩu"),
    ("encrypted.xlsx", "mật khẩu", "gỡ mật khẩu"),
    ("damaged.docx", "bị hỏng", "Word/LibreOffice"),
    ("bomb.docx", "zip bomb", "bản gốc"),
    ("dtd.docx", "DTD", "lưu lại thành tệp mới"),
    ("image.docx", "ảnh PNG", ".docx, .txt, .pdf"),
    ("empty.docx", "rỗng", "chép lại"),
    ("archive.zip", "tệp nén .zip", ".docx, .txt, .pdf"),
    ("plan.odt", "OpenDocument .odt", "soffice --headless --convert-to docx"),
]


@pytest.mark.parametrize("name, message, fix", REFUSED)
def test_unusable_file_is_refused_with_its_path_and_a_fix(name, message, fix):
    with pytest.raises(PlanSourceError) as caught:
        read_source(HERE / name)
    error = caught.value
    assert message in error.message and fix in error.hint
    assert error.path == str(HERE / name)
    assert error.exit_code == 3 and isinstance(error, ReportkitError)


def test_old_doc_fix_names_the_file_to_convert():
    with pytest.raises(PlanSourceError) as caught:
        read_source(HERE / "old.doc")
    assert f'soffice --headless --convert-to docx "{HERE / "old.doc"}"' in caught.value.hint


@pytest.mark.parametrize("name, _message, _fix", REFUSED)
def test_every_refusal_reads_in_english_too(name, _message, _fix):
    with use_language("en"):
        with pytest.raises(PlanSourceError) as caught:
            read_source(HERE / name)
        rendered = caught.value.render()
    assert "Fix:" in rendered and "Cách sửa" not in rendered
    assert not any(word in rendered for word in ("tệp", "không", "mật khẩu"))


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(PlanSourceError, match="không tìm thấy"):
        read_source(tmp_path / "khong-co.docx")
    with pytest.raises(PlanSourceError, match="không mở được"):
        read_source(tmp_path)


def test_too_large_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "lon.docx"
    with open(big, "wb") as fh:
        fh.truncate(MAX_SOURCE_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(PlanSourceError, match="quá lớn"):
        read_source(big)


def test_plain_text_named_docx_is_not_taken_for_a_document(tmp_path):
    fake = tmp_path / "ke-hoach.docx"
    fake.write_text("KẾ HOẠCH\n", encoding="utf-8")
    with pytest.raises(PlanSourceError, match="văn bản thuần mang đuôi .docx"):
        read_source(fake)


def test_deeply_nested_docx_xml_is_refused_as_damaged(tmp_path):
    body = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body>" + b"<w:customXml>" * 20_000 + b"</w:customXml>" * 20_000 + b"</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(HERE / "body_order.docx") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, body if item.filename == "word/document.xml" else src.read(item.filename))
    (tmp_path / "deep.docx").write_bytes(out.getvalue())
    with pytest.raises(PlanSourceError, match="bị hỏng"):
        read_source(tmp_path / "deep.docx")


def test_xml_part_over_the_part_limit_is_refused_before_it_is_unpacked(monkeypatch):
    from reportkit.plandoc import guard

    monkeypatch.setattr(guard, "MAX_PART_BYTES", 1000)
    with pytest.raises(PlanSourceError) as caught:
        read_source(HERE / "body_order.docx")
    assert caught.value.message.startswith("phần ") and "giải nén ra" in caught.value.message
    assert "chỉ gồm phần kế hoạch" in caught.value.hint


def test_binary_file_named_txt_is_not_read_as_text(tmp_path):
    fake = tmp_path / "ke-hoach.txt"
    fake.write_bytes(b"KE HOACH\x00\x01\x02" * 50)
    with pytest.raises(PlanSourceError, match="định dạng không rõ"):
        read_source(fake)


def test_zip_declaring_more_than_the_total_limit_is_refused_before_decompressing():
    infos = []
    for i in range(3):
        info = zipfile.ZipInfo(f"word/media/image{i}.png")
        info.file_size, info.compress_size = MAX_UNCOMPRESSED_BYTES // 2, MAX_UNCOMPRESSED_BYTES // 2
        infos.append(info)
    with pytest.raises(PlanSourceError, match="zip bomb"):
        check_zip_limits(infos, 3 * MAX_UNCOMPRESSED_BYTES // 2, Path("x.docx"))


def test_zip_member_that_inflates_past_its_declared_size_is_refused(tmp_path):
    """The header says 100 bytes; the data inflates to 2 MiB: never more than the declared size is read."""
    good = (HERE / "body_order.docx").read_bytes()
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = packed.compress(b"<w:document>" + b" " * (2 << 20)) + packed.flush()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, src.read(item.filename))
    data = _append_raw_member(out.getvalue(), "word/document.xml", payload, declared=100)
    lying = tmp_path / "lying.docx"
    lying.write_bytes(data)
    with pytest.raises(PlanSourceError) as caught:
        read_source(lying)
    assert "zip bomb" in caught.value.message or "hỏng" in caught.value.message


def _append_raw_member(zip_bytes: bytes, name: str, compressed: bytes, declared: int) -> bytes:
    """Rewrite a zip adding one deflated member whose headers declare ``declared`` bytes."""
    import struct

    source = zipfile.ZipFile(io.BytesIO(zip_bytes))
    out, central = io.BytesIO(), io.BytesIO()
    members = [(i.filename, source.read(i.filename)) for i in source.infolist()] + [(name, None)]
    for member, content in members:
        raw = member.encode()
        if content is None:
            data, crc, size = compressed, 0, declared
        else:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            data, crc, size = packer.compress(content) + packer.flush(), zlib.crc32(content), len(content)
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x5865, crc, len(data), size, len(raw), 0)
                  + raw + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x5865, crc, len(data), size,
                                  len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start, directory = out.tell(), central.getvalue()
    out.write(directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory),
                                      start, 0))
    return out.getvalue()


def test_fixture_files_are_small():
    assert all(p.stat().st_size < 200_000 for p in HERE.iterdir()), os.listdir(HERE)


# ------------------------------------------------------------------ numbering definitions (unit)


def _numbering(abstract: str, nums: str, styles: str = ""):
    from lxml import etree

    from reportkit.plandoc.numbering import Numbering, W

    numbering = etree.fromstring(f'<w:numbering xmlns:w="{W}">{abstract}{nums}</w:numbering>')
    style_root = etree.fromstring(f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
    return Numbering(numbering, style_root)


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def test_legal_numbering_shows_every_level_as_a_decimal():
    numbering = _numbering('<w:abstractNum w:abstractNumId="1">' + _lvl(0, "upperRoman", "%1.")
                           + _lvl(1, "decimal", "%1.%2.", "<w:isLgl/>") + "</w:abstractNum>",
                           '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>')
    labels = [numbering.next_label("7", level) for level in (0, 1, 1, 0, 1)]
    assert labels == ["I.", "1.1.", "1.2.", "II.", "2.1."]


def test_level_restart_zero_keeps_counting_across_higher_levels():
    numbering = _numbering('<w:abstractNum w:abstractNumId="1">' + _lvl(0, "upperRoman", "%1.")
                           + _lvl(1, "decimal", "%2.", '<w:lvlRestart w:val="0"/>') + "</w:abstractNum>",
                           '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>')
    assert [numbering.next_label("7", level) for level in (0, 1, 1, 0, 1)] == ["I.", "1.", "2.", "II.", "3."]


def test_numbering_style_link_leads_to_the_linked_definition():
    abstract = ('<w:abstractNum w:abstractNumId="1">' + _lvl(0, "lowerLetter", "%1)") + "</w:abstractNum>"
                '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="KieuDanhSach"/></w:abstractNum>')
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>')
    styles = '<w:style w:type="numbering" w:styleId="KieuDanhSach"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    numbering = _numbering(abstract, nums, styles)
    assert [numbering.next_label("2", 0), numbering.next_label("1", 0)] == ["a)", "b)"]  # one list


def test_numbering_from_a_based_on_style_chain():
    styles = ('<w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/>'
              '</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="MucCon"><w:basedOn w:val="Muc"/>'
              "</w:style>")
    numbering = _numbering('<w:abstractNum w:abstractNumId="1">' + _lvl(0, "upperRoman", "%1.")
                           + _lvl(1, "decimal", "%2.") + "</w:abstractNum>",
                           '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>', styles)
    assert numbering.numbering_of(None, "MucCon") == ("7", 1)
    assert numbering.numbering_of(None, "Normal") is None


def test_docx_content_controls_are_read_in_body_order(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Trước")
    sdt = (f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Trong ô nội dung</w:t></w:r></w:p>"
           "</w:sdtContent></w:sdt>")
    document.element.body.sectPr.addprevious(parse_xml(sdt))
    document.add_paragraph("Sau")
    document.save(tmp_path / "sdt.docx")
    assert _texts(read_source(tmp_path / "sdt.docx")) == ["Trước", "Trong ô nội dung", "Sau"]


# ------------------------------------------------------------------ damaged bytes: a refusal or a document, never a traceback


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_VALID = ["body_order.docx", "numbering.docx", "tracked.docx", "plan.pdf", "tasks.xlsx", "tasks.xls", "tasks.ods",
          "utf16.txt"]


@st.composite
def _damaged(draw):
    name = draw(st.sampled_from(_VALID))
    data = bytearray((HERE / name).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "zero", "insert"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "zero":
            data[at:at + 64] = bytes(len(data[at:at + 64]))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
    return name, bytes(data)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=_damaged())
def test_damaged_bytes_of_a_valid_document_give_a_refusal_or_a_document(tmp_path, case):
    name, data = case
    target = tmp_path / name
    target.write_bytes(data)
    try:
        document = read_source(target)
    except PlanSourceError as error:
        assert error.path == str(target) and error.hint
    else:
        assert document.blocks
