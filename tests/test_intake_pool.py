"""Intake on every core: the process pool gives the same Submissions, findings and order as one process."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import signal
import threading
from pathlib import Path

import pytest

from reportkit.intake import pool
from reportkit.intake.cache import ENTRY_SUFFIX, ENV_VAR, load_entry, store_entry
from reportkit.intake.reader import read_submissions, read_workbook, submission_as_dict

from .conftest import DATA, ROOT

# Good and bad workbooks together: the sample year, the findings gallery, damaged and hostile files.
FOLDERS = [ROOT / "data" / "submissions" / "2024", DATA / "workbooks", DATA / "damaged", DATA / "hostile"]


def _everything(subs) -> list:
    """A Submission list as comparable data: every field, every row, every finding (texts included)."""
    return [(submission_as_dict(s), s.rows, s.findings) for s in subs]


@pytest.fixture
def no_hang():
    """A hang becomes a failure with every thread's stack instead of a stuck run (no time is asserted)."""
    faulthandler.dump_traceback_later(300, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def one_process(plan, monkeypatch):
    monkeypatch.setenv(pool.ENV_WORKERS, "1")
    subs = read_submissions(FOLDERS, plan)
    monkeypatch.delenv(pool.ENV_WORKERS)
    return subs


def _count_pools(monkeypatch) -> list:
    started = []
    real = pool._Pool.run

    def run(self):
        started.append(self.workers)
        return real(self)

    monkeypatch.setattr(pool._Pool, "run", run)
    return started


def _pool_whatever_the_start_method(monkeypatch) -> None:
    """Start the pool for these few files even if an earlier test left a thread behind (a fork server then).

    Fork is used when this process has one thread (``make check``); a test that leaves a thread (dask's
    offload thread, a served page) switches later pools to a fork server, which has its own test below.
    """
    monkeypatch.setattr(pool, "MIN_FORKSERVER_FILES", pool.MIN_POOL_FILES)


def test_pool_reads_good_and_bad_workbooks_with_the_same_findings_and_order_as_one_process(
        plan, one_process, monkeypatch, no_hang):
    assert len(one_process) >= pool.MIN_POOL_FILES
    assert any(s.has_errors for s in one_process) and any(s.rows for s in one_process)
    started = _count_pools(monkeypatch)
    monkeypatch.setenv(pool.ENV_WORKERS, "3")
    _pool_whatever_the_start_method(monkeypatch)
    pooled = read_submissions(FOLDERS, plan)
    assert started == [3]
    assert _everything(pooled) == _everything(one_process)


def test_a_process_with_threads_reads_through_a_fork_server_with_the_same_result(plan, one_process, monkeypatch,
                                                                                  no_hang):
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)  # as in a Jupyter kernel: forking would copy held locks
    helper.start()
    started = _count_pools(monkeypatch)
    try:
        assert pool.start_context().get_start_method() == "forkserver"
        monkeypatch.setenv(pool.ENV_WORKERS, "2")
        assert pool.pool_workers(len(one_process)) == 0  # too few files to pay for starting a fork server
        monkeypatch.setattr(pool, "MIN_FORKSERVER_FILES", pool.MIN_POOL_FILES)
        pooled = read_submissions(FOLDERS, plan)
    finally:
        stop.set()
        helper.join()
    assert started == [2]
    assert _everything(pooled) == _everything(one_process)


def read_or_die(path: Path, plan) -> object:
    """A reader whose worker dies on two files: one exits, one is killed by a signal."""
    if path.name.startswith("ok_blank_rows"):
        os._exit(3)
    if path.name.startswith("ok_nfd_headers"):
        os.kill(os.getpid(), signal.SIGKILL)
    if path.name.startswith("ok_old_format"):
        raise RuntimeError("a reader bug")
    return read_workbook(path, plan)


def test_a_worker_that_dies_fails_only_its_file_and_the_others_are_read(plan, no_hang):
    paths = sorted((DATA / "workbooks").glob("*.xls*")) + sorted((DATA / "workbooks").glob("*.ods"))
    expected = [read_workbook(p, plan) for p in paths]
    got = pool.read_paths(paths, plan, read_or_die, workers=2)
    assert [s.path for s in got] == paths
    for sub, want in zip(got, expected):
        if sub.path.name.startswith(("ok_blank_rows", "ok_nfd_headers")):
            assert [f.code for f in sub.findings] == ["worker_died"] and not sub.rows
            assert sub.findings[0].severity == "error" and sub.path.name in sub.findings[0].path
            how = "mã thoát 3" if sub.path.name.startswith("ok_blank_rows") else f"tín hiệu {signal.SIGKILL.value}"
            assert how in sub.findings[0].message
        elif sub.path.name.startswith("ok_old_format"):
            assert [f.code for f in sub.findings] == ["internal_error"] and "a reader bug" in sub.findings[0].message
        else:
            assert _everything([sub]) == _everything([want])
    assert not multiprocessing.active_children()  # every worker ended


def test_few_files_a_single_core_setting_or_a_daemon_process_read_without_a_pool(monkeypatch):
    monkeypatch.delenv(pool.ENV_WORKERS, raising=False)
    monkeypatch.setattr(pool, "available_cores", lambda: 4)
    assert pool.pool_workers(pool.MIN_POOL_FILES - 1) == 0
    assert pool.pool_workers(1000) == 4
    monkeypatch.setenv(pool.ENV_WORKERS, "1")
    assert pool.pool_workers(1000) == 0
    monkeypatch.setenv(pool.ENV_WORKERS, "2")
    assert pool.pool_workers(1000) == 2
    monkeypatch.setattr(multiprocessing.current_process(), "daemon", True, raising=False)
    assert pool.pool_workers(1000) == 0


def test_pooled_reads_fill_the_cache_and_a_second_pooled_read_gives_the_same_result(plan, one_process, tmp_path,
                                                                                    monkeypatch, no_hang):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.setenv(pool.ENV_WORKERS, "2")
    first = read_submissions(FOLDERS, plan)
    entries = list((tmp_path / "cache").glob("*" + ENTRY_SUFFIX))
    assert entries and not list((tmp_path / "cache").glob(".*"))  # no temporary file left behind
    second = read_submissions(FOLDERS, plan)
    assert _everything(first) == _everything(second) == _everything(one_process)


def _store_many(entry: str, sub, rounds: int) -> None:
    for _ in range(rounds):
        store_entry(Path(entry), sub)


def test_processes_writing_the_same_cache_entry_at_once_leave_one_valid_entry(plan, tmp_path):
    path = ROOT / "data" / "submissions" / "2024" / "hcth_2024-02-28.xlsx"
    sub = read_workbook(path, plan)
    entry = tmp_path / ("a" * 64 + ENTRY_SUFFIX)
    ctx = multiprocessing.get_context("fork")
    writers = [ctx.Process(target=_store_many, args=(str(entry), sub, 40)) for _ in range(4)]
    for w in writers:
        w.start()
    for _ in range(40):  # read while they write: never a half-written entry
        loaded = load_entry(entry, path)
        assert loaded is None or _everything([loaded]) == _everything([sub])
    for w in writers:
        w.join()
    assert [w.exitcode for w in writers] == [0] * 4
    assert _everything([load_entry(entry, path)]) == _everything([sub])
    assert [p.name for p in tmp_path.iterdir()] == [entry.name]


def _die_at_start(conn, plan, read) -> None:
    os._exit(1)


def test_workers_that_cannot_start_leave_the_reading_to_this_process(plan, one_process, monkeypatch, no_hang):
    monkeypatch.setattr(pool, "_worker_main", _die_at_start)
    monkeypatch.setattr(pool, "_CANNOT_START", set())
    monkeypatch.setenv(pool.ENV_WORKERS, "2")
    _pool_whatever_the_start_method(monkeypatch)
    started = _count_pools(monkeypatch)
    assert _everything(read_submissions(FOLDERS, plan)) == _everything(one_process)
    assert started == [2] and pool._CANNOT_START == {pool.start_method()}
    assert _everything(read_submissions(FOLDERS, plan)) == _everything(one_process)
    assert started == [2]  # not tried again in this process


@pytest.mark.parametrize(("n", "workers"), [(1, 2), (50, 2), (1000, 2), (999, 8), (5000, 3)])
def test_chunks_cover_every_file_once_in_order_and_shrink_towards_the_end(n, workers):
    paths = [Path(f"f{i}.xlsx") for i in range(n)]
    chunks = pool.chunk_paths(paths, workers)
    assert [item for chunk in chunks for item in chunk] == list(enumerate(paths))
    sizes = [len(c) for c in chunks]
    assert max(sizes) <= pool.MAX_CHUNK_FILES and sizes == sorted(sizes, reverse=True)[:-1] + sizes[-1:]


def test_a_fork_server_imports_a_main_module_started_by_name_once_for_all_workers(monkeypatch):
    import importlib.machinery
    import sys
    import types

    kernel_main = types.ModuleType("__main__")
    kernel_main.__spec__ = importlib.machinery.ModuleSpec("ipykernel_launcher", None)
    monkeypatch.setitem(sys.modules, "__main__", kernel_main)
    assert pool._main_module_name() == ["ipykernel_launcher"]
    kernel_main.__spec__ = importlib.machinery.ModuleSpec("pytest.__main__", None)  # python -m pytest: nothing to do
    assert pool._main_module_name() == []
    kernel_main.__spec__ = None  # a script run by path
    assert pool._main_module_name() == []
