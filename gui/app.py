"""Starting the desktop app: the Qt application, the database location, first-run setup or
sign-in, and the main window.

Which database (:func:`resolve_target`): ``--db-url`` if given, else ``--db``, else the
server URL the configuration holds (remembered by the first-run setup), else the file in
the platform's data folder. A server is looked at first to choose between setup and
sign-in; if it cannot be reached the app says so in one sentence and exits with code 4.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from gui import login
from gui.crash import install_excepthook
from gui.login import LoginDialog
from gui.main_window import MainWindow
from gui.settings import Preferences, WindowState, parse_server_url
from gui.setup import SetupDialog
from gui.style import apply_style
from models import services as services_module
from models.errors import AuthenticationError, DataError, KnownError, from_database_error
from models.server import ServerPasswordNeeded, ServerUrl, is_initialised, open_server_engine
from models.store import Target, open_database

DEMO_VICTIMS = 2000
DEMO_SUPERVISOR = "supervisor"


def default_database_path() -> Path:
    folder = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    return folder / "suoja.db"


def resolve_target(db_url: str | None, db_path: Path | None,
                   preferences: Preferences) -> Target:
    """The database to open: ``--db-url``, ``--db``, the configured server, the default file.

    Raises:
        UsageError: ``--db-url`` is not a password-free PostgreSQL URL.
    """
    if db_url:
        return parse_server_url(db_url)
    if db_path is not None:
        return db_path
    return preferences.server_url or default_database_path()


def show_problem(message: str) -> None:
    """One plain sentence in a message box (tests replace this)."""
    QMessageBox.critical(None, QApplication.translate("app", "Suoja"), message)


def probe_server(target: ServerUrl) -> tuple[ServerUrl, bool] | int:
    """Look at the server: (the target, whether it already holds Suoja), or an exit code.

    If the server asks for its own password, the person is asked (and asked again if the
    server refuses it); the password stays in the returned target, in memory only.
    Cancelled: 0. Unreachable, refused or unreadable: the reason is shown, then 4.
    """
    asked = False
    while True:
        try:
            engine = open_server_engine(target)
        except (ServerPasswordNeeded, AuthenticationError) as error:
            if not isinstance(error, ServerPasswordNeeded) and not asked:
                show_problem(str(error))
                return 4
            password = login.ask_server_password(None, target, str(error))
            if password is None:
                return 0
            target, asked = target.with_password(password), True
            continue
        except KnownError as error:
            show_problem(str(error))
            return 4
        except Exception as error:  # e.g. a TLS option libpq does not know
            show_problem(str(_server_problem(error, target)))
            return 4
        try:
            return target, is_initialised(engine)
        except Exception as error:
            show_problem(str(_server_problem(error, target)))
            return 4
        finally:
            engine.dispose()


def _server_problem(error: Exception, target: ServerUrl) -> KnownError:
    return from_database_error(error) or DataError(
        f"The database server ({target.display}) could not be opened "
        f"({type(error).__name__}); check the database URL and its options."
    )


def prepare_demo(folder: Path) -> tuple[Path, list[tuple[str, str]], str]:
    """A fresh demo database with synthetic data; returns its path and the accounts."""
    from models.seed import DEMO_PASSWORD, seed_demo
    from models.store import create_database

    db_path = folder / "suoja-demo.db"
    result = create_database(db_path, username=DEMO_SUPERVISOR, password=DEMO_PASSWORD,
                             display_name="Demo Supervisor")
    try:
        summary = seed_demo(result.database, result.actor, victims=DEMO_VICTIMS, seed=1)
    finally:
        result.database.dispose()
    accounts = [(DEMO_SUPERVISOR, "supervisor")] + [
        (account.username, account.role.value) for account in summary.accounts
    ]
    return db_path, accounts, DEMO_PASSWORD


def run_app(db_path: Path | None = None, demo: bool = False,
            db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Suoja")
    app.setOrganizationName("Suoja")
    apply_style(app)
    install_excepthook()

    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    accounts: list[tuple[str, str]] = []
    demo_password = ""
    preferences = Preferences()
    target: Target
    if demo:
        demo_dir = tempfile.TemporaryDirectory(prefix="suoja-demo-")
        target, accounts, demo_password = prepare_demo(Path(demo_dir.name))
    else:
        try:
            target = resolve_target(db_url, db_path, preferences)
        except KnownError as error:
            show_problem(str(error))
            return error.exit_code

    window = _start(target, accounts, demo_password, automatic_backups=not demo,
                    preferences=preferences)
    if isinstance(window, int):
        return window
    window.show()
    code = app.exec()
    if window.automatic_backups:
        window.auto_backup.run_on_close(None)
    # After an unlock the open database is a new one: the session knows which.
    window.session.close()
    if demo_dir is not None:
        demo_dir.cleanup()
    return code


def _start(
    db_path: Target, accounts: list[tuple[str, str]], demo_password: str,
    automatic_backups: bool = True, preferences: Preferences | None = None,
) -> MainWindow | int:
    """First-run setup or sign-in, then the main window; or the exit code (cancelled: 0).

    A function of its own so that nothing but the window's session keeps the opened
    database once this returns: the idle lock must be able to let go of it.

    On a server there are no automatic backups (the server is backed up with pg_dump),
    and a server signed in to or created by the setup is remembered in the configuration.
    """
    preferences = preferences if preferences is not None else Preferences()
    target: Target = db_path
    if isinstance(target, ServerUrl):
        automatic_backups = False
        probed = probe_server(target)
        if isinstance(probed, int):
            return probed
        target, initialised = probed
        needs_setup = not initialised
    else:
        needs_setup = not target.exists()
    if needs_setup:
        setup = SetupDialog(target)
        if setup.exec() != QDialog.DialogCode.Accepted or setup.result_value is None:
            return 0
        (database, actor), setup.result_value = setup.result_value, None
        if isinstance(setup.created_target, ServerUrl):
            automatic_backups = False
            preferences.server_url = setup.created_target  # the URL only, no password
        setup.deleteLater()
    else:
        dialog = LoginDialog(target, open_database, accounts, demo_password)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_value is None:
            return 0
        (database, actor), dialog.result_value = dialog.result_value, None
        dialog.deleteLater()
        if isinstance(target, ServerUrl):
            # Signed in to a server (e.g. started once with --db-url): the next start
            # goes there too. The URL only; a server password is never kept.
            preferences.server_url = ServerUrl(target.url)
    try:
        # The window signs the same user in again after an idle lock: the path and the
        # username come with the services, ``open_database`` does the rest.
        return MainWindow(
            services_module.build(database, actor), opener=open_database,
            idle_lock_minutes=Preferences().idle_lock_minutes,
            automatic_backups=automatic_backups, window_state=WindowState(),
        )
    except KnownError as error:
        show_problem(str(error))
        database.dispose()
        return 4
