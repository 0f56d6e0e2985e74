"""``import_plan(path)``: a plan document → the YAML draft, the draft as ``plan show`` JSON, and the findings.

The steps: read the blocks (plandoc.source), re-join broken lines (txt, pdf),
cut the document into its section tree, then read each part: header and end
matter (header.py), purposes and content items (sections.py), tasks (tasks.py),
units (units.py), report streams (reports.py); assemble.py turns them into the
draft and its findings, draft.py writes the YAML. docs/plan-import.md
describes what is read and every finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportkit.plandoc.findings import PlanFinding


@dataclass(frozen=True)
class ImportResult:
    """The YAML draft (with its TODO comments), the draft in the ``plan show`` JSON shape, and the findings."""

    yaml_text: str
    plan_dict: dict[str, Any]
    findings: tuple[PlanFinding, ...]
    code: str = "plan"  # the draft's plan code (the default file name)

    @property
    def has_warnings(self) -> bool:
        """True when a finding asks the user to check something (exit code 1)."""
        return any(f.severity != "info" for f in self.findings)


def import_plan(path: str | Path) -> ImportResult:
    """Import the plan document at ``path``; PlanSourceError (exit 3) when it cannot be read or is no plan."""
    from reportkit.plandoc.source import read_source

    return import_document(read_source(path))


def import_document(document: Any) -> ImportResult:
    """Import an already read SourceDocument (blocks in body order)."""
    from reportkit.plandoc.assemble import assemble_draft
    from reportkit.plandoc.draft import emit_yaml
    from reportkit.plandoc.plan_json import draft_as_json

    draft = assemble_draft(document)
    if not draft.data.get("tasks") and not draft.data.get("sections"):
        from reportkit.errors import PlanSourceError
        from reportkit.messages import t

        raise PlanSourceError(t("import.not_a_plan"), path=document.path, hint=t("import.not_a_plan.fix"))
    yaml_text = emit_yaml(draft.data, draft.todos, draft.header_comments)
    code = draft.data.get("code") or "plan"
    return ImportResult(yaml_text, draft_as_json(yaml_text, draft.data), tuple(draft.findings), code)


def render_findings(findings: tuple[PlanFinding, ...]) -> str:
    """The findings as lines for the terminal: severity, task code, where, message."""
    from reportkit.messages import t

    if not findings:
        return t("import.no_findings")
    lines = [t("import.findings", n=len(findings))]
    for f in findings:
        where = f"({f.location}) " if f.location else ""
        lines.append(f"- [{t('import.severity.' + f.severity)}] {where}{f.message}")
    return "\n".join(lines)
