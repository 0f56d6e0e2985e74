"""status.parquet: a report's status table as a columnar file (schema versioned), written beside every report.

The kernel hands the table over in the run record (``status_records``:
JSON-ready, no logic in the notebook); ``jobs.run`` writes it with
``write_status_parquet`` and lists it in manifest.json with its sha256, so
a roll-up reads numbers, never HTML or PDF. Columns and types are
``STATUS_SCHEMA``; the file's metadata holds ``schema_version``, ``period``
and ``stream``. Documented in docs/rollup.md.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

STATUS_FILE = "status.parquet"
STATUS_SCHEMA_VERSION = "1"

# column → arrow type name; the order is the file's column order.
STATUS_FIELDS: dict[str, str] = {
    "task_code": "string", "task_text": "string", "kind": "string", "section": "string",
    "milestone": "string", "milestone_label": "string", "lead_unit_code": "string", "is_lead": "bool",
    "unit_code": "string", "unit": "string", "time_frame": "string", "deadline": "date32",
    "completed_on": "date32", "row_status": "string", "progress": "float64", "status": "string",
    "activity_reported": "bool", "days_late": "int32", "result": "string", "difficulties": "string",
    "proposals": "string", "note": "string", "source_file": "string", "source_row": "int32",
    "in_headline": "bool", "report_date": "date32", "due_kind": "string",
}


def _arrow_type(kind: str):
    import pyarrow as pa

    return pa.bool_() if kind == "bool" else getattr(pa, kind)()


def status_schema():
    """The arrow schema of status.parquet (version STATUS_SCHEMA_VERSION)."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(kind)) for name, kind in STATUS_FIELDS.items()])


def _json_value(value: object, kind: str) -> object:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if kind == "date32":
        return pd.Timestamp(value).date().isoformat()
    if kind == "bool":
        return bool(value)
    if kind == "int32":
        return int(value)
    if kind == "float64":
        return float(value)
    return str(value)


def status_records(status: pd.DataFrame) -> dict:
    """The status table as JSON-ready columns (for the run record): ``{"columns": [...], "rows": [[...]]}``.

    Columns missing from the frame are left out; the writer fills them with nulls.
    """
    columns = [c for c in STATUS_FIELDS if c in status.columns]
    kinds = [STATUS_FIELDS[c] for c in columns]
    rows = [[_json_value(v, k) for v, k in zip(row, kinds)] for row in status[columns].itertuples(index=False)]
    return {"columns": columns, "rows": rows}


def status_table(records: dict, period: str, stream: str):
    """The arrow table of status.parquet from ``status_records`` output, with its metadata."""
    import datetime as dt

    import pyarrow as pa

    columns = list(records.get("columns") or [])
    rows = records.get("rows") or []
    arrays = []
    for name, kind in STATUS_FIELDS.items():
        values = [row[columns.index(name)] for row in rows] if name in columns else [None] * len(rows)
        if kind == "date32":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        arrays.append(pa.array(values, type=_arrow_type(kind)))
    meta = {"schema_version": STATUS_SCHEMA_VERSION, "period": period, "stream": stream, "kind": "status"}
    return pa.Table.from_arrays(arrays, schema=status_schema().with_metadata(meta))


def write_status_parquet(records: dict, path: Path, period: str, stream: str) -> Path:
    """Write status.parquet from ``status_records`` output (zstd-compressed); returns the path."""
    import pyarrow.parquet as pq

    pq.write_table(status_table(records, period, stream), path, compression="zstd")
    return Path(path)
