"""Reading many workbooks on every core: a process pool with the same result as one process.

``read_paths(paths, plan, read)`` returns ``[read(p, plan) for p in paths]``,
in that order, with exactly the Submissions (rows and findings) one process
gives. When there are many files (``MIN_POOL_FILES`` or more; ``MIN_FORKSERVER_FILES``
in a process with threads) and more than one core, the files are read by worker
processes, in chunks that shrink towards the end:

* workers are forked from this process (nothing is imported again) when it has
  one thread, else started from a fork server (a process with threads, such as
  a Jupyter kernel, is not forked);
* each worker is a plain ``multiprocessing.Process`` with its own pipe, so the
  parent knows which chunk a worker held when it died. A worker that dies (a
  crash in the native reader, the kernel's OOM killer, a kill) is replaced; its
  chunk is read again one file per task, and the file that kills a worker
  again gets a ``worker_died`` error finding. Every other file is read; the
  parent never waits on a dead worker;
* a reader exception in a worker becomes that file's ``internal_error``
  finding, as in one process.

``REPORTKIT_INTAKE_WORKERS`` sets the number of workers (``1``: no pool); a
daemonic process (a worker of another pool) reads in one process.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit.intake.messages import make_finding
from reportkit.intake.model import Submission

if TYPE_CHECKING:  # multiprocessing is imported only when a pool starts (not for a handful of files)
    import multiprocessing
    from multiprocessing.connection import Connection

ENV_WORKERS = "REPORTKIT_INTAKE_WORKERS"
MIN_POOL_FILES = 50  # below this a pool costs more than it saves (bench/parts/intake.py)
MIN_FORKSERVER_FILES = 300  # a process with threads first starts a fork server (an interpreter, imports)
CHUNKS_PER_WORKER = 2  # a chunk is 1 / (workers × this) of the files left
MIN_CHUNK_FILES, MAX_CHUNK_FILES = 4, 64
PRELOAD = ("reportkit.intake.reader", "python_calamine")  # imported once, before the workers start

Reader = Callable[[Path, object], Submission]
_READY = "ready"  # a worker's first message
_CANNOT_START: set[str] = set()  # start methods whose workers could not start in this process: not tried again


class _CannotStart(Exception):
    """A worker ended before it could say it runs: the pool cannot work in this process."""


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def pool_workers(n_files: int) -> int:
    """How many worker processes read ``n_files`` files: 0 means read them in this process.

    ``REPORTKIT_INTAKE_WORKERS`` (a whole number) overrides the number of cores;
    a value that is not a number is ignored.
    """
    if n_files < MIN_POOL_FILES or (n_files < MIN_FORKSERVER_FILES and start_method() != "fork"):
        return 0
    import multiprocessing

    raw = os.environ.get(ENV_WORKERS, "").strip()
    wanted = int(raw) if raw.isdigit() else available_cores()
    if wanted <= 1 or multiprocessing.current_process().daemon:
        return 0
    return min(wanted, n_files)


def read_paths(paths: Sequence[Path], plan, read: Reader, workers: int | None = None) -> list[Submission]:
    """``[read(p, plan) for p in paths]``, read by ``workers`` processes when that pays (see ``pool_workers``).

    ``read`` must be a module-level function (a fork server imports it by name).
    """
    n = pool_workers(len(paths)) if workers is None else workers
    if n <= 1 or start_method() in _CANNOT_START:
        return [_read_safely(read, p, plan) for p in paths]
    return _Pool(list(paths), plan, read, n).run()


def start_method() -> str:
    """Fork when this process has one thread (cheapest: nothing is imported again), else a fork server."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform == "linux":
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def start_context() -> multiprocessing.context.BaseContext:
    """The context of ``start_method()``, with the reader imported once for all workers."""
    import multiprocessing

    ctx = multiprocessing.get_context(start_method())
    if ctx.get_start_method() == "fork":
        for name in PRELOAD:  # the workers inherit them
            importlib.import_module(name)
    elif ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload([*PRELOAD, *_main_module_name()])
    return ctx


def _main_module_name() -> list[str]:
    """The main module's name when it was started by name (a Jupyter kernel: ``ipykernel_launcher``).

    Each worker runs the main module again as ``__mp_main__``; imported once in
    the fork server, what it imports (all of ipykernel) is not imported again by
    every worker.
    """
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    name = getattr(spec, "name", None)
    return [name] if name and not name.endswith("__main__") else []


def _read_safely(read: Reader, path: Path, plan) -> Submission:
    try:
        return read(path, plan)
    except Exception as exc:  # noqa: BLE001 - one file's failure is that file's finding
        finding = make_finding("internal_error", path, detail=f"{type(exc).__name__}: {exc}"[:300])
        return Submission(path=path, unit=None, report_date=None, findings=[finding])


def _worker_main(conn: Connection, plan, read: Reader) -> None:
    """A worker: say it started, then read each chunk of (index, path) it is sent, send back (index, Submission)."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (a batch releasing its lock)
    try:
        conn.send(_READY)
        while True:
            job = conn.recv()
            if job is None:
                return
            conn.send([(i, _read_safely(read, p, plan)) for i, p in job])
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        return


@dataclass
class _Lane:
    """One worker process, its pipe, and the chunk it is reading (None when idle)."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    job: list[tuple[int, Path]] | None = None
    alone: bool = False  # the job is one file re-read after its chunk's worker died
    started: bool = False  # the worker said it runs (a worker that dies before cannot start at all)


@dataclass
class _Pool:
    paths: list[Path]
    plan: object
    read: Reader
    workers: int
    results: dict[int, Submission] = field(default_factory=dict)

    def run(self) -> list[Submission]:
        """Every file read (or its ``worker_died`` finding), in the order of ``paths``."""
        self.ctx = start_context()
        self.queue = deque((chunk, False) for chunk in chunk_paths(self.paths, self.workers))
        lanes = [self._start() for _ in range(min(self.workers, len(self.queue)))]
        try:
            self._drive(lanes)
        except _CannotStart:  # e.g. a fork server that cannot import the main script: read here instead
            _CANNOT_START.add(self.ctx.get_start_method())
        finally:
            _stop(lanes)
        return [self.results[i] if i in self.results else _read_safely(self.read, p, self.plan)
                for i, p in enumerate(self.paths)]

    def _start(self) -> _Lane:
        return _start_lane(self.ctx, self.plan, self.read)

    def _drive(self, lanes: list[_Lane]) -> None:
        from multiprocessing.connection import wait

        for lane in lanes:
            self._give(lane)
        while any(lane.job is not None for lane in lanes):
            busy = [lane for lane in lanes if lane.job is not None]
            ready = wait([lane.conn for lane in busy] + [lane.process.sentinel for lane in busy])
            for k, lane in enumerate(lanes):
                if lane.job is None or (lane.conn not in ready and lane.process.sentinel not in ready):
                    continue
                state = self._collect(lane)
                if state == "done":
                    self._give(lane)
                elif state is None:
                    lanes[k] = self._replace(lane)

    def _give(self, lane: _Lane) -> None:
        if not self.queue:
            lane.job = None
            return
        lane.job, lane.alone = self.queue.popleft()
        try:
            lane.conn.send(lane.job)
        except (BrokenPipeError, OSError):
            pass  # the worker is gone: its sentinel says so and the job is given again

    def _collect(self, lane: _Lane) -> str | None:
        """"done" (results stored), "started" (the worker runs; its results follow) or None (it died)."""
        message = _receive(lane.conn)
        if message is None:
            if not lane.started:
                raise _CannotStart
            return None
        if message == _READY:
            lane.started = True
            return "started"
        self.results.update(message)
        return "done"

    def _replace(self, lane: _Lane) -> _Lane:
        """A died worker: its files are read again one per task; a file read alone that kills it fails."""
        lane.process.join(timeout=5)
        code = lane.process.exitcode
        job, alone = lane.job or [], lane.alone
        lane.conn.close()
        if alone:
            self.results.update((i, _died(path, code)) for i, path in job)
        else:
            self.queue.extendleft(([item], True) for item in reversed(job))
        fresh = self._start()
        self._give(fresh)
        return fresh


def chunk_paths(paths: list[Path], workers: int) -> list[list[tuple[int, Path]]]:
    """``paths`` with their positions, in chunks that shrink towards the end (guided scheduling).

    A chunk is a share of what is left (``1 / (workers × CHUNKS_PER_WORKER)``), between
    ``MIN_CHUNK_FILES`` and ``MAX_CHUNK_FILES`` files: few messages at first, and the
    workers finish close together because the last chunks are small.
    """
    items = list(enumerate(paths))
    chunks, start = [], 0
    while start < len(items):
        left = len(items) - start
        size = max(MIN_CHUNK_FILES, min(MAX_CHUNK_FILES, -(-left // (workers * CHUNKS_PER_WORKER))))
        chunks.append(items[start:start + size])
        start += size
    return chunks


def _died(path: Path, code: int | None) -> Submission:
    """The Submission of a file whose worker died reading it alone: no rows, a ``worker_died`` error."""
    return Submission(path=path, unit=None, report_date=None,
                      findings=[make_finding("worker_died", path, **_exit_fields(code))])


def _start_lane(ctx, plan, read: Reader) -> _Lane:
    """A new worker process and the parent's end of its pipe."""
    ours, theirs = ctx.Pipe()
    process = ctx.Process(target=_worker_main, args=(theirs, plan, read), daemon=True, name="reportkit-intake")
    process.start()
    theirs.close()
    return _Lane(process, ours)


def _receive(conn: Connection) -> list | None:
    """A worker's (index, Submission) pairs; None when it ended without sending them."""
    try:
        if not conn.poll():
            return None  # the sentinel fired without a message: the process ended
        return conn.recv()
    except (EOFError, OSError):
        return None


def _exit_fields(code: int | None) -> dict[str, str]:
    """How a worker ended, for the ``worker_died`` finding: an exit code, or the signal that killed it."""
    if code is not None and code < 0:
        return {"how": f"tín hiệu {-code}", "how_en": f"signal {-code}"}
    return {"how": f"mã thoát {code}", "how_en": f"exit code {code}"}


def _stop(lanes: list[_Lane]) -> None:
    """Ask every worker to end, then end those that do not."""
    for lane in lanes:
        try:
            lane.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
    for lane in lanes:
        lane.process.join(timeout=2)
        if lane.process.is_alive():
            lane.process.kill()
            lane.process.join()
        lane.conn.close()
