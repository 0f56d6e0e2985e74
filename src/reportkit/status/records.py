"""Counting status words and turning a status table into plain records (CSV, JSON)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from reportkit.status.words import STATUS_COLUMNS, STATUSES


def count_statuses(status: pd.Series | Iterable[str], words: Iterable[str] = STATUSES) -> dict[str, int]:
    """Status word → count, every word in ``words`` present (zero when absent)."""
    counts = pd.Series(list(status) if not isinstance(status, pd.Series) else status, dtype=object).value_counts()
    return {w: int(counts.get(w, 0)) for w in words}


def status_records(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> list[dict]:
    """Rows of a status table as plain records for CSV and JSON.

    Dates are ISO text (``2024-03-31``) or None, days late an int or None,
    booleans stay booleans. Default columns: STATUS_COLUMNS, then in_headline
    and report_date.
    """
    columns = list(columns) if columns is not None else [*STATUS_COLUMNS, "in_headline", "report_date"]
    out = pd.DataFrame(index=frame.index)
    for name in columns:
        series = frame[name]
        if pd.api.types.is_datetime64_any_dtype(series):
            text = series.dt.strftime("%Y-%m-%d")
            out[name] = text.astype(object).where(series.notna(), None)
        elif name in ("days_late", "source_row") or name == "progress":
            out[name] = series.astype(object).where(series.notna(), None)
        else:
            out[name] = series.astype(object)
    return out.to_dict(orient="records")

