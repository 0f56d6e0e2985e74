"""Which unit sent a workbook: the "Đơn vị:" line, else the file name, matched against the plan's units."""

from __future__ import annotations

import re
from pathlib import Path

from reportkit.intake.cellvalues import cell_text
from reportkit.intake.headers import TitleValue, column_letter
from reportkit.intake.messages import FindingLog
from reportkit.plan.load import Plan


def unit_from_filename(path: Path, plan: Plan) -> str | None:
    """The unit whose code, name or alias starts the file name (``hcth_2024-02-20.xlsx``)."""
    stem = path.stem
    for token in [*re.split(r"[_\s]+", stem), stem]:
        unit = plan.find_unit(token)
        if unit is not None:
            return unit.code
    return None


def resolve_unit(title: dict[str, TitleValue], path: Path, plan: Plan, log: FindingLog) -> str | None:
    """The unit code of the file, with a finding where the title line and the file name disagree or say nothing."""
    from_name = unit_from_filename(path, plan)
    units = "; ".join(f"{u.code} ({u.name})" for u in plan.units)
    example = f"{plan.units[0].code}_{plan.year}-03-05.xlsx"
    entry = title.get("unit")
    if entry is None:
        if from_name is None:
            log.add("unknown_unit", detail=f"không có dòng 'Đơn vị:' và tên tệp '{path.name}' không chứa mã đơn vị",
                    units=units, example=example)
        return from_name
    text = cell_text(entry.value)
    unit = plan.find_unit(text)
    where = dict(row=entry.row + 1, column=column_letter(entry.col), value=text)
    if unit is None and from_name:
        log.add("unit_from_filename", title=text, unit=plan.unit(from_name).name, **where)
        return from_name
    if unit is None:
        log.add("unknown_unit", detail=f"dòng 'Đơn vị' ghi '{text}'", units=units, example=example, **where)
        return None
    if from_name and from_name != unit.code:
        log.add("unit_mismatch", title_unit=unit.name, file_unit=plan.unit(from_name).name, **where)
    return unit.code
