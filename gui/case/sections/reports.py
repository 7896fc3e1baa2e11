"""The Police reports tab: the report numbers from the victim's copies."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from gui.case.sections.base import CaseHost, RecordSection
from gui.shared.labels import label, yes_no
from gui.shared.record_table import Column, RecordTableModel
from models.domain.formatting import date_text
from models.security.permissions import Operation


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



class PoliceReportSection(RecordSection):
    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "police_report", PoliceReportModel(),
                         edit_operation=Operation.EDIT_POLICE_REPORTS, parent=parent)

    def empty_text(self) -> str:
        return self.tr("No police report numbers recorded. Only the number on the victim's "
                       "report copy counts (like 5500/R/12345/20), not the online service's "
                       "confirmation e-mail.")
