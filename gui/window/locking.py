"""What locking does to the windows the main window owns, and what unlocking brings back.

Locking (after ``idle_lock_minutes`` without input, or Ctrl+L) first asks every window the
main window owns how to bring it back (:mod:`gui.shared.drafts`: case windows give their
case and tab, editing dialogs what was typed; kept in memory only, the typed values
sealed), then closes and deletes them all — so dialogs showing case data must be created
with the main window as their parent, must treat *Rejected* as cancel and must not be used
after ``exec()`` returns beyond reading their result; while the main window's
``is_locking`` is true they must not ask anything, e.g. "discard changes?". The main
window clears its views meanwhile; the lock screen then asks for the password. Once
unlocked, the case windows and the forms with what was typed are opened again through
their usual methods (so access is checked and audited again; a case or record no longer
available is told in one sentence and its form dropped). Signing out from the lock screen
discards what was kept. Every lock (a sign-out locks first) takes an audit anchor
(``models.storage.anchoring``) before the database closes.

:class:`WindowKeys` makes Ctrl+L lock, and Ctrl+Q quit, from any of the main window's
windows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QStackedWidget, QWidget

from gui.shared import drafts
from gui.shared.drafts import CaseReopen, FormDraft, FormSource, Kept, LockedDrafts, WindowSource
from gui.shared.errors import show_error
from gui.shared.labels import plural
from gui.shared.session import Session
from gui.shared.workspace import FormReopener
from gui.window.lock_screen import LockScreen
from models.domain.errors import KnownError
from models.storage.anchoring import take_anchor

if TYPE_CHECKING:
    from gui.case.case_view import CaseView

def owns(window: QWidget, widget: QWidget) -> bool:
    """Whether ``widget`` is one of ``window``'s own windows (case views, forms)."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def _owned_windows(window: QWidget) -> Iterator[QWidget]:
    """``window``'s own windows that are open (each checked when its turn comes)."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and owns(window, widget):
            yield widget


class WindowKeys(QObject):
    """Ctrl+L (Lock) and Ctrl+Q (Quit) wherever the user is typing, a form over a case
    included.

    The actions' shortcuts are application-wide, but Qt does not fire a shortcut of a
    window that a window-modal form blocks, and the forms block the main window (a case
    window's forms, the intake, the account dialogs). This filter sees the key press that
    no shortcut took and triggers the action, for the windows of its own main window only.

    ``only_from_forms``: actions (Quit) not taken from a dialog that cannot tell what
    closing would lose (not a :class:`~gui.shared.drafts.FormSource`: the organisation's
    settings, an export's choices…); there the key does what it did before, nothing.
    """

    def __init__(self, window: QWidget, actions: Sequence[QAction], *,
                 only_from_forms: Sequence[QAction] = ()) -> None:
        super().__init__(window)
        self._window = window
        self._actions = list(actions)
        self._only_from_forms = list(only_from_forms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        action = next((action for action in self._actions
                       if action.isEnabled() and pressed in action.shortcuts()), None)
        if action is None:
            return False
        top = watched.window()
        if not (top is self._window or owns(self._window, top)):
            return False
        if (action in self._only_from_forms and isinstance(top, QDialog)
                and not isinstance(top, FormSource)):
            return False
        action.trigger()
        return True


class Locking(QObject):
    """The main window's own windows over a lock, and the lock screen.

    Args:
        window: the main window; its own windows are closed when it locks.
        session: the signed-in session; the password typed on the lock screen unlocks it.
        lock_screen: the page that asks for the password.
        pages: the window's pages; the lock screen is shown among them while locked.
        reopen_intake: opens the intake again with what was typed; returns whether it did.

    Attributes:
        drafts: what the lock keeps to reopen windows and forms (sealed, in memory).
    """

    def __init__(self, window: QWidget, session: Session, lock_screen: LockScreen,
                 pages: QStackedWidget, *,
                 reopen_intake: Callable[[FormDraft], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._lock_screen = lock_screen
        self._pages = pages
        self._reopen_intake = reopen_intake
        self._form_reopeners: dict[str, FormReopener] = {}
        self._locking = False
        self.drafts = LockedDrafts()
        session.about_to_lock.connect(self._take_anchor)
        session.locked.connect(self._show_lock_screen)
        lock_screen.unlock_requested.connect(self._unlock)

    @property
    def is_locking(self) -> bool:
        """True while locking (or closing) clears the views: owned dialogs close without asking."""
        return self._locking

    @contextmanager
    def clearing(self) -> Iterator[None]:
        """Clear the views inside this: the owned dialogs close without asking."""
        self._locking = True
        try:
            yield
        finally:
            self._locking = False

    def set_form_reopener(self, key: str, reopen_form: FormReopener | None) -> None:
        """Ask ``reopen_form`` (a workspace's, the place ``key``'s) to reopen kept forms."""
        if reopen_form is not None:
            self._form_reopeners[key] = reopen_form
        else:
            self._form_reopeners.pop(key, None)

    # -- locking -------------------------------------------------------------------------

    def _take_anchor(self) -> None:
        """Remember the audit trail's end as this workstation saw it (every lock, and so
        every sign-out): the next sign-in requires it to be there unchanged."""
        take_anchor(self._session.services.database)

    def keep_and_close_windows(self) -> None:
        """Keep how to bring back the open windows, then close them (the window locks)."""
        self.drafts.keep(self._windows_to_reopen())
        self.close_windows()

    def _windows_to_reopen(self) -> list[Kept]:
        """Ask the open windows how to bring them back after unlocking: cases, then forms."""
        windows: list[Kept] = []
        for widget in _owned_windows(self._window):
            if isinstance(widget, WindowSource):
                reopen = widget.reopen_record()
                if reopen is not None:
                    windows.append(reopen)
        return windows + list(self._open_forms())

    def _open_forms(self) -> Iterator[FormDraft]:
        """What each open editing dialog would keep over a lock (a case window is none)."""
        for widget in _owned_windows(self._window):
            if not isinstance(widget, WindowSource) and isinstance(widget, FormSource):
                draft = widget.form_draft()
                if draft is not None:
                    yield draft

    def unsaved_forms(self) -> int:
        """How many open forms hold typed, unsaved input: what quitting now would throw
        away (a form merely open does not count, as on the lock screen)."""
        return sum(1 for draft in self._open_forms() if draft.has_input)

    def close_windows(self) -> None:
        """Close and delete the window's own windows and dialogs."""
        for widget in _owned_windows(self._window):
            if isinstance(widget, QDialog):
                widget.reject()  # ends a running exec() with Rejected
            widget.close()
            widget.hide()  # even if its closeEvent refused
            # Hidden is not enough: its labels and fields would still hold the data.
            widget.deleteLater()

    def _show_lock_screen(self) -> None:
        self._pages.setCurrentWidget(self._lock_screen)
        self._lock_screen.set_kept_forms(self.drafts.unsaved_forms)
        self._lock_screen.reset()

    # -- unlocking -----------------------------------------------------------------------

    def _unlock(self, password: str) -> None:
        # Argon2id takes a moment; the check runs on the main thread like sign-in does.
        self._lock_screen.set_busy(True)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._session.unlock(password)
        except KnownError as error:
            self._lock_screen.show_error(str(error))
        finally:
            QApplication.restoreOverrideCursor()
            self._lock_screen.set_busy(False)

    def resume(self, display_name: str) -> None:
        """The session is unlocked: reset the lock screen, and reopen what was kept
        once every view has resumed."""
        if len(self.drafts):
            # Once every view has resumed (other slots of ``unlocked`` included), and not
            # inside the unlock button's click.
            QTimer.singleShot(0, self, self._reopen_windows)
        self._lock_screen.reset()
        self._lock_screen.set_display_name(display_name)

    def _reopen_windows(self) -> None:
        """After unlocking: reopen the case windows, then the forms with what was typed.

        Through the usual ways in, so access is checked (another counsellor's case asks
        for break-the-glass again) and audited as any opening is.
        """
        from gui.case.case_view import open_case

        if self._session.is_locked:  # locked again before this ran: keep them for later
            return
        kept = self.drafts.take()
        kept.sort(key=lambda item: not isinstance(item, CaseReopen))  # windows first
        views: dict[int, CaseView] = {}
        failed_windows = lost_forms = 0
        while kept:
            if self._session.is_locked:  # locked again while a reopened dialog asked
                self.drafts.keep(kept)
                return
            item = kept.pop(0)
            if isinstance(item, CaseReopen):
                try:
                    view = open_case(self._window, self._session, item.case_id, reopen=item,
                                     report=False)
                except KnownError:
                    failed_windows += 1
                    continue
                if view is not None:  # None: the user cancelled break-the-glass
                    views[item.case_id] = view
            elif not self._reopen_form(item, views) and item.has_input:
                lost_forms += 1
        if lost_forms:
            show_error(self._window, KnownError(plural(
                lost_forms,
                self.tr("{n} unsaved form could not be reopened and was discarded: the case "
                        "or record is no longer available to you."),
                self.tr("{n} unsaved forms could not be reopened and were discarded: the case "
                        "or record is no longer available to you."))))
        elif failed_windows:
            show_error(self._window, KnownError(plural(
                failed_windows,
                self.tr("{n} case window could not be reopened: the case is no longer "
                        "available to you."),
                self.tr("{n} case windows could not be reopened: the case is no longer "
                        "available to you."))))

    def _reopen_form(self, draft: FormDraft, views: dict[int, CaseView]) -> bool:
        """Open one kept form again; False if it cannot come back."""
        if draft.kind == drafts.BREAK_GLASS:
            if draft.case_id is None:
                return False
            from gui.case.case_view import open_case

            try:  # asks for the reason again, as typed; cancelling is the user's choice
                open_case(self._window, self._session, draft.case_id, draft=draft,
                          report=False)
            except KnownError:
                return False
            return True
        if draft.case_id is not None:
            view = views.get(draft.case_id)
            return view is not None and view.reopen_form(draft)
        if draft.kind == drafts.INTAKE:
            return self._reopen_intake(draft)
        for reopen_form in self._form_reopeners.values():
            reopened = reopen_form(draft)
            if reopened is not None:
                return bool(reopened)
        return False
