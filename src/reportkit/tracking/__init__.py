"""Submission tracking: which unit has sent its workbook for which report (``reportkit remind``)."""
