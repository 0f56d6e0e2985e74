"""A roll-up that fails (kernel, notebook, an export) leaves the previous good roll-up in place and says why beside it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from reportkit.errors import NotebookError
from reportkit.jobs.rollup import run_rollup

from .rollup_fixtures import write_three_orgs

PUBLISHED = ("2024-Q1", "dan-chu")


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _previous_rollup(root: Path) -> Path:
    """A published roll-up as an earlier run left it (manifest with its build time)."""
    folder = root.joinpath(*PUBLISHED)
    folder.mkdir(parents=True)
    (folder / "report.html").write_text("<html>báo cáo tổng hợp trước</html>", encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"kind": "rollup", "finished_at": "2024-04-02T08:15:00+07:00"}),
                                          encoding="utf-8")
    return folder


def test_a_roll_up_whose_kernel_cannot_start_keeps_the_previous_one_and_says_how_to_fix_it(tmp_path):
    config = write_three_orgs(tmp_path)
    previous = _previous_rollup(tmp_path / "rollup")
    before = _fingerprint(previous)
    with pytest.raises(NotebookError) as err:
        run_rollup(config, *PUBLISHED, source=tmp_path / "outputs", output=tmp_path / "rollup",
                   formats="html", kernel_name="khong-co-kernel-nay")
    assert _fingerprint(previous) == before
    page = previous.with_name("dan-chu.failed") / "failed.html"
    assert Path(err.value.location.path) == page and "Khởi động kernel" in str(err.value)
    text = page.read_text(encoding="utf-8")
    assert "BÁO CÁO TỔNG HỢP CHƯA HOÀN CHỈNH" in text and "Bước bị lỗi:</b> Khởi động kernel" in text
    assert "Cách sửa:</b> Đăng ký kernel reportkit" in text and "make setup" in text
    words = re.sub(r"<[^>]+>", "", text)
    assert "lập lúc 08:15 ngày 02/04/2024" in words and "vẫn được giữ nguyên" in words
    info = json.loads((page.parent / "failure.json").read_text(encoding="utf-8"))
    assert info["step"] == "Khởi động kernel" and info["fix"].startswith("Đăng ký kernel")
    assert not [p for p in previous.parent.iterdir() if p.name.endswith(".tmp")]  # no staging folder left


def test_a_failed_first_roll_up_says_there_is_no_complete_one_yet(tmp_path):
    config = write_three_orgs(tmp_path)
    with pytest.raises(NotebookError):
        run_rollup(config, *PUBLISHED, source=tmp_path / "outputs", output=tmp_path / "rollup",
                   formats="html", kernel_name="khong-co-kernel-nay")
    assert not tmp_path.joinpath("rollup", *PUBLISHED).exists()
    text = tmp_path.joinpath("rollup", "2024-Q1", "dan-chu.failed", "failed.html").read_text(encoding="utf-8")
    assert "Chưa có báo cáo tổng hợp hoàn chỉnh nào của kỳ này" in text


@pytest.mark.slow
def test_a_roll_up_that_fails_in_the_notebook_or_an_export_keeps_the_previous_one(tmp_path, monkeypatch):
    from reportkit.errors import ExportError
    from reportkit.jobs import export, rollup

    config = write_three_orgs(tmp_path)
    args = {"source": tmp_path / "outputs", "output": tmp_path / "rollup", "formats": "html,docx"}
    good = run_rollup(config, *PUBLISHED, **args).folder
    before = _fingerprint(good)
    first_built = json.loads((good / "manifest.json").read_text(encoding="utf-8"))["first_built_at"]
    failed = good.with_name("dan-chu.failed")

    def broken_tables(data, folder):  # the organisations' table is damaged after collect
        files = real_tables(data, folder)
        (folder / "orgs.parquet").write_bytes(b"not a parquet file")
        return files

    real_tables = rollup.write_notebook_tables
    monkeypatch.setattr(rollup, "write_notebook_tables", broken_tables)
    with pytest.raises(NotebookError, match="Chạy notebook tổng hợp"):
        run_rollup(config, *PUBLISHED, **args)
    assert _fingerprint(good) == before
    text = (failed / "failed.html").read_text(encoding="utf-8")
    assert "Bước bị lỗi:</b> Chạy notebook tổng hợp" in text and "Cách sửa:</b> Mở report.ipynb" in text
    assert (failed / "report.ipynb").is_file()  # with papermill's error in the cell that failed
    monkeypatch.setattr(rollup, "write_notebook_tables", real_tables)

    def docx_fails(*_args, **_kwargs):
        raise ExportError("hết bộ nhớ khi ghi bảng")

    monkeypatch.setattr(export, "export_docx", docx_fails)
    with pytest.raises(NotebookError, match="Word"):
        run_rollup(config, *PUBLISHED, **args)
    assert _fingerprint(good) == before
    text = (failed / "failed.html").read_text(encoding="utf-8")
    assert "Xuất bản Word (DOCX)" in text and "hết bộ nhớ khi ghi bảng" in text and "--formats html,pdf" in text
    monkeypatch.undo()
    run_rollup(config, "2024-Q1", None, **args)  # the one stream the organisations reported
    assert not failed.exists()  # a good roll-up clears the failure page
    rebuilt = json.loads((good / "manifest.json").read_text(encoding="utf-8"))
    assert rebuilt["first_built_at"] == first_built  # a rebuilt roll-up stays on time for the level above
