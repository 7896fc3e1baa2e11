"""Starting the desktop app: the Qt application, the database location, sign-in, window."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.crash import install_excepthook
from gui.login import LoginDialog
from gui.main_window import MainWindow
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
    install_excepthook()

    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    accounts: list[tuple[str, str]] = []
    demo_password = ""
    if demo:
        demo_dir = tempfile.TemporaryDirectory(prefix="suoja-demo-")
        db_path, accounts, demo_password = prepare_demo(Path(demo_dir.name))
    db_path = db_path or default_database_path()
    if not db_path.exists():
        QMessageBox.information(
            None, "Suoja",
            f"There is no database at {db_path} yet. Create one with:\n\n"
            f"python main.py init --db {db_path} --user YOUR-NAME",
        )
        return 2

    dialog = LoginDialog(db_path, open_database, accounts, demo_password)
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.result_value is None:
        return 0
    database, actor = dialog.result_value
    try:
        window = MainWindow(services_module.build(database, actor))
    except KnownError as error:
        QMessageBox.critical(None, "Suoja", str(error))
        database.dispose()
        return 4
    window.show()
    code = app.exec()
    database.dispose()
    if demo_dir is not None:
        demo_dir.cleanup()
    return code
