"""The time-frame grammar: every common phrasing of a Vietnamese plan gives the right deadlines.

The expected deadlines are checked by hand against a calendar of 2025 (the
plan's year in every row unless the phrase writes another year).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pandas as pd
import pytest
import yaml

from reportkit.errors import PlanError
from reportkit.messages import use_language
from reportkit.plan.load import load_plan
from reportkit.plan.timeframes import DueRule, explain_time_frame, parse_time_frame
from reportkit.status import assess

from .conftest import DATA

D = dt.date
PLAN_YEAR = 2025
ALL_MONTH_ENDS = [D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30), D(2025, 5, 31), D(2025, 6, 30),
                  D(2025, 7, 31), D(2025, 8, 31), D(2025, 9, 30), D(2025, 10, 31), D(2025, 11, 30), D(2025, 12, 31)]
QUARTER_ENDS = [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)]

# (phrase, due kind, deadlines judged in a 2025 plan); None = no deadline (continuous, external)
TIME_FRAMES = [
    # continuous
    ("thường xuyên", "continuous", [None]),
    ("Thường xuyên trong năm 2025", "continuous", [None]),
    ("thường xuyên, liên tục", "continuous", [None]),
    # quarters, the year written or not
    ("quý II", "quarter", [D(2025, 6, 30)]),
    ("Quý II/2025", "quarter", [D(2025, 6, 30)]),
    ("quý 2 năm 2025", "quarter", [D(2025, 6, 30)]),
    ("quý I, năm 2025", "quarter", [D(2025, 3, 31)]),
    ("QUÝ IV", "quarter", [D(2025, 12, 31)]),
    ("Quý I/2026", "quarter", [D(2026, 3, 31)]),
    ("quý IV năm 2024", "quarter", [D(2024, 12, 31)]),
    ("trong quý III", "quarter", [D(2025, 9, 30)]),
    ("hoàn thành trong quý II", "quarter", [D(2025, 6, 30)]),
    # lists and ranges of quarters
    ("quý I, III", "months", [D(2025, 3, 31), D(2025, 9, 30)]),
    ("quý I và quý III", "months", [D(2025, 3, 31), D(2025, 9, 30)]),
    ("quý 1, 2, 3, 4 năm 2025", "months", QUARTER_ENDS),
    ("từ quý I đến quý III", "quarter", [D(2025, 9, 30)]),
    ("quý II - quý III", "quarter", [D(2025, 9, 30)]),
    # months, the year written or not
    ("tháng 9", "months", [D(2025, 9, 30)]),
    ("tháng 3/2025", "months", [D(2025, 3, 31)]),
    ("tháng 2 năm 2025", "months", [D(2025, 2, 28)]),
    ("tháng 1/2026", "months", [D(2026, 1, 31)]),
    ("cuối tháng 6", "months", [D(2025, 6, 30)]),
    # lists and ranges of months
    ("tháng 6, tháng 12 năm 2025", "months", [D(2025, 6, 30), D(2025, 12, 31)]),
    ("tháng 3, 6, 9, 12", "months", QUARTER_ENDS),
    ("tháng 3 và tháng 9", "months", [D(2025, 3, 31), D(2025, 9, 30)]),
    ("tháng 3, 6 và 9", "months", [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30)]),
    ("từ tháng 3 đến tháng 5", "months", [D(2025, 5, 31)]),
    ("tháng 3 - tháng 5", "months", [D(2025, 5, 31)]),
    ("tháng 3–5 năm 2025", "months", [D(2025, 5, 31)]),
    # halves, 9 months, the year
    ("6 tháng đầu năm", "months", [D(2025, 6, 30)]),
    ("6 tháng đầu năm 2025", "months", [D(2025, 6, 30)]),
    ("9 tháng đầu năm", "months", [D(2025, 9, 30)]),
    ("6 tháng cuối năm", "months", [D(2025, 12, 31)]),
    ("trong năm 2025", "months", [D(2025, 12, 31)]),
    ("năm 2025", "months", [D(2025, 12, 31)]),
    ("trong năm", "months", [D(2025, 12, 31)]),
    ("cuối năm 2025", "months", [D(2025, 12, 31)]),
    # recurring phrasings become milestones
    ("hằng tháng", "months", ALL_MONTH_ENDS),
    ("hàng tháng", "months", ALL_MONTH_ENDS),
    ("định kỳ hằng tháng", "months", ALL_MONTH_ENDS),
    ("hằng quý", "months", QUARTER_ENDS),
    ("hàng quý", "months", QUARTER_ENDS),
    ("mỗi quý", "months", QUARTER_ENDS),
    ("định kỳ 6 tháng", "months", [D(2025, 6, 30), D(2025, 12, 31)]),
    ("hằng năm", "months", [D(2025, 12, 31)]),
    # plans of a superior, regulations
    ("Theo kế hoạch của cấp trên", "external", [None]),
    ("theo kế hoạch của UBND tỉnh", "external", [None]),
    ("theo quy định", "external", [None]),
    ("theo hướng dẫn của Sở Lao động - Thương binh và Xã hội", "external", [None]),
    # dates: "trước (ngày) X" is exclusive (last day X-1); the others are inclusive
    ("15/08/2025", "date", [D(2025, 8, 15)]),
    ("ngày 15/8", "date", [D(2025, 8, 15)]),
    ("trước ngày 15/3", "date", [D(2025, 3, 14)]),
    ("trước ngày 01/3", "date", [D(2025, 2, 28)]),
    ("trước 31/01/2026", "date", [D(2026, 1, 30)]),
    ("chậm nhất ngày 30/6/2025", "date", [D(2025, 6, 30)]),
    ("chậm nhất 30/6", "date", [D(2025, 6, 30)]),
    ("hạn chót ngày 20/12/2025", "date", [D(2025, 12, 20)]),
    ("ngày 15 tháng 3 năm 2025", "date", [D(2025, 3, 15)]),
    ("trước ngày 15 tháng 3", "date", [D(2025, 3, 14)]),
    # a day of every month or of the last month of every quarter
    ("trước ngày 20 hằng tháng", "months", [D(2025, m, 19) for m in range(1, 13)]),
    ("chậm nhất ngày 25 hàng tháng", "months", [D(2025, m, 25) for m in range(1, 13)]),
    ("trước ngày 15 của tháng cuối quý", "months", [D(2025, 3, 14), D(2025, 6, 14), D(2025, 9, 14), D(2025, 12, 14)]),
    ("ngày 31 hằng tháng", "months", ALL_MONTH_ENDS),
    # across years, every year
    ("từ tháng 10/2025 đến tháng 3/2026", "months", [D(2026, 3, 31)]),
    ("từ tháng 3/2026 đến tháng 5", "months", [D(2026, 5, 31)]),
    ("quý IV hằng năm", "quarter", [D(2025, 12, 31)]),
    ("tháng 3 hằng năm", "months", [D(2025, 3, 31)]),
]


@pytest.mark.parametrize("text, kind, deadlines", TIME_FRAMES, ids=[t[0] for t in TIME_FRAMES])
def test_time_frame_phrase_gives_hand_checked_deadlines(text, kind, deadlines):
    due = parse_time_frame(text, PLAN_YEAR)
    assert due is not None, explain_time_frame(text, PLAN_YEAR)
    assert due.kind == kind
    assert [m.deadline for m in due.milestones(PLAN_YEAR)] == deadlines


def test_the_table_covers_at_least_forty_phrases():
    assert len(TIME_FRAMES) >= 40


@pytest.mark.parametrize("text", [t[0] for t in TIME_FRAMES[::4]])
def test_case_and_unicode_normal_form_do_not_change_the_rule(text):
    due = parse_time_frame(text, PLAN_YEAR)
    assert parse_time_frame(unicodedata.normalize("NFD", text), PLAN_YEAR) == due
    assert parse_time_frame(text.upper(), PLAN_YEAR) == due
    assert parse_time_frame(text.lower() + ".", PLAN_YEAR) == due


def test_a_written_year_other_than_the_plans_is_kept():
    assert parse_time_frame("Quý I/2026", 2025) == DueRule("quarter", quarter=1, year=2026)
    assert parse_time_frame("tháng 12/2024", 2025) == DueRule("months", months=(12,), year=2024)
    assert parse_time_frame("quý I/2025", 2025) == DueRule("quarter", quarter=1)  # the plan's year: no year kept
    assert parse_time_frame("Quý I/2026", 2025).milestones(2025)[0].label == "quý I/2026"


def test_before_a_date_is_exclusive_and_at_the_latest_is_inclusive():
    before = parse_time_frame("trước ngày 15/3/2025", 2025)
    latest = parse_time_frame("chậm nhất ngày 15/3/2025", 2025)
    assert before == DueRule("date", on=D(2025, 3, 15), exclusive=True)
    assert latest == DueRule("date", on=D(2025, 3, 15))
    assert (before.last_day, latest.last_day) == (D(2025, 3, 14), D(2025, 3, 15))
    assert (before.describe(), latest.describe()) == ("trước ngày 15/03/2025 (hạn là ngày liền trước)", "ngày 15/03/2025")
    with use_language("en"):
        assert "exclusive" in before.describe() and "exclusive" not in latest.describe()


def test_a_date_without_a_year_is_in_the_plans_year():
    assert parse_time_frame("trước ngày 15/3", 2026).on == D(2026, 3, 15)


UNDATED = ["đầu năm học", "dịp Tết", "Tết Nguyên đán", "đầu năm", "giữa năm", "hằng tuần", "hằng ngày",
           "khi có yêu cầu", "đầu tháng 6", "dịp hè", "kịp thời", "Đầu năm học 2025"]


@pytest.mark.parametrize("text", UNDATED)
def test_phrases_naming_a_time_but_no_date_are_unknown_never_a_date(text):
    due = parse_time_frame(text, PLAN_YEAR)
    assert due == DueRule("unknown")
    assert [(m.key, m.deadline) for m in due.milestones(PLAN_YEAR)] == [("", None)]
    assert due.milestones(PLAN_YEAR, D(2025, 9, 5))[0].deadline == D(2025, 9, 5)


REFUSED = [
    "sớm nhất có thể", "quý V", "tháng 13", "tháng 12, tháng 6", "từ tháng 5 đến tháng 3", "31/02/2025",
    "trước ngày 30/2", "10 tháng đầu năm", "từ tháng 10/2024 đến tháng 3/2026", "ngày 32 hằng tháng",
    "từ tháng 3/2019 đến tháng 5", "tháng 3/2026, tháng 6/2026", "định kỳ", "trong", "quý I/2019", "", "   ",
]


@pytest.mark.parametrize("text", REFUSED)
def test_unknown_forms_are_refused(text):
    assert parse_time_frame(text, PLAN_YEAR) is None


@pytest.mark.parametrize("text, reason, reason_en", [
    ("đầu năm học", "không có ngày cụ thể", "names a time but no date"),
    ("dịp Tết", "không có ngày cụ thể", "names a time but no date"),
    ("hằng tuần", "không có ngày cụ thể", "names a time but no date"),
    ("đầu năm học 2019", "năm 2019 ghi trong đó cách xa năm của kế hoạch", "far from the plan's year 2025"),
    ("quý I/2019", "năm 2019 ghi trong đó cách xa năm của kế hoạch (2025)", "far from the plan's year 2025"),
    ("sớm nhất có thể", "không thuộc dạng thời gian thực hiện nào đã biết", "not a known time-frame form"),
    ("", "để trống", "empty"),
])
def test_a_time_frame_without_a_deadline_is_explained(text, reason, reason_en):
    assert reason in explain_time_frame(text, PLAN_YEAR)
    with use_language("en"):
        assert reason_en in explain_time_frame(text, PLAN_YEAR)


def test_plan_with_real_phrasings_loads_and_status_gets_their_deadlines():
    plan = load_plan(DATA / "plans" / "time_frames.yaml")
    frame = assess(plan, [], "2025", as_of="31/12/2025")
    got = frame.groupby("task_code")["deadline"].apply(lambda s: [None if pd.isna(x) else x.date() for x in s])
    assert got["III.1"] == [D(2026, 3, 31)]
    assert got["III.2"] == [D(2025, 6, 30)]
    assert got["III.3"] == QUARTER_ENDS
    assert got["III.4"] == [D(2025, 3, 14)]
    assert got["III.5"] == [D(2025, 6, 30)]
    assert got["III.6"] == [None]
    assert got["III.7"] == [D(2025, 5, 31)]
    assert got["III.8"] == [D(2025, 9, 30)]
    assert got["III.9"] == [D(2025, m, 19) for m in range(1, 13)]


def test_plan_with_an_undated_time_frame_loads_it_as_unknown(tmp_path):
    raw = yaml.safe_load((DATA / "plans" / "minimal.yaml").read_text(encoding="utf-8"))
    raw["tasks"][1]["time_frame"] = "đầu năm học"
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert load_plan(path).task("III.2").due == DueRule("unknown")


def test_plan_with_an_unknown_form_is_refused_with_the_reason(tmp_path):
    raw = yaml.safe_load((DATA / "plans" / "minimal.yaml").read_text(encoding="utf-8"))
    raw["tasks"][1]["time_frame"] = "sớm nhất có thể"
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(path)
    assert "không hiểu thời gian thực hiện 'sớm nhất có thể': không thuộc dạng" in info.value.render()
    assert "(hạn là ngày liền trước)" in info.value.render() and "(the day before)" not in info.value.render()
    with use_language("en"), pytest.raises(PlanError) as info:
        load_plan(path)
    assert "unknown time frame 'sớm nhất có thể': it is not a known time-frame form" in info.value.render()
    assert "trước ngày 15/3 (the day before); or give 'due:' explicitly" in info.value.render()


def test_explicit_exclusive_date_must_agree_with_the_time_frame(tmp_path):
    raw = yaml.safe_load((DATA / "plans" / "minimal.yaml").read_text(encoding="utf-8"))
    raw["tasks"][4]["due"] = {"kind": "date", "date": "2025-08-15"}  # "trước ngày 15/08/2025" is exclusive
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(path)
    assert ("'due' (ngày 15/08/2025) mâu thuẫn với time_frame 'trước ngày 15/08/2025' "
            "(trước ngày 15/08/2025 (hạn là ngày liền trước))") in info.value.render()
    with use_language("en"), pytest.raises(PlanError) as info:
        load_plan(path)
    assert ("'due' (date 2025-08-15) contradicts time_frame 'trước ngày 15/08/2025' "
            "(date 2025-08-15 (exclusive: due the day before))") in info.value.render()


def _docs_examples() -> tuple[list[str], list[str]]:
    """The backticked phrases of docs/plan-format.md "Time frames": the table's examples and the refused ones."""
    text = (DATA.parent.parent / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = text.split("## Time frames", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[2] for line in section.splitlines() if line.startswith("| ") and "`" in line]
    refused = section.split("Refused, never guessed", 1)[1].split("Give such", 1)[0]
    return [x for row in rows for x in re.findall(r"`([^`]+)`", row)], re.findall(r"`([^`]+)`", refused)


def test_every_example_in_the_docs_parses_and_every_refused_one_is_refused():
    examples, refused = _docs_examples()
    assert len(examples) >= 40 and len(refused) >= 10
    assert [x for x in examples if parse_time_frame(x, PLAN_YEAR) is None] == []
    assert [x for x in refused if parse_time_frame(x, PLAN_YEAR) is not None] == []
