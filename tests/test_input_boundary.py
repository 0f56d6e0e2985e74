"""One input boundary: every route accepts and refuses the same run inputs, with the same message.

The same list of good and bad inputs goes through ``reportkit status``,
``reportkit run`` (refused before any kernel starts), ``reportkit batch
--deadline``, a params YAML file (``reportkit run --params``), the notebook
entry (``build_report``) and the Python API (``parse_run_inputs``). A bad input
must give, on every route where that parameter exists, the message that
``parse_run_inputs`` gives (parameter, value and fix); a good one must be read
into the same typed values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import pytest
import yaml

import reportkit.jobs.run as run_module
import reportkit.params as params_module
from reportkit.cli import main
from reportkit.errors import ParamsError, PeriodError, ReportkitError, SubmissionsError
from reportkit.params import check_deadlines, parse_run_inputs
from reportkit.report.period import build_report

from .conftest import PLAN_PATH, ROOT

SAMPLES = ROOT / "data" / "submissions" / "2024"
BASE = {"period": "2024-Q1", "stream": "dan-chu", "plan_path": str(PLAN_PATH)}
ALL = {"period", "stream", "plan_path", "submissions", "as_of", "deadlines", "number", "signed_on"}
# The parameters each route has (a case runs on the routes that have all of its parameters).
ROUTE_PARAMS = {
    "api": ALL,
    "notebook": ALL,
    "params_file": ALL,
    "run": ALL,
    "status": {"period", "stream", "plan_path", "submissions", "as_of", "deadlines"},
    "batch": {"deadlines"},  # --deadline; periods and streams are chosen by the calendar
}
NOPE = "__missing_folder__"

GOOD = {
    "defaults": {},
    "as_of_iso": {"as_of": "2024-02-20"},
    "as_of_day_first": {"as_of": "20/02/2024"},
    "deadline_iso": {"deadlines": {"III.7": "2024-08-15"}},
    "deadline_day_first": {"deadlines": {"III.7": "15/08/2024"}},
    "deadline_lower_case_code": {"deadlines": {"iii.7": "2024-08-15"}},
    "number": {"number": "25", "signed_on": "05/03/2024"},
}
BAD = {
    "bad_period": ({"period": "2024-Q5"}, "mã kỳ báo cáo '2024-Q5' không hợp lệ"),
    "period_of_another_year": ({"period": "2023-Q1"}, "kỳ 2023-Q1 nằm ngoài năm kế hoạch 2024"),
    "unknown_stream": ({"stream": "dan-xx"}, "kế hoạch không có loại báo cáo 'dan-xx'"),
    "stream_without_that_period": ({"period": "2024-Q2"}, "loại báo cáo 'dan-chu' không có báo cáo cho kỳ 2024-Q2"),
    "as_of_before_period_start": ({"period": "2024-M03", "stream": "dan-van", "as_of": "2024-02-20"},
                                  "'as_of' 2024-02-20 trước ngày bắt đầu kỳ 2024-M03 (2024-03-01)"),
    "as_of_in_another_year": ({"as_of": "2025-01-02"}, "ngày chốt số liệu 2025-01-02 nằm ngoài năm kế hoạch 2024"),
    "as_of_not_a_date": ({"as_of": "tomorrow"}, "'as_of' không phải là ngày hợp lệ"),
    "as_of_month_first": ({"as_of": "02/29/2024"}, "'as_of' không phải là ngày hợp lệ"),
    "deadline_impossible_iso": ({"deadlines": {"III.7": "2024-02-30"}}, "'deadlines.III.7' không phải là ngày hợp lệ"),
    "deadline_impossible_day_first": ({"deadlines": {"III.7": "31/06/2024"}}, "'deadlines.III.7' không phải là ngày hợp lệ"),
    "deadline_unknown_key": ({"deadlines": {"III.9": "2024-08-15"}}, "'deadlines' ghi mã nhiệm vụ 'III.9' không có trong kế hoạch"),
    "deadline_for_a_planned_task": ({"deadlines": {"III.2": "2024-08-15"}}, "'deadlines' ghi nhiệm vụ 'III.2'"),
    "missing_submissions_folder": ({"submissions": NOPE}, "không tìm thấy thư mục bảng theo dõi"),
    "number_with_symbol": ({"number": "25/BC-TTDVVL"}, "'number' chỉ ghi số"),
    "signed_on_not_a_date": ({"signed_on": "5 tháng 3"}, "'signed_on' không phải là ngày hợp lệ"),
}


class _Accepted(Exception):
    """Raised by the stand-in for the kernel step: the run got past the input checks."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A small submissions folder (two real workbooks)."""
    target = tmp_path_factory.mktemp("submissions")
    for name in ("hcth_2024-02-28.xlsx", "bhtn_2024-02-29.xlsx"):
        shutil.copy(SAMPLES / name, target / name)
    return target


@dataclasses.dataclass
class Seen:
    """What got past the boundary: every RunInputs it returned, and every kernel start of ``run``."""

    inputs: list = dataclasses.field(default_factory=list)
    kernel_starts: list = dataclasses.field(default_factory=list)


@pytest.fixture
def seen(monkeypatch) -> Seen:
    """Spies on the boundary; stops ``run`` where its kernel would start."""
    record = Seen()
    real = params_module.parse_run_inputs

    def spy(*args, **kwargs):
        record.inputs.append(real(*args, **kwargs))
        return record.inputs[-1]

    def no_kernel(params, *args, **kwargs):
        record.kernel_starts.append(params)
        raise _Accepted()

    monkeypatch.setattr(params_module, "parse_run_inputs", spy)
    monkeypatch.setattr(run_module, "parse_run_inputs", spy)
    monkeypatch.setattr(run_module, "_execute", no_kernel)
    return record


def inputs_of(raw: dict, folder, tmp_path) -> dict:
    out = {**BASE, "submissions": str(folder), **raw}
    if out["submissions"] == NOPE:
        out["submissions"] = str(tmp_path / "nope")
    return out


def cli_options(raw: dict) -> list[str]:
    names = {"period": "--period", "stream": "--stream", "plan_path": "--plan", "submissions": "--submissions",
             "as_of": "--as-of", "number": "--number", "signed_on": "--signed-on"}
    argv = [item for key, value in raw.items() if key in names for item in (names[key], str(value))]
    return argv + [item for code, day in raw.get("deadlines", {}).items() for item in ("--deadline", f"{code}={day}")]


class Routes:
    """Drives one raw mapping of inputs through each route; remembers what batch would have run."""

    def __init__(self, tmp_path, capsys, monkeypatch):
        from reportkit.jobs.batch import BatchSummary

        self.tmp_path, self.capsys, self.out = tmp_path, capsys, tmp_path / "outputs"
        self.batch_orgs: list = []
        self.exit_code: int | None = None  # of the last CLI route
        monkeypatch.setattr("reportkit.jobs.batch.run_batch", lambda orgs, **kw: self.batch_orgs.append(orgs) or
                            BatchSummary("", "", "", 1, "local", []))

    def run(self, route: str, raw: dict) -> tuple[bool, str]:
        """(accepted, the error text shown)."""
        try:
            if route == "api":
                parse_run_inputs(raw)
                return True, ""
            if route == "notebook":
                build_report(**raw)
                return True, ""
            code = self.exit_code = main(self.argv(route, raw))
        except _Accepted:
            return True, ""
        except ReportkitError as exc:
            return False, exc.render()
        return code in (0, 1), self.capsys.readouterr().err

    def argv(self, route: str, raw: dict) -> list[str]:
        if route == "params_file":
            path = self.tmp_path / "params.yaml"
            path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
            return ["run", "--params", str(path), "--output", str(self.out)]
        if route == "run":
            return ["run", *cli_options(raw), "--output", str(self.out)]
        if route == "status":
            return ["status", *cli_options(raw), "--format", "json"]
        return ["batch", "--plan", raw["plan_path"], "--submissions", raw["submissions"], "--output", str(self.out),
                "--through", "2024-03-05", *cli_options({"deadlines": raw.get("deadlines", {})})]


def routes_for(raw: dict) -> list[str]:
    return [route for route, names in ROUTE_PARAMS.items() if set(raw) <= names]


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_input_is_refused_with_the_same_message_on_every_route(name, folder, tmp_path, capsys, monkeypatch,
                                                                     seen):
    change, needle = BAD[name]
    raw = inputs_of(change, folder, tmp_path)
    with pytest.raises(ReportkitError) as info:
        parse_run_inputs(raw)
    problem = info.value
    assert needle in problem.message and problem.hint and problem.value is not None
    assert not problem.problems  # one bad input, one problem
    # The same message, value and fix on every route (the frame around them may be in the user's language).
    expected = [problem.message, repr(problem.value), problem.hint]
    routes = routes_for(change)
    assert {"api", "notebook", "params_file", "run"} <= set(routes)
    driver = Routes(tmp_path, capsys, monkeypatch)
    for route in routes:
        ok, shown = driver.run(route, raw)
        assert not ok, f"{route} accepted {change}"
        assert all(piece in shown for piece in expected), f"{route} said:\n{shown}"
        if route in ("params_file", "run", "status", "batch"):
            assert driver.exit_code == 3 and "Traceback" not in shown  # bad input: usage error, no traceback
    assert not seen.inputs  # nothing passed the boundary
    assert not seen.kernel_starts  # so no kernel was started
    assert not (tmp_path / "outputs").exists()  # and nothing written


@pytest.mark.parametrize("name", list(GOOD))
def test_a_good_input_is_read_into_the_same_values_on_every_route(name, folder, tmp_path, capsys, monkeypatch,
                                                                  seen):
    raw = inputs_of(GOOD[name], folder, tmp_path)
    expected = parse_run_inputs(raw)
    seen.inputs.clear()
    driver = Routes(tmp_path, capsys, monkeypatch)
    for route in routes_for(GOOD[name]):
        if route == "api":
            continue
        ok, shown = driver.run(route, raw)
        assert ok, f"{route} refused {GOOD[name]}:\n{shown}"
        if route == "batch":
            assert driver.batch_orgs[-1][0].deadlines == {k: v.isoformat() for k, v in expected.deadlines.items()}
            continue
        got = seen.inputs[-1]
        if route in ("run", "params_file"):
            assert seen.kernel_starts[-1] is got  # the kernel step gets the checked inputs
        assert (got.period, got.stream, got.as_of, got.as_of_given, got.deadlines) == (
            expected.period, expected.stream, expected.as_of, expected.as_of_given, expected.deadlines), route
        if route != "status":
            assert (got.number, got.signed_on) == (expected.number, expected.signed_on), route


def test_day_first_and_iso_dates_give_the_same_inputs(folder):
    iso = parse_run_inputs({**BASE, "submissions": str(folder), "as_of": "2024-02-20",
                            "deadlines": {"III.7": "2024-08-15"}})
    day_first = parse_run_inputs({**BASE, "submissions": str(folder), "as_of": "20/02/2024",
                                  "deadlines": {"III.7": dt.date(2024, 8, 15)}})
    assert iso == day_first
    assert iso.as_of == dt.date(2024, 2, 20) and iso.deadlines == {"III.7": dt.date(2024, 8, 15)}


def test_run_inputs_are_frozen_and_typed(folder):
    inputs = parse_run_inputs({**BASE, "submissions": str(folder), "number": 25})
    assert inputs.number == "25" and inputs.report.due_before == dt.date(2024, 3, 1)
    assert inputs.as_of == dt.date(2024, 2, 29) and not inputs.as_of_given  # the report's default cut-off
    with pytest.raises(dataclasses.FrozenInstanceError):
        inputs.as_of = dt.date(2024, 1, 1)


def test_status_without_a_stream_takes_the_period_end_as_cutoff(folder):
    inputs = parse_run_inputs({"period": "2024-Q1", "plan_path": str(PLAN_PATH), "submissions": str(folder)},
                              stream_required=False)
    assert inputs.stream is None and inputs.report is None and inputs.as_of == dt.date(2024, 3, 31)
    with pytest.raises(ParamsError, match="thiếu tham số bắt buộc 'stream'"):
        parse_run_inputs({"period": "2024-Q1", "plan_path": str(PLAN_PATH), "submissions": str(folder)})


def test_every_problem_is_listed_at_once(folder):
    with pytest.raises(ParamsError) as info:
        parse_run_inputs({**BASE, "submissions": str(folder), "as_of": "2025-01-02",
                          "deadlines": {"III.9": "x", "III.7": "31/06/2024"}, "number": "1/BC"})
    messages = [p.message for p in info.value.problems]
    assert len(messages) == 4 and "tham số báo cáo không hợp lệ: 4 lỗi" in info.value.render()


def test_a_lone_problem_keeps_its_kind_and_is_still_a_params_error(tmp_path):
    with pytest.raises(PeriodError) as info:
        parse_run_inputs({**BASE, "submissions": str(tmp_path), "period": "2023-Q1"})
    assert isinstance(info.value, ParamsError)
    with pytest.raises(SubmissionsError) as info:
        parse_run_inputs({**BASE, "submissions": str(tmp_path / "nope")})
    assert isinstance(info.value, ParamsError)


def test_batch_deadlines_are_checked_like_the_others(plan):
    assert check_deadlines({"iii.7": "15/08/2024"}, plan) == {"III.7": dt.date(2024, 8, 15)}
    with pytest.raises(ParamsError, match="'deadlines.III.7' không phải là ngày hợp lệ"):
        check_deadlines({"III.7": "2024-02-30"}, plan)


def test_the_engine_takes_typed_inputs_and_matches_the_api_wrapper(plan, folder):
    from reportkit.intake.reader import read_submissions
    from reportkit.status import assess, assess_tasks
    from reportkit.summary import build_summary, summarize_period

    subs = read_submissions(folder, plan)
    inputs = parse_run_inputs({**BASE, "submissions": str(folder), "deadlines": {"III.7": "2024-08-15"}})
    typed = assess_tasks(inputs, subs)
    loose = assess(plan, subs, "2024-Q1", as_of="29/02/2024", deadlines={"III.7": "15/08/2024"})
    assert typed.equals(loose)
    assert build_summary(inputs, subs).headline == summarize_period(
        plan, subs, "2024-Q1", "dan-chu", deadlines={"III.7": "2024-08-15"}).headline


def test_batch_refuses_a_deadline_option_it_would_ignore(tmp_path, capsys):
    config = tmp_path / "batch.yaml"
    config.write_text(f"organisations:\n  - {{code: a, plan: {PLAN_PATH}, submissions: {SAMPLES}}}\n", encoding="utf-8")
    code = main(["batch", "--config", str(config), "--deadline", "III.7=2024-08-15", "--output", str(tmp_path / "o")])
    assert code == 3 and "--deadline chỉ dùng cho một kế hoạch" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
