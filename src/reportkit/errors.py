"""The exception hierarchy: every error reportkit raises derives from ReportkitError.

Each error carries where the problem is (file, sheet, row, column, or a YAML path
and line) and a message that says what failed and how to fix it. The CLI prints
the message and exits with the class's ``exit_code``; it never shows a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportkit.messages import t

# Exit codes shared by every command (see README, "Exit codes").
EXIT_OK = 0
EXIT_INPUT_FINDINGS = 1  # some inputs rejected, results built with findings
EXIT_RUN_FAILED = 2  # a notebook or export failed
EXIT_USAGE = 3  # bad plan, params, period, option or path
EXIT_LOCKED = 4  # another batch holds the lock


@dataclass
class Location:
    """Where a problem sits: a file plus sheet/row/column, or a YAML path and line."""

    path: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    yaml_path: str | None = None
    line: int | None = None

    def describe(self) -> str:
        """``path:line, yaml.path, sheet 'X', row 5, column C`` with labels in the user's language."""
        parts: list[str] = []
        if self.path:
            parts.append(str(self.path) + (f":{self.line}" if self.line else ""))
        if self.yaml_path:
            parts.append(self.yaml_path)
        if self.sheet:
            parts.append(t("where.sheet", sheet=self.sheet))
        if self.row is not None:
            parts.append(t("where.row", row=self.row))
        if self.column:
            parts.append(t("where.column", column=self.column))
        return ", ".join(parts)


class ReportkitError(Exception):
    """Root of every reportkit error.

    ``problems`` holds one entry per problem when validation collected several
    (lazy validation): the message lists them all.
    """

    exit_code = EXIT_USAGE

    def __init__(
        self,
        message: str,
        *,
        path: Any = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
        hint: str | None = None,
        yaml_path: str | None = None,
        line: int | None = None,
        problems: list["ReportkitError"] | None = None,
    ) -> None:
        self.message = message
        self.location = Location(
            path=str(path) if path is not None else None,
            sheet=sheet,
            row=row,
            column=column,
            yaml_path=yaml_path,
            line=line,
        )
        self.value = value
        self.hint = hint
        self.problems = problems or []
        super().__init__(self.render())

    # Convenience accessors named as in the design (error.path, error.row, ...)
    @property
    def path(self) -> str | None:
        return self.location.path

    @property
    def sheet(self) -> str | None:
        return self.location.sheet

    @property
    def row(self) -> int | None:
        return self.location.row

    @property
    def column(self) -> str | None:
        return self.location.column

    def render(self) -> str:
        """The full, human message: where, what, how to fix; then each sub-problem.

        The frame (location labels, "Cách sửa:"/"Fix:") is in the language of the
        moment it is rendered; ``message`` and ``hint`` are as the raiser wrote them.
        """
        where = self.location.describe()
        text = f"{where}: {self.message}" if where else self.message
        if self.value is not None:
            text += t("error.value", value=repr(self.value))
        if self.hint:
            text += "\n  " + t("error.fix", hint=self.hint)
        for problem in self.problems:
            text += "\n  - " + problem.render().replace("\n", "\n    ")
        return text


class PlanError(ReportkitError):
    """A plan YAML file is missing, unreadable or invalid."""


class PlanSourceError(ReportkitError):
    """A plan document (docx, txt, pdf, xlsx/xls/ods) cannot be read: wrong kind, encrypted, damaged, a zip bomb, a scan."""


class ParamsError(ReportkitError):
    """Run parameters (params/*.yaml or CLI options) are invalid."""


class PeriodError(ParamsError):
    """A period id or date is not valid for the plan (a kind of bad run parameter)."""


class WorkbookError(ReportkitError):
    """A department workbook cannot be read at all."""

    exit_code = EXIT_INPUT_FINDINGS


class SubmissionsError(ParamsError):
    """A submissions folder is missing or holds nothing usable (a kind of bad run parameter)."""


class NotebookError(ReportkitError):
    """A report notebook failed while executing."""

    exit_code = EXIT_RUN_FAILED


class ExportError(ReportkitError):
    """HTML or PDF export failed."""

    exit_code = EXIT_RUN_FAILED


class OutputError(ReportkitError):
    """Outputs cannot be written (unwritable folder, disk full, unsafe path)."""

    exit_code = EXIT_RUN_FAILED


class LockedError(ReportkitError):
    """Another batch holds the outputs lock."""

    exit_code = EXIT_LOCKED


class TerminatedError(ReportkitError):
    """The batch received SIGTERM; running reports were stopped, nothing half-written remains."""

    exit_code = 143


@dataclass
class _Collector:
    """Gathers problems during lazy validation; raises them together at the end."""

    error_class: type[ReportkitError]
    path: str | None = None
    problems: list[ReportkitError] = field(default_factory=list)

    def add(self, message: str, **where: Any) -> None:
        where.setdefault("path", self.path)
        self.problems.append(self.error_class(message, **where))

    def raise_if_any(self, summary: str) -> None:
        if not self.problems:
            return
        if len(self.problems) == 1:
            raise self.problems[0]
        raise self.error_class(t("error.problems", summary=summary, n=len(self.problems)), problems=self.problems)
