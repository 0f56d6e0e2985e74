"""Word (.docx) plan documents, read with python-docx after the zip guard.

The zip has passed ``guard.sniff_source`` (member count, total size and XML
compression ratios); here every XML part is first decompressed with a cap and
refused if it declares a DTD or entities, then python-docx (whose lxml parser
does not resolve entities) opens the package. ``docx_body.BodyReader`` turns
the body into blocks; the notes say when tracked changes were accepted and
when text boxes with text were left out.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from reportkit.messages import t
from reportkit.plandoc.docx_body import MC, BodyReader
from reportkit.plandoc.guard import read_zip_part, refuse
from reportkit.plandoc.legacy_text import repair_legacy_text
from reportkit.plandoc.numbering import NS, Numbering
from reportkit.plandoc.source import SourceDocument, SourceNote

_XML_SUFFIXES = (".xml", ".rels")
_WORD_MAIN_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)
_LEGACY_FONTS = (b'=".Vn', b'="VNI-', b'="VNI ')
_NS_ALL = {**NS, "mc": MC}
_CHANGES = etree.XPath("count(.//w:ins | .//w:del | .//w:moveFrom | .//w:moveTo)", namespaces=_NS_ALL)
_TEXT_BOXES = etree.XPath(".//w:txbxContent[not(ancestor::mc:Fallback)]", namespaces=_NS_ALL)


def _check_parts(data: bytes, path: Path) -> bool:
    """Decompress every XML part with a cap; refuse DTDs/entities and damaged members before python-docx.

    Returns whether the document declares an old Vietnamese font (.VnTime, VNI-Times).
    """
    declared = False
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if info.filename.lower().endswith(_XML_SUFFIXES):
                part = read_zip_part(zf, info.filename, path)
                declared = declared or any(font in part for font in _LEGACY_FONTS)
    return declared


def _open(data: bytes, path: Path):
    """The python-docx Document; anything python-docx cannot open is a damaged file.

    Macro-enabled documents (.docm) and templates (.dotx, .dotm) are read as documents: their main
    part differs from a .docx only by its content type, which ``docx.Document()`` refuses.
    """
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _WORD_MAIN_TYPES:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        if not isinstance(part, DocumentPart):
            raise TypeError(part.content_type)
        return part.document
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds for a damaged package
        raise refuse("source.damaged", path, detail=f"{type(exc).__name__}: {exc}"[:300]) from None


def _style_names(document) -> tuple[dict[str, str], str]:
    """style id → UI name ("Heading1" → "Heading 1"), and the default paragraph style's name."""
    from docx.enum.style import WD_STYLE_TYPE

    names = {style.style_id: style.name or "" for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    return names, (default.name or "") if default is not None else ""


def _numbering_xml(document):
    """The numbering part's root element, or None when the document has no lists."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        return document.part.part_related_by(RT.NUMBERING).element
    except (KeyError, AttributeError):
        return None


def _notes(body) -> list[SourceNote]:
    """Tracked changes accepted; text boxes with text left out."""
    notes = []
    changes = int(_CHANGES(body))
    if changes:
        notes.append(SourceNote("source.tracked_changes", t("source.note.tracked_changes", n=changes)))
    boxes = [box for box in _TEXT_BOXES(body)
             if "".join(box.itertext()).strip()]
    if boxes:
        notes.append(SourceNote("source.text_boxes", t("source.note.text_boxes", n=len(boxes))))
    return notes


def read_docx(data: bytes, path: Path) -> SourceDocument:
    """Paragraphs and tables of a .docx in body order, with numbering labels and tracked changes accepted."""
    legacy_fonts = _check_parts(data, path)
    document = _open(data, path)
    styles, default_style = _style_names(document)
    numbering = Numbering(_numbering_xml(document), document.styles.element)
    body = document.element.body
    reader = BodyReader(numbering, styles, default_style)
    try:
        blocks = reader.read(body)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, RecursionError) as exc:
        raise refuse("source.damaged", path, detail=f"{type(exc).__name__}: {exc}"[:300]) from None
    if not blocks:
        raise refuse("source.no_text", path)
    document = SourceDocument(path=path, kind="docx", blocks=tuple(blocks), notes=tuple(_notes(body)))
    return repair_legacy_text(document, declared=legacy_fonts, converted=reader.legacy)
