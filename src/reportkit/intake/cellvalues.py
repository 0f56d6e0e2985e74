"""Cell values of department workbooks read into Python: status words, progress, dates, text.

Each parser takes one raw cell value as python-calamine returns it (str, int,
float, bool, date, datetime, time, timedelta, or "" for an empty cell) and
returns the value or a problem code; the caller turns problems into findings.
Dates are read day-first (05/03/2024 is 5 March), never month-first.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reportkit.intake.model import DONE, IN_PROGRESS, NOT_STARTED, ROW_STATUS_LABELS
from reportkit.text import INVISIBLE_CHARS, clean_text, fold_key

# Status words people type, as fold_key() keys (no diacritics, lower case).
# The canonical words come first; see ROW_STATUS_LABELS.
STATUS_ALIASES: dict[str, tuple[str, ...]] = {
    NOT_STARTED: (
        "Chưa thực hiện", "Chưa TH", "CTH", "Chưa triển khai", "Chưa bắt đầu", "Chưa làm",
        "Chưa tiến hành", "Chưa", "Not started",
    ),
    IN_PROGRESS: (
        "Đang thực hiện", "Đang TH", "ĐTH", "Đang triển khai", "Đang tiến hành", "Đang làm",
        "Đang", "Tiếp tục thực hiện", "Thường xuyên", "Chưa hoàn thành", "Chưa xong", "In progress",
    ),
    DONE: (
        "Đã hoàn thành", "Hoàn thành", "HT", "Đã HT", "Đã xong", "Xong", "Đã thực hiện xong",
        "Hoàn thành đúng hạn", "Đã hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đã hoàn thành quá hạn",
        "Done", "Completed",
    ),
}
# What text.clean_text would change: whitespace other than single inner spaces, invisible controls. One
# character class (every str.isspace() character but the space; none is above U+3000) is searched far
# faster than an alternation; doubled, leading and trailing spaces are tested with plain string operations.
_OTHER_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and c != 0x20)
_ODD_CHAR_RE = re.compile(f"[{re.escape(_OTHER_SPACES)}{INVISIBLE_CHARS}]")
_STATUS_BY_KEY = {fold_key(word): status for status, words in STATUS_ALIASES.items() for word in words}
_PAREN_RE = re.compile(r"\([^)]*\)")


def accepted_status_words() -> list[str]:
    """The three canonical words, then every alias, for messages and the instructions sheet."""
    canonical = list(ROW_STATUS_LABELS.values())
    aliases = [w for words in STATUS_ALIASES.values() for w in words if w not in canonical]
    return canonical + aliases


def parse_status(value: object) -> str | None:
    """A status word or alias → NOT_STARTED/IN_PROGRESS/DONE; None when not recognised.

    Case, diacritics, spacing and a trailing remark in brackets are ignored:
    "đã hoàn thành (100%)" is DONE.
    """
    if isinstance(value, str):
        return _parse_status_text(value)  # cached: the same few words fill every sheet
    return _parse_status_text(cell_text(value))


@lru_cache(maxsize=4096)
def _parse_status_text(value: str) -> str | None:
    text = cell_text(value)
    if not text:
        return None
    key = fold_key(text).strip(" .;:!")
    if key in _STATUS_BY_KEY:
        return _STATUS_BY_KEY[key]
    key = fold_key(_PAREN_RE.sub(" ", text)).strip(" .;:!")
    return _STATUS_BY_KEY.get(key)


def status_from_progress(progress: float) -> str:
    """100 → DONE, 0 → NOT_STARTED, anything between → IN_PROGRESS."""
    if progress >= 100:
        return DONE
    if progress <= 0:
        return NOT_STARTED
    return IN_PROGRESS


@dataclass(frozen=True)
class Parsed:
    """A parsed cell: ``value`` when readable, else ``problem`` (a finding code)."""

    value: object = None
    problem: str | None = None
    note: str | None = None  # a harmless reinterpretation worth a warning


_NUMBER_RE = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_progress(value: object) -> Parsed:
    """A progress percentage 0–100 from 75, 75.5, "75%", "75,5", "75 %".

    A fraction strictly between 0 and 1 (Excel shows 0.75 as 75% in a percent
    cell) becomes 75 with the note "fraction". Problems: "bad_progress",
    "progress_range".
    """
    if value is None or value == "":
        return Parsed()
    if isinstance(value, bool):
        return Parsed(problem="bad_progress")
    note = None
    if isinstance(value, (int, float)):
        number = float(value)
        if 0 < number < 1:
            number, note = number * 100, "fraction"
    elif isinstance(value, str):
        text = clean_text(value).replace(" ", "").rstrip("%")
        if not _NUMBER_RE.match(text):
            return Parsed(problem="bad_progress")
        number = float(text.replace(",", "."))
    else:
        return Parsed(problem="bad_progress")
    if number != number or not 0 <= number <= 100:  # NaN or out of range
        return Parsed(number, problem="progress_range")
    return Parsed(round(number, 2), note=note)


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MIN_YEAR, _MAX_YEAR = 1990, 2100
_DMY_RE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$")
_YMD_RE = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})$")
_LONG_RE = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|,)?\s*(\d{4})$")
_TIME_SUFFIX_RE = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def parse_date(value: object) -> Parsed:
    """A date from an Excel date, a serial number or day-first text.

    Text forms: 05/03/2024, 5/3/24, 5-3-2024, 05.03.2024, 2024-03-05 and
    "ngày 05 tháng 3 năm 2024"; a trailing time is ignored. Problems:
    "bad_date" (not a date), "impossible_date" (31/02/2024) and
    "implausible_date" (a year outside 1990–2100).
    """
    if value is None or value == "":
        return Parsed()
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, bool):
        return Parsed(problem="bad_date")
    if isinstance(value, (int, float)):
        if value != value or not 1 <= value < 2958466:
            return Parsed(problem="bad_date")
        return _plausible(_EXCEL_EPOCH + dt.timedelta(days=int(value)), note="serial")
    if not isinstance(value, str):
        return Parsed(problem="bad_date")
    text = _TIME_SUFFIX_RE.sub("", clean_text(value)).strip()
    m = _YMD_RE.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
    else:
        m = _DMY_RE.match(text) or _LONG_RE.match(fold_key(text))
        if not m:
            return Parsed(problem="bad_date")
        day, month, year = (int(g) for g in m.groups())
        if year < 100:
            year += 2000
    try:
        return _plausible(dt.date(year, month, day), note="text")
    except ValueError:
        return Parsed(problem="impossible_date")


def plausible_year(day: dt.date) -> bool:
    """True when ``parse_date`` accepts the year of ``day`` (1990–2100)."""
    return _MIN_YEAR <= day.year <= _MAX_YEAR


def _plausible(day: dt.date, note: str | None = None) -> Parsed:
    if not plausible_year(day):
        return Parsed(day, problem="implausible_date")
    return Parsed(day, note=note)


def cell_text(value: object) -> str:
    """A cell as display text: NFC and trimmed; 12.0 → "12"; dates as dd/mm/yyyy."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        # Fast path: most cells are already clean NFC text on one line.
        if not (_ODD_CHAR_RE.search(value) or "  " in value or value[:1] == " " or value[-1:] == " ") \
                and (value.isascii() or unicodedata.is_normalized("NFC", value)):
            return value
        return clean_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return clean_text(value)
