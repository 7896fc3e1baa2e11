"""The layers point one way: models/ is the Qt-free core, cli/ and gui/ are front ends on it.

models/ never imports PySide6, gui or cli; cli/ never imports PySide6 or gui; gui/ never
builds SQL. Checked twice: by importing every module in a fresh interpreter (what really
loads) and by reading every import statement, those inside functions included (what a
rarely taken path would load).
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import cli
import models

ROOT = Path(__file__).resolve().parent.parent


def _loaded_after_importing(names: list[str]) -> set[str]:
    """Top-level packages in ``sys.modules`` after importing ``names`` in a new process."""
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print('\\n'.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def _packages_imported_by(path: Path) -> set[str]:
    """The top-level packages the import statements of ``path`` name, anywhere in it."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _offenders(folder: str, forbidden: set[str]) -> dict[str, list[str]]:
    """File of ``folder`` → the forbidden packages it imports (files that import none
    are left out)."""
    found = {str(path.relative_to(ROOT)): sorted(_packages_imported_by(path) & forbidden)
             for path in sorted((ROOT / folder).rglob("*.py"))}
    return {path: names for path, names in found.items() if names}


def test_models_never_import_qt_gui_or_cli() -> None:
    names = [m.name for m in pkgutil.walk_packages(models.__path__, "models.")]
    assert "models.services.cases" in names  # the walk really found the packages
    assert "models.storage.store" in names and "models.domain.entities" in names
    loaded = _loaded_after_importing(names)
    assert "models" in loaded
    assert not loaded & {"PySide6", "gui", "cli"}
    assert _offenders("models", {"PySide6", "gui", "cli"}) == {}


def test_cli_never_imports_qt_or_gui() -> None:
    names = [m.name for m in pkgutil.walk_packages(cli.__path__, "cli.")]
    assert "cli.main" in names and "cli.signin" in names
    loaded = _loaded_after_importing(names)
    assert "cli" in loaded
    assert not loaded & {"PySide6", "gui"}
    assert _offenders("cli", {"PySide6", "gui"}) == {}


def test_the_checks_see_an_offending_import(tmp_path: Path) -> None:
    module = tmp_path / "lazy.py"
    module.write_text("import json\n\n\ndef later():\n    from PySide6.QtCore import Qt\n"
                      "    import gui.shared\n", encoding="utf-8")
    assert _packages_imported_by(module) == {"json", "PySide6", "gui"}


def test_gui_never_builds_sql() -> None:
    offenders = [
        path.name for path in (ROOT / "gui").rglob("*.py")
        if "sqlalchemy" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
