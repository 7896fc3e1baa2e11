"""Intake step 3, *Risk*: the risk level and why, what was learnt at first contact (the
intake note), the breaches the person was hit by, and (supervisors) who takes the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from gui.shared.errors import show_error
from gui.shared.forms import Field, Form
from gui.shared.labels import risk_label
from gui.shared.session import Session
from gui.shared.style import risk_icon
from models.domain import validation as v
from models.domain.dto import CaseDraft, Colleague
from models.domain.enums import RiskLevel, Role
from models.domain.errors import KnownError
from models.security.permissions import Operation, allows

URGENT = (RiskLevel.ACUTE.value, RiskLevel.HIGH.value)
_ASSIGN_UNASSIGNED = -1


class RiskPage(QWizardPage):
    """Step 3: how urgent, why, the intake note, which breaches, and (supervisors) who
    takes the case."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setTitle(self.tr("Risk assessment"))
        self.setSubTitle(self.tr(
            "Acute: in danger now or thinking of self-harm. High: distressed, threatened "
            "or a deadline today. A reason is required for acute and high."))

        self.form = Form()
        self.form.setObjectName("riskForm")
        self.risk = self.form.choice("riskLevel", self.tr("Risk level"), [])
        combo = self.risk.editor
        assert isinstance(combo, QComboBox)
        for level in RiskLevel:
            combo.addItem(risk_icon(level.value), risk_label(level.value), level.value)
        combo.setCurrentIndex(combo.findData(RiskLevel.MEDIUM.value))
        self.reason = self.form.line(
            "riskReason", self.tr("Reason"),
            lambda t: v.validate_text(t, field="Reason", max_length=2000),
            placeholder=self.tr("e.g. received a second demand with a 24-hour deadline"))
        # Optional free text; Tab leaves it (Form.text), so the page stays keyboard-driven.
        self.note = self.form.text(
            "intakeNote", self.tr("Intake note"),
            lambda t: v.validate_text(t, field="Intake note", max_length=4000))
        self.note.editor.setToolTip(self.tr("What was learnt at first contact"))
        self.note.editor.setAccessibleName(self.tr("Intake note"))
        # Four to eight lines: room to write, and the breach list below stays in sight.
        self.note.editor.setMinimumHeight(self.fontMetrics().height() * 4)
        self.note.editor.setMaximumHeight(self.fontMetrics().height() * 8)
        self.assignee: Field | None = None
        actor = session.actor
        if allows(actor.role, Operation.REASSIGN_CASE):
            self.assignee = self.form.choice("assignee", self.tr("Counsellor"), [])
        self.risk.changed.connect(self._risk_changed)
        for field in self.form.fields.values():
            field.changed.connect(self.completeChanged)

        self.breaches = QListView()
        self.breaches.setObjectName("breaches")
        self.breach_model = QStandardItemModel(self.breaches)
        self.breaches.setModel(self.breach_model)
        self.breaches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.breaches.setAccessibleName(self.tr("Breaches this person was hit by"))
        breach_label = QLabel(self.tr("Breaches this person was hit by (Space ticks):"))
        breach_label.setBuddy(self.breaches)

        self.breaches.setMaximumHeight(8 * (self.fontMetrics().height() + 6))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addSpacing(6)
        layout.addWidget(breach_label)
        layout.addWidget(self.breaches)
        layout.addStretch(1)
        QWidget.setTabOrder(self.risk.editor, self.reason.editor)
        QWidget.setTabOrder(self.reason.editor, self.note.editor)
        QWidget.setTabOrder(self.note.editor,
                            self.assignee.editor if self.assignee else self.breaches)
        if self.assignee:
            QWidget.setTabOrder(self.assignee.editor, self.breaches)
        self._filled = False

    def initializePage(self) -> None:  # noqa: N802
        """Override of QWizardPage.initializePage: fill the lists once, focus the level."""
        if not self._filled:
            self._filled = True
            services = self._session.services
            try:
                for breach in services.cases.list_breaches():
                    item = QStandardItem(breach.name)
                    item.setData(breach.id, Qt.ItemDataRole.UserRole)
                    item.setEditable(False)
                    item.setCheckable(True)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    self.breach_model.appendRow(item)
                if self.breach_model.rowCount():
                    self.breaches.setCurrentIndex(self.breach_model.index(0, 0))
                if self.assignee is not None:
                    self._fill_assignees(services.accounts.colleagues(
                        (Role.COUNSELLOR, Role.SUPERVISOR)))
            except KnownError as error:
                show_error(self, error)
        self.risk.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_assignees(self, users: list[Colleague]) -> None:
        assert self.assignee is not None
        combo = self.assignee.editor
        assert isinstance(combo, QComboBox)
        actor = self._session.actor
        combo.addItem(self.tr("Me ({name})").format(name=actor.display_name), actor.user_id)
        combo.addItem(self.tr("Unassigned"), _ASSIGN_UNASSIGNED)
        for user in sorted(users, key=lambda u: u.display_name.casefold()):
            if user.id != actor.user_id:
                combo.addItem(user.display_name, user.id)

    def _risk_changed(self) -> None:
        urgent = self.risk.raw() in URGENT
        self.reason.required = urgent
        self.reason.validate()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        """Override of QWizardPage.isComplete: a reason for acute and high risk."""
        return self.form.passes()

    def draft(self) -> CaseDraft:
        items = [self.breach_model.item(row) for row in range(self.breach_model.rowCount())]
        breach_ids = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )
        assigned: int | None = None
        if self.assignee is not None:
            chosen = self.assignee.raw()
            assigned = None if chosen in (None, _ASSIGN_UNASSIGNED) else int(chosen)
        return CaseDraft(
            risk_level=RiskLevel(self.risk.raw()),
            risk_reason=self.reason.raw(),
            intake_note=self.note.raw() or "",
            assigned_to_id=assigned,
            breach_ids=breach_ids,
        )
