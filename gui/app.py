"""Starting the desktop app: the Qt application, the database location, first-run setup or
sign-in, and the main window."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from gui.crash import install_excepthook
from gui.login import LoginDialog
from gui.main_window import MainWindow
from gui.settings import Preferences, WindowState
from gui.setup import SetupDialog
from gui.style import apply_style
from models import services as services_module
from models.errors import KnownError
from models.store import open_database

DEMO_VICTIMS = 2000
DEMO_SUPERVISOR = "supervisor"


def default_database_path() -> Path:
    folder = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    return folder / "suoja.db"


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


def run_app(db_path: Path | None = None, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Suoja")
    app.setOrganizationName("Suoja")
    apply_style(app)
    install_excepthook()

    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    accounts: list[tuple[str, str]] = []
    demo_password = ""
    if demo:
        demo_dir = tempfile.TemporaryDirectory(prefix="suoja-demo-")
        db_path, accounts, demo_password = prepare_demo(Path(demo_dir.name))
    db_path = db_path or default_database_path()

    window = _start(db_path, accounts, demo_password, automatic_backups=not demo)
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
    db_path: Path, accounts: list[tuple[str, str]], demo_password: str,
    automatic_backups: bool = True,
) -> MainWindow | int:
    """First-run setup or sign-in, then the main window; or the exit code (cancelled: 0).

    A function of its own so that nothing but the window's session keeps the opened
    database once this returns: the idle lock must be able to let go of it.
    """
    if not db_path.exists():
        setup = SetupDialog(db_path)
        if setup.exec() != QDialog.DialogCode.Accepted or setup.result_value is None:
            return 0
        (database, actor), setup.result_value = setup.result_value, None
        setup.deleteLater()
    else:
        dialog = LoginDialog(db_path, open_database, accounts, demo_password)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_value is None:
            return 0
        (database, actor), dialog.result_value = dialog.result_value, None
        dialog.deleteLater()
    try:
        # The window signs the same user in again after an idle lock: the path and the
        # username come with the services, ``open_database`` does the rest.
        return MainWindow(
            services_module.build(database, actor), opener=open_database,
            idle_lock_minutes=Preferences().idle_lock_minutes,
            automatic_backups=automatic_backups, window_state=WindowState(),
        )
    except KnownError as error:
        QMessageBox.critical(None, QApplication.translate("app", "Suoja"), str(error))
        database.dispose()
        return 4
