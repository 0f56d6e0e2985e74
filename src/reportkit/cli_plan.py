"""`reportkit plan …`: the plan as reportkit understands it (list, show) and importing a plan document.

The work is done in reportkit.plan (YAML plans) and reportkit.plandoc (plan
documents: import and description); this module only parses the options and
prints.
"""

from __future__ import annotations

import click

from reportkit.cli_language import CatalogueGroup


@click.group(cls=CatalogueGroup, help="help.plan")
def plan() -> None:
    """The plan: list the plans, show one, import one from its document (help text: messages "help.plan")."""
