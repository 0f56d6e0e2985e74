"""Old Vietnamese font encodings (TCVN3/ABC and VNI) detected and converted to Unicode.

Before Unicode, Vietnamese offices typed with 8-bit fonts: TCVN3 (fonts
``.VnTime``, ``.VnArial``; ``.VnTimeH`` shows everything upper case) and VNI
(fonts ``VNI-Times``, ``VNI-Helve``). A workbook made from such a template stores
Latin-1 characters that only look right in those fonts: "Hà Nội" is stored as
"Hµ Néi" (TCVN3) or "Haø Noäi" (VNI). This module tells such text apart from
real Unicode and converts it.

Conversion is only accepted when it is safe: the converted words must be
Vietnamese syllables (checked by ``is_vietnamese_syllable``). Text that looks
legacy-encoded but does not convert cleanly is reported as ``UNSAFE`` so that
the caller can raise an error instead of letting mojibake through.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TCVN3 = "tcvn3"
VNI = "vni"
ENCODING_NAMES = {TCVN3: "TCVN3 (ABC)", VNI: "VNI"}

# TCVN 5712:1993 (the 8-bit "TCVN3"/ABC fonts), bytes 0xA1–0xFF; checked against
# glibc's TCVN5712-1 table by tests/test_legacy.py. Bytes 0x80–0x9F (upper-case
# toned letters in VN1) are left alone: Windows stores them as cp1252 quotes and
# dashes that cannot be told apart from real ones. 0xB0–0xB4 (combining tones in
# VN1) are left alone too: ABC fonts do not use them and ° ± ² ³ ´ are common.
_TCVN3_SRC = (
    "¡¢£¤¥¦§¨©ª«¬\xad®¯µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß"
    "àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
)
_TCVN3_DST = (
    "ĂÂÊÔƠƯĐăâêôơưđẰàảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
assert len(_TCVN3_SRC) == len(_TCVN3_DST) == 90
_TCVN3_TABLE = str.maketrans(_TCVN3_SRC, _TCVN3_DST)

# VNI-Windows: a base letter followed by a mark character. Tones in the order
# sắc, huyền, hỏi, ngã, nặng. Vowels with a circumflex or breve carry their own
# set of marks; ơ, ư, đ, and i/ỵ with tones are single characters.
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_VNI_PLAIN_TONES = ("ù", "ø", "û", "õ", "ï")  # after a, e, o, u, y, ơ, ư
_VNI_HAT = ("â", "á", "à", "å", "ã", "ä")  # circumflex: none, then the five tones
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # breve: none, then the five tones


def _build_vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(vni: str, base: str, tone_index: int | None) -> None:
        uni = base + (_TONES[tone_index] if tone_index is not None else "")
        uni = unicodedata.normalize("NFC", uni)
        table[vni] = uni
        table[vni.upper()] = uni.upper()

    for base in "aeouy":
        for i, mark in enumerate(_VNI_PLAIN_TONES):
            add(base + mark, base, i)
    for base, hat in (("a", "â"), ("e", "ê"), ("o", "ô")):
        add(base + _VNI_HAT[0], hat, None)
        for i, mark in enumerate(_VNI_HAT[1:]):
            add(base + mark, hat, i)
    add("a" + _VNI_BREVE[0], "ă", None)
    for i, mark in enumerate(_VNI_BREVE[1:]):
        add("a" + mark, "ă", i)
    for single, base in (("ô", "ơ"), ("ö", "ư")):
        add(single, base, None)
        for i, mark in enumerate(_VNI_PLAIN_TONES):
            add(single + mark, base, i)
    for single, tone in zip(("í", "ì", "æ", "ó", "ò"), range(5)):
        add(single, "i", tone)
    add("î", "y", 4)  # ỵ
    add("ñ", "đ", None)
    return table


_VNI_TABLE = _build_vni_table()
# Longest sequences first so that "aâ" (â) wins over "a" + "â".
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI_TABLE, key=len, reverse=True)))

# Vietnamese letters that exist in Latin-1 (real Unicode text uses these too).
_VIET_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
# Characters that legacy text is full of and Vietnamese Unicode text never has.
TELLTALE = frozenset(ch for ch in _TCVN3_SRC if ch not in _VIET_LATIN1) | frozenset(
    ch for key in _VNI_TABLE for ch in key if ch not in _VIET_LATIN1 and ord(ch) > 0x7F
)
# TCVN3 stores many lower-case toned letters as Latin-1 capitals: "quyÒn" (quyền). Searched as two
# simple patterns (a character class is found far faster than an alternation): a tell-tale character, or
# one of these capitals (rare in Unicode text) right after a lower-case letter.
_TELLTALE_RE = re.compile("[" + re.escape("".join(sorted(TELLTALE))) + "]")
_CAPITAL_RE = re.compile("[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]")
# Both in one character class, for one pass over a sheet's text (the capitals are then checked one by one).
_TELLTALE_OR_CAPITAL_RE = re.compile(_TELLTALE_RE.pattern[:-1] + _CAPITAL_RE.pattern[1:])
_LOWER_BEFORE_CAPITAL = frozenset("abcdefghijklmnopqrstuvwxyzàáâãèéêìíòóôõùúý")
_TCVN3_ONLY_RE = re.compile("[\u00a1-\u00bf]")  # VNI never uses ¡…¿
# Vietnamese letters beyond Latin-1: their presence proves the text is Unicode.
_UNICODE_VIET_RE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
# Letters (legacy bytes included), split on spaces, digits and ASCII punctuation.
_WORD_RE = re.compile(r"[^\s\d!-/:-@\[-`{-~\u2010-\u2015\u2018-\u201f\u2026]+")

_INITIAL = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
# Rhymes ending in a semivowel (ai, ao, êu, ươi…) take no final consonant.
_OPEN_NUCLEUS = (
    "uya|uyu|iêu|yêu|oai|oay|oeo|uôi|ươi|ươu|uây|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu"
)
_CLOSED_NUCLEUS = "uyê|oa|oă|oe|uâ|uê|uô|uơ|uy|ươ|iê|yê|oo|a|ă|â|e|ê|i|y|o|ô|ơ|u|ư"
_FINAL = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE_RE = re.compile(
    f"^{_INITIAL}(?:(?:{_OPEN_NUCLEUS})|(?:{_CLOSED_NUCLEUS}){_FINAL})$|^gi(?:n|ng|t|c|m|p|ch|nh)?$"
)


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable (any case, one tone at most).

    A lone letter also passes: lists are lettered a, b, c, d, đ (and codes end so: II.1.đ).
    """
    if len(word) == 1 and word.isalpha():
        return True
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return bool(_SYLLABLE_RE.match(bare))


def convert_tcvn3(text: str, upper: bool = False) -> str:
    """TCVN3 (ABC) text to Unicode NFC; ``upper`` for the ``…H`` fonts that show only capitals."""
    out = text.translate(_TCVN3_TABLE)
    return out.upper() if upper else out


def convert_vni(text: str) -> str:
    """VNI-Windows text to Unicode NFC."""
    return _VNI_RE.sub(lambda m: _VNI_TABLE[m.group(0)], text)


def convert(text: str, encoding: str, upper: bool = False) -> str:
    """Convert ``text`` from ``encoding`` (TCVN3 or VNI) to Unicode."""
    if encoding == TCVN3:
        return convert_tcvn3(text, upper)
    if encoding == VNI:
        out = convert_vni(text)
        return out.upper() if upper else out
    raise ValueError(f"unknown legacy encoding {encoding!r}; use {TCVN3!r} or {VNI!r}")


_TCVN3_ENCODE = {dst: src for src, dst in zip(_TCVN3_SRC, _TCVN3_DST)}


def encode_tcvn3(text: str, lower_unencodable: bool = False) -> str:
    """Unicode → TCVN3 (ABC), as an old template stores it; for tests and sample files.

    Punctuation is kept as is. TCVN3 fonts have no slot for most upper-case
    toned letters (Ủ, Ấ…): those
    raise ValueError, or with ``lower_unencodable`` are stored as their lower case.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80 or ch in _TCVN3_ENCODE or not ch.isalpha():
            out.append(_TCVN3_ENCODE.get(ch, ch))  # punctuation such as “ ” – is kept
        elif lower_unencodable and ch.lower() in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch.lower()])
        else:
            raise ValueError(f"{ch!r} has no TCVN3 (ABC) code")
    return "".join(out)


_VNI_ENCODE: dict[str, str] = {}
for _vni, _uni in _VNI_TABLE.items():
    # the longest spelling is the canonical one ("oâ" for ô, not the lone "ô" that means ơ)
    if _uni not in _VNI_ENCODE or len(_vni) > len(_VNI_ENCODE[_uni]):
        _VNI_ENCODE[_uni] = _vni
_VNI_ENCODE.update({"ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö", "ỵ": "î", "Ỵ": "Î"})


def encode_vni(text: str) -> str:
    """Unicode → VNI-Windows, as an old template stores it; for tests and sample files."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def font_encoding(font_name: str | None) -> tuple[str | None, bool]:
    """The legacy encoding a font implies and whether it shows only capitals.

    ``.VnTime`` → (TCVN3, False); ``.VnTimeH`` → (TCVN3, True); ``VNI-Times`` → (VNI, False).
    """
    if not font_name:
        return None, False
    name = font_name.strip()
    if name.lower().startswith(".vn"):
        return TCVN3, name.endswith("H")
    if name.lower().startswith("vni-") or name.lower().startswith("vni "):
        return VNI, False
    return None, False


def has_telltale(text: str) -> bool:
    """True when ``text`` holds characters typical of TCVN3/VNI and absent from Vietnamese Unicode."""
    for m in _TELLTALE_OR_CAPITAL_RE.finditer(text):
        ch = m.group()
        if ch in TELLTALE:
            return True
        start = m.start()
        if start and text[start - 1] in _LOWER_BEFORE_CAPITAL:
            return True
    return False


def _syllable_score(text: str) -> tuple[int, int]:
    """(valid, total) over the words of ``text`` that hold a non-ASCII character."""
    words = [w for w in _WORD_RE.findall(text) if not w.isascii()]
    return sum(1 for w in words if is_vietnamese_syllable(w)), len(words)


def _has_long_word(text: str) -> bool:
    return any(len(w) > 1 for w in _WORD_RE.findall(text) if not w.isascii())


CONVERTED = "converted"
UNCHANGED = "unchanged"
UNSAFE = "unsafe"
SAFE_SHARE = 0.9  # share of converted words that must be Vietnamese syllables


@dataclass(frozen=True)
class Repair:
    """The outcome of ``repair_text``: the text to use, how it was obtained, from which encoding."""

    text: str
    outcome: str  # CONVERTED, UNCHANGED or UNSAFE
    encoding: str | None = None


def repair_text(text: str, font_name: str | None = None, suspect: bool = False) -> Repair:
    """Detect TCVN3/VNI text and convert it to Unicode when that is safe.

    Evidence is the cell's font (``.VnTime*``, ``VNI-*``) when known, otherwise
    tell-tale characters; ``suspect`` (set when other cells of the same sheet
    are legacy text) also tries text without them, such as VNI "Sôn La".
    Text holding Vietnamese letters beyond Latin-1 (ơ, ư, đ, ạ…) is Unicode
    already and is never touched. Among TCVN3 and VNI the conversion whose
    words are most often real Vietnamese syllables wins; it is accepted when at
    least 90% of them are. When the text looks legacy-encoded but no conversion
    is that clean, the outcome is UNSAFE and the original text is returned.
    """
    if text.isascii() or _UNICODE_VIET_RE.search(text):
        return Repair(text, UNCHANGED)
    encoding, upper = font_encoding(font_name)
    telltale = has_telltale(text)
    if encoding is None and telltale and not _has_long_word(text):
        return Repair(text, UNCHANGED)  # a lone symbol ("2 × 3") is no evidence without a legacy font
    if encoding is None and not telltale:
        if not suspect:
            return Repair(text, UNCHANGED)
        valid, total = _syllable_score(text)
        if not total or valid / total >= SAFE_SHARE:
            return Repair(text, UNCHANGED)
    if encoding:
        candidates = [encoding]
    elif _TCVN3_ONLY_RE.search(text):
        candidates = [TCVN3, VNI]
    else:
        candidates = [VNI, TCVN3]
    best: tuple[float, str, str] | None = None
    for enc in candidates:
        converted = unicodedata.normalize("NFC", convert(text, enc, upper))
        if converted == text:
            continue
        if has_telltale(converted):  # leftovers: this encoding does not explain the text
            share = 0.0
        else:
            valid, total = _syllable_score(converted)
            share = valid / total if total else 0.0
        if best is None or share > best[0]:
            best = (share, enc, converted)
    if best is None:
        # Nothing to convert: e.g. a legacy font on text with no accented letters.
        return Repair(text, UNSAFE if telltale else UNCHANGED, encoding)
    share, enc, converted = best
    if share >= SAFE_SHARE:
        return Repair(converted, CONVERTED, enc)
    if encoding is None:
        # No conversion explains the text: keep it if it already reads as
        # Vietnamese (a stray symbol such as ×), otherwise refuse it.
        valid, total = _syllable_score(text)
        if not telltale or (total and valid / total >= SAFE_SHARE):
            return Repair(text, UNCHANGED)
    return Repair(text, UNSAFE, enc)
