"""Frozen copy (bench baseline, see __init__). Small array helpers of the status engine: takes with a fill value, string arrays, per-row notes."""

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
    out = values[np.where(missing, 0, pos)]
    out[missing] = fill
    return out


_STR = pd.Series([""]).dtype  # pandas' default string dtype


def text_array(values: np.ndarray, fill: str = "") -> Any:
    """An object array of texts as a string array, in place (no copy); None/NaN become ``fill``."""
    missing = pd.isna(values)
    if missing.any():
        values[missing] = fill
    if _STR == object:  # pandas without a string dtype
        return values
    if getattr(_STR, "storage", "python") != "python":  # pyarrow installed: pandas' strings are arrow-backed
        return pd.array(values, dtype=_STR)
    return pd.arrays.StringArray(values, dtype=_STR)


def take_text(values: Any, pos: np.ndarray, fill: str = "") -> Any:
    """Texts taken at ``pos`` (-1 → ``fill``) as a string array."""
    values = np.asarray(values, dtype=object)
    if not len(values):
        return text_array(np.full(len(pos), fill, dtype=object))
    out = values[np.where(pos >= 0, pos, 0)]
    out[pos < 0] = fill
    return text_array(out, fill)


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

