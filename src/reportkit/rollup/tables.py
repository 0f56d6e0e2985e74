"""The organisations' status tables (status.parquet) read with a columnar engine into one frame.

Each table gets an ``org_code`` column; columns are arrow-backed (``pd.ArrowDtype``,
zero-copy from the engine) whatever the engine. Engines (measured in bench/RESULTS.md):
``polars`` (default: reads thousands of small files in parallel, ~10× faster
than a pyarrow per-file loop here), ``duckdb`` (when installed) and ``pyarrow``.
Tables of different schema versions (or a nested roll-up's organisation
table) are unified by column name. A file no engine can read is reported back
so its organisation becomes "invalid" instead of stopping the roll-up.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ENGINES = ("polars", "pyarrow", "duckdb")

# The status.parquet columns a roll-up reads (the report, the xlsx, a nested roll-up): the free-text
# columns (result, difficulties, proposals, note) and the intake's bookkeeping stay in each
# organisation's own report. Reading only these keeps 10,000 organisations well under 1 GiB.
ROLLUP_COLUMNS = ("task_code", "task_text", "kind", "section", "unit_code", "unit", "deadline", "completed_on",
                  "status", "days_late", "in_headline", "source_file", "source_row", "source_org")


def _read_pyarrow(paths: list[str], columns: tuple[str, ...]):
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = []
    for path in paths:
        names = pq.read_schema(path).names
        table = pq.read_table(path, columns=[c for c in columns if c in names])
        tables.append(table.append_column("__file", pa.array([path] * table.num_rows, pa.string())))
    return pa.concat_tables(tables, promote_options="permissive").to_pandas(types_mapper=pd.ArrowDtype)


def _read_polars(paths: list[str], columns: tuple[str, ...]):
    import polars as pl

    frame = pl.scan_parquet(paths, include_file_paths="__file", missing_columns="insert")
    present = frame.collect_schema().names()
    wanted = [c for c in columns if c in present] + ["__file"]
    return frame.select(wanted).collect().to_pandas(use_pyarrow_extension_array=True)


def _read_duckdb(paths: list[str], columns: tuple[str, ...]):
    import duckdb

    con = duckdb.connect()
    try:
        rel = con.read_parquet(paths, filename=True, union_by_name=True)
        rel = rel.select(*[c for c in columns if c in rel.columns], "filename")
        table = rel.to_arrow_table()
        return table.rename_columns(["__file" if c == "filename" else c for c in rel.columns]).to_pandas(
            types_mapper=pd.ArrowDtype)
    finally:
        con.close()


_READERS = {"pyarrow": _read_pyarrow, "polars": _read_polars, "duckdb": _read_duckdb}


def _read_all(sources: list[tuple[str, Path]], engine: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Read every file at once; when one is unreadable, read them one by one to find which."""
    paths = [str(p) for _, p in sources]
    try:
        return _READERS[engine](paths, ROLLUP_COLUMNS), {}
    except Exception:  # noqa: BLE001, S110 - a broken file: found one by one below, never stops the roll-up
        pass
    frames, bad = [], {}
    for code, path in sources:
        try:
            frames.append(_READERS[engine]([str(path)], ROLLUP_COLUMNS))
        except Exception as exc:  # noqa: BLE001 - reported as the organisation's reason
            bad[code] = f"{type(exc).__name__}: {str(exc)[:200]}"
    return (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({"__file": []})), bad


def read_status_tables(sources: list[tuple[str, Path]], engine: str = "polars") -> tuple[pd.DataFrame, dict[str, str]]:
    """One frame of every (org code, status.parquet path): ``org_code`` + the tables' columns.

    Also returns {org code: problem} for the files that could not be read.
    """
    if not sources:
        return pd.DataFrame({"org_code": pd.Series(dtype="str")}), {}
    frame, bad = _read_all(sources, engine)
    code_of = {str(p): code for code, p in sources}
    codes = frame["__file"].astype(str).map(code_of)
    frame = frame.drop(columns="__file")
    frame.insert(0, "org_code", codes)
    return frame.reset_index(drop=True), bad
