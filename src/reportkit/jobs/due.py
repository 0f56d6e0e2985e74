"""Which reports a batch builds: organisations, due reports as jobs, fingerprints to skip unchanged ones."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from reportkit import __version__
from reportkit.files import hash_into
from reportkit.intake.reader import iter_workbook_paths
from reportkit.jobs.org_config import Organisation, load_organisations  # noqa: F401 - re-exported
from reportkit.periods import DueReport, build_calendar, parse_period
from reportkit.plan.load import Plan, load_plan
from reportkit.report.index import read_manifest

DEFAULT_NOTEBOOK = Path(__file__).resolve().parents[3] / "notebooks" / "period_report.ipynb"


@dataclass
class Job:
    """One report to build."""

    org: str
    plan_path: str
    period: str
    stream: str
    label: str
    due_before: str
    cutoff: str
    submissions: str
    output: str  # the organisation's outputs root
    deadlines: dict[str, str]
    params_file: str | None
    kernel_name: str
    timeout: int
    fingerprint: str = ""

    @property
    def key(self) -> str:
        return "/".join(p for p in (self.org, self.period, self.stream) if p)

    @property
    def report_dir(self) -> Path:
        return Path(self.output) / self.period / self.stream


@dataclass
class JobResult:
    key: str
    state: str  # "built", "skipped", "failed"
    seconds: float = 0.0
    error: str | None = None
    input_errors: int = 0  # error findings among the inputs (report still built)
    files: dict[str, str] = field(default_factory=dict)

def select_due(plan: Plan, year: int, through: dt.date, periods: list[str] | None = None,
               streams: list[str] | None = None) -> list[DueReport]:
    """Reports of ``year`` whose data cut-off has passed by ``through``, filtered."""
    if periods:
        for p in periods:
            parse_period(p)  # raises with the valid forms
    if streams:
        for s in streams:
            plan.stream(s)  # raises with the valid streams
    out = []
    for report in build_calendar(plan, year):
        if report.default_cutoff > through:
            continue
        if periods and report.period.id not in periods:
            continue
        if streams and report.stream.code not in streams:
            continue
        out.append(report)
    return out


def fingerprint_job(job: Job, notebook: Path = DEFAULT_NOTEBOOK) -> str:
    """A content hash of everything a report depends on.

    Plan file, every workbook in the submissions folder, params file, notebook,
    the run's own parameters and the reportkit version. Unchanged → skip.
    """
    h = hashlib.sha256()
    h.update(json.dumps({"v": __version__, "period": job.period, "stream": job.stream, "cutoff": job.cutoff,
                         "deadlines": job.deadlines}, sort_keys=True).encode())
    for path in (Path(job.plan_path), notebook, Path(job.params_file) if job.params_file else None):
        if path is not None and path.is_file():
            h.update(path.name.encode())
            hash_into(h, path)
    sub = Path(job.submissions)
    if sub.is_dir():
        for path in iter_workbook_paths(sub):  # exactly the files intake reads
            h.update(str(path.relative_to(sub)).encode())
            hash_into(h, path)
    return h.hexdigest()


def is_unchanged(job: Job) -> bool:
    """True when the report's last good run has this job's fingerprint."""
    manifest = read_manifest(job.report_dir)
    return bool(manifest) and manifest.get("fingerprint") == job.fingerprint and \
        all((job.report_dir / name).is_file() for name in (manifest.get("files") or {}).values())


def plan_jobs(orgs: list[Organisation], year: int | None, through: dt.date, output: Path,
              periods: list[str] | None = None, streams: list[str] | None = None,
              kernel_name: str = "reportkit", timeout: int = 600) -> list[Job]:
    """Every job the batch should consider, with fingerprints computed."""
    jobs = []
    for org in orgs:
        plan = load_plan(org.plan_path)
        org_out = output / org.code if org.code else output
        for report in select_due(plan, year or plan.year, through, periods, streams):
            job = Job(org.code, str(Path(org.plan_path).resolve()), report.period.id, report.stream.code,
                      report.label, report.due_before.isoformat(), report.default_cutoff.isoformat(),
                      str(Path(org.submissions).resolve()), str(org_out.resolve()), org.deadlines,
                      org.params_file, kernel_name, timeout)
            job.fingerprint = fingerprint_job(job)
            jobs.append(job)
    return jobs


def missing_submissions_message(job: Job) -> str:
    """The finding for an organisation whose submissions folder is not there (no run is started)."""
    return (f"không tìm thấy thư mục số liệu {job.submissions}: kiểm tra đường dẫn submissions "
            "(hoặc thư mục đã được gắn/mount chưa); báo cáo trước đó, nếu có, vẫn được giữ nguyên")
