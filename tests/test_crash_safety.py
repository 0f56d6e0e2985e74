"""kill -9 at points spread over ``reportkit run`` and ``reportkit batch``: nothing is lost or half-written.

After every kill: each report folder in the outputs is a complete version
(its manifest lists files that all exist, whose sha256 match the manifest, the
PDF parses and the HTML is whole) and is either the version before or a new
one; inputs (submissions and plan) are byte-for-byte unchanged; a batch lock
left by the killed batch is taken over by the next batch; staging folders of
killed runs are removed by the next run of the same report. The kills follow
one another: each run or batch starts on what the previous kill left.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from reportkit.jobs.lock import LOCK_NAME

from .conftest import PLAN_PATH, ROOT

pytestmark = pytest.mark.slow
RUN_POINTS = (0.05, 0.18, 0.32, 0.46, 0.6, 0.74, 0.86, 0.97)  # fractions of an undisturbed run
BATCH_POINTS = ((0.12, "tree"), (0.4, "batch"), (0.65, "tree"), (0.9, "batch"))  # what is killed: all or the batch


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def check_report(folder: Path) -> dict[str, str]:
    """A complete, self-consistent report folder; returns its files' hashes."""
    from pypdf import PdfReader

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    files = manifest["files"]
    assert set(files) >= {"html", "pdf"}
    hashes = folder_hashes(folder)
    assert set(hashes) == {"manifest.json", *files.values()}, f"stray or missing files in {folder}: {sorted(hashes)}"
    for name in files.values():
        assert hashes[name] == manifest["sha256"][name], f"{folder / name} does not match its manifest"
    assert (folder / files["html"]).read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert len(PdfReader(folder / files["pdf"]).pages) >= 2
    return hashes


def finished_at(folder: Path) -> str:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["finished_at"]


def kill_all(root: psutil.Process, tree: bool) -> list[psutil.Process]:
    """SIGKILL the process (and with ``tree`` everything under it, frozen first so nothing new starts).

    Returns the processes left running (a batch's children, when only the batch was killed).
    """
    if not tree:
        children = root.children(recursive=True)
        root.kill()
        return children
    frozen: list[psutil.Process] = []
    for _ in range(20):
        found = [p for p in [root, *root.children(recursive=True)] if p not in frozen]
        if not found:
            break
        for p in found:
            try:
                p.suspend()
                frozen.append(p)
            except psutil.NoSuchProcess:
                pass
    for p in frozen:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    return []


def wait_gone(procs: list[psutil.Process], limit: float = 90) -> None:
    psutil.wait_procs(procs, timeout=limit)
    assert not [p for p in procs if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A copy of the inputs (hashed before), an outputs folder and the command lines."""
    base = tmp_path_factory.mktemp("crash")
    subs = base / "submissions"
    shutil.copytree(ROOT / "data" / "submissions" / "2024", subs)
    plan = base / "plan.yaml"
    shutil.copy(PLAN_PATH, plan)
    inputs = {**{f"subs/{k}": v for k, v in folder_hashes(subs).items()}, "plan": sha(plan)}
    out = base / "outputs"
    common = ["--plan", str(plan), "--submissions", str(subs), "--output", str(out)]
    run = [sys.executable, "-m", "reportkit.cli", "run", "--period", "2024-Q1", "--stream", "dan-chu", *common]
    batch = [sys.executable, "-m", "reportkit.cli", "batch", *common, "--periods", "2024-Q1",
             "--streams", "dan-chu,dan-van", "--through", "2024-03-31", "--force", "--workers", "2", "--quiet"]
    return {"base": base, "subs": subs, "plan": plan, "inputs": inputs, "out": out, "run": run, "batch": batch}


def inputs_now(ws) -> dict[str, str]:
    return {**{f"subs/{k}": v for k, v in folder_hashes(ws["subs"]).items()}, "plan": sha(ws["plan"])}


def start(cmd: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def test_kill_9_during_report_runs_leaves_old_or_new_and_next_run_cleans_up(workspace):
    ws = workspace
    report = ws["out"] / "2024-Q1" / "dan-chu"
    t0 = time.monotonic()
    proc = start(ws["run"])
    _, err = proc.communicate(timeout=300)
    duration = ws["run_seconds"] = time.monotonic() - t0
    assert proc.returncode in (0, 1), err.decode()[-2000:]
    current, built_at = check_report(report), finished_at(report)
    outcomes = []
    for fraction in RUN_POINTS:
        proc = start(ws["run"])
        time.sleep(fraction * duration)
        kill_all(psutil.Process(proc.pid), tree=True)
        proc.wait(timeout=30)
        now = check_report(report)  # never missing, never half-written
        if now == current:
            outcomes.append("old")
        else:  # the killed run had published: a complete newer version
            assert finished_at(report) >= built_at
            current, built_at = now, finished_at(report)
            outcomes.append("new")
        assert inputs_now(ws) == ws["inputs"]
    # What the next run of this report does first (the batch test below runs it for real): the killed
    # runs' staging folders go, nothing else does.
    from reportkit.jobs.staging import remove_stale

    remove_stale(report)
    leftovers = [p.name for p in report.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers
    check_report(report)
    assert inputs_now(ws) == ws["inputs"]
    print(f"run: {duration:.1f} s undisturbed; after each kill: {outcomes}")


def test_kill_9_during_batches_keeps_reports_whole_and_the_lock_recoverable(workspace):
    ws = workspace
    out = ws["out"]
    reports = [out / "2024-Q1" / "dan-chu", out / "2024-Q1" / "dan-van"]
    seen = {r: [check_report(r) if r.exists() else None] for r in reports}
    duration = ws.get("run_seconds")  # a batch of two reports on two workers takes about one run, plus start-up
    if duration is None:  # this test alone: measure an undisturbed batch
        t0 = time.monotonic()
        proc = start(ws["batch"])
        _, err = proc.communicate(timeout=600)
        assert proc.returncode in (0, 1), err.decode()[-2000:]
        duration = time.monotonic() - t0
        seen = {r: [check_report(r)] for r in reports}
    else:
        duration += 2
    stale_locks = 0
    for fraction, what in BATCH_POINTS:
        proc = start(ws["batch"])
        time.sleep(fraction * duration)
        orphans = kill_all(psutil.Process(proc.pid), tree=(what == "tree"))
        proc.wait(timeout=30)
        wait_gone(orphans)  # report processes of a killed batch finish (or fail) on their own
        lock = out / LOCK_NAME
        if lock.exists():  # left by the killed batch: its holder is dead, the next batch must take it over
            holder = json.loads(lock.read_text(encoding="utf-8") or "{}")
            assert holder.get("pid") in (None, proc.pid)
            stale_locks += 1
        for r in reports:
            if seen[r] == [None] and not r.exists():
                continue  # not built yet: still the old state (nothing)
            now = check_report(r)
            if now not in seen[r]:
                seen[r].append(now)
        for name in ("index.html",):
            if (out / name).exists():
                assert (out / name).read_text(encoding="utf-8").rstrip().endswith("</html>")
        if (out / "last-batch.json").exists():
            json.loads((out / "last-batch.json").read_text(encoding="utf-8"))
        assert inputs_now(ws) == ws["inputs"]
    if not (out / LOCK_NAME).exists():  # the last kill came after the batch ended: leave a dead holder's lock
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
        (out / LOCK_NAME).write_text(json.dumps({"host": os.uname().nodename, "pid": int(dead.stdout)}),
                                     encoding="utf-8")
    assert stale_locks >= 1  # at least one kill left the lock behind
    proc = start(ws["batch"])  # takes over the stale lock, rebuilds, cleans up
    _, err = proc.communicate(timeout=600)
    assert proc.returncode in (0, 1), err.decode()[-2000:]
    summary = json.loads((out / "last-batch.json").read_text(encoding="utf-8"))
    assert summary["counts"]["failed"] == 0 and summary["counts"]["built"] == len(reports)
    assert not (out / LOCK_NAME).exists()
    for r in reports:
        check_report(r)
        assert not [p.name for p in r.parent.iterdir() if p.name.startswith(f".{r.name}.")]
    assert inputs_now(ws) == ws["inputs"]
    print(f"batch: {duration:.1f} s undisturbed; versions seen per report: {[len(v) for v in seen.values()]}")


def test_a_killed_runs_staging_folder_is_removed_only_when_its_owner_is_gone(tmp_path):
    from reportkit.jobs.staging import make_staging, remove_stale

    final = tmp_path / "2024-Q1" / "dan-chu"
    final.parent.mkdir()
    mine = make_staging(final)  # this process: alive
    code = ("import sys, time; from pathlib import Path; from reportkit.jobs.staging import make_staging; "
            "print(make_staging(Path(sys.argv[1])), flush=True); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code, str(final)], stdout=subprocess.PIPE, text=True)
    theirs = Path(child.stdout.readline().strip())
    fresh = final.parent / ".dan-chu.failed.abc123.tmp"  # no owner in the name (a failure page being written)
    fresh.mkdir()
    assert theirs.is_dir() and remove_stale(final) == [] and mine.is_dir() and fresh.is_dir()
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert remove_stale(final) == [theirs]
    old = time.time() - 3600
    os.utime(fresh, (old, old))
    assert remove_stale(final) == [fresh] and mine.is_dir()


def test_a_crash_between_the_two_fallback_renames_gets_the_old_report_back(tmp_path):
    from reportkit.jobs.staging import remove_stale

    final = tmp_path / "2024-Q1" / "dan-chu"
    final.parent.mkdir()
    old = final.with_name(".dan-chu.old-999999999-1")  # no such pid
    old.mkdir()
    (old / "manifest.json").write_text("{}", encoding="utf-8")
    remove_stale(final)
    assert (final / "manifest.json").is_file() and not old.exists()
