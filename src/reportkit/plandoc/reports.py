"""Report streams from the sentences of "Tổ chức thực hiện" (section IV).

A stream is a description followed by its reports in brackets: "Định kỳ báo
cáo kết quả … theo quy định (báo cáo quý I trước ngày 01/3; 6 tháng trước
ngày 26/5; …)". A sentence that is itself a report ("Báo cáo tháng gửi trước
ngày 20 hằng tháng") also counts; its stream has no name of its own. Each
report is read into the formats of docs/plan-format.md:

- "quý I trước ngày 01/3" → {period: Q1, due_before: {month: 3, day: 1}}
- "tháng trước ngày 10 của tháng" → {period: M, due_before: {month: end, day: 10}}
- "quý trước ngày 13 của tháng cuối quý" → {period: Q, due_before: {month: end, day: 13}}
- "chậm nhất ngày 05 tháng sau" → {period: M, due_by: {month: next, day: 5}}
- "năm trước ngày 15/01 năm sau" → {period: Y, due_before: {month: 1, day: 15, year: next}}
- "khi có yêu cầu", "đột xuất" → {period: adhoc}

A report not understood is kept out of the streams and becomes a finding.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from reportkit.plandoc.units import slug
from reportkit.text import fold_key

_SUBMIT_HINT_RE = re.compile(r"\bgui (?:bao cao|ve|so lieu)\b")
_PAREN_RE = re.compile(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_DEADLINE_HINT_RE = re.compile(r"truoc ngay|cham nhat|khi co yeu cau|dot xuat|han chot|gui ve .* ngay")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_LEAD_WORDS_RE = re.compile(r"^(?:va\s+)?(?:(?:gui\s+)?bao cao\s+(?:ket qua\s+)?(?:dinh ky\s+)?|tong ket\s+|so ket\s+)*")
_RECURRING = (("hang thang", "M"), ("moi thang", "M"), ("hang quy", "Q"), ("moi quy", "Q"), ("hang nam", "Y"))
_PERIODS: tuple[tuple[re.Pattern, object], ...] = (
    (re.compile(r"(?:dot xuat|khi co yeu cau|theo yeu cau)"), "adhoc"),
    (re.compile(r"quy\s+((?:iv|i{1,3}|[1-4])(?:\s*(?:,|va)\s*(?:quy\s+)?(?:iv|i{1,3}|[1-4]))*)\b"), "quarters"),
    (re.compile(r"(?:hang |moi )?quy\b"), "Q"),
    (re.compile(r"(?:6|sau) thang(?: dau nam)?\b|so ket\b"), "H1"),
    (re.compile(r"(?:9|chin) thang\b"), "9M"),
    (re.compile(r"(?:hang |moi )?thang\b"), "M"),
    (re.compile(r"(?:ca |hang )?nam\b|tong ket\b"), "Y"),
)
_DEADLINE_RE = re.compile(
    r"(?P<bound>truoc ngay|cham nhat(?: la)?(?: vao)?(?: ngay)?|han chot(?: la)?(?: ngay)?|ngay)\s+(?P<day>\d{1,2})"
    r"(?:\s*/\s*(?P<month>\d{1,2})(?:\s*/\s*(?P<year>\d{4}))?"
    r"|\s+(?:cua\s+|hang\s+)?(?P<rel>thang cuoi quy|thang sau|thang tiep theo|thang ke tiep|thang dau quy sau|thang))?"
    r"(?P<next>\s+nam sau)?"
)


@dataclass
class Stream:
    """A report stream read from the document, with the phrases not understood."""

    code: str
    name: str
    short_name: str
    reports: list[dict] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)
    named: bool = True
    submit: dict | None = None  # the departments' deadline for every report of the stream ({days_before: 3})


def read_streams(paragraphs: list[str], year: int) -> list[Stream]:
    """The report streams the paragraphs describe, in order, with the departments' deadlines; codes unique."""
    streams: list[Stream] = []
    for text in paragraphs:
        found, rest = _streams_of(text, year)
        streams.extend(found)
        for sentence in rest:
            if streams and _SUBMIT_HINT_RE.search(fold_key(sentence)):
                read_submit(streams[-1], sentence, year)
    _unique_codes(streams)
    return streams


def _sentences(text: str) -> list[str]:
    """``text`` cut after each full stop followed by a capital letter."""
    out: list[str] = []
    for piece in re.split(r"(?<=\.)\s+", text):
        if out and not piece[:1].isupper():
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _streams_of(text: str, year: int) -> tuple[list[Stream], list[str]]:
    """The streams one paragraph describes, and its sentences after them (where the departments' deadline may be)."""
    out: list[Stream] = []
    for m in _PAREN_RE.finditer(text):
        if _DEADLINE_HINT_RE.search(fold_key(m.group(1))):
            name = _stream_name(text[: m.start()])
            unnamed = fold_key(name) in ("", "bao cao")
            stream = _stream("" if unnamed else name, re.split(r"\s*;\s*", m.group(1)), year)
            stream.named = not unnamed
            out.append(stream)
    if out:
        return out, _sentences(text[text.rfind(")") + 1:].strip(" .;"))
    sentences = _sentences(text)
    for i, sentence in enumerate(sentences):
        folded = fold_key(sentence)
        if "bao cao" not in folded or not _DEADLINE_HINT_RE.search(folded) or _SUBMIT_HINT_RE.search(folded):
            continue
        head, colon, tail = sentence.partition(":")
        if colon and _DEADLINE_HINT_RE.search(fold_key(tail)) and "bao cao" in fold_key(head):  # "…: báo cáo quý …; …"
            name = _stream_name(head)
            stream = _stream(name, re.split(r"\s*;\s*", tail), year)
            stream.named = fold_key(name) not in ("", "bao cao")
        else:
            stream = _stream("", [x for x in re.split(r"\s*;\s*", sentence) if "bao cao" in fold_key(x)], year)
            stream.named = False
        return [stream], sentences[i + 1:]
    return [], sentences


def read_submit(stream: Stream, sentence: str, year: int) -> None:
    """The departments' deadline: "chậm nhất 03 ngày trước thời hạn báo cáo" (the stream), or per report:
    "trước ngày 10 của tháng cuối quý đối với báo cáo quý, trước ngày 15/6/2025 đối với báo cáo 6 tháng"."""
    folded = fold_key(sentence).strip(" .")
    days = re.search(r"(\d{1,2}) ngay (?:lam viec )?truoc (?:thoi han|han|ngay)", folded)
    if days:
        stream.submit = {"days_before": int(days.group(1))}
        return
    for clause in re.split(r",\s*|\s+va\s+", folded):
        m = re.search(r"doi voi (?:cac )?bao cao\s+(.+)$", clause)
        deadline = _DEADLINE_RE.search(clause[: m.start()]) if m else None
        period = _period(m.group(1)) if m else None
        when = _when(deadline, period, year) if deadline and period else None
        if when is None:
            continue
        key = "submit_before" if deadline.group("bound") == "truoc ngay" else "submit_by"
        for entry in stream.reports:
            if _same_kind(entry["period"], period):
                entry[key] = when


def _same_kind(entry: str | list[str], period: str | list[str]) -> bool:
    kinds = {"Q" if k.startswith("Q") else k for k in (entry if isinstance(entry, list) else [entry])}
    wanted = {"Q" if k.startswith("Q") else k for k in (period if isinstance(period, list) else [period])}
    return kinds <= wanted


def _stream_name(before: str) -> str:
    piece = re.split(r"[;.:]\s+", before)[-1].strip(" ,;:")
    start = re.search(r"\bbáo cáo\b", piece, re.IGNORECASE)
    if start and start.start() > 0:
        piece = piece[start.start():]
    piece = re.sub(r"^(?:định kỳ|hằng (?:tháng|quý|năm)|thực hiện)\s+", "", piece, flags=re.IGNORECASE)
    piece = re.sub(r"\s+(?:theo quy định|định kỳ)$", "", piece, flags=re.IGNORECASE)
    piece = re.sub(r"\s+", " ", piece)
    return piece[:1].upper() + piece[1:]


def _stream(name: str, items: list[str], year: int) -> Stream:
    short = re.sub(r"^báo cáo\s+(?:kết quả\s+)?(?:triển khai\s+)?(?:thực hiện\s+)?(?:tăng cường\s+)?", "", name,
                   flags=re.IGNORECASE).strip()
    short = short[:1].upper() + short[1:] if short else name
    inner = re.search(r"\(([^()]+)\)\s*$", name)
    words = slug(inner.group(1) if inner else short).split("-")
    stream = Stream("-".join(words[-2:]) or "bao-cao", name, short)
    for item in items:
        item = item.strip(" .;,")
        if not item:
            continue
        entry = parse_report(item, year)
        if entry is None:
            stream.not_understood.append(item)
        else:
            stream.reports.append(entry)
    return stream


def _unique_codes(streams: list[Stream]) -> None:
    seen: set[str] = set()
    for s in streams:
        base, n = s.code, 2
        while s.code in seen:
            s.code, n = f"{base}-{n}", n + 1
        seen.add(s.code)


def parse_report(text: str, year: int) -> dict | None:
    """One report of a stream ("6 tháng trước ngày 26/5") as a report entry; None when not understood."""
    folded = fold_key(text).strip(" .;,")
    folded = folded[folded.rfind("bao cao"):] if "bao cao" in folded else folded  # "Các khoa báo cáo …"
    folded = _LEAD_WORDS_RE.sub("", folded)
    period = _period(re.sub(r"\s+(?:hang|moi) nam$", "", folded))
    if period is None:
        period = next((kind for phrase, kind in _RECURRING if phrase in folded), None)
    folded = re.sub(r"\s+(?:hang|moi) nam$", "", folded)
    if period == "adhoc":
        return {"period": "adhoc", "text": text}
    m = _DEADLINE_RE.search(folded)
    if period is None or m is None:
        return None
    bound = "due_before" if m.group("bound") == "truoc ngay" else "due_by"
    when = _when(m, period, year)
    if when is None:
        return None
    return {"period": period, bound: when, "text": text}


def _period(folded: str) -> str | list[str] | None:
    head = re.split(r"\s+(?:truoc|cham nhat|han chot|gui|ngay)\b", folded)[0]
    for pattern, kind in _PERIODS:
        m = pattern.match(head) if kind != "adhoc" else pattern.search(folded)
        if not m:
            continue
        if kind == "quarters":
            numbers = sorted({_ROMAN[q] for q in re.findall(r"iv|i{1,3}|[1-4]", m.group(1))})
            return f"Q{numbers[0]}" if len(numbers) == 1 else [f"Q{q}" for q in numbers]
        return kind  # type: ignore[return-value]
    return None


def _when(m: re.Match, period: str | list[str], year: int) -> dict | None:
    day = int(m.group("day"))
    if m.group("month"):
        month = int(m.group("month"))
        written = int(m.group("year")) if m.group("year") else None
        try:
            dt.date(written or 2024, month, day)
        except ValueError:
            return None
        if written is not None and written not in (year, year + 1):
            return None
        when: dict = {"month": month, "day": day}
        if written == year + 1 or m.group("next"):
            when["year"] = "next"
        return when
    rel = m.group("rel") or ""
    if not rel or not 1 <= day <= 31:
        return None
    if rel in ("thang sau", "thang tiep theo", "thang ke tiep", "thang dau quy sau"):
        return {"month": "next", "day": day}
    return {"month": "end", "day": day}
