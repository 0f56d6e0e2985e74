"""Department and plan text is data: inert in the HTML, the PDF, the Word file, the index and the workbooks reportkit writes.

A copy of the sample year gets one more workbook (unit hcth, report date on
the 2024-Q1 cut-off, so it is the one the report uses) whose texts, sheet name
and file name are script, event handlers, ``javascript:`` links, remote images,
CSS, Markdown, LaTeX and Jinja; the plan copy carries such text in its title,
issuer, stream name, a task and the signer. ``reportkit run`` builds the
report; Debian Chromium (headless) loads the HTML and the batch index while a
local HTTP server listens for any request the page might send. The payloads
mark the page if they ever run (``data-xss="pwned"`` on <html>, written by
script only) and point every URL at that server.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reportkit.cli import main
from reportkit.jobs.export import chromium_command, find_chromium

from .conftest import PLAN_PATH, ROOT

pytestmark = pytest.mark.slow
SUBS = ROOT / "data" / "submissions" / "2024"
ODD_ALIAS = "<b>HC</b>{{7*7}} \u202eTH/../"  # the workbook names its unit by this alias
MARK = "document.documentElement.setAttribute('data-x'+'ss','p'+'wned')"  # the marker never appears literally


class _Beacon(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def beacon():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Beacon)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Beacon.hits
    server.shutdown()


def payloads(url: str) -> dict[str, str]:
    """Name → hostile text; every URL points at the local beacon."""
    return {
        "script": f"<script>{MARK}</script>",
        "img": f'<img src="{url}/img.png" onerror="{MARK}">',
        "svg": f"<svg onload=\"{MARK}\"><image href='{url}/svg.png'/></svg>",
        "link": f'<a href="javascript:{MARK}">bấm vào đây</a> javascript:{MARK}',
        "iframe": f'<iframe src="{url}/frame"></iframe><object data="{url}/obj"></object>',
        "style": f"</style><style>body{{background:url({url}/bg.png)}}</style><link rel=stylesheet href={url}/s.css>",
        "meta": f'<meta http-equiv="refresh" content="0;url={url}/refresh"><base href="{url}/">',
        "markdown": f"**đậm** _nghiêng_ [liên kết]({url}/md) ![ảnh]({url}/md.png)",
        "latex": "$x^2$ \\section{Tiêu đề} $$\\int_0^1$$ \\input{/etc/passwd}",
        "jinja": "{{ 7*7 }} {% raw %}{{ config }}{% endraw %} {# chú thích #} ${7*7}",
        "entities": "&lt;b&gt; &amp;amp; &#x3C;script&#x3E; &#0;",
        "bidi": "tệp \u202egnp.exe",
        "url": f"{url}/plain.png",
    }


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def hostile_plan(folder: Path, p: dict[str, str]) -> Path:
    text = PLAN_PATH.read_text(encoding="utf-8")
    swaps = [
        ('title: "Triển khai nhiệm vụ công tác dân vận, dân chủ năm 2024"',
         "title: " + _quoted("Triển khai nhiệm vụ công tác dân vận, dân chủ năm 2024 " + p["jinja"] + " " + p["latex"])),
        ('  name: "Trung tâm Dịch vụ việc làm"', "  name: " + _quoted("Trung tâm Dịch vụ việc làm " + p["script"])),
        ('short_name: "Công tác dân chủ"', "short_name: " + _quoted("Công tác dân chủ " + p["img"] + " " + p["jinja"])),
        ('name: "Vũ Quang Khải"', "name: " + _quoted("Vũ Quang Khải " + p["markdown"])),
        ('"Lưu: VT, (Hà 01b)."', _quoted("Lưu: VT, (Hà 01b). " + p["style"])),
        ('aliases: ["HCTH", ', "aliases: [" + _quoted(ODD_ALIAS) + ", " + '"HCTH", '),
    ]
    for old, new in swaps:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    target = folder / "data" / "plan" / "ttdvvl-2024.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    return target


def hostile_workbook(path: Path, p: dict[str, str]) -> None:
    """hcth's report of 29/02/2024: every text field of every row holds payloads; two rows are invalid."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "<b onclick=alert(1)>Tiến độ"  # Excel allows < > = in sheet names, not /
    rows = [["Đơn vị:", ODD_ALIAS], ["Ngày báo cáo:", "29/02/2024"], [],
            ["Mã nhiệm vụ", "Tình trạng", "Ngày hoàn thành", "Kết quả thực hiện", "Khó khăn, vướng mắc",
             "Đề xuất, kiến nghị", "Ghi chú"]]
    names = list(p)
    codes = ["III.1", "III.2", "III.3", "III.4", "III.5", "III.6", "III.8", "II.1.a", "II.1.b", "II.2.a"]
    for i, code in enumerate(codes):
        pick = [p[names[(i + k) % len(names)]] for k in range(4)]
        done = code in ("III.2", "III.3")
        rows.append([code, "Đã hoàn thành" if done else "Đang thực hiện", "20/02/2024" if done else None,
                     "Kết quả: " + pick[0], "Khó khăn: " + pick[1], "Đề xuất: " + pick[2], "Ghi chú: " + pick[3]])
    rows.append(["III.7", p["script"], None, "x"])  # unknown status: the value shows in Phụ lục II
    rows.append([p["jinja"], "Đang thực hiện", None, p["img"]])  # unknown task code
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                cell = ws.cell(r, c, value)
                cell.data_type = "s"
    wb.save(path)


class _Text(HTMLParser):
    """Text and URL-bearing attributes of a page, as a browser's DOM holds them."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.handlers: list[str] = []
        self.css: list[str] = []  # style sheets and style attributes
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name == "style":
                self.css.append(value or "")
            if name in ("src", "href", "xlink:href", "data", "action", "poster", "background", "srcset", "formaction"):
                self.urls.append(value or "")
            if name.startswith("on"):
                self.handlers.append(name)

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.css if self._in_style else self.text).append(data)


def parse(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    return parser


def chromium_dom(tmp_path: Path, page: Path) -> str:
    cmd = chromium_command(find_chromium(), tmp_path / "profile") + [
        "--virtual-time-budget=3000", "--dump-dom", page.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "</html>" in proc.stdout
    return proc.stdout


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, beacon):
    url, _ = beacon
    p = payloads(url)
    project = tmp_path_factory.mktemp("hostile")
    plan = hostile_plan(project, p)
    subs = project / "data" / "submissions" / "2024"
    shutil.copytree(SUBS, subs)
    odd_name = "hcth_2024-02-29 <img src=x onerror=alert(1)> {{7*7}} $x$ \u202e.xlsx"
    hostile_workbook(subs / odd_name, p)
    before = {f.name: f.read_bytes() for f in subs.iterdir()}
    out = project / "outputs"
    code = main(["run", "--period", "2024-Q1", "--stream", "dan-chu", "--plan", str(plan), "--submissions", str(subs),
                 "--output", str(out), "--number", "{{7*7}}<b>", "--to", "html,pdf,docx"])
    assert code == 1  # built; some input rows rejected (the two invalid rows)
    assert {f.name: f.read_bytes() for f in subs.iterdir()} == before
    from reportkit.report.index import write_index
    from reportkit.intake.reader import read_workbook
    from reportkit.plan.load import load_plan

    sub = read_workbook(subs / odd_name, load_plan(plan))  # the odd alias names the unit, no fallback
    assert sub.unit == "hcth" and not {"unit_from_filename", "unknown_unit"} & {f.code for f in sub.findings}
    index = write_index(out, load_plan(plan), 2024, None)
    return p, out / "2024-Q1" / "dan-chu", index, odd_name


@pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed (make test installs it)")
def test_report_html_runs_no_script_and_sends_no_request(hostile_run, beacon, tmp_path):
    p, report, _, odd_name = hostile_run
    url, hits = beacon
    dom = chromium_dom(tmp_path, report / "report.html")
    assert 'data-xss="pwned"' not in dom  # no script, handler or javascript: link ran
    page = parse(dom)
    assert not {"script", "iframe", "object", "embed", "base", "link", "frame", "form"} & set(page.tags)
    assert not page.handlers
    assert all(u.startswith(("data:", "#")) for u in page.urls), [u for u in page.urls if not u.startswith("data:")]
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", " ".join(page.css))  # the style sheets fetch nothing
    assert hits == []  # the beacon heard nothing
    text = "".join(page.text)
    for name in ("script", "img", "link", "markdown", "latex", "jinja", "entities"):
        assert p[name] in text, name  # shown literally, character for character
    assert "{{ 7*7 }}" in text and "{% raw %}{{ config }}{% endraw %}" in text  # no template ran over the text
    assert "\u202e" not in text  # the bidi override is dropped, not rendered
    assert "<img src=x onerror=alert(1)> {{7*7}} $x$" in text  # the odd file name, in Phụ lục II


@pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed (make test installs it)")
def test_index_page_shows_plan_text_inertly(hostile_run, beacon, tmp_path):
    p, _, index, _ = hostile_run
    url, hits = beacon
    dom = chromium_dom(tmp_path, index)
    assert 'data-xss="pwned"' not in dom and hits == []
    page = parse(dom)
    assert not page.handlers and "script" not in page.tags and "img" not in page.tags
    assert all(not u.startswith(("http:", "https:", "javascript:")) for u in page.urls), page.urls
    text = "".join(page.text)
    assert "Công tác dân chủ " + p["img"] in text and p["jinja"] in text


def test_pdf_shows_the_payloads_as_text(hostile_run):
    p, report, _, _ = hostile_run
    raw = subprocess.run(["pdftotext", "-layout", str(report / "report.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    flat = re.sub(r"\s+", " ", raw)
    for fragment in ("{{ 7*7 }}", "{% raw %}", "<script>", "$x^2$", "\\section{Tiêu đề}", "**đậm**", "javascript:",
                     "&lt;b&gt;", "<img src="):
        assert fragment in flat, fragment


def test_word_report_keeps_the_payloads_as_literal_text_and_links_nothing(hostile_run):
    import zipfile

    from docx import Document
    from docx.oxml.ns import qn

    p, report, _, odd_name = hostile_run
    doc = Document(report / "report.docx")
    cells = [par.text for t in doc.tables for row in t.rows for c in row.cells for par in c.paragraphs]
    text = re.sub(r"\s+", " ", " ".join([par.text for par in doc.paragraphs] + cells))
    for fragment in ("{{ 7*7 }}", "{% raw %}", p["script"], "$x^2$", "\\section{Tiêu đề}", "**đậm**",
                     "javascript:", "&lt;b&gt;", p["img"], "Số: {{7*7}}<b>/"):
        assert fragment in text, fragment
    assert "\u202e" not in text
    body = doc.element.body
    for tag in ("w:hyperlink", "w:fldSimple", "w:instrText", "w:object", "w:txbxContent"):
        assert body.findall(".//" + qn(tag)) == [], tag  # no link, field, embedded object or text box
    with zipfile.ZipFile(report / "report.docx") as zf:
        rels = " ".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".rels"))
        assert "External" not in rels and "127.0.0.1" not in rels  # nothing fetched when Word opens it
        assert not [n for n in zf.namelist() if n.endswith((".bin", ".vba", "vbaProject.bin"))]
    pictures = [s for s in doc.inline_shapes]
    assert all(s._inline.docPr.get("descr", "").startswith("Tình trạng") for s in pictures)  # only the charts


def test_report_manifest_and_html_keep_no_raw_markup(hostile_run):
    p, report, _, _ = hostile_run
    html = (report / "report.html").read_text(encoding="utf-8")
    page = parse(html)  # the file as written, before any browser
    assert not {"script", "iframe", "object", "embed", "base", "link", "frame", "form"} & set(page.tags)
    assert not page.handlers and not re.search(r"<[a-z]+[^>]*\son\w+\s*=", html, re.I)
    assert "&lt;script&gt;" in html  # escaped, not dropped
    manifest = json.loads((report / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input_errors"] >= 2


def test_status_workbook_keeps_formula_text_as_text(tmp_path, capsys):
    """The analyst's .xlsx: department text that looks like a formula stays a text cell."""
    import openpyxl
    from openpyxl import load_workbook

    subs = tmp_path / "subs"
    subs.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    formulas = ['=HYPERLINK("http://127.0.0.1:9/x","bấm")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]
    ws.append(["Đơn vị:", "Phòng Hành chính – Tổng hợp"])
    ws.append(["Ngày báo cáo:", "29/02/2024"])
    ws.append(["Mã nhiệm vụ", "Tình trạng", "Kết quả thực hiện", "Khó khăn, vướng mắc"])
    for code, text in zip(["III.2", "III.3", "III.4", "III.5", "III.6"], formulas):
        ws.append([code, "Đang thực hiện", text, text])
        for cell in ws[ws.max_row]:
            cell.data_type = "s"
    wb.save(subs / "hcth_2024-02-29.xlsx")
    target = tmp_path / "status.xlsx"
    code = main(["status", "--period", "2024-Q1", "--stream", "dan-chu", "--plan", str(PLAN_PATH),
                 "--submissions", str(subs), "--format", "xlsx", "-o", str(target)])
    capsys.readouterr()
    assert code == 0
    sheet = load_workbook(target)["Tình trạng"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value in formulas]
    assert {c.value for c in cells} == set(formulas) and len(cells) >= 2 * len(formulas)
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_template_keeps_formula_like_plan_text_as_text(tmp_path):
    """A plan whose unit name or task text starts with = + - @ gives a template of text cells, not formulas."""
    from openpyxl import load_workbook

    from reportkit.plan.load import load_plan
    from reportkit.intake.template import write_template

    text = PLAN_PATH.read_text(encoding="utf-8")
    swaps = [('name: "Phòng Hành chính – Tổng hợp"', 'name: "=HYPERLINK(\\"http://127.0.0.1:9\\",\\"Phòng HCTH\\")"'),
             ('title: "Triển khai nhiệm vụ công tác dân vận, dân chủ năm 2024"', 'title: "@SUM(A1) kế hoạch"'),
             ('name: "Trung tâm Dịch vụ việc làm"', 'name: "=1+1"'),
             ('superior: "Sở Lao động - Thương binh và Xã hội tỉnh Sơn La"', 'superior: "+cmd|\' /C calc\'!A0"')]
    for old, new in swaps:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    target = write_template(load_plan(plan_file), "hcth", "2024-Q1", tmp_path / "t.xlsx")
    book = load_workbook(target)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
    assert {'=HYPERLINK("http://127.0.0.1:9","Phòng HCTH")', "=1+1", "+CMD|' /C CALC'!A0"} <= {c.value for c in risky}
