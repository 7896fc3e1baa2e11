"""The desktop app on a PostgreSQL server: --db-url, the remembered URL, setup and sign-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from cli.main import build_parser
from gui.shared.settings import SERVER_URL, Preferences
from gui.start import app as app_module
from gui.start.login import LoginDialog
from gui.start.setup import SetupDialog
from gui.window.main_window import MainWindow
from models.domain.errors import AuthenticationError, UsageError
from models.storage.server import ServerPasswordNeeded, ServerUrl
from models.storage.store import create_database, open_database
from models.storage.unit_of_work import Target
from tests.conftest import FAST_KDF

STRONG = "Tuuli-Kivi-Järvi-Polku"
URL = "postgresql+psycopg://suoja@db.example/crisis?sslmode=verify-full"
SERVER_SECRET = "Palvelin-Salasana-77"


def fill(dialog: SetupDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.username.editor, "maria")
    qtbot.keyClicks(dialog.display_name.editor, "Maria Virtanen")
    dialog.password.editor.setText(STRONG)  # "ä": set as text, like a paste
    dialog.repeat.editor.setText(STRONG)


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "suoja.ini"), QSettings.Format.IniFormat))


# -- first-run setup: the server URL field ------------------------------------------------


def test_setup_refuses_a_url_with_a_password_and_keeps_create_disabled(
    tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    db_path = tmp_path / "data" / "suoja.db"
    dialog = SetupDialog(db_path, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # arrow keys move focus only in the active window
        dialog.show()
        dialog.activateWindow()
    fill(dialog, qtbot)
    assert dialog.on_computer.isChecked() and not dialog.server_url.editor.isVisible()
    assert dialog.create_button.isEnabled()

    assert dialog.on_server.shortcut().toString() == "Alt+S"  # On a PostgreSQL &server
    dialog.on_computer.setFocus()
    qtbot.keyClick(dialog.on_computer, Qt.Key.Key_Down)  # arrows move between the choices
    assert dialog.uses_server
    assert dialog.server_url.editor.isVisible() and not dialog.location.isVisible()
    assert not dialog.create_button.isEnabled()  # no URL yet

    qtbot.keyClicks(dialog.server_url.editor, "postgresql+psycopg://suoja:hunter2@db.example/suoja")
    assert dialog.server_url.error.isVisible()
    assert dialog.server_url.error.text().startswith(
        "Do not put the database password in the URL")
    assert not dialog.create_button.isEnabled()
    dialog.create()  # Enter ends here too: nothing is created, no server is contacted
    assert dialog.stack.currentIndex() == 0 and dialog.busy.isHidden()
    assert not (tmp_path / "data").exists()

    dialog.server_url.editor.setText("postgresql+psycopg://suoja@db.example:port/suoja")
    assert dialog.server_url.error.text().startswith("The database URL is not valid")
    dialog.server_url.editor.setText("sqlite:///elsewhere.db")
    assert dialog.server_url.error.text().startswith("Only PostgreSQL server URLs")
    dialog.server_url.editor.setText("postgresql+psycopg://suoja@db.example")
    assert dialog.server_url.error.text().startswith("The database URL must name the database")
    assert not dialog.create_button.isEnabled()

    dialog.server_url.editor.setText(URL)
    assert dialog.server_url.error.isHidden()
    assert dialog.create_button.isEnabled()

    dialog.on_computer.setFocus()  # back to the file
    qtbot.keyClick(dialog.on_computer, Qt.Key.Key_Space)
    assert dialog.location.isVisible() and not dialog.server_url.editor.isVisible()
    assert str(db_path) in dialog.location.text()


def test_setup_started_on_a_server_has_the_server_chosen_and_the_url_filled_in(
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    dialog = SetupDialog(ServerUrl.parse(URL), kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.on_server.isChecked()
    assert not dialog.on_computer.isEnabled()  # no file was offered
    assert dialog.server_url.raw() == URL
    assert not dialog.asks_server_password  # only when the server asks
    assert not dialog.server_password.editor.isVisible()
    fill(dialog, qtbot)
    assert dialog.create_button.isEnabled()


def test_setup_asks_for_the_server_password_when_the_server_wants_one(
    monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    from gui.start import setup as setup_module

    seen: list[Target] = []

    def create_database(target: Target, **_kwargs: object) -> object:
        seen.append(target)
        raise ServerPasswordNeeded("The database server (crisis on db.example) asks for a "
                                   "password.")

    monkeypatch.setattr(setup_module, "create_database", create_database)
    dialog = SetupDialog(ServerUrl.parse(URL), kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, qtbot)
    dialog.create()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10000)
    assert dialog.error.text().startswith("The database server (crisis on db.example) asks")
    editor = dialog.server_password.editor
    assert isinstance(editor, QLineEdit)
    assert editor.isVisible() and editor.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.create_button.isEnabled()  # until it is typed
    editor.setText(SERVER_SECRET)
    assert dialog.create_button.isEnabled()
    dialog.create()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
    assert isinstance(seen[1], ServerUrl) and seen[1].password == SERVER_SECRET
    assert SERVER_SECRET not in seen[1].url


# -- the configuration --------------------------------------------------------------------


def test_the_configuration_never_stores_a_password(
    preferences: Preferences, tmp_path: Path
) -> None:
    ini = tmp_path / "suoja.ini"
    assert preferences.server_url is None

    preferences.server_url = ServerUrl.parse(URL).with_password(SERVER_SECRET)
    preferences.sync()
    assert preferences.server_url == ServerUrl.parse(URL)
    assert preferences.server_url is not None and preferences.server_url.password is None
    assert SERVER_SECRET not in ini.read_text(encoding="utf-8")
    assert "db.example" in ini.read_text(encoding="utf-8")

    with pytest.raises(UsageError, match="password"):
        preferences.server_url = "postgresql+psycopg://suoja:hunter2@db.example/other"
    preferences.sync()
    assert "hunter2" not in ini.read_text(encoding="utf-8")
    assert preferences.server_url == ServerUrl.parse(URL)  # unchanged

    # Edited by hand to hold a password: ignored, never used.
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    store.setValue(SERVER_URL, "postgresql+psycopg://suoja:hunter2@db.example/other")
    store.sync()
    assert Preferences(QSettings(str(ini), QSettings.Format.IniFormat)).server_url is None

    preferences.server_url = None
    assert preferences.server_url is None


# -- which database the app opens ---------------------------------------------------------


def test_target_resolution_order(preferences: Preferences, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    default = tmp_path / "default" / "suoja.db"
    monkeypatch.setattr(app_module, "default_database_path", lambda: default)
    given = tmp_path / "given.db"
    other = "postgresql+psycopg://suoja@other.example/suoja"

    assert app_module.resolve_target(None, None, preferences) == default
    preferences.server_url = ServerUrl.parse(URL)
    assert app_module.resolve_target(None, None, preferences) == ServerUrl.parse(URL)
    assert app_module.resolve_target(None, given, preferences) == given
    assert app_module.resolve_target(other, given, preferences) == ServerUrl.parse(other)
    with pytest.raises(UsageError, match="password"):
        app_module.resolve_target("postgresql://suoja:x@db.example/suoja", None, preferences)
    with pytest.raises(UsageError, match="not valid"):
        app_module.resolve_target("postgresql://suoja@db.example:/suoja", None, preferences)


def test_main_passes_db_url_to_the_app_and_refuses_it_with_db(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from main import main

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(app_module, "run_app", lambda **kwargs: calls.append(kwargs) or 0)
    assert main(["--db-url", URL]) == 0
    assert calls == [{"db_path": None, "demo": False, "db_url": URL}]

    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["--db", "x.db", "--db-url", URL])
    assert stopped.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_an_unreachable_server_is_one_sentence_and_exit_code_4(
    preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_problem", shown.append)
    monkeypatch.setattr(app_module, "SetupDialog", None)  # must not be used
    monkeypatch.setattr(app_module, "LoginDialog", None)
    nowhere = ServerUrl.parse("postgresql+psycopg://suoja@127.0.0.1:1/suoja?connect_timeout=3")
    assert app_module._start(nowhere, [], "", preferences=preferences) == 4
    assert shown == ["The database server (suoja on 127.0.0.1) cannot be reached; check the "
                     "address and that the server is running."]


def test_a_refused_server_password_is_asked_again_and_cancel_exits_quietly(
    preferences: Preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.start import login

    tried: list[str | None] = []

    def open_server_engine(target: ServerUrl) -> object:
        tried.append(target.password)
        if target.password is None:
            raise ServerPasswordNeeded("The database server (crisis on db.example) asks for "
                                       "a password.")
        raise AuthenticationError("The database server (crisis on db.example) refused the "
                                  "user or password.")

    answers = iter(["wrong-one", None])
    problems: list[str] = []

    def ask(_parent: object, target: ServerUrl, problem: str) -> str | None:
        problems.append(problem)
        return next(answers)

    monkeypatch.setattr(app_module, "holds_suoja", open_server_engine)
    monkeypatch.setattr(login, "ask_server_password", ask)
    monkeypatch.setattr(app_module, "show_problem", lambda message: pytest.fail(message))
    assert app_module._start(ServerUrl.parse(URL), [], "", preferences=preferences) == 0
    assert tried == [None, "wrong-one"]
    assert "asks for a password" in problems[0] and "refused" in problems[1]


# -- sign-in ------------------------------------------------------------------------------


def test_login_shows_the_server_and_asks_for_its_password_when_needed(
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    target = ServerUrl.parse(URL)
    calls: list[tuple[Target, str, str]] = []
    sentinel = object()

    def opener(where: Target, username: str, password: str) -> object:
        calls.append((where, username, password))
        if not isinstance(where, ServerUrl) or where.password is None:
            raise ServerPasswordNeeded("The database server (crisis on db.example) asks for "
                                       "a password.")
        return sentinel

    dialog = LoginDialog(target, opener)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.database_label.text() == "Database server: crisis on db.example"
    assert "suoja@" not in dialog.database_label.text()
    assert not dialog.server_password.isVisible()

    dialog.username.setText("maria")
    dialog.password.setText(STRONG)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.server_password.isVisible()
    assert dialog.server_password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.error.text().startswith("The database server (crisis on db.example) asks")
    assert dialog.focusWidget() is dialog.server_password
    assert dialog.result_value is None

    dialog.server_password.setText(SERVER_SECRET)
    qtbot.keyClick(dialog.server_password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value is sentinel
    where = calls[-1][0]
    assert isinstance(where, ServerUrl) and where.password == SERVER_SECRET
    assert dialog.server_password.text() == ""  # not kept in the widget


def test_login_shows_the_file_path_for_a_file(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    db_path = tmp_path / "suoja.db"
    dialog = LoginDialog(db_path, open_database)
    qtbot.addWidget(dialog)
    assert dialog.database_label.text() == f"Database: {db_path}"


# -- end to end on a real server ----------------------------------------------------------


def test_first_start_on_a_server_sets_it_up_remembers_it_then_signs_in(
    server_target: ServerUrl, preferences: Preferences, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    used: list[str] = []

    class QuickSetup(SetupDialog):
        def __init__(self, target: Target) -> None:
            super().__init__(target, kdf=FAST_KDF)

        def exec(self) -> int:
            used.append("setup")
            assert self.on_server.isChecked()
            assert self.server_url.raw() == server_target.url
            fill(self, qtbot)
            qtbot.mouseClick(self.create_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: self.stack.currentIndex() == 1, timeout=30000)
            self.stored.setChecked(True)
            self.accept()
            return int(self.result())

    monkeypatch.setattr(app_module, "SetupDialog", QuickSetup)
    window = app_module._start(server_target, [], "", preferences=preferences)
    assert used == ["setup"]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert window.session.actor.username == "maria"
        assert window.automatic_backups is False  # a server is backed up with pg_dump
        assert preferences.server_url == server_target
    finally:
        window.session.close()

    # The next start finds Suoja on the server: sign-in, not setup.
    signed_in: list[LoginDialog] = []

    class QuickLogin(LoginDialog):
        def exec(self) -> int:
            signed_in.append(self)
            assert self.database_label.text() == (
                f"Database server: {server_target.display}")
            self.username.setText("maria")
            self.password.setText(STRONG)
            self.show()
            qtbot.keyClick(self.password, Qt.Key.Key_Return)
            return int(self.result())

    monkeypatch.setattr(app_module, "SetupDialog", None)  # must not be used
    monkeypatch.setattr(app_module, "LoginDialog", QuickLogin)
    target = app_module.resolve_target(None, None, preferences)  # the remembered URL
    again = app_module._start(target, [], "", preferences=preferences)
    assert len(signed_in) == 1
    assert isinstance(again, MainWindow)
    qtbot.addWidget(again)
    try:
        assert again.session.actor.username == "maria"
        assert again.automatic_backups is False
    finally:
        again.session.close()


def test_setup_dialog_switched_to_a_server_creates_it_there(
    server_target: ServerUrl, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    db_path = tmp_path / "data" / "suoja.db"
    dialog = SetupDialog(db_path, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # arrow keys move focus only in the active window
        dialog.show()
        dialog.activateWindow()
    fill(dialog, qtbot)
    dialog.on_computer.setFocus()
    qtbot.keyClick(dialog.on_computer, Qt.Key.Key_Down)  # arrows move between the choices
    assert dialog.uses_server
    dialog.server_url.editor.setText(server_target.url)
    assert dialog.create_button.isEnabled()
    qtbot.keyClick(dialog.server_url.editor, Qt.Key.Key_Return)  # Enter creates
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=30000)
    dialog.stored.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created_target == server_target
    assert dialog.result_value is not None
    dialog.result_value[0].dispose()
    assert not db_path.exists() and not db_path.parent.exists()

    login = LoginDialog(server_target, open_database)
    qtbot.addWidget(login)
    login.show()
    assert server_target.display in login.database_label.text()
    login.username.setText("maria")
    login.password.setText(STRONG)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.result_value is not None, login.error.text()
    database, actor = login.result_value
    database.dispose()
    assert (actor.username, actor.display_name) == ("maria", "Maria Virtanen")


def test_signing_in_to_a_server_once_remembers_it_for_the_next_start(
    server_target: ServerUrl, preferences: Preferences,
    monkeypatch: pytest.MonkeyPatch, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    create_database(server_target, username="maria", password=STRONG,
                    kdf=FAST_KDF).database.dispose()
    assert preferences.server_url is None  # e.g. this workstation was started with --db-url

    class QuickLogin(LoginDialog):
        def exec(self) -> int:
            self.username.setText("maria")
            self.password.setText(STRONG)
            self.show()
            qtbot.keyClick(self.password, Qt.Key.Key_Return)
            return int(self.result())

    monkeypatch.setattr(app_module, "LoginDialog", QuickLogin)
    window = app_module._start(server_target.with_password("typed for this run only"), [], "",
                               preferences=preferences)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert preferences.server_url == server_target
        assert "typed for this run only" not in str(preferences._store.value(SERVER_URL))
        assert app_module.resolve_target(None, None, preferences) == server_target
    finally:
        window.session.close()
