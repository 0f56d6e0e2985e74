"""``python -m bench [--quick | --smoke] [--only intake,status,report,batch,hardening]``.

Generates its own deterministic data in a temporary folder, measures each piece
in fresh child processes (median of several runs, with min and max and peak
memory), writes ``bench/RESULTS.md`` and ``bench/results.json`` (full and quick
runs only), and exits 1 naming every target that was missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from bench.measure import ROOT, repeat

TARGETS = {
    "intake_ratio": ("intake: reportkit ≥ 5× pandas/openpyxl (files/s)", lambda r: r >= 5.0),
    "assess_1e6_seconds": ("status: 10⁶ rows in < 2 s", lambda s: s < 2.0),
    "assess_1e6_mb": ("status: 10⁶ rows in < 1 GiB", lambda m: m < 1024),
    "assess_exponent": ("status: growth about linear (exponent ≤ 1.2)", lambda e: e <= 1.2),
    "report_ratio": ("report: reportkit run < 1.0× naive pipeline", lambda r: r < 1.0),
    "report_seconds": ("report: demo run < 5 s", lambda s: s < 5.0),
    "batch_ratio": ("batch: 2 workers ≤ 0.6× serial", lambda r: r <= 0.6),
    "batch_rerun_seconds": ("batch: unchanged re-run < 2 s", lambda s: s < 2.0),
    "hostile_small_seconds": ("hardening: each small hostile workbook refused or read in < 1 s", lambda s: s < 1.0),
    "hostile_large_seconds": ("hardening: zip bombs, floods, 30 MB strings, deep XML handled in < 5 s", lambda s: s < 5.0),
    "plan_bomb_seconds": ("hardening: plan alias bomb / deep nesting refused in < 5 s", lambda s: s < 5.0),
    "rollup_1e4_seconds": ("rollup: data step for 10,000 organisations in < 3 s", lambda s: s < 3.0),
    "rollup_1e4_mb": ("rollup: data step for 10,000 organisations in < 1 GiB", lambda m: m < 1024),
    "lock_refusal_seconds": ("hardening: a batch on locked outputs exits 4 in < 3 s", lambda s: s < 3.0),
}


def machine_line() -> str:
    import importlib.metadata as md

    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    libs = ", ".join(f"{n} {md.version(n)}" for n in ("pandas", "python-calamine", "openpyxl", "papermill",
                                                         "nbconvert", "weasyprint"))
    return (f"{os.cpu_count()} cores, {mem_gb:.0f} GiB, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}; {libs}")


def bench_intake(tmp: Path, sizes: list[int], runs: int, results: dict, metrics: dict) -> None:
    from bench.synth import write_plan, write_workbooks

    plan = write_plan(tmp / "intake_plan.yaml", 5, 50)
    for n in sizes:
        folder = tmp / f"wb{n}"
        write_workbooks(folder, n)
        rk = repeat("intake_reportkit", {"folder": str(folder), "plan": str(plan)}, runs)
        pd_ = repeat("intake_pandas", {"folder": str(folder), "plan": str(plan)}, runs)
        ratio = pd_["median"] / rk["median"]
        results[f"intake_{n}"] = {"reportkit": rk, "pandas_openpyxl": pd_, "ratio": ratio,
                                  "reportkit_files_per_s": n / rk["median"], "pandas_files_per_s": n / pd_["median"]}
        metrics["intake_ratio"] = min(metrics.get("intake_ratio", math.inf), ratio)


def bench_status(tmp: Path, sizes: list[tuple[int, int]], runs: int, results: dict, metrics: dict) -> None:
    points = []
    for units, tasks in sizes:
        r = repeat("assess", {"units": units, "tasks": tasks, "plan_dir": str(tmp)}, runs)
        results[f"assess_{units * tasks}"] = r
        points.append((units * tasks, r["median"]))
        if units * tasks == 1_000_000:
            metrics["assess_1e6_seconds"] = r["median"]
            metrics["assess_1e6_mb"] = r["peak_mb"]
    if len(points) >= 2 and points[-1][0] >= 100 * points[0][0]:
        (n0, t0), (n1, t1) = points[-2], points[-1]
        metrics["assess_exponent"] = math.log(t1 / t0) / math.log(n1 / n0)
        results["assess_exponent"] = metrics["assess_exponent"]


def bench_report(tmp: Path, runs: int, results: dict, metrics: dict) -> None:
    args = {"period": "2024-Q1", "stream": "dan-chu"}
    rk = repeat("report_reportkit", {"output": str(tmp / "rk"), **args}, runs)
    naive = repeat("report_naive", {"output": str(tmp / "naive"), **args}, runs)
    floor = repeat("report_floor", {"output": str(tmp / "floor")}, runs)
    results["report"] = {"reportkit": rk, "naive": naive, "floor": floor, "ratio": rk["median"] / naive["median"]}
    metrics["report_ratio"] = rk["median"] / naive["median"]
    metrics["report_seconds"] = rk["median"]


def bench_batch(tmp: Path, runs: int, results: dict, metrics: dict) -> None:
    serial = repeat("batch", {"output": str(tmp / "b1"), "workers": 1, "force": True}, runs)
    parallel = repeat("batch", {"output": str(tmp / "b2"), "workers": 2, "force": True}, runs)
    rerun = repeat("batch", {"output": str(tmp / "b2"), "workers": 2, "force": False}, max(runs, 3))
    results["batch"] = {"serial": serial, "workers_2": parallel, "unchanged_rerun": rerun,
                        "ratio": parallel["median"] / serial["median"]}
    metrics["batch_ratio"] = parallel["median"] / serial["median"]
    metrics["batch_rerun_seconds"] = rerun["median"]


# Committed hostile files (tests/data/hostile) and the builders of the large ones (tests/hostile_files.py).
HOSTILE_SMALL = ["far_cell.xlsx", "far_cell_second_r.xlsx", "far_cell_gt_in_value.xlsx", "far_cell_prefixed.xlsx",
                 "ods_repeated.ods", "xls_far_cell.xls", "xlsb_named.xlsx", "billion_laughs.xlsx",
                 "dimension_only.xlsx", "huge_merge.xlsx"]
HOSTILE_LARGE = ["zip_bomb", "zip_bomb_lying", "many_entries", "many_rows", "huge_shared_string", "deep_nesting",
                 "deep_nesting_legacy_font"]
PLAN_BOMBS = {
    "alias_bomb": "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
    "deep_nesting": "deep: " + "[" * 3000 + "]" * 3000 + "\n",
}


def bench_hardening(tmp: Path, runs: int, results: dict, metrics: dict, smoke: bool = False) -> None:
    from tests import hostile_files as hostile

    plan = ROOT / "data" / "plan" / "ttdvvl-2024.yaml"
    files = {}
    for name in HOSTILE_SMALL[:2] if smoke else HOSTILE_SMALL:
        files[name] = tmp / "hostile" / name / f"hcth_2024-03-05{Path(name).suffix}"
        files[name].parent.mkdir(parents=True)
        files[name].write_bytes((hostile.HERE / name).read_bytes())
    for name in [] if smoke else HOSTILE_LARGE:
        files[name] = tmp / "hostile" / name / "hcth_2024-03-05.xlsx"
        files[name].parent.mkdir(parents=True)
        files[name].write_bytes(getattr(hostile, name)())
    reads = {name: repeat("hostile_read", {"path": str(path), "plan": str(plan)}, runs) for name, path in files.items()}
    small = [reads[n]["median"] for n in HOSTILE_SMALL if n in reads]
    large = [reads[n]["median"] for n in HOSTILE_LARGE if n in reads]
    metrics["hostile_small_seconds"] = max(small)
    if large:
        metrics["hostile_large_seconds"] = max(large)
    bombs = {}
    for name, extra in PLAN_BOMBS.items():
        path = tmp / f"plan_{name}.yaml"
        path.write_text(plan.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
        bombs[name] = repeat("plan_refused", {"path": str(path)}, runs)
    metrics["plan_bomb_seconds"] = max(r["median"] for r in bombs.values())
    locked = repeat("batch_locked", {"output": str(tmp / "locked")}, runs)
    metrics["lock_refusal_seconds"] = locked["median"]
    results["hardening"] = {"workbooks": reads, "plans": bombs, "locked_batch": locked}


def bench_rollup(tmp: Path, sizes: list[int], runs: int, results: dict, metrics: dict) -> None:
    """The roll-up's data step: engines compared on the first size, the default engine (and dask) on the last."""
    import importlib.util

    from bench.rollup_synth import write_orgs

    for n in sizes:
        folder = tmp / f"rollup_{n}"
        write_orgs(folder, n)
        engines = [e for e in ("polars", "pyarrow", "duckdb") if importlib.util.find_spec(e)] if n == sizes[0] else ["polars"]
        for engine in engines:
            results[f"rollup_{n}_{engine}"] = repeat("rollup", {"folder": str(folder), "n": n, "engine": engine},
                                                      1 if engine != "polars" else runs)
        if n == sizes[-1] and n >= 1000:
            results[f"rollup_{n}_dask_local"] = repeat("rollup", {"folder": str(folder), "n": n, "engine": "polars",
                                                                   "scheduler": "local"}, 1)
        shutil.rmtree(folder, ignore_errors=True)
    last = results[f"rollup_{sizes[-1]}_polars"]
    if sizes[-1] >= 10000:
        metrics["rollup_1e4_seconds"], metrics["rollup_1e4_mb"] = last["median"], last["peak_mb"]


def _fmt(r: dict) -> str:
    return f"{r['median']:.2f} s (min {r['min']:.2f}, max {r['max']:.2f}; peak {r['peak_mb']:.0f} MB)"


def write_markdown(path: Path, mode: str, results: dict, metrics: dict, verdicts: list[tuple[str, bool, float]]) -> None:
    lines = [f"# Benchmark results ({mode})", "", f"Run {dt.datetime.now():%Y-%m-%d %H:%M}. Machine: {machine_line()}.",
             "", "Each figure is the median of several fresh-process runs, with min and max.", "",
             "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {label} | {value:.3g} | {'yes' if ok else '**no**'} |" for label, ok, value in verdicts]
    lines += ["", "## Details", ""]
    for key, value in results.items():
        if key.startswith("intake_"):
            lines.append(f"- **{key}** ({value['reportkit']['files']} files × 50 rows): reportkit "
                         f"{_fmt(value['reportkit'])}, {value['reportkit_files_per_s']:.0f} files/s; "
                         f"pandas+openpyxl {_fmt(value['pandas_openpyxl'])}, {value['pandas_files_per_s']:.0f} files/s; "
                         f"ratio {value['ratio']:.1f}×")
        elif key.startswith("assess_") and isinstance(value, dict):
            lines.append(f"- **{key}** rows: {_fmt(value)}")
        elif key == "assess_exponent":
            lines.append(f"- **growth exponent** (last two sizes): {value:.2f}")
        elif key == "report":
            lines.append(f"- **one report** 2024-Q1 dan-chu: reportkit {_fmt(value['reportkit'])}; naive "
                         f"{_fmt(value['naive'])}; floor (empty notebook) {_fmt(value['floor'])}; ratio {value['ratio']:.2f}")
        elif key == "hardening":
            for name, r in {**value["workbooks"], **value["plans"], "locked batch": value["locked_batch"]}.items():
                lines.append(f"- **hardening, {name}**: {_fmt(r)}")
        elif key.startswith("rollup_"):
            lines.append(f"- **{key}** ({value['orgs']} organisations, {value['rows']} status rows, "
                         f"{value['valid']} valid): {_fmt(value)}")
        elif key == "batch":
            lines.append(f"- **batch** sample year: serial {_fmt(value['serial'])}; 2 workers {_fmt(value['workers_2'])};"
                         f" unchanged re-run {_fmt(value['unchanged_rerun'])}; ratio {value['ratio']:.2f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs (under ~2 minutes)")
    mode.add_argument("--smoke", action="store_true", help="tiny sizes, one run, no targets (for make test)")
    parser.add_argument("--only", help="comma-separated: intake,status,report,batch,hardening,rollup")
    args = parser.parse_args(argv)
    parts = set((args.only or "intake,status,report,batch,hardening,rollup").split(","))
    name = "smoke" if args.smoke else "quick" if args.quick else "full"
    runs = 1 if args.smoke else 3 if args.quick else 5
    results: dict = {}
    metrics: dict = {}
    tmp = Path(tempfile.mkdtemp(prefix="reportkit-bench-"))
    try:
        if "intake" in parts:
            sizes = [5] if args.smoke else [100] if args.quick else [100, 1000]
            bench_intake(tmp, sizes, runs, results, metrics)
        if "status" in parts:
            sizes = [(10, 20)] if args.smoke else [(100, 100), (1000, 100)] if args.quick else \
                [(100, 100), (1000, 100), (10000, 100)]
            bench_status(tmp, sizes, runs, results, metrics)
        if "report" in parts and not args.smoke:
            bench_report(tmp, runs, results, metrics)
        if "batch" in parts and not args.smoke:
            bench_batch(tmp, 1 if args.quick else 2, results, metrics)
        if "hardening" in parts:
            bench_hardening(tmp, 1 if args.smoke or args.quick else 3, results, metrics, smoke=args.smoke)
        if "rollup" in parts:
            bench_rollup(tmp, [50] if args.smoke else [1000] if args.quick else [1000, 10000], runs, results, metrics)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    verdicts = [(label, check(metrics[key]), metrics[key]) for key, (label, check) in TARGETS.items() if key in metrics]
    for label, ok, value in verdicts:
        print(f"{'ok  ' if ok else 'MISS'} {label}: {value:.3g}")
    if args.smoke:
        print(f"smoke: {len(results)} measurements ran")
        return 0
    out = ROOT / "bench"
    (out / f"results-{name}.json").write_text(json.dumps({"machine": machine_line(), "results": results,
                                                         "metrics": metrics}, indent=2, ensure_ascii=False))
    write_markdown(out / ("RESULTS.md" if name == "full" else f"RESULTS-{name}.md"), name, results, metrics, verdicts)
    missed = [label for label, ok, _ in verdicts if not ok]
    if missed:
        print("targets missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
