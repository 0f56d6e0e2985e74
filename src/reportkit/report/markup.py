"""Small, safe HTML building blocks for the report: escaping, paragraphs, tables.

Every text that comes from a department workbook or a plan goes through
``escape`` (or ``escape_series`` for a whole column), so a cell holding
``<script>`` or ``&`` shows as text. Tables are built column-wise with pandas
string operations, not row by row.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from reportkit.text import INVISIBLE_CHARS, to_nfc

_INVISIBLE = f"[{INVISIBLE_CHARS}]"  # as to_nfc drops them: zero-width, bidi overrides, control characters
# Dates (29/02/2024), fractions (2/4) and numbers with separators (1.983; 87,5%): kept on one line.
WHOLE_NUMBER = r"\d+(?:[/.,]\d+)+%?|\d+%"
_WHOLE_NUMBER_RE = re.compile(WHOLE_NUMBER)
NO_BREAK_SPAN = r'<span class="nb">\g<0></span>'
# Every displayed piece sits in this wrapper, which the notebook stylesheet is scoped to.
WRAPPER_CLASS = "rk-doc"
_TAG_RE = re.compile(r"<[^>]+>")
_HEADING_RE = re.compile(r"<(h[1-4]|p)\b[^>]*>(.*?)</\1>", re.S)


def plain_label(safe_html: str, limit: int = 90) -> str:
    """A short plain-text name for a piece of HTML: its first heading or paragraph, cut at ``limit``."""
    for match in _HEADING_RE.finditer(safe_html):
        text = " ".join(html.unescape(_TAG_RE.sub(" ", match.group(2))).split())
        if text:
            return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
    return ""


@dataclass(frozen=True)
class Html:
    """A piece of report HTML; notebooks display it, tests read ``.html``.

    Its text/plain form (what ``papermill --log-output`` and terminals show) is
    ``label``, or the text of its first heading or paragraph.
    """

    html: str
    label: str = ""

    def _repr_html_(self) -> str:
        return self.html

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/html": f'<div class="{WRAPPER_CLASS}">{self.html}</div>',
                "text/plain": self.label or plain_label(self.html) or "(báo cáo)"}

    def __repr__(self) -> str:
        return f"<Html: {self.label or plain_label(self.html)}>"

    def __str__(self) -> str:
        return self.html

    def __add__(self, other: "Html | str") -> "Html":
        return Html(self.html + str(other), self.label)

    def __bool__(self) -> bool:
        return bool(self.html)


class Part:
    """A part of a report in document order: HTML pieces and charts (objects with ``.html``
    and their own ``_repr_mimebundle_``).

    In a notebook each run of HTML becomes one output and each chart its own
    output (SVG and PNG), so that an untrusted notebook still shows the charts;
    ``.html`` is the whole part as one piece of HTML (charts inline as SVG).
    """

    def __init__(self, *blocks: Any, label: str = "") -> None:
        self.blocks = [b for b in blocks if b]
        self.label = label

    @property
    def html(self) -> str:
        return "".join(b if isinstance(b, str) else b.html for b in self.blocks)

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<Part: {self.label or plain_label(self.html)}>"

    def __bool__(self) -> bool:
        return bool(self.blocks)

    def outputs(self) -> list:
        """The display objects, one per notebook output: ``Html`` runs and charts."""
        outputs: list = []
        for block in self.blocks:
            if isinstance(block, (str, Html)):
                if outputs and isinstance(outputs[-1], Html):
                    outputs[-1] = outputs[-1] + str(block)
                else:
                    outputs.append(Html(str(block), "" if outputs else self.label))
            else:
                outputs.append(block)
        more = f"{self.label} (tiếp)" if self.label else ""
        return [Html(o.html, more) if isinstance(o, Html) and not (o.label or plain_label(o.html)) else o
                for o in outputs]

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for output in self.outputs():
            display(output)


def escape(value: object) -> str:
    """Text as safe HTML (NFC, ``& < > " '`` escaped, newlines kept as <br>). None → ''."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError, ImportError):
        pass
    text = html.escape(to_nfc(str(value)), quote=True).replace("\n", "<br>")
    return _WHOLE_NUMBER_RE.sub(NO_BREAK_SPAN, text)


def escape_series(series):
    """``escape`` over a pandas Series, vectorised (NaN → '')."""
    text = series.astype("string").fillna("").str.normalize("NFC").str.replace(_INVISIBLE, "", regex=True)
    for old, new in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"), ("\n", "<br>")):
        text = text.str.replace(old, new, regex=False)
    return text.str.replace(_WHOLE_NUMBER_RE, NO_BREAK_SPAN, regex=True)


def tag(name: str, content: str = "", cls: str | None = None, **attrs: str) -> str:
    """``<name class=…>content</name>``; ``content`` must already be safe HTML."""
    attributes = "".join(f' {k.rstrip("_").replace("_", "-")}="{html.escape(str(v), quote=True)}"'
                         for k, v in attrs.items() if v is not None)
    if cls:
        attributes = f' class="{html.escape(cls, quote=True)}"' + attributes
    return f"<{name}{attributes}>{content}</{name}>"


def para(text: str, cls: str | None = None, *, safe: bool = False) -> str:
    """A paragraph; ``text`` is escaped unless ``safe``."""
    return tag("p", text if safe else escape(text), cls)


def dash_list(items: Iterable[str], cls: str = "dash", *, safe: bool = False) -> str:
    """An NĐ 30-style list whose items start with a dash."""
    lis = "".join(tag("li", item if safe else escape(item)) for item in items)
    return tag("ul", lis, cls) if lis else ""


@dataclass(frozen=True)
class Column:
    """One column of a report table: DataFrame field, Vietnamese header, width, class."""

    field: str
    header: str
    width: str | None = None  # CSS width, e.g. "8%"
    cls: str | None = None  # td class: num, center, mono
    safe: bool = False  # the field already holds safe HTML


def render_table(frame, columns: Sequence[Column], *, caption: str | None = None, cls: str = "data",
                 row_class: str | None = None, empty: str = "Không có.") -> str:
    """A DataFrame as a bordered report table with a repeated header (escaped, vectorised).

    ``row_class`` names a column of ``frame`` holding a CSS class per row.
    An empty frame gives a paragraph saying ``empty``. A table of more than
    four columns is ``stack``-ed on narrow screens: each row a card, each cell
    labelled with its column header (``data-label``).
    """
    if frame is None or len(frame) == 0:
        return para(empty, "noindent")
    colgroup = "".join(f'<col style="width:{c.width}">' if c.width else "<col>" for c in columns)
    head = "".join(tag("th", escape(c.header)) for c in columns)
    stack = len(columns) > 4
    body = None
    for c in columns:
        cells = frame[c.field].astype("string").fillna("") if c.safe else escape_series(frame[c.field])
        label = f' data-label="{html.escape(to_nfc(c.header), quote=True)}"' if stack else ""
        td = ("<td" + (f' class="{c.cls}"' if c.cls else "") + label + ">") + cells + "</td>"
        body = td if body is None else body + td
    if row_class:
        opens = '<tr class="' + frame[row_class].astype("string").fillna("") + '">'
    else:
        opens = "<tr>"
    rows = "".join((opens + body + "</tr>").tolist())
    cap = tag("caption", escape(caption)) if caption else ""
    cls = f"{cls} stack" if stack else cls
    table = (f'<table class="{cls}">{cap}<colgroup>{colgroup}</colgroup>'
             f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return tag("div", table, "table-scroll")
