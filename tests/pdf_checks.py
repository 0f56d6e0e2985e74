"""The Nghị định 30 checks of a printed report, shared by reportkit's own PDF and the PDF LibreOffice makes of report.docx.

Each takes an open ``pdfplumber`` document (or a PDF path) and asserts: A4
portrait pages, page numbers centred at the top from page 2 and none on page
1, text and shapes inside the margins (left 30, right 15, top and bottom 20
mm), every font embedded, the text NFC.
"""

from __future__ import annotations

import subprocess
import unicodedata

MM = 72 / 25.4


def assert_a4_portrait(pdf, min_pages: int = 3) -> None:
    assert len(pdf.pages) >= min_pages
    for page in pdf.pages:
        assert (round(page.width, 1), round(page.height, 1)) == (595.3, 841.9), page.page_number


def assert_page_numbers_from_page_2(pdf) -> None:
    """No number on page 1; page n shows "n", alone in the top margin, centred between the side margins."""
    for number, page in enumerate(pdf.pages, 1):
        top = [w for w in page.extract_words() if w["bottom"] <= 20 * MM + 1]
        if number == 1:
            assert top == []
            continue
        assert [w["text"] for w in top] == [str(number)]
        centre = (top[0]["x0"] + top[0]["x1"]) / 2
        assert abs(centre - (30 * MM + (page.width - 45 * MM) / 2)) < 3


def assert_inside_margins(pdf, shapes: bool = True) -> None:
    """Text (and table rules, charts) within left 30 mm, right 15 mm, bottom 20 mm of the page edges."""
    for page in pdf.pages:
        for image in page.images:  # a chart as a picture (the Word report)
            assert image["x0"] >= 30 * MM - 2 and image["x1"] <= page.width - 15 * MM + 2, page.page_number
        body = [c for c in page.chars if c["top"] > 20 * MM - 1]
        assert body or page.images, page.page_number
        if not body:
            continue
        assert min(c["x0"] for c in body) >= 30 * MM - 1.5, page.page_number
        assert max(c["x1"] for c in body) <= page.width - 15 * MM + 1.5, page.page_number
        assert max(c["bottom"] for c in body) <= page.height - 20 * MM + 1.5, page.page_number
        if shapes:
            for shape in page.rects + page.lines + page.curves:
                assert shape["x0"] >= 30 * MM - 2 and shape["x1"] <= page.width - 15 * MM + 2, page.page_number


def assert_fonts_embedded(path) -> None:
    """``pdffonts``: every font of the PDF is embedded (it prints the same on any machine)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        emb = row[-5]  # columns: name type [encoding…] emb sub uni object ID
        assert emb == "yes", row


def pdf_text(path, layout: bool = False) -> str:
    """``pdftotext`` of the PDF, checked to be NFC."""
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    raw = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    assert unicodedata.is_normalized("NFC", raw)
    return raw
