"""The case list that *My cases* and *All cases* show: the global search box, the filter
bar and the case table.

The search box (in the toolbar; Ctrl+F) searches every case, so typing in it moves to
*All cases*; Down or Enter in it goes to the first result (Enter searches at once, without
waiting for the typing to pause) and Escape empties it. The filter bar narrows the list by
status, risk level, counsellor and breach; a figure of a dashboard drills down to its own
cases instead, until the user picks a place or changes a filter. Activating a case
(double-click or Enter) asks the window to open it; Ctrl+C copies the selected cases'
references and nothing else. Tab leaves the table in one step; arrows move within it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QTableView,
    QWidget,
)

from gui.shared.case_table import COLUMNS, CaseTableModel, row_spans
from gui.shared.empty_state import show_when_empty
from gui.shared.errors import show_error
from gui.shared.fit import ShorterHintLineEdit
from gui.shared.forms import with_clear_button
from gui.shared.labels import options, plural
from gui.shared.navigation import ALL_CASES, MY_CASES, NavigationList
from gui.shared.session import Session
from gui.shared.settings import CASE_TABLE_HEADER, WindowState
from gui.shared.style import icon
from gui.window.filters import FilterBar, FilterChoice
from models.domain.dto import CaseFilter
from models.domain.enums import Role
from models.domain.errors import KnownError
from models.services import Services

SEARCH_DELAY_MS = 150
#: The places that show the case list.
CASE_PLACES = (MY_CASES, ALL_CASES)


@dataclass(frozen=True)
class ListPosition:
    """Where the user was in the case list (held in memory only while locked, never shown)."""

    search_text: str
    case_filter: CaseFilter
    #: The selected rows as spans: the cases of each span's first and last row.
    selected_spans: tuple[tuple[int, int], ...]
    current_id: int | None
    current_column: int
    top_id: int | None
    search_had_focus: bool


class CaseList(QObject):
    """The search box, the filter bar and the case table, and what they do together.

    The window lays the widgets out (the search box in its toolbar) and shows the table as
    the page of *My cases* and *All cases*.

    Args:
        session: the signed-in session; its case list service fills the table.
        navigation: the window's places: the list narrows to the user's own cases in
            *My cases*, and searching moves to *All cases*.
        may_list: the role may list cases (else the list stays empty and searches nothing).
        may_intake: the role records new victims (the empty list says how).
        parent: the main window, which errors are shown over.

    Signals:
        case_chosen(int): the user activated a case (double-click, Enter, Open case).
    """

    case_chosen = Signal(int)

    def __init__(self, session: Session, navigation: NavigationList, *, may_list: bool,
                 may_intake: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._session = session
        self._navigation = navigation
        self._may_list = may_list
        self._may_intake = may_intake
        self._drill_down: tuple[CaseFilter, str] | None = None
        self._build_search()
        self._build_table()
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._filters_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.installEventFilter(self)
        self.empty_state = show_when_empty(self.table, self._empty_text)

    # -- building ------------------------------------------------------------------------

    def _build_search(self) -> None:
        # The whole hint where the window has room; narrower, a short one, so that Lock and
        # the tools stay in sight (only a window narrower still moves them into the »
        # menu).
        self.search = ShorterHintLineEdit(
            self.tr("Name, identity code, case, police report, phone, e-mail, wallet…"),
            self.tr("Search all cases…"))
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("Search all cases"))
        self.search.setToolTip(self.tr(
            "Search every case by name, identity code, case, police report, phone, e-mail "
            "or wallet (Ctrl+F)"))
        with_clear_button(self.search)
        # The magnifier is a button too: a screen reader names it, a click starts typing.
        magnifier = QAction(icon("search"), self.tr("Search"), self.search)
        self.search.addAction(magnifier, QLineEdit.ActionPosition.LeadingPosition)
        magnifier.triggered.connect(lambda: self.search.setFocus(Qt.FocusReason.OtherFocusReason))
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _build_table(self) -> None:
        self.model = CaseTableModel(
            self._session.services.case_list if self._may_list else None, self)
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
        self.table.activated.connect(self._on_activated)
        # The same list read again (another workstation's change) keeps the selection.
        self._kept: ListPosition | None = None
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._put_selection_back)

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

    def _default_column_widths(self) -> None:
        # From the font, so the columns fit their content at any scaling.
        metrics = self.table.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        icon_width = metrics.height() + 4
        # The status and risk columns: their longest name in the language in use.
        status = max((label for label, _value in options("status")), key=metrics.horizontalAdvance)
        risk = max((label for label, _value in options("risk_level")),
                   key=metrics.horizontalAdvance)
        samples = ("SUO-2020-00000", "Mmmmmmmmm, Mmmmmmmm Mmmmm", "000000-****", status, risk,
                   "Mmmmm M. (mmmmmmmmm)")
        header = self.table.horizontalHeader()
        for column, sample in enumerate(samples):
            width = metrics.horizontalAdvance(sample) + padding
            if column == 4:
                width += icon_width
            # The title with its sort arrow, as the style draws it.
            title = header.sectionSizeFromContents(column).width()
            self.table.setColumnWidth(column, max(width, title))

    def _column_menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self._window)
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

    def set_tab_order(self, *, after: QWidget) -> None:
        """Tab goes from ``after`` (the places) through the filter bar to the table."""
        bar = self.filter_bar
        chain = (after, bar.status, bar.risk, bar.counsellor, bar.breach, bar.clear_button,
                 self.table)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def restore_layout(self, state: WindowState) -> None:
        """Restore the columns' order, widths and sort as they were saved."""
        header = self.table.horizontalHeader()
        saved = state.blob(CASE_TABLE_HEADER)
        if saved is not None and header.restoreState(saved):
            self.model.set_sort(header.sortIndicatorSection(), header.sortIndicatorOrder(),
                                reload=False)

    def save_layout(self, state: WindowState) -> None:
        """Remember the columns' order, widths and sort."""
        state.set_blob(CASE_TABLE_HEADER, self.table.horizontalHeader().saveState())

    # -- what it shows -------------------------------------------------------------------

    @property
    def place(self) -> str | None:
        """The window's place now (the list shows in *My cases* and *All cases* only)."""
        return self._navigation.current_key

    def show_place(self, place: str) -> None:
        """Show *My cases* or *All cases*: the filter bar, and the cases it lets through."""
        self._show_filter_bar(place)
        self.apply_filters()

    def _show_filter_bar(self, place: str) -> None:
        self.filter_bar.show()
        actor = self._session.actor
        self.filter_bar.fix_counsellor(
            (actor.user_id, actor.display_name) if place == MY_CASES else None
        )

    def drill_down(self, target: CaseFilter | Iterable[int], title: str) -> None:
        """List ``target``'s cases (a filter or case ids: a dashboard figure's), titled,
        instead of the filter bar's."""
        if not isinstance(target, CaseFilter):
            target = CaseFilter(case_ids=tuple(int(i) for i in target))
        self._drill_down = (target, title)

    def end_drill_down(self) -> None:
        self._drill_down = None

    def current_filter(self) -> CaseFilter:
        """The case list's filter: the place, the filter bar and the search text.

        A drill-down from a dashboard figure replaces the filter bar until the user
        picks a place or changes a filter.
        """
        if self._drill_down is not None:
            return dataclasses.replace(self._drill_down[0], text=self.search.text())
        mine = self._session.actor.user_id if self.place == MY_CASES else None
        return self.filter_bar.case_filter(self.search.text(), assigned_to_id=mine)

    def _filters_changed(self) -> None:
        self._drill_down = None
        self.apply_filters()

    def apply_filters(self) -> None:
        if self._session.is_locked or not self._may_list:
            return
        self.model.set_filter(self.current_filter())

    def fill_filter_lists(self, services: Services, choice: FilterChoice | None = None) -> None:
        """Fill the filter bar's counsellors and breaches; ``choice`` is chosen in them."""
        try:
            users = services.accounts.colleagues((Role.COUNSELLOR, Role.SUPERVISOR),
                                                 include_locked=True)
            breaches = services.cases.list_breaches()
        except KnownError as error:
            show_error(self._window, error)
            return
        self.filter_bar.populate(users, breaches, choice)

    def count_text(self) -> str | None:
        """How many cases the list shows, for the status bar; None when it is not shown."""
        if self._session.is_locked or self.place not in CASE_PLACES:
            return None
        shown = self.model.rowCount()
        if self._drill_down is not None:
            return plural(shown, self.tr("{title}: {n} case"), self.tr("{title}: {n} cases"),
                          title=self._drill_down[1])
        if self.search.text().strip() or not self.filter_bar.choice().is_empty:
            return plural(shown, self.tr("{n} case matches"), self.tr("{n} cases match"))
        return plural(shown, self.tr("{n} case"), self.tr("{n} cases"))

    def _empty_text(self) -> str:
        """Why the case list is empty, and what to do about it."""
        if self._session.is_locked:
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

    # -- searching -----------------------------------------------------------------------

    def focus_search(self) -> None:
        if self._session.is_locked or not self.search.isEnabled():
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
        if self.place not in CASE_PLACES or self.model.rowCount() == 0:
            return False
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(
            self.model.index(0, 0), flags.ClearAndSelect | flags.Rows)
        self.table.scrollToTop()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def apply_search(self) -> None:
        if self._session.is_locked or not self._may_list:
            return
        if self.search.text().strip() and self.place != ALL_CASES:
            # The search box is global: a caller may be anyone's victim.
            self._navigation.select(ALL_CASES)  # shows All cases with the search applied
            return
        self.apply_filters()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: Down, Enter and Escape in the search box."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and self._search_key(event)):
            return True
        return super().eventFilter(watched, event)

    # -- cases ---------------------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_chosen.emit(self.model.case_id(index.row()))

    def _open_current_case(self) -> None:
        self._on_activated(self.table.currentIndex())

    def select_case(self, case_id: int) -> None:
        """Select the case's row and scroll to it, if the list shows it."""
        row = self.model.row_of(case_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def copy_reference(self) -> None:
        """Copy the selected cases' references (one a line) to the clipboard."""
        spans = row_spans(self.table.selectionModel().selection())
        rows = [row for start, stop in spans for row in range(start, stop)]
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        references = [self.model.reference(row) for row in rows]
        if references:
            QGuiApplication.clipboard().setText("\n".join(references))

    # -- locking -------------------------------------------------------------------------

    def position(self) -> ListPosition:
        """Where the user is: the search, the filter, the selection, the scroll."""
        spans = row_spans(self.table.selectionModel().selection())
        selected = tuple((self.model.case_id(start), self.model.case_id(stop - 1))
                         for start, stop in spans)
        current = self.table.currentIndex()
        top = self.table.indexAt(self.table.viewport().rect().topLeft())
        return ListPosition(
            search_text=self.search.text(),
            case_filter=self.model.case_filter,
            selected_spans=selected,
            current_id=self.model.case_id(current.row()) if current.isValid() else None,
            current_column=max(current.column(), 0),
            top_id=self.model.case_id(top.row()) if top.isValid() else None,
            search_had_focus=QApplication.focusWidget() is self.search,
        )

    def clear(self) -> None:
        """Forget every case and what was typed (the window is locking)."""
        self._drill_down = None
        self._search_timer.stop()
        self.filter_bar.hide()
        self.search.blockSignals(True)
        self.search.clear()  # also empties its undo history
        self.search.blockSignals(False)
        self.model.clear()
        self.filter_bar.clear_choices()

    def restore_filters(self, services: Services, place: str,
                        position: ListPosition | None) -> None:
        """Put back the search text and the filters chosen, without searching yet, and
        fill the filter lists from the new services (unlocking)."""
        choice = None
        if position is not None:
            self.search.blockSignals(True)
            self.search.setText(position.search_text)
            self.search.blockSignals(False)
            choice = FilterChoice.from_case_filter(position.case_filter)
        if choice is not None and place == MY_CASES:  # the counsellor is fixed there
            choice = FilterChoice(statuses=choice.statuses, risk_levels=choice.risk_levels,
                                  breach_id=choice.breach_id)
        self.fill_filter_lists(services, choice)

    def resume(self, services: Services, place: str,
               position: ListPosition | None) -> None:
        """Fill the list from the new services (unlocking); in *My cases* or *All cases*,
        with the filter bar shown and the user put back where they were."""
        if place not in CASE_PLACES:
            self.model.set_service(services.case_list, self.current_filter())
            return
        self._show_filter_bar(place)
        self.model.set_service(services.case_list, self.current_filter())
        if position is not None:
            self._restore_position(position)

    def _keep_selection(self) -> None:
        self._kept = None
        if self.model.refreshing and self.model.rowCount():
            try:
                self._kept = self.position()
            except IndexError:  # a row gone since the count: nothing worth keeping
                self._kept = None

    def _put_selection_back(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None and self.model.rowCount():
            self._restore_selection(kept)

    def _restore_position(self, position: ListPosition) -> None:
        self._restore_selection(position)
        (self.search if position.search_had_focus else self.table).setFocus()

    def _restore_selection(self, position: ListPosition) -> None:
        """Select the cases of ``position`` where they are now, make its current case
        current and scroll its top case to the top (each case's row counted in SQL)."""
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for first_id, last_id in position.selected_spans:
            rows = [row for row in (self.model.row_of(first_id), self.model.row_of(last_id))
                    if row is not None]
            if rows:
                selection.select(self.model.index(min(rows), 0),
                                 self.model.index(max(rows), last_column))
        flags = QItemSelectionModel.SelectionFlag
        current_row = (None if position.current_id is None
                       else self.model.row_of(position.current_id))
        if current_row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(current_row, position.current_column), flags.NoUpdate
            )
        self.table.selectionModel().select(selection, flags.ClearAndSelect)
        top_row = None if position.top_id is None else self.model.row_of(position.top_id)
        if top_row is not None:
            self.table.doItemsLayout()  # scroll ranges are otherwise updated only later
            self.table.scrollTo(
                self.model.index(top_row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
