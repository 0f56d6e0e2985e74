"""Dates of a submission that cannot flip silently: the report date and the completion dates.

An office suite set to an English (US) locale stores "10/06/2024" typed in a
cell as 6 October. reportkit reads the stored date, so such a swap cannot be
seen in the cell alone; it is found by comparing the date with what else the
file says:

- the report date with a date in the file name (``hcth_2024-06-10.xlsx``) and
  with the reporting window of the period named in the file ("Kỳ báo cáo" line
  or a period id in the file name): from the period start to its last report
  deadline (or the period end, whichever is later) plus ``GRACE_DAYS``;
- a completion date with the report date (not after it) and the plan year
  (not before it).

Where a date disagrees, the finding names the cell and both readings (as stored
and with day and month swapped); where the swapped reading is the one that
agrees, it says plainly that day and month look swapped. A report date that
looks swapped is an error (the file is not used until it is fixed), and so is
every completion date of that file that could be swapped too.
"""

from __future__ import annotations

import datetime as dt
import locale
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportkit.fmt import format_date, format_long_date
from reportkit.intake.cellvalues import cell_text, parse_date
from reportkit.intake.headers import TitleValue, column_letter
from reportkit.intake.messages import FindingLog
from reportkit.messages import phrase_fields
from reportkit.periods import Period, build_calendar, parse_period, periods_of_year
from reportkit.plan.load import Plan
from reportkit.text import fold_key

GRACE_DAYS = 31  # a report may be dated this long after the period's last deadline (late senders)

_NAME_DATE_RES = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), (0, 1, 2)),
    (re.compile(r"(?<!\d)(\d{1,2})[.\-](\d{1,2})[.\-](\d{4})(?!\d)"), (2, 1, 0)),
    (re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)"), (0, 1, 2)),
)
_PERIOD_ID_RE = re.compile(r"(?<![\dA-Za-z])(\d{4}-(?:M\d{2}|Q[1-4]|H1|9M))(?![\dA-Za-z])")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def date_from_filename(path: Path) -> dt.date | None:
    """A date in the file name: 2024-02-20, 20-02-2024, 20.02.2024 or 20240220."""
    for regex, (yi, mi, di) in _NAME_DATE_RES:
        m = regex.search(path.stem)
        if m:
            groups = [int(g) for g in m.groups()]
            try:
                return dt.date(groups[yi], groups[mi], groups[di])
            except ValueError:
                return None
    return None


def swapped(day: dt.date) -> dt.date | None:
    """``day`` with day and month exchanged (06/10/2024 → 10/06/2024); None when that is no other date."""
    if day.day > 12 or day.day == day.month:
        return None
    return dt.date(day.year, day.day, day.month)


def describe_readings(day: dt.date) -> tuple[str, str]:
    """Both readings of a stored date as one sentence, in Vietnamese and English, for a finding's message."""
    return _readings(day, locale.setlocale(locale.LC_TIME))  # English month names follow LC_TIME


@lru_cache(maxsize=4096)  # a file's dates repeat, and every finding on a date describes it
def _readings(day: dt.date, time_locale: str) -> tuple[str, str]:
    """``describe_readings`` under the LC_TIME locale ``time_locale`` (part of the cache key only)."""
    other = swapped(day)
    cell = phrase_fields("cell", "finding.readings.cell", date=format_long_date(day), date_en=day)
    if other is not None:
        return _phrase("finding.readings.swapped", other=format_long_date(other), other_en=other, **cell)
    if day.day == day.month:
        return _phrase("finding.readings.same", **cell)
    return _phrase("finding.readings.fixed", **cell)


def _phrase(key: str, **fields: object) -> tuple[str, str]:
    """Catalogue text ``key`` in Vietnamese and English (``name_en`` fields give the English values)."""
    both = phrase_fields("text", key, **fields)
    return both["text"], both["text_en"]


# ------------------------------------------------------------ the period named in the file


def period_from_file(title: dict[str, TitleValue], path: Path) -> Period | None:
    """The period the file reports on: the "Kỳ báo cáo" line (id or label), else a period id in the file name."""
    entry = title.get("period")
    if entry is not None:
        period = _parse_period_text(cell_text(entry.value))
        if period is not None:
            return period
    m = _PERIOD_ID_RE.search(path.stem)
    return parse_period(m.group(1)) if m else None


def _parse_period_text(text: str) -> Period | None:
    """``Quý I năm 2024 (2024-Q1)``, ``2024-Q1`` or a label alone (``6 tháng đầu năm 2024``)."""
    m = _PERIOD_ID_RE.search(text)
    if m:
        return parse_period(m.group(1))
    years = _YEAR_RE.findall(text)
    if len(years) != 1 or not 1900 <= int(years[0]) <= 2200:
        return None
    key = f" {fold_key(text)} "
    labels = [(p, f" {fold_key(p.label)} ") for p in periods_of_year(int(years[0]))]
    found = [(len(label), p) for p, label in labels if label in key]
    return max(found)[1] if found else None


def reporting_window(plan: Plan, period: Period) -> tuple[dt.date, dt.date]:
    """First and last plausible report date for ``period``: its start to its last deadline (or end) + grace."""
    last_days = _last_days(plan, period.year).get(period, [])
    return period.start, max([period.end, *last_days]) + dt.timedelta(days=GRACE_DAYS)


_CALENDARS: dict[tuple[int, int], tuple[Plan, dict[Period, list[dt.date]]]] = {}


def _last_days(plan: Plan, year: int) -> dict[Period, list[dt.date]]:
    """Period → last days of its reports, per plan object and year (every file of a batch asks again)."""
    key = (id(plan), year)
    cached = _CALENDARS.get(key)
    if cached is None or cached[0] is not plan:
        found: dict[Period, list[dt.date]] = {}
        for report in build_calendar(plan, year):
            found.setdefault(report.period, []).append(report.last_day)
        if len(_CALENDARS) > 16:
            _CALENDARS.clear()
        cached = _CALENDARS[key] = (plan, found)
    return cached[1]


# ------------------------------------------------------------ the report date


@dataclass
class DateContext:
    """What the completion dates of one file are checked against."""

    report_date: dt.date | None
    plan_year: int
    month_first: bool = False  # the report date looked swapped: every ambiguous date of the file is suspect


def resolve_report_date(title: dict[str, TitleValue], path: Path, plan: Plan, log: FindingLog) -> DateContext:
    """The report date from the title lines or the file name, checked against both and the period window."""
    context = DateContext(None, plan.year)
    from_name = date_from_filename(path)
    entry = title.get("report_date")
    if entry is None:
        if from_name is None:
            log.add("no_report_date")
        context.report_date = from_name
        return context
    where = dict(row=entry.row + 1, column=column_letter(entry.col), value=entry.value)
    parsed = parse_date(entry.value)
    if parsed.problem is not None:
        effect = phrase_fields("effect", "finding.effect.name_date", date=format_date(from_name), date_en=from_name) \
            if from_name else phrase_fields("effect", "finding.effect.no_report_date")
        log.add(parsed.problem, **phrase_fields("field", "finding.field.report_date"), **effect, **where)
        context.report_date = from_name
        return context
    period = period_from_file(title, path)
    window = reporting_window(plan, period) if period is not None else None
    if _check_report_date(parsed.value, from_name, window, period, log, where):
        context.month_first = True
    else:
        context.report_date = parsed.value
    return context


def _check_report_date(day: dt.date, from_name: dt.date | None, window: tuple[dt.date, dt.date] | None,
                   period: Period | None, log: FindingLog, where: dict) -> bool:
    """Findings for a report date that disagrees with the file name or the period; True when it looks swapped."""
    other = swapped(day)
    readings = describe_readings(day)
    fields = dict(cell=f"{where['column']}{where['row']}", readings=readings[0], readings_en=readings[1],
                  date=format_date(day), **where)
    inside = (lambda d: window[0] <= d <= window[1]) if window else (lambda d: True)
    evidence = []
    if from_name is not None and day != from_name:
        if other == from_name:
            evidence.append(_phrase("finding.evidence.name", date=format_date(from_name), date_en=from_name))
        else:
            log.add("report_date_mismatch", name=format_date(from_name), **fields)
    if window is not None and not inside(day):
        label = period.label[:1].lower() + period.label[1:]
        span = phrase_fields("span", "finding.span", label=label, label_en=period.id, start=format_date(window[0]),
                             start_en=window[0], end=format_date(window[1]), end_en=window[1])
        if other is not None and inside(other) and (from_name is None or from_name == other):
            evidence.append(_phrase("finding.evidence.window", **span))
        else:
            log.add("report_date_outside_period", **span, **fields)
    if not evidence:
        return False
    and_vi, and_en = _phrase("finding.and")
    log.add("report_date_swapped", swapped=format_date(other), swapped_iso=other.isoformat(),
            evidence=and_vi.join(e[0] for e in evidence), evidence_en=and_en.join(e[1] for e in evidence), **fields)
    return True


# ------------------------------------------------------------ completion dates


def check_completion_date(day: dt.date, context: DateContext, log: FindingLog, cell: str, where: dict) -> bool:
    """Findings for a completion date the report date or plan year contradicts; False when the row is not used.

    ``cell`` is the cell reference (``E14``), ``where`` the finding's row, column and value.
    """
    other = swapped(day)
    report_date = context.report_date

    def fields() -> dict:  # only when a finding is added: most dates have none
        readings = describe_readings(day)
        return dict(cell=cell, readings=readings[0], readings_en=readings[1], date=format_date(day), **where)

    if context.month_first and other is not None:
        log.add("completed_date_suspect", **fields())
        return False
    if report_date is not None and day > report_date:
        fits = other is not None and other <= report_date and other.year == context.plan_year
        log.add("completed_date_swapped" if fits else "completed_after_report",
                swapped=format_date(other) if other else "",
                report_date=format_date(report_date), **fields())
        return False
    if day.year != context.plan_year:
        log.add("completed_outside_year", year=context.plan_year, **fields())
    return True


CLEAN, OUTSIDE_YEAR, REJECTED = "clean", "outside_year", "rejected"


def completion_date_verdict(day: dt.date, context: DateContext) -> str:
    """What ``check_completion_date`` does with ``day``, without adding findings (the rows' fast path).

    CLEAN: kept, no finding; OUTSIDE_YEAR: kept, with only the warning
    ``completed_outside_year``; REJECTED: any other finding. Mirrors the tests
    of ``check_completion_date`` in the same order; keep the two together.
    """
    if context.month_first and swapped(day) is not None:
        return REJECTED
    if context.report_date is not None and day > context.report_date:
        return REJECTED
    return CLEAN if day.year == context.plan_year else OUTSIDE_YEAR
