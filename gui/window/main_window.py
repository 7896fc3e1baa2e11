"""The main window: places on the left, the toolbar with the global search, the page of the
place chosen, the status bar.

Places: *My cases* (the counsellor's own) and *All cases* show the case list
(:mod:`gui.window.case_list`: the search box, the filter bar, the table); *Follow-ups due*
the follow-ups due today and overdue; the workspaces of :mod:`gui.workspaces` add theirs
with :meth:`MainWindow.add_place`, the window being their
:class:`~gui.shared.workspace.Host`. Ctrl+1, Ctrl+2… choose a place; activating a case
opens it in the case view; Ctrl+N starts an intake; Ctrl+Q quits.

Locking (after ``idle_lock_minutes`` without input, or Ctrl+L) remembers where the user
was, closes the window's own windows, keeping what was typed in them
(:mod:`gui.window.locking`), then clears every view — the case list, the follow-ups, the
filter lists, the counts — disposes the database and shows
:class:`~gui.window.lock_screen.LockScreen`. While locked no widget holds case data or
typed text. Unlocking restores the place, search, filters, sort, selection and scroll
position, and then reopens the case windows and the forms with what was typed.

Closing the window (its close button, Alt+F4, or Quit: Ctrl+Q) while forms hold typed,
unsaved input asks once first (:func:`gui.shared.questions.confirm_quit`); Cancel leaves
everything open. A sign-out closes it without asking: the lock before it has kept the
forms, and signing out discards them, as the lock screen says.

The column layout of the lists and the window geometry are saved with
:class:`~gui.shared.settings.WindowState` when the window locks or closes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui.case.intake import IntakeWizard
from gui.shared import questions
from gui.shared.clipboard import clear_sensitive
from gui.shared.drafts import FormDraft
from gui.shared.errors import show_error
from gui.shared.fit import PageStack, fit_to_screen
from gui.shared.labels import role_label
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.navigation import ALL_CASES, FOLLOW_UPS, MY_CASES, NavigationList, Place
from gui.shared.session import Opener, Session
from gui.shared.settings import (
    FOLLOW_UP_TABLE_HEADER,
    IDLE_LOCK_MINUTES,
    MAIN_WINDOW_GEOMETRY,
    WindowState,
)
from gui.shared.workspace import FormReopener, Register
from gui.window.auto_backup import AutoBackup
from gui.window.case_list import CASE_PLACES, CaseList, ListPosition
from gui.window.follow_ups import FollowUpsView
from gui.window.idle import Clock, IdleWatcher
from gui.window.lock_screen import LockScreen
from gui.window.locking import Locking, WindowKeys
from gui.window.status_bar import StatusBar
from gui.window.toolbar import LOCK_SHORTCUT, MainToolbar
from gui.workspaces import (
    accounts_admin,
    analysis_view,
    audit_viewer,
    caseload,
    dashboard,
    retention_reminder,
)
from models.domain.changes import Change, ChangeKind
from models.domain.dto import CaseFilter
from models.domain.enums import Role
from models.domain.errors import KnownError
from models.domain.formatting import count_text
from models.security.permissions import Operation, allows
from models.services import Services
from models.storage.store import open_database


@dataclass(frozen=True)
class _ViewState:
    """Where the user was when the window locked (held in memory only, never shown)."""

    place: str | None
    case_list: ListPosition
    everyone_follow_ups: bool


def confirm_discard_demo(parent: QWidget | None) -> bool:
    """Ask before quitting the demo, whose database is deleted at exit (tests replace this)."""
    box = QMessageBox(parent)
    box.setObjectName("discardDemo")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QApplication.translate("MainWindow", "Suoja — demo"))
    box.setText(QApplication.translate("MainWindow", "Quit the demo and discard its data?"))
    box.setInformativeText(QApplication.translate(
        "MainWindow",
        "The demo database is deleted when Suoja quits, with every change made in it. "
        "The next demo starts with fresh synthetic data."))
    discard = box.addButton(QApplication.translate("MainWindow", "Quit and discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is discard


#: Extra places: the ``register`` of modules of ``gui.workspaces``, in navigation order;
#: each checks the role.
WORKSPACES: tuple[Register, ...] = (
    dashboard.register, analysis_view.register, caseload.register, audit_viewer.register,
    accounts_admin.register, retention_reminder.register)


class MainWindow(QMainWindow):
    """The desktop app's one main window, and the :class:`~gui.shared.workspace.Host` of
    the workspaces (dashboard, audit log, accounts…) that register with it.

    Args:
        services: the signed-in user's services; the window's :class:`Session` owns them.
        opener: signs the same user in again when unlocking.
        idle_lock_minutes: inactivity before the window locks itself.
        clock: the idle watcher's clock (tests pass a controllable one).
        automatic_backups: take a backup daily and on close (off for demo databases).
        window_state: where the column layout and geometry are kept; nothing is saved
            when omitted.
        discard_on_quit: the database is deleted when the app quits (``--demo``):
            closing the window asks first.

    Attributes:
        signed_out: the user signed out (rather than quit): the app shows the sign-in
            window again once this window has closed.
    """

    def __init__(
        self, services: Services, *, opener: Opener = open_database,
        idle_lock_minutes: int = IDLE_LOCK_MINUTES.default, clock: Clock | None = None,
        automatic_backups: bool = False, window_state: WindowState | None = None,
        discard_on_quit: bool = False, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.discard_on_quit = discard_on_quit
        self.signed_out = False
        self.session = Session(services, opener, self)
        self.auto_backup = AutoBackup(self.session, self)
        self.auto_backup.finished.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.automatic_backups = automatic_backups
        if automatic_backups:
            self.auto_backup.start()
        self._window_state = window_state
        self._saved: _ViewState | None = None
        self._extra_places: dict[str, QWidget] = {}
        actor = services.actor
        self._may_list = allows(actor.role, Operation.LIST_CASES)
        self._may_intake = allows(actor.role, Operation.CREATE_INTAKE)
        organisation = services.organisation.settings().name
        if organisation:
            self.setWindowTitle(self.tr("Suoja — {organisation} — {name} ({role})").format(
                organisation=organisation, name=actor.display_name,
                role=role_label(actor.role.value)))
        else:
            self.setWindowTitle(
                self.tr("Suoja — {name} ({role})").format(
                    name=actor.display_name, role=role_label(actor.role.value)
                )
            )
        # Every role, the administrator too: whether the data is synthetic is no case content.
        if services.case_list.is_demo_database():
            self.setWindowTitle(self.windowTitle() + self.tr(" — DEMO DATABASE, synthetic data"))
        self.setObjectName("mainWindow")
        metrics = self.fontMetrics()
        fit_to_screen(self, max(1100, 95 * metrics.averageCharWidth()),
                      max(700, 38 * metrics.height()))

        self.navigation = NavigationList()
        self.navigation.place_chosen.connect(self.show_place)
        self.case_list = CaseList(self.session, self.navigation, may_list=self._may_list,
                                  may_intake=self._may_intake, parent=self)
        self.case_list.case_chosen.connect(self.open_case)
        # The case list's widgets under the window's names for them (the every-action
        # test names a control by the attribute of its window that holds it).
        self.search = self.case_list.search
        self.table = self.case_list.table
        self.model = self.case_list.model
        self.filter_bar = self.case_list.filter_bar
        self.empty_state = self.case_list.empty_state
        self.open_case_action = self.case_list.open_case_action
        self.copy_reference_action = self.case_list.copy_reference_action
        self.toolbar = MainToolbar(self.session, self.search, self)
        self.addToolBar(self.toolbar)
        self.intake_action = self.toolbar.intake_action
        self.import_action = self.toolbar.import_action
        self.batch_export_action = self.toolbar.batch_export_action
        self.report_action = self.toolbar.report_action
        self.lock_action = self.toolbar.lock_action
        self.sign_out_action = self.toolbar.sign_out_action
        self.quit_action = self.toolbar.quit_action
        # The window's keys: Ctrl+N, Ctrl+L and Ctrl+Q work wherever its focus is.
        self.addAction(self.intake_action)
        self.addAction(self.lock_action)
        self.addAction(self.quit_action)
        self.intake_action.triggered.connect(self.new_intake)
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action.triggered.connect(self.sign_out)
        # The close button's way: closeEvent asks what quitting would lose.
        self.quit_action.triggered.connect(self.close)
        self._find_shortcut = QShortcut(
            QKeySequence.StandardKey.Find, self, activated=self.case_list.focus_search
        )
        self.follow_ups = FollowUpsView(allows(actor.role, Operation.REPORTS))
        self.follow_ups.case_activated.connect(self.open_case)
        self.follow_ups.scope_changed.connect(lambda _everyone: self.reload_follow_ups())
        self.no_access = QLabel(
            self.tr("Your role manages accounts and backups; it does not show case records.")
        )
        self.no_access.setObjectName("noAccess")
        self.no_access.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_access.setWordWrap(True)

        self.lock_screen = LockScreen(actor.display_name, actor.username)
        self.lock_screen.sign_out_requested.connect(self.sign_out_action.trigger)
        self.pages = PageStack()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.follow_ups)
        self.pages.addWidget(self.no_access)
        self.pages.addWidget(self.lock_screen)
        self.locking = Locking(self, self.session, self.lock_screen, self.pages,
                               reopen_intake=lambda draft: self.new_intake(draft=draft)
                               is not None)

        self._place_shortcuts: list[QShortcut] = []
        if self._may_list:
            self._add_standard_places()
        else:
            self.navigation.hide()
            self.filter_bar.hide()
            self.search.setEnabled(False)
        self._lay_out()
        self._status_bar = StatusBar(self.session, idle_lock_minutes, LOCK_SHORTCUT)
        self.setStatusBar(self._status_bar)
        self.lock_hint = self._status_bar.lock_hint
        self.follow_up_label = self._status_bar.follow_up_label
        self.count_label = self._status_bar.count_label
        self.server_label = self._status_bar.server_label
        self.case_list.set_tab_order(after=self.navigation)

        self.model.modelReset.connect(self._update_count)
        self.session.changes.subscribe(self._on_change)
        self._listening = True
        # First of every view's, so the windows are asked before they wipe.
        self.session.about_to_lock.connect(self._save_and_clear)
        self.session.unlocked.connect(self._resume)

        self.idle = IdleWatcher(idle_lock_minutes * 60, clock=clock, parent=self)
        self.idle.idle.connect(self.lock)
        self.idle.start()
        app = QApplication.instance()
        if app is not None:
            # Goes with the window.
            app.installEventFilter(WindowKeys(self, [self.lock_action, self.quit_action],
                                              only_from_forms=[self.quit_action]))

        self._restore_layout()
        # Alt+letters: each page is shown with the toolbar (the lock screen alone).
        assign_mnemonics(self.filter_bar, also=[self.toolbar])
        assign_mnemonics(self.follow_ups, also=[self.toolbar])
        assign_mnemonics(self.lock_screen)
        if self._may_list:
            self.case_list.fill_filter_lists(services)
            self._refresh_follow_up_counts()
            self.navigation.select(self._first_place())
        else:
            self.pages.setCurrentWidget(self.no_access)
        self._register_workspaces()

    def _register_workspaces(self) -> None:
        """Add the supervisors' and administrators' places the role allows.

        Each registers through this window's side of :class:`~gui.shared.workspace.Host`.
        """
        for register in WORKSPACES:
            register(self)

    def show_cases(self, target: CaseFilter | Iterable[int], title: str) -> None:
        """Show the case list narrowed to a figure's cases (dashboard, analysis)."""
        if self.session.is_locked or not self._may_list:
            return
        self.navigation.select(ALL_CASES)  # may show the place, which ends any drill-down
        self.case_list.drill_down(target, title)
        self.show_place(ALL_CASES, keep_drill_down=True)

    # -- building ------------------------------------------------------------------------

    def _lay_out(self) -> None:
        """The places on the left; on the right the filter bar over the place's page."""
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.filter_bar)
        right_layout.addWidget(self.pages, 1)
        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.navigation)
        central_layout.addWidget(right, 1)
        self.setCentralWidget(central)

    # -- places --------------------------------------------------------------------------

    def _add_standard_places(self) -> None:
        places = [
            Place(MY_CASES, self.tr("My cases"), "my-cases",
                  self.tr("Cases assigned to you (Ctrl+1)")),
            Place(ALL_CASES, self.tr("All cases"), "all-cases",
                  self.tr("Every case; the search box searches here (Ctrl+2)")),
            Place(FOLLOW_UPS, self.tr("Follow-ups due"), "follow-ups",
                  self.tr("Your follow-ups due today or overdue (Ctrl+3)"), badged=True),
        ]
        for place in places:
            self.navigation.add_place(place)
            self._add_place_shortcut(place.key)

    def _add_place_shortcut(self, key: str) -> None:
        number = len(self._place_shortcuts) + 1
        if number > 9:
            return
        shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
        shortcut.activated.connect(lambda: self.navigation.select(key))
        self._place_shortcuts.append(shortcut)

    def add_place(self, place: Place, widget: QWidget, *,
                  reopen_form: FormReopener | None = None) -> None:
        """Add a place (a dashboard, the audit log) and the widget it shows.

        The widget must clear what it shows when the session locks (connect to
        ``window.session.about_to_lock``) and may refill itself on ``unlocked``.
        ``reopen_form`` brings back its forms that were open when the window locked.
        """
        self._extra_places[place.key] = widget
        self.locking.set_form_reopener(place.key, reopen_form)
        assign_mnemonics(widget, also=[self.toolbar])
        self.pages.insertWidget(self.pages.indexOf(self.lock_screen), widget)
        self.navigation.add_place(place)
        self._add_place_shortcut(place.key)

    def select_place(self, key: str) -> None:
        """Show the navigation list and choose the place ``key``, which shows it."""
        self.navigation.show()
        self.navigation.select(key)

    def _first_place(self) -> str:
        remembered = self._window_state.last_place if self._window_state else None
        if remembered in self.navigation.keys():
            return str(remembered)
        # Counsellors start with their own caseload; everyone else with every case.
        return MY_CASES if self.session.actor.role is Role.COUNSELLOR else ALL_CASES

    @property
    def place(self) -> str | None:
        return self.navigation.current_key

    def show_place(self, key: str, keep_drill_down: bool = False) -> None:
        """Show one place (the navigation list calls this when the user picks one)."""
        if self.session.is_locked:
            return
        if not keep_drill_down:
            self.case_list.end_drill_down()
        if key in CASE_PLACES:
            self.pages.setCurrentWidget(self.table)
            self.case_list.show_place(key)
        elif key == FOLLOW_UPS:
            self.filter_bar.hide()
            self.pages.setCurrentWidget(self.follow_ups)
            self.reload_follow_ups()
        elif key in self._extra_places:
            self.filter_bar.hide()
            self.pages.setCurrentWidget(self._extra_places[key])
        self._update_count()

    def apply_search(self) -> None:
        """Search for the search box's text now (its typing pause calls this too)."""
        self.case_list.apply_search()

    def _update_count(self) -> None:
        self._status_bar.show_count(self.case_list.count_text())

    def _on_change(self, change: Change) -> None:
        if self.session.is_locked or not self._may_list:
            return
        if change.kind in (ChangeKind.CASE, ChangeKind.VICTIM):
            self.model.reload()
        if change.kind in (ChangeKind.CASE, ChangeKind.VICTIM, ChangeKind.FOLLOW_UP):
            self._refresh_follow_up_counts()
            if self.place == FOLLOW_UPS:
                self.reload_follow_ups()
        if change.kind in (ChangeKind.USER, ChangeKind.BREACH):
            self.case_list.fill_filter_lists(self.session.services)

    # -- follow-ups ----------------------------------------------------------------------

    def reload_follow_ups(self) -> None:
        """Fetch the follow-ups list again (own, or everyone's for supervisors)."""
        if self.session.is_locked or not self._may_list:
            return
        everyone = self.follow_ups.showing_everyone
        try:
            counts = self.follow_ups.load(self.session.services.records)
        except KnownError as error:
            show_error(self, error)
            return
        if not everyone:
            self._show_follow_up_counts(counts.today, counts.overdue)

    def _refresh_follow_up_counts(self) -> None:
        try:
            counts = self.session.services.records.follow_up_counts()
        except KnownError:
            return
        self._show_follow_up_counts(counts.today, counts.overdue)

    def _show_follow_up_counts(self, today: int, overdue: int) -> None:
        total = today + overdue
        self.navigation.set_badge(FOLLOW_UPS, count_text(total) if total else "")
        self._status_bar.show_follow_ups(today, overdue)

    # -- cases and intake ----------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        """Open a case in the case view (it asks for break-the-glass if needed)."""
        if self.session.is_locked:
            return
        try:
            from gui.case.case_view import open_case
        except ModuleNotFoundError as error:
            if error.name != "gui.case.case_view":
                raise
            self.statusBar().showMessage(self.tr("The case view is not available yet."), 8000)
            return
        try:
            open_case(self, self.session, case_id)
        except KnownError as error:
            show_error(self, error)

    def new_intake(self, *, draft: FormDraft | None = None) -> IntakeWizard | None:
        """Start the intake of a new victim (Ctrl+N); returns the intake window.

        ``draft`` is what was typed into the intake before the app locked.
        """
        if self.session.is_locked or not self._may_intake:
            return None
        for existing in self.findChildren(IntakeWizard):
            if existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
        wizard = IntakeWizard(self.session, self)
        wizard.case_created.connect(self._after_intake)
        wizard.open_existing.connect(self.open_case)
        wizard.finished.connect(wizard.deleteLater)
        wizard.show()
        if draft is not None:
            wizard.restore_draft(draft)
        return wizard

    def _after_intake(self, case_id: int, reference: str) -> None:
        self.statusBar().showMessage(
            self.tr("Case {reference} created.").format(reference=reference), 15000
        )
        if self.place in CASE_PLACES:
            self.case_list.select_case(case_id)
        self.open_case(case_id)

    # -- saved layout --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        state = self._window_state
        if state is None:
            return
        geometry = state.blob(MAIN_WINDOW_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.case_list.restore_layout(state)
        saved = state.blob(FOLLOW_UP_TABLE_HEADER)
        if saved is not None:
            self.follow_ups.table.horizontalHeader().restoreState(saved)

    def save_layout(self) -> None:
        """Remember window geometry, column layout and the place (never what was shown)."""
        state = self._window_state
        if state is None:
            return
        state.set_blob(MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self.case_list.save_layout(state)
        state.set_blob(FOLLOW_UP_TABLE_HEADER,
                       self.follow_ups.table.horizontalHeader().saveState())
        if self.place:
            state.last_place = self.place
        state.sync()

    # -- locking -------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.session.is_locked

    @property
    def is_locking(self) -> bool:
        """True while locking (or closing) clears the views: owned dialogs close without asking."""
        return self.locking.is_locking

    def lock(self) -> None:
        """Lock now: clear every view, dispose the database, ask for the password."""
        self.session.lock()

    def sign_out(self) -> None:
        """Lock (every view cleared, the database closed), then close for the sign-in window.

        The app (``gui.start.app``) shows the sign-in window again when a window that signed
        out has closed; the demo database is kept until the final quit. Open forms holding
        typed input are asked about first (from the lock screen they are not: it says
        signing out discards them).
        """
        unsaved = self._unsaved_forms()
        if unsaved and not questions.confirm_sign_out(self, unsaved):
            return
        self.lock()
        self.signed_out = True
        self.close()

    def _enable_commands(self, enabled: bool) -> None:
        """The toolbar, the actions and the keys that need an unlocked window."""
        self.toolbar.set_locked(not enabled)
        self.copy_reference_action.setEnabled(enabled)
        self.open_case_action.setEnabled(enabled)
        self._find_shortcut.setEnabled(enabled)
        for shortcut in self._place_shortcuts:
            shortcut.setEnabled(enabled)

    def _save_and_clear(self) -> None:
        """The session is about to lock: remember where the user was, keep and close the
        window's own windows, and clear every view."""
        with self.locking.clearing():
            self._saved = _ViewState(self.place, self.case_list.position(),
                                     self.follow_ups.everyone.isChecked())
            self.save_layout()
            self.idle.stop()
            QToolTip.hideText()
            self.locking.keep_and_close_windows()
            self._enable_commands(False)
            self.navigation.hide()
            self.case_list.clear()
            self.follow_ups.clear()
            self.navigation.clear_badges()
            self._status_bar.set_locked(True)
            clear_sensitive()

    def _resume(self, services: Services) -> None:
        """Unlocked: fill the views from the new services and put the user back where they
        were; the kept windows reopen once every view has resumed."""
        saved, self._saved = self._saved, None
        self.locking.resume(services.actor.display_name)
        self._enable_commands(True)
        self._status_bar.set_locked(False)
        if not self._may_list:
            self.pages.setCurrentWidget(self.no_access)
            self.idle.start()
            return
        self.navigation.show()
        place = saved.place if saved is not None and saved.place else self._first_place()
        if saved is not None:
            everyone = self.follow_ups.everyone
            blocked = everyone.blockSignals(True)
            everyone.setChecked(saved.everyone_follow_ups)
            everyone.blockSignals(blocked)
        self.case_list.restore_filters(services, place, saved.case_list if saved else None)
        self._refresh_follow_up_counts()
        blocked = self.navigation.blockSignals(True)
        self.navigation.select(place)
        self.navigation.blockSignals(blocked)
        if place in CASE_PLACES:
            self.pages.setCurrentWidget(self.table)
        self.case_list.resume(services, place, saved.case_list if saved else None)
        if place not in CASE_PLACES:
            self.show_place(place)
        self.idle.start()

    def _unsaved_forms(self, *, kept: bool = False) -> int:
        """Open forms holding typed input; while locked, with ``kept``, the forms the lock
        keeps for unlocking (else none: signing out from the lock screen says it discards
        them); none while locking (closing a window that is locking must not ask)."""
        if self.is_locking:
            return 0
        if self.is_locked:
            return self.locking.drafts.unsaved_forms if kept else 0
        return self.locking.unsaved_forms()

    def _may_quit(self) -> bool:
        """Whether the window may close: asked first if forms hold typed input (open ones,
        or those kept over the lock) or the demo's data would go.

        One question at most: with unsaved forms in the demo, the forms' question says the
        demo's data goes too. The forms are never asked about when the window closes itself
        after a sign-out (the lock screen's Sign out says it discards them), nor while
        locking.
        """
        if self.signed_out:
            return True
        unsaved = self._unsaved_forms(kept=True)
        if unsaved:
            return questions.confirm_quit(self, unsaved, demo=self.discard_on_quit)
        return not self.discard_on_quit or confirm_discard_demo(self)

    # -- Qt overrides --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override of QWidget.closeEvent: ask what quitting would lose, save the layout,
        close dialogs, clear secrets."""
        if not self._may_quit():
            event.ignore()
            return
        if not self.session.is_locked:
            self.save_layout()
        with self.locking.clearing():  # owned dialogs close without asking: the user is leaving
            self.locking.close_windows()
        self.idle.stop()
        self.locking.drafts.discard()  # signing out (or quitting) throws unsaved forms away
        clear_sensitive()
        if self._listening:
            self._listening = False
            self.session.changes.unsubscribe(self._on_change)
        super().closeEvent(event)
