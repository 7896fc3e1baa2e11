"""Cross-case extortion analysis and police follow-up lists (police liaison, supervisors).

Wallet addresses and senders seen in more than one case, with how many victims, when and
how much; a double-click (or *Show cases*) opens the cases behind a row. Exports for
investigators carry case references only and are audited by the service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.shared.background import BackgroundOp, Generation
from gui.shared.empty_state import show_when_empty
from gui.shared.errors import show_error
from gui.shared.labels import plural
from gui.shared.navigation import Place
from gui.shared.qt_types import Index
from gui.shared.style import relative_font
from gui.shared.workspace import Host
from models.domain.dto import SharedIndicator
from models.domain.errors import KnownError
from models.domain.formatting import count_text, datetime_text, totals_text
from models.services.analysis import AnalysisService, Indicator

PLACE_KEY = "extortion_analysis"

#: The raw indicator value of a row (for drill-down), beside DisplayRole.
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class SharedIndicatorModel(QAbstractTableModel):
    """Rows of :class:`SharedIndicator` (a few hundred at most: already aggregated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SharedIndicator] = []
        self._kind = Indicator.WALLET

    def headers(self) -> list[str]:
        first = self.tr("Wallet address") if self._kind is Indicator.WALLET else self.tr("Sender")
        return [first, self.tr("Victims"), self.tr("Contacts"), self.tr("First seen"),
                self.tr("Last seen"), self.tr("Total demanded"), self.tr("Total paid")]

    def set_rows(self, kind: Indicator, rows: list[SharedIndicator]) -> None:
        self.beginResetModel()
        self._kind = kind
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(self._kind, [])

    def row(self, index: int) -> SharedIndicator:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else 7

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values: list[Callable[[], str]] = [
                lambda: row.value,
                lambda: count_text(row.victims), lambda: count_text(row.contacts),
                lambda: datetime_text(row.first_seen), lambda: datetime_text(row.last_seen),
                lambda: totals_text(row.demanded, "\n"), lambda: totals_text(row.paid, "\n"),
            ]
            return values[column]() if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.value  # shown elided in the middle when the table is narrow
        if role == VALUE_ROLE:
            return row.value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.headerData."""
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < 7):
            return self.headers()[section]
        return None


def choose_save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Ask where to save an export (tests replace this)."""
    kind = "PDF (*.pdf)" if suggested.endswith(".pdf") else "CSV (*.csv)"
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, kind)
    return Path(path) if path else None


class AnalysisView(QWidget):
    """The analysis page. ``open_cases(list[int], title)`` like the dashboard."""

    open_cases = Signal(object, str)
    #: The table has been filled (after :meth:`reload`'s worker finished).
    loaded = Signal()

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._loads = Generation()
        self.loading = False
        self.choose_path: Callable[[QWidget, str, str], Path | None] = choose_save_path
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Cross-case extortion analysis"))
        title.setFont(relative_font(self, 1.6, QFont.Weight.DemiBold))
        layout.addWidget(title)
        description = QLabel(self.tr(
            "Wallet addresses and senders seen in more than one case. Exports carry case "
            "references only — no names or identity codes — and are recorded in the audit log."))
        description.setWordWrap(True)
        layout.addWidget(description)

        toggles = QHBoxLayout()
        self.wallets = QRadioButton(self.tr("Wallet addresses"))
        self.senders = QRadioButton(self.tr("Senders"))
        self.wallets.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.wallets)
        group.addButton(self.senders)
        toggles.addWidget(self.wallets)
        toggles.addWidget(self.senders)
        toggles.addStretch(1)
        self.show_button = QPushButton(self.tr("Show cases"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        toggles.addWidget(self.show_button)
        toggles.addWidget(self.export_button)
        toggles.addWidget(self.pdf_button)
        layout.addLayout(toggles)

        self.model = SharedIndicatorModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # one Tab leaves the table
        self.table.setAccessibleName(self.tr("Indicators shared by several cases"))
        self.table.setModel(self.model)
        show_when_empty(self.table, lambda: self.tr("Loading…") if self.loading else self.tr(
            "No value is shared by more than one victim."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Rows as tall as their lines (a total in several currencies has one for each).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The address or sender takes what the figures leave; a narrow window shows its
        # start and end ("bc1qar…zwf5mdq", whole in the tooltip) and every figure whole.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout.addWidget(self.table, 1)

        police = QHBoxLayout()
        self.police_label = QLabel()
        self.police_label.setWordWrap(True)
        self.no_report_button = QPushButton(self.tr("Show victims without a police report"))
        self.report_csv_button = QPushButton(self.tr("Export police report numbers (CSV)…"))
        police.addWidget(self.police_label, 1)
        police.addWidget(self.no_report_button)
        police.addWidget(self.report_csv_button)
        layout.addLayout(police)

        self.wallets.toggled.connect(self._toggled)
        self.table.doubleClicked.connect(lambda index: self.show_cases(index.row()))
        self.show_button.clicked.connect(self._show_selected)
        self.export_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.no_report_button.clicked.connect(self.show_without_report)
        self.report_csv_button.clicked.connect(self.export_report_numbers)

        window.session.about_to_lock.connect(self.clear)
        window.session.unlocked.connect(lambda _services: self.reload())
        self._loaded = False

    def _toggled(self, _checked: bool) -> None:
        self.model.clear()
        self.reload()

    @property
    def kind(self) -> Indicator:
        return Indicator.WALLET if self.wallets.isChecked() else Indicator.SENDER

    def showEvent(self, event: Any) -> None:  # noqa: N802
        """Override of QWidget.showEvent: load when first shown."""
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Recount on a worker (about half a second at 40,000 victims without a covering
        index); the result is dropped if the view was cleared or reloaded meanwhile."""
        if self._window.session.is_locked:
            return
        service = self._window.session.services.analysis
        kind = self.kind
        self.loading = True

        def work() -> tuple[list[SharedIndicator], int]:
            return service.shared_indicators(kind), len(service.cases_without_police_report())

        def done(result: tuple[list[SharedIndicator], int]) -> None:
            rows, without = result
            self.model.set_rows(kind, rows)
            self.police_label.setText(plural(
                without,
                self.tr("{n} victim has an extortion contact but no police report number."),
                self.tr("{n} victims have an extortion contact but no police report number.")))
            self._loaded = True
            self.loaded.emit()

        (BackgroundOp(self, work, session=self._window.session, generation=self._loads)
            .always(self._stop_loading).success(done).run())

    def _stop_loading(self) -> None:
        self.loading = False

    def clear(self) -> None:
        """Drop everything shown (the session is locking)."""
        self._loads.drop_running()
        self.loading = False
        self.model.clear()
        self.police_label.clear()
        self._loaded = False

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.show_cases(rows[0].row())

    def show_cases(self, row: int) -> None:
        if self._window.session.is_locked or not 0 <= row < self.model.rowCount():
            return
        value = self.model.row(row).value
        try:
            ids = self._window.session.services.analysis.indicator_cases(self.kind, value)
        except KnownError as error:
            show_error(self, error)
            return
        self.open_cases.emit(ids, self.tr("Cases with {value}").format(value=value))

    def show_without_report(self) -> None:
        if self._window.session.is_locked:
            return
        try:
            ids = self._window.session.services.analysis.cases_without_police_report()
        except KnownError as error:
            show_error(self, error)
            return
        self.open_cases.emit(ids, self.tr("Extortion contact but no police report"))

    #: Emitted with the path when an export has been written (exports run on a worker:
    #: thousands of references take a second or more at 40,000 victims).
    exported = Signal(object)

    def export_csv(self) -> None:
        name = "shared-wallets.csv" if self.kind is Indicator.WALLET else "shared-senders.csv"
        kind = self.kind
        self._export(name, lambda service, target: service.export_indicators_csv(kind, target))

    def export_pdf(self) -> None:
        name = "shared-wallets.pdf" if self.kind is Indicator.WALLET else "shared-senders.pdf"
        kind = self.kind
        self._export(name, lambda service, target: service.export_indicators_pdf(kind, target))

    def export_report_numbers(self) -> None:
        self._export("police-report-numbers.csv",
                     lambda service, target: service.export_police_reports_csv(target))

    def _export(self, suggested: str,
                write: Callable[[AnalysisService, Path], Path]) -> None:
        if self._window.session.is_locked:
            return
        target = self.choose_path(self, self.tr("Export for investigators"), suggested)
        if target is None:
            return
        service = self._window.session.services.analysis
        buttons = (self.export_button, self.pdf_button, self.report_csv_button)
        for button in buttons:
            button.setEnabled(False)

        def finish() -> None:
            for button in buttons:
                button.setEnabled(True)

        (BackgroundOp(self, lambda: write(service, target))
            .always(finish).success(self.exported.emit).run())


def register(host: Host) -> AnalysisView | None:
    """Add the analysis place for police liaison and supervisors."""
    from models.security.permissions import Operation, allows

    if not allows(host.session.actor.role, Operation.EXPORT_POLICE):
        return None
    view = AnalysisView(host)
    host.add_place(
        Place(PLACE_KEY, QCoreApplication.translate("AnalysisView", "Extortion analysis"),
              "search",
              QCoreApplication.translate(
                  "AnalysisView", "Wallets and senders seen across cases; police lists")),
        view)
    view.open_cases.connect(lambda target, title: host.show_cases(target, title))
    return view
