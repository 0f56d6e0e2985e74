"""The demo report built once per test session (2024-Q1, dan-chu) for the browser and PDF tests."""

from __future__ import annotations

import pytest

from .conftest import PLAN_PATH, ROOT


@pytest.fixture(scope="session")
def built_report(tmp_path_factory):
    """``RunResult`` of ``reportkit run --params params/2024-Q1-dan-chu.yaml`` into a temporary folder."""
    from reportkit.jobs.run import run_report

    output = tmp_path_factory.mktemp("outputs")
    result = run_report(None, None, params_file=ROOT / "params" / "2024-Q1-dan-chu.yaml", plan_path=PLAN_PATH,
                        submissions=ROOT / "data" / "submissions" / "2024", output=output)
    assert result.ok, result.error
    return result
