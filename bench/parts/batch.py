"""The batch over the sample year: forked kernels against plain ones, 1 and 2 workers, memory over 200 reports.

Batch workers fork each report's kernel from a kernel template
(``jobs/kernel_fork.py``); ``REPORTKIT_KERNEL=plain`` is the route before it
(one fresh kernel process per report), measured in the same run as the
baseline. CPU seconds are the whole process tree's (the batch, its workers,
their templates and kernels: every process is waited for by its parent).
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import threading
import time
from pathlib import Path

from bench.measure import ROOT, fmt, repeat
from bench.parts import Run
from bench.parts.report import VENV_BIN, child_env

TARGETS = {
    "batch_cpu_per_report": ("batch: CPU per report ≤ 2.0 CPU-s (1 worker, forked kernels)", lambda s: s <= 2.0),
    "batch_ratio": ("batch: 2 workers ≤ 0.5× serial", lambda r: r <= 0.5),
    "batch_wall_per_report": ("batch: wall per report ≤ 1.2 s with 2 workers", lambda s: s <= 1.2),
    "batch_rerun_seconds": ("batch: unchanged re-run < 2 s", lambda s: s < 2.0),
    "batch_memory_growth": ("batch: memory flat over 200 reports (last 20 ≤ 1.15× reports 11-30)",
                            lambda r: r <= 1.15),
}
PLAN = ROOT / "data" / "plan" / "ttdvvl-2024.yaml"
SUBS = ROOT / "data" / "submissions" / "2024"


def measure(run: Run) -> None:
    if run.smoke:
        return
    runs = 1 if run.quick else 2
    through = {"through": "2024-04-30"} if run.quick else {}  # --quick: January to April (6 reports)
    serial = repeat("batch.batch", {"output": str(run.tmp / "b1"), "workers": 1, "force": True, **through}, runs)
    parallel = repeat("batch.batch", {"output": str(run.tmp / "b2"), "workers": 2, "force": True, **through}, runs)
    plain = repeat("batch.batch", {"output": str(run.tmp / "p1"), "workers": 1, "force": True, "kernel": "plain",
                                   **through}, runs)
    rerun = repeat("batch.batch", {"output": str(run.tmp / "b2"), "workers": 2, "force": False, **through},
                   max(runs, 3))
    n = serial["built"]
    run.results["batch"] = {"serial": serial, "workers_2": parallel, "plain_serial": plain, "unchanged_rerun": rerun,
                            "reports": n, "ratio": parallel["median"] / serial["median"]}
    run.record("batch_cpu_per_report", serial["cpu_median"] / n,
               baseline=f"plain kernels (REPORTKIT_KERNEL=plain) {plain['cpu_median'] / n:.2f} CPU-s per report, "
                        f"{n} reports")
    run.record("batch_ratio", parallel["median"] / serial["median"],
               baseline=f"serial {serial['median']:.1f} s, 2 workers {parallel['median']:.1f} s; plain kernels "
                        f"serial {plain['median']:.1f} s")
    run.record("batch_wall_per_report", parallel["median"] / n,
               baseline=f"serial {serial['median'] / n:.2f} s per report; plain serial {plain['median'] / n:.2f} s")
    run.record("batch_rerun_seconds", rerun["median"], spread=rerun,
               baseline=f"a forced serial batch {serial['median']:.1f} s")
    if not run.quick:
        memory = repeat("batch.batch_memory", {"output": str(run.tmp / "mem"), "organisations": 10}, 1)
        run.results["batch_memory"] = memory
        run.record("batch_memory_growth", memory["growth"],
                   baseline=f"{memory['reports']} reports on 2 workers: PSS of workers + templates + kernels "
                            f"{memory['first_mb']:.0f} MB (reports 11-30) → {memory['last_mb']:.0f} MB (last 20)")


def describe(key: str, value) -> str | None:
    if key == "batch_memory":
        curve = ", ".join(f"{d}: {mb:.0f}" for d, mb in value["curve"])
        workers = ", ".join(f"{d}: {mb:.0f}" for d, mb in value["workers_curve"])
        return (f"- **batch memory** {value['reports']} reports, 2 workers ({fmt(value)}): PSS of workers, templates "
                f"and kernels in MB from report n on: {curve}; RSS of the 2 workers: {workers}")
    if key != "batch":
        return None
    n = value["reports"]
    return (f"- **batch** sample year ({n} reports): serial {fmt(value['serial'])}; 2 workers {fmt(value['workers_2'])};"
            f" plain kernels serial {fmt(value['plain_serial'])}; unchanged re-run {fmt(value['unchanged_rerun'])}; "
            f"ratio {value['ratio']:.2f}; CPU per report {value['serial']['cpu_median'] / n:.2f} s forked, "
            f"{value['plain_serial']['cpu_median'] / n:.2f} s plain")


def _command(output: str, workers: int, force: bool, extra: list[str]) -> list[str]:
    cmd = [str(VENV_BIN / "reportkit"), "batch", "--year", "2024", "--output", output, "--workers", str(workers),
           *extra]
    return [*cmd, "--force"] if force else cmd


def batch(output: str, workers: int, force: bool, through: str = "2024-12-31", kernel: str = "fork") -> dict:
    """``reportkit batch`` over the sample year (``kernel="plain"``: REPORTKIT_KERNEL=plain, the baseline)."""
    cmd = _command(output, workers, force, ["--through", through, "--quiet"])
    proc = subprocess.run(cmd, cwd=ROOT, env={**child_env(), "REPORTKIT_KERNEL": kernel}, capture_output=True,
                          text=True, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stdout + proc.stderr)
    counts = json.loads((Path(output) / "last-batch.json").read_text(encoding="utf-8"))["counts"]
    return {"exit_code": proc.returncode, "built": counts["built"]}


def batch_memory(output: str, organisations: int) -> dict:
    """One long batch (the sample year for ``organisations`` copies of the sample unit) on 2 workers.

    Every 0.2 s: the PSS of every process under the batch (workers, kernel
    templates, kernels) and the RSS of the workers, against the reports done;
    each curve point is the median over a window of 20 reports.
    """
    import psutil

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    config = out.parent / f"{out.name}-organisations.yaml"
    config.write_text("organisations:\n" + "".join(
        f"  - {{code: org-{i:03d}, plan: {PLAN}, submissions: {SUBS}}}\n" for i in range(organisations)),
        encoding="utf-8")
    cmd = [str(VENV_BIN / "reportkit"), "batch", "--config", str(config), "--year", "2024", "--through",
           "2024-12-31", "--output", output, "--workers", "2", "--force"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    done = [0]

    def count() -> None:
        for line in proc.stderr:  # "[k/N] key: state (s)" per report
            m = re.match(r"\[(\d+)/\d+\]", line)
            if m:
                done[0] = int(m.group(1))

    reader = threading.Thread(target=count, daemon=True)
    reader.start()
    samples: list[tuple[int, float, float]] = []  # (reports done, PSS of the whole tree, RSS of the workers) in MB
    while proc.poll() is None:
        try:
            workers = psutil.Process(proc.pid).children()
            tree = [p for w in workers for p in (w, *_children(w))]
        except psutil.Error:
            break
        samples.append((done[0], sum(_memory(p, "pss") for p in tree) / 2**20,
                        sum(_memory(p, "rss") for p in workers) / 2**20))
        time.sleep(0.2)
    proc.wait()
    reader.join(timeout=5)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"batch exited {proc.returncode}")
    total = done[0]
    samples = [s for s in samples if s[2] > 0]  # not the moments before the first worker or after the last
    first = [mb for d, mb, _ in samples if 10 <= d < 30] or [0.0]
    last = [mb for d, mb, _ in samples if d >= total - 20] or [0.0]
    buckets = sorted({d // 20 * 20 for d, _, _ in samples})
    curve = [(b, statistics.median(mb for d, mb, _ in samples if d // 20 * 20 == b)) for b in buckets]
    workers_curve = [(b, statistics.median(w for d, _, w in samples if d // 20 * 20 == b)) for b in buckets]
    first_mb, last_mb = statistics.median(first), statistics.median(last)
    return {"reports": total, "first_mb": first_mb, "last_mb": last_mb, "growth": last_mb / first_mb if first_mb else 0,
            "curve": curve, "workers_curve": workers_curve}


def _children(process) -> list:
    import psutil

    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _memory(process, kind: str) -> int:
    """``rss`` or ``pss`` (shared pages divided among the processes sharing them: a forked kernel shares most of
    its template's) of one process; 0 when it is gone."""
    import psutil

    try:
        return getattr(process.memory_full_info() if kind == "pss" else process.memory_info(), kind)
    except psutil.Error:  # gone between listing and reading
        return 0
