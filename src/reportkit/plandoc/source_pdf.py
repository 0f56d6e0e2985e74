"""PDF plan documents with a text layer, read with pypdf: each printed line a Paragraph located by its page.

A password that opens the file for reading is needed only when the PDF has a
user password (a PDF with only an owner password, "protected against
editing", is read). Pages without any text are listed in a note; a PDF where
no page has text is a scan and is refused with the fix (the Word original, or
OCR). A line that is only the page's own number (a printed page number at the
top or bottom of the page) is left out.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from reportkit.messages import t
from reportkit.plandoc.guard import refuse
from reportkit.plandoc.source import Paragraph, SourceDocument, SourceNote
from reportkit.text import clean_text


def _open(data: bytes, path: Path):
    """A decrypted pypdf reader; an unreadable or password-protected PDF → PlanSourceError."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf logs warnings on every odd PDF; errors are ours
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise refuse("source.pdf_encrypted", path)
        len(reader.pages)
    except PdfReadError as exc:
        if "decrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise refuse("source.pdf_encrypted", path) from None
        raise refuse("source.damaged", path, detail=f"PDF: {exc}"[:300]) from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for a damaged file
        if exc.__class__.__name__ == "PlanSourceError":
            raise
        raise refuse("source.damaged", path, detail=f"PDF: {type(exc).__name__}: {exc}"[:300]) from None
    return reader


def _page_lines(page, number: int) -> list[str]:
    """The page's non-empty lines, its printed page number left out."""
    lines = [clean_text(line) for line in (page.extract_text() or "").splitlines()]
    lines = [line for line in lines if line]
    while lines and lines[-1] == str(number):
        lines.pop()
    if lines and lines[0] == str(number):
        lines.pop(0)
    return lines


def read_pdf(data: bytes, path: Path) -> SourceDocument:
    """Each printed line of a PDF with a text layer a Paragraph ("trang số 3"); a scan → PlanSourceError."""
    reader = _open(data, path)
    blocks, empty_pages = [], []
    try:
        for number, page in enumerate(reader.pages, start=1):
            lines = _page_lines(page, number)
            if not lines:
                empty_pages.append(number)
            where = t("source.where.page", n=number)
            blocks += [Paragraph(line, location=where) for line in lines]
    except Exception as exc:  # noqa: BLE001 - a damaged content stream
        raise refuse("source.damaged", path, detail=f"PDF: {type(exc).__name__}: {exc}"[:300]) from None
    if not blocks:
        raise refuse("source.pdf_scanned", path, pages=len(reader.pages))
    notes = [SourceNote("source.pdf_lines", t("source.note.pdf_lines"))]
    if empty_pages:
        pages = ", ".join(map(str, empty_pages))
        notes.append(SourceNote("source.pdf_pages_without_text", t("source.note.pdf_pages_without_text", pages=pages)))
    return SourceDocument(path=path, kind="pdf", blocks=tuple(blocks), notes=tuple(notes))
