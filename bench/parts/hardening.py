"""Hardening: how fast hostile input is refused.

The tests assert what happens (a finding, an error, exit code 4) and the memory
bound; the speeds live here.
"""

from __future__ import annotations

from pathlib import Path

from bench.measure import ROOT, fmt, repeat
from bench.parts import Run

TARGETS = {
    "hostile_small_seconds": ("hardening: each small hostile workbook refused or read in < 1 s", lambda s: s < 1.0),
    "hostile_large_seconds": ("hardening: zip bombs, floods, 30 MB strings, deep XML handled in < 5 s", lambda s: s < 5.0),
    "plan_bomb_seconds": ("hardening: plan alias bomb / deep nesting refused in < 5 s", lambda s: s < 5.0),
    "lock_refusal_seconds": ("hardening: a batch on locked outputs exits 4 in < 3 s", lambda s: s < 3.0),
}

# Committed hostile files (tests/data/hostile) and the builders of the large ones (tests/hostile_files.py).
HOSTILE_SMALL = ["far_cell.xlsx", "far_cell_second_r.xlsx", "far_cell_gt_in_value.xlsx", "far_cell_prefixed.xlsx",
                 "ods_repeated.ods", "xls_far_cell.xls", "xlsb_named.xlsx", "billion_laughs.xlsx",
                 "dimension_only.xlsx", "huge_merge.xlsx"]
HOSTILE_LARGE = ["zip_bomb", "zip_bomb_lying", "many_entries", "many_rows", "huge_shared_string", "deep_nesting",
                 "deep_nesting_legacy_font"]
SAMPLE_WORKBOOK = ROOT / "data" / "submissions" / "2024" / "bhtn_2024-01-09.xlsx"
PLAN_BOMBS = {
    "alias_bomb": "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
    "deep_nesting": "deep: " + "[" * 3000 + "]" * 3000 + "\n",
}


def measure(run: Run) -> None:
    tmp, smoke, runs = run.tmp, run.smoke, 1 if run.smoke or run.quick else 3
    results = run.results
    from tests import hostile_files as hostile

    plan = ROOT / "data" / "plan" / "ttdvvl-2024.yaml"
    files = {}
    for name in HOSTILE_SMALL[:2] if smoke else HOSTILE_SMALL:
        files[name] = tmp / "hostile" / name / f"hcth_2024-03-05{Path(name).suffix}"
        files[name].parent.mkdir(parents=True)
        files[name].write_bytes((hostile.HERE / name).read_bytes())
    for name in [] if smoke else HOSTILE_LARGE:
        files[name] = tmp / "hostile" / name / "hcth_2024-03-05.xlsx"
        files[name].parent.mkdir(parents=True)
        files[name].write_bytes(getattr(hostile, name)())
    reads = {name: repeat("hardening.hostile_read", {"path": str(path), "plan": str(plan)}, runs) for name, path in files.items()}
    normal = repeat("hardening.hostile_read", {"path": str(SAMPLE_WORKBOOK), "plan": str(plan)}, runs)
    reads_of = lambda names: [reads[n] for n in names if n in reads]
    slowest = max(reads_of(HOSTILE_SMALL), key=lambda r: r["median"])
    run.record("hostile_small_seconds", slowest["median"], spread=slowest,
               baseline=f"a normal department workbook {normal['median'] * 1000:.1f} ms")
    if reads_of(HOSTILE_LARGE):
        slowest = max(reads_of(HOSTILE_LARGE), key=lambda r: r["median"])
        run.record("hostile_large_seconds", slowest["median"], spread=slowest,
                   baseline=f"a normal department workbook {normal['median'] * 1000:.1f} ms")
    bombs = {}
    for name, extra in PLAN_BOMBS.items():
        path = tmp / f"plan_{name}.yaml"
        path.write_text(plan.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
        bombs[name] = repeat("hardening.plan_refused", {"path": str(path)}, runs)
    good_plan = repeat("hardening.plan_loaded", {"path": str(plan)}, runs)
    slowest = max(bombs.values(), key=lambda r: r["median"])
    run.record("plan_bomb_seconds", slowest["median"], spread=slowest,
               baseline=f"loading the sample plan {good_plan['median'] * 1000:.1f} ms")
    locked = repeat("hardening.batch_locked", {"output": str(tmp / "locked")}, runs)
    unlocked = repeat("hardening.batch_nothing_due", {"output": str(tmp / "free")}, runs)
    run.record("lock_refusal_seconds", locked["median"], spread=locked,
               baseline=f"the same batch with nothing due {unlocked['median']:.2f} s")
    results["hardening"] = {"workbooks": reads, "plans": bombs, "locked_batch": locked,
                            "baselines": {"normal workbook": normal, "sample plan": good_plan,
                                          "batch with nothing due": unlocked}}


def describe(key: str, value) -> str | None:
    if key != "hardening":
        return None
    return "\n".join(f"- **hardening, {name}**: {fmt(r)}"
                     for name, r in {**value["workbooks"], **value["plans"], "locked batch": value["locked_batch"],
                                     **{f"baseline, {k}": v for k, v in value["baselines"].items()}}.items())


# How fast hostile input is refused. The tests assert what happens (a finding, an
# error, exit code 4) and the memory bound; the speeds live here.

def prepare_hostile_read(path: str, plan: str):
    from reportkit.intake.reader import read_workbook
    from reportkit.plan.load import load_plan

    return read_workbook, load_plan(plan)


def hostile_read(state, path: str, plan: str) -> dict:
    """read_workbook on one hostile or oversized file (refused with a finding, or read)."""
    read_workbook, p = state
    return {"codes": [f.code for f in read_workbook(path, p).findings]}


def prepare_plan_refused(path: str):
    from reportkit.errors import ReportkitError
    from reportkit.plan.load import load_plan

    return load_plan, ReportkitError


def plan_refused(state, path: str) -> dict:
    """load_plan on a plan with an alias bomb or deep nesting: must raise a ReportkitError."""
    load_plan, error = state
    try:
        load_plan(path)
    except error:
        return {"refused": True}
    raise RuntimeError(f"{path} was not refused")


def prepare_batch_locked(output: str):
    from reportkit.cli import main
    from reportkit.jobs.lock import OutputsLock

    lock = OutputsLock(output)
    lock.acquire()  # held by this process, which is alive: the batch below must refuse at once
    return main


def batch_locked(state, output: str) -> dict:
    """``reportkit batch`` on outputs another batch holds: exit 4."""
    code = state(["batch", "--year", "2024", "--output", output, "--quiet"])
    if code != 4:
        raise RuntimeError(f"a locked batch exited {code}, not 4")
    return {"exit_code": code}


def prepare_plan_loaded(path: str):
    from reportkit.plan.load import load_plan

    return load_plan


def plan_loaded(state, path: str) -> dict:
    """load_plan on the sample plan: the baseline of the refused plans."""
    return {"tasks": len(state(path).tasks)}


def prepare_batch_nothing_due(output: str):
    from reportkit.cli import main

    return main


def batch_nothing_due(state, output: str) -> dict:
    """``reportkit batch`` with a cut-off before the first report: the baseline of the locked batch."""
    code = state(["batch", "--year", "2024", "--through", "2024-01-01", "--output", output, "--quiet"])
    return {"exit_code": code}
