"""The Protective actions tab: the catalogue's checklist, every step a line, recorded or not."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from gui.case.sections.base import (
    DONE_COLOUR,
    MUTED_COLOUR,
    OVERDUE_COLOUR,
    SOON_COLOUR,
    SOON_DAYS,
    CaseHost,
    RecordSection,
    one_line,
)
from gui.shared.labels import label
from gui.shared.record_table import Column, RecordTableModel
from gui.shared.style import readable, readable_style
from models.domain.base import local_today
from models.domain.dto import ProtectiveActionData
from models.domain.enums import ActionState
from models.domain.formatting import date_text
from models.security.permissions import Operation


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
            return readable(MUTED_COLOUR)
        if column == 3 and action.expires_on is not None:
            if action.expires_on < self.today:
                return readable(OVERDUE_COLOUR)
            if (action.expires_on - self.today).days <= SOON_DAYS:
                return readable(SOON_COLOUR)
        if column == 1 and action.state == ActionState.DONE.value:
            return readable(DONE_COLOUR)
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        action = record.action
        if column == 3 and action is not None and action.expires_on is not None:
            if action.expires_on < self.today:
                return QCoreApplication.translate(
                    "sections", "Expired: renew it or record that it is no longer needed")
            if (action.expires_on - self.today).days <= SOON_DAYS:
                return QCoreApplication.translate(
                    "sections", "Expires within {days} days").format(days=SOON_DAYS)
        return record.guidance or None


class ProtectiveActionSection(RecordSection):
    """The checklist: every step is a line; editing a step not started records it."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "protective_action", ProtectiveActionModel(),
                         edit_operation=Operation.EDIT_PROTECTIVE_ACTIONS, parent=parent)
        self.add_button.hide()  # every step already has a line
        self.edit_button.setText(self.tr("&Update step…"))
        self.remove_button.setText(self.tr("&Reset step…"))
        self.remove_button.setAccessibleName(self.tr("Reset the selected step to not started"))
        self.guidance = QLabel()
        self.guidance.setObjectName("actionGuidance")
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet(readable_style("#404040", "padding: 4px 2px;"))
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
        return self.host.forms.edit_record(self.kind, line.action, type_code=line.code,
                                     title=line.title, guidance=line.guidance)

    def remove_current(self) -> bool:
        line = self.current_record()
        if line is None or line.action is None or not self.may_edit:
            return False
        return self.host.forms.remove_record(self.kind, line.action)

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
