"""The roll-up's exports: HTML once, then the PDF in a second process while this one writes the Word document.

WeasyPrint is pure Python (it holds the interpreter while it lays out a
thousand-row annex), so the PDF is printed by ``PdfWorker``: one process,
started and warmed up (WeasyPrint imported, fonts loaded) while the kernel
executes the notebook, that receives the report HTML as soon as it is
exported. The Word document is written here meanwhile. Failures come back as
``_Failure`` with the step's name, as in ``jobs.run``.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from reportkit.errors import ExportError
from reportkit.files import write_atomic
from reportkit.jobs.run import FILE_NAMES, _Failure, export_docx_step, export_html_step


def _warm_up() -> None:
    """In the worker: import WeasyPrint and print one line (loads fontconfig, pango and the report's fonts)."""
    import weasyprint

    from reportkit.jobs.export import read_css

    weasyprint.HTML(string=f"<style>{read_css()}</style><p>Việt <b>Nam</b></p>").write_pdf()


def _print_pdf(html: str, path: str) -> tuple[float, tuple[str, str] | None]:
    """In the worker: the PDF of ``html`` at ``path``; (seconds, None), or (seconds, (message, detail)) on failure."""
    from reportkit.jobs.export import export_pdf

    t0 = time.perf_counter()
    try:
        export_pdf(html, path)
    except ExportError as exc:
        return time.perf_counter() - t0, (exc.message, traceback.format_exc(limit=4))
    except Exception as exc:  # noqa: BLE001 - reported as a failed step, never a lost roll-up
        return time.perf_counter() - t0, (f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4))
    return time.perf_counter() - t0, None


class PdfWorker:
    """A process that prints the PDF; started early so that its imports overlap the notebook's execution."""

    def __init__(self) -> None:
        # spawn: a clean interpreter (this process runs threads and a kernel client, which fork would copy)
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self.pool.submit(_warm_up)

    @classmethod
    def start_or_none(cls) -> PdfWorker | None:
        """A worker, or None where this process may not start one (a daemon process): the PDF is then printed here."""
        try:
            return cls()
        except (OSError, RuntimeError, AssertionError):  # daemonic processes are not allowed to have children
            return None

    def start(self, html: str, path: Path) -> Future:
        """Print ``html`` to ``path`` in the worker; the future gives ``_print_pdf``'s result."""
        return self.pool.submit(_print_pdf, html, str(path))

    def close(self) -> None:
        """Stop the worker (any unfinished job is cancelled)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def export_rollup(nb, staging: Path, fmts: tuple[str, ...], timings: dict, reference: bytes,
                  worker: PdfWorker | None) -> dict[str, str]:
    """Write report.html, report.pdf (in ``worker``), report.docx from the executed notebook; the files written."""
    files: dict[str, str] = {}
    html = export_html_step(nb, timings)
    pdf = worker.start(html, staging / FILE_NAMES["pdf"]) if "pdf" in fmts and worker is not None else None
    if "html" in fmts:
        write_atomic(staging / FILE_NAMES["html"], html)
        files["html"] = FILE_NAMES["html"]
    if "docx" in fmts:
        export_docx_step(nb, staging, reference, timings)
        files["docx"] = FILE_NAMES["docx"]
    if "pdf" in fmts:
        t0 = time.perf_counter()
        try:
            seconds, problem = pdf.result() if pdf is not None else _print_pdf(html, str(staging / FILE_NAMES["pdf"]))
        except Exception as exc:  # noqa: BLE001 - the worker died (out of memory, killed)
            seconds, problem = 0.0, (f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4))
        if problem is not None:
            raise _Failure("Xuất PDF (weasyprint)", problem[0], problem[1], nb)
        timings["export_pdf"] = round(seconds, 3)  # in the worker, while the Word document was written
        timings["export_pdf_wait"] = round(time.perf_counter() - t0, 3)
        files["pdf"] = FILE_NAMES["pdf"]
    if "ipynb" in fmts:
        files["ipynb"] = FILE_NAMES["ipynb"]
    else:
        (staging / FILE_NAMES["ipynb"]).unlink(missing_ok=True)
    return files
