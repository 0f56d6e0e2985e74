"""The section tree of a plan document: headings I/II/III/IV, items 1./2., a)/b), dashes.

Each paragraph's label is Word's automatic numbering (``Paragraph.numbering``)
or the label typed at the start of its text. Labels nest by kind: Roman
numerals, then numbers (1., then 1.1.), then letters, then dashes. A paragraph
without a label continues the item above it; a table belongs to the item it
follows. The tree ends at "Nơi nhận"; the closing paragraph ("Trên đây là …")
and what follows it are kept apart as the end matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportkit.plandoc.lines import LABEL_RE, is_capitals
from reportkit.text import fold_key

_BULLET_RE = re.compile(r"^[-–—•+*]\s*")
_LEVELS = {"roman": 1, "number": 2, "letter": 4, "bullet": 5}
_CLOSING_RE = re.compile(r"^(?:tren day la|tren day|trong qua trinh (?:to chuc )?thuc hien,? neu)")
_RECIPIENTS_RE = re.compile(r"^noi nhan\s*:?")


@dataclass
class Node:
    """One numbered item (or the document root) with its paragraphs, sub-items and tables."""

    kind: str  # "root", "roman", "number", "letter", "bullet"
    label: str  # "III", "3", "1.2", "a", "" (bullets and root)
    text: str  # the item's first paragraph, without its label
    location: str = ""
    paras: list[tuple[str, str]] = field(default_factory=list)  # (text, location) of unlabelled paragraphs
    children: list[Node] = field(default_factory=list)
    tables: list[Any] = field(default_factory=list)

    @property
    def level(self) -> float:
        if self.kind == "root":
            return 0
        if self.kind == "number":
            return _LEVELS["number"] + 0.5 * self.label.count(".")
        return _LEVELS[self.kind]

    @property
    def body(self) -> list[str]:
        """The item's text: its first paragraph and the unlabelled ones after it."""
        return [t for t in (self.text, *(p for p, _ in self.paras)) if t]


@dataclass
class DocumentTree:
    """A plan document cut into front matter (before the first heading), the tree, and the end matter."""

    front: list[tuple[str, str]]  # (text, location) before the first Roman heading
    front_tables: list[Any]
    root: Node
    closing: list[tuple[str, str]]
    end: list[tuple[str, str]]  # from "Nơi nhận" on
    end_tables: list[Any]


def split_label(text: str, numbering: str = "") -> tuple[str, str, str]:
    """(kind, label, rest) of a paragraph: its automatic or typed label and the text after it."""
    if numbering:
        kind, label, _ = split_label(numbering.strip() + " x")
        if kind != "none":
            return kind, label, text.strip()
        if _BULLET_RE.match(numbering) or not numbering.strip(" .)"):
            return "bullet", "", text.strip()
    m = LABEL_RE.match(text)
    if m:
        kind = next(k for k in ("roman", "number", "letter") if m.group(k))
        return kind, m.group(kind), text[m.end():].strip()
    m = _BULLET_RE.match(text)
    if m and len(text) > m.end():
        return "bullet", "", text[m.end():].strip()
    return "none", "", text.strip()


def build_tree(blocks: list[Any]) -> DocumentTree:
    """The document tree of ``blocks`` (paragraphs already joined into whole paragraphs)."""
    tree = DocumentTree([], [], Node("root", "", ""), [], [], [])
    stack = [tree.root]
    part = "front"
    for block in blocks:
        if not hasattr(block, "text"):
            if part != "front" and any(_RECIPIENTS_RE.match(fold_key(c[:20])) for row in block.rows for c in row):
                part = "end"
            _add_table(tree, stack, part, block)
            continue
        text, where = block.text.strip(), block.location
        folded = fold_key(text[:30])
        if part != "end" and _RECIPIENTS_RE.match(folded):
            part = "end"
        elif part == "tree" and _CLOSING_RE.match(folded):
            part = "closing"
        if part in ("end", "closing"):
            getattr(tree, part).append((text, where))
            continue
        kind, label, rest = split_label(text, getattr(block, "numbering", ""))
        if part == "front" and not (kind == "roman" and _is_heading(rest)):
            tree.front.append((text, where))
            continue
        part = "tree"
        _add_paragraph(stack, kind, label, rest, where)
    return tree


def _is_heading(text: str) -> bool:
    return is_capitals(text) or len(text) < 80


def _add_table(tree: DocumentTree, stack: list[Node], part: str, table: Any) -> None:
    if part == "front":
        tree.front_tables.append(table)
    elif part in ("end", "closing"):
        tree.end_tables.append(table)
    else:
        stack[-1].tables.append(table)


def _add_paragraph(stack: list[Node], kind: str, label: str, rest: str, where: str) -> None:
    if kind == "none":
        stack[-1].paras.append((rest, where))
        return
    node = Node(kind, label, rest, where)
    while len(stack) > 1 and stack[-1].level >= node.level:
        stack.pop()
    stack[-1].children.append(node)
    stack.append(node)


def heading_key(node: Node) -> str:
    """The folded heading of a Roman section ("nhiem vu cu the")."""
    return fold_key(node.text)


def sentence_case(text: str) -> str:
    """A heading in capitals as a title ("NHIỆM VỤ CỤ THỂ" → "Nhiệm vụ cụ thể"); other text unchanged."""
    text = text.strip().rstrip(":").strip()
    if not is_capitals(text):
        return text
    lower = text.lower()
    return lower[:1].upper() + lower[1:]
