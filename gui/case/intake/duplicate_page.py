"""Intake step 2, *Existing victims*: the same identity code (also an earlier one), the
same name and date of birth, or the same phone — offer to open that case instead of a
second one.

For a counsellor the service matches codes and phone numbers only in the cases they may
open (it never confirms another counsellor's client's code); the page says so whatever
was found, so that the words confirm nothing either."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gui.case.intake.identity_page import IdentityPage
from gui.shared.errors import show_error
from gui.shared.labels import status_label
from gui.shared.session import Session
from gui.shared.style import icon
from models.domain.dto import CaseRow
from models.domain.errors import KnownError

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DuplicatePage(QWizardPage):
    """Step 2: is this person already a victim in Suoja?"""

    #: The person is already a victim: open this case instead.
    open_existing = Signal(int)

    def __init__(self, session: Session, identity: IdentityPage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._identity = identity
        self._matches: list[CaseRow] = []
        self.setTitle(self.tr("Is this person already in Suoja?"))
        self._in_scope_only = False
        self._set_subtitle()

        self.notice = QFrame()
        self.notice.setObjectName("noDuplicateNotice")
        self.notice_text = QLabel()
        self.notice_text.setObjectName("duplicateText")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextFormat(Qt.TextFormat.PlainText)
        notice_layout = QVBoxLayout(self.notice)
        notice_layout.setContentsMargins(12, 10, 12, 10)
        notice_layout.addWidget(self.notice_text)

        self.matches = QTreeWidget()
        self.matches.setObjectName("duplicates")
        self.matches.setAccessibleName(self.tr("Existing victims who may be this person"))
        self.matches.setRootIsDecorated(False)
        self.matches.setUniformRowHeights(True)
        self.matches.setAlternatingRowColors(True)
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.setHeaderLabels([
            self.tr("Case"), self.tr("Victim"), self.tr("Identity code"), self.tr("Status"),
            self.tr("Counsellor"),
        ])
        header = self.matches.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matches.activated.connect(lambda _index: self.open_selected())

        self.open_button = QPushButton(icon("open-case"), self.tr("&Open the existing case"))
        self.open_button.setObjectName("openExisting")
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        self.different = QCheckBox(
            self.tr("This is a &different person — create a new case anyway"))
        self.different.setObjectName("differentPerson")
        self.different.toggled.connect(self.completeChanged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.different)
        buttons.addStretch(1)

        self.matches.setMaximumHeight(10 * (self.fontMetrics().height() + 6))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.matches)
        layout.addLayout(buttons)
        layout.addStretch(1)

    @property
    def found(self) -> list[CaseRow]:
        return list(self._matches)

    def _set_subtitle(self) -> None:
        if self._in_scope_only:
            self.setSubTitle(self.tr(
                "Checked by identity code (also earlier ones) and by phone number in the "
                "cases you may open, and by name and date of birth."))
        else:
            self.setSubTitle(self.tr(
                "Checked by identity code (also earlier ones), by name and date of birth, "
                "and by phone number."))

    def initializePage(self) -> None:  # noqa: N802
        """Override of QWizardPage.initializePage: look for the person."""
        self.different.setChecked(False)
        self.matches.clear()
        case_list = self._session.services.case_list
        self._in_scope_only = case_list.values_matched_in_scope_only()
        self._set_subtitle()
        try:
            self._matches = case_list.find_duplicates(self._identity.draft())
        except KnownError as error:
            self._matches = []
            show_error(self, error)
        found = bool(self._matches)
        self.notice.setObjectName("duplicateNotice" if found else "noDuplicateNotice")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        if found:
            if len(self._matches) == 1:
                text = self.tr("An existing victim may be this person.")
            else:
                text = self.tr("{count} existing victims may be this person.").format(
                    count=len(self._matches))
            self.notice_text.setText(text + " " + self.tr(
                "If it is the same person, open their case instead of creating a second one "
                "(Enter opens the selected one)."))
        elif self._in_scope_only:
            self.notice_text.setText(self.tr(
                "No victim in the cases you may open has this identity code or phone "
                "number, and none has this name and date of birth. A client of another "
                "counsellor is found here only by name and date of birth, and only if "
                "their identity code is recorded. Press Enter to continue."))
        else:
            self.notice_text.setText(self.tr(
                "No existing victim has this identity code, this name and date of birth, "
                "or this phone number. Press Enter to continue."))
        for row in self._matches:
            item = QTreeWidgetItem([
                row.reference, row.victim_name, row.identity_code_masked or "",
                status_label(row.status), row.counsellor or self.tr("unassigned"),
            ])
            item.setData(0, CASE_ID_ROLE, row.case_id)
            self.matches.addTopLevelItem(item)
        self.matches.setVisible(found)
        self.open_button.setVisible(found)
        self.different.setVisible(found)
        if found:
            self.matches.setCurrentItem(self.matches.topLevelItem(0))
        self.completeChanged.emit()
        # After QWizard has moved the focus itself: the list (Enter opens the existing
        # case) or, with no match, the Next button (Enter goes on).
        QTimer.singleShot(0, self, self._focus)

    def _focus(self) -> None:
        wizard = self.wizard()
        if self._matches:
            self.matches.setFocus(Qt.FocusReason.OtherFocusReason)
        elif wizard is not None:
            wizard.button(QWizard.WizardButton.NextButton).setFocus(
                Qt.FocusReason.OtherFocusReason)

    def isComplete(self) -> bool:  # noqa: N802
        """Override of QWizardPage.isComplete: a match must be set aside explicitly."""
        return not self._matches or self.different.isChecked()

    def open_selected(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        self.open_existing.emit(int(item.data(0, CASE_ID_ROLE)))
