"""Synthetic organisations for the roll-up: real report folders (manifest.json + status.parquet).

``write_orgs(root, n)`` writes ``n`` organisations' reports for one period and
stream under ``root/<code>/<period>/<stream>/``: about 50 status rows each,
from several plans (so some organisations share a plan), in every state
(on time, late, missing, tampered, another period). Deterministic for a
seed. Used by tests (a few organisations) and ``python -m bench.rollup`` (1,000
and 10,000).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reportkit.rollup.model import COUNT_KEYS, OrgInput
from reportkit.rollup.status_file import (
    STATUS_FIELDS,
    STATUS_FILE,
    write_status_parquet,
)
from reportkit.status.words import DEADLINE_STATUSES, STATUSES

PERIOD, STREAM, DUE_BEFORE = "2024-Q1", "dan-chu", "2024-03-01"
# share of organisations in each state (the rest are on time)
SHARES = {"late": 0.15, "missing": 0.08, "tampered": 0.04, "other_period": 0.03}


@dataclass(frozen=True)
class SynthOrg:
    """One synthetic organisation and what the roll-up must find for it."""

    org: OrgInput
    kind: str  # on_time, late, missing, tampered, other_period
    plan_code: str
    counts: dict[str, int]


def _plan_tasks(plan: int, rows: int) -> list[tuple[str, str, str]]:
    """(task code, text, section) of a synthetic plan: plans differ in their number of tasks."""
    n = max(5, rows // 5 + plan)
    return [(f"II.{1 + i % 3}.{i + 1}", f"Nhiệm vụ số {i + 1} của kế hoạch mẫu {plan + 1}", f"II.{1 + i % 3}")
            for i in range(n)]


def _status_records(rng: np.random.Generator, plan: int, rows: int) -> dict:
    tasks = _plan_tasks(plan, rows)
    statuses = rng.choice(np.array(STATUSES, dtype=object), size=rows, p=[0.35, 0.1, 0.2, 0.1, 0.15, 0.05, 0.05])
    out = []
    for i in range(rows):
        code, text, section = tasks[i % len(tasks)]
        status = str(statuses[i])
        deadline = None if status in STATUSES[4:6] else (dt.date(2024, 1, 15) + dt.timedelta(days=int(i % 60))).isoformat()
        out.append([code, text, "task", section, "", "", f"u{i % 5}", i % 5 == 0, f"u{i % 5}", f"Phòng số {i % 5 + 1}",
                    "quý I năm 2024", deadline, None, "done" if status.startswith("Đã") else "in_progress",
                    None, status, True, 3 if "quá hạn" in status else None, f"Kết quả <b>{i}</b> & ghi chú",
                    "", "", "", f"u{i % 5}_2024-02-28.xlsx", 13 + i, status in DEADLINE_STATUSES and i % 5 == 0,
                    "2024-02-28", "deadline"])
    return {"columns": list(STATUS_FIELDS), "rows": out}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _kind(rng: np.random.Generator) -> str:
    x, acc = rng.random(), 0.0
    for kind, share in SHARES.items():
        acc += share
        if x < acc:
            return kind
    return "on_time"


def write_org(root: Path, code: str, rng: np.random.Generator, plans: int = 5, rows: int = 50,
              kind: str | None = None) -> SynthOrg:
    """Write one organisation's report folder (or none when missing); its expected state and counts."""
    kind = kind or _kind(rng)
    plan = int(rng.integers(plans))
    folder = root / code / PERIOD / STREAM
    org = OrgInput(code, f"Đơn vị <i>{code}</i>", f"Nhóm {plan + 1}", folder)
    if kind == "missing":
        return SynthOrg(org, kind, "", {k: 0 for k in COUNT_KEYS})
    folder.mkdir(parents=True, exist_ok=True)
    records = _status_records(rng, plan, rows)
    period = "2023-Q4" if kind == "other_period" else PERIOD
    write_status_parquet(records, folder / STATUS_FILE, period, STREAM)
    status_col, head_col = records["columns"].index("status"), records["columns"].index("in_headline")
    counts = {k: sum(1 for r in records["rows"] if r[head_col] and r[status_col] == k) for k in COUNT_KEYS}
    built = "2024-02-29T16:00:00+07:00" if kind != "late" else "2024-03-04T09:00:00+07:00"
    manifest = {"reportkit_manifest": 1, "period": period, "stream": STREAM, "plan_code": f"plan-{plan + 1}",
                "due_before": DUE_BEFORE, "counts": counts, "files": {"status": STATUS_FILE},
                "finished_at": built, "first_built_at": built, "sha256": {STATUS_FILE: _sha(folder / STATUS_FILE)}}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    if kind == "tampered":  # half-copied: the table is cut short after the manifest was written
        data = (folder / STATUS_FILE).read_bytes()
        (folder / STATUS_FILE).write_bytes(data[: len(data) // 2])
    return SynthOrg(org, kind, f"plan-{plan + 1}", counts)


def write_orgs(root: Path, n: int, seed: int = 16, plans: int = 5, rows: int = 50) -> list[SynthOrg]:
    """Write ``n`` synthetic organisations under ``root``; what the roll-up must find for each."""
    rng = np.random.default_rng(seed)
    width = len(str(n))
    return [write_org(Path(root), f"org{i:0{width}d}", rng, plans, rows) for i in range(n)]


SUPERIOR = ("superior: {name: Sở Lao động - Thương binh và Xã hội tỉnh Sơn La, parent: UBND tỉnh Sơn La, "
            "symbol: BC-SLĐTBXH, place: Sơn La, signer_title: Giám đốc, signer_name: Nguyễn Văn An, "
            "recipients: [Bộ Lao động - Thương binh và Xã hội, Lưu VT]}\n")


def write_config(path: Path, orgs: list[SynthOrg], groups: int = 12) -> Path:
    """An ``orgs.yaml`` for ``reportkit rollup`` over ``orgs``: the superior, each code with a name and a group."""
    lines = [SUPERIOR.rstrip("\n"), "organisations:"]
    for i, synth in enumerate(orgs):
        lines.append(f"  - {{code: {synth.org.code}, name: 'Trung tâm số {i + 1}', group: 'Huyện {i % groups + 1}'}}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Path(path)
