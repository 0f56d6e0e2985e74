"""An exclusive lock on an outputs folder, so two batches never write it at once.

The lock is a small JSON file holding the holder's host, pid and start time.
It is written complete under a private name and then hard-linked to
``.reportkit-batch.lock``: ``link`` fails when the name exists, atomically on
local, NFS and SMB file systems, so there is never a moment when the lock
exists without its holder record. A second batch fails at once with
LockedError naming the holder. A lock left by a process that no longer exists
on this host (``kill -9``, a power cut) is stale and is taken over.

No ``flock``: the lock must name its holder for the message, survive the
holder's death as evidence, and work on the network shares where outputs
folders live, where ``flock`` is emulated or missing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import tempfile
from pathlib import Path

from reportkit.errors import LockedError, OutputError
from reportkit.files import file_mode
from reportkit.jobs.staging import process_alive, process_start
from reportkit.messages import t

LOCK_NAME = ".reportkit-batch.lock"


def _holder_alive(holder: dict) -> bool:
    """Whether the process named in a lock record on this host still runs."""
    pid, created = holder.get("pid"), holder.get("process_created")
    return isinstance(pid, int) and process_alive(pid, created if isinstance(created, str) else None)


def read_holder(lock: Path) -> dict | None:
    """The holder record in a lock file, or None (no lock, or not a record)."""
    try:
        holder = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return holder if isinstance(holder, dict) else None


class OutputsLock:
    """Context manager holding the lock file ``<folder>/.reportkit-batch.lock``."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.held = False

    def read_holder(self) -> dict | None:
        """The holder record of the current lock, or None (no lock, or not a record)."""
        return read_holder(self.path)

    def acquire(self) -> None:
        """Take the lock or raise LockedError naming the live holder."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(t("jobs.cannot_create_outputs", detail=exc.strerror), path=self.folder,
                              hint=t("jobs.cannot_create_outputs.fix")) from None
        me = {"host": socket.gethostname(), "pid": os.getpid(),
              "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
              "process_created": process_start(os.getpid())}
        record = _write_record(self.folder, self.path, me)
        try:
            for _ in range(3):
                try:
                    os.link(record, self.path)
                except FileExistsError:
                    _take_over_if_stale(self.path, me["host"])
                    continue
                except OSError as exc:
                    raise OutputError(t("jobs.cannot_write_lock", detail=exc.strerror), path=self.path,
                                      hint=t("jobs.cannot_write_lock.fix")) from None
                self.held = True
                return
        finally:
            record.unlink(missing_ok=True)
        raise LockedError(t("jobs.lock_retry"), path=self.path, hint=t("jobs.lock_retry.fix"))

    def release(self) -> None:
        """Remove the lock if this process holds it."""
        if self.held:
            holder = self.read_holder()
            if holder and holder.get("pid") == os.getpid():
                self.path.unlink(missing_ok=True)
            self.held = False

    def __enter__(self) -> "OutputsLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _write_record(folder: Path, lock: Path, me: dict) -> Path:
    """The holder record, complete, under a private name beside the lock."""
    try:
        fd, name = tempfile.mkstemp(prefix=f"{LOCK_NAME}.", suffix=".new", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(me, fh)
            os.fchmod(fh.fileno(), file_mode())
    except OSError as exc:
        raise OutputError(t("jobs.cannot_write_lock", detail=exc.strerror), path=lock,
                          hint=t("jobs.cannot_write_lock.fix")) from None
    return Path(name)


def _take_over_if_stale(lock: Path, host: str) -> None:
    """Raise LockedError for a live holder; otherwise move the stale lock aside."""
    try:
        inode = lock.stat().st_ino
    except FileNotFoundError:
        return  # released meanwhile: try again
    holder = read_holder(lock)
    if holder and (holder.get("host") != host or _holder_alive(holder)):
        who = {key: holder.get(key) for key in ("pid", "host", "started")}
        raise LockedError(t("jobs.locked", **who), path=lock, hint=t("jobs.locked.fix"))
    aside = lock.with_name(f"{LOCK_NAME}.stale-{os.getpid()}")
    try:
        os.replace(lock, aside)
    except FileNotFoundError:
        return
    if aside.stat().st_ino != inode:  # another batch took over first: give its lock back
        try:
            os.link(aside, lock)
        except FileExistsError:
            pass
    aside.unlink(missing_ok=True)
