"""Choosing the language Suoja speaks to you (Lock ▸ Language…).

The choice is kept with your account, in the database, and takes effect at your next
sign-in: the open windows keep the language they were made in, so nothing half-translated
is ever on screen. The dialog says so, and says when ``--lang`` or ``SUOJA_LANG`` overrides
the account's language for this run.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.shared.errors import show_error
from gui.shared.i18n import LANGUAGE_NAMES
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from models.domain import i18n
from models.domain.enums import Language
from models.domain.errors import KnownError


class LanguageDialog(QDialog):
    """Suomi, Svenska or English for the signed-in account."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle(self.tr("Language"))
        self._session = session
        preferred = session.services.accounts.own_language()
        question = QLabel(self.tr("Which language should Suoja speak to you?"))
        question.setWordWrap(True)
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        self.buttons_by_language: dict[Language, QRadioButton] = {}
        for language, name in LANGUAGE_NAMES.items():
            button = QRadioButton(name)
            button.setObjectName(f"language_{language.value}")
            button.setAccessibleName(name)
            button.setChecked(language is preferred)
            self.choices.addButton(button)
            self.buttons_by_language[language] = button
            layout.addWidget(button)
        note = self.tr("The change takes effect the next time you sign in.")
        overridden = i18n.run_override()
        if overridden is not None:
            note += " " + self.tr(
                "This run was started in {language} (--lang or SUOJA_LANG), which goes "
                "before your choice until Suoja is started without it.").format(
                    language=LANGUAGE_NAMES[overridden])
        self.note = QLabel(note)
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.note)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)  # Enter saves
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        assign_mnemonics(self)

    def chosen(self) -> Language:
        for language, button in self.buttons_by_language.items():
            if button.isChecked():
                return language
        return self._session.services.accounts.own_language()

    def accept(self) -> None:
        """Keep the choice with the account, then close."""
        try:
            self._session.services.accounts.set_own_language(self.chosen())
        except KnownError as error:
            show_error(self, error)
            return
        super().accept()
