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

    @property
    def smoke(self) -> bool:
        return self.mode == "smoke"

    @property
    def quick(self) -> bool:
        return self.mode == "quick"
