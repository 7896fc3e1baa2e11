"""Pending account changes: what an administrator asked for and a supervisor decides.

An administrator's new supervisor or administrator, promotion to one, or new password for
one waits as a request (:mod:`models.services.accounts`). This list shows them to everyone
who manages accounts; supervisors also get Approve and Decline. Approving a new account
or a new password asks the supervisor for that password (it is never stored with the
request). The services refuse the requester deciding their own request; the buttons
only mirror that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.shared.background import run_with_progress
from gui.shared.errors import show_error
from gui.shared.labels import role_label
from gui.shared.session import Session
from models.domain.dto import AccountRequestData
from models.domain.errors import KnownError
from models.security.permissions import Operation, allows
from models.storage.keyfile import KdfParams


def rotating_text() -> str:
    """What the progress says while a change rotates the keys (models.storage.rotation)."""
    return QCoreApplication.translate(
        "Accounts", "Changing the database's keys, so that the old ones open nothing…")


@dataclass(frozen=True)
class DialogParts:
    """What the approval dialog is made of, from the accounts view (so this module does
    not import it back): its dialog kind, its password fields and its key-slot costs."""

    dialog: Callable[[QWidget], Any]
    passwords: Callable[[Callable[[], tuple[str, str]], QWidget], Any]
    kdf: Callable[[], KdfParams | None]


class PendingChangesPanel(QWidget):
    """The pending account changes, with Approve and Decline for supervisors."""

    def __init__(self, session: Session, parts: DialogParts,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts = parts
        self.setObjectName("pendingChanges")
        self._session = session
        self._requests: list[AccountRequestData] = []
        self.dialog: QDialog | None = None
        self.list = QListWidget()
        self.list.setObjectName("pendingChangesList")
        self.list.setAccessibleName(self.tr("Pending changes"))
        self.list.setMaximumHeight(6 * self.fontMetrics().height())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.clicked.connect(self.approve)
        self.decline_button = QPushButton(self.tr("Decline"))
        self.decline_button.clicked.connect(self.decline)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Pending changes (another supervisor approves):")))
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.decline_button)
        if not allows(session.services.actor.role, Operation.APPROVE_ACCOUNT_CHANGES):
            self.approve_button.hide()
            self.decline_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self._update_buttons()

    def refresh(self) -> None:
        self._requests = self._session.services.accounts.requests()
        self.list.clear()
        for request in self._requests:
            item = QListWidgetItem(self._describe(request))
            item.setData(Qt.ItemDataRole.UserRole, request.id)
            self.list.addItem(item)
        self.setVisible(bool(self._requests))
        self._update_buttons()

    def clear(self) -> None:
        """Forget the requests and close an open approval (about to lock)."""
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self._requests = []
        self.list.clear()

    def _describe(self, request: AccountRequestData) -> str:
        what = {
            "create": self.tr("New account {username} ({role})"),
            "role": self.tr("{username} to become {role}"),
            "password": self.tr("New password for {username}"),
        }[request.kind]
        role = role_label(request.role) if request.role else ""
        return self.tr("{number}: {what}, asked by {requester}").format(
            number=request.id, what=what.format(username=request.username, role=role),
            requester=request.requested_by)

    def selected(self) -> AccountRequestData | None:
        row = self.list.currentRow()
        return self._requests[row] if 0 <= row < len(self._requests) else None

    def _update_buttons(self) -> None:
        request = self.selected()
        mine = request is not None and request.requested_by == self._session.actor.username
        for button in (self.approve_button, self.decline_button):
            button.setEnabled(request is not None and not mine)

    def approve(self) -> None:
        request = self.selected()
        if request is None or self._session.is_locked:
            return
        accounts = self._session.services.accounts
        if request.kind == "role":  # may take a key away: the keys rotate
            self._decide(lambda: run_with_progress(self, rotating_text(), lambda report: (
                accounts.approve_request(request.id, progress=report))))
            return
        dialog = self._parts.dialog(self)
        dialog.setWindowTitle(self.tr("Approve"))
        passwords = self._parts.passwords(
            lambda: (request.username, request.display_name), dialog)
        intro = QLabel(self._describe(request) + "\n" + self.tr(
            "Type the account's password; tell it to them in person. They should change it "
            "at their next sign-in."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(dialog)
        for widget in (intro, passwords, dialog.error, dialog.buttons):
            layout.addWidget(widget)

        def ready() -> None:
            dialog.ok_button().setEnabled(passwords.check())

        passwords.password.textChanged.connect(ready)
        passwords.repeat.textChanged.connect(ready)
        ready()

        def submit() -> None:
            password, kdf = passwords.password.text(), self._parts.kdf()
            run_with_progress(dialog, rotating_text(), lambda report: (
                accounts.approve_request(request.id, password, kdf=kdf, progress=report)))

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def decline(self) -> None:
        request = self.selected()
        if request is not None and not self._session.is_locked:
            self._decide(lambda: self._session.services.accounts.decline_request(request.id))

    def _decide(self, action: Callable[[], object]) -> None:
        try:
            action()
        except KnownError as error:
            show_error(self, error, self.tr("Pending changes"))
