"""The roll-up's data step on dask.distributed: organisations in chunks, one task per chunk.

``scheduler`` is "local" (a LocalCluster of worker processes on this machine)
or the address of a running scheduler ("tcp://host:8786"). Every worker reads
the same paths, so the folder must be visible to all of them (a shared disk).
The result equals the single-process one: chunks keep the organisations' order.
"""

from __future__ import annotations

import pandas as pd

from reportkit.rollup.model import OrgInput

CHUNK = 500  # organisations per task: big enough that a task's overhead is small


def collect_distributed(orgs: list[OrgInput], period: str, stream: str, engine: str, scheduler: str):
    """(readings, tasks) as ``collect.read_chunk`` gives them, computed on dask workers."""
    from dask.distributed import Client, LocalCluster

    from reportkit.rollup.collect import read_chunk

    chunks = [orgs[i:i + CHUNK] for i in range(0, len(orgs), CHUNK)] or [[]]
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
        if scheduler == "local" else None
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            futures = client.map(read_chunk, chunks, period=period, stream=stream, engine=engine, pure=False)
            parts = client.gather(futures)
    finally:
        if cluster is not None:
            cluster.close()
    readings = [r for part, _ in parts for r in part]
    frames = [tasks for _, tasks in parts if len(tasks)]
    tasks = pd.concat(frames, ignore_index=True) if frames else parts[0][1]
    return readings, tasks
