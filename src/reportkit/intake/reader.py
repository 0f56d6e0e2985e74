"""Read department workbooks into Submissions, turning every problem into a Finding.

``read_workbook(path, plan)`` never raises for bad content: a file that cannot
be read at all gives a Submission with no rows and an error finding; a row
with an error is left out of ``rows`` (and named in the finding); warnings keep
the row. ``read_submissions`` reads many files (one bad file never stops the
others) and adds findings that need several files, such as two submissions of
one unit with the same report date.

Reading goes through python-calamine (.xlsx, .xlsm, .xls, .ods; one call per
sheet). openpyxl is opened only when an .xlsx declares an old Vietnamese font
(.VnTime, VNI-Times), to see which cells use it. Limits are checked before any
parsing: ``MAX_FILE_BYTES``, and for zip-based files ``MAX_UNCOMPRESSED_BYTES``
and ``MAX_COMPRESSION_RATIO`` (zip bombs); ``MAX_ROWS``, ``MAX_COLUMNS`` and
``MAX_CELLS`` per sheet, for .xlsx/.ods from the sheet XML before any parsing
(``sheetscan``), so that a tiny file declaring a far cell cannot make the
parser allocate billions of cells; text cells up to ``MAX_CELL_CHARS``. Input
files are opened read-only and never modified.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable

from reportkit.errors import SubmissionsError
from reportkit.fmt import format_date
from reportkit.intake import sniff
from reportkit.intake.cache import cached_submission, read_workbook_cached
from reportkit.intake.dates import date_from_filename
from reportkit.intake.headers import COLUMNS, HEADER_SEARCH_ROWS, find_header
from reportkit.intake.legacygrid import repair_legacy
from reportkit.intake.messages import SEVERITY, FindingLog, make_finding
from reportkit.intake.model import Submission
from reportkit.intake.pool import read_paths
from reportkit.intake.sheet import SheetGrid, partial_header, read_sheet
from reportkit.intake.sniff import (
    EXTENSIONS,
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    FileInfo,
    size_fields,
    sniff_file,
    take_long_cells,
)
from reportkit.intake.units import unit_from_filename
from reportkit.messages import t
from reportkit.plan.load import Plan
from reportkit.text import fold_key

_INSTRUCTION_SHEETS = {"huong dan", "huong dan dien", "instructions", "danh muc", "lists"}
_folded_name = lru_cache(maxsize=1024)(fold_key)  # sheet names repeat from file to file


def _sheet_key(name: str) -> str:
    """``fold_key`` of a sheet name, cached for names of usual length."""
    return _folded_name(name) if len(name) <= 64 else fold_key(name)


class _WorkbookReader:
    """Reads one file; collects findings as it goes (lazy validation)."""

    def __init__(self, path: Path, plan: Plan):
        self.path = path
        self.plan = plan
        self.log = FindingLog(path)

    def read(self) -> Submission:
        """The Submission of the file; an unreadable file gives no rows and an error finding."""
        add = self.log.add
        sub = Submission(path=self.path, unit=None, report_date=None, findings=self.log.findings)
        if not self.path.exists():
            add("file_not_found")
            return sub
        if self.path.is_dir():
            add("not_a_file")
            return sub
        try:
            with open(self.path, "rb") as fh:  # read-only: the input is never modified
                data = _read_at_most(fh, sniff.MAX_FILE_BYTES + 1)
        except OSError as exc:
            add("unreadable_file", detail=exc.strerror or str(exc))
            return sub
        sub.sha256 = hashlib.sha256(data).hexdigest()
        from python_calamine import CalamineError

        try:
            info = sniff_file(data, self.path, add)
            if info is None:
                return sub
            _read_book(data, info, sub, self.plan, self.log)
        except (CalamineError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            add("corrupt", detail=f"{type(exc).__name__}: {exc}"[:300])
            sub.rows = []
        except Exception as exc:  # noqa: BLE001 - never a traceback for one file; the others go on
            add("internal_error", detail=f"{type(exc).__name__}: {exc}"[:300])
            sub.rows = []
        except BaseException as exc:  # a panic in the Rust reader on a damaged file (pyo3's PanicException)
            if type(exc).__name__ != "PanicException":
                raise
            add("corrupt", detail=f"calamine: {exc}"[:300])
            sub.rows = []
        return sub


def _read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """The first ``limit`` bytes of ``fh`` (all of a smaller file) without a ``limit``-sized buffer for each file."""
    size = os.fstat(fh.fileno()).st_size
    data = fh.read(min(size + 1, limit))
    if len(data) == size + 1 < limit:  # grown since fstat, or a special file: read on as far as the limit
        data += fh.read(limit - len(data))
    return data


def _read_book(data: bytes, info: FileInfo, sub: Submission, plan: Plan, log: FindingLog) -> None:
    """The first visible sheet with a task table fills ``sub``; findings say why no sheet did."""
    from python_calamine import (
        CalamineWorkbook,
        PasswordError,
        SheetTypeEnum,
        SheetVisibleEnum,
    )

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        log.add("password_protected")
        return
    except Exception as exc:  # noqa: BLE001 - calamine raises several kinds for damaged files
        log.add("corrupt", detail=str(exc)[:300])
        return
    searched: list[str] = []
    partial: tuple[str, list[str]] | None = None
    refused = False
    for meta in book.sheets_metadata:
        if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible \
                or _sheet_key(meta.name) in _INSTRUCTION_SHEETS:
            continue
        log.sheet = meta.name
        sheet = book.get_sheet_by_name(meta.name)
        if sniff.too_large(sheet.total_height, sheet.total_width):
            log.add("too_many_rows", **size_fields(sheet.total_height, sheet.total_width))
            refused = True
            continue
        grid = sheet.to_python(skip_empty_area=False)
        if not grid:
            continue
        searched.append(meta.name)
        texts = [v for row in grid for v in row if v.__class__ is str]
        # a sheet whose text cells hold MAX_CELL_CHARS characters in all cannot hold a longer cell
        long_cells = take_long_cells(grid) if sum(map(len, texts)) > MAX_CELL_CHARS else {}
        unsafe = repair_legacy(grid, data, info, meta.name, log, None if long_cells else texts)
        header = find_header(grid)
        if header is None:
            partial = partial or partial_header(grid, meta.name)
            continue
        sub.sheet = meta.name
        read_sheet(SheetGrid(grid, sheet.merged_cell_ranges or [], unsafe, long_cells), header, sub, plan, log)
        return
    log.sheet = None
    if not searched:
        if not refused:
            log.add("empty_workbook")
    elif partial is not None:
        log.sheet = partial[0]
        log.add("missing_column", missing="'Mã nhiệm vụ'", found=", ".join(partial[1]))
    else:
        log.add("no_header", n=HEADER_SEARCH_ROWS, sheets=", ".join(f"'{s}'" for s in searched))


# ------------------------------------------------------------ public API


def read_workbook(path: Path | str, plan: Plan) -> Submission:
    """Read one department workbook into a Submission (unit, report date, rows, findings).

    Never raises for bad content: an unreadable file gives a Submission with
    no rows and an error finding that names the file and how to fix it. Rows
    with an error finding are left out of ``rows``; warnings keep them. The
    file is only read, never modified.
    """
    return _WorkbookReader(Path(path), plan).read()


def iter_workbook_paths(folder: Path) -> list[Path]:
    """Spreadsheet files under ``folder`` (recursive, sorted), without lock files and hidden files."""
    found = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or p.name.startswith("~$"):
            continue
        if p.suffix.lower() in EXTENSIONS and p.is_file():
            found.append(p)
    return sorted(found)


def read_submissions(folder_or_paths: Path | str | Iterable[Path | str], plan: Plan) -> list[Submission]:
    """Read every workbook in a folder (recursively) or in a list of files and folders.

    Skips ``~$`` lock files and hidden files; one bad file never stops the
    others. Many files (``pool.MIN_POOL_FILES`` or more) are read on every
    core by a process pool (``intake/pool.py``), with the same result and
    order. Adds cross-file findings: identical copies (the later copy is not
    used) and two different submissions of one unit with the same report date
    (neither is used). A folder that does not exist raises SubmissionsError.
    """
    items = [folder_or_paths] if isinstance(folder_or_paths, (str, Path)) else list(folder_or_paths)
    paths: list[Path] = []
    outside: set[Path] = set()  # links found in a folder that lead out of it: not read
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = iter_workbook_paths(p)
            root = p.resolve()
            outside.update(q for q in found if q.is_symlink() and not q.resolve().is_relative_to(root))
            paths.extend(found)
        elif p.exists() or p.suffix:
            paths.append(p)
        else:
            raise SubmissionsError(t("inputs.no_folder"), path=p, hint=t("inputs.no_folder.check_fix"))
    seen: set[Path] = set()
    subs: list[Submission | None] = []
    to_read: list[Path] = []
    for p in paths:
        key = p.resolve()
        if p in outside:
            subs.append(Submission(path=p, unit=None, report_date=None,
                                   findings=[make_finding("link_outside", p, target=str(key))]))
        elif key not in seen:
            seen.add(key)
            subs.append(None)
            to_read.append(p)
    cached = [cached_submission(p, plan) for p in to_read]  # cached reads are cheap: only the others are read
    read = iter(read_paths([p for p, c in zip(to_read, cached) if c is None], plan, read_workbook_through_cache))
    fresh = iter([c if c is not None else next(read) for c in cached])  # a process pool for many files
    done = [sub if sub is not None else next(fresh) for sub in subs]
    add_cross_file_findings(done)
    return done


def read_workbook_through_cache(path: Path, plan: Plan) -> Submission:
    """``read_workbook`` through the intake cache when one is configured (``REPORTKIT_CACHE_DIR``)."""
    return read_workbook_cached(path, plan, read_workbook)


def add_cross_file_findings(subs: list[Submission]) -> None:
    """Identical copies and same-unit same-date submissions: findings, and their rows withdrawn."""
    by_hash: dict[str, Submission] = {}
    for sub in subs:
        if not sub.sha256:
            continue
        first = by_hash.setdefault(sub.sha256, sub)
        if first is not sub:
            sub.findings.append(make_finding("duplicate_file", sub.path, other=first.path.name))
            sub.rows = []
    groups: dict[tuple[str, dt.date], list[Submission]] = {}
    for sub in subs:
        if sub.unit and sub.report_date and sub.rows:
            groups.setdefault((sub.unit, sub.report_date), []).append(sub)
    for (unit, day), group in groups.items():
        if len(group) < 2:
            continue
        files = ", ".join(s.path.name for s in group)
        for sub in group:
            sub.findings.append(make_finding("duplicate_submission", sub.path, unit=unit, n=len(group),
                                             date=format_date(day), files=files))
            sub.rows = []


def submission_as_dict(sub: Submission) -> dict:
    """A Submission as plain JSON-ready data (ISO dates), as ``reportkit check --format json`` prints it."""
    return {
        "path": str(sub.path),
        "unit": sub.unit,
        "report_date": sub.report_date.isoformat() if sub.report_date else None,
        "sheet": sub.sheet,
        "sha256": sub.sha256,
        "rows": [
            {
                "task_code": r.task_code,
                "status": r.status,
                "progress": r.progress,
                "completed_on": r.completed_on.isoformat() if r.completed_on else None,
                "source_row": r.source_row,
            }
            for r in sub.rows
        ],
        "findings": [
            {k: getattr(f, k) for k in ("severity", "code", "sheet", "row", "column", "value", "message",
                                         "message_en", "fix", "fix_en")}
            for f in sub.findings
        ],
    }



__all__ = [
    "COLUMNS",
    "EXTENSIONS",
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_COMPRESSION_RATIO",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED_BYTES",
    "SEVERITY",
    "add_cross_file_findings",
    "date_from_filename",
    "iter_workbook_paths",
    "make_finding",
    "read_submissions",
    "read_workbook",
    "submission_as_dict",
    "unit_from_filename",
]
