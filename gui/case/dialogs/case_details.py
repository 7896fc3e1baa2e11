"""The dialogs of the victim and the case themselves (the header's buttons): the victim's
details and safe-contact rules, the case's risk and status, a new identity code, and
closing the case or asking to."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from gui.case.dialogs.base import (
    DialogHost,
    OptionalDateField,
    RecordDialog,
    check_box,
    monospace,
    not_future,
)
from gui.shared import drafts
from gui.shared.labels import label, options
from models.domain import validation as v
from models.domain.dto import CaseDetail, CaseDraft, VictimDraft
from models.domain.enums import CaseStatus, ClosureReason, Language, RiskLevel, Role
from models.domain.errors import KnownError, ValidationError
from models.security.permissions import Operation, allows
from models.services import Services


class VictimDialog(RecordDialog):
    """Personal and contact details, and the safe-contact rules."""

    draft_kind = drafts.VICTIM

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit victim")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit victim")

    def build(self) -> None:
        form = self.form
        victim = self.record
        form.line("first_names", self.tr("First names"), required=True)
        form.line("last_name", self.tr("Last name"), required=True)
        birth = form.add(OptionalDateField("birth_date", self.tr("Date of birth"),
                                           self.tr("Known"), not_future("Date of birth")))
        if victim is not None and victim.identity_code_masked:
            birth.editor.setEnabled(False)
            birth.editor.setToolTip(self.tr("Comes from the identity code; change the code to "
                                            "change it."))
        form.line("phone", self.tr("Phone"), v.validate_phone, placeholder="040 123 4567")
        form.line("email", self.tr("E-mail"), v.validate_email)
        form.line("street_address", self.tr("Street address"))
        form.line("postal_code", self.tr("Postal code"))
        form.line("city", self.tr("City"))
        form.line("country", self.tr("Country"), _country, placeholder="FI")
        form.choice("language", self.tr("Language"), options("language"))
        heading = QLabel(self.tr("<b>Safe contact</b> — what may we do without putting the "
                                 "victim at risk?"))
        heading.setWordWrap(True)
        form.layout_.addRow(heading)
        check_box(form, "may_leave_voicemail", self.tr("May leave voicemail"))
        check_box(form, "may_send_sms", self.tr("May send text messages"))
        check_box(form, "may_email", self.tr("May send e-mail"))
        check_box(form, "may_send_post", self.tr("May send post"))
        form.text("safe_contact_note", self.tr("Safe-contact note"))
        check_box(form, "consent_given", self.tr("Consent to processing given"))
        form.add(OptionalDateField("consent_date", self.tr("Consent date"), self.tr("Known"),
                                   not_future("Consent date")))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {name: getattr(record, name) for name in (
            "first_names", "last_name", "birth_date", "phone", "email", "street_address",
            "postal_code", "city", "country", "language", "may_leave_voicemail",
            "may_send_sms", "may_email", "may_send_post", "safe_contact_note",
            "consent_given", "consent_date")}

    def to_draft(self, values: dict[str, Any]) -> VictimDraft:
        return VictimDraft(
            first_names=values["first_names"], last_name=values["last_name"],
            birth_date=values["birth_date"], phone=values["phone"], email=values["email"],
            street_address=values["street_address"] or "",
            postal_code=values["postal_code"] or "", city=values["city"] or "",
            country=values["country"] or "FI", language=Language(values["language"]),
            may_leave_voicemail=bool(values["may_leave_voicemail"]),
            may_send_sms=bool(values["may_send_sms"]), may_email=bool(values["may_email"]),
            may_send_post=bool(values["may_send_post"]),
            safe_contact_note=values["safe_contact_note"] or "",
            consent_given=bool(values["consent_given"]), consent_date=values["consent_date"])

    def submit(self, services: Services, draft: VictimDraft) -> Any:
        return services.cases.update_victim(self.record.id, self.record.version, draft)

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.victim if detail.victim.id == self.record.id else None


def _country(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise ValidationError(
            QCoreApplication.translate("VictimDialog", "Country"),
            QCoreApplication.translate("VictimDialog",
                                       "must be a two-letter country code such as FI"))
    return code


class CaseDialog(RecordDialog):
    """Risk level and its reason, the intake note, the status, and (supervisors) the
    counsellor."""

    draft_kind = drafts.CASE

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit case")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit case")

    def build(self) -> None:
        case = self.record
        form = self.form
        form.choice("risk_level", self.tr("Risk level"), options("risk"))
        reason = form.text("risk_reason", self.tr("Why this risk level"))
        reason.editor.setMinimumHeight(self.fontMetrics().height() * 4)
        note = form.text("intake_note", self.tr("Intake note"))
        note.editor.setMinimumHeight(self.fontMetrics().height() * 4)
        note.editor.setToolTip(self.tr("What was learnt at first contact"))
        statuses = [(label("status", s.value), s.value) for s in CaseStatus
                    if s is not CaseStatus.CLOSED or case.status == CaseStatus.CLOSED.value]
        form.choice("status", self.tr("Status"), statuses)
        self.may_reassign = allows(self.host.session.actor.role, Operation.REASSIGN_CASE)
        if self.may_reassign:
            people: list[tuple[str, int | None]] = [(self.tr("— unassigned —"), None)]
            try:
                users = self.host.session.services.accounts.colleagues(
                    (Role.COUNSELLOR,), keep=case.assigned_to_id)
            except KnownError:
                users = []
            people += [(user.display_name, user.id) for user in users]
            form.choice("assigned_to_id", self.tr("Counsellor"), people)
        if case.status == CaseStatus.CLOSED.value:
            self.set_intro(self.tr("This case is closed. Choose another status to reopen it."))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"risk_level": record.risk_level, "risk_reason": record.risk_reason,
                "intake_note": record.intake_note,
                "status": record.status, "assigned_to_id": record.assigned_to_id}

    def to_draft(self, values: dict[str, Any]) -> tuple[CaseDraft, CaseStatus]:
        case = self.record
        assigned = values["assigned_to_id"] if self.may_reassign else case.assigned_to_id
        draft = CaseDraft(risk_level=RiskLevel(values["risk_level"]),
                          risk_reason=values["risk_reason"] or "",
                          intake_note=values["intake_note"] or "", assigned_to_id=assigned,
                          opened_on=case.opened_on)
        return draft, CaseStatus(values["status"])

    def submit(self, services: Services, draft: tuple[CaseDraft, CaseStatus]) -> Any:
        case_draft, status = draft
        result = services.cases.update_case(self.record.id, self.record.version, case_draft)
        if status.value != result.status:
            result = services.cases.set_status(result.id, result.version, status)
        return result

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.case


class IdentityCodeDialog(RecordDialog):
    """A new identity code for the victim; the old one stays in the history."""

    draft_kind = drafts.IDENTITY_CODE

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Change identity code")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Change identity code")

    def build(self) -> None:
        self.set_intro(self.tr("Record a new personal identity code the victim has been "
                               "granted. The previous code is kept in the history."))
        code = self.form.line("identity_code", self.tr("New identity code"),
                              v.parse_identity_code, required=True, placeholder="DDMMYY-NNNC")
        code.editor.setFont(monospace())
        self.form.line("note", self.tr("Note"),
                       placeholder=self.tr("e.g. DVV decision of 3.5.2024"))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {}

    @property
    def is_new(self) -> bool:
        return True

    def to_draft(self, values: dict[str, Any]) -> tuple[v.IdentityCode, str]:
        return values["identity_code"], values["note"] or ""

    def submit(self, services: Services, draft: tuple[v.IdentityCode, str]) -> Any:
        code, note = draft
        services.cases.change_identity_code(self.record.id, code, note)
        return None

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.victim


class ClosureDialog(RecordDialog):
    """Ask to close the case (counsellors) or close it (supervisors), with a reason."""

    draft_kind = drafts.CLOSURE

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Close case")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Request closure")

    def __init__(self, host: DialogHost, record: Any, parent: QWidget, *,
                 request: bool) -> None:
        self.request = request
        super().__init__(host, record, parent)
        title = self.tr("Request closure") if request else self.tr("Close case")
        self.setWindowTitle(title + " — " + host.detail.case.reference)

    def draft_variant(self) -> str:
        return "request" if self.request else "close"

    def build(self) -> None:
        self.save_button.setText(self.tr("&Request closure") if self.request
                                 else self.tr("&Close case"))
        self.form.choice("reason", self.tr("Reason"), options("closure"))
        if self.request:
            self.set_intro(self.tr("A supervisor approves closing the case, or returns it to "
                                   "you. The case stays open until then."))
        else:
            self.set_intro(self.tr("The case is closed now. It can be reopened later from "
                                   "Edit case."))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"reason": ClosureReason.RESOLVED.value}

    @property
    def is_new(self) -> bool:
        return True

    def to_draft(self, values: dict[str, Any]) -> ClosureReason:
        return ClosureReason(values["reason"])

    def submit(self, services: Services, draft: ClosureReason) -> Any:
        if self.request:
            return services.cases.request_closure(self.record.id, self.record.version, draft)
        return services.cases.set_status(self.record.id, self.record.version,
                                         CaseStatus.CLOSED, draft)

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.case
