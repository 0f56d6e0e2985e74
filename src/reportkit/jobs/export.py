"""Export an executed report notebook: HTML with reportkit's own template, PDF from that HTML, Word.

Both run in-process (no second Python, no browser start for the default PDF
engine). The HTML is one self-contained file: the template inlines the CSS,
charts are inline SVG or data-URI PNG, and nothing is loaded from a network.
``export_pdf`` uses WeasyPrint; ``engine="chromium"`` prints the same HTML with
Debian's ``/usr/bin/chromium --headless --print-to-pdf`` where present. No
engine ever downloads a browser. ``export_docx`` writes the same outputs as an
editable Word document (``report.docx``) styled by the reference document.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from reportkit.errors import ExportError
from reportkit.messages import t
from reportkit.report.notebook_style import CSS_PATH, TEMPLATE_NAME, TEMPLATES_DIR

PDF_ENGINES = ("weasyprint", "chromium")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def block_slow_imports() -> None:
    """Skip a 1-second import that nbformat never needs.

    jsonschema imports ``rfc3987_syntax`` (installed with jupyterlab's
    dependencies) to check IRI formats, building a grammar at import time; the
    notebook schema uses no such format. Marking the module absent makes
    jsonschema fall back as if it were not installed. Call before importing
    nbformat, nbconvert or papermill.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def read_css() -> str:
    """reportkit's report stylesheet (A4, NĐ 30/2020 layout), as inlined in every report."""
    return CSS_PATH.read_text(encoding="utf-8")


_EXPORTER = None


def _html_exporter():
    global _EXPORTER
    if _EXPORTER is None:
        block_slow_imports()
        from nbconvert import HTMLExporter

        exporter = HTMLExporter(
            template_name=TEMPLATE_NAME,
            extra_template_basedirs=[str(TEMPLATES_DIR)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            embed_images=True,
        )
        _EXPORTER = exporter
    return _EXPORTER


def export_html(nb_path_or_node: Any) -> str:
    """The report HTML of an executed notebook (path or ``nbformat`` node).

    Only the outputs of code cells appear: no code, no prompts, no parameters
    or injected-parameters cell, no stdout/stderr. Raises ExportError.
    """
    block_slow_imports()
    import nbformat

    try:
        if isinstance(nb_path_or_node, (str, os.PathLike)):
            nb = nbformat.read(os.fspath(nb_path_or_node), as_version=4)
            name = Path(nb_path_or_node).stem
        else:
            nb = nb_path_or_node
            name = "report"
        body, _ = _html_exporter().from_notebook_node(nb, resources={"metadata": {"name": name}})
    except ExportError:
        raise
    except Exception as exc:  # nbconvert/jinja errors: report them as an export failure
        raise ExportError(t("export.html_failed", detail=f"{type(exc).__name__}: {exc}"),
                          path=nb_path_or_node if isinstance(nb_path_or_node, (str, os.PathLike)) else None,
                          hint=t("export.html_failed.fix")) from exc
    return body


def export_pdf(html: str, path: str | os.PathLike, *, engine: str = "weasyprint", base_url: str | None = None) -> Path:
    """Print report HTML to an A4 PDF at ``path``; returns the path. Raises ExportError.

    ``engine="weasyprint"`` (default) renders in-process; ``"chromium"`` uses
    the system Chromium headless (same HTML, same CSS paged media rules).
    """
    path = Path(path)
    if engine == "weasyprint":
        return _pdf_weasyprint(html, path, base_url)
    if engine == "chromium":
        return _pdf_chromium(html, path)
    raise ExportError(t("jobs.unknown_pdf_engine", engine=engine),
                      hint=t("export.unknown_engine.fix", engines=", ".join(PDF_ENGINES)))


def _pdf_weasyprint(html: str, path: Path, base_url: str | None) -> Path:
    try:
        import weasyprint
    except OSError as exc:  # pango missing: name the package to install
        raise ExportError(t("export.weasyprint_missing", detail=exc), hint=t("export.weasyprint_missing.fix")) from exc
    try:
        # url_fetcher refuses everything: the report is self-contained by design,
        # so a stray external reference must not make the PDF wait on a network.
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_data_only_fetcher())
        document.write_pdf(path)
    except Exception as exc:
        raise ExportError(t("export.pdf_failed", detail=f"{type(exc).__name__}: {exc}"), path=path,
                          hint=t("export.pdf_failed.fix")) from exc
    return path


def _data_only_fetcher():
    """A WeasyPrint URL fetcher that serves data: URIs only (any other URL is refused)."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # WeasyPrint ≥ 67: fetcher objects
        return urls.URLFetcher(allowed_protocols={"data"})

    def fetch(url: str, *args: Any, **kwargs: Any):  # older WeasyPrint: a function
        if url.startswith("data:"):
            return urls.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"reportkit reports are self-contained; not fetching {url}")

    return fetch


def find_chromium() -> str | None:
    """Path of a system Chromium, or None. Never downloads one."""
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


def chromium_command(chromium: str, profile_dir: str | os.PathLike) -> list[str]:
    """The headless Chromium command line reportkit uses (no network, no sandbox, own profile)."""
    return [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        f"--user-data-dir={os.fspath(profile_dir)}",
    ]


def _pdf_chromium(html: str, path: Path, timeout: float = 120) -> Path:
    chromium = find_chromium()
    if chromium is None:
        raise ExportError(t("export.no_chromium"), hint=t("export.no_chromium.fix"))
    with tempfile.TemporaryDirectory(prefix="reportkit-chromium-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        out = Path(tmp) / "report.pdf"
        cmd = chromium_command(chromium, Path(tmp) / "profile") + [
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ExportError(t("export.chromium_timeout", seconds=f"{timeout:.0f}"), path=path,
                              hint=t("export.use_weasyprint.fix")) from None
        if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            tail = (proc.stderr or "").strip().splitlines()[-3:]
            raise ExportError(t("export.chromium_failed", detail=" | ".join(tail)), path=path,
                              hint=t("export.use_weasyprint.fix"))
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, path)
    return path


def word_reference(plan) -> bytes:
    """The checked bytes of the plan's Word reference document (``word_reference``), else reportkit's own.

    Raises ExportError (too large, not a .docx, a zip bomb).
    """
    from reportkit.report.docx_style import read_reference, reference_path

    return read_reference(reference_path(plan))


def export_docx(nb, path: str | os.PathLike, reference: bytes) -> Path:
    """Write ``report.docx`` from an executed notebook's outputs (the report HTML and the charts as PNG).

    The same outputs the HTML is made of, styled by the ``reference`` document
    (``word_reference``); written atomically. Returns the path.
    """
    import base64

    from reportkit.files import write_atomic
    from reportkit.report.docx_out import Picture, docx_bytes

    blocks: list = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                html = data["text/html"]
                blocks.append("".join(html) if isinstance(html, list) else html)
            elif "image/png" in data:
                meta = output.get("metadata", {})
                alt = (meta.get("image/png") or {}).get("alt") or meta.get("alt") or ""
                blocks.append(Picture(base64.b64decode(data["image/png"]), alt))
    return write_atomic(path, docx_bytes(blocks, reference))
