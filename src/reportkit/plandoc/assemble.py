"""Assembling the plan draft from the parts of a document, with its findings and TODO comments.

Never a silent guess: a time frame that names no date or is not understood
gets ``due: {kind: unknown}``; a task without a named lead gets the unit that
section IV charges with organising and tracking, said in a finding; an
unknown unit, a report not understood, a header field not found each give a
finding and a ``# TODO`` on their line of the YAML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reportkit.messages import t
from reportkit.plan.timeframes import DueRule, explain_time_frame, parse_time_frame
from reportkit.plandoc.findings import WARNING_NOTES, PlanFinding, make_finding
from reportkit.plandoc.header import Header, read_end, read_front, table_lines
from reportkit.plandoc.lines import join_lines, join_texts
from reportkit.plandoc.reports import read_streams
from reportkit.plandoc.sections import (
    all_texts,
    find_sections,
    read_content,
    read_purposes,
    read_responsibilities,
)
from reportkit.plandoc.structure import build_tree, sentence_case
from reportkit.plandoc.tasks import (
    DraftTask,
    find_task_table,
    tasks_of_section,
    tasks_of_table,
)
from reportkit.plandoc.units import (
    UnitRegistry,
    is_unit_name,
    register_named_units,
    slug,
)
from reportkit.text import fold_key

_ORGANISER_RE = re.compile(r"theo doi|don doc|tong hop|tham muu|chu tri")
_SUBJECT_STOP_RE = re.compile(
    r"\s+(?:là|làm|chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thuộc|theo dõi|chỉ đạo|tổ chức|căn cứ|triển khai"
    r"|thực hiện|xây dựng|tham mưu|báo cáo|tổng hợp,|giao|được|đôn đốc|hướng dẫn|kiểm tra)\b")
_REPORTING_RE = re.compile(r"\(b/c\)|\(để b/c\)|\(báo cáo\)|^lưu\b", re.IGNORECASE)


@dataclass
class Draft:
    """The draft being built: its data (YAML order), TODO comments by YAML path, findings."""

    data: dict[str, Any] = field(default_factory=dict)
    todos: dict[tuple, str] = field(default_factory=dict)
    findings: list[PlanFinding] = field(default_factory=list)
    header_comments: list[str] = field(default_factory=list)

    def flag(self, path: tuple | None, code: str, **fields: Any) -> None:
        """A finding, and its message as a TODO comment on ``path`` (several on one line are joined)."""
        finding = make_finding(code, **fields)
        self.findings.append(finding)
        if path is not None:
            self.todos[path] = f"{self.todos[path]} | {finding.message}" if path in self.todos else finding.message


def _blocks(document: Any) -> list[Any]:
    if document.kind not in ("txt", "pdf"):
        return list(document.blocks)
    out: list[Any] = []
    run: list[Any] = []
    for block in document.blocks:
        if hasattr(block, "text"):
            run.append(block)
            continue
        out.extend(join_lines(run))
        run = []
        out.append(block)
    return out + join_lines(run)


def assemble_draft(document: Any) -> Draft:
    """The draft of the plan in ``document`` (a SourceDocument)."""
    draft = Draft()
    for note in document.notes:
        draft.flag(None, "source_note", note=note.message, location=note.location,
                   severity="warning" if note.code in WARNING_NOTES else "info")
    tree = build_tree(_blocks(document))
    found = find_sections(tree.root)
    tables = _tables(tree)
    task_tables = [(tbl, found_t, section) for tbl, section in tables if (found_t := find_task_table(tbl))]
    other_cells = [c for tbl, _ in tables if not find_task_table(tbl) for row in tbl.rows for c in dict.fromkeys(row)]
    body_text = " ".join([*all_texts(tree.root), *(p for p, _ in tree.closing)])
    front = table_lines([x for x in tree.front_tables if not find_task_table(x)]) + [p for p, _ in tree.front]
    for tbl, ft, _ in task_tables:
        front += [c for row in tbl.rows[: ft.header_row] for c in dict.fromkeys(row) if c.strip()]
    header = read_front(front, body_text)
    read_end([p for p, _ in tree.end] + table_lines(tree.end_tables), header)
    registry = UnitRegistry()
    responsibilities = read_responsibilities(found["organisation"]) if "organisation" in found else []
    tasks = _collect_tasks(found, task_tables)
    for text in [body_text, header.basis, *other_cells]:
        register_named_units(registry, text)
    _register_units(registry, tasks, responsibilities, header)
    for text in [body_text, *(c for tbl, _, _ in task_tables for row in tbl.rows for c in row)]:
        registry.define_abbreviations(text)
    year = _year(draft, header, body_text)
    _fill_header(draft, header, year, document)
    if "purposes" in found:
        draft.data["purposes"] = read_purposes(found["purposes"])
    draft.data["units"] = [{"code": u.code, "name": u.name, **({"aliases": u.aliases} if u.aliases else {})}
                           for u in registry.units]
    content = [s for node in found["content"] for s in read_content(node)]
    if content:
        draft.data["sections"] = content
    _add_tasks(draft, tasks, found, registry, responsibilities, year)
    _add_responsibilities(draft, responsibilities, registry)
    if tree.closing:
        draft.data["closing"] = join_texts([p for p, _ in tree.closing])
    report_texts = [p for node in found["reports"] for p in all_texts(node)] or all_texts(tree.root)
    _add_streams(draft, [*report_texts, *(c for c in other_cells if c.strip())], year)
    _add_end(draft, header)
    return draft


def _tables(tree: Any) -> list[tuple[Any, str]]:
    """Every table with the label of the Roman section holding it ("" before the first heading)."""
    out = [(table, "") for table in tree.front_tables]

    def walk(node: Any, section: str) -> None:
        section = node.label if node.kind == "roman" else section
        out.extend((table, section) for table in node.tables)
        for child in node.children:
            walk(child, section)

    walk(tree.root, "")
    return out


def _collect_tasks(found: dict, task_tables: list) -> list[DraftTask]:
    tasks = tasks_of_section(found["tasks"]) if "tasks" in found and found["tasks"].children else []
    section = found["tasks"].label if "tasks" in found else ""
    for _, ft, table_section in task_tables:
        tasks.extend(tasks_of_table(ft, table_section or section))
    return tasks


def _subject(item: dict, registry: UnitRegistry) -> str:
    """The units a responsibility charges: the words before its colon or its first verb, when they name units."""
    text = item["subject"] or item["text"]
    if not (is_unit_name(text) or re.match(r"^(?:trưởng\s+)?(?:các|toàn thể)\s", text, re.IGNORECASE)):
        return ""
    subject = _SUBJECT_STOP_RE.split(text, maxsplit=1)[0]
    return _known_prefix(re.sub(r"\s*\([^)]*\)\s*$", "", subject).strip(" ,;"), registry)


def _known_prefix(subject: str, registry: UnitRegistry) -> str:
    """The longest start of ``subject`` that names a known unit ("Phòng KHTC tổng hợp" → "Phòng KHTC"), else ``subject``."""
    words = subject.split()
    for n in range(len(words), 0, -1):
        if registry.find(" ".join(words[:n])):
            return " ".join(words[:n]) if n < len(words) else subject
    return subject


def _register_units(registry: UnitRegistry, tasks: list[DraftTask], responsibilities: list[dict], header: Header) -> None:
    for task in tasks:
        for text in (task.lead_text, task.support_text):
            if text:
                registry.mention(text, register=True)
    for item in responsibilities:
        subject = _subject(item, registry)
        if subject:
            registry.mention(subject, register=True)
    for recipient in header.recipients:
        name = recipient.strip(" ;.")
        if is_unit_name(name) and not _REPORTING_RE.search(name) and not re.match(r"^các\s", name, re.IGNORECASE):
            registry.mention(name, register=True)


def _year(draft: Draft, header: Header, body_text: str) -> int:
    if header.year:
        return header.year
    years = Counter(int(y) for y in re.findall(r"\b(20\d\d)\b", body_text))
    if years:
        year = years.most_common(1)[0][0]
        draft.flag(("year",), "header_from_text", field="year", value=year)
        return year
    import datetime as dt

    draft.flag(("year",), "header_missing", field="year")
    return dt.date.today().year


def _fill_header(draft: Draft, h: Header, year: int, document: Any) -> None:
    d = draft.data
    draft.header_comments = [t("import.yaml.header", source=document.path.name), t("import.yaml.todo_hint")]
    org = h.organisation
    d["schema_version"] = 1
    d["code"] = "-".join(x for x in (slug("".join(w[0] for w in re.findall(r"\w+", org))), str(year)) if x)
    d["year"] = year
    d["document_type"] = h.document_type or "KẾ HOẠCH"
    d["title"] = h.title
    if not h.title:
        draft.flag(("title",), "header_missing", field="title")
    if h.place:
        d["place"] = h.place
    if h.number:
        d["number"] = h.number
    if h.date:
        d["date"] = h.date
    d["issuer"] = {"name": org, **({"superior": h.superior} if h.superior else {})}
    if not org:
        draft.flag(("issuer", "name"), "header_missing", field="issuer.name")
    elif "organisation" in h.guessed:
        draft.flag(("issuer", "name"), "header_from_text", field="issuer.name", value=org)
    if h.basis:
        d["basis"] = h.basis


def _add_tasks(draft: Draft, tasks: list[DraftTask], found: dict, registry: UnitRegistry,
               responsibilities: list[dict], year: int) -> None:
    if "tasks" in found:
        node = found["tasks"]
        draft.data["tasks_section"] = {"code": node.label, "title": sentence_case(node.text)}
    organiser = _organiser(responsibilities, registry)
    seen: set[str] = set()
    out: list[dict] = []
    draft.data["tasks"] = out
    for i, task in enumerate(tasks):
        path = ("tasks", i)
        item: dict[str, Any] = {"code": task.code, "text": task.text, "time_frame": task.time_frame}
        out.append(item)
        if task.code in seen:
            draft.flag((*path, "code"), "duplicate_code", task_code=task.code, location=task.location)
        seen.add(task.code)
        _add_due(draft, item, task, path, year)
        leads = _units_of(draft, task, task.lead_text, registry, (*path, "lead"))
        support = _units_of(draft, task, task.support_text, registry, (*path, "support"))
        if not leads and organiser and not task.lead_text:
            leads = [organiser]
            draft.flag((*path, "lead"), "lead_from_organiser", task_code=task.code, location=task.location,
                       unit=registry.unit(organiser).name)
        elif not leads:
            draft.flag((*path, "lead"), "lead_missing", task_code=task.code, location=task.location)
        item["lead"] = leads[0] if len(leads) == 1 else leads
        support = [c for c in support if c not in leads]
        if support:
            item["support"] = support
        item["units"] = list(dict.fromkeys([*leads, *support]))


def _organiser(responsibilities: list[dict], registry: UnitRegistry) -> str | None:
    for item in responsibilities:
        subject = _subject(item, registry)
        codes = [c for m in registry.mention(subject, register=False) for c in m.codes] if subject else []
        if len(codes) == 1 and _ORGANISER_RE.search(fold_key(item["text"])):
            return codes[0]
    return None


def _units_of(draft: Draft, task: DraftTask, text: str, registry: UnitRegistry, path: tuple) -> list[str]:
    codes: list[str] = []
    for m in registry.mention(text, register=False) if text else ():
        if m.unknown:
            draft.flag(path, "unit_unknown", task_code=task.code, location=task.location, phrase=m.unknown)
        if m.via_initials:
            draft.flag(path, "unit_by_initials", task_code=task.code, location=task.location, phrase=m.via_initials,
                       unit=registry.unit(m.codes[0]).name)
        if m.collective and not m.codes:
            draft.flag(path, "collective_empty", task_code=task.code, location=task.location, phrase=m.collective)
        codes.extend(c for c in m.codes if c not in codes)
    return codes


def _add_due(draft: Draft, item: dict, task: DraftTask, path: tuple, year: int) -> None:
    if not task.time_frame:
        item["due"] = {"kind": "unknown"}
        draft.flag((*path, "time_frame"), "time_frame_missing", task_code=task.code, location=task.location)
        return
    rule = parse_time_frame(task.time_frame, year)
    if rule is None or rule.kind == "unknown":
        item["due"] = {"kind": "unknown"}
        undated = rule is not None or explain_time_frame(task.time_frame, year) == t("timeframe.undated")
        draft.flag((*path, "due"), "time_frame_undated" if undated else "time_frame_unknown", task_code=task.code,
                   location=task.location, phrase=task.time_frame)
        return
    due = due_as_yaml(rule)
    if due is not None:
        item["due"] = due


def due_as_yaml(rule: DueRule) -> dict | None:
    """The ``due:`` mapping of a parsed time frame; None when the time frame alone says it (a year or day written)."""
    if rule.year is not None or rule.day is not None:
        return None
    if rule.kind == "quarter":
        return {"kind": "quarter", "quarter": rule.quarter}
    if rule.kind == "months":
        return {"kind": "months", "months": list(rule.months)}
    if rule.kind == "date":
        return {"kind": "date", "date": rule.on, **({"exclusive": True} if rule.exclusive else {})}
    if rule.kind in ("continuous", "external", "unknown"):
        return {"kind": rule.kind}
    return None


def _add_responsibilities(draft: Draft, responsibilities: list[dict], registry: UnitRegistry) -> None:
    out = []
    for item in responsibilities:
        subject = _subject(item, registry)
        codes = [c for m in registry.mention(subject, register=False) for c in m.codes] if subject else []
        entry: dict[str, Any] = {"code": item["code"]}
        if codes:
            entry["units"] = list(dict.fromkeys(codes))
        entry["text"] = item["text"]
        if item["details"]:
            entry["details"] = item["details"]
        out.append(entry)
    if out:
        draft.data["responsibilities"] = out


def _add_streams(draft: Draft, paragraphs: list[str], year: int) -> None:
    streams = read_streams(paragraphs, year)
    out = []
    for i, s in enumerate(streams):
        path = ("report_streams", i)
        name = s.name or t("import.stream_default_name")
        out.append({"code": s.code, "name": name, "short_name": s.short_name or name,
                    **({"submit_by": s.submit} if s.submit else {}), "reports": s.reports})
        if not s.named:
            draft.flag((*path, "name"), "stream_unnamed", phrase=name)
        for phrase in s.not_understood:
            draft.flag((*path, "reports"), "report_not_understood", phrase=phrase)
    draft.data["report_streams"] = out
    if not out:
        draft.flag(("report_streams",), "reports_missing")


def _add_end(draft: Draft, h: Header) -> None:
    draft.data["signer"] = {"title": h.signer_title, "name": h.signer_name}
    if not (h.signer_title and h.signer_name):
        draft.flag(("signer",), "header_missing", field="signer")
    draft.data["recipients"] = h.recipients
    if not h.recipients:
        draft.flag(("recipients",), "header_missing", field="recipients")
