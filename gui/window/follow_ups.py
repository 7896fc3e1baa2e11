"""*Follow-ups due*: the open follow-ups due today or earlier, overdue ones marked.

The list comes from :meth:`RecordService.follow_up_window` (a counsellor's own; a
supervisor may switch to everyone's) a page at a time, sorted by the database in the
order the header asks for; the counts come from :meth:`RecordService.follow_up_counts`.
The model holds a few pages (:mod:`gui.shared.paged_rows`), never the whole list.
Activating a row (double-click or Enter) asks to open its case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.shared.empty_state import show_when_empty
from gui.shared.paged_rows import RowPages
from gui.shared.qt_types import Index
from gui.shared.style import OVERDUE_COLOUR, icon, readable
from models.domain.base import local_today
from models.domain.dto import FollowUpCounts, FollowUpRow, ListPage, ListWindow
from models.domain.formatting import date_text
from models.services.records import RecordService

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOLLOW_UP_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

#: (header, translated in headerData; sort key of a row)
# (the sort key is the service's name of a sort: RecordService.FOLLOW_UP_SORTS)
_COLUMNS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "When"), "due"),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Due"), "due"),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Case"), "case"),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Victim"), "victim"),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Follow-up"), "description"),
)

# Fetches a window of the list in a sort: (window, sort, descending) -> page.
Fetch = Callable[..., ListPage[FollowUpRow]]
# Where a follow-up stands in the list in a sort: (follow-up id, sort, descending).
Locate = Callable[[int, str, bool], int | None]


class FollowUpTableModel(QAbstractTableModel):
    """Follow-ups due today or overdue, oldest first unless sorted otherwise; the rows
    are fetched a page at a time (the list may be long: everyone's at 200,000 victims)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch: Fetch | None = None
        self._locate: Locate | None = None
        self._counts = FollowUpCounts(today=0, overdue=0)
        self._pages: RowPages[FollowUpRow] = RowPages(0, _nothing)
        self._sort = "due"
        self._descending = False
        self._today = local_today()

    def set_source(self, fetch: Fetch | None, counts: FollowUpCounts,
                   locate: Locate | None = None, today: dt.date | None = None) -> None:
        """List ``counts.total`` follow-ups fetched by ``fetch`` (``None``: nothing)."""
        self.beginResetModel()
        self._fetch, self._locate = fetch, locate
        self._counts = counts if fetch is not None else FollowUpCounts(today=0, overdue=0)
        self._today = today or local_today()
        self._pages = self._new_pages()
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (for the idle lock)."""
        self.set_source(None, FollowUpCounts(today=0, overdue=0))

    def remember_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Sort by ``column`` from the next :meth:`set_source` on (fetching nothing now)."""
        if 0 <= column < len(_COLUMNS):
            self._sort = _COLUMNS[column][1]
            self._descending = order == Qt.SortOrder.DescendingOrder

    def _new_pages(self) -> RowPages[FollowUpRow]:
        if self._fetch is None:
            return RowPages(0, _nothing)
        return RowPages(self._counts.total,
                        partial(self._fetch, sort=self._sort, descending=self._descending))

    def row_data(self, row: int) -> FollowUpRow | None:
        return self._pages.row(row)

    def counts(self) -> tuple[int, int]:
        """(due today, overdue)."""
        return self._counts.today, self._counts.overdue

    def pages_held(self) -> int:
        return self._pages.pages_held()

    def _when(self, row: FollowUpRow) -> str:
        days = (self._today - row.due_on).days
        if days <= 0:
            return self.tr("Today")
        if days == 1:
            return self.tr("Overdue 1 day")
        return self.tr("Overdue {days} days").format(days=days)

    # -- Qt overrides --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else self._pages.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or not 0 <= index.row() < self._pages.count:
            return None
        if role not in (CASE_ID_ROLE, FOLLOW_UP_ID_ROLE, OVERDUE_ROLE,
                        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.FontRole):
            return None
        row = self._pages.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == FOLLOW_UP_ID_ROLE:
            return row.follow_up_id
        if role == OVERDUE_ROLE:
            return row.overdue
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                self._when(row), date_text(row.due_on), row.case_reference, row.victim_name,
                row.description,
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return icon("overdue" if row.overdue else "due-today")
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and row.overdue:
            return readable(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == 0 and row.overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Override of QAbstractItemModel.headerData."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return self.tr(_COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Override of QAbstractItemModel.sort: the database sorts; the rows the view
        points at (its current row, the selection) follow to where they now stand."""
        if not 0 <= column < len(_COLUMNS):
            return
        sort, descending = _COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        followed: list[tuple[QModelIndex, int | None]] = []
        for index in persistent:
            row = self._pages.row(index.row())  # held: the view shows or selects it
            followed.append((index, None if row is None else row.follow_up_id))
        self._sort, self._descending = sort, descending
        self._pages = self._new_pages()
        places: dict[int, int | None] = {}
        for _index, follow_up_id in followed:
            if follow_up_id is not None and follow_up_id not in places:
                places[follow_up_id] = (self._locate(follow_up_id, sort, descending)
                                        if self._locate is not None else None)
        moved = []
        for index, follow_up_id in followed:
            place = None if follow_up_id is None else places[follow_up_id]
            moved.append(QModelIndex() if place is None else self.index(place, index.column()))
        self.changePersistentIndexList([index for index, _id in followed], moved)
        self.layoutChanged.emit()


def _nothing(window: ListWindow) -> ListPage[FollowUpRow]:
    return ListPage((), None, None)


class FollowUpsView(QWidget):
    """The *Follow-ups due* place: a heading with counts, and the list.

    Signals:
        case_activated(int): the user asked to open this case.
        scope_changed(bool): a supervisor switched between their own list and everyone's.
    """

    case_activated = Signal(int)
    scope_changed = Signal(bool)

    def __init__(self, may_see_everyone: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsView")
        self.model = FollowUpTableModel(self)

        heading = QLabel(self.tr("Follow-ups due today and overdue"))
        heading.setObjectName("placeTitle")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("followUpSummary")
        self.everyone = QCheckBox(self.tr("&Everyone's follow-ups"))
        self.everyone.setObjectName("everyoneFollowUps")
        self.everyone.setToolTip(self.tr("Show the follow-ups of every counsellor, not only yours"))
        if not may_see_everyone:  # (showing it before it has a parent would open a window)
            self.everyone.hide()
        self.everyone.toggled.connect(self.scope_changed)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(self.everyone)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one Tab leaves the table
        self.table.setObjectName("followUps")
        self.table.setAccessibleName(self.tr("Follow-ups due"))
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        show_when_empty(self.table, lambda: self.tr("Nothing is due today or overdue."))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = self.table.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        widths = (
            QFontMetrics(bold).horizontalAdvance(self.tr("Overdue {days} days").format(days=999))
            + metrics.height() + 4,
            metrics.horizontalAdvance("00.00.0000"),
            metrics.horizontalAdvance("SUO-2020-00000"),
            metrics.horizontalAdvance("Mmmmmmmmm, Mmmmmmmm Mmmmm"),
            # The follow-up stretches; scrolled sideways on a narrow window, it is still
            # as wide as its title.
            0,
        )
        for column, width in enumerate(widths):
            # The title with its sort arrow too: a translated one may be the wider.
            title = header.sectionSizeFromContents(column).width()
            self.table.setColumnWidth(column, max(width + padding, title))
        self.table.activated.connect(self._on_activated)

        self.empty = QLabel(self.tr("Nothing is due. Well done."))
        self.empty.setObjectName("followUpsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    @property
    def showing_everyone(self) -> bool:
        return not self.everyone.isHidden() and self.everyone.isChecked()

    def load(self, records: RecordService) -> FollowUpCounts:
        """Show the list again (own, or everyone's), in the header's order, and return
        its counts."""
        who = 0 if self.showing_everyone else None
        counts = records.follow_up_counts(who)
        today = local_today()
        header = self.table.horizontalHeader()
        self.model.remember_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.model.set_source(
            partial(_fetch, records, who, today), counts, partial(_locate, records, who, today),
            today)
        self.summary.setText(
            self.tr("{overdue} overdue · {today} due today").format(
                overdue=counts.overdue, today=counts.today))
        self.table.setVisible(bool(counts.total))
        self.empty.setVisible(not counts.total)
        return counts

    def clear(self) -> None:
        """Forget every row and count (for the idle lock)."""
        self.model.clear()
        self.summary.clear()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_activated.emit(int(self.model.data(index, CASE_ID_ROLE)))


def _fetch(records: RecordService, who: int | None, today: dt.date, window: ListWindow,
           sort: str, descending: bool) -> ListPage[FollowUpRow]:
    return records.follow_up_window(window, who, sort=sort, descending=descending,
                                    today=today)


def _locate(records: RecordService, who: int | None, today: dt.date, follow_up_id: int,
            sort: str, descending: bool) -> int | None:
    return records.follow_up_position(follow_up_id, who, sort=sort, descending=descending,
                                      today=today)
