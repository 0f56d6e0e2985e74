"""The submission record: which unit sent its workbook for which report, on time or not, year so far.

Shown in the period report's Phụ lục II (unit × report matrix), in the batch
index (the same matrix) and, in the year report, as the list of units that sent
late or not at all. The states come from ``reportkit.tracking``; the texts here
are the report's Vietnamese.
"""

from __future__ import annotations

import pandas as pd

from reportkit.fmt import format_date
from reportkit.report.markup import Column, dash_list, escape, para, render_table
from reportkit.tracking.model import (
    LATE,
    MISSING,
    RECEIVED,
    UNUSABLE,
    ReportReminder,
    UnitState,
)

RECORD_WORDS = {RECEIVED: "Đúng hạn", LATE: "Muộn", UNUSABLE: "Không dùng được", MISSING: "Chưa nộp"}
RECORD_LEGEND = ("Đúng hạn: bảng theo dõi gửi đến hạn gửi của các đơn vị; Muộn: gửi sau hạn (số ngày muộn); "
                 "Không dùng được: tệp gửi không đọc được số liệu; Chưa nộp: chưa nhận được tệp nào.")


def record_cell(unit: UnitState) -> str:
    """One cell as safe HTML: the state word (with the days late), classed ``record-<state>``.

    The file's name is not put in an attribute: a department's file name is
    text, and the report never carries department text inside a tag.
    """
    text = RECORD_WORDS[unit.state]
    if unit.state == LATE:
        text += f" {-unit.days_left} ngày"
    return f'<span class="record-{unit.state}">{escape(text)}</span>'


def record_frame(reminders: list[ReportReminder]) -> pd.DataFrame:
    """One row per report (calendar order): the report, the departments' last day, one safe-HTML cell per unit."""
    rows = []
    for r in reminders:
        row = {"report": f"{r.report.stream.short_name} – {r.report.period.label}",
               "last_day": format_date(r.report.submit_last_day)}
        row |= {f"u:{u.code}": record_cell(u) for u in r.units}
        rows.append(row)
    return pd.DataFrame(rows)


def render_submission_record(reminders: list[ReportReminder], *, empty: str = "Chưa có báo cáo nào đến hạn.") -> str:
    """The unit × report matrix as a report table, with its legend; ``empty`` when no report is due yet."""
    if not reminders:
        return para(empty, "noindent")
    units = reminders[0].units
    share = f"{62 / max(len(units), 1):.1f}%"  # the units share what the report and date columns leave
    # The date column is wide enough for "dd/mm/yyyy" on one line inside its cell (tests/test_report_phone.py).
    columns = [Column("report", "Báo cáo", width="24%"), Column("last_day", "Hạn gửi của đơn vị", width="14%",
                                                               cls="center")]
    columns += [Column(f"u:{u.code}", u.name, width=share, cls="center", safe=True) for u in units]
    return render_table(record_frame(reminders), columns, cls="data record") + para(RECORD_LEGEND, "note")


def late_or_missing(reminders: list[ReportReminder]) -> list[tuple[UnitState, list[str], list[str]]]:
    """Each unit that sent late or not at all (unusable counts as not at all): (unit, late reports, missing ones)."""
    by_code: dict[str, tuple[UnitState, list[str], list[str]]] = {}
    for r in reminders:
        label = f"{r.report.stream.short_name} {r.report.period.label[:1].lower()}{r.report.period.label[1:]}"
        for u in r.units:
            entry = by_code.setdefault(u.code, (u, [], []))
            if u.state == LATE:
                entry[1].append(f"{label} ({-u.days_left} ngày)")
            elif u.state in (MISSING, UNUSABLE):
                entry[2].append(label)
    return [e for e in by_code.values() if e[1] or e[2]]


def render_late_units(reminders: list[ReportReminder], units_word: str) -> str:
    """The year report's sentence and list of the units that sent late or not at all ("" when no report was due)."""
    if not reminders:
        return ""
    entries = late_or_missing(reminders)
    if not entries:
        return para(f"{units_word[:1].upper()}{units_word[1:]} đều gửi bảng theo dõi đúng hạn trong năm.")
    lines = []
    for unit, late, missing in entries:
        parts = []
        if late:
            parts.append(f"gửi muộn {len(late)} lần: " + "; ".join(late))
        if missing:
            parts.append(f"không gửi (hoặc gửi tệp không dùng được) {len(missing)} lần: " + "; ".join(missing))
        lines.append(f"{unit.name}: " + "; ".join(parts) + ".")
    return para("Đơn vị gửi bảng theo dõi muộn hoặc không gửi trong năm:") + dash_list(lines)


def record_style() -> str:
    """CSS of the record cells (the report stylesheet and the index page use it)."""
    return (".record-received{color:#0b5d8a}.record-late{color:#8a5200;font-weight:bold}"
            ".record-unusable{color:#a3007a;font-weight:bold}.record-missing{color:#a30000;font-weight:bold}"
            "@media (max-width:40rem){table.record thead{display:none}table.record,table.record tbody{display:block}"
            "table.record tr{display:block;border:1px solid #555;border-radius:.25rem;margin:0 0 .4rem;padding:.3rem .45rem}"
            "table.record td{display:block;border:0;padding:.05rem 0;text-align:left}"
            "table.record td:first-child{font-weight:bold}"
            'table.record td[data-label]:not(:first-child)::before{content:attr(data-label) ": ";color:#444}}')

