"""The case view's tabs: what each kind of record looks like, its item model and its tab.

Every list here is a ``QAbstractTableModel`` over the plain data objects of a
:class:`~models.domain.dto.CaseDetail` (a case holds tens of records, so the whole section is
kept). The tab widgets never call services or open dialogs themselves: they ask their
:class:`CaseHost` (the :class:`~gui.case.case_view.CaseView`), which owns the session, the
dialogs and the error handling.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.shared.qt_types import Index
from gui.shared.record_table import Column, RecordTableModel
from models.domain.base import local_today
from models.domain.dto import (
    AttachmentInfo,
    CaseDetail,
    ExtortionContactData,
    FollowUpData,
    ProtectiveActionData,
    SupportSessionData,
)
from models.domain.enums import ActionState, Role
from models.domain.formatting import date_text, datetime_text, money_text, size_text
from models.security.permissions import Operation, allows

#: Calm colours for text that needs attention.
OVERDUE_COLOUR = QColor("#a3261b")
SOON_COLOUR = QColor("#8a5a00")
DONE_COLOUR = QColor("#2e6b34")
MUTED_COLOUR = QColor("#6b6b6b")
SOON_DAYS = 30


# -- labels -----------------------------------------------------------------------------

_LABELS: dict[str, dict[str, str]] = {
    "channel": {
        "email": QT_TRANSLATE_NOOP("labels", "E-mail"),
        "sms": QT_TRANSLATE_NOOP("labels", "Text message"),
        "letter": QT_TRANSLATE_NOOP("labels", "Letter"),
        "phone": QT_TRANSLATE_NOOP("labels", "Phone call"),
        "social_media": QT_TRANSLATE_NOOP("labels", "Social media"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "currency": {
        "EUR": QT_TRANSLATE_NOOP("labels", "Euro (€)"),
        "BTC": QT_TRANSLATE_NOOP("labels", "Bitcoin (BTC)"),
        "USD": QT_TRANSLATE_NOOP("labels", "US dollar (USD)"),
    },
    "report_state": {
        "filed": QT_TRANSLATE_NOOP("labels", "Filed"),
        "statement_submitted": QT_TRANSLATE_NOOP("labels", "Statement form submitted"),
        "under_investigation": QT_TRANSLATE_NOOP("labels", "Under investigation"),
        "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    },
    "mode": {
        "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
        "in_person": QT_TRANSLATE_NOOP("labels", "In person"),
        "video": QT_TRANSLATE_NOOP("labels", "Video"),
        "chat": QT_TRANSLATE_NOOP("labels", "Chat"),
    },
    "referral": {
        "none": QT_TRANSLATE_NOOP("labels", "No referral"),
        "riku": QT_TRANSLATE_NOOP("labels", "Victim Support Finland (RIKU, 116 006)"),
        "psychiatric": QT_TRANSLATE_NOOP("labels", "Psychiatric care"),
        "health_centre": QT_TRANSLATE_NOOP("labels", "Health centre"),
        "legal_aid": QT_TRANSLATE_NOOP("labels", "Legal aid"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "action_state": {
        "not_started": QT_TRANSLATE_NOOP("labels", "Not started"),
        "in_progress": QT_TRANSLATE_NOOP("labels", "In progress"),
        "done": QT_TRANSLATE_NOOP("labels", "Done"),
        "declined": QT_TRANSLATE_NOOP("labels", "Declined by the victim"),
        "not_applicable": QT_TRANSLATE_NOOP("labels", "Not applicable"),
    },
    "grounds": {
        "repeated_misuse": QT_TRANSLATE_NOOP("labels", "Repeated misuse causing significant harm"),
        "safety_threat": QT_TRANSLATE_NOOP("labels", "Threat to safety (police threat assessment)"),
    },
    "decision": {
        "pending": QT_TRANSLATE_NOOP("labels", "Pending"),
        "granted": QT_TRANSLATE_NOOP("labels", "Granted"),
        "refused": QT_TRANSLATE_NOOP("labels", "Refused"),
    },
    "risk": {
        "acute": QT_TRANSLATE_NOOP("labels", "Acute risk"),
        "high": QT_TRANSLATE_NOOP("labels", "High risk"),
        "medium": QT_TRANSLATE_NOOP("labels", "Medium risk"),
        "low": QT_TRANSLATE_NOOP("labels", "Low risk"),
    },
    "status": {
        "new": QT_TRANSLATE_NOOP("labels", "New"),
        "open": QT_TRANSLATE_NOOP("labels", "Open"),
        "waiting": QT_TRANSLATE_NOOP("labels", "Waiting"),
        "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    },
    "closure": {
        "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
        "referred": QT_TRANSLATE_NOOP("labels", "Referred elsewhere"),
        "declined": QT_TRANSLATE_NOOP("labels", "Victim declined help"),
        "unreachable": QT_TRANSLATE_NOOP("labels", "Victim unreachable"),
        "duplicate": QT_TRANSLATE_NOOP("labels", "Duplicate case"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "language": {
        "fi": QT_TRANSLATE_NOOP("labels", "Finnish"),
        "sv": QT_TRANSLATE_NOOP("labels", "Swedish"),
        "en": QT_TRANSLATE_NOOP("labels", "English"),
    },
    "role": {
        "counsellor": QT_TRANSLATE_NOOP("labels", "Counsellor"),
        "police_liaison": QT_TRANSLATE_NOOP("labels", "Police liaison"),
        "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
        "administrator": QT_TRANSLATE_NOOP("labels", "Administrator"),
    },
}


def label(kind: str, value: object) -> str:
    """The translated display text of a stored value (``label("channel", "sms")``)."""
    if value is None:
        return ""
    text = _LABELS[kind].get(str(value))
    return QCoreApplication.translate("labels", text) if text else str(value)


def options(kind: str) -> list[tuple[str, str]]:
    """(display text, stored value) pairs for a combo box, in declaration order."""
    return [(label(kind, value), value) for value in _LABELS[kind]]


def tr(text: str) -> str:
    """Translate in this module's context (for functions outside a QObject)."""
    return QCoreApplication.translate("case_sections", text)


# -- formatting -----------------------------------------------------------------------------


def yes_no(value: bool) -> str:
    return tr("Yes") if value else tr("No")


def one_line(text: str, limit: int = 120) -> str:
    """The first line of ``text``, shortened for a table cell."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


# -- item models ----------------------------------------------------------------------------


def _money_demanded(c: ExtortionContactData) -> str:
    return money_text(c.amount_demanded, c.currency)


def _paid(c: ExtortionContactData) -> str:
    if not c.paid:
        return tr("Not paid")
    if c.amount_paid is None:
        return tr("Paid")
    return tr("Paid {amount}").format(amount=money_text(c.amount_paid, c.currency))


class ExtortionContactModel(RecordTableModel):
    """The extortion messages a victim received, oldest first."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Received"), lambda c: datetime_text(c.received_at)),
        Column(QT_TRANSLATE_NOOP("columns", "Channel"), lambda c: label("channel", c.channel)),
        Column(QT_TRANSLATE_NOOP("columns", "Sender"), lambda c: c.sender, elides=True),
        Column(QT_TRANSLATE_NOOP("columns", "Demanded"), _money_demanded, align_right=True),
        Column(QT_TRANSLATE_NOOP("columns", "Deadline"), lambda c: datetime_text(c.deadline_at)),
        Column(QT_TRANSLATE_NOOP("columns", "Paid"), _paid),
        Column(QT_TRANSLATE_NOOP("columns", "Police"), lambda c: yes_no(c.handed_to_police)),
    )

    def set_records(self, records: Iterable[Any]) -> None:
        super().set_records(sorted(records, key=lambda c: (c.received_at, c.id)))

    def foreground(self, record: Any, column: int) -> QColor | None:
        if column == 5 and record.paid:
            return OVERDUE_COLOUR
        return None


class PoliceReportModel(RecordTableModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Report number"), lambda r: r.report_number),
        Column(QT_TRANSLATE_NOOP("columns", "Police department"), lambda r: r.department,
               elides=True),
        Column(QT_TRANSLATE_NOOP("columns", "Filed on"), lambda r: date_text(r.filed_on)),
        Column(QT_TRANSLATE_NOOP("columns", "State"), lambda r: label("report_state", r.state)),
        Column(QT_TRANSLATE_NOOP("columns", "Victim has a copy"),
               lambda r: yes_no(r.victim_has_copy)),
    )


def _distress(s: SupportSessionData) -> str:
    return "" if s.distress_level is None else f"{s.distress_level}/10"


class SupportSessionModel(RecordTableModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Started"), lambda s: datetime_text(s.started_at)),
        Column(QT_TRANSLATE_NOOP("columns", "Minutes"), lambda s: str(s.duration_minutes),
               align_right=True),
        Column(QT_TRANSLATE_NOOP("columns", "Mode"), lambda s: label("mode", s.mode)),
        Column(QT_TRANSLATE_NOOP("columns", "Counsellor"), lambda s: s.counsellor_name or ""),
        Column(QT_TRANSLATE_NOOP("columns", "Distress"), _distress, align_right=True),
        Column(QT_TRANSLATE_NOOP("columns", "Referral"), lambda s: label("referral", s.referral)),
        Column(QT_TRANSLATE_NOOP("columns", "Next follow-up"),
               lambda s: date_text(s.next_follow_up_on)),
        Column(QT_TRANSLATE_NOOP("columns", "Outcome"), lambda s: one_line(s.outcome)),
    )

    def set_records(self, records: Iterable[Any]) -> None:
        super().set_records(sorted(records, key=lambda s: (s.started_at, s.id)))


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
            return MUTED_COLOUR
        if record.due_on < self.today:
            return OVERDUE_COLOUR
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        if not record.done and record.due_on < self.today:
            return tr("Overdue")
        if not record.done and record.due_on == self.today:
            return tr("Due today")
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


class AttachmentModel(RecordTableModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "File name"), lambda a: a.filename),
        Column(QT_TRANSLATE_NOOP("columns", "Type"), lambda a: a.media_type),
        Column(QT_TRANSLATE_NOOP("columns", "Size"), lambda a: size_text(a.size_bytes),
               align_right=True),
        Column(QT_TRANSLATE_NOOP("columns", "Added"), lambda a: datetime_text(a.added_at)),
        Column(QT_TRANSLATE_NOOP("columns", "SHA-256"), lambda a: a.sha256),
    )

    def tooltip(self, record: Any, column: int) -> str | None:
        return f"SHA-256 {record.sha256}" if column == 4 else None


@dataclass(frozen=True)
class ChecklistLine:
    """One line of the protective-action checklist: a catalogue step and its record."""

    code: str
    title: str
    guidance: str
    action: ProtectiveActionData | None

    @property
    def id(self) -> int | None:
        return self.action.id if self.action else None

    @property
    def state(self) -> str:
        return self.action.state if self.action else ActionState.NOT_STARTED.value


def _expiry(line: ChecklistLine) -> str:
    return date_text(line.action.expires_on) if line.action else ""


class ProtectiveActionModel(RecordTableModel):
    """The checklist: every catalogue step, started or not, in the order of the catalogue."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Protective action"), lambda line: line.title),
        Column(QT_TRANSLATE_NOOP("columns", "State"), lambda line: label("action_state",
                                                                          line.state)),
        Column(QT_TRANSLATE_NOOP("columns", "Date"),
               lambda line: date_text(line.action.state_on) if line.action else ""),
        Column(QT_TRANSLATE_NOOP("columns", "Expires"), _expiry),
        Column(QT_TRANSLATE_NOOP("columns", "Note"),
               lambda line: one_line(line.action.note) if line.action else ""),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = local_today()

    def set_checklist(self, catalogue: Sequence[tuple[str, str, str]],
                      actions: Iterable[ProtectiveActionData]) -> None:
        """Lines for every catalogue step; a step recorded twice shows twice."""
        self.today = local_today()
        by_code: dict[str, list[ProtectiveActionData]] = {}
        for action in actions:
            by_code.setdefault(action.type_code, []).append(action)
        lines: list[ChecklistLine] = []
        known = set()
        for code, title, guidance in catalogue:
            known.add(code)
            recorded = by_code.get(code) or [None]
            lines.extend(ChecklistLine(code, title, guidance, action) for action in recorded)
        for code, recorded in by_code.items():  # a step no longer in the catalogue
            if code not in known:
                lines.extend(ChecklistLine(code, a.title or code, "", a) for a in recorded)
        self.set_records(lines)

    def row_of_code(self, code: str) -> int | None:
        for row, line in enumerate(self._records):
            if line.code == code:
                return row
        return None

    def foreground(self, record: Any, column: int) -> QColor | None:
        action = record.action
        if action is None or action.state == ActionState.NOT_STARTED.value:
            return MUTED_COLOUR
        if column == 3 and action.expires_on is not None:
            if action.expires_on < self.today:
                return OVERDUE_COLOUR
            if (action.expires_on - self.today).days <= SOON_DAYS:
                return SOON_COLOUR
        if column == 1 and action.state == ActionState.DONE.value:
            return DONE_COLOUR
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        action = record.action
        if column == 3 and action is not None and action.expires_on is not None:
            if action.expires_on < self.today:
                return tr("Expired: renew it or record that it is no longer needed")
            if (action.expires_on - self.today).days <= SOON_DAYS:
                return tr("Expires within {days} days").format(days=SOON_DAYS)
        return record.guidance or None


# -- the host the tabs talk to ---------------------------------------------------------------


class CaseHost(Protocol):
    """What a tab needs from the case view (implemented by :class:`gui.case.case_view.CaseView`)."""

    @property
    def role(self) -> Role: ...

    @property
    def detail(self) -> CaseDetail: ...

    def protective_action_catalogue(self) -> list[tuple[str, str, str]]: ...

    def edit_record(self, kind: str, record: Any | None, **extra: Any) -> QWidget | None: ...

    def remove_record(self, kind: str, record: Any) -> bool: ...

    def set_follow_up_done(self, follow_up: FollowUpData, done: bool) -> bool: ...

    def add_files(self, paths: Sequence[Path], extortion_contact_id: int | None = None
                  ) -> None: ...

    def open_attachment(self, attachment: AttachmentInfo) -> None: ...

    def choose_files(self) -> list[Path]: ...


def choose_files(parent: QWidget) -> list[Path]:
    """Ask for evidence files (tests replace this)."""
    names, _filter = QFileDialog.getOpenFileNames(
        parent, tr("Add evidence files"), "",
        tr("Evidence (*.png *.jpg *.jpeg *.gif *.pdf *.eml *.msg *.txt *.html *.htm);;"
           "All files (*)"),
    )
    return [Path(name) for name in names]


def local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries (nothing for text, links or remote URLs)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


# -- the tabs --------------------------------------------------------------------------------


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
        edit_operation: Operation, removable: bool = True, noun: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.kind = kind
        self.model = model
        self.noun = noun
        self.may_edit = allows(host.role, edit_operation)
        self.setObjectName(f"{kind}Section")

        self.table = record_table(model, f"{kind}Table", noun)
        self.table.doubleClicked.connect(self._edit_current)
        self.table.activated.connect(self._edit_current)  # Enter on a row
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName(f"{kind}Add")
        self.add_button.setAccessibleName(self.tr("Add {noun}").format(noun=noun))
        self.add_button.clicked.connect(self.add_record)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName(f"{kind}Edit")
        self.edit_button.setAccessibleName(self.tr("Edit the selected {noun}").format(noun=noun))
        self.edit_button.clicked.connect(self._edit_current)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setObjectName(f"{kind}Remove")
        self.remove_button.setAccessibleName(
            self.tr("Remove the selected {noun}").format(noun=noun))
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
        self.empty_label.setStyleSheet("color: #5a5a5a; padding: 4px 2px;")
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
        return self.host.edit_record(self.kind, None)

    def edit_current(self) -> QWidget | None:
        record = self.current_record()
        if record is None or not self.may_edit:
            return None
        return self.host.edit_record(self.kind, record)

    def _edit_current(self, *_args: object) -> None:
        self.edit_current()

    def remove_current(self) -> bool:
        record = self.current_record()
        if record is None or not (self.may_edit and self.removable):
            return False
        return self.host.remove_record(self.kind, record)

    def _on_current_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.current_changed.emit(self.current_record())

    def _update_buttons(self) -> None:
        has = self.current_record() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)


def _detail_label(name: str) -> QLabel:
    value = QLabel()
    value.setObjectName(name)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


def _detail_line(name: str) -> QLineEdit:
    value = QLineEdit()
    value.setObjectName(name)
    value.setReadOnly(True)
    value.setFrame(False)
    value.setStyleSheet("QLineEdit { background: transparent; border: none; padding: 0; }")
    return value


class ExtortionContactSection(RecordSection):
    """Extortion contacts: the table, and the selected message verbatim with its evidence."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "extortion_contact", ExtortionContactModel(),
                         edit_operation=Operation.EDIT_EXTORTION,
                         noun=tr("extortion contact"), parent=parent)
        self.evidence_model = AttachmentModel(self)
        self.may_attach = allows(host.role, Operation.EDIT_ATTACHMENTS)

        pane = QWidget()
        pane.setObjectName("contactDetail")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.detail_labels: dict[str, QLabel | QLineEdit] = {}
        for key, text in (
            ("received", self.tr("Received")), ("channel", self.tr("Channel")),
            ("sender", self.tr("Sender")), ("demanded", self.tr("Demanded")),
            ("wallet", self.tr("Wallet")), ("deadline", self.tr("Deadline")),
            ("paid", self.tr("Paid")), ("police", self.tr("Handed to police")),
        ):
            # Addresses are long single words: a read-only line scrolls them (and they can
            # be copied whole) instead of widening the window.
            value = (_detail_line(f"contact_{key}") if key in ("sender", "wallet")
                     else _detail_label(f"contact_{key}"))
            value.setAccessibleName(text)
            self.detail_labels[key] = value
            form.addRow(text + ":", value)
        self.detail_labels["wallet"].setFont(_monospace())
        self.message = QPlainTextEdit()
        self.message.setObjectName("contactMessage")
        self.message.setAccessibleName(self.tr("Message, verbatim"))
        self.message.setReadOnly(True)
        self.message.setTabChangesFocus(True)
        self.message.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        message_label = QLabel(self.tr("&Message, verbatim:"))
        message_label.setBuddy(self.message)

        self.evidence = QListView()
        self.evidence.setObjectName("contactEvidence")
        self.evidence.setAccessibleName(self.tr("Evidence files of this contact"))
        self.evidence.setModel(self.evidence_model)
        self.evidence.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence.doubleClicked.connect(self._open_evidence)
        self.evidence.activated.connect(self._open_evidence)
        self.evidence.setMaximumHeight(self.fontMetrics().height() * 6)
        evidence_label = QLabel(self.tr("Ev&idence:"))
        evidence_label.setBuddy(self.evidence)
        self.add_evidence_button = QPushButton(self.tr("Add evidence…"))
        self.add_evidence_button.setObjectName("contactAddEvidence")
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.add_evidence_button.setVisible(self.may_attach)
        self.open_evidence_button = QPushButton(self.tr("Open"))
        self.open_evidence_button.setObjectName("contactOpenEvidence")
        self.open_evidence_button.setAccessibleName(self.tr("Open the selected evidence file"))
        self.open_evidence_button.clicked.connect(self._open_evidence)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.open_evidence_button)
        evidence_buttons.addWidget(self.add_evidence_button)
        evidence_buttons.addStretch(1)

        column = QVBoxLayout(pane)
        column.setContentsMargins(8, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(message_label)
        column.addWidget(self.message, 3)
        column.addWidget(evidence_label)
        column.addWidget(self.evidence, 1)
        column.addLayout(evidence_buttons)
        self.pane = pane
        scroll = QScrollArea()  # the pane scrolls rather than making the window taller
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(pane)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.body_layout.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        em = self.fontMetrics().horizontalAdvance("M")
        # Proportions: the table gets two thirds, enough for its columns at 150 %.
        splitter.setSizes([em * 64, em * 32])
        self.body_layout.addWidget(splitter)
        self.current_changed.connect(self._show_contact)
        self._attachments: tuple[AttachmentInfo, ...] = ()
        self._show_contact(None)

    def show_contacts(self, contacts: Iterable[ExtortionContactData],
                      attachments: Iterable[AttachmentInfo] | None) -> None:
        self._attachments = tuple(attachments or ())
        self.show_records(contacts)
        if self.current_record() is None and self.model.rowCount():
            self.select_row(self.model.rowCount() - 1)  # the latest message
        self._show_contact(self.current_record())

    def empty_text(self) -> str:
        return self.tr("No extortion messages recorded. Add each message the victim received, "
                       "with the text copied exactly as it was written.")

    def _show_contact(self, contact: ExtortionContactData | None) -> None:
        labels = self.detail_labels
        self.pane.setEnabled(contact is not None)
        if contact is None:
            for value in labels.values():
                value.clear()
            self.message.clear()
            self.evidence_model.clear()
            self.open_evidence_button.setEnabled(False)
            self.add_evidence_button.setEnabled(False)
            return
        labels["received"].setText(datetime_text(contact.received_at))
        labels["channel"].setText(label("channel", contact.channel))
        labels["sender"].setText(contact.sender or self.tr("(not known)"))
        labels["demanded"].setText(money_text(contact.amount_demanded, contact.currency)
                                   or self.tr("(no amount)"))
        labels["wallet"].setText(contact.wallet_address or self.tr("(none)"))
        for key in ("sender", "wallet"):
            line = labels[key]
            if isinstance(line, QLineEdit):
                line.setCursorPosition(0)
        labels["deadline"].setText(datetime_text(contact.deadline_at) or self.tr("(none)"))
        labels["paid"].setText(_paid(contact))
        labels["police"].setText(yes_no(contact.handed_to_police))
        self.message.setPlainText(contact.message_text)
        self.evidence_model.set_records(
            a for a in self._attachments if a.extortion_contact_id == contact.id)
        self.open_evidence_button.setEnabled(self.evidence_model.rowCount() > 0)
        self.add_evidence_button.setEnabled(True)

    def add_evidence(self) -> None:
        contact = self.current_record()
        if contact is None:
            return
        paths = self.host.choose_files()
        if paths:
            self.host.add_files(paths, extortion_contact_id=contact.id)

    def _open_evidence(self, *_args: object) -> None:
        index = self.evidence.currentIndex()
        row = index.row() if index.isValid() else 0
        attachment = self.evidence_model.record(row)
        if attachment is not None:
            self.host.open_attachment(attachment)


class SupportSessionSection(RecordSection):
    """Support sessions with the selected session's confidential notes."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "support_session", SupportSessionModel(),
                         edit_operation=Operation.EDIT_SESSIONS, removable=False,
                         noun=tr("support session"), parent=parent)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("sessionNotes")
        self.notes.setAccessibleName(self.tr("Confidential notes of the selected session"))
        self.notes.setReadOnly(True)
        self.notes.setTabChangesFocus(True)
        self.outcome = _detail_label("sessionOutcome")
        notes_label = QLabel(self.tr("Confidential &notes:"))
        notes_label.setBuddy(self.notes)
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.outcome)
        column.addWidget(notes_label)
        column.addWidget(self.notes)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.body_layout.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body_layout.addWidget(splitter)
        self.current_changed.connect(self._show_session)

    def empty_text(self) -> str:
        return self.tr("No support sessions recorded yet.")

    def show_records(self, records: Iterable[Any]) -> None:
        """Show the sessions; with none selected, the latest one."""
        super().show_records(records)
        if self.current_record() is None and self.model.rowCount():
            self.select_row(self.model.rowCount() - 1)
        self._show_session(self.current_record())

    def _show_session(self, session: SupportSessionData | None) -> None:
        if session is None:
            self.notes.clear()
            self.outcome.clear()
            return
        self.outcome.setText(self.tr("Outcome: {outcome}").format(
            outcome=session.outcome or self.tr("(not recorded)")))
        self.notes.setPlainText(session.notes)


class PoliceReportSection(RecordSection):
    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "police_report", PoliceReportModel(),
                         edit_operation=Operation.EDIT_POLICE_REPORTS,
                         noun=tr("police report"), parent=parent)

    def empty_text(self) -> str:
        return self.tr("No police report numbers recorded. Only the number on the victim's "
                       "report copy counts (like 5500/R/12345/20), not the online service's "
                       "confirmation e-mail.")


class FollowUpSection(RecordSection):
    """Follow-ups; ticking Done (or Mark done) saves at once."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        may_edit = allows(host.role, Operation.EDIT_FOLLOW_UPS)
        super().__init__(host, "follow_up", FollowUpModel(checkable=may_edit),
                         edit_operation=Operation.EDIT_FOLLOW_UPS,
                         noun=tr("follow-up"), parent=parent)
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
        return self.host.set_follow_up_done(record, True)

    def _toggle(self, record: FollowUpData, done: bool) -> None:
        self.host.set_follow_up_done(record, done)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "done_button"):
            record = self.current_record()
            self.done_button.setEnabled(record is not None and not record.done)


class ProtectiveActionSection(RecordSection):
    """The checklist: every step is a line; editing a step not started records it."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "protective_action", ProtectiveActionModel(),
                         edit_operation=Operation.EDIT_PROTECTIVE_ACTIONS,
                         noun=tr("protective action"), parent=parent)
        self.add_button.hide()  # every step already has a line
        self.edit_button.setText(self.tr("&Update step…"))
        self.remove_button.setText(self.tr("&Reset step…"))
        self.remove_button.setAccessibleName(self.tr("Reset the selected step to not started"))
        self.guidance = QLabel()
        self.guidance.setObjectName("actionGuidance")
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: #404040; padding: 4px 2px;")
        self.body_layout.addWidget(self.guidance)
        self.current_changed.connect(self._show_guidance)

    def set_model_records(self, records: Iterable[Any]) -> None:
        self.model.set_checklist(self.host.protective_action_catalogue(), records)

    def selection_key(self, record: Any) -> Any:
        # A step gets its id when it is first recorded: remember the step too.
        return (record.id, record.code)

    def row_of_key(self, key: Any) -> int | None:
        record_id, code = key
        row = self.model.row_of(record_id)
        return row if row is not None else self.model.row_of_code(code)

    def show_records(self, records: Iterable[Any]) -> None:
        """Show the checklist; with no line selected, the first."""
        super().show_records(records)
        if self.current_record() is None and self.model.rowCount():
            self.select_row(0)

    def empty_text(self) -> str:
        return ""

    def edit_current(self) -> QWidget | None:
        line = self.current_record()
        if line is None or not self.may_edit:
            return None
        return self.host.edit_record(self.kind, line.action, type_code=line.code,
                                     title=line.title, guidance=line.guidance)

    def remove_current(self) -> bool:
        line = self.current_record()
        if line is None or line.action is None or not self.may_edit:
            return False
        return self.host.remove_record(self.kind, line.action)

    def select_code(self, code: str) -> bool:
        row = self.model.row_of_code(code)
        if row is None:
            return False
        self.select_row(row)
        return True

    def _show_guidance(self, line: ChecklistLine | None) -> None:
        if line is None:
            self.guidance.clear()
            return
        text = line.guidance
        action = line.action
        if action is not None and action.grounds:
            text += "\n" + self.tr("Grounds: {grounds}. Decision: {decision}.").format(
                grounds=label("grounds", action.grounds),
                decision=label("decision", action.decision) or self.tr("not yet"))
        self.guidance.setText(text)

    def _update_buttons(self) -> None:
        line = self.current_record()
        self.edit_button.setEnabled(line is not None)
        self.remove_button.setEnabled(line is not None and line.action is not None)


class AttachmentSection(RecordSection):
    """Evidence files: add by file dialog or by dropping files on the tab; open; SHA-256."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "attachment", AttachmentModel(),
                         edit_operation=Operation.EDIT_ATTACHMENTS,
                         noun=tr("attachment"), parent=parent)
        self.may_attach = self.may_edit
        self.edit_button.hide()  # a stored file is evidence: it is not edited
        self.add_button.setText(self.tr("&Add files…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("attachmentOpen")
        self.open_button.setAccessibleName(self.tr("Open the selected file"))
        self.open_button.clicked.connect(self.open_current)
        self.buttons.insertWidget(0, self.open_button)
        self.table.doubleClicked.disconnect(self._edit_current)
        self.table.activated.disconnect(self._edit_current)
        self.table.doubleClicked.connect(self.open_current)
        self.table.activated.connect(self.open_current)
        self.hash_label = _detail_label("attachmentHash")
        self.hash_label.setFont(_monospace())
        self.hash_label.setAccessibleName(self.tr("SHA-256 of the selected file"))
        self.hint = QLabel(self.tr("Drop files here to add them as evidence."))
        self.hint.setStyleSheet("color: #5a5a5a;")
        self.hint.setVisible(self.may_attach)
        self.body_layout.addWidget(self.hash_label)
        self.body_layout.addWidget(self.hint)
        self.setAcceptDrops(self.may_attach)
        self.current_changed.connect(self._show_hash)
        self._update_buttons()

    def empty_text(self) -> str:
        return self.tr("No evidence files yet.")

    def add_record(self) -> QWidget | None:
        """Ask for files and add them (the file dialog stands in for a record dialog)."""
        if not self.may_attach:
            return None
        paths = self.host.choose_files()
        if paths:
            self.host.add_files(paths)
        return None

    def open_current(self, *_args: object) -> None:
        record = self.current_record()
        if record is not None:
            self.host.open_attachment(record)

    def _show_hash(self, record: AttachmentInfo | None) -> None:
        self.hash_label.setText(
            "" if record is None else self.tr("SHA-256: {digest}").format(digest=record.sha256))

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "open_button"):
            self.open_button.setEnabled(self.current_record() is not None)

    # -- Qt overrides -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Override of QWidget.dragEnterEvent: accept local files."""
        if self.may_attach and local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Override of QWidget.dragMoveEvent: keep accepting local files."""
        if self.may_attach and local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Override of QWidget.dropEvent: add the dropped files as evidence."""
        paths = local_files(event) if self.may_attach else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.host.add_files(paths)


def _monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font
