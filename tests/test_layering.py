"""The core must stay Qt-free: models/ never imports PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import models

ROOT = Path(__file__).resolve().parent.parent


def test_models_never_import_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages(models.__path__, "models.")]
    assert "models.services.cases" in names  # the walk really found the packages
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_gui_never_builds_sql() -> None:
    offenders = [
        path.name for path in (ROOT / "gui").rglob("*.py")
        if "sqlalchemy" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
