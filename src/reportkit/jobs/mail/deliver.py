"""Sending over SMTP with the standard library's smtplib: plain, STARTTLS or implicit TLS (``ssl``).

``SmtpSession`` opens one connection for a run and sends message after message. A failure that
concerns one message (a refused recipient, sender or content) is returned or raised as
``DeliveryError`` for that message only, and the session goes on; a failure of the connection
itself (refused, TLS, login) is raised as ``DeliveryError`` with ``fatal=True``, and the caller
stops trying. Certificates are verified against the system's trust store (``SSL_CERT_FILE``
names another bundle, e.g. an organisation's own CA). The password is given to ``login`` only:
it appears in no message, error or log.
"""

from __future__ import annotations

import base64
import smtplib
import socket
import ssl
from email.message import Message

from reportkit.jobs.mail.settings import SmtpSettings
from reportkit.messages import t


class DeliveryError(Exception):
    """Sending failed: ``reason`` says why (catalogue text); ``fatal`` when the connection itself failed."""

    def __init__(self, reason: str, *, fatal: bool = False):
        super().__init__(reason)
        self.reason, self.fatal = reason, fatal


def _text(value: object) -> str:
    """A server reply (bytes or text) as one line of text."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).split())


class SmtpSession:
    """One SMTP connection for a run: ``open()``, then ``send(message)`` per reminder, then ``close()``."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> "SmtpSession":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connected(self) -> bool:
        """Whether a connection is open (``send`` needs one: call ``open`` first)."""
        return self._smtp is not None

    def open(self) -> None:
        """Connect, say EHLO, start TLS if asked, log in if a user is set; DeliveryError(fatal) on failure."""
        self._smtp = _connect(self.settings)
        if self.settings.user:
            try:
                _login(self._smtp, self.settings.user, self.settings.password)
            except (OSError, smtplib.SMTPException) as exc:
                self.close()
                error = (f"{exc.smtp_code} {_text(exc.smtp_error)}" if isinstance(exc, smtplib.SMTPResponseException)
                         else _text(exc))
                raise DeliveryError(t("mail.fail.auth", user=self.settings.user, error=error), fatal=True) from None

    def send(self, message: Message, recipients: list[str]) -> dict[str, str]:
        """Send ``message`` to ``recipients``; return the refused ones (address → reason).

        DeliveryError when nothing was sent (sender or content refused, all recipients refused,
        connection lost: then ``fatal``, and the next message needs ``open`` again).
        """
        try:
            refused = self._smtp.send_message(message, from_addr=self.settings.sender, to_addrs=recipients)
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError("; ".join(_refusals(exc.recipients).values())) from None
        except smtplib.SMTPSenderRefused as exc:
            raise DeliveryError(t("mail.fail.sender", address=self.settings.sender, code=exc.smtp_code,
                                  error=_text(exc.smtp_error))) from None
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(t("mail.fail.smtp", error=f"{exc.smtp_code} {_text(exc.smtp_error)}")) from None
        except (smtplib.SMTPServerDisconnected, OSError, socket.timeout) as exc:
            self.close()
            raise DeliveryError(t("mail.fail.smtp", error=_text(exc) or exc.__class__.__name__), fatal=True) from None
        except smtplib.SMTPException as exc:
            raise DeliveryError(t("mail.fail.smtp", error=_text(exc))) from None
        return _refusals(refused)

    def close(self) -> None:
        """QUIT politely if possible; never raises."""
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def _connect(s: SmtpSettings) -> smtplib.SMTP:
    """An SMTP connection after EHLO (and STARTTLS, then EHLO again); DeliveryError(fatal) on failure."""
    where = {"host": s.host, "port": s.port}
    context = ssl.create_default_context()
    smtp = None
    try:
        if s.tls == "ssl":
            smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        smtp.ehlo()
        if s.tls == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        return smtp
    except (ssl.SSLError, ssl.CertificateError, smtplib.SMTPNotSupportedError) as exc:
        _drop(smtp)
        raise DeliveryError(t("mail.fail.tls", error=_text(exc), **where), fatal=True) from None
    except (OSError, smtplib.SMTPException) as exc:
        _drop(smtp)
        raise DeliveryError(t("mail.fail.connect", error=_text(exc) or exc.__class__.__name__, **where),
                            fatal=True) from None


def _drop(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        smtp.close()


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login; a non-ASCII user or password (which smtplib cannot encode) through AUTH PLAIN in UTF-8
    (RFC 4616)."""
    if (user + password).isascii():
        smtp.login(user, password)
        return
    token = base64.b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")).decode("ascii")
    code, reply = smtp.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _refusals(recipients: dict) -> dict[str, str]:
    """smtplib's ``{address: (code, reply)}`` as ``{address: reason}``."""
    return {address: t("mail.fail.refused", address=address, code=code, error=_text(reply))
            for address, (code, reply) in recipients.items()}
