"""Running one report in a worker process: warm workers, wall-clock limits, kills, previous versions.

A ``WorkerSlot`` is a child process (``python -m reportkit.jobs.worker
--serve``) that builds reports one after another with ``run_report``, each in
its own kernel. ``execute_job`` runs one job in a slot under the job's
wall-clock limit, keeps the previous report as a version first, and never
raises: a crash, a kill or a timeout becomes a failed ``JobResult`` with the
failure page written beside the report.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from reportkit.errors import ReportkitError
from reportkit.files import write_atomic
from reportkit.jobs.due import Job, JobResult
from reportkit.report.index import read_manifest

# Environment for child runs: cron gives a bare ASCII locale and no DISPLAY.
CHILD_ENV = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1",
             "MPLBACKEND": "Agg", "TQDM_DISABLE": "1", "NO_COLOR": "1"}


_LIVE: dict[int, subprocess.Popen] = {}


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill a worker's process group and its kernels.

    jupyter_client starts each kernel in a session of its own, so killing the
    worker's group alone would leave the kernel running until it notices its
    parent is gone; its descendants are listed first and killed too.
    """
    import psutil

    try:
        descendants = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        descendants = []
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for child in descendants:
        try:
            child.kill()
        except psutil.Error:
            pass


def kill_live_children() -> None:
    """Kill every running report process group (kernels included)."""
    for proc in list(_LIVE.values()):
        _kill_group(proc)


@dataclass
class _Outcome:
    timed_out: bool = False
    returncode: int | None = None  # set when the worker process ended
    stderr: str = ""

    @property
    def killed(self) -> bool:
        return self.timed_out or self.returncode is not None


class WorkerSlot:
    """A child process that builds reports one after another (``python -m reportkit.jobs.worker --serve``).

    Each report still gets its own kernel, forked from the worker's kernel
    template (``jobs.kernel_fork``); the worker keeps papermill, nbconvert and
    WeasyPrint imported between reports. A report past its
    wall-clock limit, or a worker that dies, gets its process group killed and
    the next report starts a fresh worker. Workers (and their templates) are
    recycled every ``MAX_JOBS`` reports so that nothing accumulates; a worker
    and its template cost about 3 CPU-s to start, so 50 keeps that under
    0.1 CPU-s per report.
    """

    MAX_JOBS = 50

    def __init__(self, kernel_route: str | None = None) -> None:
        self.proc: subprocess.Popen | None = None
        self.jobs = 0
        self._stderr = None
        self.env = {**CHILD_ENV, **({"REPORTKIT_KERNEL": kernel_route} if kernel_route else {})}

    def _start(self) -> None:
        self._stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "reportkit.jobs.worker", "--serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self._stderr, env={**os.environ, **self.env},
                                     start_new_session=True)
        _LIVE[self.proc.pid] = self.proc
        self.jobs = 0

    def _stderr_text(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read()[-4000:].decode("utf-8", "replace")

    def _stop(self) -> int | None:
        proc, self.proc = self.proc, None
        if proc is None:
            return None
        _kill_group(proc)  # the worker and anything it left (a kernel of a crashed run)
        code = proc.wait()
        _LIVE.pop(proc.pid, None)
        return code

    def run(self, job_file: Path, result_file: Path, timeout: float) -> _Outcome:
        import select

        if self.proc is not None and self.jobs >= self.MAX_JOBS:
            self.close()  # recycled: it ends its kernel template and waits for it, then leaves
        if self.proc is None or self.proc.poll() is not None:
            self._stop()
            self._start()
        assert self.proc is not None and self.proc.stdin is not None and self.proc.stdout is not None
        try:
            self.proc.stdin.write(f"{job_file}\t{result_file}\n".encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else b""
        if line.strip() == b"done":
            self.jobs += 1
            return _Outcome()
        stderr = self._stderr_text()
        code = self._stop()
        return _Outcome(timed_out=not ready, returncode=None if not ready else code, stderr=stderr)

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None and self.proc.stdin is not None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._stop()


def _keep_previous_version(job: Job) -> Path | None:
    """Hard-link the current report into ``<stream>.versions/<built-at>/`` before a re-run."""
    from reportkit.safepath import check_inside

    check_inside(job.output, job.report_dir)  # a planted link must not make the batch read or copy elsewhere
    manifest = read_manifest(job.report_dir)
    if not manifest:
        return None
    stamp = str(manifest.get("finished_at") or manifest.get("created") or time.strftime("%Y%m%dT%H%M%S"))
    stamp = "".join(ch for ch in stamp if ch.isalnum()) or "previous"
    target = job.report_dir.parent / f"{job.stream}.versions" / stamp
    check_inside(job.output, target)  # a link planted as <stream>.versions must not take the copy elsewhere
    if target.exists():
        return None
    import shutil

    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(job.report_dir, tmp, copy_function=link)
    os.replace(tmp, target)
    return target


def execute_job(job: Job, slot: "WorkerSlot | None" = None) -> JobResult:
    """Build one report in a worker process, under a wall-clock limit; never raises.

    Local batches pass a warm ``slot`` (one per parallel worker, imports paid
    once); without one (dask workers) a fresh process is used for this job only.
    """
    start = time.monotonic()
    kept = None
    try:
        kept = _keep_previous_version(job)
    except OSError as exc:
        return JobResult(job.key, "failed", 0.0, f"không lưu được phiên bản trước: {exc}")
    except ReportkitError as exc:
        return JobResult(job.key, "failed", 0.0, exc.render())
    owned = slot is None
    slot = slot or WorkerSlot("plain")  # one report only (dask): a kernel template would not pay for itself
    try:
        with tempfile.TemporaryDirectory(prefix="reportkit-job-") as tmp:
            job_file, result_file = Path(tmp) / "job.json", Path(tmp) / "result.json"
            job_file.write_text(json.dumps(asdict(job), ensure_ascii=False), encoding="utf-8")
            outcome = slot.run(job_file, result_file, job.timeout)
            result = None
            if result_file.is_file():
                try:
                    result = JobResult(**json.loads(result_file.read_text(encoding="utf-8")))
                except (ValueError, TypeError):
                    result = None
    finally:
        if owned:
            slot.close()
    seconds = round(time.monotonic() - start, 2)
    if result is None:
        if outcome.timed_out:
            error = f"quá thời gian cho phép ({job.timeout} giây): tiến trình đã bị dừng"
        elif outcome.returncode is not None and outcome.returncode < 0:
            error = f"tiến trình báo cáo bị dừng bởi tín hiệu {-outcome.returncode}"
        else:
            tail = outcome.stderr.strip().splitlines()[-3:]
            error = "tiến trình báo cáo kết thúc bất thường" + (": " + " | ".join(tail) if tail else "")
        result = JobResult(job.key, "failed", seconds, error)
    result.seconds = seconds
    if result.state == "failed":
        import shutil

        if kept is not None:
            shutil.rmtree(kept, ignore_errors=True)  # the current report is still the old one
        if outcome.killed:  # nothing of the run cleaned up after itself
            remove_staging(job)
            write_killed_failure(job, result.error or "")
    return result


def remove_staging(job: Job) -> None:
    """Remove half-written staging folders of a run that was killed (those whose owner process is gone)."""
    from reportkit.jobs.staging import remove_stale

    remove_stale(job.report_dir)


def write_killed_failure(job: Job, message: str) -> None:
    """The "báo cáo chưa hoàn chỉnh" page for a run that was killed before it could write its own."""
    try:
        from reportkit.jobs.run import _Failure, _write_failure
        from reportkit.params import parse_run_inputs

        params = parse_run_inputs({"period": job.period, "stream": job.stream, "plan_path": job.plan_path,
                                   "submissions": job.submissions, "deadlines": job.deadlines or None})
        failed_dir = job.report_dir.with_name(job.stream + ".failed")
        _write_failure(failed_dir, params, _Failure("Chạy báo cáo (lô tự động)", message), {},
                       dt.datetime.now().astimezone())
    except (ReportkitError, OSError):
        pass  # the batch summary still carries the error


def _run_job_file(job_file: str, result_file: str) -> None:
    """Run one job with run_report and write its JobResult as JSON (atomically)."""
    job = Job(**json.loads(Path(job_file).read_text(encoding="utf-8")))
    # One intake cache per outputs folder: each workbook is read once per batch, not once per report.
    os.environ["REPORTKIT_CACHE_DIR"] = str(Path(job.output) / ".cache" / "intake")
    try:
        from reportkit.jobs.run import run_report

        res = run_report(
            job.period, job.stream, plan_path=job.plan_path, as_of=None, submissions=job.submissions,
            output=job.output, params_file=job.params_file, deadlines=job.deadlines or None,
            kernel_name=job.kernel_name, timeout=job.timeout, fingerprint=job.fingerprint,
        )
        input_errors = int((res.manifest or {}).get("input_errors", 0))
        result = JobResult(job.key, "built" if res.ok else "failed", 0.0, res.error, input_errors,
                           {k: str(v) for k, v in (res.files or {}).items()})
    except ReportkitError as exc:
        result = JobResult(job.key, "failed", 0.0, exc.render())
    except Exception as exc:  # noqa: BLE001 - any crash becomes a failed entry, never a lost report
        result = JobResult(job.key, "failed", 0.0, f"{type(exc).__name__}: {exc}")
    write_atomic(result_file, json.dumps(asdict(result), ensure_ascii=False))  # the batch never reads half


def _worker_main(argv: list[str]) -> int:
    """Child process: ``--serve`` reads "job-file<TAB>result-file" lines and answers "done" for each."""
    if argv != ["--serve"]:
        print("usage: python -m reportkit.jobs.worker --serve", file=sys.stderr)
        return 3
    # The protocol keeps the original stdout to itself; anything a library prints goes to stderr.
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    from reportkit.jobs import kernel_fork

    if kernel_fork.batch_route() == "fork":
        kernel_fork.start_server()  # the template imports the kernel's libraries while this worker imports its own
    for line in sys.stdin:
        job_file, _, result_file = line.rstrip("\n").partition("\t")
        _run_job_file(job_file, result_file)
        protocol.write("done\n")
        protocol.flush()
    kernel_fork.stop_server()
    return 0


if __name__ == "__main__":
    sys.exit(_worker_main(sys.argv[1:]))
