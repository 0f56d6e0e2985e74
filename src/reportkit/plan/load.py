"""Loading a plan: YAML → Plan, validated lazily.

Every problem in the file is collected (with its YAML path and line) and
reported together in one PlanError. The plan format is described in
docs/plan-format.md; the model is in plan/model.py, the time-frame grammar in
plan/timeframes.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import PlanError, _Collector
from reportkit.plan.model import (  # noqa: F401  (re-exported: reportkit.plan.load.Plan is imported widely)
    PERIOD_KINDS,
    Plan,
    ReportRule,
    ReportStream,
    Task,
    Unit,
    iter_task_units,
    unit_keys,
)
from reportkit.plan.timeframes import (  # noqa: F401  (re-exported for the same reason)
    DUE_KINDS,
    TIME_FRAME_FORMS,
    DueRule,
    Milestone,
    month_end,
    parse_time_frame,
    quarter_end,
)
from reportkit.safepath import SAFE_CODE_RE
from reportkit.safeyaml import load_yaml_nodes, yaml_problem
from reportkit.text import normalize_code, to_nfc


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
    units = _read_units(raw, r)
    tasks = _TaskList(r, units)
    sections = _read_content_items(raw, r, tasks, year)
    sections.append(_read_concrete_tasks(raw, r, tasks, year))
    streams = _read_streams(raw, r)
    signer = r.get(raw, "signer", "signer", dict, default={})
    signer_title = r.get(signer, "title", "signer.title", str, default="")
    signer_name = r.get(signer, "name", "signer.name", str, default="")
    recipients = r.get(raw, "recipients", "recipients", list, required=False, default=[])
    purposes = _read_purposes(raw, r)
    responsibilities = _read_responsibilities(raw, r)
    code = r.get(raw, "code", "code", str, required=False, default=r.path.stem)
    document_type = r.get(raw, "document_type", "document_type", str, required=False, default="KẾ HOẠCH")
    place = r.get(raw, "place", "place", str, required=False, default="")
    basis = r.get(raw, "basis", "basis", str, required=False, default="")
    closing = r.get(raw, "closing", "closing", str, required=False, default="")
    r.errors.raise_if_any("invalid plan")
    return Plan(
        path=r.path, code=code, year=year, title=title, document_type=document_type, place=place,
        issuer_name=issuer_name, superior_name=superior, report_symbol=symbol, basis=basis,
        purposes=purposes, units=tuple(units.units), sections=tuple(sections), tasks=tuple(tasks.tasks),
        streams=tuple(streams), signer_title=signer_title, signer_name=signer_name,
        recipients=tuple(to_nfc(str(x)) for x in recipients),
        responsibilities=responsibilities, closing=closing,
        _unit_index=units.index,
    )


@dataclass
class _UnitTable:
    """The plan's units as read so far, with the look-up index Plan.find_unit uses."""

    units: list[Unit] = field(default_factory=list)
    index: dict[str, Unit] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)  # a province plan can list thousands of units

    @property
    def codes(self) -> list[str]:
        return [u.code for u in self.units]

    def add(self, unit: Unit) -> None:
        self.units.append(unit)
        self.known.add(unit.code)
        for name in (unit.code, unit.name, *unit.aliases):
            for key in unit_keys(name):
                self.index.setdefault(key, unit)

    def check(self, r: _Reader, value: Any, yaml_path: str) -> tuple[str, ...]:
        """The known unit codes of a task's ``units:`` list; every unknown one is reported."""
        if not isinstance(value, list):
            r.add(yaml_path, "must be a list of unit codes", value=value, hint="e.g. [hcth, lanh-dao]")
            return ()
        good = []
        for j, code in enumerate(value):
            if not isinstance(code, str) or code not in self.known:
                r.add(f"{yaml_path}[{j}]", f"unknown unit '{code}'", hint="use one of: " + ", ".join(self.codes))
            else:
                good.append(code)
        return tuple(good)


def _read_units(raw: dict, r: _Reader) -> _UnitTable:
    table = _UnitTable()
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
        if code in table.known:
            r.add(p + ".code", f"duplicate unit code '{code}'", hint="give each unit its own code")
            continue
        table.add(Unit(code, name, tuple(to_nfc(str(a)) for a in aliases), bool(sample)))
    return table


@dataclass
class _TaskList:
    """Tasks and content items in plan order; a code may be used once."""

    r: _Reader
    units: _UnitTable
    tasks: list[Task] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # code → YAML path of its first use

    def canonical_code(self, code: str, yaml_path: str) -> str:
        code_n = normalize_code(code)
        if code_n != code:
            self.r.add(yaml_path, f"code '{code}' is not in canonical form", hint=f"write '{code_n}'")
        return code_n

    def append(self, task: Task, yaml_path: str) -> None:
        if task.code in self.seen:
            self.r.add(yaml_path, f"duplicate code '{task.code}' (also at {self.seen[task.code]})",
                       hint="each task or item needs its own code")
            return
        self.seen[task.code] = yaml_path
        self.tasks.append(task)


def _read_content_items(raw: dict, r: _Reader, tasks: _TaskList, year: int | None) -> list[tuple[str, str]]:
    """The sections of content items (II.n.x); each item is tracked for every unit unless it lists its own."""
    content_tf = r.get(raw, "content_time_frame", "content_time_frame", str, required=False, default="thường xuyên")
    content_due = parse_time_frame(content_tf, year or 2000)
    if content_due is None:
        r.add("content_time_frame", f"unknown time frame '{content_tf}'", hint="write one of: " + "; ".join(TIME_FRAME_FORMS))
        content_due = DueRule("continuous")
    sections: list[tuple[str, str]] = []
    for i, s in enumerate(r.get(raw, "sections", "sections", list, required=False, default=[])):
        p = f"sections[{i}]"
        scode = normalize_code(r.get(s, "code", p + ".code", str, default=""))
        sections.append((scode, r.get(s, "title", p + ".title", str, default="")))
        for j, item in enumerate(r.get(s, "items", p + ".items", list, default=[])):
            ip = f"{p}.items[{j}]"
            code = r.get(item, "code", ip + ".code", str)
            text = r.get(item, "text", ip + ".text", str)
            if not code or not text:
                continue
            code_n = tasks.canonical_code(code, ip + ".code")
            item_units = tasks.units.check(r, item["units"], ip + ".units") if "units" in item else tuple(tasks.units.codes)
            tasks.append(Task(code_n, text, content_tf, content_due, "content", scode, None, item_units), ip + ".code")
    return sections


def _read_concrete_tasks(raw: dict, r: _Reader, tasks: _TaskList, year: int | None) -> tuple[str, str]:
    """The concrete tasks (section III), each with its lead unit and time frame; returns the section."""
    raw_tasks = r.get(raw, "tasks", "tasks", list, default=[])
    if isinstance(raw.get("tasks"), list) and not raw_tasks:
        r.add("tasks", "the plan lists no tasks", hint="list the plan's concrete tasks")
    section = ("III", r.get(raw, "tasks_title", "tasks_title", str, required=False, default="Nhiệm vụ cụ thể"))
    for i, t in enumerate(raw_tasks):
        p = f"tasks[{i}]"
        if not isinstance(t, dict):
            r.add(p, "a task must be a mapping", value=t, hint="give code, text, time_frame, lead and units")
            continue
        code = r.get(t, "code", p + ".code", str)
        text = r.get(t, "text", p + ".text", str)
        tf = r.get(t, "time_frame", p + ".time_frame", str)
        lead = r.get(t, "lead", p + ".lead", str)
        t_units = tasks.units.check(r, t.get("units"), p + ".units") if "units" in t else ()
        if "units" not in t:
            r.add(p + ".units", "missing required field 'units'", hint="list the units that carry this task")
        if lead and lead not in tasks.units.known:
            r.add(p + ".lead", f"unknown unit '{lead}'", hint="use one of: " + ", ".join(tasks.units.codes))
            lead = None
        elif lead and t_units and lead not in t_units:
            t_units = (lead, *t_units)
        due = _read_due(t, tf, p, r, year)
        if not code or not text or not tf or due is None:
            continue
        code_n = tasks.canonical_code(code, p + ".code")
        tasks.append(Task(code_n, text, tf, due, "task", section[0], lead, t_units), p + ".code")
    return section


def _read_responsibilities(raw: dict, r: _Reader) -> tuple[dict, ...]:
    """Tổ chức thực hiện: a list of mappings (code, units, text, …), kept as written."""
    good = []
    for i, item in enumerate(r.get(raw, "responsibilities", "responsibilities", list, required=False, default=[])):
        if isinstance(item, dict):
            good.append(item)
        else:
            r.add(f"responsibilities[{i}]", "a responsibility must be a mapping", value=item,
                  hint="write '- code: …' and 'text: …'")
    return tuple(good)


def _read_purposes(raw: dict, r: _Reader) -> tuple[tuple[str, str], ...]:
    purposes = []
    for i, pz in enumerate(r.get(raw, "purposes", "purposes", list, required=False, default=[])):
        if isinstance(pz, dict):
            purposes.append((str(pz.get("code", i + 1)), to_nfc(str(pz.get("text", "")))))
        else:
            purposes.append((str(i + 1), to_nfc(str(pz))))
    return tuple(purposes)


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
