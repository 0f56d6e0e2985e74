"""Plain-text plan documents: UTF-8 (with or without BOM) or UTF-16 with a BOM; one Paragraph per non-empty line."""

from __future__ import annotations

import codecs
from pathlib import Path

from reportkit.messages import t
from reportkit.plandoc.guard import refuse
from reportkit.plandoc.legacy_text import repair_legacy_text
from reportkit.plandoc.source import Paragraph, SourceDocument
from reportkit.text import clean_text


def decode_text(data: bytes, path: Path) -> str:
    """The text of a .txt file; a file in another encoding (cp1258, cp1252, TCVN3) → PlanSourceError."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise refuse("source.txt_encoding", path, offset=exc.start) from None


def read_txt(data: bytes, path: Path) -> SourceDocument:
    """Each non-empty line a Paragraph (NFC, spaces collapsed), located by its line number."""
    text = decode_text(data, path)
    blocks = []
    for number, line in enumerate(text.splitlines(), start=1):
        cleaned = clean_text(line)
        if cleaned:
            blocks.append(Paragraph(cleaned, location=t("source.where.line", n=number)))
    if not blocks:
        raise refuse("source.no_text", path)
    return repair_legacy_text(SourceDocument(path=path, kind="txt", blocks=tuple(blocks)))
