"""The plan draft as YAML text, with a "# TODO:" comment on each uncertain line.

The draft is a plain dict in the order of docs/plan-format.md. It is written
by a small emitter rather than a YAML library because the comments must sit
on the exact lines they are about: every text is double-quoted (JSON string
syntax, valid YAML; no value can change meaning or break the file), integers
and ISO dates are written bare, short mappings (``due``, a report) and lists
of codes are written in flow style on one line.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

Path_ = tuple  # a YAML path as a tuple of keys and list indexes: ("tasks", 3, "due")

_FLOW_KEYS = {"due", "due_before", "due_by", "submit_by", "submit_before", "tasks_section"}


def quote(value: Any) -> str:
    """A scalar as YAML: text double-quoted, numbers, booleans and dates bare."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return "null"
    return json.dumps(str(value), ensure_ascii=False)


def _is_flow(key: Any, value: Any, in_list: bool) -> bool:
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value) and len(quote_flow(value)) < 70
    if isinstance(value, dict):
        simple = all(not isinstance(v, dict) or _is_flow(k, v, False) for k, v in value.items())
        return simple and (key in _FLOW_KEYS or (in_list and "period" in value)) and len(quote_flow(value)) < 110
    return True


def quote_flow(value: Any) -> str:
    """A list or mapping on one line: [a, b], {k: v}."""
    if isinstance(value, list):
        return "[" + ", ".join(quote_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {quote_flow(v)}" for k, v in value.items()) + "}"
    return quote(value)


def emit_yaml(data: dict, todos: dict[Path_, str], header: list[str]) -> str:
    """``data`` as YAML text: ``header`` lines as comments first, a TODO comment on each path of ``todos``."""
    lines = [f"# {h}" for h in header]
    _emit_mapping(data, (), 0, lines, todos)
    return "\n".join(lines) + "\n"


def _comment(path: Path_, todos: dict[Path_, str]) -> str:
    text = todos.get(path)
    return f"  # TODO: {' '.join(text.split())}" if text else ""


def _emit_mapping(data: dict, path: Path_, indent: int, lines: list[str], todos: dict[Path_, str],
                  first_prefix: str | None = None) -> None:
    pad = " " * indent
    for i, (key, value) in enumerate(data.items()):
        prefix = first_prefix if (i == 0 and first_prefix is not None) else pad
        here = (*path, key)
        if _is_flow(key, value, False):
            text = quote_flow(value) if isinstance(value, (list, dict)) else quote(value)
            lines.append(f"{prefix}{key}: {text}{_comment(here, todos)}")
        elif isinstance(value, dict):
            lines.append(f"{prefix}{key}:{_comment(here, todos)}")
            _emit_mapping(value, here, indent + 2, lines, todos)
        else:
            lines.append(f"{prefix}{key}:{_comment(here, todos)}")
            _emit_list(value, here, indent + 2, lines, todos)


def _emit_list(items: list, path: Path_, indent: int, lines: list[str], todos: dict[Path_, str]) -> None:
    pad = " " * indent
    for i, item in enumerate(items):
        here = (*path, i)
        if isinstance(item, dict) and _is_flow(None, item, True):
            lines.append(f"{pad}- {quote_flow(item)}{_comment(here, todos)}")
        elif isinstance(item, dict):
            _emit_mapping(item, here, indent + 2, lines, todos, first_prefix=f"{pad}- ")
        else:
            lines.append(f"{pad}- {quote(item)}{_comment(here, todos)}")
