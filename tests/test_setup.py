"""First run: creating the database and the first supervisor, the recovery code, start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gui.start import app as app_module
from gui.start.login import LoginDialog
from gui.start.setup import SetupDialog
from gui.window.main_window import MainWindow
from models.domain.enums import Role
from models.storage.keyfile import normalise_recovery_code
from models.storage.store import open_database, unlock_with_recovery_code
from models.storage.unit_of_work import Database
from tests.conftest import FAST_KDF, PASSWORD

STRONG = "Tuuli-Kivi-Järvi-Polku"


def fill(dialog: SetupDialog, qtbot, password: str = STRONG, repeat: str | None = None) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.username.editor, "maria")
    qtbot.keyClicks(dialog.display_name.editor, "Maria Virtanen")
    # keyClicks types ASCII only; "ä" goes in as text, like a paste.
    dialog.password.editor.setText(password)
    dialog.repeat.editor.setText(password if repeat is None else repeat)


@pytest.fixture
def setup(tmp_path: Path, qtbot) -> SetupDialog:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(tmp_path / "data" / "suoja.db", kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_setup_creates_the_database_and_shows_the_recovery_code_once(
    setup: SetupDialog, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    db_path = tmp_path / "data" / "suoja.db"
    assert str(db_path) in setup.location.text()
    assert not setup.create_button.isEnabled()
    fill(setup, qtbot)
    assert setup.create_button.isEnabled()
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.stack.currentIndex() == 1, timeout=20000)

    code = setup.recovery_code
    shown = setup.code_label.text()
    assert normalise_recovery_code(shown) == code  # two lines, the same code
    assert len(code) == 47
    assert setup.stored.text() == "I have &stored the recovery code safely"
    # No way on (or out) before confirming that the code is stored.
    assert not setup.continue_button.isEnabled()
    setup.reject()
    assert setup.isVisible()
    setup.accept()
    assert setup.isVisible()
    qtbot.keyClick(setup.stored, Qt.Key.Key_Space)
    assert setup.continue_button.isEnabled()
    qtbot.mouseClick(setup.continue_button, Qt.MouseButton.LeftButton)
    assert setup.result() == QDialog.DialogCode.Accepted
    assert setup.code_label.text() == ""  # not kept on screen
    assert setup.password.raw() == ""

    assert setup.result_value is not None
    database, actor = setup.result_value
    assert (actor.username, actor.display_name, actor.role) == (
        "maria", "Maria Virtanen", Role.SUPERVISOR)
    database.dispose()
    assert db_path.exists()
    reopened, again = open_database(db_path, "maria", STRONG)
    reopened.dispose()
    assert again.user_id == actor.user_id
    assert len(unlock_with_recovery_code(db_path, shown).secrets) == 5  # every key


def test_a_weak_password_is_refused_inline(setup: SetupDialog, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    fill(setup, qtbot, password="Summer2024!!")
    assert setup.password.error.isVisible()
    assert setup.password.error.text().startswith("Looks like a word followed by a year")
    assert not setup.create_button.isEnabled()
    setup.create()  # Enter would end here too
    assert setup.stack.currentIndex() == 0
    assert not (tmp_path / "data").exists()

    setup.password.editor.setText("maria-virtanen-rules")
    assert setup.password.error.text() == "Must not contain your username or name."


def test_the_second_password_must_match(setup: SetupDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    fill(setup, qtbot, repeat=STRONG + "x")
    assert setup.repeat.error.text() == "Does not match the first one."
    assert not setup.create_button.isEnabled()
    setup.repeat.editor.setText(STRONG)
    assert setup.create_button.isEnabled()


def test_a_database_already_there_is_refused_in_plain_words(
    opened: tuple[Database, object, str], db_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = SetupDialog(db_path, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    fill(dialog, qtbot)
    dialog.create()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=20000)
    assert dialog.error.text().startswith("A database already exists at")
    assert dialog.stack.currentIndex() == 0
    assert dialog.create_button.isEnabled()


def test_first_start_without_a_database_runs_the_setup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    db_path = tmp_path / "new.db"
    used: list[str] = []

    class QuickSetup(SetupDialog):
        def __init__(self, path: Path) -> None:
            super().__init__(path, kdf=FAST_KDF)

        def exec(self) -> int:
            used.append("setup")
            fill(self, qtbot)
            self.create()
            qtbot.waitUntil(lambda: self.stack.currentIndex() == 1, timeout=20000)
            self.stored.setChecked(True)
            self.accept()
            return int(self.result())

    monkeypatch.setattr(app_module, "SetupDialog", QuickSetup)
    window = app_module._start(db_path, [], "", automatic_backups=False)
    assert used == ["setup"]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.session.actor.username == "maria"
    window.session.close()


def test_later_starts_sign_in(
    opened: tuple[Database, object, str], db_path: Path, monkeypatch: pytest.MonkeyPatch,
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    opened[0].dispose()

    class QuickLogin(LoginDialog):
        def exec(self) -> int:
            self.username.setText("super")
            self.password.setText(PASSWORD)
            self._sign_in()
            return int(self.result())

    monkeypatch.setattr(app_module, "LoginDialog", QuickLogin)
    monkeypatch.setattr(app_module, "SetupDialog", None)  # must not be used
    window = app_module._start(db_path, [], "", automatic_backups=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.session.actor.username == "super"
    window.session.close()


def test_sign_in_errors_are_plain_words(
    opened: tuple[Database, object, str], db_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    opened[0].dispose()
    db_path.with_name(db_path.name + ".keys").unlink()
    dialog = LoginDialog(db_path, open_database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("super")
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter signs in
    assert not dialog.error.isHidden()
    assert "key file" in dialog.error.text().lower()
    assert dialog.result_value is None
