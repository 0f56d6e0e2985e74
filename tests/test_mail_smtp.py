"""E-mail reminders through a real SMTP server (aiosmtpd on 127.0.0.1): plain, STARTTLS, implicit TLS, login,
refused recipients, a server that is not there; idempotence and retries through the sent log.

Every message is parsed back with the standard library: the subject and body decode to the right
Vietnamese and the template opens through reportkit's own reader.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import ssl
import subprocess

import pytest

from reportkit.cli import main
from reportkit.errors import EXIT_RUN_FAILED
from reportkit.intake.reader import read_workbook
from reportkit.jobs.mail.outbox import FAILED, PARTIAL, SENT, SKIPPED, mail_reminders
from reportkit.jobs.mail.settings import SmtpSettings

from .conftest import PLAN_PATH, ROOT
from .mail_fixtures import AS_OF, NOW, attachments, body_text, parse_message, reminder, unit_state

pytest.importorskip("aiosmtpd")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult  # noqa: E402

PASSWORD = "mật-khẩu-rất-bí-mật-42"


class Inbox:
    """The aiosmtpd handler: keeps every message it accepts; answers the addresses in ``refuse`` with their reply."""

    def __init__(self, refuse: dict[str, str] | None = None):
        self.messages: list[tuple[list[str], bytes]] = []
        self.refuse = dict(refuse or {})

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"

    def parsed(self):
        return [(to, parse_message(data)) for to, data in self.messages]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"hcth" and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


@pytest.fixture
def certificate(tmp_path, monkeypatch):
    """A self-signed certificate for 127.0.0.1 (cryptography, else openssl), trusted by the client via SSL_CERT_FILE."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    try:
        _make_certificate(cert, key)
    except ImportError:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                        "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    return cert, key


def _make_certificate(cert_path, key_path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                        x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))


def _server_context(certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    return context


@pytest.fixture
def smtp_server():
    """Start an aiosmtpd server: ``start(inbox, **controller options)`` → its port; stopped after the test."""
    started = []

    def start(inbox: Inbox, **options) -> int:
        port = _free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


def _settings(port: int, tls: str = "none", **kwargs) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, tls=tls, sender="hcth@example.vn", timeout=10, **kwargs)


def _units(plan):
    return [reminder(plan, unit_state(plan, "lanh-dao"), unit_state(plan, "tv-gtvl"),
                     unit_state(plan, "bhtn", state="received"))]


def _send(plan, tmp_path, settings, reminders=None, **kwargs):
    return mail_reminders(plan, reminders or _units(plan), as_of=AS_OF, output=tmp_path, settings=settings, now=NOW,
                          **kwargs)


def _log(tmp_path) -> list[dict]:
    return [json.loads(line) for line in (tmp_path / "reminders" / "sent.jsonl").read_text("utf-8").splitlines()]


def test_each_pending_unit_gets_one_message_that_decodes_to_vietnamese(plan, tmp_path, smtp_server):
    inbox = Inbox()
    summary = _send(plan, tmp_path, _settings(smtp_server(inbox)))
    assert [(o.unit, o.result) for o in summary.outcomes] == [("lanh-dao", SENT), ("tv-gtvl", SENT)]
    assert summary.exit_code == 0
    received = inbox.parsed()
    assert [to for to, _ in received] == [["lanhdao@example.vn"],
                                          ["tvgtvl@example.vn", "truongphong.tvgtvl@example.vn"]]
    _, msg = received[1]
    assert msg["Subject"] == ("Đôn đốc gửi báo cáo Công tác dân chủ – Quý I năm 2024, hạn 29/02/2024 – "
                              "Phòng Tư vấn – Giới thiệu việc làm")
    assert "Kính gửi: Phòng Tư vấn – Giới thiệu việc làm." in body_text(msg)
    files = attachments(msg)
    template = tmp_path / "tv-gtvl_2024-Q1.xlsx"
    template.write_bytes(files["tv-gtvl_2024-Q1.xlsx"])
    assert read_workbook(template, plan).unit == "tv-gtvl"
    log = _log(tmp_path)
    assert [(e["unit"], e["result"], e["addresses"]) for e in log] == [
        ("lanh-dao", "sent", ["lanhdao@example.vn"]),
        ("tv-gtvl", "sent", ["tvgtvl@example.vn", "truongphong.tvgtvl@example.vn"])]
    assert log[0]["message_id"] == msg_id(received[0][1]) and log[0]["report"] == "2024-Q1/dan-chu"
    assert log[0]["deadline"] == "2024-02-29" and log[0]["day"] == "2024-02-27" and log[0]["time"]


def msg_id(msg) -> str:
    return msg["Message-ID"]


def test_a_second_run_on_the_same_day_sends_nothing_unless_forced(plan, tmp_path, smtp_server):
    inbox = Inbox()
    settings = _settings(smtp_server(inbox))
    _send(plan, tmp_path, settings)
    again = _send(plan, tmp_path, settings)
    assert [o.result for o in again.outcomes] == [SKIPPED, SKIPPED] and len(inbox.messages) == 2
    forced = _send(plan, tmp_path, settings, force=True)
    assert [o.result for o in forced.outcomes] == [SENT, SENT] and len(inbox.messages) == 4
    next_day = mail_reminders(plan, _units(plan), as_of=AS_OF + dt.timedelta(days=1), output=tmp_path,
                              settings=settings, now=NOW)
    assert [o.result for o in next_day.outcomes] == [SENT, SENT]  # a new day: reminded again


def test_a_refused_recipient_fails_that_address_only_and_is_retried_next_run(plan, tmp_path, smtp_server):
    inbox = Inbox(refuse={"truongphong.tvgtvl@example.vn": "550 5.1.1 Mailbox unavailable",
                          "lanhdao@example.vn": "450 4.2.1 Mailbox busy, try later"})
    settings = _settings(smtp_server(inbox))
    summary = _send(plan, tmp_path, settings)
    assert [(o.unit, o.result) for o in summary.outcomes] == [("lanh-dao", FAILED), ("tv-gtvl", PARTIAL)]
    assert "450 4.2.1 Mailbox busy" in summary.outcomes[0].problems[0]
    assert "lanhdao@example.vn" in summary.outcomes[0].problems[0]
    assert "550" in summary.outcomes[1].problems[0] and "truongphong" in summary.outcomes[1].problems[0]
    assert summary.exit_code == EXIT_RUN_FAILED
    assert [to for to, _ in inbox.messages] == [["tvgtvl@example.vn"]]
    inbox.refuse.clear()  # the mailbox is back: the next run sends only what did not go through
    retry = _send(plan, tmp_path, settings)
    assert [(o.unit, o.result) for o in retry.outcomes] == [("lanh-dao", SENT), ("tv-gtvl", SENT)]
    assert [to for to, _ in inbox.messages[1:]] == [["lanhdao@example.vn"], ["truongphong.tvgtvl@example.vn"]]
    assert retry.exit_code == 0


def test_a_server_that_is_not_there_fails_every_unit_and_the_next_run_retries(plan, tmp_path, smtp_server):
    port = _free_port()  # nothing listens here
    summary = _send(plan, tmp_path, _settings(port))
    assert [o.result for o in summary.outcomes] == [FAILED, FAILED]
    assert f"127.0.0.1:{port}" in summary.outcomes[0].problems[0]
    assert [e["result"] for e in _log(tmp_path)] == ["failed", "failed"]
    inbox = Inbox()
    retry = _send(plan, tmp_path, _settings(smtp_server(inbox)))
    assert [o.result for o in retry.outcomes] == [SENT, SENT] and len(inbox.messages) == 2


def test_starttls_with_login_sends_over_an_encrypted_verified_connection(plan, tmp_path, smtp_server, certificate):
    inbox = Inbox()
    port = smtp_server(inbox, tls_context=_server_context(certificate), require_starttls=True,
                       authenticator=_authenticator, auth_required=True)
    summary = _send(plan, tmp_path, _settings(port, "starttls", user="hcth", password=PASSWORD))
    assert [o.result for o in summary.outcomes] == [SENT, SENT] and len(inbox.messages) == 2


def test_starttls_refuses_a_certificate_it_cannot_verify(plan, tmp_path, smtp_server, certificate, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "no-such-bundle.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    inbox = Inbox()
    port = smtp_server(inbox, tls_context=_server_context(certificate), require_starttls=True)
    summary = _send(plan, tmp_path, _settings(port, "starttls"))
    assert [o.result for o in summary.outcomes] == [FAILED, FAILED] and inbox.messages == []
    assert "mã hóa" in summary.outcomes[0].problems[0]


def test_implicit_tls_sends(plan, tmp_path, smtp_server, certificate):
    inbox = Inbox()
    port = smtp_server(inbox, ssl_context=_server_context(certificate))
    summary = _send(plan, tmp_path, _settings(port, "ssl"))
    assert [o.result for o in summary.outcomes] == [SENT, SENT] and len(inbox.messages) == 2


def test_a_refused_login_fails_every_unit_and_never_shows_the_password(plan, tmp_path, smtp_server, certificate):
    inbox = Inbox()
    port = smtp_server(inbox, tls_context=_server_context(certificate), authenticator=_authenticator,
                       auth_required=True)
    summary = _send(plan, tmp_path, _settings(port, "starttls", user="hcth", password="sai-" + PASSWORD))
    assert [o.result for o in summary.outcomes] == [FAILED, FAILED] and inbox.messages == []
    assert "'hcth'" in summary.outcomes[0].problems[0] and "535" in summary.outcomes[0].problems[0]
    assert PASSWORD not in (tmp_path / "reminders" / "sent.jsonl").read_text("utf-8")


def test_remind_send_from_the_command_line_with_settings_from_the_environment(tmp_path, smtp_server, certificate,
                                                                               capsys, monkeypatch):
    inbox = Inbox()
    port = smtp_server(inbox, tls_context=_server_context(certificate), require_starttls=True,
                       authenticator=_authenticator, auth_required=True)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("REPORTKIT_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("REPORTKIT_SMTP_PORT", str(port))
    monkeypatch.setenv("REPORTKIT_SMTP_TLS", "starttls")
    monkeypatch.setenv("REPORTKIT_SMTP_USER", "hcth")
    monkeypatch.setenv("REPORTKIT_SMTP_FROM", "hcth@example.vn")
    monkeypatch.setenv("REPORTKIT_SMTP_PASSWORD", PASSWORD)
    args = ["remind", "--plan", str(PLAN_PATH), "--as-of", "2024-02-27", "--send", "--output", str(tmp_path)]
    code = main(args)
    captured = capsys.readouterr()
    assert code == 1  # every reminder went out; units are still missing (the tracker's exit code)
    assert "đã gửi" in captured.out and PASSWORD not in captured.out + captured.err
    sent_to = sorted(a for to, _ in inbox.messages for a in to)
    assert sent_to == ["hcth@example.vn", "lanhdao@example.vn"]  # the two units missing on 27/02/2024
    assert sorted(p.name for p in (tmp_path / "reminders" / "2024-02-27").glob("*.eml")) == [
        "hcth_2024-Q1_dan-chu.eml", "lanh-dao_2024-Q1_dan-chu.eml"]
    assert main(args) == 1 and len(inbox.messages) == 2  # the same day again: nothing sent twice
    assert "bỏ qua" in capsys.readouterr().out
    monkeypatch.setenv("REPORTKIT_SMTP_PASSWORD", "sai")
    assert main(args + ["--force"]) == EXIT_RUN_FAILED  # a refused login: exit 2


def test_with_notice_each_message_carries_the_reports_cong_van_pdf(tmp_path, smtp_server, capsys, monkeypatch):
    from pypdf import PdfReader

    inbox = Inbox()
    port = smtp_server(inbox)
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("REPORTKIT_SMTP_USER", raising=False)
    code = main(["remind", "--plan", str(PLAN_PATH), "--as-of", "2024-02-27", "--notice", "--send", "--smtp-host",
                 "127.0.0.1", "--smtp-port", str(port), "--smtp-tls", "none", "--from", "hcth@example.vn",
                 "--output", str(tmp_path)])
    assert code == 1 and len(inbox.messages) == 2
    names = {"hcth@example.vn": "hcth_2024-Q1.xlsx", "lanhdao@example.vn": "lanh-dao_2024-Q1.xlsx"}
    for to, msg in inbox.parsed():
        files = attachments(msg)
        assert sorted(files) == sorted([names[to[0]], "cong-van-2024-Q1-dan-chu.pdf"])
        pdf = tmp_path / "attached.pdf"
        pdf.write_bytes(files["cong-van-2024-Q1-dan-chu.pdf"])
        text = PdfReader(pdf).pages[0].extract_text()
        assert "V/v" in text and "đôn đốc" in text
