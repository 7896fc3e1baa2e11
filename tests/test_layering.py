"""models/ and cli/ run without Qt: importing all of them in a fresh interpreter loads no PySide6.

The import statements themselves (models/ and cli/ name no PySide6, gui/ no SQLAlchemy, the
layers, no circles) are import-linter's contracts, checked by tests/test_import_contracts.py.
This test checks what those cannot see: what really loads, third-party packages included.
"""

from __future__ import annotations

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


def test_models_and_cli_load_no_qt() -> None:
    names = [m.name for package, prefix in ((models, "models."), (cli, "cli."))
             for m in pkgutil.walk_packages(package.__path__, prefix)]
    assert "models.services.cases" in names  # the walk really found the packages
    assert "models.storage.store" in names and "cli.main" in names
    loaded = _loaded_after_importing(names)
    assert {"models", "cli", "sqlalchemy"} <= loaded
    assert not loaded & {"PySide6", "shiboken6"}
