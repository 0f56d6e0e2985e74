"""The organisations config shared by ``batch --config`` and ``rollup --config``.

``organisations: [{code, name?, group?, plan, submissions, deadlines?, params?}]``
and, for a roll-up, ``superior: {name, ...}`` (the roll-up's issuer). Unknown
fields and duplicate codes fail with the file and line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportkit.errors import ParamsError
from reportkit.messages import t
from reportkit.safeyaml import load_yaml_nodes, yaml_problem

TOP_FIELDS = ("organisations", "superior")
ORG_FIELDS = ("code", "name", "group", "plan", "submissions", "deadlines", "params")
SUPERIOR_FIELDS = ("name", "parent", "symbol", "place", "signer_title", "signer_name", "recipients")


@dataclass
class Organisation:
    """One plan with its submissions: a Trung tâm of a province, say."""

    code: str  # "" for a single-organisation batch (outputs directly under --output)
    plan_path: str
    submissions: str
    deadlines: dict[str, str] = field(default_factory=dict)
    params_file: str | None = None
    name: str = ""
    group: str = ""


@dataclass(frozen=True)
class Superior:
    """The organisation a roll-up is issued by (the Sở, the province, the ministry)."""

    name: str
    parent: str = ""  # cơ quan chủ quản, printed above the name
    symbol: str = ""  # ký hiệu: "BC-SLĐTBXH"
    place: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()


def _line(node: Any, *keys: Any) -> int | None:
    """1-based line of the YAML node reached by ``keys`` (mapping keys or sequence indexes)."""
    for key in keys:
        if node is None:
            return None
        if isinstance(key, int):
            node = node.value[key] if hasattr(node, "value") and isinstance(node.value, list) \
                and key < len(node.value) else None
        else:
            node = next((v for k, v in getattr(node, "value", []) if getattr(k, "value", None) == key), None) \
                if isinstance(getattr(node, "value", None), list) else None
    return node.start_mark.line + 1 if node is not None else None


def _read(path: Path) -> tuple[Any, Any]:
    import yaml

    try:
        return load_yaml_nodes(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParamsError(t("config.not_found"), path=path, hint=t("config.not_found.fix")) from None
    except yaml.YAMLError as exc:
        raise yaml_problem(exc, ParamsError, path, t("inputs.file_yaml.fix")) from None


def _check_fields(raw: dict, allowed: tuple[str, ...], path: Path, root: Any, where: str, keys: tuple) -> None:
    for key in raw:
        if key not in allowed:
            raise ParamsError(t("config.unknown_field", field=key), path=path,
                              yaml_path=f"{where}.{key}" if where else str(key), line=_line(root, *keys, key),
                              hint=t("config.unknown_field.fix", allowed=", ".join(allowed)))


def load_organisations(config: str | Path, *, sources: bool = True) -> list[Organisation]:
    """Read a multi-organisation config (YAML: ``organisations: [{code, plan, submissions}]``).

    ``sources=False`` (a roll-up reads outputs only): plan and submissions may be left out.
    """
    path = Path(config)
    raw, root = _read(path)
    if isinstance(raw, dict):
        _check_fields(raw, TOP_FIELDS, path, root, "", ())
    items = raw.get("organisations") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise ParamsError(t("config.no_organisations"), path=path, hint=t("config.no_organisations.fix"))
    base = path.parent
    orgs, seen = [], set()
    for i, item in enumerate(items):
        where, keys = f"organisations[{i}]", ("organisations", i)
        needed = ("code", "plan", "submissions") if sources else ("code",)
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in needed):
            raise ParamsError(t("config.organisation_fields"), path=path, yaml_path=where,
                              line=_line(root, *keys), hint=t("config.organisation_fields.fix"))
        _check_fields(item, ORG_FIELDS, path, root, where, keys)
        code = item["code"]
        if not code.replace("-", "").replace("_", "").isalnum() or code in seen:
            raise ParamsError(t("config.organisation_code", code=code), path=path, yaml_path=where + ".code",
                              line=_line(root, *keys, "code"), hint=t("config.organisation_code.fix"))
        seen.add(code)
        resolve = lambda v: (str((base / v).resolve()) if not os.path.isabs(v) else v) if v else ""
        orgs.append(Organisation(code, resolve(item.get("plan")), resolve(item.get("submissions")),
                                 {str(k): str(v) for k, v in (item.get("deadlines") or {}).items()},
                                 resolve(item["params"]) if item.get("params") else None,
                                 str(item.get("name") or code), str(item.get("group") or "")))
    return orgs


def load_superior(config: str | Path) -> Superior:
    """The config's ``superior: {name, parent?, symbol?, place?, signer_title?, signer_name?, recipients?}``."""
    path = Path(config)
    raw, root = _read(path)
    sup = raw.get("superior") if isinstance(raw, dict) else None
    if not isinstance(sup, dict) or not isinstance(sup.get("name"), str) or not sup["name"].strip():
        raise ParamsError(t("config.superior"), path=path, yaml_path="superior", line=_line(root, "superior"),
                          hint=t("config.superior.fix"))
    _check_fields(sup, SUPERIOR_FIELDS, path, root, "superior", ("superior",))
    recipients = sup.get("recipients") or []
    return Superior(**{k: str(sup.get(k) or "").strip() for k in SUPERIOR_FIELDS if k != "recipients"},
                    recipients=tuple(str(r) for r in recipients) if isinstance(recipients, list) else ())
