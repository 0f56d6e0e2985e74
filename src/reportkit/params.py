"""The one input boundary: the user inputs of a run, parsed and validated once.

Every route calls ``parse_run_inputs``: the CLI (``reportkit status``, ``run``,
``batch --deadline``, whose options are just a raw mapping), ``params/*.yaml``
files, the notebooks' parameters cell (through ``report.period.build_report``)
and the Python API (``parse_run_inputs``, ``validate_params`` and the wrappers
``status.assess`` and ``summary.summarize_period``). So they accept and refuse
exactly the same inputs, with the same message naming the parameter, the value
and the fix; the engine (``status.assess_tasks``, ``summary.build_summary``,
the report builders) takes the typed ``RunInputs`` only.

The names are the ``parameters`` cell of ``notebooks/period_report.ipynb`` and
the keys of ``params/*.yaml`` (usable unchanged with ``papermill -f``).
papermill only warns about unknown names and passes YAML dates as strings, so
everything is checked here, collecting every problem with the valid choices
(lazy validation), and dates are read whether they arrive as ``datetime.date``
(YAML), ISO text or day-first text; never month-first.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import (
    ParamsError,
    PeriodError,
    ReportkitError,
    SubmissionsError,
    _Collector,
)
from reportkit.messages import t
from reportkit.periods import DueReport, Period, build_calendar, find_report, parse_period
from reportkit.plan.load import Plan, find_plan, load_plan
from reportkit.plan.timeframes import GIVEN_DEADLINE_KINDS
from reportkit.safeyaml import load_yaml, yaml_problem
from reportkit.text import normalize_code

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
class RunInputs:
    """The checked inputs of one run: typed, paths absolute, dates parsed (built by ``parse_run_inputs``)."""

    plan: Plan
    period: Period
    stream: str | None  # None only for ``reportkit status`` without --stream
    report: DueReport | None  # the stream's report for the period (None without a stream)
    as_of: dt.date  # the data cut-off actually used
    as_of_given: bool  # False: the default cut-off (the report's, else the period end)
    deadlines: dict[str, dt.date] = field(default_factory=dict)  # external/unknown task code → deadline
    submissions: Path | None = None  # None when the caller passes submissions already read
    number: str | None = None
    signed_on: dt.date | None = None

    @property
    def plan_path(self) -> Path:
        """The plan file, absolute."""
        return Path(self.plan.path).resolve()

    def as_notebook_parameters(self) -> dict[str, Any]:
        """Plain JSON values for papermill to inject (dates as ISO text)."""
        return {
            "period": self.period.id,
            "stream": self.stream,
            "plan_path": str(self.plan_path),
            "submissions": str(self.submissions) if self.submissions else None,
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


ReportParams = RunInputs  # the former name, kept for callers of validate_params


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
    raise ParamsError(t("inputs.bad_date", name=name), value=value, hint=t("inputs.bad_date.fix"))


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
    path = Path(value)
    try:
        path = path.expanduser()
    except RuntimeError:  # "~name" of a user that does not exist: keep the name as written (it will not be found)
        pass
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
    parsed and checked by ``parse_run_inputs``.
    """
    import yaml

    path = Path(path)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"), _text_date_loader())
    except FileNotFoundError:
        raise ParamsError(t("inputs.file_not_found"), path=path, hint=t("inputs.file_not_found.fix")) from None
    except yaml.YAMLError as exc:
        raise yaml_problem(exc, ParamsError, path, t("inputs.file_yaml.fix")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ParamsError(t("inputs.file_unreadable", detail=exc), path=path,
                          hint=t("inputs.file_unreadable.fix")) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ParamsError(t("inputs.file_not_mapping"), path=path, hint=t("inputs.not_mapping.fix"))
    return raw


def _add(problems: _Collector, error_class: type[ReportkitError], message: str, **where: Any) -> None:
    """Collect a problem of a given class (a lone problem is raised as itself: PeriodError, SubmissionsError, …)."""
    where.setdefault("path", problems.path)
    problems.problems.append(error_class(message, **where))


def _blank(value: Any) -> bool:
    """Not given: None (a blank YAML value) or empty text."""
    return value is None or (isinstance(value, str) and value == "")


def parse_run_inputs(
    raw: Mapping[str, Any],
    *,
    plan: Plan | None = None,
    base_dir: str | os.PathLike | None = None,
    source: str | os.PathLike | None = None,
    stream_required: bool = True,
    folder_required: bool = True,
) -> RunInputs:
    """Parse and check the inputs of a run (names as in PARAMETERS) into one typed RunInputs.

    Checks, collecting every problem: unknown names (with the valid ones),
    period form and plan year, stream code (with the plan's streams) and
    whether it has a report for the period (with its periods), dates (as_of,
    signed_on; ISO or day-first), the cut-off within the plan's year and not
    before the period starts, deadlines (external task codes, dates), number,
    and that the submissions folder exists. ``plan`` skips loading
    ``plan_path``; ``base_dir`` is where relative paths are read after the
    current folder (default: the project folder); ``source`` names the params
    file in messages. ``stream_required=False`` (``reportkit status``) lets
    the stream be absent (cut-off default: the period end);
    ``folder_required=False`` (callers that pass submissions already read)
    leaves ``submissions`` None unless given. Raises the lone problem itself
    (ParamsError or its children PeriodError, SubmissionsError; PlanError for
    the plan file), or a ParamsError listing them all.
    """
    problems = _Collector(ParamsError, path=str(source) if source is not None else None)
    raw = _check_names(raw, problems, REQUIRED if stream_required else ("period",))
    root = Path(base_dir).resolve() if base_dir is not None else find_project_root()
    plan = plan if plan is not None else _load_plan(raw.get("plan_path"), root, problems)
    period = _check_period(raw.get("period"), plan, problems)
    stream = _check_stream(raw.get("stream"), plan, problems)
    report = _check_report(plan, period, stream, problems)
    as_of = _check_date(raw, "as_of", problems)
    signed_on = _check_date(raw, "signed_on", problems)
    if as_of is not None:
        _check_cutoff(as_of, raw["as_of"], plan, period, report, problems)
    deadlines = _check_deadlines(raw.get("deadlines"), plan, problems)
    number = _check_number(raw.get("number"), plan, problems)
    year = period.year if period is not None else plan.year
    submissions = _check_folder(raw.get("submissions"), year, root, folder_required, problems)
    problems.raise_if_any(t("inputs.invalid"))
    default_cutoff = report.default_cutoff if report is not None else period.end
    return RunInputs(plan=plan, period=period, stream=stream, report=report, as_of=as_of or default_cutoff,
                     as_of_given=as_of is not None, deadlines=deadlines, submissions=submissions,
                     number=number, signed_on=signed_on)


def validate_params(raw: Mapping[str, Any], *, source: str | os.PathLike | None = None, plan=None) -> RunInputs:
    """The inputs of a period report (stream and submissions folder required): ``parse_run_inputs``.

    Kept under its former name for the public API (``reportkit.validate_params``).
    """
    return parse_run_inputs(raw, plan=plan, source=source)


def check_deadlines(value: Any, plan: Plan, *, source: str | os.PathLike | None = None) -> dict[str, dt.date]:
    """Only the ``deadlines`` input (for ``reportkit batch --deadline``), checked as ``parse_run_inputs`` does."""
    problems = _Collector(ParamsError, path=str(source) if source is not None else None)
    out = _check_deadlines(value, plan, problems)
    problems.raise_if_any(t("inputs.invalid"))
    return out


def _check_names(raw: Mapping[str, Any], problems: _Collector, required: tuple[str, ...]) -> dict[str, Any]:
    """Unknown and missing names; paths that are not text. Returns a copy with bad paths dropped."""
    if not isinstance(raw, Mapping):
        _add(problems, ParamsError, t("inputs.not_mapping"), value=raw, hint=t("inputs.not_mapping.fix"))
        problems.raise_if_any(t("inputs.invalid"))
    raw = dict(raw)
    for key in sorted((k for k in raw if k not in PARAMETERS), key=str):
        _add(problems, ParamsError, t("inputs.unknown_name", key=key), value=raw[key],
             hint=t("inputs.unknown_name.fix", names=", ".join(PARAMETERS)))
    for key in required:
        if _blank(raw.get(key)):
            _add(problems, ParamsError, t("inputs.missing", key=key),
                 hint=t("inputs.missing.fix", key=key, meaning=t(f"opt.{key}")))
    for key in ("plan_path", "submissions"):  # paths: text only (a YAML number or list is a slip)
        if not _blank(raw.get(key)) and not isinstance(raw[key], (str, os.PathLike)):
            _add(problems, ParamsError, t("inputs.not_path", key=key), value=raw[key],
                 hint=t("inputs.not_path.fix", key=key, example=_PATH_EXAMPLES[key]))
            raw[key] = None
        elif not _blank(raw.get(key)) and "\x00" in os.fspath(raw[key]):  # the OS refuses such a name
            _add(problems, ParamsError, f"'{key}' holds a NUL character", value=repr(os.fspath(raw[key])),
                 hint=f"e.g. {key}: {_PATH_EXAMPLES[key]}")
            raw[key] = None
    return raw


def _load_plan(value: Any, root: Path | None, problems: _Collector) -> Plan:
    """The plan from ``plan_path`` (default: the single plan in data/plan/); a plan error stops here."""
    try:
        path = resolve_path(value, root) if not _blank(value) else find_plan(root / PLAN_DIR if root else PLAN_DIR)
        return load_plan(path)
    except ReportkitError as exc:  # nothing else can be checked without the plan
        problems.problems.append(exc)
    problems.raise_if_any(t("inputs.invalid"))
    raise AssertionError("unreachable: a problem was collected")


def _check_period(value: Any, plan: Plan, problems: _Collector) -> Period | None:
    if _blank(value):
        return None
    if isinstance(value, Period):
        period = value
    else:
        try:
            period = parse_period(str(value))
        except PeriodError as exc:
            _add(problems, PeriodError, exc.message, value=value, hint=exc.hint)
            return None
    if period.year != plan.year:
        _add(problems, PeriodError, t("inputs.period_other_year", period=period.id, year=plan.year), value=period.id,
             hint=t("inputs.period_other_year.fix", year=plan.year, other=period.year))
        return None
    return period


def _check_stream(value: Any, plan: Plan, problems: _Collector) -> str | None:
    if _blank(value):
        return None
    stream = str(value).strip()
    if stream not in [s.code for s in plan.streams]:
        _add(problems, ParamsError, t("inputs.unknown_stream", stream=stream), value=value,
             hint=t("inputs.unknown_stream.fix", streams=", ".join(f"{s.code} ({s.short_name})" for s in plan.streams)))
        return None
    return stream


def _check_report(plan: Plan, period: Period | None, stream: str | None, problems: _Collector) -> DueReport | None:
    if period is None or stream is None:
        return None
    try:
        return find_report(plan, period, stream)
    except PeriodError as exc:
        _add(problems, PeriodError, exc.message, value=period.id, hint=exc.hint)
        return None


def _check_date(raw: Mapping[str, Any], name: str, problems: _Collector) -> dt.date | None:
    if _blank(raw.get(name)):
        return None
    try:
        return parse_date_value(raw[name], name)
    except ParamsError as exc:
        _add(problems, ParamsError, exc.message, value=raw[name], hint=exc.hint)
        return None


def _check_cutoff(as_of: dt.date, value: Any, plan: Plan, period: Period | None, report: DueReport | None,
                  problems: _Collector) -> None:
    """The cut-off lies in the plan's year (or up to the last day of a report due in the next year),
    on or after the first day of the period."""
    last = _last_cutoff(plan, period, report)
    if not dt.date(plan.year, 1, 1) <= as_of <= last:
        message = "inputs.cutoff_other_year" if last.year == plan.year else "inputs.cutoff_after_report"
        _add(problems, PeriodError, t(message, date=as_of.isoformat(), year=plan.year, last=last.isoformat()),
             value=value, hint=t(message + ".fix", year=plan.year, last=last.isoformat()))
    elif period is not None and as_of < period.start:
        _add(problems, PeriodError,
             t("inputs.cutoff_before_period", date=as_of.isoformat(), period=period.id, start=period.start.isoformat()),
             value=value, hint=t("inputs.cutoff_before_period.fix"))


def _last_cutoff(plan: Plan, period: Period | None, report: DueReport | None) -> dt.date:
    """The latest cut-off allowed: the plan's last day, or the last day of a report due in the next year."""
    year_end = dt.date(plan.year, 12, 31)
    if report is not None:
        return max(year_end, report.last_day)
    if period is not None and period.year == plan.year:  # no stream given: any report of the period
        return max([year_end] + [r.last_day for r in build_calendar(plan, period.year) if r.period == period])
    return year_end


def _check_deadlines(value: Any, plan: Plan, problems: _Collector) -> dict[str, dt.date]:
    """Deadlines of 'theo kế hoạch của cấp trên' tasks and of tasks whose time frame names no date (kinds
    external and unknown) by canonical code; a deadline that would do nothing is refused."""
    if value is None or (isinstance(value, (str, Mapping)) and not value):
        return {}
    external = [t.code for t in plan.tasks if t.due.kind in GIVEN_DEADLINE_KINDS]
    choices = ", ".join(external) if external else t("inputs.no_external_task")
    if not isinstance(value, Mapping):
        _add(problems, ParamsError, t("inputs.deadlines_not_mapping"), value=value,
             hint=t("inputs.deadlines_not_mapping.fix", choices=choices))
        return {}
    out: dict[str, dt.date] = {}
    for key, day in value.items():
        code = normalize_code(key)
        if code not in plan.task_codes:
            _add(problems, ParamsError, t("inputs.deadline_unknown_task", key=key), value=key,
                 hint=t("inputs.deadline.fix", choices=choices))
        elif code not in external:
            _add(problems, ParamsError,
                 t("inputs.deadline_not_external", key=key, code=code, time_frame=plan.task(code).time_frame),
                 value=key, hint=t("inputs.deadline.fix", choices=choices))
        else:
            try:
                out[code] = parse_date_value(day, f"deadlines.{key}")
            except ParamsError as exc:
                _add(problems, ParamsError, exc.message, value=day, hint=exc.hint)
    return out


def _check_number(number: Any, plan: Plan, problems: _Collector) -> str | None:
    if number is None:
        return None
    if isinstance(number, bool) or not isinstance(number, (str, int)):
        _add(problems, ParamsError, t("inputs.number_type"), value=number, hint=t("inputs.number_type.fix"))
        return None
    text = str(number).strip() or None
    if text and "/" in text:
        _add(problems, ParamsError, t("inputs.number_symbol"), value=number,
             hint=t("inputs.number_symbol.fix", symbol=plan.report_symbol))
        return None
    return text


def _check_folder(value: Any, year: int, root: Path | None, required: bool, problems: _Collector) -> Path | None:
    """The submissions folder (default data/submissions/<year>), which must exist."""
    if _blank(value):
        if not required:
            return None
        value = Path("data") / "submissions" / str(year)
    folder = resolve_path(value, root)
    if not folder.is_dir():
        _add(problems, SubmissionsError, t("inputs.no_folder"), value=str(value), hint=t("inputs.no_folder.fix"))
    return folder
