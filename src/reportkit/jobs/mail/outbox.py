"""E-mail reminders for every pending unit: composed, written as .eml, and sent unless it is a dry run.

``mail_reminders`` takes the tracker's reminders (``tracking.ReportReminder``) and, for each unit
still to chase (``reminder.pending``: missing, or only unusable files), writes one message under
``OUTPUT/reminders/<as-of date>/`` and, with SMTP settings, sends it. One unit's failure (no
address, an invalid address, a refused recipient, a lost connection) is that unit's outcome; the
others are still sent. The sent log makes a second run on the same day skip what went out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from email.policy import compat32
from pathlib import Path

from reportkit.errors import EXIT_OK, EXIT_RUN_FAILED
from reportkit.files import write_atomic
from reportkit.jobs.lock import OutputsLock
from reportkit.jobs.mail.addresses import split_addresses
from reportkit.jobs.mail.compose import Attachment, build_reminder, notice_attachment, template_attachment
from reportkit.jobs.mail.deliver import DeliveryError, SmtpSession
from reportkit.jobs.mail.sentlog import LOG_NAME, LogKey, SentLog
from reportkit.jobs.mail.settings import SmtpSettings
from reportkit.messages import t
from reportkit.plan.model import Plan
from reportkit.safepath import safe_filename
from reportkit.tracking.model import ReportReminder, UnitState

DRY_RUN, SENT, PARTIAL, FAILED, SKIPPED, NO_ADDRESS = "dry_run", "sent", "partial", "failed", "skipped", "no_address"
RESULTS = (SENT, DRY_RUN, SKIPPED, NO_ADDRESS, PARTIAL, FAILED)
EML_POLICY = compat32.clone(linesep="\r\n")  # an .eml file holds the message exactly as it goes on the wire
DRY_RUN_SENDER = "reportkit@localhost.invalid"  # a dry run without --from: an address that can never be real


@dataclass(frozen=True)
class MailOutcome:
    """What happened to one unit's reminder about one report."""

    report: str  # the report's label, "Công tác dân chủ – Quý I năm 2024"
    key: str  # DueReport.key, "2024-Q1/dan-chu"
    unit: str
    unit_name: str
    result: str  # one of RESULTS
    addresses: tuple[str, ...] = ()  # mailed (or, in a dry run, to be mailed)
    problems: tuple[str, ...] = ()  # why an address or the message failed
    eml: Path | None = None
    message_id: str = ""


@dataclass
class MailSummary:
    """Every outcome of one run, where the .eml files and the sent log are, and whether mail was sent."""

    folder: Path
    log: Path
    sent: bool
    outcomes: list[MailOutcome] = field(default_factory=list)

    def count(self, result: str) -> int:
        return sum(1 for o in self.outcomes if o.result == result)

    @property
    def exit_code(self) -> int:
        """2 when any reminder failed, even partly (an invalid address too, in a dry run); else 0."""
        return EXIT_RUN_FAILED if any(o.problems for o in self.outcomes) else EXIT_OK


def reminders_folder(output: Path | str, as_of: dt.date) -> Path:
    """``OUTPUT/reminders/<as-of date>/``: where a run's .eml files (and the công văn) are written."""
    return Path(output) / "reminders" / as_of.isoformat()


def eml_name(unit_code: str, reminder: ReportReminder) -> str:
    """``hcth_2024-Q1_dan-chu.eml`` (safe for any unit code)."""
    report = reminder.report
    return safe_filename(f"{unit_code}_{report.period.id}_{report.stream.code}") + ".eml"


def mail_reminders(plan: Plan, reminders: list[ReportReminder], *, as_of: dt.date, output: Path | str,
                   settings: SmtpSettings | None = None, force: bool = False,
                   notices: Mapping[str, Path] | None = None, sender: str = "",
                   now: dt.datetime | None = None) -> MailSummary:
    """Write (and, with ``settings``, send) one reminder per pending unit and report; return the outcomes.

    Without ``settings`` it is a dry run: .eml files only (from ``sender`` if given), no log line.
    ``notices`` maps a report's key (``DueReport.key``) to its công văn PDF, attached when present.
    ``force`` mails again the addresses the sent log shows as already mailed today for the same
    report and deadline.
    """
    now = now or dt.datetime.now(dt.timezone.utc).astimezone()
    root = Path(output) / "reminders"
    run = _Run(plan, as_of, now, reminders_folder(output, as_of), SentLog(root / LOG_NAME), settings, force,
               dict(notices or {}))
    run.sender = settings.sender if settings else (sender or DRY_RUN_SENDER)
    summary = MailSummary(folder=run.folder, log=run.log.path, sent=settings is not None)
    with ExitStack() as stack:
        if settings is not None:
            stack.enter_context(OutputsLock(root))  # two runs at once would mail twice
            run.session = stack.enter_context(SmtpSession(settings))
        for reminder in reminders:
            summary.outcomes.extend(run.mail(reminder, unit) for unit in reminder.pending)
    return summary


class _Run:
    """The state of one mailing run: what is shared between units (log, session, templates made)."""

    def __init__(self, plan: Plan, as_of: dt.date, now: dt.datetime, folder: Path, log: SentLog,
                 settings: SmtpSettings | None, force: bool, notices: dict[str, Path]):
        self.plan, self.as_of, self.now, self.folder, self.log = plan, as_of, now, folder, log
        self.settings, self.force, self.notices = settings, force, notices
        self.session: SmtpSession | None = None
        self.sender = DRY_RUN_SENDER
        self.dead = ""  # why the server cannot be reached: every later unit fails with it, untried
        self._templates: dict[tuple[str, str], Attachment] = {}

    def mail(self, reminder: ReportReminder, unit: UnitState) -> MailOutcome:
        """The reminder to ``unit``: skipped, written, or written and sent."""
        base = {"report": reminder.report.label, "key": reminder.report.key, "unit": unit.code,
                "unit_name": unit.name}
        valid, invalid = split_addresses(unit.emails, unit.name)
        problems = tuple(t("mail.fail.invalid_address", address=a) for a in invalid)
        if not valid:
            return MailOutcome(**base, result=FAILED if invalid else NO_ADDRESS, problems=problems)
        key = LogKey(unit.code, reminder.report.key, reminder.report.submit_last_day.isoformat(),
                     self.as_of.isoformat())
        done = set() if self.force or self.settings is None else self.log.accepted(key)
        todo = [a for a in valid if a.addr_spec.lower() not in done]
        if not todo:
            return MailOutcome(**base, result=SKIPPED, problems=problems)
        message = build_reminder(self.plan, reminder, unit, todo, sender=self.sender, as_of=self.as_of,
                                 now=self.now, attachments=self._attachments(reminder, unit))
        eml = write_atomic(self.folder / eml_name(unit.code, reminder), message.as_bytes(policy=EML_POLICY))
        addresses = tuple(a.addr_spec for a in todo)
        if self.settings is None:
            return MailOutcome(**base, result=DRY_RUN, addresses=addresses,
                               problems=problems, eml=eml, message_id=message["Message-ID"])
        return self._send(base, key, message, addresses, problems, eml)

    def _attachments(self, reminder: ReportReminder, unit: UnitState) -> list[Attachment]:
        cache_key = (unit.code, reminder.report.period.id)
        if cache_key not in self._templates:
            self._templates[cache_key] = template_attachment(self.plan, unit.code, reminder,
                                                             self.now.replace(tzinfo=None, microsecond=0))
        items = [self._templates[cache_key]]
        notice = self.notices.get(reminder.report.key)
        if notice is not None and Path(notice).is_file():
            items.append(notice_attachment(Path(notice)))
        return items

    def _send(self, base: dict, key: LogKey, message, addresses: tuple[str, ...], problems: tuple[str, ...],
              eml: Path) -> MailOutcome:
        refused: dict[str, str] = {}
        error = self.dead
        if not error:
            try:
                if not self.session.connected:
                    self._open()
                refused = self.session.send(message, list(addresses))
            except DeliveryError as exc:
                error = exc.reason
        accepted = () if error else tuple(a for a in addresses if a not in refused)
        problems = problems + ((error,) if error else tuple(refused.values()))
        result = SENT if accepted and not problems else PARTIAL if accepted else FAILED
        sent_at = dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")
        self.log.append(key, {"message_id": message["Message-ID"], "addresses": list(accepted), "refused": refused,
                              "problems": list(problems), "time": sent_at, "result": result, "error": error or None})
        return MailOutcome(**base, result=result, addresses=accepted or addresses, problems=problems, eml=eml,
                           message_id=message["Message-ID"])

    def _open(self) -> None:
        try:
            self.session.open()
        except DeliveryError as exc:
            self.dead = exc.reason
            raise
