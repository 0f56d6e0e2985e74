"""The draft in the ``plan show --format json`` shape (ImportResult.plan_dict).

When the draft loads as a plan, it is described as ``plan show`` describes it
(plandoc.describe). Otherwise a minimal mapping of the draft is given: units
and tasks from the draft's data (dues from their time frames, mapped as
describe maps them), the reports from its report streams read by the plan
loader's own stream reader and dated by periods.build_calendar.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from reportkit.errors import ReportkitError
from reportkit.plan.timeframes import DueRule, parse_time_frame
from reportkit.plandoc.describe import describe_plan, describe_rule


def draft_as_json(yaml_text: str, data: dict[str, Any]) -> dict[str, Any]:
    """The ``plan show`` JSON of the draft: from the loaded plan when it loads, else from the draft data."""
    try:
        return describe_plan(_load(yaml_text))
    except ReportkitError:
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
    rule = None if (due or {}).get("kind") == "unknown" else parse_time_frame(time_frame, year)
    return describe_rule(rule or DueRule("unknown"), year)


def _reports(data: dict[str, Any], year: int) -> list[dict[str, Any]]:
    """The calendar of the draft's report streams (and its ad-hoc reports); [] when the streams do not load."""
    from reportkit.periods import build_calendar
    from reportkit.plan.load import _Reader
    from reportkit.plan.streams import read_streams

    reader = _Reader(Path("draft.yaml"), {})
    streams = read_streams(data, reader, year)
    out = [{"stream": r.stream.code, "period": r.period.id, "due_before": r.due_before.isoformat(), "rule": r.rule,
            **({"submit_last_day": r.submit_last_day.isoformat()} if isinstance(r.submit_last_day, dt.date) else {})}
           for r in build_calendar(SimpleNamespace(streams=streams, year=year), year)]
    out += [{"stream": s.code, "period": "adhoc", "due_before": None, "rule": text} for s in streams for text in s.adhoc]
    return out


def _from_data(data: dict[str, Any]) -> dict[str, Any]:
    year = data.get("year")
    tasks = [{"code": x["code"], "text": x["text"], "lead": _as_list(x.get("lead")), "support": _as_list(x.get("support")),
              "time_frame": x["time_frame"], "due": _due(x["time_frame"], x.get("due"), year)}
             for x in data.get("tasks", [])]
    try:
        reports = _reports(data, year)
    except ReportkitError:
        reports = []
    return {"organisation": data.get("issuer", {}).get("name", ""), "year": year,
            "units": [{"code": u["code"], "name": u["name"], "aliases": u.get("aliases", [])} for u in data.get("units", [])],
            "tasks": tasks, "reports": reports}
