"""Reporting periods and the report calendar.

Period ids: ``2024-M03`` (tháng), ``2024-Q1`` (quý), ``2024-H1`` (6 tháng đầu
năm), ``2024-9M`` (9 tháng đầu năm), ``2024`` (năm). The calendar turns a plan's
report streams into one DueReport per (stream, period) with its exclusive
deadline ("trước ngày 01/3" → due_before 2024-03-01; "chậm nhất ngày 15" →
due_before the 16th), the default data cut-off (the last day), and the
departments' own last day to send their workbooks. Ad-hoc reports ("khi có yêu
cầu") have no date and are listed apart (adhoc_rows).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportkit.errors import PeriodError
from reportkit.fmt import format_date, format_roman
from reportkit.messages import is_english, t, use_language
from reportkit.plan.load import Plan, ReportRule, ReportStream, month_end
from reportkit.plan.model import DayRule
from reportkit.plan.streams import ADHOC_DEFAULT_TEXT

PERIOD_FORMS = "YYYY-M01…YYYY-M12 (tháng), YYYY-Q1…YYYY-Q4 (quý), YYYY-H1 (6 tháng), YYYY-9M (9 tháng), YYYY (năm)"
_PERIOD_RE = re.compile(r"^(\d{4})(?:-(?:M(\d{2})|Q([1-4])|(H1)|(9M)))?$")
_KIND_ORDER = {"M": 0, "Q": 1, "H1": 2, "9M": 3, "Y": 4}


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period (kỳ báo cáo)."""

    year: int
    kind: str  # "M", "Q", "H1", "9M", "Y"
    number: int  # month (M), quarter (Q), else 0

    @property
    def id(self) -> str:
        if self.kind == "M":
            return f"{self.year}-M{self.number:02d}"
        if self.kind == "Q":
            return f"{self.year}-Q{self.number}"
        if self.kind == "Y":
            return str(self.year)
        return f"{self.year}-{self.kind}"

    @property
    def start(self) -> dt.date:
        if self.kind == "M":
            return dt.date(self.year, self.number, 1)
        if self.kind == "Q":
            return dt.date(self.year, self.number * 3 - 2, 1)
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        last_month = {"M": self.number, "Q": self.number * 3, "H1": 6, "9M": 9, "Y": 12}[self.kind]
        return month_end(self.year, last_month)

    @property
    def label(self) -> str:
        """Vietnamese label: "Quý I năm 2024", "6 tháng đầu năm 2024"."""
        if self.kind == "M":
            return f"Tháng {self.number} năm {self.year}"
        if self.kind == "Q":
            return f"Quý {format_roman(self.number)} năm {self.year}"
        if self.kind == "H1":
            return f"6 tháng đầu năm {self.year}"
        if self.kind == "9M":
            return f"9 tháng đầu năm {self.year}"
        return f"Năm {self.year}"

    @property
    def is_cumulative(self) -> bool:
        """H1, 9M and year reports show the trend over the periods so far."""
        return self.kind in ("H1", "9M", "Y")

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.id


def parse_period(text: str) -> Period:
    """Parse a period id such as ``2024-Q1``; PeriodError lists the valid forms."""
    m = _PERIOD_RE.match(str(text).strip())
    if not m:
        raise PeriodError(t("period.unknown", text=text), value=text, hint=t("period.unknown.fix", forms=PERIOD_FORMS))
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise PeriodError(t("period.no_month", month=month, text=text),
                              hint=t("period.no_month.fix", forms=PERIOD_FORMS))
        return Period(year, "M", month)
    if m.group(3):
        return Period(year, "Q", int(m.group(3)))
    if m.group(4):
        return Period(year, "H1", 0)
    if m.group(5):
        return Period(year, "9M", 0)
    return Period(year, "Y", 0)


def periods_of_year(year: int) -> list[Period]:
    """Every period of ``year``: 12 months, 4 quarters, H1, 9M and the year."""
    return (
        [Period(year, "M", m) for m in range(1, 13)]
        + [Period(year, "Q", q) for q in range(1, 5)]
        + [Period(year, "H1", 0), Period(year, "9M", 0), Period(year, "Y", 0)]
    )


def _rule_matches(rule: ReportRule, period: Period, plan_year: int) -> bool:
    if rule.deadline.on is not None and period.year != plan_year:
        return False  # a one-off dated submission belongs to the plan's own year
    for kind in rule.period_kinds:
        if kind in ("M", "Q", "H1", "9M", "Y") and kind == period.kind:
            return True
        if period.kind == "Q" and kind == f"Q{period.number}":
            return True
    return False


def _day_phrase(day: DayRule, kind: str) -> str:
    """The day of a rule in words: "01/3", "10 của tháng cuối kỳ", "20/6/2025"."""
    if day.on is not None:
        return f"{day.on.day:02d}/{day.on.month}/{day.on.year}"
    if day.month == "end":
        return f"{day.day:02d} của tháng " + ("báo cáo" if kind == "M" else "cuối kỳ")
    if day.month == "next":
        return f"{day.day:02d} của tháng sau kỳ báo cáo"
    return f"{day.day:02d}/{day.month}" + (" năm sau" if day.next_year else "")


def describe_rule(rule: ReportRule) -> str:
    """The rule as written in the plan, or a Vietnamese phrase made from it ("trước ngày 01/3")."""
    if rule.text:
        return rule.text
    return ("chậm nhất ngày " if rule.inclusive else "trước ngày ") + _day_phrase(rule.deadline, rule.period_kind)


def _due_report(stream: ReportStream, rule: ReportRule, period: Period) -> DueReport:
    year, last_month = period.year, period.end.month
    return DueReport(stream, period, rule.last_day_for(year, last_month) + dt.timedelta(days=1),
                     inclusive=rule.inclusive, rule=describe_rule(rule),
                     submit_last_day=rule.submit_last_day_for(year, last_month))


@dataclass(frozen=True)
class DueReport:
    """One report the plan requires: a stream's report for one period.

    ``due_before`` is exclusive (the report must arrive before this day),
    whichever way the plan wrote it; ``inclusive`` tells that the plan wrote
    the last day itself ("chậm nhất ngày", due_by); ``rule`` is the phrase as
    written (or made from the rule); ``submit_last_day`` is the departments'
    last day to send their workbooks (default: the report's last day).
    """

    stream: ReportStream
    period: Period
    due_before: dt.date
    inclusive: bool = False
    rule: str = ""
    submit_last_day: dt.date | None = None

    def __post_init__(self) -> None:
        if self.submit_last_day is None:
            object.__setattr__(self, "submit_last_day", self.last_day)

    @property
    def last_day(self) -> dt.date:
        """The last day the report can be sent (the day before ``due_before``)."""
        return self.due_before - dt.timedelta(days=1)

    @property
    def due_text(self) -> str:
        """The deadline in words with its date: "trước ngày 01/03/2024" or "chậm nhất ngày 15/03/2024"."""
        if self.inclusive:
            return f"chậm nhất ngày {format_date(self.last_day)}"
        return f"trước ngày {format_date(self.due_before)}"

    @property
    def default_cutoff(self) -> dt.date:
        """Ngày chốt số liệu by default: the report's last day (the day before a "trước ngày" deadline)."""
        return self.last_day

    @property
    def label(self) -> str:
        return f"{self.stream.short_name} – {self.period.label}"

    @property
    def key(self) -> str:
        return f"{self.period.id}/{self.stream.code}"

    def days_left(self, as_of: dt.date) -> int:
        """Days until the last allowed day; negative when late."""
        return (self.last_day - as_of).days

    @property
    def due_words(self) -> str:
        """The deadline in the user's language, for the terminal ("trước ngày 01/03/2024", "before 2024-03-01")."""
        if is_english():
            return t("due_report.by", date=self.last_day.isoformat()) if self.inclusive else \
                t("due_report.before", date=self.due_before.isoformat())
        return self.due_text

    def state_words(self, as_of: dt.date) -> str:
        """The deadline's state as of a date in the user's language, for the terminal."""
        left = self.days_left(as_of)
        if left > 0:
            return t("due_report.days_left", n=left)
        return t("due_report.today") if left == 0 else t("due_report.days_late", n=-left)

    def state(self, as_of: dt.date) -> str:
        """The deadline's state as of a date in Vietnamese (the documents' and the JSON's wording)."""
        with use_language("vi"):
            return self.state_words(as_of)


def build_calendar(plan: Plan, year: int | None = None) -> list[DueReport]:
    """Every dated report for the periods of ``year`` (default the plan's year), ordered by deadline.

    A year report may be due in January of the next year: it belongs to the
    calendar of its period's year. Ad-hoc reports are not dated: see adhoc_rows.
    """
    year = plan.year if year is None else year
    if not 1900 <= year <= 2200:
        raise PeriodError(t("period.year_range", year=year), hint=t("period.year_range.fix"))
    out: list[DueReport] = []
    for stream in plan.streams:
        for period in periods_of_year(year):
            out += [_due_report(stream, rule, period) for rule in stream.reports if _rule_matches(rule, period, plan.year)]
    stream_order = {s.code: i for i, s in enumerate(plan.streams)}
    out.sort(key=lambda r: (r.due_before, stream_order[r.stream.code], _KIND_ORDER[r.period.kind], r.period.number))
    return out


def find_report(plan: Plan, period: Period | str, stream: str) -> DueReport:
    """The calendar entry for ``period`` in ``stream``; PeriodError when the stream has none."""
    period = parse_period(period) if isinstance(period, str) else period
    plan.stream(stream)  # raises with the valid stream codes
    for report in build_calendar(plan, period.year):
        if report.period == period and report.stream.code == stream:
            return report
    valid = [r.period.id for r in build_calendar(plan, period.year) if r.stream.code == stream]
    raise PeriodError(t("period.no_report", stream=stream, period=period.id),
                      hint=t("period.no_report.fix", year=period.year, periods=", ".join(valid)))


def calendar_rows(reports: list[DueReport], as_of: dt.date | None = None) -> list[dict]:
    """Plain rows for tables, CSV and JSON output of the calendar."""
    rows = []
    for r in reports:
        row = {
            "stream": r.stream.code,
            "period": r.period.id,
            "due_before": r.due_before.isoformat(),
            "last_day": r.last_day.isoformat(),
            "cutoff": r.default_cutoff.isoformat(),
            "label": r.label,
            "due_text": r.due_text,
            "rule": r.rule,
            "inclusive": r.inclusive,
            "submit_last_day": r.submit_last_day.isoformat(),
        }
        if as_of is not None:
            row["days_left"] = r.days_left(as_of)
            row["state"] = r.state(as_of)
        rows.append(row)
    return rows



def adhoc_rows(plan: Plan, as_of: dt.date | None = None) -> list[dict]:
    """Rows for the ad-hoc reports ("khi có yêu cầu"): the calendar's fields, without any date."""
    rows = []
    for stream in plan.streams:
        for text in stream.adhoc:
            rows.append({
                "stream": stream.code, "period": "adhoc", "due_before": None, "last_day": None, "cutoff": None,
                "label": f"{stream.short_name} – {ADHOC_DEFAULT_TEXT}", "due_text": text, "rule": text,
                "inclusive": False, "submit_last_day": None,
            } | ({"days_left": None, "state": ""} if as_of is not None else {}))
    return rows
