"""The batch end to end on the sample data: real kernels, real exports, real faults."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from reportkit.cli import main
from reportkit.jobs import batch as batch_module
from reportkit.jobs.lock import LOCK_NAME, OutputsLock
from reportkit.jobs.worker import WorkerSlot

from .conftest import PLAN_PATH, ROOT

pytestmark = pytest.mark.slow
SUBS = ROOT / "data" / "submissions" / "2024"
TWO = ["--periods", "2024-Q1,2024-M03", "--streams", "dan-chu,dan-van", "--through", "2024-03-31"]
# 2024-Q1 dan-chu, 2024-M03 dan-van and 2024-Q1 dan-van fall in that window.


def batch(capsys, out, *extra):
    code = main(["batch", "--plan", str(PLAN_PATH), "--submissions", str(SUBS), "--output", str(out), *TWO, *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Outputs of one batch over three reports, shared by the read-only tests."""
    out = tmp_path_factory.mktemp("batch")
    code = main(["batch", "--plan", str(PLAN_PATH), "--submissions", str(SUBS), "--output", str(out), *TWO,
                 "--workers", "2", "--quiet"])
    return out, code


def test_batch_builds_every_due_report_and_writes_index_and_summary(built):
    out, code = built
    assert code == 0
    summary = json.loads((out / "last-batch.json").read_text(encoding="utf-8"))
    assert summary["counts"] == {"built": 3, "skipped": 0, "failed": 0}
    assert [r["key"] for r in summary["results"]] == ["2024-Q1/dan-chu", "2024-M03/dan-van", "2024-Q1/dan-van"]
    for key in ("2024-Q1/dan-chu", "2024-M03/dan-van", "2024-Q1/dan-van"):
        manifest = json.loads((out / key / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["fingerprint"] and (out / key / "report.pdf").stat().st_size > 10_000
        assert manifest["files"]["docx"] == "report.docx" and "report.docx" in manifest["sha256"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('href="2024-Q1/dan-chu/report.pdf"') == 1
    assert index.count('href="2024-Q1/dan-chu/report.docx">Word</a>') == 1
    assert "Chưa đến hạn" in index  # later reports of the year are listed, not built
    assert not (out / LOCK_NAME).exists()


def test_unchanged_rerun_skips_everything_and_force_keeps_previous_version_and_first_build_time(built, capsys,
                                                                                                 monkeypatch):
    out, _ = built
    report = out / "2024-Q1" / "dan-chu"
    before = sha(report / "report.html")
    first = json.loads((report / "manifest.json").read_text(encoding="utf-8"))
    with monkeypatch.context() as m:
        m.setattr(WorkerSlot, "_start", lambda self: pytest.fail("an unchanged report started a worker"))
        code, stdout, _ = batch(capsys, out, "--quiet")
    assert code == 0 and "0 báo cáo đã lập, 3 không đổi" in stdout
    code, stdout, _ = batch(capsys, out, "--quiet", "--force", "--streams", "dan-chu")
    assert code == 0 and "1 báo cáo đã lập" in stdout
    versions = list((out / "2024-Q1" / "dan-chu.versions").iterdir())
    assert len(versions) == 1 and sha(versions[0] / "report.html") == before
    rebuilt = json.loads((report / "manifest.json").read_text(encoding="utf-8"))
    assert rebuilt["first_built_at"] == first["first_built_at"] == first["finished_at"]
    assert rebuilt["finished_at"] >= first["finished_at"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"2024-Q1/dan-chu.versions/{versions[0].name}/report.html" in index


def test_second_batch_exits_4_naming_the_holder_before_planning_any_report(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(batch_module, "plan_jobs", lambda *a, **k: pytest.fail("a locked batch planned reports"))
    with OutputsLock(tmp_path):
        code, _, err = batch(capsys, tmp_path)
    assert code == 4
    assert f"pid {os.getpid()}" in err and "bắt đầu lúc" in err, err


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = batch(capsys, blocker / "out")
    assert code in (2, 3) and "không tạo được thư mục kết quả" in err and "Traceback" not in err


def test_wall_clock_limit_fails_the_report_and_keeps_the_others_going(tmp_path, capsys):
    code, _, err = batch(capsys, tmp_path, "--timeout", "1", "--quiet", "--streams", "dan-chu")
    assert code == 2
    assert "quá thời gian cho phép (1 giây)" in err
    assert not (tmp_path / "2024-Q1" / "dan-chu" / "report.html").exists()
    assert not list(tmp_path.rglob("*.tmp"))


def _kernels_under(pid: int) -> list[psutil.Process]:
    try:
        kids = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    # plain kernels run ipykernel_launcher; forked ones are the children of a kernel template (jobs/kernel_fork.py)
    return [k for k in kids if "ipykernel" in " ".join(k.cmdline()) or _is_template(k.ppid())]


def _is_template(pid: int) -> bool:
    try:
        return "reportkit.jobs.kernel_template" in psutil.Process(pid).cmdline()
    except psutil.Error:
        return False


def _start_batch(out: Path, *extra) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "reportkit.cli", "batch", "--plan", str(PLAN_PATH), "--submissions", str(SUBS),
           "--output", str(out), "--periods", "2024-Q1", "--streams", "dan-chu", "--through", "2024-03-31",
           "--quiet", *extra]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_kernel(proc: subprocess.Popen, limit: float = 60) -> list[psutil.Process]:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        kernels = _kernels_under(proc.pid)
        if kernels:
            return kernels
        time.sleep(0.05)
    raise AssertionError("no kernel started")


def test_killed_kernel_gives_a_failed_entry_and_keeps_the_previous_report(built):
    source, _ = built
    out = source.parent / "killed"
    import shutil

    shutil.copytree(source / "2024-Q1", out / "2024-Q1")
    good = sha(out / "2024-Q1" / "dan-chu" / "report.pdf")
    versions = out / "2024-Q1" / "dan-chu.versions"
    versions_before = sorted(p.name for p in versions.iterdir()) if versions.is_dir() else []
    proc = _start_batch(out, "--force")
    for kernel in _wait_for_kernel(proc):
        kernel.kill()
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 2, stdout + stderr
    summary = json.loads((out / "last-batch.json").read_text(encoding="utf-8"))
    [result] = summary["results"]
    assert result["state"] == "failed" and result["error"]
    assert sha(out / "2024-Q1" / "dan-chu" / "report.pdf") == good
    assert (out / "2024-Q1" / "dan-chu.failed" / "failed.html").is_file()
    assert "Lỗi khi lập" in (out / "index.html").read_text(encoding="utf-8")
    # the copy kept for the re-run is dropped again: the current report is still that version
    assert (sorted(p.name for p in versions.iterdir()) if versions.is_dir() else []) == versions_before


def test_sigterm_stops_the_batch_releases_the_lock_and_leaves_no_partial_files(built):
    source, _ = built
    out = source.parent / "terminated"
    import shutil

    shutil.copytree(source / "2024-Q1", out / "2024-Q1")
    good = sha(out / "2024-Q1" / "dan-chu" / "report.html")
    proc = _start_batch(out, "--force")
    kernels = _wait_for_kernel(proc)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert "SIGTERM" in stderr and "Traceback" not in stderr
    assert not (out / LOCK_NAME).exists()
    assert not list(out.rglob("*.tmp"))
    assert sha(out / "2024-Q1" / "dan-chu" / "report.html") == good
    time.sleep(0.5)
    assert not any(k.is_running() and k.status() != psutil.STATUS_ZOMBIE for k in kernels)


def test_dask_local_cluster_runs_the_same_reports(tmp_path, capsys):
    code, stdout, _ = batch(capsys, tmp_path, "--dask", "local", "--workers", "2", "--quiet", "--streams", "dan-van")
    assert code == 0, stdout
    assert "2 báo cáo đã lập" in stdout
    summary = json.loads((tmp_path / "last-batch.json").read_text(encoding="utf-8"))
    assert summary["engine"] == "dask-local"
    assert (tmp_path / "2024-M03" / "dan-van" / "report.html").is_file()


def test_multi_organisation_config_writes_outputs_per_organisation(tmp_path, capsys):
    config = tmp_path / "orgs.yaml"
    config.write_text(
        "organisations:\n"
        f"  - {{code: son-la, plan: {PLAN_PATH}, submissions: {SUBS}}}\n"
        f"  - {{code: son-la-copy, plan: {PLAN_PATH}, submissions: {SUBS}, deadlines: {{III.7: 2024-09-15}}}}\n",
        encoding="utf-8")
    out = tmp_path / "out"
    code = main(["batch", "--config", str(config), "--output", str(out), "--periods", "2024-Q1",
                 "--streams", "dan-chu", "--through", "2024-03-31", "--quiet"])
    capsys.readouterr()
    assert code == 0
    for org in ("son-la", "son-la-copy"):
        assert (out / org / "2024-Q1" / "dan-chu" / "report.pdf").is_file()
        assert (out / org / "index.html").is_file()
    top = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="son-la/index.html"' in top and 'href="son-la-copy/index.html"' in top
    code = main(["batch", "--config", str(config), "--output", str(out), "--units", "son-la", "--periods", "2024-Q1",
                 "--streams", "dan-chu", "--through", "2024-03-31", "--force"])
    assert code == 0 and "1 báo cáo đã lập" in capsys.readouterr().out
    code = main(["batch", "--config", str(config), "--output", str(out), "--units", "lai-chau"])
    err = capsys.readouterr().err
    assert code == 3 and "không có đơn vị lai-chau" in err and "son-la, son-la-copy" in err


def test_crontab_line_works_in_a_bare_ascii_environment(tmp_path):
    """What cron gives: no venv on PATH, LANG=C, no terminal, cwd set by the crontab line."""
    out = tmp_path / "cron-out"
    line = (f"cd {ROOT} && .venv/bin/reportkit batch --output {out} --periods 2024-M03 --streams dan-van "
            f">> {tmp_path}/batch.log 2>&1")
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C", "SHELL": "/bin/sh"}
    proc = subprocess.run(["/bin/sh", "-c", line], env=env, stdin=subprocess.DEVNULL, timeout=300)
    log = (tmp_path / "batch.log").read_text(encoding="utf-8")
    assert proc.returncode == 0, log
    assert "[1/1] 2024-M03/dan-van: đã lập" in log and "\x1b[" not in log
    html = (out / "2024-M03" / "dan-van" / "report.html").read_text(encoding="utf-8")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html


def test_missing_submissions_folder_is_reported_per_report_without_running(tmp_path, capsys):
    code = main(["batch", "--plan", str(PLAN_PATH), "--submissions", str(tmp_path / "absent"), "--output",
                 str(tmp_path / "out"), *TWO, "--quiet"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("không tìm thấy thư mục số liệu") == 3 and "Traceback" not in err
    summary = json.loads((tmp_path / "out" / "last-batch.json").read_text(encoding="utf-8"))
    assert [r["state"] for r in summary["results"]] == ["failed"] * 3
    assert (tmp_path / "out" / "index.html").is_file()
