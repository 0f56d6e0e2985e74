"""The plan as data: Plan, Task, Unit, ReportStream, ReportRule (frozen dataclasses).

Code reads plans, it does not know any one plan: another unit's plan, or next
year's, is a new YAML file under ``data/plan/`` (see docs/plan-format.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.errors import PlanError
from reportkit.messages import t
from reportkit.plan.timeframes import DueRule, month_end
from reportkit.text import fold_key

PERIOD_KINDS = ("M", "Q", "Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y")
ADHOC = "adhoc"  # the period of a report made on request ("khi có yêu cầu")

# The words that name a kind of unit before its own name ("Khoa Nội", "Tổ Toán – Tin", "Văn phòng Đảng ủy"),
# folded as fold_key folds them; longer ones first so "van phong" wins over "phong".
UNIT_KIND_PREFIXES = (
    "van phong", "bo phan", "trung tam", "cong doan", "chi doan", "chi bo", "dang bo", "phan hieu",
    "chi nhanh", "phong", "khoa", "to", "ban", "doan", "tram", "doi", "vien", "xuong", "nhom",
)
_UNIT_PREFIX_RE = re.compile(r"^(?:" + "|".join(p.replace(" ", r"\s+") for p in UNIT_KIND_PREFIXES) + r")\s+(?=\w)")


def unit_keys(text: str) -> tuple[str, ...]:
    """The look-up keys of a unit name: folded, and folded without its kind word ("phòng", "khoa", "tổ", …).

    "Khoa Nội" gives ``("khoa noi", "noi")``; a name that is only a kind word
    ("Đoàn", "Ban") keeps just itself, so it still matches its own name.
    """
    key = fold_key(text)
    short = _UNIT_PREFIX_RE.sub("", key)
    return (key, short) if short and short != key else (key,)


@dataclass(frozen=True)
class Unit:
    """A unit (department) of the plan: its code, name, other names, whether it is a sample, its e-mail addresses."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    sample: bool = False
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """A concrete task (III.n) or a content item (II.n.x), both tracked per unit.

    ``leads`` are the units that lead it (chủ trì; empty for content items,
    which every unit carries on its own), ``support`` those that support it
    (phối hợp), ``units`` every unit carrying it, leads first.
    """

    code: str
    text: str
    time_frame: str
    due: DueRule
    kind: str  # "task" or "content"
    section: str  # "II.1", "II.2", "III"
    leads: tuple[str, ...]  # unit codes; () for content items (every unit on its own)
    units: tuple[str, ...]
    support: tuple[str, ...] = ()

    @property
    def lead(self) -> str | None:
        """The first lead unit's code, None for content items (kept for code written for one lead)."""
        return self.leads[0] if self.leads else None


@dataclass(frozen=True)
class DayRule:
    """A day written in a report rule: a day of a month placed relative to the period, or one fixed date.

    ``month`` is 1..12, ``"end"`` (the period's last month) or ``"next"`` (the
    month after it); ``next_year`` moves a fixed month to the next year
    (``{month: 1, day: 15, year: next}``); ``on`` is a one-off date.
    """

    month: int | str | None = None
    day: int | None = None
    next_year: bool = False
    on: dt.date | None = None

    def date_for(self, year: int, last_month: int) -> dt.date:
        """The date named for a period of ``year`` ending in ``last_month`` (a day past a month's end: its last day)."""
        if self.on is not None:
            return self.on
        month = last_month
        if self.month == "next":
            year, month = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
        elif self.month != "end":
            year, month = year + int(self.next_year), int(self.month)
        return dt.date(year, month, min(int(self.day), month_end(year, month).day))


@dataclass(frozen=True)
class SubmitRule:
    """The departments' deadline for sending their workbooks: a day (inclusive or not), or N days before."""

    day: DayRule | None = None
    inclusive: bool = True  # submit_by (chậm nhất) or submit_before (trước ngày)
    days_before: int | None = None  # N days before the report's last day


@dataclass(frozen=True)
class ReportRule:
    """One line of a report stream: which periods, the deadline as written, and the departments' deadline."""

    period_kinds: tuple[str, ...]  # each one of PERIOD_KINDS
    deadline: DayRule
    inclusive: bool = False  # due_by ("chậm nhất ngày") rather than due_before ("trước ngày")
    text: str = ""  # the phrase as written in the plan ("báo cáo quý I trước ngày 01/3")
    submit: SubmitRule | None = None  # None: the departments' deadline is the report's cut-off

    @property
    def period_kind(self) -> str:
        """The first period kind (plans of one kind per rule)."""
        return self.period_kinds[0]

    def last_day_for(self, year: int, last_month: int) -> dt.date:
        """The last day to send the report of a period of ``year`` ending in ``last_month``."""
        day = self.deadline.date_for(year, last_month)
        return day if self.inclusive else day - dt.timedelta(days=1)

    def submit_last_day_for(self, year: int, last_month: int) -> dt.date:
        """The departments' last day for that period: by default the report's own last day (its cut-off)."""
        last_day = self.last_day_for(year, last_month)
        submit = self.submit
        if submit is None:
            return last_day
        if submit.days_before is not None:
            return last_day - dt.timedelta(days=submit.days_before)
        day = submit.day.date_for(year, last_month)
        return day if submit.inclusive else day - dt.timedelta(days=1)


@dataclass(frozen=True)
class ReportStream:
    """A stream of period reports (e.g. "dân chủ cơ sở"), when each report is due, and its ad-hoc reports."""

    code: str
    name: str
    short_name: str
    reports: tuple[ReportRule, ...]
    adhoc: tuple[str, ...] = ()  # the texts of reports made "khi có yêu cầu": never dated


@dataclass(frozen=True)
class Wording:
    """The organisation's own words a report and a template use (plan key ``wording``).

    ``units``: the collective noun of the units, lower case ("các phòng, bộ
    phận"; a school writes "các phòng, khoa"); ``directions``: the paragraph
    on continuing work under "phương hướng" (none when empty);
    ``coordinator``: who receives the departments' workbooks, named in the
    template's guide sheet. The defaults name no organisation.
    """

    units: str = "các đơn vị"
    directions: str = ""
    coordinator: str = "đơn vị đầu mối tổng hợp báo cáo"

    @property
    def units_capitalised(self) -> str:
        """The collective noun starting a sentence: "Các phòng, bộ phận"."""
        return self.units[:1].upper() + self.units[1:]


@dataclass(frozen=True)
class Plan:
    """A whole plan: what must be done, by whom, by when, and how it is reported."""

    path: Path
    code: str
    year: int
    title: str
    document_type: str
    place: str
    issuer_name: str
    superior_name: str
    report_symbol: str
    basis: str
    purposes: tuple[tuple[str, str], ...]
    units: tuple[Unit, ...]
    sections: tuple[tuple[str, str], ...]  # (code, title), II.1, II.2, III
    tasks: tuple[Task, ...]  # content items first, then concrete tasks, plan order
    streams: tuple[ReportStream, ...]
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]
    responsibilities: tuple[dict, ...] = ()
    closing: str = ""
    wording: Wording = Wording()
    tasks_section: tuple[str, str] = ("", "")  # (code, title) of the concrete tasks' section; "" = none printed
    word_reference: str = ""  # the organisation's Word reference document, relative to the plan file ("": reportkit's)
    notice_symbol: str = ""  # the công văn's symbol after "Số: …/" ("TTDVVL-HCTH"); "": from report_symbol
    _unit_index: dict = field(default_factory=dict, repr=False, compare=False)

    # -- look-ups ---------------------------------------------------------
    @property
    def task_codes(self) -> list[str]:
        return [t.code for t in self.tasks]

    @property
    def unit_codes(self) -> list[str]:
        return [u.code for u in self.units]

    def task(self, code: str) -> Task:
        """The task or content item with ``code`` (canonical form, đ kept)."""
        return self._lookup(self.tasks, code, "plan.no_task")

    def unit(self, code: str) -> Unit:
        """The unit with ``code``."""
        return self._lookup(self.units, code, "plan.no_unit")

    def stream(self, code: str) -> ReportStream:
        """The report stream with ``code``."""
        return self._lookup(self.streams, code, "plan.no_stream")

    def _lookup(self, items: tuple, code: str, message: str):
        for item in items:
            if item.code == code:
                return item
        raise PlanError(t(message, code=code), path=self.path,
                        hint=t("plan.use_one_of", codes=", ".join(i.code for i in items)))

    def find_unit(self, text: str) -> Unit | None:
        """Match a unit by code, name or alias, ignoring case, diacritics and dashes."""
        for candidate in unit_keys(text):
            if candidate in self._unit_index:
                return self._unit_index[candidate]
        return None

    def tasks_for_unit(self, unit_code: str) -> list[Task]:
        """The tasks and content items ``unit_code`` carries, in plan order."""
        return [t for t in self.tasks if unit_code in t.units]


def iter_task_units(plan: Plan, tasks: Iterable[Task] | None = None) -> Iterable[tuple[Task, str]]:
    """Every (task, unit code) pair the plan tracks."""
    for task in tasks if tasks is not None else plan.tasks:
        for u in task.units:
            yield task, u
