"""The benchmark code keeps working: ``python -m bench --smoke`` on tiny sizes."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_bench_smoke_runs_intake_status_and_hardening_measurements():
    proc = subprocess.run([sys.executable, "-m", "bench", "--smoke", "--only", "intake,status,hardening"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "smoke: 4 measurements ran" in proc.stdout  # intake: whole processes and in-process
    assert "intake: reportkit" in proc.stdout  # the intake comparison was measured and judged
    assert "hardening: a batch on locked outputs exits 4" in proc.stdout  # hostile-input speeds live in the bench
