"""Batch building blocks without kernels: selection, fingerprints, lock, index."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from reportkit.jobs.batch import Job, fingerprint_job, is_unchanged, load_organisations, select_due
from reportkit.errors import LockedError, ParamsError, PeriodError, PlanError
from reportkit.report.index import render_index
from reportkit.jobs.lock import LOCK_NAME, OutputsLock

from .conftest import PLAN_PATH

D = dt.date


def test_select_due_takes_reports_whose_cutoff_has_passed(plan):
    keys = [(r.period.id, r.stream.code) for r in select_due(plan, 2024, D(2024, 3, 9))]
    assert keys == [("2024-M01", "dan-van"), ("2024-M02", "dan-van"), ("2024-Q1", "dan-chu"), ("2024-M03", "dan-van")]
    assert len(select_due(plan, 2024, D(2024, 12, 31))) == 22
    assert select_due(plan, 2024, D(2023, 12, 31)) == []


def test_select_due_filters_by_period_and_stream(plan):
    got = select_due(plan, 2024, D(2024, 12, 31), periods=["2024-Q1", "2024"], streams=["dan-chu"])
    assert [(r.period.id, r.stream.code) for r in got] == [("2024-Q1", "dan-chu"), ("2024", "dan-chu")]


def test_select_due_rejects_unknown_period_or_stream(plan):
    with pytest.raises(PeriodError):
        select_due(plan, 2024, D(2024, 12, 31), periods=["2024-Q9"])
    with pytest.raises(PlanError, match="kế hoạch không có loại báo cáo 'dan-chuu'"):
        select_due(plan, 2024, D(2024, 12, 31), streams=["dan-chuu"])


def _job(tmp_path, **kw):
    sub = tmp_path / "subs"
    sub.mkdir(exist_ok=True)
    base = dict(org="", plan_path=str(PLAN_PATH), period="2024-Q1", stream="dan-chu", label="x",
                due_before="2024-03-01", cutoff="2024-02-29", submissions=str(sub), output=str(tmp_path / "out"),
                deadlines={}, params_file=None, kernel_name="reportkit", timeout=60)
    base.update(kw)
    return Job(**base)


def test_fingerprint_changes_with_any_input_and_not_otherwise(tmp_path):
    job = _job(tmp_path)
    (tmp_path / "subs" / "hcth_2024-02-20.xlsx").write_bytes(b"one")
    first = fingerprint_job(job)
    assert fingerprint_job(job) == first
    (tmp_path / "subs" / "hcth_2024-02-20.xlsx").write_bytes(b"two")
    second = fingerprint_job(job)
    assert second != first
    (tmp_path / "subs" / "notes.txt").write_text("not a workbook")
    assert fingerprint_job(job) == second
    # Files intake never reads do not make a report stale: an office lock file, a hidden copy.
    (tmp_path / "subs" / "~$hcth_2024-02-20.xlsx").write_bytes(b"lock")
    (tmp_path / "subs" / ".cache").mkdir()
    (tmp_path / "subs" / ".cache" / "hcth_2024-02-20.xlsx").write_bytes(b"old")
    assert fingerprint_job(job) == second
    assert fingerprint_job(_job(tmp_path, deadlines={"III.7": "2024-08-15"})) != second
    assert fingerprint_job(_job(tmp_path, cutoff="2024-02-20")) != second


def test_unchanged_needs_matching_fingerprint_and_files(tmp_path):
    job = _job(tmp_path)
    job.fingerprint = fingerprint_job(job)
    assert not is_unchanged(job)
    job.report_dir.mkdir(parents=True)
    (job.report_dir / "report.html").write_text("<html></html>")
    (job.report_dir / "manifest.json").write_text(json.dumps({"fingerprint": job.fingerprint,
                                                              "files": {"html": "report.html"}}))
    assert is_unchanged(job)
    (job.report_dir / "report.html").unlink()
    assert not is_unchanged(job)


def test_second_lock_fails_naming_the_holder(tmp_path):
    with OutputsLock(tmp_path):
        with pytest.raises(LockedError) as info:
            OutputsLock(tmp_path).acquire()
        assert f"pid {os.getpid()}" in info.value.render()
        assert info.value.exit_code == 4
    assert not (tmp_path / LOCK_NAME).exists()


def test_stale_lock_from_a_dead_process_is_taken_over(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    import socket

    (tmp_path / LOCK_NAME).write_text(json.dumps({"host": socket.gethostname(), "pid": pid, "started": "x"}))
    with OutputsLock(tmp_path) as lock:
        assert lock.read_holder()["pid"] == os.getpid()


def test_a_lock_naming_a_reused_pid_is_taken_over(tmp_path):
    import socket

    from reportkit.jobs.staging import process_start

    alive_other_start = {"host": socket.gethostname(), "pid": os.getpid(), "started": "x",
                         "process_created": str(int(process_start(os.getpid())) - 500)}
    (tmp_path / LOCK_NAME).write_text(json.dumps(alive_other_start))
    with OutputsLock(tmp_path) as lock:
        assert lock.read_holder()["process_created"] == process_start(os.getpid())
    same = {**alive_other_start, "process_created": process_start(os.getpid())}
    (tmp_path / LOCK_NAME).write_text(json.dumps(same))
    with pytest.raises(LockedError):
        OutputsLock(tmp_path).acquire()
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK_NAME]  # no record or stale file left beside it


def test_index_lists_every_report_with_its_state(plan, tmp_path):
    rd = tmp_path / "2024-Q1" / "dan-chu"
    rd.mkdir(parents=True)
    (rd / "report.html").write_text("x")
    (rd / "manifest.json").write_text(json.dumps({"finished_at": "2024-02-28T10:00:00+07:00",
                                                  "files": {"html": "report.html"}}))
    late = tmp_path / "2024-M01" / "dan-van"
    late.mkdir(parents=True)
    (late / "report.html").write_text("x")
    (late / "manifest.json").write_text(json.dumps({"finished_at": "2024-01-15T10:00:00+07:00",
                                                    "files": {"html": "report.html"}}))
    page = render_index(plan, tmp_path, 2024, D(2024, 3, 5))
    assert page.count("<tr>") == 23  # header + 22 reports
    assert "Đã lập đúng hạn" in page and "Đã lập sau hạn" in page
    assert "Đến hạn, chưa lập" in page and "Chưa đến hạn" in page
    assert 'href="2024-Q1/dan-chu/report.html"' in page
    assert "http" not in page and "<script" not in page


def test_org_config_errors_are_clear(tmp_path):
    bad = tmp_path / "orgs.yaml"
    bad.write_text("organisations: [{code: a, plan: p.yaml}]\n")
    with pytest.raises(ParamsError, match="code, plan và submissions"):
        load_organisations(bad)
    good = tmp_path / "good.yaml"
    good.write_text("organisations:\n  - {code: son-la, plan: p.yaml, submissions: s}\n")
    [org] = load_organisations(good)
    assert org.plan_path == str(tmp_path / "p.yaml") and org.code == "son-la"


def test_presentation_never_imports_execution():
    import ast
    from pathlib import Path

    import reportkit.report

    offenders = []
    for path in Path(reportkit.report.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("reportkit.jobs")]
    assert offenders == []
