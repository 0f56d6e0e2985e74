"""HTML and PDF export of an executed report notebook: what reviewers get, never the machinery."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from html.parser import HTMLParser

import pytest

from reportkit.errors import ExportError
from reportkit.jobs.export import export_html, export_pdf, find_chromium

from .conftest import DATA

NOTEBOOK = DATA / "notebooks" / "executed_report.ipynb"
MM = 72 / 25.4


class _Refs(HTMLParser):
    """Collects every tag name and every URL-bearing attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "poster", "data") and value is not None:
                self.urls.append(value)


@pytest.fixture(scope="module")
def html() -> str:
    return export_html(NOTEBOOK)


@pytest.fixture(scope="module")
def pdf_path(html, tmp_path_factory):
    return export_pdf(html, tmp_path_factory.mktemp("pdf") / "report.pdf")


def test_html_shows_outputs_and_never_code_prompts_parameters_or_streams(html):
    for secret in ("SECRET_CODE_HEADER", "SECRET_MARKDOWN_NOTE", "SECRET_STDERR", "SECRET_STDOUT",
                   "SECRET_PLAIN_REPR", "SECRET_RECORD", "report.header()", "# Parameters", "In&nbsp;[", "Out["):
        assert secret not in html, secret
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Số: 25/BC-TTDVVL" in html
    assert "Sơn La, ngày 05 tháng 3 năm 2024" in html
    assert html.count("<tr>") >= 60


def test_html_is_one_self_contained_file(html):
    refs = _Refs()
    refs.feed(html)
    assert "script" not in refs.tags and "link" not in refs.tags and "iframe" not in refs.tags
    assert refs.urls, "the fixture has images"
    assert all(u.startswith(("data:", "#")) for u in refs.urls), refs.urls
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", html)
    assert "@import" not in html
    assert '<html lang="vi">' in html and "@page" in html


def test_html_is_nfc_and_readable_on_phones(html):
    assert unicodedata.is_normalized("NFC", html)
    assert 'name="viewport"' in html and "max-width: 720px" in html


def test_html_export_of_a_missing_notebook_is_an_export_error(tmp_path):
    with pytest.raises(ExportError) as info:
        export_html(tmp_path / "missing.ipynb")
    assert "xuất HTML không thành công" in info.value.render()


def _top_band_words(page) -> list[str]:
    """Words in the top margin (above 20 mm)."""
    return [w["text"] for w in page.extract_words() if w["bottom"] <= 20 * MM + 1]


def test_pdf_is_a4_with_page_numbers_centred_at_the_top_from_page_2(pdf_path):
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) >= 3
        for number, page in enumerate(pdf.pages, 1):
            assert (round(page.width, 1), round(page.height, 1)) == (595.3, 841.9)
            top = _top_band_words(page)
            if number == 1:
                assert top == []
            else:
                assert top == [str(number)]
                word = next(w for w in page.extract_words() if w["text"] == str(number) and w["bottom"] <= 20 * MM + 1)
                centre = (word["x0"] + word["x1"]) / 2
                assert abs(centre - (30 * MM + (page.width - 45 * MM) / 2)) < 3  # centred between the margins


def test_pdf_text_stays_inside_the_decree_margins(pdf_path):
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            body = [c for c in page.chars if c["top"] > 20 * MM - 1]
            assert body
            assert min(c["x0"] for c in body) >= 30 * MM - 1.5
            assert max(c["x1"] for c in body) <= page.width - 15 * MM + 1.5
            assert max(c["bottom"] for c in body) <= page.height - 20 * MM + 1.5


def test_pdf_uses_a_times_compatible_serif_at_13_to_14_pt(pdf_path):
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        chars = pdf.pages[0].chars
    families = {re.sub(r"^[A-Z]{6}\+|[-\s]", "", c["fontname"]) for c in chars}
    serif = ("LiberationSerif", "TimesNewRoman", "Tinos")
    assert all(f.startswith(serif) for f in families), families
    body = [c for c in chars if c["text"].strip() and "Bold" not in c["fontname"] and "Italic" not in c["fontname"]]
    sizes = {round(c["size"]) for c in body}
    assert 14 in sizes and sizes <= {11, 12, 13, 14}, sizes


def test_pdf_text_round_trips_vietnamese_exactly(pdf_path):
    raw = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(raw.split())
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Sơn La, ngày 05 tháng 3 năm 2024", "Nơi nhận:",
                   "phòng, chống tham nhũng, tiêu cực, nhũng nhiễu, phiền hà đối với nhân dân, doanh nghiệp"):
        assert phrase in text, phrase
    words = set(text.split())
    assert {"Đủ", "hồ", "tổ", "chức", "ở", "Mường", "Chiềng,", "kết", "quả", "tốt"} <= words  # a narrow table cell
    assert unicodedata.is_normalized("NFC", raw)


def test_table_header_repeats_on_every_page_of_a_long_table(pdf_path):
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        pages_with_rows = [p for p in pdf.pages if "Nhiệm vụ số" in (p.extract_text() or "")]
        assert len(pages_with_rows) >= 2
        for page in pages_with_rows:
            assert "Nội dung nhiệm vụ" in page.extract_text()


class _FetcherSpy:
    """Wraps the URL fetcher export_pdf gives WeasyPrint: records every URL asked for and every one served."""

    def __init__(self, real):
        self.real, self.asked, self.served = real, [], []

    def __call__(self, url, *args, **kwargs):
        self.asked.append(url)
        response = self.real(url, *args, **kwargs)
        self.served.append(url)
        return response

    def __getattr__(self, name):  # WeasyPrint reads fetcher settings (e.g. _fail_on_errors)
        return getattr(self.real, name)


def test_weasyprint_never_fetches_external_resources(tmp_path, monkeypatch):
    import socket

    import reportkit.jobs.export as export_module

    spies = []
    make_fetcher = export_module._data_only_fetcher
    monkeypatch.setattr(export_module, "_data_only_fetcher", lambda: spies.append(_FetcherSpy(make_fetcher())) or spies[-1])
    connections = []

    def no_connect(sock, address):
        connections.append(address)
        raise OSError("the test forbids network connections")

    monkeypatch.setattr(socket.socket, "connect", no_connect)
    dot = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    html = ('<html><head><link rel="stylesheet" href="http://198.51.100.1/x.css"></head><body>'
            f'<img src="http://198.51.100.1/x.png" alt="x"><img src="{dot}" alt="d"><p>Chữ Việt</p></body></html>')
    out = export_pdf(html, tmp_path / "x.pdf")
    assert out.stat().st_size > 0
    (spy,) = spies
    assert {"http://198.51.100.1/x.css", "http://198.51.100.1/x.png", dot} <= set(spy.asked)  # the spy sat in the path
    assert [url for url in spy.served if not url.startswith("data:")] == []  # zero external fetches
    assert spy.served == [dot] and connections == []


def test_unknown_pdf_engine_lists_the_engines(tmp_path):
    with pytest.raises(ExportError) as info:
        export_pdf("<p>x</p>", tmp_path / "x.pdf", engine="latex")
    assert "weasyprint, chromium" in info.value.render()


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed")
def test_chromium_engine_prints_the_same_html_to_a4(html, tmp_path):
    import pdfplumber

    out = export_pdf(html, tmp_path / "chromium.pdf", engine="chromium")
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 3
        assert all((round(p.width), round(p.height)) == (595, 842) for p in pdf.pages)
        assert _top_band_words(pdf.pages[0]) == []
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf.pages[0].extract_text()
