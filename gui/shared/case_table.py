"""The case list: a table model over case ids, rows loaded on demand.

Only the ids of the matching cases are held (a few hundred kilobytes at 40,000 cases);
the displayed columns are fetched a page at a time when a row first becomes visible, as
in Anki's browser table. Sorting and filtering ask the service for a new id list. The
risk level carries a small coloured dot and closed cases are shown muted.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt

from gui.shared.labels import risk_label, status_label
from gui.shared.qt_types import Index
from gui.shared.style import MUTED_COLOUR, readable, risk_icon
from models.domain.dto import CaseFilter, CaseRow
from models.domain.formatting import date_text
from models.services.case_list import CaseListService

PAGE_SIZE = 200
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
_MUTED = MUTED_COLOUR


class CaseTableModel(QAbstractTableModel):
    """The case list. ``cases`` is ``None`` while the window is locked (the list is empty)."""

    def __init__(self, cases: CaseListService | None, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._cases = cases
        self._ids: list[int] = []
        self._rows: dict[int, CaseRow] = {}
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
        """Forget every id, row and the search filter, and the service (for the idle lock).

        The sort order is kept: it holds no personal data and comes back after unlocking.
        """
        self.beginResetModel()
        self._cases = None
        self._ids = []
        self._rows.clear()
        self._filter = CaseFilter()
        self.endResetModel()

    def reload(self) -> None:
        """Fetch the id list again (after a filter, sort or data change)."""
        self.beginResetModel()
        self._ids = (
            []
            if self._cases is None
            else self._cases.list_case_ids(self._filter, self._sort_key, self._descending)
        )
        self._rows.clear()
        self.endResetModel()

    def case_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, case_id: int) -> int | None:
        """The row showing ``case_id``, or None if it is not in the list."""
        try:
            return self._ids.index(case_id)
        except ValueError:
            return None

    def reference(self, row: int) -> str:
        """The case reference (e.g. ``SUO-2020-00042``) shown in ``row``."""
        loaded = self._row(row)
        return loaded.reference if loaded is not None else ""

    def _row(self, row: int) -> CaseRow | None:
        case_id = self._ids[row]
        cached = self._rows.get(case_id)
        if cached is None and self._cases is not None:
            start = row - row % PAGE_SIZE
            page = self._ids[start : start + PAGE_SIZE]
            for loaded in self._cases.case_rows(page):
                self._rows[loaded.case_id] = loaded
            cached = self._rows.get(case_id)
        return cached

    # -- Qt overrides --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CASE_ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self._row(index.row())
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
