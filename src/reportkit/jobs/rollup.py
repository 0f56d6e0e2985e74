"""Build a consolidated report (báo cáo tổng hợp): collect, write the tables, execute the notebook, export, publish.

``run_rollup`` reads the organisations of a batch config, collects each one's
latest good report for the period (``reportkit.rollup.collect_rollup``: sha256
checked against its manifest, never HTML or PDF), writes ``orgs.parquet`` and
``tasks.parquet``, ``rollup.json`` and ``rollup.xlsx``, executes
``notebooks/rollup_report.ipynb`` with papermill in the ``reportkit`` kernel
(the same kernel machinery as ``reportkit run``), exports HTML, PDF and DOCX
and publishes ``<output>/<period>/<stream>/`` atomically with a
``manifest.json`` (counts summed over the organisations, sha256 of every file)
so that a roll-up can itself be rolled up (a province's roll-up of Sở roll-ups).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.errors import NotebookError
from reportkit.files import write_atomic
from reportkit.jobs.export import word_reference
from reportkit.jobs.org_config import Superior, load_organisations, load_superior
from reportkit.jobs.run import (
    SOURCE_ROOT,
    _clean_traceback,
    _export,
    _Failure,
    _Kernel,
    hash_file,
    parse_formats,
)
from reportkit.jobs.staging import make_staging, swap_in
from reportkit.periods import parse_period
from reportkit.rollup.collect import collect_rollup
from reportkit.rollup.json_out import rollup_json
from reportkit.rollup.model import COUNT_KEYS, OrgInput, RollupData

NOTEBOOK = SOURCE_ROOT / "notebooks" / "rollup_report.ipynb"
STATUS_FILE = "status.parquet"


@dataclass
class RollupResult:
    """What ``run_rollup`` built: the folder, the data read, the files written."""

    folder: Path
    data: RollupData
    files: dict[str, str] = field(default_factory=dict)
    timings: dict = field(default_factory=dict)


def org_inputs(config: str | Path, period: str, stream: str, source: Path) -> list[OrgInput]:
    """The config's organisations as roll-up inputs: ``<source>/<code>/<period>/<stream>``."""
    return [OrgInput(o.code, o.name or o.code, o.group, source / o.code / period / stream)
            for o in load_organisations(config, sources=False)]


def _subject(data: RollupData, inputs: list[OrgInput]) -> str:
    """The trích yếu without the period, from the stream's name in the organisations' manifests."""
    valid = set(data.orgs.loc[data.orgs["state"].isin(["on_time", "late"]), "code"])
    for org in inputs:
        if org.code in valid:
            try:
                label = json.loads((org.report_dir / "manifest.json").read_text(encoding="utf-8")).get("report")
            except (OSError, ValueError):
                continue
            short = str(label or "").split(" – ")[0].strip()
            if short.lower().startswith("báo cáo "):
                short = short[len("báo cáo "):]
            if short:
                return f"Tổng hợp {short[:1].lower()}{short[1:]}"
    return f"Tổng hợp kết quả thực hiện báo cáo {data.stream}"


def write_tables(data: RollupData, folder: Path) -> dict[str, str]:
    """orgs.parquet, tasks.parquet (the notebook reads them), status.parquet (for a nested roll-up), json, xlsx."""
    from reportkit.report.rollup_xlsx import write_rollup_xlsx

    data.orgs.to_parquet(folder / "orgs.parquet", index=False)
    data.tasks.to_parquet(folder / "tasks.parquet", index=False)
    data.tasks.rename(columns={"org_code": "source_org"}).to_parquet(folder / STATUS_FILE, index=False)
    write_atomic(folder / "rollup.json", json.dumps(rollup_json(data), ensure_ascii=False, indent=2))
    write_rollup_xlsx(data, folder / "rollup.xlsx")
    return {"json": "rollup.json", "xlsx": "rollup.xlsx", "orgs": "orgs.parquet", "tasks": "tasks.parquet",
            "status": STATUS_FILE}


def _execute(folder: Path, parameters: dict, kernel_name: str, timeout: float):
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    out_nb = folder / "report.ipynb"
    try:
        kernel = _Kernel(kernel_name, SOURCE_ROOT)
    except Exception as exc:  # noqa: BLE001 - kernel not registered or cannot start
        raise _Failure("Khởi động kernel", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4)) from None
    try:
        pm.execute_notebook(str(NOTEBOOK), str(out_nb), km=kernel.km, parameters=parameters,
                            kernel_name=kernel_name, progress_bar=False, log_output=False,
                            request_save_on_cell_execute=False, execution_timeout=timeout, cwd=str(SOURCE_ROOT))
    except PapermillExecutionError as exc:
        raise _Failure("Chạy notebook tổng hợp", f"{exc.ename}: {exc.evalue}", _clean_traceback(exc.traceback)) from None
    finally:
        kernel.wait()
    return nbformat.read(out_nb, as_version=4)


def rollup_manifest(data: RollupData, superior: Superior, folder: Path, files: dict, started: dt.datetime) -> dict:
    """The roll-up's manifest: readable as one organisation's report by a higher roll-up."""
    valid = data.orgs[data.orgs["state"].isin(["on_time", "late"])]
    plans = set(valid["plan_code"].astype(str)) - {""}
    names = sorted(set(files.values()))
    return {
        "reportkit_manifest": 1, "kind": "rollup", "period": data.period, "stream": data.stream,
        "issuer": superior.name, "plan_code": plans.pop() if len(plans) == 1 else "",
        "due_before": max([d for d in data.orgs["due_before"].astype(str) if d] or [""]),
        "counts": {k: int(valid[k].sum()) for k in COUNT_KEYS},
        "organisations": {s: int((data.orgs["state"] == s).sum()) for s in ("on_time", "late", "missing", "invalid")},
        "files": files, "sha256": {name: hash_file(folder / name) for name in names},
        "started_at": started.isoformat(timespec="seconds"),
        "first_built_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "finished_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def run_rollup(config: str | Path, period: str, stream: str, *, source: str | Path = "outputs",
               output: str | Path | None = None, scheduler: str | None = None, formats: str = "html,pdf,docx",
               kernel_name: str = "reportkit", timeout: int = 600, number: str | None = None,
               signed_on: str | None = None) -> RollupResult:
    """Build the consolidated report of ``period``/``stream`` into ``<output>/<period>/<stream>/``."""
    started, t0 = dt.datetime.now().astimezone(), time.perf_counter()
    parse_period(period)
    fmts = parse_formats(formats)
    superior = load_superior(config)
    source = Path(source)
    inputs = org_inputs(config, period, stream, source)
    data = collect_rollup(inputs, period, stream, scheduler=scheduler)
    timings = {"collect": round(time.perf_counter() - t0, 3)}
    final = Path(output or source / "rollup") / period / stream
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = make_staging(final)
    files = write_tables(data, staging)
    timings["tables"] = round(time.perf_counter() - t0 - timings["collect"], 3)
    params = {"period": period, "stream": stream, "data_dir": str(staging.resolve()),
              "superior": {k: v if isinstance(v, str) else list(v) for k, v in vars(superior).items()},
              "subject": _subject(data, inputs), "number": number, "signed_on": signed_on}
    try:
        t1 = time.perf_counter()
        nb = _execute(staging, params, kernel_name, timeout)
        timings["execute"] = round(time.perf_counter() - t1, 3)
        nb.metadata["reportkit"] = {"title": f"Báo cáo tổng hợp {period}", "period": period, "stream": stream}
        files.update(_export(nb, staging, fmts, "weasyprint", timings, word_reference(None)))
    except _Failure as failure:
        shutil.rmtree(staging, ignore_errors=True)
        raise NotebookError(f"{failure.step}: {failure.message}", path=final) from None
    timings["total"] = round(time.perf_counter() - t0, 3)
    manifest = {**rollup_manifest(data, superior, staging, files, started), "timings": timings}
    write_atomic(staging / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    old = swap_in(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return RollupResult(final, data, files, timings)
