"""What every tab of the case view shares: :class:`RecordSection` (a table of one kind of
record with Add, Edit and Remove), the table's set-up, the colours of text that needs
attention, and :class:`CaseHost`.

The tabs never call services or open dialogs themselves: they ask their host (the
:class:`~gui.case.case_view.CaseView`), which owns the session, the dialogs and the error
handling. A tab's list is a :class:`~gui.shared.record_table.RecordTableModel` over the
plain data objects of a :class:`~models.domain.dto.CaseDetail` (tens of records, all kept).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.case.case_forms import CaseForms
from gui.case.files import CaseFiles
from gui.shared import style
from gui.shared.record_table import RecordTableModel
from gui.shared.style import monospace_font, readable_style
from models.domain.enums import Role
from models.security.permissions import Operation, allows

#: Calm colours for text that needs attention.
OVERDUE_COLOUR = QColor("#a3261b")
SOON_COLOUR = QColor("#8a5a00")
DONE_COLOUR = QColor("#2e6b34")
MUTED_COLOUR = QColor(style.MUTED_COLOUR)
SOON_DAYS = 30


#: Each kind's table's accessible name (the records it lists) and its buttons' accessible
#: names, whole sentences so that each language can inflect the noun.
ACCESSIBLE_NAMES: dict[str, tuple[str, str, str, str]] = {
    "extortion_contact": (
        QT_TRANSLATE_NOOP("RecordSection", "Extortion contacts"),
        QT_TRANSLATE_NOOP("RecordSection", "Add extortion contact"),
        QT_TRANSLATE_NOOP("RecordSection", "Edit the selected extortion contact"),
        QT_TRANSLATE_NOOP("RecordSection", "Remove the selected extortion contact")),
    "police_report": (
        QT_TRANSLATE_NOOP("RecordSection", "Police reports"),
        QT_TRANSLATE_NOOP("RecordSection", "Add police report"),
        QT_TRANSLATE_NOOP("RecordSection", "Edit the selected police report"),
        QT_TRANSLATE_NOOP("RecordSection", "Remove the selected police report")),
    "support_session": (
        QT_TRANSLATE_NOOP("RecordSection", "Support sessions"),
        QT_TRANSLATE_NOOP("RecordSection", "Add support session"),
        QT_TRANSLATE_NOOP("RecordSection", "Edit the selected support session"),
        QT_TRANSLATE_NOOP("RecordSection", "Remove the selected support session")),
    "protective_action": (
        QT_TRANSLATE_NOOP("RecordSection", "Protective actions"),
        QT_TRANSLATE_NOOP("RecordSection", "Add protective action"),
        QT_TRANSLATE_NOOP("RecordSection", "Edit the selected protective action"),
        QT_TRANSLATE_NOOP("RecordSection", "Remove the selected protective action")),
    "follow_up": (
        QT_TRANSLATE_NOOP("RecordSection", "Follow-ups"),
        QT_TRANSLATE_NOOP("RecordSection", "Add follow-up"),
        QT_TRANSLATE_NOOP("RecordSection", "Edit the selected follow-up"),
        QT_TRANSLATE_NOOP("RecordSection", "Remove the selected follow-up")),
    "attachment": (
        QT_TRANSLATE_NOOP("RecordSection", "Attachments"),
        QT_TRANSLATE_NOOP("RecordSection", "Add attachment"),
        QT_TRANSLATE_NOOP("RecordSection", "Edit the selected attachment"),
        QT_TRANSLATE_NOOP("RecordSection", "Remove the selected attachment")),
}


def one_line(text: str, limit: int = 120) -> str:
    """The first line of ``text``, shortened for a table cell."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class CaseHost(Protocol):
    """What a tab needs from the case view (implemented by :class:`gui.case.case_view.CaseView`)."""

    @property
    def role(self) -> Role: ...

    @property
    def forms(self) -> CaseForms: ...

    @property
    def files(self) -> CaseFiles: ...

    def protective_action_catalogue(self) -> list[tuple[str, str, str]]: ...


def record_table(model: QAbstractTableModel, name: str, accessible: str) -> QTableView:
    """A table view set up the same way in every tab."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(table.fontMetrics().horizontalAdvance("M") * 5)
    header.setHighlightSections(False)
    return table


class RecordSection(QWidget):
    """A tab: a table of one kind of record with Add, Edit and Remove.

    Args:
        host: the case view.
        kind: the record kind the host's ``edit_record`` understands ("police_report"…).
        model: the table's model.
        edit_operation: the operation that allows adding and editing (buttons are hidden
            without it; the services decide in the end).
        removable: whether records of this kind can be removed at all.
    """

    #: The current record changed (or ``None``).
    current_changed = Signal(object)

    def __init__(
        self, host: CaseHost, kind: str, model: RecordTableModel, *,
        edit_operation: Operation, removable: bool = True, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.kind = kind
        self.model = model
        noun, add_name, edit_name, remove_name = (
            QCoreApplication.translate("RecordSection", text)
            for text in ACCESSIBLE_NAMES[kind])
        self.noun = noun
        self.may_edit = allows(host.role, edit_operation)
        self.setObjectName(f"{kind}Section")

        self.table = record_table(model, f"{kind}Table", noun)
        self.table.doubleClicked.connect(self._edit_current)
        self.table.activated.connect(self._edit_current)  # Enter on a row
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName(f"{kind}Add")
        self.add_button.setAccessibleName(add_name)
        self.add_button.clicked.connect(self.add_record)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName(f"{kind}Edit")
        self.edit_button.setAccessibleName(edit_name)
        self.edit_button.clicked.connect(self._edit_current)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setObjectName(f"{kind}Remove")
        self.remove_button.setAccessibleName(remove_name)
        self.remove_button.clicked.connect(self.remove_current)
        self.remove_action = QAction(self.tr("Remove"), self.table)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.table.addAction(self.remove_action)

        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        for button in (self.add_button, self.edit_button):
            button.setVisible(self.may_edit)
        self.remove_button.setVisible(self.may_edit and removable)
        self.remove_action.setEnabled(self.may_edit and removable)
        self.removable = removable

        self.empty_label = QLabel()
        self.empty_label.setObjectName(f"{kind}Empty")
        self.empty_label.setStyleSheet(readable_style(style.MUTED_COLOUR, "padding: 4px 2px;"))
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.buttons)
        self.layout_.addWidget(self.empty_label)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.addWidget(self.table)
        self.layout_.addWidget(self.body, 1)
        self._update_buttons()

    # -- contents ---------------------------------------------------------------------

    def show_records(self, records: Iterable[Any]) -> None:
        """Show ``records``, keeping the selected one selected if it is still there."""
        current = self.current_record()
        keep = self.selection_key(current) if current is not None else None
        self.set_model_records(records)
        row = self.row_of_key(keep) if keep is not None else None
        if row is None and current is not None and self.model.rowCount():
            row = 0
        if row is not None:
            self.select_row(row)
        else:
            self._on_current_changed()
        self._fit_columns()
        empty = self.model.rowCount() == 0
        self.empty_label.setText(self.empty_text())
        self.empty_label.setVisible(empty)

    def set_model_records(self, records: Iterable[Any]) -> None:
        self.model.set_records(records)

    def selection_key(self, record: Any) -> Any:
        """What identifies the selected record across a reload."""
        return self.model.record_id(record)

    def row_of_key(self, key: Any) -> int | None:
        return self.model.row_of(key)

    def empty_text(self) -> str:
        return self.tr("Nothing recorded yet.")

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        last = self.model.columnCount() - 1
        limit = max(self.fontMetrics().horizontalAdvance("M") * 28, 200)
        columns = getattr(self.model, "columns", ())
        giving = next((number for number, column in enumerate(columns) if column.elides),
                      None)
        for column in range(last + (giving is not None)):
            if column == giving:
                continue
            self.table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column) + 8, limit))
        if giving is not None:
            # This free-text column takes what the others leave, down to its title.
            header.setStretchLastSection(False)
            header.setSectionResizeMode(giving, QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(header.sectionSizeFromContents(giving).width())
            return
        # The stretched last column keeps the size it had as its minimum: start it small,
        # but with room for its title (and sort arrow).
        header.setStretchLastSection(False)
        header.resizeSection(last, max(header.defaultSectionSize(),
                                       header.sectionSizeFromContents(last).width()))
        header.setStretchLastSection(True)

    def clear(self) -> None:
        self.model.clear()

    def current_record(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(index.row())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_record(self, record_id: int | None) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    # -- actions ----------------------------------------------------------------------

    def add_record(self) -> QWidget | None:
        if not self.may_edit:
            return None
        return self.host.forms.edit_record(self.kind, None)

    def edit_current(self) -> QWidget | None:
        record = self.current_record()
        if record is None or not self.may_edit:
            return None
        return self.host.forms.edit_record(self.kind, record)

    def _edit_current(self, *_args: object) -> None:
        self.edit_current()

    def remove_current(self) -> bool:
        record = self.current_record()
        if record is None or not (self.may_edit and self.removable):
            return False
        return self.host.forms.remove_record(self.kind, record)

    def _on_current_changed(self, *_args: object) -> None:
        focused = QApplication.focusWidget()
        self._update_buttons()
        if (focused is not None and self.isAncestorOf(focused) and not focused.isEnabled()
                and self.table.isVisible()):
            # A button that had the keyboard focus is disabled now (Mark done, once done):
            # Qt passed the focus on to the next widget of the window, the header's Reveal,
            # where the next Space would reveal the identity code. The list keeps it.
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.current_changed.emit(self.current_record())

    def _update_buttons(self) -> None:
        has = self.current_record() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)


def detail_label(name: str) -> QLabel:
    """A read-only value in a detail pane (selectable, wrapping)."""
    value = QLabel()
    value.setObjectName(name)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


def detail_line(name: str) -> QLineEdit:
    """A read-only one-line value that scrolls rather than widening the pane."""
    value = QLineEdit()
    value.setObjectName(name)
    value.setReadOnly(True)
    value.setFrame(False)
    value.setStyleSheet("QLineEdit { background: transparent; border: none; padding: 0; }")
    return value



def monospace() -> QFont:
    """A fixed-width font (wallet addresses, SHA-256 digests)."""
    return monospace_font()
