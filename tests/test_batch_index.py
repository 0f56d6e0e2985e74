"""index.html: states decided by the first build, rebuilds with their own date, rows that fit a phone."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from reportkit.jobs.export import chromium_command, find_chromium
from reportkit.jobs.run import _first_built_at
from reportkit.report.index import render_index, write_index

D = dt.date
Q1_DAN_CHU = ("2024-Q1", "dan-chu")  # due before 01/03/2024


def put_report(output: Path, period: str, stream: str, **manifest) -> Path:
    """A published report folder with an HTML file and the given manifest fields."""
    folder = output / period / stream
    folder.mkdir(parents=True)
    (folder / "report.html").write_text("<html></html>", encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"files": {"html": "report.html"}, **manifest}), encoding="utf-8")
    return folder


def row_of(page: str, period_label: str, kind: str) -> str:
    rows = [r for r in re.findall(r"<tr>.*?</tr>", page) if period_label in r and kind in r]
    assert len(rows) == 1, rows
    return rows[0]


def test_a_report_built_on_time_stays_on_time_when_rebuilt_after_its_deadline(plan, tmp_path):
    put_report(tmp_path, *Q1_DAN_CHU, first_built_at="2024-02-28T10:00:00+07:00",
               finished_at="2026-12-02T09:00:00+07:00")
    row = row_of(render_index(plan, tmp_path, 2024, D(2026, 12, 2)), "Quý I năm 2024", "Công tác dân chủ")
    assert "Đã lập đúng hạn" in row and "Đã lập sau hạn" not in row
    assert "28/02/2024" in row and "lập lại 02/12/2026" in row


def test_a_report_first_built_after_its_deadline_is_late(plan, tmp_path):
    put_report(tmp_path, *Q1_DAN_CHU, first_built_at="2024-03-04T10:00:00+07:00",
               finished_at="2024-03-04T10:00:00+07:00")
    row = row_of(render_index(plan, tmp_path, 2024, D(2024, 3, 5)), "Quý I năm 2024", "Công tác dân chủ")
    assert "Đã lập sau hạn" in row and "lập lại" not in row


def test_a_manifest_without_a_first_build_time_is_judged_by_its_build_time(plan, tmp_path):
    put_report(tmp_path, *Q1_DAN_CHU, finished_at="2024-03-02T10:00:00+07:00")
    row = row_of(render_index(plan, tmp_path, 2024, D(2024, 3, 5)), "Quý I năm 2024", "Công tác dân chủ")
    assert "Đã lập sau hạn" in row


def test_previous_versions_are_labelled_with_their_own_build_date(plan, tmp_path):
    put_report(tmp_path, *Q1_DAN_CHU, first_built_at="2024-02-20T10:00:00+07:00",
               finished_at="2024-02-28T10:00:00+07:00")
    version = tmp_path / "2024-Q1" / "dan-chu.versions" / "20240220T1000000700"
    version.mkdir(parents=True)
    (version / "report.html").write_text("<html></html>", encoding="utf-8")
    (version / "manifest.json").write_text(json.dumps({"finished_at": "2024-02-20T10:00:00+07:00"}), encoding="utf-8")
    row = row_of(render_index(plan, tmp_path, 2024, D(2024, 3, 5)), "Quý I năm 2024", "Công tác dân chủ")
    assert 'href="2024-Q1/dan-chu.versions/20240220T1000000700/report.html">bản lập 20/02/2024</a>' in row


def test_a_rebuild_keeps_the_first_build_time_of_the_published_report(tmp_path):
    final = put_report(tmp_path, *Q1_DAN_CHU, first_built_at="2024-02-20T10:00:00+07:00",
                       finished_at="2024-02-28T10:00:00+07:00")
    assert _first_built_at(final) == "2024-02-20T10:00:00+07:00"
    older = put_report(tmp_path, "2024-M01", "dan-van", finished_at="2024-01-09T08:00:00+07:00")
    assert _first_built_at(older) == "2024-01-09T08:00:00+07:00"  # a manifest from before first_built_at
    assert _first_built_at(tmp_path / "2024-Q2" / "dan-chu") is None  # never built: this build is the first
    kept = tmp_path / "2024-M01" / "dan-van.versions" / "20231231T0900000700"
    kept.mkdir(parents=True)
    (kept / "manifest.json").write_text(json.dumps({"finished_at": "2023-12-31T09:00:00+07:00"}), encoding="utf-8")
    assert _first_built_at(older) == "2023-12-31T09:00:00+07:00"  # the earliest kept version counts


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="Debian chromium not installed")
def test_index_rows_stay_compact_on_a_390_px_phone_screen(plan, tmp_path):
    put_report(tmp_path, *Q1_DAN_CHU, first_built_at="2024-02-28T10:00:00+07:00",
               finished_at="2024-03-20T10:00:00+07:00")
    page = write_index(tmp_path, plan, 2024, D(2024, 7, 5)).read_text(encoding="utf-8")
    # The page in a 390 px frame (headless windows are at least 500 px wide); the parent measures the
    # laid-out rows and leaves the numbers in its DOM.
    probe = ("<script>onload=()=>{const d=document.getElementById('f').contentDocument;"
             "const line=parseFloat(d.defaultView.getComputedStyle(d.querySelector('td')).lineHeight)||16;"
             "const rows=[...d.querySelectorAll('tbody tr')];const r={width:d.defaultView.innerWidth,"
             "scroll:d.documentElement.scrollWidth,"
             "kind:Math.max(...rows.map(t=>t.querySelector('td').getBoundingClientRect().height/line)),"
             "row:Math.max(...rows.map(t=>t.getBoundingClientRect().height/line))};"
             "document.body.insertAdjacentHTML('beforeend','<pre id=probe>'+JSON.stringify(r)+'</pre>')}</script>")
    frame = f'<iframe id="f" width="390" height="900" style="border:0" srcdoc="{html.escape(page, quote=True)}"></iframe>'
    test_page = tmp_path / "probe.html"
    test_page.write_text(f"<!DOCTYPE html><html><body>{frame}{probe}</body></html>", encoding="utf-8")
    cmd = chromium_command(find_chromium(), tmp_path / "profile") + [
        "--window-size=800,1000", "--virtual-time-budget=3000", "--dump-dom", test_page.as_uri()]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom)
    assert found, dom[-2000:]
    sizes = json.loads(found.group(1))
    assert sizes["width"] == 390 and sizes["scroll"] <= sizes["width"]  # nothing sticks out sideways
    assert sizes["kind"] <= 2.5  # the report's name is one line (two at most), not a word per line
    assert sizes["row"] <= 6.5  # a whole row, links included, in a few lines


def test_index_links_the_word_report_beside_html_and_pdf(plan, tmp_path):
    folder = put_report(tmp_path, *Q1_DAN_CHU, finished_at="2024-02-28T10:00:00+07:00")
    (folder / "report.docx").write_bytes(b"PK")
    manifest = {"files": {"html": "report.html", "docx": "report.docx"}, "finished_at": "2024-02-28T10:00:00+07:00"}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    row = row_of(render_index(plan, tmp_path, 2024, D(2024, 3, 5)), "Quý I năm 2024", "Công tác dân chủ")
    assert '<a href="2024-Q1/dan-chu/report.html">HTML</a> · <a href="2024-Q1/dan-chu/report.docx">Word</a>' in row
