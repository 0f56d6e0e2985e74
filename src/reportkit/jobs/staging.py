"""Staging folders that survive ``kill -9`` safely, and an atomic swap of a report folder.

A run writes its report into ``.<stream>.<owner>.<random>.tmp`` beside the
published folder, where the owner part names the host (a short hash), the pid
and the process start time. When the run is killed, the folder stays behind;
the next run of the same report removes every such folder whose owner is gone
(``remove_stale``) and leaves those of a run still at work. The name stays
with the path even when the contents are swapped, so the previous report,
swapped out to the staging path at publication, is recognised the same way.
Folders whose name carries no owner (a failure page being written) are removed
once they are a minute old.

``swap_in`` publishes a staging folder: with Linux ``renameat2(RENAME_EXCHANGE)``
the staging folder and the published one trade places in one step, so a
reader, or a crash, sees either the complete old report or the complete new
one, never neither. Elsewhere it falls back to two renames, and
``remove_stale`` puts the old report back if a crash fell between them.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import shutil
import socket
import time
from pathlib import Path

from reportkit.files import make_temp_dir

UNOWNED_GRACE = 60.0  # seconds before a folder without an owner file counts as left over
OTHER_HOST_GRACE = 6 * 3600.0  # an owner on another host (shared outputs) cannot be asked: wait this long


def process_start(pid: int) -> str | None:
    """When process ``pid`` started (psutil, in hundredths of a second since the epoch); None if gone."""
    import psutil

    try:
        return str(round(psutil.Process(pid).create_time() * 100))
    except psutil.Error:
        return None


def process_alive(pid: int, start: str | None = None) -> bool:
    """Whether ``pid`` runs (not a zombie) and, when ``start`` is known, is the process that wrote it."""
    import psutil

    if pid <= 0:
        return False
    try:
        proc = psutil.Process(pid)
        if proc.status() in (psutil.STATUS_ZOMBIE, psutil.STATUS_DEAD):  # killed, not yet reaped
            return False
        now = process_start(pid)
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # another user's process: it exists
        return True
    # Same pid, other start: the pid was reused (a one-tick tolerance absorbs rounding).
    return start is None or now is None or not start.isdigit() or abs(int(now) - int(start)) <= 1


def _host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]


def make_staging(final: Path) -> Path:
    """A new staging folder beside ``final`` (usual folder mode) whose name says which process owns it."""
    owner = f"{_host_tag()}-{os.getpid()}-{process_start(os.getpid()) or 0}"
    return make_temp_dir(final.parent, prefix=f".{final.name}.{owner}.")


def _is_stale(folder: Path, name: str) -> bool:
    try:
        age = time.time() - folder.stat().st_mtime
    except OSError:
        return False
    m = re.fullmatch(rf"\.{re.escape(name)}\.([0-9a-f]{{8}})-(\d+)-(\d+)\.[^.]+\.tmp", folder.name)
    if m is None:  # no owner in the name: leave a moment for whoever is writing it
        return age > UNOWNED_GRACE
    host, pid, start = m.groups()
    if host != _host_tag():
        return age > OTHER_HOST_GRACE
    return not process_alive(int(pid), None if start == "0" else start)


def remove_stale(final: Path) -> list[Path]:
    """Remove the left-over staging folders of the report ``final`` whose owner is gone; return them.

    Matches ``.<name>.*.tmp`` (staging and failure-page folders) and
    ``.<name>.old-*`` (a report swapped out by the two-rename fallback). If
    ``final`` is missing and such an old report is left, it is put back.
    """
    removed = []
    parent = final.parent
    if not parent.is_dir():
        return removed
    for folder in sorted([*parent.glob(f".{final.name}.*.tmp"), *parent.glob(f".{final.name}.old-*")]):
        if folder.is_symlink() or not folder.is_dir():
            continue
        if folder.name.startswith(f".{final.name}.old-"):
            pid = folder.name[len(f".{final.name}.old-"):].split("-")[0]
            if pid.isdigit() and process_alive(int(pid), None):
                continue
            if not final.exists():
                os.rename(folder, final)  # a crash between the two renames: the previous report comes back
                continue
        elif not _is_stale(folder, final.name):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_EXCHANGE = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step (Linux); False when the system or file system cannot."""
    if _EXCHANGE is None:
        return False
    if _EXCHANGE(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def swap_in(staging: Path, final: Path) -> Path | None:
    """Publish ``staging`` as ``final``; return where the previous report now is (to be removed), or None.

    One atomic exchange where possible; otherwise ``final`` is renamed to
    ``.<name>.old-<pid>-<ns>`` and ``staging`` renamed into place (on failure
    the old report is put back).
    """
    if final.exists() and not final.is_symlink() and exchange(staging, final):
        return staging  # the old report now sits at the staging path
    old = None
    try:
        if final.exists() or final.is_symlink():
            old = final.with_name(f".{final.name}.old-{os.getpid()}-{time.monotonic_ns()}")
            os.rename(final, old)
        os.rename(staging, final)
    except OSError:
        if old is not None and not final.exists():
            os.rename(old, final)
        raise
    return old
