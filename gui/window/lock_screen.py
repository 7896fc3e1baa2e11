"""What the main window shows while locked: the same user's password, nothing else.

The username is fixed (a different person cannot take over a locked session; they sign
out, which returns the app to the sign-in window, and sign in there). The widget only
collects the password and reports the user's choice; the window does the unlocking and
shows the error it gets back. When forms with unsaved input were kept over the lock
(:mod:`gui.shared.drafts`), it says that signing out discards them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.shared.forms import error_style
from gui.shared.labels import plural

CARD_WIDTH = 420


class LockScreen(QWidget):
    """A centred card: app name, who is signed in, password, Unlock and Sign out.

    Signals:
        unlock_requested(str): the password typed (the field is cleared at once).
        sign_out_requested: the user chose to sign out instead (back to the sign-in window).
    """

    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, display_name: str, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")

        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(CARD_WIDTH)
        card.setStyleSheet(
            "#lockCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 10px; }"
            " #lockCard QLabel { background: transparent; }"
        )

        title = QLabel(self.tr("Suoja"))
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.9)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.heading = QLabel(self.tr("Locked — signed in as {name}").format(name=display_name))
        self.heading.setObjectName("lockHeading")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.heading.setFont(heading_font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.heading.setWordWrap(True)

        explanation = QLabel(
            self.tr("Every window was closed to protect victims' data. Enter your password "
                    "to pick up where you left off: open cases and unsaved forms come back.")
        )
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        explanation.setStyleSheet("color: palette(placeholder-text);")
        self.kept_forms = QLabel()
        self.kept_forms.setObjectName("lockKeptForms")
        self.kept_forms.setWordWrap(True)
        self.kept_forms.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.kept_forms.hide()

        self.username = QLineEdit(username)
        self.username.setObjectName("lockUsername")
        self.username.setReadOnly(True)
        self.username.setEnabled(False)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._submit)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)

        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.hide()

        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("signOut")
        self.sign_out_button.setFlat(True)
        self.sign_out_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sign_out_button.setStyleSheet(
            "QPushButton { color: palette(link); border: none; text-decoration: underline;"
            " padding: 4px 2px; }"
        )
        self.sign_out_button.setToolTip(
            self.tr("Sign out; the sign-in window opens for the next person"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 20)
        card_layout.setSpacing(12)
        card_layout.addWidget(title)
        card_layout.addWidget(self.heading)
        card_layout.addWidget(explanation)
        card_layout.addWidget(self.kept_forms)
        card_layout.addSpacing(4)
        card_layout.addLayout(form)
        card_layout.addWidget(self.error)
        card_layout.addLayout(buttons)

        outer = QGridLayout(self)
        outer.addWidget(card, 1, 1)
        outer.setRowStretch(0, 2)
        outer.setRowStretch(2, 3)
        outer.setColumnStretch(0, 1)
        outer.setColumnStretch(2, 1)

    def set_display_name(self, display_name: str) -> None:
        self.heading.setText(self.tr("Locked — signed in as {name}").format(name=display_name))

    def set_kept_forms(self, count: int) -> None:
        """Say how many forms with unsaved input signing out would discard (none: nothing)."""
        self.kept_forms.setText(plural(
            count,
            self.tr("Signing out discards {n} unsaved form; unlocking brings it back."),
            self.tr("Signing out discards {n} unsaved forms; unlocking brings them back.")))
        self.kept_forms.setVisible(count > 0)

    def reset(self) -> None:
        """Empty password, no error, ready for typing."""
        self.password.clear()
        self.error.clear()
        self.error.hide()
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        """Refuse a second attempt while the password is being checked."""
        self.unlock_button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if not busy and self.isVisible():
            self.password.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password.setFocus()

    def _submit(self) -> None:
        password = self.password.text()
        self.password.clear()
        if not password:
            self.show_error(self.tr("Enter your password."))
            return
        self.error.hide()
        self.unlock_requested.emit(password)
