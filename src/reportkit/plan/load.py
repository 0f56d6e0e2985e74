"""Loading a plan: YAML → Plan, validated lazily.

Every problem in the file is collected (with its YAML path and line) and
reported together in one PlanError. The plan format is described in
docs/plan-format.md; the model is in plan/model.py, the time-frame grammar in
plan/timeframes.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import PlanError, _Collector
from reportkit.messages import t
from reportkit.plan.locate import find_plan  # noqa: F401  (re-exported: reportkit.plan.load.find_plan)
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
from reportkit.plan.streams import read_streams
from reportkit.plan.task_fields import read_due, read_task_units
from reportkit.plan.timeframes import (  # noqa: F401  (re-exported for the same reason)
    DUE_KINDS,
    TIME_FRAME_FORMS,
    DueRule,
    Milestone,
    explain_time_frame,
    month_end,
    parse_time_frame,
    quarter_end,
    time_frame_forms,
)
from reportkit.plan.wording import read_tasks_section, read_wording
from reportkit.safeyaml import load_yaml_nodes, yaml_problem
from reportkit.text import fold_key, normalize_code, to_nfc


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

    def mappings(self, raw: dict, key: str, what: str):
        """Yield ``(yaml_path, item)`` for each mapping in the required list ``raw[key]``.

        An empty list and an item that is not a mapping are reported with the
        catalogue texts ``plan.no_<what>s`` and ``plan.<what>_not_mapping``.
        """
        items = self.get(raw, key, key, list, default=[])
        if isinstance(raw.get(key), list) and not items:
            self.add(key, t(f"plan.no_{what}s"), hint=t(f"plan.no_{what}s.fix"))
        for i, item in enumerate(items):
            path = f"{key}[{i}]"
            if isinstance(item, dict):
                yield path, item
            else:
                self.add(path, t(f"plan.{what}_not_mapping"), value=item, hint=t(f"plan.{what}_not_mapping.fix"))

    def get(self, data: Any, key: str, yaml_path: str, kind: type | tuple, required: bool = True, default: Any = None) -> Any:
        if not isinstance(data, dict):
            return default
        if key not in data or data[key] is None:
            if required:
                self.add(yaml_path, t("plan.missing_field", key=key), hint=t("plan.missing_field.fix", key=key))
            return default
        value = data[key]
        if isinstance(value, bool) and kind is not bool:
            ok = False
        else:
            ok = isinstance(value, kind)
        if not ok:
            kinds = (kind,) if isinstance(kind, type) else kind
            wanted = t("plan.type.or").join(_type_word("plan.type.", k.__name__) for k in kinds)
            actual = _type_word("plan.kind.", type(value).__name__)
            quote = t("plan.wrong_type.quote") if kinds == (str,) else ""
            self.add(yaml_path, t("plan.wrong_type", key=key, wanted=wanted, actual=actual), value=value,
                     hint=t("plan.wrong_type.fix", key=key, wanted=wanted) + quote)
            return default
        if isinstance(value, str):
            value = to_nfc(value).strip()
        return value


def _type_word(prefix: str, name: str) -> str:
    """The catalogue word for Python type ``name`` ("text", "văn bản"); the name itself when there is none."""
    try:
        return t(prefix + name)
    except KeyError:
        return name


def load_plan(path: Path | str | None = None, *, year: int | None = None) -> Plan:
    """Load and validate a plan YAML; raise PlanError listing every problem found.

    With no ``path``, the plan of ``year`` under ``data/plan/`` is used (see
    ``plan.locate.find_plan``).
    """
    import yaml

    path = Path(path) if path is not None else find_plan(year=year)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError(t("plan.not_found"), path=path, hint=t("plan.not_found.fix")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(t("plan.unreadable", detail=exc), path=path, hint=t("plan.unreadable.fix")) from None
    try:
        raw, root = load_yaml_nodes(text)  # refuses alias bombs and deep nesting before anything walks the tree
        lines, duplicates = _scan_nodes(root)
    except yaml.YAMLError as exc:
        raise yaml_problem(exc, PlanError, path, t("plan.yaml.fix")) from None
    if not isinstance(raw, dict):
        raise PlanError(t("plan.not_mapping"), path=path, hint=t("plan.not_mapping.fix"))
    r = _Reader(path, lines)
    for key_path, line in duplicates:
        r.errors.add(t("plan.duplicate_key", key=key_path.rsplit(".", 1)[-1]), yaml_path=key_path, line=line,
                     hint=t("plan.duplicate_key.fix"))
    return _build_plan(raw, r)


def _build_plan(raw: dict, r: _Reader) -> Plan:
    year = r.get(raw, "year", "year", int)
    if isinstance(year, int) and not 1900 <= year <= 2200:
        r.add("year", t("plan.year_range"), value=year, hint=t("plan.year_range.fix"))
        year = None
    title = r.get(raw, "title", "title", str, default="")
    issuer = r.get(raw, "issuer", "issuer", dict, default={})
    issuer_name = r.get(issuer, "name", "issuer.name", str, default="")
    superior = r.get(issuer, "superior", "issuer.superior", str, required=False, default="")
    symbol = r.get(issuer, "report_symbol", "issuer.report_symbol", str, required=False, default="BC")
    notice_symbol = r.get(issuer, "notice_symbol", "issuer.notice_symbol", str, required=False, default="")
    units = _read_units(raw, r)
    tasks = _TaskList(r, units)
    sections = _read_content_items(raw, r, tasks, year)
    sections.append(_read_concrete_tasks(raw, r, tasks, year))
    streams = read_streams(raw, r, year)
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
    wording = read_wording(raw, r)
    word_reference = r.get(raw, "word_reference", "word_reference", str, required=False, default="")
    r.errors.raise_if_any(t("plan.invalid"))
    return Plan(
        path=r.path, code=code, year=year, title=title, document_type=document_type, place=place,
        issuer_name=issuer_name, superior_name=superior, report_symbol=symbol, basis=basis,
        purposes=purposes, units=tuple(units.units), sections=tuple(sections), tasks=tuple(tasks.tasks),
        streams=tuple(streams), signer_title=signer_title, signer_name=signer_name,
        recipients=tuple(to_nfc(str(x)) for x in recipients),
        responsibilities=responsibilities, closing=closing, wording=wording, tasks_section=sections[-1],
        word_reference=word_reference.strip(), notice_symbol=to_nfc(notice_symbol).strip(),
        _unit_index=units.index,
    )


@dataclass
class _UnitTable:
    """The plan's units as read so far, with the look-up index Plan.find_unit uses."""

    units: list[Unit] = field(default_factory=list)
    index: dict[str, Unit] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)  # a province plan can list thousands of units
    paths: dict[str, str] = field(default_factory=dict)  # unit code → YAML path
    collisions: set[tuple[str, str]] = field(default_factory=set)  # (unit, other unit) already reported

    @property
    def codes(self) -> list[str]:
        return [u.code for u in self.units]

    def add(self, unit: Unit, yaml_path: str, r: _Reader) -> None:
        """Add ``unit``; a look-up key (name without its kind word) that another unit has is reported."""
        self.units.append(unit)
        self.known.add(unit.code)
        self.paths[unit.code] = yaml_path
        for name, keys in [(unit.code, (fold_key(unit.code),))] + [(n, unit_keys(n)) for n in (unit.name, *unit.aliases)]:
            for key in keys:  # a code is matched as written; a name also without its kind word
                other = self.index.setdefault(key, unit)
                if other is not unit and (unit.code, other.code) not in self.collisions:
                    self.collisions.add((unit.code, other.code))
                    r.add(yaml_path, t("plan.unit_key_collision", code=unit.code, other=other.code, name=name),
                          hint=t("plan.unit_key_collision.fix", other_path=self.paths[other.code]))

    def check(self, r: _Reader, value: Any, yaml_path: str) -> tuple[str, ...]:
        """The known unit codes of a task's ``units:`` list; every unknown one is reported."""
        if not isinstance(value, list):
            r.add(yaml_path, t("plan.units_not_list"), value=value, hint=t("plan.units_not_list.fix"))
            return ()
        good = []
        for j, code in enumerate(value):
            if not isinstance(code, str) or code not in self.known:
                r.add(f"{yaml_path}[{j}]", t("plan.unknown_unit", code=code),
                      hint=t("plan.use_one_of", codes=", ".join(self.codes)))
            else:
                good.append(code)
        return tuple(good)


def _read_units(raw: dict, r: _Reader) -> _UnitTable:
    table = _UnitTable()
    for p, u in r.mappings(raw, "units", "unit"):
        code = r.get(u, "code", p + ".code", str)
        name = r.get(u, "name", p + ".name", str)
        aliases = r.get(u, "aliases", p + ".aliases", list, required=False, default=[])
        sample = r.get(u, "sample", p + ".sample", bool, required=False, default=False)
        emails = _read_emails(u, p + ".email", r)
        if not code or not name:
            continue
        if code in table.known:
            r.add(p + ".code", t("plan.duplicate_unit", code=code), hint=t("plan.duplicate_unit.fix"))
            continue
        table.add(Unit(code, name, tuple(to_nfc(str(a)) for a in aliases), bool(sample), emails), p, r)
    return table


_EMAIL = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+")


def _read_emails(unit: dict, yaml_path: str, r: _Reader) -> tuple[str, ...]:
    """A unit's ``email:``: one address or a list of them; anything but a plain address (local@domain.tld) is reported."""
    value = r.get(unit, "email", yaml_path, (str, list), required=False, default=[])
    items = [(yaml_path, value)] if isinstance(value, str) else [(f"{yaml_path}[{i}]", v) for i, v in enumerate(value)]
    good: list[str] = []
    for item_path, item in items:
        text = to_nfc(item).strip() if isinstance(item, str) else None
        if text is None or not _EMAIL.fullmatch(text):
            r.add(item_path, t("plan.bad_email"), value=item, hint=t("plan.bad_email.fix"))
        elif text not in good:
            good.append(text)
    return tuple(good)


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
            self.r.add(yaml_path, t("plan.code_not_canonical", code=code), hint=t("plan.code_not_canonical.fix", canonical=code_n))
        return code_n

    def append(self, task: Task, yaml_path: str) -> None:
        if task.code in self.seen:
            self.r.add(yaml_path, t("plan.duplicate_code", code=task.code, first=self.seen[task.code]),
                       hint=t("plan.duplicate_code.fix"))
            return
        self.seen[task.code] = yaml_path
        self.tasks.append(task)


def _read_content_items(raw: dict, r: _Reader, tasks: _TaskList, year: int | None) -> list[tuple[str, str]]:
    """The sections of content items (II.n.x); each item is tracked for every unit unless it lists its own."""
    content_tf = r.get(raw, "content_time_frame", "content_time_frame", str, required=False, default="thường xuyên")
    content_due = parse_time_frame(content_tf, year or 2000)
    if content_due is None:
        r.add("content_time_frame", t("plan.unknown_time_frame", text=content_tf),
              hint=t("plan.unknown_time_frame.fix", forms=time_frame_forms()))
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
            tasks.append(Task(code_n, text, content_tf, content_due, "content", scode, (), item_units), ip + ".code")
    return sections


def _read_concrete_tasks(raw: dict, r: _Reader, tasks: _TaskList, year: int | None) -> tuple[str, str]:
    """The concrete tasks (section ``tasks_section``), each with its lead units and time frame; returns the section."""
    section = read_tasks_section(raw, r)
    for p, raw_task in r.mappings(raw, "tasks", "task"):
        code = r.get(raw_task, "code", p + ".code", str)
        text = r.get(raw_task, "text", p + ".text", str)
        tf = r.get(raw_task, "time_frame", p + ".time_frame", str)
        task_section = r.get(raw_task, "section", p + ".section", str, required=False, default=section[0])
        units = read_task_units(raw_task, p, r, tasks.units)
        due = read_due(raw_task, tf, p, r, year)
        if not code or not text or not tf or due is None or not units.leads:
            continue
        code_n = tasks.canonical_code(code, p + ".code")
        tasks.append(Task(code_n, text, tf, due, "task", normalize_code(task_section) or section[0], units.leads,
                          units.units, units.support), p + ".code")
    return section


def _read_responsibilities(raw: dict, r: _Reader) -> tuple[dict, ...]:
    """Tổ chức thực hiện: a list of mappings (code, units, text, …), kept as written."""
    good = []
    for i, item in enumerate(r.get(raw, "responsibilities", "responsibilities", list, required=False, default=[])):
        if isinstance(item, dict):
            good.append(item)
        else:
            r.add(f"responsibilities[{i}]", t("plan.responsibility_not_mapping"), value=item,
                  hint=t("plan.responsibility_not_mapping.fix"))
    return tuple(good)


def _read_purposes(raw: dict, r: _Reader) -> tuple[tuple[str, str], ...]:
    purposes = []
    for i, pz in enumerate(r.get(raw, "purposes", "purposes", list, required=False, default=[])):
        if isinstance(pz, dict):
            purposes.append((str(pz.get("code", i + 1)), to_nfc(str(pz.get("text", "")))))
        else:
            purposes.append((str(i + 1), to_nfc(str(pz))))
    return tuple(purposes)
