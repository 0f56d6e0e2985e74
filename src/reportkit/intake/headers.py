"""Find the task table in a sheet: the header row, its columns, and the title lines above it.

Headers match ignoring case, spacing, dash kind, tone placement and NFC/NFD
(``text.fold_key``), a remark in brackets ("Tiến độ (%)", "Ngày hoàn thành
(dd/mm/yyyy)") and a trailing "*" or ":". A header may sit anywhere in the first
``HEADER_SEARCH_ROWS`` rows and may span two rows (a group title merged above
its sub-headers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reportkit.intake.cellvalues import cell_text
from reportkit.text import fold_key

HEADER_SEARCH_ROWS = 20

# field → (canonical Vietnamese header, aliases people use)
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "task_code": ("Mã nhiệm vụ", ("Mã NV", "Mã", "Mã số", "Mã nội dung", "Mã công việc", "Mã nhiệm vụ/nội dung", "Task code", "Code")),
    "task_text": ("Nội dung nhiệm vụ", ("Nội dung", "Nhiệm vụ", "Tên nhiệm vụ", "Nội dung công việc", "Nội dung thực hiện")),
    "time_frame": ("Thời gian thực hiện", ("Thời gian", "Thời hạn", "Thời hạn thực hiện")),
    "status": ("Tình trạng", ("Tình trạng thực hiện", "Trạng thái", "Tình hình thực hiện", "Status")),
    "progress": ("Tiến độ (%)", ("Tiến độ", "Tiến độ %", "% hoàn thành", "Tỷ lệ hoàn thành", "Tỉ lệ hoàn thành", "Progress")),
    "completed_on": ("Ngày hoàn thành", ("Ngày HT", "Thời gian hoàn thành", "Ngày hoàn thành thực tế", "Completed on")),
    "result": ("Kết quả thực hiện", ("Kết quả", "Kết quả đạt được", "Kết quả triển khai")),
    "difficulties": ("Khó khăn, vướng mắc", ("Khó khăn", "Vướng mắc", "Khó khăn vướng mắc", "Tồn tại, hạn chế", "Khó khăn, hạn chế")),
    "proposals": ("Đề xuất, kiến nghị", ("Đề xuất", "Kiến nghị", "Kiến nghị, đề xuất", "Đề xuất kiến nghị")),
    "note": ("Ghi chú", ("Ghi chú khác", "Note")),
}
REQUIRED = ("task_code",)
STATUS_FIELDS = ("status", "progress")  # at least one of them is required

_PAREN_RE = re.compile(r"\([^)]*\)")
_PUNCT_RE = re.compile(r"[*:;,./-]+")  # "Khó khăn – vướng mắc" = "Khó khăn, vướng mắc"


def header_key(text: object) -> str:
    """The matching key of a header cell: folded, brackets and punctuation dropped."""
    key = fold_key(_PAREN_RE.sub(" ", cell_text(text)))
    return re.sub(r"\s+", " ", _PUNCT_RE.sub(" ", key)).strip()


_FIELD_BY_KEY: dict[str, str] = {}
for _field, (_label, _aliases) in COLUMNS.items():
    for _name in (_label, *_aliases):
        _FIELD_BY_KEY.setdefault(header_key(_name), _field)


_MAX_HEADER_LEN = 80  # longer cells are task text, not headers


@lru_cache(maxsize=8192)
def _field_of_text(text: str) -> str | None:
    return _FIELD_BY_KEY.get(header_key(text))


def field_of(text: object) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(text, str) or not text or len(text) > _MAX_HEADER_LEN:
        return None
    return _field_of_text(text)


def column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class Header:
    """Where the task table starts and which column holds which field."""

    row: int  # 0-based index of the (last) header row
    columns: dict[str, int]  # field → 0-based column index
    labels: dict[int, str]  # column index → header text as written
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (field, column) ignored

    @property
    def first_data_row(self) -> int:
        return self.row + 1

    def describe(self, col: int) -> str:
        """Column for findings: "D (Tình trạng)"."""
        label = self.labels.get(col, "")
        return f"{column_letter(col)} ({label})" if label else column_letter(col)

    def describe_field(self, name: str) -> str:
        """Column of a field for findings, e.g. "D (Tình trạng)" (computed once per header)."""
        described = self.__dict__.setdefault("_described", {})
        if name not in described:
            described[name] = self.describe(self.columns[name])
        return described[name]


def _match_row(row: list) -> dict[int, str]:
    """Column → field for the cells of ``row`` that name a known column (``field_of``, spelled out: every row)."""
    matched: dict[int, str] = {}
    for c, v in enumerate(row):
        if isinstance(v, str) and v and len(v) <= _MAX_HEADER_LEN:
            f = _field_of_text(v)
            if f:
                matched[c] = f
    return matched


def find_header(grid: list[list]) -> Header | None:
    """The best header row among the first HEADER_SEARCH_ROWS rows, or None.

    A row qualifies when it names the task-code column and at least one other
    known column; the row naming the most known columns wins (ties: the first).
    A row right below it that names further columns (sub-headers under a
    merged group title) is merged in.
    """
    best: tuple[int, dict[int, str]] | None = None
    for r in range(min(HEADER_SEARCH_ROWS, len(grid))):
        matched = _match_row(grid[r])
        fields = set(matched.values())
        if "task_code" in fields and len(fields) >= 2:
            if best is None or len(fields) > len(set(best[1].values())):
                best = (r, matched)
    if best is None:
        return None
    r, matched = best
    label_row = {c: r for c in range(len(grid[r])) if cell_text(grid[r][c])}
    if r + 1 < len(grid):
        below = _match_row(grid[r + 1])
        extra = {c: f for c, f in below.items() if c not in matched and f not in matched.values()}
        has_numbers = any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in grid[r + 1])
        if extra and not has_numbers:
            matched = {**matched, **extra}
            label_row.update({c: r + 1 for c in extra})
            label_row.update({c: r + 1 for c, v in enumerate(grid[r + 1]) if cell_text(v) and c not in label_row})
            r += 1
    columns: dict[str, int] = {}
    duplicates: list[tuple[str, int]] = []
    for c in sorted(matched):
        f = matched[c]
        if f in columns:
            duplicates.append((f, c))
        else:
            columns[f] = c
    labels = {c: cell_text(grid[lr][c]).replace("\n", " ") for c, lr in label_row.items()}
    return Header(r, columns, labels, duplicates)


# ------------------------------------------------------------ title lines

_LABELS = {
    "unit": ("don vi", "ten don vi", "phong", "bo phan", "don vi bao cao", "phong bo phan"),
    "report_date": ("ngay bao cao", "ngay lap bao cao", "ngay lap", "ngay gui", "ngay gui bao cao"),
    "period": ("ky bao cao",),
}
_LABEL_BY_KEY = {k: name for name, keys in _LABELS.items() for k in keys}


@dataclass(frozen=True)
class TitleValue:
    """A labelled value from the title lines, with where it was found."""

    value: object
    row: int  # 0-based
    col: int  # 0-based


def read_title(grid: list[list], stop_row: int) -> dict[str, TitleValue]:
    """"Đơn vị: …", "Ngày báo cáo: …" and "Kỳ báo cáo: …" above the header.

    The value is the text after the colon, or the next non-empty cell of the
    row when the label stands alone in its cell (often merged). Without a
    "Ngày báo cáo" line, the official "Sơn La, ngày 05 tháng 3 năm 2024" line
    gives the report date.
    """
    found: dict[str, TitleValue] = {}
    for r in range(min(stop_row, len(grid))):
        row = grid[r]
        for c, v in enumerate(row):
            if not isinstance(v, str) or ":" not in v:
                continue
            label, _, rest = v.partition(":")
            name = _LABEL_BY_KEY.get(fold_key(label).strip(" .*"))
            if not name or name in found:
                continue
            value: object = rest.strip()
            col = c
            if value == "":
                # the value sits in one of the next cells (the label is often merged over two)
                nxt = next(((k, x) for k, x in enumerate(row[c + 1:c + 4], c + 1) if x not in ("", None)), None)
                if nxt is None:
                    continue
                col, value = nxt
            found[name] = TitleValue(value, r, col)
    if "report_date" not in found:
        # The official place-and-date line: "Sơn La, ngày 05 tháng 3 năm 2024".
        for r in range(min(stop_row, len(grid))):
            for c, v in enumerate(grid[r]):
                m = _PLACE_DATE_RE.search(fold_key(v)) if isinstance(v, str) else None
                if m:
                    found["report_date"] = TitleValue(m.group(0), r, c)
                    return found
    return found


_PLACE_DATE_RE = re.compile(r"ngay \d{1,2} thang \d{1,2} nam \d{4}")
