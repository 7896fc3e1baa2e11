"""The case view: one victim's case in its own window, composed of its parts.

:func:`open_case` is the way in: it asks for a break-the-glass reason when the case
belongs to another counsellor (:mod:`gui.case.break_glass`), then shows a :class:`CaseView`
as a separate top-level window owned by the main window (so the idle lock closes it with
everything else).

The :class:`~gui.case.header.CaseHeader` carries what a counsellor must know before picking
up the phone. The tabs hold the timeline and every kind of record (:mod:`gui.case.sections`);
each can be added, edited and (where allowed) removed through the dialogs in
:mod:`gui.case.dialogs`, which the view opens and whose questions it asks
(:mod:`gui.shared.questions`). Files are added and opened by :class:`~gui.case.files.CaseFiles`.
The view reloads itself whenever a change to this case is announced on the session's
:class:`~models.domain.changes.ChangeBus`, and on ``about_to_lock`` it drops everything it
shows, closes, and deletes the private temporary files of opened attachments. Before that,
the main window asks it (:meth:`CaseView.reopen_record`) and its dialogs how to bring them
back after unlocking (:mod:`gui.shared.drafts`); :func:`open_case` with ``reopen=`` and
:meth:`CaseView.reopen_form` do that.

By keyboard: the timeline has the focus when the view opens, Alt+1…9 pick a tab, each
button and list has its own Alt+letter, a saved record is selected in its list with the
focus on it, and Esc or Ctrl+W closes the view.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.case.break_glass import ask_break_glass
from gui.case.case_forms import CaseForms, as_edited
from gui.case.corrections_dialog import CorrectionHistoryDialog
from gui.case.erasure import CaseErasure
from gui.case.files import CaseFiles, PrivateFiles
from gui.case.header import ACCESS_BANNER_COLOURS, CaseHeader, banner
from gui.case.sections.attachments import AttachmentSection
from gui.case.sections.base import RecordSection
from gui.case.sections.contacts import ExtortionContactSection
from gui.case.sections.follow_ups import FollowUpSection
from gui.case.sections.protective_actions import ProtectiveActionSection
from gui.case.sections.reports import PoliceReportSection
from gui.case.sections.sessions import SupportSessionSection
from gui.case.sections.timeline import TimelineSection
from gui.shared import drafts, errors
from gui.shared.clipboard import clear_sensitive
from gui.shared.drafts import CaseReopen, FormDraft
from gui.shared.fit import ElidedLabel, fit_to_screen
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session, SessionLocked
from gui.shared.style import readable_style
from models.domain.base import utcnow
from models.domain.changes import Change, ChangeBus
from models.domain.dto import CaseDetail, CorrectionHistory
from models.domain.enums import Role
from models.domain.errors import KnownError
from models.domain.formatting import datetime_text
from models.security.permissions import Operation, allows

T = TypeVar("T")


# -- the way in ------------------------------------------------------------------------------


def open_case(
    parent: QWidget, session: Session, case_id: int, *, reopen: CaseReopen | None = None,
    draft: FormDraft | None = None, report: bool = True,
) -> CaseView | None:
    """Show a case in its own window, asking for break-the-glass access if it needs it.

    An already open view of the same case is brought to the front instead.

    Args:
        parent: the main window (it owns the view, so the idle lock closes it).
        session: the signed-in session.
        case_id: the case to open.
        reopen: after unlocking: the tab, line and scroll position to show again.
        draft: after unlocking: the break-the-glass reason typed before the lock.
        report: show why the case could not be opened; ``False`` raises the error instead
            (for a caller that tells it together with other things).

    Returns:
        The view, or ``None`` if the user cancelled or the case could not be opened (the
        reason has been shown).

    Raises:
        KnownError: the case could not be opened and ``report`` is false.
    """
    for existing in parent.findChildren(CaseView):
        if existing.case_id == case_id and existing.session is session and not existing.is_wiped:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
    try:
        services = session.services
        if services.break_glass.needs_break_glass(case_id):
            if not ask_break_glass(parent, services, case_id, draft=draft):
                return None
        detail = services.cases.get_detail(case_id)
    except SessionLocked:
        return None
    except KnownError as error:
        if not report:
            raise
        errors.show_error(parent, error)
        return None
    view = CaseView(session, case_id, parent, detail=detail)
    view.show()
    if reopen is not None:
        view.restore_place(reopen)
    view.raise_()
    view.activateWindow()
    return view


class _ChangeListener:
    """Forwards :class:`Change` announcements to a view while it lives (a weak reference)."""

    def __init__(self, view: CaseView, changes: ChangeBus) -> None:
        self._view = weakref.ref(view)
        self._changes = changes
        self._active = True

    def __call__(self, change: Change) -> None:
        view = self._view()
        if view is not None and shiboken6.isValid(view):
            view.on_change(change)

    def stop(self) -> None:
        if self._active:
            self._active = False
            self._changes.unsubscribe(self)


def _after_destroyed(listener: _ChangeListener, files: PrivateFiles, *_args: object) -> None:
    listener.stop()
    files.remove_all()


# -- the view -----------------------------------------------------------------------------------


class CaseView(QWidget):
    """One case in its own window: the header, the timeline and a tab per kind of record.

    Args:
        session: the signed-in session (services are taken from it on every use).
        case_id: the case shown.
        parent: the main window; the view is a separate top-level window it owns.
        detail: the case, if the caller loaded it already (``open_case`` does).
        opener: opens a file URL with the desktop's program (tests pass a stand-in).

    Raises:
        KnownError: the case cannot be loaded (no access, no such case) — only when
            ``detail`` is not given.
    """

    #: Emitted with the case id when the view has closed.
    closed = Signal(int)
    #: A change to this case was announced (from any thread); reload on the GUI thread.
    _case_changed = Signal()

    def __init__(
        self, session: Session, case_id: int, parent: QWidget | None = None, *,
        detail: CaseDetail | None = None, opener: Callable[[QUrl], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("caseView")
        self._session = session
        self._case_id = case_id
        self._wiped = False
        self.files = CaseFiles(self, session, case_id, opener)
        self.forms = CaseForms(self, self)
        services = session.services
        self._detail = detail if detail is not None else services.cases.get_detail(case_id)
        self._catalogue = services.records.protective_action_types()

        self.header = CaseHeader(self.role, self._fetch_identity_code)
        self.erasure = CaseErasure(self, session, case_id, self._tell)
        self.header.actions_row.addWidget(self.erasure.button)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self._build_tabs(self._detail)

        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 10)
        self.busy.hide()
        # Break-the-glass access: until when, and that it is reviewed.
        self.access_banner, self.access_text = banner(
            "accessBanner", "accessText", ACCESS_BANNER_COLOURS)
        # When the emergency access ends, the case is read again: refused, the view closes.
        self.access_ends = QTimer(self)
        self.access_ends.setSingleShot(True)
        self.access_ends.timeout.connect(self.reload)
        self.status_text = ElidedLabel()  # a long folder's name never widens the window
        self.status_text.setObjectName("statusText")
        self.status_text.setStyleSheet(readable_style("#4a4a4a"))
        status = QHBoxLayout()
        status.addWidget(self.status_text, 1)
        status.addWidget(self.busy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.access_banner)
        layout.addWidget(self.erasure.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(status)

        self._wire_header()
        self.files.progress.connect(self._show_progress)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self._case_changed.connect(self._reload_timer.start, Qt.ConnectionType.QueuedConnection)

        QShortcut(QKeySequence.StandardKey.Close, self, activated=self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.reload)
        for number in range(1, 10):
            QShortcut(QKeySequence(f"Alt+{number}"), self,
                      activated=lambda n=number: self._go_to_tab(n - 1))

        self._show(self._detail)
        # Each tab is shown with the header: its letters may repeat in other tabs only.
        for section in (self.timeline, *self.sections()):
            assign_mnemonics(section, also=[self.header])
        # Opened from the keyboard, the arrows walk the timeline at once.
        self.timeline.table.setFocus(Qt.FocusReason.OtherFocusReason)
        # The bus holds a weak listener, and whatever happens to the view (closed, locked,
        # or deleted with its parent without closing) the listener is removed and the
        # private files are deleted.
        self._listener = _ChangeListener(self, session.changes)
        session.changes.subscribe(self._listener)
        self.destroyed.connect(
            functools.partial(_after_destroyed, self._listener, self.files.private))
        session.about_to_lock.connect(self._on_about_to_lock)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wipe)
        self.setWindowTitle(self.tr("{reference} — Suoja").format(
            reference=self._detail.case.reference))
        self._size_to_screen()

    # -- properties the tabs and dialogs use ------------------------------------------------

    @property
    def session(self) -> Session:
        return self._session

    @property
    def case_id(self) -> int:
        return self._case_id

    @property
    def role(self) -> Role:
        return self._session.actor.role

    @property
    def detail(self) -> CaseDetail:
        return self._detail

    @property
    def is_wiped(self) -> bool:
        return self._wiped

    def protective_action_catalogue(self) -> list[tuple[str, str, str]]:
        return self._catalogue

    def sections(self) -> list[RecordSection]:
        return [s for s in (self.contacts, self.reports, self.sessions, self.actions,
                            self.follow_ups, self.attachments) if s is not None]

    # -- building ---------------------------------------------------------------------------

    def _build_tabs(self, detail: CaseDetail) -> None:
        self.timeline = TimelineSection()
        self.timeline.go_to.connect(self.go_to_record)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.contacts = self._add(ExtortionContactSection, detail.extortion_contacts)
        self.reports = self._add(PoliceReportSection, detail.police_reports)
        self.sessions = self._add(SupportSessionSection, detail.support_sessions)
        self.actions = self._add(ProtectiveActionSection, detail.protective_actions)
        self.follow_ups = self._add(FollowUpSection, detail.follow_ups)
        self.attachments = self._add(AttachmentSection, detail.attachments)

    def _add(self, cls: type[Any], section: tuple[Any, ...] | None) -> Any:
        if section is None:
            return None  # the role may not see this kind of record: no tab at all
        widget = cls(self)
        self.tabs.addTab(widget, "")
        return widget

    def _wire_header(self) -> None:
        self.header.told.connect(self.status_text.setText)
        self.header.export_button.clicked.connect(self.export_pdf)
        self.header.corrections_button.clicked.connect(self.show_corrections)
        self.forms.open_from(self.header)

    def export_pdf(self) -> None:
        """Offer the case summary profiles this role may export (the service decides)."""
        from gui.case.export_dialog import ExportCaseDialog

        dialog = ExportCaseDialog(self._session, self._case_id,
                                  self._detail.case.reference, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._exported(dialog.written))
        dialog.open()  # closed with the view when the app locks

    def _exported(self, written: Path | None) -> None:
        """Say where the export went (a PDF, or an access copy's folder)."""
        if written is not None:
            self.status_text.setText(self.tr("Saved {name} in {folder}.").format(
                name=written.name, folder=str(written.parent)))

    def show_corrections(self) -> CorrectionHistoryDialog | None:
        """The victim's correction history (supervisors; the service audits the read)."""
        if self._wiped:
            return None
        history = self._correction_history(False, self)
        if history is None:
            return None
        dialog = CorrectionHistoryDialog(
            history, lambda reveal: self._correction_history(reveal, dialog),
            may_reveal=allows(self.role, Operation.REVEAL_IDENTITY_CODE), parent=self)
        self.forms.open_dialog(dialog)  # closed with the view when the app locks
        return dialog

    def _correction_history(self, reveal: bool, parent: QWidget
                            ) -> CorrectionHistory | None:
        if self._wiped:
            return None
        found: list[CorrectionHistory] = []
        if not self.forms.attempt(lambda s: found.append(s.cases.correction_history(
                self._case_id, reveal_identity_codes=reveal)), parent):
            return None
        return found[0] if found else None

    def _size_to_screen(self) -> None:
        # Wider with a bigger desktop font (the header's buttons wrap, so they no longer
        # widen the window): about 160 characters, at least the designed 1180 px. On a
        # small screen the whole work area, so that every tab title stays in sight.
        fit_to_screen(self, max(1180, self.fontMetrics().averageCharWidth() * 160), 860)

    # -- showing ---------------------------------------------------------------------------

    def _show(self, detail: CaseDetail) -> None:
        self._detail = detail
        self.header.show_detail(detail)
        until = detail.access_until
        self.access_banner.setVisible(until is not None)
        if until is None:
            self.access_ends.stop()
        else:
            self.access_text.setText(self.tr(
                "Emergency access (break the glass) until {time}. Everything you do in "
                "this case is in the audit log, and a supervisor reviews the access.").format(
                time=datetime_text(until)))
            left = (until - utcnow()).total_seconds()
            self.access_ends.start(max(0, int(left * 1000)) + 1000)
        self.erasure.show_detail(detail)
        self.timeline.show_detail(detail)
        if self.contacts is not None:
            self.contacts.show_contacts(detail.extortion_contacts or (), detail.attachments)
        if self.reports is not None:
            self.reports.show_records(detail.police_reports or ())
        if self.sessions is not None:
            self.sessions.show_records(detail.support_sessions or ())
        if self.actions is not None:
            self.actions.show_records(detail.protective_actions or ())
        if self.follow_ups is not None:
            self.follow_ups.show_records(detail.follow_ups or ())
        if self.attachments is not None:
            self.attachments.show_records(detail.attachments or ())
        self._update_tab_titles(detail)

    def _update_tab_titles(self, detail: CaseDetail) -> None:
        def title(widget: QWidget | None, text: str) -> None:
            if widget is not None:
                self.tabs.setTabText(self.tabs.indexOf(widget), text)

        def counted(text: str, items: Sequence[Any] | None) -> str:
            return f"{text} ({len(items)})" if items else text

        title(self.contacts, counted(self.tr("Extortion contacts"), detail.extortion_contacts))
        title(self.reports, counted(self.tr("Police reports"), detail.police_reports))
        title(self.sessions, counted(self.tr("Support sessions"), detail.support_sessions))
        started = [a for a in detail.protective_actions or () if a.state != "not_started"]
        title(self.actions, self.tr("Protective actions ({done}/{all} done)").format(
            done=len([a for a in started if a.state == "done"]), all=len(self._catalogue)))
        open_items = [f for f in detail.follow_ups or () if not f.done]
        title(self.follow_ups, self.tr("Follow-ups ({open} open)").format(open=len(open_items))
              if open_items else self.tr("Follow-ups"))
        title(self.attachments, counted(self.tr("Attachments"), detail.attachments))

    def go_to_record(self, kind: str, record_id: int) -> None:
        """Show a record (from the timeline) in its own tab."""
        section = {
            "extortion_contact": self.contacts, "police_report": self.reports,
            "support_session": self.sessions, "protective_action": self.actions,
            "follow_up": self.follow_ups, "attachment": self.attachments,
        }.get(kind)
        if section is None:
            return
        self.tabs.setCurrentWidget(section)
        section.select_record(record_id)
        section.table.setFocus()

    def _go_to_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    # -- loading again ---------------------------------------------------------------------

    def reload(self) -> CaseDetail | None:
        """Load the case again (after a change); closes the view if it is no longer open."""
        if self._wiped or self._session.is_locked:
            return None
        try:
            detail = self._session.services.cases.get_detail(self._case_id, refresh=True)
        except KnownError as error:
            # No access any more (the break-the-glass grant ended) or the case is gone.
            errors.show_error(self, error)
            self.close()
            return None
        self._show(detail)
        return detail

    def on_change(self, change: Change) -> None:
        """A change was announced (on whichever thread committed it); reload if it is ours."""
        if self._case_id in change.case_ids and not self._wiped:
            self._case_changed.emit()  # queued: the reload runs on the GUI thread

    # -- the parts' needs ------------------------------------------------------------------

    def _fetch_identity_code(self) -> str | None:
        """The full identity code for the header to show a while (the reveal is audited)."""
        if self._wiped:
            return None
        code: list[str | None] = []
        if not self.forms.attempt(
                lambda s: code.append(s.cases.reveal_identity_code(self._case_id))):
            return None
        return code[0] if code else None

    def _tell(self, text: str) -> None:
        self.status_text.setText(text)

    def _show_progress(self, text: str, running: int) -> None:
        self.status_text.setText(text)
        self.busy.setVisible(running > 0)

    def open_dialogs(self) -> list[QDialog]:
        return [d for d in self.findChildren(QDialog) if d.isVisible()]

    # -- locking and closing ------------------------------------------------------------------

    def reopen_record(self) -> CaseReopen | None:
        """How to show this view again after the lock: the tab, selected line and scroll."""
        if self._wiped:
            return None
        current = self.tabs.currentWidget()
        selected = None
        if isinstance(current, RecordSection):
            record = current.current_record()
            selected = current.selection_key(record) if record is not None else None
        table = getattr(current, "table", None)
        scroll = table.verticalScrollBar().value() if table is not None else 0
        return CaseReopen(self._case_id, current.objectName() if current else "", selected,
                          scroll)

    def restore_place(self, reopen: CaseReopen) -> None:
        """Show the tab, line and scroll position :meth:`reopen_record` remembered."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget is None or widget.objectName() != reopen.tab:
                continue
            self.tabs.setCurrentIndex(index)
            if isinstance(widget, RecordSection) and reopen.selected is not None:
                row = widget.row_of_key(reopen.selected)
                if row is not None:
                    widget.select_row(row)
            table = getattr(widget, "table", None)
            if table is not None:
                table.doItemsLayout()  # scroll ranges are otherwise updated only later
                table.verticalScrollBar().setValue(reopen.scroll)
            return

    def reopen_form(self, draft: FormDraft) -> bool:
        """Open a form of this case again as it was when the app locked.

        The record it edits is looked up in the case as loaded now. When something was
        typed, the form keeps the version it was editing, so saving over a change made
        meanwhile meets the usual conflict handling. The form comes back only if the user
        could open it now (the same button is there).

        Returns:
            False if it cannot come back: its record is gone, or it is no longer allowed.
        """
        header, opened = self.header, self.forms
        forms: dict[tuple[str, str], tuple[QPushButton, Callable[..., QDialog | None]]] = {
            (drafts.VICTIM, ""): (header.edit_victim_button, opened.edit_victim),
            (drafts.IDENTITY_CODE, ""): (header.change_code_button, opened.change_identity_code),
            (drafts.CASE, ""): (header.edit_case_button, opened.edit_case),
            (drafts.CLOSURE, "request"): (header.request_closure_button, opened.request_closure),
            (drafts.CLOSURE, "close"): (header.close_case_button, opened.close_case),
        }
        if self._wiped:
            return False
        if (draft.kind, draft.variant) in forms:
            button, opener = forms[(draft.kind, draft.variant)]
            return button.isVisibleTo(self) and opener(draft=draft) is not None
        detail = self._detail
        sections: dict[str, tuple[Any, tuple[Any, ...] | None]] = {
            drafts.EXTORTION_CONTACT: (self.contacts, detail.extortion_contacts),
            drafts.POLICE_REPORT: (self.reports, detail.police_reports),
            drafts.SUPPORT_SESSION: (self.sessions, detail.support_sessions),
            drafts.PROTECTIVE_ACTION: (self.actions, detail.protective_actions),
            drafts.FOLLOW_UP: (self.follow_ups, detail.follow_ups),
        }
        section, records = sections.get(draft.kind, (None, None))
        if section is None or not section.may_edit:
            return False
        record = None
        if draft.record_id is not None:
            record = next((r for r in records or () if r.id == draft.record_id), None)
            if record is None:
                return False  # removed meanwhile
        extra: dict[str, str] = {}
        if draft.kind == drafts.PROTECTIVE_ACTION:
            code = record.type_code if record is not None else draft.variant
            step = next((c for c in self._catalogue if c[0] == code), None)
            title = step[1] if step else getattr(record, "title", "") or code
            extra = {"type_code": code, "title": title, "guidance": step[2] if step else ""}
        dialog = self.forms.edit_record(draft.kind, as_edited(record, draft), draft=draft,
                                        **extra)
        return dialog is not None

    def wipe(self) -> None:
        """Forget everything shown: dialogs, models, labels, the revealed code, temp files."""
        if self._wiped:
            return
        self._wiped = True
        self.files.drop()
        self._reload_timer.stop()
        self._listener.stop()
        for dialog in self.findChildren(QDialog):
            dialog.reject()  # a plain reject never asks about unsaved changes
            dialog.hide()
        self.header.clear()
        self.erasure.clear()
        self.timeline.clear()
        for section in self.sections():
            section.clear()
        if self.contacts is not None:
            self.contacts.message.clear()
            self.contacts.evidence_model.clear()
        if self.sessions is not None:
            self.sessions.notes.clear()
        clear_sensitive()

    def _on_about_to_lock(self) -> None:
        self.wipe()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override of QWidget.closeEvent: wipe what the view shows and delete temp files."""
        self.wipe()
        self.closed.emit(self._case_id)
        super().closeEvent(event)


__all__ = ["CaseView", "open_case"]
