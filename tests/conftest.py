"""Shared fixtures: the real plan, the sample data, and paths to test files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `make fuzz` (REPORTKIT_FUZZ=1): many more examples for the property-based tests that do not pin a count
# (tests/test_fuzz_workbooks.py, tests/test_fuzz_config.py).
settings.register_profile("fuzz", max_examples=int(os.environ.get("REPORTKIT_FUZZ_EXAMPLES", "1000")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
if os.environ.get("REPORTKIT_FUZZ"):
    settings.load_profile("fuzz")

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
PLAN_PATH = ROOT / "data" / "plan" / "ttdvvl-2024.yaml"


@pytest.fixture(scope="session")
def plan():
    from reportkit.plan.load import load_plan

    return load_plan(PLAN_PATH)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def test_data() -> Path:
    return DATA
