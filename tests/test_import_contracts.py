"""The import rules of pyproject.toml's ``[tool.importlinter]`` hold, and each of them bites.

import-linter reads every import statement of gui/, cli/, models/ and bench/, those inside
functions included, and checks the contracts: no import circles, the front ends on the
Qt-free core, the layers inside models/ and gui/. The first test fails with its report.
The others add one forbidden import to a copy of the tree and watch the contract break, so
a contract that no longer checks anything (a renamed package, a typo) cannot pass unseen.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("gui", "cli", "models", "bench")

# One or more imports per contract that must break it: (contract id, file, line added).
# A line indented under a function shows that imports inside functions count too.
VIOLATIONS = [
    ("no-cycles", "models/domain/base.py", "from models.domain import entities"),
    ("no-cycles", "gui/shared/style.py", "def later():\n    from gui.shared import navigation"),
    ("no-cycles", "cli/target.py", "import cli.main"),
    ("front-ends", "models/domain/text.py", "def later():\n    import gui.shared.labels"),
    ("front-ends", "models/services/search.py", "import cli.target"),
    ("front-ends", "cli/target.py", "from gui.shared import labels"),
    ("front-ends", "gui/shared/labels.py", "import cli.target"),
    ("qt-in-gui-only", "models/domain/text.py", "def later():\n    from PySide6.QtCore import Qt"),
    ("qt-in-gui-only", "cli/target.py", "import PySide6.QtWidgets"),
    ("gui-builds-no-sql", "gui/shared/labels.py", "from sqlalchemy import select"),
    ("bench-on-top", "cli/main.py", "import bench.run"),
    ("bench-on-top", "models/services/search.py", "from bench import pg_load"),
    ("models-layers", "models/domain/text.py", "from models.security import passwords"),
    ("models-layers", "models/security/audit.py", "from models.storage import keyfile"),
    ("models-layers", "models/storage/keyfile.py", "import models.pdf.layout"),
    ("models-layers", "models/pdf/layout.py", "from models.storage import keyfile"),
    ("models-layers", "models/storage/notify.py", "from models.services import search"),
    ("models-layers", "models/services/search.py", "import models.demo.words"),
    ("pdf-from-domain", "models/pdf/data.py", "from models.security import permissions"),
    ("gui-layers", "gui/shared/labels.py", "import gui.case.sections.timeline"),
    ("gui-layers", "gui/case/sections/timeline.py", "from gui.workspaces import dashboard"),
    ("gui-layers", "gui/workspaces/dashboard.py", "import gui.window.idle"),
    ("gui-layers", "gui/window/idle.py", "import gui.start.crash"),
]


def _contract_ids() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [contract["id"] for contract in config["tool"]["importlinter"]["contracts"]]


def _lint_imports(root: Path, *contract_ids: str) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` run in ``root`` (no cache left behind), limited to ``contract_ids``
    when given."""
    script = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        f"sys.exit(lint_imports(limit_to_contracts={contract_ids!r}, no_cache=True,"
        " no_logo=True))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )


def test_the_imports_keep_every_contract() -> None:
    result = _lint_imports(ROOT)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert f"Contracts: {len(_contract_ids())} kept, 0 broken." in report, report


def test_every_contract_has_an_import_that_breaks_it() -> None:
    assert sorted(set(_contract_ids())) == sorted({c for c, _, _ in VIOLATIONS})


def _copy_of_the_tree(destination: Path) -> Path:
    for package in CHECKED:
        shutil.copytree(ROOT / package, destination / package,
                        ignore=shutil.ignore_patterns("__pycache__", ".*"))
    shutil.copy(ROOT / "pyproject.toml", destination)
    return destination


def test_a_copy_of_the_tree_keeps_every_contract(tmp_path: Path) -> None:
    result = _lint_imports(_copy_of_the_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("contract", "module", "line"), VIOLATIONS)
def test_a_forbidden_import_breaks_the_contract(
    tmp_path: Path, contract: str, module: str, line: str
) -> None:
    tree = _copy_of_the_tree(tmp_path)
    with (tree / module).open("a", encoding="utf-8") as file:
        file.write(f"\n\n{line}\n")

    result = _lint_imports(tree, contract)

    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    assert "Contracts: 0 kept, 1 broken." in report, report
    importer = module.removesuffix(".py").replace("/", ".")
    if contract == "no-cycles":  # names the package, and its modules relative to it
        assert f"No cycles are allowed in {importer.rpartition('.')[0]}." in report, report
    else:
        assert importer in report, report
