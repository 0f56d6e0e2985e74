"""The consolidated report's chart: on-time rate per organisation, or per group when there are many.

Drawn once, as a PNG at print resolution, and embedded at its real size
(``width`` in CSS pixels): the HTML, the PDF and the Word document show the
same picture, and the PDF does not lay out hundreds of SVG paths and labels.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from reportkit.fmt import format_percent
from reportkit.report.charts import _RC, WIDTH_IN, _wrap

PNG_DPI = 200  # sharp on paper; shown at WIDTH_IN inches (96 CSS px per inch)
BAR_COLOUR = "#4a7ab5"


@dataclass(frozen=True, eq=False)
class PngChart:
    """A chart drawn once as PNG: ``html`` for the report, a notebook output for HTML, PDF and Word."""

    png: bytes
    title: str
    width_px: int  # CSS pixels

    @property
    def html(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        return (f'<figure class="chart"><img src="data:image/png;base64,{data}" width="{self.width_px}" '
                f'alt="{html.escape(self.title, quote=True)}"></figure>')

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": f"Biểu đồ: {self.title}"}
        return data, {"image/png": {"width": self.width_px, "alt": self.title}}

    def __repr__(self) -> str:
        return f"<Biểu đồ: {self.title}>"


def draw_rates(labels: list[str], rates: list[float], title: str) -> PngChart:
    """Horizontal bars of on-time rates (0..1), first label on top, each bar with its percentage."""
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(WIDTH_IN, 0.3 * len(labels) + 1.1), layout="constrained")
        ax = fig.add_subplot()
        values = [round(100 * r, 1) for r in rates][::-1]
        bars = ax.barh([_wrap(str(n), 30) for n in labels][::-1], values, color=BAR_COLOUR, edgecolor="#000000",
                       linewidth=0.6)
        ax.bar_label(bars, labels=[format_percent(v / 100) for v in values], padding=3)
        ax.set_xlim(0, 115)
        ax.set_xlabel("Tỷ lệ hoàn thành đúng hạn (%)")
        ax.set_title(_wrap(title, 48), fontsize=11, fontweight="bold")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return PngChart(buf.getvalue(), title, round(WIDTH_IN * 96))


def chart_rates(table: pd.DataFrame, label: str, title: str, limit: int = 25) -> PngChart | None:
    """The chart of ``table`` (columns ``label`` and ``rate``, best first); None when nothing to draw."""
    frame = table.dropna(subset=["rate"]).head(limit)
    if frame.empty:
        return None
    return draw_rates(frame[label].astype(str).tolist(), frame["rate"].astype(float).tolist(), title)
