"""SMTP settings for ``reportkit remind --send``: from the options, else the environment (REPORTKIT_SMTP_*).

The password is read only from ``REPORTKIT_SMTP_PASSWORD`` or a password file (its first line), never
from a command-line option (it would show in ``ps`` and the shell history). It is kept out of the
settings' ``repr`` and is never printed or logged.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportkit.errors import ParamsError
from reportkit.jobs.mail.addresses import parse_address
from reportkit.messages import t

TLS_MODES = ("none", "starttls", "ssl")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
ENV = {"host": "REPORTKIT_SMTP_HOST", "port": "REPORTKIT_SMTP_PORT", "tls": "REPORTKIT_SMTP_TLS",
       "user": "REPORTKIT_SMTP_USER", "sender": "REPORTKIT_SMTP_FROM"}
ENV_PASSWORD = "REPORTKIT_SMTP_PASSWORD"
OPTION_NAMES = {"host": "--smtp-host", "port": "--smtp-port", "tls": "--smtp-tls", "user": "--smtp-user",
                "sender": "--from"}


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: server, port, TLS mode, login, sender. ``password`` never shows in ``repr``."""

    host: str
    port: int
    tls: str  # one of TLS_MODES
    sender: str
    user: str = ""
    password: str = field(default="", repr=False)
    timeout: float = 30.0


def _pick(name: str, options: Mapping[str, object], environ: Mapping[str, str]) -> tuple[str, str]:
    """The value of setting ``name`` and where it came from: the option, else the environment, else ""."""
    value = options.get(name)
    if value not in (None, ""):
        return str(value).strip(), OPTION_NAMES[name]
    return environ.get(ENV[name], "").strip(), ENV[name]


def _read_password(user: str, password_file: str | Path | None, environ: Mapping[str, str]) -> str:
    if password_file:
        try:
            lines = Path(password_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:  # the message names the file, never its content
            raise ParamsError(t("mail.settings.password_file", error=exc.__class__.__name__), path=password_file,
                              hint=t("mail.settings.password_file.fix")) from None
        return lines[0].strip("\r\n") if lines else ""
    password = environ.get(ENV_PASSWORD, "")
    if user and not password:
        raise ParamsError(t("mail.settings.no_password", user=user), hint=t("mail.settings.no_password.fix"))
    return password


def _parse_tls(options: Mapping[str, object], environ: Mapping[str, str]) -> str:
    tls, source = _pick("tls", options, environ)
    tls = tls.lower() or "starttls"
    if tls not in TLS_MODES:
        raise ParamsError(t("mail.settings.bad_tls", value=tls, source=source), hint=t("mail.settings.bad_tls.fix"))
    return tls


def _parse_port(tls: str, options: Mapping[str, object], environ: Mapping[str, str]) -> int:
    text, source = _pick("port", options, environ)
    if not text:
        return DEFAULT_PORTS[tls]
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ParamsError(t("mail.settings.bad_port", value=text, source=source), hint=t("mail.settings.bad_port.fix"))
    return int(text)


def read_smtp_settings(options: Mapping[str, object], environ: Mapping[str, str] | None = None, *,
                       password_file: str | Path | None = None) -> SmtpSettings:
    """The SMTP settings of ``options`` (keys host, port, tls, user, sender), each else from REPORTKIT_SMTP_*.

    ParamsError (exit 3) for a missing server or sender, a bad port or TLS mode, a sender that is not an
    address, a user name without a password, or an unreadable password file.
    """
    environ = os.environ if environ is None else environ
    host, _ = _pick("host", options, environ)
    if not host:
        raise ParamsError(t("mail.settings.no_host"), hint=t("mail.settings.no_host.fix"))
    tls = _parse_tls(options, environ)
    port = _parse_port(tls, options, environ)
    sender, _ = _pick("sender", options, environ)
    if not sender:
        raise ParamsError(t("mail.settings.no_from"), hint=t("mail.settings.no_from.fix"))
    if parse_address(sender) is None:
        raise ParamsError(t("mail.settings.bad_from", value=sender), hint=t("mail.settings.bad_from.fix"))
    user, _ = _pick("user", options, environ)
    password = _read_password(user, password_file, environ)
    return SmtpSettings(host=host, port=port, tls=tls, sender=sender, user=user, password=password)
