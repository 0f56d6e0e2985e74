"""The measured parts of the benchmark, one module each.

Every part module has ``TARGETS`` (metric key → label and check), ``measure(run)``
(fills ``run.results`` and ``run.metrics``, timing its child tasks through
``bench.measure.repeat("<part>.<task>", ...)``), ``describe(key, value)`` (the
markdown line of one of its results, or None) and its child task functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PARTS = ("intake", "status", "report", "batch", "hardening", "rollup")


@dataclass
class Run:
    """One benchmark run: its scratch folder, mode (smoke, quick or full), repeats and what it measured."""

    tmp: Path
    mode: str
    runs: int
    results: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)

    def record(self, key: str, value: float, *, spread: dict | None = None, baseline: str = "") -> None:
        """Record a target's figure, with the min and max of its samples and its baseline from this run.

        ``spread`` is a measurement from ``bench.measure.repeat`` (its min and max
        are shown when ``value`` is its median); ``baseline`` names the
        baseline and its figure, e.g. ``"pandas+openpyxl 14.1 s"``.
        """
        self.metrics[key] = value
        parts = []
        if spread is not None and value == spread.get("median"):
            parts.append(f"min {spread['min']:.3g}, max {spread['max']:.3g}, {spread['runs']} runs")
        if baseline:
            parts.append(f"baseline in this run: {baseline}")
        self.notes[key] = "; ".join(parts)

    @property
    def smoke(self) -> bool:
        return self.mode == "smoke"

    @property
    def baseline_runs(self) -> int:
        """Repeats of a baseline (pandas, the naive pipeline, plain kernels): one in --quick, to stay under 3 minutes."""
        return 1 if self.quick else self.runs

    @property
    def quick(self) -> bool:
        return self.mode == "quick"
