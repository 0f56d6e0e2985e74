"""Lazy re-exports, so that importing a package (and the CLI) stays fast until a name is used."""

from __future__ import annotations

from importlib import import_module


def lazy_exports(package: str, exports: dict[str, str]):
    """Return ``(__getattr__, __dir__)`` for a package whose names live in its submodules.

    ``exports`` maps a public name to the submodule (relative to ``package``) that defines it.
    """

    def __getattr__(name: str):
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
