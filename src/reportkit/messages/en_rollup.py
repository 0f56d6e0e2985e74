"""English texts of ``reportkit rollup`` (cli_rollup.py, jobs/org_config.py, report/rollup*.py). Same keys as ``vi_rollup.py``."""

ROLLUP_MESSAGES: dict[str, str] = {
    "help.rollup": ("The superior's consolidated report: reads each organisation's latest good report in the config "
                    "(checked against manifest.json's sha256) and builds the roll-up (HTML, PDF, DOCX, XLSX, "
                    "rollup.json). Exit 0: every organisation has a valid report; 1: some have none."),
    "opt.rollup.config": "the organisations config (the same file as batch --config), with superior: the issuer",
    "opt.rollup.period": "the period, e.g. 2024-Q1",
    "opt.rollup.stream": "the report stream (default: the one stream the organisations reported for this period)",
    "opt.rollup.from": "the batch's outputs folder, holding <org code>/<period>/<stream>/",
    "opt.rollup.output": "where the roll-up is written (default: <from>/rollup/<period>/<stream>)",
    "opt.rollup.scheduler": "a dask scheduler address to read the data distributed (e.g. tcp://10.0.0.5:8786)",
    "opt.rollup.dask": "read the data on a local dask cluster",
    "opt.rollup.formats": "export formats, comma-separated",
    "rollup.written": "Roll-up {period} ({stream}) written to {path}: {reported}/{total} organisations have a valid report",
    "rollup.missing_line": "  {code} ({name}): {reason}",
    "rollup.failed": "the roll-up could not be built at step {step}: {error}",
    "rollup.failed.fix": ("open the failure page (failed.html) at the path above: it says how to fix it; "
                          "the last complete roll-up (if any) is left in place"),
    "rollup.no_stream": "no organisation has a report of period {period} in {source}",
    "rollup.many_streams": "the organisations' reports of period {period} belong to several streams: {streams}",
    "rollup.stream.fix": "choose the stream with --stream (e.g. --stream dan-chu); check that --from is the batch's outputs folder",
    "rollup.scheduler_and_dask": "use only one of --scheduler and --dask",
    "rollup.scheduler_and_dask.fix": "drop --dask local when --scheduler ADDRESS is given",
    "config.unknown_field": "field {field!r} is not supported here",
    "config.unknown_field.fix": "the fields in use: {allowed}",
    "config.superior": "the config needs superior: {{name: …}} (the issuer of the roll-up)",
    "config.superior.fix": "e.g. superior: {{name: Department of Labour of Son La province, symbol: BC-SLĐTBXH}}",
}
