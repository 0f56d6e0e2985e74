"""Every report that is due, unattended: selection, skip-by-hash, parallel runs, index.

``run_batch`` works out from each plan's calendar which reports are due by a
date, skips those whose inputs are unchanged since their last good run (a
fingerprint over plan, submissions, params, notebook and reportkit version),
and runs the rest, each in its own process (one kernel per run) under a
wall-clock limit, on local worker threads or on a dask.distributed cluster.
One failing report never stops the others. It then writes ``index.html`` and a
JSON run summary. The outputs folder is locked for the whole batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportkit import __version__
from reportkit.errors import (
    EXIT_INPUT_FINDINGS,
    EXIT_OK,
    EXIT_RUN_FAILED,
    ParamsError,
    ReportkitError,
    TerminatedError,
)
from reportkit.jobs.lock import OutputsLock
from reportkit.messages import format_local_number, t
from reportkit.periods import DueReport, build_calendar, parse_period
from reportkit.plan.load import Plan, load_plan
from reportkit.safeyaml import load_yaml, yaml_problem

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
DEFAULT_NOTEBOOK = Path(__file__).resolve().parents[3] / "notebooks" / "period_report.ipynb"

# Environment for child runs: cron gives a bare ASCII locale and no DISPLAY.
CHILD_ENV = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1",
             "MPLBACKEND": "Agg", "TQDM_DISABLE": "1", "NO_COLOR": "1"}


@dataclass
class Organisation:
    """One plan with its submissions: a Trung tâm of a province, say."""

    code: str  # "" for a single-organisation batch (outputs directly under --output)
    plan_path: str
    submissions: str
    deadlines: dict[str, str] = field(default_factory=dict)
    params_file: str | None = None


@dataclass
class Job:
    """One report to build."""

    org: str
    plan_path: str
    period: str
    stream: str
    label: str
    due_before: str
    cutoff: str
    submissions: str
    output: str  # the organisation's outputs root
    deadlines: dict[str, str]
    params_file: str | None
    kernel_name: str
    timeout: int
    fingerprint: str = ""

    @property
    def key(self) -> str:
        return "/".join(p for p in (self.org, self.period, self.stream) if p)

    @property
    def report_dir(self) -> Path:
        return Path(self.output) / self.period / self.stream


@dataclass
class JobResult:
    key: str
    state: str  # "built", "skipped", "failed"
    seconds: float = 0.0
    error: str | None = None
    input_errors: int = 0  # error findings among the inputs (report still built)
    files: dict[str, str] = field(default_factory=dict)


def select_due(plan: Plan, year: int, through: dt.date, periods: list[str] | None = None,
               streams: list[str] | None = None) -> list[DueReport]:
    """Reports of ``year`` whose data cut-off has passed by ``through``, filtered."""
    if periods:
        for p in periods:
            parse_period(p)  # raises with the valid forms
    if streams:
        for s in streams:
            plan.stream(s)  # raises with the valid streams
    out = []
    for report in build_calendar(plan, year):
        if report.default_cutoff > through:
            continue
        if periods and report.period.id not in periods:
            continue
        if streams and report.stream.code not in streams:
            continue
        out.append(report)
    return out


def _hash_file(path: Path, h: "hashlib._Hash") -> None:
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)


def fingerprint_job(job: Job, notebook: Path = DEFAULT_NOTEBOOK) -> str:
    """A content hash of everything a report depends on.

    Plan file, every workbook in the submissions folder, params file, notebook,
    the run's own parameters and the reportkit version. Unchanged → skip.
    """
    h = hashlib.sha256()
    h.update(json.dumps({"v": __version__, "period": job.period, "stream": job.stream, "cutoff": job.cutoff,
                         "deadlines": job.deadlines}, sort_keys=True).encode())
    for path in (Path(job.plan_path), notebook, Path(job.params_file) if job.params_file else None):
        if path is not None and path.is_file():
            h.update(path.name.encode())
            _hash_file(path, h)
    sub = Path(job.submissions)
    if sub.is_dir():
        for path in sorted(p for p in sub.rglob("*") if p.suffix.lower() in WORKBOOK_SUFFIXES and p.is_file()):
            h.update(str(path.relative_to(sub)).encode())
            _hash_file(path, h)
    return h.hexdigest()


def read_manifest(report_dir: Path) -> dict | None:
    try:
        return json.loads((report_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_unchanged(job: Job) -> bool:
    """True when the report's last good run has this job's fingerprint."""
    manifest = read_manifest(job.report_dir)
    return bool(manifest) and manifest.get("fingerprint") == job.fingerprint and \
        all((job.report_dir / name).is_file() for name in (manifest.get("files") or {}).values())


# ---------------------------------------------------------------- running one job

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
    """A child process that builds reports one after another (``python -m reportkit.jobs.batch --serve``).

    Each report still gets its own kernel; the worker keeps papermill,
    nbconvert and WeasyPrint imported between reports. A report past its
    wall-clock limit, or a worker that dies, gets its process group killed and
    the next report starts a fresh worker. Workers are recycled every
    ``MAX_JOBS`` reports so that nothing accumulates.
    """

    MAX_JOBS = 12

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.jobs = 0
        self._stderr = None

    def _start(self) -> None:
        self._stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "reportkit.jobs.batch", "--serve"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self._stderr, env={**os.environ, **CHILD_ENV},
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

        if self.proc is None or self.proc.poll() is not None or self.jobs >= self.MAX_JOBS:
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
    slot = slot or WorkerSlot()
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
        from reportkit.params import validate_params

        params = validate_params({"period": job.period, "stream": job.stream, "plan_path": job.plan_path,
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
    tmp = Path(result_file).with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, result_file)


def _worker_main(argv: list[str]) -> int:
    """Child process: ``--serve`` reads "job-file<TAB>result-file" lines and answers "done" for each."""
    if argv != ["--serve"]:
        print("usage: python -m reportkit.jobs.batch --serve", file=sys.stderr)
        return 3
    # The protocol keeps the original stdout to itself; anything a library prints goes to stderr.
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    for line in sys.stdin:
        job_file, _, result_file = line.rstrip("\n").partition("\t")
        _run_job_file(job_file, result_file)
        protocol.write("done\n")
        protocol.flush()
    return 0


# ---------------------------------------------------------------- the batch


@dataclass
class BatchSummary:
    started: str
    finished: str
    through: str
    workers: int
    engine: str
    results: list[JobResult]

    @property
    def exit_code(self) -> int:
        if any(r.state == "failed" for r in self.results):
            return EXIT_RUN_FAILED
        if any(r.input_errors for r in self.results):
            return EXIT_INPUT_FINDINGS
        return EXIT_OK

    def counts(self) -> dict[str, int]:
        out = {"built": 0, "skipped": 0, "failed": 0}
        for r in self.results:
            out[r.state] = out.get(r.state, 0) + 1
        return out


def load_organisations(config: str | Path) -> list[Organisation]:
    """Read a multi-organisation batch config (YAML: ``organisations: [{code, plan, submissions}]``)."""
    import yaml

    path = Path(config)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParamsError("batch config not found", path=path, hint="check the --config path") from None
    except yaml.YAMLError as exc:
        raise yaml_problem(exc, ParamsError, path, "fix the YAML syntax at that line") from None
    items = raw.get("organisations") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise ParamsError("batch config needs a list 'organisations'", path=path,
                          hint="write organisations: [{code: …, plan: …, submissions: …}]")
    base = path.parent
    orgs, seen = [], set()
    for i, item in enumerate(items):
        where = f"organisations[{i}]"
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("code", "plan", "submissions")):
            raise ParamsError("each organisation needs code, plan and submissions (text)", path=path,
                              yaml_path=where, hint="e.g. {code: ttdvvl, plan: plan.yaml, submissions: subs/}")
        code = item["code"]
        if not code.replace("-", "").replace("_", "").isalnum() or code in seen:
            raise ParamsError(f"organisation code {code!r} must be unique letters, digits, - or _",
                              path=path, yaml_path=where + ".code", hint="it names the outputs sub-folder")
        seen.add(code)
        resolve = lambda v: str((base / v).resolve()) if not os.path.isabs(v) else v  # noqa: E731
        orgs.append(Organisation(code, resolve(item["plan"]), resolve(item["submissions"]),
                                 {str(k): str(v) for k, v in (item.get("deadlines") or {}).items()},
                                 resolve(item["params"]) if item.get("params") else None))
    return orgs


def plan_jobs(orgs: list[Organisation], year: int | None, through: dt.date, output: Path,
              periods: list[str] | None = None, streams: list[str] | None = None,
              kernel_name: str = "reportkit", timeout: int = 600) -> list[Job]:
    """Every job the batch should consider, with fingerprints computed."""
    jobs = []
    for org in orgs:
        plan = load_plan(org.plan_path)
        org_out = output / org.code if org.code else output
        for report in select_due(plan, year or plan.year, through, periods, streams):
            job = Job(org.code, str(Path(org.plan_path).resolve()), report.period.id, report.stream.code,
                      report.label, report.due_before.isoformat(), report.default_cutoff.isoformat(),
                      str(Path(org.submissions).resolve()), str(org_out.resolve()), org.deadlines,
                      org.params_file, kernel_name, timeout)
            job.fingerprint = fingerprint_job(job)
            jobs.append(job)
    return jobs


class _Progress:
    """A tqdm bar with ETA on a terminal; one plain line per report otherwise (cron logs)."""

    def __init__(self, total: int, quiet: bool = False):
        self.total, self.done, self.quiet = total, 0, quiet
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=t("batch.unit"), file=sys.stderr)

    def update(self, result: JobResult) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.set_postfix_str(f"{result.key}: {t('batch.state.' + result.state)}")
            self.bar.update(1)
        elif not self.quiet:
            extra = f" - {result.error.splitlines()[0]}" if result.error else ""
            print(t("batch.progress", done=self.done, total=self.total, key=result.key,
                    state=t("batch.state." + result.state), seconds=format_local_number(result.seconds, 1), extra=extra),
                  file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_batch(orgs: list[Organisation], *, year: int | None = None, through: dt.date | None = None,
              output: Path | str = "outputs", periods: list[str] | None = None,
              streams: list[str] | None = None, workers: int | None = None, force: bool = False,
              scheduler: str | None = None, dask_local: bool = False, timeout: int = 600,
              kernel_name: str = "reportkit", quiet: bool = False) -> BatchSummary:
    """Build every due report; return the summary (also written as JSON, with index.html)."""
    output = Path(output)
    through = through or dt.date.today()
    workers = workers or os.cpu_count() or 1
    started = dt.datetime.now().astimezone()
    with OutputsLock(output):
        previous = signal.signal(signal.SIGTERM, _raise_terminated) if _main_thread() else None
        try:
            jobs = plan_jobs(orgs, year, through, output, periods, streams, kernel_name, timeout)
            missing = [j for j in jobs if not Path(j.submissions).is_dir()]
            results = [JobResult(j.key, "failed", 0.0, missing_submissions_message(j)) for j in missing]
            runnable = [j for j in jobs if j not in missing]
            todo = [j for j in runnable if force or not is_unchanged(j)]
            results += [JobResult(j.key, "skipped") for j in runnable if j not in todo]
            progress = _Progress(len(todo), quiet)
            engine = "local"
            try:
                if scheduler or dask_local:
                    engine = scheduler or "dask-local"
                    results += _run_dask(todo, scheduler, workers, progress)
                else:
                    results += _run_local(todo, workers, progress)
            finally:
                progress.close()
            order = {j.key: i for i, j in enumerate(jobs)}
            results.sort(key=lambda r: order.get(r.key, 0))
            summary = BatchSummary(started.isoformat(timespec="seconds"),
                                   dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                                   through.isoformat(), workers, engine, results)
            write_summary(output, summary)
            from reportkit.report.index import write_index

            for org in orgs:
                write_index(output / org.code if org.code else output, load_plan(org.plan_path), year, through)
            if len(orgs) > 1 or orgs[0].code:
                from reportkit.report.index import write_org_index

                write_org_index(output, orgs)
            return summary
        finally:
            kill_live_children()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def missing_submissions_message(job: Job) -> str:
    """The finding for an organisation whose submissions folder is not there (no run is started)."""
    return (f"không tìm thấy thư mục số liệu {job.submissions}: kiểm tra đường dẫn submissions "
            "(hoặc thư mục đã được gắn/mount chưa); báo cáo trước đó, nếu có, vẫn được giữ nguyên")


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _raise_terminated(signum, frame):  # noqa: ARG001
    kill_live_children()
    raise TerminatedError("batch stopped by SIGTERM", hint="reports being built were stopped; earlier reports are untouched; run the batch again")


def _run_local(jobs: list[Job], workers: int, progress: _Progress) -> list[JobResult]:
    import queue

    results: list[JobResult] = []
    if not jobs:
        return results
    slots: queue.SimpleQueue[WorkerSlot] = queue.SimpleQueue()
    all_slots = [WorkerSlot() for _ in range(min(workers, len(jobs)))]
    for slot in all_slots:
        slots.put(slot)

    def run_in_slot(job: Job) -> JobResult:
        slot = slots.get()
        try:
            return execute_job(job, slot)
        finally:
            slots.put(slot)

    pool = ThreadPoolExecutor(max_workers=len(all_slots))
    try:
        futures = [pool.submit(run_in_slot, j) for j in jobs]
        for fut in as_completed(futures):
            res = fut.result()
            results.append(res)
            progress.update(res)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for slot in all_slots:
            slot.close()
    return results


def _run_dask(jobs: list[Job], scheduler: str | None, workers: int, progress: _Progress) -> list[JobResult]:
    """The same jobs on dask.distributed: a scheduler address, or a LocalCluster of processes."""
    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    results = []
    try:
        futures = [client.submit(execute_job, j, key=f"reportkit-{j.key}-{j.fingerprint[:8]}", pure=False)
                   for j in jobs]
        for fut in dask_completed(futures):
            try:
                res = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails that report only
                key = next(j.key for j in jobs if fut.key.startswith(f"reportkit-{j.key}-"))
                res = JobResult(key, "failed", 0.0, f"dask worker lost: {exc}")
            results.append(res)
            progress.update(res)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results


def write_summary(output: Path, summary: BatchSummary) -> Path:
    """Write the batch's JSON summary to ``runs/`` and ``last-batch.json`` atomically."""
    from reportkit.safepath import check_inside

    data = {**asdict(summary), "counts": summary.counts(), "exit_code": summary.exit_code}
    runs = check_inside(output, output / "runs")
    runs.mkdir(parents=True, exist_ok=True)
    name = "batch-" + "".join(ch for ch in summary.started if ch.isdigit())[:14] + ".json"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for target in (runs / name, output / "last-batch.json"):
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)  # O_EXCL: no link
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    return runs / name


if __name__ == "__main__":
    sys.exit(_worker_main(sys.argv[1:]))
