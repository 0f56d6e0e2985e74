"""The organisation's own words in a plan: ``wording:`` and ``tasks_section:`` (old ``tasks_title:``).

Nothing of one organisation is written in code: the collective noun of the
units, the directions paragraph, the guide sheet's addressee and the code and
title of the concrete tasks' section come from the plan, with defaults that
name no organisation (docs/plan-format.md, "Wording").
"""

from __future__ import annotations

from typing import Any

from reportkit.messages import t
from reportkit.plan.model import Wording

WORDING_KEYS = ("units", "directions", "coordinator")


def read_wording(raw: dict, r: Any) -> Wording:
    """``wording: {units, directions, coordinator}`` (each optional text); unknown keys are reported.

    ``r`` is the loader's reader (plan.load._Reader): problems are collected
    with their YAML path and line.
    """
    block = r.get(raw, "wording", "wording", dict, required=False, default={})
    for key in block:
        if key not in WORDING_KEYS:
            r.add(f"wording.{key}", t("plan.wording_unknown_key", key=key),
                  hint=t("plan.use_one_of", codes=", ".join(WORDING_KEYS)))
    default = Wording()
    values = {key: r.get(block, key, f"wording.{key}", str, required=False, default=getattr(default, key))
              for key in WORDING_KEYS}
    if not values["units"]:
        r.add("wording.units", t("plan.wording_empty", key="units"), hint=t("plan.wording_empty.fix"))
        values["units"] = default.units
    values["units"] = values["units"][:1].lower() + values["units"][1:]
    return Wording(**values)


def read_tasks_section(raw: dict, r: Any) -> tuple[str, str]:
    """``tasks_section: {code, title}`` of the concrete tasks; the old ``tasks_title:`` is read as the title.

    Default: no code and no title (nothing of one plan's numbering printed).
    """
    old_title = r.get(raw, "tasks_title", "tasks_title", str, required=False, default="")
    block = r.get(raw, "tasks_section", "tasks_section", dict, required=False, default={})
    code = r.get(block, "code", "tasks_section.code", (str, int), required=False, default="")
    title = r.get(block, "title", "tasks_section.title", str, required=False, default=old_title)
    return str(code).strip(), title
