"""Signing out to the sign-in window, the demo's quit confirmation, titles, the demo list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

from gui.shared.settings import Preferences
from gui.start import app as app_module
from gui.start.login import LoginDialog
from gui.window import main_window as main_window_module
from gui.window.main_window import MainWindow
from models import services
from models.demo.seed import DEMO_PASSWORD, demo_accounts, seed_demo
from models.domain.enums import Role
from models.security.passwords import demo_password_allowed
from models.storage.store import create_database, open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

KAISA_PASSWORD = "sammal-tuuli-polku-kivi"


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Answers "Quit and discard" (True) or Cancel (False) to the demo's question, in turn."""
    answers: list[bool] = []

    def confirm(_parent: object) -> bool:
        return answers.pop(0)

    monkeypatch.setattr(main_window_module, "confirm_discard_demo", confirm)
    return answers


def test_sign_out_locks_then_closes_the_window_for_the_sign_in(
    svc: services.Services, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(svc)
    qtbot.addWidget(window)
    window.show()
    window.lock_action.trigger()
    assert window.is_locked
    assert window.lock_screen.sign_out_button.text().replace("&", "") == "Sign out"
    qtbot.mouseClick(window.lock_screen.sign_out_button, Qt.MouseButton.LeftButton)
    assert window.signed_out
    assert not window.isVisible()
    assert window.session.is_locked  # the database was closed by the lock
    assert window.model.rowCount() == 0


def test_the_sign_out_action_locks_first_when_signed_in(
    svc: services.Services, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(svc)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.session.locked, timeout=2000):
        window.sign_out_action.trigger()
    assert window.signed_out and not window.isVisible()


def test_sign_out_is_offered_beside_lock_in_the_toolbar(
    svc: services.Services, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(svc)
    qtbot.addWidget(window)
    window.show()
    button = window.toolbar.widgetForAction(window.lock_action)
    assert isinstance(button, QToolButton)
    assert button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup
    menu = button.menu()
    assert menu is not None
    assert [a.text().replace("&", "") for a in menu.actions()] == [
        "Lock", "Sign out", "Quit", "", "Language…"]  # "" is the separator
    (sign_out,) = [a for a in menu.actions() if a.objectName() == "signOutAction"]
    with qtbot.waitSignal(window.session.locked, timeout=2000):
        sign_out.trigger()
    assert window.signed_out and not window.isVisible()


def test_closing_a_demo_window_asks_before_discarding_but_signing_out_does_not(
    svc: services.Services, asked: list[bool], qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(svc, discard_on_quit=True)
    qtbot.addWidget(window)
    window.show()
    asked.append(False)  # Cancel: the demo goes on
    window.close()
    assert window.isVisible() and not window.is_locked
    assert asked == []
    window.lock()
    qtbot.mouseClick(window.lock_screen.sign_out_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()  # no question: the demo database stays for the next one


def test_closing_a_demo_window_quits_when_confirmed(
    svc: services.Services, asked: list[bool], qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(svc, discard_on_quit=True)
    qtbot.addWidget(window)
    window.show()
    asked.append(True)
    window.close()
    assert not window.isVisible()
    assert asked == []


def test_an_ordinary_window_closes_without_asking(
    svc: services.Services, asked: list[bool], qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(svc)
    qtbot.addWidget(window)
    window.show()
    window.close()  # ``asked`` is empty: a question would fail with IndexError
    assert not window.isVisible()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database as ``--demo`` makes it (supervisor, then seeded accounts)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    supervisor = demo_accounts(1)[0]
    with demo_password_allowed():
        result = create_database(path, username=supervisor.username, password=DEMO_PASSWORD,
                                 display_name=supervisor.display_name, kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=20, kdf=FAST_KDF)
    finally:
        result.database.dispose()
    return path


@pytest.mark.parametrize(("username", "title"), [
    ("counsellor01", "Suoja — Aino K. (counsellor) — DEMO DATABASE, synthetic data"),
    ("liaison01", "Suoja — Ilmari K. (police liaison) — DEMO DATABASE, synthetic data"),
    ("supervisor", "Suoja — Sanni R. (supervisor) — DEMO DATABASE, synthetic data"),
    ("admin01", "Suoja — Minea K. (administrator) — DEMO DATABASE, synthetic data"),
])
def test_the_title_names_role_and_demo_once_for_every_role(
    demo_db: Path, username: str, title: str, qtbot  # type: ignore[no-untyped-def]
) -> None:
    database, actor = open_database(demo_db, username, DEMO_PASSWORD)
    window = MainWindow(services.build(database, actor))
    qtbot.addWidget(window)
    try:
        assert window.windowTitle() == title
    finally:
        window.session.close()


def test_a_real_database_has_no_demo_marker(svc: services.Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(svc)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Suoja — super (supervisor)"


# -- the demo sign-in ------------------------------------------------------------------------


def demo_entries() -> list[tuple[str, str, str]]:
    return [(a.username, a.role.value, a.display_name) for a in demo_accounts(2000)]


def test_every_demo_account_is_in_view_at_1280x720(demo_db: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    entries = demo_entries()
    dialog = LoginDialog(demo_db, open_database, entries, DEMO_PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.demo_accounts
    assert table is not None and table.rowCount() == len(entries) == 8
    assert not table.verticalScrollBar().isVisible()
    assert dialog.height() <= 720 - 40  # room for a title bar and a panel
    assert dialog.width() <= 1280
    viewport = table.viewport().rect()
    for row in range(table.rowCount()):
        assert viewport.contains(table.visualRect(table.model().index(row, 2))), row
    # Grouped by role, counsellors first; the role is shown once, beside a plain name.
    roles = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert roles == ["counsellor"] * 3 + ["police liaison"] * 2 + ["supervisor"] * 2 + [
        "administrator"]
    assert table.item(0, 2).text() == "Aino K."


def test_choosing_a_demo_account_fills_it_in_by_mouse_or_keyboard(
    demo_db: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = LoginDialog(demo_db, open_database, demo_entries(), DEMO_PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.demo_accounts
    assert table is not None
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(3, 2)).center())
    assert dialog.username.text() == "liaison01"
    assert dialog.password.text() == DEMO_PASSWORD
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert dialog.username.text() == "liaison02"
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter signs in, as everywhere in the dialog
    assert dialog.result_value is not None
    database, actor = dialog.result_value
    database.dispose()
    assert actor.username == "liaison02"


def test_double_clicking_a_demo_account_signs_in(demo_db: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(demo_db, open_database, demo_entries(), DEMO_PASSWORD)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.demo_accounts
    assert table is not None
    where = table.visualRect(table.model().index(7, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert dialog.result_value is not None
    database, actor = dialog.result_value
    database.dispose()
    assert (actor.username, actor.role) == ("admin01", Role.ADMINISTRATOR)


# -- the app's loop: sign out, someone else signs in ----------------------------------------


@pytest.fixture
def two_people(opened: tuple[Database, Actor, str], db_path: Path) -> Iterator[Path]:
    database, supervisor, _code = opened
    services.build(database, supervisor).accounts.create_user(
        "kaisa", "Kaisa Korhonen", Role.COUNSELLOR, KAISA_PASSWORD, kdf=FAST_KDF)
    database.dispose()
    yield db_path


def test_after_sign_out_the_next_person_signs_in_without_a_restart(
    two_people: Path, monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    people = [("super", PASSWORD), ("kaisa", KAISA_PASSWORD)]
    windows: list[MainWindow] = []
    signed_in: list[str] = []

    class TypingLogin(LoginDialog):
        def exec(self) -> int:
            username, password = people.pop(0)
            self.show()
            qtbot.keyClicks(self.username, username)
            qtbot.keyClicks(self.password, password)
            qtbot.mouseClick(self.findChild(QPushButton, "signIn"), Qt.MouseButton.LeftButton)
            return int(self.result())

    def shown(window: MainWindow) -> None:
        windows.append(window)
        signed_in.append(window.session.actor.username)
        QMainWindowShow(window)
        # The first person signs out on the lock screen; the second closes the window.
        if len(windows) == 1:
            QTimer.singleShot(0, window.lock)
            QTimer.singleShot(50, lambda: qtbot.mouseClick(
                window.lock_screen.sign_out_button, Qt.MouseButton.LeftButton))
        else:
            QTimer.singleShot(0, window.close)

    QMainWindowShow = MainWindow.show  # noqa: N806 - the original, called by ``shown``
    monkeypatch.setattr(MainWindow, "show", shown)
    monkeypatch.setattr(app_module, "LoginDialog", TypingLogin)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    QTimer.singleShot(60_000, app.quit)  # a hang fails the test instead of the run
    stop = app_module._StopOnSignal(app)
    try:
        code = app_module._run_sessions(app, two_people, [], "", demo=False,
                                        preferences=Preferences(), stop=stop)
    finally:
        stop.restore()
    assert code == 0
    assert people == []
    assert signed_in == ["super", "kaisa"]
    assert not shiboken6.isValid(windows[0])  # the first person's window is gone
    assert not shiboken6.isValid(windows[1])
