"""A plan document as ordered blocks: the one interface between the readers and the plan importer.

``read_source(path)`` picks the reader by what the file is (its bytes, not only
its extension) and returns a ``SourceDocument``: paragraphs and tables in the
order a reader sees them, plus notes on what was read in a special way (tracked
changes accepted, PDF lines re-joined, text boxes left out). A file that cannot
be used as a plan document raises ``PlanSourceError`` (exit code 3) naming the
file and saying how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SourceKind = Literal["docx", "txt", "pdf", "xlsx", "xls", "ods"]
SOURCE_KINDS: tuple[str, ...] = ("docx", "txt", "pdf", "xlsx", "xls", "ods")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (docx), line (txt, pdf) of the document.

    ``text`` is NFC with whitespace collapsed; ``style`` the Word style name
    ("Heading 1", "List Paragraph", "" outside docx); ``numbering`` the label
    Word's automatic numbering shows ("1.", "a)", "II."), "" when the number is
    typed in the text; ``location`` where it is, in Vietnamese ("đoạn 12", "trang 3").
    """

    text: str
    style: str = ""
    numbering: str = ""
    location: str = ""


@dataclass(frozen=True)
class Table:
    """A table (docx) or a sheet (xlsx/xls/ods) as rows of cell texts.

    Every row has the same number of cells. A merged cell's value is repeated
    in each cell it covers; ``merged`` holds the (row, col) positions (0-based)
    of the covered cells other than the merge's top-left one. A docx table
    drops rows without text; a cell's paragraphs are its lines, each with its
    automatic numbering label first ("1. …"), and a nested table's cells
    follow as lines. A sheet keeps every row from its first, so ``rows[i]`` is
    the sheet's row ``i + 1``.
    """

    rows: tuple[tuple[str, ...], ...]
    location: str = ""
    merged: frozenset[tuple[int, int]] = field(default_factory=frozenset)


Block = Paragraph | Table


@dataclass(frozen=True)
class SourceNote:
    """Something the reader did that the user should know ("tracked changes: the accepted text was read").

    ``code`` is stable: ``source.tracked_changes``, ``source.text_boxes`` (docx),
    ``source.pdf_lines``, ``source.pdf_pages_without_text`` (pdf),
    ``source.legacy_converted``, ``source.legacy_unsafe`` (TCVN3/VNI text, any
    kind); ``message`` the text in the current language; ``location`` where it
    applies ("" for the whole document).
    """

    code: str
    message: str
    location: str = ""


@dataclass(frozen=True)
class SourceDocument:
    """A plan document read into ordered blocks (body order) with the reader's notes."""

    path: Path
    kind: SourceKind
    blocks: tuple[Block, ...]
    notes: tuple[SourceNote, ...] = ()

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs only, in order."""
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables only, in order."""
        return tuple(b for b in self.blocks if isinstance(b, Table))


def read_source(path: str | Path) -> SourceDocument:
    """Read a plan document (.docx, .txt, .pdf, .xlsx, .xls, .ods) into ordered blocks.

    Raises PlanSourceError (exit code 3) for a file that cannot be used: missing,
    empty, too large, an old binary .doc, encrypted, damaged, a zip bomb, a
    scanned PDF without text, or not a document at all.
    """
    from reportkit.plandoc.source_read import read_any

    return read_any(Path(path))
