"""Paths reportkit makes up itself: safe file names, and folders that stay inside the outputs folder.

reportkit names files and folders from plan codes and unit codes (report
folders, template files). ``safe_filename`` turns any text into one file-name
component (no separators, no ``..``, no control or bidi characters, NFC, at
most 120 characters). ``check_inside`` refuses a path that would leave the
outputs folder: through ``..``, an absolute part, or a symbolic link planted
anywhere below the outputs folder (the folder itself may be a link, that is
the user's choice).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from reportkit.errors import OutputError
from reportkit.messages import t

SAFE_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")  # plan codes that name folders (report streams)
_UNSAFE_CHARS_RE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e'
                              r"\u2060-\u2069\ufeff]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_NAME_CHARS = 120


def safe_filename(text: str, fallback: str = "_") -> str:
    """``text`` as one safe file-name component: "../hcth" → "hcth", "a/b" → "a_b", "" → ``fallback``.

    Separators, control, bidi and zero-width characters and the characters
    Windows forbids become "_"; leading dots and spaces go (no hidden files,
    no "..");  Windows device names get a "_" prefix; NFC, at most 120
    characters. Vietnamese letters are kept.
    """
    name = _UNSAFE_CHARS_RE.sub("_", unicodedata.normalize("NFC", str(text)))
    name = re.sub(r"\s+", " ", name).lstrip(" ._").rstrip(" .")
    if not name:
        return fallback
    if name.split(".")[0].lower() in _RESERVED:
        name = "_" + name
    return name[:MAX_NAME_CHARS].rstrip(" .") or fallback


def check_inside(root: Path | str, target: Path | str) -> Path:
    """``target`` if it stays inside ``root`` with no symbolic link on the way below ``root``; else OutputError.

    Checks the path as written (no "..", no absolute part after ``root``) and
    every component that already exists (none may be a symbolic link), so a
    link planted in the outputs folder cannot send a write elsewhere.
    """
    root, target = Path(root), Path(target)
    try:
        relative = target.relative_to(root)
    except ValueError:
        raise OutputError(t("output.outside"), path=target, hint=t("output.outside.fix", root=root)) from None
    if any(part in ("..", "") or os.sep in part for part in relative.parts) or relative.is_absolute():
        raise OutputError(t("output.outside"), path=target, hint=t("output.outside.fix", root=root))
    here = root
    for part in relative.parts:
        here = here / part
        if here.is_symlink():
            raise OutputError(t("output.symlink", path=here, target=os.readlink(here)), path=here,
                              hint=t("output.symlink.fix"))
    return target
