"""A PDF decompression bomb, refused before PDFium inflates it.

PDFium decodes a page's content streams whole: 400 MB of blanks packed into a
400 KB stream cost 850 MB of memory. Before the PDF is opened, every
Flate-compressed stream that is not an image (PDFium does not decode images to
extract text) is inflated here in chunks, counting its bytes without keeping
them, and the PDF is refused once they add up to more than
``MAX_PDF_INFLATED_BYTES``. A normal plan's streams inflate to a few MB.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from reportkit.fmt import format_number
from reportkit.plandoc.guard import refuse

MAX_PDF_INFLATED_BYTES = 200 * 1024 * 1024
_CHUNK = 1 << 20
_STREAM_RE = re.compile(rb"stream\r?\n")
_IMAGE_RE = re.compile(rb"/Subtype\s*/Image")


def _dictionary_before(data: bytes, start: int) -> bytes:
    """The object dictionary in front of a stream keyword (from the last ``obj`` before it)."""
    begin = data.rfind(b"obj", max(0, start - 4096), start)
    return data[begin if begin >= 0 else max(0, start - 4096):start]


def _inflated_size(data: bytes, start: int, budget: int) -> int:
    """Bytes a Flate stream starting at ``start`` inflates to, counting at most ``budget + 1``."""
    end = data.find(b"endstream", start)
    packed = memoryview(data)[start:end if end >= 0 else len(data)]
    inflater = zlib.decompressobj()
    total, offset = 0, 0
    try:
        while offset < len(packed) and total <= budget and not inflater.eof:
            total += len(inflater.decompress(packed[offset:offset + _CHUNK], _CHUNK))
            offset += _CHUNK
            while inflater.unconsumed_tail and total <= budget:
                total += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
    except zlib.error:
        pass  # a damaged stream: PDFium says what it makes of it
    return total


def check_pdf_streams(data: bytes, path: Path) -> None:
    """Refuse a PDF whose non-image Flate streams inflate to more than MAX_PDF_INFLATED_BYTES together."""
    if b"FlateDecode" not in data and b"/Fl" not in data:
        return
    total = 0
    for match in _STREAM_RE.finditer(data):
        head = _dictionary_before(data, match.start())
        if b"/Fl" not in head or _IMAGE_RE.search(head):
            continue
        total += _inflated_size(data, match.end(), MAX_PDF_INFLATED_BYTES - total)
        if total > MAX_PDF_INFLATED_BYTES:
            raise refuse("source.pdf_bomb", path, limit=format_number(MAX_PDF_INFLATED_BYTES / 2**20, 0),
                         size=format_number(len(data) / 2**20, 1))
