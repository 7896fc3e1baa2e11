"""The case's timeline: everything that happened, newest first, one line each.

Entries are built from a :class:`~models.domain.dto.CaseDetail` only (no extra queries): the case
being opened, extortion contacts, police reports, support sessions, protective steps,
follow-ups, attachments and the closure. A role that may not see a section (police liaison
and support sessions) gets no entries from it, since that section is ``None``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.case.sections.base import MUTED_COLOUR, OVERDUE_COLOUR, one_line, record_table
from gui.shared import style
from gui.shared.labels import label
from gui.shared.qt_types import Index
from gui.shared.style import readable, readable_style
from models.domain.base import local_today
from models.domain.dto import CaseDetail
from models.domain.formatting import (
    date_text,
    datetime_text,
    local_midnight,
    money_text,
    size_text,
)

#: (kind, record id) of the entry, to jump to it in its tab.
ENTRY_TARGET_ROLE = Qt.ItemDataRole.UserRole + 10
#: The entry's moment as an aware datetime (a date-only entry: local midnight).
ENTRY_TIME_ROLE = Qt.ItemDataRole.UserRole + 11

KIND_TITLES: dict[str, str] = {
    "case": QT_TRANSLATE_NOOP("timeline", "Case"),
    "extortion_contact": QT_TRANSLATE_NOOP("timeline", "Extortion contact"),
    "police_report": QT_TRANSLATE_NOOP("timeline", "Police report"),
    "support_session": QT_TRANSLATE_NOOP("timeline", "Support session"),
    "protective_action": QT_TRANSLATE_NOOP("timeline", "Protective action"),
    "follow_up": QT_TRANSLATE_NOOP("timeline", "Follow-up"),
    "attachment": QT_TRANSLATE_NOOP("timeline", "Attachment"),
}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline.

    Attributes:
        moment: when, aware; for a date-only record, midnight local time of that date.
        has_time: False for date-only records (shown without a time).
        kind: the record kind (a key of :data:`KIND_TITLES`).
        record_id: the record's id (the case id for "case" entries).
        summary: one line saying what happened.
        attention: shown in a warning colour (an overdue follow-up, a paid demand).
        muted: shown greyed (a follow-up already done).
    """

    moment: dt.datetime
    has_time: bool
    kind: str
    record_id: int
    summary: str
    attention: bool = False
    muted: bool = False

    @property
    def when(self) -> str:
        if self.has_time:
            return datetime_text(self.moment)
        return date_text(self.moment)


def _on(day: dt.date) -> dt.datetime:
    """Midnight of ``day`` in Finland as an aware datetime (so dates sort among moments)."""
    return local_midnight(day)


def build_timeline(detail: CaseDetail, today: dt.date | None = None) -> list[TimelineEntry]:
    """Every event of the case, newest first (what happened last is what matters now)."""
    today = today or local_today()
    case = detail.case
    translate = QCoreApplication.translate  # (context, text), as lupdate reads it
    entries = [TimelineEntry(_on(case.opened_on), False, "case", case.id,
                             translate("timeline", "Case {reference} opened").format(
                                 reference=case.reference))]
    for contact in detail.extortion_contacts or ():
        parts = [label("channel", contact.channel)]
        if contact.sender:
            parts.append(translate("timeline", "from {sender}").format(sender=contact.sender))
        text = " ".join(parts)
        if contact.amount_demanded is not None:
            text += " — " + translate("timeline", "demands {amount}").format(
                amount=money_text(contact.amount_demanded, contact.currency))
        if contact.paid:
            text += " — " + translate("timeline", "paid")
        entries.append(TimelineEntry(contact.received_at, True, "extortion_contact",
                                     contact.id, text, attention=contact.paid))
    for report in detail.police_reports or ():
        text = report.report_number
        if report.department:
            text += f", {report.department}"
        text += " — " + label("report_state", report.state)
        entries.append(TimelineEntry(_on(report.filed_on), False, "police_report", report.id,
                                     text))
    for session in detail.support_sessions or ():
        text = translate("timeline", "{mode}, {minutes} min").format(
            mode=label("mode", session.mode), minutes=session.duration_minutes)
        if session.counsellor_name:
            text += f", {session.counsellor_name}"
        if session.outcome:
            text += " — " + one_line(session.outcome, 90)
        if session.referral and session.referral != "none":
            text += " — " + translate("timeline", "referred: {referral}").format(
                referral=label("referral", session.referral))
        entries.append(TimelineEntry(session.started_at, True, "support_session", session.id,
                                     text))
    for action in detail.protective_actions or ():
        if action.state_on is None:
            continue
        text = f"{action.title}: {label('action_state', action.state)}"
        if action.expires_on is not None:
            text += " — " + translate("timeline", "expires {date}").format(
                date=date_text(action.expires_on))
        entries.append(TimelineEntry(_on(action.state_on), False, "protective_action",
                                     action.id, text))
    for follow_up in detail.follow_ups or ():
        overdue = not follow_up.done and follow_up.due_on < today
        state = (translate("timeline", "done") if follow_up.done
                 else translate("timeline", "overdue") if overdue
                 else translate("timeline", "open"))
        text = f"{one_line(follow_up.description, 90)} — {state}"
        entries.append(TimelineEntry(_on(follow_up.due_on), False, "follow_up", follow_up.id,
                                     text, attention=overdue, muted=follow_up.done))
    for attachment in detail.attachments or ():
        text = f"{attachment.filename} ({size_text(attachment.size_bytes)})"
        entries.append(TimelineEntry(attachment.added_at, True, "attachment", attachment.id,
                                     text))
    if case.closure_requested_at is not None:
        entries.append(TimelineEntry(
            case.closure_requested_at, True, "case", case.id,
            translate("timeline", "Closure requested: {reason}").format(
                reason=label("closure", case.requested_closure_reason))))
    if case.closed_on is not None:
        entries.append(TimelineEntry(
            _on(case.closed_on), False, "case", case.id,
            translate("timeline", "Case closed: {reason}").format(
                reason=label("closure", case.closure_reason))))
    entries.sort(key=lambda e: (e.moment, not e.has_time, e.kind, e.record_id), reverse=True)
    return entries


class TimelineModel(QAbstractTableModel):
    """The timeline as a three-column table: when, what kind, what happened."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("timeline", "When"),
        QT_TRANSLATE_NOOP("timeline", "What"),
        QT_TRANSLATE_NOOP("timeline", "Details"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []

    def set_detail(self, detail: CaseDetail | None) -> None:
        self.beginResetModel()
        self._entries = build_timeline(detail) if detail is not None else []
        self.endResetModel()

    def clear(self) -> None:
        self.set_detail(None)

    def entry(self, row: int) -> TimelineEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def entries(self) -> tuple[TimelineEntry, ...]:
        return tuple(self._entries)

    # -- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or index.parent().isValid():
            return None
        entry = self.entry(index.row())
        if entry is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry.when
            if column == 1:
                return QCoreApplication.translate("timeline", KIND_TITLES[entry.kind])
            return entry.summary
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return entry.summary
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.attention:
                return readable(OVERDUE_COLOUR)
            if entry.muted:
                return readable(MUTED_COLOUR)
            return None
        if role == ENTRY_TARGET_ROLE:
            return (entry.kind, entry.record_id)
        if role == ENTRY_TIME_ROLE:
            return entry.moment
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Override of QAbstractItemModel.headerData."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return QCoreApplication.translate("timeline", self.COLUMNS[section])
        return None


class TimelineSection(QWidget):
    """The Timeline tab; activating a line asks to show that record in its own tab."""

    #: (kind, record id) of the entry the user activated.
    go_to = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineSection")
        self.model = TimelineModel(self)
        self.table = record_table(self.model, "timelineTable", self.tr("Timeline"))
        self.table.doubleClicked.connect(self._activate)
        self.table.activated.connect(self._activate)
        hint = QLabel(self.tr("Newest first. Double-click a line (or press Enter) to open it "
                              "in its own tab."))
        hint.setWordWrap(True)
        hint.setStyleSheet(readable_style(style.MUTED_COLOUR))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    def show_detail(self, detail: CaseDetail) -> None:
        self.model.set_detail(detail)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.resizeSection(column, header.sectionSize(column) + 16)

    def clear(self) -> None:
        self.model.clear()

    def _activate(self, index: QModelIndex) -> None:
        target = self.model.data(index, ENTRY_TARGET_ROLE)
        if target is not None:
            self.go_to.emit(target[0], target[1])
