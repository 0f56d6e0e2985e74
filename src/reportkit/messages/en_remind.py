"""English texts of ``reportkit remind`` (tracking/, cli_remind.py). Same keys and fields as ``vi_remind.py``."""

REMIND_MESSAGES: dict[str, str] = {
    "help.remind": ("Follow-up: for every report due soon or overdue without a complete set, which units have sent "
                    "their workbook (on time, late), sent an unusable one, or not sent yet. "
                    "Exit 0: everything received; 1: some units missing or late."),
    "opt.remind.as_of": "count days left / days late as of this date (default: today)",
    "opt.remind.days_ahead": "the reports whose departments' deadline falls within the next N days",
    "opt.remind.output": "outputs folder; reminders are written under OUTPUT/reminders/<date>/",
    "remind.state.received": "on time",
    "remind.state.late": "late",
    "remind.state.unusable": "unusable",
    "remind.state.missing": "missing",
    "remind.no_rows": "no row could be read",
    "remind.state.late_days": "{n} day(s) late",
    "remind.days_left": "{n} day(s) left",
    "remind.days_today": "last day today",
    "remind.days_late": "{n} day(s) overdue",
    "remind.none": "No report due or incomplete as of {as_of}.",
    "remind.col.unit": "Unit",
    "remind.col.state": "State",
    "remind.col.file": "File",
    "remind.col.date": "Report date",
    "remind.col.days": "Deadline",
    "remind.col.emails": "E-mail",
    "remind.report": "{label}: units send by {last_day} at the latest (report due {due})",
    "remind.no_email": "no e-mail address",
    "remind.total": "{reports} reports; {pending} unit entries missing or unusable, {late} late (as of {as_of}).",
}
