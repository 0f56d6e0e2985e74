"""The intake's fast paths give exactly what the general paths give: rows, findings, sheet extents, tell-tales."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from reportkit.intake import legacy, sheetscan
from reportkit.intake.dates import DateContext
from reportkit.intake.headers import find_header
from reportkit.intake.messages import FindingLog
from reportkit.intake.rows import RawRow, RowReader

D = dt.date
HEADER = ["STT", "Mã nhiệm vụ", "Tình trạng", "Tiến độ (%)", "Ngày hoàn thành", "Kết quả thực hiện", "Ghi chú"]
CELL_VALUES = {
    "task_code": ["III.1", "III.2", " iii 1 ", "III.99", "II.1", "", None, 3.0, "Người lập biểu", "III.1  "],
    "status": ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "hoàn thành (100%)", "xong rồi", "", None, 1.0],
    "progress": [100.0, 100, 50.0, 0, 0.0, 0.5, 150.0, -1.0, float("nan"), True, "75%", "75,5", "abc", "", None,
                 12.345],
    "completed_on": [D(2024, 3, 5), D(2023, 12, 14), D(2024, 5, 10), D(1980, 1, 1), dt.datetime(2024, 3, 5, 8, 30),
                     "05/03/2024", "31/02/2024", "hôm qua", 45356.0, 45356, -3.0, True, "", None],
    "result": ["Đã xong", "  hai  khoảng  ", "", None, 12.0],
    "note": ["", "ghi chú", None],
}
CONTEXTS = [DateContext(D(2024, 3, 31), 2024), DateContext(None, 2024), DateContext(D(2024, 3, 31), 2024, True),
            DateContext(D(2024, 1, 7), 2023)]


def _pick(rng: random.Random, values: list) -> object:
    """The first (usual) value half of the time, else any: enough rows for both paths."""
    return values[0] if rng.random() < 0.5 else rng.choice(values)


def _header(columns: list[str]):
    return find_header([["x"] + columns, [1.0] + ["" for _ in columns]])


@pytest.mark.parametrize("columns", [HEADER[1:], [c for c in HEADER[1:] if c != "Tiến độ (%)"],
                                     [c for c in HEADER[1:] if c != "Ngày hoàn thành"],
                                     [c for c in HEADER[1:] if c != "Tình trạng"]])
def test_quick_row_matches_the_general_path(plan, columns):
    """A row the fast path reads gets the same TaskRow and findings as by the general path; else it adds none."""
    header = _header(columns)
    rng = random.Random(7)
    used = 0
    for i in range(3000):
        context = CONTEXTS[i % len(CONTEXTS)]
        cells = {f: _pick(rng, CELL_VALUES.get(f, ["", "x"])) for f in header.columns}
        quick_log, full_log = FindingLog(Path("a.xlsx")), FindingLog(Path("a.xlsx"))
        quick_log.sheet = full_log.sheet = "Báo cáo"
        quick = RowReader(plan, quick_log, header, context)._quick.row(RawRow(5, dict(cells)))
        full = RowReader(plan, full_log, header, context).task_row(RawRow(5, dict(cells)))
        if quick is None:
            assert quick_log.findings == [], cells
            continue
        used += 1
        assert quick == full, cells
        assert [f.as_dict() for f in quick_log.findings] == [f.as_dict() for f in full_log.findings], cells
    assert used > 100


def _two_regex_extent(xml: bytes):
    """The sheet-extent fast pass as it was: canonical cell tags counted against every tag ending in "c"."""
    refs = sheetscan._CANONICAL_CELL_RE.findall(xml)
    if len(refs) != len(sheetscan._CELL_TAG_RE.findall(xml)):
        return None
    full = [(letters, digits) for letters, digits, _, empty in refs if not empty]
    if not full:
        return 0, 0
    letters = max({letters for letters, _ in full}, key=lambda x: (len(x), x))
    return max(int(digits) for _, digits in full), sheetscan.column_number(letters)


XML_PIECES = [b'<c r="A1">', b'<c r="B12" t="s">', b'<c r="AA3" s="1"/>', b'<c r="C2" x="<">', b'<c r="D4" x="a<b c">',
              b'<x:c r="A1">', b'<c r="E5" r="F1">', b"<c r='A1'>", b"<c>", b"<c/>", b"<abc >", b'<c r="Z9" x<y="1">',
              b"<v>1</v>", b"</c>", b'<row r="3">', b"</row>", b'<c r="A1" t="n" />', b"<is><t>a<c </t></is>", b" ",
              b"<", b"c ", b'"', b">", b'<c r="G7"  >', b'<c r="H8" a="x>', b'<c r="A1" /x="1">', b'<c r="a1">',
              b'<c r="AB12" t="inlineStr"><is><t>x</t></is></c>', b'<c r="A12345678">', b'<c r="A1"\n t="s">']


def test_one_pass_sheet_extent_matches_the_two_regex_test():
    """``_fast_xlsx`` (one regex pass) decides and measures exactly as counting the two kinds of tag did."""
    rng = random.Random(11)
    for _ in range(20000):
        xml = b"".join(rng.choice(XML_PIECES) for _ in range(rng.randint(0, 10)))
        assert sheetscan._fast_xlsx(xml) == _two_regex_extent(xml), xml


def test_telltale_in_one_pass_matches_two_searches():
    """``has_telltale`` finds what the tell-tale search and the capital-after-lower-case search found."""
    def two_searches(text: str) -> bool:
        if legacy._TELLTALE_RE.search(text):
            return True
        return any(m.start() and text[m.start() - 1] in legacy._LOWER_BEFORE_CAPITAL
                   for m in legacy._CAPITAL_RE.finditer(text))

    alphabet = list("aAzZ \n.ÀÁÉÝàéýđĐệư") + sorted(legacy.TELLTALE)[:6]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert legacy.has_telltale(text) == two_searches(text), text
