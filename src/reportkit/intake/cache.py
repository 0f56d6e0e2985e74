"""An on-disk cache of read workbooks, so a batch reads each department file once.

A batch builds up to 22 reports a year from the same submissions folder; without
a cache every report re-reads every workbook. When ``REPORTKIT_CACHE_DIR`` is
set (``reportkit batch`` sets it to ``<output>/.cache/intake``), each
Submission read by ``read_workbook`` is pickled under a key made of the file's
bytes and path, the plan file and the source of the intake modules, so any
change to the file, the plan or the reader makes a new entry. Cross-file
findings are not cached: they are recomputed on every read. The cache folder
is reportkit's own (inside the outputs folder); nothing else should write it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from reportkit.files import write_atomic
from reportkit.intake.model import Submission

ENV_VAR = "REPORTKIT_CACHE_DIR"
_READER_MODULES = ("intake/reader.py", "intake/headers.py", "intake/cellvalues.py", "intake/legacy.py",
                   "intake/sheetscan.py", "text.py", "intake/model.py")


@lru_cache(maxsize=1)
def _reader_digest() -> bytes:
    h = hashlib.sha256()
    here = Path(__file__).resolve().parents[1]
    for name in _READER_MODULES:
        source = here / name
        if source.is_file():
            h.update(name.encode() + source.read_bytes())
    return h.digest()


@lru_cache(maxsize=8)
def _plan_digest(plan_path: str, mtime_ns: int) -> bytes:  # noqa: ARG001 - mtime invalidates
    return hashlib.sha256(Path(plan_path).read_bytes()).digest()


def cache_dir() -> Path | None:
    """The cache folder from the environment, or None (no caching)."""
    value = os.environ.get(ENV_VAR)
    return Path(value) if value else None


def read_workbook_cached(path: Path, plan, read) -> Submission:
    """``read(path, plan)`` through the cache when one is configured; same result either way."""
    folder = cache_dir()
    if folder is None:
        return read(path, plan)
    try:
        data = path.read_bytes()
        plan_path = Path(plan.path)
        h = hashlib.sha256(_reader_digest())
        h.update(_plan_digest(str(plan_path), plan_path.stat().st_mtime_ns))
        h.update(str(path.resolve()).encode())
        h.update(data)
    except OSError:
        return read(path, plan)  # the reader reports unreadable files as findings
    entry = folder / f"{h.hexdigest()}.pickle"
    try:
        with open(entry, "rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, Submission):
            cached.path = path
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    sub = read(path, plan)
    try:
        write_atomic(entry, pickle.dumps(sub, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a cache that cannot be written only costs time
    return sub
