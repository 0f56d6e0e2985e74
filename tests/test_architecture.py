"""The architecture holds: import direction (import-linter contracts) and module/function sizes.

The contracts live in pyproject.toml ([tool.importlinter]): a lower layer never
imports a higher one (cli > cli_plan > jobs > report > summary > status > params > plandoc > intake >
periods > plan > shared utilities) and presentation (report) never imports
execution (jobs). A wrong-way import, even one inside a function, fails here.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "reportkit"

MAX_MODULE_LINES = 500
MAX_BODY_LINES = 80

# Current offenders, to be emptied as the modules are split. Every entry must
# still be over its limit (the test below fails otherwise), so the list only shrinks.
OVERSIZED_MODULES: set[str] = set()
OVERSIZED_BODIES: set[str] = set()

_LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def _lint_imports(config: Path, src: Path) -> subprocess.CompletedProcess:
    """Run import-linter on the package under ``src`` with the contracts in ``config``."""
    return subprocess.run(
        [sys.executable, "-c", _LINT, str(config), "--no-cache", "--no-logo"],
        cwd=src, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin", "COLUMNS": "200"},
        capture_output=True, text=True, timeout=120,
    )


def _contract_layers() -> list[str]:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    return [name.strip() for layer in layers for name in re.split(r"[|:]", layer)]


def test_import_contracts_are_kept():
    result = _lint_imports(ROOT / "pyproject.toml", SRC)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_every_top_level_module_has_a_place_in_the_layers():
    placed = {name.removeprefix("reportkit.") for name in _contract_layers()}
    present = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    present |= {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert present - placed == set(), "add these to [tool.importlinter] layers in pyproject.toml"


@pytest.mark.parametrize("planted, broken", [
    ("report/markup.py", "Presentation (report) never imports execution (jobs)"),
    ("plan/model.py", "Layers: cli > cli_plan > jobs"),
])
def test_a_wrong_way_import_breaks_a_contract(tmp_path, planted, broken):
    src = tmp_path / "src"
    shutil.copytree(PACKAGE, src / "reportkit", ignore=shutil.ignore_patterns("__pycache__", "templates"))
    target = src / "reportkit" / planted
    # Inside a function, as the lazy imports of this code base are: still an import.
    target.write_text(target.read_text(encoding="utf-8")
                      + "\n\ndef _planted():\n    from reportkit.jobs import run  # noqa: F401\n", encoding="utf-8")
    result = _lint_imports(ROOT / "pyproject.toml", src)
    assert result.returncode != 0
    assert re.search(re.escape(broken) + r"[^\n]*\n?[^\n]*BROKEN", result.stdout), result.stdout
    assert f"reportkit.{planted[:-3].replace('/', '.')} -> reportkit.jobs" in result.stdout


def _module_sizes() -> dict[str, int]:
    return {p.relative_to(PACKAGE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
            for p in PACKAGE.rglob("*.py")}


def _body_sizes_of(source: str, path: str) -> dict[str, int]:
    """``"path::Qual.name"`` → lines from the first decorator (or def/class) to the end of the body."""
    sizes: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                start = min([child.lineno] + [d.lineno for d in child.decorator_list])
                sizes[f"{path}::{prefix}{child.name}"] = child.end_lineno - start + 1
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return sizes


def _body_sizes() -> dict[str, int]:
    sizes: dict[str, int] = {}
    for p in PACKAGE.rglob("*.py"):
        sizes.update(_body_sizes_of(p.read_text(encoding="utf-8"), p.relative_to(PACKAGE).as_posix()))
    return sizes


def test_no_module_is_over_500_lines_except_the_listed_ones():
    over = {name for name, n in _module_sizes().items() if n > MAX_MODULE_LINES}
    assert over - OVERSIZED_MODULES == set(), f"split these modules (>{MAX_MODULE_LINES} lines)"


def test_no_function_or_class_body_is_over_80_lines_except_the_listed_ones():
    over = {name for name, n in _body_sizes().items() if n > MAX_BODY_LINES}
    assert over - OVERSIZED_BODIES == set(), f"break these up (>{MAX_BODY_LINES} lines)"


def test_the_oversize_allow_lists_hold_only_real_offenders():
    modules, bodies = _module_sizes(), _body_sizes()
    fixed = {m for m in OVERSIZED_MODULES if modules.get(m, 0) <= MAX_MODULE_LINES}
    fixed |= {b for b in OVERSIZED_BODIES if bodies.get(b, 0) <= MAX_BODY_LINES}
    assert fixed == set(), "these are within the limits now: remove them from the allow-lists"


def test_the_body_size_check_measures_methods_and_nested_functions():
    inner = "\n".join(f"            x{i} = {i}" for i in range(85))
    source = f"class A:\n    @staticmethod\n    def f():\n        def g():\n{inner}\n        return g\n"
    sizes = _body_sizes_of(source, "m.py")
    assert sizes == {"m.py::A": 90, "m.py::A.f": 89, "m.py::A.f.g": 86}


@pytest.mark.parametrize("argv", [
    ["soffice", "--headless", "--version"],
    ["/usr/bin/chromium", "--headless", "--version"],
    [sys.executable, "-m", "ipykernel_launcher", "-f", "/nonexistent.json"],
])
def test_a_fast_test_cannot_start_a_browser_libreoffice_or_a_kernel(argv):
    # The guard in conftest.py: tests not marked slow (the make check tier) fail when they try.
    with pytest.raises(AssertionError, match="mark it @pytest.mark.slow"):
        subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
