"""English texts of the findings on department workbooks: code → (message, how to fix).

Same codes and ``str.format`` fields in ``vi_findings.py`` and ``en_findings.py`` (a test checks it);
``intake.messages.SEVERITY`` gives each code its severity and ``make_finding`` fills the fields.
"""

# Findings on department workbooks: code → (message, how to fix); same codes and fields as vi.FINDINGS.
# Vietnamese words that the department sees in its workbook (column headers, status words) stay as they are.
FINDINGS: dict[str, tuple[str, str]] = {
    "file_not_found": (
        "File not found.",
        "Check the file path.",
    ),
    "not_a_file": (
        "The path is a folder, not a spreadsheet file.",
        "Give one .xlsx/.xlsm/.xls/.ods file, or read the whole folder with read_submissions.",
    ),
    "unreadable_file": (
        "Cannot open the file for reading ({detail}).",
        "Check the file's read permission, or copy the file to another folder and read it again.",
    ),
    "empty_file": (
        "The file is empty (0 bytes).",
        "Save the workbook again from Excel or LibreOffice and resend it.",
    ),
    "file_too_large": (
        "File too large ({size} MB), above the {limit} MB limit; not read.",
        "Delete unneeded sheets and pictures (or use the reportkit template) and resend.",
    ),
    "zip_bomb": (
        ("Suspicious compressed file: {entries} entries unpacking to {size} MB, {ratio} times its size (limits "
         "{limit_entries} entries, {limit} MB and {limit_ratio} times); not read."),
        ("Open the file in Excel or LibreOffice and save it as a new .xlsx; if you do not know where it came from, "
         "do not open it."),
    ),
    "not_spreadsheet": (
        "Not a spreadsheet ({kind}).",
        "Send an .xlsx (recommended), .xlsm, .xls or .ods file.",
    ),
    "corrupt": (
        "Cannot read the spreadsheet: the file is damaged or not in a spreadsheet format ({detail}).",
        ("Open the file in Excel or LibreOffice; if it opens, save it as .xlsx and resend it; if not, ask the unit "
         "to send it again."),
    ),
    "internal_error": (
        "reportkit failed while reading this file ({detail}); the file is not used.",
        ("Report the problem to the reportkit administrator with this file; meanwhile, save the file again from the "
         "reportkit template."),
    ),
    "worker_died": (
        "The process reading this file stopped suddenly ({how}); the file was not read, the other files were.",
        ("Open the file in Excel or LibreOffice, save it again as .xlsx and run again; if it still fails, run with "
         "REPORTKIT_INTAKE_WORKERS=1 and send the file to the reportkit administrator."),
    ),
    "password_protected": (
        "The file is password-protected and cannot be read.",
        ("Remove the opening password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it) and "
         "resend."),
    ),
    "extension_mismatch": (
        "The extension '{ext}' does not match the content ({kind}); read by content.",
        "Rename the file with the extension {right}.",
    ),
    "empty_workbook": (
        "The workbook holds no data.",
        "Fill in the table from the template (reportkit template) and resend.",
    ),
    "too_many_rows": (
        ("The sheet has {rows} rows × {cols} columns, above the limit of {limit_rows} rows, {limit_cols} columns or "
         "{limit_cells} cells; not read."),
        "Delete the extra rows and columns at the end of the sheet (or use the reportkit template) and resend.",
    ),
    "no_header": (
        ("No header row in the first {n} rows of sheet(s) {sheets}: looked for a row with 'Mã nhiệm vụ' and 'Tình "
         "trạng' or 'Tiến độ (%)'."),
        ("Use the reportkit template; for a table of your own, put the header row in the first {n} rows with the "
         "columns Mã nhiệm vụ, Tình trạng (or Tiến độ (%)), Ngày hoàn thành, Kết quả thực hiện."),
    ),
    "missing_column": (
        "Required column missing: {missing}. Columns found: {found}.",
        "Add the column {missing} to the header row (see the reportkit template).",
    ),
    "duplicate_column": (
        "Column {column} repeats column {first}; only {first} is read.",
        "Rename or delete the repeated column.",
    ),
    "legacy_converted": (
        "Converted {count} cell(s) from {encoding} to Unicode: {cells}. Example: '{before}' → '{after}'.",
        "Check these cells; next time use the reportkit template with a Unicode font (Times New Roman).",
    ),
    "legacy_unsafe": (
        "Cell in an old encoding ({encoding}) that cannot be converted to Unicode safely; {effect}.",
        ("Convert the text to Unicode with Unikey (Công cụ chuyển mã, target Unicode) or retype this cell in a "
         "Unicode font."),
    ),
    "unknown_unit": (
        "Unknown unit ({detail}). Units of the plan: {units}.",
        ("Write 'Đơn vị: <unit name>' at the top of the table, or start the file name with the unit code, e.g. "
         "{example}."),
    ),
    "unit_from_filename": (
        "The 'Đơn vị' line '{title}' matches no unit; using the unit from the file name: {unit}.",
        "Write the unit name as in the plan, e.g. '{unit}'.",
    ),
    "unit_mismatch": (
        "The 'Đơn vị' line says {title_unit} but the file name belongs to {file_unit}; using the former.",
        "Make the file name and the 'Đơn vị' line agree.",
    ),
    "no_report_date": (
        "No report date (no 'Ngày báo cáo:' line and no date in the file name).",
        "Write 'Ngày báo cáo: dd/mm/yyyy' at the top of the table, or name the file <unit code>_<yyyy-mm-dd>.xlsx.",
    ),
    "missing_task_code": (
        "Row has data but no task code; row not used.",
        "Write the task code (e.g. III.1, II.1.a) in the Mã nhiệm vụ column.",
    ),
    "text_without_code": (
        "Row without a task code holding only text (result/note columns); row skipped.",
        ("If this text belongs to a task, write the task code in the Mã nhiệm vụ column or move the text onto that "
         "task's row."),
    ),
    "unknown_task_code": (
        "Task code '{task}' is not in the plan{suggest}; row not used.",
        "Use one of the codes: {codes}.",
    ),
    "task_not_assigned": (
        "Task {task} is not assigned to {unit} in the plan; row read anyway.",
        "Check the task code; the unit's codes are: {codes}.",
    ),
    "duplicate_task": (
        "Task {task} appears on {n} rows ({rows}) with different content; none of them is used.",
        "Keep one row per task and merge the content into it.",
    ),
    "duplicate_task_same": (
        "Task {task} is repeated identically on rows {rows}; only row {first} is used.",
        "Delete the repeated rows.",
    ),
    "unknown_status": (
        "Unknown status '{value}'; row not used.",
        "Choose one of: {accepted}.",
    ),
    "missing_status": (
        "Task {task} has neither status nor progress.",
        "Choose a status (Chưa thực hiện, Đang thực hiện, Đã hoàn thành) or give a progress of 0–100.",
    ),
    "bad_progress": (
        "Progress '{value}' is not a percentage; row not used.",
        "Write a number from 0 to 100, e.g. 75 or 75%.",
    ),
    "progress_range": (
        "Progress {value} is outside 0–100; row not used.",
        "Write a number from 0 to 100.",
    ),
    "progress_fraction": (
        "Progress {value} read as {percent}%.",
        "Write progress as a percentage, e.g. 75.",
    ),
    "status_progress_conflict": (
        "Status '{status}' contradicts progress {progress}%; the status is used.",
        "Make status and progress agree (100% is Đã hoàn thành).",
    ),
    "bad_date": (
        "{field} '{value}' is not a date; {effect}.",
        "Write the date as dd/mm/yyyy, e.g. 05/03/2024.",
    ),
    "impossible_date": (
        "{field} '{value}' is an impossible date; {effect}.",
        "Write a real date as dd/mm/yyyy (day/month/year).",
    ),
    "implausible_date": (
        "{field} '{value}' has a year outside 1990–2100; {effect}.",
        "Write the date as dd/mm/yyyy with a 4-digit year.",
    ),
    "completed_after_report": (
        "Completion date in cell {cell} ({date}) is after the report date {report_date}; row not used. {readings}",
        "Write the date the work was finished (not a planned date); check the year.",
    ),
    "completed_date_swapped": (
        ("Completion date in cell {cell} looks day-month swapped on entry (an office suite set to a month-first "
         "locale such as English – US): as stored ({date}) it is after the report date {report_date}, swapped "
         "({swapped}) it is not; row not used. {readings}"),
        ("Type the date as year-month-day (e.g. 2024-03-05) so it cannot flip, check that the cell shows the right "
         "day/month/year, and resend."),
    ),
    "completed_date_suspect": (
        ("Completion date in cell {cell} ({date}) may be day-month swapped like this file's report date; row not "
         "used. {readings}"),
        ("Type the date as year-month-day (e.g. 2024-03-05) so it cannot flip, check that the cell shows the right "
         "day/month/year, and resend."),
    ),
    "completed_outside_year": (
        "Completion date in cell {cell} ({date}) is outside the plan year {year}. {readings}",
        "Check the year of the completion date.",
    ),
    "report_date_swapped": (
        ("The report date in cell {cell} looks day-month swapped on entry (an office suite set to a month-first "
         "locale such as English – US): the cell holds {date}, but {evidence}, which fits the swapped reading "
         "{swapped}. {readings} The file is not used until it is fixed."),
        ("Type the report date as year-month-day (e.g. {swapped_iso}) so it cannot flip, check that the cell shows "
         "{swapped}; check the completion dates too, and resend."),
    ),
    "report_date_mismatch": (
        ("The report date in cell {cell} ({date}) is not the file-name date {name}; the date in the table is used. "
         "{readings}"),
        "Make the report date and the file name agree.",
    ),
    "report_date_outside_period": (
        ("The report date in cell {cell} ({date}) is outside the reporting window of {span}; the date in the table "
         "is used. {readings}"),
        "Check the report date and the 'Kỳ báo cáo' line.",
    ),
    "done_without_date": (
        "Task {task} is done but has no completion date: timeliness unknown.",
        "Write the completion date as dd/mm/yyyy.",
    ),
    "date_without_done": (
        "Completion date {date} given but the status is '{status}'; the date is ignored.",
        "If the task is done, choose 'Đã hoàn thành'; if it is a planned date, write it in the Ghi chú column.",
    ),
    "duplicate_submission": (
        "Unit {unit} has {n} submissions with the same report date {date}: {files}; none is used.",
        "Keep only the right copy in the folder (delete or move the old ones out) and run again.",
    ),
    "cell_too_long": (
        "The cell holds {length} characters, above Excel's limit of {limit} per cell; {effect}.",
        "Shorten the cell (put details in an attached document) and resend.",
    ),
    "no_task_rows": (
        "The table has a header but no task rows; the unit counts as not having reported.",
        "Fill in the task rows (task code, status, completion date, result) as in the template and resend.",
    ),
    "link_outside": (
        "The file is a symbolic link to {target}, outside the submissions folder; not read.",
        "Copy the real file into the submissions folder instead of the link.",
    ),
    "duplicate_file": (
        "Identical to {other}; only {other} is used.",
        "Delete the copy from the folder.",
    ),
}
