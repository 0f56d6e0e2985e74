"""Whether a workbook already holds a department's answers, so that ``template`` never writes over them.

An answer is any value in the input cells of a task table (Tình trạng, Tiến độ,
Ngày hoàn thành, Kết quả thực hiện, Khó khăn, Đề xuất, Ghi chú) or a report
date above it. A file that cannot be read as a workbook is treated as holding
answers: reportkit does not know what it would destroy.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportkit.errors import ParamsError
from reportkit.intake.headers import column_letter, find_header, read_title
from reportkit.intake.sniff import MAX_FILE_BYTES, too_large

ANSWER_FIELDS = ("status", "progress", "completed_on", "result", "difficulties", "proposals", "note")
_SHOWN = 8  # cells named per file in the message


def find_answers(path: Path) -> list[str] | None:
    """The cells (``"B9"``, ``"D13"``, …) of ``path`` that hold answers; None when it is not a readable workbook."""
    from python_calamine import CalamineWorkbook

    try:
        data = path.read_bytes()
        if len(data) > MAX_FILE_BYTES:
            return None
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        found: list[str] = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            if too_large(sheet.total_height, sheet.total_width):
                return None
            found += _answers_in_grid(sheet.to_python(skip_empty_area=False))
        return found
    except BaseException as exc:  # noqa: BLE001 - calamine raises (and panics) in many ways on a damaged file
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return None


def _answers_in_grid(grid: list[list]) -> list[str]:
    header = find_header(grid) if grid else None
    if header is None:
        return []
    found = []
    entry = read_title(grid, header.row).get("report_date")
    if entry is not None and entry.value not in ("", None):
        found.append(f"{column_letter(entry.col)}{entry.row + 1}")
    cols = [c for f, c in header.columns.items() if f in ANSWER_FIELDS]
    for r in range(header.first_data_row, len(grid)):
        row = grid[r]
        found += [f"{column_letter(c)}{r + 1}" for c in cols if c < len(row) and row[c] not in ("", None)]
    return found


def refuse_overwrite(paths: list[Path]) -> None:
    """ParamsError naming every existing file of ``paths`` that holds answers (or cannot be read); else nothing."""
    from reportkit.messages import t

    problems = []
    for path in paths:
        if not path.exists():
            continue
        answers = find_answers(path) if path.is_file() else None
        if answers is None:
            problems.append(ParamsError(t("template.unreadable"), path=path))
        elif answers:
            shown = ", ".join(answers[:_SHOWN])
            if len(answers) > _SHOWN:
                shown = t("template.filled.more", shown=shown, n=len(answers) - _SHOWN)
            problems.append(ParamsError(t("template.filled", cells=shown), path=path))
    if len(problems) == 1:
        raise ParamsError(problems[0].message, path=problems[0].path, hint=t("template.refused.fix"))
    if problems:
        raise ParamsError(t("template.refused", n=len(problems)), problems=problems, hint=t("template.refused.fix"))
