"""The main window: places on the left, global search, filters, the case list, follow-ups.

Places: *My cases* (the counsellor's own), *All cases*, *Follow-ups due* (today and
overdue); later work adds more with :meth:`MainWindow.add_place`. The global search box
(Ctrl+F) searches every case, so typing in it moves to *All cases*; Down or Enter in it
goes to the first result (Enter searches at once, without waiting for the typing to
pause) and Escape empties it. The filter bar narrows the case list by status, risk level,
counsellor and breach. Activating a case (double-click or Enter) opens it in the case
view; Ctrl+N starts an intake. Tab leaves a list in one step; arrows move within it.

Locking (after ``idle_lock_minutes`` without input, or Ctrl+L) first asks every window
it owns how to bring it back (:mod:`gui.shared.drafts`: case windows give their case and tab,
editing dialogs what was typed; kept in memory only, the typed values sealed), then clears
every view — the case list, the follow-ups, the filter lists, the counts — closes and
deletes every window and dialog this window owns (so dialogs showing case data must be
created with the main window as their parent, must treat *Rejected* as cancel and must not
be used after ``exec()`` returns beyond reading their result; while
:attr:`MainWindow.is_locking` is true they must not ask anything, e.g. "discard changes?"),
disposes the database and shows :class:`~gui.window.lock_screen.LockScreen`. While locked no
widget holds case data or typed text. Unlocking restores the place, search, filters,
sort, selection and scroll position, and then reopens the case windows and the forms with
what was typed, through their usual methods (so access is checked and audited again; a
case or record no longer available is told in one sentence and its form dropped).
Signing out from the lock screen discards what was kept.

The column layout of the lists and the window geometry are saved with
:class:`~gui.shared.settings.WindowState` when the window locks or closes.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui.case.intake import IntakeWizard
from gui.shared import drafts
from gui.shared.case_table import COLUMNS, CaseTableModel
from gui.shared.clipboard import clear_sensitive
from gui.shared.drafts import CaseReopen, FormDraft, FormSource, Kept, LockedDrafts, WindowSource
from gui.shared.empty_state import show_when_empty
from gui.shared.errors import show_error
from gui.shared.fit import ElidedLabel, fit_to_screen
from gui.shared.labels import plural, role_label
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.navigation import ALL_CASES, FOLLOW_UPS, MY_CASES, NavigationList, Place
from gui.shared.session import Opener, Session
from gui.shared.settings import (
    CASE_TABLE_HEADER,
    FOLLOW_UP_TABLE_HEADER,
    IDLE_LOCK_MINUTES,
    MAIN_WINDOW_GEOMETRY,
    WindowState,
)
from gui.shared.style import icon
from gui.shared.workspace import FormReopener, Register
from gui.window.auto_backup import AutoBackup
from gui.window.filters import FilterBar, FilterChoice
from gui.window.follow_ups import FollowUpsView
from gui.window.idle import Clock, IdleWatcher
from gui.window.lock_screen import LockScreen
from gui.workspaces import accounts_admin, analysis_view, audit_viewer, caseload, dashboard
from models.domain.changes import Change, ChangeKind
from models.domain.dto import CaseFilter
from models.domain.enums import Role
from models.domain.errors import KnownError
from models.domain.formatting import count_text
from models.security.permissions import Operation, allows
from models.services import Services
from models.storage.server import ServerUrl
from models.storage.store import open_database

if TYPE_CHECKING:
    from gui.case.case_view import CaseView

log = logging.getLogger("suoja.gui.window")

SEARCH_DELAY_MS = 150
LOCK_SHORTCUT = "Ctrl+L"
INTAKE_SHORTCUT = "Ctrl+N"
CASE_PLACES = (MY_CASES, ALL_CASES)


@dataclass(frozen=True)
class _ViewState:
    """Where the user was when the window locked (held in memory only, never shown)."""

    place: str | None
    search_text: str
    case_filter: CaseFilter
    selected_ids: tuple[int, ...]
    current_id: int | None
    current_column: int
    top_id: int | None
    search_had_focus: bool
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
    accounts_admin.register)


class _LockKey(QObject):
    """Ctrl+L wherever the user is typing, a form over a case included.

    The Lock action's shortcut is application-wide, but Qt does not fire a shortcut of a
    window that a window-modal form blocks, and the forms of a case window block it. This
    filter sees the key press that no shortcut took and locks, for the windows of its own
    main window only.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._sequence = QKeySequence(LOCK_SHORTCUT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if QKeySequence(event.keyCombination()) != self._sequence:
            return False
        window = self._window
        top = watched.window()
        if not window.lock_action.isEnabled() or not (top is window or window.owns(top)):
            return False
        window.lock_action.trigger()
        return True


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
        self._drafts = LockedDrafts()
        self._locking = False
        self._extra_places: dict[str, QWidget] = {}
        self._form_reopeners: dict[str, FormReopener] = {}
        actor = services.actor
        self._may_list = allows(actor.role, Operation.LIST_CASES)
        self._may_intake = allows(actor.role, Operation.CREATE_INTAKE)
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

        self._build_actions()
        self._build_toolbar()
        self._build_case_table()
        self.follow_ups = FollowUpsView(allows(actor.role, Operation.REPORTS))
        self.follow_ups.case_activated.connect(self.open_case)
        self.follow_ups.scope_changed.connect(lambda _everyone: self.reload_follow_ups())
        self.filter_bar = FilterBar()
        self._drill_down: tuple[CaseFilter, str] | None = None
        self.filter_bar.changed.connect(self._filters_changed)
        self.no_access = QLabel(
            self.tr("Your role manages accounts and backups; it does not show case records.")
        )
        self.no_access.setObjectName("noAccess")
        self.no_access.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_access.setWordWrap(True)

        self.lock_screen = LockScreen(actor.display_name, actor.username)
        self.lock_screen.unlock_requested.connect(self._unlock)
        self.lock_screen.sign_out_requested.connect(self.sign_out_action.trigger)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.follow_ups)
        self.pages.addWidget(self.no_access)
        self.pages.addWidget(self.lock_screen)

        self.navigation = NavigationList()
        self.navigation.place_chosen.connect(self.show_place)
        self._place_shortcuts: list[QShortcut] = []
        if self._may_list:
            self._add_standard_places()
        else:
            self.navigation.hide()
            self.filter_bar.hide()
            self.search.setEnabled(False)

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
        self._build_status_bar(idle_lock_minutes)
        QWidget.setTabOrder(self.navigation, self.filter_bar.status)
        QWidget.setTabOrder(self.filter_bar.status, self.filter_bar.risk)
        QWidget.setTabOrder(self.filter_bar.risk, self.filter_bar.counsellor)
        QWidget.setTabOrder(self.filter_bar.counsellor, self.filter_bar.breach)
        QWidget.setTabOrder(self.filter_bar.breach, self.filter_bar.clear_button)
        QWidget.setTabOrder(self.filter_bar.clear_button, self.table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.installEventFilter(self)
        self.model.modelReset.connect(self._update_count)
        self.session.changes.subscribe(self._on_change)
        self._listening = True
        self.session.about_to_lock.connect(self._save_and_clear)
        self.session.locked.connect(self._show_lock_screen)
        self.session.unlocked.connect(self._resume)

        self.idle = IdleWatcher(idle_lock_minutes * 60, clock=clock, parent=self)
        self.idle.idle.connect(self.lock)
        self.idle.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(_LockKey(self))  # goes with the window

        self.empty_state = show_when_empty(self.table, self._empty_case_list_text)
        self._restore_layout()
        # Alt+letters: each page is shown with the toolbar (the lock screen alone).
        assign_mnemonics(self.filter_bar, also=[self.toolbar])
        assign_mnemonics(self.follow_ups, also=[self.toolbar])
        assign_mnemonics(self.lock_screen)
        if self._may_list:
            self._fill_filter_lists(services)
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

    def show_cases(self, target: object, title: str) -> None:
        """Show the case list narrowed to a figure's cases (dashboard, analysis)."""
        if self.session.is_locked or not self._may_list:
            return
        self.navigation.select(ALL_CASES)  # may show the place, which ends any drill-down
        if isinstance(target, CaseFilter):
            self._drill_down = (target, title)
        else:
            ids = tuple(int(i) for i in target)  # type: ignore[attr-defined]
            self._drill_down = (CaseFilter(case_ids=ids), title)
        self.show_place(ALL_CASES, keep_drill_down=True)

    # -- building ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.intake_action = QAction(icon("new-intake"), self.tr("New intake"), self)
        self.intake_action.setObjectName("intakeAction")
        self.intake_action.setShortcut(QKeySequence(INTAKE_SHORTCUT))
        self.intake_action.setToolTip(
            self.tr("Record a new victim and open their case ({shortcut})").format(
                shortcut=INTAKE_SHORTCUT)
        )
        self.intake_action.triggered.connect(self.new_intake)
        self.intake_action.setEnabled(self._may_intake)
        self.addAction(self.intake_action)

        role = self.session.services.actor.role
        self.batch_export_action = QAction(self.tr("Batch export…"), self)
        self.batch_export_action.setObjectName("batchExportAction")
        self.batch_export_action.setToolTip(self.tr("One PDF case summary per case, into a folder"))
        self.batch_export_action.triggered.connect(self.batch_export)
        self.batch_export_action.setVisible(
            allows(role, Operation.EXPORT_POLICE) or allows(role, Operation.EXPORT_CARE))
        self.import_action = QAction(self.tr("Import list…"), self)
        self.import_action.setObjectName("importAction")
        self.import_action.setToolTip(
            self.tr("Import a list of affected people (CSV) as new cases"))
        self.import_action.triggered.connect(self.import_list)
        self.import_action.setVisible(allows(role, Operation.CREATE_INTAKE))
        self.report_action = QAction(self.tr("Caseload report…"), self)
        self.report_action.setObjectName("reportAction")
        self.report_action.triggered.connect(self.caseload_report)
        self.report_action.setVisible(allows(role, Operation.REPORTS))

        self.lock_action = QAction(icon("lock"), self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        # Works from every window of the app, dialogs included.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(
            self.tr("Lock Suoja now ({shortcut})").format(shortcut=LOCK_SHORTCUT)
        )
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)

        # On the lock screen for now; the window has no menu bar to hold it.
        self.sign_out_action = QAction(self.tr("Sign out"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.setToolTip(
            self.tr("Sign out; the sign-in window opens for the next person"))
        self.sign_out_action.triggered.connect(self.sign_out)

    def import_list(self) -> None:
        """Open the CSV import; it holds the file's rows, so a lock closes it."""
        from gui.workspaces.import_dialog import ImportDialog

        dialog = ImportDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def batch_export(self) -> None:
        """Open the batch export (police liaison, supervisors); it runs on a worker."""
        from gui.case.export_dialog import BatchExportDialog

        dialog = BatchExportDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def caseload_report(self, *, target: Path | None = None) -> Path | None:
        """Write the supervisors' caseload report PDF where the user chooses.

        ``target`` is keyword-only: the action's ``triggered(checked)`` must not become
        the path (tests/test_signal_slots.py checks every connection for this).
        """
        from PySide6.QtWidgets import QFileDialog

        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save caseload report"), str(Path.home() / "caseload.pdf"),
                self.tr("PDF files (*.pdf)"))
            if not name:
                return None
            target = Path(name)
        try:
            written = self.session.services.exports.export_caseload_report(target)
        except KnownError as error:
            show_error(self, error)
            return None
        self.statusBar().showMessage(self.tr("Caseload report written."), 10000)
        return written

    def _build_toolbar(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("Search all cases"))
        self.search.setPlaceholderText(
            self.tr("Name, identity code, case, police report, phone, e-mail, wallet…")
        )
        self.search.setToolTip(self.tr("Search every case (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        # Wide enough for its hint (and the search icon and clear button) at any scaling;
        # in a narrower window the toolbar's other actions move into its » menu.
        metrics = self.search.fontMetrics()
        self.search.setMinimumWidth(metrics.horizontalAdvance(self.search.placeholderText())
                                    + 2 * metrics.height() + 4 * metrics.averageCharWidth())
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar = QToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        size = self.fontMetrics().height() + 4
        self.toolbar.setIconSize(self.toolbar.iconSize().scaled(
            size, size, Qt.AspectRatioMode.KeepAspectRatio))
        if self._may_intake:
            self.toolbar.addAction(self.intake_action)
            self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.import_action)
        self.toolbar.addAction(self.batch_export_action)
        self.toolbar.addAction(self.report_action)
        self.toolbar.addAction(self.lock_action)
        # Lock is the everyday button; its arrow also offers Sign out, for handing the
        # workstation to the next person without restarting.
        self.lock_menu = QMenu(self)
        self.lock_menu.setObjectName("lockMenu")
        self.lock_menu.addAction(self.lock_action)
        self.lock_menu.addAction(self.sign_out_action)
        lock_button = self.toolbar.widgetForAction(self.lock_action)
        if isinstance(lock_button, QToolButton):
            lock_button.setMenu(self.lock_menu)
            lock_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.addToolBar(self.toolbar)
        self._find_shortcut = QShortcut(
            QKeySequence.StandardKey.Find, self, activated=self._focus_search
        )

    def _build_case_table(self) -> None:
        self.model = CaseTableModel(
            self.session.services.case_list if self._may_list else None, self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one Tab leaves the table
        self.table.setObjectName("cases")
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10
        )
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._default_column_widths()
        self.table.activated.connect(self._on_case_activated)

        self.open_case_action = QAction(icon("open-case"), self.tr("Open case"), self.table)
        self.open_case_action.setObjectName("openCase")
        self.open_case_action.triggered.connect(self._open_current_case)
        self.table.addAction(self.open_case_action)
        # Ctrl+C copies the case reference and nothing else (QTableView's own Ctrl+C
        # would copy whichever cell is current, a victim's name included).
        self.copy_reference_action = QAction(self.tr("Copy reference"), self.table)
        self.copy_reference_action.setObjectName("copyReference")
        self.copy_reference_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_reference_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_reference_action.triggered.connect(self.copy_reference)
        self.table.addAction(self.copy_reference_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _empty_case_list_text(self) -> str:
        """Why the case list is empty, and what to do about it."""
        if self.session.is_locked:
            return ""
        text = self.search.text().strip()
        if text:
            return self.tr("No case matches “{text}”. Check the spelling, or search by "
                           "identity code, case reference or police report number."
                           ).format(text=text)
        if self._drill_down is not None or not self.filter_bar.choice().is_empty:
            return self.tr("No case matches these filters. Clear the filters to see more.")
        if self.place == MY_CASES:
            return self.tr("No cases are assigned to you. All cases (Ctrl+2) lists every case.")
        if self._may_intake:
            return self.tr("No cases yet. New intake (Ctrl+N) records the first victim.")
        return self.tr("No cases yet.")

    def _default_column_widths(self) -> None:
        # From the font, so the columns fit their content at any scaling.
        metrics = self.table.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        icon_width = metrics.height() + 4
        samples = ("SUO-2020-00000", "Mmmmmmmmm, Mmmmmmmm Mmmmm", "000000-****", "Waiting",
                   "Medium", "Mmmmm M. (mmmmmmmmm)")
        header = self.table.horizontalHeader()
        for column, sample in enumerate(samples):
            width = metrics.horizontalAdvance(sample) + padding
            if column == 4:
                width += icon_width
            # The title with its sort arrow, as the style draws it.
            title = header.sectionSizeFromContents(column).width()
            self.table.setColumnWidth(column, max(width, title))

    def _build_status_bar(self, idle_lock_minutes: int) -> None:
        # Status texts elide (whole in their tooltips): they never widen the window.
        self.lock_hint = ElidedLabel(
            self.tr("Locks after {minutes} min idle · {shortcut} to lock now").format(
                minutes=idle_lock_minutes, shortcut=LOCK_SHORTCUT
            )
        )
        self.lock_hint.setObjectName("lockHint")
        self.statusBar().addWidget(self.lock_hint, 1)
        self.follow_up_label = ElidedLabel()
        self.follow_up_label.setObjectName("followUpCount")
        self.statusBar().addPermanentWidget(self.follow_up_label)
        self._count_separator = QFrame()
        self._count_separator.setFrameShape(QFrame.Shape.VLine)
        self._count_separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(self._count_separator)
        self.count_label = ElidedLabel()
        self.count_label.setObjectName("count")
        self.statusBar().addPermanentWidget(self.count_label)
        if isinstance(self.session.db_path, ServerUrl):
            # Counsellors see that they work on the shared database, and whether the
            # other workstations' changes are reaching this one.
            separator = QFrame()
            separator.setFrameShape(QFrame.Shape.VLine)
            separator.setFrameShadow(QFrame.Shadow.Sunken)
            self.statusBar().addWidget(separator)
            self.server_label = ElidedLabel()
            self.server_label.setObjectName("serverState")
            self.statusBar().addWidget(self.server_label, 1)
            self.session.live_updates.connect(self._show_live_updates)
            self._show_live_updates(None)

    def _show_live_updates(self, live: bool | None) -> None:
        where = self.session.db_path
        assert isinstance(where, ServerUrl)
        if live is False:
            text = self.tr("Shared server {where} · live updates paused, reconnecting…")
            self.server_label.setProperty("warning", True)
        else:
            text = self.tr("Shared server {where} · live updates")
            self.server_label.setProperty("warning", False)
        self.server_label.setText(text.format(where=where.display))

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
        if reopen_form is not None:
            self._form_reopeners[place.key] = reopen_form
        else:
            self._form_reopeners.pop(place.key, None)
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

    # -- places --------------------------------------------------------------------------

    @property
    def place(self) -> str | None:
        return self.navigation.current_key

    def show_place(self, key: str, keep_drill_down: bool = False) -> None:
        """Show one place (the navigation list calls this when the user picks one)."""
        if self.session.is_locked:
            return
        if not keep_drill_down:
            self._drill_down = None
        if key in CASE_PLACES:
            self.pages.setCurrentWidget(self.table)
            self.filter_bar.show()
            actor = self.session.actor
            self.filter_bar.fix_counsellor(
                (actor.user_id, actor.display_name) if key == MY_CASES else None
            )
            self.apply_filters()
        elif key == FOLLOW_UPS:
            self.filter_bar.hide()
            self.pages.setCurrentWidget(self.follow_ups)
            self.reload_follow_ups()
        elif key in self._extra_places:
            self.filter_bar.hide()
            self.pages.setCurrentWidget(self._extra_places[key])
        self._update_count()

    def current_filter(self) -> CaseFilter:
        """The case list's filter: the place, the filter bar and the search text.

        A drill-down from a dashboard figure replaces the filter bar until the user
        picks a place or changes a filter.
        """
        if self._drill_down is not None:
            return dataclasses.replace(self._drill_down[0], text=self.search.text())
        mine = self.session.actor.user_id if self.place == MY_CASES else None
        return self.filter_bar.case_filter(self.search.text(), assigned_to_id=mine)

    def _filters_changed(self) -> None:
        self._drill_down = None
        self.apply_filters()

    def apply_filters(self) -> None:
        if self.session.is_locked or not self._may_list:
            return
        self.model.set_filter(self.current_filter())

    # -- searching -----------------------------------------------------------------------

    def _focus_search(self) -> None:
        if self.session.is_locked or not self.search.isEnabled():
            return
        self.search.setFocus()
        self.search.selectAll()

    def _search_key(self, event: QKeyEvent) -> bool:
        """Down, Enter and Escape in the search box; True if the key was used."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if not self.search.text():
                return False
            self.search.clear()
            self._search_now()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._search_now()
            self._go_to_results()
            return True
        if key == Qt.Key.Key_Down:
            if self._search_timer.isActive():
                self._search_now()
            return self._go_to_results()
        return False

    def _search_now(self) -> None:
        """Search at once instead of waiting for the typing to pause."""
        self._search_timer.stop()
        self.apply_search()

    def _go_to_results(self) -> bool:
        """Focus the case list on its first row (selected); False if there is none."""
        if self.pages.currentWidget() is not self.table or self.model.rowCount() == 0:
            return False
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(
            self.model.index(0, 0), flags.ClearAndSelect | flags.Rows)
        self.table.scrollToTop()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def apply_search(self) -> None:
        if self.session.is_locked or not self._may_list:
            return
        if self.search.text().strip() and self.place != ALL_CASES:
            # The search box is global: a caller may be anyone's victim.
            self.navigation.select(ALL_CASES)  # shows All cases with the search applied
            return
        self.apply_filters()

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
            self._fill_filter_lists(self.session.services)

    def _update_count(self) -> None:
        showing = not self.session.is_locked and self.place in CASE_PLACES
        self._count_separator.setVisible(showing)
        if not showing:
            self.count_label.clear()
            return
        shown = self.model.rowCount()
        if self._drill_down is not None:
            text = plural(shown, self.tr("{title}: {n} case"), self.tr("{title}: {n} cases"),
                          title=self._drill_down[1])
        elif self.search.text().strip() or not self.filter_bar.choice().is_empty:
            text = plural(shown, self.tr("{n} case matches"), self.tr("{n} cases match"))
        else:
            text = plural(shown, self.tr("{n} case"), self.tr("{n} cases"))
        self.count_label.setText(text)

    def _fill_filter_lists(self, services: Services, choice: FilterChoice | None = None) -> None:
        try:
            users = services.accounts.list_users()
            breaches = services.cases.list_breaches()
        except KnownError as error:
            show_error(self, error)
            return
        self.filter_bar.populate(users, breaches, choice)

    # -- follow-ups ----------------------------------------------------------------------

    def reload_follow_ups(self) -> None:
        """Fetch the follow-ups list again (own, or everyone's for supervisors)."""
        if self.session.is_locked or not self._may_list:
            return
        everyone = self.follow_ups.showing_everyone
        try:
            rows = self.session.services.records.follow_ups_due(0 if everyone else None)
        except KnownError as error:
            show_error(self, error)
            return
        self.follow_ups.set_rows(rows)
        if not everyone:
            self._show_follow_up_counts(*self.follow_ups.model.counts())

    def _refresh_follow_up_counts(self) -> None:
        try:
            rows = self.session.services.records.follow_ups_due()
        except KnownError:
            return
        overdue = sum(1 for row in rows if row.overdue)
        self._show_follow_up_counts(len(rows) - overdue, overdue)

    def _show_follow_up_counts(self, today: int, overdue: int) -> None:
        total = today + overdue
        self.navigation.set_badge(FOLLOW_UPS, count_text(total) if total else "")
        if total:
            self.follow_up_label.setText(
                self.tr("Follow-ups: {overdue} overdue, {today} today").format(
                    overdue=count_text(overdue), today=count_text(today))
            )
        else:
            self.follow_up_label.setText(self.tr("No follow-ups due"))

    # -- cases and intake ----------------------------------------------------------------

    def _on_case_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.case_id(index.row()))

    def _open_current_case(self) -> None:
        self._on_case_activated(self.table.currentIndex())

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
            row = self.model.row_of(case_id)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self.open_case(case_id)

    def copy_reference(self) -> None:
        """Copy the selected cases' references (one a line) to the clipboard."""
        selection = self.table.selectionModel()
        rows = sorted({index.row() for index in selection.selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        references = [self.model.reference(row) for row in rows]
        if references:
            QGuiApplication.clipboard().setText("\n".join(references))

    def _column_menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        visible = [c for c in range(len(COLUMNS)) if not header.isSectionHidden(c)]
        for column in range(len(COLUMNS)):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(column in visible)
            # Reference stays, and at least one more column: a list must say something.
            action.setEnabled(column != 0 and not (column in visible and len(visible) <= 2))
            action.toggled.connect(
                lambda checked, c=column: header.setSectionHidden(c, not checked))
        menu.exec(header.mapToGlobal(position))
        menu.deleteLater()

    # -- saved layout --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        state = self._window_state
        if state is None:
            return
        geometry = state.blob(MAIN_WINDOW_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        header = self.table.horizontalHeader()
        saved = state.blob(CASE_TABLE_HEADER)
        if saved is not None and header.restoreState(saved):
            self.model.set_sort(header.sortIndicatorSection(), header.sortIndicatorOrder(),
                                reload=False)
        saved = state.blob(FOLLOW_UP_TABLE_HEADER)
        if saved is not None:
            self.follow_ups.table.horizontalHeader().restoreState(saved)

    def save_layout(self) -> None:
        """Remember window geometry, column layout and the place (never what was shown)."""
        state = self._window_state
        if state is None:
            return
        state.set_blob(MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        state.set_blob(CASE_TABLE_HEADER, self.table.horizontalHeader().saveState())
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
        return self._locking

    def lock(self) -> None:
        """Lock now: clear every view, dispose the database, ask for the password."""
        self.session.lock()

    def sign_out(self) -> None:
        """Lock (every view cleared, the database closed), then close for the sign-in window.

        The app (``gui.start.app``) shows the sign-in window again when a window that signed
        out has closed; the demo database is kept until the final quit.
        """
        self.lock()
        self.signed_out = True
        self.close()

    def _save_and_clear(self) -> None:
        # Connected first to about_to_lock, so the windows are asked before they wipe.
        self._locking = True
        self._drill_down = None
        try:
            self._saved = self._view_state()
            self.save_layout()
            self.idle.stop()
            self._search_timer.stop()
            QToolTip.hideText()
            self._drafts.keep(self._windows_to_reopen())
            self._close_owned_windows()
            for action in (self.lock_action, self.copy_reference_action, self.intake_action,
                           self.open_case_action):
                action.setEnabled(False)
            self._find_shortcut.setEnabled(False)
            for shortcut in self._place_shortcuts:
                shortcut.setEnabled(False)
            self.toolbar.hide()
            self.navigation.hide()
            self.filter_bar.hide()
            self.search.blockSignals(True)
            self.search.clear()  # also empties its undo history
            self.search.blockSignals(False)
            self.model.clear()
            self.follow_ups.clear()
            self.filter_bar.clear_choices()
            self.navigation.clear_badges()
            self.statusBar().clearMessage()
            self.lock_hint.hide()
            self.count_label.clear()
            self._count_separator.hide()  # nothing to separate while locked
            self.follow_up_label.clear()
            clear_sensitive()
        finally:
            self._locking = False

    def _view_state(self) -> _ViewState:
        selection = self.table.selectionModel()
        selected = tuple(
            self.model.case_id(index.row()) for index in selection.selectedRows()
        )
        current = self.table.currentIndex()
        top = self.table.indexAt(self.table.viewport().rect().topLeft())
        focus = QApplication.focusWidget()
        return _ViewState(
            place=self.place,
            search_text=self.search.text(),
            case_filter=self.model.case_filter,
            selected_ids=selected,
            current_id=self.model.case_id(current.row()) if current.isValid() else None,
            current_column=max(current.column(), 0),
            top_id=self.model.case_id(top.row()) if top.isValid() else None,
            search_had_focus=focus is self.search,
            everyone_follow_ups=self.follow_ups.everyone.isChecked(),
        )

    def _windows_to_reopen(self) -> list[Kept]:
        """Ask the open windows how to bring them back after unlocking: cases, then forms."""
        windows: list[Kept] = []
        forms: list[Kept] = []
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or not self.owns(widget):
                continue
            if isinstance(widget, WindowSource):
                reopen = widget.reopen_record()
                if reopen is not None:
                    windows.append(reopen)
            elif isinstance(widget, FormSource):
                draft = widget.form_draft()
                if draft is not None:
                    forms.append(draft)
        return windows + forms

    def _reopen_windows(self) -> None:
        """After unlocking: reopen the case windows, then the forms with what was typed.

        Through the usual ways in, so access is checked (another counsellor's case asks
        for break-the-glass again) and audited as any opening is.
        """
        from gui.case.case_view import open_case

        if self.session.is_locked:  # locked again before this ran: keep them for later
            return
        kept = self._drafts.take()
        kept.sort(key=lambda item: not isinstance(item, CaseReopen))  # windows first
        views: dict[int, CaseView] = {}
        failed_windows = lost_forms = 0
        while kept:
            if self.session.is_locked:  # locked again while a reopened dialog asked
                self._drafts.keep(kept)
                return
            item = kept.pop(0)
            if isinstance(item, CaseReopen):
                try:
                    view = open_case(self, self.session, item.case_id, reopen=item,
                                     report=False)
                except KnownError:
                    failed_windows += 1
                    continue
                if view is not None:  # None: the user cancelled break-the-glass
                    views[item.case_id] = view
            elif not self._reopen_form(item, views) and item.has_input:
                lost_forms += 1
        if lost_forms:
            show_error(self, KnownError(plural(
                lost_forms,
                self.tr("{n} unsaved form could not be reopened and was discarded: the case "
                        "or record is no longer available to you."),
                self.tr("{n} unsaved forms could not be reopened and were discarded: the case "
                        "or record is no longer available to you."))))
        elif failed_windows:
            show_error(self, KnownError(plural(
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
                open_case(self, self.session, draft.case_id, draft=draft, report=False)
            except KnownError:
                return False
            return True
        if draft.case_id is not None:
            view = views.get(draft.case_id)
            return view is not None and view.reopen_form(draft)
        if draft.kind == drafts.INTAKE:
            return self.new_intake(draft=draft) is not None
        for reopen_form in self._form_reopeners.values():
            reopened = reopen_form(draft)
            if reopened is not None:
                return bool(reopened)
        return False

    def _close_owned_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or not self.owns(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()  # ends a running exec() with Rejected
            widget.close()
            widget.hide()  # even if its closeEvent refused
            # Hidden is not enough: its labels and fields would still hold the data.
            widget.deleteLater()

    def owns(self, widget: QWidget) -> bool:
        """Whether ``widget`` is one of this window's own windows (case views, forms)."""
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def _show_lock_screen(self) -> None:
        self.pages.setCurrentWidget(self.lock_screen)
        self.lock_screen.set_kept_forms(self._drafts.unsaved_forms)
        self.lock_screen.reset()

    def _unlock(self, password: str) -> None:
        # Argon2id takes a moment; the check runs on the main thread like sign-in does.
        self.lock_screen.set_busy(True)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.session.unlock(password)
        except KnownError as error:
            self.lock_screen.show_error(str(error))
        finally:
            QApplication.restoreOverrideCursor()
            self.lock_screen.set_busy(False)

    def _resume(self, services: Services) -> None:
        saved, self._saved = self._saved, None
        if len(self._drafts):
            # Once every view has resumed (other slots of ``unlocked`` included), and not
            # inside the unlock button's click.
            QTimer.singleShot(0, self, self._reopen_windows)
        self.lock_screen.reset()
        self.lock_screen.set_display_name(services.actor.display_name)
        self.toolbar.show()
        self.lock_hint.show()
        for action in (self.lock_action, self.copy_reference_action, self.open_case_action):
            action.setEnabled(True)
        self.intake_action.setEnabled(self._may_intake)
        self._find_shortcut.setEnabled(True)
        for shortcut in self._place_shortcuts:
            shortcut.setEnabled(True)
        if not self._may_list:
            self.pages.setCurrentWidget(self.no_access)
            self.idle.start()
            return
        self.navigation.show()
        place = saved.place if saved is not None and saved.place else self._first_place()
        if saved is not None:
            self.search.blockSignals(True)
            self.search.setText(saved.search_text)
            self.search.blockSignals(False)
            self.follow_ups.everyone.blockSignals(True)
            self.follow_ups.everyone.setChecked(saved.everyone_follow_ups)
            self.follow_ups.everyone.blockSignals(False)
        choice = FilterChoice.from_case_filter(saved.case_filter) if saved else None
        if choice is not None and place == MY_CASES:
            choice = FilterChoice(statuses=choice.statuses, risk_levels=choice.risk_levels,
                                  breach_id=choice.breach_id)
        self._fill_filter_lists(services, choice)
        self._refresh_follow_up_counts()
        blocked = self.navigation.blockSignals(True)
        self.navigation.select(place)
        self.navigation.blockSignals(blocked)
        if place in CASE_PLACES:
            self.pages.setCurrentWidget(self.table)
            self.filter_bar.show()
            actor = services.actor
            self.filter_bar.fix_counsellor(
                (actor.user_id, actor.display_name) if place == MY_CASES else None)
            self.model.set_service(services.case_list, self.current_filter())
            if saved is not None:
                self._restore_position(saved)
        else:
            self.model.set_service(services.case_list, self.current_filter())
            self.show_place(place)
        self.idle.start()

    def _restore_position(self, saved: _ViewState) -> None:
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for case_id in saved.selected_ids:
            row = self.model.row_of(case_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, last_column))
        flags = QItemSelectionModel.SelectionFlag
        current_row = None if saved.current_id is None else self.model.row_of(saved.current_id)
        if current_row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(current_row, saved.current_column), flags.NoUpdate
            )
        self.table.selectionModel().select(selection, flags.ClearAndSelect)
        top_row = None if saved.top_id is None else self.model.row_of(saved.top_id)
        if top_row is not None:
            self.table.doItemsLayout()  # scroll ranges are otherwise updated only later
            self.table.scrollTo(
                self.model.index(top_row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
        (self.search if saved.search_had_focus else self.table).setFocus()

    # -- Qt overrides --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: Down, Enter and Escape in the search box."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and self._search_key(event)):
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override of QWidget.closeEvent: save the layout, close dialogs, clear secrets."""
        if self.discard_on_quit and not self.signed_out and not confirm_discard_demo(self):
            event.ignore()
            return
        if not self.session.is_locked:
            self.save_layout()
        self._locking = True  # owned dialogs close without asking: the user is leaving
        try:
            self._close_owned_windows()
        finally:
            self._locking = False
        self.idle.stop()
        self._drafts.discard()  # signing out (or quitting) throws unsaved forms away
        clear_sensitive()
        if self._listening:
            self._listening = False
            self.session.changes.unsubscribe(self._on_change)
        super().closeEvent(event)
