"""collect_rollup: read every organisation's report folder into one RollupData.

Two steps: each manifest is judged (``manifest_check``: sha256 of every
listed file, period and stream), then the valid organisations' status tables
are read at once with a columnar engine (``tables``). With ``scheduler`` both
steps run on dask.distributed, in chunks of organisations, with the same result.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportkit.rollup.manifest_check import OrgReading, read_org, reason
from reportkit.rollup.model import COUNT_KEYS, ORG_COLUMNS, OrgInput, RollupData
from reportkit.rollup.tables import ENGINES, read_status_tables
from reportkit.status.words import DONE_ON_TIME


def orgs_frame(readings: list[OrgReading]) -> pd.DataFrame:
    """RollupData.orgs from the readings: ORG_COLUMNS, one int column per count key, tasks, rate."""
    frame = pd.DataFrame([r.row() for r in readings], columns=[*ORG_COLUMNS, *COUNT_KEYS])
    for key in COUNT_KEYS:
        frame[key] = frame[key].astype("int64")
    frame["tasks"] = frame[list(COUNT_KEYS)].sum(axis=1).astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["rate"] = (frame[DONE_ON_TIME] / frame["tasks"].where(frame["tasks"] > 0)).astype("float64")
    return frame


def read_chunk(orgs: list[OrgInput], period: str, stream: str, engine: str) -> tuple[list[OrgReading], pd.DataFrame]:
    """Judge and read some organisations (all of them, or one dask task's share)."""
    readings = [read_org(org, period, stream) for org in orgs]
    sources = [(r.org.code, r.status_path) for r in readings if r.status_path is not None]
    tasks, bad = read_status_tables(sources, engine)
    for reading in readings:
        if reading.org.code in bad:
            reading.state, reading.status_path = "invalid", None
            reading.reason = reason("rollup.reason.bad_status", detail=bad[reading.org.code])
    if bad:
        tasks = tasks[~tasks["org_code"].isin(bad)].reset_index(drop=True)
    return readings, tasks


def collect_rollup(orgs: list[OrgInput], period: str, stream: str, *, engine: str = "polars",
                   scheduler: str | None = None) -> RollupData:
    """Read each organisation's latest report for ``period``/``stream`` into one RollupData.

    An organisation without a report is "missing"; one whose files do not
    match its manifest (tampered, half-copied) or that is for another period
    is "invalid", with a Vietnamese reason ("không có báo cáo hợp lệ: …"),
    and the others go on. ``engine`` reads the status tables ("polars",
    "pyarrow", or "duckdb" when installed); ``scheduler`` ("local" or a
    dask.distributed address) spreads the work over dask workers.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    if scheduler:
        from reportkit.rollup.distributed import collect_distributed

        readings, tasks = collect_distributed(list(orgs), period, stream, engine, scheduler)
    else:
        readings, tasks = read_chunk(list(orgs), period, stream, engine)
    return RollupData(period, stream, orgs_frame(readings), tasks)
