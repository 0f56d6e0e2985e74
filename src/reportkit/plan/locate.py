"""Which plan YAML a command uses when ``--plan`` is not given: the one of the year asked for.

Several plans may sit in ``data/plan/`` (one per year, or a new plan next to
last year's). ``find_plan`` picks the plan whose ``year:`` is the year of the
period or ``--year`` a command was given; without a year, the plan of the
current year, else the only plan. ``--plan`` always wins (callers pass the
path to ``load_plan`` and never come here).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from reportkit.errors import PlanError
from reportkit.messages import t

DEFAULT_FOLDER = Path("data") / "plan"
_YEAR_RE = re.compile(r"^year:[ \t]*[\"']?(\d{4})[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
_HEAD_CHARS = 65_536  # ``year:`` is near the top of a plan; a province plan can be megabytes long


def plan_files(folder: Path | str = DEFAULT_FOLDER) -> list[Path]:
    """The plan YAML files of ``folder`` (``*.yaml``, ``*.yml``), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())


def read_plan_year(path: Path) -> int | None:
    """The top-level ``year:`` of a plan file, read without loading it; None when absent or unreadable."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(_HEAD_CHARS)
    except OSError:
        return None
    m = _YEAR_RE.search(head)
    return int(m.group(1)) if m else None


def this_year() -> int:
    """The current year: the plan a command without a period or year uses."""
    return dt.date.today().year


def find_plan(folder: Path | str = DEFAULT_FOLDER, year: int | None = None) -> Path:
    """The plan of ``year`` in ``folder``; without ``year``, the current year's plan or the only plan.

    A lone plan is used whatever its year (as before several plans were
    allowed). Raises PlanError when no plan, or not exactly one, fits,
    naming the files and their years and how to choose (``--plan``).
    """
    folder = Path(folder)
    found = plan_files(folder)
    if not found:
        raise PlanError(t("plan.none_found"), path=folder, hint=t("plan.none_found.fix"))
    if len(found) == 1:
        return found[0]
    years = {p: read_plan_year(p) for p in found}
    wanted = year if year is not None else this_year()
    matches = [p for p in found if years[p] == wanted]
    if len(matches) == 1:
        return matches[0]
    listing = ", ".join(f"{p.name} ({years[p] if years[p] is not None else '?'})" for p in found)
    if matches:
        raise PlanError(t("plan.same_year", year=wanted, files=", ".join(str(p) for p in matches)),
                        path=folder, hint=t("plan.same_year.fix", year=wanted))
    if year is not None:
        raise PlanError(t("plan.no_plan_for_year", year=year), path=folder,
                        hint=t("plan.no_plan_for_year.fix", plans=listing))
    raise PlanError(t("plan.many_found", n=len(found), year=wanted), path=folder, hint=t("plan.many_found.fix", names=listing))
