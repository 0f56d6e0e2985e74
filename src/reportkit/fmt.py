"""Vietnamese number and date formatting, used by every output.

Official style: decimal comma and dot thousands (87,5%; 1.983), dates dd/mm/yyyy,
and the long form of Nghị định 30/2020/NĐ-CP: "ngày 05 tháng 3 năm 2024", with a
leading zero for days below 10 and for months 1 and 2.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def format_number(value: float | int, decimals: int = 0) -> str:
    """``1983`` → ``1.983``; ``87.5, 1`` → ``87,5``; halves round up (``6.25, 1`` → ``6,3``).

    Rounding is on the decimal text of the number, half away from zero, as
    people round by hand (Python's own formatting would give 6,2).
    """
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(ratio: float, decimals: int = 1) -> str:
    """A ratio as a Vietnamese percentage: ``7/8`` → ``87,5%``; ``1`` → ``100%``."""
    text = format_number(ratio * 100, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text + "%"


def format_date(day: dt.date | None, empty: str = "") -> str:
    """``date(2024, 3, 5)`` → ``05/03/2024``; ``None`` (or a missing pandas date, NaT) → ``empty``."""
    if day is None or day != day:  # NaT is not equal to itself
        return empty
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def format_long_date(day: dt.date) -> str:
    """``date(2024, 3, 5)`` → ``ngày 05 tháng 3 năm 2024`` (NĐ 30/2020 style)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def format_roman(number: int) -> str:
    """``3`` → ``III``."""
    out = ""
    for value, symbol in _ROMAN:
        while number >= value:
            out += symbol
            number -= value
    return out


def format_local_number(value: float, decimals: int = 0) -> str:
    """A number as users of the current language write it: ``3,1`` (vi, as format_number) or ``3.1`` (en)."""
    from reportkit.messages import current_language

    return f"{value:,.{decimals}f}" if current_language() == "en" else format_number(value, decimals)


def render_text_table(rows: list[dict], columns: list[str], headers: dict[str, str]) -> str:
    """A plain aligned text table (no colour, safe for cron logs): a heading row, a rule, one line per row."""
    cells = [[headers.get(c, c) for c in columns]] + [[str(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
