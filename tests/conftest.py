"""Shared fixtures: the real plan, the sample data, and paths to test files."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("OPENPYXL_LXML", "False")  # as reportkit/__init__.py, before any test imports openpyxl

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


# Test tiers: a test that is not marked slow (the `make check` tier) must not start a browser,
# LibreOffice or a Jupyter kernel. This guard makes the `slow` markers real: such a test fails
# here, naming what it tried to start, instead of quietly slowing the fast tier down.
_SLOW_PROGRAMS = {"chromium", "chromium-browser", "chrome", "google-chrome", "soffice", "libreoffice"}


def _slow_process(args) -> str | None:
    argv = [args] if isinstance(args, (str, bytes, os.PathLike)) else list(args)
    words = [os.fsdecode(a) for a in argv]
    if Path(words[0].split()[0] if words else "").name in _SLOW_PROGRAMS:
        return Path(words[0].split()[0]).name
    if any("ipykernel_launcher" in w or w in ("ipykernel", "reportkit.jobs.kernel_template") for w in words):
        return "a Jupyter kernel"
    return None


@pytest.fixture(autouse=True)
def _fast_tier_starts_no_browser_office_or_kernel(request, monkeypatch):
    if request.node.get_closest_marker("slow"):
        return
    import subprocess

    real_init = subprocess.Popen.__init__

    def guarded_init(self, args, *rest, **kwargs):
        what = _slow_process(args)
        if what:
            raise AssertionError(f"this test starts {what}: mark it @pytest.mark.slow (make check runs without it)")
        real_init(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", guarded_init)
