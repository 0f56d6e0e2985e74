"""The "Báo cáo chưa hoàn chỉnh" page written when a run fails.

It names the step that failed, the error (and its technical detail), the run
parameters and every input file with its sha256, and says that the previous
good report, if any, is still in place. One self-contained HTML file in the
report's stylesheet.
"""

from __future__ import annotations

import datetime as dt
import html as _html
import json
import os
import shutil
from pathlib import Path

from reportkit.files import make_temp_dir, write_atomic
from reportkit.fmt import format_date, format_number
from reportkit.jobs.export import read_css
from reportkit.report.markup import escape, tag


def render_failure_page(params, step: str, message: str, detail: str, inputs: list[dict]) -> str:
    """The failure page for a run of ``params`` that failed at ``step`` with ``message``."""
    report = params.report
    now = dt.datetime.now()
    rows = "".join(
        "<tr>" + tag("td", escape(name), None) + tag("td", escape(value)) + "</tr>"
        for name, value in (
            ("Báo cáo", report.label if report else ""),
            ("Kỳ báo cáo", params.period.id),
            ("Luồng báo cáo", params.stream),
            ("Ngày chốt số liệu", format_date(params.as_of)),
            ("Thư mục số liệu", str(params.submissions)),
            ("Kế hoạch", str(params.plan_path)),
        )
    )
    input_rows = "".join(
        "<tr>" + tag("td", format_number(i), "center") + tag("td", escape(item["file"]))
        + tag("td", format_number(item["bytes"]), "num") + tag("td", escape(item["sha256"]), "mono") + "</tr>"
        for i, item in enumerate(inputs, 1)
    )
    inputs_html = (
        '<table class="data compact"><colgroup><col style="width:7%"><col style="width:35%">'
        '<col style="width:14%"><col style="width:44%"></colgroup>'
        "<thead><tr><th>STT</th><th>Tệp</th><th>Dung lượng (byte)</th><th>SHA-256</th></tr></thead>"
        f"<tbody>{input_rows}</tbody></table>"
        if inputs else tag("p", "Không tìm thấy tệp số liệu nào.", "noindent")
    )
    body = (
        '<section class="failure">'
        + tag("h1", "BÁO CÁO CHƯA HOÀN CHỈNH")
        + tag("p", escape(f"{report.label if report else params.period.id}: lần lập báo cáo lúc "
                          f"{now:%H:%M} ngày {format_date(now.date())} không thành công. "
                          "Báo cáo hoàn chỉnh gần nhất (nếu có) vẫn được giữ nguyên."), "noindent")
        + tag("p", "<b>Bước bị lỗi:</b> " + escape(step), "noindent")
        + tag("p", "<b>Lỗi:</b> " + escape(message), "noindent")
        + tag("p", "Notebook đã chạy (kèm thông báo lỗi của papermill) được lưu bên cạnh trang này "
                   "(report.ipynb), nếu bước chạy notebook đã bắt đầu.", "note")
        + "</section>"
        + tag("h2", "Tham số lần chạy")
        + f'<table class="data compact"><colgroup><col style="width:30%"><col style="width:70%"></colgroup><tbody>{rows}</tbody></table>'
        + tag("h2", "Các tệp số liệu đầu vào")
        + inputs_html
        + (tag("h2", "Chi tiết kỹ thuật") + tag("pre", escape(detail).replace("<br>", "\n"), "error") if detail else "")
    )
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Báo cáo chưa hoàn chỉnh – {_html.escape(params.period.id)} {_html.escape(params.stream)}</title>"
        f"<style>{read_css()}</style></head><body><main class=\"document\">{body}</main></body></html>"
    )


def publish_failure_dir(failed_dir: Path, page: str, info: dict, notebook=None) -> None:
    """Replace ``failed_dir`` at once with ``failed.html`` (``page``), ``failure.json`` (``info``) and the notebook.

    The folder is written beside it under a temporary name and renamed into
    place, so a reader never sees half of a failure report.
    """
    tmp = make_temp_dir(failed_dir.parent, prefix=f".{failed_dir.name}.")
    try:
        write_atomic(tmp / "failed.html", page)
        if notebook is not None:
            import nbformat

            nbformat.write(notebook, tmp / "report.ipynb")
        write_atomic(tmp / "failure.json", json.dumps(info, ensure_ascii=False, indent=2))
        shutil.rmtree(failed_dir, ignore_errors=True)
        os.rename(tmp, failed_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
