"""What every corpus document is made of: units, tasks, reports, each with the truth written by hand.

A document module writes the text as it appears in the document (``lead_text``,
``time_frame`` …) next to what it means (``lead`` as full unit names, the due
kind and the last days on time, typed by hand — nothing here is computed by
reportkit). ``expected()`` turns that truth into expected.json.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


def nfc(text: str) -> str:
    """The NFC form of ``text`` (every text in the corpus is NFC)."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Unit:
    """A unit as the document names it; ``aliases``: abbreviations the document defines."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """One task: as written (``lead_text``, ``support_text``, ``time_frame``) and its truth."""

    code: str
    text: str
    lead_text: str
    support_text: str
    time_frame: str
    lead: tuple[str, ...]  # full unit names
    support: tuple[str, ...]  # full unit names
    kind: str  # date | milestones | continuous | external | unknown
    dates: tuple[str, ...] = ()  # last days on time, ISO
    finding: str | None = None  # the phrase an importer must flag (kind unknown)


@dataclass(frozen=True)
class Report:
    """One calendar entry of a report stream (``period`` a period id or "adhoc")."""

    period: str
    due_before: str | None  # exclusive, ISO; None for ad-hoc
    rule: str  # the phrase as written in the document
    submit_last_day: str | None = None  # the departments' last day, ISO


@dataclass(frozen=True)
class Stream:
    """A report stream: ``name`` as we would title it, ``key`` the words that identify it."""

    name: str
    key: str
    reports: tuple[Report, ...]


@dataclass
class Document:
    """A plan document of the corpus and its hand-checked expected result."""

    name: str
    source: str  # file name of the source document
    organisation: str
    year: int
    units: tuple[Unit, ...]
    tasks: tuple[Task, ...]
    streams: tuple[Stream, ...] = ()
    header: dict = field(default_factory=dict)
    document_findings: tuple[str, ...] = ()  # findings not on a task (e.g. "tracked changes")

    def expected(self) -> dict:
        """The expected result in the `plan show` JSON shape (units by name, tasks by code)."""
        return {
            "source": self.source,
            "organisation": self.organisation,
            "year": self.year,
            "header": self.header,
            "units": [{"name": u.name, "aliases": list(u.aliases)} for u in self.units],
            "tasks": [
                {
                    "code": t.code,
                    "text": t.text,
                    "lead": list(t.lead),
                    "support": list(t.support),
                    "time_frame": t.time_frame,
                    "due": {"kind": t.kind, "dates": list(t.dates)},
                }
                for t in self.tasks
            ],
            "reports": [
                {
                    "stream": s.name,
                    "stream_key": s.key,
                    "period": r.period,
                    "due_before": r.due_before,
                    "rule": r.rule,
                    **({"submit_last_day": r.submit_last_day} if r.submit_last_day else {}),
                }
                for s in self.streams
                for r in s.reports
            ],
            "expected_findings": [
                {"task_code": t.code, "phrase": t.finding}
                for t in self.tasks
                if t.finding
            ],
            "document_findings": list(self.document_findings),
        }

    def check(self) -> None:
        """Catch slips in the truth: unknown unit names, unknown-without-finding, non-NFC text."""
        names = {u.name for u in self.units}
        for t in self.tasks:
            for n in (*t.lead, *t.support):
                assert n in names, f"{self.name} {t.code}: {n!r} is not a unit"
            assert t.lead, f"{self.name} {t.code}: no lead"
            assert (t.kind == "unknown") == bool(t.finding), f"{self.name} {t.code}: unknown needs a finding"
            assert t.kind in ("date", "milestones") or not t.dates, f"{self.name} {t.code}: dates on {t.kind}"
            assert (t.kind == "date") == (len(t.dates) == 1), f"{self.name} {t.code}: date needs one date"
            assert t.kind != "milestones" or len(t.dates) > 1, f"{self.name} {t.code}: milestones"
            assert list(t.dates) == sorted(set(t.dates)), f"{self.name} {t.code}: dates out of order"
            for text in (t.text, t.lead_text, t.support_text, t.time_frame):
                assert text == nfc(text), f"{self.name} {t.code}: not NFC"


def month_ends(year: int, months: list[int]) -> tuple[str, ...]:
    """ISO month ends — typed out in a table so the truth never depends on reportkit."""
    last = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
    if year % 4 == 0:
        last[2] = 29
    return tuple(f"{year}-{m:02d}-{last[m]:02d}" for m in months)
