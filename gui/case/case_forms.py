"""The forms that change a case from its window, and the changes made without one.

:class:`CaseForms` opens the add or edit dialog of each kind of record
(:mod:`gui.case.dialogs`), the victim's and the case's own dialogs, and after a save
selects the saved record in its tab; it removes a record after asking, ticks a follow-up
done, and approves or returns a requested closure. Each change is one service call
(:meth:`CaseForms.attempt`): a refusal is told, a conflict offers to reload.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from gui.case.dialogs.base import DialogHost, RecordDialog
from gui.case.dialogs.case_details import (
    CaseDialog,
    ClosureDialog,
    IdentityCodeDialog,
    VictimDialog,
)
from gui.case.dialogs.records import (
    ExtortionContactDialog,
    FollowUpDialog,
    PoliceReportDialog,
    ProtectiveActionDialog,
    SupportSessionDialog,
)
from gui.case.header import CaseHeader
from gui.shared import errors, questions
from gui.shared.drafts import FormDraft
from gui.shared.labels import label
from gui.shared.session import SessionLocked
from models.domain.dto import FollowUpData, FollowUpDraft
from models.domain.errors import ConflictError, KnownError
from models.domain.formatting import date_text, datetime_text
from models.services import Services

T = TypeVar("T")


def as_edited(record: T, draft: FormDraft | None) -> T:
    """The record as a form kept over the lock was editing it: at the version it had then.

    Only when something was typed; an untouched form simply edits the record as it is now.
    """
    if record is None or draft is None or not draft.has_input or draft.version is None:
        return record
    if getattr(record, "version", None) == draft.version:
        return record
    return dataclasses.replace(record, version=draft.version)  # type: ignore[type-var]


class FormsHost(DialogHost, Protocol):
    """What the forms need of the case view, besides what a dialog needs."""

    @property
    def is_wiped(self) -> bool: ...

    def go_to_record(self, kind: str, record_id: int) -> None: ...


class CaseForms(QObject):
    """Opens the forms of one case and makes its changes.

    Args:
        host: the case view: the session, the case as loaded, reloading it.
        parent: the window the dialogs and questions belong to (the case view).
    """

    def __init__(self, host: FormsHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent

    def open_from(self, header: CaseHeader) -> None:
        """The header's buttons open the victim's and the case's forms."""
        header.edit_victim_button.clicked.connect(self.edit_victim)
        header.change_code_button.clicked.connect(self.change_identity_code)
        header.edit_case_button.clicked.connect(self.edit_case)
        header.request_closure_button.clicked.connect(self.request_closure)
        header.close_case_button.clicked.connect(self.close_case)
        header.approve_button.clicked.connect(self.approve_closure)
        header.return_button.clicked.connect(self.return_closure)

    def attempt(self, action: Callable[[Services], Any], parent: QWidget | None = None
                ) -> bool:
        """Run one service call; show a refusal, or offer to reload after a conflict.

        Returns:
            Whether the call succeeded.
        """
        parent = parent or self._parent
        try:
            action(self._host.session.services)
        except SessionLocked:
            return False
        except ConflictError as error:
            if questions.ask_reload(parent, error):
                self._host.reload()
            return False
        except KnownError as error:
            errors.show_error(parent, error)
            return False
        return True

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Show a dialog over this view without a nested event loop."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def edit_record(self, kind: str, record: Any | None, *, draft: FormDraft | None = None,
                    **extra: Any) -> QDialog | None:
        """Open the add (``record`` None) or edit dialog of a record.

        ``draft`` is what was typed into it before the app locked (see
        :meth:`gui.case.case_view.CaseView.reopen_form`).
        """
        dialogs: dict[str, type[RecordDialog]] = {
            "extortion_contact": ExtortionContactDialog,
            "police_report": PoliceReportDialog,
            "support_session": SupportSessionDialog,
            "protective_action": ProtectiveActionDialog,
            "follow_up": FollowUpDialog,
        }
        if self._host.is_wiped or self._host.session.is_locked:
            return None
        dialog = dialogs[kind](self._host, record, self._parent, **extra)
        return self._open_form(dialog, draft, kind)

    def _open_form(self, dialog: RecordDialog, draft: FormDraft | None,
                   kind: str | None = None) -> QDialog:
        """Open a form (with what was typed before a lock); a record's form, once saved,
        selects the record in its list."""
        if draft is not None:
            dialog.restore_draft(draft)
        if kind is not None:
            dialog.saved.connect(lambda record: self._show_saved(kind, record))
        return self.open_dialog(dialog)

    def _show_saved(self, kind: str, record: Any) -> None:
        """After a save the record is selected in its list, which has the focus."""
        record_id = getattr(record, "id", None)
        if self._host.reload() is not None and record_id is not None:
            self._host.go_to_record(kind, record_id)

    def remove_record(self, kind: str, record: Any) -> bool:
        """Remove a record after asking. Returns whether it was removed."""
        removers: dict[str, tuple[str, Callable[[Services], Any]]] = {
            "extortion_contact": (
                self.tr("Remove this extortion contact ({when})? Its evidence files stay "
                        "in Attachments.").format(when=datetime_text(
                            getattr(record, "received_at", None))),
                lambda s: s.records.delete_extortion_contact(record.id)),
            "police_report": (
                self.tr("Remove police report {number}?").format(
                    number=getattr(record, "report_number", "")),
                lambda s: s.records.delete_police_report(record.id)),
            "protective_action": (
                self.tr("Reset “{title}” to not started? Its dates and notes are removed.")
                .format(title=getattr(record, "title", "")),
                lambda s: s.records.delete_protective_action(record.id)),
            "follow_up": (
                self.tr("Remove the follow-up due {date}?").format(
                    date=date_text(getattr(record, "due_on", None))),
                lambda s: s.records.delete_follow_up(record.id)),
            "attachment": (
                self.tr("Remove the file “{name}” from the case? It is deleted from the "
                        "database.").format(name=getattr(record, "filename", "")),
                lambda s: s.records.delete_attachment(record.id)),
        }
        if kind not in removers:
            return False
        question, action = removers[kind]
        if not questions.confirm(self._parent, self.tr("Remove"), question, self.tr("&Remove")):
            return False
        return self.attempt(action)

    def set_follow_up_done(self, follow_up: FollowUpData, done: bool) -> bool:
        """Tick (or untick) a follow-up; saved at once."""
        if done:
            return self.attempt(
                lambda s: s.records.mark_follow_up_done(follow_up.id, follow_up.version))
        draft = FollowUpDraft(due_on=follow_up.due_on, description=follow_up.description,
                              assignee_id=follow_up.assignee_id, done=False)
        return self.attempt(
            lambda s: s.records.update_follow_up(follow_up.id, follow_up.version, draft))

    def edit_victim(self, *, draft: FormDraft | None = None) -> QDialog | None:
        host = self._host
        if host.is_wiped:
            return None
        return self._open_form(
            VictimDialog(host, as_edited(host.detail.victim, draft), self._parent), draft)

    def change_identity_code(self, *, draft: FormDraft | None = None) -> QDialog | None:
        host = self._host
        if host.is_wiped:
            return None
        return self._open_form(IdentityCodeDialog(host, host.detail.victim, self._parent), draft)

    def edit_case(self, *, draft: FormDraft | None = None) -> QDialog | None:
        host = self._host
        if host.is_wiped:
            return None
        return self._open_form(
            CaseDialog(host, as_edited(host.detail.case, draft), self._parent), draft)

    def request_closure(self, *, draft: FormDraft | None = None) -> QDialog | None:
        return self._closure(draft, request=True)

    def close_case(self, *, draft: FormDraft | None = None) -> QDialog | None:
        return self._closure(draft, request=False)

    def _closure(self, draft: FormDraft | None, *, request: bool) -> QDialog | None:
        host = self._host
        if host.is_wiped:
            return None
        return self._open_form(ClosureDialog(host, as_edited(host.detail.case, draft),
                                             self._parent, request=request), draft)

    def approve_closure(self) -> bool:
        case = self._host.detail.case
        question = self.tr("Close case {reference}? Reason given: {reason}.").format(
            reference=case.reference, reason=label("closure", case.requested_closure_reason))
        if not questions.confirm(self._parent, self.tr("Approve closure"), question,
                                  self.tr("&Close case")):
            return False
        return self.attempt(lambda s: s.cases.approve_closure(case.id, case.version))

    def return_closure(self) -> bool:
        case = self._host.detail.case
        return self.attempt(lambda s: s.cases.return_closure(case.id, case.version))
