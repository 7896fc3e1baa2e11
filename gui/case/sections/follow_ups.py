"""The Follow-ups tab: open ones first by due date; ticking Done saves at once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from gui.case.sections.base import MUTED_COLOUR, OVERDUE_COLOUR, CaseHost, RecordSection
from gui.shared.labels import yes_no
from gui.shared.qt_types import Index
from gui.shared.record_table import Column, RecordTableModel
from gui.shared.style import readable
from models.domain.base import local_today
from models.domain.dto import FollowUpData
from models.domain.formatting import date_text, datetime_text
from models.security.permissions import Operation, allows


class FollowUpModel(RecordTableModel):
    """Follow-ups, open ones first by due date; the Done column is a checkbox."""

    DONE_COLUMN = 0
    #: Asks to mark (True) or unmark (False) a follow-up done; the host saves it.
    done_toggled = Signal(object, bool)

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Done"), lambda f: ""),
        Column(QT_TRANSLATE_NOOP("columns", "Due"), lambda f: date_text(f.due_on)),
        Column(QT_TRANSLATE_NOOP("columns", "Assignee"), lambda f: f.assignee_name or ""),
        Column(QT_TRANSLATE_NOOP("columns", "Completed"), lambda f: datetime_text(f.done_at)),
        Column(QT_TRANSLATE_NOOP("columns", "Description"), lambda f: f.description),
    )

    def __init__(self, parent: QWidget | None = None, *, checkable: bool = True) -> None:
        super().__init__(parent)
        self.checkable = checkable
        self.today = local_today()

    def set_records(self, records: Iterable[Any]) -> None:
        self.today = local_today()
        super().set_records(sorted(records, key=lambda f: (f.done, f.due_on, f.id)))

    def foreground(self, record: Any, column: int) -> QColor | None:
        if record.done:
            return readable(MUTED_COLOUR)
        if record.due_on < self.today:
            return readable(OVERDUE_COLOUR)
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        if not record.done and record.due_on < self.today:
            return QCoreApplication.translate("sections", "Overdue")
        if not record.done and record.due_on == self.today:
            return QCoreApplication.translate("sections", "Due today")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data: the Done column is a check state."""
        if (role == Qt.ItemDataRole.CheckStateRole and index.isValid()
                and index.column() == self.DONE_COLUMN):
            record = self.record(index.row())
            if record is None:
                return None
            return Qt.CheckState.Checked if record.done else Qt.CheckState.Unchecked
        if (role == Qt.ItemDataRole.AccessibleTextRole and index.isValid()
                and index.column() == self.DONE_COLUMN):
            record = self.record(index.row())
            return None if record is None else yes_no(record.done)
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override of QAbstractItemModel.flags: Done is checkable where edits are allowed."""
        flags = super().flags(index)
        if index.isValid() and index.column() == self.DONE_COLUMN and self.checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(  # noqa: N802
        self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Override of QAbstractItemModel.setData: ticking Done asks the host to save it.

        The model itself changes only when the saved case is loaded again.
        """
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != self.DONE_COLUMN or not self.checkable):
            return False
        record = self.record(index.row())
        if record is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked != record.done:
            self.done_toggled.emit(record, checked)
        return True



class FollowUpSection(RecordSection):
    """Follow-ups; ticking Done (or Mark done) saves at once."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        may_edit = allows(host.role, Operation.EDIT_FOLLOW_UPS)
        super().__init__(host, "follow_up", FollowUpModel(checkable=may_edit),
                         edit_operation=Operation.EDIT_FOLLOW_UPS, parent=parent)
        self.model.done_toggled.connect(self._toggle)
        self.done_button = QPushButton(self.tr("&Mark done"))
        self.done_button.setObjectName("followUpDone")
        self.done_button.setAccessibleName(self.tr("Mark the selected follow-up done"))
        self.done_button.clicked.connect(self.mark_current_done)
        self.done_button.setVisible(may_edit)
        self.buttons.insertWidget(2, self.done_button)
        self._update_buttons()

    def empty_text(self) -> str:
        return self.tr("No follow-ups planned.")

    def mark_current_done(self) -> bool:
        record = self.current_record()
        if record is None or record.done:
            return False
        return self.host.forms.set_follow_up_done(record, True)

    def _toggle(self, record: FollowUpData, done: bool) -> None:
        self.host.forms.set_follow_up_done(record, done)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "done_button"):
            record = self.current_record()
            self.done_button.setEnabled(record is not None and not record.done)
