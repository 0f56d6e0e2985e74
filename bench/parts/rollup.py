"""The roll-up's data step over synthetic organisations (bench/rollup_synth.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.measure import fmt, repeat
from bench.parts import Run

TARGETS = {
    "rollup_1e4_seconds": ("rollup: data step for 10,000 organisations in < 3 s", lambda s: s < 3.0),
    "rollup_1e4_mb": ("rollup: data step for 10,000 organisations in < 1 GiB", lambda m: m < 1024),
}


def measure(run: Run) -> None:
    """The roll-up's data step: engines compared on the first size, the default engine (and dask) on the last."""
    import importlib.util

    from bench.rollup_synth import write_orgs

    tmp, runs, results = run.tmp, run.runs, run.results
    sizes = [50] if run.smoke else [1000] if run.quick else [1000, 10000]

    for n in sizes:
        folder = tmp / f"rollup_{n}"
        write_orgs(folder, n)
        engines = [e for e in ("polars", "pyarrow", "duckdb") if importlib.util.find_spec(e)] if n == sizes[0] else ["polars"]
        for engine in engines:
            results[f"rollup_{n}_{engine}"] = repeat("rollup.rollup", {"folder": str(folder), "n": n, "engine": engine},
                                                      1 if engine != "polars" else runs)
        if n == sizes[-1] and n >= 1000:
            results[f"rollup_{n}_dask_local"] = repeat("rollup.rollup", {"folder": str(folder), "n": n, "engine": "polars",
                                                                   "scheduler": "local"}, 1)
        shutil.rmtree(folder, ignore_errors=True)
    last = results[f"rollup_{sizes[-1]}_polars"]
    if sizes[-1] >= 10000:
        first = results[f"rollup_{sizes[0]}_polars"]
        run.record("rollup_1e4_seconds", last["median"], spread=last,
                   baseline=f"{sizes[0]:,} organisations {first['median']:.2f} s")
        run.record("rollup_1e4_mb", last["peak_mb"], baseline=f"{sizes[0]:,} organisations {first['peak_mb']:.0f} MB")


def describe(key: str, value) -> str | None:
    if not key.startswith("rollup_"):
        return None
    return f"- **{key}** ({value['orgs']} organisations, {value['rows']} status rows, {value['valid']} valid): {fmt(value)}"



def prepare_rollup(folder: str, n: int, engine: str, scheduler: str | None = None):
    import importlib

    from bench.rollup_synth import PERIOD, STREAM
    from reportkit.rollup import OrgInput, collect_rollup

    importlib.import_module(engine)  # the engine's import is not the data step
    width = len(str(n))
    orgs = [OrgInput(f"org{i:0{width}d}", f"Đơn vị {i}", "", Path(folder) / f"org{i:0{width}d}" / PERIOD / STREAM)
            for i in range(n)]
    return collect_rollup, orgs, PERIOD, STREAM


def rollup(state, folder: str, n: int, engine: str, scheduler: str | None = None) -> dict:
    """collect_rollup over n synthetic organisations (manifests, sha256 checks, status tables)."""
    collect_rollup, orgs, period, stream = state
    data = collect_rollup(orgs, period, stream, engine=engine, scheduler=scheduler)
    return {"orgs": len(data.orgs), "rows": len(data.tasks), "valid": int(data.orgs["state"].isin(("on_time", "late")).sum())}
