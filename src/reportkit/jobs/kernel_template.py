"""The kernel template process: imports the report kernel's libraries once, then forks one kernel per report.

Started by ``jobs.kernel_fork.KernelForkServer`` as ``python -m
reportkit.jobs.kernel_template``. It imports ipykernel, IPython, pandas,
matplotlib (Agg) and the reportkit modules the report notebook uses, and
creates nothing that must not cross a fork: no zmq context, no thread, no
event loop, no kernel application (``_check_fork_safe`` refuses to serve
otherwise). Then it reads one JSON request per line on stdin — the kernel's
command line, environment and working directory — forks, and answers
``{"pid": …}`` on stdout. The child becomes a new session with its own cwd,
environment and seeds and runs ``IPKernelApp`` exactly as
``python -m ipykernel_launcher`` would, on the connection file the manager
wrote. The template never runs a notebook cell itself, so every kernel starts
from the same state; it exits when its stdin closes (the worker is gone).
"""

from __future__ import annotations

import json
import os
import signal
import sys

# What the report notebook imports (first cell), and what a kernel imports to run it.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "IPython.core.interactiveshell",
           "ipykernel.debugger", "IPython.core.oinspect", "pandas", "matplotlib", "reportkit.report.period",
           "reportkit.report.charts", "reportkit.intake.reader")


def preload() -> None:
    """Import the kernel's libraries (matplotlib with the Agg backend) and warm matplotlib's font caches."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    _warm_fonts()


def _warm_fonts() -> None:
    """Draw one throw-away chart (no pyplot, nothing kept but matplotlib's font and text caches).

    Every kernel forked afterwards finds the report fonts loaded instead of
    loading them again for its own first chart; no figure, no rcParams change
    and no pyplot state survives.
    """
    from reportkit.report.charts import chart_status_counts

    chart = chart_status_counts({"Hoàn thành": 3, "Đang thực hiện": 2, "Chưa đến hạn": 1})
    if chart is not None:
        _ = chart.svg, chart.png
        chart.figure.clear()


def _check_fork_safe() -> None:
    """Refuse to fork from a process that has threads or a zmq context (the child would inherit broken ones)."""
    import threading

    import zmq

    if threading.active_count() != 1 or zmq.Context._instance is not None:
        raise RuntimeError(f"kernel template is not fork-safe: threads={threading.enumerate()}")


def _child(request: dict, template_pid: int, reply_fd: int) -> None:
    """In the forked child: become a fresh kernel process, run the kernel, never return into the template loop."""
    code = 1
    try:
        os.close(reply_fd)
        os.setsid()  # a session and process group of its own, as jupyter_client gives a kernel
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel's own subprocesses must be waitable
        signal.signal(signal.SIGINT, signal.default_int_handler)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)  # the request pipe is not the kernel's
        os.dup2(2, 1)  # nor is the reply pipe: kernel output goes where the worker's stderr goes
        os.close(null)
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(template_pid)
        _reseed()
        argv = request["argv"]
        sys.argv = ["ipykernel_launcher", *argv]
        del sys.path[0]  # the template's own cwd entry; IPython adds the kernel's back (as ipykernel_launcher)
        from ipykernel.kernelapp import IPKernelApp

        # parent_handle: the kernel exits when its template does (ipykernel's parent poller).
        IPKernelApp.launch_instance(argv=[*argv, f"--IPKernelApp.parent_handle={template_pid}"])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:  # noqa: BLE001 - report and leave; never fall back into the template's loop
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _reseed() -> None:
    """New random seeds: a forked child would otherwise repeat the template's random sequences."""
    import random

    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()


def _reap(signum=None, frame=None) -> None:
    """Collect every kernel that has exited: no zombies, and its CPU time counts as the template's children's."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def serve(requests, replies) -> int:
    """Fork one kernel per request line until ``requests`` closes."""
    signal.signal(signal.SIGCHLD, _reap)
    template_pid = os.getpid()
    for line in requests:
        try:
            request = json.loads(line)
            _check_fork_safe()
            pid = os.fork()
        except Exception as exc:  # noqa: BLE001 - answer, keep serving
            replies.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
            replies.flush()
            continue
        if pid == 0:
            _child(request, template_pid, replies.fileno())
        replies.write(json.dumps({"pid": pid}) + "\n")
        replies.flush()
    _reap()
    return 0


def main() -> int:
    """Entry point: preload, say "ready", serve."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the reply pipe
    preload()
    _check_fork_safe()
    replies.write(json.dumps({"ready": os.getpid()}) + "\n")
    replies.flush()
    return serve(sys.stdin, replies)


if __name__ == "__main__":
    sys.exit(main())
