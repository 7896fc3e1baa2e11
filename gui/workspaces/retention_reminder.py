"""The retention reminder: a supervisor is told, in the main window's status bar, how many
closed cases are past the retention period, with "Review…" to list them.

Nothing pops up and nothing is erased by itself: the notice stays while cases are due
(counts only, no names) and refreshes when a case or the retention setting changes
(``ChangeKind.CASE`` / ``ChangeKind.RETENTION``, here or on another workstation). The
review lists each case (reference, closed on, days past, whether its erasure waits for a
second supervisor) with "Open case" and "Erase…" (the case view's
:class:`~gui.case.erasure.EraseDialog`, the reason set to the retention period). Other
roles get nothing (:func:`register` returns ``None``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.case.case_view import open_case
from gui.case.erasure import EraseDialog
from gui.shared.errors import show_error
from gui.shared.fit import ElidedLabel, grow_for_wrapped_text
from gui.shared.labels import plural
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from gui.shared.workspace import Host
from models.domain.changes import Change, ChangeKind
from models.domain.enums import ErasureReason
from models.domain.errors import KnownError
from models.domain.formatting import count_text, date_text
from models.security.permissions import Operation, allows
from models.services.retention import ErasableCase

#: Changes after which the count may differ.
REFRESH_ON = (ChangeKind.CASE, ChangeKind.RETENTION)


class RetentionNotice(QWidget):
    """"3 closed cases are past their retention period [Review…]", or nothing.

    Args:
        session: the signed-in supervisor's session.
        owner: the main window (case views opened from the review belong to it).
    """

    #: (Re)counted: how many cases are due (tests wait for it).
    counted = Signal(int)
    _changed = Signal()

    def __init__(self, session: Session, owner: QWidget) -> None:
        super().__init__(owner)
        self.setObjectName("retentionNotice")
        self._session = session
        self._owner = owner
        self.due: list[ErasableCase] = []
        self.text = ElidedLabel()
        self.text.setObjectName("retentionNoticeText")
        self.review_button = QPushButton(self.tr("Review…"))
        self.review_button.setObjectName("reviewRetention")
        self.review_button.setAccessibleName(self.tr("Review the cases past the retention "
                                                     "period"))
        self.review_button.clicked.connect(self.review)
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(separator)
        row.addWidget(self.text, 1)
        row.addWidget(self.review_button)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        #: Whether the window was asked to close: once it is gone, a change arriving
        #: later counts nothing (the database may be closed by then).
        self._window_closing = False
        owner.installEventFilter(self)
        self._changed.connect(self._timer.start, Qt.ConnectionType.QueuedConnection)
        session.changes.subscribe(self._on_change)
        session.about_to_lock.connect(self.clear)
        session.unlocked.connect(lambda _services: self.refresh())
        self.destroyed.connect(lambda *_: session.changes.unsubscribe(self._on_change))
        self.dialog: RetentionReviewDialog | None = None

    def _on_change(self, change: Change) -> None:
        if change.kind in REFRESH_ON:
            self._changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: note that the window is asked to close."""
        if watched is self._owner and event.type() == QEvent.Type.Close:
            self._window_closing = True
        return False

    def refresh(self) -> None:
        """Count the cases due again; show the notice if there are any."""
        if self._session.is_locked or (self._window_closing and not self._owner.isVisible()):
            return  # locked, or the window closed (a close it refused leaves it visible)
        try:
            self.due = self._session.services.retention.list_erasable()
        except KnownError:
            self.due = []
        count = len(self.due)
        self.text.setText(plural(
            count, self.tr("{n} closed case is past its retention period"),
            self.tr("{n} closed cases are past their retention period")))
        self.setVisible(count > 0)
        if self.dialog is not None:
            self.dialog.show_cases(self.due)
        self.counted.emit(count)

    def clear(self) -> None:
        self._timer.stop()
        self.due = []
        self.text.clear()
        self.hide()
        if self.dialog is not None:
            self.dialog.reject()

    def review(self) -> RetentionReviewDialog:
        """List the cases due, each with Open case and Erase…."""
        if self.dialog is None:
            self.dialog = RetentionReviewDialog(self._session, self._owner)
            self.dialog.finished.connect(self._forget_dialog)
        self.dialog.show_cases(self.due)
        self.dialog.open()
        return self.dialog

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None


class RetentionReviewDialog(QDialog):
    """The closed cases past the retention period, oldest first."""

    def __init__(self, session: Session, owner: QWidget) -> None:
        super().__init__(owner)
        self.setObjectName("retentionReview")
        self.setWindowTitle(self.tr("Cases past the retention period"))
        grow_for_wrapped_text(self)
        self._session = session
        self._owner = owner
        self.cases: list[ErasableCase] = []
        days = session.services.retention.retention_days()
        self.intro = QLabel(plural(
            days, self.tr("These closed cases were closed more than {n} day ago, the "
                          "retention period. Erase each one's personal data, or open it to "
                          "check first."),
            self.tr("These closed cases were closed more than {n} days ago, the retention "
                    "period. Erase each one's personal data, or open it to check first.")))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("retentionCases")
        self.table.setAccessibleName(self.tr("Closed cases past the retention period"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Case"), self.tr("Closed on"), self.tr("Days past"), "", ""])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(70 * self.fontMetrics().averageCharWidth())
        self.resize(self.minimumWidth(), 28 * self.fontMetrics().height())
        assign_mnemonics(self)

    def show_cases(self, cases: list[ErasableCase]) -> None:
        """Fill the list (again)."""
        self.cases = list(cases)
        try:
            waiting = {r.case_id for r in self._session.services.retention.pending_erasures()}
        except KnownError:
            waiting = set()
        self.table.setRowCount(len(self.cases))
        for row, case in enumerate(self.cases):
            cells = (case.reference, date_text(case.closed_on),
                     count_text(case.days_past_retention))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            opener = QPushButton(self.tr("Open case"))
            opener.setObjectName("openDueCase")
            opener.clicked.connect(lambda *, c=case: self.open_case(c))
            eraser = QPushButton(self.tr("Erase…"))
            eraser.setObjectName("eraseDueCase")
            eraser.setAccessibleName(self.tr("Erase {reference}").format(
                reference=case.reference))
            if case.case_id in waiting:
                eraser.setEnabled(False)
                eraser.setToolTip(self.tr("Its erasure waits for a second supervisor's "
                                          "approval."))
            eraser.clicked.connect(lambda *, c=case: self.erase(c))
            self.table.setCellWidget(row, 3, opener)
            self.table.setCellWidget(row, 4, eraser)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        # Every column in sight: the dialog is as wide as the table's columns need.
        columns = sum(self.table.columnWidth(c) for c in range(self.table.columnCount()))
        needed = (columns + self.table.verticalScrollBar().sizeHint().width()
                  + 2 * self.table.frameWidth() + self.layout().contentsMargins().left()
                  + self.layout().contentsMargins().right())
        if needed > self.minimumWidth():
            self.setMinimumWidth(needed)
            self.resize(max(self.width(), needed), self.height())

    def row_buttons(self, row: int) -> tuple[QPushButton, QPushButton]:
        """The row's Open case and Erase… buttons."""
        opener, eraser = self.table.cellWidget(row, 3), self.table.cellWidget(row, 4)
        assert isinstance(opener, QPushButton) and isinstance(eraser, QPushButton)
        return opener, eraser

    def open_case(self, case: ErasableCase) -> None:
        open_case(self._owner, self._session, case.case_id)

    def erase(self, case: ErasableCase) -> EraseDialog | None:
        if self._session.is_locked:
            return None
        try:
            needs_approval = self._session.services.retention.erasure_needs_approval()
        except KnownError as error:
            show_error(self, error)
            return None
        dialog = EraseDialog(self._session, case.case_id, case.reference, self,
                             needs_approval=needs_approval, reason=ErasureReason.RETENTION)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def register(host: Host) -> RetentionNotice | None:
    """Add the notice to the status bar of a supervisor's main window (it is no place)."""
    if not allows(host.session.actor.role, Operation.ERASE_VICTIM):
        return None
    if not isinstance(host, QMainWindow):
        return None
    notice = RetentionNotice(host.session, host)
    # After the counts (index 0 is the lock hint's, not a permanent widget's: inserting
    # there made Qt warn on every start and append it here anyway).
    host.statusBar().addPermanentWidget(notice)
    notice.refresh()
    return notice


__all__ = ["RetentionNotice", "RetentionReviewDialog", "register"]
