"""The report's look inside a notebook: report.css scoped to the report's outputs.

JupyterLab and ``jupyter nbconvert --to html`` (lab and classic templates) put
every output in ``.jp-RenderedHTMLCommon`` (``.rendered_html``), whose rules
right-align table cells, stripe rows and resize headings. ``notebook_style``
returns one ``<style>`` element (shown with the report's header) holding the
rules of ``report.css`` rewritten under ``<output wrapper> .rk-doc``: more
specific than Jupyter's, and inert in reportkit's own HTML and PDF, where no
Jupyter wrapper exists. ``@page`` rules and the page-like ``html``/``body``
rules are dropped. It also hides, in exported notebooks only, the markdown
cells tagged ``OUTLINE_TAG`` (the notebook's outline headings): nbconvert
marks cells with a ``celltag_<tag>`` class, JupyterLab does not.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportkit.report.markup import WRAPPER_CLASS

# reportkit's nbconvert template and its stylesheet (also inlined by jobs/export.py in every report).
TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
TEMPLATE_NAME = "reportkit"
CSS_PATH = TEMPLATES_DIR / TEMPLATE_NAME / "report.css"
OUTPUT_WRAPPERS = (".jp-RenderedHTMLCommon", ".rendered_html")
OUTLINE_TAG = "rk-outline"
# Jupyter's rules that report.css does not need to state (striped and hovered rows, centred tables),
# and report.css's page background, which a notebook output must not take.
NOTEBOOK_RESETS = """
html { background: transparent; }
table tbody tr:nth-child(n) { background: transparent; }
table.data, table.nd30-header, table.nd30-signature { margin-left: 0; margin-right: 0; }
h1, h2, h3, h4 { line-height: 1.3; }
"""
HIDE_OUTLINE = (f".jp-MarkdownCell:has(.celltag_{OUTLINE_TAG}), .text_cell.celltag_{OUTLINE_TAG} "
                "{ display: none; }")


def scope_selector(selector: str) -> list[str]:
    """``p.note`` → the selector under each output wrapper's ``.rk-doc``; [] for page-only rules."""
    selector = " ".join(selector.split())
    first, _, rest = selector.partition(" ")
    if first == "body" or first.startswith("@"):
        return []
    if first in ("html", ".document"):
        selector = rest
    scope = f".{WRAPPER_CLASS}"
    return [f"{wrapper} {scope} {selector}".rstrip() for wrapper in OUTPUT_WRAPPERS]


def scope_css(css: str) -> str:
    """Every qualified rule of ``css`` scoped with ``scope_selector``; @media kept, @page dropped."""
    import tinycss2  # here, not at module level: jobs/export.py imports this module's paths on `run`'s start-up

    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selectors = [s for part in tinycss2.serialize(rule.prelude).split(",") for s in scope_selector(part)]
            body = " ".join(tinycss2.serialize(rule.content).split())
            if selectors and body:
                out.append(f"{', '.join(selectors)} {{ {body} }}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
            inner = scope_css(tinycss2.serialize(rule.content))
            if inner:
                out.append(f"@media {tinycss2.serialize(rule.prelude).strip()} {{\n{inner}\n}}")
    return "\n".join(out)


@lru_cache(maxsize=1)
def notebook_style() -> str:
    """The ``<style>`` element that gives notebook outputs the report's look (see the module doc)."""
    css = scope_css(CSS_PATH.read_text(encoding="utf-8") + NOTEBOOK_RESETS)
    return f'<style class="rk-notebook-style">\n{css}\n{HIDE_OUTLINE}\n</style>'
