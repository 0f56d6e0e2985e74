"""One sheet with a task table → the Submission's unit, report date and rows, with findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportkit.fmt import format_number
from reportkit.intake import legacy
from reportkit.intake.cellvalues import cell_text
from reportkit.intake.dates import resolve_report_date
from reportkit.intake.headers import HEADER_SEARCH_ROWS, Header, field_of, read_title
from reportkit.intake.legacygrid import UnsafeCell
from reportkit.intake.messages import FindingLog
from reportkit.intake.model import Submission
from reportkit.intake.rows import RowReader, raw_rows
from reportkit.intake.sniff import MAX_CELL_CHARS
from reportkit.intake.units import resolve_unit
from reportkit.messages import phrase_fields
from reportkit.plan.load import Plan


@dataclass
class SheetGrid:
    """A sheet's cells as read (legacy text repaired, too-long cells blanked) and what was found on the way."""

    grid: list[list]
    merges: list
    unsafe_cells: list[UnsafeCell] = field(default_factory=list)
    long_cells: dict[tuple[int, int], int] = field(default_factory=dict)


def read_sheet(sheet: SheetGrid, header: Header, sub: Submission, plan: Plan, log: FindingLog) -> None:
    """Fill ``sub`` (unit, report date, rows) from the table under ``header``; every problem a finding."""
    for field_name, col in header.duplicates:
        log.add("duplicate_column", row=header.row + 1, column=header.describe(col),
                first=header.describe_field(field_name), value=header.labels.get(col))
    if not any(f in header.columns for f in ("status", "progress")):
        found = [header.labels[c] for c in sorted(header.labels)]
        either = phrase_fields("missing", "finding.either", first="Tình trạng", second="Tiến độ (%)")
        log.add("missing_column", row=header.row + 1, found=", ".join(f"'{x}'" for x in found), **either)
        return
    for row_index, col, value, encoding in (c for c in sheet.unsafe_cells if c[0] <= header.row):
        log.add("legacy_unsafe", row=row_index + 1, column=header.describe(col), value=value,
                encoding=legacy.ENCODING_NAMES.get(encoding, "TCVN3/VNI"),
                **phrase_fields("effect", "finding.effect.cell_kept"))
    title = read_title(sheet.grid, header.row)
    sub.unit = resolve_unit(title, sub.path, plan, log)
    dates = resolve_report_date(title, sub.path, plan, log)
    sub.report_date = dates.report_date
    reader = RowReader(plan, log, header, dates, sheet.unsafe_cells, sheet.long_cells)
    sub.rows = reader.read_rows(raw_rows(sheet.grid, header, sheet.merges))
    if not sub.rows and not log.findings:  # a header and nothing under it: say so, never a silent blank
        log.add("no_task_rows", row=header.row + 1)
    for (r, c), length in sorted(sheet.long_cells.items()):  # outside task rows: the cell is ignored
        log.add("cell_too_long", row=r + 1, column=header.describe(c), length=format_number(length),
                limit=format_number(MAX_CELL_CHARS), **phrase_fields("effect", "finding.effect.cell_ignored"))
    if sub.unit is None or sub.report_date is None:
        sub.rows = []  # a file-level error: nothing of it may be used until fixed
        return
    assigned = {t.code for t in plan.tasks_for_unit(sub.unit)}
    for tr in sub.rows:
        if tr.task_code not in assigned:
            log.add("task_not_assigned", row=tr.source_row, column=header.describe_field("task_code"),
                    value=tr.task_code, task=tr.task_code, unit=plan.unit(sub.unit).name,
                    codes=", ".join(sorted(assigned, key=plan.task_codes.index)))


def partial_header(grid: list[list], sheet: str) -> tuple[str, list[str]] | None:
    """A row naming two or more known columns but no task code: lets the finding list what was found."""
    for r in range(min(HEADER_SEARCH_ROWS, len(grid))):
        labels = [cell_text(v) for v in grid[r] if isinstance(v, str) and field_of(v)]
        if len(labels) >= 2:
            found = [f"'{cell_text(v)}'" for v in grid[r] if cell_text(v)]
            return sheet, found
    return None
