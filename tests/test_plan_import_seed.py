"""Proof: importing the seed text reproduces the hand-made data/plan/ttdvvl-2024.yaml.

Same task codes, texts, time frames, dues and leads; same content items,
purposes, signer and recipients; the same 22-report calendar. The seed YAML's
sample units (sample: true) are not in the seed and are not compared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.periods import build_calendar
from reportkit.plan.load import load_plan
from reportkit.plandoc.importer import import_plan

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "data/plan/seed-2024-ke-hoach-dan-van-dan-chu.txt"
SEED_YAML = ROOT / "data/plan/ttdvvl-2024.yaml"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    result = import_plan(SEED_TEXT)
    path = tmp_path_factory.mktemp("import") / "draft.yaml"
    path.write_text(result.yaml_text, encoding="utf-8")
    return result, load_plan(path), load_plan(SEED_YAML)


def _tasks(plan, kind):
    return [t for t in plan.tasks if t.kind == kind]


def test_seed_import_gives_the_same_tasks_time_frames_dues_and_leads(imported):
    _, draft, seed = imported
    got = [(t.code, t.text, t.time_frame, t.due, t.lead) for t in _tasks(draft, "task")]
    want = [(t.code, t.text, t.time_frame, t.due, t.lead) for t in _tasks(seed, "task")]
    assert got == want


def test_seed_import_gives_the_same_content_items_and_purposes(imported):
    _, draft, seed = imported
    assert [(t.code, t.text, t.section) for t in _tasks(draft, "content")] == [
        (t.code, t.text, t.section) for t in _tasks(seed, "content")]
    assert draft.sections[:-1] == seed.sections[:-1]
    assert draft.purposes == seed.purposes


def test_seed_import_gives_the_same_header_signer_recipients_basis_and_closing(imported):
    _, draft, seed = imported
    for name in ("year", "title", "document_type", "issuer_name", "basis", "closing",
                 "signer_title", "signer_name", "recipients"):
        assert getattr(draft, name) == getattr(seed, name), name


def test_seed_import_names_the_seed_units_with_their_codes(imported):
    _, draft, seed = imported
    real = {u.code: u.name for u in seed.units if not u.sample}
    assert {u.code: u.name for u in draft.units} == real


def test_seed_import_gives_the_same_22_report_calendar(imported):
    _, draft, seed = imported
    key = lambda r: (r.stream.code, r.stream.name, r.period.id, r.due_before)
    got, want = build_calendar(draft), build_calendar(seed)
    assert len(want) == 22
    assert [key(r) for r in got] == [key(r) for r in want]


def test_seed_import_says_each_lead_was_taken_from_the_organiser_and_marks_it_todo(imported):
    result, _, _ = imported
    flagged = [f.task_code for f in result.findings if f.code == "lead_from_organiser"]
    assert flagged == [f"III.{n}" for n in range(1, 9)]
    lead_lines = [line for line in result.yaml_text.splitlines() if line.strip().startswith("lead:")]
    assert len(lead_lines) == 8 and all("# TODO:" in line for line in lead_lines)
