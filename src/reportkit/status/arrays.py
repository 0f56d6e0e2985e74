"""Small array helpers of the status engine: takes with a fill value, string arrays, per-row notes."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

NAT = np.datetime64("NaT", "s")


def take(values: np.ndarray, pos: np.ndarray, fill: Any) -> np.ndarray:
    """``values[pos]`` (a numpy array) with ``fill`` where pos is -1."""
    missing = pos < 0
    if not len(values):
        return np.full(len(pos), fill, dtype=values.dtype)
    if not missing.any():
        return values[pos]
    out = values[np.where(missing, 0, pos)]
    out[missing] = fill
    return out


# The status table's texts: pandas' "str" dtype stored as Python strings. Most columns repeat a few
# values (a task's text on every unit's line): an array of references to those few strings costs
# 8 bytes a row, where arrow storage copies every value into every row (about 20 bytes a row).
STR = pd.StringDtype("python", na_value=np.nan)


def _all_texts(values: np.ndarray) -> bool:
    return pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty")  # one C pass, no mask


def has_text(values: np.ndarray) -> np.ndarray:
    """Which values are a non-empty text (not "", None or NaN)."""
    out = values != ""
    if not _all_texts(values):
        out &= pd.notna(values)
    return out


def text_array(values: np.ndarray, fill: str = "") -> Any:
    """An object array of texts as a "str" array, in place (no copy); None/NaN become ``fill``."""
    if not _all_texts(values):
        missing = pd.isna(values)
        if missing.any():
            values[missing] = fill
    return pd.arrays.StringArray(values, dtype=STR)


def take_text(values: Any, pos: np.ndarray, fill: str = "") -> Any:
    """Texts taken at ``pos`` (-1 → ``fill``) as a "str" array.

    A few values (a plan's texts) are checked once and the take copies
    references only; as many values as rows (the workbooks' texts) are taken
    first, then checked.
    """
    values = np.asarray(values, dtype=object)
    if len(values) * 8 < len(pos):
        vocabulary = text_array(np.append(values, fill))
        return vocabulary.take(np.where(pos >= 0, pos, len(vocabulary) - 1))
    return text_array(take(values, pos, fill) if len(values) else np.full(len(pos), fill, dtype=object), fill)


def days_between(a: np.ndarray, b: np.ndarray | np.datetime64) -> np.ndarray:
    return ((a - b) // np.timedelta64(1, "D")).astype(np.int64)


class Notes:
    """Per-row explanation texts, built only on the rows each note concerns.

    ``add(mask, *pieces)``: a piece is literal text, a datetime64 array (shown
    dd/mm/yyyy), an array of values (shown as text) indexed like the frame, or a
    function of the mask returning the values of the masked rows.
    """

    def __init__(self, n: int) -> None:
        self.text = np.full(n, "", dtype=object)
        self.has = np.zeros(n, dtype=bool)

    def add(self, mask: np.ndarray, *pieces: Any) -> None:
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        if all(isinstance(p, str) for p in pieces):
            text: Any = "".join(pieces)
        else:
            series = pd.Series("", index=np.flatnonzero(mask), dtype=object)
            for piece in pieces:
                if isinstance(piece, str):
                    series = series + piece
                    continue
                values = np.asarray(piece(mask) if callable(piece) else piece[mask])
                if values.dtype.kind == "M":
                    shown = pd.Series(values, index=series.index).dt.strftime("%d/%m/%Y")
                else:
                    shown = pd.Series(values, index=series.index).astype(str)
                series = series + shown.astype(object)
            text = series.to_numpy(dtype=object)
        both = mask & self.has
        first = mask & ~self.has
        if isinstance(text, str):
            self.text[first] = text
            if both.any():
                self.text[both] = self.text[both] + ("; " + text)
        else:
            in_mask_has = self.has[mask]
            self.text[first] = text[~in_mask_has]
            if both.any():
                self.text[both] = self.text[both] + "; " + text[in_mask_has]
        self.has |= mask

