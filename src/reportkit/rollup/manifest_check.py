"""One organisation's report folder judged from its manifest: valid (on time / late), missing or invalid.

Every file the manifest lists is checked against its sha256, so a tampered
or half-copied folder is never rolled up. Reasons are in Vietnamese: they go
into the consolidated report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.messages import t, use_language
from reportkit.rollup.model import COUNT_KEYS, OrgInput
from reportkit.rollup.status_file import STATUS_FILE


@dataclass
class OrgReading:
    """What the manifest says about one organisation (before its status table is read)."""

    org: OrgInput
    state: str
    reason: str = ""
    manifest: dict = field(default_factory=dict)
    status_path: Path | None = None

    def row(self) -> dict:
        """The organisation's row of RollupData.orgs (counts 0 unless the report is valid)."""
        m = self.manifest if self.state in ("on_time", "late") else {}
        counts = m.get("counts") or {}
        row = {"code": self.org.code, "name": self.org.name, "group": self.org.group, "state": self.state,
               "reason": self.reason, "plan_code": str(m.get("plan_code") or ""),
               "report_date": _date_text(m.get("first_built_at") or m.get("finished_at")),
               "due_before": str(self.manifest.get("due_before") or "")}
        for key in COUNT_KEYS:
            row[key] = int(counts.get(key, 0) or 0)
        return row


def _date_text(value: object) -> str:
    try:
        return dt.datetime.fromisoformat(str(value)).date().isoformat() if value else ""
    except ValueError:
        return ""


def hash_file(path: Path) -> str:
    """sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def reason(key: str, **fields: object) -> str:
    """The Vietnamese reason "không có báo cáo hợp lệ: …" for message ``key``."""
    with use_language("vi"):  # the consolidated report is Vietnamese whatever the terminal's language
        return t("rollup.no_valid_report", detail=t(key, **fields))


def _late(manifest: dict) -> bool:
    first = manifest.get("first_built_at") or manifest.get("finished_at")
    try:
        built = dt.datetime.fromisoformat(str(first)).date()
        due = dt.date.fromisoformat(str(manifest.get("due_before")))
    except ValueError:
        return False
    return built >= due


def check_files(folder: Path, manifest: dict) -> str | None:
    """The reason the folder's files do not match the manifest, or None when every one matches."""
    listed = manifest.get("sha256")
    if not isinstance(listed, dict) or not listed:
        return reason("rollup.reason.no_checksums")
    for name, expected in listed.items():
        path = folder / str(name)
        if "/" in str(name) or "\\" in str(name) or str(name).startswith(".") or not path.is_file():
            return reason("rollup.reason.file_missing", file=name)
        if hash_file(path) != expected:
            return reason("rollup.reason.file_changed", file=name)
    return None


def read_org(org: OrgInput, period: str, stream: str) -> OrgReading:
    """Judge one organisation's report folder from its manifest (no status table read yet)."""
    folder = Path(org.report_dir)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return OrgReading(org, "missing", reason("rollup.reason.no_report", period=period))
    except (OSError, ValueError):
        return OrgReading(org, "invalid", reason("rollup.reason.bad_manifest"))
    if not isinstance(manifest, dict):
        return OrgReading(org, "invalid", reason("rollup.reason.bad_manifest"))
    if manifest.get("period") != period or manifest.get("stream") != stream:
        return OrgReading(org, "invalid", reason("rollup.reason.other_period", period=manifest.get("period"),
                                                  stream=manifest.get("stream")), manifest)
    problem = check_files(folder, manifest)
    if problem:
        return OrgReading(org, "invalid", problem, manifest)
    status = folder / STATUS_FILE if STATUS_FILE in manifest["sha256"] else None
    return OrgReading(org, "late" if _late(manifest) else "on_time", "", manifest, status)
