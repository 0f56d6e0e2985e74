"""The plan as reportkit understands it: ``describe_plan`` (``plan show``) and ``list_plans`` (``plan list``).

``describe_plan`` returns the stable JSON interface of ``reportkit plan show
--format json`` (docs/plan-format.md, "plan show"; the JSON Schema is
tests/data/plan_show.schema.json):

    {"organisation", "year", "units": [{"code", "name", "aliases"}],
     "tasks": [{"code", "text", "lead", "support", "time_frame", "due": {"kind", "dates"}}],
     "reports": [{"stream", "period", "due_before", "rule"}]}

A task's ``due.dates`` are the last days it is on time (one per milestone);
``kind`` is ``date`` for one such day, ``milestones`` for several, else the
rule's own kind (continuous, external, unknown) with no dates. A content item
is carried by every unit on its own, so each of its units is a lead. Reports
come from the calendar (periods.build_calendar); an ad-hoc report has period
``adhoc`` and no date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportkit.errors import ReportkitError
from reportkit.fmt import format_date
from reportkit.messages import t
from reportkit.periods import adhoc_rows, build_calendar
from reportkit.plan.load import DueRule, Plan, Task, load_plan
from reportkit.plan.locate import DEFAULT_FOLDER, plan_files, read_plan_year

DATED_KINDS = ("quarter", "months", "date", "dates")  # the rule kinds that give dates


def describe_plan(plan: Plan) -> dict[str, Any]:
    """The plan as the ``plan show`` JSON: organisation, year, units, tasks with dues, reports."""
    return {
        "organisation": plan.issuer_name,
        "year": plan.year,
        "units": [{"code": u.code, "name": u.name, "aliases": list(u.aliases)} for u in plan.units],
        "tasks": [describe_task(task, plan) for task in plan.tasks],
        "reports": describe_reports(plan),
    }


def describe_task(task: Task, plan: Plan) -> dict[str, Any]:
    """One task (or content item): code, text, lead and supporting units, time frame, due.

    ``support`` is every other unit carrying the task: its ``support:`` units
    and those of an old ``units:`` list that are not leads.
    """
    lead = list(task.leads) if task.kind == "task" else list(task.units)  # a content item: every unit on its own
    support = [u for u in task.units if u not in lead]
    return {"code": task.code, "text": task.text, "lead": lead, "support": support,
            "time_frame": task.time_frame, "due": describe_due(task, plan.year)}


def describe_due(task: Task, year: int) -> dict[str, Any]:
    """``{"kind", "dates"}``: the last days on time, ISO; kind date/milestones for dated rules."""
    return describe_rule(task.due, year)


def describe_rule(rule: DueRule, year: int) -> dict[str, Any]:
    """A due rule of a ``year`` plan as ``{"kind", "dates"}`` (what describe_due gives for a task)."""
    if rule.kind not in DATED_KINDS:
        return {"kind": rule.kind, "dates": []}
    dates = [m.deadline.isoformat() for m in rule.milestones(year) if m.deadline is not None]
    return {"kind": "date" if len(dates) == 1 else "milestones", "dates": dates}


def describe_reports(plan: Plan) -> list[dict[str, Any]]:
    """Every report of the plan's year in calendar order, then each stream's ad-hoc reports (no date)."""
    rows = [{"stream": r.stream.code, "period": r.period.id, "due_before": r.due_before.isoformat(),
             "rule": r.rule or r.due_text} for r in build_calendar(plan, plan.year)]
    rows += [{key: row[key] for key in ("stream", "period", "due_before", "rule")} for row in adhoc_rows(plan)]
    return rows


def list_plans(folder: Path | str = DEFAULT_FOLDER) -> list[dict[str, Any]]:
    """Every plan YAML of ``folder``: code, year, organisation, title, file, whether it loads, its first error.

    A plan that does not load is listed with the first problem found (never
    a traceback); its year is read from the file's ``year:`` line when there is one.
    """
    rows = []
    for path in plan_files(folder):
        try:
            plan = load_plan(path)
        except ReportkitError as exc:
            first = exc.problems[0] if exc.problems else exc
            rows.append({"code": path.stem, "year": read_plan_year(path), "organisation": "", "title": "",
                         "file": str(path), "loads": False, "error": first.render().splitlines()[0]})
            continue
        rows.append({"code": plan.code, "year": plan.year, "organisation": plan.issuer_name, "title": plan.title,
                     "file": str(path), "loads": True, "error": ""})
    return rows


def same_year_plans(rows: list[dict[str, Any]]) -> dict[int, list[str]]:
    """Years with more than one plan file in a ``list_plans`` listing: year → files (commands then need --plan)."""
    by_year: dict[int, list[str]] = {}
    for row in rows:
        if row["year"] is not None:
            by_year.setdefault(row["year"], []).append(row["file"])
    return {year: files for year, files in by_year.items() if len(files) > 1}


def format_plan_text(described: dict[str, Any], path: Path | str) -> str:
    """``plan show`` as text for a terminal: the plan, its units, every task with its due, every report."""
    from reportkit.fmt import render_text_table

    lines = [t("plan_show.head", organisation=described["organisation"], year=described["year"], file=path), "",
             t("plan_show.units", n=len(described["units"]))]
    units = [{**u, "aliases": ", ".join(u["aliases"])} for u in described["units"]]
    lines += [render_text_table(units, ["code", "name", "aliases"],
                                {k: t(f"plan_show.unit.{k}") for k in ("code", "name", "aliases")}), "",
              t("plan_show.tasks", n=len(described["tasks"]))]
    every_unit = [u["code"] for u in described["units"]]
    for task in described["tasks"]:
        lead = t("plan_show.every_unit") if len(every_unit) > 1 and task["lead"] == every_unit else ", ".join(task["lead"])
        lines.append(f"{task['code']:<9} {_shorten(task['text'], 100)}")
        lines.append(" " * 10 + " · ".join(part for part in (
            t("plan_show.lead", units=lead) if task["lead"] else "",
            t("plan_show.support", units=", ".join(task["support"])) if task["support"] else "",
            t("plan_show.time_frame", text=task["time_frame"]),
            t("plan_show.due", due=_due_text(task["due"]))) if part))
    reports = [{**r, "due_before": format_date(_iso(r["due_before"])) if r["due_before"] else "—"}
               for r in described["reports"]]
    lines += ["", t("plan_show.reports", n=len(reports)),
              render_text_table(reports, ["stream", "period", "due_before", "rule"],
                                {k: t(f"plan_show.report.{k}") for k in ("stream", "period", "due_before", "rule")})]
    return "\n".join(lines)


def format_plan_list(rows: list[dict[str, Any]]) -> str:
    """``plan list`` as a text table; a plan that does not load shows its first problem."""
    from reportkit.fmt import render_text_table

    shown = [{**r, "year": r["year"] if r["year"] is not None else "?",
              "loads": t("plan_list.ok") if r["loads"] else t("plan_list.error", error=r["error"])} for r in rows]
    columns = ["code", "year", "organisation", "title", "file", "loads"]
    return render_text_table(shown, columns, {k: t(f"plan_list.{k}") for k in columns})


def _due_text(due: dict[str, Any]) -> str:
    if due["dates"]:
        return ", ".join(format_date(_iso(d)) for d in due["dates"])
    return t(f"plan_show.due.{due['kind']}")


def _iso(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
