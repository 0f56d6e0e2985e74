"""Writing files colleagues can open: atomic replacement with the usual permissions.

Every file reportkit writes (reports, index, run summaries, failure pages,
status tables, templates, cache entries) goes through here. ``tempfile``
creates private names (mode 0600, folders 0700), which is right for the
moment of writing but wrong for the result: on a shared folder colleagues
could not open it. So the temporary file or folder gets the mode a plain
``open()``/``mkdir()`` would have given it (``0o666``/``0o777`` minus the
user's umask) before it is moved into place.

``write_atomic`` writes text or bytes; ``atomic_target`` yields a temporary
path for writers that want a path of their own (openpyxl, WeasyPrint);
``make_temp_dir`` makes a staging folder. A new private name is created with
O_EXCL, so a link planted at a predictable name cannot redirect the write,
and a crash leaves either the previous file or the new one, never half.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where Linux allows (``/proc/self/status``).

    Elsewhere it is read by setting and restoring it under a lock, so two
    threads of reportkit never see a wrong value.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets from ``open()``: ``0o666`` minus the umask (0644 under umask 022)."""
    return 0o666 & ~current_umask()


def dir_mode() -> int:
    """The mode a new folder gets from ``mkdir()``: ``0o777`` minus the umask (0755 under umask 022)."""
    return 0o777 & ~current_umask()


@contextmanager
def atomic_target(path: Path | str) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; on success it replaces ``path`` with the usual mode.

    On any error the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` (text in ``encoding``, or bytes) to ``path`` atomically, with the usual mode."""
    path = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:  # through the descriptor: the name is never reopened
            fh.write(raw)
            os.fchmod(fh.fileno(), file_mode())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return path


def make_temp_dir(parent: Path | str, prefix: str, suffix: str = ".tmp") -> Path:
    """A new folder in ``parent`` with a private unique name and the usual folder mode."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, suffix=suffix, dir=parent))
    os.chmod(folder, dir_mode())
    return folder


def hash_into(digest, path: Path | str) -> None:
    """Feed the bytes of the file at ``path`` to ``digest`` (a hashlib object), 1 MiB at a time."""
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
