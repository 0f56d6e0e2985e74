"""Test helper: a minimal .txt reader giving the blocks of plandoc.source (until the "sources" readers are merged).

It mirrors the agreed interface (Paragraph(text, style, numbering, location),
SourceDocument(path, kind, blocks, notes)) so the importer can be tested on
the seed text without the real readers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""
    numbering: str = ""
    location: str = ""


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    merged: frozenset = frozenset()
    location: str = ""


@dataclass(frozen=True)
class SourceDocument:
    path: Path
    kind: str
    blocks: tuple
    notes: tuple = ()


def read_txt(path: Path | str) -> SourceDocument:
    """Each non-empty line of a UTF-8 text file as a Paragraph (NFC, whitespace collapsed)."""
    path = Path(path)
    blocks = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", line)).strip()
        if text:
            blocks.append(Paragraph(text, location=f"dòng {number}"))
    return SourceDocument(path, "txt", tuple(blocks))
