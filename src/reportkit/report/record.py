"""The run record: the data a report notebook leaves for `reportkit run` to read back into the manifest."""

# MIME type of the run record's display output in the executed notebook.
RUN_RECORD_MIMETYPE = "application/vnd.reportkit.run+json"
