"""Old Vietnamese encodings (TCVN3/ABC with .VnTime fonts, VNI) in a plan document: converted to Unicode, with notes.

Many signed plans were typed years ago in .VnTime or VNI-Times: Word shows
them right only with those fonts, and their text reads "KÕ ho¹ch". The
intake's converter (``intake.legacy.repair_text``) is applied to every
paragraph and cell once the document is suspect: it declares such a font, or
its text holds the tell-tale characters. A text is converted only when the
result is real Vietnamese (see ``repair_text``); a note says how many texts
were converted and where the first one is, and another lists the texts that
look legacy-encoded but could not be converted safely (kept as they are).
"""

from __future__ import annotations

from dataclasses import replace

from reportkit.intake import legacy
from reportkit.messages import t
from reportkit.plandoc.source import Paragraph, SourceDocument, SourceNote, Table


def _texts(document: SourceDocument) -> list[str]:
    texts = []
    for block in document.blocks:
        texts += [block.text] if isinstance(block, Paragraph) else [v for row in block.rows for v in row]
    return texts


class _Repairer:
    """Repairs texts one by one, remembering what was converted and what was unsafe, and where."""

    def __init__(self) -> None:
        self.converted: list[tuple[str, str]] = []  # (location, encoding)
        self.unsafe: list[str] = []

    def text(self, value: str, where: str) -> str:
        if not value or value.isascii():
            return value
        repair = legacy.repair_text(value, suspect=True)
        if repair.outcome == legacy.CONVERTED:
            self.converted.append((where, repair.encoding or ""))
            return repair.text
        if repair.outcome == legacy.UNSAFE:
            self.unsafe.append(where)
        return value

    def block(self, block):
        if isinstance(block, Paragraph):
            return replace(block, text=self.text(block.text, block.location))
        rows = tuple(tuple(self.text(v, block.location) for v in row) for row in block.rows)
        return replace(block, rows=rows) if isinstance(block, Table) else block

    def notes(self) -> list[SourceNote]:
        notes = []
        if self.converted:
            where, encoding = self.converted[0]
            name = legacy.ENCODING_NAMES.get(encoding, encoding)
            notes.append(SourceNote("source.legacy_converted", t("source.note.legacy_converted", n=len(self.converted),
                                                                  encoding=name), where))
        if self.unsafe:
            places = list(dict.fromkeys(self.unsafe))
            shown = ", ".join(places[:10]) + ("…" if len(places) > 10 else "")
            notes.append(SourceNote("source.legacy_unsafe", t("source.note.legacy_unsafe", n=len(self.unsafe),
                                                               places=shown), places[0]))
        return notes


def repair_legacy_text(document: SourceDocument, declared: bool = False,
                       converted: list[tuple[str, str]] | None = None) -> SourceDocument:
    """``document`` with TCVN3/VNI texts converted to Unicode and noted; unchanged when nothing is suspect.

    ``declared``: the file declares a legacy font (.VnTime, VNI-Times). ``converted``: (location,
    encoding) of the paragraphs and cells the reader already converted run by run (Word runs whose font
    is known), counted in the same note.
    """
    if not declared and not converted and not legacy.has_telltale("\n".join(_texts(document))):
        return document
    repairer = _Repairer()
    repairer.converted += converted or []
    blocks = tuple(repairer.block(block) for block in document.blocks)
    notes = repairer.notes()
    if not notes:
        return document
    return replace(document, blocks=blocks, notes=document.notes + tuple(notes))
