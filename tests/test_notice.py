"""The công văn đôn đốc (`reportkit remind --notice`): NĐ 30 công văn form, Word and PDF files, plan wording."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
import sys
import unicodedata

import pytest
from docx import Document

from reportkit.cli import main
from reportkit.jobs.notice import notice_docx, reminders_folder, write_notices
from reportkit.periods import build_calendar
from reportkit.report.document import QUOC_HIEU, TIEU_NGU
from reportkit.report.docx_style import REFERENCE_DOCX, read_reference
from reportkit.report.notice import notice_symbol, render_notice
from reportkit.tracking.model import ReportReminder, UnitState

from .conftest import PLAN_PATH
from .pdf_checks import (
    assert_a4_portrait,
    assert_fonts_embedded,
    assert_inside_margins,
    assert_page_numbers_from_page_2,
)

SAMPLES = PLAN_PATH.parents[1] / "submissions" / "2024"
AS_OF = dt.date(2024, 3, 3)  # 2024-Q1 dan-chu: departments' last day 29/02/2024, report before 01/03/2024
FINDING = "Không tìm thấy dòng tiêu đề có cột 'Mã nhiệm vụ' trong 20 dòng đầu của trang tính 'Sheet1'"


def due_report(plan, period="2024-Q1", stream="dan-chu"):
    return next(r for r in build_calendar(plan) if r.period.id == period and r.stream.code == stream)


def reminder_for(plan, *, bhtn_name="Phòng Bảo hiểm thất nghiệp", period="2024-Q1"):
    units = (
        UnitState("hcth", "Phòng Hành chính – Tổng hợp", "received", "hcth.xlsx", dt.date(2024, 2, 20), -3),
        UnitState("lanh-dao", "Lãnh đạo Trung tâm", "late", "ld.xlsx", dt.date(2024, 3, 2), -3),
        UnitState("tv-gtvl", "Phòng Tư vấn – Giới thiệu việc làm", "missing", None, None, -3),
        UnitState("bhtn", bhtn_name, "unusable", "bhtn.xlsx", None, -3, findings=(FINDING,)),
    )
    return ReportReminder(due_report(plan, period), units)


def text_of(html: str) -> str:
    """The letter's text as a reader sees it (no tags, entities decoded)."""
    import html as _html
    import re

    return " ".join(_html.unescape(re.sub(r"<[^>]+>", " ", html)).split()).replace(" ;", ";").replace(" .", ".")


def paragraphs(doc) -> list[str]:
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table.rows[0].cells:
            out += [p.text for p in cell.paragraphs]
    return out


def test_notice_has_the_decree_30_cong_van_header_with_number_and_subject_under_it(plan):
    html = render_notice(plan, reminder_for(plan), AS_OF)
    agency = html.split('<td class="agency">', 1)[1].split("</td>", 1)[0]
    assert "TRUNG TÂM DỊCH VỤ VIỆC LÀM" in agency and "SỞ LAO ĐỘNG" in agency
    assert "Số: ……/TTDVVL-HCTH" in agency
    assert agency.index("Số:") < agency.index("V/v đôn đốc gửi báo cáo kết quả triển khai thực hiện "
                                              "công tác dân chủ quý I năm 2024")
    assert QUOC_HIEU in html and TIEU_NGU in html
    assert "Sơn La, ngày 03 tháng 3 năm 2024" in html
    assert unicodedata.is_normalized("NFC", html)


def test_notice_is_addressed_to_the_pending_units_only_and_says_what_each_owes(plan):
    raw = render_notice(plan, reminder_for(plan), AS_OF)
    addressed = raw.split('class="kinh-gui"', 1)[1].split("</ul>", 1)[0]
    assert "Phòng Tư vấn – Giới thiệu việc làm;" in addressed and "Phòng Bảo hiểm thất nghiệp." in addressed
    assert "Hành chính" not in addressed and "Lãnh đạo" not in addressed  # on time, late but usable
    html = text_of(raw)
    assert "chậm nhất ngày 29/02/2024" in html and "trước ngày 01/03/2024" in html
    assert "Đến ngày 03/03/2024 (đã quá hạn 4 ngày)" not in html and "(đã quá hạn 3 ngày)" in html
    assert "Phòng Tư vấn – Giới thiệu việc làm: chưa gửi báo cáo;" in html
    assert "Phòng Bảo hiểm thất nghiệp: đã gửi tệp bhtn.xlsx nhưng không sử dụng được" in html
    assert "(Không tìm thấy dòng tiêu đề có cột 'Mã nhiệm vụ' trong 20 dòng đầu" in html


def test_notice_wording_comes_from_the_plan(plan):
    html = text_of(render_notice(plan, reminder_for(plan), AS_OF))
    assert "Kế hoạch triển khai nhiệm vụ công tác dân vận, dân chủ năm 2024 của Trung tâm Dịch vụ việc làm" in html
    assert "về Phòng Hành chính – Tổng hợp" in html  # plan.wording.coordinator
    assert "các phòng, bộ phận gửi báo cáo" in html  # plan.wording.units
    assert "GIÁM ĐỐC" in html and "Vũ Quang Khải" in html
    assert "Như trên;" in html and "Lưu: VT, HCTH." in html
    assert html.rstrip().count("./.") == 1


def test_notice_before_the_deadline_counts_the_days_left_and_keeps_the_deadline(plan):
    html = text_of(render_notice(plan, reminder_for(plan), dt.date(2024, 2, 26)))
    assert "còn 3 ngày đến hạn gửi" in html
    assert "gửi chậm nhất ngày 29/02/2024 về Phòng Hành chính – Tổng hợp" in html


def test_notice_symbol_falls_back_to_the_agency_part_of_the_report_symbol(plan):
    assert notice_symbol(plan) == "TTDVVL-HCTH"
    other = dataclasses.replace(plan, notice_symbol="")
    assert notice_symbol(other) == "TTDVVL"
    html = text_of(render_notice(other, reminder_for(other), AS_OF, number="25"))
    assert "Số: 25/TTDVVL" in html and "Lưu: VT." in html


def test_line_breaks_and_markup_in_a_unit_name_stay_text_on_one_line(plan):
    name = "Phòng Bảo hiểm\r\nthất nghiệp <script>alert(1)</script>"
    html = render_notice(plan, reminder_for(plan, bhtn_name=name), AS_OF)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "\r" not in html and "Phòng Bảo hiểm thất nghiệp &lt;script&gt;" in html


def test_word_letter_uses_the_reference_styles_and_reads_back(plan):
    reminder = reminder_for(plan)
    data = notice_docx(render_notice(plan, reminder, AS_OF), "Công văn", read_reference(REFERENCE_DOCX))
    import io

    doc = Document(io.BytesIO(data))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    texts = paragraphs(doc)
    styles = {p.text: p.style.name for p in doc.paragraphs}
    for table in doc.tables:
        for cell in table.rows[0].cells:
            styles.update({p.text: p.style.name for p in cell.paragraphs})
    assert "Số: ……/TTDVVL-HCTH" in texts and styles["Số: ……/TTDVVL-HCTH"] == "Document Number"
    subject = next(t for t in texts if t.startswith("V/v đôn đốc"))
    assert styles[subject] == "Document Number"
    assert styles["Kính gửi:"] == "Header"
    assert "- Phòng Tư vấn – Giới thiệu việc làm;" in texts
    assert "- Lưu: VT, HCTH." in texts and "Vũ Quang Khải" in texts
    assert doc.core_properties.title == "Công văn"


def test_write_notices_writes_docx_and_pdf_per_report_with_pending_units(plan, tmp_path):
    done = ReportReminder(due_report(plan, "2024-M02", "dan-van"), (
        UnitState("hcth", "Phòng Hành chính – Tổng hợp", "received", "hcth.xlsx", dt.date(2024, 2, 1), 3),))
    written = write_notices(plan, [done, reminder_for(plan)], tmp_path, AS_OF)
    assert [n.key for n in written] == ["2024-Q1/dan-chu"]
    files = written[0]
    assert files.units == ("tv-gtvl", "bhtn")
    assert files.docx.parent == files.pdf.parent == reminders_folder(tmp_path, AS_OF) == tmp_path / "reminders" / "2024-03-03"
    assert sorted(p.name for p in files.docx.parent.iterdir()) == ["cong-van-2024-Q1-dan-chu.docx",
                                                                   "cong-van-2024-Q1-dan-chu.pdf"]
    assert files.pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(files.pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "Số: ……/TTDVVL-HCTH" in flat and "V/v đôn đốc gửi báo cáo" in flat
    assert "Phòng Bảo hiểm thất nghiệp: đã gửi tệp bhtn.xlsx" in flat and "Vũ Quang Khải" in flat
    import pdfplumber

    with pdfplumber.open(files.pdf) as pdf:  # the report PDF's NĐ 30 checks: A4, margins, no number on page 1
        assert_a4_portrait(pdf, min_pages=1)
        assert_inside_margins(pdf)
        assert_page_numbers_from_page_2(pdf)
    assert_fonts_embedded(files.pdf)


def test_write_notices_writes_nothing_when_every_unit_has_sent(plan, tmp_path):
    done = ReportReminder(due_report(plan), (
        UnitState("hcth", "Phòng Hành chính – Tổng hợp", "late", "hcth.xlsx", dt.date(2024, 3, 1), -3),))
    assert write_notices(plan, [done], tmp_path, AS_OF) == []
    assert not (tmp_path / "reminders").exists()


def test_remind_notice_writes_the_letters_for_the_sample_year_and_names_them(tmp_path, capsys):
    # 18/05/2024: dan-van 6 tháng, departments' last day 19/05; two units of the sample data have not sent yet.
    code = main(["remind", "--plan", str(PLAN_PATH), "--submissions", str(SAMPLES), "--as-of", "2024-05-18",
                 "--output", str(tmp_path), "--notice", "--format", "json", "--number", "12"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "cong-van-2024-H1-dan-van.docx" in err and "cong-van-2024-H1-dan-van.pdf" in err
    assert json.loads(out)["as_of"] == "2024-05-18"  # stdout stays the JSON alone
    doc = Document(str(tmp_path / "reminders" / "2024-05-18" / "cong-van-2024-H1-dan-van.docx"))
    flat = " ".join(paragraphs(doc))
    assert "Số: 12/TTDVVL-HCTH" in flat and "còn 1 ngày đến hạn gửi" in flat
    assert "- Phòng Tư vấn – Giới thiệu việc làm;" in paragraphs(doc)
    assert "- Phòng Thông tin thị trường lao động." in paragraphs(doc)


def test_the_coordinator_does_not_write_to_itself_and_one_unit_is_singular(plan, tmp_path):
    report = due_report(plan)
    units = (UnitState("hcth", "Phòng Hành chính – Tổng hợp", "missing", None, None, -3),
             UnitState("bhtn", "Phòng Bảo hiểm thất nghiệp", "missing", None, None, -3))
    html = text_of(render_notice(plan, ReportReminder(report, units), AS_OF))
    assert "Kính gửi: Phòng Bảo hiểm thất nghiệp." in html and "Hành chính – Tổng hợp:" not in html
    assert "của đơn vị sau:" in html and "đề nghị đơn vị nêu trên" in html
    only_coordinator = ReportReminder(report, units[:1])
    assert write_notices(plan, [only_coordinator], tmp_path, AS_OF) == []


@pytest.mark.slow
def test_word_letter_prints_through_libreoffice_on_one_a4_page(plan, tmp_path):
    written = write_notices(plan, [reminder_for(plan)], tmp_path, AS_OF, pdf=False)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(written[0].docx)], capture_output=True, check=True, timeout=180)
    pdf = tmp_path / "cong-van-2024-Q1-dan-chu.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE) and "(A4)" in info
    flat = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Kính gửi:" in flat and "Lưu: VT, HCTH." in flat


def test_remind_without_notice_loads_neither_word_nor_pdf_libraries(tmp_path):
    # `remind` must stay fast: python-docx and WeasyPrint are imported only for --notice.
    code = ("import sys; from reportkit.cli import main; "
            f"main(['remind', '--plan', {str(PLAN_PATH)!r}, '--submissions', {str(SAMPLES)!r}, "
            f"'--as-of', '2024-05-18', '--output', {str(tmp_path)!r}]); "
            "print(sorted(m for m in ('docx', 'weasyprint', 'reportkit.jobs.notice') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
    assert not (tmp_path / "reminders").exists()
