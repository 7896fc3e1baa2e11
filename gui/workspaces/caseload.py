"""Caseload management for supervisors: reassign cases and review closure requests.

The left side is the case list (the same paged :class:`~gui.shared.case_table.CaseTableModel`
as the main list, with its own filter and multi-row selection: its case ids are read for
the selected row spans when reassigning); the right side lists each
counsellor's load (open cases, high-risk open cases) so the supervisor sees it before
choosing whom to give the selected cases to. Below, pending closure requests are approved
or returned. Every change goes through :class:`~models.services.caseload.CaseloadService`
(reassigning) or :class:`~models.services.cases.CaseService` (a decision on one case),
which check the role and write the audit events.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.shared.case_table import CaseTableModel, selected_row_count
from gui.shared.empty_state import show_when_empty
from gui.shared.errors import show_error
from gui.shared.fit import WrappingRow, WrappingSplitter
from gui.shared.forms import with_clear_button
from gui.shared.labels import label, one_full_stop, plural, risk_label, status_label
from gui.shared.navigation import Place
from gui.shared.record_table import Column, RecordTableModel
from gui.shared.session import Session
from gui.shared.style import readable, risk_icon
from gui.shared.workspace import Host
from models.domain.changes import Change, ChangeKind
from models.domain.dto import CaseFilter, ClosureRequestRow, CounsellorLoad
from models.domain.enums import CaseStatus, RiskLevel, Role
from models.domain.errors import KnownError
from models.domain.formatting import count_text, datetime_text
from models.security.permissions import Operation, allows
from models.services.figures import OPEN_STATUSES

PLACE_KEY = "caseload"

_WARNING = QColor("#b3261e")


def _counsellor(load: CounsellorLoad) -> str:
    if not load.is_active:
        return QCoreApplication.translate("caseload", "{name} (locked)").format(
            name=load.display_name)
    if load.role != Role.COUNSELLOR.value:
        return QCoreApplication.translate("caseload", "{name} (not a counsellor)").format(
            name=load.display_name)
    return load.display_name


class LoadTableModel(RecordTableModel):
    """Counsellors and their loads (a few dozen rows: held in full)."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Counsellor"), _counsellor),
        Column(QT_TRANSLATE_NOOP("columns", "Open cases"), lambda x: str(x.open_cases), True),
        Column(QT_TRANSLATE_NOOP("columns", "High risk"), lambda x: str(x.high_risk_open), True),
    )

    def record_id(self, record: CounsellorLoad) -> int:
        return record.user_id

    def foreground(self, record: CounsellorLoad, column: int) -> QColor | None:
        return readable(_WARNING) if column == 2 and record.high_risk_open else None


class ClosureRequestModel(RecordTableModel):
    """Pending closure requests (few at a time: held in full)."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Reference"), lambda r: r.reference),
        Column(QT_TRANSLATE_NOOP("columns", "Risk"), lambda r: risk_label(r.risk_level)),
        Column(QT_TRANSLATE_NOOP("columns", "Counsellor"), lambda r: r.counsellor or ""),
        Column(QT_TRANSLATE_NOOP("columns", "Requested by"), lambda r: r.requested_by or ""),
        Column(QT_TRANSLATE_NOOP("columns", "Requested"), lambda r: datetime_text(r.requested_at)),
        Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda r: label("closure", r.reason)),
    )

    def record_id(self, record: ClosureRequestRow) -> int:
        return record.case_id

    def decoration(self, record: ClosureRequestRow, column: int) -> object:
        return risk_icon(record.risk_level) if column == 1 else None


class CaseloadView(QWidget):
    """The supervisor's caseload screen. Shows nothing while the session is locked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadView")
        self._session = session
        self._loaded = False

        # -- the case list --------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, case or identity code"))
        self.search.setToolTip(self.tr("Find a case by name, reference or identity code"))
        self.search.setAccessibleName(self.tr("Find a case"))
        with_clear_button(self.search)
        metrics = self.search.fontMetrics()
        self.search.setMinimumWidth(metrics.horizontalAdvance(self.search.placeholderText())
                                    + metrics.height() + 4 * metrics.averageCharWidth())
        self.search.returnPressed.connect(self.apply_filter)
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Counsellor"))
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Never narrower than the longest choice: the search box gives way instead.
        self.owner.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.owner.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.include_closed = QComboBox()
        self.include_closed.setAccessibleName(self.tr("Statuses shown"))
        self.include_closed.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.include_closed.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.include_closed.addItem(self.tr("Open work"), False)
        self.include_closed.addItem(self.tr("All statuses"), True)
        self.include_closed.currentIndexChanged.connect(lambda _i: self.apply_filter())
        # One row, or (long words, large scaling) the search above its drop-downs.
        filters = WrappingRow(self.search, self.owner, self.include_closed)

        self.model = CaseTableModel(None, self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one Tab leaves the table
        self.table.setObjectName("caseloadTable")
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(self.model)
        show_when_empty(self.table, lambda: self.tr("No cases match. Choose another counsellor "
                                                    "or include closed cases."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Identity codes and opening dates are not needed to balance work (the main
        # list has them): the rest fits the part of a laptop screen this list has.
        self.table.setColumnHidden(2, True)
        self.table.setColumnHidden(6, True)
        self._default_column_widths()
        # The victims' names take what the other columns leave (and elide), so reference,
        # status, risk and counsellor always show whole, without scrolling sideways.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Reassign to"))
        # Each choice whole (a name and its load); the row below the lists has the room.
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reassign_button = QPushButton(self.tr("Reassign selected"))
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.selection_label = QLabel()
        # As wide as its longest text, so the drop-down beside it does not jump.
        self.selection_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            self.tr("{selected} of {n} cases selected").format(selected=88888, n=88888)))
        # What the last reassignment did; a long name wraps instead of widening the window.
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.hide()  # no empty line until there is something to say
        reassign_label = QLabel(self.tr("Reassign to:"))
        reassign_label.setBuddy(self.target)
        # One row, or (long words, large scaling) the count above the reassigning.
        reassign_row = WrappingRow(self.selection_label, reassign_label, self.target,
                                   self.reassign_button)

        cases_box = QWidget()
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.addWidget(filters)
        cases_layout.addWidget(self.table, 1)

        # -- loads ------------------------------------------------------------------------
        self.loads = LoadTableModel(self)
        self.loads_view = QTableView()
        self.loads_view.setTabKeyNavigation(False)  # one Tab leaves the table
        self.loads_view.setObjectName("counsellorLoads")
        self.loads_view.setAccessibleName(self.tr("Counsellors' loads"))
        self.loads_view.setModel(self.loads)
        show_when_empty(self.loads_view, lambda: self.tr("No active counsellor accounts."))
        self.loads_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.loads_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.loads_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loads_view.verticalHeader().hide()
        self.loads_view.setWordWrap(False)
        header = self.loads_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.loads_view.doubleClicked.connect(self._show_counsellor)
        metrics = self.fontMetrics()
        loads_box = QGroupBox(self.tr("Counsellors' loads"))
        # The columns' titles and a little more for the names, which elide (the splitter
        # widens the box).
        titles = sum(header.sectionSizeFromContents(column).width() for column in range(3))
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        loads_box.setMinimumWidth(titles + 2 * metrics.averageCharWidth() + scroll_bar
                                  + 2 * self.loads_view.frameWidth() + 24)
        loads_layout = QVBoxLayout(loads_box)
        loads_layout.addWidget(self.loads_view)
        loads_hint = QLabel(self.tr("Open cases, of which acute or high risk. "
                                    "Double-click a counsellor to list their cases."))
        loads_hint.setWordWrap(True)
        loads_hint.setObjectName("hint")
        loads_layout.addWidget(loads_hint)

        # Side by side (the loads start at their minimum: the cases need more), or on a
        # narrow window the loads below the cases.
        lists = WrappingSplitter(side_by_side=(3000, 1), stacked=(3, 1))
        lists.addWidget(cases_box)
        lists.addWidget(loads_box)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 1)
        lists.setCollapsible(0, False)
        lists.setCollapsible(1, False)
        # The reassignment spans both lists: the cases chosen on the left go to a
        # counsellor whose load shows on the right.
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(lists, 1)
        top_layout.addWidget(reassign_row)
        top_layout.addWidget(self.result_label)

        # -- closure requests ---------------------------------------------------------
        self.requests = ClosureRequestModel(self)
        self.requests_view = QTableView()
        self.requests_view.setTabKeyNavigation(False)  # one Tab leaves the table
        self.requests_view.setObjectName("closureRequests")
        self.requests_view.setAccessibleName(self.tr("Closure requests"))
        self.requests_view.setModel(self.requests)
        show_when_empty(self.requests_view,
                        lambda: self.tr("No closure requests are waiting for a decision."))
        self.requests_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.requests_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.requests_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.requests_view.verticalHeader().hide()
        self.requests_view.setWordWrap(False)
        request_header = self.requests_view.horizontalHeader()
        for column in range(len(ClosureRequestModel.columns)):
            request_header.setSectionResizeMode(column,
                                                QHeaderView.ResizeMode.ResizeToContents)
        request_header.setStretchLastSection(True)
        self.requests_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons())
        self.requests.modelReset.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("Approve closure"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.return_button = QPushButton(self.tr("Return to counsellor"))
        self.return_button.clicked.connect(self.return_selected)
        request_buttons = QVBoxLayout()
        request_buttons.addWidget(self.approve_button)
        request_buttons.addWidget(self.return_button)
        request_buttons.addStretch(1)
        self.requests_box = QGroupBox(self.tr("Closure requests"))
        requests_layout = QHBoxLayout(self.requests_box)
        requests_layout.addWidget(self.requests_view, 1)
        requests_layout.addLayout(request_buttons)

        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(self.requests_box)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(outer)

        session.about_to_lock.connect(self.clear)
        session.unlocked.connect(lambda _services: self.refresh())
        session.changes.subscribe(self._on_change)
        self._update_buttons()

    def _default_column_widths(self) -> None:
        # From the font, so the columns fit their content at any scaling.
        metrics = self.table.fontMetrics()
        padding = 2 * metrics.averageCharWidth()  # a list half a screen wide: no more
        # The longest status and risk level in the language in use.
        status = max((status_label(s.value) for s in CaseStatus), key=metrics.horizontalAdvance)
        risk = max((risk_label(r.value) for r in RiskLevel), key=metrics.horizontalAdvance)
        samples = ("SUO-2020-00000", "Mmmmmmmmm, Mmmmmmmm Mmmmm", "000000-****", status,
                   risk, "Mmmmmmm M.", "00.00.0000")
        header = self.table.horizontalHeader()
        for column, sample in enumerate(samples):
            width = metrics.horizontalAdvance(sample) + padding
            if column == 4:
                width += metrics.height() + 4  # the risk dot
            # The title with its sort arrow, as the style draws it.
            title = header.sectionSizeFromContents(column).width()
            self.table.setColumnWidth(column, max(width, title))
        # The victims' names stretch (and elide) but never below their title, in any
        # language: the table is at least as wide as the other columns and that title.
        needed = sum(
            header.sectionSizeFromContents(column).width() if column == 1
            else self.table.columnWidth(column)
            for column in range(self.model.columnCount()) if not self.table.isColumnHidden(column))
        frame = 2 * self.table.frameWidth()
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.table.setMinimumWidth(needed + frame + scroll_bar)

    # -- loading ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Override of QWidget.showEvent: load on first display (nothing before)."""
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Fill everything from the current services (after unlocking or a change)."""
        if self._session.is_locked:
            return
        services = self._session.services
        loads = services.caseload.counsellor_loads()
        self.loads.set_records(loads)
        self._fill_owner_filter(loads)
        self._fill_targets(loads)
        self.requests.set_records(services.caseload.closure_requests())
        self.requests_box.setTitle(
            self.tr("Closure requests ({count})").format(count=self.requests.rowCount()))
        self.model.set_service(services.case_list, self.case_filter())
        self._loaded = True

    def clear(self) -> None:
        """Forget every case, name and load shown (the session is about to lock)."""
        self.model.clear()
        self.loads.set_records([])
        self.requests.set_records([])
        self.requests_box.setTitle(self.tr("Closure requests"))
        blocked = self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.blockSignals(blocked)
        self.target.clear()
        self.search.clear()
        self.result_label.clear()
        self.result_label.hide()
        self._loaded = False
        self._update_buttons()

    def case_filter(self) -> CaseFilter:
        owner = self.owner.currentData()
        closed = bool(self.include_closed.currentData())
        return CaseFilter(
            statuses=() if closed else OPEN_STATUSES,  # work that is not finished
            assigned_to_id=owner if isinstance(owner, int) and owner > 0 else None,
            unassigned_only=owner == 0,
            text=self.search.text(),
        )

    def apply_filter(self) -> None:
        if self._session.is_locked or not self._loaded:
            return
        self.model.set_filter(self.case_filter())

    def _fill_owner_filter(self, loads: list[CounsellorLoad]) -> None:
        chosen = self.owner.currentData()
        blocked = self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Every counsellor"), None)
        self.owner.addItem(self.tr("Unassigned"), 0)
        for load in loads:
            self.owner.addItem(load.display_name, load.user_id)
        index = self.owner.findData(chosen)
        self.owner.setCurrentIndex(max(index, 0))
        self.owner.blockSignals(blocked)

    def _fill_targets(self, loads: list[CounsellorLoad]) -> None:
        chosen = self.target.currentData()
        self.target.clear()
        for load in loads:
            if not load.is_active or load.role != Role.COUNSELLOR.value:
                continue
            self.target.addItem(
                self.tr("{name} — {open} open, {high} high risk").format(
                    name=load.display_name, open=load.open_cases, high=load.high_risk_open),
                load.user_id,
            )
        index = self.target.findData(chosen)
        if index >= 0:
            self.target.setCurrentIndex(index)
        self._update_buttons()

    def _on_change(self, change: Change) -> None:
        if self._session.is_locked or not self._loaded:
            return
        if change.kind in (ChangeKind.CASE, ChangeKind.VICTIM, ChangeKind.USER):
            self.refresh()

    # -- actions ---------------------------------------------------------------------

    def selected_case_ids(self) -> list[int]:
        """The selected cases in list order (read for the selected row spans)."""
        return self.model.case_ids_in(self.table.selectionModel().selection())

    def reassign_selected(self) -> int:
        """Give the selected cases to the counsellor chosen in the combo box."""
        case_ids = self.selected_case_ids()
        user_id = self.target.currentData()
        if self._session.is_locked or not case_ids or not isinstance(user_id, int):
            return 0
        try:
            moved = self._session.services.caseload.reassign_cases(case_ids, user_id)
        except KnownError as error:
            show_error(self, error, self.tr("Reassign cases"))
            return 0
        self.table.clearSelection()
        text = plural(moved, self.tr("{n} case reassigned to {name}."),
                      self.tr("{n} cases reassigned to {name}."), name=self._name_of(user_id))
        self.result_label.setText(one_full_stop(text))  # "…to Aino K."
        self.result_label.show()
        return moved

    def approve_selected(self) -> None:
        self._decide(approve=True)

    def return_selected(self) -> None:
        self._decide(approve=False)

    def _decide(self, *, approve: bool) -> None:
        rows = self.requests_view.selectionModel().selectedRows()
        if self._session.is_locked or not rows:
            return
        request = self.requests.record(rows[0].row())
        cases = self._session.services.cases
        try:
            if approve:
                cases.approve_closure(request.case_id, request.version)
            else:
                cases.return_closure(request.case_id, request.version)
        except KnownError as error:
            show_error(self, error, self.tr("Closure request"))
            self.refresh()

    def _show_counsellor(self, index: QModelIndex) -> None:
        position = self.owner.findData(self.loads.record(index.row()).user_id)
        if position >= 0:
            self.owner.setCurrentIndex(position)

    def _name_of(self, user_id: int) -> str:
        for load in self.loads.records():
            if load.user_id == user_id:
                return load.display_name
        return ""

    def _update_buttons(self) -> None:
        selected = selected_row_count(self.table.selectionModel().selection())
        self.reassign_button.setEnabled(selected > 0 and self.target.count() > 0)
        total = self.model.rowCount()
        self.selection_label.setText(
            plural(total, self.tr("{selected} of {n} case selected"),
                   self.tr("{selected} of {n} cases selected"), selected=count_text(selected))
            if selected else plural(total, self.tr("{n} case"), self.tr("{n} cases")))
        has_request = bool(self.requests_view.selectionModel().selectedRows())
        self.approve_button.setEnabled(has_request)
        self.return_button.setEnabled(has_request)


def register(host: Host) -> CaseloadView | None:
    """Add the caseload place to ``host`` when the signed-in role may reassign cases."""
    if not allows(host.session.actor.role, Operation.REASSIGN_CASE):
        return None
    view = CaseloadView(host.session)
    host.add_place(
        Place(PLACE_KEY, QCoreApplication.translate("CaseloadView", "Caseload"), "all-cases",
              QCoreApplication.translate(
                  "CaseloadView", "Reassign cases and review closure requests")),
        view,
    )
    return view
