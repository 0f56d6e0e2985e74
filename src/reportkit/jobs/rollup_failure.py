"""The "Báo cáo tổng hợp chưa hoàn chỉnh" page written beside a roll-up that failed.

As for a period report (jobs/failure.py): the previous good roll-up stays
published at ``<output>/<period>/<stream>/``; the failure goes to
``<stream>.failed/`` (``failed.html``, ``failure.json`` and, when the notebook
ran, the executed ``report.ipynb`` with papermill's error). The page says, in
Vietnamese, which step failed, the error, how to fix it, whether the previous
roll-up is still in place, and what the roll-up had read.
"""

from __future__ import annotations

import datetime as dt
import html as _html
import json
from pathlib import Path

from reportkit.fmt import format_date
from reportkit.jobs.export import read_css
from reportkit.jobs.failure import publish_failure_dir
from reportkit.report.markup import escape, tag

# The first word of a failed step → how to fix it (the step names are jobs/rollup.py's).
FIXES = {
    "Khởi động kernel": "Đăng ký kernel reportkit cho môi trường này: chạy make setup (hoặc python -m ipykernel "
                        "install --sys-prefix --name reportkit), rồi chạy lại lệnh reportkit rollup.",
    "Ghi bảng tổng hợp": "Kiểm tra thư mục ghi kết quả (--output): còn chỗ trống trên đĩa và có quyền ghi; "
                         "rồi chạy lại lệnh reportkit rollup.",
    "Chạy notebook": "Mở report.ipynb bên cạnh trang này để xem ô bị lỗi. Nếu lỗi do số liệu của một đơn vị "
                     "(bảng tình trạng, manifest.json), lập lại báo cáo của đơn vị đó rồi chạy lại reportkit "
                     "rollup; nếu notebooks/rollup_report.ipynb đã bị sửa, lấy lại bản gốc.",
    "Xuất PDF": "Kiểm tra WeasyPrint và phông chữ (xem docs/reports.md); có thể tạm bỏ PDF bằng "
                "--formats html,docx rồi chạy lại.",
    "Xuất bản Word": "Có thể tạm bỏ bản Word bằng --formats html,pdf rồi chạy lại; gửi report.ipynb bên cạnh "
                     "trang này cho người quản trị reportkit.",
    "Xuất HTML": "Gửi report.ipynb bên cạnh trang này cho người quản trị reportkit; kiểm tra bản cài "
                 "nbconvert (make setup).",
}
DEFAULT_FIX = "Đọc chi tiết kỹ thuật bên dưới, sửa nguyên nhân rồi chạy lại lệnh reportkit rollup."


def fix_for(step: str) -> str:
    """How to fix a failure at ``step`` (Vietnamese)."""
    return next((fix for start, fix in FIXES.items() if step.startswith(start)), DEFAULT_FIX)


def render_rollup_failure(info: dict) -> str:
    """The failure page of a roll-up from ``info`` (period, stream, step, error, detail, params, previous, read)."""
    now = dt.datetime.now()
    previous = info.get("previous")
    kept = (f"Báo cáo tổng hợp hoàn chỉnh gần nhất (lập lúc {previous}) vẫn được giữ nguyên trong thư mục "
            f"{info['final']}." if previous else "Chưa có báo cáo tổng hợp hoàn chỉnh nào của kỳ này.")
    rows = "".join("<tr>" + tag("td", escape(name)) + tag("td", escape(value)) + "</tr>"
                   for name, value in info["params"].items())
    body = (
        '<section class="failure">' + tag("h1", "BÁO CÁO TỔNG HỢP CHƯA HOÀN CHỈNH")
        + tag("p", escape(f"Báo cáo tổng hợp kỳ {info['period']} ({info['stream']}): lần lập lúc {now:%H:%M} "
                          f"ngày {format_date(now.date())} không thành công. {kept}"), "noindent")
        + tag("p", "<b>Bước bị lỗi:</b> " + escape(info["step"]), "noindent")
        + tag("p", "<b>Lỗi:</b> " + escape(info["error"]), "noindent")
        + tag("p", "<b>Cách sửa:</b> " + escape(fix_for(info["step"])), "noindent")
        + "</section>"
        + tag("h2", "Tham số lần chạy")
        + f'<table class="data compact"><colgroup><col style="width:30%"><col style="width:70%"></colgroup>'
          f"<tbody>{rows}</tbody></table>"
        + (tag("h2", "Chi tiết kỹ thuật") + tag("pre", escape(info["detail"]).replace("<br>", "\n"), "error")
           if info.get("detail") else "")
    )
    title = f"Báo cáo tổng hợp chưa hoàn chỉnh – {_html.escape(info['period'])} {_html.escape(info['stream'])}"
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title><style>{read_css()}</style></head>"
            f'<body><main class="document">{body}</main></body></html>')


def previous_built_at(final: Path) -> str | None:
    """When the published roll-up (if any) was built, as "HH:MM ngày DD/MM/YYYY"; None when there is none."""
    try:
        manifest = json.loads((final / "manifest.json").read_text(encoding="utf-8"))
        built = dt.datetime.fromisoformat(str(manifest.get("finished_at")))
    except (OSError, ValueError, TypeError):
        return None
    return f"{built:%H:%M} ngày {format_date(built.date())}"


def write_rollup_failure(failed_dir: Path, final: Path, info: dict, notebook=None) -> Path:
    """Write ``failed.html``, ``failure.json`` (and the executed notebook) into ``failed_dir``; returns the page."""
    info = {**info, "final": str(final), "previous": previous_built_at(final),
            "failed_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "fix": fix_for(info["step"])}
    publish_failure_dir(failed_dir, render_rollup_failure(info), info, notebook)
    return failed_dir / "failed.html"
