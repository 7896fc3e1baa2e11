"""A person's access copy (GDPR Articles 15 and 20), made by a supervisor from a case.

:class:`AccessCopyDialog` asks for the copy's language (the person's own by default) and
what was withheld and why (a line each, "what: why"), then a new or empty folder, and
writes the copy there on a worker with progress: the PDF, ``subject.json`` and the
evidence files (``models.services.subject_access``, which checks the role and audits).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.shared.background import run_with_progress
from gui.shared.errors import show_error
from gui.shared.fit import grow_for_wrapped_text
from gui.shared.forms import tab_in_visual_order
from gui.shared.i18n import LANGUAGE_NAMES
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from models.domain.enums import Language
from models.domain.errors import KnownError, UsageError
from models.security.permissions import Operation, allows
from models.services.subject_access import SubjectAccessResult, Withheld


def may_make_access_copy(session: Session) -> bool:
    """Whether the signed-in role makes access copies (supervisors)."""
    return allows(session.actor.role, Operation.EXPORT_SUBJECT)


class AccessCopyDialog(QDialog):
    """The access copy of one case's victim, into a folder the supervisor picks."""

    def __init__(self, session: Session, case_id: int, reference: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Access copy of case {reference}").format(
            reference=reference))
        grow_for_wrapped_text(self)
        self._session = session
        self._case_id = case_id
        self._reference = reference
        self.result: SubjectAccessResult | None = None

        intro = QLabel(self.tr(
            "Everything recorded about this client, for them to keep: a PDF in their "
            "language, the same data as a JSON file other programs can read, and the "
            "evidence files. Session notes and messages are included. The copy is "
            "recorded in the audit log."))
        intro.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("The client's own"), None)
        for language, name in LANGUAGE_NAMES.items():  # each in its own name
            self.language.addItem(name, language.value)
        self.withheld = QPlainTextEdit()
        self.withheld.setObjectName("withheld")
        self.withheld.setTabChangesFocus(True)
        self.withheld.setPlaceholderText(self.tr(
            "Nothing withheld. Otherwise a line each, e.g. "
            "\"A third person's name in a note: their privacy\""))
        self.withheld.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        form = QFormLayout()
        form.addRow(self.tr("&Language of the PDF"), self.language)
        form.addRow(self.tr("&Withheld, and why"), self.withheld)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = buttons.addButton(self.tr("Choose a folder and write…"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("write")
        buttons.accepted.connect(self._choose_and_write)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        tab_in_visual_order(buttons)
        assign_mnemonics(self)

    def withheld_items(self) -> list[Withheld]:
        """The withheld lines as (what, why).

        Raises:
            UsageError: a line does not read "what: why".
        """
        items = []
        for line in self.withheld.toPlainText().splitlines():
            if not line.strip():
                continue
            what, colon, why = line.partition(":")
            if not colon or not what.strip() or not why.strip():
                raise UsageError(self.tr(
                    "Write each withheld item on its own line as \"what: why\"."))
            items.append(Withheld(what.strip(), why.strip()))
        return items

    def choose_folder(self, suggested: Path) -> Path | None:
        """Ask for the folder (a method so tests can answer it). The copy goes into a
        new folder named after the case inside the one chosen."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where to write the access copy"), str(suggested))
        return Path(chosen) / f"{self._reference}-access-copy" if chosen else None

    def _choose_and_write(self) -> None:
        try:
            withheld = self.withheld_items()
        except KnownError as error:
            show_error(self, error)
            return
        folder = self.choose_folder(Path.home())
        if folder is None:
            return
        data = self.language.currentData()
        language = Language(data) if data else None
        access = self._session.services.subject_access
        try:
            self.result = run_with_progress(
                self, self.tr("Writing the access copy…"),
                lambda _report: access.export(self._case_id, folder, withheld, language))
        except KnownError as error:
            show_error(self, error)
            return
        self.accept()


__all__ = ["AccessCopyDialog", "may_make_access_copy"]
