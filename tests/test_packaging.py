"""Project files agree with each other: environment.yml and pyproject.toml, layout."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(s): s for s in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(s): s for s in env["dependencies"] if isinstance(s, str) and _name(s) not in ("python", "pip")}
    assert set(conda) == set(wanted)
    for name, spec in wanted.items():
        assert spec.replace(" ", "") == conda[name].replace(" ", ""), f"{name}: {spec} vs {conda[name]}"


def test_layout_of_the_design_card_exists():
    for folder in ("notebooks", "data", "src/reportkit", "params", "outputs", "tests"):
        assert (ROOT / folder).is_dir(), folder
    assert (ROOT / "environment.yml").is_file() and (ROOT / "README.md").is_file()


def test_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```(?:sh|bash)?\n(.*?)```", text, re.S).group(1)
    assert "make demo" in first_block and "make test" in first_block


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
