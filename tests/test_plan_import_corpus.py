"""The plan-import corpus: seven plan documents written for the test, each imported and compared with its
hand-checked expected.json (tests/data/plans/<name>/, conventions in tests/data/plans/README.md).

The first tests check the corpus itself (it is consistent, every expected text is in its source, it
covers every phrasing of issue 13) and run today. The import tests need
``reportkit.plandoc.importer.import_plan``; until it exists they are skipped (pytest.importorskip).
Each import test collects every difference of one aspect and fails once, listing them all.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

CORPUS = Path(__file__).resolve().parent / "data" / "plans"
DOCUMENTS = sorted(p.parent.name for p in CORPUS.glob("*/expected.json"))
DUE_KINDS = {"date", "milestones", "continuous", "external", "unknown"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """NFC with every run of white space one space: how a text is compared across formats."""
    return re.sub(r"\s+", " ", nfc(text)).strip()


def fold(text: str) -> str:
    """``squash`` and case-folded: for headers written in capitals and phrases quoted in messages."""
    return squash(text).casefold()


def expected_of(name: str) -> dict:
    return json.loads((CORPUS / name / "expected.json").read_text(encoding="utf-8"))


# --- the text of a source, independent of the importer (for the corpus checks) ---------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"


def _docx_text(path: Path) -> str:
    root = ElementTree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p"))


def _ods_text(path: Path) -> str:
    root = ElementTree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    return "\n".join("".join(p.itertext()) for p in root.iter(_TEXT_P))


def _xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@functools.cache
def source_text(name: str) -> str:
    path = CORPUS / name / expected_of(name)["source"]
    read = {".docx": _docx_text, ".ods": _ods_text, ".xlsx": _xlsx_text, ".pdf": _pdf_text,
            ".txt": lambda p: p.read_text(encoding="utf-8")}[path.suffix]
    return squash(read(path))


# --- the corpus itself ----------------------------------------------------------------------------


def test_the_corpus_has_six_documents_in_six_formats_and_one_with_tracked_changes():
    suffixes = {Path(expected_of(n)["source"]).suffix for n in DOCUMENTS}
    assert len(DOCUMENTS) >= 6, DOCUMENTS
    assert {".docx", ".txt", ".pdf", ".xlsx", ".ods"} <= suffixes
    assert len({expected_of(n)["organisation"] for n in DOCUMENTS}) == len(DOCUMENTS)
    assert len({expected_of(n)["year"] for n in DOCUMENTS}) >= 2
    assert any("tracked changes" in expected_of(n)["document_findings"] for n in DOCUMENTS)


def test_the_tracked_changes_document_still_carries_its_changes():
    xml = zipfile.ZipFile(CORPUS / "preschool" / expected_of("preschool")["source"]).read("word/document.xml").decode()
    assert xml.count("<w:ins ") >= 4 and xml.count("<w:del ") >= 5 and "<w:delText" in xml
    accepted = source_text("preschool")  # insertions in, deletions out
    assert "- Thời gian: trước ngày 15/8/2026." in accepted and "tháng 8/2026" not in accepted
    assert "Bữa ăn dinh dưỡng" not in accepted and "4. Tổ chức vui Tết Trung thu" in accepted


@pytest.mark.parametrize("name", DOCUMENTS)
def test_expected_results_are_consistent(name):
    exp = expected_of(name)
    units = {u["name"] for u in exp["units"]}
    problems = []
    for t in exp["tasks"]:
        where = f"{name} {t['code']}"
        problems += [f"{where}: {n!r} is not in units" for n in t["lead"] + t["support"] if n not in units]
        problems += [f"{where}: no lead"] if not t["lead"] else []
        kind, dates = t["due"]["kind"], t["due"]["dates"]
        if kind not in DUE_KINDS:
            problems.append(f"{where}: due kind {kind!r}")
        if kind in ("continuous", "external", "unknown") and dates:
            problems.append(f"{where}: {kind} with dates")
        if (kind == "date") != (len(dates) == 1) or (kind == "milestones" and len(dates) < 2):
            problems.append(f"{where}: {kind} with {len(dates)} dates")
        if dates != sorted(set(dates)) or any(dt.date.fromisoformat(d).year not in (exp["year"], exp["year"] + 1)
                                               for d in dates):
            problems.append(f"{where}: dates {dates}")
    flagged = {f["task_code"] for f in exp["expected_findings"]}
    unknown = {t["code"] for t in exp["tasks"] if t["due"]["kind"] == "unknown"}
    if flagged != unknown:
        problems.append(f"{name}: unknown dues {sorted(unknown)} but findings on {sorted(flagged)}")
    if nfc(json.dumps(exp, ensure_ascii=False)) != json.dumps(exp, ensure_ascii=False):
        problems.append(f"{name}: expected.json is not NFC")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_expected_text_is_written_in_its_source(name):
    exp, text = expected_of(name), source_text(name)
    phrases = [("organisation", exp["organisation"])]
    phrases += [(f"unit {u['name']}", u["name"]) for u in exp["units"]]
    phrases += [(f"alias {a}", a) for u in exp["units"] for a in u["aliases"]]
    for t in exp["tasks"]:
        phrases += [(f"{t['code']} text", t["text"]), (f"{t['code']} time frame", t["time_frame"])]
    phrases += [(f"report {r['period']} rule", r["rule"]) for r in exp["reports"]]
    phrases += [(f"finding {f['task_code']}", f["phrase"]) for f in exp["expected_findings"]]
    missing = [f"{what}: {phrase!r}" for what, phrase in phrases if fold(phrase) not in fold(text)]
    assert not missing, f"{name}: not in {exp['source']}:\n" + "\n".join(missing)


# Every phrasing issue 13 lists, as a pattern on the folded time frames / report rules of the corpus.
TIME_FRAME_PHRASINGS = {
    "month with its year": r"^tháng \d+/\d{4}$|^tháng \d+ năm \d{4}$",
    "quarter with a slash": r"^quý [ivx]+/\d{4}$",
    "quarter with năm": r"^quý [ivx]+ năm \d{4}$",
    "first 6 months": r"^6 tháng đầu năm",
    "first 9 months": r"^9 tháng đầu năm",
    "second half": r"^6 tháng cuối năm",
    "range of months từ … đến": r"^từ tháng \d+ đến tháng \d+",
    "range of months with a dash": r"^tháng \d+ - tháng \d+",
    "range of quarters từ … đến": r"^từ quý [ivx]+ đến quý [ivx]+",
    "range of quarters with a dash": r"^quý [ivx]+ - quý [ivx]+",
    "list of months": r"^tháng \d+(, \d+)*,? (và )?(tháng )?\d+",
    "list of quarters": r"^quý [ivx]+(, | và quý )[ivx]+$",
    "trong năm": r"^trong năm",
    "thường xuyên": r"^thường xuyên",
    "hằng tháng": r"^hằng tháng$",
    "hằng quý": r"^hằng quý$",
    "định kỳ 6 tháng": r"^định kỳ 6 tháng$",
    "trước ngày + date": r"^trước ngày \d+/\d+/\d{4}$",
    "chậm nhất ngày + date": r"^chậm nhất ngày \d+/\d+/\d{4}$",
    "trước + date": r"^trước \d+/\d+/\d{4}$",
    "theo kế hoạch của cấp trên": r"^theo kế hoạch của cấp trên$",
    "theo quy định": r"^theo quy định$",
    "đầu năm học": r"đầu năm học",
    "dịp Tết Nguyên đán": r"dịp tết nguyên đán",
}
REPORT_PHRASINGS = {
    "a day of the quarter's last month": r"ngày \d+ của tháng cuối quý",
    "a day of the next month": r"ngày \d+ của tháng sau",
    "inclusive chậm nhất": r"^chậm nhất",
    "exclusive trước ngày": r"^trước ngày",
    "ad-hoc": r"^khi có yêu cầu$",
}


def test_the_corpus_covers_every_phrasing_of_the_issue():
    frames = [fold(t["time_frame"]) for n in DOCUMENTS for t in expected_of(n)["tasks"]]
    rules = [fold(r["rule"]) for n in DOCUMENTS for r in expected_of(n)["reports"]]
    missing = [k for k, rx in TIME_FRAME_PHRASINGS.items() if not any(re.search(rx, f) for f in frames)]
    missing += [k for k, rx in REPORT_PHRASINGS.items() if not any(re.search(rx, r) for r in rules)]
    reports = [(n, r) for n in DOCUMENTS for r in expected_of(n)["reports"]]
    if not any(r["due_before"] and r["period"] == str(expected_of(n)["year"])
               and r["due_before"].startswith(str(expected_of(n)["year"] + 1)) for n, r in reports):
        missing.append("a year report due in January of the next year")
    if not any(r.get("submit_last_day") for _, r in reports):
        missing.append("the departments' own deadline")
    if not any(re.fullmatch(r"\d{4}-Q[1-4]", r["period"]) for _, r in reports):
        missing.append("a subset of quarters")
    tasks = [t for n in DOCUMENTS for t in expected_of(n)["tasks"]]
    if not any(len(t["lead"]) > 1 for t in tasks):
        missing.append("several lead units")
    if not any("," in u["name"] for n in DOCUMENTS for u in expected_of(n)["units"]):
        missing.append("a unit whose name contains a comma")
    if not any(u["aliases"] for n in DOCUMENTS for u in expected_of(n)["units"]):
        missing.append("an abbreviation defined in the text")
    if sum(len(expected_of(n)["expected_findings"]) for n in DOCUMENTS) < 2:
        missing.append("two ambiguous spots")
    assert not missing, "the corpus lacks: " + "; ".join(missing)


# --- importing each document ----------------------------------------------------------------------


@functools.cache
def _import(name: str):
    importer = pytest.importorskip("reportkit.plandoc.importer")
    exp = expected_of(name)
    return importer.import_plan(CORPUS / name / exp["source"])


@pytest.fixture(params=DOCUMENTS)
def imported(request):
    """(name, expected, ImportResult) for one corpus document; skipped until the importer exists."""
    name = request.param
    return name, expected_of(name), _import(name)


def _unit_names(plan: dict) -> dict[str, str]:
    return {u["code"]: u["name"] for u in plan.get("units", [])}


def _fail_on(problems: list[str], name: str, aspect: str) -> None:
    assert not problems, f"{name}: {aspect}: {len(problems)} difference(s)\n  " + "\n  ".join(problems)


def test_import_reads_the_organisation_and_year(imported):
    name, exp, result = imported
    plan, problems = result.plan_dict, []
    if fold(plan.get("organisation") or "") != fold(exp["organisation"]):
        problems.append(f"organisation: got {plan.get('organisation')!r}, expected {exp['organisation']!r}")
    if plan.get("year") != exp["year"]:
        problems.append(f"year: got {plan.get('year')!r}, expected {exp['year']}")
    _fail_on(problems, name, "header")


def test_import_finds_every_unit_with_its_abbreviations(imported):
    name, exp, result = imported
    got = {squash(u["name"]): [fold(a) for a in u.get("aliases", [])] for u in result.plan_dict.get("units", [])}
    want = {squash(u["name"]): u["aliases"] for u in exp["units"]}
    problems = [f"missing unit {n!r}" for n in want if n not in got]
    problems += [f"unexpected unit {n!r} (a collective reference, an abbreviation or half a name?)"
                 for n in got if n not in want]
    problems += [f"unit {n!r}: alias {a!r} missing (got {got[n]})"
                 for n, aliases in want.items() if n in got for a in aliases if fold(a) not in got[n]]
    _fail_on(problems, name, "units")


def test_import_finds_every_task_by_the_documents_numbering(imported):
    name, exp, result = imported
    got = [t["code"] for t in result.plan_dict.get("tasks", [])]
    want = [t["code"] for t in exp["tasks"]]
    problems = [f"missing task {c}" for c in want if c not in got]
    problems += [f"unexpected task {c}" for c in got if c not in want]
    problems += [f"task {c} twice" for c in sorted(set(got)) if got.count(c) > 1]
    if not problems and got != want:
        problems.append(f"order: got {got}, expected {want}")
    _fail_on(problems, name, "task codes")


def _pairs(exp: dict, result) -> list[tuple[dict, dict]]:
    got = {t["code"]: t for t in result.plan_dict.get("tasks", [])}
    return [(t, got[t["code"]]) for t in exp["tasks"] if t["code"] in got]


def test_import_keeps_each_task_text_verbatim(imported):
    name, exp, result = imported
    problems = []
    for want, got in _pairs(exp, result):
        text = got.get("text") or ""
        if text != nfc(text):
            problems.append(f"{want['code']}: text is not NFC")
        if squash(text) != squash(want["text"]):
            problems.append(f"{want['code']}: text\n    got      {squash(text)!r}\n    expected {want['text']!r}")
    _fail_on(problems, name, "task texts")


def test_import_splits_lead_and_supporting_units(imported):
    name, exp, result = imported
    names, problems = _unit_names(result.plan_dict), []
    for want, got in _pairs(exp, result):
        for role in ("lead", "support"):
            have = sorted(names.get(c, f"<unknown code {c}>") for c in got.get(role, []))
            if have != sorted(want[role]):
                problems.append(f"{want['code']} {role}: got {have}, expected {sorted(want[role])}")
    _fail_on(problems, name, "lead and supporting units")


def test_import_keeps_the_time_frame_and_parses_its_due(imported):
    name, exp, result = imported
    problems = []
    for want, got in _pairs(exp, result):
        code = want["code"]
        if squash(got.get("time_frame") or "") != squash(want["time_frame"]):
            problems.append(f"{code}: time_frame got {got.get('time_frame')!r}, expected {want['time_frame']!r}")
        due = got.get("due") or {}
        if due.get("kind") != want["due"]["kind"]:
            problems.append(f"{code} ({want['time_frame']!r}): due kind got {due.get('kind')!r}, "
                            f"expected {want['due']['kind']!r}")
        if list(due.get("dates") or []) != want["due"]["dates"]:
            problems.append(f"{code} ({want['time_frame']!r}): dates got {due.get('dates')}, "
                            f"expected {want['due']['dates']}")
    _fail_on(problems, name, "time frames and dues")


def test_import_flags_every_ambiguous_time_frame_and_document_problem(imported):
    name, exp, result = imported
    problems = []
    general = [g for g in result.findings if not g.task_code]
    if len(general) < len(exp["document_findings"]):
        problems.append(f"expected findings on the document ({', '.join(exp['document_findings'])}), "
                        f"got {[g.message for g in general]}")
    for f in exp["expected_findings"]:
        on_task = [g for g in result.findings if g.task_code == f["task_code"]]
        if not any(fold(f["phrase"]) in fold(g.message) for g in on_task):
            problems.append(f"{f['task_code']}: no finding quoting {f['phrase']!r} "
                            f"(findings on it: {[g.message for g in on_task]})")
    _fail_on(problems, name, "findings")


def test_import_builds_the_report_calendar(imported):
    name, exp, result = imported
    got = {(r["period"], r.get("due_before")): r for r in result.plan_dict.get("reports", [])}
    want = {(r["period"], r["due_before"]): r for r in exp["reports"]}
    problems = [f"missing report {k} ({want[k]['rule']!r})" for k in want if k not in got]
    problems += [f"unexpected report {k} ({got[k].get('rule')!r})" for k in got if k not in want]
    for key in want.keys() & got.keys():
        w, g = want[key], got[key]
        if fold(w["rule"]) not in fold(g.get("rule") or ""):
            problems.append(f"report {key}: rule {g.get('rule')!r} does not contain {w['rule']!r}")
        if "submit_last_day" in g and w.get("submit_last_day") and g["submit_last_day"] != w["submit_last_day"]:
            problems.append(f"report {key}: departments' last day {g['submit_last_day']}, "
                            f"expected {w['submit_last_day']}")
    streams: dict[str, set] = {}
    for key, w in want.items():
        if key in got:
            streams.setdefault(w["stream"], set()).add(got[key].get("stream"))
    problems += [f"the reports of {s!r} are split over streams {sorted(map(str, g))}"
                 for s, g in streams.items() if len(g) > 1]
    if len({next(iter(g)) for g in streams.values() if len(g) == 1}) < len(streams):
        problems.append("two streams of the document were merged into one")
    _fail_on(problems, name, "reports")
