"""The roll-up's data step: organisations' report folders → RollupData (states, checks, engines, nesting)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from reportkit.rollup import (
    COUNT_KEYS,
    OrgInput,
    collect_rollup,
    rollup_json,
    write_rollup_record,
)
from reportkit.rollup.status_file import (
    STATUS_FIELDS,
    status_records,
    write_status_parquet,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.rollup_synth import PERIOD, STREAM, write_org, write_orgs

KINDS = ("on_time", "late", "missing", "tampered", "other_period")


@pytest.fixture
def five_orgs(tmp_path):
    rng = np.random.default_rng(1)
    return [write_org(tmp_path, f"o{i}", rng, kind=kind) for i, kind in enumerate(KINDS)]


def test_each_organisation_gets_its_state_and_a_reason_when_its_report_cannot_be_used(five_orgs):
    data = collect_rollup([s.org for s in five_orgs], PERIOD, STREAM)
    assert list(data.orgs["state"]) == ["on_time", "late", "missing", "invalid", "invalid"]
    reasons = list(data.orgs["reason"])
    assert reasons[:2] == ["", ""]
    assert all(r.startswith("không có báo cáo hợp lệ: ") for r in reasons[2:])
    assert "status.parquet" in reasons[3] and "sha256" in reasons[3]
    assert "2023-Q4" in reasons[4]


def test_counts_of_a_valid_report_equal_its_manifest_counts_and_others_count_zero(five_orgs):
    data = collect_rollup([s.org for s in five_orgs], PERIOD, STREAM)
    for synth, row in zip(five_orgs, data.orgs.to_dict(orient="records")):
        manifest = json.loads((synth.org.report_dir / "manifest.json").read_text()) if synth.kind in KINDS[:2] else {}
        assert {k: row[k] for k in COUNT_KEYS} == {k: (manifest.get("counts") or {}).get(k, 0) for k in COUNT_KEYS}
    first = data.orgs.iloc[0]
    assert first["tasks"] == sum(first[k] for k in COUNT_KEYS) and first["plan_code"].startswith("plan-")


def test_status_lines_are_read_only_for_valid_reports_with_their_organisation_code(five_orgs):
    data = collect_rollup([s.org for s in five_orgs], PERIOD, STREAM)
    assert sorted(set(data.tasks["org_code"])) == ["o0", "o1"]
    assert (data.tasks["org_code"] == "o0").sum() == 50
    assert {"task_code", "status", "deadline"} <= set(data.tasks.columns)


def test_a_file_changed_after_the_manifest_was_written_makes_the_report_invalid(tmp_path):
    synth = write_org(tmp_path, "x", np.random.default_rng(2), kind="on_time")
    path = synth.org.report_dir / "status.parquet"
    path.write_bytes(path.read_bytes() + b"\0")
    (row,) = collect_rollup([synth.org], PERIOD, STREAM).orgs.to_dict(orient="records")
    assert row["state"] == "invalid" and "không khớp" in row["reason"]


def test_a_table_that_no_engine_can_read_makes_only_its_organisation_invalid(tmp_path):
    good = write_org(tmp_path, "good", np.random.default_rng(3), kind="on_time")
    bad = write_org(tmp_path, "bad", np.random.default_rng(3), kind="on_time")
    table = bad.org.report_dir / "status.parquet"
    table.write_bytes(b"not parquet")
    manifest = json.loads((bad.org.report_dir / "manifest.json").read_text())
    manifest["sha256"]["status.parquet"] = __import__("hashlib").sha256(b"not parquet").hexdigest()
    (bad.org.report_dir / "manifest.json").write_text(json.dumps(manifest))
    data = collect_rollup([good.org, bad.org], PERIOD, STREAM)
    assert list(data.orgs["state"]) == ["on_time", "invalid"] and "status.parquet" in data.orgs["reason"][1]
    assert set(data.tasks["org_code"]) == {"good"}


@pytest.mark.parametrize("engine", ["pyarrow", "duckdb"])
def test_every_engine_reads_the_same_data(tmp_path, engine):
    if importlib.util.find_spec(engine) is None:
        pytest.skip(f"{engine} is not installed")
    orgs = [s.org for s in write_orgs(tmp_path, 40)]
    ref = collect_rollup(orgs, PERIOD, STREAM)
    other = collect_rollup(orgs, PERIOD, STREAM, engine=engine)
    assert ref.orgs.equals(other.orgs)
    key = ["org_code", "task_code", "unit_code", "source_row"]
    a = ref.tasks.sort_values(key).reset_index(drop=True).astype(str)
    b = other.tasks.sort_values(key).reset_index(drop=True)[list(ref.tasks.columns)].astype(str)
    assert a.equals(b)


@pytest.mark.slow  # starts dask worker processes
def test_dask_local_gives_the_same_result_as_one_process(tmp_path):
    orgs = [s.org for s in write_orgs(tmp_path, 30)]
    ref = collect_rollup(orgs, PERIOD, STREAM)
    dist = collect_rollup(orgs, PERIOD, STREAM, scheduler="local")
    assert ref.orgs.equals(dist.orgs) and ref.tasks.astype(str).equals(dist.tasks.astype(str))


def test_rollup_json_lists_organisations_with_manifest_count_keys(five_orgs):
    out = rollup_json(collect_rollup([s.org for s in five_orgs], PERIOD, STREAM))
    assert out["period"] == PERIOD and out["stream"] == STREAM
    assert [o["state"] for o in out["organisations"]] == ["on_time", "late", "missing", "invalid", "invalid"]
    assert all(set(o["counts"]) == set(COUNT_KEYS) for o in out["organisations"])
    json.dumps(out, ensure_ascii=False)


def test_a_rollup_folder_is_read_as_one_organisation_by_the_next_level(tmp_path):
    synths = write_orgs(tmp_path / "so", 12)
    data = collect_rollup([s.org for s in synths], PERIOD, STREAM)
    folder = tmp_path / "province" / "so-a" / PERIOD / STREAM
    folder.mkdir(parents=True)
    write_rollup_record(data, folder, due_before="2024-03-10", built_at=dt.datetime(2024, 3, 8, 9, 0))
    upper = collect_rollup([OrgInput("so-a", "Sở A", "", folder)], PERIOD, STREAM)
    (row,) = upper.orgs.to_dict(orient="records")
    assert row["state"] == "on_time"
    assert {k: row[k] for k in COUNT_KEYS} == {k: int(data.orgs[k].sum()) for k in COUNT_KEYS}
    assert upper.tasks["source_org"].value_counts().to_dict() == data.tasks["org_code"].value_counts().to_dict()
    assert set(upper.tasks["org_code"]) == {"so-a"}


def test_status_parquet_keeps_types_and_records_its_schema_version(tmp_path):
    import pandas as pd

    frame = pd.DataFrame({"task_code": ["I.1"], "deadline": [pd.Timestamp("2024-03-31")], "is_lead": [True],
                          "days_late": pd.array([None], dtype="Int64"), "status": ["Đã hoàn thành đúng hạn"]})
    path = write_status_parquet(status_records(frame), tmp_path / "status.parquet", PERIOD, STREAM)
    table = pq.read_table(path)
    assert table.schema.metadata[b"schema_version"] == b"1" and table.schema.names == list(STATUS_FIELDS)
    row = table.to_pylist()[0]
    assert str(row["deadline"]) == "2024-03-31" and row["is_lead"] is True and row["days_late"] is None
    assert row["status"] == "Đã hoàn thành đúng hạn" and row["result"] is None


def test_a_province_reads_a_unit_report_and_a_rollup_side_by_side(tmp_path):
    data = collect_rollup([s.org for s in write_orgs(tmp_path / "so", 6)], PERIOD, STREAM)
    folder = tmp_path / "so-b" / PERIOD / STREAM
    folder.mkdir(parents=True)
    write_rollup_record(data, folder, due_before="2024-03-10", built_at=dt.datetime(2024, 3, 8, 9, 0))
    unit = write_org(tmp_path / "units", "tt", np.random.default_rng(5), kind="on_time")
    upper = collect_rollup([unit.org, OrgInput("so-b", "Sở B", "", folder)], PERIOD, STREAM)
    assert list(upper.orgs["state"]) == ["on_time", "on_time"]
    assert (upper.tasks["org_code"] == "tt").sum() == 50 and (upper.tasks["org_code"] == "so-b").sum() == len(data.tasks)
