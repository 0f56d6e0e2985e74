"""Roll-up of many organisations' reports into one consolidated data set (báo cáo tổng hợp).

Reads each organisation's published report folder (``manifest.json`` checked
file by file against its sha256, ``status.parquet`` with a columnar engine),
never HTML or PDF. Presentation lives in ``reportkit.report``; the command in
``reportkit.cli_rollup``.
"""

from reportkit.rollup.collect import collect_rollup
from reportkit.rollup.json_out import rollup_json
from reportkit.rollup.model import (
           COUNT_KEYS,
           ORG_COLUMNS,
           ORG_STATES,
           OrgInput,
           RollupData,
)
from reportkit.rollup.nested import write_rollup_record
from reportkit.rollup.status_file import STATUS_FILE, STATUS_SCHEMA_VERSION

__all__ = ["COUNT_KEYS", "ORG_COLUMNS", "ORG_STATES", "STATUS_FILE", "STATUS_SCHEMA_VERSION", "OrgInput", "RollupData",
           "collect_rollup", "rollup_json", "write_rollup_record"]
