"""Break-the-glass: opening another counsellor's case for a stated reason
(:func:`ask_break_glass` asks with a :class:`BreakGlassDialog`, then grants it).

A victim who calls must not wait because their counsellor is away, so the dialog is quick:
one reason (at least :data:`~models.services.break_glass.MIN_BREAK_GLASS_REASON` characters,
checked as it is typed), Enter to open. The access is granted for a few hours, written to
the audit log and listed for supervisors; the dialog says so. If the app locks while the
reason is being typed, :meth:`BreakGlassDialog.form_draft` keeps it (:mod:`gui.shared.drafts`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gui.shared import drafts, questions
from gui.shared.drafts import FormDraft
from gui.shared.fit import grow_for_wrapped_text
from gui.shared.forms import Form
from gui.shared.labels import one_full_stop
from gui.shared.mnemonics import assign_mnemonics
from models.domain import validation as v
from models.domain.dto import CaseRow
from models.domain.errors import ValidationError
from models.services import Services
from models.services.break_glass import BREAK_GLASS_DURATION, MIN_BREAK_GLASS_REASON


def check_reason(text: str) -> str:
    """The rule the service applies, so the form can say it before saving."""
    field = QCoreApplication.translate("BreakGlassDialog", "Reason")
    reason = v.validate_text(text, field=field, max_length=500)
    if len(reason) < MIN_BREAK_GLASS_REASON:
        raise ValidationError(field, QCoreApplication.translate(
            "BreakGlassDialog", "must say why, in at least {n} characters").format(
                n=MIN_BREAK_GLASS_REASON))
    return reason


class BreakGlassDialog(QDialog):
    """Asks why the user needs a case that is assigned to another counsellor.

    Args:
        row: the case as the case list shows it (reference, name, counsellor), if known.
        parent: the window asking.
        case_id: the case asked for (to ask again after the app locked).
    """

    def __init__(self, row: CaseRow | None, parent: QWidget | None = None, *,
                 case_id: int | None = None) -> None:
        super().__init__(parent)
        self.case_id = case_id if case_id is not None else (row.case_id if row else None)
        self.setObjectName("breakGlassDialog")
        self.setWindowTitle(self.tr("Another counsellor's case"))
        grow_for_wrapped_text(self)  # the explanation and a refusal wrap
        hours = int(BREAK_GLASS_DURATION.total_seconds() // 3600)
        if row is not None:
            whose = one_full_stop(self.tr(
                "Case <b>{reference}</b> ({name}) is assigned to {counsellor}.").format(
                reference=row.reference, name=_escape(row.victim_name),
                counsellor=_escape(row.counsellor or self.tr("another counsellor"))))
        else:
            whose = self.tr("This case is assigned to another counsellor.")
        self.explanation = QLabel(
            whose + "<br><br>" + self.tr(
                "If the victim needs help now, you can still open it: say why. Your access "
                "lasts {hours} hours, is written to the audit log and is reviewed by a "
                "supervisor.").format(hours=hours))
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)

        self.form = Form()
        self.reason = self.form.line(
            "reason", self.tr("Reason"), check_reason, required=True,
            placeholder=self.tr("e.g. Victim called in distress; Olli is on leave"))
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            self.tr("&Open with break-the-glass"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("openBreakGlass")
        self.open_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.open_button.clicked.connect(self._accept_if_valid)
        self.cancel_button.clicked.connect(self.reject)
        self.form.valid_changed.connect(self._update)
        self.reason.changed.connect(self._update)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self._update()
        assign_mnemonics(self)
        self.reason.editor.setFocus()
        width = self.fontMetrics().horizontalAdvance("M") * 38
        self.resize(max(width, 460), self.sizeHint().height())

    @property
    def reason_text(self) -> str:
        return self.reason.raw()

    def form_draft(self) -> FormDraft | None:
        """The reason typed so far, to ask again after the app locked."""
        if self.case_id is None:
            return None
        return FormDraft(kind=drafts.BREAK_GLASS, case_id=self.case_id,
                         values=self.form.snapshot() if self.form.dirty else {},
                         focus=drafts.focus_name(self))

    def restore_draft(self, draft: FormDraft) -> None:
        """Put back the reason typed before the lock."""
        self.form.restore(dict(draft.values))
        drafts.refocus(self, draft.focus)

    def show_refusal(self, error: ValidationError) -> None:
        """Show the service's refusal of the reason under the field."""
        self.reason.error.setText(error.reason[:1].upper() + error.reason[1:] + ".")
        self.reason.error.show()
        self._update()

    def _update(self, *_args: object) -> None:
        self.open_button.setEnabled(self.form.passes())

    def _accept_if_valid(self) -> None:
        if self.open_button.isEnabled():
            self.accept()


def ask_break_glass(parent: QWidget, services: Services, case_id: int, *,
                    draft: FormDraft | None = None) -> bool:
    """Ask why, then grant break-the-glass access. True once access is granted.

    ``draft`` is the reason typed before the app locked (the lock rejects the dialog).
    """
    rows = services.case_list.case_rows([case_id])
    dialog = BreakGlassDialog(rows[0] if rows else None, parent, case_id=case_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if draft is not None:
        dialog.restore_draft(draft)
    try:
        while questions.run_modal(dialog):
            try:
                services.break_glass.break_glass(case_id, dialog.reason_text)
            except ValidationError as error:
                dialog.show_refusal(error)  # and ask again
                continue
            return True
        return False
    finally:
        dialog.deleteLater()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
