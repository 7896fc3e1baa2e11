"""The main window: global search, the case list and a status bar with counts.

A minimal window for the foundation; the counsellor-desktop work adds navigation, filters,
the case view and intake.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QToolBar,
)

from gui.case_table import CaseTableModel
from models.changes import Change
from models.dto import CaseFilter
from models.services import Services

SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._services = services
        actor = services.actor
        self.setWindowTitle(
            self.tr("Suoja — {name} ({role})").format(
                name=actor.display_name, role=actor.role.value.replace("_", " ")
            )
        )
        if services.cases.is_demo_database():
            self.setWindowTitle(self.windowTitle() + self.tr(" — DEMO DATABASE, synthetic data"))
        self.resize(1100, 700)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search name, identity code, case, police report, phone, e-mail, wallet…")
        )
        self.search.setClearButtonEnabled(True)
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("  Search: ")))
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)

        self.model = CaseTableModel(services.cases, self)
        self.table = QTableView()
        self.table.setObjectName("cases")
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8
        )
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 260, 110, 80, 70, 210)):
            self.table.setColumnWidth(column, width)
        self.setCentralWidget(self.table)

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.statusBar().addPermanentWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.model.modelReset.connect(self._update_count)
        services.changes.subscribe(self._on_change)
        self.model.reload()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_search(self) -> None:
        self.model.set_filter(CaseFilter(text=self.search.text()))

    def _on_change(self, change: Change) -> None:
        if change.kind in ("case", "victim"):
            self.model.reload()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self.search.text().strip():
            text = self.tr("{shown} cases match").format(shown=f"{shown:,}".replace(",", " "))
        else:
            text = self.tr("{shown} cases").format(shown=f"{shown:,}".replace(",", " "))
        self.count_label.setText(text)

    def closeEvent(self, event: object) -> None:  # noqa: N802
        """Override of QWidget.closeEvent: stop listening before the window goes."""
        self._services.changes.unsubscribe(self._on_change)
        super().closeEvent(event)  # type: ignore[arg-type]
