"""The sign-in dialog. In demo mode it lists the demo accounts and fills them in on click.

It signs in to a database file or to a PostgreSQL server database. When the server asks
for a password libpq could not find (``~/.pgpass``, a service file), a *Server password*
field appears; that password is kept in memory for this run only, never saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gui.fit import grow_for_wrapped_text
from gui.forms import ERROR_STYLE
from gui.style import icon
from models.errors import DataError, KnownError, from_database_error
from models.maintenance import latest_automatic_backup, restore_backup, restored_path
from models.server import ServerPasswordNeeded, ServerUrl
from models.store import Actor, Database, Target

Opener = Callable[[Target, str, str], tuple[Database, Actor]]


def describe_target(target: Target) -> str:
    """Where a database is, for people: the file's path, or "DATABASE on HOST"."""
    return target.display if isinstance(target, ServerUrl) else str(target)


def ask_server_password(parent: QWidget | None, target: ServerUrl, problem: str) -> str | None:
    """Ask for the database server's own password (tests replace this); None if cancelled.

    Used before sign-in, when the app must look at the server to choose between first-run
    setup and sign-in. The password is returned, never stored.
    """
    password, ok = QInputDialog.getText(
        parent,
        QApplication.translate("LoginDialog", "Suoja — database server password"),
        QApplication.translate(
            "LoginDialog",
            "{problem}\n\nPassword for the database server ({where}); it is used for this "
            "session only and not saved:",
        ).format(problem=problem, where=target.display),
        QLineEdit.EchoMode.Password,
    )
    return password if ok and password else None


def ask_restore(parent: QWidget, problem: str, backup: Path, target: Path) -> bool:
    """Ask whether to restore the latest automatic backup (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        QApplication.translate("LoginDialog", "Suoja — the database is damaged"),
        QApplication.translate(
            "LoginDialog",
            "{problem}\n\nRestore the latest automatic backup ({backup})?\n\n"
            "It is checked and restored into a new file, {target}, and opened from there. "
            "The damaged file is kept unchanged; changes made after the backup are not in it.",
        ).format(problem=problem, backup=backup.name, target=target.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _is_damage(error: KnownError) -> bool:
    return isinstance(error, DataError) and "damaged" in str(error)


class LoginDialog(QDialog):
    """Asks for username and password and opens the database with them.

    Args:
        db_path: the database: a file (:class:`~pathlib.Path`) or a server
            (:class:`~models.server.ServerUrl`).

    Attributes:
        result_value: the opened database and actor once sign-in succeeded.
    """

    def __init__(
        self, db_path: Target, opener: Opener,
        demo_accounts: Sequence[tuple[str, str]] = (), demo_password: str = "",
        parent: object | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._db_path: Target = db_path
        self._opener = opener
        self._demo_password = demo_password
        self.result_value: tuple[Database, Actor] | None = None
        #: Where a backup was restored to and opened from, when the database was damaged.
        self.restored_to: Path | None = None
        self.setWindowTitle(self.tr("Suoja — sign in"))
        self.setObjectName("loginDialog")
        self.setMinimumWidth(max(440, 48 * self.fontMetrics().averageCharWidth()))
        grow_for_wrapped_text(self)  # a refusal of two lines stays readable

        logo = QLabel()
        size = 2 * self.fontMetrics().height() + 8
        logo.setPixmap(icon("shield").pixmap(QSize(size, size)))
        title = QLabel(self.tr("Suoja"))
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        title.setFont(title_font)
        subtitle = QLabel(self.tr("Case management for breach victims"))
        subtitle.setStyleSheet("color: palette(placeholder-text);")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(title)
        names.addWidget(subtitle)
        heading = QHBoxLayout()
        heading.addWidget(logo)
        heading.addSpacing(8)
        heading.addLayout(names, 1)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # Shown only when the server asks for a password that libpq could not find.
        self.server_password = QLineEdit()
        self.server_password.setObjectName("serverPassword")
        self.server_password.setAccessibleName(self.tr("Server password"))
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        self._form = QFormLayout()
        self._form.addRow(self.tr("&Username"), self.username)
        self._form.addRow(self.tr("&Password"), self.password)
        self._form.addRow(self.tr("Ser&ver password"), self.server_password)
        self._form.setRowVisible(self.server_password, False)
        if isinstance(db_path, ServerUrl):
            where = self.tr("Database server: {where}").format(where=db_path.display)
        else:
            where = self.tr("Database: {where}").format(where=str(db_path))
        self.database_label = QLabel(where)
        self.database_label.setObjectName("signInTarget")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setStyleSheet("color: palette(placeholder-text);")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        sign_in = buttons.button(QDialogButtonBox.StandardButton.Ok)
        sign_in.setText(self.tr("Sign in"))
        sign_in.setDefault(True)  # Enter in either field signs in
        buttons.accepted.connect(self._sign_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addSpacing(4)
        layout.addLayout(self._form)
        layout.addWidget(self.error)
        if demo_accounts:
            layout.addWidget(self._demo_box(demo_accounts))
        layout.addWidget(self.database_label)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _demo_box(self, accounts: Sequence[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(self.tr("Demo accounts (synthetic data only)"))
        hint = QLabel(
            self.tr("Password for every demo account: <b>{password}</b>. "
                    "Double-click an account to fill it in.").format(
                password=self._demo_password)
        )
        hint.setWordWrap(True)
        listing = QListWidget()
        listing.setObjectName("demoAccounts")
        listing.setAccessibleName(self.tr("Demo accounts"))
        for username, role in accounts:
            item = QListWidgetItem(f"{username}  —  {role.replace('_', ' ')}")
            item.setData(Qt.ItemDataRole.UserRole, username)
            listing.addItem(item)
        listing.setMaximumHeight(7 * self.fontMetrics().height() + 12)
        listing.itemDoubleClicked.connect(self._fill_demo)
        listing.itemActivated.connect(self._fill_demo)  # Enter on an account
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(hint)
        box_layout.addWidget(listing)
        return box

    def _fill_demo(self, item: QListWidgetItem) -> None:
        self.username.setText(item.data(Qt.ItemDataRole.UserRole))
        self.password.setText(self._demo_password)
        self.password.setFocus()

    @property
    def target(self) -> Target:
        """Where this dialog signs in to."""
        return self._db_path

    @property
    def asks_server_password(self) -> bool:
        """Whether the *Server password* field is shown."""
        return not self.server_password.isHidden()

    def _sign_in(self) -> None:
        username = self.username.text().strip()
        if not username or not self.password.text():
            self._show_error(self.tr("Enter your username and password."))
            return
        target = self._db_path
        if self.asks_server_password and isinstance(target, ServerUrl):
            if not self.server_password.text():
                self._show_error(self.tr("Enter the database server's password."))
                self.server_password.setFocus()
                return
            target = target.with_password(self.server_password.text())
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_value = self._opener(target, username, self.password.text())
        except ServerPasswordNeeded as needed:
            self._ask_server_password(str(needed))
            return
        except KnownError as error:
            if not (_is_damage(error) and self._offer_restore(str(error), username)):
                self._refused(str(error))
            return
        except Exception as error:  # a driver error: a plain sentence if it is an expected one
            known = from_database_error(error)
            if known is None:
                raise
            self._refused(str(known))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._db_path = target  # the server password, if any, stays in memory only
        self.server_password.clear()
        self.accept()

    def _ask_server_password(self, problem: str) -> None:
        self._form.setRowVisible(self.server_password, True)
        self.server_password.clear()
        self._show_error(self.tr("{problem} Enter it below; it is not saved.").format(
            problem=problem))
        self.server_password.setFocus()

    def _offer_restore(self, problem: str, username: str) -> bool:
        """Offer the latest automatic backup; True if it was restored, opened and accepted.

        The backup is restored into a new path beside the database (never over it). A
        server has no automatic backups here: it is backed up on the server.
        """
        if not isinstance(self._db_path, Path):
            return False
        backup = latest_automatic_backup(self._db_path)
        if backup is None:
            return False
        target = restored_path(self._db_path)
        if not ask_restore(self, problem, backup, target):
            return False
        try:
            restore_backup(backup, target, username, self.password.text())
            self.result_value = self._opener(target, username, self.password.text())
        except KnownError as error:
            self._refused(self.tr("The backup could not be restored: {reason}").format(
                reason=str(error)))
            return True
        self.restored_to = target
        self._db_path = target
        self.accept()
        return True

    def _refused(self, message: str) -> None:
        self.password.clear()
        self.server_password.clear()
        self._show_error(message)
        self.password.setFocus()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
