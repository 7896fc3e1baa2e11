"""Intake step 4, *First follow-up*: when to call back (tomorrow unless changed) and what
for; *Create case* saves everything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QVBoxLayout, QWidget, QWizardPage

from gui.shared.forms import Form, today
from models.domain import validation as v
from models.domain.base import local_today
from models.domain.dto import FollowUpDraft
from models.domain.errors import ValidationError


def _not_past(value: dt.date) -> dt.date:
    if value < local_today():
        raise ValidationError(QCoreApplication.translate("FollowUpPage", "Due date"),
                              QCoreApplication.translate("FollowUpPage", "cannot be in the past"))
    return value


class FollowUpPage(QWizardPage):
    """Step 4: when to call back, and what for. *Create case* saves everything.

    Args:
        summary: says what will be saved (shown on the page).
        create: saves the case and the follow-up; True if the case exists.
    """

    def __init__(self, summary: Callable[[], str], create: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary = summary
        self._create = create
        self.setTitle(self.tr("First follow-up"))
        self.setSubTitle(self.tr(
            "When should someone get back to this person? It appears in Follow-ups due "
            "on that day."))
        self.form = Form()
        self.form.setObjectName("followUpForm")
        self.due = self.form.date("dueOn", self.tr("Due"))
        self.due.validator = _not_past
        editor = self.due.editor
        assert isinstance(editor, QDateEdit)
        editor.setDate(today().addDays(1))
        self.description = self.form.line(
            "followUpDescription", self.tr("What for"),
            lambda t: v.validate_text(t, field="Description", max_length=500), required=True)
        self.description.set_value(self.tr("Call back: how are they doing, next steps"))
        self.form.dirty = False
        for field in self.form.fields.values():
            field.changed.connect(self.completeChanged)
        self.summary = QLabel()
        self.summary.setObjectName("intakeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        QWidget.setTabOrder(self.due.editor, self.description.editor)

    def initializePage(self) -> None:  # noqa: N802
        """Override of QWizardPage.initializePage: say what will be saved."""
        self.summary.setText(self._summary())
        self.due.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def isComplete(self) -> bool:  # noqa: N802
        """Override of QWizardPage.isComplete: a due date from today on and a description."""
        return self.form.passes()

    def draft(self) -> FollowUpDraft:
        return FollowUpDraft(due_on=self.due.raw(), description=self.description.raw())

    def validatePage(self) -> bool:  # noqa: N802
        """Override of QWizardPage.validatePage: save the case and the follow-up."""
        return self._create()
