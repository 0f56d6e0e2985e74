"""The text ``reportkit check`` prints: per file, its findings with identical fixes said once, then totals.

Findings of one file with the same severity, code and fix form a group: its
findings are listed (those that differ only by row on one line, as row ranges
"dòng 5–24"), then the fix once, with how many rows it concerns ("(20 dòng)").
The language is the catalogue's (``reportkit.messages``): in English the
findings show ``message_en`` and ``fix_en``.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportkit.fmt import format_date
from reportkit.intake.model import ERROR, WARNING, Finding, Submission
from reportkit.messages import is_english, t


def format_row_ranges(rows: Iterable[int]) -> str:
    """Row numbers as ranges: ``[5, 6, 7, 9, 12, 13]`` → ``"5–7, 9, 12–13"`` (sorted, duplicates dropped)."""
    parts: list[str] = []
    ordered = sorted(set(rows))
    start = previous = None
    for row in [*ordered, None]:
        if previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = row
    return ", ".join(parts)


def render_check(subs: list[Submission], plan) -> str:
    """Plain-text report of ``reportkit check``: per file, then totals, in the user's language."""
    lines: list[str] = []
    for sub in subs:
        lines.extend(_file_lines(sub, plan))
    errors = sum(1 for s in subs for f in s.findings if f.severity == ERROR)
    warnings = sum(1 for s in subs for f in s.findings if f.severity == WARNING)
    bad = sum(1 for s in subs if s.has_errors)
    lines.append("")
    lines.append(t("check.total", files=len(subs), bad=bad, errors=errors, warnings=warnings))
    return "\n".join(lines)


def _file_lines(sub: Submission, plan) -> list[str]:
    unknown = t("check.unknown")
    unit = f"{sub.unit} ({plan.unit(sub.unit).name})" if sub.unit else unknown
    lines = [str(sub.path), t("check.file", unit=unit, date=format_date(sub.report_date, unknown),
                                sheet=sub.sheet or "—", n=len(sub.rows))]
    for (severity, _code, fix), members in _group_findings(sub.findings).items():
        lines.extend(_group_lines(severity, fix, members))
    return lines


def _text(finding: Finding) -> tuple[str, str]:
    """The finding's message and fix in the user's language."""
    if is_english():
        return finding.message_en or finding.message, finding.fix_en or finding.fix
    return finding.message, finding.fix


def _group_findings(findings: list[Finding]) -> dict[tuple[str, str, str], list[Finding]]:
    """Findings by (severity, code, fix), in the order they were first seen."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.severity, f.code, _text(f)[1]), []).append(f)
    return groups


def _group_lines(severity: str, fix: str, members: list[Finding]) -> list[str]:
    """One line per distinct message (rows merged into ranges), then the fix once."""
    label = t("check.error") if severity == ERROR else t("check.warning") if severity == WARNING else severity
    same: dict[tuple, list[Finding]] = {}
    for f in members:
        same.setdefault((f.sheet, f.column, _text(f)[0], f.value), []).append(f)
    lines = []
    for (sheet, column, message, value), found in same.items():
        rows = sorted({f.row for f in found if f.row})
        row_text = t("where.row", row=rows[0]) if len(rows) == 1 else t("where.rows", rows=format_row_ranges(rows))
        where = ", ".join(x for x in (t("where.sheet", sheet=sheet) if sheet else "",
                                      row_text if rows else "",
                                      t("where.column", column=column) if column else "") if x)
        shown = t("check.value", value=value) if value and value not in message else ""
        lines.append(f"  [{label}] {where + ': ' if where else ''}{message}{shown}")
    if len(members) == 1:
        lines.append(t("check.fix", fix=fix))
    elif all(f.row for f in members):
        lines.append(t("check.fix_rows", n=len({f.row for f in members}), fix=fix))
    else:
        lines.append(t("check.fix_times", n=len(members), fix=fix))
    return lines
