"""Rebuild the fixtures written by LibreOffice Calc in an English (US) locale (run from the project root).

    python tests/data/workbooks/make_libreoffice.py

In an office suite set to English (US), "10/06/2024" typed in a cell is stored
as 6 October. These files are made the way departments make them, by a real
LibreOffice (``soffice --headless``, a private profile whose locale is en-US):

* a CSV converted with the en-US import filter (``CSV:44,34,76,1,,1033``);
* the reportkit template, filled through a Basic macro that types into the cells
  as a user does (``.uno:GoToCell`` + ``.uno:EnterString``).

Their names carry ``__lo_`` so that ``make_workbooks.py`` leaves them alone.
``tests/test_intake_dates.py`` reads the committed files (fast) and, marked
slow, makes them again with ``make_all`` and checks that they read the same.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from reportkit.intake.template import (  # noqa: E402
    DATE_ROW,
    VALUE_COLUMN,
    build_template,
    column_of,
    save_workbook,
)
from reportkit.plan.load import load_plan  # noqa: E402

PERIOD = "2024-Q2"
CSV_NAME = "bad_report_date_swapped__lo_en_us_csv__hcth_2024-06-10"
CSV_TEXT = """TRUNG TÂM DỊCH VỤ VIỆC LÀM
BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ
Đơn vị:,Phòng Hành chính – Tổng hợp
Kỳ báo cáo:,Quý II năm 2024 (2024-Q2)
Ngày báo cáo:,10/06/2024

Mã nhiệm vụ,Nội dung nhiệm vụ,Tình trạng,Tiến độ (%),Ngày hoàn thành,Kết quả thực hiện
III.1,Tổ chức quán triệt,Đang thực hiện,50,,Tuyên truyền tại 2 cuộc họp.
III.2,Tổ chức Hội nghị viên chức,Đã hoàn thành,100,26/01/2024,Đã tổ chức Hội nghị.
III.3,Tổ chức Hội nghị cán bộ,Đã hoàn thành,100,05/04/2024,Đã tổ chức Hội nghị.
"""
# file name → (report date typed in B9, [(progress, completion date) typed on the first task rows])
TYPED = {
    # 10 June typed day-first: stored as 6 October; 5 April stored as 4 May.
    "bad_report_date_swapped__lo_en_us_template.xlsx": ("10/06/2024", [("100", "05/04/2024"), ("50", "")]),
    # The report date typed ISO (right); 12 June typed day-first is stored as 6 December, after the report date.
    "bad_completed_date_swapped__lo_en_us_template.xlsx": ("2024-06-25", [("100", "12/06/2024"),
                                                                           ("100", "2024-04-05")]),
    # Typed year-month-day as the template's input help says: right in any locale.
    "ok_template_iso_dates__lo_en_us.xlsx": ("2024-06-10", [("100", "2024-04-05"), ("50", "")]),
}
_LOCALE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
"""
# Types "cell=text" pairs into sheet 1 as a user would, then saves as .xlsx. Jobs: in|out|A1=x;B2=y, joined by "^".
_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub TypeInto(sJobs As String)
  Dim aOpen(0) As New com.sun.star.beans.PropertyValue
  Dim aGo(0) As New com.sun.star.beans.PropertyValue
  Dim aText(0) As New com.sun.star.beans.PropertyValue
  Dim aSave(0) As New com.sun.star.beans.PropertyValue
  aOpen(0).Name = &quot;Hidden&quot;
  aOpen(0).Value = True
  aGo(0).Name = &quot;ToPoint&quot;
  aText(0).Name = &quot;StringName&quot;
  aSave(0).Name = &quot;FilterName&quot;
  aSave(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  oDisp = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  aJobs = Split(sJobs, &quot;^&quot;)
  For j = LBound(aJobs) To UBound(aJobs)
    aJob = Split(aJobs(j), &quot;|&quot;)
    oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(aJob(0)), &quot;_blank&quot;, 0, aOpen())
    oFrame = oDoc.getCurrentController().getFrame()
    aPairs = Split(aJob(2), &quot;;&quot;)
    For i = LBound(aPairs) To UBound(aPairs)
      aKV = Split(aPairs(i), &quot;=&quot;)
      aGo(0).Value = aKV(0)
      oDisp.executeDispatch(oFrame, &quot;.uno:GoToCell&quot;, &quot;&quot;, 0, aGo())
      aText(0).Value = aKV(1)
      oDisp.executeDispatch(oFrame, &quot;.uno:EnterString&quot;, &quot;&quot;, 0, aText())
    Next i
    oDoc.storeToURL(ConvertToURL(aJob(1)), aSave())
    oDoc.close(True)
  Next j
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str) -> None:
    cmd = ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", *args]
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
    subprocess.run(cmd, check=True, timeout=180, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _typed_cells(ws, report_date: str, entries: list[tuple[str, str]]) -> str:
    """The macro's "cell=text" list: the report date, then progress and completion date on the first task rows."""
    pairs = [f"{VALUE_COLUMN}{DATE_ROW}={report_date}"]
    task_rows = [r for r in range(1, ws.max_row + 1)
                 if ws[f"{column_of('status')}{r}"].protection.locked is False]
    for row, (progress, completed) in zip(task_rows, entries):
        pairs.append(f"{column_of('progress')}{row}={progress}")
        if completed:
            pairs.append(f"{column_of('completed_on')}{row}={completed}")
    return ";".join(pairs)


def make_all(outdir: Path) -> list[Path]:
    """Write every LibreOffice-made fixture into ``outdir``; return their paths."""
    plan = load_plan(ROOT / "data" / "plan" / "ttdvvl-2024.yaml")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_LOCALE_XCU, encoding="utf-8")
        csv = work / f"{CSV_NAME}.csv"
        csv.write_text(CSV_TEXT, encoding="utf-8")
        _soffice(profile, "--infilter=CSV:44,34,76,1,,1033", "--convert-to", "xlsx", "--outdir", str(outdir), str(csv))
        basic = profile / "user" / "basic" / "Standard"
        basic.mkdir(parents=True, exist_ok=True)  # made by the first run
        (basic / "Module1.xba").write_text(_MACRO, encoding="utf-8")
        jobs = []
        for name, (report_date, entries) in TYPED.items():
            wb = build_template(plan, "hcth", PERIOD)
            blank = save_workbook(wb, work / f"blank-{name}", created=dt.datetime(2024, 4, 1, 8, 0))
            jobs.append(f"{blank}|{outdir / name}|{_typed_cells(wb.worksheets[0], report_date, entries)}")
        _soffice(profile, f'macro:///Standard.Module1.TypeInto("{"^".join(jobs)}")')
    return [outdir / f"{CSV_NAME}.xlsx", *(outdir / name for name in TYPED)]


def main() -> int:
    if shutil.which("soffice") is None:
        print("soffice (LibreOffice) is not installed", file=sys.stderr)
        return 1
    for path in make_all(HERE):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
