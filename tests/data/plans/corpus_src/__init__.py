"""The content of the plan-import corpus: one module per document (text and hand-checked truth)."""
