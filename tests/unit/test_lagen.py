"""The layers hold beyond what import-linter checks (pyproject.toml, run by `make test`): no private name crosses
a package, and the tests' stand-ins stay out of production code."""

from __future__ import annotations

import ast
import re
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


# Month names are read in one place (invoer.datums); rules.besluit writes dates out for the answers.
MAANDNAMEN = frozenset(
    "januari februari maart april mei juni juli augustus september oktober november december january february "
    "march may june july august october".split())
MAANDLIJST_MAG = ("invoer/", "rules/besluit.py")
MIN_MAANDEN_VOOR_LIJST = 6


def _maandlijsten(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> list[str]:
    """Modules that hold a list of month names: one string, or one literal list, tuple, set or dict, that names
    at least six months."""
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            naam = str(path.relative_to(root))
            if naam.startswith(MAANDLIJST_MAG):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    woorden = set(re.findall(r"[a-z]+", node.value.lower()))
                elif isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
                    delen = node.keys if isinstance(node, ast.Dict) else node.elts
                    woorden = {d.value.lower() for d in delen
                               if isinstance(d, ast.Constant) and isinstance(d.value, str)}
                else:
                    continue
                if len(woorden & MAANDNAMEN) >= MIN_MAANDEN_VOOR_LIJST:
                    found.append(f"{naam}:{node.lineno}")
    return found


def test_only_the_input_readers_keep_a_list_of_month_names() -> None:
    assert _maandlijsten() == []


def test_the_check_finds_a_list_of_month_names(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.py").write_text('M = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, '
                                         '"juni": 6}\nN = "jan|feb|okt"\n')
    (tmp_path / "a" / "y.py").write_text('P = r"(january|february|march|april|may|june)"\n')
    assert _maandlijsten(tmp_path, ("a",)) == ["a/x.py:1", "a/y.py:1"]
