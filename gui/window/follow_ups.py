"""*Follow-ups due*: the open follow-ups due today or earlier, overdue ones marked.

The list comes from :meth:`RecordService.follow_ups_due` (a counsellor's own; a
supervisor may switch to everyone's). It is small — hundreds of rows for one person, a
few thousand for everyone at 40,000 victims — so the model holds the rows themselves and
sorts in memory. Activating a row (double-click or Enter) asks to open its case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
from gui.shared.qt_types import Index
from gui.shared.style import OVERDUE_COLOUR, icon, readable
from models.domain.base import local_today
from models.domain.dto import FollowUpRow
from models.domain.formatting import date_text

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOLLOW_UP_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

#: (header, translated in headerData; sort key of a row)
_COLUMNS: tuple[tuple[str, Callable[[FollowUpRow], object]], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "When"), lambda row: (row.due_on, row.follow_up_id)),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Due"), lambda row: (row.due_on, row.follow_up_id)),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Case"), lambda row: row.case_reference),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Victim"), lambda row: row.victim_name.casefold()),
    (QT_TRANSLATE_NOOP("FollowUpTableModel", "Follow-up"), lambda row: row.description.casefold()),
)


class FollowUpTableModel(QAbstractTableModel):
    """Follow-ups due today or overdue, oldest first unless sorted otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowUpRow] = []
        self._today = local_today()

    def set_rows(self, rows: list[FollowUpRow], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today or local_today()
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (for the idle lock)."""
        self.set_rows([])

    def row_data(self, row: int) -> FollowUpRow:
        return self._rows[row]

    def counts(self) -> tuple[int, int]:
        """(due today, overdue)."""
        overdue = sum(1 for row in self._rows if row.overdue)
        return len(self._rows) - overdue, overdue

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
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
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
        """Override of QAbstractItemModel.sort: in memory, the list is small."""
        if not 0 <= column < len(_COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(index, self._rows[index.row()]) for index in persistent]
        self._rows.sort(key=_COLUMNS[column][1],  # type: ignore[arg-type, return-value]
                        reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            [index for index, _row in before],
            [self.index(where[id(row)], index.column()) for index, row in before],
        )
        self.layoutChanged.emit()


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

    def set_rows(self, rows: list[FollowUpRow]) -> None:
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        today, overdue = self.model.counts()
        self.summary.setText(
            self.tr("{overdue} overdue · {today} due today").format(overdue=overdue, today=today)
        )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def clear(self) -> None:
        """Forget every row and count (for the idle lock)."""
        self.model.clear()
        self.summary.clear()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_activated.emit(int(self.model.data(index, CASE_ID_ROLE)))
