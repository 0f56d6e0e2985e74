"""The Word reference document: where it is, checking it, and the few OOXML touches python-docx has no API for.

Every Word document reportkit writes takes its look from a reference document
(like pandoc's): ``templates/reportkit/reference.docx`` shipped with reportkit
(built by ``scripts/make_reference_docx.py``), or an organisation's own copy
named by the plan key ``word_reference``. The run opens it with python-docx
(which reads XML and never runs a macro) and replaces its body. A file is
checked before it is opened: size, a real zip holding ``word/document.xml``,
the zip-bomb limits of the plan documents (``plandoc.guard``), and no XML part
declaring a DTD or entities.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reportkit.errors import ExportError, PlanSourceError
from reportkit.messages import t
from reportkit.plandoc.guard import check_zip_limits, read_zip_part
from reportkit.report.notebook_style import TEMPLATES_DIR

REFERENCE_DOCX = TEMPLATES_DIR / "reportkit" / "reference.docx"
MAX_REFERENCE_BYTES = 10 * 1024 * 1024  # a styles-only document is tens of KiB; logos may add some


def reference_path(plan=None) -> Path:
    """The reference document of ``plan``: its ``word_reference`` (relative to the plan file) or reportkit's own."""
    name = getattr(plan, "word_reference", "") if plan is not None else ""
    if not name:
        return REFERENCE_DOCX
    path = Path(name).expanduser()
    return path if path.is_absolute() else Path(plan.path).resolve().parent / path


def read_reference(path: str | Path) -> bytes:
    """The bytes of a reference document, checked (size, zip, zip-bomb limits, no DTD). Raises ExportError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_REFERENCE_BYTES:
            raise ExportError(t("docx.reference_too_large", size=size // 2**20, limit=MAX_REFERENCE_BYTES // 2**20),
                              path=path, hint=t("docx.reference.fix"))
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(t("docx.reference_unreadable", detail=exc), path=path, hint=t("docx.reference.fix")) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            check_zip_limits(infos, len(data), path)  # the plan documents' zip-bomb limits
            if "word/document.xml" not in {i.filename for i in infos}:
                raise ExportError(t("docx.reference_not_docx", detail="word/document.xml"), path=path,
                                  hint=t("docx.reference.fix"))
            for info in infos:  # every XML part: within its declared size, no DTD or entity (billion laughs)
                if info.filename.endswith((".xml", ".rels")):
                    read_zip_part(zf, info.filename, path)
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ExportError(t("docx.reference_not_docx", detail=exc), path=path, hint=t("docx.reference.fix")) from None
    except PlanSourceError as exc:
        raise ExportError(exc.message, path=path, hint=t("docx.reference.fix")) from None
    return data


def open_reference(data: bytes, path: str | Path = REFERENCE_DOCX):
    """A python-docx Document from a checked reference, with its body emptied (section settings kept)."""
    from docx import Document
    from docx.oxml.ns import qn

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any parse problem of a user's file
        raise ExportError(t("docx.reference_not_docx", detail=f"{type(exc).__name__}: {exc}"), path=path,
                          hint=t("docx.reference.fix")) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def repeat_header_row(row) -> None:
    """Mark a table row as a header row repeated on every page (python-docx has no API for it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))


def keep_row_together(row) -> None:
    """A row is not split across two pages (its text is never hidden: rows keep an automatic height)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.append(OxmlElement("w:cantSplit"))


def style_or_none(document, name: str):
    """The paragraph style ``name`` of the document, or None when an organisation's reference lacks it."""
    try:
        return document.styles[name]
    except KeyError:
        return None
