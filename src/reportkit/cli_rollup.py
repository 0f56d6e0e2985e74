"""`reportkit rollup`: the superior's consolidated report over the organisations of a batch config.

The work is done in reportkit.jobs.rollup (collect, notebook, exports, publish);
this module only parses the options and prints. Exit 0: every organisation has
a valid report; 1: some have none (they are listed in the report with the reason).
"""

from __future__ import annotations

import click

from reportkit.cli_language import CatalogueCommand, _exit_code, option
from reportkit.messages import t


@click.command(name="rollup", cls=CatalogueCommand, help="help.rollup")
@option("--config", required=True, type=click.Path(), help="opt.rollup.config")
@option("--period", required=True, help="opt.rollup.period")
@option("--stream", help="opt.rollup.stream")
@option("--from", "source", default="outputs", show_default=True, type=click.Path(), help="opt.rollup.from")
@option("--output", type=click.Path(), help="opt.rollup.output")
@option("--scheduler", help="opt.rollup.scheduler")
@option("--dask", "dask_mode", type=click.Choice(["local"]), help="opt.rollup.dask")
@option("--formats", default="html,pdf,docx", show_default=True, help="opt.rollup.formats")
@option("--kernel", "kernel_name", default="reportkit", show_default=True, help="opt.kernel")
def rollup(config: str, period: str, stream: str | None, source: str, output: str | None, scheduler: str | None,
           dask_mode: str | None, formats: str, kernel_name: str) -> None:
    """Build the consolidated report of PERIOD/STREAM from the organisations' reports under --from."""
    from reportkit.errors import ParamsError
    from reportkit.jobs.rollup import run_rollup

    if scheduler and dask_mode:
        raise ParamsError(t("rollup.scheduler_and_dask"), hint=t("rollup.scheduler_and_dask.fix"))
    result = run_rollup(config, period, stream, source=source, output=output,
                        scheduler=scheduler or ("local" if dask_mode == "local" else None),
                        formats=formats, kernel_name=kernel_name)
    orgs = result.data.orgs
    bad = orgs[~orgs["state"].isin(["on_time", "late"])]
    click.echo(t("rollup.written", period=period, stream=result.data.stream, path=result.folder,
                 reported=len(orgs) - len(bad), total=len(orgs)))
    for row in bad.itertuples():
        click.echo(t("rollup.missing_line", code=row.code, name=row.name, reason=row.reason), err=True)
    if len(bad):
        _exit_code.set(1)
