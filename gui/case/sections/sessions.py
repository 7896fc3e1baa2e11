"""The Support sessions tab: the sessions, and the selected one's confidential notes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from gui.case.sections.base import CaseHost, RecordSection, detail_label, one_line
from gui.shared.labels import label
from gui.shared.record_table import Column, RecordTableModel
from models.domain.dto import SupportSessionData
from models.domain.formatting import date_text, datetime_text
from models.security.permissions import Operation


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



class SupportSessionSection(RecordSection):
    """Support sessions with the selected session's confidential notes."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "support_session", SupportSessionModel(),
                         edit_operation=Operation.EDIT_SESSIONS, removable=False, parent=parent)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("sessionNotes")
        self.notes.setAccessibleName(self.tr("Confidential notes of the selected session"))
        self.notes.setReadOnly(True)
        self.notes.setTabChangesFocus(True)
        self.outcome = detail_label("sessionOutcome")
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
