"""click in the user's language: help texts from the message catalogue, click's own texts translated.

Help texts of commands and options are message ids (``help="opt.year"``),
turned into text when help is shown, so one command tree serves both
languages. ``click_in_language`` makes click's own texts (Usage:, Options,
its usage errors) follow the catalogue while a command runs.
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from reportkit.errors import ParamsError
from reportkit.messages import (
    UnknownLanguageError,
    click_plural,
    click_text,
    resolve_language,
    t,
)


def _catalogue_text(name: str) -> property:
    """An attribute that stores a message id and reads as its text in the current language."""
    store = f"_{name}_id"

    def read(self) -> str | None:
        key = self.__dict__.get(store)
        return t(key) if key else key

    def write(self, value: str | None) -> None:
        self.__dict__[store] = value

    return property(read, write)


class CatalogueOption(click.Option):
    """An option whose ``help`` is a message id, shown in the language of the moment."""

    help = _catalogue_text("help")


class _CatalogueHelp:
    """``help`` is a message id; the --help option (which click makes once and keeps) follows the language."""

    help = _catalogue_text("help")

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = click_text("Show this message and exit.")
        return option


class CatalogueCommand(_CatalogueHelp, click.Command):
    """A command whose help texts are shown in the language of the moment."""


class CatalogueGroup(_CatalogueHelp, click.Group):
    """The command group: translated help, and translated commands."""

    command_class = CatalogueCommand


def option(*decls: str, **attrs):
    """``click.option`` with a catalogue help text (``help="opt.year"``)."""
    return click.option(*decls, cls=CatalogueOption, **attrs)


def choose_language(option: str | None) -> str:
    """The language of this invocation (``--lang``, else REPORTKIT_LANG, else vi); an unknown one is a ParamsError."""
    try:
        return resolve_language(option)
    except UnknownLanguageError as exc:
        raise ParamsError(str(exc), hint=t("lang.unknown.fix")) from None


def lang_option(args: list[str]) -> str | None:
    """The value of the global ``--lang`` option (before the command name), if given."""
    for i, arg in enumerate(args):
        if arg == "--lang":
            return args[i + 1] if i + 1 < len(args) else None
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if not arg.startswith("-"):
            return None
    return None


@contextmanager
def click_in_language() -> Iterator[None]:
    """click's own texts (Usage:, Options, Show this message and exit., its errors) in the current language.

    click marks them for gettext; for the duration of a command its modules look
    them up in the catalogue instead (``reportkit.messages.click_text``).
    """
    patched = []
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            for attr, ours, theirs in (("_", click_text, gettext.gettext), ("ngettext", click_plural, gettext.ngettext)):
                if getattr(module, attr, None) is theirs:
                    setattr(module, attr, ours)
                    patched.append((module, attr, theirs))
    try:
        yield
    finally:
        for module, attr, theirs in patched:
            setattr(module, attr, theirs)


class _ExitCode:
    """Commands set the process exit code here (click's return values are ignored)."""

    def __init__(self) -> None:
        self.value = 0

    def set(self, code: int) -> None:
        self.value = max(self.value, code)

    def get(self) -> int:
        value, self.value = self.value, 0
        return value


_exit_code = _ExitCode()
