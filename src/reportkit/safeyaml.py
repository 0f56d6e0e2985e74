"""YAML for configuration files (plan, params, batch config) with limits on what a small file can expand to.

PyYAML's safe loader builds no objects, but aliases still let a few lines stand
for a billion values ("billion laughs": each level repeats the one before nine
times), and deep nesting overflows Python's recursion. ``load_yaml`` composes
the document once, counts its nodes with aliases expanded (each distinct node
counted once, memoised, so the count itself stays cheap), and refuses a
document above ``MAX_NODES`` values (or above its own length in characters,
whichever is larger) or nested deeper than Python can follow, with
``YamlLimitError`` (a ``yaml.YAMLError``, so callers' existing handling
applies).
"""

from __future__ import annotations

from typing import Any

import yaml

from reportkit.fmt import format_local_number
from reportkit.messages import is_english, t

MAX_NODES = 200_000  # the seed plan has about 700


class YamlLimitError(yaml.YAMLError):
    """A YAML document that expands beyond the limits (aliases, nesting)."""

    def __init__(self, problem: str, mark: Any = None):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


def load_yaml(text: str, loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader),
              max_nodes: int = MAX_NODES) -> Any:
    """Parse ``text`` with ``loader`` (a SafeLoader subclass), refusing alias bombs and deep nesting."""
    return load_yaml_nodes(text, loader, max_nodes)[0]


def load_yaml_nodes(text: str, loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader),
                    max_nodes: int = MAX_NODES) -> tuple[Any, yaml.Node | None]:
    """``load_yaml`` that also returns the composed node tree (for line numbers), composed once."""
    parser = loader(text)
    try:
        try:
            root = parser.get_single_node()
        except RecursionError:
            raise YamlLimitError(t("yaml.too_deep")) from None
        if root is None:
            return None, None
        # Without aliases a document cannot hold more values than it has characters; a large plan
        # written out in full (10,000 units) is fine, a small file that expands beyond that is not.
        expanded_size(root, max(max_nodes, len(text)))
        try:
            return parser.construct_document(root), root
        except RecursionError:
            raise YamlLimitError(t("yaml.too_deep"), root.start_mark) from None
        except ValueError:  # PyYAML raises it for a date that does not exist (2025-02-30)
            node = _impossible_date(root)
            raise YamlLimitError(t("yaml.impossible_date", value=node.value if node else "?"),
                                 node.start_mark if node else root.start_mark) from None
    finally:
        parser.dispose()


def _impossible_date(root: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar resolved as a YAML date that is no real date (2025-02-30), if any."""
    import datetime as dt

    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:timestamp":
                try:
                    dt.date.fromisoformat(str(node.value)[:10])
                except ValueError:
                    return node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in reversed(node.value) for v in reversed(pair))
    return None


def yaml_problem(exc: yaml.YAMLError, error_class: type, path: Any, hint: str):
    """The reportkit error for a YAML syntax or limit error: message, file and line, and a fix."""
    mark = getattr(exc, "problem_mark", None)
    return error_class(t("yaml.invalid", detail=getattr(exc, "problem", None) or exc), path=path,
                       line=mark.line + 1 if mark else None, hint=hint)


def expanded_size(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """Nodes of the document with every alias expanded; YamlLimitError above ``limit`` or for a cycle."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            raise YamlLimitError(t("yaml.alias_cycle"), node.start_mark)
        visiting.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
                if total > limit:
                    break
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                total += size(key_node) + size(value_node)
                if total > limit:
                    break
        visiting.discard(key)
        if total > limit:
            limit_text = f"{limit:,}" if is_english() else format_local_number(limit)
            raise YamlLimitError(t("yaml.too_big", limit=limit_text), node.start_mark)
        sizes[key] = total
        return total

    try:
        return size(root)
    except RecursionError:
        raise YamlLimitError(t("yaml.too_deep"), root.start_mark) from None
