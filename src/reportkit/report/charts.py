"""Report charts with matplotlib (Agg, no pyplot): Vietnamese labels, inline SVG.

Status colours come from the Okabe–Ito palette (safe for the common forms of
colour blindness) and every status also has its own hatching and a printed
count, so a chart still reads on a black-and-white printer. Charts are
``Chart`` objects: SVG text ready to inline in the report (no XML prolog, no
DOCTYPE, no metadata, no external reference; text kept as text so it prints in
the report's font and stays searchable) and, for notebooks, a PNG beside it.

Sizes are chosen for a phone as much as for A4: figures are 4.6 in wide and no
text is smaller than 9 pt, so that scaled to a 390 px screen the smallest
label is still about 10 CSS px.
"""

from __future__ import annotations

import base64
import io
import re
import textwrap
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402  (after choosing the backend)

# The status words of reportkit.status, in display order.
STATUS_ORDER = (
    "Đã hoàn thành đúng hạn",
    "Đã hoàn thành quá hạn",
    "Chưa hoàn thành trong hạn",
    "Chưa hoàn thành quá hạn",
    "Thường xuyên",
    "Chưa xác định thời hạn",
    "Không có báo cáo",
)
# Okabe–Ito colours, distinct hatching for print in black and white (line hatches
# only: dotted ones make SVG patterns a hundred times larger).
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "Đã hoàn thành đúng hạn": ("#009E73", ""),
    "Đã hoàn thành quá hạn": ("#E69F00", "//"),
    "Chưa hoàn thành trong hạn": ("#56B4E9", "||"),
    "Chưa hoàn thành quá hạn": ("#D55E00", "xx"),
    "Thường xuyên": ("#0072B2", "--"),
    "Chưa xác định thời hạn": ("#F0E442", "\\\\"),
    "Không có báo cáo": ("#BBBBBB", "++"),
}
FONT_FAMILY = ["Liberation Serif", "Tinos", "Times New Roman", "DejaVu Serif"]
WIDTH_IN = 4.6  # figure width, inches
SMALL_PT = 9  # the smallest text in a chart, points
PNG_DPI = 144  # PNG beside the SVG in notebooks: 1.5× the CSS pixel density
_RC = {
    "font.family": "serif",
    "font.serif": FONT_FAMILY,
    "font.size": 10,
    "svg.fonttype": "none",
    "hatch.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#333333",
}
_SVG_HEAD_RE = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA_RE = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
# matplotlib puts "*{stroke-linejoin: round; stroke-linecap: butt}" in a <style>:
# inline in HTML that rule would apply to the whole page, so it is dropped.
_STYLE_RE = re.compile(r"<style[^>]*>.*?</style>\s*", re.S)


def status_style(status: str) -> tuple[str, str]:
    """(colour, hatch) of a status word; grey and no hatch for anything unknown."""
    return STATUS_STYLE.get(status, ("#999999", ""))


def figure_to_svg(fig: Figure, name: str) -> str:
    """Serialise a figure as inline-ready SVG; ``name`` keeps element ids unique per chart."""
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": name}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = _STYLE_RE.sub("", _METADATA_RE.sub("", _SVG_HEAD_RE.sub("", buf.getvalue(), count=1)))
    # Prefix ids so several charts can live in one HTML document.
    svg = re.sub(r'id="([^"]+)"', rf'id="{name}-\1"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', rf'url(#{name}-\1)', svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{name}-\1"', svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)


@dataclass(eq=False)
class Chart:
    """A drawn chart: ``svg`` for the report, ``png`` for notebooks, ``title`` as its text form.

    Displayed in a notebook it is one output holding image/svg+xml, image/png
    and a short text/plain: JupyterLab shows the PNG when the notebook is not
    trusted (it drops SVG then), the SVG otherwise; nbconvert prefers the SVG.
    """

    figure: Figure = field(repr=False)
    name: str
    title: str

    @cached_property
    def svg(self) -> str:
        with matplotlib.rc_context(_RC):
            svg = figure_to_svg(self.figure, self.name)
        return svg.replace(f'aria-label="{self.name}"', f'aria-label="{self.title}"', 1)

    @cached_property
    def png(self) -> bytes:
        buf = io.BytesIO()
        with matplotlib.rc_context(_RC):
            self.figure.savefig(buf, format="png", dpi=PNG_DPI, bbox_inches="tight", metadata={"Software": None})
        return buf.getvalue()

    @property
    def html(self) -> str:
        return f'<figure class="chart">{self.svg}</figure>'

    def png_width(self) -> int:
        """The PNG's width in CSS pixels (its pixel width at ``PNG_DPI``)."""
        return round(int.from_bytes(self.png[16:20], "big") * 96 / PNG_DPI)

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"image/svg+xml": self.svg, "image/png": base64.b64encode(self.png).decode("ascii"),
                "text/plain": f"Biểu đồ: {self.title}"}
        return data, {"image/png": {"width": self.png_width(), "alt": self.title}, "image/svg+xml": {"alt": self.title}}

    def __repr__(self) -> str:
        return f"<Biểu đồ: {self.title}>"


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def chart_status_counts(counts: Mapping[str, int], title: str = "Tình trạng thực hiện nhiệm vụ có thời hạn") -> Chart | None:
    """Horizontal bars: how many tasks are in each status; None when there is nothing to draw."""
    items = [(s, int(counts.get(s, 0))) for s in STATUS_ORDER if counts.get(s)]
    items += [(s, int(n)) for s, n in counts.items() if s not in STATUS_ORDER and n]
    if not items:
        return None
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(WIDTH_IN, 0.5 * len(items) + 0.9), layout="constrained")
        ax = fig.add_subplot()
        labels = [_wrap(s, 24) for s, _ in items][::-1]
        values = [n for _, n in items][::-1]
        styles = [status_style(s) for s, _ in items][::-1]
        bars = ax.barh(labels, values, color=[c for c, _ in styles], edgecolor="#000000", linewidth=0.6)
        for bar, (_, hatch) in zip(bars, styles):
            bar.set_hatch(hatch)
        ax.bar_label(bars, labels=[str(v) for v in values], padding=3)
        ax.set_xlabel("Số nhiệm vụ")
        ax.set_xlim(0, max(values) * 1.15 + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(_wrap(title, 48), fontsize=11, fontweight="bold")
        return Chart(fig, "status-counts", title)


def chart_units(table, title: str = "Tình trạng nhiệm vụ, nội dung theo đơn vị") -> Chart | None:
    """Stacked horizontal bars per unit; ``table``: DataFrame unit × status word → count."""
    if table is None or len(table) == 0:
        return None
    columns = [s for s in STATUS_ORDER if s in table.columns] + [s for s in table.columns if s not in STATUS_ORDER]
    table = table[columns]
    if int(table.to_numpy().sum()) == 0:
        return None
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(WIDTH_IN, 0.55 * len(table) + 2.4), layout="constrained")
        ax = fig.add_subplot()
        labels = [_wrap(str(u), 18) for u in table.index][::-1]
        left = None
        for status in columns:
            values = table[status].to_numpy()[::-1]
            colour, hatch = status_style(status)
            bars = ax.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="#000000",
                           linewidth=0.6, label=status)
            ax.bar_label(bars, labels=[str(int(v)) if v else "" for v in values], label_type="center", fontsize=SMALL_PT,
                         bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
            left = values if left is None else left + values
        ax.set_xlabel("Số nhiệm vụ, nội dung")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(_wrap(title, 48), fontsize=11, fontweight="bold")
        fig.legend(loc="outside lower center", ncol=2, fontsize=SMALL_PT, frameon=False)
        return Chart(fig, "units", title)


def chart_trend(trend, title: str = "Tỷ lệ hoàn thành nhiệm vụ có thời hạn qua các kỳ") -> Chart | None:
    """Bars of the completion rate per period; ``trend`` has columns label, done, total.

    Each bar is labelled "done/total (rate%)" in Vietnamese number style.
    """
    import numpy as np

    from reportkit.fmt import format_percent

    if trend is None or len(trend) == 0:
        return None
    labels = [_wrap(str(x), 14) for x in trend["label"]]
    done = trend["done"].astype(float).to_numpy()
    total = trend["total"].astype(float).to_numpy()
    rate = np.divide(done * 100, total, out=np.zeros_like(done), where=total > 0)
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(WIDTH_IN, 3.0), layout="constrained")
        ax = fig.add_subplot()
        colour, hatch = status_style(STATUS_ORDER[0])
        bars = ax.bar(labels, rate, color=colour, hatch=hatch, edgecolor="#000000", linewidth=0.6, width=0.6)
        ax.bar_label(bars, labels=[f"{int(d)}/{int(t)} ({format_percent(d / t) if t else '–'})"
                                   for d, t in zip(done, total)], padding=2, fontsize=SMALL_PT)
        ax.set_ylim(0, 115)
        ax.set_ylabel("Tỷ lệ hoàn thành (%)")
        ax.set_title(_wrap(title, 48), fontsize=11, fontweight="bold")
        return Chart(fig, "trend", title)
