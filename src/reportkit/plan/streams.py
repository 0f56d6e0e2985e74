"""Reading the plan's report streams (``report_streams:``) into ReportStream and ReportRule.

Each report line names its periods (one kind, a list of kinds, or ``adhoc``),
the organisation's deadline as the plan writes it (``due_before``: exclusive,
"trước ngày"; ``due_by``: inclusive, "chậm nhất ngày"), optionally the phrase
itself (``text``) and the departments' own deadline (``submit_by``,
``submit_before`` or ``{days_before: N}``, also as a stream default). Every
bad form is reported with its YAML path and a fix (docs/plan-format.md).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from reportkit.messages import t
from reportkit.plan.model import ADHOC, PERIOD_KINDS, DayRule, ReportRule, ReportStream, SubmitRule
from reportkit.safepath import SAFE_CODE_RE

if TYPE_CHECKING:
    from reportkit.plan.load import _Reader

ADHOC_DEFAULT_TEXT = "khi có yêu cầu"
_RULE_KEYS = ("period", "due_before", "due_by", "text", "submit_by", "submit_before")
_DAY_KEYS = ("month", "day", "year", "date")
_DEADLINE_KEYS = ("due_before", "due_by")
_SUBMIT_KEYS = ("submit_by", "submit_before")
_ONE_PERIOD_KINDS = ("Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y")  # a dated (one-off) report names one period
_MONTH_DAYS = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}
_LAST_MONTHS = {"M": range(1, 13), "Q": (3, 6, 9, 12), "Q1": (3,), "Q2": (6,), "Q3": (9,), "Q4": (12,), "H1": (6,),
                "9M": (9,), "Y": (12,)}  # the last month of each period of a kind
_MONTHS_BEFORE = {"Q": 2, "Q1": 2, "Q2": 2, "Q3": 2, "Q4": 2, "H1": 5, "9M": 8, "Y": 11}  # first month = last - this


def read_streams(raw: dict, r: _Reader, year: int | None) -> list[ReportStream]:
    """The plan's report streams; every problem goes to ``r`` with its YAML path."""
    streams: list[ReportStream] = []
    for i, s in enumerate(r.get(raw, "report_streams", "report_streams", list, default=[])):
        stream = _read_stream(s, f"report_streams[{i}]", r, year)
        if stream is None:
            continue
        if any(x.code == stream.code for x in streams):
            r.add(f"report_streams[{i}].code", t("plan.duplicate_stream", code=stream.code),
                  hint=t("plan.duplicate_stream.fix"))
            continue
        streams.append(stream)
    return streams


def _read_stream(s: Any, p: str, r: _Reader, year: int | None) -> ReportStream | None:
    code = r.get(s, "code", p + ".code", str)
    name = r.get(s, "name", p + ".name", str)
    short = r.get(s, "short_name", p + ".short_name", str, required=False, default=name)
    default_submit = (_read_submit(s, p, r) or None) if isinstance(s, dict) else None
    rules: list[tuple[str, ReportRule]] = []
    adhoc: list[str] = []
    for j, rep in enumerate(r.get(s, "reports", p + ".reports", list, default=[])):
        rp = f"{p}.reports[{j}]"
        if not isinstance(rep, dict):
            r.add(rp, t("plan.report_not_mapping"), value=rep, hint=t("plan.report_example.fix"))
            continue
        kinds = _read_period(rep, rp, r)
        if kinds == ADHOC:
            text = _read_adhoc(rep, rp, r)
            if text:
                adhoc.append(text)
        elif kinds:
            rule = _read_rule(rep, rp, r, kinds, default_submit, year)
            if rule is not None:
                _check_overlap(rule, rp, rules, r)
                rules.append((rp, rule))
    if code and not SAFE_CODE_RE.fullmatch(code):
        r.add(p + ".code", t("plan.stream_code", code=code), value=code, hint=t("plan.stream_code.fix"))
        return None
    if not code or not name:
        return None
    return ReportStream(code, name, short, tuple(rule for _, rule in rules), tuple(adhoc))


def _read_period(rep: dict, rp: str, r: _Reader) -> tuple[str, ...] | str | None:
    """The period kinds of a report line, ``ADHOC``, or None (reported)."""
    unknown = [key for key in rep if key not in _RULE_KEYS]
    for key in unknown:  # a misspelt key (due_befor): the line is not read further
        r.add(f"{rp}.{key}", t("plan.report_unknown_key", key=key), hint=t("plan.use_one_of", codes=", ".join(_RULE_KEYS)))
    value = r.get(rep, "period", rp + ".period", (str, int, list))
    if value is None or unknown:
        return None
    if value == ADHOC:
        return ADHOC
    items = value if isinstance(value, list) else [value]
    if not items:
        r.add(rp + ".period", t("plan.period_list_empty"), hint=t("plan.period_list.fix"))
        return None
    kinds = []
    for k, item in enumerate(items):
        where = f"{rp}.period[{k}]" if isinstance(value, list) else rp + ".period"
        kind = str(item)
        if kind == ADHOC:
            r.add(where, t("plan.adhoc_in_list"), hint=t("plan.adhoc_alone.fix"))
            return None
        if kind not in PERIOD_KINDS:
            r.add(where, t("plan.unknown_period_kind", kind=kind), value=item,
                  hint=t("plan.use_one_of", codes=", ".join(PERIOD_KINDS + (ADHOC,))))
            return None
        kinds.append(kind)
    return tuple(dict.fromkeys(kinds))


def _read_adhoc(rep: dict, rp: str, r: _Reader) -> str | None:
    """The text of an ad-hoc report ("khi có yêu cầu"); a deadline on it is refused: it is never dated."""
    for key in _DEADLINE_KEYS + _SUBMIT_KEYS:
        if key in rep:
            r.add(f"{rp}.{key}", t("plan.adhoc_dated", key=key), hint=t("plan.adhoc_dated.fix", key=key))
            return None
    return r.get(rep, "text", rp + ".text", str, required=False, default=ADHOC_DEFAULT_TEXT) or ADHOC_DEFAULT_TEXT


def _read_rule(rep: dict, rp: str, r: _Reader, kinds: tuple[str, ...], default_submit: SubmitRule | None,
               year: int | None) -> ReportRule | None:
    given = [k for k in _DEADLINE_KEYS if k in rep]
    if len(given) != 1:
        message = "plan.due_both" if given else "plan.due_missing"
        r.add(rp + (f".{given[1]}" if given else ".due_before"), t(message), hint=t("plan.report_example.fix"))
        return None
    key = given[0]
    day = _read_day(rep[key], f"{rp}.{key}", key, r, year)
    if day is None:
        return None
    if day.on is not None and (len(kinds) > 1 or kinds[0] not in _ONE_PERIOD_KINDS):
        r.add(f"{rp}.period", t("plan.report_date_periods", kinds=", ".join(kinds)),
              hint=t("plan.report_date_periods.fix", kinds=", ".join(_ONE_PERIOD_KINDS)))
        return None
    text = r.get(rep, "text", rp + ".text", str, required=False, default="")
    submit = _read_submit(rep, rp, r)
    if submit is False:
        return None
    rule = ReportRule(kinds, day, inclusive=key == "due_by", text=text, submit=submit or default_submit)
    where = rp if submit else rp.rsplit(".reports[", 1)[0]  # the line's own submit_by, or the stream's
    where += ".submit_by" if rule.submit is None or rule.submit.inclusive else ".submit_before"
    in_time = _after_period_start(rule, rp + "." + key, r, year) and _submit_in_time(rule, where, r, year)
    return rule if in_time else None


def _after_period_start(rule: ReportRule, where: str, r: _Reader, year: int | None) -> bool:
    """A report's last day is not before its period starts (checked on the plan's year)."""
    if year is None:
        return True
    for kind in rule.period_kinds:
        for last_month in _LAST_MONTHS[kind]:
            start = dt.date(year, last_month - _MONTHS_BEFORE.get(kind, 0), 1)
            last = rule.last_day_for(year, last_month)
            if last < start:
                r.add(where, t("plan.report_before_period", kind=kind, last=last.isoformat(), start=start.isoformat()),
                      hint=t("plan.report_before_period.fix"))
                return False
    return True


def _submit_in_time(rule: ReportRule, where: str, r: _Reader, year: int | None) -> bool:
    """The departments' last day is not after the report's own last day (checked on the plan's year)."""
    if rule.submit is None or year is None:
        return True
    for kind in rule.period_kinds:
        for last_month in _LAST_MONTHS[kind]:
            submit, last = rule.submit_last_day_for(year, last_month), rule.last_day_for(year, last_month)
            if submit > last:
                r.add(where, t("plan.submit_after_report", submit=submit.isoformat(), last=last.isoformat()),
                      hint=t("plan.submit_example.fix"))
                return False
    return True


def _read_submit(data: dict, p: str, r: _Reader) -> SubmitRule | None | bool:
    """The departments' deadline written under ``p`` (None: not written; False: written wrong, reported)."""
    given = [k for k in _SUBMIT_KEYS if k in data]
    if not given:
        return None
    if len(given) > 1:
        r.add(f"{p}.{given[1]}", t("plan.submit_both"), hint=t("plan.submit_example.fix"))
        return False
    key = given[0]
    value = data[key]
    where = f"{p}.{key}"
    if isinstance(value, dict) and "days_before" in value:
        n = value["days_before"]
        if len(value) > 1:
            r.add(where, t("plan.days_before_alone"), hint=t("plan.submit_example.fix"))
            return False
        if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 60:
            r.add(where + ".days_before", t("plan.days_before"), value=n, hint=t("plan.submit_example.fix"))
            return False
        return SubmitRule(days_before=n)
    day = _read_day(value, where, key, r, None)
    return False if day is None else SubmitRule(day=day, inclusive=key == "submit_by")


def _read_day(value: Any, where: str, key: str, r: _Reader, year: int | None) -> DayRule | None:
    """A deadline mapping: ``{month, day[, year: next]}`` or ``{date: YYYY-MM-DD}``; None when wrong (reported)."""
    if not isinstance(value, dict):
        r.add(where, t("plan.day_not_mapping", key=key), value=value, hint=t("plan.day_example.fix", key=key))
        return None
    for extra in value:
        if extra not in _DAY_KEYS:
            r.add(f"{where}.{extra}", t("plan.report_unknown_key", key=extra),
                  hint=t("plan.day_example.fix", key=key))
            return None
    if "date" in value:
        return _read_date(value, where, key, r, year)
    month, day = value.get("month"), value.get("day")
    if not (month in ("end", "next") or (isinstance(month, int) and not isinstance(month, bool) and 1 <= month <= 12)):
        r.add(where + ".month", t("plan.due_before_month"), value=month, hint=t("plan.due_before_month.fix", key=key))
        return None
    max_day = _MONTH_DAYS.get(month, 31) if isinstance(month, int) else 31
    if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= max_day:
        r.add(where + ".day", t("plan.due_before_day", max_day=max_day), value=day, hint=t("plan.due_before_day.fix"))
        return None
    next_year = value.get("year")
    if next_year is not None and (next_year != "next" or not isinstance(month, int)):
        r.add(where + ".year", t("plan.due_year"), value=next_year, hint=t("plan.due_year.fix", key=key))
        return None
    return DayRule(month, day, next_year=next_year == "next")


def _read_date(value: dict, where: str, key: str, r: _Reader, year: int | None) -> DayRule | None:
    """``{date: 2025-06-20}``: one date, in the plan's year or January–December of the next."""
    if len(value) > 1:
        r.add(where, t("plan.report_date_alone"), hint=t("plan.day_example.fix", key=key))
        return None
    on = value["date"]
    if isinstance(on, str):
        try:
            on = dt.date.fromisoformat(on.strip())
        except ValueError:
            on = None
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        r.add(where + ".date", t("plan.due_date_bad"), value=value["date"], hint=t("plan.due_date.fix"))
        return None
    if year is not None and on.year not in (year, year + 1):
        r.add(where + ".date", t("plan.report_date_year", year=year), value=on.isoformat(),
              hint=t("plan.report_date_year.fix", year=year, next=year + 1))
        return None
    return DayRule(on=on)


def _overlaps(a: str, b: str) -> bool:
    return a == b or ("Q" in (a, b) and a.startswith("Q") and b.startswith("Q"))


def _check_overlap(rule: ReportRule, rp: str, rules: list[tuple[str, ReportRule]], r: _Reader) -> None:
    """Two lines of one stream for the same period would make two reports with one folder: refused."""
    for first, other in rules:
        both = [k for k in rule.period_kinds if any(_overlaps(k, o) for o in other.period_kinds)]
        if both:
            r.add(rp + ".period", t("plan.report_twice", kind=both[0], first=first), hint=t("plan.report_twice.fix"))
            return
