"""The demo report's PDF as printed: A4, the decree's margins, page numbers, exact Vietnamese."""

from __future__ import annotations

import html as html_lib
import json
import re
import subprocess
import unicodedata
from collections import Counter

import pytest

from .conftest import DATA
from .pdf_checks import assert_a4_portrait, assert_fonts_embedded, assert_inside_margins, assert_page_numbers_from_page_2
from .report_fixtures import built_h1_report, built_report  # noqa: F401  (session fixtures)

pytestmark = pytest.mark.slow
MM = 72 / 25.4
GOLDEN = DATA / "golden" / "2024-Q1-dan-chu.json"


@pytest.fixture(scope="module")
def pdf(built_report):  # noqa: F811
    import pdfplumber

    with pdfplumber.open(built_report.files["pdf"]) as document:
        yield document


@pytest.fixture(scope="module")
def text(built_report):  # noqa: F811
    raw = subprocess.run(["pdftotext", str(built_report.files["pdf"]), "-"], capture_output=True, text=True,
                         check=True).stdout
    return raw


def test_every_page_is_a4_portrait(pdf):
    assert_a4_portrait(pdf)


def test_page_numbers_centred_at_the_top_from_page_2_and_none_on_page_1(pdf):
    assert_page_numbers_from_page_2(pdf)


def test_text_and_charts_stay_inside_the_margins(pdf):
    assert_inside_margins(pdf)


def test_every_font_is_embedded(built_report):  # noqa: F811
    assert_fonts_embedded(built_report.files["pdf"])


def test_vietnamese_round_trips_exactly_as_nfc(text, plan):
    assert unicodedata.is_normalized("NFC", text)
    flat = " ".join(text.split())
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "KẾT QUẢ THỰC HIỆN", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "Nơi nhận:",
                   plan.signer_name, plan.unit("hcth").name, plan.task("III.2").text):
        assert phrase in flat, phrase


def test_header_block_on_page_1_matches_the_decree(pdf):
    page = pdf.pages[0]
    words = page.extract_words(extra_attrs=["fontname", "size"])
    quoc_hieu = [w for w in words if w["text"] in ("CỘNG", "NAM")]
    assert all("Bold" in w["fontname"] and 12 <= round(w["size"]) <= 13 for w in quoc_hieu)
    place = [w for w in words if w["text"] == "Sơn"]
    assert place and "Italic" in place[0]["fontname"]
    title = [w for w in words if w["text"] == "BÁO"]
    assert title and "Bold" in title[0]["fontname"]
    # Agency on the left half, nation on the right half.
    issuer = next(w for w in words if w["text"] == "TRUNG")
    assert issuer["x1"] < page.width / 2 < quoc_hieu[0]["x0"] + 40


def test_headline_of_2024_q1_matches_the_golden_figures(built_report, text):  # noqa: F811
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    manifest = built_report.manifest
    assert manifest["headline"] == golden["headline"]
    assert manifest["counts"] == golden["counts"]
    assert golden["headline"] in " ".join(text.split())


DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")


def reader_text_of_html(html: str) -> str:
    html = re.sub(r"<(style|svg|script)\b.*?</\1>", " ", html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("which", ["Q1", "H1"])
def test_every_date_of_the_html_is_whole_in_the_pdf(which, built_report, built_h1_report):  # noqa: F811
    """A date broken across two lines ("29/02/202" + "4") would be missing from the PDF's text."""
    result = built_report if which == "Q1" else built_h1_report
    html_dates = Counter(DATE.findall(reader_text_of_html(result.files["html"].read_text(encoding="utf-8"))))
    raw = subprocess.run(["pdftotext", "-layout", str(result.files["pdf"]), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert sum(html_dates.values()) > 10
    assert html_dates - Counter(DATE.findall(raw)) == Counter()
