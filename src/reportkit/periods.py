"""Reporting periods and the report calendar.

Period ids: ``2024-M03`` (tháng), ``2024-Q1`` (quý), ``2024-H1`` (6 tháng đầu
năm), ``2024-9M`` (9 tháng đầu năm), ``2024`` (năm). The calendar turns a plan's
report streams into one DueReport per (stream, period) with its exclusive
deadline ("trước ngày 01/3" → due_before 2024-03-01) and the default data
cut-off, the day before that deadline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportkit.errors import PeriodError
from reportkit.fmt import format_date, format_roman
from reportkit.messages import t
from reportkit.plan.load import Plan, ReportRule, ReportStream, month_end

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


def _rule_matches(rule: ReportRule, period: Period) -> bool:
    if rule.period_kind in ("M", "Q", "H1", "9M", "Y"):
        return rule.period_kind == period.kind
    return period.kind == "Q" and rule.period_kind == f"Q{period.number}"


def _due_before(rule: ReportRule, period: Period) -> dt.date:
    month = period.end.month if rule.due_month == "end" else int(rule.due_month)
    day = min(rule.due_day, month_end(period.year, month).day)
    return dt.date(period.year, month, day)


@dataclass(frozen=True)
class DueReport:
    """One report the plan requires: a stream's report for one period."""

    stream: ReportStream
    period: Period
    due_before: dt.date  # exclusive: the report must arrive before this day

    @property
    def last_day(self) -> dt.date:
        """The last day the report can be sent (the day before ``due_before``)."""
        return self.due_before - dt.timedelta(days=1)

    @property
    def default_cutoff(self) -> dt.date:
        """Ngày chốt số liệu by default: the day before the deadline."""
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

    def state(self, as_of: dt.date) -> str:
        """Vietnamese state of the deadline as of a date."""
        left = self.days_left(as_of)
        if left > 0:
            return f"còn {left} ngày"
        if left == 0:
            return "hạn cuối hôm nay"
        return f"quá hạn {-left} ngày"


def build_calendar(plan: Plan, year: int | None = None) -> list[DueReport]:
    """Every report due in ``year`` (default the plan's year), ordered by deadline."""
    year = plan.year if year is None else year
    if not 1900 <= year <= 2200:
        raise PeriodError(t("period.year_range", year=year), hint=t("period.year_range.fix"))
    out: list[DueReport] = []
    for stream in plan.streams:
        for period in periods_of_year(year):
            for rule in stream.reports:
                if _rule_matches(rule, period):
                    out.append(DueReport(stream, period, _due_before(rule, period)))
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
            "due_text": f"trước ngày {format_date(r.due_before)}",
        }
        if as_of is not None:
            row["days_left"] = r.days_left(as_of)
            row["state"] = r.state(as_of)
        rows.append(row)
    return rows
