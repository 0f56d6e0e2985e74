"""The batch's intake cache: same Submissions as a fresh read, new entry on any change."""

from __future__ import annotations

import shutil

from reportkit.intake.reader import read_submissions
from reportkit.intake.cache import ENV_VAR

from .conftest import ROOT

SUBS = ROOT / "data" / "submissions" / "2024"


def _view(subs):
    return [(s.path.name, s.unit, s.report_date, s.rows, [(f.code, f.path, f.row) for f in s.findings], s.sha256)
            for s in subs]


def test_cached_read_equals_fresh_read_and_reuses_entries(plan, tmp_path, monkeypatch):
    fresh = read_submissions(SUBS, plan)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    first = read_submissions(SUBS, plan)
    entries = sorted((tmp_path / "cache").glob("*.pickle"))
    assert len(entries) == len(fresh)
    second = read_submissions(SUBS, plan)
    assert _view(first) == _view(fresh) == _view(second)
    assert sorted((tmp_path / "cache").glob("*.pickle")) == entries


def test_changed_file_gets_a_new_entry_and_cross_file_findings_are_recomputed(plan, tmp_path, monkeypatch):
    folder = tmp_path / "subs"
    shutil.copytree(SUBS, folder)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    read_submissions(folder, plan)
    before = len(list((tmp_path / "cache").glob("*.pickle")))
    original = next(folder.glob("hcth_2024-02-28.xlsx"))
    shutil.copy(original, folder / "hcth_copy.xlsx")  # an identical copy: a cross-file finding
    subs = read_submissions(folder, plan)
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == before + 1  # same bytes, other path
    copy = next(s for s in subs if s.path.name == "hcth_copy.xlsx")
    assert any(f.severity == "warning" for f in copy.findings) and not copy.rows
    again = read_submissions(folder, plan)
    assert _view(again) == _view(subs)
