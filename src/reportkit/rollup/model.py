"""The roll-up's data: the organisations to read and what was read from them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reportkit.status.words import DEADLINE_STATUSES

# on_time / late: a valid report first built before / after its deadline;
# missing: no report folder or manifest; invalid: a report that cannot be trusted
# (files do not match the manifest, another period or stream, unreadable table).
ORG_STATES = ("on_time", "late", "missing", "invalid")

# The keys of a report manifest's "counts" (status word → tasks with a deadline).
COUNT_KEYS = tuple(DEADLINE_STATUSES)

# Columns of RollupData.orgs, in order (then one int column per COUNT_KEYS, then "tasks" and "rate").
ORG_COLUMNS = ("code", "name", "group", "state", "reason", "plan_code", "report_date", "due_before")


@dataclass(frozen=True)
class OrgInput:
    """One organisation to roll up (built by the CLI from the batch config).

    ``report_dir`` is ``<from>/<org code>/<period>/<stream>``: the folder a
    ``reportkit run`` (or a nested ``reportkit rollup``) published.
    """

    code: str
    name: str
    group: str
    report_dir: Path


@dataclass(frozen=True)
class RollupData:
    """What the roll-up read: one row per organisation, one row per (organisation, status line).

    ``orgs`` columns: ORG_COLUMNS + one int column per COUNT_KEYS (0 when the
    organisation has no valid report) + ``tasks`` (tasks with a deadline) +
    ``rate`` (float, done on time / tasks with a deadline; NaN when none).
    ``report_date`` is the report's first build date (ISO text, "" when none),
    ``due_before`` the report's deadline as recorded in its manifest.
    ``tasks`` columns: ``org_code`` + the status.parquet columns.
    """

    period: str
    stream: str
    orgs: pd.DataFrame
    tasks: pd.DataFrame
