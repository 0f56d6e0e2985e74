"""Run parameters are checked before any kernel starts, with every problem and the valid choices."""

from __future__ import annotations

import datetime as dt

import pytest

from reportkit.errors import ParamsError, PlanError
from reportkit.params import (PARAMETERS, find_project_root, load_params_file, parse_date_value,
                              validate_params)

from .conftest import DATA, PLAN_PATH, ROOT

PARAMS = DATA / "params"


def check(raw: dict, tmp_path, **kw):
    base = {"plan_path": str(PLAN_PATH), "submissions": str(tmp_path)}
    return validate_params({**base, **raw}, **kw)


def problems_of(exc: ParamsError) -> list[str]:
    return [p.render() for p in exc.problems] or [exc.render()]


def test_good_params_give_the_report_and_its_default_cutoff(tmp_path):
    params = check({"period": "2024-Q1", "stream": "dan-chu"}, tmp_path)
    assert params.period.id == "2024-Q1" and params.stream == "dan-chu"
    assert params.report.due_before == dt.date(2024, 3, 1)
    assert params.as_of == dt.date(2024, 2, 29) and not params.as_of_given
    assert params.as_notebook_parameters()["as_of"] is None
    assert params.as_manifest()["as_of"] == "2024-02-29"


def test_year_only_period_from_yaml_integer(tmp_path):
    params = check({"period": 2024, "stream": "dan-van"}, tmp_path)
    assert params.period.id == "2024" and params.report.due_before == dt.date(2024, 11, 20)


def test_dates_arriving_as_text_from_papermill_are_parsed(tmp_path):
    raw = load_params_file(PARAMS / "dates_as_text.yaml")
    params = check(raw, tmp_path)
    assert raw["signed_on"] == "2024-03-05"  # text, as papermill passes it
    assert params.as_of == dt.date(2024, 2, 29) and params.as_of_given
    assert params.signed_on == dt.date(2024, 3, 5)
    assert params.deadlines == {"III.7": dt.date(2024, 6, 30)}
    assert params.number == "25"
    injected = params.as_notebook_parameters()
    assert injected["as_of"] == "2024-02-29" and injected["deadlines"] == {"III.7": "2024-06-30"}


@pytest.mark.parametrize("value, expected", [
    (dt.date(2024, 3, 5), dt.date(2024, 3, 5)),
    (dt.datetime(2024, 3, 5, 14, 0), dt.date(2024, 3, 5)),
    ("2024-03-05", dt.date(2024, 3, 5)),
    ("05/03/2024", dt.date(2024, 3, 5)),
    ("5/3/24", dt.date(2024, 3, 5)),
    ("05.03.2024", dt.date(2024, 3, 5)),
])
def test_dates_are_read_day_first(value, expected):
    assert parse_date_value(value, "as_of") == expected


@pytest.mark.parametrize("value", ["2024-02-30", "31/06/2024", "03/25/2024", "tomorrow", 20240305, ""])
def test_impossible_or_month_first_dates_are_refused_with_the_forms(value):
    with pytest.raises(ParamsError) as info:
        parse_date_value(value, "as_of")
    assert "'as_of' không phải là ngày hợp lệ" in info.value.render()
    assert "YYYY-MM-DD" in info.value.hint


def test_unknown_key_lists_the_valid_parameters(tmp_path):
    raw = load_params_file(PARAMS / "unknown_key.yaml")
    with pytest.raises(ParamsError) as info:
        check(raw, tmp_path, source=PARAMS / "unknown_key.yaml")
    text = info.value.render()
    assert "'submisions' không phải là tham số của báo cáo" in text
    assert "các tham số hợp lệ: " + ", ".join(PARAMETERS) in text
    assert "unknown_key.yaml" in text


def test_every_bad_value_is_reported_at_once_with_choices(tmp_path):
    raw = load_params_file(PARAMS / "bad_values.yaml")
    with pytest.raises(ParamsError) as info:
        check(raw, tmp_path)
    problems = "\n".join(problems_of(info.value))
    assert "mã kỳ báo cáo '2024-Q5' không hợp lệ" in problems and "YYYY-Q1…YYYY-Q4" in problems
    assert "kế hoạch không có loại báo cáo 'dan-vn'" in problems and "dan-chu (Công tác dân chủ)" in problems
    assert "'as_of' không phải là ngày hợp lệ" in problems
    assert "'signed_on' không phải là ngày hợp lệ" in problems
    assert "ghi nhiệm vụ 'III.2'" in problems and "các nhiệm vụ nhận thời hạn ở đây: III.7" in problems
    assert "'deadlines.III.7' không phải là ngày hợp lệ" in problems
    assert "'number' chỉ ghi số" in problems and "Số: 25/BC-TTDVVL" in problems
    assert len(info.value.problems) == 7


def test_stream_without_that_period_lists_its_periods(tmp_path):
    raw = load_params_file(PARAMS / "wrong_stream_for_period.yaml")
    with pytest.raises(ParamsError) as info:
        check(raw, tmp_path)
    text = info.value.render()
    assert "loại báo cáo 'dan-chu' không có báo cáo cho kỳ 2024-M03" in text
    assert "2024-Q1, 2024-H1, 2024-9M, 2024" in text


def test_missing_required_and_cutoff_before_period(tmp_path):
    with pytest.raises(ParamsError) as info:
        check({"period": "2024-Q2", "as_of": "2024-03-01"}, tmp_path)
    problems = "\n".join(problems_of(info.value))
    assert "thiếu tham số bắt buộc 'stream'" in problems
    assert "'as_of' 2024-03-01 trước ngày bắt đầu kỳ 2024-Q2 (2024-04-01)" in problems


def test_missing_submissions_folder_is_a_params_error(tmp_path):
    with pytest.raises(ParamsError) as info:
        validate_params({"period": "2024-Q1", "stream": "dan-chu", "plan_path": str(PLAN_PATH),
                         "submissions": str(tmp_path / "nope")})
    assert "không tìm thấy thư mục bảng theo dõi" in info.value.render()


def test_unknown_plan_is_a_plan_error_naming_the_file(tmp_path):
    with pytest.raises(PlanError) as info:
        validate_params({"period": "2024-Q1", "stream": "dan-chu", "plan_path": str(tmp_path / "x.yaml"),
                         "submissions": str(tmp_path)})
    assert "không tìm thấy tệp kế hoạch" in info.value.render()


@pytest.mark.parametrize("name, needle", [
    ("not_yaml.yaml", "không phải YAML hợp lệ"),
    ("not_mapping.yaml", "phải là một bảng YAML"),
    ("absent.yaml", "không tìm thấy tệp tham số"),
])
def test_unreadable_params_files_name_the_file(name, needle):
    with pytest.raises(ParamsError) as info:
        load_params_file(PARAMS / name)
    assert needle in info.value.render() and name in info.value.render()


def test_project_root_is_found_from_the_notebooks_folder():
    assert find_project_root(ROOT / "notebooks") == ROOT


@pytest.mark.parametrize("path", sorted((ROOT / "params").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_params_files_use_only_known_keys_and_valid_values(path, tmp_path):
    raw = load_params_file(path)
    assert set(raw) <= set(PARAMETERS)
    params = check({k: v for k, v in raw.items() if k != "submissions"}, tmp_path)
    assert params.period.id == str(raw["period"])


@pytest.mark.parametrize("key", ["plan_path", "submissions"])
def test_a_path_with_a_nul_character_is_a_params_error_not_a_crash(key):
    # found by the config fuzz test: the OS refuses such a name with ValueError
    from reportkit.errors import ParamsError
    from reportkit.params import validate_params

    with pytest.raises(ParamsError, match="NUL character"):
        validate_params({"period": "2024-Q1", "stream": "dan-chu", key: "data/\x00sub"})


def test_a_tilde_path_of_an_unknown_user_is_a_missing_folder_not_a_crash():
    # found by the config fuzz test: Path("~0").expanduser() raises RuntimeError
    from reportkit.errors import ParamsError
    from reportkit.params import validate_params

    with pytest.raises(ParamsError) as caught:
        validate_params({"period": "2024-Q1", "stream": "dan-chu", "submissions": "~no-such-user-rk/x"})
    assert "~no-such-user-rk/x" in caught.value.render()
