"""Presentation: the period report, the data-quality view, document blocks, markup, charts and the index.

Nothing here runs notebooks or writes report folders; that is ``reportkit.jobs``.
"""

from reportkit._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, {
    "build_report": "period",
    "PeriodReport": "period",
    "build_quality_report": "quality",
})
