"""Write the plan-import corpus: each document's source file and its expected.json.

    .venv/bin/python tests/data/plans/make_corpus.py [name ...]

The content and the hand-checked truth of each document are in
corpus_src/<name>.py (text as written next to what it means); this script only
renders them (python-docx, openpyxl, soffice for the PDF and the ODS) and writes
expected.json beside the source. Outputs are committed; re-running gives the
same expected.json (the docx/pdf/xlsx bytes may differ by their timestamps).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DOCUMENTS = ("school", "hospital", "commune", "sodept", "centre", "faculty", "preschool")


def build(name: str) -> Path:
    """Render one document and its expected.json into tests/data/plans/<name>/."""
    module = importlib.import_module(f"corpus_src.{name}")
    doc = module.DOC
    doc.check()
    folder = HERE / doc.name
    folder.mkdir(exist_ok=True)
    module.render(folder / doc.source)
    expected = json.dumps(doc.expected(), ensure_ascii=False, indent=2) + "\n"
    (folder / "expected.json").write_text(expected, encoding="utf-8")
    return folder / doc.source


def main(argv: list[str]) -> None:
    """Build the documents named in ``argv`` (default: all)."""
    for name in argv or DOCUMENTS:
        print(build(name).relative_to(HERE))


if __name__ == "__main__":
    main(sys.argv[1:])
