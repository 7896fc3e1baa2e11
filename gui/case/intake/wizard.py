"""The intake wizard: its four steps (a page a module beside this one) in a row, what is
saved at the end, and what is kept over the lock.

*Create case* saves the victim and case (``CaseService.create_intake``) and the follow-up
(``RecordService.add_follow_up``). Everything works from the keyboard: Tab moves through
the fields in reading order, Enter goes to the next step, Ctrl+S creates the case on the
last step, Esc cancels (asking first if something was typed). If the app locks meanwhile,
:meth:`IntakeWizard.form_draft` keeps what was typed and :meth:`IntakeWizard.restore_draft`
carries on from the same step after unlocking (:mod:`gui.shared.drafts`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget, QWizard

from gui.case.intake.duplicate_page import DuplicatePage
from gui.case.intake.follow_up_page import FollowUpPage
from gui.case.intake.identity_page import IdentityPage
from gui.case.intake.risk_page import RiskPage
from gui.shared import drafts
from gui.shared.drafts import FormDraft
from gui.shared.errors import show_error
from gui.shared.fit import fit_to_screen
from gui.shared.forms import Field
from gui.shared.labels import risk_label
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from gui.shared.style import MUTED_COLOUR, readable
from models.domain.errors import KnownError


class IntakeWizard(QWizard):
    """The intake flow. Owned by the main window (it closes with the idle lock).

    Signals:
        case_created(int, str): the new case's id and reference, after saving.
        open_existing(int): the person is already a victim; open this case instead.
    """

    case_created = Signal(int, str)
    open_existing = Signal(int)

    IDENTITY, DUPLICATES, RISK, FOLLOW_UP = range(4)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeWizard")
        self._session = session
        self._quiet = False
        self.created: tuple[int, str] | None = None
        self.setWindowTitle(self.tr("New intake — Suoja"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next  ›"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("‹  &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create case"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

        self.identity_page = IdentityPage()
        self.duplicate_page = DuplicatePage(session, self.identity_page)
        self.duplicate_page.open_existing.connect(self.open_existing_case)
        self.risk_page = RiskPage(session)
        self.follow_up_page = FollowUpPage(self.summary, self.create)
        self.setPage(self.IDENTITY, self.identity_page)
        self.setPage(self.DUPLICATES, self.duplicate_page)
        self.setPage(self.RISK, self.risk_page)
        self.setPage(self.FOLLOW_UP, self.follow_up_page)
        # Each step is shown with the wizard's buttons it has: the first without ‹ Back,
        # the last with Create case instead of Next ›. A button hidden on a step leaves
        # its letter free there (Finnish labels run short of letters: Puhelin needs L).
        back, next_, finish, cancel = (self.button(button) for button in (
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton))
        for page, buttons in ((self.identity_page, (next_, cancel)),
                              (self.duplicate_page, (back, next_, cancel)),
                              (self.risk_page, (back, next_, cancel)),
                              (self.follow_up_page, (back, finish, cancel))):
            assign_mnemonics(page, also=buttons)

        self.steps = QLabel()
        self.steps.setObjectName("intakeSteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setMargin(8)
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._show_steps)
        self._show_steps(self.IDENTITY)
        bold = QFont(self.font())
        bold.setBold(True)
        self.steps.setFixedWidth(
            max(QFontMetrics(bold).horizontalAdvance(f"✓ 4. {name}") for name in self._step_names())
            + 3 * self.fontMetrics().averageCharWidth())

        self._save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self,
                                        activated=self._save_or_next)
        metrics = self.fontMetrics()
        fit_to_screen(self, max(900, 100 * metrics.averageCharWidth()),
                      max(640, 34 * metrics.height()))

    def _step_names(self) -> list[str]:
        return [self.tr("Who is calling"), self.tr("Existing victims"), self.tr("Risk"),
                self.tr("First follow-up")]

    def _show_steps(self, current: int) -> None:
        lines = []
        for number, name in enumerate(self._step_names()):
            text = f"{number + 1}. {name}"
            if number == current:
                lines.append(f"<p style='margin:6px 0'><b>{text}</b></p>")
            elif number < current:
                lines.append(f"<p style='margin:6px 0'>✓ {text}</p>")
            else:
                muted = readable(MUTED_COLOUR).name()
                lines.append(f"<p style='margin:6px 0; color:{muted}'>{text}</p>")
        self.steps.setText("".join(lines))

    def _save_or_next(self) -> None:
        if self.currentId() == self.FOLLOW_UP:
            finish = self.button(QWizard.WizardButton.FinishButton)
            if finish.isEnabled():
                finish.click()
        elif self.button(QWizard.WizardButton.NextButton).isEnabled():
            self.next()

    def summary(self) -> str:
        victim = self.identity_page.draft()
        case = self.risk_page.draft()
        text = self.tr(
            "Create case (Enter or Ctrl+S) saves {name}, risk level {risk}, and this "
            "follow-up. The case opens afterwards.").format(
                name=f"{victim.first_names} {victim.last_name}",
                risk=risk_label(case.risk_level.value).lower())
        rules = self.identity_page.refused_contact()
        if rules:
            text += "\n\n" + self.tr("When following up: {rules}.").format(
                rules=", ".join(rules))
        return text

    def create(self) -> bool:
        """Save the victim, the case and the first follow-up; True if the case exists."""
        if self.created is not None:
            return True
        services = self._session.services
        try:
            case = services.cases.create_intake(self.identity_page.draft(),
                                                self.risk_page.draft())
        except KnownError as error:
            show_error(self, error, self.tr("The case was not created"))
            return False
        self.created = (case.id, case.reference)
        try:
            services.records.add_follow_up(case.id, self.follow_up_page.draft())
        except KnownError as error:
            # The case exists: going on (not retrying) avoids a second case.
            show_error(self, error, self.tr(
                "Case {reference} was created, but not its follow-up").format(
                    reference=case.reference))
        return True

    def open_existing_case(self, case_id: int) -> None:
        """Leave the intake and open the person's existing case instead."""
        self._quiet = True
        self.reject()
        self.open_existing.emit(case_id)

    def _is_locking(self) -> bool:
        return bool(getattr(self.parentWidget(), "is_locking", False))

    # -- over a lock ---------------------------------------------------------------------

    def _contact_rules(self) -> dict[str, Field]:
        page = self.identity_page
        return {"mayLeaveVoicemail": page.may_leave_voicemail, "maySendSms": page.may_send_sms,
                "mayEmail": page.may_email, "maySendPost": page.may_send_post,
                "consentGiven": page.consent}

    def form_draft(self) -> FormDraft | None:
        """What was typed on every step so far, to carry on after the app locked."""
        if self.created is not None:
            return None  # saved already: nothing to keep
        page = self.identity_page
        values: dict[str, object] = {}
        if page.dirty:
            values = {
                "step": self.currentId(),
                "identity": page.identity.snapshot(), "contact": page.contact.snapshot(),
                "rules": page.rules.snapshot(),
                "checks": {name: field.snapshot()
                           for name, field in self._contact_rules().items()},
                "different": self.duplicate_page.different.isChecked(),
                "risk": self.risk_page.form.snapshot(),
                "breaches": list(self.risk_page.draft().breach_ids),
                "follow_up": self.follow_up_page.form.snapshot(),
            }
        return FormDraft(kind=drafts.INTAKE, values=values, focus=drafts.focus_name(self))

    def restore_draft(self, draft: FormDraft) -> None:
        """Put back what was typed before the lock and go on to the same step.

        The steps are passed the way Next passes them (the existing-victims check runs
        again); a step that is not complete any more is where the wizard stops.
        """
        values = dict(draft.values)
        if values:
            page = self.identity_page
            page.identity.restore(values.get("identity", {}))
            page.contact.restore(values.get("contact", {}))
            page.rules.restore(values.get("rules", {}))
            checks = values.get("checks", {})
            for name, field in self._contact_rules().items():
                if name in checks:
                    field.restore(checks[name])
            target = int(values.get("step", self.IDENTITY))
            self._restore_step(values)
            while self.currentId() < target and self.currentPage().isComplete():
                self.next()
                self._restore_step(values)
        drafts.refocus(self, draft.focus)

    def _restore_step(self, values: dict[str, object]) -> None:
        current = self.currentId()
        if current == self.DUPLICATES and self.duplicate_page.found:
            self.duplicate_page.different.setChecked(bool(values.get("different")))
        elif current == self.RISK:
            risk: dict[str, object] = values.get("risk", {})  # type: ignore[assignment]
            self.risk_page.form.restore(risk)
            chosen = set(values.get("breaches", ()))  # type: ignore[call-overload]
            model = self.risk_page.breach_model
            for row in range(model.rowCount()):
                item = model.item(row)
                if item is not None and item.data(Qt.ItemDataRole.UserRole) in chosen:
                    item.setCheckState(Qt.CheckState.Checked)
        elif current == self.FOLLOW_UP:
            follow_up: dict[str, object] = values.get("follow_up", {})  # type: ignore[assignment]
            self.follow_up_page.form.restore(follow_up)

    # -- Qt overrides --------------------------------------------------------------------

    def accept(self) -> None:
        """Override of QDialog.accept: announce the new case once the dialog is done."""
        super().accept()
        if self.created is not None:
            self.case_created.emit(*self.created)

    def reject(self) -> None:
        """Override of QDialog.reject: ask before throwing typed details away."""
        if (not self._quiet and self.created is None and self.isVisible()
                and self.identity_page.dirty and not self._is_locking()):
            answer = QMessageBox.question(
                self, self.tr("Discard this intake?"),
                self.tr("Nothing has been saved yet. Discard what you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
