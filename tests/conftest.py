"""Shared fixtures: the real plan, the sample data, and paths to test files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
PLAN_PATH = ROOT / "data" / "plan" / "ttdvvl-2024.yaml"


@pytest.fixture(scope="session")
def plan():
    from reportkit.plan import load_plan

    return load_plan(PLAN_PATH)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def test_data() -> Path:
    return DATA
