"""Organisation report folders for roll-up tests: manifest.json (counts, sha256) + status.parquet, as a run writes them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from reportkit.status.words import DEADLINE_STATUSES

SUPERIOR = ("superior: {name: Sở Lao động - Thương binh và Xã hội tỉnh Sơn La, parent: UBND tỉnh Sơn La, "
            "symbol: BC-SLĐTBXH, place: Sơn La, signer_title: Giám đốc, signer_name: Nguyễn Văn An, "
            "recipients: [Bộ Lao động - Thương binh và Xã hội, Lưu VT]}\n")
HOSTILE_NAME = 'Trung tâm <script>alert(1)</script> & <b>Dịch vụ</b> "việc làm"'


def write_org_report(root: Path, code: str, counts: list[int], built: str, *, period: str = "2024-Q1",
                     stream: str = "dan-chu", plan_code: str = "ttdvvl-2024") -> Path:
    """``<root>/<code>/<period>/<stream>/`` with status.parquet (one row per counted task), report.html, manifest."""
    folder = root / code / period / stream
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for status, n in zip(DEADLINE_STATUSES, counts):
        for _ in range(n):
            k = len(rows) + 1
            rows.append({"task_code": f"I.{k}", "task_text": f"Nhiệm vụ <i>{k}</i>", "status": status,
                         "days_late": 3 if status.endswith("quá hạn") else 0})
    pd.DataFrame(rows).to_parquet(folder / "status.parquet", index=False)
    (folder / "report.html").write_text("<html><body>báo cáo</body></html>", encoding="utf-8")
    sha = {n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in ("status.parquet", "report.html")}
    manifest = {"period": period, "stream": stream, "report": f"Báo cáo công tác dân chủ – {period}",
                "due_before": "2024-03-20", "first_built_at": built, "plan_code": plan_code,
                "counts": dict(zip(DEADLINE_STATUSES, counts)), "files": {"html": "report.html"}, "sha256": sha}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return folder


def write_three_orgs(tmp: Path) -> Path:
    """On time (hostile name), late, never reported, tampered; returns the config path."""
    out = tmp / "outputs"
    write_org_report(out, "dung-han", [3, 1, 2, 1, 0], "2024-03-15T10:00:00+07:00")
    write_org_report(out, "muon", [1, 2, 0, 3, 1], "2024-03-25T10:00:00+07:00")
    tampered = write_org_report(out, "sua-tep", [1, 1, 1, 1, 1], "2024-03-15T10:00:00+07:00")
    (tampered / "report.html").write_text("<html>đã sửa</html>", encoding="utf-8")
    config = tmp / "orgs.yaml"
    config.write_text(SUPERIOR + "organisations:\n"
                      f"  - {{code: dung-han, name: '{HOSTILE_NAME}', group: Huyện Mai Sơn}}\n"
                      "  - {code: muon, name: Trung tâm Muộn, group: Huyện Mộc Châu}\n"
                      "  - {code: chua-bao-cao, name: Trung tâm Chưa báo cáo}\n"
                      "  - {code: sua-tep, name: Trung tâm Sửa tệp}\n", encoding="utf-8")
    return config
