"""English texts of reading plan documents (plandoc/source*.py). Same keys and fields as ``vi_source.py``."""

SOURCE_MESSAGES: dict[str, str] = {
    # -- where a block is (Paragraph.location, Table.location, notes)
    "source.where.paragraph": "paragraph {n}",
    "source.where.line": "line {n}",
    "source.where.table": "table {n}",
    "source.where.page": "page {n}",
    "source.where.sheet": "sheet {sheet}",
    # -- refusals: the file as a whole
    "source.not_found": "plan document not found",
    "source.not_found.fix": "check the path and file name",
    "source.unreadable": "cannot open the file: {detail}",
    "source.unreadable.fix": "check the file's read permission, or copy it to another folder and retry",
    "source.empty": "the file is empty (0 bytes)",
    "source.empty.fix": "copy the plan again from where it came from (e-mail, document system) and retry",
    "source.too_large": "the file is too large: {size} MB (limit {limit} MB)",
    "source.too_large.fix": "a plan document is a few hundred KB: remove pictures and attached scans, or save only the text",
    "source.not_document": "the file is not a readable plan document ({kind})",
    "source.not_document.fix": "choose a .docx, .txt, .pdf (with a text layer), .xlsx, .xls or .ods file",
    "source.kind.image": "a {format} image",
    "source.kind.zip": "a .zip archive",
    "source.kind.binary": "unknown format",
    "source.kind.html": "an HTML/XML page",
    "source.kind.rtf": "an RTF document",
    "source.kind.odt": "an OpenDocument .odt text",
    "source.kind.ppt": "a PowerPoint presentation",
    "source.kind.xlsb": "a binary Excel .xlsb workbook",
    "source.kind.text": "plain text named {ext}",
    "source.convert.fix": "convert it to .docx with LibreOffice: soffice --headless --convert-to docx \"{file}\" (or open it in Word, Save As… Word Document .docx), then import the .docx",
    "source.doc_binary": "an old binary Word 97–2003 file (.doc) cannot be read directly",
    "source.encrypted": "the file is password-protected (encrypted); its content cannot be read",
    "source.encrypted.fix": "open it in Word/Excel, remove the password (File → Info → Protect → Encrypt with Password, clear it), save, and import again",
    "source.damaged": "the file is damaged and cannot be read: {detail}",
    "source.damaged.fix": "open it in Word/LibreOffice to repair it and save again, or ask for the original",
    "source.zip_bomb": ("the file unpacks to too much: {size} MB, {ratio} times the packed file (limits {limit} MB, "
                        "{limit_ratio} times) — possibly a malicious file (zip bomb)"),
    "source.zip_bomb.fix": "do not open this file; ask for the original plan document",
    "source.part_too_large": "part {part} of the file unpacks to {size} MB (limit {limit} MB): no plan document is that large",
    "source.part_too_large.fix": "save a new file holding only the plan (without large appendices, data tables or embedded objects) and import it",
    "source.xml_dtd": "part {part} of the file declares an XML DTD/entities (<!DOCTYPE, <!ENTITY), which real Word/Excel files never do",
    "source.xml_dtd.fix": "do not open this file; open the original in Word/LibreOffice and save it as a new file",
    "source.no_text": "the file holds no text to read",
    "source.no_text.fix": "check that this is the plan document (not an empty draft or a picture)",
    # -- txt
    "source.txt_encoding": ("the text file is not UTF-8 (unexpected byte at offset {offset}: perhaps Windows "
                            "cp1258/cp1252 or TCVN3)"),
    "source.txt_encoding.fix": ("open it in Notepad or LibreOffice Writer, Save As… with UTF-8 encoding, and import "
                                "again; or import the original Word file"),
    # -- pdf
    "source.pdf_scanned": "the PDF has no text layer (a scan): {pages} page(s) hold only images",
    "source.pdf_scanned.fix": ("use the original Word file, or run text recognition (OCR) on the PDF first, e.g. "
                               "ocrmypdf -l vie \"{file}\" ocr.pdf"),
    "source.pdf_encrypted": "the PDF is password-protected; its content cannot be read",
    "source.pdf_encrypted.fix": "open it with its password and print/save it as a new PDF without one, or use the original Word file",
    "source.pdf_bomb": "the PDF packs more than {limit} MB of content into {size} MB — possibly a malicious file (decompression bomb)",
    "source.pdf_bomb.fix": "do not open this file; use the original Word file or ask for the original plan document",
    # -- workbooks (the intake finding says what is wrong)
    "source.workbook": "cannot read the workbook: {detail}",
    # -- notes: what the reader did
    "source.note.tracked_changes": ("the document has {n} unreviewed tracked change(s): the text with every change "
                                    "accepted was read (insertions kept, deletions dropped)"),
    "source.note.text_boxes": "{n} text box(es) with text left out: text inside text boxes is not read",
    "source.note.pdf_lines": ("PDF: each printed line is read as one paragraph; lines broken inside a sentence are "
                              "re-joined when the plan is built"),
    "source.note.pdf_pages_without_text": "PDF: page(s) {pages} have no text layer (scanned?) and were not read",
    "source.note.legacy_converted": "{n} paragraph(s)/cell(s) converted from the old {encoding} encoding to Unicode (text typed in .VnTime/VNI fonts); check the draft",
    "source.note.legacy_unsafe": ("{n} paragraph(s)/cell(s) look typed in an old encoding (TCVN3/VNI) but could not be converted "
                                 "safely and are kept as they are: {places}; convert the document to Unicode (e.g. with Unikey) and import again"),
}
