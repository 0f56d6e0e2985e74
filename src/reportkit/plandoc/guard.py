"""Checks made on a plan document's bytes before any parser sees them: size, kind, zip limits, XML DTDs.

``sniff_source(path)`` reads the file once and says what it really is
(``docx``, ``txt``, ``pdf``, ``xlsx``, ``xls``, ``ods``) from its bytes, not its
name; everything else (an old binary .doc, an encrypted Office file, a damaged
or bomb zip, an image, an empty or too large file) raises PlanSourceError with
the path and a fix. ``read_zip_part`` decompresses one zip member with a cap
and refuses XML that declares a DTD or entities.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportkit.errors import PlanSourceError
from reportkit.fmt import format_number
from reportkit.messages import t

MAX_SOURCE_BYTES = 50 * 1024 * 1024  # 50 MiB on disk (a plan document is a few hundred KB)
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # every member of a zip together
MAX_XML_RATIO = 100  # uncompressed / compressed size of one XML part …
MIN_RATIO_CHECKED = 1024 * 1024  # … once it unpacks to more than 1 MiB (small parts are harmless)
MAX_ZIP_ENTRIES = 10_000
MAX_PART_BYTES = 32 * 1024 * 1024  # one XML part that is parsed whole (a 500-page document.xml is ~15 MB)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = (".txt", ".text")
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))
_IMAGES = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"II*\x00", "TIFF"),
           (b"MM\x00*", "TIFF"), (b"BM", "BMP"))


@dataclass(frozen=True)
class Sniffed:
    """What a file is: its kind and its bytes (read once)."""

    kind: str
    data: bytes


def refuse(key: str, path: Path, fix_key: str | None = None, **fields) -> PlanSourceError:
    """A PlanSourceError with message ``key`` and fix ``fix_key`` (default ``key.fix``), naming ``path``."""
    fix = t(fix_key or key + ".fix", file=str(path), **fields)
    return PlanSourceError(t(key, **fields), path=path, hint=fix)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; missing, unreadable, empty or too large → PlanSourceError."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(str(path))
        if size > MAX_SOURCE_BYTES:
            raise refuse("source.too_large", path, size=format_number(size / 2**20, 1),
                         limit=MAX_SOURCE_BYTES // 2**20)
        data = path.read_bytes()
    except FileNotFoundError:
        raise refuse("source.not_found", path) from None
    except OSError as exc:
        raise refuse("source.unreadable", path, detail=exc.strerror or type(exc).__name__) from None
    if not data:
        raise refuse("source.empty", path)
    return data


def sniff_source(path: Path) -> Sniffed:
    """Read ``path`` and tell its kind from its bytes; refuse what cannot be a plan document."""
    data = read_bytes(path)
    if data[:4] == b"PK\x03\x04":
        return Sniffed(_zip_kind(data, path), data)
    if data[:8] == OLE_MAGIC:
        return Sniffed(_ole_kind(data, path), data)
    if data[:5] == b"%PDF-" or (b"%PDF-" in data[:1024] and path.suffix.lower() == ".pdf"):
        return Sniffed("pdf", data)
    if data[:5] == b"{\\rtf":
        raise refuse("source.not_document", path, "source.convert.fix", kind=t("source.kind.rtf"))
    for magic, name in _IMAGES:
        if data.startswith(magic):
            raise refuse("source.not_document", path, kind=t("source.kind.image", format=name))
    suffix = path.suffix.lower()
    head = data[:512].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"mime-version")):
        raise refuse("source.not_document", path, "source.convert.fix", kind=t("source.kind.html"))
    binary = b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if (suffix in TEXT_SUFFIXES or suffix == "") and not binary:
        return Sniffed("txt", data)
    kind = t("source.kind.binary") if binary else t("source.kind.text", ext=suffix)
    raise refuse("source.not_document", path, kind=kind)


def _zip_kind(data: bytes, path: Path) -> str:
    """docx, xlsx or ods, after the zip-bomb limits; anything else in a zip is refused."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise refuse("source.damaged", path, detail=f"zip: {exc}"[:300]) from None
    check_zip_limits(infos, len(data), path)
    names = {i.filename for i in infos}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise refuse("source.not_document", path, kind=t("source.kind.xlsb"))
    mimetype = _mimetype(zf, path) if "mimetype" in names else b""
    if b"spreadsheet" in mimetype and "content.xml" in names:
        return "ods"
    if b"opendocument.text" in mimetype:
        raise refuse("source.not_document", path, "source.convert.fix", kind=t("source.kind.odt"))
    if "[Content_Types].xml" in names:
        raise refuse("source.damaged", path, detail="word/document.xml")
    raise refuse("source.not_document", path, kind=t("source.kind.zip"))


def _mimetype(zf: zipfile.ZipFile, path: Path) -> bytes:
    """The ODF ``mimetype`` member (a few bytes)."""
    try:
        with zf.open("mimetype") as fh:
            return fh.read(200)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise refuse("source.damaged", path, detail=f"mimetype: {exc}"[:300]) from None


def check_zip_limits(infos: list[zipfile.ZipInfo], packed: int, path: Path) -> None:
    """Refuse a zip whose declared sizes are a bomb: too many members, too much in total, an XML part too packed."""
    total = sum(i.file_size for i in infos)
    worst = max((i.file_size / max(i.compress_size, 1) for i in infos
                 if i.file_size > MIN_RATIO_CHECKED), default=0.0)
    if len(infos) > MAX_ZIP_ENTRIES or total > MAX_UNCOMPRESSED_BYTES or worst > MAX_XML_RATIO:
        raise refuse("source.zip_bomb", path, size=format_number(total / 2**20, 1),
                     ratio=format_number(max(worst, total / packed), 0), limit=MAX_UNCOMPRESSED_BYTES // 2**20,
                     limit_ratio=MAX_XML_RATIO)


def read_zip_part(zf: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """One member's bytes, never more than its declared size, refused if over MAX_PART_BYTES or if its XML
    declares a DTD or entities (a member that inflates past its declared size fails its CRC: damaged)."""
    try:
        info = zf.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            raise refuse("source.part_too_large", path, part=name, size=format_number(info.file_size / 2**20, 1),
                         limit=MAX_PART_BYTES // 2**20)
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, KeyError) as exc:
        raise refuse("source.damaged", path, detail=f"{name}: {exc}"[:300]) from None
    if len(data) > info.file_size:
        raise refuse("source.damaged", path, detail=f"{name}: larger than declared")
    if name.endswith((".xml", ".rels")):
        refuse_dtd(data, name, path)
    return data


def refuse_dtd(data: bytes, part: str, path: Path) -> None:
    """Refuse XML carrying ``<!DOCTYPE`` or ``<!ENTITY`` (billion laughs, external entities)."""
    if any(marker in data for marker in _DTD_MARKERS):
        raise refuse("source.xml_dtd", path, part=part)


def _ole_kind(data: bytes, path: Path) -> str:
    """An OLE container: a legacy .xls is read; an encrypted Office file or a binary .doc is refused."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
        streams = {"/".join(entry).lower() for entry in ole.listdir()}
    except Exception as exc:  # noqa: BLE001 - olefile raises many kinds for a damaged container
        raise refuse("source.damaged", path, detail=f"OLE: {type(exc).__name__}: {exc}"[:300]) from None
    if "encryptedpackage" in streams or "encryptioninfo" in streams:
        raise refuse("source.encrypted", path)
    if "worddocument" in streams:
        raise refuse("source.doc_binary", path, "source.convert.fix")
    if "workbook" in streams or "book" in streams:
        return "xls"
    if "powerpoint document" in streams:
        raise refuse("source.not_document", path, kind=t("source.kind.ppt"))
    raise refuse("source.not_document", path, kind=t("source.kind.binary"))
