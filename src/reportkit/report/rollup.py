"""The consolidated report (báo cáo tổng hợp) of a superior over many organisations.

``build_rollup_report`` (called by ``notebooks/rollup_report.ipynb``) reads the
roll-up tables the ``rollup`` job wrote (``orgs.parquet``, ``tasks.parquet``)
and returns a ``RollupReport`` whose methods give the document's parts in
order: header, results (headline, per-organisation or per-group table, ranking
and chart), shortcomings (overdue tasks across organisations, organisations
without a valid report), comparison (per task, for organisations sharing a
plan), signature, annex (the full table). Every organisation text is escaped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd

from reportkit.fmt import format_percent
from reportkit.params import find_project_root
from reportkit.periods import parse_period
from reportkit.report.cells import heading
from reportkit.report.document import annex_heading, render_header, render_signature
from reportkit.report.markup import Part, para
from reportkit.report.notebook_style import notebook_style
from reportkit.report.rollup_tables import (
    chart_rates,
    org_table,
    render_comparison,
    render_group_table,
    render_missing_orgs,
    render_org_table,
    render_overdue_across,
    render_ranking,
    totals,
)
from reportkit.status.words import (
    DONE_LATE,
    DONE_ON_TIME,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
)

GROUP_THRESHOLD = 30  # more organisations than this: the body summarises by group, the full table is in the annex
OVERDUE_LIMIT_GROUPED = 30  # overdue tasks listed in the body of a report by group (all of them in rollup.xlsx)


def issuer_plan(superior: dict) -> SimpleNamespace:
    """The superior from the config as the plan-like object the NĐ 30 blocks take."""
    name = str(superior.get("name") or "")
    return SimpleNamespace(superior_name=str(superior.get("parent") or ""), issuer_name=name,
                           report_symbol=str(superior.get("symbol") or "BC"), place=str(superior.get("place") or ""),
                           signer_title=str(superior.get("signer_title") or ""),
                           signer_name=str(superior.get("signer_name") or ""),
                           recipients=list(superior.get("recipients") or []))


@dataclass
class RollupReport:
    """A consolidated report ready to display, part by part."""

    period: Any  # periods.Period
    stream: str
    subject: str
    issuer: SimpleNamespace
    orgs: pd.DataFrame
    tasks: pd.DataFrame
    number: str | None = None
    signed_on: dt.date | None = None

    @property
    def grouped(self) -> bool:
        return len(self.orgs) > GROUP_THRESHOLD and self.orgs["group"].astype(str).str.strip().ne("").any()

    def _doc(self) -> SimpleNamespace:
        return SimpleNamespace(stream=SimpleNamespace(name=self.subject), period=self.period,
                               last_day=self.period.end)

    def header(self) -> Part:
        """NĐ 30 header with the superior as issuer, BÁO CÁO, trích yếu, opening paragraph."""
        n = len(self.orgs)
        valid = int(self.orgs["state"].isin(["on_time", "late"]).sum())
        intro = para(f"Căn cứ báo cáo của {valid}/{n} đơn vị, {self.issuer.issuer_name} tổng hợp "
                     f"kết quả {self.period.label[:1].lower()}{self.period.label[1:]} như sau:")
        return Part(notebook_style(), render_header(self.issuer, self._doc(), number=self.number,
                                                     signed_on=self.signed_on), intro, label="Báo cáo tổng hợp")

    def results(self) -> Part:
        """I. headline across organisations, the table per organisation (or per group), ranking and chart."""
        t = totals(self.orgs)
        done = t[DONE_ON_TIME] + t[DONE_LATE]
        headline = para(
            f"Tổng số {t['tasks']} nhiệm vụ có thời hạn của {len(self.orgs)} đơn vị: đã hoàn thành {done} "
            f"({t[DONE_ON_TIME]} đúng hạn, {t[DONE_LATE]} quá hạn); chưa hoàn thành trong hạn {t[OPEN_IN_TIME]}; "
            f"chưa hoàn thành quá hạn {t[OPEN_LATE]}; không có báo cáo {t[NO_REPORT]}. Tỷ lệ hoàn thành đúng hạn: "
            f"{format_percent(t['rate']) if t['tasks'] else 'không tính được'}.")
        table = render_group_table(self.orgs) if self.grouped else render_org_table(org_table(self.orgs))
        title = "Tổng hợp theo nhóm đơn vị (danh sách đầy đủ ở Phụ lục)" if self.grouped else "Kết quả của từng đơn vị"
        return Part(heading(2, "I. KẾT QUẢ THỰC HIỆN"), headline, heading(3, title), table,
                    heading(3, "Xếp hạng theo tỷ lệ hoàn thành đúng hạn"), render_ranking(self.orgs),
                    chart_rates(self.orgs, self.grouped), label="I. KẾT QUẢ THỰC HIỆN")

    def shortcomings(self) -> Part:
        """II. overdue tasks across organisations; organisations without a valid report (with the reason)."""
        return Part(heading(2, "II. TỒN TẠI, HẠN CHẾ"),
                    heading(3, "Nhiệm vụ chưa hoàn thành quá hạn"),
                    render_overdue_across(self.tasks, self.orgs, OVERDUE_LIMIT_GROUPED if self.grouped else 100),
                    heading(3, "Đơn vị không có báo cáo hợp lệ"), render_missing_orgs(self.orgs, self.grouped),
                    label="II. TỒN TẠI, HẠN CHẾ")

    def comparison(self) -> Part:
        """III. per-task comparison across organisations sharing a plan."""
        return Part(heading(2, "III. SO SÁNH THEO NHIỆM VỤ"), render_comparison(self.tasks, self.orgs),
                    label="III. SO SÁNH THEO NHIỆM VỤ")

    def signature(self) -> Part:
        """Nơi nhận and the signer block of the superior."""
        return Part(render_signature(self.issuer), label="Nơi nhận, chữ ký")

    def annex(self) -> Part:
        """Phụ lục I: the full table of organisations, when the body summarises by group (else nothing: the
        body already has it)."""
        if not self.grouped:
            return Part(label="Phụ lục I")
        return Part(annex_heading(self.issuer, self._doc(), "I", "Kết quả của từng đơn vị",
                                  number=self.number, signed_on=self.signed_on),
                    render_org_table(org_table(self.orgs), "data stack compact"), label="Phụ lục I")


def build_rollup_report(period: str, stream: str, data_dir: str | Path, superior: dict, *,
                        subject: str = "", number: str | None = None, signed_on: str | None = None) -> RollupReport:
    """Read the roll-up tables in ``data_dir`` and return the report to display."""
    folder = Path(data_dir)
    if not folder.is_absolute() and not folder.is_dir():  # the notebook opened from notebooks/ in JupyterLab
        folder = (find_project_root() or Path.cwd()) / folder
    orgs = pd.read_parquet(folder / "orgs.parquet")
    tasks_path = folder / "tasks.parquet"
    tasks = pd.read_parquet(tasks_path) if tasks_path.is_file() else pd.DataFrame(columns=["org_code"])
    p = parse_period(period)
    return RollupReport(p, stream, subject or "Tổng hợp kết quả báo cáo của các đơn vị", issuer_plan(superior), orgs,
                        tasks, number, dt.date.fromisoformat(signed_on) if signed_on else None)
