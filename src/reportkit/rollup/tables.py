"""The organisations' status tables (status.parquet) read with a columnar engine into one frame.

Each table gets an ``org_code`` column. Tables of different schema versions
(or a nested roll-up's organisation table) are unified by column name.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ENGINES = ("pyarrow", "duckdb", "polars")


def _read_pyarrow(sources: list[tuple[str, Path]]) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = []
    for code, path in sources:
        table = pq.read_table(path)
        tables.append(table.append_column("org_code", pa.array([code] * table.num_rows, pa.string())))
    if not tables:
        return pd.DataFrame({"org_code": pd.Series(dtype="object")})
    table = pa.concat_tables(tables, promote_options="permissive")
    frame = table.to_pandas()
    return frame[["org_code", *[c for c in frame.columns if c != "org_code"]]]


def read_status_tables(sources: list[tuple[str, Path]], engine: str = "pyarrow") -> pd.DataFrame:
    """One frame of every (org code, status.parquet path): ``org_code`` + the tables' columns."""
    if engine == "pyarrow":
        return _read_pyarrow(sources)
    raise ValueError(f"engine {engine!r} is not available")
