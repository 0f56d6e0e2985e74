"""The README and docs/ stay true: every `reportkit …` command line parses, every relative link resolves."""

from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path

import click
import pytest

from reportkit.cli import cli

from .conftest import ROOT

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]

_FENCE_RE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_INLINE_RE = re.compile(r"`([^`\n]+)`")
_LINK_RE = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_PLACEHOLDER_RE = re.compile(r"<[^<>\s][^<>]*>")  # <tên tệp>, <mã đơn vị>: stands for one value
_SEPARATORS = {"&&", "||", ";", "|", ">", ">>", "2>&1", "<"}


def _name(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def _is_reportkit(program: str) -> bool:
    return program == "reportkit" or program.endswith("/bin/reportkit")


def _commands_in(text: str) -> list[tuple[list[str], bool]]:
    """Every ``reportkit …`` command: (arguments after ``reportkit``, whether it came from a code block)."""
    found: list[tuple[list[str], bool]] = []
    blocks = [(block.replace("\\\n", " "), True) for block in _FENCE_RE.findall(text)]
    prose = _FENCE_RE.sub("", text)
    spans = [(span, False) for span in _INLINE_RE.findall(prose)]
    for chunk, in_block in blocks + spans:
        for line in chunk.splitlines():
            line = _PLACEHOLDER_RE.sub("VALUE", line)
            try:
                tokens = shlex.split(line, comments=True)
            except ValueError:
                continue
            command: list[str] = []
            for token in [*tokens, ";"]:
                if token in _SEPARATORS or token.startswith(("1>", "2>")):
                    if command and _is_reportkit(command[0]) and len(command) > 1 and command[1] != "…":
                        found.append(([t.replace("…", "VALUE") for t in command[1:]], in_block))
                    command = []
                else:
                    command.append(token)
    return found


def _check_command(args: list[str], full: bool) -> None:
    """Parse ``reportkit ARGS`` with click without running it.

    Command lines in code blocks are parsed fully (types, choices, required
    options); a command named in running text only needs its command and
    options to exist.
    """
    group_ctx = click.Context(cli, info_name="reportkit")
    _, rest, _ = cli.make_parser(group_ctx).parse_args(list(args))  # options of reportkit itself (--lang)
    name, rest = rest[0], rest[1:]
    command = cli.get_command(group_ctx, name)
    assert command is not None, f"no command 'reportkit {name}'"
    if full:
        command.make_context(name, rest, parent=group_ctx)
    else:
        command.make_parser(command.make_context(name, [], parent=group_ctx, resilient_parsing=True)).parse_args(rest)


COMMANDS = [(page, args, full) for page in PAGES for args, full in _commands_in(page.read_text(encoding="utf-8"))]


def test_docs_show_commands_of_every_kind():
    shown = {args[0] for _, args, _ in COMMANDS}
    assert {"calendar", "template", "check", "status", "run", "batch"} <= shown


@pytest.mark.parametrize("page, args, full", COMMANDS,
                         ids=[f"{_name(p)}: reportkit {' '.join(a)}"[:120] for p, a, _ in COMMANDS])
def test_every_reportkit_command_line_in_the_docs_parses(page, args, full):
    try:
        _check_command(args, full)
    except click.ClickException as exc:
        pytest.fail(f"{_name(page)}: reportkit {' '.join(args)}: {exc.format_message()}")


@pytest.mark.parametrize("line", [
    "reportkit report --period 2024-Q1",  # no such command
    "reportkit run --period 2024-Q1 --stream dan-chu --colour red",  # no such option
    "reportkit status --period 2024-Q1 --format pdf",  # not one of the choices
    "reportkit batch --workers two",  # not a number
    "reportkit --language en check x.xlsx",  # no such option of reportkit itself
])
def test_the_command_check_rejects_what_does_not_exist(line):
    (args, full), = _commands_in(f"```sh\n{line}\n```\n")
    assert full
    with pytest.raises((click.ClickException, AssertionError)):
        _check_command(args, full)


def test_commands_are_found_in_blocks_inline_and_across_continuations():
    text = ("```sh\n. .venv/bin/activate\nreportkit run --period 2024-H1 \\\n   --stream dan-chu  # the report\n"
            "30 1 * * * cd /srv && .venv/bin/reportkit batch >> out.log 2>&1\n```\n"
            "Run `reportkit check <tên tệp>` and `reportkit …`; the `reportkit` kernel; `reportkit.assess`.\n")
    assert _commands_in(text) == [(["run", "--period", "2024-H1", "--stream", "dan-chu"], True),
                                  (["batch"], True), (["check", "VALUE"], False)]


def _anchors(page: Path) -> set[str]:
    """GitHub-style anchors of a Markdown page's headings."""
    out = set()
    for heading in re.findall(r"^#+\s+(.*)$", _FENCE_RE.sub("", page.read_text(encoding="utf-8")), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        out.add(slug)
    return out


LINKS = [(page, target) for page in PAGES
         for target in _LINK_RE.findall(_FENCE_RE.sub("", page.read_text(encoding="utf-8")))
         if not re.match(r"[a-z]+:", target)]


@pytest.mark.parametrize("page, target", LINKS, ids=[f"{_name(p)} -> {t}" for p, t in LINKS])
def test_every_relative_link_resolves(page, target):
    path, _, anchor = target.partition("#")
    resolved = (page.parent / path).resolve() if path else page
    assert resolved.exists(), f"{_name(page)}: link to {target} goes nowhere"
    if anchor and resolved.suffix == ".md":
        assert anchor in _anchors(resolved), f"{_name(page)}: no heading for #{anchor} in {path or _name(page)}"


def test_every_docs_page_is_linked_from_the_readme():
    linked = {(ROOT / target.partition("#")[0]).resolve() for target in _LINK_RE.findall(README.read_text(encoding="utf-8"))}
    assert [_name(p) for p in DOCS if p.resolve() not in linked] == []


def test_readme_is_a_five_minute_read():
    assert README.stat().st_size < 8000


def test_docs_are_nfc_text():
    for page in PAGES:
        assert unicodedata.is_normalized("NFC", page.read_text(encoding="utf-8")), _name(page)


def test_status_code_points_to_the_status_rules_instead_of_repeating_them():
    import reportkit.status
    import reportkit.summary

    rules = (ROOT / "docs" / "status-rules.md").read_text(encoding="utf-8")
    assert "## Rules, in order" in rules and "## The headline" in rules
    for module in (reportkit.status, reportkit.summary):
        assert "docs/status-rules.md" in module.__doc__
        assert "Đã hoàn thành đúng hạn" not in module.__doc__  # the table of statuses lives in the docs only


def test_every_make_target_in_the_docs_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, re.M))
    shown = {t for page in PAGES for t in re.findall(r"(?<![\w/.-])make ([a-z][\w-]*)", page.read_text(encoding="utf-8"))}
    assert shown and shown - targets == set()
