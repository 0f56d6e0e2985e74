"""Time frames: the Vietnamese time-frame grammar of a plan and the deadlines it gives.

A task's time frame ("quý II/2025", "tháng 3, 6, 9, 12", "chậm nhất ngày
30/6/2025", "hằng quý", …) is parsed into a DueRule; the rule gives the
Milestones judged in a year. The grammar is a table of forms (``_FORMS``), each
a pattern on the folded text (lower case, no diacritics, đ → d) and a builder
whose docstring shows the phrases it reads. A year written in the time frame
is kept (a quarter of another year is not read as the plan's year). Unknown
text is never guessed: parse_time_frame returns None and the plan loader
reports it, with the reason from explain_time_frame. A phrase that names a
time but no date ("đầu năm học", "dịp Tết") is the ``unknown`` kind: never
turned into a date (``--deadline`` gives one at run time). The rules are documented in
docs/plan-format.md ("Time frames").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportkit.fmt import format_date, format_roman
from reportkit.messages import is_english, t
from reportkit.text import fold_key

DUE_KINDS = ("continuous", "quarter", "months", "external", "date", "unknown", "dates")
# Kinds whose deadline is given at run time (``--deadline CODE=DATE``), never invented.
GIVEN_DEADLINE_KINDS = ("external", "unknown")

TIME_FRAME_FORMS = (
    "thường xuyên (trong năm …)",
    "quý II, quý II/2025, quý 2 năm 2025, quý I, III, từ quý I đến quý III",
    "tháng 6, tháng 3/2025, tháng 3, 6, 9, 12, từ tháng 3 đến tháng 5, tháng 3 - tháng 5",
    "6 tháng đầu năm, 9 tháng đầu năm, 6 tháng cuối năm, trong năm 2025, năm 2025",
    "hằng tháng, hằng quý, định kỳ 6 tháng, hằng năm",
    "theo kế hoạch của cấp trên / của UBND tỉnh, theo quy định",
    "15/08/2025, chậm nhất ngày 30/6/2025 (by that day), trước ngày 15/3 (the day before)",
)


def time_frame_forms() -> str:
    """The known time-frame forms for a fix, "; "-joined; the note on dates in the user's language."""
    return "; ".join((*TIME_FRAME_FORMS[:-1], t("timeframe.form_dates")))


_QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MAX_YEAR_DISTANCE = 1  # a written year further than this from the plan's is refused


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

    key: str  # "" for single-deadline tasks, "T6"/"T12" for month milestones, "D1"/"D2" for dates
    label: str  # Vietnamese, e.g. "tháng 6", "15/3/2025"
    deadline: dt.date | None  # None: continuous, or external/unknown and not yet given


@dataclass(frozen=True)
class DueRule:
    """When a task is due, parsed from its time frame.

    ``year`` is the year written in the time frame when it is not the plan's
    year ("quý I/2026" in a 2025 plan); None means the plan's year. For a
    ``date``, ``on`` is the written date and ``exclusive`` says the task is due
    strictly before it ("trước ngày 15/3": last day 14/3); otherwise it is due
    by that day inclusive ("chậm nhất ngày 15/3"). For ``months``, ``day`` is
    the day of each month the milestone falls on ("trước ngày 20 hằng tháng":
    day 20, exclusive; a day the month lacks is its last day); None means the
    month end. For ``dates``, ``dates`` are the milestone dates (each due by
    that day). ``unknown``: the time frame names no date; like ``external``,
    its deadline is only ever given at run time.
    """

    kind: str  # one of DUE_KINDS
    quarter: int | None = None
    months: tuple[int, ...] = ()
    on: dt.date | None = None
    year: int | None = None
    exclusive: bool = False
    day: int | None = None
    dates: tuple[dt.date, ...] = ()

    def milestones(self, year: int, override: dt.date | None = None) -> list[Milestone]:
        """The deadlines to judge in ``year``; ``override`` sets an external or unknown task's deadline."""
        y = self.year or year
        suffix = f"/{self.year}" if self.year else ""
        if self.kind == "continuous":
            return [Milestone("", "thường xuyên", None)]
        if self.kind == "quarter":
            assert self.quarter is not None
            return [Milestone("", f"quý {format_roman(self.quarter)}{suffix}", quarter_end(y, self.quarter))]
        if self.kind == "months":
            return [Milestone(f"T{m}", f"tháng {m}{suffix}", self._month_deadline(y, m)) for m in self.months]
        if self.kind == "external":
            return [Milestone("", "theo kế hoạch của cấp trên", override)]
        if self.kind == "unknown":
            return [Milestone("", "chưa xác định thời hạn", override)]
        if self.kind == "dates":
            return [Milestone(f"D{i}", f"{d.day}/{d.month}/{d.year}", d) for i, d in enumerate(self.dates, 1)]
        return [Milestone("", "", self.last_day)]

    def _month_deadline(self, year: int, month: int) -> dt.date:
        end = month_end(year, month)
        if self.day is None:
            return end
        on = end.replace(day=min(self.day, end.day))
        return on - dt.timedelta(days=1) if self.exclusive else on

    @property
    def last_day(self) -> dt.date | None:
        """The last day a ``date`` task is on time: the day before ``on`` when exclusive."""
        if self.on is None:
            return None
        return self.on - dt.timedelta(days=1) if self.exclusive else self.on

    def describe(self) -> str:
        """A short description for error messages ("quarter 2", "months 6, 12"; "quý 2", "tháng 6, 12")."""
        of_year = t("due.of_year", year=self.year) if self.year else ""
        if self.kind == "quarter":
            return t("due.quarter", quarter=self.quarter, of_year=of_year)
        if self.kind == "months":
            on_day = "" if self.day is None else t("due.on_day_exclusive" if self.exclusive else "due.on_day", day=self.day)
            return t("due.months", months=", ".join(map(str, self.months)), on_day=on_day, of_year=of_year)
        if self.kind == "date":
            on = self.on if is_english() else format_date(self.on)
            return t("due.date_exclusive" if self.exclusive else "due.date", on=on)
        if self.kind == "dates":
            days = [d.isoformat() if is_english() else format_date(d) for d in self.dates]
            return t("due.dates", dates=", ".join(days))
        return t(f"due.{self.kind}")


# ------------------------------------------------------------------ the grammar

@dataclass(frozen=True)
class _Frame:
    """A folded time frame split into its text and the year written at its end."""

    text: str  # folded, the written year removed ("quy ii", "truoc ngay 15/3")
    year: int | None  # the written year, None when none is written
    plan_year: int

    @property
    def other_year(self) -> int | None:
        """The written year when it is not the plan's year (what a DueRule keeps)."""
        return self.year if self.year not in (None, self.plan_year) else None

    @property
    def date_year(self) -> int:
        """The year of a date: the written one, else the plan's."""
        return self.year or self.plan_year


_LEAD_VERB = re.compile(r"^(?:hoan thanh|thuc hien)\s+")
_EVERY_YEAR_TAIL = re.compile(r"(?<=\S)(?<!dinh ky)\s+(?:hang|moi) nam$")
_WORD_DATE = re.compile(r"\bngay (\d{1,2}) thang (\d{1,2})\b")
_YEAR_TAIL = re.compile(r"(?:\s*/\s*|[,\s]*\bnam\s+|[,\s]+)(\d{4})$")


def _split_frame(text: str, plan_year: int) -> _Frame:
    key = fold_key(text).strip(" .;:")
    key = _LEAD_VERB.sub("", key)  # "hoàn thành trong quý II" reads as "trong quý II"
    key = _EVERY_YEAR_TAIL.sub("", key)  # "quý IV hằng năm" is quý IV of the plan's year
    key = _WORD_DATE.sub(r"ngay \1/\2", key)  # "ngày 15 tháng 3 năm 2025" reads as "ngày 15/3/2025"
    key = re.sub(r"\s*,\s*", ", ", key)
    m = _YEAR_TAIL.search(key)
    if m is None:
        return _Frame(key, None, plan_year)
    return _Frame(key[: m.start()].strip(" ,"), int(m.group(1)), plan_year)


_ROMAN = r"(?:iv|i{1,3}|[1-4])"
_MONTH = r"(?:\d{1,2})"
_SEP = r"(?:\s*,\s*(?:va\s+)?|\s+va\s+|\s*;\s*)"  # ", ", " và ", ", và ", "; "
_TO = r"(?:\s+den\s+|\s+-\s+|\s*-\s*)"  # "đến", a dash
_IN = r"(?:(?:trong|cuoi|vao|ca)\s+)?"  # "trong tháng 6", "cuối quý II", "cả năm"


def _months_rule(months: tuple[int, ...], frame: _Frame) -> DueRule | None:
    if not months or not all(1 <= m <= 12 for m in months) or list(months) != sorted(set(months)):
        return None
    return DueRule("months", months=months, year=frame.other_year)


def _continuous(m: re.Match, frame: _Frame) -> DueRule | None:
    """"thường xuyên", "thường xuyên trong năm 2025", "thường xuyên, liên tục", "liên tục"."""
    return DueRule("continuous")


def _quarter(m: re.Match, frame: _Frame) -> DueRule | None:
    """"quý II", "Quý II/2025", "quý 2 năm 2025", "quý I, năm 2024", "cuối quý III", "trong quý IV"."""
    return DueRule("quarter", quarter=_QUARTER_NUMBERS[m.group(1)], year=frame.other_year)


def _quarter_list(m: re.Match, frame: _Frame) -> DueRule | None:
    """"quý I, III", "quý I và quý III", "quý 1, 2, 3, 4": one milestone per quarter end (months 3, 9)."""
    quarters = [_QUARTER_NUMBERS[q] for q in re.findall(_ROMAN + r"\b", m.group(0).replace("quy", ""))]
    return _months_rule(tuple(3 * q for q in quarters), frame)


def _quarter_range(m: re.Match, frame: _Frame) -> DueRule | None:
    """"từ quý I đến quý III", "quý II - quý III", "quý II - III": due at the end of the last quarter."""
    first, last = _QUARTER_NUMBERS[m.group(1)], _QUARTER_NUMBERS[m.group(2)]
    return DueRule("quarter", quarter=last, year=frame.other_year) if first < last else None


def _month_list(m: re.Match, frame: _Frame) -> DueRule | None:
    """"tháng 6", "tháng 3/2025", "tháng 6, tháng 12 năm 2024", "tháng 3, 6, 9, 12", "tháng 3 và tháng 9"."""
    return _months_rule(tuple(int(x) for x in re.findall(r"\d{1,2}", m.group(0))), frame)


def _month_range(m: re.Match, frame: _Frame) -> DueRule | None:
    """"từ tháng 3 đến tháng 5", "tháng 3 - tháng 5", "tháng 3-5": due at the end of the last month (5);
    "từ tháng 10/2025 đến tháng 3/2026": a range across years is due at the end of its last month (3/2026)."""
    first, last = int(m.group(1)), int(m.group(3))
    first_year = int(m.group(2)) if m.group(2) else frame.year
    if frame.year is None and first_year is not None:  # "từ tháng 3/2026 đến tháng 5": both in 2026
        frame = _Frame(frame.text, first_year, frame.plan_year)
        if abs(first_year - frame.plan_year) > _MAX_YEAR_DISTANCE:
            return None
    if not 1 <= first <= 12:
        return None
    if first_year is not None and first_year != frame.year:
        return _months_rule((last,), frame) if first_year + 1 == frame.year else None
    return _months_rule((last,), frame) if first < last else None


def _first_months(m: re.Match, frame: _Frame) -> DueRule | None:
    """"6 tháng đầu năm" (30/6), "9 tháng đầu năm 2025" (30/9), "6 tháng cuối năm" (31/12)."""
    count, part = int(m.group(1)), m.group(2)
    if part == "cuoi":
        return _months_rule((12,), frame) if count == 6 else None
    return _months_rule((count,), frame) if count in (3, 6, 9) else None


def _whole_year(m: re.Match, frame: _Frame) -> DueRule | None:
    """"trong năm 2025", "năm 2025", "cả năm", "trong năm", "cuối năm": due by 31/12 (month 12)."""
    if frame.year is None and not m.group(0).endswith("nam"):  # "trong", "cuối" alone name no year
        return None
    return _months_rule((12,), frame)


def _recurring(m: re.Match, frame: _Frame) -> DueRule | None:
    """"hằng tháng", "hàng quý", "định kỳ hằng tháng", "mỗi quý", "định kỳ 6 tháng", "hằng năm": milestones."""
    months = {"thang": range(1, 13), "quy": (3, 6, 9, 12), "6 thang": (6, 12), "nua nam": (6, 12),
              "nam": (12,)}[m.group(1) or m.group(2)]
    return _months_rule(tuple(months), frame)


def _monthly_day(m: re.Match, frame: _Frame) -> DueRule | None:
    """"trước ngày 20 hằng tháng" (day 19 of every month), "chậm nhất ngày 25 hàng tháng" (day 25),
    "trước ngày 15 của tháng cuối quý" (14/3, 14/6, 14/9, 14/12)."""
    day = int(m.group(2))
    months = range(1, 13) if m.group(3).endswith("thang") else (3, 6, 9, 12)
    if not 1 <= day <= 31:
        return None
    return DueRule("months", months=tuple(months), year=frame.other_year, exclusive=m.group(1) is not None, day=day)


def _external(m: re.Match, frame: _Frame) -> DueRule | None:
    """"theo kế hoạch của cấp trên", "theo kế hoạch của UBND tỉnh", "theo quy định", "theo hướng dẫn của Sở"."""
    return DueRule("external")


def _date(m: re.Match, frame: _Frame) -> DueRule | None:
    """"15/08/2025", "ngày 15/8", "chậm nhất ngày 30/6/2025", "ngày 15 tháng 3 năm 2025" (by that day);
    "trước ngày 15/3", "trước 31/01/2026", "trước ngày 15 tháng 3" (strictly before: due the day before)."""
    try:
        on = dt.date(frame.date_year, int(m.group(3)), int(m.group(2)))
    except ValueError:
        return None
    return DueRule("date", on=on, exclusive=m.group(1) is not None)


_BEFORE = r"(?:(truoc(?:\s+ngay)?)|(?:cham\s+nhat|han(?:\s+chot|\s+cuoi)?|den(?:\s+het)?|xong)?(?:\s*(?:la|vao|trong))?)"

# (pattern on the folded text without its written year, builder); the first full match wins.
_FORMS: tuple[tuple[re.Pattern, Callable[[re.Match, _Frame], DueRule | None]], ...] = tuple(
    (re.compile(pattern), build) for pattern, build in (
        (r"(?:thuong xuyen(?:, lien tuc)?|lien tuc)(?: trong(?: ca)?(?: nam)?)?", _continuous),
        (_IN + r"quy (" + _ROMAN + r")", _quarter),
        (_IN + r"quy " + _ROMAN + r"(?:" + _SEP + r"(?:quy )?" + _ROMAN + r")+", _quarter_list),
        (r"(?:tu )?quy (" + _ROMAN + r")" + _TO + r"(?:quy )?(" + _ROMAN + r")", _quarter_range),
        (_IN + r"thang " + _MONTH + r"(?:" + _SEP + r"(?:thang )?" + _MONTH + r")*", _month_list),
        (r"(?:tu )?thang (" + _MONTH + r")(?:/(\d{4}))?" + _TO + r"(?:thang )?(" + _MONTH + r")", _month_range),
        (r"(?:trong )?(\d{1,2}) thang (dau|cuoi)(?: nam)?", _first_months),
        (r"|(?:trong|ca|cuoi|trong ca)(?: nam)?|nam", _whole_year),
        (r"(?:dinh ky )?(?:hang|moi) (thang|quy|nua nam|nam)|dinh ky (6 thang|nua nam)", _recurring),
        (r"theo (?:ke hoach|quy dinh|huong dan|chi dao|yeu cau|van ban|lich)(?: cua .+)?", _external),
        (_BEFORE + r"\s*(?:ngay\s+)?(\d{1,2})/(\d{1,2})", _date),
        (_BEFORE + r"\s*ngay\s+(\d{1,2})\s+(?:cua\s+)?(hang thang|moi thang|hang quy|moi quy|thang cuoi quy)",
         _monthly_day),
    )
)

# Phrases that name a time but no date: the "unknown" kind, never turned into a date.
_UNDATED = re.compile(r"\b(?:dau|nam hoc|tet|dip|he|giua|hang (?:tuan|ngay)|khi co|sau khi|ngay khi|kip thoi)\b")


def parse_time_frame(text: str, year: int) -> DueRule | None:
    """Parse a Vietnamese time frame of a ``year`` plan into a DueRule; None when the form is unknown.

    Case, diacritics and NFC/NFD do not matter; the forms are listed in
    TIME_FRAME_FORMS and docs/plan-format.md. Unknown text is never guessed;
    a phrase that names a time but no date ("đầu năm học") is DueRule("unknown").
    """
    frame = _split_frame(text or "", year)
    if not frame.text and frame.year is None:
        return None
    if frame.year is not None and abs(frame.year - year) > _MAX_YEAR_DISTANCE:
        return None
    for pattern, build in _FORMS:
        m = pattern.fullmatch(frame.text)
        if m:
            return build(m, frame)
    if _UNDATED.search(frame.text):
        return DueRule("unknown")
    return None


def explain_time_frame(text: str, year: int) -> str:
    """Why ``text`` is refused as a time frame of a ``year`` plan, in the user's language (for the loader's message)."""
    frame = _split_frame(text or "", year)
    if not frame.text and frame.year is None:
        return t("timeframe.empty")
    if frame.year is not None and abs(frame.year - year) > _MAX_YEAR_DISTANCE:
        return t("timeframe.far_year", written=frame.year, year=year)
    if _UNDATED.search(frame.text):
        return t("timeframe.undated")
    return t("timeframe.unknown_form")
