"""Dependencies point one way (DEVELOPERS.md): checked on the import statements of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = ("parsing", "storage", "jobs", "bot", "schaatsbot")

# package -> what of ours it may import (prefixes)
ALLOWED = {
    "parsing": ("parsing",),
    "storage": ("storage", "parsing", "schaatsbot.settings"),
    "jobs": ("jobs", "storage", "parsing", "schaatsbot.settings", "schaatsbot.logs"),
    "bot": ("bot", "storage", "parsing", "jobs.ports", "schaatsbot.settings", "schaatsbot.logs"),
}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return {name for name in names if name.split(".")[0] in OURS}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_it_may(package: str) -> None:
    allowed = ALLOWED[package]
    offences = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in sorted(imports_of(path))
        if not any(name == prefix or name.startswith(prefix + ".") for prefix in allowed)
    ]
    assert offences == []
