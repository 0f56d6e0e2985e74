"""The front and end matter of a plan: organisation, superior, number, place and date, title, basis; Nơi nhận and signer.

The front matter is everything before the first Roman heading, in paragraphs
or in the usual two-column header table: the national motto lines (quốc hiệu,
tiêu ngữ) are skipped, the lines in capitals before the document type are the
superior and the organisation, "Số: 12/KH-TTYT" is the number, "Sơn La, ngày
20 tháng 02 năm 2024" the place and date, the line "KẾ HOẠCH" the document type
and the lines after it the title; the paragraphs after the title are the basis.
A name written in capitals is given the spelling the document uses elsewhere
in its text. The end matter is the "Nơi nhận" list and the signer (title in
capitals, then the name).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from reportkit.plandoc.lines import is_capitals
from reportkit.plandoc.structure import sentence_case
from reportkit.text import fold_key

_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc")
_NUMBER_RE = re.compile(r"\bSố\s*:\s*(\S+)", re.IGNORECASE)
_PLACE_DATE_RE = re.compile(r"([^\d,:;]{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DOC_TYPES = ("phu luc", "ke hoach", "chuong trinh", "chuong trinh cong tac", "danh muc nhiem vu", "ke hoach hanh dong")
_TITLE_TYPES = ("danh muc nhiem vu",)
_OPENER_RE = re.compile(r"^(?:căn cứ|thực hiện|thi hành|nhằm|để)\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_ORG_IN_TEXT_RE = re.compile(r"(?:^|[.;]\s+)([A-ZĐÂ][^.;:]{2,80}?)\s+(?:xây dựng|ban hành)\s+(?:kế hoạch|chương trình)")
_ATTACHED_RE = re.compile(r"kèm theo [^()]*?\bcủa\s+([^()]+?)\)?\s*$", re.IGNORECASE)  # an appendix's "(Kèm theo … của X)"
_SIGN_NOTE_RE = re.compile(r"\((?:đã ký|ký[^)]*)\)", re.IGNORECASE)


@dataclass
class Header:
    """What the front and end matter say (empty strings when not found)."""

    organisation: str = ""
    superior: str = ""
    number: str = ""
    place: str = ""
    date: dt.date | None = None
    document_type: str = ""
    title: str = ""
    basis: str = ""
    year: int | None = None
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    guessed: list[str] = field(default_factory=list)  # fields read from the body text, not the header


def table_lines(tables: list[Any]) -> list[str]:
    """The lines of the tables' cells, row by row, each merged cell once."""
    out: list[str] = []
    for table in tables:
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                if (r, c) not in table.merged and cell.strip():
                    out.extend(line.strip() for line in cell.split("\n") if line.strip())
    return out


def read_front(lines: list[str], body_text: str) -> Header:
    """The header fields from the front matter lines (paragraphs and header-table cells)."""
    h = Header()
    capitals: list[str] = []
    rest: list[str] = []
    started = False  # the document type (or a title line in capitals) has been read
    for line in lines:
        line = _drop_motto(line)
        if not line:
            continue
        number = _NUMBER_RE.search(line)
        if number:
            h.number = number.group(1).rstrip(".,;")
            line = (line[: number.start()] + line[number.end():]).strip()
        place_date = _PLACE_DATE_RE.search(line)
        if place_date:
            h.place = place_date.group(1).strip()
            d, m, y = (int(place_date.group(i)) for i in (2, 3, 4))
            h.date = _date(y, m, d)
            line = (line[: place_date.start()] + line[place_date.end():]).strip()
        if not line:
            continue
        folded = fold_key(line)
        if not started and is_capitals(line) and folded.startswith(_DOC_TYPES):
            started = True
            kind = next(k for k in sorted(_DOC_TYPES, key=len, reverse=True) if folded.startswith(k))
            if kind in _TITLE_TYPES:  # "DANH MỤC NHIỆM VỤ NĂM 2025" is the title itself
                rest.append(line)
                continue
            h.document_type = line[: len(kind)].strip()
            if line[len(kind):].strip(" :"):
                rest.append(line[len(kind):].strip(" :"))
        elif not started and is_capitals(line):
            capitals.append(line)
        elif started:
            rest.append(line)
    _read_title_basis(h, rest)
    _read_issuer(h, capitals, f"{h.basis} {body_text}")
    return h


def _drop_motto(line: str) -> str:
    folded = fold_key(line)
    for motto in _MOTTO:
        if motto in folded:
            return "" if folded.strip() == motto else _cut_folded(line, motto)
    return line.strip()


def _cut_folded(line: str, motto: str) -> str:
    """``line`` without the motto's words (compared folded, dashes ignored)."""
    words = [w for w in motto.split() if w != "-"]
    tokens = line.split()
    keys = [fold_key(tok).strip("-– ") for tok in tokens]
    for start in range(len(tokens)):
        i, matched = start, 0
        while i < len(tokens) and matched < len(words):
            if not keys[i]:
                i += 1
                continue
            if keys[i] != words[matched]:
                break
            i, matched = i + 1, matched + 1
        if matched == len(words):
            return " ".join(tokens[:start] + tokens[i:]).strip(" -–")
    return line.strip()


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _read_title_basis(h: Header, rest: list[str]) -> None:
    title: list[str] = []
    basis: list[str] = []
    for line in rest:
        if (not basis and len(title) < 4 and not _OPENER_RE.match(line) and not line.startswith("(")
                and not line.rstrip().endswith((".", ":", ";"))):
            title.append(line)
        else:
            basis.append(line)
    h.title = sentence_case(" ".join(title))
    h.basis = " ".join(basis)
    m = _YEAR_RE.search(h.title) or _YEAR_RE.search(h.basis)
    h.year = int(m.group(1)) if m else (h.date.year if h.date else None)


def _read_issuer(h: Header, capitals: list[str], body_text: str) -> None:
    names = [spelled_as_in(line, body_text) for line in capitals]
    if len(names) >= 2 and re.match(r"^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s", names[-1], re.IGNORECASE):
        names[-2:] = [f"{names[-2]} {names[-1]}"]  # "ỦY BAN NHÂN DÂN" / "XÃ TÂN PHONG" is one name
    if names:
        h.organisation = names[-1]
        h.superior = " ".join(names[:-1])
        return
    m = _ORG_IN_TEXT_RE.search(h.basis) or _ATTACHED_RE.search(h.basis)
    if m:
        h.organisation = m.group(1).strip()
        h.guessed.append("organisation")


def spelled_as_in(capitals: str, text: str) -> str:
    """A name written in capitals with the spelling ``text`` gives it (its longest start found there), the rest
    as a name: "SỞ Y TẾ TỈNH PHÚ THỌ" → "Sở Y tế tỉnh Phú Thọ" when the text writes "Sở Y tế"."""
    words = capitals.split()
    for n in range(len(words), 0, -1):
        found = _spelling(words[:n], text)
        if found:
            return " ".join([found, _name_case(words[n:], first=False)]).strip()
    return _name_case(words, first=True)


def _spelling(words: list[str], text: str) -> str:
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    pattern = pattern.replace(r"\s+\-\s+", r"\s*[-–]\s*").replace(r"\s+–\s+", r"\s*[-–]\s*")
    for m in re.finditer(pattern, text, re.IGNORECASE):
        if not is_capitals(m.group(0)):
            return m.group(0)
    return ""


_PLACE_WORDS = {"tinh", "huyen", "xa", "phuong", "quan", "thi xa", "thi tran", "thanh pho"}


def _name_case(words: list[str], first: bool) -> str:
    """Capitals as a name: sentence case, and every word after a place word capitalised ("tỉnh Phú Thọ")."""
    out: list[str] = []
    place = False
    for i, word in enumerate(words):
        lower = word.lower()
        if place or (first and i == 0):
            lower = lower[:1].upper() + lower[1:]
        out.append(lower)
        place = place or fold_key(word) in _PLACE_WORDS or (i > 0 and fold_key(f"{words[i - 1]} {word}") in _PLACE_WORDS)
    return " ".join(out)


def read_end(lines: list[str], h: Header) -> None:
    """Nơi nhận and the signer from the end matter lines (paragraphs and the closing table's cells)."""
    signer: list[str] = []
    for line in lines:
        folded = fold_key(line)
        if folded.startswith("noi nhan"):
            line = re.sub(r"^[^:]*:\s*", "", line) if ":" in line[:12] else ""
            if not line:
                continue
        items = [x.strip() for x in re.split(r"(?:^|\s+)[-–•]\s+", line) if x.strip()]
        if re.match(r"^[-–•+]\s", line) or (h.recipients and line.endswith((";", "."))):
            h.recipients.extend(items)
        elif line.strip():
            signer.append(line.strip())
    _read_signer(h, signer)


def _read_signer(h: Header, lines: list[str]) -> None:
    titles: list[str] = []
    names: list[str] = []
    for line in lines:
        line = _SIGN_NOTE_RE.sub("", line).strip()
        if not line:
            continue
        words = line.split()
        head = [w for w in words if is_capitals(w) or w in ("KT.", "TM.", "Q.", "-")]
        if is_capitals(line):
            titles.append(line)
        elif len(head) >= 1 and words[: len(head)] == head:
            titles.append(" ".join(head))
            names.append(" ".join(words[len(head):]))
        else:
            names.append(line)
    h.signer_title = "\n".join(titles)
    h.signer_name = names[-1] if names else ""
