"""The main window: global search, the case list, a status bar — and the idle lock.

A minimal window for the foundation; the counsellor-desktop work adds navigation, filters,
the case view and intake.

Locking (after ``idle_lock_minutes`` without input, or Ctrl+L) clears every view, closes
and deletes every window and dialog this window owns (so dialogs showing case data must be
created with the main window as their parent, must treat *Rejected* as cancel and must not
be used after ``exec()`` returns beyond reading their result), disposes the
database and shows :class:`~gui.lock_screen.LockScreen`. Unlocking restores the search,
sort, selection and scroll position.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolTip,
    QWidget,
)

from gui.auto_backup import AutoBackup
from gui.case_table import CaseTableModel
from gui.clipboard import clear_sensitive
from gui.idle import Clock, IdleWatcher
from gui.lock_screen import LockScreen
from gui.session import Opener, Session
from gui.settings import IDLE_LOCK_MINUTES
from models.changes import Change
from models.dto import CaseFilter
from models.errors import KnownError
from models.services import Services
from models.store import open_database

SEARCH_DELAY_MS = 150
LOCK_SHORTCUT = "Ctrl+L"


@dataclass(frozen=True)
class _ViewState:
    """Where the user was when the window locked (held in memory only, never shown)."""

    search_text: str
    case_filter: CaseFilter
    selected_ids: tuple[int, ...]
    current_id: int | None
    current_column: int
    top_id: int | None
    search_had_focus: bool


class MainWindow(QMainWindow):
    """The desktop app's one main window.

    Args:
        services: the signed-in user's services; the window's :class:`Session` owns them.
        opener: signs the same user in again when unlocking.
        idle_lock_minutes: inactivity before the window locks itself.
        clock: the idle watcher's clock (tests pass a controllable one).
        automatic_backups: take a backup daily and on close (off for demo databases).
    """

    def __init__(
        self, services: Services, *, opener: Opener = open_database,
        idle_lock_minutes: int = IDLE_LOCK_MINUTES.default, clock: Clock | None = None,
        automatic_backups: bool = False, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = Session(services, opener, self)
        self.auto_backup = AutoBackup(self.session, self)
        self.auto_backup.finished.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.automatic_backups = automatic_backups
        if automatic_backups:
            self.auto_backup.start()
        self._saved: _ViewState | None = None
        actor = services.actor
        self.setWindowTitle(
            self.tr("Suoja — {name} ({role})").format(
                name=actor.display_name, role=actor.role.value.replace("_", " ")
            )
        )
        if services.cases.is_demo_database():
            self.setWindowTitle(self.windowTitle() + self.tr(" — DEMO DATABASE, synthetic data"))
        self.resize(1100, 700)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search name, identity code, case, police report, phone, e-mail, wallet…")
        )
        self.search.setClearButtonEnabled(True)
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        # Works from every window of the app, dialogs included.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(
            self.tr("Lock Suoja now ({shortcut})").format(shortcut=LOCK_SHORTCUT)
        )
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar = QToolBar(self.tr("Search"))
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(QLabel(self.tr("  Search: ")))
        self.toolbar.addWidget(self.search)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock_action)
        self.addToolBar(self.toolbar)
        self._find_shortcut = QShortcut(
            QKeySequence.StandardKey.Find, self, activated=self._focus_search
        )

        self.model = CaseTableModel(services.cases, self)
        self.table = QTableView()
        self.table.setObjectName("cases")
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8
        )
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 260, 110, 80, 70, 210)):
            self.table.setColumnWidth(column, width)
        # Ctrl+C copies the case reference and nothing else (QTableView's own Ctrl+C
        # would copy whichever cell is current, a victim's name included).
        self.copy_reference_action = QAction(self.tr("Copy reference"), self.table)
        self.copy_reference_action.setObjectName("copyReference")
        self.copy_reference_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_reference_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_reference_action.triggered.connect(self.copy_reference)
        self.table.addAction(self.copy_reference_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.lock_screen = LockScreen(actor.display_name, actor.username)
        self.lock_screen.unlock_requested.connect(self._unlock)
        self.lock_screen.sign_out_requested.connect(self.close)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)

        self.lock_hint = QLabel(
            self.tr("Locks after {minutes} min idle · {shortcut} to lock now").format(
                minutes=idle_lock_minutes, shortcut=LOCK_SHORTCUT
            )
        )
        self.lock_hint.setObjectName("lockHint")
        self.statusBar().addWidget(self.lock_hint)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.statusBar().addPermanentWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.model.modelReset.connect(self._update_count)
        self.session.changes.subscribe(self._on_change)
        self._listening = True
        self.session.about_to_lock.connect(self._save_and_clear)
        self.session.locked.connect(self._show_lock_screen)
        self.session.unlocked.connect(self._resume)

        self.idle = IdleWatcher(idle_lock_minutes * 60, clock=clock, parent=self)
        self.idle.idle.connect(self.lock)
        self.idle.start()
        self.model.reload()

    # -- searching -----------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_search(self) -> None:
        if self.session.is_locked:
            return
        self.model.set_filter(CaseFilter(text=self.search.text()))

    def _on_change(self, change: Change) -> None:
        if change.kind in ("case", "victim") and not self.session.is_locked:
            self.model.reload()

    def _update_count(self) -> None:
        if self.session.is_locked:
            self.count_label.clear()
            return
        shown = self.model.rowCount()
        if self.search.text().strip():
            text = self.tr("{shown} cases match").format(shown=f"{shown:,}".replace(",", " "))
        else:
            text = self.tr("{shown} cases").format(shown=f"{shown:,}".replace(",", " "))
        self.count_label.setText(text)

    def copy_reference(self) -> None:
        """Copy the selected cases' references (one a line) to the clipboard."""
        selection = self.table.selectionModel()
        rows = sorted({index.row() for index in selection.selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        references = [self.model.reference(row) for row in rows]
        if references:
            QGuiApplication.clipboard().setText("\n".join(references))

    # -- locking -------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.session.is_locked

    def lock(self) -> None:
        """Lock now: clear every view, dispose the database, ask for the password."""
        self.session.lock()

    def _save_and_clear(self) -> None:
        self._saved = self._view_state()
        self.idle.stop()
        self._search_timer.stop()
        QToolTip.hideText()
        self._close_owned_windows()
        self.lock_action.setEnabled(False)
        self.copy_reference_action.setEnabled(False)
        self._find_shortcut.setEnabled(False)
        self.toolbar.hide()
        self.search.blockSignals(True)
        self.search.clear()  # also empties its undo history
        self.search.blockSignals(False)
        self.model.clear()
        self.statusBar().clearMessage()
        self.lock_hint.hide()
        self.count_label.clear()
        clear_sensitive()

    def _view_state(self) -> _ViewState:
        selection = self.table.selectionModel()
        selected = tuple(
            self.model.case_id(index.row()) for index in selection.selectedRows()
        )
        current = self.table.currentIndex()
        top = self.table.indexAt(self.table.viewport().rect().topLeft())
        focus = QApplication.focusWidget()
        return _ViewState(
            search_text=self.search.text(),
            case_filter=self.model.case_filter,
            selected_ids=selected,
            current_id=self.model.case_id(current.row()) if current.isValid() else None,
            current_column=max(current.column(), 0),
            top_id=self.model.case_id(top.row()) if top.isValid() else None,
            search_had_focus=focus is self.search,
        )

    def _close_owned_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or not self._owns(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()  # ends a running exec() with Rejected
            widget.close()
            widget.hide()  # even if its closeEvent refused
            # Hidden is not enough: its labels and fields would still hold the data.
            widget.deleteLater()

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def _show_lock_screen(self) -> None:
        self.pages.setCurrentWidget(self.lock_screen)
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
        self.lock_screen.reset()
        self.lock_screen.set_display_name(services.actor.display_name)
        self.pages.setCurrentWidget(self.table)
        self.toolbar.show()
        self.lock_hint.show()
        self.lock_action.setEnabled(True)
        self.copy_reference_action.setEnabled(True)
        self._find_shortcut.setEnabled(True)
        if saved is None:
            self.model.set_service(services.cases)
        else:
            self.search.blockSignals(True)
            self.search.setText(saved.search_text)
            self.search.blockSignals(False)
            self.model.set_service(services.cases, saved.case_filter)
            self._restore_position(saved)
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

    def closeEvent(self, event: object) -> None:  # noqa: N802
        """Override of QWidget.closeEvent: stop listening and clear secrets first."""
        self.idle.stop()
        clear_sensitive()
        if self._listening:
            self._listening = False
            self.session.changes.unsubscribe(self._on_change)
        super().closeEvent(event)  # type: ignore[arg-type]
