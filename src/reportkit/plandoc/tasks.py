"""Tasks of a plan document: numbered task paragraphs and task tables.

A task paragraph is a numbered item of the tasks section ("3. Ban hành Kế
hoạch …"), with the paragraphs after it ("Thời gian thực hiện: quý I, năm
2024", "Chủ trì: …", "Phối hợp: …"); its code is the document's numbering
(III.3). Sub-items with their own time frame are tasks of their own (III.3.a);
otherwise they are part of the task's text.

A task table is found by its header row, matched as intake matches workbook
headers (intake.headers.header_key / field_of) with the plan columns added
(STT, Đơn vị chủ trì, Đơn vị phối hợp). Group rows ("I", "II. Công tác …")
start a group; STT restarts in each group, so row 4 of group II is II.4.
Merged cells arrive repeated in every covered cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportkit.intake.headers import field_of, header_key
from reportkit.messages import t
from reportkit.plandoc.lines import join_texts
from reportkit.plandoc.structure import Node

_PLAN_COLUMNS = {
    "stt": ("stt", "tt", "so tt", "so thu tu"),
    "lead": ("don vi chu tri", "chu tri", "co quan chu tri", "bo phan chu tri", "don vi thuc hien", "chu tri thuc hien",
             "don vi ca nhan chu tri", "nguoi don vi chu tri", "don vi chu tri thuc hien", "co quan don vi chu tri"),
    "support": ("don vi phoi hop", "phoi hop", "co quan phoi hop", "bo phan phoi hop", "phoi hop thuc hien",
                "co quan don vi phoi hop", "don vi phoi hop thuc hien"),
    "time_frame": ("thoi gian hoan thanh", "thoi han hoan thanh", "tien do thuc hien", "tien do hoan thanh",
                   "thoi gian thuc hien hoan thanh", "thoi gian trien khai"),
    "task_text": ("noi dung", "cong viec", "nhiem vu noi dung", "noi dung nhiem vu cong viec"),
}
_PLAN_FIELD = {key: name for name, keys in _PLAN_COLUMNS.items() for key in keys}
_FIELDS = re.compile(
    r"(?:^|(?<=[\s.;]))(?P<name>Thời gian(?: thực hiện| hoàn thành)?|Thời hạn(?: hoàn thành| thực hiện)?|Tiến độ(?: thực hiện)?"
    r"|(?:Đơn vị |Cơ quan |Bộ phận )?chủ trì(?: thực hiện)?|Đơn vị thực hiện"
    r"|(?:Đơn vị |Cơ quan |Bộ phận )?phối hợp(?: thực hiện)?)\s*:\s*",
    re.IGNORECASE,
)
_ROMAN_RE = re.compile(r"^([IVX]{1,5})\s*[.)\-–]?\s*(.*)$")
_NUMBER_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*)\s*[.)]?$")
_NUMBERING_ROW_RE = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass
class DraftTask:
    """A task as the document writes it: code, text, time frame and the unit phrases."""

    code: str
    text: str
    time_frame: str
    location: str
    lead_text: str = ""
    support_text: str = ""


def split_fields(text: str) -> tuple[str, dict[str, str]]:
    """A task paragraph's text and its fields ("Thời gian thực hiện: …", "Chủ trì: …")."""
    matches = list(_FIELDS.finditer(text))
    if not matches:
        return text.strip(), {}
    fields: dict[str, str] = {}
    for m, nxt in zip(matches, [*matches[1:], None]):
        value = text[m.end(): nxt.start() if nxt else len(text)].strip()
        fields[_field_name(m.group("name"))] = value.strip(" .;,")
    return text[: matches[0].start()].strip(), fields


def _field_name(label: str) -> str:
    key = header_key(label)
    if "phoi hop" in key:
        return "support"
    if "chu tri" in key or "don vi thuc hien" in key:
        return "lead"
    return "time_frame"


def tasks_of_section(section: Node) -> list[DraftTask]:
    """The tasks of a section: its numbered items (and sub-items with their own time frame)."""
    out: list[DraftTask] = []
    for child in section.children:
        out.extend(_tasks_of_item(child, section.label))
    return out


def own_fields(node: Node) -> tuple[str, dict[str, str], list[Node]]:
    """An item's text, its fields (in its text or in sub-items that are only fields: "- Chủ trì: …"), its other sub-items."""
    text, fields = split_fields(join_texts(node.body))
    rest: list[Node] = []
    for child in node.children:
        child_text, child_fields = split_fields(join_texts(child.body))
        if child_fields and not child_text and not child.children:
            for key, value in child_fields.items():
                fields.setdefault(key, value)
        else:
            rest.append(child)
    return text, fields, rest


def _tasks_of_item(node: Node, prefix: str) -> list[DraftTask]:
    code = f"{prefix}.{node.label}" if node.label else prefix
    text, fields, rest = own_fields(node)
    if "time_frame" not in fields and any("time_frame" in own_fields(c)[1] for c in rest):
        tasks: list[DraftTask] = []
        for child in rest:
            tasks.extend(_tasks_of_item(child, code))
        return tasks
    extra = [f"{'- ' if c.kind == 'bullet' else c.label + ') '}{join_texts(c.body)}" for c in rest]
    return [DraftTask(code, join_texts([text, *extra]), fields.get("time_frame", ""), node.location,
                      fields.get("lead", ""), fields.get("support", ""))]


# ------------------------------------------------------------------ tables

def _column_field(cell: str) -> str | None:
    key = header_key(cell)
    return _PLAN_FIELD.get(key) or field_of(cell)


@dataclass
class TaskTable:
    """A table recognised as a task table: which column holds which field, and where the data starts."""

    table: Any
    header_row: int
    columns: dict[str, int]
    first_row: int


def find_task_table(table: Any) -> TaskTable | None:
    """The header of ``table`` when it is a task table (a text column and a time frame or unit column)."""
    rows = table.rows
    for i, row in enumerate(rows[:20]):
        fields = [_column_field(c) if c and len(c) <= 80 else None for c in row]
        if "task_text" not in fields or not {"time_frame", "lead", "stt", "task_code"} & set(fields):
            continue
        columns: dict[str, int] = {}
        start = i + 1
        if start < len(rows):
            below = [_column_field(c) for c in rows[start]]
            if {"lead", "support"} & set(below):
                fields = [b or f for f, b in zip(fields, below)]
                start += 1
        for col, name in enumerate(fields):
            if name and name not in columns:
                columns[name] = col
        while start < len(rows) and all(_NUMBERING_ROW_RE.match(c.strip()) or not c.strip() for c in rows[start]):
            start += 1
        return TaskTable(table, i, columns, start)
    return None


def _cells(row: tuple[str, ...], cols: dict[str, int]) -> Callable[[str], str]:
    """The cell of a field in ``row`` ("" when the table has no such column)."""
    return lambda name: row[cols[name]].strip() if name in cols and cols[name] < len(row) else ""


def tasks_of_table(found: TaskTable, section: str) -> list[DraftTask]:
    """The tasks of a task table; group rows give the code prefix (II.4), else ``section`` does (III.4)."""
    out: list[DraftTask] = []
    group = section
    cols = found.columns
    for r in range(found.first_row, len(found.table.rows)):
        row = found.table.rows[r]
        cell = _cells(row, cols)
        stt, text = cell("stt") or cell("task_code"), cell("task_text")
        values = {c.strip() for c in row if c.strip()}
        roman = _ROMAN_RE.match(stt) if stt else None
        if roman and not roman.group(2):
            group = roman.group(1)
            continue
        if len(set(row)) == 1 and len(row) > 1 and values:  # a group row merged across the table
            heading = _ROMAN_RE.match(next(iter(values)))
            if heading and heading.group(2):
                group = heading.group(1)
            continue
        number = _NUMBER_RE.match(stt)
        where = t("import.where.table_row", table=found.table.location, row=r + 1)
        if number and text:
            code = f"{group}.{number.group(1)}" if group else number.group(1)
            out.append(DraftTask(code, text, cell("time_frame"), where, cell("lead"), cell("support")))
        elif text and out and not stt:
            out[-1].text = join_texts([out[-1].text, text])
    return out
