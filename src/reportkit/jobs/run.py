"""Build one period report: validate, execute the notebook with papermill, export, publish.

``run_report`` checks every parameter before a kernel starts, executes
``notebooks/period_report.ipynb`` with papermill in the ``reportkit`` kernel,
exports HTML, PDF and Word (DOCX) in this process (the imports are warmed up in a thread
while the kernel works), and publishes ``<output>/<period>/<stream>/``
atomically: everything is written to a temporary folder beside it, which
then replaces the previous report by rename. ``manifest.json`` records the
parameters, cut-off, library versions, every input file with its unit and
sha256, and timings.

A failed run never touches the previous good report. It writes
``<output>/<period>/<stream>.failed/`` instead: ``failed.html`` ("Báo cáo chưa
hoàn chỉnh", naming the failed step, the error and the inputs) and the
executed notebook with papermill's error banner.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

from reportkit.errors import ExportError, NotebookError, OutputError, ParamsError
from reportkit.files import hash_into, write_atomic
from reportkit.intake.reader import iter_workbook_paths
from reportkit.jobs.export import block_slow_imports, word_reference
from reportkit.jobs.kernel_fork import (
    ReportKernel as _Kernel,  # jobs.rollup imports _Kernel from here
)
from reportkit.jobs.kernel_fork import TemplateDiedError
from reportkit.jobs.staging import make_staging, remove_stale, swap_in
from reportkit.messages import t
from reportkit.params import (
    RunInputs,
    find_project_root,
    load_params_file,
    parse_run_inputs,
)
from reportkit.report.record import RUN_RECORD_MIMETYPE
from reportkit.safepath import check_inside

FORMATS = ("html", "pdf", "docx", "ipynb")
# The notebook's last cell displays the run record under this MIME type: the
# template ignores it, run_report reads it into manifest.json.
FILE_NAMES = {"html": "report.html", "pdf": "report.pdf", "docx": "report.docx", "ipynb": "report.ipynb"}
NOTEBOOK = Path("notebooks") / "period_report.ipynb"
KEY_LIBRARIES = ("reportkit", "papermill", "nbconvert", "nbformat", "nbclient", "ipykernel", "weasyprint",
                 "matplotlib", "pandas", "numpy", "python-calamine", "openpyxl", "python-docx", "jupytext")
SOURCE_ROOT = Path(__file__).resolve().parents[3]


@dataclass
class RunResult:
    """What one run produced: ok, where, which files, the manifest, the error and timings."""

    ok: bool
    out_dir: Path
    files: dict = field(default_factory=dict)
    manifest: dict = field(default_factory=dict)
    error: str | None = None
    timings: dict = field(default_factory=dict)
    failed_dir: Path | None = None


class _Failure(Exception):
    """A step of the run failed after the parameters were accepted."""

    def __init__(self, step: str, message: str, detail: str = "", notebook: Any = None):
        super().__init__(message)
        self.step, self.message, self.detail, self.notebook = step, message, detail, notebook


def find_notebook(name: Path = NOTEBOOK) -> Path:
    """The report notebook: in the project folder (from cwd), else beside the installed sources."""
    for root in (find_project_root(), SOURCE_ROOT):
        if root is not None and (root / name).is_file():
            return root / name
    raise NotebookError(t("jobs.no_notebook", name=name), hint=t("jobs.no_notebook.fix"))


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """``"html,pdf"`` or ``("html", "pdf")`` → checked tuple; ParamsError lists the valid ones."""
    items = [f.strip().lower() for f in (formats.split(",") if isinstance(formats, str) else formats) if f.strip()]
    bad = [f for f in items if f not in FORMATS]
    if bad or not items:
        raise ParamsError(t("jobs.unknown_formats", formats=", ".join(bad) or t("jobs.no_formats")),
                          hint=t("jobs.unknown_formats.fix", choices=", ".join(FORMATS)))
    return tuple(dict.fromkeys(items))


def library_versions() -> dict[str, str]:
    """Versions of Python, reportkit and the key libraries, for the manifest."""
    import platform

    out = {"python": platform.python_version()}
    for name in KEY_LIBRARIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def hash_file(path: Path) -> str:
    """sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    hash_into(digest, path)
    return digest.hexdigest()


def list_inputs(folder: Path) -> list[dict]:
    """Workbooks in a submissions folder with size and sha256 (for a failure page)."""
    files = iter_workbook_paths(folder)  # exactly the files intake reads
    return [{"file": str(p.relative_to(folder)), "bytes": p.stat().st_size, "sha256": hash_file(p)} for p in files]


class _Prewarm(threading.Thread):
    """Imports nbconvert (and WeasyPrint) and builds the HTML exporter while the kernel runs."""

    def __init__(self, pdf: bool):
        super().__init__(name="reportkit-prewarm", daemon=True)
        self.pdf = pdf

    done: ClassVar[set[bool]] = set()  # what this process warmed already (a batch worker builds many reports)

    def run(self) -> None:
        if True in self.done or self.pdf in self.done:
            return
        try:
            from nbformat.v4 import new_notebook

            from reportkit.jobs.export import export_html

            html = export_html(new_notebook())  # imports nbconvert and compiles the template
            import reportkit.report.docx_out  # noqa: F401  (python-docx and lxml, for report.docx)
            if self.pdf:
                import weasyprint

                # A one-line render loads fontconfig, pango and the report's font faces.
                sample = ('<p>Việt <b>Nam</b> <i>ngày</i> <b><i>tháng</i></b></p>'
                          '<table class="data"><tr><td class="mono">ả ầ ế</td></tr></table>')
                weasyprint.HTML(string=html.replace("</main>", sample + "</main>")).write_pdf()
            self.done.add(self.pdf)
        except Exception:  # noqa: BLE001 - the real export reports any problem
            pass


def run_report(
    period: str | None,
    stream: str | None,
    *,
    plan_path: str | os.PathLike | None = None,
    as_of: Any = None,
    submissions: str | os.PathLike | None = None,
    output: str | os.PathLike = "outputs",
    formats: str | Iterable[str] = ("html", "pdf", "docx", "ipynb"),
    params_file: str | os.PathLike | None = None,
    deadlines: dict | None = None,
    number: Any = None,
    signed_on: Any = None,
    kernel_name: str = "reportkit",
    timeout: float = 600,
    pdf_engine: str = "weasyprint",
    fingerprint: str | None = None,
) -> RunResult:
    """Build the report of ``period`` for ``stream`` into ``<output>/<period>/<stream>/``.

    Parameters given here override those of ``params_file``. Raises
    ParamsError (before any kernel starts) for bad parameters; a failure after
    that (notebook, export) returns ``RunResult(ok=False)`` with the failure
    page written and the previous report left in place.
    """
    started = dt.datetime.now().astimezone()
    t_start = time.perf_counter()
    timings: dict[str, float] = {}
    raw: dict[str, Any] = load_params_file(params_file) if params_file else {}
    given = {"period": period, "stream": stream, "plan_path": plan_path, "as_of": as_of,
             "submissions": submissions, "deadlines": deadlines, "number": number, "signed_on": signed_on}
    raw.update({k: (os.fspath(v) if isinstance(v, os.PathLike) else v) for k, v in given.items() if v is not None})
    fmts = parse_formats(formats)
    if pdf_engine not in ("weasyprint", "chromium"):
        raise ParamsError(t("jobs.unknown_pdf_engine", engine=pdf_engine), hint=t("jobs.unknown_pdf_engine.fix"))
    params = parse_run_inputs(raw, source=params_file)  # the one input boundary, before any kernel
    reference = word_reference(params.plan) if "docx" in fmts else None  # a bad reference stops before any kernel
    timings["validate"] = round(time.perf_counter() - t_start, 3)

    output = Path(output)
    final = output / params.period.id / params.stream
    failed_dir = final.with_name(final.name + ".failed")
    for target in (final, failed_dir):
        check_inside(output, target)  # no "..", no symbolic link planted below the outputs folder
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(final)  # staging folders left by killed runs of this report (owner gone)
        staging = make_staging(final)  # marked with this process, so a later run can tell it is left over
    except OSError as exc:
        raise OutputError(t("jobs.cannot_write", detail=exc), path=final.parent,
                          hint=t("jobs.cannot_write.fix")) from None

    try:
        record, nb, kernel = _execute(params, staging, kernel_name, timeout, pdf="pdf" in fmts, timings=timings)
        try:
            files = _export(nb, staging, fmts, pdf_engine, timings, reference)
        finally:
            t_wait = time.perf_counter()
            kernel.wait()
            timings["wait_kernel_exit"] = round(time.perf_counter() - t_wait, 3)
        manifest = _manifest(params, record, fmts, _write_status(record, staging, params, files, nb), timings,
                             started, t_start, kernel_name, pdf_engine, fingerprint)
        manifest["first_built_at"] = _first_built_at(final) or manifest["finished_at"]
        manifest["sha256"] = {name: hash_file(staging / name) for name in files.values()}  # checkable after a crash
        write_atomic(staging / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        _publish(staging, final)
        shutil.rmtree(failed_dir, ignore_errors=True)
        manifest["timings"]["total"] = round(time.perf_counter() - t_start, 3)
        return RunResult(True, final, {k: final / v for k, v in manifest["files"].items()}, manifest, None,
                         manifest["timings"])
    except _Failure as failure:
        timings["total"] = round(time.perf_counter() - t_start, 3)
        _write_failure(failed_dir, params, failure, timings, started)
        error = f"{failure.step}: {failure.message}"
        files = {"failed_html": failed_dir / "failed.html"}
        if (failed_dir / "report.ipynb").is_file():
            files["failed_ipynb"] = failed_dir / "report.ipynb"
        return RunResult(False, final, files, {}, error, timings, failed_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _execute(params: RunInputs, staging: Path, kernel_name: str, timeout: float, *, pdf: bool,
             timings: dict) -> tuple[dict, Any, _Kernel]:
    """Run the notebook with papermill; return the run record, the executed notebook and the kernel."""
    t0 = time.perf_counter()
    cwd = find_project_root(params.plan_path.parent) or Path.cwd()
    try:
        kernel = _Kernel(kernel_name, cwd)
    except TemplateDiedError as exc:  # only this report fails; the worker has a new template already
        raise _Failure("Khởi động kernel", exc.message, traceback.format_exc(limit=4)) from None
    except Exception as exc:  # noqa: BLE001 - kernel not registered or cannot start
        message = f"{type(exc).__name__}: {exc}"
        if type(exc).__name__ == "NoSuchKernel":
            message += (f" (register it: {Path(sys.executable).name} -m ipykernel install --sys-prefix "
                        f"--name {kernel_name}; `make setup` does it)")
        raise _Failure("Khởi động kernel", message, traceback.format_exc(limit=4)) from None
    block_slow_imports()
    prewarm = _Prewarm(pdf)
    prewarm.start()
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    timings["start_kernel_and_papermill"] = round(time.perf_counter() - t0, 3)
    notebook = find_notebook()
    out_nb = staging / FILE_NAMES["ipynb"]
    try:
        pm.execute_notebook(
            str(notebook), str(out_nb),
            km=kernel.km,
            parameters=params.as_notebook_parameters(),
            kernel_name=kernel_name,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            cwd=str(cwd),
        )
    except PapermillExecutionError as exc:
        kernel.stop()
        timings["execute"] = round(time.perf_counter() - t0, 3)
        nb = nbformat.read(out_nb, as_version=4) if out_nb.is_file() else None
        kernel.wait()
        raise _Failure(f"Chạy notebook (ô số {exc.exec_count or exc.cell_index})",
                       f"{exc.ename}: {exc.evalue}", _clean_traceback(exc.traceback), nb) from None
    except Exception as exc:  # noqa: BLE001 - kernel died, timeout, I/O
        kernel.stop()
        timings["execute"] = round(time.perf_counter() - t0, 3)
        nb = nbformat.read(out_nb, as_version=4) if out_nb.is_file() else None
        kernel.wait()
        message = t("jobs.kernel_template_died_running") if kernel.died_with_template() else ""
        raise _Failure("Chạy notebook", message or f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4),
                       nb) from None
    except BaseException:  # Ctrl-C, SystemExit: never leave a kernel behind
        kernel.wait()
        raise
    kernel.stop()
    timings["execute"] = round(time.perf_counter() - t0, 3)
    nb = nbformat.read(out_nb, as_version=4)
    record = _read_run_record(nb)
    from reportkit.report.document import lower_first, report_subject

    nb.metadata["reportkit"] = {"title": f"Báo cáo {lower_first(report_subject(params.report))}", "period": params.period.id,
                                "stream": params.stream}
    t1 = time.perf_counter()
    prewarm.join()
    timings["wait_prewarm"] = round(time.perf_counter() - t1, 3)
    return record, nb, kernel


def _clean_traceback(lines: list[str] | None) -> str:
    import re

    text = "\n".join(lines or [])
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _read_run_record(nb) -> dict:
    for cell in reversed(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if RUN_RECORD_MIMETYPE in data:
                return dict(data[RUN_RECORD_MIMETYPE])
    return {}


def export_html_step(nb, timings: dict) -> str:
    """The report HTML of the executed notebook (timed as ``export_html``); a failure is the step "Xuất HTML"."""
    from reportkit.jobs.export import export_html

    t0 = time.perf_counter()
    try:
        html = export_html(nb)
    except ExportError as exc:
        raise _Failure("Xuất HTML", exc.message, traceback.format_exc(limit=4), nb) from None
    timings["export_html"] = round(time.perf_counter() - t0, 3)
    return html


def export_docx_step(nb, staging: Path, reference: bytes, timings: dict) -> None:
    """report.docx in ``staging`` (timed as ``export_docx``); any failure is the step "Xuất bản Word (DOCX)"."""
    from reportkit.jobs.export import export_docx

    t0 = time.perf_counter()
    try:
        export_docx(nb, staging / FILE_NAMES["docx"], reference)
    except ExportError as exc:
        raise _Failure("Xuất bản Word (DOCX)", exc.message, traceback.format_exc(limit=4), nb) from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml problems become a failed step, never a lost report
        raise _Failure("Xuất bản Word (DOCX)", t("docx.failed", detail=f"{type(exc).__name__}: {exc}"),
                       traceback.format_exc(limit=4), nb) from None
    timings["export_docx"] = round(time.perf_counter() - t0, 3)


def _export(nb, staging: Path, fmts: tuple[str, ...], pdf_engine: str, timings: dict,
            reference: bytes | None = None) -> dict[str, str]:
    from reportkit.jobs.export import export_pdf

    files: dict[str, str] = {}
    html = export_html_step(nb, timings)
    if "html" in fmts:
        write_atomic(staging / FILE_NAMES["html"], html)
        files["html"] = FILE_NAMES["html"]
    if "pdf" in fmts:
        t0 = time.perf_counter()
        try:
            export_pdf(html, staging / FILE_NAMES["pdf"], engine=pdf_engine)
        except ExportError as exc:
            raise _Failure(f"Xuất PDF ({pdf_engine})", exc.message, traceback.format_exc(limit=4), nb) from None
        timings["export_pdf"] = round(time.perf_counter() - t0, 3)
        files["pdf"] = FILE_NAMES["pdf"]
    if "docx" in fmts:
        export_docx_step(nb, staging, reference or word_reference(None), timings)
        files["docx"] = FILE_NAMES["docx"]
    if "ipynb" in fmts:
        files["ipynb"] = FILE_NAMES["ipynb"]
    else:
        (staging / FILE_NAMES["ipynb"]).unlink(missing_ok=True)
    return files


def _write_status(record: dict, staging: Path, params: RunInputs, files: dict[str, str], nb) -> dict[str, str]:
    """Write status.parquet from the status table the kernel handed over in the run record; ``files`` with it."""
    from reportkit.rollup.status_file import STATUS_FILE, write_status_parquet

    table = record.pop("status_table", None)
    if table is None:
        return files
    try:
        write_status_parquet(table, staging / STATUS_FILE, params.period.id, params.stream)
    except Exception as exc:  # noqa: BLE001 - an arrow problem becomes a failed step, never a lost report
        raise _Failure("Ghi bảng tình trạng (status.parquet)", f"{type(exc).__name__}: {exc}",
                       traceback.format_exc(limit=4), nb) from None
    files["status"] = STATUS_FILE
    return files


def _manifest(params: RunInputs, record: dict, fmts, files: dict, timings: dict, started: dt.datetime,
              t_start: float, kernel_name: str, pdf_engine: str, fingerprint: str | None) -> dict:
    finished = dt.datetime.now().astimezone()
    kernel_timings = record.get("timings") or {}
    return {
        "reportkit_manifest": 1,
        "period": params.period.id,
        "period_label": params.period.label,
        "stream": params.stream,
        "report": params.report.label,
        "plan_code": params.plan.code,
        "as_of": params.as_of.isoformat(),
        "due_before": params.report.due_before.isoformat(),
        "params": params.as_manifest(),
        "headline": record.get("headline"),
        "counts": record.get("counts", {}),
        "input_errors": int(record.get("input_errors", 0)),
        "input_warnings": int(record.get("input_warnings", 0)),
        "inputs": record.get("inputs", []),
        "files": files,
        "formats": list(fmts),
        "kernel": kernel_name,
        "pdf_engine": pdf_engine if "pdf" in fmts else None,
        "versions": library_versions(),
        "fingerprint": fingerprint,
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": finished.isoformat(timespec="seconds"),
        "timings": {**timings, **{f"kernel_{k}": v for k, v in kernel_timings.items()},
                    "total": round(time.perf_counter() - t_start, 3)},
    }


def _first_built_at(final: Path) -> str | None:
    """When the report was first built: kept across rebuilds (so on time stays on time), else None.

    Read from the published report, or from the versions the batch kept when
    there is none.
    """
    from reportkit.report.index import first_built_at, read_manifest

    versions = final.with_name(final.name + ".versions")
    folders = [final, *(sorted(versions.iterdir()) if versions.is_dir() else [])]
    times = [first_built_at(m) for m in map(read_manifest, folders) if m]
    known = [t.astimezone() if t.tzinfo is None else t for t in times if t is not None]  # naive: local time
    return min(known).isoformat(timespec="seconds") if known else None


def _publish(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` in one step (``staging.swap_in``); remove the previous report."""
    try:
        old = swap_in(staging, final)
    except OSError as exc:
        raise OutputError(t("jobs.cannot_publish", detail=exc), path=final, hint=t("jobs.cannot_publish.fix")) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_failure(failed_dir: Path, params: RunInputs, failure: _Failure, timings: dict,
                   started: dt.datetime) -> None:
    """Write ``failed.html``, the executed notebook and ``failure.json`` into ``<stream>.failed/``."""
    from reportkit.jobs.failure import publish_failure_dir, render_failure_page

    inputs = list_inputs(params.submissions) if params.submissions.is_dir() else []
    page = render_failure_page(params, failure.step, failure.message, failure.detail, inputs)
    info = {"step": failure.step, "error": failure.message, "params": params.as_manifest(),
            "inputs": inputs, "timings": timings, "started_at": started.isoformat(timespec="seconds"),
            "failed_at": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
    publish_failure_dir(failed_dir, page, info, failure.notebook)
