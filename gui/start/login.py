"""The sign-in dialog. In demo mode it lists the demo accounts and fills one in when chosen.

It signs in to a database file or to a PostgreSQL server database. When the server asks
for a password libpq could not find (``~/.pgpass``, a service file), a *Server password*
field appears; that password is kept in memory for this run only, never saved.

Shown as soon as the app starts, it imports only what it shows: the database (SQLAlchemy,
the entities, the backups) is loaded by the opener it is given, once a password is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.shared.background import run_with_progress
from gui.shared.fit import grow_for_wrapped_text
from gui.shared.forms import error_style
from gui.shared.labels import role_label
from gui.shared.style import icon
from models.domain.errors import DamagedData, KnownError
from models.storage.errors import from_database_error
from models.storage.server_url import ServerPasswordNeeded, ServerUrl

if TYPE_CHECKING:  # the database's modules load with the first sign-in, not before
    from models.storage.unit_of_work import Actor, Database, Target

Opener = Callable[["Target", str, str], "tuple[Database, Actor]"]
#: A demo account as the sign-in lists it: (username, role value[, display name]).
DemoEntry = tuple[str, ...]

#: Demo accounts listed without scrolling; more than that (a big seeded demo) scroll.
MAX_DEMO_ROWS_SHOWN = 12
_ROLE_ORDER = {"counsellor": 0, "police_liaison": 1, "supervisor": 2, "administrator": 3}


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
    return isinstance(error, DamagedData)


class LoginDialog(QDialog):
    """Asks for username and password and opens the database with them.

    Args:
        db_path: the database: a file (:class:`~pathlib.Path`) or a server
            (:class:`~models.storage.server.ServerUrl`).

    Attributes:
        result_value: the opened database and actor once sign-in succeeded.
    """

    def __init__(
        self, db_path: Target, opener: Opener,
        demo_accounts: Sequence[DemoEntry] = (), demo_password: str = "",
        parent: object | None = None, organisation: str = "",
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._db_path: Target = db_path
        self._opener = opener
        self._demo_password = demo_password
        self.result_value: tuple[Database, Actor] | None = None
        #: Where a backup was restored to and opened from, when the database was damaged.
        self.restored_to: Path | None = None
        #: The demo accounts' table (demo mode only).
        self.demo_accounts: QTableWidget | None = None
        if organisation:  # the deployment file's name: where the person is signing in
            self.setWindowTitle(self.tr("Suoja — {organisation} — sign in").format(
                organisation=organisation))
        else:
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
        subtitle = QLabel(organisation or self.tr("Case management for breach victims"))
        subtitle.setObjectName("subtitle")
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
        self.error.setStyleSheet(error_style())
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
        sign_in.setObjectName("signIn")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancelSignIn")
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

    def _demo_box(self, accounts: Sequence[DemoEntry]) -> QGroupBox:
        box = QGroupBox(self.tr("Demo accounts (synthetic data only)"))
        hint = QLabel(
            self.tr("Password for every demo account: <b>{password}</b>. "
                    "Choose an account to fill it in, or double-click it to sign in.").format(
                password=self._demo_password)
        )
        hint.setWordWrap(True)
        table = QTableWidget(0, 3)
        self.demo_accounts = table
        table.setObjectName("demoAccounts")
        table.setAccessibleName(self.tr("Demo accounts"))
        table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Username"), self.tr("Name")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab moves on to the buttons
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        # Grouped by role, the counsellors (the people most demos are about) first.
        ordered = sorted(accounts, key=lambda entry: _ROLE_ORDER.get(entry[1], len(_ROLE_ORDER)))
        for row, entry in enumerate(ordered):
            username, role = entry[0], entry[1]
            name = entry[2] if len(entry) > 2 else ""
            table.insertRow(row)
            for column, text in enumerate((role_label(role), username, name)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, username)
                table.setItem(row, column, item)
        row_height = self.fontMetrics().height() + 6
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(row_height)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # Every account in view at once (up to a dozen; a bigger list scrolls).
        shown = min(table.rowCount(), MAX_DEMO_ROWS_SHOWN)
        table.setFixedHeight(header.sizeHint().height() + shown * row_height
                             + 2 * table.frameWidth())
        if table.rowCount() <= MAX_DEMO_ROWS_SHOWN:
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.currentCellChanged.connect(self._fill_demo)
        table.cellDoubleClicked.connect(self._sign_in_as_demo)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(hint)
        box_layout.addWidget(table)
        # Its height is its content's: extra room in the dialog goes below, not inside.
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return box

    def _fill_demo(self, row: int, *_rest: int) -> None:
        table = self.demo_accounts
        item = table.item(row, 0) if table is not None and row >= 0 else None
        if item is None:
            return
        self.username.setText(item.data(Qt.ItemDataRole.UserRole))
        self.password.setText(self._demo_password)
        self.error.hide()

    def _sign_in_as_demo(self, row: int, _column: int) -> None:
        self._fill_demo(row)
        self._sign_in()

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
        password = self.password.text()
        try:
            # Off the GUI thread: Argon2id, and at times finishing a key rotation that
            # re-seals every note (seconds on a large database).
            self.result_value = run_with_progress(
                self, self.tr("Signing in…"),
                lambda _report: self._opener(target, username, password))
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
        from models.storage.maintenance import (
            latest_automatic_backup,
            restore_backup,
            restored_path,
        )

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
