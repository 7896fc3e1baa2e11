"""Upgrades between two builds (issue 20): a newer build opening an older database
upgrades it after a checked copy and says so; an older build opening a newer database
refuses in one sentence and changes nothing.

The two builds are this code and the one before it, whose migrations end one revision
earlier: ``_previous_build`` points the migrations at a copy without the newest script (the
only part of a build that knows the schema). A database "the previous build left" is made
here and taken down to that build's newest revision, as the previous build would have
left it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from main import main
from models import __version__, services
from models.domain.dto import CaseDraft, VictimDraft
from models.storage import migration
from models.storage.store import open_database
from tests.conftest import FAST_KDF, PASSWORD
from tests.helpers.installed import clean_environment, drive

ROOT = Path(__file__).resolve().parents[1]
HEAD = migration.head_revision()


def _previous_head() -> str:
    script = migration._scripts().get_revision(HEAD)
    assert isinstance(script.down_revision, str)
    return script.down_revision


PREVIOUS = _previous_head()


def _previous_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on this process is the previous build: its migrations end at PREVIOUS."""
    older = tmp_path / "previous-build-migrations"
    shutil.copytree(migration.MIGRATIONS_DIR, older,
                    ignore=shutil.ignore_patterns("__pycache__", "dev.db", f"{HEAD}_*.py"))
    monkeypatch.setattr(migration, "MIGRATIONS_DIR", older)
    assert migration.head_revision() == PREVIOUS


def _left_by_the_previous_build(db_path: Path) -> None:
    """A database with a case in it, at the previous build's schema."""
    from models.storage.store import create_database

    made = create_database(db_path, username="super", password=PASSWORD, kdf=FAST_KDF)
    try:
        svc = services.build(made.database, made.actor)
        svc.cases.create_intake(VictimDraft(first_names="Vanha", last_name="Versio"),
                                CaseDraft())
        migration.downgrade(made.database.engine, PREVIOUS,
                            field_cipher=made.database.field_cipher)
        assert migration.current_revision(made.database.engine) == PREVIOUS
    finally:
        made.database.dispose()


def _schema_after_sign_in(db_path: Path) -> str | None:
    """The schema the database has once the supervisor has signed in with this build."""
    database, _actor = open_database(db_path, "super", PASSWORD)
    try:
        return migration.current_revision(database.engine)
    finally:
        database.dispose()


def _made_by_this_build(db_path: Path) -> None:
    from models.storage.store import create_database

    create_database(db_path, username="super", password=PASSWORD, kdf=FAST_KDF
                    ).database.dispose()


def test_the_newer_build_upgrades_an_older_database_after_a_checked_copy_and_says_so(
        db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _left_by_the_previous_build(db_path)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)

    assert main(["--lang", "en", "user", "--db", str(db_path), "--user", "super", "list"]) == 0
    err = capsys.readouterr().err
    copies = list((db_path.parent / "backups").glob("suoja-before-upgrade-*.db"))
    assert len(copies) == 1
    assert err.strip() == (f"suoja: Suoja upgraded this database from schema {PREVIOUS} to "
                           f"{HEAD}. A checked copy from before the upgrade was saved as "
                           f"{copies[0]}.")
    database, actor = open_database(db_path, "super", PASSWORD)
    try:
        assert database.schema_upgrade is None  # told once: this sign-in upgraded nothing
        assert migration.current_revision(database.engine) == HEAD
        rows = services.build(database, actor).case_list.case_rows([1])
        assert [row.victim_name for row in rows] == ["Versio, Vanha"]
    finally:
        database.dispose()
    # The copy is the previous build's database, as it was.
    _previous_build(db_path.parent, monkeypatch)
    assert _schema_after_sign_in(copies[0]) == PREVIOUS


def test_an_older_build_refuses_a_newer_database_in_one_sentence_and_changes_nothing(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
) -> None:
    _made_by_this_build(db_path)
    _previous_build(tmp_path, monkeypatch)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)

    assert main(["--lang", "en", "verify", "--db", str(db_path), "--user", "super"]) == 4
    err = capsys.readouterr().err
    assert err == (f"suoja: This database has schema {HEAD}, which a newer version of Suoja "
                   f"made; this one ({__version__}) knows schemas up to {PREVIOUS}: install "
                   "the newer version on this workstation.\n")
    assert not (db_path.parent / "backups").exists()
    monkeypatch.undo()
    assert _schema_after_sign_in(db_path) == HEAD


def test_the_older_builds_sign_in_window_says_the_sentence(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from gui.start.login import LoginDialog

    _made_by_this_build(db_path)
    _previous_build(tmp_path, monkeypatch)
    dialog = LoginDialog(db_path, open_database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "super")
    qtbot.keyClicks(dialog.password, PASSWORD)
    button = dialog.findChild(QPushButton, "signIn")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=30_000)
    assert "which a newer version of Suoja made" in dialog.error.text()
    assert dialog.result_value is None


def test_the_desktop_app_says_it_upgraded_the_database(tmp_path: Path) -> None:
    """As a person meets it: main.py, the sign-in window, the notice, the main window."""
    db_path = tmp_path / "suoja.db"
    _left_by_the_previous_build(db_path)
    done, entries = drive(
        [sys.executable, str(ROOT / "main.py")], ["--lang", "en", "--db", str(db_path)],
        tmp_path, clean_environment(tmp_path / "home"), [
            {"wait": "loginDialog", "timeout": 120},
            {"type": "username", "text": "super"},
            {"type": "password", "text": PASSWORD},
            {"click": "signIn"},
            {"answer": "schemaUpgraded", "button": "OK", "timeout": 60},
            {"wait": "mainWindow", "timeout": 60},
            {"close": "mainWindow"},
        ])
    assert done.returncode == 0, f"{done.stderr}\n{entries}"
    shown = [entry for entry in entries if entry["event"] == "shown"]
    assert [entry["name"] for entry in shown][:3] == ["loginDialog", "schemaUpgraded",
                                                      "mainWindow"]
    notice = shown[1]["text"]
    assert f"from schema {PREVIOUS} to {HEAD}" in notice and "suoja-before-upgrade-" in notice
