"""Task tables in a workbook (.xlsx, .xls, .ods): one Table per non-empty visible sheet, merged cells expanded.

The workbook machinery of ``intake`` does the checking and reading: ``sniff_file``
(size, zip bombs, sheet extent before parsing), python-calamine for the cells,
``take_long_cells`` and the TCVN3/VNI repair of ``repair_legacy`` (its findings
become notes). A refusal of ``sniff_file`` becomes a PlanSourceError carrying
the intake finding's message and fix. Every row from the sheet's first row is
kept (title rows too), so ``rows[i]`` is the sheet's row ``i + 1``; trailing
empty rows and columns are cut. A merged range's value is repeated in each cell
it covers (calamine gives the ranges for .xlsx/.xls, ``ods_merges`` for .ods).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reportkit.errors import PlanSourceError
from reportkit.intake.cellvalues import cell_text
from reportkit.intake.legacygrid import repair_legacy
from reportkit.intake.messages import FindingLog, make_finding
from reportkit.intake.model import Finding
from reportkit.intake.sniff import size_fields, sniff_file, take_long_cells, too_large
from reportkit.messages import is_english, t
from reportkit.plandoc.guard import read_zip_part, refuse
from reportkit.plandoc.ods_merges import Merge, ods_merges
from reportkit.plandoc.source import SourceDocument, SourceNote, Table


def _in_language(finding: Finding) -> tuple[str, str]:
    """A finding's message and fix in the current language."""
    if is_english():
        return finding.message_en, finding.fix_en or finding.fix
    return finding.message, finding.fix


def _refusal(code: str, path: Path, fields: dict) -> PlanSourceError:
    """The intake finding ``code`` as a PlanSourceError (its message as the detail, its fix as the fix)."""
    message, fix = _in_language(make_finding(code, path, **fields))
    return PlanSourceError(t("source.workbook", detail=message), path=path, hint=fix)


def _check(data: bytes, path: Path):
    """intake's sniff_file; its first refusal raised as PlanSourceError."""
    found: list[tuple[str, dict]] = []
    info = sniff_file(data, path, lambda code, **fields: found.append((code, fields)))
    if info is None:
        code, fields = found[-1] if found else ("corrupt", {"detail": "?"})
        raise _refusal(code, path, fields)
    return info


def expand_merges(grid: list[list[str]], merges: list[Merge]) -> frozenset[tuple[int, int]]:
    """Copy each merge's top-left value into the cells it covers (in place); the covered cells."""
    covered: set[tuple[int, int]] = set()
    for (r0, c0), (r1, c1) in merges:
        if r0 >= len(grid) or not grid[r0] or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, len(grid[r]) - 1) + 1):
                if (r, c) != (r0, c0):
                    grid[r][c] = value
                    covered.add((r, c))
    return frozenset(covered)


def _trim(grid: list[list[str]]) -> list[list[str]]:
    """Trailing empty rows and columns cut; every row as wide as the widest."""
    while grid and not any(grid[-1]):
        grid.pop()
    width = max((max((c + 1 for c, v in enumerate(row) if v), default=0) for row in grid), default=0)
    return [(row + [""] * width)[:width] for row in grid]


def read_workbook(data: bytes, path: Path, kind: str) -> SourceDocument:
    """One Table per non-empty visible worksheet (``trang tính …``), in the workbook's order."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    log = FindingLog(path)
    try:
        info = _check(data, path)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        ods = ods_merges(read_zip_part(zipfile.ZipFile(io.BytesIO(data)), "content.xml", path)) \
            if kind == "ods" else {}
        blocks = []
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if too_large(sheet.total_height, sheet.total_width):
                raise _refusal("too_many_rows", path, size_fields(sheet.total_height, sheet.total_width))
            raw = sheet.to_python(skip_empty_area=False)
            take_long_cells(raw)
            log.sheet = meta.name
            repair_legacy(raw, data, info, meta.name, log)
            grid = _trim([[cell_text(value) for value in row] for row in raw])
            if not grid:
                continue
            merged = expand_merges(grid, ods.get(meta.name, []) if kind == "ods" else sheet.merged_cell_ranges or [])
            blocks.append(Table(rows=tuple(map(tuple, grid)), merged=merged,
                                location=t("source.where.sheet", sheet=meta.name)))
    except PlanSourceError:
        raise
    except BaseException as exc:
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        if type(exc).__name__ == "PasswordError":  # an .xls with a password (BIFF FILEPASS)
            raise refuse("source.encrypted", path) from None
        raise refuse("source.damaged", path, detail=f"{type(exc).__name__}: {exc}"[:300]) from None
    if not blocks:
        raise refuse("source.no_text", path)
    notes = [SourceNote(f"source.{f.code}", _in_language(f)[0], t("source.where.sheet", sheet=f.sheet or ""))
             for f in log.findings]
    return SourceDocument(path=path, kind=kind, blocks=tuple(blocks), notes=tuple(notes))
