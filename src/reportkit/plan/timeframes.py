"""Time frames: the Vietnamese time-frame grammar of a plan and the deadlines it gives.

A task's time frame ("quý II", "tháng 6, tháng 12", "trước ngày 15/08/2024", …)
is parsed into a DueRule; the rule gives the Milestones judged in a year.
Unknown text is never guessed: parse_time_frame returns None and the plan
loader reports it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportkit.fmt import format_roman
from reportkit.text import fold_key

DUE_KINDS = ("continuous", "quarter", "months", "external", "date")

TIME_FRAME_FORMS = (
    "thường xuyên (trong năm …)",
    "quý I|II|III|IV (, năm …)",
    "tháng N[, tháng M …] (năm …)",
    "theo kế hoạch của cấp trên",
    "dd/mm/yyyy or trước ngày dd/mm/yyyy",
)

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def quarter_end(year: int, quarter: int) -> dt.date:
    """The last day of ``quarter`` (1–4) of ``year``."""
    return month_end(year, quarter * 3)


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` (1–12) of ``year``."""
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Milestone:
    """One judged deadline of a task (a task with "tháng 6, tháng 12" has two)."""

    key: str  # "" for single-deadline tasks, "T6"/"T12" for month milestones
    label: str  # Vietnamese, e.g. "tháng 6"
    deadline: dt.date | None  # None: continuous, or external and not yet given


@dataclass(frozen=True)
class DueRule:
    """When a task is due, parsed from its time frame."""

    kind: str  # one of DUE_KINDS
    quarter: int | None = None
    months: tuple[int, ...] = ()
    on: dt.date | None = None

    def milestones(self, year: int, override: dt.date | None = None) -> list[Milestone]:
        """The deadlines to judge in ``year``; ``override`` sets an external deadline."""
        if self.kind == "continuous":
            return [Milestone("", "thường xuyên", None)]
        if self.kind == "quarter":
            assert self.quarter is not None
            return [Milestone("", f"quý {format_roman(self.quarter)}", quarter_end(year, self.quarter))]
        if self.kind == "months":
            return [Milestone(f"T{m}", f"tháng {m}", month_end(year, m)) for m in self.months]
        if self.kind == "external":
            return [Milestone("", "theo kế hoạch của cấp trên", override)]
        return [Milestone("", "", self.on)]

    def describe(self) -> str:
        """A short English description for error messages ("quarter 2", "months 6, 12")."""
        if self.kind == "quarter":
            return f"quarter {self.quarter}"
        if self.kind == "months":
            return "months " + ", ".join(map(str, self.months))
        if self.kind == "date":
            return f"date {self.on}"
        return self.kind


def parse_time_frame(text: str, year: int) -> DueRule | None:
    """Parse a Vietnamese time frame into a DueRule; None when the form is unknown.

    Known forms are listed in TIME_FRAME_FORMS. Unknown text is never guessed.
    """
    key = fold_key(text).rstrip(".")
    key = re.sub(r"[,\s]*nam \d{4}$", "", key).strip(" ,")
    if re.fullmatch(r"thuong xuyen( trong( nam)?)?", key):
        return DueRule("continuous")
    m = re.fullmatch(r"quy (i{1,3}|iv|[1-4])", key)
    if m:
        return DueRule("quarter", quarter=_ROMAN_QUARTERS[m.group(1)])
    if re.fullmatch(r"thang \d{1,2}(\s*(,|va)\s*thang \d{1,2})*", key):
        months = tuple(int(x) for x in re.findall(r"thang (\d{1,2})", key))
        if all(1 <= mo <= 12 for mo in months) and list(months) == sorted(set(months)):
            return DueRule("months", months=months)
        return None
    if key == "theo ke hoach cua cap tren":
        return DueRule("external")
    m = re.fullmatch(r"(?:truoc ngay |ngay )?(\d{1,2})/(\d{1,2})/(\d{4})", fold_key(text).rstrip("."))
    if m:
        try:
            return DueRule("date", on=dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            return None
    return None
