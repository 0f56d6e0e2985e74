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

For speed (a roll-up of 1,000 organisations in under 10 s) the steps overlap:
the kernel boots while the data is read; rollup.json, rollup.xlsx and
status.parquet are written in a thread while the kernel executes the
notebook; the PDF is printed in a second process (``rollup_export``) while
this one writes the Word document. A failure (kernel, notebook, an export)
never touches the published roll-up: it writes ``<stream>.failed/failed.html``
(``rollup_failure``) saying what failed and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.errors import NotebookError, OutputError, ParamsError
from reportkit.files import write_atomic
from reportkit.jobs.export import block_slow_imports, word_reference
from reportkit.jobs.org_config import Superior, load_organisations, load_superior
from reportkit.jobs.rollup_failure import write_rollup_failure
from reportkit.jobs.run import (
    SOURCE_ROOT,
    _clean_traceback,
    _Failure,
    _first_built_at,
    _Kernel,
    _Prewarm,
    _publish,
    hash_file,
    parse_formats,
)
from reportkit.jobs.staging import make_staging, remove_stale
from reportkit.messages import t
from reportkit.periods import parse_period
from reportkit.rollup.collect import collect_rollup
from reportkit.rollup.json_out import rollup_json
from reportkit.rollup.model import COUNT_KEYS, OrgInput, RollupData
from reportkit.rollup.nested import status_lines

NOTEBOOK = SOURCE_ROOT / "notebooks" / "rollup_report.ipynb"
STATUS_FILE = "status.parquet"


@dataclass
class RollupResult:
    """What ``run_rollup`` built: the folder, the data read, the files written."""

    folder: Path
    data: RollupData
    files: dict[str, str] = field(default_factory=dict)
    timings: dict = field(default_factory=dict)


def find_streams(config: str | Path, period: str, source: Path) -> list[str]:
    """The report streams of ``period`` the organisations have under ``source`` (folders with a manifest.json)."""
    found = set()
    for org in load_organisations(config, sources=False):
        folder = source / org.code / period
        if folder.is_dir():
            found.update(p.name for p in folder.iterdir()
                         if p.is_dir() and not p.name.startswith(".") and (p / "manifest.json").is_file())
    return sorted(found)


def choose_stream(config: str | Path, period: str, source: Path) -> str:
    """``--stream`` when not given: the one stream the organisations reported for ``period``; else ParamsError."""
    streams = find_streams(config, period, source)
    if len(streams) == 1:
        return streams[0]
    key = "rollup.no_stream" if not streams else "rollup.many_streams"
    raise ParamsError(t(key, period=period, source=source, streams=", ".join(streams)), path=source,
                      hint=t("rollup.stream.fix"))


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
            if short.lower().startswith("tổng hợp"):  # a roll-up of roll-ups keeps their subject
                return short
            if short.lower().startswith("báo cáo "):
                short = short[len("báo cáo "):]
            if short:
                return f"Tổng hợp {short[:1].lower()}{short[1:]}"
    return "Tổng hợp kết quả báo cáo của các đơn vị"  # no valid report names its subject (no stream code in prose)


def write_notebook_tables(data: RollupData, folder: Path) -> dict[str, str]:
    """orgs.parquet and tasks.parquet: what the notebook reads."""
    data.orgs.to_parquet(folder / "orgs.parquet", index=False)
    data.tasks.to_parquet(folder / "tasks.parquet", index=False)
    return {"orgs": "orgs.parquet", "tasks": "tasks.parquet"}


def write_side_tables(data: RollupData, folder: Path) -> dict[str, str]:
    """status.parquet (for a nested roll-up), rollup.json and rollup.xlsx (for programs and the analyst)."""
    from reportkit.report.rollup_xlsx import write_rollup_xlsx

    status_lines(data.tasks).to_parquet(folder / STATUS_FILE, index=False)
    write_atomic(folder / "rollup.json", json.dumps(rollup_json(data), ensure_ascii=False, indent=2))
    write_rollup_xlsx(data, folder / "rollup.xlsx")
    return {"json": "rollup.json", "xlsx": "rollup.xlsx", "status": STATUS_FILE}


def write_tables(data: RollupData, folder: Path) -> dict[str, str]:
    """Every table of a roll-up: the notebook's, status.parquet, rollup.json, rollup.xlsx."""
    return {**write_side_tables(data, folder), **write_notebook_tables(data, folder)}


class _Warm(_Prewarm):
    """jobs.run's warm-up thread (nbconvert's exporter, python-docx), papermill's import first."""

    def __init__(self) -> None:
        super().__init__(pdf=False)  # the PDF is printed in its own process (rollup_export.PdfWorker)
        block_slow_imports()  # before any thread imports nbformat

    def run(self) -> None:
        try:
            import papermill  # noqa: F401
        except Exception:  # noqa: BLE001, S110 - the real import reports any problem
            pass
        super().run()


def _start_kernel(kernel_name: str) -> _Kernel:
    """The report kernel (jobs.run's), started now so that it boots while the data is read."""
    try:
        return _Kernel(kernel_name, SOURCE_ROOT)
    except Exception as exc:  # noqa: BLE001 - kernel not registered or cannot start
        raise _Failure("Khởi động kernel", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4)) from None


def _execute(folder: Path, parameters: dict, kernel: _Kernel, timeout: float):
    """Execute the roll-up notebook in ``kernel``; the executed notebook (``_Failure`` with it when a cell fails)."""
    block_slow_imports()
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    out_nb = folder / "report.ipynb"
    try:
        nb = pm.execute_notebook(str(NOTEBOOK), str(out_nb), km=kernel.km, parameters=parameters,
                                 kernel_name=kernel.km.kernel_name, progress_bar=False, log_output=False,
                                 request_save_on_cell_execute=False, execution_timeout=timeout,
                                 cwd=str(SOURCE_ROOT))
    except PapermillExecutionError as exc:
        nb = nbformat.read(out_nb, as_version=4) if out_nb.is_file() else None
        raise _Failure(f"Chạy notebook tổng hợp (ô số {exc.exec_count or exc.cell_index})",
                       f"{exc.ename}: {exc.evalue}", _clean_traceback(exc.traceback), nb) from None
    except Exception as exc:  # noqa: BLE001 - kernel died, timeout, I/O
        nb = nbformat.read(out_nb, as_version=4) if out_nb.is_file() else None
        raise _Failure("Chạy notebook tổng hợp", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4),
                       nb) from None
    finally:
        kernel.stop()  # shut down in the background while the exports run
    return nb  # papermill's executed notebook (also written to report.ipynb)


def rollup_manifest(data: RollupData, superior: Superior, folder: Path, files: dict, started: dt.datetime,
                    subject: str = "") -> dict:
    """The roll-up's manifest: readable as one organisation's report by a higher roll-up."""
    valid = data.orgs[data.orgs["state"].isin(["on_time", "late"])]
    plans = set(valid["plan_code"].astype(str)) - {""}
    names = sorted(set(files.values()))
    return {
        "reportkit_manifest": 1, "kind": "rollup", "period": data.period, "stream": data.stream,
        "report": subject, "issuer": superior.name, "plan_code": plans.pop() if len(plans) == 1 else "",
        "due_before": max([d for d in data.orgs["due_before"].astype(str) if d] or [""]),
        "counts": {k: int(valid[k].sum()) for k in COUNT_KEYS},
        "organisations": {s: int((data.orgs["state"] == s).sum()) for s in ("on_time", "late", "missing", "invalid")},
        "files": files, "sha256": {name: hash_file(folder / name) for name in names},
        "started_at": started.isoformat(timespec="seconds"),
        "first_built_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "finished_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


@dataclass
class _Job:
    """One roll-up being built: where it goes and what it has read so far (for the failure page)."""

    config: Path
    source: Path
    final: Path
    fmts: tuple[str, ...]
    data: RollupData | None = None
    subject: str = ""
    timings: dict = field(default_factory=dict)

    def failure_info(self, period: str, stream: str, failure: _Failure) -> dict:
        orgs = self.data.orgs if self.data is not None else None
        params = {"Tệp cấu hình (--config)": str(self.config), "Thư mục báo cáo các đơn vị (--from)": str(self.source),
                  "Thư mục báo cáo tổng hợp": str(self.final), "Định dạng": ", ".join(self.fmts)}
        if orgs is not None:
            valid = int(orgs["state"].isin(["on_time", "late"]).sum())
            params["Đơn vị có báo cáo hợp lệ"] = f"{valid}/{len(orgs)}"
        return {"period": period, "stream": stream, "step": failure.step, "error": failure.message,
                "detail": failure.detail, "params": params, "timings": self.timings}


def _build(job: _Job, inputs: list[OrgInput], period: str, stream: str, staging: Path, kernel: _Kernel,
           extra: dict, scheduler: str | None, timeout: float) -> dict[str, str]:
    """Collect, write the tables, execute the notebook, export into ``staging``; the files written."""
    from concurrent.futures import ThreadPoolExecutor

    from reportkit.jobs.rollup_export import PdfWorker, export_rollup

    t0 = time.perf_counter()
    worker = PdfWorker.start_or_none() if "pdf" in job.fmts else None
    warm = _Warm()  # papermill, nbconvert and python-docx imported while the data is read
    warm.start()
    try:
        job.data = collect_rollup(inputs, period, stream, scheduler=scheduler)
        job.timings["collect"] = round(time.perf_counter() - t0, 3)
        with ThreadPoolExecutor(max_workers=1) as pool:
            try:
                files = write_notebook_tables(job.data, staging)
                side = pool.submit(write_side_tables, job.data, staging)  # while the kernel works
            except OSError as exc:
                raise _Failure("Ghi bảng tổng hợp", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4))
            t1 = time.perf_counter()
            warm.join()
            job.subject = _subject(job.data, inputs)
            params = {**extra, "period": period, "stream": stream, "data_dir": str(staging.resolve()),
                      "subject": job.subject}
            nb = _execute(staging, params, kernel, timeout)
            job.timings["execute"] = round(time.perf_counter() - t1, 3)
            try:
                files.update(side.result())
            except Exception as exc:  # noqa: BLE001 - disk full, unwritable folder
                raise _Failure("Ghi bảng tổng hợp (rollup.json, rollup.xlsx, status.parquet)",
                               f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=4), nb) from None
        nb.metadata["reportkit"] = {"title": f"Báo cáo tổng hợp {period}", "period": period, "stream": stream}
        reference = word_reference(None) if "docx" in job.fmts else b""
        files.update(export_rollup(nb, staging, job.fmts, job.timings, reference, worker))
    finally:
        warm.join()
        if worker is not None:
            worker.close()
    return files


def run_rollup(config: str | Path, period: str, stream: str | None = None, *, source: str | Path = "outputs",
               output: str | Path | None = None, scheduler: str | None = None, formats: str = "html,pdf,docx",
               kernel_name: str = "reportkit", timeout: int = 600, number: str | None = None,
               signed_on: str | None = None) -> RollupResult:
    """Build the consolidated report of ``period``/``stream`` into ``<output>/<period>/<stream>/``.

    A failure after the options were accepted (kernel, notebook, an export)
    leaves the previous roll-up in place, writes ``<stream>.failed/failed.html``
    (what failed and how to fix it) and raises NotebookError naming that page.
    """
    started, t0 = dt.datetime.now().astimezone(), time.perf_counter()
    parse_period(period)
    superior = load_superior(config)
    source = Path(source)
    stream = stream or choose_stream(config, period, source)
    job = _Job(Path(config), source, Path(output or source / "rollup") / period / stream, parse_formats(formats))
    inputs = org_inputs(config, period, stream, source)
    failed_dir = job.final.with_name(job.final.name + ".failed")
    try:
        job.final.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(job.final)  # staging folders of killed roll-ups (owner gone)
        staging = make_staging(job.final).resolve()  # papermill changes the working folder meanwhile
    except OSError as exc:
        raise OutputError(t("jobs.cannot_write", detail=exc), path=job.final.parent,
                          hint=t("jobs.cannot_write.fix")) from None
    extra = {"superior": {k: v if isinstance(v, str) else list(v) for k, v in vars(superior).items()},
             "number": number, "signed_on": signed_on}
    kernel = None
    try:
        kernel = _start_kernel(kernel_name)
        files = _build(job, inputs, period, stream, staging, kernel, extra, scheduler, timeout)
        job.timings["total"] = round(time.perf_counter() - t0, 3)
        manifest = {**rollup_manifest(job.data, superior, staging, files, started, job.subject),
                    "timings": job.timings}
        manifest["first_built_at"] = _first_built_at(job.final) or manifest["first_built_at"]  # on time stays on time
        write_atomic(staging / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        _publish(staging, job.final)
        shutil.rmtree(failed_dir, ignore_errors=True)
    except _Failure as failure:
        page = write_rollup_failure(failed_dir, job.final, job.failure_info(period, stream, failure), failure.notebook)
        raise NotebookError(t("rollup.failed", step=failure.step, error=failure.message), path=page,
                            hint=t("rollup.failed.fix")) from None
    finally:
        if kernel is not None:
            kernel.wait()
        shutil.rmtree(staging, ignore_errors=True)
    return RollupResult(job.final, job.data, files, job.timings)
