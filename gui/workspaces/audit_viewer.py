"""The audit log viewer for supervisors: filter, review break-the-glass, verify, export.

Every event the filters match can be scrolled to, newest first: :meth:`AuditService.open_listing
<models.services.audit_log.AuditService.open_listing>` counts them (reading the log is itself
audited, so the viewer queries when the supervisor asks, not on every keystroke) and the
table fetches them a page at a time as it scrolls (:mod:`gui.shared.paged_rows`), holding a
few pages, never the whole log. Break-the-glass
accesses are coloured in the event list and listed with their reasons in a panel of their
own. Whether the HMAC chain holds is worked out on a worker thread (walking 100,000s of
events takes a moment) and shown in a green or red line.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.shared.background import BackgroundOp, Generation
from gui.shared.empty_state import show_when_empty
from gui.shared.errors import show_error
from gui.shared.forms import DateEdit, with_clear_button
from gui.shared.labels import plural
from gui.shared.navigation import Place
from gui.shared.paged_rows import RowPages
from gui.shared.qt_types import Index
from gui.shared.record_table import Column, RecordTableModel
from gui.shared.session import Session
from gui.shared.style import keeps_desktop_palette, readable, readable_style
from gui.shared.workspace import Host
from models.domain.base import local_today
from models.domain.changes import Change, ChangeKind
from models.domain.dto import AccessGrantData, ListPage, ListWindow
from models.domain.enums import AuditAction
from models.domain.errors import KnownError
from models.domain.formatting import datetime_text, local_midnight
from models.security.audit import ChainReport
from models.security.permissions import Operation, allows
from models.services.audit_log import AuditListing, AuditQuery, AuditRow, AuditService

PLACE_KEY = "audit_log"
SEQ_ROLE = Qt.ItemDataRole.UserRole + 1
ACTION_ROLE = Qt.ItemDataRole.UserRole + 2

_GLASS_BACKGROUND = QColor("#fde2c8")
_GLASS_FOREGROUND = QColor("#7a3300")
_OK_COLOUR = "#1b6e2d"
_BROKEN_COLOUR = "#b3261e"
_NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "Any"


def ask_save_path(parent: QWidget | None, caption: str, suggested: str) -> Path | None:
    """Ask where to save a CSV file (tests replace this function)."""
    name, _filter = QFileDialog.getSaveFileName(parent, caption, suggested, "CSV (*.csv)")
    return Path(name) if name else None


#: What each audit action is called on screen (the stored code never changes).
_ACTION_NAMES = {
    "init": QT_TRANSLATE_NOOP("AuditTableModel", "database created"),
    "login": QT_TRANSLATE_NOOP("AuditTableModel", "sign-in"),
    "failed_login": QT_TRANSLATE_NOOP("AuditTableModel", "failed sign-in"),
    "logout": QT_TRANSLATE_NOOP("AuditTableModel", "sign-out"),
    "unlock": QT_TRANSLATE_NOOP("AuditTableModel", "unlock"),
    "view": QT_TRANSLATE_NOOP("AuditTableModel", "view"),
    "reveal": QT_TRANSLATE_NOOP("AuditTableModel", "reveal"),
    "create": QT_TRANSLATE_NOOP("AuditTableModel", "create"),
    "update": QT_TRANSLATE_NOOP("AuditTableModel", "update"),
    "delete": QT_TRANSLATE_NOOP("AuditTableModel", "delete"),
    "export": QT_TRANSLATE_NOOP("AuditTableModel", "export"),
    "backup": QT_TRANSLATE_NOOP("AuditTableModel", "backup"),
    "restore": QT_TRANSLATE_NOOP("AuditTableModel", "restore"),
    "migrate": QT_TRANSLATE_NOOP("AuditTableModel", "upgrade"),
    "verify": QT_TRANSLATE_NOOP("AuditTableModel", "verify"),
    "seed": QT_TRANSLATE_NOOP("AuditTableModel", "demo data"),
    "break_glass": QT_TRANSLATE_NOOP("AuditTableModel", "break glass"),
    "erase": QT_TRANSLATE_NOOP("AuditTableModel", "erasure"),
    "account": QT_TRANSLATE_NOOP("AuditTableModel", "account"),
}
#: What each kind of record is called on screen (events store the table's name).
_RECORD_NAMES = {
    "user_account": QT_TRANSLATE_NOOP("AuditTableModel", "account"),
    "user": QT_TRANSLATE_NOOP("AuditTableModel", "account"),
    "breach": QT_TRANSLATE_NOOP("AuditTableModel", "breach"),
    "victim_correction": QT_TRANSLATE_NOOP("AuditTableModel", "correction history"),
    "victim": QT_TRANSLATE_NOOP("AuditTableModel", "victim"),
    "identity_code": QT_TRANSLATE_NOOP("AuditTableModel", "identity code"),
    "identity_code_record": QT_TRANSLATE_NOOP("AuditTableModel", "identity code"),
    "case": QT_TRANSLATE_NOOP("AuditTableModel", "case"),
    "case_file": QT_TRANSLATE_NOOP("AuditTableModel", "case"),
    "extortion_contact": QT_TRANSLATE_NOOP("AuditTableModel", "extortion contact"),
    "police_report": QT_TRANSLATE_NOOP("AuditTableModel", "police report"),
    "support_session": QT_TRANSLATE_NOOP("AuditTableModel", "support session"),
    "protective_action": QT_TRANSLATE_NOOP("AuditTableModel", "protective action"),
    "follow_up": QT_TRANSLATE_NOOP("AuditTableModel", "follow-up"),
    "attachment": QT_TRANSLATE_NOOP("AuditTableModel", "evidence file"),
    "access_grant": QT_TRANSLATE_NOOP("AuditTableModel", "emergency access"),
    "database": QT_TRANSLATE_NOOP("AuditTableModel", "database"),
    "search": QT_TRANSLATE_NOOP("AuditTableModel", "search by a whole code or number"),
    "organisation": QT_TRANSLATE_NOOP("AuditTableModel", "organisation settings"),
}


def action_name(code: str) -> str:
    """An audit action as a person reads it, in the language in use."""
    name = _ACTION_NAMES.get(code)
    return QCoreApplication.translate("AuditTableModel", name) if name else code.replace("_", " ")


def record_name(entity: str) -> str:
    """A kind of record as a person reads it, in the language in use."""
    name = _RECORD_NAMES.get(entity)
    return (QCoreApplication.translate("AuditTableModel", name) if name
            else entity.replace("_", " "))


class AuditTableModel(QAbstractTableModel):
    """The events of a listing, fetched a page at a time as the table scrolls."""

    HEADERS = ("#", QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
               QT_TRANSLATE_NOOP("AuditTableModel", "User"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Case"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Detail"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: RowPages[AuditRow] = RowPages(0, _no_events)

    def set_listing(self, audit: AuditService | None, listing: AuditListing | None) -> None:
        """Show ``listing``'s events, read through ``audit`` (``None``: nothing)."""
        self.beginResetModel()
        self._rows = (RowPages(listing.count, partial(audit.events, listing))
                      if audit is not None and listing is not None
                      else RowPages(0, _no_events))
        self.endResetModel()

    def clear(self) -> None:
        self.set_listing(None, None)

    def event_row(self, row: int) -> AuditRow | None:
        return self._rows.row(row)

    def pages_held(self) -> int:
        return self._rows.pages_held()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else self._rows.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or not 0 <= index.row() < self._rows.count:
            return None
        if role not in (SEQ_ROLE, ACTION_ROLE, Qt.ItemDataRole.BackgroundRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        event = self._rows.row(index.row())
        if event is None:
            return None
        glass = event.action == AuditAction.BREAK_GLASS.value
        if role == SEQ_ROLE:
            return event.seq
        if role == ACTION_ROLE:
            return event.action
        if role == Qt.ItemDataRole.BackgroundRole:
            # A desktop's dark or high-contrast palette keeps its own background: the
            # row stands out by its colour of text (and the action's name) alone.
            return _GLASS_BACKGROUND if glass and not keeps_desktop_palette() else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return readable(_GLASS_FOREGROUND) if glass and keeps_desktop_palette() else \
                _GLASS_FOREGROUND if glass else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = record_name(event.entity)
        if event.entity == "case" and event.case_reference:
            record = f"{record} {event.case_reference}"  # people know cases by reference
        elif event.entity_id is not None:
            record = f"{record} #{event.entity_id}"
        values = (
            str(event.seq), datetime_text(event.occurred_at, seconds=True),
            event.username or self.tr("(system)"),
            action_name(event.action), record, event.case_reference or "", event.detail,
        )
        return values[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Override of QAbstractItemModel.headerData."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.tr(self.HEADERS[section])
        return None


def _no_events(window: ListWindow) -> ListPage[AuditRow]:
    return ListPage((), None, None)


class GrantTableModel(RecordTableModel):
    """Break-the-glass accesses: who opened which case, why and when."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Time"),
               lambda g: datetime_text(g.granted_at, seconds=True)),
        Column(QT_TRANSLATE_NOOP("columns", "User"), lambda g: g.username),
        Column(QT_TRANSLATE_NOOP("columns", "Case"), lambda g: g.case_reference),
        Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda g: g.reason),
        Column(QT_TRANSLATE_NOOP("columns", "Until"),
               lambda g: datetime_text(g.expires_at, seconds=True)),
    )

    def tooltip(self, record: AccessGrantData, column: int) -> str | None:
        return self.columns[column].text(record)

    def set_grants(self, grants: list[AccessGrantData]) -> None:
        self.set_records(grants)


def _label_for(text: str, field: QWidget) -> QLabel:
    """A label that takes the keyboard to its field (Alt+letter)."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def _date_edit(tooltip: str) -> QDateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d.M.yyyy")
    edit.setMinimumDate(_NO_DATE)
    edit.setDate(_NO_DATE)
    edit.setToolTip(tooltip)
    return edit


class AuditLogView(QWidget):
    """The audit log screen. Shows nothing while the session is locked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogView")
        self._session = session
        self._loaded = False
        self._last_query = AuditQuery()
        self._verifies = Generation()
        self._usernames: dict[int, str] = {}

        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("User"))
        self.case_reference = QLineEdit()
        self.case_reference.setPlaceholderText(self.tr("Case reference"))
        with_clear_button(self.case_reference)
        self.case_reference.returnPressed.connect(self.apply_filters)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("Any action"), None)
        for action in AuditAction:
            self.action.addItem(action_name(action.value), action.value)
        self.since = _date_edit(self.tr("First day shown"))
        self.since.setSpecialValueText(self.tr("Any"))
        self.until = _date_edit(self.tr("Last day shown"))
        self.until.setSpecialValueText(self.tr("Any"))
        self.apply_button = QPushButton(self.tr("Show events"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)

        # Two rows: who, which case and what; then when, and the buttons. One row would
        # not fit a laptop screen at 150 % scaling.
        first = QHBoxLayout()
        first.addWidget(_label_for(self.tr("User:"), self.user))
        first.addWidget(self.user, 1)
        first.addWidget(_label_for(self.tr("Case:"), self.case_reference))
        first.addWidget(self.case_reference, 1)
        first.addWidget(_label_for(self.tr("Action:"), self.action))
        first.addWidget(self.action, 1)
        second = QHBoxLayout()
        second.addWidget(_label_for(self.tr("From:"), self.since))
        second.addWidget(self.since)
        second.addWidget(_label_for(self.tr("To:"), self.until))
        second.addWidget(self.until)
        second.addWidget(self.apply_button)
        second.addWidget(self.clear_button)
        second.addStretch(1)

        self.chain_status = QLabel()
        self.chain_status.setObjectName("chainStatus")
        self.chain_status.setWordWrap(True)
        self.count_label = QLabel()
        status_row = QHBoxLayout()
        status_row.addWidget(self.chain_status, 1)
        status_row.addWidget(self.count_label)
        status_row.addWidget(self.export_button)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one Tab leaves the table
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column in range(len(AuditTableModel.HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        show_when_empty(self.table, lambda: self.tr("No events match these filters.")
                        if self._loaded else self.tr("Loading…"))

        self.grants = GrantTableModel(self)
        self.grants_view = QTableView()
        self.grants_view.setTabKeyNavigation(False)  # one Tab leaves the table
        self.grants_view.setObjectName("breakGlassTable")
        self.grants_view.setAccessibleName(self.tr("Break-the-glass accesses"))
        self.grants_view.setModel(self.grants)
        self.grants_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grants_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grants_view.verticalHeader().hide()
        self.grants_view.setWordWrap(False)
        grant_header = self.grants_view.horizontalHeader()
        for column in range(len(GrantTableModel.columns)):
            grant_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        show_when_empty(self.grants_view,
                        lambda: self.tr("No break-the-glass accesses match these filters."))
        grant_header.setStretchLastSection(False)
        grant_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.grants_box = QGroupBox(self.tr("Break-the-glass accesses"))
        self.grants_box.setObjectName("breakGlassBox")
        grants_layout = QVBoxLayout(self.grants_box)
        hint = QLabel(self.tr("Counsellors who opened another counsellor's case, with the "
                              "reason they gave. Review each one."))
        hint.setWordWrap(True)
        grants_layout.addWidget(hint)
        grants_layout.addWidget(self.grants_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.grants_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(status_row)
        layout.addWidget(splitter, 1)

        session.about_to_lock.connect(self.clear)
        session.unlocked.connect(lambda _services: self._reload_if_visible())
        session.changes.subscribe(self._on_change)

    # -- loading ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Override of QWidget.showEvent: query on first display, not at start-up."""
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def _reload_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Fill the user list, events, break-the-glass panel and chain status."""
        if self._session.is_locked:
            return
        services = self._session.services
        chosen = self.user.currentData()
        self.user.clear()
        self.user.addItem(self.tr("Any user"), None)
        users = services.accounts.list_users()
        self._usernames = {user.id: user.username for user in users}
        for user in users:
            self.user.addItem(f"{user.display_name} ({user.username})", user.id)
        self.user.setCurrentIndex(max(self.user.findData(chosen), 0))
        self._loaded = True
        self.apply_filters()
        self.verify_chain()

    def query(self) -> AuditQuery:
        """The query the filters describe (``until`` is the day after the "To" date)."""
        action = self.action.currentData()
        since = until = None
        if self.since.date() != _NO_DATE:
            since = self._start_of(self.since.date())
        if self.until.date() != _NO_DATE:
            until = self._start_of(self.until.date().addDays(1))
        return AuditQuery(
            user_id=self.user.currentData(),
            case_reference=self.case_reference.text().strip() or None,
            actions=(AuditAction(action),) if action else (),
            since=since, until=until,
        )

    @staticmethod
    def _start_of(day: QDate) -> dt.datetime:
        return local_midnight(day.toPython()).astimezone(dt.UTC)

    def apply_filters(self) -> None:
        if self._session.is_locked or not self._loaded:
            return
        services = self._session.services
        query = self.query()
        try:
            listing = services.audit.open_listing(query)
            grants = services.break_glass.list_access_grants(query.since)
        except KnownError as error:
            show_error(self, error, self.tr("Audit log"))
            return
        self._last_query = query
        self.model.set_listing(services.audit, listing)
        if query.until is not None:
            grants = [g for g in grants if g.granted_at < query.until]
        if query.user_id is not None:
            name = self._usernames.get(query.user_id)
            grants = [g for g in grants if g.username == name]
        if query.case_reference:
            reference = query.case_reference.upper()
            grants = [g for g in grants if g.case_reference == reference]
        self.grants.set_grants(grants)
        self.grants_box.setTitle(
            self.tr("Break-the-glass accesses ({count})").format(count=len(grants)))
        self.count_label.setText(
            plural(listing.count, self.tr("{n} event"), self.tr("{n} events")))

    def clear_filters(self) -> None:
        self.user.setCurrentIndex(0)
        self.case_reference.clear()
        self.action.setCurrentIndex(0)
        self.since.setDate(_NO_DATE)
        self.until.setDate(_NO_DATE)
        self.apply_filters()

    def clear(self) -> None:
        """Forget every event, name and reason shown (the session is about to lock)."""
        self._verifies.drop_running()  # a verification still running reports to nobody
        self.model.clear()
        self.grants.set_grants([])
        self.user.clear()
        self._usernames = {}
        self.case_reference.clear()
        self.chain_status.clear()
        self.count_label.clear()
        self.grants_box.setTitle(self.tr("Break-the-glass accesses"))
        self._loaded = False

    def _on_change(self, change: Change) -> None:
        if change.kind == ChangeKind.ACCESS_GRANT and self._loaded and not self._session.is_locked:
            self.grants.set_grants(self._session.services.break_glass.list_access_grants())

    # -- chain -----------------------------------------------------------------------

    def verify_chain(self) -> None:
        """Walk the audit chain on a worker; the status line tells the result."""
        if self._session.is_locked:
            return
        audit = self._session.services.audit
        self.chain_status.setStyleSheet("")
        self.chain_status.setText(self.tr("Checking the audit chain…"))
        (BackgroundOp(self, audit.verify, session=self._session, generation=self._verifies)
            .success(self._show_chain).failure(self._verify_failed).run())

    def _verify_failed(self, error: BaseException) -> None:
        self.chain_status.setStyleSheet(readable_style(_BROKEN_COLOUR, "font-weight: bold;"))
        self.chain_status.setText(
            self.tr("The audit chain could not be checked: {reason}").format(
                reason=str(error) if isinstance(error, KnownError) else type(error).__name__))

    def _show_chain(self, report: ChainReport) -> None:
        if report.ok:
            self.chain_status.setStyleSheet(readable_style(_OK_COLOUR, "font-weight: bold;"))
            self.chain_status.setText(
                plural(report.events, self.tr("✔ Audit chain verified: {n} event"),
                       self.tr("✔ Audit chain verified: {n} events")))
        elif report.first_broken_seq is None:  # an account record or the authority
            self.chain_status.setStyleSheet(readable_style(_BROKEN_COLOUR, "font-weight: bold;"))
            self.chain_status.setText(
                self.tr("✘ Audit trail BROKEN: {problem}").format(problem=report.problem))
        else:
            self.chain_status.setStyleSheet(readable_style(_BROKEN_COLOUR, "font-weight: bold;"))
            self.chain_status.setText(
                self.tr("✘ Audit chain BROKEN at event {seq}: {problem}").format(
                    seq=report.first_broken_seq, problem=report.problem))

    # -- export ----------------------------------------------------------------------

    def export_csv(self) -> Path | None:
        """Save the events the filters select as CSV (the export is audited)."""
        if self._session.is_locked or not self._loaded:
            return None
        suggested = f"suoja-audit-{local_today():%Y%m%d}.csv"
        path = ask_save_path(self, self.tr("Export audit log"), suggested)
        if path is None:
            return None
        try:
            count = self._session.services.audit.export_csv(self._last_query, path)
        except KnownError as error:
            show_error(self, error, self.tr("Export audit log"))
            return None
        self.count_label.setText(
            plural(count, self.tr("{n} event exported"), self.tr("{n} events exported")))
        return path


def register(host: Host) -> AuditLogView | None:
    """Add the audit log place to ``host`` when the signed-in role may read the log."""
    if not allows(host.session.actor.role, Operation.READ_AUDIT):
        return None
    view = AuditLogView(host.session)
    host.add_place(
        Place(PLACE_KEY, QCoreApplication.translate("AuditLogView", "Audit log"), "audit-log",
              QCoreApplication.translate(
                  "AuditLogView",
                  "Who did what and when; break-the-glass accesses; chain check")),
        view,
    )
    return view
