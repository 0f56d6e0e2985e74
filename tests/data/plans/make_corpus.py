"""Write the plan-import corpus: each document's source file and its expected.json.

    .venv/bin/python tests/data/plans/make_corpus.py [name ...]

The content and the hand-checked truth of each document are in
corpus_src/<name>.py (text as written next to what it means); this script only
renders them (python-docx, openpyxl, soffice for the PDF and the ODS) and writes
expected.json beside the source. Outputs are committed; re-running gives the
same files: the timestamps inside them are set to FIXED_STAMP (fix_timestamps).
"""

from __future__ import annotations

import importlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FIXED_STAMP = "2025-01-01T00:00:00Z"
_ZIP_DATES = re.compile(rb"(<(?:dcterms:created|dcterms:modified|meta:creation-date|dc:date)[^>]*>)[^<]*")
_PDF_DATES = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)")


def fix_timestamps(path: Path) -> None:
    """Make a generated file byte-stable: fixed dates in zip entries, core/meta properties and PDF info."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        path.write_bytes(_PDF_DATES.sub(rb"/\1 (D:20250101000000Z)", data))
        return
    if path.suffix not in (".docx", ".xlsx", ".ods"):
        return
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():  # same order: an .ods keeps its stored mimetype first
            content = src.read(info.filename)
            if info.filename in ("docProps/core.xml", "meta.xml"):
                content = _ZIP_DATES.sub(rb"\g<1>" + FIXED_STAMP.encode(), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            dst.writestr(fixed, content)
    path.write_bytes(out.getvalue())


DOCUMENTS = ("school", "hospital", "commune", "sodept", "centre", "faculty", "preschool")


def build(name: str) -> Path:
    """Render one document and its expected.json into tests/data/plans/<name>/."""
    module = importlib.import_module(f"corpus_src.{name}")
    doc = module.DOC
    doc.check()
    folder = HERE / doc.name
    folder.mkdir(exist_ok=True)
    module.render(folder / doc.source)
    fix_timestamps(folder / doc.source)
    expected = json.dumps(doc.expected(), ensure_ascii=False, indent=2) + "\n"
    (folder / "expected.json").write_text(expected, encoding="utf-8")
    return folder / doc.source


def main(argv: list[str]) -> None:
    """Build the documents named in ``argv`` (default: all)."""
    for name in argv or DOCUMENTS:
        print(build(name).relative_to(HERE))


if __name__ == "__main__":
    main(sys.argv[1:])
