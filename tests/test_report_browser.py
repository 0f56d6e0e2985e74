"""The report as a reviewer sees it in a browser: Debian Chromium, headless, offline."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

import pytest

from reportkit.jobs.export import chromium_command, find_chromium

from .report_fixtures import built_report  # noqa: F401  (session fixture)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed (make test installs it)")]


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    # Block every host name as well: a page that tried to fetch would find nothing.
    cmd = chromium_command(find_chromium(), tmp_path / "profile") + ['--host-resolver-rules=MAP * ~NOTFOUND', *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags, self.urls, self.classes = [], [], []
        self.rows, self._table, self._depth = [], None, 0
        self._cell: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self.classes += (attrs.get("class") or "").split()
        for name in ("src", "href", "xlink:href", "poster", "data", "action"):
            if attrs.get(name):
                self.urls.append(attrs[name])
        if tag == "table" and "task-table" in (attrs.get("class") or ""):
            self._table = True
        elif self._table and tag == "tr":
            self._row = []
        elif self._table and tag == "td" and self._row is not None:
            self._cell = []

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if self._table and tag == "td" and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif self._table and tag == "tr" and self._row:
            self.rows.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None


@pytest.fixture(scope="module")
def dom(built_report, tmp_path_factory):  # noqa: F811
    tmp = tmp_path_factory.mktemp("chromium")
    proc = chromium(tmp, "--dump-dom", built_report.files["html"].as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "</html>" in proc.stdout
    return proc.stdout


def parsed(dom) -> _Dom:
    parser = _Dom()
    parser.feed(dom)
    return parser


def test_no_code_cells_prompts_or_scripts_in_the_rendered_page(dom):
    page = parsed(dom)
    assert "script" not in page.tags and "link" not in page.tags and "iframe" not in page.tags
    assert not [c for c in page.classes if c.startswith(("jp-", "input_", "prompt"))]
    for leaked in ("build_report(", "report.header()", "# Parameters", "In [", "Out[", "Traceback"):
        assert leaked not in dom, leaked


def test_no_external_urls(dom):
    page = parsed(dom)
    assert page.urls, "the page has links to its own parts or images"
    assert all(u.startswith(("data:", "#")) for u in page.urls), [u for u in page.urls if not u.startswith("data:")]
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", dom)


def test_header_block_has_quoc_hieu_tieu_ngu_and_document_number(dom):
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in dom
    assert "<u>Độc lập - Tự do - Hạnh phúc</u>" in dom
    assert "Số: ……/BC-TTDVVL" in dom and "Sơn La, ngày …… tháng …… năm 2024" in dom
    assert "Kết quả triển khai thực hiện công tác dân chủ quý I năm 2024" in dom
    assert "<title>Báo cáo kết quả triển khai thực hiện công tác dân chủ quý I năm 2024</title>" in dom


def test_task_table_has_one_row_per_plan_task_and_milestone(dom, plan):
    expected = [t.code for t in plan.tasks for _ in t.due.milestones(plan.year)]
    rows = parsed(dom).rows
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(expected) + 1)]
    assert [r[1].split(". ", 1)[0] for r in rows] == expected
    assert all(len(r) == 7 for r in rows)


def test_screenshots_on_desktop_and_phone_are_drawn(built_report, tmp_path):  # noqa: F811
    for name, size in (("desktop.png", "1240,1754"), ("phone.png", "390,844")):
        shot = tmp_path / name
        proc = chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size}", "--hide-scrollbars",
                        built_report.files["html"].as_uri())
        assert proc.returncode == 0, proc.stderr[-2000:]
        from PIL import Image

        with Image.open(shot) as image:
            grey = image.convert("L")
            dark = sum(grey.histogram()[:128])
            assert dark > 0.01 * grey.width * grey.height  # text drawn, not a blank page
