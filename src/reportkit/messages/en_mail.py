"""English texts of the e-mail reminders (jobs/mail/, ``reportkit remind --dry-run|--send``).

Same keys and fields as ``vi_mail.py``.
"""

MAIL_MESSAGES: dict[str, str] = {
    # -- the options of `reportkit remind`
    "opt.mail.dry_run": ("compose a reminder for each unit that has not sent in, write it as an .eml file under "
                         "OUTPUT/reminders/<date>/ and print what would be sent; send nothing"),
    "opt.mail.send": "send the reminders over SMTP to each pending unit's addresses (units[].email in the plan)",
    "opt.mail.force": "also mail the units already mailed today for the same report and deadline",
    "opt.mail.smtp_host": "SMTP server (or the environment variable REPORTKIT_SMTP_HOST)",
    "opt.mail.smtp_port": "SMTP port (or REPORTKIT_SMTP_PORT; default 25, 587 with starttls, 465 with ssl)",
    "opt.mail.smtp_tls": "encryption: none, starttls or ssl (or REPORTKIT_SMTP_TLS; default starttls)",
    "opt.mail.smtp_user": "SMTP user name (or REPORTKIT_SMTP_USER); the password comes only from "
                          "REPORTKIT_SMTP_PASSWORD or --smtp-password-file",
    "opt.mail.smtp_password_file": "file holding the SMTP password (first line); the password is never printed",
    "opt.mail.from": "sender address (or REPORTKIT_SMTP_FROM)",
    "opt.mail.exclusive": "use only one of --dry-run and --send",
    # -- SMTP settings
    "mail.settings.no_host": "no SMTP server to send through",
    "mail.settings.no_host.fix": "use --smtp-host or set the environment variable REPORTKIT_SMTP_HOST",
    "mail.settings.no_from": "no sender address",
    "mail.settings.no_from.fix": "use --from or set the environment variable REPORTKIT_SMTP_FROM, e.g. hcth@example.vn",
    "mail.settings.bad_from": "sender address '{value}' is not valid",
    "mail.settings.bad_from.fix": "write one e-mail address like name@domain.vn",
    "mail.settings.bad_port": "SMTP port '{value}' (from {source}) is not valid",
    "mail.settings.bad_port.fix": "write a number from 1 to 65535, e.g. 587",
    "mail.settings.bad_tls": "SMTP encryption '{value}' (from {source}) is not valid",
    "mail.settings.bad_tls.fix": "use one of: none, starttls, ssl",
    "mail.settings.no_password": "an SMTP user name '{user}' is set but no password",
    "mail.settings.no_password.fix": "set the environment variable REPORTKIT_SMTP_PASSWORD or use --smtp-password-file",
    "mail.settings.password_file": "cannot read the SMTP password file: {error}",
    "mail.settings.password_file.fix": "check the path and that the file can be read (mode 600 is advised)",
    # -- the reminder itself (subject and body)
    "mail.subject": "Reminder: report {report}, due {deadline} – {unit}",
    "mail.days_left": "{days} days left",
    "mail.due_today": "today is the last day",
    "mail.days_late": "{days} days late",
    "mail.state.missing": "your unit's task-tracking workbook has not been received.",
    "mail.state.unusable": "the file {file} was received but cannot be used, because:",
    "mail.body": ("To: {unit}.\n\n"
                  "To compile {report} for {period}, {coordinator} ({issuer}) asks {unit} to send its task-tracking "
                  "workbook.\n\n"
                  "Deadline: {deadline} ({remaining}).\n"
                  "State as of {as_of}: {state}\n"
                  "{findings}\n"
                  "Attached:\n"
                  "{attachments}\n\n"
                  "Please fill in the workbook and send it back in time. If you have already sent it, "
                  "please ignore this message.\n\n"
                  "Regards,\n"
                  "{coordinator}\n"
                  "{issuer}\n\n"
                  "(Sent automatically by reportkit; for questions contact {coordinator}.)\n"),
    "mail.attach.template": "- {file}: the task-tracking workbook for {period} of {unit}, its tasks filled in",
    "mail.attach.notice": "- {file}: the official reminder letter",
    # -- what happened to each unit (printed, and in the sent log)
    "mail.title.dry_run": "Reminders (dry run, nothing sent; .eml files in {folder}):",
    "mail.title.send": "Reminders sent through {host}:{port} (.eml copies in {folder}):",
    "mail.none": "No unit needs a reminder.",
    "mail.col.report": "Report",
    "mail.col.unit": "Unit",
    "mail.col.to": "To",
    "mail.col.result": "Result",
    "mail.result.dry_run": "would send",
    "mail.result.sent": "sent",
    "mail.result.partial": "partly sent",
    "mail.result.failed": "failed",
    "mail.result.skipped": "already mailed today, skipped (use --force to send again)",
    "mail.result.no_address": "no e-mail address",
    "mail.fail.invalid_address": "address '{address}' is not valid",
    "mail.fail.connect": "cannot connect to the SMTP server {host}:{port}: {error}",
    "mail.fail.tls": "cannot set up an encrypted connection with {host}:{port}: {error}",
    "mail.fail.auth": "the SMTP server refused the login of '{user}': {error}",
    "mail.fail.refused": "the server refused the address {address}: {code} {error}",
    "mail.fail.sender": "the server refused the sender {address}: {code} {error}",
    "mail.fail.smtp": "SMTP error: {error}",
    "mail.summary": ("Total: {sent} sent, {dry_run} would be sent, {skipped} skipped, {no_address} without address, "
                     "{failed} failed."),
    "mail.failed_hint": "Failed messages are sent again on the next run (sent log: {log}).",
}
