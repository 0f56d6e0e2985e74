"""The report's HTML pieces from a PeriodSummary: NĐ 30 blocks, escaping, tables, charts."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from reportkit.report import charts
from reportkit.report.document import document_number, place_and_date, render_header, render_signature, report_subject
from reportkit.report.markup import escape, escape_series
from reportkit.periods import find_report
from reportkit.report.period import (build_report, counts_table, findings_table, headline_sentence, render_result_details,
                              shorten, task_table)

from .conftest import PLAN_PATH, ROOT

SUBMISSIONS = ROOT / "data" / "submissions" / "2024"


@pytest.fixture(scope="module")
def q1():
    return build_report("2024-Q1", "dan-chu", plan_path=str(PLAN_PATH), submissions=str(SUBMISSIONS))


def test_header_block_follows_decree_30(plan):
    report = find_report(plan, "2024-Q1", "dan-chu")
    html = render_header(plan, report, number="25", signed_on=dt.date(2024, 3, 5))
    assert '<div class="superior">SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH SƠN LA</div>' in html
    assert '<div class="issuer">TRUNG TÂM DỊCH VỤ VIỆC LÀM</div>' in html
    assert '<div class="quoc-hieu">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>' in html
    assert "<u>Độc lập - Tự do - Hạnh phúc</u>" in html
    assert "Số: 25/BC-TTDVVL" in html and "Sơn La, ngày 05 tháng 3 năm 2024" in html
    assert '<p class="doc-type">BÁO CÁO</p>' in html
    assert "Kết quả triển khai thực hiện công tác dân chủ quý I năm 2024" in html


def test_draft_gets_dotted_number_and_date(plan):
    assert document_number(plan, None) == "Số: ……/BC-TTDVVL"
    assert place_and_date(plan, None, 2024) == "Sơn La, ngày …… tháng …… năm 2024"
    assert place_and_date(plan, dt.date(2024, 11, 9), 2024) == "Sơn La, ngày 09 tháng 11 năm 2024"


@pytest.mark.parametrize("period, stream, subject", [
    ("2024-M03", "dan-van", "Kết quả tăng cường công tác nắm tình hình Nhân dân (dân vận) tháng 3 năm 2024"),
    ("2024-H1", "dan-chu", "Kết quả triển khai thực hiện công tác dân chủ 6 tháng đầu năm 2024"),
    ("2024", "dan-van", "Kết quả tăng cường công tác nắm tình hình Nhân dân (dân vận) năm 2024"),
])
def test_trich_yeu_names_the_stream_and_period(plan, period, stream, subject):
    assert report_subject(find_report(plan, period, stream)) == subject


def test_signature_block_has_recipients_and_signer_from_the_plan(plan):
    html = render_signature(plan)
    assert '<p class="noi-nhan">Nơi nhận:</p>' in html
    assert html.count("<li>") == len(plan.recipients) and "<li>Lưu: VT, (Hà 01b).</li>" in html
    assert '<div class="signer-title">GIÁM ĐỐC</div>' in html and "Vũ Quang Khải" in html


def test_department_text_is_escaped_everywhere():
    nasty = 'Kết quả <script>alert("x")</script> & <b>đậm</b>\nDòng 2'
    assert escape(nasty) == ("Kết quả &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                             "&lt;b&gt;đậm&lt;/b&gt;<br>Dòng 2")
    assert escape_series(pd.Series([nasty, None])).tolist() == [escape(nasty), ""]


def test_dates_fractions_and_numbers_are_marked_to_stay_on_one_line():
    html = escape("Hoàn thành ngày 29/02/2024: 2/4 nhiệm vụ (87,5%), 1.983 dòng, mã III.2, năm 2024")
    assert re.findall(r'<span class="nb">([^<]*)</span>', html) == ["29/02/2024", "2/4", "87,5%", "1.983"]
    assert escape_series(pd.Series(["hạn 31/03/2024"])).tolist() == ['hạn <span class="nb">31/03/2024</span>']


def test_wide_tables_carry_column_names_for_the_stacked_phone_layout():
    from reportkit.report.markup import Column, render_table

    frame = pd.DataFrame({c: ["x"] for c in "abcde"})
    wide = render_table(frame, [Column(c, f"Cột {c}") for c in "abcde"])
    narrow = render_table(frame, [Column(c, f"Cột {c}") for c in "abcd"])
    assert 'class="data stack"' in wide and '<td data-label="Cột e">x</td>' in wide
    assert "stack" not in narrow and "data-label" not in narrow


def test_task_table_and_details_escape_results_and_keep_plan_order(q1, plan):
    status = q1.summary.status.copy()
    status.loc[status["task_code"] == "III.2", "result"] = "<img src=x onerror=alert(1)> Hội nghị & đối thoại"
    table = task_table(status, plan)
    assert [c.split(". ", 1)[0] for c in table["content"]] == [t.code for t in plan.tasks
                                                              for _ in t.due.milestones(plan.year)]
    details = render_result_details(status)
    assert "<img" not in details and "&lt;img src=x onerror=alert(1)&gt; Hội nghị &amp; đối thoại" in details


def test_task_table_shows_lead_status_and_content_activity(q1, plan):
    table = task_table(q1.summary.status, plan).set_index(
        pd.Index([t.code + m.key for t in plan.tasks for m in t.due.milestones(plan.year)]))
    assert "Đã hoàn thành đúng hạn" in table.loc["III.2", "status"]
    assert table.loc["III.2", "lead"] == "Phòng Hành chính – Tổng hợp"
    assert table.loc["III.2", "note"].startswith("Hoàn thành ngày 26/01/2024")
    assert table.loc["III.2", "time"] == "quý I, năm 2024\n(hạn 31/03/2024)"
    assert table.loc["II.1.a", "result"] == "5/5 đơn vị có hoạt động"
    assert table.loc["III.6T6", "content"].endswith("(mốc tháng 6)")


def test_identical_results_of_several_units_share_one_line(q1):
    details = render_result_details(q1.summary.status)
    units = re.findall(r"<li><b>([^<]*):</b> Trong quý I năm 2024, quán triệt các văn bản chỉ đạo về công tác dân "
                       r"vận của Trung ương, Tỉnh ủy, UBND tỉnh tại cuộc họp giao ban phòng\.", details)
    assert units == ["Phòng Hành chính – Tổng hợp, Phòng Tư vấn – Giới thiệu việc làm, "
                     "Phòng Thông tin thị trường lao động, Phòng Bảo hiểm thất nghiệp"]


def test_counts_table_has_shares_in_vietnamese_style_and_a_total():
    table = counts_table({"Đã hoàn thành đúng hạn": 6, "Đã hoàn thành quá hạn": 1, "Chưa hoàn thành trong hạn": 1,
                          "Chưa hoàn thành quá hạn": 0})
    assert table["share"].tolist() == ["75%", "12,5%", "12,5%", "100%"]
    assert table["status"].iloc[-1] == "Tổng số" and table["count"].iloc[-1] == "8"


def test_headline_sentence_names_the_cutoff_and_the_issuer(q1):
    assert headline_sentence(q1.summary) == (
        "Tính đến ngày 29/02/2024, Trung tâm Dịch vụ việc làm đã hoàn thành 2/4 nhiệm vụ có thời hạn (50%), "
        "trong đó đúng hạn 2, quá hạn 0; chưa hoàn thành 2 (trong hạn 2, quá hạn 0).")


def test_findings_table_names_file_sheet_row_and_column():
    findings = pd.DataFrame([{
        "severity": "error", "code": "bad_date", "path": "/data/hcth_2024-03-06.xlsx", "sheet": "Báo cáo", "row": 12,
        "column": "F (Ngày hoàn thành)", "value": "31/02/2024", "message": "Ngày không có thật",
        "message_en": "impossible date", "fix": "Sửa ngày theo dạng dd/mm/yyyy"}])
    row = findings_table(findings).iloc[0]
    assert row["where"] == "hcth_2024-03-06.xlsx, sheet Báo cáo, dòng 12, cột F (Ngày hoàn thành)"
    assert row["message"] == "Ngày không có thật (giá trị: “31/02/2024”)" and row["severity_vi"] == "Lỗi"


def test_shorten_cuts_long_plan_text_at_a_clause():
    text = pd.Series(["Ngắn.", "Tiếp tục triển khai thực hiện các văn bản chỉ đạo về công tác dân vận của Trung ương; "
                      + "rất dài " * 60])
    out = shorten(text, 120)
    assert out[0] == "Ngắn."
    assert out[1] == "Tiếp tục triển khai thực hiện các văn bản chỉ đạo về công tác dân vận của Trung ương…"


def test_report_parts_come_in_document_order(q1):
    parts = [q1.header(), q1.results(), q1.shortcomings(), q1.directions(), q1.proposals(), q1.signature(),
             q1.annex()]
    html = "".join(p.html for p in parts)
    order = ["CỘNG HÒA", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
             "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "Phụ lục I",
             "Phụ lục II"]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert all(p._repr_html_() == p.html for p in parts)


def test_run_record_carries_inputs_with_sha256(q1):
    bundle = q1.run_record()._repr_mimebundle_()
    record = bundle["application/vnd.reportkit.run+json"]
    assert record["period"] == "2024-Q1" and record["as_of"] == "2024-02-29"
    assert all(len(i["sha256"]) == 64 for i in record["inputs"])


# ---------------------------------------------------------------- charts


def test_status_chart_is_inline_svg_with_vietnamese_text_and_no_external_reference():
    svg = charts.chart_status_counts({"Đã hoàn thành đúng hạn": 6, "Chưa hoàn thành quá hạn": 2}).svg
    assert svg.startswith("<svg ") and "<?xml" not in svg and "DOCTYPE" not in svg and "<metadata" not in svg
    assert "Đã hoàn thành đúng hạn" in svg and "Chưa hoàn thành quá hạn" in svg  # text stays text
    assert not re.search(r'(href|src)="(?!#)', svg) and "<script" not in svg


def test_each_status_has_its_own_colour_and_hatch_for_black_and_white_print():
    styles = [charts.status_style(s) for s in charts.STATUS_ORDER]
    assert len({c for c, _ in styles}) == len(styles)
    assert len({h for _, h in styles}) == len(styles)


def test_two_charts_in_one_page_never_share_element_ids():
    a = charts.chart_status_counts({"Đã hoàn thành đúng hạn": 1}).svg
    b = charts.chart_units(pd.DataFrame({"Đã hoàn thành đúng hạn": [1], "Thường xuyên": [3]}, index=["Phòng A"])).svg
    ids_a, ids_b = set(re.findall(r'id="([^"]+)"', a)), set(re.findall(r'id="([^"]+)"', b))
    assert ids_a and ids_b and not ids_a & ids_b


def test_empty_charts_are_left_out():
    assert charts.chart_status_counts({}) is None
    assert charts.chart_units(pd.DataFrame()) is None
    assert charts.chart_trend(None) is None


@pytest.mark.parametrize("period, stream", [
    ("2024-M03", "dan-van"), ("2024-Q2", "dan-van"), ("2024-H1", "dan-van"), ("2024", "dan-van"),
    ("2024-Q1", "dan-chu"), ("2024-H1", "dan-chu"), ("2024-9M", "dan-chu"), ("2024", "dan-chu"),
])
def test_every_period_kind_of_both_streams_renders_completely(period, stream):
    report = build_report(period, stream, plan_path=str(PLAN_PATH), submissions=str(SUBMISSIONS))
    html = "".join(part().html for part in (report.header, report.results, report.shortcomings, report.directions,
                                            report.proposals, report.signature, report.annex))
    assert report.summary.headline in re.sub(r'<span class="nb">([^<]*)</span>', r"\1", html)
    assert ("5. Diễn biến qua các kỳ" in html) == report.summary.period.is_cumulative
    assert html.count('class="data compact task-table stack"') == 1
    assert "nan" not in re.sub(r"<[^>]+>", " ", html).split()  # no missing value printed as "nan"
    assert "NaT" not in html and "None" not in html
