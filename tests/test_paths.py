"""Parameters, plan codes and planted links cannot make reportkit write outside the outputs folder or read
outside the submissions folder; unit codes with "/", ".." or odd Unicode give safe file names."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from reportkit.jobs.batch import BatchSummary, Job, _keep_previous_version, write_summary
from reportkit.cli import main
from reportkit.errors import OutputError, ParamsError, PlanError
from reportkit.report.index import write_index
from reportkit.intake.reader import read_submissions
from reportkit.plan.load import load_plan
from reportkit.jobs.run import run_report
from reportkit.safepath import check_inside, safe_filename

from .conftest import PLAN_PATH, ROOT

SUBS = ROOT / "data" / "submissions" / "2024"
PLAN_TEXT = PLAN_PATH.read_text(encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: file bytes, link targets, folder marks."""
    out: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        key = str(p.relative_to(folder))
        out[key] = f"-> {os.readlink(p)}" if p.is_symlink() else p.read_bytes() if p.is_file() else "dir"
    return out


@pytest.fixture
def victim(tmp_path) -> Path:
    """A folder outside the outputs that nothing may touch."""
    folder = tmp_path / "victim"
    folder.mkdir()
    (folder / "keep.txt").write_text("giữ nguyên", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("period", "stream"), [
    ("../../etc", "dan-chu"), ("/tmp/x", "dan-chu"), ("2024-Q1/../..", "dan-chu"), ("2024-Q1", "../../x"),
    ("2024-Q1", "/abs"), ("2024-Q1", "dan-chu/../../x"), ("2024-Q1", "dan-chu\x00"), ("..", ".."),
])
def test_period_and_stream_that_name_other_folders_are_refused_before_anything_is_written(period, stream, tmp_path):
    out = tmp_path / "deep" / "outputs"
    with pytest.raises(ParamsError):
        run_report(period, stream, plan_path=PLAN_PATH, submissions=SUBS, output=out)
    assert tree(tmp_path) == {}


def test_cli_run_with_a_traversal_period_exits_3_and_writes_nothing(tmp_path, capsys):
    code = main(["run", "--period", "../../x", "--stream", "dan-chu", "--plan", str(PLAN_PATH),
                 "--submissions", str(SUBS), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 3 and "Traceback" not in err and tree(tmp_path) == {}


@pytest.mark.parametrize("code", ["../../escape", "/abs", "a/b", ".hidden", "..", "dân-chủ", "x y"])
def test_plan_stream_code_that_is_not_a_plain_name_is_a_plan_error(code, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_TEXT.replace("  - code: dan-chu\n", f"  - code: {json.dumps(code)}\n"), encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(plan)
    assert "report_streams[0].code" in info.value.render() and "chỉ được gồm chữ cái, chữ số, - hoặc _" in info.value.render()


@pytest.mark.parametrize("planted", ["2024-Q1", "2024-Q1/dan-chu", "2024-Q1/dan-chu.failed"])
def test_link_planted_in_the_outputs_folder_is_refused_before_the_kernel_starts(planted, tmp_path, victim):
    out = tmp_path / "outputs"
    link = out / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(victim, target_is_directory=True)
    before = tree(victim)
    with pytest.raises(OutputError) as info:
        run_report("2024-Q1", "dan-chu", plan_path=PLAN_PATH, submissions=SUBS, output=out)
    assert "symlink" in info.value.render() and str(link) in info.value.render()
    assert tree(victim) == before


def test_outputs_folder_itself_may_be_a_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "outputs").symlink_to(real, target_is_directory=True)
    assert check_inside(tmp_path / "outputs", tmp_path / "outputs" / "2024-Q1" / "dan-chu")


def test_index_and_batch_summary_never_write_through_a_planted_temporary_name(tmp_path, victim, plan):
    out = tmp_path / "outputs"
    out.mkdir()
    for name in (".index.html.tmp", ".last-batch.json.tmp", "last-batch.json.tmp", "index.html.tmp"):
        (out / name).symlink_to(victim / "keep.txt")
    before = tree(victim)
    write_index(out, plan, 2024, dt.date(2024, 3, 31))
    write_summary(out, BatchSummary("2024-03-31T01:30:00+07:00", "2024-03-31T01:31:00+07:00", "2024-03-31", 1,
                                    "local", []))
    assert tree(victim) == before
    assert (out / "index.html").is_file() and not (out / "index.html").is_symlink()
    assert json.loads((out / "last-batch.json").read_text(encoding="utf-8"))["workers"] == 1


def test_batch_summary_refuses_a_runs_folder_that_is_a_link(tmp_path, victim):
    out = tmp_path / "outputs"
    out.mkdir()
    (out / "runs").symlink_to(victim, target_is_directory=True)
    with pytest.raises(OutputError):
        write_summary(out, BatchSummary("2024-03-31T01:30:00+07:00", "x", "2024-03-31", 1, "local", []))
    assert tree(victim) == {"keep.txt": "giữ nguyên".encode()}


@pytest.mark.parametrize("planted", ["versions", "report"])
def test_batch_keeps_previous_versions_only_inside_the_outputs_folder(planted, tmp_path, victim):
    out = tmp_path / "outputs"
    report = out / "2024-Q1" / "dan-chu"
    if planted == "report":
        report.parent.mkdir(parents=True)
        (victim / "manifest.json").write_text('{"finished_at": "2024-02-29T08:00:00"}', encoding="utf-8")
        report.symlink_to(victim, target_is_directory=True)
    else:
        report.mkdir(parents=True)
        (report / "manifest.json").write_text('{"finished_at": "2024-02-29T08:00:00"}', encoding="utf-8")
        (report.parent / "dan-chu.versions").symlink_to(victim, target_is_directory=True)
    before = tree(victim)
    job = Job("", str(PLAN_PATH), "2024-Q1", "dan-chu", "Quý I", "2024-03-01", "2024-02-29", str(SUBS), str(out), {},
              None, "reportkit", 60)
    with pytest.raises(OutputError):
        _keep_previous_version(job)
    assert tree(victim) == before


ODD_UNITS = ["../evil", "a/b", "a_b", "\u202egnp.exe", "CON", "..", ".hidden", "Phòng Hành chính", "x" * 300]


def test_template_all_gives_safe_unique_file_names_inside_the_folder(tmp_path, capsys):
    units = "".join(f"  - code: {json.dumps(code)}\n    name: {json.dumps(f'Đơn vị {i}')}\n"
                    for i, code in enumerate(ODD_UNITS))
    text = PLAN_TEXT.replace("units:\n", "units:\n" + units, 1)
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    plan = load_plan(plan_file)
    folder = tmp_path / "templates" / "2024-Q1"
    code = main(["template", "--all", "--period", "2024-Q1", "--plan", str(plan_file), "-o", str(folder)])
    capsys.readouterr()
    assert code == 0
    written = sorted(p for p in tmp_path.rglob("*.xlsx"))
    assert all(p.parent == folder for p in written)  # nothing outside the folder, no sub-folders
    assert len(written) == len(plan.units) == len({p.name.lower() for p in written})
    for p in written:
        assert not p.name.startswith((".", " ")) and p.name.endswith("_2024-Q1.xlsx") or p.name.endswith("-2.xlsx")
        assert not any(ch in p.name for ch in "/\\\u202e\x00") and len(p.name.encode()) < 255
    assert "evil_2024-Q1.xlsx" in {p.name for p in written} and "a_b_2024-Q1-2.xlsx" in {p.name for p in written}


@pytest.mark.parametrize(("text", "name"), [("../hcth", "hcth"), ("a/b", "a_b"), ("..", "_"), ("", "_"),
                                            ("/etc/passwd", "etc_passwd"), ("x\u202egnp.exe", "x_gnp.exe"),
                                            ("Phòng Hành chính – Tổng hợp", "Phòng Hành chính – Tổng hợp"),
                                            ("Pho\u0300ng", "Phòng"), ("CON", "_CON"), ("a\x00b", "a_b")])
def test_safe_filename(text, name):
    assert safe_filename(text) == name


def test_links_in_the_submissions_folder_do_not_read_outside_it(tmp_path, plan):
    subs = tmp_path / "subs"
    subs.mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(SUBS / "hcth_2024-02-28.xlsx", outside / "bhtn_2024-02-28.xlsx")
    shutil.copy(SUBS / "hcth_2024-02-28.xlsx", outside / "tv-gtvl_2024-02-28.xlsx")
    shutil.copy(SUBS / "hcth_2024-02-06.xlsx", subs / "hcth_2024-02-06.xlsx")
    (subs / "bhtn_2024-02-28.xlsx").symlink_to(outside / "bhtn_2024-02-28.xlsx")  # a file link out
    (subs / "more").symlink_to(outside, target_is_directory=True)  # a folder link out
    (subs / "copy_2024-02-06.xlsx").symlink_to(subs / "hcth_2024-02-06.xlsx")  # a link that stays inside
    found = {s.path.name: s for s in read_submissions(subs, plan)}
    # the link inside and its target are one file, read once; nothing from the linked folder
    assert set(found) == {"bhtn_2024-02-28.xlsx", "copy_2024-02-06.xlsx"}
    (finding,) = found["bhtn_2024-02-28.xlsx"].findings
    assert finding.code == "link_outside" and str(outside) in finding.message and not found["bhtn_2024-02-28.xlsx"].rows
    assert found["copy_2024-02-06.xlsx"].rows


def test_a_file_named_on_the_command_line_is_read_wherever_it_is(tmp_path, plan):
    """The folder rule is about links found inside it; a path the user gives is the user's choice."""
    link = tmp_path / "hcth_2024-02-06.xlsx"
    link.symlink_to(SUBS / "hcth_2024-02-06.xlsx")
    (sub,) = read_submissions([link], plan)
    assert sub.rows and not sub.has_errors

