"""First run: create the encrypted database and the first supervisor, then the recovery code.

Two steps in one window. *Create* asks for the supervisor's username, name and password
(checked inline with the same rules as everywhere: ``models.passwords``) and creates the
database with :func:`models.store.create_database` on a worker, since Argon2id takes a
moment. *Recovery code* shows the code once, explains what it is for, and lets the person
go on only after confirming it is stored safely. The dialog then hands the opened database
and the supervisor to the caller, who starts the main window — no second sign-in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.forms import ERROR_STYLE, Form
from gui.style import icon
from gui.tasks import run_task
from models.errors import KnownError, ValidationError
from models.keyfile import KdfParams
from models.passwords import check_password
from models.store import Actor, Database, InitResult, create_database
from models.validation import validate_text

_USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


def _check_username(text: str) -> str:
    name = validate_text(text, field="Username", max_length=64).lower()
    if not set(name) <= _USERNAME_CHARS:
        raise ValidationError("Username", "may use only a–z, digits, dot, dash and underscore")
    return name


class SetupDialog(QDialog):
    """Creates a new database. ``result_value`` holds (database, supervisor) when accepted.

    Args:
        db_path: where the database will be created (the user may choose another place).
        kdf: Argon2id cost for the key slots (tests pass a cheap one).
    """

    def __init__(self, db_path: Path, kdf: KdfParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self.db_path = db_path
        self._kdf = kdf
        self.result_value: tuple[Database, Actor] | None = None
        self.recovery_code = ""
        self.setWindowTitle(self.tr("Set up Suoja"))
        metrics = self.fontMetrics()
        self.setMinimumWidth(max(560, 62 * metrics.averageCharWidth()))

        self.stack = QStackedWidget()
        self.stack.addWidget(self._create_page())
        self.stack.addWidget(self._code_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(self.stack)
        self._update_create_button()
        self.username.editor.setFocus()

    # -- step 1 --------------------------------------------------------------------------

    def _create_page(self) -> QWidget:
        page = QWidget()
        title = self._title(self.tr("Welcome to Suoja"))
        intro = QLabel(self.tr(
            "There is no Suoja database on this computer yet. This creates one, encrypted, "
            "and your supervisor account. You can add counsellors and other staff "
            "afterwards."))
        intro.setWordWrap(True)

        self.location = QLabel()
        self.location.setObjectName("setupLocation")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_location = QPushButton(self.tr("Change…"))
        self.change_location.setObjectName("changeLocation")
        self.change_location.setAutoDefault(False)
        self.change_location.clicked.connect(self._choose_location)
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(self.change_location)
        self._show_location()

        self.form = Form()
        self.form.setObjectName("setupForm")
        self.username = self.form.line("setupUsername", self.tr("Username"), _check_username,
                                       required=True, placeholder=self.tr("e.g. maria"))
        self.display_name = self.form.line(
            "setupDisplayName", self.tr("Your name"),
            lambda t: validate_text(t, field="Name", max_length=200), required=True,
            placeholder=self.tr("as colleagues see it, e.g. Maria Virtanen"))
        self.password = self.form.line("setupPassword", self.tr("Password"),
                                       self._check_password, required=True)
        self.repeat = self.form.line("setupRepeat", self.tr("Password again"),
                                     self._check_repeat, required=True)
        for field in (self.password, self.repeat):
            editor = field.editor
            assert isinstance(editor, QLineEdit)
            editor.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(self.tr(
            "At least 12 characters; several unrelated words work well. Your password "
            "opens the encrypted database: nobody can look it up for you later."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.username.changed.connect(self._revalidate_password)
        self.display_name.changed.connect(self._revalidate_password)
        self.password.changed.connect(self._revalidate_repeat)
        for field in (self.username, self.display_name, self.password, self.repeat):
            field.changed.connect(self._update_create_button)

        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy = QLabel(self.tr("Creating the encrypted database…"))
        self.busy.setObjectName("setupBusy")
        self.busy.hide()

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.create_button = QPushButton(icon("key"), self.tr("&Create database"))
        self.create_button.setObjectName("createDatabase")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(where)
        layout.addSpacing(6)
        layout.addWidget(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        label.setFont(font)
        return label

    def _show_location(self) -> None:
        self.location.setText(self.tr("The database will be created at:\n{path}").format(
            path=str(self.db_path)))

    def _choose_location(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Where should the database be?"), str(self.db_path),
            self.tr("Suoja database (*.db)"))
        if chosen:
            path = Path(chosen)
            self.db_path = path if path.suffix else path.with_suffix(".db")
            self._show_location()

    def _check_password(self, text: str) -> str:
        check_password(text, username=self.username.raw() or "",
                       display_name=self.display_name.raw() or "")
        return text

    def _check_repeat(self, text: str) -> str:
        if text != self.password.raw():
            raise ValidationError("Password", "does not match the first one")
        return text

    def _revalidate_password(self) -> None:
        if self.password.raw():
            self.password.validate()
        self._update_create_button()

    def _revalidate_repeat(self) -> None:
        if self.repeat.raw():
            self.repeat.validate()

    def _fields_ok(self) -> bool:
        return all(not f.error.text() and f.raw() not in ("", None)
                   for f in self.form.fields.values())

    def _update_create_button(self) -> None:
        self.create_button.setEnabled(self._fields_ok() and not self.busy.isVisible())

    def create(self) -> None:
        """Create the database on a worker; on success show the recovery code."""
        if not self.form.is_valid() or self.busy.isVisible():
            return
        self.error.hide()
        self.busy.show()
        self.form.setEnabled(False)
        self.change_location.setEnabled(False)
        self._update_create_button()
        db_path = self.db_path
        username = _check_username(self.username.raw())
        display_name = self.display_name.raw()
        password = self.password.raw()
        kdf = self._kdf

        def work() -> InitResult:
            db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return create_database(db_path, username=username, password=password,
                                   display_name=display_name, kdf=kdf)

        run_task(work, self._created, self._failed)

    def _created(self, result: InitResult) -> None:
        self.busy.hide()
        self.result_value = (result.database, result.actor)
        self.recovery_code = result.recovery_code
        groups = result.recovery_code.split("-")
        half = (len(groups) + 1) // 2
        # Two lines of groups, broken on purpose rather than wherever the width ends.
        self.code_label.setText("-".join(groups[:half]) + "-\n" + "-".join(groups[half:]))
        for field in (self.password, self.repeat):
            field.set_value("")
        self.stack.setCurrentIndex(1)
        self.stored.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.form.setEnabled(True)
        self.change_location.setEnabled(True)
        if isinstance(error, KnownError):
            self.error.setText(str(error))
        else:
            self.error.setText(self.tr(
                "The database could not be created because of an internal error ({kind})."
            ).format(kind=type(error).__name__))
        self.error.show()
        self._update_create_button()

    # -- step 2 --------------------------------------------------------------------------

    def _code_page(self) -> QWidget:
        page = QWidget()
        title = self._title(self.tr("Store the recovery code"))
        explanation = QLabel(self.tr(
            "This code opens the database if every supervisor password is lost. "
            "<b>It is shown only now.</b> Write it on paper and keep it locked away, "
            "not on this computer. Anyone who has it can read every case."))
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.RichText)

        frame = QFrame()
        frame.setObjectName("recoveryCode")
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCodeText")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.font().pointSizeF() * 1.5)
        mono.setBold(True)
        self.code_label.setFont(mono)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(16, 16, 16, 16)
        frame_layout.addWidget(self.code_label)
        typing = QLabel(self.tr(
            "When typing it in later, dashes, spaces and upper or lower case do not matter."))
        typing.setWordWrap(True)
        typing.setStyleSheet("color: palette(placeholder-text);")

        self.stored = QCheckBox(self.tr("I have &stored the recovery code safely"))
        self.stored.setObjectName("codeStored")
        self.continue_button = QPushButton(self.tr("Continue to Suoja"))
        self.continue_button.setObjectName("continueToSuoja")
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stored)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(frame)
        layout.addWidget(typing)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # -- Qt overrides --------------------------------------------------------------------

    def accept(self) -> None:
        """Override of QDialog.accept: only once the code is confirmed as stored."""
        if self.result_value is None or not self.stored.isChecked():
            return
        self.code_label.clear()
        self.recovery_code = ""
        super().accept()

    def reject(self) -> None:
        """Override of QDialog.reject: not while creating, and not past the point of no return.

        Once the database exists, leaving is only through *Continue*: the code would be
        lost otherwise.
        """
        if self.busy.isVisible() or self.result_value is not None:
            return
        super().reject()
