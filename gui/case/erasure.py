"""Erasing a victim's personal data from the case view (supervisors; GDPR art. 17 and the
retention period).

:class:`CaseErasure` is the case view's part for it: the header's "Erase personal data…"
button, in the row of the case's other buttons where an open case's "Close case…" is
(supervisors only, and closed cases only: beside "Close case…" the row has no room for
one more button at 150 % in Swedish, and an open case must be closed first anyway; on an
erased case, or one whose erasure waits, it is off and its tooltip says why) and, where
the organisation asks for a second supervisor's approval, a banner under the header with
the pending request and Approve / Decline. :class:`EraseDialog` names the case, says what
goes and what stays, asks for the reason and for the case reference typed as the
confirmation; the erasure runs on a worker with progress
(:func:`gui.shared.background.run_with_progress`). The service
(``models.services.retention``) checks the role, the case and the confirmation, and audits;
a refusal is one sentence and changes nothing. Afterwards the case's change announcement
reloads the view, which then shows the erased case.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.case.header import banner
from gui.shared import questions
from gui.shared.background import run_with_progress
from gui.shared.errors import show_error
from gui.shared.fit import grow_for_wrapped_text
from gui.shared.labels import plural
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from gui.shared.style import readable_style
from models.domain.dto import CaseDetail
from models.domain.enums import CaseStatus, ErasureReason
from models.domain.errors import KnownError
from models.domain.formatting import date_text
from models.security.permissions import Operation, allows
from models.services.retention import ErasureReport, ErasureRequest, ErasureStatus

#: The reasons as a supervisor reads them (the audit keeps the code).
REASON_NAMES = {
    ErasureReason.REQUEST: QT_TRANSLATE_NOOP("EraseDialog", "The client asked for it"),
    ErasureReason.RETENTION: QT_TRANSLATE_NOOP("EraseDialog", "The retention period has passed"),
    ErasureReason.UNLAWFUL: QT_TRANSLATE_NOOP("EraseDialog",
                                              "It should never have been recorded"),
    ErasureReason.OTHER: QT_TRANSLATE_NOOP("EraseDialog", "Other reason"),
}

#: (background, text, border, left edge) of the pending request's banner; on a dark or
#: high-contrast desktop its own window colours (``header.banner_style``).
BANNER_COLOURS = ("#fbeeee", "#5c1a15", "#e0b4b0", "#b3261e")


def reason_name(reason: ErasureReason | None) -> str:
    if reason is None:
        return QCoreApplication.translate("EraseDialog", "no reason given")
    return QCoreApplication.translate("EraseDialog", REASON_NAMES[reason])


class EraseDialog(QDialog):
    """Confirm an erasure: the reason and the case reference typed; Erase runs it.

    After :meth:`accept`, :attr:`outcome` is the service's answer: an
    :class:`ErasureReport` (erased) or an :class:`ErasureRequest` (waits for a second
    supervisor).
    """

    def __init__(self, session: Session, case_id: int, reference: str,
                 parent: QWidget | None = None, *, needs_approval: bool = False,
                 reason: ErasureReason | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Erase personal data — {reference}").format(
            reference=reference))
        grow_for_wrapped_text(self)
        self._session = session
        self._case_id = case_id
        self._reference = reference
        self.outcome: ErasureReport | ErasureRequest | None = None

        heading = QLabel(self.tr(
            "Erase the client's personal data in case <b>{reference}</b>?").format(
                reference=reference))
        heading.setObjectName("eraseHeading")
        heading.setWordWrap(True)
        goes = QLabel(self.tr(
            "Removed for good: the client's name, identity codes, contact details and "
            "safe-contact note, the extortion messages, support-session notes, follow-up "
            "and action notes, and every attached file. This cannot be undone."))
        goes.setObjectName("eraseGoes")
        goes.setWordWrap(True)
        stays = QLabel(self.tr(
            "Kept as anonymous statistics: the case reference, status and dates, the risk "
            "level, the counts and dates of contacts, reports, sessions and follow-ups, and "
            "the audit log, which records this erasure."))
        stays.setObjectName("eraseStays")
        stays.setWordWrap(True)
        stays.setStyleSheet(readable_style("#4a4a4a"))
        self.approval_note = QLabel(self.tr(
            "Your organisation asks for a second supervisor's approval: the data is erased "
            "when another supervisor approves, within 7 days."))
        self.approval_note.setObjectName("approvalNote")
        self.approval_note.setWordWrap(True)
        self.approval_note.setVisible(needs_approval)

        self.reason = QComboBox()
        self.reason.setObjectName("erasureReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.addItem(self.tr("Choose…"), None)
        for code in ErasureReason:
            self.reason.addItem(reason_name(code), code.value)
        if reason is not None:
            self.reason.setCurrentIndex(self.reason.findData(reason.value))
        self.confirmation = QLineEdit()
        self.confirmation.setObjectName("confirmReference")
        self.confirmation.setAccessibleName(self.tr("Case reference, typed to confirm"))
        self.confirmation.setPlaceholderText(reference)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("&Type the case reference to confirm"), self.confirmation)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton(
            self.tr("&Ask for approval") if needs_approval else self.tr("&Erase"))
        self.erase_button.setObjectName("eraseButton")
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (heading, goes, stays, self.approval_note):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(56 * self.fontMetrics().averageCharWidth())
        self.reason.currentIndexChanged.connect(self._update)
        self.confirmation.textChanged.connect(self._update)
        self._update()
        assign_mnemonics(self)

    def chosen_reason(self) -> ErasureReason | None:
        code = self.reason.currentData()
        return ErasureReason(code) if code else None

    def _update(self) -> None:
        typed = self.confirmation.text().strip().upper() == self._reference.upper()
        self.erase_button.setEnabled(self.chosen_reason() is not None and typed)
        self.erase_button.setDefault(self.erase_button.isEnabled())

    def accept(self) -> None:
        """Erase (or ask for approval) on a worker; a refusal keeps the dialog open."""
        reason = self.chosen_reason()
        if not self.erase_button.isEnabled() or reason is None or self._session.is_locked:
            return
        retention = self._session.services.retention
        case_id, reference = self._case_id, self._reference
        try:
            self.outcome = run_with_progress(
                self, self.tr("Erasing the personal data of {reference}…").format(
                    reference=reference),
                lambda _report: retention.erase_victim(case_id, reference, reason))
        except KnownError as error:
            show_error(self, error, self.tr("Not erased"))
            return
        super().accept()


class CaseErasure(QObject):
    """The case view's erasure part: the header's button and the pending request's banner.

    Args:
        view: the case view (the dialogs' parent).
        session: the signed-in session.
        case_id: the case shown.
        show_status: tells a line in the view's status bar.
    """

    def __init__(self, view: QWidget, session: Session, case_id: int,
                 show_status: Callable[[str], None] | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._case_id = case_id
        self._show_status = show_status
        self._reference = ""
        self._status = ErasureStatus(False, None)
        self._closed = False
        self.may_erase = allows(session.actor.role, Operation.ERASE_VICTIM)

        self.button = QPushButton(self.tr("Erase personal &data…"))
        self.button.setObjectName("erasePersonalData")
        self.button.setVisible(self.may_erase)
        self.button.clicked.connect(self.erase)

        self.approve_button = QPushButton(self.tr("A&pprove erasure…"))
        self.approve_button.setObjectName("approveErasure")
        self.decline_button = QPushButton(self.tr("Decli&ne"))
        self.decline_button.setObjectName("declineErasure")
        self.banner, self.banner_text = banner(
            "erasureBanner", "erasureRequestText", BANNER_COLOURS,
            self.approve_button, self.decline_button)
        self.approve_button.clicked.connect(self.approve)
        self.decline_button.clicked.connect(self.decline)

    # -- showing --------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail) -> None:
        """Show the button's state and any pending request for the case as loaded now."""
        if not self.may_erase:
            return
        self._reference = detail.case.reference
        self._closed = detail.case.status == CaseStatus.CLOSED.value
        try:
            self._status = self._session.services.retention.erasure_status(self._case_id)
        except KnownError:
            self._status = ErasureStatus(False, None)
        status, button = self._status, self.button
        button.setVisible(self._closed)
        if status.erased:
            button.setEnabled(False)
            button.setToolTip(self.tr("This case's personal data was erased."))
        elif not self._closed:
            button.setEnabled(False)
            button.setToolTip(self.tr("Close the case first: only a closed case's personal "
                                      "data can be erased."))
        elif status.pending is not None:
            button.setEnabled(False)
            button.setToolTip(self.tr("Its erasure waits for a second supervisor's "
                                      "approval."))
        else:
            button.setEnabled(True)
            button.setToolTip(self.tr("Erase the client's personal data; anonymous "
                                      "statistics stay"))
        button.setAccessibleDescription(button.toolTip())
        self._show_request(status.pending)

    def _show_request(self, request: ErasureRequest | None) -> None:
        if request is None:
            self.banner.hide()
            self.banner_text.clear()
            return
        mine = request.requested_by_id == self._session.actor.user_id
        text = self.tr(
            "Erasure of the personal data asked for by {name} on {date}: {reason}. It lapses "
            "on {expires} unless another supervisor approves it.").format(
                name=request.requested_by, date=date_text(request.requested_at.date()),
                reason=reason_name(request.reason),
                expires=date_text(request.expires_at.date()))
        self.banner_text.setText(text)
        for decide in (self.approve_button, self.decline_button):
            decide.setEnabled(not mine)
            decide.setToolTip(self.tr("Another supervisor must approve or decline an erasure "
                                      "you asked for.") if mine else "")
        self.banner.show()

    def clear(self) -> None:
        self.banner_text.clear()
        self.banner.hide()

    # -- doing ----------------------------------------------------------------------------

    def erase(self) -> EraseDialog | None:
        """Open the confirmation (a supervisor, a closed case not erased or pending)."""
        if not self.button.isEnabled() or self._session.is_locked:
            return None
        try:
            needs_approval = self._session.services.retention.erasure_needs_approval()
        except KnownError as error:
            show_error(self._view, error)
            return None
        dialog = EraseDialog(self._session, self._case_id, self._reference, self._view,
                             needs_approval=needs_approval)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._tell(dialog.outcome))
        dialog.open()  # closed with the view when the app locks
        return dialog

    def approve(self) -> None:
        """Approve the pending request (asked first: it erases at once)."""
        request = self._status.pending
        if request is None or self._session.is_locked:
            return
        if not questions.confirm(
                self._view, self.tr("Approve erasure"),
                self.tr("Erase the personal data of case {reference} now, as {name} asked? "
                        "This cannot be undone.").format(
                            reference=request.reference, name=request.requested_by),
                self.tr("Erase")):
            return
        retention = self._session.services.retention
        try:
            report = run_with_progress(
                self._view, self.tr("Erasing the personal data of {reference}…").format(
                    reference=request.reference),
                lambda _report: retention.approve_erasure(request.case_id))
        except KnownError as error:
            show_error(self._view, error, self.tr("Not erased"))
            return
        self._tell(report)

    def decline(self) -> None:
        request = self._status.pending
        if request is None or self._session.is_locked:
            return
        try:
            self._session.services.retention.decline_erasure(request.case_id)
        except KnownError as error:
            show_error(self._view, error)
            return
        self._say(self.tr("Declined the erasure; nothing was erased."))

    def _tell(self, outcome: ErasureReport | ErasureRequest | None) -> None:
        if isinstance(outcome, ErasureReport):
            text = self.tr("Case {reference}: the personal data was erased.").format(
                reference=outcome.reference)
            if outcome.backups_erased:
                text += " " + plural(
                    outcome.backups_erased,
                    self.tr("Also from {n} backup beside the database."),
                    self.tr("Also from {n} backups beside the database."))
            if outcome.backups_left:
                text += " " + plural(
                    outcome.backups_left,
                    self.tr("{n} older backup could not be changed; a restore of it "
                            "erases again."),
                    self.tr("{n} older backups could not be changed; a restore of one "
                            "erases again."))
            self._say(text)
        elif isinstance(outcome, ErasureRequest):
            self._say(self.tr("Case {reference}: the erasure waits for another supervisor's "
                              "approval.").format(reference=outcome.reference))

    def _say(self, text: str) -> None:
        if self._show_status is not None:
            self._show_status(text)


__all__ = ["CaseErasure", "EraseDialog", "reason_name"]
