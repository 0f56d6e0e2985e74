"""The plan as data: load and validate a plan YAML into Plan, Task, DueRule, ReportStream.

Code reads plans, it does not know any one plan: another unit's plan, or next
year's, is a new YAML file under ``data/plan/``. Validation is lazy: every
problem in the file is collected (with its YAML path and line) and reported
together in one PlanError.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from reportkit.errors import PlanError, _Collector
from reportkit.safepath import SAFE_CODE_RE
from reportkit.safeyaml import load_yaml_nodes, yaml_problem
from reportkit.text import fold_key, normalize_code, to_nfc

DUE_KINDS = ("continuous", "quarter", "months", "external", "date")
PERIOD_KINDS = ("M", "Q", "Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y")

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


# ---------------------------------------------------------------- model


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
            return [Milestone("", f"quý {_roman(self.quarter)}", quarter_end(year, self.quarter))]
        if self.kind == "months":
            return [Milestone(f"T{m}", f"tháng {m}", month_end(year, m)) for m in self.months]
        if self.kind == "external":
            return [Milestone("", "theo kế hoạch của cấp trên", override)]
        return [Milestone("", "", self.on)]

    def describe(self) -> str:
        if self.kind == "quarter":
            return f"quarter {self.quarter}"
        if self.kind == "months":
            return "months " + ", ".join(map(str, self.months))
        if self.kind == "date":
            return f"date {self.on}"
        return self.kind


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    sample: bool = False


@dataclass(frozen=True)
class Task:
    """A concrete task (III.n) or a content item (II.n.x), both tracked per unit."""

    code: str
    text: str
    time_frame: str
    due: DueRule
    kind: str  # "task" or "content"
    section: str  # "II.1", "II.2", "III"
    lead: str | None  # unit code; None for content items (every unit on its own)
    units: tuple[str, ...]


@dataclass(frozen=True)
class ReportRule:
    """One line of a report stream: which periods, and the deadline (exclusive)."""

    period_kind: str  # one of PERIOD_KINDS
    due_month: int | str  # 1..12 or "end" (last month of the period)
    due_day: int


@dataclass(frozen=True)
class ReportStream:
    code: str
    name: str
    short_name: str
    reports: tuple[ReportRule, ...]


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
        return self._lookup(self.tasks, code, "task code")

    def unit(self, code: str) -> Unit:
        """The unit with ``code``."""
        return self._lookup(self.units, code, "unit")

    def stream(self, code: str) -> ReportStream:
        """The report stream with ``code``."""
        return self._lookup(self.streams, code, "report stream")

    def _lookup(self, items: tuple, code: str, what: str):
        for item in items:
            if item.code == code:
                return item
        raise PlanError(f"unknown {what} {code!r}", path=self.path,
                        hint="use one of: " + ", ".join(i.code for i in items))

    def find_unit(self, text: str) -> Unit | None:
        """Match a unit by code, name or alias, ignoring case, diacritics and dashes."""
        key = fold_key(text)
        key_nophong = re.sub(r"^(phong|bo phan)\s+", "", key)
        for candidate in (key, key_nophong):
            if candidate in self._unit_index:
                return self._unit_index[candidate]
        return None

    def tasks_for_unit(self, unit_code: str) -> list[Task]:
        return [t for t in self.tasks if unit_code in t.units]


def quarter_end(year: int, quarter: int) -> dt.date:
    return month_end(year, quarter * 3)


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _roman(n: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV"}[n]


# ---------------------------------------------------------------- time frames

TIME_FRAME_FORMS = (
    "thường xuyên (trong năm …)",
    "quý I|II|III|IV (, năm …)",
    "tháng N[, tháng M …] (năm …)",
    "theo kế hoạch của cấp trên",
    "dd/mm/yyyy or trước ngày dd/mm/yyyy",
)


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


# ---------------------------------------------------------------- loading


def _scan_nodes(root: Any) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """One walk of the composed YAML: YAML path ("tasks[2].due") → 1-based line, and duplicate keys.

    PyYAML silently keeps the last of two equal keys in a mapping; the plan
    loader reports them instead.
    """
    import yaml

    index: dict[str, int] = {}
    duplicates: list[tuple[str, int]] = []

    def walk(node: Any, prefix: str) -> None:
        index[prefix] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = str(key_node.value)
                child = f"{prefix}.{key}" if prefix else key
                if key in seen:
                    duplicates.append((child, key_node.start_mark.line + 1))
                seen.add(key)
                walk(value_node, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, f"{prefix}[{i}]")

    if root is not None:
        walk(root, "")
    return index, duplicates


class _Reader:
    """Typed access to the raw YAML with lazy error collection."""

    def __init__(self, path: Path, lines: dict[str, int]):
        self.path = path
        self.lines = lines
        self.errors = _Collector(PlanError, path=str(path))

    def add(self, yaml_path: str, message: str, hint: str | None = None, value: Any = None) -> None:
        line = self.lines.get(yaml_path)
        if line is None:  # a missing key: point at its parent
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", yaml_path)
            line = self.lines.get(parent if parent != yaml_path else "")
        self.errors.add(message, yaml_path=yaml_path, line=line, hint=hint, value=value)

    def get(self, data: Any, key: str, yaml_path: str, kind: type | tuple, required: bool = True, default: Any = None) -> Any:
        if not isinstance(data, dict):
            return default
        if key not in data or data[key] is None:
            if required:
                self.add(yaml_path, f"missing required field '{key}'", hint=f"add '{key}:' here")
            return default
        value = data[key]
        if isinstance(value, bool) and kind is not bool:
            ok = False
        else:
            ok = isinstance(value, kind)
        if not ok:
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            wanted = _TYPE_WORDS.get(names, names)
            self.add(yaml_path, f"'{key}' must be {wanted}, not {type(value).__name__}", value=value,
                     hint=f"write {wanted} for '{key}'" + (" (quote text in \"…\")" if names == "str" else ""))
            return default
        if isinstance(value, str):
            value = to_nfc(value).strip()
        return value


_TYPE_WORDS = {"str": "text", "int": "a whole number", "list": "a list", "dict": "a mapping", "bool": "true or false"}


def find_plan(folder: Path | str = "data/plan") -> Path:
    """The single plan YAML in ``folder`` (the default plan of a project)."""
    folder = Path(folder)
    found = sorted(p for p in folder.glob("*.yaml")) if folder.is_dir() else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise PlanError(
            "no plan found",
            path=folder,
            hint="run from the project folder, or pass --plan PATH to a plan YAML",
        )
    raise PlanError(
        f"{len(found)} plans found, cannot choose",
        path=folder,
        hint="pass --plan with one of: " + ", ".join(p.name for p in found),
    )


def load_plan(path: Path | str | None = None) -> Plan:
    """Load and validate a plan YAML; raise PlanError listing every problem found.

    With no ``path``, the single ``*.yaml`` under ``data/plan/`` is used.
    """
    import yaml

    path = Path(path) if path is not None else find_plan()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError("plan file not found", path=path, hint="check the path given to --plan") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"cannot read plan file: {exc}", path=path, hint="save the plan as UTF-8 text") from None
    try:
        raw, root = load_yaml_nodes(text)  # refuses alias bombs and deep nesting before anything walks the tree
        lines, duplicates = _scan_nodes(root)
    except yaml.YAMLError as exc:
        raise yaml_problem(exc, PlanError, path, "fix the YAML syntax at that line (indentation, quotes, colons)") from None
    if not isinstance(raw, dict):
        raise PlanError("a plan must be a YAML mapping of fields", path=path, hint="see data/plan/ for an example")
    r = _Reader(path, lines)
    for key_path, line in duplicates:
        r.errors.add(f"duplicate key '{key_path.rsplit('.', 1)[-1]}'", yaml_path=key_path, line=line, hint="keep one of the two")
    return _build_plan(raw, r)


def _build_plan(raw: dict, r: _Reader) -> Plan:
    year = r.get(raw, "year", "year", int)
    if isinstance(year, int) and not 1900 <= year <= 2200:
        r.add("year", "year out of range 1900–2200", value=year, hint="write the plan's four-digit year")
        year = None
    title = r.get(raw, "title", "title", str, default="")
    issuer = r.get(raw, "issuer", "issuer", dict, default={})
    issuer_name = r.get(issuer, "name", "issuer.name", str, default="")
    superior = r.get(issuer, "superior", "issuer.superior", str, required=False, default="")
    symbol = r.get(issuer, "report_symbol", "issuer.report_symbol", str, required=False, default="BC")

    # units
    units: list[Unit] = []
    seen_unit_codes: set[str] = set()
    unit_index: dict[str, Unit] = {}
    raw_units = r.get(raw, "units", "units", list, default=[])
    if isinstance(raw.get("units"), list) and not raw_units:
        r.add("units", "the plan lists no units", hint="list at least one unit with code and name")
    for i, u in enumerate(raw_units):
        p = f"units[{i}]"
        if not isinstance(u, dict):
            r.add(p, "a unit must be a mapping", value=u, hint="write '- code: …' and 'name: …'")
            continue
        code = r.get(u, "code", p + ".code", str)
        name = r.get(u, "name", p + ".name", str)
        aliases = r.get(u, "aliases", p + ".aliases", list, required=False, default=[])
        sample = r.get(u, "sample", p + ".sample", bool, required=False, default=False)
        if not code or not name:
            continue
        if code in seen_unit_codes:
            r.add(p + ".code", f"duplicate unit code '{code}'", hint="give each unit its own code")
            continue
        unit = Unit(code, name, tuple(to_nfc(str(a)) for a in aliases), bool(sample))
        units.append(unit)
        seen_unit_codes.add(code)
        for key in [code, name, *unit.aliases]:
            unit_index.setdefault(fold_key(key), unit)
            unit_index.setdefault(re.sub(r"^(phong|bo phan)\s+", "", fold_key(key)), unit)
    unit_codes = [u.code for u in units]
    known_units = set(unit_codes)  # membership tests: a province plan can list thousands of units

    def check_units(value: Any, yaml_path: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            r.add(yaml_path, "must be a list of unit codes", value=value, hint="e.g. [hcth, lanh-dao]")
            return ()
        good = []
        for j, code in enumerate(value):
            if not isinstance(code, str) or code not in known_units:
                r.add(f"{yaml_path}[{j}]", f"unknown unit '{code}'", hint="use one of: " + ", ".join(unit_codes))
            else:
                good.append(code)
        return tuple(good)

    tasks: list[Task] = []
    sections: list[tuple[str, str]] = []
    seen_codes: dict[str, str] = {}

    def register(code: str, yaml_path: str) -> bool:
        if code in seen_codes:
            r.add(yaml_path, f"duplicate code '{code}' (also at {seen_codes[code]})", hint="each task or item needs its own code")
            return False
        seen_codes[code] = yaml_path
        return True

    content_tf = r.get(raw, "content_time_frame", "content_time_frame", str, required=False, default="thường xuyên")
    content_due = parse_time_frame(content_tf, year or 2000)
    if content_due is None:
        r.add("content_time_frame", f"unknown time frame '{content_tf}'", hint="write one of: " + "; ".join(TIME_FRAME_FORMS))
        content_due = DueRule("continuous")
    for i, s in enumerate(r.get(raw, "sections", "sections", list, required=False, default=[])):
        p = f"sections[{i}]"
        scode = normalize_code(r.get(s, "code", p + ".code", str, default=""))
        stitle = r.get(s, "title", p + ".title", str, default="")
        sections.append((scode, stitle))
        for j, item in enumerate(r.get(s, "items", p + ".items", list, default=[])):
            ip = f"{p}.items[{j}]"
            code = r.get(item, "code", ip + ".code", str)
            text = r.get(item, "text", ip + ".text", str)
            if not code or not text:
                continue
            code_n = normalize_code(code)
            if code_n != code:
                r.add(ip + ".code", f"code '{code}' is not in canonical form", hint=f"write '{code_n}'")
            item_units = check_units(item["units"], ip + ".units") if "units" in item else tuple(unit_codes)
            if register(code_n, ip + ".code"):
                tasks.append(Task(code_n, text, content_tf, content_due, "content", scode, None, item_units))

    raw_tasks = r.get(raw, "tasks", "tasks", list, default=[])
    if isinstance(raw.get("tasks"), list) and not raw_tasks:
        r.add("tasks", "the plan lists no tasks", hint="list the plan's concrete tasks")
    task_section = "III"
    sections.append((task_section, r.get(raw, "tasks_title", "tasks_title", str, required=False, default="Nhiệm vụ cụ thể")))
    for i, t in enumerate(raw_tasks):
        p = f"tasks[{i}]"
        if not isinstance(t, dict):
            r.add(p, "a task must be a mapping", value=t, hint="give code, text, time_frame, lead and units")
            continue
        code = r.get(t, "code", p + ".code", str)
        text = r.get(t, "text", p + ".text", str)
        tf = r.get(t, "time_frame", p + ".time_frame", str)
        lead = r.get(t, "lead", p + ".lead", str)
        t_units = check_units(t.get("units"), p + ".units") if "units" in t else ()
        if "units" not in t:
            r.add(p + ".units", "missing required field 'units'", hint="list the units that carry this task")
        if lead and lead not in known_units:
            r.add(p + ".lead", f"unknown unit '{lead}'", hint="use one of: " + ", ".join(unit_codes))
            lead = None
        elif lead and t_units and lead not in t_units:
            t_units = (lead, *t_units)
        due = _read_due(t, tf, p, r, year)
        if not code or not text or not tf or due is None:
            continue
        code_n = normalize_code(code)
        if code_n != code:
            r.add(p + ".code", f"code '{code}' is not in canonical form", hint=f"write '{code_n}'")
        if register(code_n, p + ".code"):
            tasks.append(Task(code_n, text, tf, due, "task", task_section, lead, t_units))

    streams = _read_streams(raw, r)
    signer = r.get(raw, "signer", "signer", dict, default={})
    signer_title = r.get(signer, "title", "signer.title", str, default="")
    signer_name = r.get(signer, "name", "signer.name", str, default="")
    recipients = r.get(raw, "recipients", "recipients", list, required=False, default=[])
    purposes = []
    for i, pz in enumerate(r.get(raw, "purposes", "purposes", list, required=False, default=[])):
        purposes.append((str(pz.get("code", i + 1)), to_nfc(str(pz.get("text", "")))) if isinstance(pz, dict) else (str(i + 1), to_nfc(str(pz))))

    r.errors.raise_if_any("invalid plan")
    return Plan(
        path=r.path,
        code=r.get(raw, "code", "code", str, required=False, default=r.path.stem),
        year=year,
        title=title,
        document_type=r.get(raw, "document_type", "document_type", str, required=False, default="KẾ HOẠCH"),
        place=r.get(raw, "place", "place", str, required=False, default=""),
        issuer_name=issuer_name,
        superior_name=superior,
        report_symbol=symbol,
        basis=r.get(raw, "basis", "basis", str, required=False, default=""),
        purposes=tuple(purposes),
        units=tuple(units),
        sections=tuple(sections),
        tasks=tuple(tasks),
        streams=tuple(streams),
        signer_title=signer_title,
        signer_name=signer_name,
        recipients=tuple(to_nfc(str(x)) for x in recipients),
        responsibilities=tuple(raw.get("responsibilities") or ()),
        closing=r.get(raw, "closing", "closing", str, required=False, default=""),
        _unit_index=unit_index,
    )


def _read_due(t: dict, time_frame: str | None, p: str, r: _Reader, year: int | None) -> DueRule | None:
    parsed = parse_time_frame(time_frame, year or 2000) if time_frame else None
    raw_due = t.get("due")
    if raw_due is None:
        if time_frame and parsed is None and re.search(r"\d{1,2}/\d{1,2}/\d{4}", time_frame):
            r.add(p + ".time_frame", f"impossible date in time frame '{time_frame}'",
                  hint="check day and month (dd/mm/yyyy, day first)")
        elif time_frame and parsed is None:
            r.add(p + ".time_frame", f"unknown time frame '{time_frame}'",
                  hint="write one of: " + "; ".join(TIME_FRAME_FORMS) + "; or give 'due:' explicitly")
        return parsed
    if not isinstance(raw_due, dict):
        r.add(p + ".due", "'due' must be a mapping", value=raw_due, hint="e.g. due: {kind: quarter, quarter: 1}")
        return None
    kind = raw_due.get("kind")
    if kind not in DUE_KINDS:
        r.add(p + ".due.kind", f"unknown due kind {kind!r}", hint="use one of: " + ", ".join(DUE_KINDS))
        return None
    due: DueRule | None = None
    if kind == "quarter":
        q = raw_due.get("quarter")
        if not isinstance(q, int) or isinstance(q, bool) or not 1 <= q <= 4:
            r.add(p + ".due.quarter", "quarter must be 1, 2, 3 or 4", value=q, hint="e.g. due: {kind: quarter, quarter: 1}")
            return None
        due = DueRule("quarter", quarter=q)
    elif kind == "months":
        months = raw_due.get("months")
        if not isinstance(months, list) or not months or not all(isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in months):
            r.add(p + ".due.months", "months must be a list of month numbers 1–12", value=months, hint="e.g. months: [6, 12]")
            return None
        due = DueRule("months", months=tuple(sorted(set(months))))
    elif kind == "date":
        on = raw_due.get("date")
        if isinstance(on, str):
            try:
                on = dt.date.fromisoformat(on)
            except ValueError:
                r.add(p + ".due.date", "impossible or malformed date", value=raw_due.get("date"), hint="write an ISO date such as 2024-08-15")
                return None
        if not isinstance(on, dt.date):
            r.add(p + ".due.date", "missing or malformed date", value=on, hint="write an ISO date such as 2024-08-15")
            return None
        due = DueRule("date", on=on)
    else:
        due = DueRule(kind)
    if parsed is not None and parsed != due:
        r.add(p + ".due", f"'due' ({due.describe()}) contradicts time_frame '{time_frame}' ({parsed.describe()})",
              hint="make the two agree")
        return None
    return due


def _read_streams(raw: dict, r: _Reader) -> list[ReportStream]:
    streams: list[ReportStream] = []
    raw_streams = r.get(raw, "report_streams", "report_streams", list, default=[])
    for i, s in enumerate(raw_streams):
        p = f"report_streams[{i}]"
        code = r.get(s, "code", p + ".code", str)
        name = r.get(s, "name", p + ".name", str)
        short = r.get(s, "short_name", p + ".short_name", str, required=False, default=name)
        rules: list[ReportRule] = []
        for j, rep in enumerate(r.get(s, "reports", p + ".reports", list, default=[])):
            rp = f"{p}.reports[{j}]"
            kind = r.get(rep, "period", rp + ".period", (str, int))
            kind = str(kind) if kind is not None else None
            if kind is not None and kind not in PERIOD_KINDS:
                r.add(rp + ".period", f"unknown period kind {kind!r}", hint="use one of: " + ", ".join(PERIOD_KINDS))
                continue
            due = r.get(rep, "due_before", rp + ".due_before", dict, default=None)
            if due is None or kind is None:
                continue
            month, day = due.get("month"), due.get("day")
            if not (month == "end" or (isinstance(month, int) and 1 <= month <= 12)):
                r.add(rp + ".due_before.month", "month must be 1–12 or 'end' (last month of the period)", value=month,
                      hint="e.g. due_before: {month: 3, day: 1}")
                continue
            max_day = 31 if month == "end" else (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
            if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= max_day:
                r.add(rp + ".due_before.day", f"impossible day of month (1–{max_day})", value=day,
                      hint="use a day that exists in that month")
                continue
            rules.append(ReportRule(kind, month, day))
        if code and not SAFE_CODE_RE.fullmatch(code):
            r.add(p + ".code", f"stream code {code!r} must be letters, digits, - or _ (it names the report folder)",
                  value=code, hint="e.g. dan-chu")
            continue
        if code and name:
            if any(x.code == code for x in streams):
                r.add(p + ".code", f"duplicate stream code '{code}'", hint="give each stream its own code")
                continue
            streams.append(ReportStream(code, name, short, tuple(rules)))
    return streams


def iter_task_units(plan: Plan, tasks: Iterable[Task] | None = None) -> Iterable[tuple[Task, str]]:
    """Every (task, unit code) pair the plan tracks."""
    for t in tasks if tasks is not None else plan.tasks:
        for u in t.units:
            yield t, u
