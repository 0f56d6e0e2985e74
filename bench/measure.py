"""Run one measured piece of work in a fresh process and report time, CPU and peak memory.

Each measurement is a child process (``python -m bench.measure PART.TASK JSON``)
so that peak RSS belongs to that work alone and nothing stays warm between runs
unless the task itself warms it. The parent repeats and takes the median.
A task is the function ``TASK`` of ``bench/parts/PART.py``; an optional
``prepare_TASK`` builds its inputs outside the measured part.
"""

from __future__ import annotations

import importlib
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_child(task: str, args: dict, timeout: float = 1800) -> dict:
    """Run ``bench.parts.<part>.<task>(**args)`` in a child; return {seconds, cpu_seconds, peak_mb, ...}."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.measure", task, json.dumps(args)],
        capture_output=True, text=True, cwd=ROOT, timeout=timeout, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark task {task} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def repeat(task: str, args: dict, runs: int) -> dict:
    """Median, min and max seconds and CPU seconds (and max peak memory) over ``runs`` child runs."""
    samples = [run_child(task, args) for _ in range(runs)]
    secs = [s["seconds"] for s in samples]
    cpu = [s["cpu_seconds"] for s in samples]
    out = {k: v for k, v in samples[0].items() if k not in ("seconds", "cpu_seconds", "peak_mb")}
    out.update(median=statistics.median(secs), min=min(secs), max=max(secs),
               cpu_median=statistics.median(cpu), cpu_min=min(cpu), cpu_max=max(cpu),
               peak_mb=max(s["peak_mb"] for s in samples), runs=runs)
    return out


def fmt(r: dict) -> str:
    """One measurement as text: median seconds (min, max), CPU seconds and peak memory."""
    return (f"{r['median']:.2f} s (min {r['min']:.2f}, max {r['max']:.2f}; CPU {r['cpu_median']:.2f} s; "
            f"peak {r['peak_mb']:.0f} MB; {r['runs']} run{'s' if r['runs'] != 1 else ''})")


def _cpu_now() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _child_main(task: str, raw_args: str) -> None:
    part, name = task.split(".", 1)
    module = importlib.import_module(f"bench.parts.{part}")
    fn = getattr(module, name)
    args = json.loads(raw_args)
    prepare = getattr(module, f"prepare_{name}", None)
    state = prepare(**args) if prepare else None
    cpu0, start = _cpu_now(), time.perf_counter()
    extra = fn(state, **args) if prepare else fn(**args)
    seconds, cpu = time.perf_counter() - start, _cpu_now() - cpu0
    # VmHWM is this process image's own peak RSS (ru_maxrss would include the parent's at fork time).
    status = Path("/proc/self/status").read_text().splitlines()
    peak_mb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": max(peak_mb, children_mb), **(extra or {})}))


if __name__ == "__main__":
    _child_main(sys.argv[1], sys.argv[2])
