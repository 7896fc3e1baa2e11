"""The case view: one victim's case in its own window.

:func:`open_case` is the way in: it asks for a break-the-glass reason when the case
belongs to another counsellor, then shows a :class:`CaseView` as a separate top-level
window owned by the main window (so the idle lock closes it with everything else).

The header carries what a counsellor must know before picking up the phone — name, risk,
status, the counsellor, and the safe-contact rules in a yellow banner — and the masked
identity code, which "Reveal" shows for 30 seconds (audited). The tabs hold the timeline
and every kind of record; each can be added, edited and (where allowed) removed through
the dialogs in :mod:`gui.case.record_dialogs`. The view reloads itself whenever a change to
this case is announced on the session's :class:`~models.domain.changes.ChangeBus`, and on
``about_to_lock`` it drops everything it shows, closes, and deletes the private temporary
files of opened attachments. Before that, the main window asks it (:meth:`CaseView.
reopen_record`) and its dialogs how to bring them back after unlocking (:mod:`gui.shared.drafts`);
:func:`open_case` with ``reopen=`` and :meth:`CaseView.reopen_form` do that.

By keyboard: the timeline has the focus when the view opens, Alt+1…9 pick a tab, each
button and list has its own Alt+letter, a saved record is selected in its list with the
focus on it, and Esc or Ctrl+W closes the view.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.case.break_glass import BreakGlassDialog
from gui.case.dialogs import base as record_dialogs
from gui.case.sections import base as case_sections
from gui.case.sections.base import (
    AttachmentSection,
    ExtortionContactSection,
    FollowUpSection,
    PoliceReportSection,
    ProtectiveActionSection,
    RecordSection,
    SupportSessionSection,
    label,
)
from gui.case.timeline import TimelineSection
from gui.shared import drafts
from gui.shared.background import BackgroundOp, Generation
from gui.shared.clipboard import clear_sensitive, copy_sensitive
from gui.shared.drafts import CaseReopen, FormDraft
from gui.shared.labels import plural
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session, SessionLocked
from models.domain.changes import Change, ChangeBus
from models.domain.dto import AttachmentInfo, CaseDetail, FollowUpData, FollowUpDraft
from models.domain.entities import MAX_ATTACHMENT_BYTES
from models.domain.enums import CaseStatus, Role
from models.domain.errors import ConflictError, KnownError, ValidationError
from models.domain.formatting import date_text, datetime_text
from models.security.permissions import Operation, allows
from models.services import Services

log = logging.getLogger("suoja.gui.case_view")

T = TypeVar("T")

#: How long a revealed identity code stays on screen.
REVEAL_SECONDS = 30

#: (background, text, border) of the risk chip: calm, but unmistakable.
RISK_COLOURS = {
    "acute": ("#fbe4e2", "#8c1d18", "#d4574e"),
    "high": ("#fdebd9", "#7a3e00", "#e28a36"),
    "medium": ("#fdf4d3", "#5f4b00", "#d6ac2f"),
    "low": ("#e3f2e3", "#1d5b25", "#6aab6f"),
}
STATUS_COLOURS = ("#eef0f3", "#33393f", "#b8bec6")
BANNER_STYLE = (
    "QFrame#safeContact { background: #fff5c8; border: 1px solid #e2c45a;"
    " border-left: 6px solid #d6a800; border-radius: 4px; }"
    " QLabel { color: #3f3200; background: transparent; border: none; }"
)
CALM_BANNER_STYLE = (
    "QFrame#safeContact { background: #eef5ee; border: 1px solid #bcd6bd;"
    " border-left: 6px solid #7fb283; border-radius: 4px; }"
    " QLabel { color: #23452a; background: transparent; border: none; }"
)
CLOSURE_STYLE = (
    "QFrame#closureBanner { background: #e8f0fa; border: 1px solid #a9c3e3;"
    " border-radius: 4px; } QLabel { color: #1f3a5a; background: transparent; border: none; }"
)

#: The rules ``VictimData.safe_contact_warnings()`` returns, marked for translation.
SAFE_CONTACT_TEXTS = (
    QT_TRANSLATE_NOOP("safe_contact", "Do not leave voicemail"),
    QT_TRANSLATE_NOOP("safe_contact", "Do not send text messages"),
    QT_TRANSLATE_NOOP("safe_contact", "Do not e-mail"),
    QT_TRANSLATE_NOOP("safe_contact", "Do not send post"),
)


def open_url(url: QUrl) -> bool:
    """Open a file with the desktop's program for it (tests pass their own opener)."""
    return QDesktopServices.openUrl(url)


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
        record_dialogs.report_error(parent, error)
        return None
    view = CaseView(session, case_id, parent, detail=detail)
    view.show()
    if reopen is not None:
        view.restore_place(reopen)
    view.raise_()
    view.activateWindow()
    return view


def ask_break_glass(parent: QWidget, services: Services, case_id: int, *,
                    draft: FormDraft | None = None) -> bool:
    """Ask why, then grant break-the-glass access. True once access is granted.

    ``draft`` is the reason typed before the app locked (the lock rejects the dialog).
    """
    rows = services.case_list.case_rows([case_id])
    dialog = BreakGlassDialog(rows[0] if rows else None, parent, case_id=case_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if draft is not None:
        dialog.restore_draft(draft)
    try:
        while record_dialogs.run_modal(dialog):
            try:
                services.break_glass.break_glass(case_id, dialog.reason_text)
            except ValidationError as error:
                dialog.show_refusal(error)  # and ask again
                continue
            return True
        return False
    finally:
        dialog.deleteLater()


# -- private files for opened attachments ------------------------------------------------------


class PrivateFiles:
    """A private temporary folder (0700, files 0600) for attachments opened from a view.

    Everything in it is deleted when the view closes or the app locks. Written from worker
    threads, hence the lock.
    """

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._lock = threading.Lock()
        self._closed = False

    @property
    def folder(self) -> Path | None:
        return self._folder

    def write(self, attachment_id: int, filename: str, content: bytes) -> Path:
        """Write ``content`` as ``filename`` (made safe) in the private folder.

        Raises:
            RuntimeError: the view has closed meanwhile (nothing is written).
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("the case view has closed")
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="suoja-open-"))  # mode 0700
            folder = self._folder / str(attachment_id)
            folder.mkdir(mode=0o700, exist_ok=True)
            path = folder / safe_filename(filename)
            if path.exists():
                path.unlink()
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
            return path

    def remove_all(self) -> None:
        """Delete the folder and everything in it; later writes are refused."""
        with self._lock:
            self._closed = True
            folder, self._folder = self._folder, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def safe_filename(name: str) -> str:
    """A file name that is safe to create in a folder (no paths, no odd characters)."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ()]", "_", base).strip(" .")
    return base[:120] or "attachment"


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


def _as_edited(record: T, draft: FormDraft | None) -> T:
    """The record as a form kept over the lock was editing it: at the version it had then.

    Only when something was typed; an untouched form simply edits the record as it is now.
    """
    if record is None or draft is None or not draft.has_input or draft.version is None:
        return record
    if getattr(record, "version", None) == draft.version:
        return record
    return dataclasses.replace(record, version=draft.version)  # type: ignore[type-var]


def _after_destroyed(listener: _ChangeListener, files: PrivateFiles, *_args: object) -> None:
    listener.stop()
    files.remove_all()


# -- the header --------------------------------------------------------------------------------


def _chip(name: str) -> QLabel:
    chip = QLabel()
    chip.setObjectName(name)
    chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return chip


def _style_chip(chip: QLabel, colours: tuple[str, str, str]) -> None:
    background, text, border = colours
    chip.setStyleSheet(
        f"QLabel {{ background: {background}; color: {text}; border: 1px solid {border};"
        " border-radius: 10px; padding: 2px 12px; font-weight: 600; }")


def _wrapping(name: str) -> QLabel:
    text = QLabel()
    text.setObjectName(name)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CaseHeader(QFrame):
    """Who the victim is, how they are, and how (not) to contact them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.name = QLabel()
        self.name.setObjectName("victimName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.risk = _chip("riskChip")
        self.status = _chip("statusChip")

        self.code_caption = QLabel(self.tr("Identity code:"))
        self.code = QLabel()
        self.code.setObjectName("identityCode")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        mono.setPointSizeF(self.font().pointSizeF() * 1.1)
        self.code.setFont(mono)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("Revea&l"))
        self.reveal_button.setObjectName("revealCode")
        self.reveal_button.setAccessibleName(self.tr("Reveal the full identity code"))
        self.reveal_button.setToolTip(self.tr("Shows the full code for {seconds} seconds. "
                                              "Revealing is written to the audit log.")
                                      .format(seconds=REVEAL_SECONDS))
        self.copy_button = QPushButton(self.tr("Co&py"))
        self.copy_button.setObjectName("copyCode")
        self.copy_button.setAccessibleName(self.tr("Copy the identity code"))
        self.copy_button.setToolTip(self.tr("The clipboard is cleared after 30 seconds."))
        self.copy_button.hide()
        self.countdown = QLabel()
        self.countdown.setObjectName("revealCountdown")
        self.countdown.setStyleSheet("color: #5a5a5a;")

        self.facts = _wrapping("caseFacts")
        self.contact = _wrapping("contactDetails")
        self.risk_reason = _wrapping("riskReason")

        self.safe_contact = QFrame()
        self.safe_contact.setObjectName("safeContact")
        self.safe_rules = QLabel()
        self.safe_rules.setObjectName("safeContactRules")
        self.safe_rules.setWordWrap(True)
        rules_font = QFont(self.font())
        rules_font.setBold(True)
        rules_font.setPointSizeF(rules_font.pointSizeF() * 1.15)
        self.safe_rules.setFont(rules_font)
        self.safe_note = QLabel()
        self.safe_note.setObjectName("safeContactNote")
        self.safe_note.setWordWrap(True)
        self.safe_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner = QVBoxLayout(self.safe_contact)
        banner.setContentsMargins(12, 6, 12, 6)
        banner.setSpacing(2)
        banner.addWidget(self.safe_rules)
        banner.addWidget(self.safe_note)

        self.closure = QFrame()
        self.closure.setObjectName("closureBanner")
        self.closure.setStyleSheet(CLOSURE_STYLE)
        self.closure_text = QLabel()
        self.closure_text.setObjectName("closureText")
        self.closure_text.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve clo&sure…"))
        self.approve_button.setObjectName("approveClosure")
        self.return_button = QPushButton(self.tr("Re&turn to counsellor"))
        self.return_button.setObjectName("returnClosure")
        closure_row = QHBoxLayout(self.closure)
        closure_row.setContentsMargins(12, 6, 12, 6)
        closure_row.addWidget(self.closure_text, 1)
        closure_row.addWidget(self.approve_button)
        closure_row.addWidget(self.return_button)

        self.edit_victim_button = QPushButton(self.tr("Edit &victim…"))
        self.edit_victim_button.setObjectName("editVictim")
        self.change_code_button = QPushButton(self.tr("Change identity co&de…"))
        self.change_code_button.setObjectName("changeCode")
        self.edit_case_button = QPushButton(self.tr("Edit &case…"))
        self.edit_case_button.setObjectName("editCase")
        self.edit_case_button.setToolTip(self.tr("Risk level and its reason, status"))
        self.request_closure_button = QPushButton(self.tr("Request clo&sure…"))
        self.request_closure_button.setObjectName("requestClosure")
        self.close_case_button = QPushButton(self.tr("Clo&se case…"))
        self.close_case_button.setObjectName("closeCase")
        self.export_button = QPushButton(self.tr("E&xport PDF…"))
        self.export_button.setObjectName("exportPdf")
        self.export_button.setToolTip(self.tr("A case summary for the police or for handover"))

        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.risk, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        # The identity code and the case's actions share a row: the header stays short
        # enough for a laptop screen at 200 % scaling.
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_caption)
        code_row.addWidget(self.code)
        code_row.addSpacing(6)
        code_row.addWidget(self.reveal_button)
        code_row.addWidget(self.copy_button)
        code_row.addWidget(self.countdown)
        code_row.addStretch(1)
        for button in (self.edit_victim_button, self.change_code_button, self.edit_case_button,
                       self.request_closure_button, self.close_case_button,
                       self.export_button):
            code_row.addWidget(button)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(top)
        column.addLayout(code_row)
        column.addWidget(self.facts)
        column.addWidget(self.contact)
        column.addWidget(self.risk_reason)
        column.addWidget(self.safe_contact)
        column.addWidget(self.closure)

    def show_detail(self, detail: CaseDetail, revealed: str | None) -> None:
        case, victim = detail.case, detail.victim
        self.name.setText(victim.display_name)
        self.name.setAccessibleName(self.tr("Victim"))
        self.risk.setText(label("risk", case.risk_level))
        self.risk.setAccessibleName(self.tr("Risk level"))
        _style_chip(self.risk, RISK_COLOURS.get(case.risk_level, STATUS_COLOURS))
        status = label("status", case.status)
        if case.status == CaseStatus.CLOSED.value and case.closure_reason:
            status += " — " + label("closure", case.closure_reason)
        self.status.setText(status)
        self.status.setAccessibleName(self.tr("Case status"))
        _style_chip(self.status, STATUS_COLOURS)
        self.show_code(victim.identity_code_masked, revealed)
        history = [f"{entry.masked}  {date_text(entry.valid_from)}–"
                   f"{date_text(entry.valid_to) if entry.valid_to else ''}"
                   for entry in victim.identity_code_history]
        self.code.setToolTip(
            self.tr("Earlier codes:") + "\n" + "\n".join(history) if len(history) > 1 else "")

        facts = [self.tr("Case <b>{reference}</b>").format(reference=case.reference),
                 self.tr("Counsellor: <b>{name}</b>").format(
                     name=_escape(case.assigned_to_name or self.tr("unassigned"))),
                 self.tr("Opened {date}").format(date=date_text(case.opened_on))]
        if case.closed_on:
            facts.append(self.tr("Closed {date}").format(date=date_text(case.closed_on)))
        if victim.breaches:
            facts.append(self.tr("Breaches: {names}").format(
                names=_escape(", ".join(victim.breaches))))
        self.facts.setText(" &nbsp;·&nbsp; ".join(facts))

        contact = []
        if victim.phone:
            contact.append(self.tr("Phone {phone}").format(phone=_escape(victim.phone)))
        if victim.email:
            contact.append(self.tr("E-mail {email}").format(email=_escape(victim.email)))
        contact.append(self.tr("Language: {language}").format(
            language=label("language", victim.language)))
        if not victim.consent_given:
            contact.append("<span style='color:#8c1d18'>"
                           + self.tr("No consent to processing recorded") + "</span>")
        self.contact.setText(" &nbsp;·&nbsp; ".join(contact))
        self.risk_reason.setText(
            self.tr("<i>Risk:</i> {reason}").format(reason=_escape(case.risk_reason))
            if case.risk_reason else "")
        self.risk_reason.setVisible(bool(case.risk_reason))

        warnings = [QCoreApplication.translate("safe_contact", text)
                    for text in victim.safe_contact_warnings()]
        if warnings:
            self.safe_contact.setStyleSheet(BANNER_STYLE)
            self.safe_rules.setText("⚠ " + " · ".join(warnings))
        else:
            self.safe_contact.setStyleSheet(CALM_BANNER_STYLE)
            self.safe_rules.setText(self.tr("No contact restrictions recorded"))
        self.safe_contact.setAccessibleName(self.tr("Safe-contact rules"))
        self.safe_contact.setAccessibleDescription(self.safe_rules.text())
        self.safe_note.setText(victim.safe_contact_note)
        self.safe_note.setVisible(bool(victim.safe_contact_note))

        if case.closure_requested_at is not None:
            self.closure_text.setText(self.tr(
                "Closure requested on {date}: {reason}. Waiting for a supervisor's decision.")
                .format(date=datetime_text(case.closure_requested_at),
                        reason=label("closure", case.requested_closure_reason)))
            self.closure.show()
        else:
            self.closure_text.clear()
            self.closure.hide()

    def show_code(self, masked: str | None, revealed: str | None) -> None:
        if masked is None:
            self.code.setText(self.tr("none recorded"))
            self.code.setAccessibleName(self.tr("Identity code: none recorded"))
            self.reveal_button.hide()
            self.copy_button.hide()
            self.countdown.clear()
            return
        self.code.setText(revealed or masked)
        self.code.setAccessibleName(self.tr("Identity code"))
        self.reveal_button.setText(self.tr("&Hide") if revealed else self.tr("Revea&l"))
        self.copy_button.setVisible(revealed is not None)
        if revealed is None:
            self.countdown.clear()

    def clear(self) -> None:
        for text in (self.name, self.code, self.facts, self.contact, self.risk_reason,
                     self.safe_rules, self.safe_note, self.closure_text, self.risk, self.status,
                     self.countdown):
            text.clear()
        self.code.setToolTip("")
        self.safe_contact.setAccessibleDescription("")


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
        self.opener: Callable[[QUrl], bool] = opener or open_url
        self._wiped = False
        self._revealed: str | None = None
        self._files = PrivateFiles()
        self._tasks = 0
        #: Adding and opening files run side by side; wiping the view drops them all.
        self._task_generation = Generation(newest_only=False)
        services = session.services
        self._detail = detail if detail is not None else services.cases.get_detail(case_id)
        self._catalogue = services.records.protective_action_types()

        self.header = CaseHeader()
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
        self.status_text = QLabel()
        self.status_text.setObjectName("statusText")
        self.status_text.setStyleSheet("color: #4a4a4a;")
        status = QHBoxLayout()
        status.addWidget(self.status_text, 1)
        status.addWidget(self.busy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(status)

        self._wire_header()
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(REVEAL_SECONDS * 1000)
        self._reveal_timer.timeout.connect(self.hide_identity_code)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
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
        self.destroyed.connect(functools.partial(_after_destroyed, self._listener, self._files))
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

    @property
    def revealed_code(self) -> str | None:
        return self._revealed

    @property
    def private_folder(self) -> Path | None:
        """Where opened attachments are written (``None`` before the first one)."""
        return self._files.folder

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
        header = self.header
        role = self.role
        header.reveal_button.clicked.connect(self._toggle_reveal)
        header.copy_button.clicked.connect(self.copy_identity_code)
        header.edit_victim_button.clicked.connect(self.edit_victim)
        header.change_code_button.clicked.connect(self.change_identity_code)
        header.edit_case_button.clicked.connect(self.edit_case)
        header.request_closure_button.clicked.connect(self.request_closure)
        header.close_case_button.clicked.connect(self.close_case)
        header.approve_button.clicked.connect(self.approve_closure)
        header.return_button.clicked.connect(self.return_closure)
        header.reveal_button.setEnabled(allows(role, Operation.REVEAL_IDENTITY_CODE))
        header.edit_victim_button.setVisible(allows(role, Operation.EDIT_VICTIM))
        header.change_code_button.setVisible(allows(role, Operation.EDIT_VICTIM))
        header.edit_case_button.setVisible(allows(role, Operation.EDIT_CASE))
        header.export_button.clicked.connect(self.export_pdf)
        header.export_button.setVisible(
            allows(role, Operation.EXPORT_POLICE) or allows(role, Operation.EXPORT_CARE))

    def export_pdf(self) -> None:
        """Offer the case summary profiles this role may export (the service decides)."""
        from gui.case.export_dialog import ExportCaseDialog

        dialog = ExportCaseDialog(self._session, self._case_id,
                                  self._detail.case.reference, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # closed with the view when the app locks

    def _size_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1180, 860
        if screen is not None:
            # Nearly the whole width on a small screen: every tab title stays in sight.
            width = min(width, int(screen.width() * 0.96))
            height = min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    # -- showing ---------------------------------------------------------------------------

    def _show(self, detail: CaseDetail) -> None:
        before, after = self._detail.victim, detail.victim
        if self._revealed is not None and (
                after.identity_code_masked != before.identity_code_masked
                or after.identity_code_history != before.identity_code_history):
            self.hide_identity_code()  # the code changed: what is shown is no longer it
        self._detail = detail
        self.header.show_detail(detail, self._revealed)
        self._update_closure_buttons(detail)
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

    def _update_closure_buttons(self, detail: CaseDetail) -> None:
        case = detail.case
        role = self.role
        closed = case.status == CaseStatus.CLOSED.value
        pending = case.closure_requested_at is not None
        supervisor = allows(role, Operation.APPROVE_CLOSURE)
        header = self.header
        header.request_closure_button.setVisible(
            allows(role, Operation.REQUEST_CLOSURE) and not supervisor and not closed
            and not pending)
        header.close_case_button.setVisible(supervisor and not closed and not pending)
        header.approve_button.setVisible(supervisor and pending)
        header.return_button.setVisible(supervisor and pending)

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
            record_dialogs.report_error(self, error)
            self.close()
            return None
        self._show(detail)
        return detail

    def on_change(self, change: Change) -> None:
        """A change was announced (on whichever thread committed it); reload if it is ours."""
        if self._case_id in change.case_ids and not self._wiped:
            self._case_changed.emit()  # queued: the reload runs on the GUI thread

    # -- service calls ---------------------------------------------------------------------

    def attempt(self, action: Callable[[Services], Any], parent: QWidget | None = None
                ) -> bool:
        """Run one service call; show a refusal, or offer to reload after a conflict.

        Returns:
            Whether the call succeeded.
        """
        parent = parent or self
        try:
            action(self._session.services)
        except SessionLocked:
            return False
        except ConflictError as error:
            if record_dialogs.ask_reload(parent, error):
                self.reload()
            return False
        except KnownError as error:
            record_dialogs.report_error(parent, error)
            return False
        return True

    # -- dialogs ---------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Show a dialog over this view without a nested event loop."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_dialogs(self) -> list[QDialog]:
        return [d for d in self.findChildren(QDialog) if d.isVisible()]

    def edit_record(self, kind: str, record: Any | None, *, draft: FormDraft | None = None,
                    **extra: Any) -> QDialog | None:
        """Open the add (``record`` None) or edit dialog of a record.

        ``draft`` is what was typed into it before the app locked (see :meth:`reopen_form`).
        """
        dialogs: dict[str, type[record_dialogs.RecordDialog]] = {
            "extortion_contact": record_dialogs.ExtortionContactDialog,
            "police_report": record_dialogs.PoliceReportDialog,
            "support_session": record_dialogs.SupportSessionDialog,
            "protective_action": record_dialogs.ProtectiveActionDialog,
            "follow_up": record_dialogs.FollowUpDialog,
        }
        if self._wiped or self._session.is_locked:
            return None
        return self._open_form(dialogs[kind](self, record, self, **extra), draft, kind)

    def _open_form(self, dialog: record_dialogs.RecordDialog, draft: FormDraft | None,
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
        if self.reload() is not None and record_id is not None:
            self.go_to_record(kind, record_id)

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
        if not record_dialogs.confirm(self, self.tr("Remove"), question, self.tr("&Remove")):
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
        if self._wiped:
            return None
        return self._open_form(record_dialogs.VictimDialog(
            self, _as_edited(self._detail.victim, draft), self), draft)

    def change_identity_code(self, *, draft: FormDraft | None = None) -> QDialog | None:
        if self._wiped:
            return None
        return self._open_form(
            record_dialogs.IdentityCodeDialog(self, self._detail.victim, self), draft)

    def edit_case(self, *, draft: FormDraft | None = None) -> QDialog | None:
        if self._wiped:
            return None
        return self._open_form(record_dialogs.CaseDialog(
            self, _as_edited(self._detail.case, draft), self), draft)

    def request_closure(self, *, draft: FormDraft | None = None) -> QDialog | None:
        if self._wiped:
            return None
        return self._open_form(record_dialogs.ClosureDialog(
            self, _as_edited(self._detail.case, draft), self, request=True), draft)

    def close_case(self, *, draft: FormDraft | None = None) -> QDialog | None:
        if self._wiped:
            return None
        return self._open_form(record_dialogs.ClosureDialog(
            self, _as_edited(self._detail.case, draft), self, request=False), draft)

    def approve_closure(self) -> bool:
        case = self._detail.case
        question = self.tr("Close case {reference}? Reason given: {reason}.").format(
            reference=case.reference, reason=label("closure", case.requested_closure_reason))
        if not record_dialogs.confirm(self, self.tr("Approve closure"), question,
                                      self.tr("&Close case")):
            return False
        return self.attempt(lambda s: s.cases.approve_closure(case.id, case.version))

    def return_closure(self) -> bool:
        case = self._detail.case
        return self.attempt(lambda s: s.cases.return_closure(case.id, case.version))

    # -- identity code -----------------------------------------------------------------------

    def reveal_identity_code(self) -> str | None:
        """Show the full identity code for :data:`REVEAL_SECONDS` (audited)."""
        if self._wiped or self._detail.victim.identity_code_masked is None:
            return None
        code: list[str | None] = []
        if not self.attempt(lambda s: code.append(s.cases.reveal_identity_code(self._case_id))):
            return None
        self._revealed = code[0] if code else None
        if self._revealed is None:
            return None
        self._seconds_left = REVEAL_SECONDS
        self.header.show_code(self._detail.victim.identity_code_masked, self._revealed)
        self._tick(advance=False)
        self._reveal_timer.start()
        self._ticker.start()
        return self._revealed

    def hide_identity_code(self) -> None:
        self._revealed = None
        self._reveal_timer.stop()
        self._ticker.stop()
        if not self._wiped:
            self.header.show_code(self._detail.victim.identity_code_masked, None)

    def copy_identity_code(self) -> bool:
        if self._revealed is None:
            return False
        copy_sensitive(self._revealed)
        self.status_text.setText(self.tr("Identity code copied; the clipboard is cleared in "
                                         "30 seconds."))
        return True

    def _toggle_reveal(self) -> None:
        if self._revealed is None:
            self.reveal_identity_code()
        else:
            self.hide_identity_code()

    def _tick(self, advance: bool = True) -> None:
        if advance:
            self._seconds_left = max(self._seconds_left - 1, 0)
        self.header.countdown.setText(self.tr("hidden again in {seconds} s").format(
            seconds=self._seconds_left))

    # -- attachments -------------------------------------------------------------------------

    def choose_files(self) -> list[Path]:
        return case_sections.choose_files(self)

    def add_files(self, paths: Sequence[Path], extortion_contact_id: int | None = None) -> None:
        """Add files as evidence, on a worker; refuse what is too big with a clear message."""
        if self._wiped or self._session.is_locked:
            return
        files = [Path(p) for p in paths if Path(p).is_file()]
        if len(files) < len(paths):
            record_dialogs.report_error(self, KnownError(self.tr(
                "Only files can be added; folders and files that no longer exist were left "
                "out.")))
        too_big = [p for p in files if p.stat().st_size > MAX_ATTACHMENT_BYTES]
        if too_big:
            record_dialogs.report_error(self, KnownError(plural(
                len(too_big),
                self.tr("{n} file is larger than the {limit} MB limit and was not added. "
                        "Attach a smaller copy instead, such as a screenshot or a PDF of the "
                        "page."),
                self.tr("{n} files are larger than the {limit} MB limit and were not added. "
                        "Attach a smaller copy instead, such as a screenshot or a PDF of the "
                        "page."),
                limit=MAX_ATTACHMENT_BYTES // (1024 * 1024))))
        files = [p for p in files if p not in too_big]
        if not files:
            return
        services = self._session.services
        case_id = self._case_id

        def work() -> int:
            for path in files:
                content = path.read_bytes()
                services.records.add_attachment(case_id, path.name, content, None,
                                                extortion_contact_id)
            return len(files)

        def done(count: int) -> None:
            self._finish_task(
                plural(count, self.tr("Added {n} file."), self.tr("Added {n} files.")))

        self._start_task(
            plural(len(files), self.tr("Adding {n} file…"), self.tr("Adding {n} files…")))
        self._background(work).success(done).run()

    def open_attachment(self, attachment: AttachmentInfo) -> None:
        """Open a stored file with the desktop's program, via a private temporary copy."""
        if self._wiped or self._session.is_locked:
            return
        services = self._session.services
        files = self._files

        def work() -> Path:
            content = services.records.attachment_content(attachment.id)
            return files.write(attachment.id, attachment.filename, content)

        def done(path: Path) -> None:
            self._finish_task(self.tr("Opened {name}.").format(name=attachment.filename))
            if not self.opener(QUrl.fromLocalFile(str(path))):
                record_dialogs.report_error(self, KnownError(
                    self.tr("No program on this computer opens this kind of file.")))

        self._start_task(self.tr("Opening {name}…").format(name=attachment.filename))
        # Written after the view was wiped, the copy is deleted at once.
        self._background(work).success(done).dropped(lambda _path: files.remove_all()).run()

    def _background(self, work: Callable[[], T]) -> BackgroundOp[T]:
        """An op for this view: dropped once it is wiped (closed, locked) or deleted."""
        return BackgroundOp(self, work, session=self._session,
                            generation=self._task_generation).failure(self._task_failed)

    def _start_task(self, text: str) -> None:
        self._tasks += 1
        self.status_text.setText(text)
        self.busy.show()

    def _finish_task(self, text: str) -> None:
        self._tasks = max(self._tasks - 1, 0)
        self.status_text.setText(text)
        self.busy.setVisible(self._tasks > 0)

    def _task_failed(self, error: BaseException) -> None:
        self._finish_task("")
        if isinstance(error, KnownError):
            record_dialogs.report_error(self, error)
        elif isinstance(error, OSError):
            record_dialogs.report_error(self, KnownError(
                self.tr("The file could not be read or written; check that it still exists "
                        "and that you may open it.")))
        else:  # a bug: the crash dialog tells it
            log.error("attachment task failed: %s", type(error).__name__)

    @property
    def busy_tasks(self) -> int:
        """How many background tasks (adding or opening files) are running."""
        return self._tasks

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
        header = self.header
        forms: dict[tuple[str, str], tuple[QPushButton, Callable[..., QDialog | None]]] = {
            (drafts.VICTIM, ""): (header.edit_victim_button, self.edit_victim),
            (drafts.IDENTITY_CODE, ""): (header.change_code_button, self.change_identity_code),
            (drafts.CASE, ""): (header.edit_case_button, self.edit_case),
            (drafts.CLOSURE, "request"): (header.request_closure_button, self.request_closure),
            (drafts.CLOSURE, "close"): (header.close_case_button, self.close_case),
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
        dialog = self.edit_record(draft.kind, _as_edited(record, draft), draft=draft, **extra)
        return dialog is not None

    def wipe(self) -> None:
        """Forget everything shown: dialogs, models, labels, the revealed code, temp files."""
        if self._wiped:
            return
        self._wiped = True
        self._task_generation.drop_running()
        self._revealed = None
        for timer in (self._reveal_timer, self._ticker, self._reload_timer):
            timer.stop()
        self._listener.stop()
        for dialog in self.findChildren(QDialog):
            dialog.reject()  # a plain reject never asks about unsaved changes
            dialog.hide()
        self.header.clear()
        self.timeline.clear()
        for section in self.sections():
            section.clear()
        if self.contacts is not None:
            self.contacts.message.clear()
            self.contacts.evidence_model.clear()
        if self.sessions is not None:
            self.sessions.notes.clear()
        self._files.remove_all()
        clear_sensitive()

    def _on_about_to_lock(self) -> None:
        self.wipe()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override of QWidget.closeEvent: wipe what the view shows and delete temp files."""
        self.wipe()
        self.closed.emit(self._case_id)
        super().closeEvent(event)


__all__ = ["CaseHeader", "CaseView", "PrivateFiles", "open_case", "open_url", "safe_filename"]
