"""E-mail reminders without a server: the message, its headers, the settings, the dry run, the sent log."""

from __future__ import annotations

import dataclasses
import json
import unicodedata

import pytest

from reportkit.cli import main
from reportkit.errors import EXIT_RUN_FAILED, EXIT_USAGE, ParamsError
from reportkit.intake.reader import read_workbook
from reportkit.jobs.mail.addresses import header_text, parse_address, split_addresses
from reportkit.jobs.mail.outbox import DRY_RUN, FAILED, NO_ADDRESS, mail_reminders
from reportkit.jobs.mail.sentlog import LogKey, SentLog
from reportkit.jobs.mail.settings import read_smtp_settings

from .conftest import PLAN_PATH, ROOT
from .mail_fixtures import AS_OF, NOW, attachments, body_text, read_eml, reminder, unit_state


def _dry_run(plan, tmp_path, *units, **kwargs):
    return mail_reminders(plan, [reminder(plan, *units)], as_of=AS_OF, output=tmp_path, now=NOW, **kwargs)


def test_a_dry_run_writes_one_eml_per_pending_unit_and_skips_the_units_that_sent(plan, tmp_path):
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth"), unit_state(plan, "bhtn", state="received"),
                       unit_state(plan, "tv-gtvl", state="unusable", file="tv.xlsx", findings=("Thiếu cột Mã nhiệm vụ",)))
    assert [(o.unit, o.result) for o in summary.outcomes] == [("hcth", DRY_RUN), ("tv-gtvl", DRY_RUN)]
    folder = tmp_path / "reminders" / "2024-02-27"
    assert sorted(p.name for p in folder.iterdir()) == ["hcth_2024-Q1_dan-chu.eml", "tv-gtvl_2024-Q1_dan-chu.eml"]
    assert summary.exit_code == 0
    assert not (tmp_path / "reminders" / "sent.jsonl").exists()  # nothing sent, nothing logged


def test_the_subject_and_body_decode_to_vietnamese_with_the_plans_names(plan, tmp_path):
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth", days_left=-3), sender="hcth@example.vn")
    msg = read_eml(summary.outcomes[0].eml)
    raw = summary.outcomes[0].eml.read_bytes()
    assert raw.isascii()  # encoded headers (RFC 2047) and a base64 body: survives any relay
    assert msg["Subject"] == ("Đôn đốc gửi báo cáo Công tác dân chủ – Quý I năm 2024, hạn 29/02/2024 – "
                              "Phòng Hành chính – Tổng hợp")
    assert msg["To"].addresses[0].addr_spec == "hcth@example.vn"
    assert msg["To"].addresses[0].display_name == "Phòng Hành chính – Tổng hợp"
    assert msg["From"].addresses[0].addr_spec == "hcth@example.vn"
    assert msg["Auto-Submitted"] == "auto-generated" and msg["Message-ID"].endswith("@example.vn>")
    body = body_text(msg)
    assert unicodedata.is_normalized("NFC", body)
    assert body.startswith("Kính gửi: Phòng Hành chính – Tổng hợp.")
    assert "báo cáo kết quả triển khai thực hiện công tác dân chủ kỳ quý I năm 2024" in body
    assert "Hạn gửi: ngày 29/02/2024 (đã quá hạn 3 ngày)." in body
    assert "Trung tâm Dịch vụ việc làm" in body  # the issuer, from the plan


def test_the_attached_template_is_the_units_prefilled_workbook_and_reads_back(plan, tmp_path):
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth"))
    files = attachments(read_eml(summary.outcomes[0].eml))
    assert list(files) == ["hcth_2024-Q1.xlsx"]
    path = tmp_path / "hcth_2024-Q1.xlsx"
    path.write_bytes(files["hcth_2024-Q1.xlsx"])
    sub = read_workbook(path, plan)
    assert (sub.unit, sub.sheet) == ("hcth", "Báo cáo")
    # not filled in yet: no report date, and one "no status" per task of the unit, nothing else
    codes = [f.code for f in sub.findings]
    assert set(codes) == {"no_report_date", "missing_status"}
    assert codes.count("missing_status") == len(plan.tasks_for_unit("hcth"))


def test_an_unusable_file_is_named_with_its_findings_in_the_body(plan, tmp_path):
    state = unit_state(plan, "bhtn", state="unusable", file="bhtn_cu.xls",
                       findings=("Không tìm thấy dòng tiêu đề", "Tệp bị hỏng"))
    body = body_text(read_eml(_dry_run(plan, tmp_path, state).outcomes[0].eml))
    assert "đã nhận tệp bhtn_cu.xls nhưng không dùng được, vì:\n  - Không tìm thấy dòng tiêu đề\n  - Tệp bị hỏng" in body


def test_a_line_break_in_a_unit_name_never_makes_a_header(plan, tmp_path):
    evil = "Phòng A\r\nBcc: spy@example.vn\r\nX-Injected: 1"
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth", name=evil))
    raw = summary.outcomes[0].eml.read_bytes()
    msg = read_eml(summary.outcomes[0].eml)
    assert msg["Bcc"] is None and msg["X-Injected"] is None
    assert b"\nBcc:" not in raw and b"\nX-Injected" not in raw
    assert "Phòng A Bcc: spy@example.vn X-Injected: 1" in msg["Subject"]
    assert [a.addr_spec for a in msg["To"].addresses] == ["hcth@example.vn"]


def test_a_line_break_in_a_plan_field_never_makes_a_header(plan, tmp_path):
    tampered = dataclasses.replace(plan, wording=dataclasses.replace(plan.wording,
                                                                     coordinator="HCTH\nBcc: spy@example.vn"))
    summary = _dry_run(tampered, tmp_path, unit_state(plan, "hcth"), sender="hcth@example.vn")
    msg = read_eml(summary.outcomes[0].eml)
    assert msg["Bcc"] is None and msg["From"].addresses[0].display_name == "HCTH Bcc: spy@example.vn"
    assert msg["From"].addresses[0].addr_spec == "hcth@example.vn"


@pytest.mark.parametrize("text", ["hcth", "hcth@", "@example.vn", "a b@example.vn", "a@b@example.vn",
                                  "hcth@example.vn\r\nBcc: x@example.vn", "Tên <hcth@example.vn>", "hcth@localhost",
                                  "hcth@example.vn, x@example.vn"])
def test_what_is_not_one_plain_address_is_refused(text):
    assert parse_address(text) is None


def test_header_text_folds_every_line_break_and_control_character():
    assert header_text("a\r\nb\tc\u2028d\x00e\x85f") == "a b c d e f"


def test_duplicate_addresses_are_mailed_once_and_invalid_ones_are_listed():
    valid, invalid = split_addresses(("a@example.vn", "A@Example.vn", "bad", "b@example.vn"))
    assert [a.addr_spec for a in valid] == ["a@example.vn", "b@example.vn"] and invalid == ["bad"]


def test_a_unit_without_address_is_listed_and_the_others_are_still_written(plan, tmp_path):
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth", emails=()), unit_state(plan, "bhtn"))
    assert [(o.unit, o.result) for o in summary.outcomes] == [("hcth", NO_ADDRESS), ("bhtn", DRY_RUN)]
    assert summary.exit_code == 0


def test_a_unit_with_only_an_invalid_address_fails_and_the_run_exits_2(plan, tmp_path):
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth", emails=("hcth.example.vn",)), unit_state(plan, "bhtn"))
    assert [(o.unit, o.result) for o in summary.outcomes] == [("hcth", FAILED), ("bhtn", DRY_RUN)]
    assert "hcth.example.vn" in summary.outcomes[0].problems[0]
    assert summary.exit_code == EXIT_RUN_FAILED


def test_an_invalid_address_beside_a_valid_one_is_reported_and_the_valid_one_still_written(plan, tmp_path):
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth", emails=("hcth@example.vn", "hcth@@example.vn")))
    outcome = summary.outcomes[0]
    assert (outcome.result, outcome.addresses) == (DRY_RUN, ("hcth@example.vn",))
    assert "hcth@@example.vn" in outcome.problems[0] and summary.exit_code == EXIT_RUN_FAILED
    assert [a.addr_spec for a in read_eml(outcome.eml)["To"].addresses] == ["hcth@example.vn"]


def test_a_notice_pdf_is_attached_to_the_reports_messages(plan, tmp_path):
    pdf = tmp_path / "cong-van-2024-Q1-dan-chu.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%test\n")
    summary = _dry_run(plan, tmp_path, unit_state(plan, "hcth"), notices={"2024-Q1/dan-chu": pdf})
    msg = read_eml(summary.outcomes[0].eml)
    assert attachments(msg)["cong-van-2024-Q1-dan-chu.pdf"] == b"%PDF-1.7\n%test\n"
    assert "- cong-van-2024-Q1-dan-chu.pdf: công văn đôn đốc gửi báo cáo" in body_text(msg)


# -- SMTP settings --------------------------------------------------------------------------------

ENV = {"REPORTKIT_SMTP_HOST": "mail.example.vn", "REPORTKIT_SMTP_FROM": "hcth@example.vn"}


def test_options_win_over_the_environment_and_the_port_follows_the_tls_mode():
    s = read_smtp_settings({"host": "smtp.example.vn"}, ENV)
    assert (s.host, s.port, s.tls, s.sender) == ("smtp.example.vn", 587, "starttls", "hcth@example.vn")
    assert read_smtp_settings({"tls": "ssl"}, ENV).port == 465
    assert read_smtp_settings({}, {**ENV, "REPORTKIT_SMTP_TLS": "none", "REPORTKIT_SMTP_PORT": "2525"}).port == 2525


@pytest.mark.parametrize("options, env, words", [
    ({}, {"REPORTKIT_SMTP_FROM": "a@example.vn"}, "REPORTKIT_SMTP_HOST"),
    ({}, {"REPORTKIT_SMTP_HOST": "h"}, "REPORTKIT_SMTP_FROM"),
    ({"port": "70000"}, ENV, "65535"),
    ({}, {**ENV, "REPORTKIT_SMTP_TLS": "tls1.3"}, "none, starttls, ssl"),
    ({"sender": "Phòng HCTH"}, ENV, "ten@ten-mien.vn"),
    ({"user": "hcth"}, ENV, "REPORTKIT_SMTP_PASSWORD"),
])
def test_bad_smtp_settings_say_how_to_fix_them(options, env, words):
    with pytest.raises(ParamsError) as err:
        read_smtp_settings(options, env)
    assert words in str(err.value)


def test_the_password_comes_from_the_environment_or_a_file_and_never_shows(tmp_path):
    s = read_smtp_settings({"user": "hcth"}, {**ENV, "REPORTKIT_SMTP_PASSWORD": "mật-khẩu-bí-mật"})
    assert s.password == "mật-khẩu-bí-mật" and "mật-khẩu" not in repr(s)
    secret = tmp_path / "smtp.pass"
    secret.write_text("từ-tệp\nbỏ dòng này\n", encoding="utf-8")
    assert read_smtp_settings({"user": "hcth"}, ENV, password_file=secret).password == "từ-tệp"
    with pytest.raises(ParamsError) as err:
        read_smtp_settings({"user": "hcth"}, ENV, password_file=tmp_path / "missing.pass")
    assert "missing.pass" in str(err.value)


# -- the sent log ---------------------------------------------------------------------------------

def test_the_sent_log_remembers_accepted_addresses_and_survives_a_cut_line(tmp_path):
    path = tmp_path / "sent.jsonl"
    key = LogKey("hcth", "2024-Q1/dan-chu", "2024-02-29", "2024-02-27")
    SentLog(path).append(key, {"addresses": ["hcth@example.vn"], "result": "sent"})
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"unit": "bhtn", "addre')  # a crash in the middle of a line
    log = SentLog(path)
    assert log.accepted(key) == {"hcth@example.vn"}
    log.append(key, {"addresses": ["x@example.vn"], "result": "sent"})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["addresses"] == ["x@example.vn"]  # on a line of its own
    assert SentLog(path).accepted(key) == {"hcth@example.vn", "x@example.vn"}


# -- the command ----------------------------------------------------------------------------------

def test_remind_dry_run_writes_the_messages_and_prints_what_would_be_sent(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["remind", "--plan", str(PLAN_PATH), "--as-of", "2024-02-27", "--dry-run", "--output", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1  # units missing (the tracker's exit code); no mail failed
    assert "chạy thử, không gửi" in out and "sẽ gửi" in out
    assert (tmp_path / "reminders" / "2024-02-27" / "hcth_2024-Q1_dan-chu.eml").is_file()


def test_remind_json_keeps_stdout_machine_readable_with_the_mail_account_on_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    main(["remind", "--plan", str(PLAN_PATH), "--as-of", "2024-02-27", "--dry-run", "--format", "json",
          "--output", str(tmp_path)])
    captured = capsys.readouterr()
    assert json.loads(captured.out)["as_of"] == "2024-02-27"
    assert "sẽ gửi" in captured.err


def test_dry_run_and_send_together_are_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["remind", "--plan", str(PLAN_PATH), "--dry-run", "--send", "--output", str(tmp_path)])
    assert code == EXIT_USAGE and "--dry-run" in capsys.readouterr().err


def test_send_without_a_server_is_a_usage_error_before_anything_is_done(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("REPORTKIT_SMTP_HOST", "REPORTKIT_SMTP_FROM", "REPORTKIT_SMTP_USER"):
        monkeypatch.delenv(name, raising=False)
    code = main(["remind", "--plan", str(PLAN_PATH), "--as-of", "2024-02-27", "--send", "--output", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == EXIT_USAGE and "REPORTKIT_SMTP_HOST" in captured.err
    assert captured.out == "" and not (tmp_path / "reminders").exists()
