"""Startup (issue 19): the sign-in window shows before the database's modules are loaded.

``main.py --db PATH`` reads its options without the commands' modules, and the sign-in
window imports only what it shows; SQLAlchemy, the entities, the services, the PDFs and
the main window are loaded after it is shown. ``bench/startup.py`` measures the time to it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.startup import StartupFailed, startup_ms
from cli.main import build_parser, window_options
from models.storage.server_url import ServerUrl
from models.storage.unit_of_work import Actor, Database, Target

ROOT = Path(__file__).resolve().parents[1]

#: Loaded by the app before this work, none of them needed to show the sign-in window.
NOT_BEFORE_SIGN_IN = {
    "sqlalchemy", "alembic", "reportlab", "psycopg", "argon2", "cryptography", "sqlcipher3",
    "stdnum", "models.pdf", "models.services", "models.storage.store",
    "models.storage.server", "models.storage.maintenance", "models.domain.entities",
    "models.security.passwords", "cli.database", "cli.signin",
    "gui.window.main_window", "gui.shared.session",
}

# main.py as a person starts it, with the sign-in window noting the modules loaded at the
# moment it is shown, then cancelled (exit code 0).
_WATCH = """
import json, sys
from PySide6.QtCore import QTimer
import gui.start.app as app

seen = []

class Watching(app.LoginDialog):
    def showEvent(self, event):
        seen.extend(sorted(sys.modules))
        super().showEvent(event)
        QTimer.singleShot(0, self.reject)

app.LoginDialog = Watching
import main
code = main.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": seen}))
"""


def _modules_when_shown(args: list[str]) -> tuple[int, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _WATCH, *args], cwd=ROOT, capture_output=True, text=True,
        timeout=120, env={**_environment(), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return int(report["code"]), set(report["modules"])


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("SUOJA_TEST_SCRIPT", None)
    return environment


def _loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(module.startswith(name + ".") for module in modules)


def test_the_sign_in_window_shows_before_the_database_modules_load(
    database: Database, db_path: Path,
) -> None:
    database.dispose()
    code, modules = _modules_when_shown(["--db", str(db_path)])
    assert code == 0  # cancelled, as a person closing the window
    assert {"gui.start.login", "PySide6.QtWidgets", "models.storage.server_url"} <= modules
    assert sorted(name for name in NOT_BEFORE_SIGN_IN if _loaded(modules, name)) == []


def test_the_window_s_options_are_read_as_the_full_parser_reads_them() -> None:
    for argv in ([], ["--db", "cases.db"], ["--db=cases.db", "--lang", "fi"],
                 ["--demo"], ["--lang=sv", "--db-url", "postgresql+psycopg://s@h/d"],
                 ["--dem"]):  # an abbreviation, as argparse allows
        light = window_options(argv)
        assert light is not None, argv
        full = build_parser().parse_args(argv)
        assert full.command is None and light.command is None
        assert (light.db, light.db_url, light.demo, light.lang) == (
            full.db, full.db_url, full.demo, full.lang), argv


@pytest.mark.parametrize("argv", [
    ["init", "--db", "x.db", "--user", "maria"],  # a command
    ["--help"], ["-h"],
    ["--db"],  # no value: the full parser says so
    ["--db", "a.db", "--db-url", "postgresql+psycopg://s@h/d"],  # not both
    ["--bogus"], ["--db", "a.db", "extra"],
    ["--d", "a.db"],  # ambiguous abbreviation
])
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_options(argv) is None


def test_a_command_still_runs_after_the_window_s_options_were_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The commands' modules load when a command is on the line (``init`` here)."""
    monkeypatch.setenv("SUOJA_PASSWORD", "Kallio-Meri-Tuuli-Polku-7")
    target = tmp_path / "new.db"
    result = subprocess.run(
        [sys.executable, "main.py", "--lang", "en", "init", "--db", str(target),
         "--user", "maria"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=_environment(),
    )
    assert result.returncode == 0, result.stderr
    assert target.exists()
    unknown = subprocess.run([sys.executable, "main.py", "--lang", "en", "--bogus"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60, env=_environment())
    assert unknown.returncode == 2
    assert "unrecognized arguments: --bogus" in unknown.stderr


@pytest.mark.both_databases
def test_bench_startup_measures_the_time_to_the_sign_in_window(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    opened[0].dispose()
    where = ["--db-url", target.url] if isinstance(target, ServerUrl) else ["--db", str(target)]
    figure = startup_ms(where, repeat=2)
    assert 0 < figure < 120_000


def test_bench_startup_fails_without_a_sign_in_window(tmp_path: Path) -> None:
    # No database there: the first-run setup is shown instead, so there is no figure.
    with pytest.raises(StartupFailed):
        startup_ms(["--db", str(tmp_path / "missing.db")], repeat=1, timeout_s=3)
