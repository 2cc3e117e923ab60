"""The layers hold beyond what import-linter checks (pyproject.toml, run by `make test`): no private name crosses
a package, and the tests' stand-ins stay out of production code."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("basis", "content", "invoer", "rules", "store", "dossier", "meldingen", "bot", "actions", "leerbot",
            "bench", "testkit")


def _imports_of_private_names(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> list[str]:
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                    continue
                other = node.module.split(".")[0]
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                if other != package and other in packages and private:
                    found.append(f"{path.relative_to(root)}: from {node.module} import {', '.join(private)}")
    return found


def test_no_private_name_is_imported_from_another_package() -> None:
    assert _imports_of_private_names() == []


def test_the_check_finds_a_private_name_crossing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.py").write_text("def _geheim() -> None: ...\n")
    (tmp_path / "a" / "y.py").write_text("from a.x import _geheim\n")  # within its own package: allowed
    (tmp_path / "b" / "z.py").write_text("from a.x import _geheim, openbaar\n")
    assert _imports_of_private_names(tmp_path, ("a", "b")) == ["b/z.py: from a.x import _geheim"]
