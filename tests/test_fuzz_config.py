"""Property-based fuzzing of the configuration readers: plan YAML, params YAML and run parameters.

Whatever the file or the parameters hold, reportkit answers with a
ReportkitError (naming the file, YAML path or parameter and how to fix it) or
with a valid result; never another exception, never a hang. Mutations start
from the real plan and params files: values replaced by other types, keys
deleted or duplicated, lines dropped, repeated, re-indented or salted with YAML
syntax (anchors, aliases, tags, flow brackets).
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportkit.errors import ReportkitError
from reportkit.messages import use_language
from reportkit.params import load_params_file, validate_params
from reportkit.periods import build_calendar
from reportkit.plan.load import load_plan

from .conftest import PLAN_PATH, ROOT

FUZZING = settings.get_current_profile_name() == "fuzz"
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PLAN_TEXT = PLAN_PATH.read_text(encoding="utf-8")
PLAN_DATA = yaml.safe_load(PLAN_TEXT)
PARAMS_TEXT = (ROOT / "params" / "2024-Q1-dan-chu.yaml").read_text(encoding="utf-8")


def examples(n: int) -> int:
    return settings.default.max_examples if FUZZING else n


def odd_scalars():
    return st.one_of(
        st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.text(max_size=20),
        st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
        st.sampled_from(["", " ", "quý V", "tháng 13", "tháng 0, tháng 6", "31/02/2024", "2024-02-30", "theo kế hoạch",
                         "thường xuyên", "../../etc", "/tmp/x", "dan-chu", "hcth", "III.7", "II.1.đ", "Q5", "M13",
                         "end", "H1", "9M", "Y", "2024-Q1", "∞", "\u202e", "{{ 7*7 }}", "<script>", "=1+1"]))


def odd_values():
    return st.one_of(odd_scalars(), st.lists(odd_scalars(), max_size=3),
                     st.dictionaries(st.sampled_from(["code", "name", "text", "kind", "due", "month", "day", "x"]),
                                     odd_scalars(), max_size=3))


def _slots(data, out):
    """Every (container, key) under ``data``."""
    if isinstance(data, dict):
        for key in list(data):
            out.append((data, key))
            _slots(data[key], out)
    elif isinstance(data, list):
        for i in range(len(data)):
            out.append((data, i))
            _slots(data[i], out)
    return out


@st.composite
def mutated_plan_data(draw) -> str:
    data = copy.deepcopy(PLAN_DATA)
    for _ in range(draw(st.integers(1, 6))):
        slots = _slots(data, [])
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        op = draw(st.sampled_from(["replace", "replace", "delete", "duplicate", "empty"]))
        if op == "replace":
            container[key] = draw(odd_values())
        elif op == "delete":
            del container[key]
        elif op == "duplicate" and isinstance(container, list):
            container.insert(key, copy.deepcopy(container[key]))
        else:
            container[key] = type(container[key])() if isinstance(container[key], (list, dict, str)) else None
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


SNIPPETS = [": ", "- ", "&a ", "*a", "!!binary ", "!!python/object:os.system ", "<<: *a", "{", "}", "[", "]", "'", '"',
            "\t", "%YAML 1.1\n", "---\n", "...\n", "? ", "#", "|", ">", "~", "null", "0x1F", "1e400", ".nan", "@",
            "`", "\u00a0", "\ufeff", "\u202e", "\x00", "\x85"]


@st.composite
def mutated_text(draw, text: str) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "repeat", "indent", "dedent", "salt", "swap", "cut"]))
        if op == "drop":
            del lines[at]
        elif op == "repeat":
            lines.insert(at, lines[at])
        elif op == "indent":
            lines[at] = "  " + lines[at]
        elif op == "dedent":
            lines[at] = lines[at].lstrip(" ")
        elif op == "salt":
            pos = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:pos] + draw(st.sampled_from(SNIPPETS)) + lines[at][pos:]
        elif op == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            lines = lines[:at]
    return "".join(lines)


def check_plan_file(path) -> None:
    """load_plan either gives a usable plan or raises ReportkitError, whatever the file (speed: bench --only hardening)."""
    try:
        plan = load_plan(path)
    except ReportkitError as exc:
        assert exc.render() and str(path) in exc.render()
    else:
        for report in build_calendar(plan, plan.year):
            assert report.due_before and report.stream.code
        for unit in plan.units:
            for task in plan.tasks_for_unit(unit.code):
                task.due.milestones(plan.year)


@settings(max_examples=examples(60), **SETTINGS)
@given(text=mutated_plan_data())
def test_plan_with_mutated_values_gives_a_plan_or_a_plan_error(text, tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    check_plan_file(path)


@settings(max_examples=examples(60), **SETTINGS)
@given(text=mutated_text(PLAN_TEXT))
def test_plan_with_mutated_text_gives_a_plan_or_a_plan_error(text, tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check_plan_file(path)


@pytest.mark.parametrize("extra, reason, reason_en", [
    ("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
     "mở rộng ra hơn 200.000 giá trị", "more than 200,000 values"),
    ("deep: " + "[" * 3000 + "]" * 3000 + "\n", "maximum nesting depth", "maximum nesting depth"),  # PyYAML's words
    ("self: &s [*s]\n", "trỏ tới chính nút chứa nó", "alias refers to the node that contains it"),
])
def test_plan_alias_bombs_and_deep_nesting_are_refused_before_expansion(extra, reason, reason_en, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN_TEXT + "\n" + extra, encoding="utf-8")
    with pytest.raises(ReportkitError) as info:
        load_plan(path)  # refused before the tree is walked; how fast: python -m bench --only hardening
    assert "plan.yaml" in info.value.render() and reason in info.value.render()
    with use_language("en"), pytest.raises(ReportkitError) as info:
        load_plan(path)
    assert reason_en in info.value.render()


@settings(max_examples=examples(60), **SETTINGS)
@given(text=mutated_text(PARAMS_TEXT))
def test_params_file_with_mutated_text_gives_a_dict_or_a_params_error(text, tmp_path_factory):
    path = tmp_path_factory.mktemp("params") / "params.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        raw = load_params_file(path)
    except ReportkitError:
        return
    assert isinstance(raw, dict)
    try:
        validate_params(raw, source=path)
    except ReportkitError as exc:
        assert exc.render()


PARAM_VALUES = {
    "period": st.one_of(st.sampled_from(["2024-Q1", "2024-M03", "2024-H1", "2024-9M", "2024", "2024-Q5", "2024-M13",
                                         "2025-Q1", "24-Q1", "2024-q1", " 2024-Q1 ", "../2024-Q1", "/tmp", "2024-H2",
                                         "２０２４-Q1"]), odd_scalars()),
    "stream": st.one_of(st.sampled_from(["dan-chu", "dan-van", "DAN-CHU", "../dan-chu", "/abs", "dan chu", ""]),
                        odd_scalars()),
    "plan_path": st.one_of(st.sampled_from([str(PLAN_PATH), "data/plan/ttdvvl-2024.yaml", "nope.yaml", str(ROOT),
                                            str(ROOT / "README.md")]), st.none()),
    "submissions": st.one_of(st.sampled_from(["data/submissions/2024", "nope", str(PLAN_PATH), "/"]), odd_scalars()),
    "as_of": st.one_of(st.sampled_from(["2024-03-01", "29/02/2024", "2024-02-30", "31/12/2023", "1/1/1"]),
                       odd_scalars()),
    "deadlines": st.one_of(st.dictionaries(st.sampled_from(["III.7", "iii 7", "III.1", "X", "III.7.a"]),
                                           odd_scalars(), max_size=3), odd_values()),
    "number": odd_scalars(),
    "signed_on": odd_scalars(),
}


@st.composite
def raw_params(draw) -> dict:
    raw = {}
    for name, values in PARAM_VALUES.items():
        if draw(st.integers(0, 3)):
            raw[name] = draw(values)
    if draw(st.integers(0, 5)) == 0:
        raw[draw(st.text(max_size=8))] = draw(odd_scalars())
    return raw


@settings(max_examples=examples(80), **SETTINGS)
@given(raw=raw_params())
def test_validate_params_raises_only_reportkit_errors(raw):
    try:
        params = validate_params(raw)
    except ReportkitError as exc:
        assert exc.render()
    else:
        assert params.period.id and params.stream in ("dan-chu", "dan-van")
        assert params.submissions.is_dir() and params.as_of >= params.period.start
