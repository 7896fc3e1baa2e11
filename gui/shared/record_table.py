"""A read-only table over a few plain records of one kind: :class:`RecordTableModel` and
the :class:`Column` declarations its subclasses make.

The case view's tabs, the caseload, the audit log's grants and the accounts list all
show short lists this way (the whole list is held: tens of records, not thousands).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from gui.shared.qt_types import Index

#: The record's id (``int``), or ``None`` for a checklist line not started yet.
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The record itself (a frozen dataclass from ``models.domain.dto``).
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """One column of a record table: its header and how a record shows in it."""

    title: str  # marked with QT_TRANSLATE_NOOP("columns", …)
    text: Callable[[Any], str]
    align_right: bool = False
    #: Free text that gives way (elides) when the table is narrow, so the columns of a
    #: fixed form after it stay whole; the last column does so when none is marked.
    elides: bool = False


class RecordTableModel(QAbstractTableModel):
    """A read-only table over a few records of one kind; subclasses declare the columns."""

    columns: tuple[Column, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []

    # -- contents ---------------------------------------------------------------------

    def set_records(self, records: Iterable[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def clear(self) -> None:
        self.set_records(())

    def record(self, row: int) -> Any | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def records(self) -> tuple[Any, ...]:
        return tuple(self._records)

    def record_id(self, record: Any) -> int | None:
        return record.id

    def row_of(self, record_id: int | None) -> int | None:
        if record_id is None:
            return None
        for row, record in enumerate(self._records):
            if self.record_id(record) == record_id:
                return row
        return None

    # -- hooks for subclasses -----------------------------------------------------------

    def foreground(self, record: Any, column: int) -> QColor | None:
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        return None

    def decoration(self, record: Any, column: int) -> Any:
        return None

    # -- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or index.parent().isValid():
            return None
        record = self.record(index.row())
        column = index.column()
        if record is None or not 0 <= column < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[column].text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[column].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ID_ROLE:
            return self.record_id(record)
        if role == RECORD_ROLE:
            return record
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Override of QAbstractItemModel.headerData."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate("columns", self.columns[section].title)
        return None
