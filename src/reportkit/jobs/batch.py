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
import json
import os
import signal
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

from reportkit.errors import EXIT_INPUT_FINDINGS, EXIT_OK, EXIT_RUN_FAILED, TerminatedError
from reportkit.files import write_atomic
from reportkit.jobs.due import (
    Job,
    JobResult,
    Organisation,
    fingerprint_job,
    is_unchanged,
    load_organisations,
    missing_submissions_message,
    plan_jobs,
    select_due,
)
from reportkit.jobs.lock import OutputsLock
from reportkit.jobs.worker import WorkerSlot, _keep_previous_version, execute_job, kill_live_children
from reportkit.fmt import format_local_number
from reportkit.messages import t
from reportkit.plan.load import load_plan

# Names kept importable from here (the CLI and tests use them; they live in due.py and worker.py).
__all__ = ["BatchSummary", "Job", "JobResult", "Organisation", "WorkerSlot", "execute_job", "fingerprint_job",
           "is_unchanged", "load_organisations", "missing_submissions_message", "plan_jobs", "run_batch",
           "select_due", "write_summary", "_keep_previous_version"]


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
            _prune_caches(jobs)
            missing = [j for j in jobs if not Path(j.submissions).is_dir()]
            results = [JobResult(j.key, "failed", 0.0, missing_submissions_message(j)) for j in missing]
            runnable = [j for j in jobs if j not in missing]
            todo = _longest_first([j for j in runnable if force or not is_unchanged(j)])
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
                write_index(output / org.code if org.code else output, load_plan(org.plan_path), year, through,
                            org.submissions)
            if len(orgs) > 1 or orgs[0].code:
                from reportkit.report.index import write_org_index

                write_org_index(output, orgs)
            return summary
        finally:
            kill_live_children()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _longest_first(jobs: list[Job]) -> list[Job]:
    """The jobs, those that took longest last time first (so no long report is left alone at the end).

    The estimate is the previous run's total time from its manifest; a report
    never built before counts as the longest (its time is unknown). Ties keep
    the calendar order.
    """
    from reportkit.report.index import read_manifest

    def last_seconds(job: Job) -> float:
        manifest = read_manifest(job.report_dir) or {}
        total = (manifest.get("timings") or {}).get("total")
        return float(total) if isinstance(total, (int, float)) else float("inf")

    return sorted(jobs, key=lambda job: -last_seconds(job))


def _prune_caches(jobs: list[Job]) -> None:
    """Old-format and long-unused intake cache entries of each outputs folder go (see intake.cache)."""
    from reportkit.intake.cache import prune_cache

    for folder in sorted({Path(j.output) / ".cache" / "intake" for j in jobs}):
        prune_cache(folder)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _raise_terminated(signum, frame):  # noqa: ARG001
    kill_live_children()
    raise TerminatedError(t("jobs.terminated"), hint=t("jobs.terminated.fix"))


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
        write_atomic(target, text)
    return runs / name
