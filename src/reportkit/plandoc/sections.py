"""The Roman sections of a plan by their headings, and the parts read from them: purposes, content items, responsibilities.

Headings are matched folded: "MỤC ĐÍCH, YÊU CẦU" → purposes; a heading with
"nhiệm vụ" → tasks (with several, the one saying "cụ thể" wins and the others
hold content items); "NỘI DUNG …" → content items; "TỔ CHỨC THỰC HIỆN" →
responsibilities and report streams; "CHẾ ĐỘ BÁO CÁO" → report streams.
"""

from __future__ import annotations

import re
from typing import Any

from reportkit.plandoc.lines import join_texts
from reportkit.plandoc.structure import Node, heading_key, sentence_case

_SUBJECT_RE = re.compile(r"^([^:]{3,90}):\s*(.*)$")


def find_sections(root: Node) -> dict[str, Any]:
    """{"purposes": node, "tasks": node, "content": [nodes], "organisation": node, "reports": [nodes]} (missing keys absent)."""
    found: dict[str, Any] = {"content": [], "reports": []}
    task_nodes: list[Node] = []
    for node in root.children:
        if node.kind != "roman":
            continue
        key = heading_key(node)
        if "to chuc thuc hien" in key:
            found.setdefault("organisation", node)
            found["reports"].append(node)
        elif "bao cao" in key and "nhiem vu" not in key:
            found["reports"].append(node)
        elif "muc dich" in key or "yeu cau" in key:
            found.setdefault("purposes", node)
        elif "nhiem vu" in key:
            task_nodes.append(node)
        elif "noi dung" in key:
            found["content"].append(node)
    if task_nodes:
        tasks = next((n for n in task_nodes if "cu the" in heading_key(n)), task_nodes[-1])
        found["tasks"] = tasks
        found["content"].extend(n for n in task_nodes if n is not tasks)
    return found


def read_purposes(node: Node) -> list[dict[str, str]]:
    """Purposes and requirements (I.1, I.2, …; sub-items I.2.a)."""
    out: list[dict[str, str]] = []
    items = node.children or [Node("number", str(i + 1), text) for i, (text, _) in enumerate(node.paras)]
    for child in items:
        code = f"{node.label}.{child.label}" if child.label else f"{node.label}.{len(out) + 1}"
        if child.children and not child.paras and len(child.text) < 60:
            for j, sub in enumerate(child.children):
                out.append({"code": f"{code}.{sub.label or j + 1}", "text": join_texts(sub.body)})
        else:
            out.append({"code": code, "text": join_texts([*child.body, *_sub_texts(child)])})
    return out


def _sub_texts(node: Node) -> list[str]:
    return [f"{'- ' if c.kind == 'bullet' else c.label + ') '}{join_texts(c.body)}" for c in node.children]


def read_content(node: Node) -> list[dict[str, Any]]:
    """Content items: "II.1" sections with their items II.1.a …, or items directly under II (II.1 …)."""
    sections: list[dict[str, Any]] = []
    loose: list[dict[str, str]] = []
    for child in node.children:
        code = f"{node.label}.{child.label}" if child.label else node.label
        if child.children:
            items = [{"code": f"{code}.{sub.label or j + 1}", "text": join_texts([*sub.body, *_sub_texts(sub)])}
                     for j, sub in enumerate(child.children)]
            sections.append({"code": code, "title": sentence_case(join_texts(child.body)), "items": items})
        else:
            loose.append({"code": code, "text": join_texts(child.body)})
    if loose:
        sections.insert(0, {"code": node.label, "title": sentence_case(node.text), "items": loose})
    return sections


def read_responsibilities(node: Node) -> list[dict[str, Any]]:
    """Responsibilities (IV.1 …): code, the subject (the units charged, as written), text and the paragraphs after it."""
    out: list[dict[str, Any]] = []
    for child in node.children:
        m = _SUBJECT_RE.match(child.text)
        subject = m.group(1).strip() if m else ""
        details = [p for p, _ in child.paras] + _sub_texts(child)
        out.append({"code": f"{node.label}.{child.label or len(out) + 1}", "subject": subject,
                    "text": child.text, "details": details, "location": child.location})
    return out


def all_texts(node: Node) -> list[str]:
    """Every paragraph text of ``node`` and its sub-items, in order."""
    out = [t for t in node.body]
    for child in node.children:
        out.extend(all_texts(child))
    return out
