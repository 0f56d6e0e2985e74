"""A submission's task rows as columns: one array per TaskRow field, for the status engine at scale.

``Submission.rows`` may hold a ``TaskColumns`` instead of a list of TaskRow:
it is a read-only sequence of TaskRow (``len``, index, iteration give the same
rows), and the status engine reads its arrays without a Python step per row
(docs/performance.md, "Status"). ``task_columns(rows)`` builds it from TaskRows;
a reader that fills arrays directly builds it with ``TaskColumns(...)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import overload

import numpy as np

from reportkit.intake.model import TaskRow

TEXT_COLUMNS = ("result", "difficulties", "proposals", "note", "sheet")


@dataclass(frozen=True, eq=False)
class TaskColumns(Sequence[TaskRow]):
    """Task rows as equally long arrays, in sheet order.

    ``task_code``, ``status`` and the texts are object arrays (status None:
    unreadable); ``progress`` is float (NaN: none), ``completed_on``
    datetime64[D] (NaT: none), ``source_row`` int64.
    """

    task_code: np.ndarray
    status: np.ndarray
    progress: np.ndarray
    completed_on: np.ndarray
    result: np.ndarray
    difficulties: np.ndarray
    proposals: np.ndarray
    note: np.ndarray
    source_row: np.ndarray
    sheet: np.ndarray

    def __len__(self) -> int:
        return len(self.task_code)

    @overload
    def __getitem__(self, i: int) -> TaskRow: ...

    @overload
    def __getitem__(self, i: slice) -> TaskColumns: ...

    def __getitem__(self, i: int | slice) -> TaskRow | TaskColumns:
        if isinstance(i, slice):
            return TaskColumns(**{f.name: getattr(self, f.name)[i] for f in fields(self)})
        progress = float(self.progress[i])
        completed = self.completed_on[i]
        return TaskRow(
            self.task_code[i], self.status[i], None if np.isnan(progress) else progress,
            None if np.isnat(completed) else completed.astype(dt.date),
            self.result[i], self.difficulties[i], self.proposals[i], self.note[i], int(self.source_row[i]),
            self.sheet[i],
        )

    def __iter__(self) -> Iterator[TaskRow]:
        return (self[i] for i in range(len(self)))

    def where(self, keep: np.ndarray) -> TaskColumns:
        """The rows where the boolean array ``keep`` is true."""
        return TaskColumns(**{f.name: getattr(self, f.name)[keep] for f in fields(self)})


def task_columns(rows: Iterable[TaskRow]) -> TaskColumns:
    """TaskRows as a TaskColumns (the same rows, in the same order)."""
    rows = list(rows)
    n = len(rows)

    def objects(name: str) -> np.ndarray:
        return np.fromiter(map(attrgetter(name), rows), dtype=object, count=n)

    progress = np.array([np.nan if p is None else p for p in map(attrgetter("progress"), rows)], dtype=float)
    completed = np.array([np.datetime64(d, "D") if d is not None else np.datetime64("NaT", "D")
                          for d in map(attrgetter("completed_on"), rows)], dtype="datetime64[D]")
    return TaskColumns(
        task_code=objects("task_code"), status=objects("status"), progress=progress, completed_on=completed,
        **{name: objects(name) for name in TEXT_COLUMNS},
        source_row=np.fromiter((r or 0 for r in map(attrgetter("source_row"), rows)), dtype=np.int64, count=n),
    )


def concat_columns(parts: Sequence[TaskColumns], names: Iterable[str] | None = None) -> dict[str, np.ndarray]:
    """Several submissions' columns end to end, by field name (``names``: only those fields)."""
    names = [f.name for f in fields(TaskColumns)] if names is None else list(names)
    if not parts:
        parts = [task_columns([])]
    return {name: np.concatenate([getattr(p, name) for p in parts]) for name in names}


def all_columns(row_lists: Iterable[Sequence[TaskRow]]) -> list[TaskColumns] | None:
    """The row lists as TaskColumns when every one is already columnar, else None."""
    row_lists = list(row_lists)
    if all(isinstance(r, TaskColumns) for r in row_lists):
        return row_lists  # type: ignore[return-value]
    return None


__all__ = ["TaskColumns", "all_columns", "concat_columns", "task_columns"]
