"""Report kernels forked from a pre-imported template process (a fork server), one per report.

A batch worker builds many reports; a plain kernel start pays Python's start
and the imports of ipykernel, pandas, matplotlib and reportkit again for every
report (about 2 CPU-s). ``KernelForkServer`` starts ``jobs.kernel_template``
once per worker: it imports those libraries once, and for each report forks a
child that becomes a fresh kernel (new session, the report's cwd and
environment, the connection file and IPC sockets the ``KernelManager`` wrote).
``ForkProvisioner`` is the jupyter_client kernel provisioner that asks the
server instead of starting ``python -m ipykernel_launcher``; papermill and
nbclient talk to the kernel exactly as before. Nothing a report's notebook
does reaches the next report: each kernel is a new fork of a template that
never runs a notebook.

Route: ``REPORTKIT_KERNEL=plain`` in the environment switches batch workers
back to one plain kernel process per report. ``reportkit run`` always uses the
plain route (one report: the template would cost what it saves).

Faults: a template found dead before a report is replaced silently; one that
dies while forking fails that report only (``TemplateDiedError``, a Vietnamese
message) and is replaced for the next; a kernel whose template dies exits
within a second (ipykernel's parent poller), failing its report only.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from reportkit.errors import NotebookError
from reportkit.messages import t

ROUTE_ENV = "REPORTKIT_KERNEL"
ROUTES = ("fork", "plain")
READY_TIMEOUT = 120.0  # seconds for the template's imports on a loaded machine


class TemplateDiedError(NotebookError):
    """The kernel template process died while a kernel was being forked from it."""


def batch_route() -> str:
    """The kernel route of batch workers: ``fork`` (default) or ``plain`` (``REPORTKIT_KERNEL=plain``)."""
    value = os.environ.get(ROUTE_ENV, "fork").strip().lower() or "fork"
    return value if value in ROUTES else "fork"


class ForkedProcess:
    """A Popen-like handle on a kernel forked by the template (not a child of this process)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, server: KernelForkServer):
        import psutil

        self.pid = pid
        self.returncode: int | None = None
        self.generation = server.generation
        try:
            self._proc: Any = psutil.Process(pid)
        except psutil.Error:  # already gone
            self._proc, self.returncode = None, 1

    def poll(self) -> int | None:
        """None while the kernel runs; its exit is reaped by the template, so the code is 0 or 1 (unknown)."""
        import psutil

        if self.returncode is None:
            try:
                if not self._proc.is_running() or self._proc.status() == psutil.STATUS_ZOMBIE:
                    self.returncode = 0
            except psutil.Error:
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait until the kernel is gone (polling: it is not our child)."""
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired("forked kernel", timeout)
            time.sleep(0.02)
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:  # never signal a pid that may have been reused
            os.kill(self.pid, signum)

    def kill(self) -> None:
        import signal

        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        import signal

        self.send_signal(signal.SIGTERM)


class KernelForkServer:
    """The worker's kernel template process, started at once and replaced whenever it is found dead."""

    def __init__(self, kernel_name: str = "reportkit") -> None:
        self.proc: subprocess.Popen | None = None
        self.generation = 0  # how many templates were started; a kernel remembers the one it came from
        self.restarts = 0
        self._ready = False
        self.launcher = _launcher_prefix(kernel_name)
        self.start()

    def start(self) -> None:
        """Start a template (its imports run while this process does other work); none for a foreign kernel spec."""
        if not self.launcher:
            return
        flags = self.launcher[1:-2] if self.launcher else []  # the kernel spec's interpreter flags
        self.proc = subprocess.Popen([sys.executable, *flags, "-m", "reportkit.jobs.kernel_template"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
                                     env={**os.environ, "MPLBACKEND": "Agg"})
        self.generation += 1
        self._ready = False

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def can_fork(self, cmd: list[str]) -> bool:
        """True for the kernel command line the template was made for: this Python, ``-m ipykernel_launcher``."""
        n = len(self.launcher)
        return n > 0 and len(cmd) > n and [os.path.realpath(cmd[0]), *cmd[1:n]] == self.launcher

    def fork_kernel(self, cmd: list[str], env: dict, cwd: str) -> ForkedProcess:
        """Fork one kernel for ``cmd`` (an ipykernel_launcher command line); raises TemplateDiedError."""
        if not self.alive():  # died between reports: nothing was in flight, replace it quietly
            self.restart()
        argv = cmd[cmd.index("ipykernel_launcher") + 1:]
        request = json.dumps({"argv": argv, "env": dict(env), "cwd": str(cwd)}) + "\n"
        try:
            if not self._ready:
                _read_reply(self.proc, "ready")
                self._ready = True
            self.proc.stdin.write(request.encode())
            self.proc.stdin.flush()
            reply = _read_reply(self.proc, "pid")
        except (OSError, ValueError) as exc:
            detail = f"{type(exc).__name__}: {exc}"
            self.restart()  # the next report gets a new template
            raise TemplateDiedError(t("jobs.kernel_template_died", detail=detail),
                                    hint=t("jobs.kernel_template_died.fix")) from None
        return ForkedProcess(int(reply["pid"]), self)

    def owns(self, kernel: ForkedProcess) -> bool:
        """True while the template ``kernel`` was forked from is still the one running."""
        return kernel.generation == self.generation and self.alive()

    def restart(self) -> None:
        self.stop()
        self.restarts += 1
        self.start()

    def stop(self) -> None:
        """End the template (its stdin closes; killed if it does not leave at once)."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
            proc.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _read_reply(proc: subprocess.Popen, key: str) -> dict:
    """The template's next answer, which must hold ``key``; OSError when it is gone or silent."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], READY_TIMEOUT)
    line = proc.stdout.readline() if ready else b""
    if not line:
        code = proc.poll()
        raise OSError(f"template exited (code {code})" if code is not None else "template did not answer")
    reply = json.loads(line)
    if key not in reply:
        raise ValueError(reply.get("error") or f"unexpected reply {reply!r}")
    return reply


def _launcher_prefix(kernel_name: str) -> list[str]:
    """``[python, *flags, "-m", "ipykernel_launcher"]`` of the kernel spec when it is this Python's ipykernel, else []."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        argv = list(KernelSpecManager().get_kernel_spec(kernel_name).argv)
    except (NoSuchKernel, OSError, ValueError):
        return []
    if "ipykernel_launcher" not in argv or os.path.realpath(argv[0]) != os.path.realpath(sys.executable):
        return []
    i = argv.index("ipykernel_launcher")
    if argv[i - 1] != "-m" or any(not a.startswith("-X") for a in argv[1:i - 1]):
        return []  # only -X interpreter flags can be given to the template as well
    return [os.path.realpath(argv[0]), *argv[1:i + 1]]


_SERVER: KernelForkServer | None = None


def start_server(kernel_name: str = "reportkit") -> KernelForkServer:
    """Start this process's fork server for ``kernel_name`` (batch workers call it before their first report)."""
    global _SERVER
    if _SERVER is None:
        _SERVER = KernelForkServer(kernel_name)
    return _SERVER


def active_server() -> KernelForkServer | None:
    """The fork server of this process, or None (plain kernels)."""
    return _SERVER


def stop_server() -> None:
    """Stop this process's fork server; later kernels are plain ones."""
    global _SERVER
    server, _SERVER = _SERVER, None
    if server is not None:
        server.stop()


def make_kernel_manager(kernel_name: str, **kwargs: Any):
    """A KernelManager for ``kernel_name`` (asyncio client) whose kernel is forked when this process has a fork server."""
    import uuid

    from jupyter_client.manager import KernelManager

    # An asyncio client: nbclient then notices a kernel that dies in the middle of a cell within a second
    # (with the blocking client its wait for output never ends and only the batch's time limit stops it).
    km = KernelManager(kernel_name=kernel_name, client_class="jupyter_client.asynchronous.AsyncKernelClient",
                       **kwargs)
    if active_server() is not None:
        km.kernel_id = str(uuid.uuid4())
        from reportkit.jobs.kernel_provisioner import ForkProvisioner

        km.provisioner = ForkProvisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
    return km


# Imported by the kernel while it starts (the notebook's first import), so that
# this work overlaps with papermill's own start-up in this process.
KERNEL_WARMUP = "import reportkit.report.period"
# No IPython history database: a report kernel never needs the cells of earlier sessions (%history -g would
# show another report's code), and parallel kernels would otherwise all write to one SQLite file.
KERNEL_ARGUMENTS = (f"--IPKernelApp.exec_lines={KERNEL_WARMUP}", "--HistoryManager.enabled=False")


class ReportKernel:
    """The report kernel, on IPC sockets in a private folder, started as soon as parameters pass.

    Unix sockets instead of TCP: no port opened on the machine, and no
    "running over TCP without encryption" warning in cron logs. The kernel
    imports reportkit while papermill loads in this process (a forked kernel
    has it imported already); afterwards it is shut down in a background
    thread while the HTML and PDF are written. With a fork server in this
    process (batch workers) the kernel is forked from the template.
    """

    def __init__(self, kernel_name: str, cwd: Path):
        self.sockets = tempfile.TemporaryDirectory(prefix="reportkit-kernel-")
        self.km = make_kernel_manager(kernel_name, transport="ipc", ip=str(Path(self.sockets.name) / "kernel"))
        self._stopper: threading.Thread | None = None
        try:
            self.km.start_kernel(extra_arguments=list(KERNEL_ARGUMENTS), cwd=str(cwd))
        except Exception:
            self.sockets.cleanup()
            raise
        process = getattr(self.km.provisioner, "process", None)  # the provisioner forgets it at shutdown
        self.forked = process if isinstance(process, ForkedProcess) else None

    def died_with_template(self) -> bool:
        """True when this kernel was forked from a template that has died or been replaced since."""
        server = active_server()
        return self.forked is not None and server is not None and not server.owns(self.forked)

    def _shutdown(self) -> None:
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=False)
        except Exception:  # noqa: BLE001 - make sure it is gone
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001
                pass
        finally:
            self.sockets.cleanup()

    def stop(self) -> None:
        """Ask the kernel to shut down, in the background."""
        if self._stopper is None:
            self._stopper = threading.Thread(target=self._shutdown, name="reportkit-kernel-stop", daemon=True)
            self._stopper.start()

    def wait(self) -> None:
        """Stop (if not yet asked) and wait until the kernel process is gone."""
        self.stop()
        self._stopper.join()
