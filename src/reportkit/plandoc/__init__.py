"""Plan documents: importing a signed plan (docx, txt, pdf, xlsx/xls/ods) into a YAML draft, and describing a plan.

It sits above intake (the task-table importer reuses the workbook reader's
header matching) and below params; docs/plan-import.md describes the import.
"""
