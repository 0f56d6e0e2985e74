"""The demo report built once per test session (2024-Q1, dan-chu) for the browser and PDF tests."""

from __future__ import annotations

import pytest

from .conftest import PLAN_PATH, ROOT


def run_sample(params_name: str, output):
    """``RunResult`` of ``reportkit run --params params/<params_name>`` on the sample data into ``output``."""
    from reportkit.jobs.run import run_report

    result = run_report(None, None, params_file=ROOT / "params" / params_name, plan_path=PLAN_PATH,
                        submissions=ROOT / "data" / "submissions" / "2024", output=output)
    assert result.ok, result.error
    return result


@pytest.fixture(scope="session")
def built_report(tmp_path_factory):
    """``RunResult`` of ``reportkit run --params params/2024-Q1-dan-chu.yaml`` into a temporary folder."""
    return run_sample("2024-Q1-dan-chu.yaml", tmp_path_factory.mktemp("outputs"))


@pytest.fixture(scope="session")
def built_h1_report(tmp_path_factory):
    """``RunResult`` of the 2024-H1 dan-chu report: cumulative, so it has all three charts."""
    return run_sample("2024-H1-dan-chu.yaml", tmp_path_factory.mktemp("outputs-h1"))


# Measures what a reader sees, in CSS px, once the page is laid out: the rendered size of
# every chart text (font size × the SVG's scale on screen), how far each table cell reaches
# past the window and whether its scroll box shows a cue, and on how many lines each date
# or number (span.nb) is drawn and whether it stays inside its cell. Also the computed look
# of a few report blocks, and which texts are visible at all.
MEASURE_JS = r"""
(function () {
  var W = document.documentElement.clientWidth,
      out = {width: W, charts: [], cells: [], spans: [], look: {}, images: [], text: ''};
  function shown(e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length); }
  document.querySelectorAll('svg text').forEach(function (t) {
    var m = t.getScreenCTM(), r = t.getBoundingClientRect();
    if (!m || !r.width) return;
    out.charts.push({text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)});
  });
  document.querySelectorAll('table.data td, table.data th').forEach(function (c) {
    if (!shown(c)) return;
    var box = c.closest('.table-scroll'), r = c.getBoundingClientRect();
    out.cells.push({right: r.right, scrolls: !!box && box.scrollWidth > box.clientWidth + 1,
                    cue: !!box && getComputedStyle(box).backgroundImage.indexOf('gradient') >= 0});
  });
  document.querySelectorAll('.nb').forEach(function (s) {
    var cell = s.closest('td'), r = s.getBoundingClientRect();
    var lines = new Set(Array.prototype.map.call(s.getClientRects(), function (q) { return Math.round(q.top); }));
    out.spans.push({text: s.textContent, lines: lines.size,
                    inside: !cell || r.right <= cell.getBoundingClientRect().right + 0.5});
  });
  [['doc_type', '.doc-type'], ['trich_yeu', '.trich-yeu'], ['td', 'table.data td'], ['th', 'table.data th'],
   ['h2', '.rk-doc h2'], ['quoc_hieu', '.quoc-hieu'], ['doc', '.rk-doc']].forEach(function (pair) {
    var e = document.querySelector(pair[1]);
    if (!e) return;
    var s = getComputedStyle(e);
    out.look[pair[0]] = {align: s.textAlign, weight: s.fontWeight, size: s.fontSize, family: s.fontFamily,
                         background: s.backgroundColor};
  });
  out.images = Array.prototype.map.call(document.images, function (i) { return i.src.slice(0, 25); });
  out.text = document.body.innerText;
  parent.postMessage(JSON.stringify(out), '*');
})();
"""
# Headless Chromium will not make a window narrower than 500 px: the page is laid out in an
# iframe of the wanted width instead (media queries see the iframe's width), and posts its
# measurements to this frame, which writes them where --dump-dom shows them.
FRAME_PAGE = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="border:0;width:{width}px;height:{height}px"></iframe>
<script>window.addEventListener('message', function (e) {{
  var pre = document.createElement('pre'); pre.id = 'rk-measure'; pre.textContent = e.data;
  document.body.appendChild(pre); }});</script></body></html>"""


def measure_page(html_path, tmp_path, width: int, height: int = 900) -> dict:
    """Lay ``html_path`` out in headless Debian Chromium at ``width`` CSS px and return MEASURE_JS's findings."""
    import json
    import re
    import subprocess

    from reportkit.jobs.export import chromium_command, find_chromium

    page = tmp_path / f"measure-{width}-{html_path.name}"
    html = html_path.read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", f"<script>{MEASURE_JS}</script></body>"), encoding="utf-8")
    frame = tmp_path / f"frame-{width}-{html_path.name}"
    frame.write_text(FRAME_PAGE.format(src=page.name, width=width, height=height), encoding="utf-8")
    cmd = chromium_command(find_chromium(), tmp_path / f"profile-{width}") + [
        "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars", f"--window-size={max(width, 800)},{height}",
        "--virtual-time-budget=5000", "--dump-dom", frame.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="rk-measure">(.*?)</pre>', proc.stdout, re.S)
    assert found, proc.stderr[-2000:]
    import html as html_lib

    return json.loads(html_lib.unescape(found.group(1)))
