"""Kernels forked from a kernel template (jobs/kernel_fork.py): isolation between reports, and template faults.

The report notebook is swapped for the small notebooks in tests/data/kernel_fork
while run_report runs them through the batch workers' code path (a fork server
in this process): ``probe`` prints the state a report starts with, ``pollute``
changes it everywhere a notebook can, ``kill_template`` kills the template its
kernel came from, ``wait`` waits to be killed.
"""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

from reportkit.jobs import kernel_fork
from reportkit.jobs import run as run_module

from .conftest import PLAN_PATH, ROOT

NOTEBOOKS = ROOT / "tests" / "data" / "kernel_fork"
SUBS = ROOT / "data" / "submissions" / "2024"


@pytest.fixture
def server():
    """A fork server in this process, as a batch worker has; stopped afterwards."""
    kernel_fork.stop_server()
    srv = kernel_fork.start_server()
    try:
        yield srv
    finally:
        kernel_fork.stop_server()


def run_notebook(name: str, output, monkeypatch):
    """run_report of 2024-Q1 dan-chu with ``tests/data/kernel_fork/<name>.ipynb`` as the report notebook."""
    monkeypatch.setattr(run_module, "find_notebook", lambda: NOTEBOOKS / f"{name}.ipynb")
    return run_module.run_report("2024-Q1", "dan-chu", plan_path=PLAN_PATH, submissions=SUBS, output=output,
                                 formats=("ipynb",))


def probe_state(output, monkeypatch) -> dict:
    result = run_notebook("probe", output, monkeypatch)
    assert result.ok, result.error
    cells = json.loads(result.files["ipynb"].read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", []))
    line = next(x for x in text.splitlines() if x.startswith("STATE "))
    return json.loads(line[len("STATE "):])


@pytest.mark.slow
def test_state_one_report_sets_never_reaches_the_next_report_of_the_same_worker(server, tmp_path, monkeypatch):
    before = probe_state(tmp_path, monkeypatch)
    polluted = run_notebook("pollute", tmp_path, monkeypatch)
    assert polluted.ok, polluted.error
    after = probe_state(tmp_path, monkeypatch)
    assert after["ppid"] == before["ppid"] == server.proc.pid  # all three forked from the same template
    assert server.restarts == 0 and after["pid"] != before["pid"]
    assert not after["global"] and not after["module_attribute"] and not after["preloaded_module_attribute"]
    assert not after["sys_modules"] and after["env"] is None
    assert after["figure_dpi"] != 17 and after["font_size"] != 3 and after["max_rows"] != 3
    assert after["cwd"] == str(ROOT) and after["backend"] == "agg"
    assert after["random"] != before["random"]  # every kernel gets its own seeds, not the template's
    same = {k: v for k, v in after.items() if k not in ("pid", "random")}
    assert same == {k: v for k, v in before.items() if k not in ("pid", "random")}


@pytest.mark.slow
def test_a_template_killed_in_flight_fails_that_report_only_with_a_vietnamese_message(server, tmp_path, monkeypatch):
    first = server.proc.pid
    killed = run_notebook("kill_template", tmp_path, monkeypatch)
    assert not killed.ok
    page = (killed.failed_dir / "failed.html").read_text(encoding="utf-8")
    assert "khuôn kernel (fork server) đã dừng đột ngột" in page and "Chạy notebook" in page
    state = probe_state(tmp_path, monkeypatch)  # the next report runs, on a new template
    assert server.proc.pid != first and state["ppid"] == server.proc.pid


@pytest.mark.slow
def test_a_template_killed_between_reports_is_replaced_and_no_report_fails(server, tmp_path, monkeypatch):
    first = probe_state(tmp_path, monkeypatch)
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait()
    second = probe_state(tmp_path, monkeypatch)
    assert second["ppid"] == server.proc.pid != first["ppid"] and server.restarts == 1


@pytest.mark.slow
def test_a_template_dying_while_forking_fails_that_report_with_a_vietnamese_message(server, tmp_path, monkeypatch):
    probe_state(tmp_path, monkeypatch)  # the template is up and has answered
    dead = server.proc
    os.kill(dead.pid, signal.SIGKILL)
    dead.wait()
    monkeypatch.setattr(kernel_fork.KernelForkServer, "alive", lambda self: self.proc is not None)  # not noticed
    failed = run_notebook("probe", tmp_path, monkeypatch)  # the request goes to the dead template
    assert not failed.ok
    page = (failed.failed_dir / "failed.html").read_text(encoding="utf-8")
    assert "Khởi động kernel" in page and "khuôn kernel (fork server)" in page and "đã dừng đột ngột" in page
    monkeypatch.undo()
    assert probe_state(tmp_path, monkeypatch)["ppid"] == server.proc.pid != dead.pid


@pytest.mark.slow
def test_a_kernel_killed_mid_report_fails_that_report_and_the_template_serves_the_next(server, tmp_path, monkeypatch):
    import threading

    import psutil

    marker = tmp_path / "kernel.pid"
    monkeypatch.setenv("REPORTKIT_TEST_WAIT_MARKER", str(marker))

    def kill_kernel_soon():
        """Kill the kernel once it runs the notebook's cell (killed while starting, a kernel is started again)."""
        end = time.monotonic() + 60
        while time.monotonic() < end:
            pid = marker.read_text() if marker.exists() else ""
            if pid.isdigit():
                kernel = psutil.Process(int(pid))
                assert kernel.ppid() == template  # forked from the template
                kernel.kill()
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_kernel_soon)
    template = server.proc.pid
    killer.start()
    result = run_notebook("wait", tmp_path, monkeypatch)
    killer.join()
    assert not result.ok and "khuôn kernel" not in (result.failed_dir / "failed.html").read_text(encoding="utf-8")
    assert probe_state(tmp_path, monkeypatch)["ppid"] == template == server.proc.pid


def test_plain_route_is_chosen_by_the_environment(monkeypatch):
    monkeypatch.setenv("REPORTKIT_KERNEL", "plain")
    assert kernel_fork.batch_route() == "plain"
    monkeypatch.delenv("REPORTKIT_KERNEL")
    assert kernel_fork.batch_route() == "fork"


def test_batch_runs_the_reports_that_took_longest_last_time_first(tmp_path):
    from reportkit.jobs.batch import _longest_first
    from reportkit.jobs.due import Job

    def job(period: str, seconds: float | None) -> Job:
        j = Job("", str(PLAN_PATH), period, "dan-chu", period, "", "", str(SUBS), str(tmp_path), {}, None,
                "reportkit", 600)
        if seconds is not None:
            j.report_dir.mkdir(parents=True)
            (j.report_dir / "manifest.json").write_text(json.dumps({"timings": {"total": seconds}}), encoding="utf-8")
        return j

    jobs = [job("2024-M01", 2.0), job("2024-Q1", 4.5), job("2024-M02", None), job("2024-M03", 2.0)]
    assert [j.period for j in _longest_first(jobs)] == ["2024-M02", "2024-Q1", "2024-M01", "2024-M03"]
