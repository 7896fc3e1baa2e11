"""The Python package (issue 20): ``pip install .`` gives a ``suoja`` command that behaves
as ``python main.py`` and finds its resources, catalogs, fonts and migrations inside the
installed package, not in the working directory.

The package is built from a copy of the files pyproject.toml names and installed without
its dependencies into an environment of its own that borrows this one's libraries (a
``.pth`` file): the test downloads nothing, and the command runs from an empty folder.
"""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.helpers.installed import walk_through

ROOT = Path(__file__).resolve().parents[1]
#: What the package is built from (pyproject.toml's packages, py-modules and readme).
SOURCES = ("pyproject.toml", "README.md", "requirements.txt", "main.py", "gui", "models",
           "cli", "resources", "migrations")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="paths of a POSIX venv")


def _install(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, source / name)
    environment = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)],
                   check=True, timeout=120)
    python = environment / "bin" / "python"
    target = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True).stdout.strip())
    # This environment's libraries (PySide6, SQLAlchemy, pip, setuptools…), not its code.
    borrowed = [*site.getsitepackages(), sysconfig.get_path("purelib")]
    (target / "borrowed.pth").write_text("\n".join(dict.fromkeys(borrowed)) + "\n")
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
         "--no-index", str(source)], capture_output=True, text=True, timeout=600, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (target / "models" / "__init__.py").is_file()
    assert (target / "resources" / "i18n" / "start_fi.qm").is_file()
    assert not (target / "resources" / "i18n" / "start_fi.ts").exists()
    return environment / "bin" / "suoja"


def test_pip_install_gives_a_suoja_command_that_runs_alone(tmp_path: Path) -> None:
    command = _install(tmp_path)
    work = tmp_path / "workstation"
    work.mkdir()
    walk_through([str(command)], work)
    # Its --help names it as it was called.
    helped = subprocess.run([str(command), "--lang", "en", "--help"], cwd=work,
                            capture_output=True, text=True, timeout=120, check=True)
    assert helped.stdout.startswith("usage: suoja ")
