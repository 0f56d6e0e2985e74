"""Make the plan-document fixtures of tests/test_plan_sources.py (run from the repository root).

    .venv/bin/python tests/data/plan_sources/make_fixtures.py

Word files are written with python-docx (raw WordprocessingML where python-docx
has no API: numbering definitions, tracked changes, merged cells, text boxes);
the .xls/.ods task tables, and a PDF of the task table, are converted by
LibreOffice Calc (``soffice --headless --convert-to``). LibreOffice Writer is not installed on the build
machine, so the plan PDF is printed by WeasyPrint from the same text (a real
PDF with a text layer), the old binary .doc is an OLE container written by
xlwt's compound-document writer with its stream named ``WordDocument`` (what
identifies a Word 97–2003 file), and the .odt is a minimal OpenDocument zip.
The scanned PDF is a Pillow image; the encrypted files are made with pypdf and
msoffcrypto-tool.
The outputs are committed; rerun this only to change them.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _xml(fragment: str):
    """A WordprocessingML element from a fragment written with the w: prefix."""
    return parse_xml(fragment.replace("<w:", "<w:", 1).replace(">", f" {nsdecls('w')}>", 1)
                     if "xmlns:w" not in fragment else fragment)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _append_body(document, fragment: str) -> None:
    """Append a raw body-level element (before the final w:sectPr)."""
    document.element.body.sectPr.addprevious(_xml(fragment))


# ------------------------------------------------------------------ body order, merged cells, nested tables


def _cell(text: str, extra: str = "") -> str:
    return f"<w:tc><w:tcPr>{extra}</w:tcPr><w:p>{_run(text) if text else ''}</w:p></w:tc>"


def make_body_order() -> None:
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ AN BÌNH")
    document.add_heading("KẾ HOẠCH", level=1)
    document.add_paragraph("Thực hiện   công tác\tcải cách hành chính năm 2025")
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * 4 + "</w:tblGrid>"
    rows = [
        _cell("STT") + _cell("Nội dung") + _cell("Đơn vị chủ trì") + _cell("Thời gian"),
        _cell("I") + _cell("Công tác tuyên truyền", '<w:gridSpan w:val="3"/>'),
        _cell("1") + _cell("Tuyên truyền Luật Dân chủ ở cơ sở") + _cell("Văn phòng", '<w:vMerge w:val="restart"/>')
        + _cell("Quý I"),
        _cell("2") + _cell("Cập nhật trang thông tin điện tử") + _cell("", "<w:vMerge/>") + _cell("Hằng tháng"),
        _cell("") + _cell("") + _cell("") + _cell(""),
    ]
    table = f"<w:tbl {W_NS}><w:tblPr/>{grid}" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    _append_body(document, table)
    document.add_paragraph("Đoạn giữa hai bảng.")
    nested = (f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{_cell('Công an xã')}"
              f"{_cell('Quân sự xã')}</w:tr></w:tbl>")
    outer = (f"<w:tbl {W_NS}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{_cell('Phối hợp')}"
             f"<w:tc><w:p>{_run('Các đơn vị:')}</w:p>{nested}<w:p/></w:tc></w:tr></w:tbl>")
    _append_body(document, outer)
    document.add_paragraph("Nơi nhận:")
    document.save(HERE / "body_order.docx")


# ------------------------------------------------------------------ automatic numbering


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _add_numbering(document) -> None:
    """abstractNum 90: I. / 1. / a) / 1.1. ; 91: bullets; nums 101 (90), 102 (90, level 1 restarted), 103 (91)."""
    numbering = document.part.numbering_part.element
    multi = (f'<w:abstractNum {W_NS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
             + _level(0, "upperRoman", "%1.") + _level(1, "decimal", "%2.") + _level(2, "lowerLetter", "%3)")
             + _level(3, "decimal", "%2.%4.") + "</w:abstractNum>")
    bullets = (f'<w:abstractNum {W_NS} w:abstractNumId="91"><w:multiLevelType w:val="hybridMultilevel"/>'
               + _level(0, "bullet", "-") + _level(1, "bullet", "\uf0b7") + "</w:abstractNum>")
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    first_num.addprevious(_xml(multi))
    first_num.addprevious(_xml(bullets))
    numbering.append(_xml(f'<w:num {W_NS} w:numId="101"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(_xml(f'<w:num {W_NS} w:numId="102"><w:abstractNumId w:val="90"/>'
                          '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    numbering.append(_xml(f'<w:num {W_NS} w:numId="103"><w:abstractNumId w:val="91"/></w:num>'))


def _numbered(document, text: str, num_id: int, ilvl: int, style: str | None = None) -> None:
    paragraph = document.add_paragraph(text, style=style)
    paragraph._p.get_or_add_pPr().append(
        _xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def make_numbering() -> None:
    document = docx.Document()
    _add_numbering(document)
    for text, num_id, ilvl in [
        ("MỤC ĐÍCH, YÊU CẦU", 101, 0), ("Mục đích", 101, 1), ("Yêu cầu", 101, 1),
        ("Bám sát kế hoạch của cấp trên", 101, 2), ("Phân công rõ người, rõ việc", 101, 2),
        ("Chi tiết thứ nhất", 101, 3), ("NHIỆM VỤ CỤ THỂ", 101, 0), ("Công tác tuyên truyền", 101, 1),
        ("Tổ chức hội nghị", 101, 2), ("Danh sách mới (bắt đầu lại)", 102, 1), ("Tiếp nối danh sách", 101, 1),
        ("Gạch đầu dòng", 103, 0), ("Chấm tròn", 103, 1),
    ]:
        _numbered(document, text, num_id, ilvl)
    document.add_paragraph("Theo kiểu List Number", style="List Number")
    document.add_paragraph("Kiểu List Number lần hai", style="List Number")
    _numbered(document, "Kiểu List Number nhưng bỏ số", 0, 0, style="List Number")
    document.add_paragraph("3. Số gõ tay trong văn bản")
    document.save(HERE / "numbering.docx")


# ------------------------------------------------------------------ tracked changes, hidden text, text boxes


def _ins(text: str) -> str:
    return f'<w:ins w:id="1" w:author="A" w:date="2025-01-02T00:00:00Z">{_run(text)}</w:ins>'


def _del(text: str) -> str:
    return (f'<w:del w:id="2" w:author="A" w:date="2025-01-02T00:00:00Z"><w:r><w:delText xml:space="preserve">'
            f"{text}</w:delText></w:r></w:del>")


def make_tracked() -> None:
    document = docx.Document()
    mark_deleted = '<w:pPr><w:rPr><w:del w:id="3" w:author="A" w:date="2025-01-02T00:00:00Z"/></w:rPr></w:pPr>'
    paragraphs = [
        f"<w:p {W_NS}>{_run('Tổ chức hội nghị ')}{_ins('sơ kết ')}{_del('tổng kết ')}{_run('quý I năm 2025')}</w:p>",
        (f"<w:p {W_NS}><w:moveFrom w:id=\"4\" w:author=\"A\" w:date=\"2025-01-02T00:00:00Z\">"
         f"{_run('Câu bị chuyển đi. ')}</w:moveFrom>{_run('Câu ở lại.')}"
         f"<w:moveTo w:id=\"5\" w:author=\"A\" w:date=\"2025-01-02T00:00:00Z\">{_run(' Câu được chuyển đến.')}"
         "</w:moveTo></w:p>"),
        f"<w:p {W_NS}>{mark_deleted}{_run('Phần đầu của câu ')}</w:p>",
        f"<w:p {W_NS}>{_run('nối với phần sau.')}</w:p>",
        f"<w:p {W_NS}>{mark_deleted}{_del('Đoạn đã xoá hẳn.')}</w:p>",
        f"<w:p {W_NS}>{_run('Chữ thấy được')}<w:r><w:rPr><w:vanish/></w:rPr><w:t> chữ ẩn</w:t></w:r></w:p>",
        (f"<w:p {W_NS}>{_run('Đoạn có hộp văn bản')}<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\">"
         f"<v:textbox><w:txbxContent><w:p>{_run('Chữ trong hộp')}</w:p></w:txbxContent></v:textbox></v:shape>"
         "</w:pict></w:r></w:p>"),
    ]
    for fragment in paragraphs:
        _append_body(document, fragment)
    deleted_row = ('<w:tr><w:trPr><w:del w:id="6" w:author="A" w:date="2025-01-02T00:00:00Z"/></w:trPr>'
                   + _cell("Dòng đã xoá") + _cell("x") + "</w:tr>")
    table = (f"<w:tbl {W_NS}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             f"<w:tr>{_cell('Nhiệm vụ')}{_cell('Thời gian')}</w:tr>{deleted_row}"
             f"<w:tr>{_cell('Rà soát thủ tục')}<w:tc><w:p>{_ins('Quý II')}{_del('Quý I')}</w:p></w:tc></w:tr></w:tbl>")
    _append_body(document, table)
    document.save(HERE / "tracked.docx")


# ------------------------------------------------------------------ old Vietnamese encodings


def make_legacy() -> None:
    """A plan typed in .VnTime (TCVN3): Word shows it right only with that font; its text reads "KÕ ho¹ch"."""
    from reportkit.intake import legacy

    document = docx.Document()
    heading = document.add_paragraph().add_run(legacy.encode_tcvn3("kế hoạch"))  # shown as capitals
    heading.font.name = ".VnTimeH"
    for text in ("Kế hoạch công tác cải cách hành chính năm 2025", "Tổ chức hội nghị sơ kết quý I",
                 "Phòng Tổ chức – Hành chính"):
        run = document.add_paragraph().add_run(legacy.encode_tcvn3(text))
        run.font.name = ".VnTime"
    document.add_paragraph("Chữ Unicode giữ nguyên")
    document.add_paragraph().add_run("Nơi nhận").font.all_caps = True  # Word's "All caps" shows NƠI NHẬN
    document.save(HERE / "legacy.docx")


# ------------------------------------------------------------------ a plan: docx → pdf, doc, odt


PLAN_LINES = [
    "SỞ Y TẾ TỈNH AN GIANG", "BỆNH VIỆN ĐA KHOA KHU VỰC", "Số: 12/KH-BV", "KẾ HOẠCH",
    "Công tác cải cách hành chính năm 2025",
    ("Thực hiện Kế hoạch số 45/KH-SYT ngày 10/01/2025 của Sở Y tế về cải cách hành chính năm 2025, "
     "Bệnh viện xây dựng kế hoạch như sau:"),
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao chất lượng phục vụ người bệnh; đẩy mạnh ứng dụng công nghệ thông tin.",
    "II. NHIỆM VỤ CỤ THỂ",
    ("1. Rà soát, đơn giản hoá thủ tục hành chính trong khám bệnh, chữa bệnh. Thời gian: quý I/2025. "
     "Đơn vị chủ trì: Phòng Kế hoạch tổng hợp; phối hợp: Phòng Điều dưỡng."),
    ("2. Triển khai thanh toán không dùng tiền mặt. Thời gian: từ tháng 3 đến tháng 6 năm 2025. "
     "Đơn vị chủ trì: Phòng Tài chính kế toán."),
    "III. TỔ CHỨC THỰC HIỆN", "Các khoa, phòng báo cáo kết quả định kỳ hằng quý trước ngày 15 của tháng cuối quý.",
]


def make_plan() -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    for line in PLAN_LINES:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("STT", "Nhiệm vụ", "Thời gian"), ("1", "Khảo sát sự hài lòng", "tháng 6/2025"),
                             ("2", "Báo cáo sơ kết", "trước ngày 20/6/2025")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("GIÁM ĐỐC")
    document.save(HERE / "plan.docx")


def make_plan_pdf() -> None:
    from html import escape

    from weasyprint import HTML

    body = "".join(f"<p>{escape(line)}</p>" for line in PLAN_LINES)
    table = ("<table><tr><td>STT</td><td>Nhiệm vụ</td><td>Thời gian</td></tr><tr><td>1</td>"
             "<td>Khảo sát sự hài lòng</td><td>tháng 6/2025</td></tr></table>")
    html = f"<html><body style='font-family: DejaVu Serif; font-size: 13pt'>{body * 3}{table}<p>GIÁM ĐỐC</p></body></html>"
    HTML(string=html).write_pdf(HERE / "plan.pdf")


def make_old_doc() -> None:
    """An OLE compound file whose one stream is named WordDocument, as in every Word 97–2003 .doc.

    ``word97.doc`` beside it is a real Word 97 file, saved by LibreOffice Writer from plan.docx
    (``soffice --headless --convert-to doc plan.docx``), made once by hand and committed.
    """
    from xlwt.CompoundDoc import XlsDoc

    out = io.BytesIO()
    XlsDoc().save(out, "KẾ HOẠCH".encode("utf-16-le") * 200)
    old = "Workbook\x00".encode("utf-16-le")
    new = "WordDocument\x00".encode("utf-16-le")
    data = out.getvalue().replace(old + b"\x00" * (64 - len(old)) + len(old).to_bytes(2, "little"),
                                  new + b"\x00" * (64 - len(new)) + len(new).to_bytes(2, "little"), 1)
    assert new in data
    (HERE / "old.doc").write_bytes(data)


def make_odt() -> None:
    with zipfile.ZipFile(HERE / "plan.odt", "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:'
                    'opendocument:xmlns:office:1.0"><office:body><office:text/></office:body></office:document-content>')


def _soffice(source: Path, target_format: str, out_name: str) -> None:
    """Convert with LibreOffice in a private profile, then move the result to ``out_name``."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        target_format, "--outdir", tmp, str(source)], check=True, capture_output=True, timeout=180)
        produced = Path(tmp) / (source.stem + "." + target_format.split(":")[0])
        shutil.move(produced, HERE / out_name)


# ------------------------------------------------------------------ pdf: scanned, encrypted


def make_scanned_pdf() -> None:
    """Two pages of the plan's text as pictures only (as a scanner makes them): no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 15)
    pages = []
    for number in range(2):
        image = Image.new("L", (620, 877), 255)
        draw = ImageDraw.Draw(image)
        for y, line in enumerate(PLAN_LINES[number * 7:(number + 1) * 7]):
            draw.text((50, 70 + 40 * y), line[:64], fill=20, font=font)
        pages.append(image.rotate(0.6, fillcolor=255))
    pages[0].save(HERE / "scanned.pdf", save_all=True, append_images=pages[1:], resolution=72)


def make_mixed_pdf() -> None:
    """The plan's first page with text, then a scanned page: a PDF partly without a text layer."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(HERE / "plan.pdf").pages[0])
    writer.add_page(PdfReader(HERE / "scanned.pdf").pages[1])
    with open(HERE / "mixed.pdf", "wb") as fh:
        writer.write(fh)


def make_encrypted_pdfs() -> None:
    from pypdf import PdfReader, PdfWriter

    for name, user, owner in (("encrypted.pdf", "matkhau", "chu"), ("owner_only.pdf", "", "chu")):
        writer = PdfWriter(clone_from=PdfReader(HERE / "plan.pdf"))
        writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
        with open(HERE / name, "wb") as fh:
            writer.write(fh)


# ------------------------------------------------------------------ task tables


def make_task_table() -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh mục nhiệm vụ"
    rows = [
        ["PHỤ LỤC: DANH MỤC NHIỆM VỤ NĂM 2025", None, None, None, None],
        ["(Kèm theo Kế hoạch số 12/KH-THPT ngày 15/01/2025)", None, None, None, None],
        [None] * 5,
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
        ["I", "CÔNG TÁC CHUYÊN MÔN", None, None, None],
        [1, "Xây dựng kế hoạch dạy học", "Tổ Toán", "Tổ Văn", "Tháng 9/2025"],
        [2, "Kiểm tra nội bộ", "Ban Giám hiệu", None, "Hằng tháng"],
        ["II", "CÔNG TÁC ĐOÀN THỂ", None, None, None],
        [1, "Tổ chức Hội khoẻ Phù Đổng", "Đoàn Thanh niên", "Công đoàn", "Quý I, Quý III"],
        [2, "Tuyên truyền an toàn giao thông", "Đoàn Thanh niên", None, "Đầu năm học"],
    ]
    for row in rows:
        sheet.append(row)
    for column, width in zip("ABCDE", (6, 42, 18, 18, 22)):
        sheet.column_dimensions[column].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("A2:E2")
    sheet.merge_cells("B5:E5")
    sheet.merge_cells("B8:E8")
    sheet.merge_cells("C9:C10")
    workbook.create_sheet("Trống")
    notes = workbook.create_sheet("Ghi chú")
    notes["A1"] = "Các tổ báo cáo trước ngày 25 hằng tháng"
    path = HERE / "tasks.xlsx"
    workbook.save(path)
    return path


# ------------------------------------------------------------------ bad input


def _docx_bytes(document_xml: bytes) -> bytes:
    """A minimal docx whose word/document.xml is ``document_xml`` (stored deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        zf.writestr("word/document.xml", document_xml)
    return out.getvalue()


def make_bad_inputs() -> None:
    (HERE / "empty.docx").write_bytes(b"")
    png = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (8, 8), "white").save(png, "PNG")
    (HERE / "image.docx").write_bytes(png.getvalue())
    plan = (HERE / "plan.docx").read_bytes()
    (HERE / "damaged.docx").write_bytes(plan[: len(plan) // 2])
    body = b'<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body>' + b" " * (3 << 20) + b"</w:body></w:document>"
    (HERE / "bomb.docx").write_bytes(_docx_bytes(body))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
              b"<w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>")
    (HERE / "dtd.docx").write_bytes(_docx_bytes(laughs))
    with zipfile.ZipFile(HERE / "archive.zip", "w") as zf:
        zf.writestr("ke-hoach.txt", "KẾ HOẠCH")
    from msoffcrypto.format.ooxml import OOXMLFile

    for source, target in (("plan.docx", "encrypted.docx"), ("tasks.xlsx", "encrypted.xlsx")):
        with open(HERE / source, "rb") as src, open(HERE / target, "wb") as out:
            OOXMLFile(src).encrypt("matkhau", out)
    text = "KẾ HOẠCH\nCông tác cải cách hành chính năm 2025\n"
    (HERE / "utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (HERE / "utf16.txt").write_bytes(text.encode("utf-16"))
    (HERE / "cp1258.txt").write_bytes(text.encode("cp1258", errors="replace"))
    (HERE / "cp1252.txt").write_bytes("KẾ HOẠCH năm 2025 — Café\n".encode("cp1252", errors="replace"))


def main() -> None:
    make_body_order()
    make_numbering()
    make_tracked()
    make_legacy()
    make_plan()
    make_plan_pdf()
    make_old_doc()
    make_odt()
    make_scanned_pdf()
    make_mixed_pdf()
    make_encrypted_pdfs()
    tasks = make_task_table()
    _soffice(tasks, "xls", "tasks.xls")
    _soffice(tasks, "ods", "tasks.ods")
    _soffice(tasks, "pdf", "tasks.pdf")
    make_bad_inputs()


if __name__ == "__main__":
    main()
