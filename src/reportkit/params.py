"""Report parameters: validated before any kernel starts.

The same names are the ``parameters`` cell of ``notebooks/period_report.ipynb``
and the keys of ``params/*.yaml`` (usable unchanged with ``papermill -f``).
papermill only warns about unknown names and passes YAML dates as strings, so
reportkit checks everything here, collecting every problem with the valid
choices, and parses dates whether they arrive as ``datetime.date`` (YAML),
ISO text or day-first text.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from reportkit.errors import ParamsError, ReportkitError, _Collector
from reportkit.safeyaml import load_yaml, yaml_problem

# Name → what it means; the order is the order of the notebook's parameters cell.
PARAMETERS: dict[str, str] = {
    "period": "kỳ báo cáo, e.g. 2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024",
    "stream": "luồng báo cáo (report stream code of the plan), e.g. dan-chu, dan-van",
    "plan_path": "plan YAML (default: the single *.yaml in data/plan/)",
    "submissions": "folder of department workbooks (default: data/submissions/<year>)",
    "as_of": "ngày chốt số liệu, YYYY-MM-DD (default: the day before the report deadline)",
    "deadlines": "deadlines of 'theo kế hoạch của cấp trên' tasks: {task code: YYYY-MM-DD}",
    "number": "document number for 'Số: …/BC-…' (blank dotted placeholder when not given)",
    "signed_on": "date of the document, YYYY-MM-DD (blank dotted placeholder when not given)",
}
REQUIRED = ("period", "stream")
_PATH_EXAMPLES = {"plan_path": "data/plan/ttdvvl-2024.yaml", "submissions": "data/submissions/2024"}
PLAN_DIR = Path("data") / "plan"


@dataclass(frozen=True)
class ReportParams:
    """Checked parameters of one period report (paths absolute, dates parsed)."""

    period: Any  # periods.Period
    stream: str
    plan_path: Path
    submissions: Path
    as_of: dt.date  # the data cut-off actually used
    as_of_given: bool  # False: the report's default cut-off
    deadlines: dict[str, dt.date] = field(default_factory=dict)
    number: str | None = None
    signed_on: dt.date | None = None
    report: Any = None  # periods.DueReport
    plan: Any = None  # plan.Plan

    def as_notebook_parameters(self) -> dict[str, Any]:
        """Plain JSON values for papermill to inject (dates as ISO text)."""
        return {
            "period": self.period.id,
            "stream": self.stream,
            "plan_path": str(self.plan_path),
            "submissions": str(self.submissions),
            "as_of": self.as_of.isoformat() if self.as_of_given else None,
            "deadlines": {code: day.isoformat() for code, day in self.deadlines.items()},
            "number": self.number,
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
        }

    def as_manifest(self) -> dict[str, Any]:
        """The parameters as recorded in a run manifest."""
        out = self.as_notebook_parameters()
        out["as_of"] = self.as_of.isoformat()
        out["as_of_source"] = "given" if self.as_of_given else "default (day before the report deadline)"
        out["due_before"] = self.report.due_before.isoformat() if self.report else None
        return out


def parse_date_value(value: Any, name: str) -> dt.date:
    """A date from YAML (date object), ISO text (2024-03-05) or day-first text (05/03/2024).

    Raises ParamsError naming the parameter; never guesses month-first.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        parts = text.replace("-", "/").replace(".", "/").split("/")
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) <= 2:
            d, m, y = (int(p) for p in parts)
            try:
                return dt.date(y if y > 99 else 2000 + y, m, d)
            except ValueError:
                pass
    raise ParamsError(
        f"'{name}' is not a valid date",
        value=value,
        hint="write YYYY-MM-DD (e.g. 2024-02-29) or dd/mm/yyyy (e.g. 29/02/2024)",
    )


def find_project_root(start: Path | str | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: cwd) that holds ``data/plan``.

    Lets the notebooks run from ``notebooks/`` in JupyterLab as well as from
    the project folder with papermill.
    """
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PLAN_DIR).is_dir():
            return folder
    return None


def resolve_path(value: str | os.PathLike, root: Path | None = None) -> Path:
    """An input path: as given when it exists from cwd, else relative to the project root."""
    path = Path(value).expanduser()
    if path.is_absolute() or path.exists():
        return path.resolve()
    root = root or find_project_root()
    if root is not None and (root / path).exists():
        return (root / path).resolve()
    return path.resolve()


def _text_date_loader():
    """A safe YAML loader that keeps dates as text (validated later, never a crash on 2024-02-30)."""
    import yaml

    class TextDateLoader(yaml.SafeLoader):
        pass

    TextDateLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextDateLoader


def load_params_file(path: str | os.PathLike) -> dict[str, Any]:
    """Read a papermill-style params YAML into a dict (ParamsError when unreadable).

    Dates stay text here, as papermill passes them to the notebook; they are
    parsed and checked by ``validate_params``.
    """
    import yaml

    path = Path(path)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"), _text_date_loader())
    except FileNotFoundError:
        raise ParamsError("params file not found", path=path, hint="check the path given to --params") from None
    except yaml.YAMLError as exc:
        raise yaml_problem(exc, ParamsError, path, "fix the YAML syntax at that line") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ParamsError(f"cannot read params file: {exc}", path=path, hint="save it as UTF-8 text") from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ParamsError("a params file must be a YAML mapping of name: value", path=path,
                          hint="e.g. 'period: 2024-Q1' and 'stream: dan-chu' on their own lines")
    return raw


def validate_params(raw: Mapping[str, Any], *, source: str | os.PathLike | None = None, plan=None) -> ReportParams:
    """Check run parameters and return them parsed; ParamsError lists every problem.

    Checks: unknown names (with the valid ones), period form and whether the
    stream has a report for it (with the stream's periods), stream code (with
    the plan's streams), dates (as_of, signed_on, deadlines), deadline task
    codes (with the plan's 'theo kế hoạch của cấp trên' tasks), and that the
    submissions folder exists. ``source`` names the params file in messages.
    """
    from reportkit.periods import find_report, parse_period
    from reportkit.plan.load import load_plan

    where = str(source) if source is not None else None
    errors = _Collector(ParamsError, path=where)
    raw = dict(raw)
    unknown = sorted(k for k in raw if k not in PARAMETERS)
    for key in unknown:
        errors.add(f"unknown parameter '{key}'", value=raw[key],
                   hint="valid parameters are: " + ", ".join(PARAMETERS))
    for key in REQUIRED:
        if raw.get(key) in (None, ""):
            errors.add(f"missing required parameter '{key}'", hint=f"give {key}: {PARAMETERS[key]}")

    root = find_project_root()
    for key in ("plan_path", "submissions"):  # paths: text only (a YAML number or list is a slip)
        if raw.get(key) not in (None, "") and not isinstance(raw[key], (str, os.PathLike)):
            errors.add(f"'{key}' must be a path (text)", value=raw[key], hint=f"e.g. {key}: {_PATH_EXAMPLES[key]}")
            raw[key] = None
    if plan is None:
        plan_value = raw.get("plan_path")
        try:
            plan = load_plan(resolve_path(plan_value, root) if plan_value else _default_plan(root))
        except ReportkitError as exc:
            errors.problems.append(exc)
            errors.raise_if_any("invalid report parameters")
    plan_path = Path(plan.path).resolve()

    period = stream = report = None
    if raw.get("period") not in (None, ""):
        try:
            period = parse_period(str(raw["period"]))
        except ReportkitError as exc:
            errors.add(exc.message, value=raw["period"], hint=exc.hint)
    if raw.get("stream") not in (None, ""):
        stream = str(raw["stream"]).strip()
        codes = [s.code for s in plan.streams]
        if stream not in codes:
            errors.add(f"unknown report stream '{stream}'", value=raw["stream"],
                       hint="use one of: " + ", ".join(f"{s.code} ({s.short_name})" for s in plan.streams))
            stream = None
    if period is not None and stream is not None:
        try:
            report = find_report(plan, period, stream)
        except ReportkitError as exc:
            errors.add(exc.message, value=period.id, hint=exc.hint)

    def date_param(name: str) -> dt.date | None:
        if raw.get(name) in (None, ""):
            return None
        try:
            return parse_date_value(raw[name], name)
        except ParamsError as exc:
            errors.add(exc.message, value=raw[name], hint=exc.hint)
            return None

    as_of = date_param("as_of")
    signed_on = date_param("signed_on")
    if as_of is not None and period is not None and as_of < period.start:
        errors.add(f"'as_of' {as_of.isoformat()} is before the period {period.id} starts ({period.start.isoformat()})",
                   value=raw["as_of"], hint="the cut-off must fall on or after the first day of the period")

    deadlines = _check_deadlines(raw.get("deadlines"), plan, errors)

    number = raw.get("number")
    if number is not None:
        if isinstance(number, bool) or not isinstance(number, (str, int)):
            errors.add("'number' must be text or a whole number", value=number, hint="e.g. number: 25")
            number = None
        else:
            number = str(number).strip() or None
            if number and "/" in number:
                errors.add("'number' is only the number; the symbol is added from the plan", value=number,
                           hint=f"write e.g. 25 (printed as 'Số: 25/{plan.report_symbol}')")

    year = period.year if period is not None else plan.year
    sub_value = raw.get("submissions") or Path("data") / "submissions" / str(year)
    submissions = resolve_path(sub_value, root)
    if not submissions.is_dir():
        errors.add("submissions folder not found", value=str(sub_value),
                   hint="give submissions: the folder holding the department workbooks "
                        "(a relative path is read from the current folder, then from the project folder)")

    errors.raise_if_any("invalid report parameters")
    return ReportParams(
        period=period,
        stream=stream,
        plan_path=plan_path,
        submissions=submissions,
        as_of=as_of or report.default_cutoff,
        as_of_given=as_of is not None,
        deadlines=deadlines,
        number=number,
        signed_on=signed_on,
        report=report,
        plan=plan,
    )


def _default_plan(root: Path | None) -> Path:
    from reportkit.plan.load import find_plan

    return find_plan(root / PLAN_DIR if root else PLAN_DIR)


def _check_deadlines(value: Any, plan, errors: _Collector) -> dict[str, dt.date]:
    from reportkit.text import normalize_code

    if value in (None, "", {}):
        return {}
    external = [t.code for t in plan.tasks if t.due.kind == "external"]
    choices = ", ".join(external) if external else "(the plan has no such task)"
    if not isinstance(value, Mapping):
        errors.add("'deadlines' must map task codes to dates", value=value,
                   hint="e.g. deadlines: {III.7: 2024-06-30}; tasks that take one: " + choices)
        return {}
    out: dict[str, dt.date] = {}
    for key, day in value.items():
        code = normalize_code(key)
        if code not in external:
            errors.add(f"'deadlines' names task '{key}', which has no 'theo kế hoạch của cấp trên' deadline",
                       value=key, hint="tasks that take a deadline here: " + choices)
            continue
        try:
            out[code] = parse_date_value(day, f"deadlines.{key}")
        except ParamsError as exc:
            errors.add(exc.message, value=day, hint=exc.hint)
    return out
