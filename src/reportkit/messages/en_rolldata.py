"""English texts of the roll-up's data step (why an organisation has no valid report). Same keys and fields as ``vi_rolldata.py``."""

ROLLDATA_MESSAGES: dict[str, str] = {
    "rollup.no_valid_report": "no valid report: {detail}",
    "rollup.reason.no_report": "no report for {period} yet (no manifest.json found)",
    "rollup.reason.bad_manifest": "manifest.json cannot be read",
    "rollup.reason.other_period": "the report in the folder is for period {period}, stream {stream}",
    "rollup.reason.no_checksums": "manifest.json records no checksums (sha256) of its files",
    "rollup.reason.file_missing": "file {file} listed in manifest.json is missing",
    "rollup.reason.file_changed": "file {file} does not match its checksum (sha256) in manifest.json (changed or half-copied)",
    "rollup.reason.bad_status": "the status table (status.parquet) cannot be read: {detail}",
}
