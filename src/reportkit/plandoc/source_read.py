"""``read_any``: sniff a plan document's bytes, then hand it to the reader of its kind."""

from __future__ import annotations

from pathlib import Path

from reportkit.plandoc.guard import sniff_source
from reportkit.plandoc.source import SourceDocument


def read_any(path: Path) -> SourceDocument:
    """Read ``path`` with the reader of what its bytes are (see ``source.read_source``)."""
    sniffed = sniff_source(path)
    if sniffed.kind == "txt":
        from reportkit.plandoc.source_txt import read_txt

        return read_txt(sniffed.data, path)
    if sniffed.kind == "docx":
        from reportkit.plandoc.source_docx import read_docx

        return read_docx(sniffed.data, path)
    if sniffed.kind == "pdf":
        from reportkit.plandoc.source_pdf import read_pdf

        return read_pdf(sniffed.data, path)
    from reportkit.plandoc.source_sheet import read_workbook

    return read_workbook(sniffed.data, path, sniffed.kind)
