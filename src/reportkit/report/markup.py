"""Small, safe HTML building blocks for the report: escaping, paragraphs, tables.

Every text that comes from a department workbook or a plan goes through
``escape`` (or ``escape_series`` for a whole column), so a cell holding
``<script>`` or ``&`` shows as text. Tables are built column-wise with pandas
string operations, not row by row.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable, Sequence

from reportkit.text import INVISIBLE_CHARS, to_nfc

_INVISIBLE = f"[{INVISIBLE_CHARS}]"  # as to_nfc drops them: zero-width, bidi overrides, control characters


@dataclass(frozen=True)
class Html:
    """A piece of report HTML; notebooks display it (``_repr_html_``), tests read ``.html``."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __add__(self, other: "Html | str") -> "Html":
        return Html(self.html + str(other))

    def __bool__(self) -> bool:
        return bool(self.html)


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
    return html.escape(to_nfc(str(value)), quote=True).replace("\n", "<br>")


def escape_series(series):
    """``escape`` over a pandas Series, vectorised (NaN → '')."""
    text = series.astype("string").fillna("").str.normalize("NFC").str.replace(_INVISIBLE, "", regex=True)
    for old, new in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"), ("\n", "<br>")):
        text = text.str.replace(old, new, regex=False)
    return text


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
    An empty frame gives a paragraph saying ``empty``.
    """
    if frame is None or len(frame) == 0:
        return para(empty, "noindent")
    colgroup = "".join(f'<col style="width:{c.width}">' if c.width else "<col>" for c in columns)
    head = "".join(tag("th", escape(c.header)) for c in columns)
    body = None
    for c in columns:
        cells = frame[c.field].astype("string").fillna("") if c.safe else escape_series(frame[c.field])
        td = ("<td" + (f' class="{c.cls}"' if c.cls else "") + ">") + cells + "</td>"
        body = td if body is None else body + td
    if row_class:
        opens = '<tr class="' + frame[row_class].astype("string").fillna("") + '">'
    else:
        opens = "<tr>"
    rows = "".join((opens + body + "</tr>").tolist())
    cap = tag("caption", escape(caption)) if caption else ""
    table = (f'<table class="{cls}">{cap}<colgroup>{colgroup}</colgroup>'
             f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return tag("div", table, "table-scroll")
