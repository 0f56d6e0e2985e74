"""Hostile and oversized workbooks are refused with a finding, in bounded memory.

Each file is read by ``intake.read_workbook`` in a child process whose address
space is capped (``RLIMIT_AS``, 1.5 GiB) and whose life is bounded (a guard
against hangs, not a speed test): a parser that tried to allocate billions of
cells would abort the child (Rust aborts on a failed allocation; no exception
reaches Python), and the test would see the signal. How fast they are refused
is measured by ``python -m bench --only hardening``, not asserted here. The small files are committed under
``tests/data/hostile/`` (``python -m tests.hostile_files`` rebuilds them); the
large ones are built here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportkit.intake import reader as intake

from . import hostile_files as hostile
from .conftest import PLAN_PATH, ROOT

MEMORY_CEILING = 3 << 29  # 1.5 GiB of address space for the reading process
TIME_LIMIT = 120  # seconds, for the child's whole life: a hang guard on a busy machine, not a speed limit

_CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({ceiling}, {ceiling}))
from reportkit.intake.reader import read_workbook
from reportkit.plan.load import load_plan
def peak_mib():
    # VmHWM: this process image's own peak RSS. ru_maxrss would also count the parent's RSS
    # at fork time (Linux carries it across exec), i.e. the whole pytest process.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
plan = load_plan(sys.argv[1])
start = time.perf_counter()
sub = read_workbook(sys.argv[2], plan)
seconds = time.perf_counter() - start
print(json.dumps({{"codes": [f.code for f in sub.findings], "severities": [f.severity for f in sub.findings],
                  "messages": [f.message for f in sub.findings], "rows": [r.task_code for r in sub.rows],
                  "results": [len(r.result) for r in sub.rows], "seconds": seconds,
                  "peak_mib": peak_mib()}}))
"""


def read_capped(path: Path) -> dict:
    """read_workbook(path) in a child under the memory ceiling and time limit; its summary as a dict."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _CHILD.format(ceiling=MEMORY_CEILING), str(PLAN_PATH), str(path)],
                          capture_output=True, text=True, timeout=TIME_LIMIT, cwd=ROOT)
    assert proc.returncode == 0, f"reader died (exit {proc.returncode}): {proc.stderr[-1500:]}"
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall"] = time.monotonic() - start
    return result


def committed(name: str, tmp_path: Path) -> Path:
    """A committed hostile file copied under a name that gives the unit and report date."""
    source = hostile.HERE / name
    target = tmp_path / f"hcth_2024-03-05{source.suffix}"
    target.write_bytes(source.read_bytes())
    return target


def built(data: bytes, tmp_path: Path, suffix: str = ".xlsx") -> Path:
    target = tmp_path / f"hcth_2024-03-05{suffix}"
    target.write_bytes(data)
    return target


# (file, the one error it must get) for files that must be refused before parsing.
REFUSED = [
    ("far_cell.xlsx", "too_many_rows"),
    ("far_cell_second_r.xlsx", "too_many_rows"),
    ("far_cell_gt_in_value.xlsx", "too_many_rows"),
    ("far_cell_prefixed.xlsx", "too_many_rows"),
    ("ods_repeated.ods", "too_many_rows"),
    ("xls_far_cell.xls", "too_many_rows"),
    ("xlsb_named.xlsx", "not_spreadsheet"),
    ("billion_laughs.xlsx", "corrupt"),
]


@pytest.mark.parametrize(("name", "code"), REFUSED, ids=[n for n, _ in REFUSED])
def test_tiny_file_asking_for_billions_of_cells_is_refused_with_one_finding(name, code, tmp_path):
    got = read_capped(committed(name, tmp_path))
    assert got["codes"] == [code] and got["severities"] == ["error"] and got["rows"] == []
    assert got["peak_mib"] < 400


def test_far_cell_finding_says_the_size_and_the_limits(tmp_path):
    got = read_capped(committed("far_cell.xlsx", tmp_path))
    (message,) = got["messages"]
    assert "1.048.576 dòng × 16.384 cột" in message and "100.000 dòng, 500 cột hoặc 2.000.000 ô" in message


@pytest.mark.parametrize("name", ["dimension_only.xlsx", "huge_merge.xlsx"])
def test_declared_but_empty_area_is_read_normally(name, tmp_path):
    """A <dimension> of the whole sheet or a merge down to the last row allocates nothing: the table is read."""
    got = read_capped(committed(name, tmp_path))
    assert got["rows"] == ["III.2"] and "error" not in got["severities"]
    assert got["peak_mib"] < 400


BUILT = [
    ("zip_bomb", "zip_bomb"),  # 300 MiB of honest sizes
    ("zip_bomb_lying", "corrupt"),  # declares 5,000 bytes, inflates to 64 MiB
    ("many_entries", "zip_bomb"),  # 12,000 entries
    ("many_rows", "too_many_rows"),  # 150,000 rows
]


@pytest.mark.slow
@pytest.mark.parametrize(("builder", "code"), BUILT, ids=[b for b, _ in BUILT])
def test_zip_bombs_and_row_floods_are_refused_in_bounded_memory(builder, code, tmp_path):
    got = read_capped(built(getattr(hostile, builder)(), tmp_path))
    assert got["codes"] == [code] and got["rows"] == []
    assert got["peak_mib"] < 400


@pytest.mark.slow
def test_lying_zip_entry_is_never_inflated_whole(tmp_path):
    """512 MiB of real content behind a declared 5,000 bytes: refused in bounded memory."""
    got = read_capped(built(hostile.zip_bomb_lying(512), tmp_path))
    assert got["codes"] == ["corrupt"] and got["peak_mib"] < 300


@pytest.mark.slow
def test_thirty_megabyte_string_rejects_its_row_and_keeps_the_others(tmp_path):
    got = read_capped(built(hostile.huge_shared_string(30), tmp_path))
    assert got["codes"] == ["cell_too_long"] and got["rows"] == ["III.3"]
    assert "31.457.280 ký tự" in got["messages"][0] and "32.767" in got["messages"][0]
    assert got["peak_mib"] < 1024


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["deep_nesting", "deep_nesting_legacy_font"])
def test_deeply_nested_xml_neither_crashes_nor_hangs(builder, tmp_path):
    got = read_capped(built(getattr(hostile, builder)(), tmp_path))
    assert got["rows"] == ["III.2"] or "error" in got["severities"]
    assert got["peak_mib"] < 1024


def test_long_cell_outside_the_table_is_ignored_with_a_finding(plan, tmp_path):
    long_title = "x" * (intake.MAX_CELL_CHARS + 1)
    rows = [f'<row r="3">{hostile.cell("F3", long_title)}</row>'] + hostile.TABLE_ROWS
    rows.sort(key=lambda r: int(r.split('"')[1]))
    sub = intake.read_workbook(built(hostile.xlsx(hostile.sheet_xml(rows)), tmp_path), plan)
    (finding,) = sub.findings
    assert finding.code == "cell_too_long" and finding.row == 3 and "bị bỏ qua" in finding.message
    assert [r.task_code for r in sub.rows] == ["III.2"]


def test_cell_of_exactly_excels_limit_is_read(plan, tmp_path):
    text = "ả" * intake.MAX_CELL_CHARS
    rows = hostile.TABLE_ROWS[:3] + ['<row r="5">' + hostile.cell("A5", "III.2") + hostile.cell("B5", "Đang thực hiện")
                                    + hostile.cell("D5", text) + "</row>"]
    sub = intake.read_workbook(built(hostile.xlsx(hostile.sheet_xml(rows)), tmp_path), plan)
    assert sub.findings == [] and sub.rows[0].result == text


def test_committed_hostile_files_are_those_the_script_builds():
    assert sorted(p.name for p in hostile.HERE.iterdir()) == sorted(hostile.COMMITTED)
    for name, build in hostile.COMMITTED.items():
        if name.endswith((".xlsx", ".ods")):  # .xls carries xlwt's own timestamps
            assert (hostile.HERE / name).read_bytes() == build(), name
