"""Run one measured piece of work in a fresh process and report time and peak memory.

Each measurement is a child process (``python -m bench.measure TASK JSON``) so
that peak RSS belongs to that work alone and nothing stays warm between runs
unless the task itself warms it. The parent repeats and takes the median.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_child(task: str, args: dict, timeout: float = 1800) -> dict:
    """Run ``bench.tasks.<task>(**args)`` in a child; return {seconds, peak_mb, ...}."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.measure", task, json.dumps(args)],
        capture_output=True, text=True, cwd=ROOT, timeout=timeout,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark task {task} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def repeat(task: str, args: dict, runs: int) -> dict:
    """Median, min and max seconds (and max peak memory) over ``runs`` child runs."""
    samples = [run_child(task, args) for _ in range(runs)]
    secs = [s["seconds"] for s in samples]
    out = {k: v for k, v in samples[0].items() if k not in ("seconds", "peak_mb")}
    out.update(median=statistics.median(secs), min=min(secs), max=max(secs),
               peak_mb=max(s["peak_mb"] for s in samples), runs=runs)
    return out


def _child_main(task: str, raw_args: str) -> None:
    from bench import tasks

    fn = getattr(tasks, task)
    args = json.loads(raw_args)
    prepare = getattr(tasks, f"prepare_{task}", None)
    state = prepare(**args) if prepare else None
    start = time.perf_counter()
    extra = fn(state, **args) if prepare else fn(**args)
    seconds = time.perf_counter() - start
    # VmHWM is this process image's own peak RSS (ru_maxrss would include the parent's at fork time).
    peak_mb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": max(peak_mb, children_mb), **(extra or {})}))


if __name__ == "__main__":
    _child_main(sys.argv[1], sys.argv[2])
