"""An exclusive lock on an outputs folder, so two batches never write it at once.

The lock is a small JSON file created with O_EXCL (atomic on local and NFS v3+
file systems) holding the holder's host, pid and start time. A second batch
fails at once with LockedError naming the holder. A lock left by a process that
no longer exists on this host is stale and is taken over.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

from reportkit.errors import LockedError, OutputError

LOCK_NAME = ".reportkit-batch.lock"


def _alive(pid: int, start: str | None = None) -> bool:
    """Whether the holder still runs: a killed process not yet reaped, or a reused pid, does not count."""
    from reportkit.jobs.staging import process_alive as running

    return running(pid, start)


class OutputsLock:
    """Context manager holding the lock file ``<folder>/.reportkit-batch.lock``."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.held = False

    def read_holder(self) -> dict | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def acquire(self) -> None:
        """Take the lock or raise LockedError naming the live holder."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the outputs folder: {exc.strerror}", path=self.folder,
                              hint="choose a writable --output folder") from None
        from reportkit.jobs.staging import process_start

        me = {"host": socket.gethostname(), "pid": os.getpid(),
              "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
              "process_start": process_start(os.getpid())}
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self.read_holder()
                if holder and (holder.get("host") != me["host"]
                               or _alive(int(holder.get("pid", 0)), holder.get("process_start"))):
                    raise LockedError(
                        f"another batch is running on these outputs (pid {holder.get('pid')} on "
                        f"{holder.get('host')}, started {holder.get('started')})",
                        path=self.path,
                        hint="wait for it to finish; if that process is gone, delete the lock file",
                    ) from None
                # Stale (holder dead) or unreadable: move it aside atomically, then retry.
                try:
                    os.replace(self.path, self.path.with_suffix(".stale"))
                except FileNotFoundError:
                    pass
                continue
            except OSError as exc:
                raise OutputError(f"cannot write the lock file: {exc.strerror}", path=self.path,
                                  hint="make the outputs folder writable") from None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(me, fh)
            self.held = True
            return
        raise LockedError("could not take the lock after removing a stale one", path=self.path,
                          hint="another batch may be starting; try again")

    def release(self) -> None:
        if self.held:
            holder = self.read_holder()
            if holder and holder.get("pid") == os.getpid():
                try:
                    self.path.unlink()
                except FileNotFoundError:
                    pass
            self.held = False

    def __enter__(self) -> "OutputsLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
