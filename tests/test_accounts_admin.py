"""Account administration: create (weak passwords refused inline), lock, unlock, reset,
change role; the place only for roles that manage accounts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from gui.window.main_window import MainWindow
from gui.workspaces import accounts_admin
from gui.workspaces.accounts_admin import AccountsView, CreateAccountDialog
from models import services
from models.domain.enums import AuditAction, Role
from models.domain.errors import AuthenticationError
from models.services.audit_log import AuditQuery
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF
from tests.test_main_window import STRONG, Office, office, show  # noqa: F401

NEW_PASSWORD = "Sammal-Lyhty-Kallio-Purje"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts_admin, "KDF", FAST_KDF)


@pytest.fixture
def window(office: Office, qtbot) -> Iterator[MainWindow]:  # noqa: F811  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    accounts_admin.register(window)
    window.navigation.select(accounts_admin.PLACE_KEY)
    yield window
    window.session.close()


def view_of(window: MainWindow) -> AccountsView:
    view = window.pages.currentWidget()
    assert isinstance(view, AccountsView)
    return view


def usernames(view: AccountsView) -> list[str]:
    return [view.model.record(row).username for row in range(view.model.rowCount())]


def select(view: AccountsView, username: str) -> None:
    view.table.selectRow(usernames(view).index(username))


def test_create_refuses_a_weak_password_inline(window: MainWindow, database: Database,
                                               qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    assert usernames(view) == ["kaisa", "lauri", "super"]
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CreateAccountDialog)
    qtbot.keyClicks(dialog.username, "minna")
    dialog.display_name.setText("Minna Mäki")  # keyClicks types ASCII only
    dialog.role.setCurrentIndex(dialog.role.findData(Role.POLICE_LIAISON.value))
    qtbot.keyClicks(dialog.passwords.password, "Kesaloma2024!!")
    qtbot.keyClicks(dialog.passwords.repeat, "Kesaloma2024!!")
    assert "word followed by a year" in dialog.passwords.feedback.text()
    assert not dialog.ok_button().isEnabled()

    dialog.passwords.password.setText(STRONG)
    dialog.passwords.repeat.setText(STRONG[:-1])
    assert dialog.passwords.feedback.text() == "The two passwords are not the same."
    assert not dialog.ok_button().isEnabled()
    dialog.passwords.repeat.setText(STRONG)
    assert dialog.passwords.feedback.text() == "Strong enough."
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    assert view.dialog is None
    assert usernames(view) == ["kaisa", "lauri", "minna", "super"]
    created = view.selected_user()
    assert created is not None and created.username == "minna"
    assert created.role == Role.POLICE_LIAISON.value
    assert view.model.data(view.model.index(2, 2)) == "police liaison"
    assert view.model.data(view.model.index(2, 4)) == "never"
    assert view.status.text() == "Account minna created."
    database_again, actor = open_database(database.path, "minna", STRONG)
    assert actor.role is Role.POLICE_LIAISON
    database_again.dispose()


def test_a_taken_username_is_refused_in_the_dialog(window: MainWindow,
                                                   qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    dialog = view.open_create_dialog()
    dialog.username.setText("kaisa")
    dialog.display_name.setText("Toinen Kaisa")
    dialog.passwords.password.setText(STRONG)
    dialog.passwords.repeat.setText(STRONG)
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Username: is already taken"
    assert view.dialog is dialog and dialog.isVisible()
    dialog.reject()


def test_lock_unlock_reset_and_change_role(window: MainWindow, office: Office,  # noqa: F811
                                           database: Database,
                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    select(view, "lauri")
    assert view.lock_button.isEnabled() and not view.unlock_button.isEnabled()
    qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton)
    assert view.model.data(view.model.index(1, 3)) == "Locked"
    assert view.selected_user() is not None and not view.selected_user().is_active  # type: ignore[union-attr]
    with pytest.raises(AuthenticationError):
        open_database(database.path, "lauri", STRONG)
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    assert view.model.data(view.model.index(1, 3)) == "Active"
    assert view.status.text() == "lauri unlocked."

    dialog = view.open_reset_dialog()
    assert dialog is not None
    dialog.passwords.password.setText("lauri-lahti-password")
    assert "username or name" in dialog.passwords.feedback.text()
    dialog.passwords.password.setText(NEW_PASSWORD)
    dialog.passwords.repeat.setText(NEW_PASSWORD)
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert view.status.text() == "Password of lauri reset."
    opened, _actor = open_database(database.path, "lauri", NEW_PASSWORD)
    opened.dispose()

    role_dialog = view.open_role_dialog()
    assert role_dialog is not None
    role_dialog.role.setCurrentIndex(role_dialog.role.findData(Role.SUPERVISOR.value))
    qtbot.mouseClick(role_dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert view.model.data(view.model.index(1, 2)) == "supervisor"
    assert view.status.text() == "lauri is now a supervisor."

    details = [e.detail for e in office.supervisor.audit.query(
        AuditQuery(actions=(AuditAction.ACCOUNT,)))]
    assert {"locked", "unlocked", "password reset", "role counsellor -> supervisor"} <= set(
        details)


def test_own_account_cannot_be_locked_or_demoted(window: MainWindow) -> None:
    view = view_of(window)
    select(view, "super")
    assert not view.lock_button.isEnabled()
    assert not view.role_button.isEnabled()
    assert not view.reset_button.isEnabled()


def test_users_model_passes_the_model_tester(window: MainWindow,
                                             qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view_of(window).model, force_py=True)


def test_locking_clears_the_list_and_closes_dialogs(window: MainWindow) -> None:
    view = view_of(window)
    view.open_create_dialog()
    window.session.lock()
    assert view.model.rowCount() == 0
    assert view.dialog is None
    window.session.unlock("correct horse battery staple")
    assert view.model.rowCount() == 3


def admin_services(office: Office, database: Database) -> services.Services:  # noqa: F811
    admin = office.supervisor.accounts.create_user(
        "admin", "Alma Admin", Role.ADMINISTRATOR, STRONG, kdf=FAST_KDF)
    actor = Actor(admin.id, admin.username, admin.display_name, Role.ADMINISTRATOR)
    return services.build(database, actor)


def test_administrators_get_the_accounts_place(office: Office, database: Database,  # noqa: F811
                                              qtbot) -> None:  # type: ignore[no-untyped-def]
    window = show(MainWindow(admin_services(office, database)), qtbot)
    accounts_admin.register(window)
    assert window.navigation.keys() == [accounts_admin.PLACE_KEY]
    assert window.navigation.isVisible()
    view = view_of(window)
    assert "admin" in usernames(view)
    window.session.lock()
    window.session.unlock(STRONG)
    assert view_of(window) is view
    assert view.model.rowCount() == 4
    window.session.close()


def test_register_skips_counsellors(office: Office, qtbot) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.kaisa), qtbot)
    accounts_admin.register(window)
    assert accounts_admin.PLACE_KEY not in window.navigation.keys()
    window.session.close()


def test_locking_through_the_button_rotates_the_keys_off_the_gui_thread(
        window: MainWindow, office: Office, database: Database,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from models.storage import rotation
    from models.storage.database import keyfile_path, open_engine
    from models.storage.keyfile import SLOT_USER, KeyFile

    kept = KeyFile.load(keyfile_path(database.path)).unwrap(SLOT_USER, "lauri", STRONG)
    threads: list[str] = []
    real_rekey = rotation.rekey

    def watched(*args: object) -> None:
        threads.append(threading.current_thread().name)
        real_rekey(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(rotation, "rekey", watched)
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    delivered_on_gui_thread: list[bool] = []
    window.session.changes.subscribe(lambda _change: delivered_on_gui_thread.append(
        QThread.currentThread() == QApplication.instance().thread()))  # type: ignore[union-attr]
    view = view_of(window)
    select(view, "lauri")
    qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == "lauri locked."
    assert threads == ["suoja-task"]  # the file was re-encrypted on a worker
    # ... and the views heard of the change on the GUI thread (widgets are not
    # thread-safe: refreshing them from the worker crashed the app).
    qtbot.waitUntil(lambda: bool(delivered_on_gui_thread))
    assert all(delivered_on_gui_thread)
    from models.domain.errors import DamagedData
    with pytest.raises(DamagedData):  # lauri's old key file copy opens nothing now
        open_engine(database.path, kept.storage)
    # The supervisor's window goes on working with the new keys.
    view.refresh()
    assert "lauri" in usernames(view)


def test_a_lock_whose_re_keying_waits_says_so(window: MainWindow, database: Database,
                                               monkeypatch: pytest.MonkeyPatch,
                                               qtbot) -> None:  # type: ignore[no-untyped-def]
    from models.domain.errors import Unavailable
    from models.storage import rotation

    def held_open(*_args: object) -> None:
        raise Unavailable("The database is busy in another window or program; try again "
                          "shortly.")

    monkeypatch.setattr(rotation, "rekey", held_open)
    view = view_of(window)
    select(view, "lauri")
    qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("lauri locked. Another program has the database")


def test_an_administrator_cannot_unlock_a_counsellor_and_the_button_says_why(
        office: Office, database: Database, qtbot) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    accounts_admin.register(window)
    window.navigation.select(accounts_admin.PLACE_KEY)
    supervisor_view = view_of(window)
    select(supervisor_view, "lauri")
    qtbot.mouseClick(supervisor_view.lock_button, Qt.MouseButton.LeftButton)
    window.session.close()
    admin_user = office.supervisor.accounts.create_user(
        "aapo", "Aapo", Role.ADMINISTRATOR, STRONG, kdf=FAST_KDF)
    admin_db, admin = open_database(database.path, admin_user.username, STRONG)
    admin_window = show(MainWindow(services.build(admin_db, admin)), qtbot)
    try:
        accounts_admin.register(admin_window)
        admin_window.navigation.select(accounts_admin.PLACE_KEY)
        view = view_of(admin_window)
        select(view, "lauri")
        assert not view.unlock_button.isEnabled()
        assert "Only a supervisor can unlock" in view.unlock_button.toolTip()
    finally:
        admin_window.session.close()
