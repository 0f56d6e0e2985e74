"""Reading a task's own fields from the plan YAML: its units (lead, support, units) and its due rule.

The loader (plan/load.py) walks the tasks; this module reads the fields of
one task, reporting every problem through the loader's reader (``r.add``
with the YAML path). The formats are in docs/plan-format.md ("Tasks",
"Time frames").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Protocol

from reportkit.messages import t
from reportkit.plan.timeframes import (
    DUE_KINDS,
    DueRule,
    explain_time_frame,
    parse_time_frame,
    time_frame_forms,
)
from reportkit.text import to_nfc


class _Reports(Protocol):
    """The part of the loader's reader used here: report a problem at a YAML path."""

    def add(self, yaml_path: str, message: str, hint: str | None = None, value: Any = None) -> None: ...


class _Units(Protocol):
    """The plan's unit table as read so far: the set of codes, and the codes in plan order (for a fix)."""

    known: set[str]

    @property
    def codes(self) -> list[str]: ...


@dataclass(frozen=True)
class TaskUnits:
    """A task's units as read: leads, supporting units, and every unit carrying it (leads first)."""

    leads: tuple[str, ...]
    support: tuple[str, ...]
    units: tuple[str, ...]


def _unit_codes(value: Any, yaml_path: str, r: _Reports, known: _Units, *, single: bool) -> tuple[str, ...]:
    """The unit codes of a ``lead:``/``support:``/``units:`` value: a list, or one code when ``single``.

    Unknown codes are reported and dropped, repeats dropped; a value of the wrong shape is reported.
    """
    if single and isinstance(value, str):
        items, paths = [value], [yaml_path]
    elif isinstance(value, list):
        items, paths = value, [f"{yaml_path}[{j}]" for j in range(len(value))]
    else:
        r.add(yaml_path, t("plan.units_not_list"), value=value, hint=t("plan.units_not_list.fix"))
        return ()
    good: list[str] = []
    for code, path in zip(items, paths):
        code = to_nfc(code).strip() if isinstance(code, str) else code
        if not isinstance(code, str) or code not in known.known:
            r.add(path, t("plan.unknown_unit", code=code), hint=t("plan.use_one_of", codes=", ".join(known.codes)))
        elif code not in good:
            good.append(code)
    return tuple(good)


def read_task_units(raw_task: dict, p: str, r: _Reports, known: _Units) -> TaskUnits:
    """``lead:`` (one code or a list; required), ``support:`` (optional, one code or a list) and
    ``units:`` (optional list; default leads + support). Leads and supporting units are always units."""
    raw_lead = raw_task.get("lead")
    leads: tuple[str, ...] = ()
    if raw_lead is None or raw_lead in ([], ""):
        r.add(p + ".lead", t("plan.missing_field", key="lead"), hint=t("plan.missing_field.fix", key="lead"))
    else:
        leads = _unit_codes(raw_lead, p + ".lead", r, known, single=True)
    support: tuple[str, ...] = ()
    if raw_task.get("support") is not None:
        support = _unit_codes(raw_task["support"], p + ".support", r, known, single=True)
    support = tuple(u for u in support if u not in leads)
    listed: tuple[str, ...] = ()
    if raw_task.get("units") is not None:
        listed = _unit_codes(raw_task["units"], p + ".units", r, known, single=False)
    return TaskUnits(leads, support, tuple(dict.fromkeys((*leads, *listed, *support))))


def _read_dates(raw_due: dict, p: str, r: _Reports) -> DueRule | None:
    """``{kind: dates, dates: [2025-03-15, 2025-09-30]}``: at least one real date, increasing, no repeat."""
    raw_dates = raw_due.get("dates")
    if not isinstance(raw_dates, list) or not raw_dates:
        shown = raw_dates.isoformat() if isinstance(raw_dates, dt.date) else raw_dates
        r.add(p + ".due.dates", t("plan.due_dates_missing"), value=shown, hint=t("plan.due_dates.fix"))
        return None
    days: list[dt.date] = []
    for j, on in enumerate(raw_dates):
        if isinstance(on, str):
            try:
                on = dt.date.fromisoformat(on.strip())
            except ValueError:
                on = None
        if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
            r.add(f"{p}.due.dates[{j}]", t("plan.due_date_bad"), value=raw_dates[j], hint=t("plan.due_date.fix"))
            return None
        days.append(on)
    if days != sorted(set(days)):
        r.add(p + ".due.dates", t("plan.due_dates_order"), value=", ".join(d.isoformat() for d in days),
              hint=t("plan.due_dates.fix"))
        return None
    return DueRule("dates", dates=tuple(days))


def _read_date(raw_due: dict, p: str, r: _Reports) -> DueRule | None:
    on = raw_due.get("date")
    if isinstance(on, str):
        try:
            on = dt.date.fromisoformat(on)
        except ValueError:
            r.add(p + ".due.date", t("plan.due_date_bad"), value=raw_due.get("date"), hint=t("plan.due_date.fix"))
            return None
    if not isinstance(on, dt.date):
        r.add(p + ".due.date", t("plan.due_date_missing"), value=on, hint=t("plan.due_date.fix"))
        return None
    return DueRule("date", on=on, exclusive=raw_due.get("exclusive") is True)


def _read_months(raw_due: dict, p: str, r: _Reports) -> DueRule | None:
    months = raw_due.get("months")
    if not isinstance(months, list) or not months or not all(
            isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in months):
        r.add(p + ".due.months", t("plan.due_months"), value=months, hint=t("plan.due_months.fix"))
        return None
    day = raw_due.get("day")
    if day is not None and (not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 31):
        r.add(p + ".due.day", t("plan.due_day"), value=day, hint=t("plan.due_day.fix"))
        return None
    return DueRule("months", months=tuple(sorted(set(months))), day=day, exclusive=raw_due.get("exclusive") is True)


def _read_quarter(raw_due: dict, p: str, r: _Reports) -> DueRule | None:
    q = raw_due.get("quarter")
    if not isinstance(q, int) or isinstance(q, bool) or not 1 <= q <= 4:
        r.add(p + ".due.quarter", t("plan.due_quarter"), value=q, hint=t("plan.due_example.fix"))
        return None
    return DueRule("quarter", quarter=q)


_KIND_READERS = {"quarter": _read_quarter, "months": _read_months, "date": _read_date, "dates": _read_dates}


def read_due(raw_task: dict, time_frame: str | None, p: str, r: _Reports, year: int | None) -> DueRule | None:
    """The task's due rule: its explicit ``due:`` (which must agree with the time frame when that is
    understood), else the time frame parsed; None (reported) when neither gives one."""
    parsed = parse_time_frame(time_frame, year or 2000) if time_frame else None
    raw_due = raw_task.get("due")
    if raw_due is None:
        if time_frame and parsed is None and re.search(r"\d{1,2}/\d{1,2}/\d{4}", time_frame):
            r.add(p + ".time_frame", t("plan.impossible_date", text=time_frame), hint=t("plan.impossible_date.fix"))
        elif time_frame and parsed is None:
            r.add(p + ".time_frame",
                  t("plan.unknown_time_frame_why", text=time_frame, reason=explain_time_frame(time_frame, year or 2000)),
                  hint=t("plan.unknown_time_frame_why.fix", forms=time_frame_forms()))
        return parsed
    if not isinstance(raw_due, dict):
        r.add(p + ".due", t("plan.due_not_mapping"), value=raw_due, hint=t("plan.due_example.fix"))
        return None
    kind = raw_due.get("kind")
    if kind not in DUE_KINDS:
        r.add(p + ".due.kind", t("plan.unknown_due_kind", kind=kind), hint=t("plan.use_one_of", codes=", ".join(DUE_KINDS)))
        return None
    due = _KIND_READERS[kind](raw_due, p, r) if kind in _KIND_READERS else DueRule(kind)
    if due is None:
        return None
    far = [d for d in due.dates if year and abs(d.year - year) > 1]
    if far:  # as for a written year in a time frame: a likely typo
        r.add(p + ".due.dates", t("plan.due_dates_far_year", date=far[0].isoformat(), year=year),
              hint=t("plan.due_dates.fix"))
        return None
    # An undated phrase (parsed as unknown) may be given real dates explicitly: the plan's author decided them.
    if parsed is not None and parsed != due and parsed.kind != "unknown":
        r.add(p + ".due", t("plan.due_contradicts", due=due.describe(), text=time_frame, parsed=parsed.describe()),
              hint=t("plan.due_contradicts.fix"))
        return None
    return due
