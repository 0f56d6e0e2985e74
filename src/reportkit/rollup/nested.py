"""A roll-up's own output folder, readable as one organisation by the next level up (nested roll-ups).

``write_rollup_record(data, folder, files)`` writes, beside the roll-up's
documents, ``status.parquet`` holding every status line of the organisations
rolled up (their ``org_code`` renamed ``source_org``; metadata ``kind=rollup``)
and ``manifest.json`` with the period, stream, the summed counts and the
sha256 of every file (the same layout as ``jobs.rollup`` writes). A province
then lists each Sở's roll-up folder as an organisation: its counts are the
Sở's totals and its status lines the Sở's organisations' lines.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from reportkit.files import write_atomic
from reportkit.rollup.manifest_check import hash_file
from reportkit.rollup.model import COUNT_KEYS, RollupData
from reportkit.rollup.status_file import STATUS_FILE, STATUS_SCHEMA_VERSION


def status_lines(tasks: pd.DataFrame) -> pd.DataFrame:
    """The roll-up's status lines for its own status.parquet: ``org_code`` becomes ``source_org``.

    A line that came from a roll-up (it has a ``source_org`` already) keeps the
    whole path, ``<sở>/<unit>``, so roll-ups nest to any depth.
    """
    out = tasks.drop(columns=["org_code", "source_org"], errors="ignore")
    codes = tasks["org_code"].astype("string")
    if "source_org" in tasks:
        inner = tasks["source_org"].astype("string")
        codes = (codes + "/" + inner).where(inner.notna() & inner.ne(""), codes)
    out.insert(0, "source_org", codes)
    return out


def write_rollup_record(data: RollupData, folder: Path, files: dict[str, str] | None = None,
                        due_before: str | None = None, built_at: dt.datetime | None = None) -> dict:
    """Write status.parquet (the organisations' status lines) and manifest.json into ``folder``; returns the manifest.

    ``files`` are the roll-up's other outputs already in ``folder`` (kind →
    file name): they are listed with their sha256 too.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    table = pa.Table.from_pandas(status_lines(data.tasks), preserve_index=False)
    meta = {"schema_version": STATUS_SCHEMA_VERSION, "period": data.period, "stream": data.stream, "kind": "rollup"}
    pq.write_table(table.replace_schema_metadata(meta), folder / STATUS_FILE, compression="zstd")
    listed = {**(files or {}), "status": STATUS_FILE}
    built = (built_at or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    valid = data.orgs[data.orgs["state"].isin(("on_time", "late"))]
    manifest = {
        "reportkit_manifest": 1, "kind": "rollup", "period": data.period, "stream": data.stream,
        "plan_code": "", "due_before": due_before,
        "counts": {k: int(data.orgs[k].sum()) for k in COUNT_KEYS},
        "organisations": {"total": len(data.orgs), "valid": len(valid)},
        "files": listed, "finished_at": built, "first_built_at": built,
        "sha256": {name: hash_file(folder / name) for name in listed.values()},
    }
    write_atomic(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest
