"""The case list: a table model over a window on the list, rows loaded on demand.

The model holds the count and a few pages of rows
(:class:`~models.services.case_list.CaseWindow`), never every matching id: a page is
read, by keyset on the sort order, when one of its rows is first shown, so the first
screen, scrolling and a jump to the end cost the same at any size. Sorting and filtering
open a new window. Selections are row ranges; their case ids are read when needed
(:meth:`CaseTableModel.case_ids_in`). The risk level carries a small coloured dot and
closed cases are shown muted.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    Qt,
)

from gui.shared.labels import risk_label, status_label
from gui.shared.qt_types import Index
from gui.shared.style import MUTED_COLOUR, readable, risk_icon
from models.domain.dto import CaseFilter, CaseRow
from models.domain.formatting import date_text
from models.services.case_list import CaseListService, CaseWindow

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

#: (header, translated in headerData; sort key; attribute of CaseRow)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("CaseTableModel", "Reference"), "reference", "reference"),
    (QT_TRANSLATE_NOOP("CaseTableModel", "Victim"), "victim", "victim_name"),
    (QT_TRANSLATE_NOOP("CaseTableModel", "Identity code"), "identity_code", "identity_code_masked"),
    (QT_TRANSLATE_NOOP("CaseTableModel", "Status"), "status", "status"),
    (QT_TRANSLATE_NOOP("CaseTableModel", "Risk"), "risk", "risk_level"),
    (QT_TRANSLATE_NOOP("CaseTableModel", "Counsellor"), "counsellor", "counsellor"),
    (QT_TRANSLATE_NOOP("CaseTableModel", "Opened"), "opened", "opened_on"),
)
RISK_COLUMN = 4
#: The roles :meth:`CaseTableModel.data` answers.
_ROLES = frozenset({
    CASE_ID_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole,
})
_MUTED = MUTED_COLOUR


class CaseTableModel(QAbstractTableModel):
    """The case list. ``cases`` is ``None`` while the window is locked (the list is empty)."""

    def __init__(self, cases: CaseListService | None, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._cases = cases
        self._window: CaseWindow | None = None
        #: During a reset: the same list read again (see :meth:`reload`).
        self.refreshing = False
        self._filter = CaseFilter()
        self._sort_key = "reference"
        self._descending = False

    # -- loading -------------------------------------------------------------------------

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def sort_order(self) -> tuple[str, bool]:
        """The sort key and whether it is descending."""
        return self._sort_key, self._descending

    def set_sort(self, column: int, order: Qt.SortOrder, *, reload: bool = True) -> None:
        """Sort by ``column``; ``reload=False`` only remembers it (before the first load)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_key = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if reload:
            self.reload()

    def set_filter(self, case_filter: CaseFilter) -> None:
        self._filter = case_filter
        self.reload()

    def set_service(self, cases: CaseListService, case_filter: CaseFilter | None = None) -> None:
        """Show the list again through new services (after unlocking)."""
        self._cases = cases
        if case_filter is not None:
            self._filter = case_filter
        self.reload()

    def clear(self) -> None:
        """Forget every row and the search filter, and the service (for the idle lock).

        The sort order is kept: it holds no personal data and comes back after unlocking.
        """
        self.refreshing = False
        self.beginResetModel()
        self._cases = None
        self._window = None
        self._filter = CaseFilter()
        self.endResetModel()

    def reload(self) -> None:
        """Count and read the first page again (after a filter, sort or data change).

        While the model resets, :attr:`refreshing` says whether the list is the same
        (filter and sort) read again, so a view can keep its selection by case ids.
        """
        window = self._window
        self.refreshing = window is not None and self._cases is not None and (
            window.case_filter, window.sort, window.descending) == (
            self._filter, self._sort_key, self._descending)
        self.beginResetModel()
        self._window = None  # a failed read below leaves the list empty, not stale
        if self._cases is not None:
            try:
                self._window = CaseWindow(self._cases, self._filter, self._sort_key,
                                          self._descending)
            finally:
                self.endResetModel()
            return
        self.endResetModel()

    @property
    def window(self) -> CaseWindow | None:
        """The window on the list (None while locked)."""
        return self._window

    def case_id(self, row: int) -> int:
        """The case shown in ``row``.

        Raises:
            IndexError: the list has no such row.
        """
        found = None if self._window is None else self._window.case_id(row)
        if found is None:
            raise IndexError(row)
        return found

    def row_of(self, case_id: int) -> int | None:
        """The row showing ``case_id``, or None if it is not in the list."""
        return None if self._window is None else self._window.position(case_id)

    def reference(self, row: int) -> str:
        """The case reference (e.g. ``SUO-2020-00042``) shown in ``row``."""
        loaded = self._row(row)
        return loaded.reference if loaded is not None else ""

    def case_ids_in(self, selection: QItemSelection) -> list[int]:
        """The cases of the rows ``selection`` covers, in list order (select-all over
        200,000 rows reads their ids in a few large keyset chunks)."""
        if self._window is None:
            return []
        found: list[int] = []
        for start, stop in row_spans(selection):
            found += self._window.case_ids(start, stop)
        return found

    def _row(self, row: int) -> CaseRow | None:
        return None if self._window is None else self._window.row(row)

    # -- Qt overrides --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() or self._window is None else self._window.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override of QAbstractItemModel.data."""
        # The view asks for a dozen roles per cell each paint: those not shown are
        # turned away first, before anything else is looked at.
        window = self._window
        if role not in _ROLES or window is None or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < window.count:
            return None
        if role == CASE_ID_ROLE:
            return window.case_id(number)
        row = window.row(number)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return risk_icon(row.risk_level) if index.column() == RISK_COLUMN else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return readable(_MUTED) if row.status == "closed" else None
        attribute = COLUMNS[index.column()][2]
        value = getattr(row, attribute)
        if value is None:
            return ""
        if attribute == "status":
            return status_label(value)
        if attribute == "risk_level":
            return risk_label(value)
        if hasattr(value, "strftime"):
            return date_text(value)
        return str(value).replace("_", " ")

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Override of QAbstractItemModel.headerData."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Override of QAbstractItemModel.sort: the database sorts, by the column's key."""
        self.set_sort(column, order)


def row_spans(selection: QItemSelection) -> list[tuple[int, int]]:
    """The rows ``selection`` covers as ordered, merged (start, stop) spans."""
    ranges = (selection.at(i) for i in range(selection.size()))
    spans = sorted((r.top(), r.bottom() + 1) for r in ranges if r.isValid())
    merged: list[tuple[int, int]] = []
    for start, stop in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def selected_row_count(selection: QItemSelection) -> int:
    """How many rows ``selection`` covers (without an index per row)."""
    return sum(stop - start for start, stop in row_spans(selection))
