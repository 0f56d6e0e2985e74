"""The run record: the data a report notebook leaves for `reportkit run` to read back into the manifest."""

from __future__ import annotations

from dataclasses import dataclass

# MIME type of the run record's display output in the executed notebook.
RUN_RECORD_MIMETYPE = "application/vnd.reportkit.run+json"


@dataclass
class RunRecord:
    """What ``reportkit run`` reads back from the executed notebook; it shows nothing.

    Its output holds the record under ``RUN_RECORD_MIMETYPE`` and empty HTML and
    text forms, so JupyterLab, ``jupyter nbconvert`` and ``papermill
    --log-output`` display nothing for it. It is a display_data output (no
    "Out[n]" prompt in exports).
    """

    data: dict

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {RUN_RECORD_MIMETYPE: self.data, "text/html": "", "text/plain": ""}

    def _ipython_display_(self) -> None:
        from IPython.display import publish_display_data

        publish_display_data(self._repr_mimebundle_())

    def __repr__(self) -> str:
        return f"<RunRecord: {self.data.get('period', '')} {self.data.get('stream', '')}>"
