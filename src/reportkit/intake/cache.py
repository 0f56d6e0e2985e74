"""An on-disk cache of read workbooks, so a batch reads each department file once.

A batch builds up to 22 reports a year from the same submissions folder; without
a cache every report re-reads every workbook. When ``REPORTKIT_CACHE_DIR`` is
set (``reportkit batch`` sets it to ``<output>/.cache/intake``), each
Submission read by ``read_workbook`` is stored as plain JSON under a key made of
the file's bytes and path, the plan file and the source of the intake modules,
so any change to the file, the plan or the reader makes a new entry.
Cross-file findings are not cached: they are recomputed on every read.

The cache folder may be writable by others (a shared or NFS outputs folder), so
an entry is data only: it is parsed with ``json`` (never ``pickle``, which runs
code while loading) and checked field by field; an entry that does not parse
or whose fields do not have the expected types is ignored and the workbook is read
again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path

from reportkit.files import write_atomic
from reportkit.intake.model import FINDING_COLUMNS, Finding, Submission, TaskRow

ENV_VAR = "REPORTKIT_CACHE_DIR"
ENTRY_SUFFIX = ".json"
FORMAT = "reportkit-intake-cache/3"
_MAX_ENTRY_BYTES = 64 * 1024 * 1024
_READER_PACKAGES = ("intake", "messages", "plan")  # messages: the findings' texts
_READER_MODULES = ("text.py", "fmt.py", "periods.py")
_OLD_SUFFIXES = (".pickle",)  # entries of the cache formats before 3 (never read: pickle runs code)
MAX_AGE_DAYS = 90  # an entry not used for this long is deleted when a batch starts


def reader_sources() -> list[Path]:
    """The source files that decide what a read gives: the cache key covers them all."""
    here = Path(__file__).resolve().parents[1]
    sources = [p for pkg in _READER_PACKAGES for p in sorted((here / pkg).glob("*.py"))]
    return sources + [here / name for name in _READER_MODULES]


@lru_cache(maxsize=1)
def _reader_digest() -> bytes:
    """Digest of the source that decides what a read gives (any change there makes new entries)."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parents[1]
    for source in reader_sources():
        if source.is_file():
            h.update(str(source.relative_to(here)).encode() + source.read_bytes())
    return h.digest()


@lru_cache(maxsize=8)
def _plan_digest(plan_path: str, mtime_ns: int) -> bytes:  # noqa: ARG001 - mtime invalidates
    return hashlib.sha256(Path(plan_path).read_bytes()).digest()


def cache_dir() -> Path | None:
    """The cache folder from the environment, or None (no caching)."""
    value = os.environ.get(ENV_VAR)
    return Path(value) if value else None


def entry_key(path: Path, plan) -> str:
    """The cache key of one workbook read: reader source, plan file, resolved path and file bytes.

    Raises OSError when the workbook or the plan file cannot be read.
    """
    data = path.read_bytes()
    plan_path = Path(plan.path)
    h = hashlib.sha256(_reader_digest())
    h.update(_plan_digest(str(plan_path), plan_path.stat().st_mtime_ns))
    h.update(str(path.resolve()).encode())
    h.update(data)
    return h.hexdigest()


def read_workbook_cached(path: Path, plan, read) -> Submission:
    """``read(path, plan)`` through the cache when one is configured; same result either way."""
    entry, cached = _lookup(path, plan)
    if cached is not None:
        return cached
    sub = read(path, plan)
    if entry is not None:
        store_entry(entry, sub)
    return sub


def cached_submission(path: Path, plan) -> Submission | None:
    """The cached read of ``path``, or None when there is no cache or no valid entry for it."""
    return _lookup(path, plan)[1]


def _lookup(path: Path, plan) -> tuple[Path | None, Submission | None]:
    """(the entry for ``path``, its Submission or None); (None, None) without a cache or a readable file."""
    folder = cache_dir()
    if folder is None:
        return None, None
    try:
        key = entry_key(path, plan)
    except OSError:
        return None, None  # the reader reports unreadable files as findings
    entry = folder / f"{key}{ENTRY_SUFFIX}"
    cached = load_entry(entry, path)
    if cached is not None:
        _touch(entry)  # the entry's time is its last use, for prune_cache
    return entry, cached


def _touch(entry: Path) -> None:
    try:
        os.utime(entry)
    except OSError:
        pass


def prune_cache(folder: Path | str, max_age_days: int = MAX_AGE_DAYS, now: float | None = None) -> int:
    """Delete the cache entries of old formats and those not used for ``max_age_days``; return how many.

    Only regular files named as entries (a 64-digit hex key and a cache suffix)
    are deleted: nothing else in the folder, no link, no folder.
    """
    import time

    folder = Path(folder)
    limit = (time.time() if now is None else now) - max_age_days * 86400
    removed = 0
    try:
        names = list(folder.iterdir())
    except OSError:
        return 0
    for entry in names:
        key, suffix = entry.stem, entry.suffix
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            continue
        try:
            info = entry.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            if suffix in _OLD_SUFFIXES or (suffix == ENTRY_SUFFIX and info.st_mtime < limit):
                entry.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def load_entry(entry: Path, path: Path) -> Submission | None:
    """The Submission stored in ``entry`` (with ``path`` as its path), or None when absent or not valid."""
    try:
        info = entry.lstat()  # a link, FIFO or device planted under the name is not followed nor read
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_ENTRY_BYTES:
            return None
        data = json.loads(entry.read_bytes())
        return submission_from_data(data, path)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def store_entry(entry: Path, sub: Submission) -> None:
    """Write ``sub`` to ``entry`` as JSON (temporary file, then rename); a failure only costs time."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(submission_to_data(sub), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomic(entry, data)
    except OSError:
        pass


# ------------------------------------------------------------ Submission ⇄ plain data

_ROW_TEXT = ("task_code", "result", "difficulties", "proposals", "note", "sheet")


def submission_to_data(sub: Submission) -> dict:
    """A Submission as JSON-ready data (the path is not stored: it is part of the key)."""
    return {
        "format": FORMAT,
        "unit": sub.unit,
        "report_date": _iso(sub.report_date),
        "sheet": sub.sheet,
        "sha256": sub.sha256,
        "rows": [{**{k: getattr(r, k) for k in (*_ROW_TEXT, "status", "progress", "source_row")},
                  "completed_on": _iso(r.completed_on)} for r in sub.rows],
        "findings": [{k: getattr(f, k) for k in FINDING_COLUMNS} for f in sub.findings],
    }


def submission_from_data(data: object, path: Path) -> Submission:
    """The Submission in ``data``; ValueError (or TypeError/KeyError) when any field has the wrong shape."""
    _check(isinstance(data, dict) and data.get("format") == FORMAT, "not a cache entry")
    sub = Submission(path=path, unit=_opt_str(data["unit"]), report_date=_date(data["report_date"]),
                     sheet=_opt_str(data["sheet"]), sha256=_str(data["sha256"]))
    sub.rows = [_task_row(r) for r in _list(data["rows"])]
    sub.findings = [_finding(f, path) for f in _list(data["findings"])]
    return sub


def _task_row(r: object) -> TaskRow:
    _check(isinstance(r, dict), "row is not an object")
    progress = r["progress"]
    _check(progress is None or (isinstance(progress, (int, float)) and not isinstance(progress, bool)), "progress")
    row = r["source_row"]
    _check(isinstance(row, int) and not isinstance(row, bool), "source_row")
    return TaskRow(status=_opt_str(r["status"]), progress=None if progress is None else float(progress),
                   completed_on=_date(r["completed_on"]), source_row=row,
                   **{k: _str(r[k]) for k in _ROW_TEXT})


def _finding(f: object, path: Path) -> Finding:
    _check(isinstance(f, dict), "finding is not an object")
    row = f["row"]
    _check(row is None or (isinstance(row, int) and not isinstance(row, bool)), "row")
    fields = {k: _str(f[k]) for k in ("severity", "code", "message", "message_en", "fix", "fix_en")}
    optional = {k: _opt_str(f[k]) for k in ("sheet", "column", "value")}
    _str(f["path"])  # stored for completeness; the entry's key already ties it to ``path``
    return Finding(path=str(path), row=row, **fields, **optional)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(_str(value))


def _str(value: object) -> str:
    _check(isinstance(value, str), "text expected")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _list(value: object) -> list:
    _check(isinstance(value, list), "list expected")
    return value


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"invalid cache entry: {what}")
