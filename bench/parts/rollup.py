"""The roll-up over synthetic organisations (bench/rollup_synth.py): the data step and the whole report.

The data step (manifests, sha256, status tables) is compared with reading every
status.parquet with pandas one by one; the whole report (``reportkit rollup``:
collect, tables, notebook, HTML, PDF, DOCX) with the naive pipeline on the same
tables (papermill CLI, ``jupyter nbconvert --to html``, WeasyPrint CLI, one
after the other).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bench.measure import ROOT, fmt, repeat
from bench.parts import Run

VENV_BIN = Path(sys.executable).parent
TARGETS = {
    "rollup_1e4_seconds": ("rollup: data step for 10,000 organisations in < 3 s", lambda s: s < 3.0),
    "rollup_1e4_mb": ("rollup: data step for 10,000 organisations in < 1 GiB", lambda m: m < 1024),
    "rollup_report_1e3_seconds": ("rollup: whole report (HTML, PDF, DOCX) for 1,000 organisations in < 10 s",
                                  lambda s: s < 10.0),
}


def measure(run: Run) -> None:
    """The roll-up's data step: engines compared on the first size, the default engine (and dask) on the last."""
    import importlib.util

    from bench.rollup_synth import write_orgs

    tmp, runs, results = run.tmp, run.runs, run.results
    sizes = [50] if run.smoke else [1000] if run.quick else [1000, 10000]

    for n in sizes:
        folder = tmp / f"rollup_{n}"
        synth = write_orgs(folder, n)
        engines = [e for e in ("polars", "pyarrow", "duckdb") if importlib.util.find_spec(e)] if n == sizes[0] else ["polars"]
        for engine in engines:
            results[f"rollup_{n}_{engine}"] = repeat("rollup.rollup", {"folder": str(folder), "n": n, "engine": engine},
                                                      1 if engine != "polars" else runs)
        if n == sizes[-1] and n >= 1000 and not run.quick:  # --quick has no data-step target (10,000 only)
            results[f"rollup_{n}_dask_local"] = repeat("rollup.rollup", {"folder": str(folder), "n": n, "engine": "polars",
                                                                   "scheduler": "local"}, 1)
        if n == sizes[-1] and not run.quick:
            results[f"rollup_{n}_pandas_loop"] = repeat("rollup.pandas_loop", {"folder": str(folder), "n": n}, 1)
        if n == 1000 or run.smoke:
            measure_report(run, folder, synth)
        shutil.rmtree(folder, ignore_errors=True)
    last = results[f"rollup_{sizes[-1]}_polars"]
    if sizes[-1] >= 10000:
        loop = results[f"rollup_{sizes[-1]}_pandas_loop"]
        run.record("rollup_1e4_seconds", last["median"], spread=last,
                   baseline=f"pandas.read_parquet one file at a time {loop['median']:.2f} s "
                            f"(×{loop['median'] / last['median']:.1f}, no sha256 checks)")
        run.record("rollup_1e4_mb", last["peak_mb"], baseline=f"pandas one by one {loop['peak_mb']:.0f} MB")


def measure_report(run: Run, folder: Path, synth: list) -> None:
    """``reportkit rollup`` end to end over the organisations written in ``folder``, and the naive pipeline once."""
    from bench.rollup_synth import write_config

    n, out = len(synth), folder.with_name(folder.name + "_report")
    out.mkdir(exist_ok=True)
    config = write_config(out / "orgs.yaml", synth)
    args = {"config": str(config), "source": str(folder), "output": str(out / "rollup")}
    whole = repeat("rollup.rollup_report", args, run.runs)
    naive = repeat("rollup.rollup_naive", {**args, "output": str(out / "naive")}, 1)
    shutil.rmtree(out, ignore_errors=True)
    run.results[f"rollup_report_{n}"] = {"reportkit": whole, "naive": naive}
    if n == 1000:
        run.record("rollup_report_1e3_seconds", whole["median"], spread=whole,
                   baseline=f"naive pipeline (papermill, nbconvert, weasyprint CLIs; no DOCX) {naive['median']:.2f} s "
                            f"(×{naive['median'] / whole['median']:.1f}); CPU {whole['cpu_median']:.1f} s "
                            f"against {naive['cpu_median']:.1f} s")


def describe(key: str, value) -> str | None:
    if not key.startswith("rollup_"):
        return None
    if key.startswith("rollup_report_"):
        steps = ", ".join(f"{k} {v:.2f}" for k, v in value["reportkit"].get("timings", {}).items())
        return (f"- **{key}** (`reportkit rollup`, HTML + PDF + DOCX + XLSX): {fmt(value['reportkit'])}; "
                f"steps of the last run (s, overlapping): {steps}; naive pipeline {fmt(value['naive'])}")
    if key.endswith("_pandas_loop"):
        return f"- **{key}** (pandas.read_parquet one file at a time, then concat): {fmt(value)}"
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


def pandas_loop(folder: str, n: int) -> dict:
    """Baseline of the data step: every status.parquet read with pandas, one at a time, then concatenated."""
    import pandas as pd

    frames = []
    for path in sorted(Path(folder).glob("*/*/*/status.parquet")):
        try:
            frames.append(pd.read_parquet(path))
        except Exception:  # noqa: BLE001, S112 - a half-copied file: skipped, as the roll-up marks it invalid
            continue
    return {"rows": len(pd.concat(frames, ignore_index=True)), "files": len(frames), "orgs": n}


def rollup_report(config: str, source: str, output: str) -> dict:
    """``reportkit rollup`` end to end (collect, tables, notebook, HTML, PDF, DOCX); its own step timings."""
    import json

    from bench.parts.report import child_env

    proc = subprocess.run([str(VENV_BIN / "reportkit"), "rollup", "--config", config, "--period", "2024-Q1",
                           "--from", source, "--output", output], cwd=ROOT, env=child_env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode not in (0, 1):  # 1: some organisations have no valid report (they do, by design)
        raise RuntimeError(proc.stderr[-2000:])
    manifest = json.loads((Path(output) / "2024-Q1" / "dan-chu" / "manifest.json").read_text(encoding="utf-8"))
    return {"timings": manifest["timings"]}


def rollup_naive(config: str, source: str, output: str) -> dict:
    """The naive pipeline on the same tables: papermill CLI, then jupyter nbconvert, then the WeasyPrint CLI."""
    from bench.parts.report import run_naive_pipeline
    from reportkit.jobs.org_config import load_superior
    from reportkit.jobs.rollup import org_inputs, write_tables
    from reportkit.rollup import collect_rollup

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    data = collect_rollup(org_inputs(config, "2024-Q1", "dan-chu", Path(source)), "2024-Q1", "dan-chu")
    write_tables(data, out)
    superior = {k: v if isinstance(v, str) else list(v) for k, v in vars(load_superior(config)).items()}
    params = out / "params.yaml"
    import yaml

    params.write_text(yaml.safe_dump({"data_dir": str(out.resolve()), "superior": superior}, allow_unicode=True),
                      encoding="utf-8")
    run_naive_pipeline(ROOT / "notebooks" / "rollup_report.ipynb", params, out)
    return {}
