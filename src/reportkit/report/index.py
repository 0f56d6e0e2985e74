"""``index.html``: every report of the year with its deadline, state and links.

Self-contained (inline CSS, no script, no external URL); every text is escaped.
States: built on time (before the deadline), built late, failed, due but not
built yet, not yet due. Previous versions kept by the batch are linked too.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from pathlib import Path

from reportkit.files import write_atomic
from reportkit.fmt import format_date
from reportkit.periods import DueReport, build_calendar
from reportkit.plan.load import Plan

STATE_LABELS = {
    "on_time": "Đã lập đúng hạn",
    "late": "Đã lập sau hạn",
    "failed": "Lỗi khi lập",
    "missing": "Đến hạn, chưa lập",
    "not_due": "Chưa đến hạn",
}

_CSS = """
body{font-family:"Times New Roman","Liberation Serif",Tinos,"DejaVu Serif",serif;margin:1.5rem;color:#111;max-width:70rem}
h1{font-size:1.4rem;text-transform:uppercase;text-align:center}p.meta{text-align:center;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{border:1px solid #555;padding:.3rem .45rem;vertical-align:top}
th{background:#e8e8e8}td.state{white-space:nowrap}.on_time{background:#dbeed3}.late{background:#fbe5b6}
.failed{background:#f4c7c3;font-weight:bold}.missing{background:#f9e0de}.not_due{color:#555}
a{color:#0b4f8a}small{color:#444}
@media (max-width:40rem){
body{margin:.6rem}h1{font-size:1.1rem}
table.index thead{display:none}table.index,table.index tbody{display:block}
table.index tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:.15rem .5rem;border:1px solid #555;
border-radius:.25rem;margin:0 0 .4rem;padding:.3rem .45rem}
table.index td{display:block;border:0;padding:0;font-size:.9rem}table.index td:empty{display:none}
table.index td.kind{font-weight:bold}table.index td.state{padding:0 .3rem;border-radius:.2rem}
table.index td.built::before{content:"lập ngày "}table.index td.built br{display:none}
table.index td.files{flex:1 1 100%}
}
"""


def read_manifest(report_dir: Path) -> dict | None:
    """The ``manifest.json`` of a report folder, or None when there is none (or it is not a record)."""
    try:
        manifest = json.loads((Path(report_dir) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _failure_page(report_dir: Path) -> Path | None:
    for candidate in (report_dir.parent / f"{report_dir.name}.failed" / "failed.html", report_dir / "failed.html"):
        if candidate.is_file():
            return candidate
    return None


def _parse_time(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _built_at(manifest: dict) -> dt.datetime | None:
    """When this build of the report was made."""
    for key in ("finished_at", "created", "built_at"):
        when = _parse_time(manifest.get(key))
        if when is not None:
            return when
    return None


def first_built_at(manifest: dict) -> dt.datetime | None:
    """When the report was first built (kept across rebuilds); the build time for older manifests."""
    return _parse_time(manifest.get("first_built_at")) or _built_at(manifest)


def report_state(report: DueReport, report_dir: Path, through: dt.date) -> tuple[str, dict | None, Path | None]:
    """The state key of one report, its manifest and failure page (if any).

    On time or late is decided by the first build: a report delivered before
    its deadline stays on time when it is rebuilt later (new data, a new
    reportkit version).
    """
    manifest = read_manifest(report_dir)
    failed = _failure_page(report_dir)
    built = _built_at(manifest) if manifest else None
    if failed is not None and (built is None or failed.stat().st_mtime > (report_dir / "manifest.json").stat().st_mtime):
        return "failed", manifest, failed
    if manifest:
        first = first_built_at(manifest)
        if first is not None and first.date() > report.last_day:
            return "late", manifest, None
        return "on_time", manifest, None
    if report.default_cutoff > through:
        return "not_due", None, None
    return "missing", None, None


def _rel(path: Path, root: Path) -> str:
    return html.escape(os.path.relpath(path, root).replace(os.sep, "/"), quote=True)


def _version_links(report_dir: Path, stream: str, html_name: str, output: Path) -> list[str]:
    """Links to the previous versions kept by the batch, each labelled with its own build date."""
    versions_dir = report_dir.parent / f"{stream}.versions"
    if not versions_dir.is_dir():
        return []
    links = []
    for version in sorted((p for p in versions_dir.iterdir() if p.is_dir()), reverse=True):
        vfile = version / html_name
        if vfile.is_file():
            built = _built_at(read_manifest(version) or {})
            label = f"bản lập {format_date(built.date())}" if built else f"bản {version.name}"
            links.append(f'<small><a href="{_rel(vfile, output)}">{html.escape(label)}</a></small>')
    return links


def _built_cell(manifest: dict | None) -> str:
    """First build date, and the date of the latest rebuild when it differs."""
    if not manifest:
        return ""
    first, last = first_built_at(manifest), _built_at(manifest)
    text = format_date(first.date()) if first else ""
    if last is not None and first is not None and last.date() != first.date():
        text += f' <br><small class="rebuilt">lập lại {format_date(last.date())}</small>'
    return text


FILE_LABELS = {"html": "HTML", "pdf": "PDF", "docx": "Word"}  # the report's files linked from the index


def _row(report: DueReport, output: Path, through: dt.date) -> str:
    report_dir = output / report.period.id / report.stream.code
    state, manifest, failed = report_state(report, report_dir, through)
    files = (manifest or {}).get("files") or {}
    links = []
    for kind, label in FILE_LABELS.items():
        name = files.get(kind) or f"report.{kind}"
        if (report_dir / name).is_file():
            links.append(f'<a href="{_rel(report_dir / name, output)}">{label}</a>')
    if failed is not None:
        links.append(f'<a href="{_rel(failed, output)}">Báo cáo lỗi</a>')
    links += _version_links(report_dir, report.stream.code, files.get("html") or "report.html", output)
    return (
        "<tr>"
        f'<td class="kind">{html.escape(report.stream.short_name)}</td>'
        f'<td class="period">{html.escape(report.period.label)}</td>'
        f'<td class="due">{html.escape(report.due_text)}</td>'
        f'<td class="state {state}">{STATE_LABELS[state]}</td>'
        f'<td class="built">{_built_cell(manifest)}</td>'
        f'<td class="files">{" · ".join(links)}</td>'
        "</tr>"
    )


def _record_section(plan: Plan, year: int, through: dt.date, submissions: Path | str | None) -> str:
    """The unit × report submission matrix of the year so far ("" without a readable submissions folder)."""
    if submissions is None or year != plan.year or not Path(submissions).is_dir():
        return ""
    from reportkit.report.submission_record import record_style, render_submission_record
    from reportkit.tracking.remind import track_year

    record = track_year(plan, through, submissions)
    return (f"<style>{record_style()}</style>"
            f"<h2>Tình hình gửi bảng theo dõi của {html.escape(plan.wording.units)}</h2>"
            + render_submission_record(record))


def render_index(plan: Plan, output: Path, year: int | None = None, through: dt.date | None = None,
                 submissions: Path | str | None = None) -> str:
    """The index page as HTML text; with ``submissions``, the submission record of the year so far under it."""
    year = year or plan.year
    through = through or dt.date.today()
    rows = [_row(report, output, through) for report in build_calendar(plan, year)]
    title = f"Danh mục báo cáo năm {year}"
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(plan.issuer_name)}<br>{html.escape(title)}</h1>"
        f'<p class="meta">{html.escape(plan.document_type.capitalize())} {html.escape(plan.title[:1].lower() + plan.title[1:])} · '
        f"cập nhật {format_date(through)}</p>"
        '<table class="index"><thead><tr><th>Loại báo cáo</th><th>Kỳ báo cáo</th><th>Hạn nộp</th><th>Tình trạng</th>'
        "<th>Ngày lập</th><th>Tệp</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        + _record_section(plan, year, through, submissions) + "</body></html>"
    )


def write_index(output: Path, plan: Plan, year: int | None = None, through: dt.date | None = None,
                submissions: Path | str | None = None) -> Path:
    """Write ``<output>/index.html`` atomically and return its path (with the submission record when
    ``submissions`` is given)."""
    target = Path(output) / "index.html"
    write_atomic(target, render_index(plan, Path(output), year, through, submissions))
    return target


def write_org_index(output: Path, orgs: list) -> Path:
    """A top-level page linking each organisation's index (multi-organisation batches)."""
    items = "".join(
        f'<li><a href="{html.escape(o.code)}/index.html">{html.escape(o.code)}</a></li>' for o in orgs if o.code
    )
    page = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Danh mục đơn vị</title>'
            f"<style>{_CSS}</style></head><body><h1>Danh mục đơn vị</h1><ul>{items}</ul></body></html>")
    target = Path(output) / "index.html"
    write_atomic(target, page)
    return target
