"""The status engine as it was before issue 17 (commit a599b37), frozen: the status bench's baseline.

Measured in the same run as the current engine (``bench/parts/status.py``), on
the same TaskRow input. Not used by reportkit; only ``engine``, ``arrays``,
``tables`` and ``milestones`` are copied (the status words are the current ones,
unchanged since).
"""
