"""The organisation's settings (Accounts ▸ Organisation…): what every PDF and every letter
to a client says on the organisation's behalf.

* the classification line under the confidentiality marking on every page of every PDF
  (e.g. the statutory basis of the secrecy);
* the help a letter to a client offers, one place per line;
* how a client asks for their data or its erasure.

Administrators and supervisors change them (the service checks and audits); an empty
field means the letter's own default.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.shared.errors import show_error
from gui.shared.fit import fit_hint, grow_for_wrapped_text
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from models.domain.dto import OrganisationSettings
from models.domain.errors import KnownError


class OrganisationDialog(QDialog):
    """Edit the organisation's settings, saved for every workstation."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationDialog")
        self.setWindowTitle(self.tr("Organisation settings"))
        grow_for_wrapped_text(self)
        self._session = session
        settings = session.services.organisation.settings()
        intro = QLabel(self.tr(
            "These texts appear in every PDF and every letter to a client, on every "
            "workstation. Leave a field empty to use the default."))
        intro.setWordWrap(True)
        self.classification = QLineEdit(settings.classification_line)
        self.classification.setObjectName("classificationLine")
        self.classification.setAccessibleName(self.tr("Classification line"))
        self.classification.setPlaceholderText(self.tr("e.g. the statutory basis of the secrecy"))
        fit_hint(self.classification)
        self.help_lines = QPlainTextEdit(settings.help_lines)
        self.help_lines.setObjectName("helpLines")
        self.help_lines.setAccessibleName(self.tr("Help lines"))
        self.help_lines.setTabChangesFocus(True)
        self.help_lines.setPlaceholderText(self.tr(
            "One per line; empty: Victim Support Finland, MIELI's crisis helpline, 112"))
        self.data_requests = QPlainTextEdit(settings.data_requests)
        self.data_requests.setObjectName("dataRequests")
        self.data_requests.setAccessibleName(self.tr("Data requests"))
        self.data_requests.setTabChangesFocus(True)
        self.data_requests.setPlaceholderText(self.tr(
            "How a client asks for their data or its erasure: an address, a phone number"))
        for box in (self.help_lines, self.data_requests):
            box.setMinimumHeight(4 * box.fontMetrics().lineSpacing())
        form = QFormLayout()
        form.addRow(self.tr("&Classification line"), self.classification)
        form.addRow(self.tr("&Help lines"), self.help_lines)
        form.addRow(self.tr("&Data requests"), self.data_requests)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(60 * self.fontMetrics().averageCharWidth())
        assign_mnemonics(self)

    def settings(self) -> OrganisationSettings:
        return OrganisationSettings(
            classification_line=self.classification.text(),
            help_lines=self.help_lines.toPlainText(),
            data_requests=self.data_requests.toPlainText(),
        )

    def accept(self) -> None:
        """Save for every workstation, then close; a refused text keeps the dialog open."""
        try:
            self._session.services.organisation.update(self.settings())
        except KnownError as error:
            show_error(self, error)
            return
        super().accept()
