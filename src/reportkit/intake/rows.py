"""The task rows of one sheet: raw cells below the header → TaskRows, each problem a finding.

A row with an error finding is left out; warnings keep it. Rows without a task
code are headings, notes or signatures (skipped, with a finding when they hold
data); vertically merged rows continue the row above; a task code on several
rows is used once when the rows agree and not at all when they differ.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from reportkit.fmt import format_number
from reportkit.intake import legacy
from reportkit.intake.cellvalues import (
    cell_text,
    parse_date,
    parse_progress,
    parse_status,
    plausible_year,
    status_from_progress,
)
from reportkit.intake.dates import (
    CLEAN,
    OUTSIDE_YEAR,
    DateContext,
    check_completion_date,
    completion_date_verdict,
)
from reportkit.intake.fields import (
    FieldContext,
    read_completed_on,
    read_progress,
    read_status,
)
from reportkit.intake.headers import Header, column_letter
from reportkit.intake.legacygrid import UnsafeCell
from reportkit.intake.messages import FindingLog
from reportkit.intake.model import DONE, TaskRow
from reportkit.intake.sniff import MAX_CELL_CHARS
from reportkit.messages import phrase_fields
from reportkit.plan.load import Plan
from reportkit.text import normalize_code

_CODE_SHAPE_RE = re.compile(r"^[IVXLC]+(?:\.\d+)*(?:\.[a-zđ])?$")
TEXT_FIELDS = ("result", "difficulties", "proposals", "note")
_DATA_FIELDS = ("status", "progress", "completed_on", *TEXT_FIELDS)
_normalize_code = lru_cache(maxsize=8192)(normalize_code)  # codes repeat in every file
_MAX_CACHED_CODE_TEXTS = 8192  # per plan; only texts up to _MAX_CACHED_CODE_CHARS are kept
_MAX_CACHED_CODE_CHARS = 64


@dataclass(slots=True)  # one per row: no __dict__
class RawRow:
    """One row below the header as field → raw value (after legacy repair)."""

    row: int  # 0-based
    cells: dict[str, object]


def raw_rows(grid: list[list], header: Header, merges: list) -> list[RawRow]:
    """Rows below the header as field → value, blank rows dropped, merged continuation rows folded in."""
    cols = header.columns
    code_col = cols["task_code"]
    # Rows whose code cell is covered by a vertical merge continue the row above.
    continuation: dict[int, int] = {}
    for (r0, c0), (r1, c1) in merges:
        if c0 <= code_col <= c1 and r1 > r0 and r0 >= header.first_data_row:
            for r in range(r0 + 1, min(r1, len(grid) - 1) + 1):  # a merge may claim rows far past the data
                continuation[r] = r0
    out: list[RawRow] = []
    by_row: dict[int, RawRow] = {}
    width = len(grid[0]) if grid else 0
    names, values = _cell_getter(cols, width)
    for r in range(header.first_data_row, len(grid)):
        row = grid[r]
        if row.count("") + row.count(None) == len(row):  # blank ("" or None everywhere), counted in C
            continue
        cells = dict(zip(names, values(row))) if values else {f: (row[c] if c < width else "") for f, c in cols.items()}
        if r in continuation and continuation[r] in by_row:
            _fold_into(by_row[continuation[r]], cells)
            continue
        raw = RawRow(r, cells)
        by_row[r] = raw
        out.append(raw)
    return out


def _cell_getter(cols: dict[str, int], width: int) -> tuple[tuple[str, ...], itemgetter | None]:
    """The fields of ``cols`` and an itemgetter of their cells in that order; None when a column is past ``width``."""
    if len(cols) >= 2 and all(c < width for c in cols.values()):
        return tuple(cols), itemgetter(*cols.values())  # two or more columns: it gives a tuple
    return tuple(cols), None


def _fold_into(main: RawRow, cells: dict[str, object]) -> None:
    """A merged continuation row: its values fill the main row's blanks; text columns are appended."""
    for f, v in cells.items():
        if v in ("", None) or f == "task_code":
            continue
        if main.cells.get(f) in ("", None):
            main.cells[f] = v
        elif f in TEXT_FIELDS:
            main.cells[f] = f"{cell_text(main.cells[f])}\n{cell_text(v)}"


@dataclass
class RowReader:
    """Turns the raw rows of one sheet into TaskRows, adding findings to ``log``."""

    plan: Plan
    log: FindingLog
    header: Header
    dates: DateContext
    unsafe_cells: list[UnsafeCell] = field(default_factory=list)
    long_cells: dict[tuple[int, int], int] = field(default_factory=dict)  # too-long cells, blanked: → length

    def __post_init__(self) -> None:
        self.codes = _plan_codes(self.plan)[0]
        self._quick = QuickRows(self)

    def read_rows(self, rows: list[RawRow]) -> list[TaskRow]:
        """The usable TaskRows of ``rows``, duplicates resolved, in sheet order."""
        rows_by_code: dict[str, list[TaskRow]] = {}
        for raw in rows:
            task_row = self._quick.row(raw) or self.task_row(raw)  # the fast path first (a TaskRow is true)
            if task_row is not None:
                rows_by_code.setdefault(task_row.task_code, []).append(task_row)
        return resolve_duplicates(rows_by_code, self.header, self.log)

    def task_row(self, raw: RawRow) -> TaskRow | None:
        """One TaskRow, or None when the row is not a task line or holds an error (the general path)."""
        cells = raw.cells
        excel_row = raw.row + 1
        errors_before = self.log.errors
        code = self._task_code(raw)
        if code is None:
            return None
        where = FieldContext(excel_row, self.header, self.log)
        status = read_status(cells, where)
        progress = read_progress(cells, where, status)
        if status is None and progress is not None:
            status = status_from_progress(progress)
        completed_on = read_completed_on(cells, where, status, code, self.dates)
        if status is None and self.log.errors == errors_before:
            self.log.add("missing_status", row=excel_row, task=code, column=self.header.describe_field(
                "status" if "status" in self.header.columns else "progress"))
        if self.log.errors > errors_before:
            return None
        get = cells.get  # TEXT_FIELDS, spelled out: this runs for every row
        return TaskRow(task_code=code, status=status, progress=progress, completed_on=completed_on,
                       result=cell_text(get("result")), difficulties=cell_text(get("difficulties")),
                       proposals=cell_text(get("proposals")), note=cell_text(get("note")),
                       source_row=excel_row, sheet=self.log.sheet or "")

    def _task_code(self, raw: RawRow) -> str | None:
        """The plan code of a task row; None (with a finding where due) for any other line."""
        cells, excel_row, header = raw.cells, raw.row + 1, self.header
        code_text = cell_text(cells.get("task_code"))
        if code_text and not self.unsafe_cells and not self.long_cells:  # the usual row: a plan code, clean cells
            code = plan_code(code_text, self.codes)
            if code in self.codes:
                return code
        has_data = any(cells.get(f, "") not in ("", None) for f in _DATA_FIELDS)
        if not code_text:
            if any(cells.get(f) not in ("", None) for f in ("status", "progress", "completed_on") if f in cells):
                self.log.add("missing_task_code", row=excel_row, column=header.describe_field("task_code"))
            elif has_data:
                text = next(cell_text(cells[f]) for f in TEXT_FIELDS if cells.get(f) not in ("", None))
                self.log.add("text_without_code", row=excel_row, column=header.describe_field("task_code"), value=text)
            return None  # a heading, signature or note line
        if report_unsafe_cells(self.unsafe_cells, raw.row, header, self.log) or (self.long_cells and report_long_cells(self.long_cells, raw.row, header, self.log)):
            return None
        code = plan_code(code_text, self.codes)
        if code in self.codes:
            return code
        section_codes = {s for s, _ in self.plan.sections}
        if not has_data and (code in section_codes or not _CODE_SHAPE_RE.match(code) or re.fullmatch(r"[IVXLC]+", code)):
            return None  # a section heading ("II.1 …") or a footer line ("Người lập biểu")
        near = difflib.get_close_matches(code, self.plan.task_codes, n=1, cutoff=0.6)
        self.log.add("unknown_task_code", row=excel_row, column=header.describe_field("task_code"), value=code_text,
                     task=code_text, codes=", ".join(self.plan.task_codes),
                     **(phrase_fields("suggest", "finding.suggest", code=near[0]) if near else {"suggest": ""}))
        return None



class QuickRows:
    """``RowReader``'s fast path: a usual task row read with a few tests; any other row is given up on."""

    def __init__(self, reader: RowReader):
        self.log, self.header, self.dates = reader.log, reader.header, reader.dates
        self.unsafe_cells, self.long_cells = reader.unsafe_cells, reader.long_cells  # the same objects: kept current
        self.codes, self._code_of = _plan_codes(reader.plan)
        self._has_progress = "progress" in self.header.columns
        self._has_completed_on = "completed_on" in self.header.columns

    def row(self, raw: RawRow) -> TaskRow | None:
        """The TaskRow of a usual row, or None: then ``RowReader.task_row`` reads it by the general path.

        A fast path for the common case (a plan code, a known status word, a
        progress number, a clean date). It gives up, having added no finding
        and changed nothing, on any row that would get a finding, so such a
        row is read by the general path exactly as before; the one finding it
        adds itself is its last step (``completed_on``). Each test mirrors a
        check of ``fields.py``; ``tests/test_intake_fastpath.py`` compares both paths.
        """
        if self.unsafe_cells or self.long_cells:
            return None
        cells = raw.cells
        code = self.plan_code_of(cells.get("task_code"))
        status = _quick_status(cells.get("status"))
        progress = _quick_progress(cells.get("progress")) if self._has_progress else None
        if code is None or status is False or progress is False:
            return None
        if progress is not None:
            if status is None:
                status = status_from_progress(progress)
            elif (status == DONE) != (progress >= 100):
                return None  # status_progress_conflict
        if status is None:
            return None  # missing_status
        completed_on = self.completed_on(cells.get("completed_on"), status, raw.row + 1)
        if completed_on is False:
            return None
        get = cells.get
        # positional, in TaskRow's field order (a third faster than by keyword, for every row)
        return TaskRow(code, status, progress, completed_on, cell_text(get("result")),
                       cell_text(get("difficulties")), cell_text(get("proposals")), cell_text(get("note")),
                       raw.row + 1, self.log.sheet or "")

    def plan_code_of(self, value: object) -> str | None:
        """The plan code a code cell plainly names (``RowReader._task_code``'s usual row), else None."""
        if value.__class__ is not str:
            return None
        cache = self._code_of
        if value in cache:
            return cache[value]
        code_text = cell_text(value)
        code = plan_code(code_text, self.codes) if code_text else None
        code = code if code in self.codes else None
        if len(value) <= _MAX_CACHED_CODE_CHARS:
            if len(cache) >= _MAX_CACHED_CODE_TEXTS:
                cache.clear()
            cache[value] = code
        return code

    def completed_on(self, value: object, status: str, excel_row: int) -> dt.date | None | bool:
        """``read_completed_on`` of a row when it adds no finding (None: no date); False when it would add one.

        The one exception, the last test of the fast path: a done task's date
        outside the plan year is kept with the warning ``completed_outside_year``,
        added here exactly as ``read_completed_on`` adds it.
        """
        day = _quick_day(value) if self._has_completed_on else None
        if day is None:
            return False if status == DONE else None  # done_without_date
        if day is False or status != DONE:
            return False
        verdict = completion_date_verdict(day, self.dates)
        if verdict != OUTSIDE_YEAR:
            return day if verdict == CLEAN else False
        header = self.header
        where = {"row": excel_row, "column": header.describe_field("completed_on"), "value": value}
        check_completion_date(day, self.dates, self.log, f"{column_letter(header.columns['completed_on'])}{excel_row}",
                              where)
        return day


def _quick_status(value: object) -> str | None | bool:
    """``read_status`` of a cell when it adds no finding (None: empty); False when it would add one."""
    if value is None or value == "":
        return None
    if value.__class__ is not str:
        return False
    return parse_status(value) or False  # unknown_status


def _quick_progress(value: object) -> float | None | bool:
    """``read_progress`` of a cell when it adds no finding (None: empty); False when it would add one."""
    if value is None or value == "":
        return None
    cls = value.__class__
    if cls is float or cls is int:
        number = float(value)
        if number == 0 or 1 <= number <= 100:  # no fraction, in range, not NaN
            return float(round(number, 2))
        return False
    parsed = parse_progress(value)
    if parsed.problem or parsed.note:
        return False
    return None if parsed.value is None else float(parsed.value)


def _quick_day(value: object) -> dt.date | None | bool:
    """A completion-date cell as ``parse_date`` reads it when that is no problem (None: empty); False otherwise."""
    if value is None or value == "":
        return None
    cls = value.__class__
    if cls is dt.date:
        day = value
    elif cls is dt.datetime:
        day = value.date()
    else:
        parsed = parse_date(value)
        return False if parsed.problem else parsed.value
    return day if plausible_year(day) else False  # implausible_date


_PLAN_CODES: dict[int, tuple[Plan, frozenset[str], dict[str, str | None]]] = {}


def _plan_codes(plan: Plan) -> tuple[frozenset[str], dict[str, str | None]]:
    """The plan's task codes, and its cache code cell text → plan code (None: none), per plan object."""
    cached = _PLAN_CODES.get(id(plan))
    if cached is None or cached[0] is not plan:
        if len(_PLAN_CODES) > 16:
            _PLAN_CODES.clear()
        cached = _PLAN_CODES[id(plan)] = (plan, frozenset(plan.task_codes), {})
    return cached[1], cached[2]


def report_long_cells(long_cells: dict[tuple[int, int], int], row: int, header: Header, log: FindingLog) -> bool:
    """Error findings for the too-long cells of a task row (the row is not used); True when there were any."""
    cells = sorted((c, n) for (r, c), n in long_cells.items() if r == row)
    for c, length in cells:
        del long_cells[(row, c)]
        log.add("cell_too_long", row=row + 1, column=header.describe(c), length=format_number(length),
                limit=format_number(MAX_CELL_CHARS))
    return bool(cells)


def report_unsafe_cells(unsafe_cells: list[UnsafeCell], row: int, header: Header, log: FindingLog) -> bool:
    """Error findings for the cells of ``row`` that could not be converted; True when the code cell is one."""
    unsafe = [(c, value, enc) for r, c, value, enc in unsafe_cells if r == row]
    for c, value, encoding in unsafe:
        log.add("legacy_unsafe", row=row + 1, column=header.describe(c), value=value,
                encoding=legacy.ENCODING_NAMES.get(encoding, "TCVN3/VNI"))  # effect: the row is not used
    return any(c == header.columns["task_code"] for c, _, _ in unsafe)


def plan_code(text: str, codes: frozenset[str]) -> str:
    """The canonical code; a legacy-encoded code ("II.1.®" in TCVN3) is decoded when that names a plan code."""
    code = _normalize_code(text)
    if code in codes or text.isascii():
        return code
    for encoding in (legacy.TCVN3, legacy.VNI):
        decoded = normalize_code(legacy.convert(text, encoding))
        if decoded in codes:
            return decoded
    return code


def resolve_duplicates(rows_by_code: dict[str, list[TaskRow]], header: Header, log: FindingLog) -> list[TaskRow]:
    """One row per task code: identical repeats are used once (warning), differing ones not at all (error)."""
    out: list[TaskRow] = []
    for code, entries in rows_by_code.items():
        first = entries[0]
        if len(entries) == 1:
            out.append(first)
            continue
        rows = [tr.source_row for tr in entries]
        same = all(_row_content(tr) == _row_content(first) for tr in entries[1:])
        where = dict(row=rows[1], column=header.describe_field("task_code"), value=code, task=code)
        if same:
            log.add("duplicate_task_same", rows=", ".join(map(str, rows[1:])), first=rows[0], **where)
            out.append(first)
        else:
            log.add("duplicate_task", n=len(rows), rows=", ".join(map(str, rows)), **where)
    out.sort(key=lambda tr: tr.source_row)
    return out


def _row_content(tr: TaskRow) -> tuple:
    return (tr.status, tr.progress, tr.completed_on, tr.result, tr.difficulties, tr.proposals, tr.note)
