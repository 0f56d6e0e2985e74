"""The batch's intake cache: same Submissions as a fresh read, new entry on any change, data only."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from reportkit.intake.cache import ENTRY_SUFFIX, ENV_VAR, entry_key
from reportkit.intake.reader import read_submissions, read_workbook

from .conftest import ROOT

SUBS = ROOT / "data" / "submissions" / "2024"


def _view(subs):
    return [(s.path.name, s.unit, s.report_date, s.rows, [(f.code, f.path, f.row) for f in s.findings], s.sha256)
            for s in subs]


def test_cached_read_equals_fresh_read_and_reuses_entries(plan, tmp_path, monkeypatch):
    fresh = read_submissions(SUBS, plan)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    first = read_submissions(SUBS, plan)
    entries = sorted((tmp_path / "cache").glob("*" + ENTRY_SUFFIX))
    assert len(entries) == len(fresh)
    second = read_submissions(SUBS, plan)
    assert _view(first) == _view(fresh) == _view(second)
    assert [s.findings for s in second] == [s.findings for s in fresh]
    assert sorted((tmp_path / "cache").glob("*" + ENTRY_SUFFIX)) == entries


def test_cache_entries_are_plain_json_data(plan, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    read_submissions(SUBS, plan)
    for entry in (tmp_path / "cache").glob("*" + ENTRY_SUFFIX):
        data = json.loads(entry.read_text(encoding="utf-8"))
        assert set(data) == {"format", "unit", "report_date", "sheet", "sha256", "rows", "findings"}
    assert not list((tmp_path / "cache").glob("*.pickle"))


def test_changed_file_gets_a_new_entry_and_cross_file_findings_are_recomputed(plan, tmp_path, monkeypatch):
    folder = tmp_path / "subs"
    shutil.copytree(SUBS, folder)
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    read_submissions(folder, plan)
    before = len(list((tmp_path / "cache").glob("*" + ENTRY_SUFFIX)))
    original = next(folder.glob("hcth_2024-02-28.xlsx"))
    shutil.copy(original, folder / "hcth_copy.xlsx")  # an identical copy: a cross-file finding
    subs = read_submissions(folder, plan)
    assert len(list((tmp_path / "cache").glob("*" + ENTRY_SUFFIX))) == before + 1  # same bytes, other path
    copy = next(s for s in subs if s.path.name == "hcth_copy.xlsx")
    assert any(f.severity == "warning" for f in copy.findings) and not copy.rows
    again = read_submissions(folder, plan)
    assert _view(again) == _view(subs)


class _Exploit:
    """Unpickling this object runs code: it would create the marker file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _plant(folder: Path, key: str, marker: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(_Exploit(marker))
    (folder / f"{key}.pickle").write_bytes(payload)  # where the old cache looked
    (folder / f"{key}{ENTRY_SUFFIX}.pickle").write_bytes(payload)


def test_planted_pickle_would_run_code_if_loaded(tmp_path):
    marker = tmp_path / "ran"
    pickle.loads(pickle.dumps(_Exploit(marker)))  # what the old pickle cache did with an entry
    assert marker.exists()


@pytest.mark.parametrize("planted", [
    "pickle",  # a pickle that would run code, under the entry's own name
    '{"format": "reportkit-intake-cache/2", "unit": 5, "rows": "x"}',  # JSON of the wrong shape
    '{"format": "reportkit-intake-cache/2", "unit": "hcth", "report_date": "2024-13-45", "sheet": null, '
    '"sha256": "", "rows": [], "findings": []}',  # a date that is not one
    "[1, 2, 3]",
    "{not json",
])
def test_planted_cache_entry_is_ignored_and_runs_nothing(plan, tmp_path, monkeypatch, planted):
    workbook = SUBS / "hcth_2024-02-28.xlsx"
    cache = tmp_path / "cache"
    marker = tmp_path / "exploit-ran"
    monkeypatch.setenv(ENV_VAR, str(cache))
    key = entry_key(workbook, plan)
    _plant(cache, key, marker)
    entry = cache / f"{key}{ENTRY_SUFFIX}"
    entry.write_bytes(pickle.dumps(_Exploit(marker)) if planted == "pickle" else planted.encode())
    assert not marker.exists()
    [sub] = read_submissions([workbook], plan)
    assert not marker.exists(), "a cache entry ran code"
    fresh = read_workbook(workbook, plan)
    assert (sub.unit, sub.report_date, sub.rows, sub.findings, sub.sha256) == \
        (fresh.unit, fresh.report_date, fresh.rows, fresh.findings, fresh.sha256)
    assert json.loads(entry.read_text(encoding="utf-8"))["unit"] == fresh.unit  # replaced by a good entry


def test_planted_fifo_or_link_under_the_entry_name_is_not_read(plan, tmp_path, monkeypatch):
    workbook = SUBS / "hcth_2024-02-28.xlsx"
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv(ENV_VAR, str(cache))
    entry = cache / f"{entry_key(workbook, plan)}{ENTRY_SUFFIX}"
    os.mkfifo(entry)  # reading it would block the batch forever
    [sub] = read_submissions([workbook], plan)
    assert sub.rows == read_workbook(workbook, plan).rows
    entry.unlink()
    secret = tmp_path / "secret.json"
    secret.write_text("{}", encoding="utf-8")
    entry.symlink_to(secret)
    [sub] = read_submissions([workbook], plan)
    assert sub.rows and secret.read_text(encoding="utf-8") == "{}"


def test_cached_entry_is_served_without_reading_the_workbook_again(plan, tmp_path, monkeypatch):
    workbook = SUBS / "hcth_2024-02-28.xlsx"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    read_submissions([workbook], plan)
    from reportkit.intake import reader

    monkeypatch.setattr(reader, "read_workbook", lambda *a: pytest.fail("the cache was not used"))
    [sub] = read_submissions([workbook], plan)
    assert sub.rows


def test_pruning_deletes_old_format_and_long_unused_entries_only(plan, tmp_path, monkeypatch):
    from reportkit.intake.cache import MAX_AGE_DAYS, prune_cache

    cache = tmp_path / "cache"
    monkeypatch.setenv(ENV_VAR, str(cache))
    read_submissions(SUBS, plan)
    entries = sorted(cache.glob("*" + ENTRY_SUFFIX))
    old_key = "ab" * 32
    (cache / f"{old_key}.pickle").write_bytes(b"from the cache format before 3")
    stale, fresh = entries[0], entries[1:]
    long_ago = stale.stat().st_mtime - (MAX_AGE_DAYS + 1) * 86400
    os.utime(stale, (long_ago, long_ago))
    (cache / "notes.txt").write_text("not an entry: kept")
    (cache / ("cd" * 32 + ENTRY_SUFFIX)).mkdir()  # a folder under an entry's name: kept
    removed = prune_cache(cache)
    assert removed == 2
    assert not (cache / f"{old_key}.pickle").exists() and not stale.exists()
    assert all(e.exists() for e in fresh) and (cache / "notes.txt").exists()


def test_an_entry_in_use_is_kept_by_pruning(plan, tmp_path, monkeypatch):
    from reportkit.intake.cache import MAX_AGE_DAYS, prune_cache

    cache = tmp_path / "cache"
    monkeypatch.setenv(ENV_VAR, str(cache))
    read_submissions(SUBS, plan)
    entries = sorted(cache.glob("*" + ENTRY_SUFFIX))
    long_ago = entries[0].stat().st_mtime - (MAX_AGE_DAYS + 1) * 86400
    for e in entries:
        os.utime(e, (long_ago, long_ago))
    read_submissions(SUBS, plan)  # every entry used again today
    assert prune_cache(cache) == 0
    assert sorted(cache.glob("*" + ENTRY_SUFFIX)) == entries
