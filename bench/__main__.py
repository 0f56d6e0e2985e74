"""``python -m bench [--quick | --smoke] [--only intake,status,report,batch,hardening,rollup]``.

Generates its own deterministic data in a temporary folder, measures each part
(``bench/parts/<part>.py``) in fresh child processes (median of several runs,
with min and max, CPU seconds and peak memory), writes ``bench/RESULTS.md`` and
``bench/results-<mode>.json`` (full and quick runs only), and exits 1 naming
every target that was missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import ROOT
from bench.parts import PARTS, Run


def machine_line() -> str:
    import importlib.metadata as md

    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    libs = ", ".join(f"{n} {md.version(n)}" for n in ("pandas", "python-calamine", "openpyxl", "papermill",
                                                         "nbconvert", "weasyprint", "polars", "pyarrow"))
    return (f"{os.cpu_count()} cores, {mem_gb:.0f} GiB, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}; {libs}")


def load_parts(names: list[str]) -> dict:
    """The part modules to run, in the harness's order."""
    unknown = sorted(set(names) - set(PARTS))
    if unknown:
        raise SystemExit(f"unknown part(s): {', '.join(unknown)}; choose among {', '.join(PARTS)}")
    return {name: importlib.import_module(f"bench.parts.{name}") for name in PARTS if name in names}


def write_markdown(path: Path, run: Run, parts: dict, verdicts: list[tuple[str, str, bool, float]]) -> None:
    lines = [f"# Benchmark results ({run.mode})", "", f"Run {dt.datetime.now():%Y-%m-%d %H:%M}. Machine: {machine_line()}.",
             "", ("Each figure is the median of several fresh-process runs, with min and max, the CPU seconds "
                  "(user + system, the process and its children) and the peak memory."), "",
             "| target | measured | spread and baseline | met |", "|---|---|---|---|"]
    lines += [f"| {label} | {value:.3g} | {run.notes.get(key, '')} | {'yes' if ok else '**no**'} |"
              for key, label, ok, value in verdicts]
    lines += ["", "## Details", ""]
    for key, value in run.results.items():
        for module in parts.values():
            line = module.describe(key, value)
            if line:
                lines.append(line)
                break
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs (under 3 minutes)")
    mode.add_argument("--smoke", action="store_true", help="tiny sizes, one run, no targets (for make test)")
    parser.add_argument("--only", help="comma-separated: " + ",".join(PARTS))
    args = parser.parse_args(argv)
    parts = load_parts((args.only or ",".join(PARTS)).split(","))
    name = "smoke" if args.smoke else "quick" if args.quick else "full"
    run = Run(Path(tempfile.mkdtemp(prefix="reportkit-bench-")), name, 1 if args.smoke else 2 if args.quick else 5)
    try:
        for part, module in parts.items():
            started = time.perf_counter()
            module.measure(run)
            print(f"{part}: measured in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(run.tmp, ignore_errors=True)
    targets = {key: target for module in parts.values() for key, target in module.TARGETS.items()}
    verdicts = [(key, label, check(run.metrics[key]), run.metrics[key]) for key, (label, check) in targets.items()
                if key in run.metrics]
    for _, label, ok, value in verdicts:
        print(f"{'ok  ' if ok else 'MISS'} {label}: {value:.3g}")
    if args.smoke:
        print(f"smoke: {len(run.results)} measurements ran")
        return 0
    out = ROOT / "bench"
    (out / f"results-{name}.json").write_text(json.dumps({"machine": machine_line(), "results": run.results,
                                                         "metrics": run.metrics}, indent=2, ensure_ascii=False))
    write_markdown(out / ("RESULTS.md" if name == "full" else f"RESULTS-{name}.md"), run, parts, verdicts)
    missed = [label for _, label, ok, _ in verdicts if not ok]
    if missed:
        print("targets missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
