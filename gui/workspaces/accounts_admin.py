"""Account administration: create, lock, unlock, reset a password, change a role.

For administrators and supervisors (``Operation.MANAGE_ACCOUNTS``). Accounts are locked,
never deleted, so the audit trail stays whole. Every change goes through
:class:`~models.services.accounts.AccountService`, which checks the role, refuses weak
passwords and writes the audit event; the dialogs check passwords as they are typed so
the reason shows before anything is saved.

If the app locks while a dialog is open, its ``form_draft`` keeps what was typed — except
passwords, which are never kept — and :meth:`AccountsView.reopen_form` opens it again after
unlocking (:mod:`gui.shared.drafts`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.shared import drafts
from gui.shared.background import run_with_progress
from gui.shared.drafts import FormDraft
from gui.shared.errors import show_error
from gui.shared.fit import grow_for_wrapped_text
from gui.shared.labels import role_label
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.navigation import Place
from gui.shared.record_table import Column, RecordTableModel
from gui.shared.session import Session
from gui.shared.style import MUTED_COLOUR, readable, readable_style
from gui.shared.workspace import Host
from gui.workspaces.account_requests import DialogParts, PendingChangesPanel, rotating_text
from models.domain.changes import Change, ChangeKind
from models.domain.dto import AccountRequestData, UserData
from models.domain.enums import Role
from models.domain.errors import KnownError, ValidationError
from models.domain.formatting import datetime_text
from models.security.passwords import check_password
from models.security.permissions import Operation, allows
from models.storage.keyfile import KdfParams

PLACE_KEY = "accounts"

#: Argon2id parameters for new key slots; ``None`` means the production defaults.
#: Tests set cheap ones here.
KDF: KdfParams | None = None

# Why the password fields are off: the approving supervisor types it.
_ASKS = QT_TRANSLATE_NOOP(
    "AccountsView", "A supervisor approves this and sets the password then.")
_ERROR_COLOUR = "#b3261e"
_OK_COLOUR = "#1b6e2d"


def _state(user: UserData) -> str:
    if user.is_active:
        return QCoreApplication.translate("accounts_admin", "Active")
    return QCoreApplication.translate("accounts_admin", "Locked")


def _last_sign_in(user: UserData) -> str:
    return (datetime_text(user.last_login_at)
            or QCoreApplication.translate("accounts_admin", "never"))


class UserTableModel(RecordTableModel):
    """Every account (a few dozen: held in full); locked ones are muted."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Username"), lambda u: u.username),
        Column(QT_TRANSLATE_NOOP("columns", "Display name"), lambda u: u.display_name),
        Column(QT_TRANSLATE_NOOP("columns", "Role"), lambda u: role_label(u.role)),
        Column(QT_TRANSLATE_NOOP("columns", "State"), _state),
        Column(QT_TRANSLATE_NOOP("columns", "Last sign-in"), _last_sign_in),
    )

    def foreground(self, record: UserData, column: int) -> QColor | None:
        return None if record.is_active else readable(MUTED_COLOUR)


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_label(role.value).capitalize(), role.value)
    return combo


class PasswordFields(QWidget):
    """A new password typed twice, checked as it is typed; the reason shows below."""

    def __init__(self, name_parts: Callable[[], tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name_parts = name_parts
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New password"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        self.feedback = QLabel()
        self.feedback.setObjectName("passwordFeedback")
        self.feedback.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("Password:"), self.password)
        layout.addRow(self.tr("Repeat:"), self.repeat)
        layout.addRow("", self.feedback)
        self.password.textChanged.connect(self.check)
        self.repeat.textChanged.connect(self.check)

    def check(self) -> bool:
        """Whether the password is acceptable; shows the reason when it is not."""
        password = self.password.text()
        if not password:
            self.feedback.setStyleSheet("")
            self.feedback.setText(self.tr("At least 12 characters; several unrelated words "
                                          "work well."))
            return False
        username, display_name = self._name_parts()
        try:
            check_password(password, username=username, display_name=display_name)
        except ValidationError as error:
            self.feedback.setStyleSheet(readable_style(_ERROR_COLOUR))
            self.feedback.setText(str(error))
            return False
        if password != self.repeat.text():
            self.feedback.setStyleSheet(readable_style(_ERROR_COLOUR))
            self.feedback.setText(self.tr("The two passwords are not the same."))
            return False
        self.feedback.setStyleSheet(readable_style(_OK_COLOUR))
        self.feedback.setText(self.tr("Strong enough."))
        return True


class _ActionDialog(QDialog):
    """A dialog whose OK runs ``submit``; a refusal is shown inline and the dialog stays."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Room for a password's reason on two or three lines, and more when it needs it.
        self.setMinimumWidth(max(420, 56 * self.fontMetrics().averageCharWidth()))
        grow_for_wrapped_text(self)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet(readable_style(_ERROR_COLOUR))
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.submit: Callable[[], None] = lambda: None

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _submit(self) -> None:
        try:
            self.submit()
        except KnownError as error:
            self.error.setText(str(error))
            return
        self.accept()

    def passwords_not_kept(self) -> None:
        """Say why the password fields are empty after the app was locked and unlocked."""
        self.error.setText(self.tr("Passwords are not kept while Suoja is locked: type the "
                                   "new password again."))


class CreateAccountDialog(_ActionDialog):
    def __init__(self, parent: QWidget | None = None,
                 asks: Callable[[Role], bool] = lambda _role: False) -> None:
        super().__init__(parent)
        self._asks = asks  # whether the role chosen waits for a supervisor's approval
        self.setWindowTitle(self.tr("New account"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. kaisa.koski"))
        self.display_name = QLineEdit()
        self.role = _role_combo()
        self.role.setCurrentIndex(self.role.findData(Role.COUNSELLOR.value))
        self.passwords = PasswordFields(
            lambda: (self.username.text().strip().lower(), self.display_name.text().strip()))
        form = QFormLayout()
        form.addRow(self.tr("Username:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.username, self.display_name, self.passwords.password,
                     self.passwords.repeat):
            edit.textChanged.connect(self._update)
        self.role.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.error.clear()
        ready = bool(self.username.text().strip() and self.display_name.text().strip())
        asks = self._asks(Role(self.role.currentData()))
        self.passwords.setEnabled(not asks)
        self.ok_button().setEnabled((asks or self.passwords.check()) and ready)
        if asks:
            self.passwords.feedback.setText(QCoreApplication.translate("AccountsView", _ASKS))

    def form_draft(self) -> FormDraft:
        """The new account's name and role (never the password), to reopen after a lock."""
        typed = bool(self.username.text() or self.display_name.text()
                     or self.role.currentData() != Role.COUNSELLOR.value)
        values = {"username": self.username.text(), "display_name": self.display_name.text(),
                  "role": self.role.currentData()} if typed else {}
        return FormDraft(kind=drafts.ACCOUNT_CREATE, values=values)

    def restore_draft(self, draft: FormDraft) -> None:
        if draft.values:
            self.username.setText(str(draft.values.get("username", "")))
            self.display_name.setText(str(draft.values.get("display_name", "")))
            self.role.setCurrentIndex(max(self.role.findData(draft.values.get("role")), 0))
        self.passwords_not_kept()


class ResetPasswordDialog(_ActionDialog):
    def __init__(self, user: UserData, parent: QWidget | None = None,
                 asks: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset password"))
        self.passwords = PasswordFields(lambda: (user.username, user.display_name))
        intro = QLabel(self.tr("A new password for {name} ({username}). Tell it to them "
                               "in person; they should change it at their next sign-in."
                               ).format(name=user.display_name, username=user.username))
        if asks:  # the password waits for a supervisor, who sets it when approving
            self.passwords.hide()
            intro.setText(f"{user.display_name} ({user.username}): "
                          + QCoreApplication.translate("AccountsView", _ASKS))
        self._asks = asks
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.passwords)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.passwords.password, self.passwords.repeat):
            edit.textChanged.connect(self._update)
        self._update()
        self.user_id = user.id

    def _update(self) -> None:
        self.error.clear()
        self.ok_button().setEnabled(self._asks or self.passwords.check())

    def form_draft(self) -> FormDraft:
        """Whose password was being reset (the password itself is never kept)."""
        return FormDraft(kind=drafts.ACCOUNT_RESET, record_id=self.user_id)

    def restore_draft(self, draft: FormDraft) -> None:
        self.passwords_not_kept()


class ChangeRoleDialog(_ActionDialog):
    def __init__(self, user: UserData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change role"))
        self.role = _role_combo()
        self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
        self.user_id = user.id
        self._role_before = user.role
        form = QFormLayout()
        form.addRow(self.tr("Account:"), QLabel(f"{user.display_name} ({user.username})"))
        form.addRow(self.tr("Role:"), self.role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def form_draft(self) -> FormDraft:
        """Whose role, and the role chosen so far, to reopen after a lock."""
        chosen = self.role.currentData()
        return FormDraft(kind=drafts.ACCOUNT_ROLE, record_id=self.user_id,
                         values={"role": chosen} if chosen != self._role_before else {})

    def restore_draft(self, draft: FormDraft) -> None:
        if draft.values:
            self.role.setCurrentIndex(max(self.role.findData(draft.values.get("role")), 0))


class AccountsView(QWidget):
    """The account administration screen. Shows nothing while the session is locked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsView")
        self._session = session
        self._loaded = False
        self.dialog: QDialog | None = None

        self.model = UserTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one Tab leaves the table
        self.table.setObjectName("accountsTable")
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(UserTableModel.columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        self.create_button = QPushButton(self.tr("New account…"))
        self.create_button.clicked.connect(self.open_create_dialog)
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.clicked.connect(lambda: self.set_active(False))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(lambda: self.set_active(True))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.role_button = QPushButton(self.tr("Change role…"))
        self.role_button.clicked.connect(self.open_role_dialog)
        self.organisation_button = QPushButton(self.tr("Organisation…"))
        self.organisation_button.setObjectName("organisationButton")
        self.organisation_button.setToolTip(self.tr(
            "What every PDF and every letter to a client says on the organisation's behalf"))
        self.organisation_button.clicked.connect(self.open_organisation_dialog)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.lock_button, self.unlock_button,
                       self.reset_button, self.role_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.organisation_button)
        # Only ever hidden here: a widget shown before it has a parent becomes a window.
        if not allows(session.services.actor.role, Operation.MANAGE_ORGANISATION):
            self.organisation_button.hide()

        hint = QLabel(self.tr("Accounts are locked, never deleted, so the audit trail stays "
                              "whole. A locked account cannot sign in."))
        hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("accountsStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.pending = PendingChangesPanel(
            session, DialogParts(_ActionDialog, PasswordFields, lambda: KDF))
        layout.addWidget(self.pending)
        layout.addWidget(hint)
        layout.addWidget(self.status)

        session.about_to_lock.connect(self.clear)
        session.unlocked.connect(lambda _services: self._reload_if_visible())
        session.changes.subscribe(self._on_change)
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Override of QWidget.showEvent: load on first display."""
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def _reload_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._session.is_locked:
            return
        chosen = self.selected_user()
        self.model.set_records(self._session.services.accounts.list_users())
        self.pending.refresh()
        self._loaded = True
        if chosen is not None:
            self.select_user(chosen.id)

    def clear(self) -> None:
        """Forget every account shown and close an open dialog (about to lock)."""
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.model.set_records([])
        self.pending.clear()
        self.status.clear()
        self._loaded = False

    def _on_change(self, change: Change) -> None:
        if change.kind == ChangeKind.USER and self._loaded and not self._session.is_locked:
            self.refresh()

    # -- selection -------------------------------------------------------------------

    def selected_user(self) -> UserData | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_user(self, user_id: int) -> None:
        row = self.model.row_of(user_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected_user()
        own = user is not None and user.id == self._session.actor.user_id
        self.lock_button.setEnabled(user is not None and user.is_active and not own)
        # Unlocking gives the account its role's keys again: what an administrator does
        # not hold, only a supervisor can give (the button says why it is off).
        beyond = (user is not None and not self._session.is_locked
                  and self._session.services.accounts.needs_approval(user.role))
        self.unlock_button.setEnabled(user is not None and not user.is_active and not own
                                      and not beyond)
        self.unlock_button.setToolTip(self.tr(
            "Only a supervisor can unlock an account that reads case content or manages "
            "accounts.") if beyond else "")
        self.reset_button.setEnabled(user is not None and not own)
        self.role_button.setEnabled(user is not None and not own)

    # -- actions ---------------------------------------------------------------------

    def set_active(self, active: bool) -> None:
        user = self.selected_user()
        if user is None or self._session.is_locked:
            return
        accounts = self._session.services.accounts
        try:
            if active:
                accounts.set_active(user.id, active)
            else:  # locking rotates the keys: slow on a large database
                run_with_progress(self, rotating_text(), lambda report: accounts.set_active(
                    user.id, active, progress=report))
        except KnownError as error:
            show_error(self, error, self.tr("Accounts"))
            return
        message = self.tr("{username} unlocked.") if active else self.tr("{username} locked.")
        if accounts.rotation_waits():
            message += " " + self.tr("Another program has the database open, so its file is "
                                     "re-encrypted under the new key at the next sign-in.")
        self.status.setText(message.format(username=user.username))

    def reopen_form(self, draft: FormDraft) -> bool | None:
        """Open an account dialog again as it was when the app locked.

        Returns:
            ``None`` if ``draft`` is not one of this view's dialogs; False if it cannot
            come back (the account is gone from the list, or the dialog would refuse it).
        """
        openers = {drafts.ACCOUNT_CREATE: self.open_create_dialog,
                   drafts.ACCOUNT_RESET: self.open_reset_dialog,
                   drafts.ACCOUNT_ROLE: self.open_role_dialog}
        opener = openers.get(draft.kind)
        if opener is None:
            return None
        if self._session.is_locked:
            return False
        if not self._loaded:
            self.refresh()
        if draft.record_id is not None:
            self.select_user(draft.record_id)
            user = self.selected_user()
            if user is None or user.id != draft.record_id:
                return False
            if user.id == self._session.actor.user_id:
                return False  # the buttons refuse one's own account
        return opener(draft=draft) is not None

    def open_create_dialog(self, *, draft: FormDraft | None = None) -> CreateAccountDialog:
        dialog = CreateAccountDialog(self, self._session.services.accounts.needs_approval)
        if draft is not None:
            dialog.restore_draft(draft)

        def submit() -> None:
            created = self._session.services.accounts.create_user(
                dialog.username.text(), dialog.display_name.text(),
                Role(dialog.role.currentData()), dialog.passwords.password.text(), kdf=KDF)
            if isinstance(created, AccountRequestData):
                self._asked(created)
                return
            self.status.setText(self.tr("Account {username} created.").format(
                username=created.username))
            self.select_user(created.id)

        dialog.submit = submit
        self._show(dialog)
        return dialog

    def open_reset_dialog(self, *, draft: FormDraft | None = None
                          ) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        asks = self._session.services.accounts.needs_approval(user.role)
        dialog = ResetPasswordDialog(user, self, asks)
        if draft is not None:
            dialog.restore_draft(draft)

        def submit() -> None:
            accounts = self._session.services.accounts
            password = None if asks else dialog.passwords.password.text()
            if self._asked(run_with_progress(dialog, rotating_text(), lambda report: (
                    accounts.reset_password(user.id, password, kdf=KDF, progress=report)))):
                return
            self.status.setText(self.tr("Password of {username} reset.").format(
                username=user.username))

        dialog.submit = submit
        self._show(dialog)
        return dialog

    def open_organisation_dialog(self) -> None:
        """The organisation's settings for every PDF (administrators and supervisors)."""
        from gui.workspaces.organisation import OrganisationDialog

        dialog = OrganisationDialog(self._session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_role_dialog(self, *, draft: FormDraft | None = None) -> ChangeRoleDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = ChangeRoleDialog(user, self)
        if draft is not None:
            dialog.restore_draft(draft)

        def submit() -> None:
            accounts, role = self._session.services.accounts, Role(dialog.role.currentData())
            changed = run_with_progress(dialog, rotating_text(), lambda report: (
                accounts.change_role(user.id, role, progress=report)))
            if isinstance(changed, AccountRequestData):
                self._asked(changed)
                return
            self.status.setText(self.tr("{username} is now a {role}.").format(
                username=changed.username, role=role_label(changed.role)))

        dialog.submit = submit
        self._show(dialog)
        return dialog

    def _asked(self, result: object) -> bool:
        """Say that a change waits for another supervisor (``result`` is its request)."""
        if isinstance(result, AccountRequestData):
            self.status.setText(self.tr("A supervisor must approve this: it waits as "
                                        "request {number}.").format(number=result.id))
        return isinstance(result, AccountRequestData)

    def _show(self, dialog: QDialog) -> None:
        assign_mnemonics(dialog)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()


def register(host: Host) -> AccountsView | None:
    """Add the accounts place when the signed-in role may manage accounts.

    Administrators see no case places, so the main window hides its navigation for
    them; the accounts place is then their only one, so it is shown and selected.
    """
    if not allows(host.session.actor.role, Operation.MANAGE_ACCOUNTS):
        return None
    view = AccountsView(host.session)
    place = Place(PLACE_KEY, QCoreApplication.translate("AccountsView", "Accounts"), "key",
                  QCoreApplication.translate(
                      "AccountsView",
                      "Create, lock and unlock accounts; reset passwords; change roles"))
    host.add_place(place, view, reopen_form=view.reopen_form)
    if allows(host.session.actor.role, Operation.LIST_CASES):
        return view

    def show_accounts(*_args: object) -> None:
        # After the window's own resume, which shows its "no case records" page.
        host.select_place(PLACE_KEY)  # shows the navigation and the place

    show_accounts()
    host.session.unlocked.connect(show_accounts)
    return view
