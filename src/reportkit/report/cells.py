"""Column formatting shared by the report's tables and lists: dates, shortened texts, status badges."""

from __future__ import annotations

import pandas as pd

from reportkit.report.markup import escape, escape_series, tag

STATUS_CLASSES = {
    "Đã hoàn thành đúng hạn": "status-done-ontime",
    "Đã hoàn thành quá hạn": "status-done-late",
    "Chưa hoàn thành trong hạn": "status-open-ontime",
    "Chưa hoàn thành quá hạn": "status-open-late",
    "Thường xuyên": "status-none",
    "Chưa xác định thời hạn": "status-none",
    "Không có báo cáo": "status-none",
}


def date_texts(series: pd.Series) -> pd.Series:
    """datetime64 → ``dd/mm/yyyy`` text, '' for NaT (vectorised)."""
    return pd.to_datetime(series).dt.strftime("%d/%m/%Y").fillna("")


def shorten(text: pd.Series, limit: int = 220) -> pd.Series:
    """Long plan texts cut for a table cell: the first sentence or clause if short
    enough, else at a word boundary before ``limit``, with "…" (vectorised)."""
    text = text.fillna("").astype(str)
    long = text.str.len() > limit
    first = text.str.extract(rf"^(.{{40,{limit}}}?)[.;](?:\s|$)")[0]
    cut = text.str.slice(0, limit).str.replace(r"[\s,;:]+\S*$", "", regex=True)
    short = first.where(first.notna(), cut).str.rstrip(" ,;:.") + "…"
    return text.where(~long, short)


def status_badges(status: pd.Series) -> pd.Series:
    """Status words as safe HTML spans with their colour class (vectorised)."""
    classes = status.map(STATUS_CLASSES).fillna("status-none")
    return '<span class="status ' + classes + '">' + escape_series(status) + "</span>"


def heading(level: int, text: str) -> str:
    """An ``<h{level}>`` with escaped text."""
    return tag(f"h{level}", escape(text))
