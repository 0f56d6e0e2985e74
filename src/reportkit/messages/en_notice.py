"""English texts of ``reportkit remind --notice`` (the công văn đôn đốc). Same keys and fields as ``vi_notice.py``."""

NOTICE_MESSAGES: dict[str, str] = {
    "opt.remind.notice": ("write a reminder letter (công văn đôn đốc, Decree 30/2020) for every report with units "
                          "still to send, as .docx and .pdf, under OUTPUT/reminders/<date>/"),
    "opt.remind.number": "the letter's number (default blank: \"Số: ……/…\", as in a draft)",
    "notice.written": "Reminder letter ({report}, to {units} units): {files}",
    "notice.none": "No reminder letter needed: every unit has sent a usable workbook.",
}
