"""Re-joining the lines of a txt or pdf plan into paragraphs.

A plan typed into a text file (like the seed) or extracted from a PDF breaks
lines inside sentences. A line continues the paragraph above it unless the
paragraph above ended a sentence, or the line starts a numbered item
("I.", "3.", "a)"), a field ("Thời gian thực hiện:", "Nơi nhận:"), or is
written in capitals (a heading, the signer's title). A line broken right after
a hyphen inside a word ("21-" / "KL/TW") is joined without a space. Bare page
numbers of a PDF are dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import Any

from reportkit.text import fold_key

# "I. ", "IV- ", "3. ", "1.2. ", "a) ", "đ) ", "- " (a dash only starts an item after a finished sentence)
LABEL_RE = re.compile(r"^(?:(?P<roman>[IVX]{1,5})\s*[.)\-–]|(?P<number>\d{1,3}(?:\.\d{1,2})*)\s*[.)]|(?P<letter>[a-zđ])\s*\))\s*")
_BULLET_RE = re.compile(r"^[-–—•+*]\s+")
_FIELD_RE = re.compile(
    r"^(?:thoi gian(?: thuc hien| hoan thanh)?|thoi han|tien do|(?:don vi|co quan|bo phan)?\s*chu tri(?: thuc hien)?"
    r"|(?:don vi|co quan|bo phan)?\s*phoi hop(?: thuc hien)?|don vi thuc hien|noi nhan|san pham)\s*:"
)
# header lines that stand alone: "Số: 12/KH-…", "Sơn La, ngày 20 tháng 02 năm 2024"
_STANDALONE_RE = re.compile(r"^số\s*:|^[^,]{2,40}, ngày \d{1,2} tháng \d{1,2} năm \d{4}", re.IGNORECASE)
_OPENER_RE = re.compile(r"^(?:Căn cứ|Thực hiện|Thi hành)\s")  # a basis paragraph after the title
_SENTENCE_END_RE = re.compile(r"(?:[.;:!?…]|\./\.)[\"”’)]*$")
_PAGE_NUMBER_RE = re.compile(r"^(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$", re.IGNORECASE)
_WORD_HYPHEN_RE = re.compile(r"\w-$")


def is_capitals(text: str) -> bool:
    """True for a line written in capitals ("III. NHIỆM VỤ CỤ THỂ", "GIÁM ĐỐC")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def starts_paragraph(text: str, previous: str) -> bool:
    """Whether ``text`` starts a new paragraph after the line ``previous``."""
    if not previous or is_capitals(text) or is_capitals(previous):
        return True
    if _STANDALONE_RE.match(text) or _STANDALONE_RE.match(previous):
        return True
    if _open_bracket(previous):
        return False
    if LABEL_RE.match(text) or _OPENER_RE.match(text) or _FIELD_RE.match(fold_key(text[:40])):
        return True
    return bool(_SENTENCE_END_RE.search(previous))


def _open_bracket(paragraph: str) -> bool:
    """A bracket opened in the last 400 characters and not closed: the sentence goes on (a list of reports)."""
    tail = paragraph[-400:]
    return tail.rfind("(") > tail.rfind(")")


def join_lines(paragraphs: Iterable[Any]) -> list[Any]:
    """The paragraphs of a line-broken text: consecutive lines of one paragraph joined (first line's location kept)."""
    out: list[Any] = []
    texts: list[str] = []
    for p in paragraphs:
        text = p.text.strip()
        if not text or _PAGE_NUMBER_RE.match(text):
            continue
        if out and not starts_paragraph(text, texts[-1]):
            texts[-1] = join_two(texts[-1], text)
            continue
        out.append(p)
        texts.append(text)
    return [dataclasses.replace(p, text=text) for p, text in zip(out, texts)]


def join_two(first: str, second: str) -> str:
    """Two pieces of one sentence: a space between, none after a hyphen inside a word ("21-" + "KL/TW")."""
    if _WORD_HYPHEN_RE.search(first):
        return first + second
    return f"{first} {second}"


def join_texts(texts: Sequence[str]) -> str:
    """Paragraphs of one item joined with a space."""
    return " ".join(t.strip() for t in texts if t.strip())
