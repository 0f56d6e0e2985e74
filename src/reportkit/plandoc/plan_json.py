"""The draft in the ``plan show --format json`` shape (ImportResult.plan_dict).

When the draft loads as a plan (no TODO left that the loader refuses), the
plan is described as ``plan show`` describes it (plandoc.describe, when
present); otherwise a minimal mapping of the draft's own data is given.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from reportkit.errors import ReportkitError
from reportkit.plan.timeframes import parse_time_frame


def draft_as_json(yaml_text: str, data: dict[str, Any]) -> dict[str, Any]:
    """The ``plan show`` JSON of the draft: from the loaded plan when it loads, else from the draft data."""
    try:
        plan = _load(yaml_text)
    except ReportkitError:
        plan = None
    if plan is not None:
        try:
            from reportkit.plandoc.describe import describe_plan  # built by the "wording" part
        except ImportError:
            pass
        else:
            return describe_plan(plan)
    return _from_data(data)


def _load(yaml_text: str) -> Any:
    from reportkit.plan.load import load_plan

    with tempfile.TemporaryDirectory(prefix="reportkit-import-") as folder:
        path = Path(folder) / "draft.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        return load_plan(path)


def _as_list(value: Any) -> list:
    if value in (None, ""):
        return []
    return list(value) if isinstance(value, list) else [value]


def _due(time_frame: str, due: dict | None, year: int) -> dict[str, Any]:
    if due and due.get("kind") == "unknown":
        return {"kind": "unknown", "dates": []}
    rule = parse_time_frame(time_frame, year)
    if rule is None:
        return {"kind": "unknown", "dates": []}
    if rule.kind in ("continuous", "external", "unknown"):
        return {"kind": rule.kind, "dates": []}
    dates = [m.deadline.isoformat() for m in rule.milestones(year) if m.deadline]
    return {"kind": "date" if len(dates) == 1 else "milestones", "dates": dates}


def _from_data(data: dict[str, Any]) -> dict[str, Any]:
    year = data.get("year")
    tasks = [{"code": x["code"], "text": x["text"], "lead": _as_list(x.get("lead")), "support": _as_list(x.get("support")),
              "time_frame": x["time_frame"], "due": _due(x["time_frame"], x.get("due"), year)}
             for x in data.get("tasks", [])]
    reports = [{"stream": s["code"], "period": r["period"] if isinstance(r["period"], str) else ",".join(r["period"]),
                "due_before": None, "rule": r.get("text", "")}
               for s in data.get("report_streams", []) for r in s["reports"]]
    return {"organisation": data.get("issuer", {}).get("name", ""), "year": year,
            "units": [{"code": u["code"], "name": u["name"], "aliases": u.get("aliases", [])} for u in data.get("units", [])],
            "tasks": tasks, "reports": reports}
