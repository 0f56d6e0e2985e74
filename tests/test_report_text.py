"""Every text a reader of the report or the data-quality view sees: no parameter or field names,
no internal notes, and every display object with a short readable text form."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from reportkit.params import PARAMETERS
from reportkit.report.markup import Html, Part
from reportkit.report.period import build_report
from reportkit.report.quality import build_quality_report

from .conftest import PLAN_PATH, ROOT

SUBMISSIONS = str(ROOT / "data" / "submissions" / "2024")
PERIODS = [("2024-M03", "dan-van"), ("2024-M05", "dan-van"), ("2024-Q1", "dan-chu"), ("2024-H1", "dan-van"),
           ("2024", "dan-chu")]
REPORT_PARTS = ("header", "results", "shortcomings", "directions", "proposals", "signature", "annex")
QUALITY_PARTS = ("header", "overview", "by_kind", "details")
# Words no reader should meet: the notebook's parameter names, snake_case field or code names,
# the word "tham số" (parameter), notes meant for the runner, Python reprs and missing values.
FORBIDDEN = re.compile(r"\b(?:%s)\b|\b[a-z]+_[a-z0-9_]+\b|tham số|Hồ sơ lần chạy|reportkit run|đọc phần này"
                       r"|Html\(|\bNone\b|\bnan\b|\bNaT\b" % "|".join(PARAMETERS))
# Folder paths (the data-quality view names its folder) and file names (the annex lists the files).
PATH = re.compile(r"\S*[\\/]\S*[\\/]\S*|\S+\.(?:xlsx|xlsm|xls|ods|json)\b")


def reader_text(html: str) -> str:
    """The text a reader sees: no style sheets, chart internals, tags or folder paths."""
    html = re.sub(r"<(style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return PATH.sub(" ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))


def all_parts():
    for period, stream in PERIODS:
        report = build_report(period, stream, plan_path=str(PLAN_PATH), submissions=SUBMISSIONS)
        for name in REPORT_PARTS:
            yield f"{period} {stream} report.{name}", getattr(report, name)()
        quality = build_quality_report(period, stream, plan_path=str(PLAN_PATH), submissions=SUBMISSIONS)
        for name in QUALITY_PARTS:
            yield f"{period} {stream} quality.{name}", getattr(quality, name)()


@pytest.fixture(scope="module")
def parts():
    return list(all_parts())


def test_scanner_catches_parameter_names_field_names_and_internal_notes():
    leaks = ["Cấp trên chưa giao thời hạn (khai báo bằng tham số deadlines khi có)", "Mã: missing_status",
             "Hồ sơ lần chạy (reportkit run đọc phần này).", "Html(html='<p>')", "as_of"]
    assert all(FORBIDDEN.search(reader_text(f"<p>{leak}</p>")) for leak in leaks)
    assert not FORBIDDEN.search(reader_text("<p>Trong thư mục /srv/data/submissions/2024: 3 tệp, 29/02/2024; "
                                            "tệp hcth_2024-03-05.xlsx.</p>"))


def test_no_report_text_names_a_parameter_or_field_or_carries_an_internal_note(parts):
    leaks = {name: FORBIDDEN.findall(reader_text(part.html)) for name, part in parts}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_every_part_and_output_has_a_short_readable_text_form(parts):
    for name, part in parts:
        for output in part.outputs():
            bundle = output._repr_mimebundle_()
            data = bundle[0] if isinstance(bundle, tuple) else bundle
            text = data["text/plain"]
            assert 3 <= len(text) <= 100, (name, text)
            assert "<" not in text and "Html(" not in text and "\n" not in text, (name, text)
        assert "Html(" not in repr(part) and len(repr(part)) <= 110


def test_text_form_names_the_section():
    part = Part("<h2>I. KẾT QUẢ THỰC HIỆN</h2><p>Tính đến ngày 29/02/2024, …</p>", label="I. KẾT QUẢ THỰC HIỆN")
    [output] = part.outputs()
    assert output._repr_mimebundle_()["text/plain"] == "I. KẾT QUẢ THỰC HIỆN"
    assert Html("<table><tr><td>x</td></tr></table><h3>5. Diễn biến qua các kỳ</h3>")._repr_mimebundle_()[
        "text/plain"] == "5. Diễn biến qua các kỳ"
