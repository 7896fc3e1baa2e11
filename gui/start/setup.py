"""First run: create the encrypted database and the first supervisor, then the recovery code.

Two steps in one window. *Create* asks where the database lives — an encrypted file on
this computer, or a PostgreSQL server (a URL checked with :meth:`ServerUrl.parse
<models.storage.server.ServerUrl.parse>`, never with a password in it) — and the supervisor's
username, name and password
(checked inline with the same rules as everywhere: ``models.security.passwords``) and creates the
database with :func:`models.storage.store.create_database` on a worker, since Argon2id takes a
moment. *Recovery code* shows the code once, explains what it is for, and lets the person
go on only after confirming it is stored safely. The dialog then hands the opened database
and the supervisor to the caller, who starts the main window — no second sign-in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.shared import i18n as gui_i18n
from gui.shared.background import BackgroundOp
from gui.shared.fit import grow_for_wrapped_text
from gui.shared.forms import Field, Form, error_style
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.settings import parse_server_url
from gui.shared.style import icon
from models.domain import i18n
from models.domain.enums import Language
from models.domain.errors import KnownError, UsageError, ValidationError
from models.domain.private_files import new_folders
from models.storage.server_url import ServerPasswordNeeded, ServerUrl

if TYPE_CHECKING:  # the database's modules load when the database is created
    from models.storage.keyfile import KdfParams
    from models.storage.store import InitResult
    from models.storage.unit_of_work import Actor, Database, Target


def create_database(target: Target, **options: Any) -> InitResult:
    """:func:`models.storage.store.create_database`, whose modules (SQLAlchemy, the
    entities, the schema's migrations) load only when a database is created: the app
    imports this module on every start."""
    from models.storage.store import create_database as create

    return create(target, **options)


# The rules (models.domain.validation, with the identity-code library) load when a field
# is first checked: the app imports this module on every start, the sign-in's too.
def _check_username(text: str) -> str:
    from models.domain.validation import validate_username

    return validate_username(text)


def _check_display_name(text: str) -> str:
    from models.domain.validation import validate_text

    return validate_text(text, field="Name", max_length=200)


def _check_server_url(text: str) -> ServerUrl:
    try:
        return parse_server_url(text)
    except UsageError as error:
        # The field adds the full stop and the capital itself.
        raise ValidationError(QCoreApplication.translate("SetupDialog", "Server URL"),
                              str(error).rstrip(".")) from None


class SetupDialog(QDialog):
    """Creates a new database. ``result_value`` holds (database, supervisor) when accepted.

    Args:
        db_path: where the database will be created: a file (the user may choose another
            place, or a server instead) or a server URL (pre-filled, server chosen).
        kdf: Argon2id cost for the key slots (tests pass a cheap one).
        local_path: the file offered for "On this computer" when ``db_path`` is a server;
            without one, only the server can be chosen.

    Attributes:
        created_target: where the database was created (a server URL keeps the server
            password given for this run in memory only), once it was.
    """

    def __init__(self, db_path: Target, kdf: KdfParams | None = None,
                 parent: QWidget | None = None, *, local_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self._initial_server = db_path if isinstance(db_path, ServerUrl) else None
        self.db_path: Path | None = db_path if isinstance(db_path, Path) else local_path
        self._kdf = kdf
        self.result_value: tuple[Database, Actor] | None = None
        self.created_target: Target | None = None
        self._creating: Target | None = None
        self.recovery_code = ""
        self.setWindowTitle(self.tr("Set up Suoja"))
        metrics = self.fontMetrics()
        self.setMinimumWidth(max(560, 62 * metrics.averageCharWidth()))
        grow_for_wrapped_text(self)  # a reason under a field adds its lines

        self.stack = QStackedWidget()
        self.stack.addWidget(self._create_page())
        self.stack.addWidget(self._code_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(self.stack)
        self._where_changed()
        assign_mnemonics(self)
        self.username.editor.setFocus()

    # -- step 1 --------------------------------------------------------------------------

    def _create_page(self) -> QWidget:
        page = QWidget()
        title = self._title(self.tr("Welcome to Suoja"))
        intro = QLabel(self.tr(
            "There is no Suoja database here yet. This creates one, encrypted, and your "
            "supervisor account. You can add counsellors and other staff afterwards."))
        intro.setWordWrap(True)
        where = self._where_section()

        self.form = Form()
        self.form.setObjectName("setupForm")
        # Each language by its own name, so a person finds theirs whatever this shows.
        self.language = self.form.choice(
            "setupLanguage", self.tr("Language"),
            [(name, language.value) for language, name in gui_i18n.LANGUAGE_NAMES.items()])
        language_box = self.language.editor
        assert isinstance(language_box, QComboBox)
        language_box.setCurrentIndex(max(0, language_box.findData(i18n.current().value)))
        language_box.setToolTip(self.tr(
            "The language Suoja speaks to you, from the moment the database is created; "
            "you can change it later under Lock ▸ Language…"))
        self.username = self.form.line("setupUsername", self.tr("Username"), _check_username,
                                       required=True, placeholder=self.tr("e.g. maria"))
        self.display_name = self.form.line(
            "setupDisplayName", self.tr("Your name"),
            _check_display_name, required=True,
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
        self.error.setStyleSheet(error_style())
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
        layout.addWidget(where)
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

    def _where_section(self) -> QWidget:
        """Where the database lives: a file on this computer or a PostgreSQL server."""
        section = QWidget()
        section.setObjectName("setupWhere")
        heading = QLabel(self.tr("Where should the database be?"))
        heading_font = QFont(heading.font())
        heading_font.setBold(True)
        heading.setFont(heading_font)
        self.on_computer = QRadioButton(self.tr("On this compu&ter (encrypted file)"))
        self.on_computer.setObjectName("onThisComputer")
        self.on_server = QRadioButton(self.tr("On a PostgreSQL &server"))
        self.on_server.setObjectName("onServer")
        self._where = QButtonGroup(self)
        self._where.addButton(self.on_computer)
        self._where.addButton(self.on_server)

        # On this computer: the file and a button to put it elsewhere.
        self.local_box = QWidget()
        self.location = QLabel()
        self.location.setObjectName("setupLocation")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_location = QPushButton(self.tr("Change…"))
        self.change_location.setObjectName("changeLocation")
        self.change_location.setAutoDefault(False)
        self.change_location.clicked.connect(self._choose_location)
        local_row = QHBoxLayout(self.local_box)
        local_row.setContentsMargins(24, 0, 0, 0)
        local_row.addWidget(self.location, 1)
        local_row.addWidget(self.change_location)
        self._show_location()

        # On a server: its URL (checked as typed) and, only if the server asks, its password.
        # A grid rather than a Form: a long reason under the URL wraps to full height.
        self.server_box = QWidget()
        url_editor = QLineEdit()
        url_editor.setPlaceholderText(
            "postgresql+psycopg://suoja@db.example/suoja?sslmode=verify-full")
        self.server_url = Field("setupServerUrl", self.tr("Server URL"), url_editor,
                                _check_server_url, required=True)
        password_editor = QLineEdit()
        password_editor.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_password = Field("setupServerPassword", self.tr("Server password"),
                                     password_editor)
        url_label = QLabel(self.tr("Server &URL *"))
        url_label.setBuddy(url_editor)
        self._server_password_label = QLabel(self.tr("Server pass&word"))
        self._server_password_label.setBuddy(password_editor)
        server_hint = QLabel(self.tr(
            "An empty database your server administrator created for Suoja. No password "
            "in the URL: the server's password comes from your libpq password file "
            "(~/.pgpass) or service file, or you are asked for it; it is never saved. TLS "
            "options in the URL, such as sslmode=verify-full, are used as given."))
        server_hint.setObjectName("setupServerHint")
        server_hint.setWordWrap(True)
        server_hint.setStyleSheet("color: palette(placeholder-text);")
        self.server_form = QWidget()
        self.server_form.setObjectName("setupServerForm")
        grid = QGridLayout(self.server_form)
        grid.setContentsMargins(24, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.addWidget(url_label, 0, 0)
        grid.addWidget(url_editor, 0, 1)
        grid.addWidget(self.server_url.error, 1, 1)
        grid.addWidget(self._server_password_label, 2, 0)
        grid.addWidget(password_editor, 2, 1)
        grid.addWidget(self.server_password.error, 3, 1)
        grid.setRowMinimumHeight(4, 3)  # a little air above the hint
        grid.addWidget(server_hint, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        server_column = QVBoxLayout(self.server_box)
        server_column.setContentsMargins(0, 0, 0, 0)
        server_column.addWidget(self.server_form)
        #: Whether the *Server password* row is shown (the server asked for one).
        self.asks_server_password = False
        self._show_server_password(False)
        for field in (self.server_url, self.server_password):
            field.changed.connect(self._update_create_button)

        if self._initial_server is not None:
            self.server_url.set_value(self._initial_server.url)
            url_editor.setCursorPosition(0)  # the user and host, not the options, in view
            self.on_server.setChecked(True)
        else:
            self.on_computer.setChecked(True)
        self.on_computer.setEnabled(self.db_path is not None)
        self.on_server.toggled.connect(self._where_changed)

        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(self.on_computer)
        layout.addWidget(self.local_box)
        layout.addWidget(self.on_server)
        layout.addWidget(self.server_box)
        return section

    @property
    def uses_server(self) -> bool:
        """Whether "On a PostgreSQL server" is chosen."""
        return self.on_server.isChecked()

    def _where_changed(self, *_args: object) -> None:
        server = self.uses_server
        self.local_box.setVisible(not server)
        self.server_box.setVisible(server)
        if server and self.isVisible() and not self.server_url.raw():
            self.server_url.editor.setFocus()
        self._update_create_button()

    def _show_server_password(self, visible: bool) -> None:
        self._server_password_label.setVisible(visible)
        self.server_password.editor.setVisible(visible)
        self.asks_server_password = visible
        if not visible:
            self.server_password.set_value("")

    def _show_location(self) -> None:
        if self.db_path is None:
            self.location.setText(self.tr("Not available: start Suoja with --db PATH."))
            return
        self.location.setText(self.tr("The database will be created at:\n{path}").format(
            path=str(self.db_path)))

    def _choose_location(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Where should the database be?"), str(self.db_path or ""),
            self.tr("Suoja database (*.db)"))
        if chosen:
            path = Path(chosen)
            self.db_path = path if path.suffix else path.with_suffix(".db")
            self._show_location()

    def _check_password(self, text: str) -> str:
        from models.security.passwords import check_password

        check_password(text, username=self.username.raw() or "",
                       display_name=self.display_name.raw() or "")
        return text

    def _check_repeat(self, text: str) -> str:
        if text != self.password.raw():
            raise ValidationError(self.tr("Password"), self.tr("does not match the first one"))
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

    def _where_ok(self) -> bool:
        if not self.uses_server:
            return self.db_path is not None
        if self.server_url.error.text() or not self.server_url.raw():
            return False
        return not self.asks_server_password or bool(self.server_password.raw())

    def _update_create_button(self) -> None:
        # Called while the page is still being built, before the button exists.
        if not hasattr(self, "create_button"):
            return
        self.create_button.setEnabled(
            self._fields_ok() and self._where_ok() and not self.busy.isVisible())

    def _chosen_target(self) -> Target | None:
        """The database the form names, or None (with the reason shown) if it names none."""
        if not self.uses_server:
            return self.db_path
        if self.server_url.validate():
            return None
        target = _check_server_url(self.server_url.raw())
        if self.asks_server_password:
            # Not stripped: spaces at either end may be part of a password.
            editor = self.server_password.editor
            assert isinstance(editor, QLineEdit)
            if not editor.text():
                return None
            target = target.with_password(editor.text())
        elif self._initial_server is not None and self._initial_server.url == target.url:
            target = self._initial_server  # a server password asked for before, if any
        return target

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.form, self.server_form, self.on_server):
            widget.setEnabled(not busy)
        self.on_computer.setEnabled(not busy and self.db_path is not None)
        self.change_location.setEnabled(not busy)
        self._update_create_button()

    def create(self) -> None:
        """Create the database on a worker; on success show the recovery code."""
        if not self.form.is_valid() or self.busy.isVisible():
            return
        target = self._chosen_target()
        if target is None:
            return
        self.error.hide()
        self._set_busy(True)
        username = _check_username(self.username.raw())
        display_name = self.display_name.raw()
        password = self.password.raw()
        kdf = self._kdf
        language = Language(self.language.raw())

        def work() -> InitResult:
            if isinstance(target, Path):
                new_folders(target.parent)  # missing folders owner-only
            return create_database(target, username=username, password=password,
                                   display_name=display_name, kdf=kdf, language=language)

        self.created_target = None
        self._creating = target
        BackgroundOp(self, work).success(self._created).failure(self._failed).run()

    def _created(self, result: InitResult) -> None:
        self.busy.hide()
        self.created_target = self._creating
        self.result_value = (result.database, result.actor)
        self.recovery_code = result.recovery_code
        groups = result.recovery_code.split("-")
        half = (len(groups) + 1) // 2
        # Two lines of groups, broken on purpose rather than wherever the width ends.
        self.code_label.setText("-".join(groups[:half]) + "-\n" + "-".join(groups[half:]))
        for field in (self.password, self.repeat, self.server_password):
            field.set_value("")
        self.stack.setCurrentIndex(1)
        self.stored.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ServerPasswordNeeded):
            self._show_server_password(True)
            self.error.setText(self.tr("{problem} Enter it above; it is not saved.").format(
                problem=str(error)))
            self.server_password.editor.setFocus()
        elif isinstance(error, KnownError):
            self.error.setText(str(error))
        else:  # a bug: the crash dialog tells it too
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
