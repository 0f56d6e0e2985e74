"""`reportkit plan …`: the plan as reportkit understands it (list, show) and importing a plan document.

The work is done in reportkit.plan (YAML plans) and reportkit.plandoc (plan
documents: import and description); this module only parses the options and
prints.
"""

from __future__ import annotations

import json

import click

from reportkit.cli_language import CatalogueGroup, _exit_code, option
from reportkit.messages import t


@click.group(cls=CatalogueGroup, help="help.plan")
def plan() -> None:
    """The plan: list the plans, show one, import one from its document (help text: messages "help.plan")."""


@plan.command(name="list", help="help.plan_list")
@option("--folder", default="data/plan", show_default=True, type=click.Path(), help="opt.plan_folder")
@option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="opt.format")
def list_command(folder: str, fmt: str) -> None:
    """Every plan YAML in the folder: code, year, organisation, title, file, whether it loads."""
    from reportkit.plandoc.describe import format_plan_list, list_plans, same_year_plans

    rows = list_plans(folder)
    shared = same_year_plans(rows)
    if fmt == "json":
        click.echo(json.dumps({"plans": rows}, ensure_ascii=False, indent=2))
    elif rows:
        click.echo(format_plan_list(rows))
    else:
        click.echo(t("plan_list.none", folder=folder))
    for year, files in shared.items():
        click.echo(t("plan_list.same_year", year=year, files=", ".join(files)), err=True)
    if shared or any(not r["loads"] for r in rows):
        _exit_code.set(1)


@plan.command(name="show", help="help.plan_show")
@click.argument("plan_path", metavar="[PLAN]", required=False, type=click.Path())
@option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="opt.format")
def show_command(plan_path: str | None, fmt: str) -> None:
    """The plan as reportkit understands it (default: the plan of the current year in data/plan/, else the only one)."""
    from reportkit.plan.load import load_plan
    from reportkit.plandoc.describe import describe_plan, format_plan_text

    plan_obj = load_plan(plan_path)
    described = describe_plan(plan_obj)
    if fmt == "json":
        click.echo(json.dumps(described, ensure_ascii=False, indent=2))
    else:
        click.echo(format_plan_text(described, plan_obj.path))


@plan.command("import", help="help.plan.import")
@click.argument("source", type=click.Path())
@option("-o", "--output", type=click.Path(), help="opt.import.output")
@option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="opt.format")
@option("--force", is_flag=True, help="opt.import.force")
def import_plan_command(source: str, output: str | None, fmt: str, force: bool) -> None:
    """Import a plan document as a YAML draft; exit 0 clean, 1 written with findings, 3 unusable source."""
    import json
    from pathlib import Path

    from reportkit.errors import ParamsError
    from reportkit.files import write_atomic
    from reportkit.messages import t
    from reportkit.plandoc.importer import import_plan, render_findings

    result = import_plan(source)
    target = Path(output) if output else Path(f"{result.code}.yaml")
    if target.exists() and not force:
        raise ParamsError(t("import.exists", path=target), path=target, hint=t("import.exists.fix"))
    write_atomic(target, result.yaml_text)
    if fmt == "json":
        click.echo(json.dumps({"findings": [f.as_dict() for f in result.findings]}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_findings(result.findings))
        data = result.plan_dict
        click.echo(t("import.written", path=target, tasks=len(data["tasks"]), units=len(data["units"]),
                     streams=len({r["stream"] for r in data["reports"]}), n=len(result.findings)))
    if result.has_warnings:
        _exit_code.set(1)
