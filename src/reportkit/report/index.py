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
import tempfile
from pathlib import Path

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
a{color:#0b4f8a}small{color:#444}@media (max-width:40rem){td,th{font-size:.85rem;padding:.2rem}}
"""


def _manifest(report_dir: Path) -> dict | None:
    try:
        return json.loads((report_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _failure_page(report_dir: Path) -> Path | None:
    for candidate in (report_dir.parent / f"{report_dir.name}.failed" / "failed.html", report_dir / "failed.html"):
        if candidate.is_file():
            return candidate
    return None


def _built_at(manifest: dict) -> dt.datetime | None:
    for key in ("finished_at", "created", "built_at"):
        value = manifest.get(key)
        if value:
            try:
                return dt.datetime.fromisoformat(str(value))
            except ValueError:
                continue
    return None


def report_state(report: DueReport, report_dir: Path, through: dt.date) -> tuple[str, dict | None, Path | None]:
    """The state key of one report, its manifest and failure page (if any)."""
    manifest = _manifest(report_dir)
    failed = _failure_page(report_dir)
    built = _built_at(manifest) if manifest else None
    if failed is not None and (built is None or failed.stat().st_mtime > (report_dir / "manifest.json").stat().st_mtime):
        return "failed", manifest, failed
    if manifest:
        if built is not None and built.date() > report.last_day:
            return "late", manifest, None
        return "on_time", manifest, None
    if report.default_cutoff > through:
        return "not_due", None, None
    return "missing", None, None


def _rel(path: Path, root: Path) -> str:
    return html.escape(os.path.relpath(path, root).replace(os.sep, "/"), quote=True)


def render_index(plan: Plan, output: Path, year: int | None = None, through: dt.date | None = None) -> str:
    """The index page as HTML text."""
    year = year or plan.year
    through = through or dt.date.today()
    rows = []
    for report in build_calendar(plan, year):
        report_dir = output / report.period.id / report.stream.code
        state, manifest, failed = report_state(report, report_dir, through)
        links = []
        files = (manifest or {}).get("files") or {}
        for kind in ("html", "pdf"):
            name = files.get(kind) or f"report.{kind}"
            if (report_dir / name).is_file():
                links.append(f'<a href="{_rel(report_dir / name, output)}">{kind.upper()}</a>')
        if failed is not None:
            links.append(f'<a href="{_rel(failed, output)}">Báo cáo lỗi</a>')
        versions_dir = report_dir.parent / f"{report.stream.code}.versions"
        if versions_dir.is_dir():
            for version in sorted((p for p in versions_dir.iterdir() if p.is_dir()), reverse=True):
                vfile = version / (files.get("html") or "report.html")
                if vfile.is_file():
                    links.append(f'<small><a href="{_rel(vfile, output)}">bản {html.escape(version.name)}</a></small>')
        built = _built_at(manifest) if manifest else None
        rows.append(
            "<tr>"
            f"<td>{html.escape(report.stream.short_name)}</td>"
            f"<td>{html.escape(report.period.label)}</td>"
            f"<td>trước ngày {format_date(report.due_before)}</td>"
            f'<td class="state {state}">{STATE_LABELS[state]}</td>'
            f"<td>{format_date(built.date()) if built else ''}</td>"
            f"<td>{' · '.join(links)}</td>"
            "</tr>"
        )
    title = f"Danh mục báo cáo năm {year}"
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(plan.issuer_name)}<br>{html.escape(title)}</h1>"
        f'<p class="meta">{html.escape(plan.document_type.capitalize())} {html.escape(plan.title[:1].lower() + plan.title[1:])} · '
        f"cập nhật {format_date(through)}</p>"
        "<table><thead><tr><th>Loại báo cáo</th><th>Kỳ báo cáo</th><th>Hạn nộp</th><th>Tình trạng</th>"
        "<th>Ngày lập</th><th>Tệp</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></body></html>"
    )


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A new private name (O_EXCL): a link planted at a fixed temporary name cannot redirect the write.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_index(output: Path, plan: Plan, year: int | None = None, through: dt.date | None = None) -> Path:
    """Write ``<output>/index.html`` atomically and return its path."""
    target = Path(output) / "index.html"
    _write_atomic(target, render_index(plan, Path(output), year, through))
    return target


def write_org_index(output: Path, orgs: list) -> Path:
    """A top-level page linking each organisation's index (multi-organisation batches)."""
    items = "".join(
        f'<li><a href="{html.escape(o.code)}/index.html">{html.escape(o.code)}</a></li>' for o in orgs if o.code
    )
    page = ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Danh mục đơn vị</title>'
            f"<style>{_CSS}</style></head><body><h1>Danh mục đơn vị</h1><ul>{items}</ul></body></html>")
    target = Path(output) / "index.html"
    _write_atomic(target, page)
    return target
