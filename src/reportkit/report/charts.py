"""Report charts with matplotlib (Agg, no pyplot): Vietnamese labels, inline SVG.

Status colours come from the Okabe–Ito palette (safe for the common forms of
colour blindness) and every status also has its own hatching and a printed
count, so a chart still reads on a black-and-white printer. Charts are
returned as SVG text ready to inline in the report (no XML prolog, no DOCTYPE,
no metadata, no external reference), with text kept as text so it prints in
the report's font and stays searchable.
"""

from __future__ import annotations

import io
import re
import textwrap
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
    "Chưa có thời hạn",
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
    "Chưa có thời hạn": ("#F0E442", "\\\\"),
    "Không có báo cáo": ("#BBBBBB", "++"),
}
FONT_FAMILY = ["Liberation Serif", "Tinos", "Times New Roman", "DejaVu Serif"]
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


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def chart_status_counts(counts: Mapping[str, int], title: str = "Tình trạng thực hiện nhiệm vụ có thời hạn") -> str | None:
    """Horizontal bars: how many tasks are in each status; None when there is nothing to draw."""
    items = [(s, int(counts.get(s, 0))) for s in STATUS_ORDER if counts.get(s)]
    items += [(s, int(n)) for s, n in counts.items() if s not in STATUS_ORDER and n]
    if not items:
        return None
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(6.2, 0.45 * len(items) + 0.9))
        ax = fig.add_subplot()
        labels = [_wrap(s, 28) for s, _ in items][::-1]
        values = [n for _, n in items][::-1]
        styles = [status_style(s) for s, _ in items][::-1]
        bars = ax.barh(labels, values, color=[c for c, _ in styles], edgecolor="#000000", linewidth=0.6)
        for bar, (_, hatch) in zip(bars, styles):
            bar.set_hatch(hatch)
        ax.bar_label(bars, labels=[str(v) for v in values], padding=3)
        ax.set_xlabel("Số nhiệm vụ")
        ax.set_xlim(0, max(values) * 1.15 + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(title, fontsize=11, fontweight="bold")
        return figure_to_svg(fig, "status-counts")


def chart_units(table, title: str = "Tình trạng theo đơn vị") -> str | None:
    """Stacked horizontal bars per unit; ``table``: DataFrame unit × status word → count."""
    if table is None or len(table) == 0:
        return None
    columns = [s for s in STATUS_ORDER if s in table.columns] + [s for s in table.columns if s not in STATUS_ORDER]
    table = table[columns]
    if int(table.to_numpy().sum()) == 0:
        return None
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(6.2, 0.5 * len(table) + 1.6))
        ax = fig.add_subplot()
        labels = [_wrap(str(u), 26) for u in table.index][::-1]
        left = None
        for status in columns:
            values = table[status].to_numpy()[::-1]
            colour, hatch = status_style(status)
            bars = ax.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="#000000",
                           linewidth=0.6, label=status)
            ax.bar_label(bars, labels=[str(int(v)) if v else "" for v in values], label_type="center", fontsize=8,
                         bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
            left = values if left is None else left + values
        ax.set_xlabel("Số nhiệm vụ, nội dung")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(title, fontsize=11, fontweight="bold")
        ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.18 - 0.6 / (len(table) + 2)), ncol=2, fontsize=8,
                  frameon=False)
        return figure_to_svg(fig, "units")


def chart_trend(trend, title: str = "Tỷ lệ hoàn thành nhiệm vụ có thời hạn qua các kỳ") -> str | None:
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
        fig = Figure(figsize=(6.2, 2.8))
        ax = fig.add_subplot()
        colour, hatch = status_style(STATUS_ORDER[0])
        bars = ax.bar(labels, rate, color=colour, hatch=hatch, edgecolor="#000000", linewidth=0.6, width=0.6)
        ax.bar_label(bars, labels=[f"{int(d)}/{int(t)} ({format_percent(d / t) if t else '–'})"
                                   for d, t in zip(done, total)], padding=2, fontsize=9)
        ax.set_ylim(0, 115)
        ax.set_ylabel("Tỷ lệ hoàn thành (%)")
        ax.set_title(title, fontsize=11, fontweight="bold")
        return figure_to_svg(fig, "trend")
