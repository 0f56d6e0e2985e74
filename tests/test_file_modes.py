"""Files colleagues can open: everything reportkit writes gets the usual modes under the user's umask.

Files 0o666 and folders 0o777 minus the umask (0644/0755 under 022, 0664/0775 under 002), never the
0600/0700 of a private temporary name.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from reportkit.cli import main
from reportkit.files import current_umask, write_atomic
from reportkit.jobs.batch import BatchSummary, Job, JobResult, _keep_previous_version, write_summary
from reportkit.jobs.lock import LOCK_NAME, OutputsLock
from reportkit.jobs.staging import make_staging
from reportkit.jobs.worker import write_killed_failure
from reportkit.report.index import write_index

from .conftest import PLAN_PATH, ROOT

SUBS = ROOT / "data" / "submissions" / "2024"
ONE_WORKBOOK = SUBS / "bhtn_2024-01-09.xlsx"


@pytest.fixture(params=[0o022, 0o002], ids=["umask022", "umask002"])
def umask(request):
    """Run the test under this umask (restored afterwards)."""
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_usual_modes(umask: int, *paths: Path) -> None:
    """Every path (folders: everything below too) has the mode open()/mkdir() would give it."""
    for top in paths:
        for path in [top, *(top.rglob("*") if top.is_dir() else [])]:
            expected = (0o777 if path.is_dir() else 0o666) & ~umask
            assert mode(path) == expected, f"{path}: {oct(mode(path))} != {oct(expected)}"


def make_job(output: Path) -> Job:
    return Job("", str(PLAN_PATH), "2024-Q1", "dan-chu", "Báo cáo quý I", "2024-03-01", "2024-02-29", str(SUBS),
               str(output), {}, None, "reportkit", 60)


def test_the_umask_is_read_without_changing_it(umask):
    assert current_umask() == umask and current_umask() == umask


def test_atomic_write_replaces_a_private_file_with_the_usual_mode(umask, tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("cũ", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, "mới")
    assert target.read_text(encoding="utf-8") == "mới"
    assert_usual_modes(umask, target)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


def test_index_has_the_usual_mode(umask, plan, tmp_path):
    assert_usual_modes(umask, write_index(tmp_path, plan, 2024, dt.date(2024, 3, 31)))


def test_batch_summaries_and_the_runs_folder_have_the_usual_modes(umask, tmp_path):
    summary = BatchSummary("2024-03-31T07:00:00+07:00", "2024-03-31T07:05:00+07:00", "2024-03-31", 1, "local",
                           [JobResult("2024-Q1/dan-chu", "built")])
    written = write_summary(tmp_path, summary)
    assert_usual_modes(umask, tmp_path / "runs", written, tmp_path / "last-batch.json")


def test_batch_lock_file_has_the_usual_mode(umask, tmp_path):
    with OutputsLock(tmp_path):
        assert_usual_modes(umask, tmp_path / LOCK_NAME)


def test_staging_folders_have_the_usual_mode(umask, tmp_path):
    assert_usual_modes(umask, make_staging(tmp_path / "dan-chu"))


def test_kept_versions_have_the_usual_modes(umask, tmp_path):
    job = make_job(tmp_path)
    job.report_dir.mkdir(parents=True)
    write_atomic(job.report_dir / "report.html", "<html></html>")
    write_atomic(job.report_dir / "manifest.json", '{"finished_at": "2024-02-28T10:00:00+07:00"}')
    job.report_dir.chmod(0o777 & ~umask)
    kept = _keep_previous_version(job)
    assert kept is not None and (kept / "report.html").is_file()
    assert_usual_modes(umask, kept.parent)


def test_failure_pages_have_the_usual_modes(umask, tmp_path):
    job = make_job(tmp_path)
    job.report_dir.parent.mkdir(parents=True)
    write_killed_failure(job, "quá thời gian cho phép (60 giây)")
    failed = tmp_path / "2024-Q1" / "dan-chu.failed"
    assert (failed / "failed.html").is_file() and (failed / "failure.json").is_file()
    assert_usual_modes(umask, failed)


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_status_outputs_have_the_usual_mode(umask, fmt, tmp_path, capsys):
    target = tmp_path / f"status.{fmt}"
    code = main(["status", "--plan", str(PLAN_PATH), "--submissions", str(SUBS), "--period", "2024-Q1",
                 "--format", fmt, "--output", str(target)])
    capsys.readouterr()
    assert code in (0, 1) and target.is_file()
    assert_usual_modes(umask, target)


def test_templates_have_the_usual_mode(umask, tmp_path, capsys):
    code = main(["template", "--plan", str(PLAN_PATH), "--all", "--period", "2024-Q1", "-o", str(tmp_path / "mau")])
    capsys.readouterr()
    assert code == 0 and len(list((tmp_path / "mau").glob("*.xlsx"))) > 1
    assert_usual_modes(umask, *(tmp_path / "mau").glob("*.xlsx"))


def test_intake_cache_entries_have_the_usual_mode(umask, plan, tmp_path, monkeypatch):
    from reportkit.intake.cache import read_workbook_cached
    from reportkit.intake.reader import read_workbook

    monkeypatch.setenv("REPORTKIT_CACHE_DIR", str(tmp_path / "cache"))
    read_workbook_cached(ONE_WORKBOOK, plan, read_workbook)
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 1
    assert_usual_modes(umask, *entries)


@pytest.mark.slow
def test_a_published_report_folder_has_the_usual_modes(umask, tmp_path):
    from reportkit.jobs.run import run_report

    result = run_report("2024-Q1", "dan-chu", plan_path=PLAN_PATH, submissions=SUBS, output=tmp_path / "out")
    assert result.ok, result.error
    assert {p.name for p in result.out_dir.iterdir()} == {"report.html", "report.pdf", "report.docx", "report.ipynb",
                                                               "manifest.json", "status.parquet"}
    assert_usual_modes(umask, result.out_dir.parent)
