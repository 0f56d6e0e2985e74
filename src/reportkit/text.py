"""Text normalisation shared by every reader: NFC output and a folded key for matching.

Everything reportkit shows is NFC. Matching (headers, unit names, status words)
uses ``fold_key``: case, spacing, dash kind, tone placement (hòa/hoà) and
NFC/NFD all compare equal. Task codes are never folded this way: in codes "đ"
and "d" are different items (II.1.d and II.1.đ); see ``normalize_code``.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−﹘﹣－"), "-")
_SPACE_RE = re.compile(r"\s+")
# Zero-width and bidi control characters that sneak in from copy-paste (the isolates U+2066–2069 and the
# Arabic letter mark too: they reorder how text is shown), and control characters that are not spacing
# (a workbook can carry them as _x0007_ escapes; XML, HTML and PDF have no use for them).
INVISIBLE_CHARS = ("\x00-\x08\x0e-\x1b\x7f\x80-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                   "\u2060-\u2064\u2066-\u2069\ufeff")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]")


def to_nfc(text: str) -> str:
    """Return ``text`` in NFC with invisible control characters removed."""
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))


def clean_text(value: object) -> str:
    """A cell value as clean display text: NFC, trimmed, inner runs of spaces kept single."""
    if value is None:
        return ""
    text = to_nfc(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def fold_key(text: object) -> str:
    """A matching key: lower case, no diacritics, đ→d, one kind of dash, single spaces.

    Folding all diacritics makes tone placement (hòa/hoà) and NFC/NFD irrelevant.
    Use only for matching words people type, never for task codes.
    """
    if text is None:
        return ""
    s = unicodedata.normalize("NFD", to_nfc(str(text)).lower())
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    s = s.replace("đ", "d").translate(_DASHES)
    s = re.sub(r"\s*-\s*", " - ", s)
    return _SPACE_RE.sub(" ", s).strip()


_CODE_SPACE_RE = re.compile(r"\s+")
_CODE_SEP_RE = re.compile(r"[.\s,;:/_-]+")


def normalize_code(text: object) -> str:
    """Canonical task code: ``iii 1`` → ``III.1``, ``II.1.Đ`` → ``II.1.đ``.

    Roman numerals upper case, letters lower case, separators become dots.
    Keeps đ distinct from d.
    """
    if text is None:
        return ""
    s = to_nfc(str(text)).strip().rstrip(").")
    parts = [p for p in _CODE_SEP_RE.split(s) if p]
    out: list[str] = []
    for i, part in enumerate(parts):
        if i == 0:
            out.append(part.upper())
        elif part.isdigit():
            out.append(str(int(part)))
        else:
            out.append(part.lower())
    return ".".join(out)
