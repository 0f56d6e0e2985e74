"""The batch over the sample year: serial, 2 workers, and an unchanged re-run."""

from __future__ import annotations

import subprocess

from bench.measure import ROOT, fmt, repeat
from bench.parts import Run
from bench.parts.report import VENV_BIN, child_env

TARGETS = {
    "batch_ratio": ("batch: 2 workers ≤ 0.6× serial", lambda r: r <= 0.6),
    "batch_rerun_seconds": ("batch: unchanged re-run < 2 s", lambda s: s < 2.0),
}


def measure(run: Run) -> None:
    if run.smoke:
        return
    runs = 1 if run.quick else 2
    through = {"through": "2024-06-30"} if run.quick else {}  # --quick: the first half of the sample year
    serial = repeat("batch.batch", {"output": str(run.tmp / "b1"), "workers": 1, "force": True, **through}, runs)
    parallel = repeat("batch.batch", {"output": str(run.tmp / "b2"), "workers": 2, "force": True, **through}, runs)
    rerun = repeat("batch.batch", {"output": str(run.tmp / "b2"), "workers": 2, "force": False, **through},
                   max(runs, 3))
    run.results["batch"] = {"serial": serial, "workers_2": parallel, "unchanged_rerun": rerun,
                            "ratio": parallel["median"] / serial["median"]}
    run.record("batch_ratio", parallel["median"] / serial["median"],
               baseline=f"serial {serial['median']:.1f} s, 2 workers {parallel['median']:.1f} s")
    run.record("batch_rerun_seconds", rerun["median"], spread=rerun,
               baseline=f"a forced serial batch {serial['median']:.1f} s")


def describe(key: str, value) -> str | None:
    if key != "batch":
        return None
    return (f"- **batch** sample year: serial {fmt(value['serial'])}; 2 workers {fmt(value['workers_2'])}; "
            f"unchanged re-run {fmt(value['unchanged_rerun'])}; ratio {value['ratio']:.2f}")


def batch(output: str, workers: int, force: bool, through: str = "2024-12-31") -> dict:
    """``reportkit batch`` over the sample year."""
    cmd = [str(VENV_BIN / "reportkit"), "batch", "--year", "2024", "--through", through, "--output", output,
           "--workers", str(workers), "--quiet"]
    if force:
        cmd.append("--force")
    proc = subprocess.run(cmd, cwd=ROOT, env=child_env(), capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stdout + proc.stderr)
    return {"exit_code": proc.returncode}
