"""The message catalogue: every text a user reads on the command line, in Vietnamese and English.

One lookup, ``t("run.inputs", files=104, errors=0, warnings=2, seconds=3.1)``,
returns the text of the current language with its ``str.format`` fields filled.
Findings on department workbooks are kept in both languages (``finding_texts``)
so a stored finding can be shown in either. The catalogues are plain dicts in
``vi.py`` and ``en.py`` (same keys, same fields: a test checks it), so nothing
has to be compiled at install time.

Language rule: ``--lang vi|en`` (CLI) wins, then the environment variable
``REPORTKIT_LANG``; otherwise Vietnamese. The system locale (``LANG``,
``LC_ALL``, ``LANGUAGE``) is deliberately ignored: cron runs with ``LANG=C``
and many Vietnamese servers ship ``LANG=en_US.UTF-8``, and neither means the
office wants English.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import NamedTuple

from reportkit.messages import en, vi

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
ENV_VAR = "REPORTKIT_LANG"
CATALOGUES: dict[str, dict[str, str]] = {"vi": vi.MESSAGES, "en": en.MESSAGES}
# finding code → (message, fix) per language; the severity of each code is intake's (intake.messages.SEVERITY)
FINDING_CATALOGUES: dict[str, dict[str, tuple[str, str]]] = {"vi": vi.FINDINGS, "en": en.FINDINGS}

_chosen: str | None = None  # set by set_language / use_language; None = from the environment


def parse_language(value: str | None) -> str | None:
    """``"en"``, ``"EN"``, ``"en_GB.UTF-8"`` → ``"en"``; ``"vi_VN"`` → ``"vi"``; blank → None; else ValueError."""
    if value is None or not value.strip():
        return None
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    if code not in LANGUAGES:
        raise ValueError(value)
    return code


class UnknownLanguageError(ValueError):
    """A language other than vi/en was asked for; ``value`` and ``source`` (--lang or REPORTKIT_LANG) say which."""

    def __init__(self, value: str, source: str) -> None:
        self.value, self.source = value, source
        super().__init__(t("lang.unknown", value=value, source=source))


def resolve_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language of this invocation: ``option``, else ``REPORTKIT_LANG``, else Vietnamese.

    An unknown value raises UnknownLanguageError naming where it came from (the CLI makes it a ParamsError).
    """
    environ = os.environ if environ is None else environ
    for value, source in ((option, "--lang"), (environ.get(ENV_VAR), ENV_VAR)):
        try:
            lang = parse_language(value)
        except ValueError:
            raise UnknownLanguageError(str(value), source) from None
        if lang:
            return lang
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language set for this process, else the one ``REPORTKIT_LANG`` names (Vietnamese if unset or invalid)."""
    if _chosen:
        return _chosen
    try:
        return parse_language(os.environ.get(ENV_VAR)) or DEFAULT_LANGUAGE
    except ValueError:
        return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Use ``lang`` ("vi" or "en") from now on; None goes back to the environment's choice."""
    global _chosen
    _chosen = parse_language(lang) if lang else None


@contextmanager
def use_language(lang: str | None) -> Iterator[None]:
    """Use ``lang`` inside the block, then restore the previous choice."""
    previous = _chosen
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def t(key: str, /, **fields: object) -> str:
    """The text of message ``key`` in the current language, its ``{fields}`` filled."""
    text = CATALOGUES[current_language()][key]
    return text.format(**fields)


def is_english() -> bool:
    """True when users read English (the findings then show message_en / fix_en)."""
    return current_language() == "en"


def format_fields(text: str) -> set[str]:
    """The ``str.format`` field names used in ``text`` (for the catalogue tests)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


class FindingTexts(NamedTuple):
    """A finding's texts in both languages (a Finding stores both; the reader's language picks one)."""

    message: str
    message_en: str
    fix: str
    fix_en: str


def fields_in(lang: str, fields: Mapping[str, object]) -> dict[str, object]:
    """``fields`` as the ``lang`` texts see them: in English a field ``name_en`` gives the value of ``name``."""
    if lang == DEFAULT_LANGUAGE:
        return dict(fields)
    suffix = f"_{lang}"
    return {**fields, **{k.removesuffix(suffix): v for k, v in fields.items() if k.endswith(suffix)}}


def finding_texts(code: str, fields: Mapping[str, object]) -> FindingTexts:
    """The message and fix of finding ``code`` in Vietnamese and English, their fields filled.

    Both catalogues use the same field names; a value that itself differs by language is passed twice,
    ``effect="dòng không được dùng", effect_en="row not used"`` (see ``phrase_fields``).
    """
    message, fix = FINDING_CATALOGUES["vi"][code]
    message_en, fix_en = FINDING_CATALOGUES["en"][code]
    vi_fields, en_fields = fields_in("vi", fields), fields_in("en", fields)
    return FindingTexts(message.format(**vi_fields), message_en.format(**en_fields),
                        fix.format(**vi_fields), fix_en.format(**en_fields))


def phrase_fields(name: str, key: str, /, **fields: object) -> dict[str, str]:
    """Catalogue text ``key`` as the finding field ``name`` in both languages: ``{name: vi, name_en: en}``.

    ``fields`` follow the findings' rule: ``date=format_date(day), date_en=day`` fills ``{date}`` per language.
    """
    return {name: CATALOGUES["vi"][key].format(**fields_in("vi", fields)),
            f"{name}_en": CATALOGUES["en"][key].format(**fields_in("en", fields))}


def click_text(message: str) -> str:
    """click's own English text (Usage:, Options, Show this message and exit., …) in the current language."""
    if current_language() == "en":
        return message
    return vi.CLICK.get(message, message)


def click_plural(singular: str, plural: str, n: int) -> str:
    """click's ngettext: English picks by ``n``; the Vietnamese text has one form."""
    english = singular if n == 1 else plural
    if current_language() == "en":
        return english
    return vi.CLICK.get(singular) or vi.CLICK.get(plural) or english

