"""English texts of `reportkit plan import` (plandoc/: the draft, its findings, the command). Same keys and fields as ``vi_import.py``."""

IMPORT_MESSAGES: dict[str, str] = {
    # -- the command
    "help.plan.import": ("Import a plan document (.docx, .txt, .pdf, .xlsx/.xls/.ods) as a YAML draft with a # TODO "
                         "comment on every line to check. Exit code: 0 no findings, 1 draft written with findings, "
                         "3 the document cannot be read."),
    "opt.import.output": "YAML file to write (default: <plan code>.yaml in the current folder; never data/plan/)",
    "opt.import.force": "overwrite an existing file",
    "import.written": "Draft written to {path}: {tasks} tasks, {units} units, {streams} report streams, {n} findings.",
    "import.exists": "{path} exists, not overwritten",
    "import.exists.fix": "add --force to overwrite it, or choose another name with -o",
    "import.not_a_plan": "the document has no task section (no numbered sections I, II, III… and no task table)",
    "import.not_a_plan.fix": ("check that this is a plan document; a task table needs a header row with a "
                              "\"Nội dung\" column and a \"Thời gian thực hiện\" or \"Đơn vị chủ trì\" column"),
    "import.no_findings": "No findings.",
    "import.findings": "{n} findings:",
    "import.severity.warning": "to check",
    "import.severity.info": "note",
    "import.where.table_row": "{table}, row {row}",
    # -- the YAML draft (comments at its top; a stream name the document does not give: Vietnamese, it is plan wording)
    "import.yaml.header": "Plan draft imported from {source} by reportkit plan import.",
    "import.yaml.todo_hint": "Check every line with \"# TODO\", fix the value, then delete the comment; rules: docs/plan-import.md.",
    "import.stream_default_name": "Báo cáo định kỳ",
    # -- findings (fields: task, phrase, unit, field, value, note, location)
    "import.finding.time_frame_undated": ("{task}: the time frame \"{phrase}\" names no date; written as due: {{kind: unknown}} "
                                          "— give it with --deadline {task}=DATE or fix the time frame"),
    "import.finding.time_frame_unknown": ("{task}: time frame \"{phrase}\" not understood; written as due: {{kind: unknown}} "
                                          "— rewrite it in one of the forms of docs/plan-format.md"),
    "import.finding.time_frame_missing": "{task}: the task has no time frame; fill in time_frame",
    "import.finding.lead_from_organiser": ("{task}: the document names no lead unit; {unit} was taken (the unit section "
                                           "Tổ chức thực hiện charges with tracking and reporting) — check it"),
    "import.finding.lead_missing": "{task}: the document names no lead unit; fill in lead with a unit code",
    "import.finding.unit_unknown": "{task}: \"{phrase}\" is not a known unit; add it to units or fix the name",
    "import.finding.unit_by_initials": ("{task}: the abbreviation \"{phrase}\" was read as {unit} by its initials "
                                        "(the document does not define it) — check it"),
    "import.finding.collective_empty": ("{task}: \"{phrase}\" refers to every unit of a kind, but the document names "
                                        "none of that kind; add those units to units"),
    "import.finding.report_not_understood": ("report sentence \"{phrase}\" not understood; add the report to reports "
                                             "as docs/plan-format.md shows"),
    "import.finding.reports_missing": ("no reporting rules found (section Tổ chức thực hiện); add report_streams "
                                       "as docs/plan-format.md shows"),
    "import.finding.stream_unnamed": "the document gives the report stream no name; it is called \"{phrase}\" for now — name it",
    "import.finding.header_missing": "{field} not found in the document; fill it in the draft",
    "import.finding.header_from_text": "{field} taken from the body of the document (not its header): {value} — check it",
    "import.finding.duplicate_code": "{task}: duplicate task code; fix the numbering",
    "import.finding.source_note": "{note}",
}
