"""A fresh machine gets what the code needs: CI runs the README's own install line, and every
package the code imports is declared in pyproject.toml (not only pulled in by another)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = {"bot", "config", "storage"}


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_ci_runs_the_readmes_install_and_test_lines_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    install, test = blocks[0].strip(), next(b.strip() for b in blocks if "pytest" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install in ci and test in ci
    assert not any("pip install --upgrade" in line or "ensurepip" in line for line in ci)


def test_every_imported_package_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    imported: set[str] = set()
    for top in OURS:
        for path in (ROOT / top).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    imported.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    imported.add(node.module.split(".")[0])
    third_party = imported - OURS - set(sys.stdlib_module_names) - {"__future__"}
    owners = packages_distributions()
    missing = {
        module: owners.get(module, ["?"])
        for module in third_party
        if not {_name(d) for d in owners.get(module, [])} & declared
    }
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
