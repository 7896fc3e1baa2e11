"""The sign-in dialog. In demo mode it lists the demo accounts and fills them in on click."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from models.errors import KnownError
from models.store import Actor, Database

Opener = Callable[[Path, str, str], tuple[Database, Actor]]


class LoginDialog(QDialog):
    """Asks for username and password and opens the database with them.

    Attributes:
        result_value: the opened database and actor once sign-in succeeded.
    """

    def __init__(
        self, db_path: Path, opener: Opener,
        demo_accounts: Sequence[tuple[str, str]] = (), demo_password: str = "",
        parent: object | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._db_path = db_path
        self._opener = opener
        self._demo_password = demo_password
        self.result_value: tuple[Database, Actor] | None = None
        self.setWindowTitle(self.tr("Suoja — sign in"))
        self.setMinimumWidth(420)

        heading = QLabel(self.tr("<h2>Suoja</h2>Case management for breach victims"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        database_label = QLabel(self.tr("Database: {name}").format(name=db_path.name))
        database_label.setStyleSheet("color: palette(mid);")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self._sign_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if demo_accounts:
            layout.addWidget(self._demo_box(demo_accounts))
        layout.addWidget(database_label)
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
        for username, role in accounts:
            item = QListWidgetItem(f"{username}  —  {role.replace('_', ' ')}")
            item.setData(Qt.ItemDataRole.UserRole, username)
            listing.addItem(item)
        listing.setMaximumHeight(130)
        listing.itemDoubleClicked.connect(self._fill_demo)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(hint)
        box_layout.addWidget(listing)
        return box

    def _fill_demo(self, item: QListWidgetItem) -> None:
        self.username.setText(item.data(Qt.ItemDataRole.UserRole))
        self.password.setText(self._demo_password)
        self.password.setFocus()

    def _sign_in(self) -> None:
        username = self.username.text().strip()
        if not username or not self.password.text():
            self._show_error(self.tr("Enter your username and password."))
            return
        try:
            self.result_value = self._opener(self._db_path, username, self.password.text())
        except KnownError as error:
            self.password.clear()
            self._show_error(str(error))
            return
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
