"""The sent log: one JSON line per message sent (or tried), under ``OUTPUT/reminders/sent.jsonl``.

A line holds ``message_id, unit, report, stream, period, deadline, day, addresses`` (those the server
accepted), ``refused`` (address → reason), ``time``, ``result`` (sent, partial, failed) and ``error``.
It makes ``--send`` idempotent: an address that accepted the reminder for the same report and
deadline on the same day is not mailed again (unless ``--force``); a failed or refused address has
no accepted line, so the next run tries it again. Lines are appended and flushed to disk one by one;
a line cut short by a crash is skipped when reading.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from reportkit.files import file_mode

LOG_NAME = "sent.jsonl"


@dataclass(frozen=True)
class LogKey:
    """What makes two reminders "the same": unit, report, its departments' deadline, and the day."""

    unit: str
    report: str
    deadline: str
    day: str


class SentLog:
    """The sent log of one outputs folder: read once, appended to as messages go out."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._accepted: dict[LogKey, set[str]] = {}
        for entry in self._read():
            key = LogKey(*(str(entry.get(name, "")) for name in ("unit", "report", "deadline", "day")))
            addresses = entry.get("addresses") or []
            self._accepted.setdefault(key, set()).update(str(a).lower() for a in addresses)

    def _read(self) -> list[dict]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        entries = []
        for line in text.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:  # a line cut short by a crash: that message counts as not sent
                continue
            if isinstance(entry, dict):
                entries.append(entry)
        return entries

    def accepted(self, key: LogKey) -> set[str]:
        """The addresses (lower case) that accepted this reminder already."""
        return set(self._accepted.get(key, ()))

    def append(self, key: LogKey, entry: dict) -> None:
        """Add one line (``entry`` plus the key's fields), flushed and synced before returning."""
        line = {"unit": key.unit, "report": key.report, "deadline": key.deadline, "day": key.day, **entry}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, file_mode())
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            if _ends_unfinished(self.path):  # a crash cut the last line: start on a line of our own
                fh.write("\n")
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self._accepted.setdefault(key, set()).update(a.lower() for a in entry.get("addresses") or [])


def _ends_unfinished(path: Path) -> bool:
    """Whether the file's last byte is not a newline (an empty file is finished)."""
    with open(path, "rb") as fh:
        if fh.seek(0, os.SEEK_END) == 0:
            return False
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) != b"\n"
