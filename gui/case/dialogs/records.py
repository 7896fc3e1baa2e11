"""The dialogs that add and edit a case's records, one kind each: extortion contacts,
police reports, support sessions, protective actions (a checklist step) and follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from gui.case.dialogs.base import (
    DialogHost,
    OptionalDateField,
    OptionalDateTimeField,
    OptionalNumberField,
    RecordDialog,
    check_box,
    monospace,
    not_future,
    revalidate,
)
from gui.shared import drafts
from gui.shared.labels import options
from models.domain import validation as v
from models.domain.base import local_today
from models.domain.dto import (
    CaseDetail,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
)
from models.domain.enums import (
    PROTECTIVE_ACTION_CATALOGUE,
    ActionState,
    Channel,
    Currency,
    PoliceReportState,
    Referral,
    Role,
    SessionMode,
)
from models.domain.errors import KnownError, ValidationError
from models.domain.formatting import amount_text
from models.services import Services


class ExtortionContactDialog(RecordDialog):
    draft_kind = drafts.EXTORTION_CONTACT
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Add extortion contact")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit extortion contact")

    def build(self) -> None:
        form = self.form
        self.set_intro(self.tr("Copy the message exactly as the victim received it. The wallet "
                               "address is checked as you type, so a mistyped character "
                               "shows at once."))
        received = form.datetime("received_at", self.tr("Received at"))
        received.validator = not_future("Received at")
        form.choice("channel", self.tr("Channel"), options("channel"))
        form.line("sender", self.tr("Sender"), self._check_sender,
                  placeholder=self.tr("e-mail address, phone number or name"))
        form.choice("currency", self.tr("Currency"), options("currency"))
        form.line("amount_demanded", self.tr("Amount demanded"), self._money("Amount demanded"),
                  placeholder="200,00")
        wallet = form.line("wallet_address", self.tr("Wallet address"),
                           v.validate_bitcoin_address, placeholder="bc1q… / 1… / 3…")
        wallet.editor.setFont(monospace())
        form.add(OptionalDateTimeField("deadline_at", self.tr("Deadline"),
                                       self.tr("Has a deadline"), self._check_deadline))
        message = form.text("message_text", self.tr("Message, verbatim"))
        message.editor.setMinimumHeight(self.fontMetrics().height() * 8)
        check_box(form, "paid", self.tr("The victim paid"))
        form.line("amount_paid", self.tr("Amount paid"), self._money("Amount paid"))
        check_box(form, "handed_to_police", self.tr("Handed to the police"))
        self.field("channel").changed.connect(lambda: revalidate(self.field("sender")))
        self.field("currency").changed.connect(self._currency_changed)
        self.field("received_at").changed.connect(
            lambda: revalidate(self.field("deadline_at")))
        self.field("paid").changed.connect(self._paid_changed)
        self._paid_changed()

    def _money(self, name: str) -> Callable[[Any], Any]:
        def check(text: Any) -> Any:
            currency = self.form.fields["currency"].raw() if "currency" in self.form.fields \
                else "EUR"
            places = 8 if currency == Currency.BTC.value else 2
            return v.parse_money(text, field=name, decimals=places)
        return check

    def _check_sender(self, text: str) -> str:
        if "channel" in self.form.fields and self.field("channel").raw() == Channel.EMAIL.value:
            return v.validate_email(text, field="Sender")
        return text

    def _check_deadline(self, deadline: dt.datetime) -> dt.datetime:
        received = self.field("received_at").raw() if "received_at" in self.form.fields else None
        if received is not None and deadline < received:
            raise ValidationError(self.tr("Deadline"),
                                  self.tr("cannot be before the message was received"))
        return deadline

    def _currency_changed(self) -> None:
        for name in ("amount_demanded", "amount_paid"):
            if name in self.form.fields:
                revalidate(self.field(name))

    def _paid_changed(self) -> None:
        paid = bool(self.field("paid").raw())
        amount = self.field("amount_paid")
        amount.editor.setEnabled(paid)
        if not paid and amount.raw():
            amount.editor.clear()  # type: ignore[attr-defined]

    def defaults(self) -> dict[str, Any]:
        return {"channel": Channel.EMAIL.value, "currency": Currency.EUR.value}

    def values_from(self, record: Any) -> dict[str, Any]:
        return {
            "received_at": record.received_at, "channel": record.channel,
            "sender": record.sender, "currency": record.currency,
            "amount_demanded": amount_text(record.amount_demanded, record.currency),
            "wallet_address": record.wallet_address or "",
            "deadline_at": record.deadline_at, "message_text": record.message_text,
            "paid": record.paid,
            "amount_paid": amount_text(record.amount_paid, record.currency),
            "handed_to_police": record.handed_to_police,
        }

    def after_load(self) -> None:
        self._paid_changed()

    def to_draft(self, values: dict[str, Any]) -> ExtortionContactDraft:
        return ExtortionContactDraft(
            received_at=values["received_at"], channel=Channel(values["channel"]),
            sender=values["sender"] or "", amount_demanded=values["amount_demanded"],
            currency=Currency(values["currency"]), wallet_address=values["wallet_address"],
            deadline_at=values["deadline_at"], message_text=values["message_text"] or "",
            paid=bool(values["paid"]),
            amount_paid=values["amount_paid"] if values["paid"] else None,
            handed_to_police=bool(values["handed_to_police"]),
        )

    def submit(self, services: Services, draft: ExtortionContactDraft) -> Any:
        if self.record is None:
            return services.records.add_extortion_contact(self.host.case_id, draft)
        return services.records.update_extortion_contact(
            self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.extortion_contacts


class PoliceReportDialog(RecordDialog):
    draft_kind = drafts.POLICE_REPORT
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Add police report")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit police report")

    def build(self) -> None:
        self.set_intro(self.tr("Only the number on the victim's copy of the report counts — "
                               "not the online service's confirmation e-mail."))
        number = self.form.line("report_number", self.tr("Report number"),
                                v.validate_police_report_number, required=True,
                                placeholder="5500/R/12345/20")
        number.editor.setFont(monospace())
        self.form.line("department", self.tr("Police department"),
                       placeholder=self.tr("e.g. Helsinki Police Department"))
        filed = self.form.date("filed_on", self.tr("Filed on"))
        filed.validator = not_future("Filed on")
        self.form.choice("state", self.tr("State"), options("report_state"))
        check_box(self.form, "victim_has_copy", self.tr("The victim has their copy of the report"))

    def defaults(self) -> dict[str, Any]:
        return {"state": PoliceReportState.FILED.value}

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"report_number": record.report_number, "department": record.department,
                "filed_on": record.filed_on, "state": record.state,
                "victim_has_copy": record.victim_has_copy}

    def to_draft(self, values: dict[str, Any]) -> PoliceReportDraft:
        return PoliceReportDraft(
            report_number=values["report_number"], filed_on=values["filed_on"],
            department=values["department"] or "", state=PoliceReportState(values["state"]),
            victim_has_copy=bool(values["victim_has_copy"]))

    def submit(self, services: Services, draft: PoliceReportDraft) -> Any:
        if self.record is None:
            return services.records.add_police_report(self.host.case_id, draft)
        return services.records.update_police_report(self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.police_reports


class SupportSessionDialog(RecordDialog):
    draft_kind = drafts.SUPPORT_SESSION
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Add support session")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit support session")

    def build(self) -> None:
        form = self.form
        started = form.datetime("started_at", self.tr("Started at"))
        started.validator = not_future("Session start")
        duration = form.number("duration_minutes", self.tr("Duration"), 0, 1440, 30)
        duration.editor.setSuffix(self.tr(" min"))  # type: ignore[attr-defined]
        duration.editor.setSingleStep(5)  # type: ignore[attr-defined]
        form.choice("mode", self.tr("Mode"), options("mode"))
        form.add(OptionalNumberField("distress_level", self.tr("Distress level (0–10)"), 0, 10,
                                     self.tr("Not assessed")))
        form.line("outcome", self.tr("Outcome"))
        form.choice("referral", self.tr("Referral"), options("referral"))
        planned = form.add(OptionalDateField("next_follow_up_on", self.tr("Next follow-up"),
                                             self.tr("Plan a follow-up on")))
        planned.editor.setToolTip(self.tr(
            "Adds a follow-up to this case's Follow-ups, assigned to you; it shows in "
            "Follow-ups due on that day."))
        task = form.line("follow_up_task", self.tr("Follow-up task"),
                         placeholder=self.tr("e.g. Call back about the police report"))
        planned.box.check.toggled.connect(task.editor.setEnabled)  # type: ignore[attr-defined]
        notes = form.text("notes", self.tr("Confidential notes"))
        notes.editor.setMinimumHeight(self.fontMetrics().height() * 10)

    def defaults(self) -> dict[str, Any]:
        return {"mode": SessionMode.PHONE.value, "referral": Referral.NONE.value,
                "duration_minutes": 30}

    def after_load(self) -> None:
        # Values load without change signals: the task is typed only for a planned date.
        planned = self.form.fields["next_follow_up_on"].raw() is not None
        self.form.fields["follow_up_task"].editor.setEnabled(planned)

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"started_at": record.started_at, "duration_minutes": record.duration_minutes,
                "mode": record.mode, "distress_level": record.distress_level,
                "outcome": record.outcome, "referral": record.referral,
                "next_follow_up_on": record.next_follow_up_on,
                "follow_up_task": record.follow_up_task, "notes": record.notes}

    def to_draft(self, values: dict[str, Any]) -> SupportSessionDraft:
        return SupportSessionDraft(
            started_at=values["started_at"], duration_minutes=values["duration_minutes"] or 0,
            mode=SessionMode(values["mode"]), notes=values["notes"] or "",
            distress_level=values["distress_level"], outcome=values["outcome"] or "",
            referral=Referral(values["referral"]),
            next_follow_up_on=values["next_follow_up_on"],
            follow_up_task=(values["follow_up_task"] or "")
            if values["next_follow_up_on"] is not None else "")

    def submit(self, services: Services, draft: SupportSessionDraft) -> Any:
        if self.record is None:
            return services.records.add_support_session(self.host.case_id, draft)
        return services.records.update_support_session(
            self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.support_sessions


class ProtectiveActionDialog(RecordDialog):
    """One step of the checklist; a step not started yet is recorded when saved."""

    draft_kind = drafts.PROTECTIVE_ACTION

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Record protective action")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Update protective action")

    def __init__(self, host: DialogHost, record: Any | None, parent: QWidget, *,
                 type_code: str, title: str, guidance: str = "") -> None:
        self.type_code = type_code
        self.step_title = title
        self.guidance = guidance
        kind = next((k for k in PROTECTIVE_ACTION_CATALOGUE if k.code == type_code), None)
        self.validity_days = kind.validity_days if kind else None
        super().__init__(host, record, parent)

    def draft_variant(self) -> str:
        return self.type_code

    def build(self) -> None:
        form = self.form
        intro = f"<b>{_escape(self.step_title)}</b>"
        if self.guidance:
            intro += f"<br>{_escape(self.guidance)}"
        self.set_intro(intro)
        form.choice("state", self.tr("State"), options("action_state"))
        form.add(OptionalDateField("state_on", self.tr("Date"), self.tr("Known"),
                                   not_future("Date")))
        form.add(OptionalDateField("expires_on", self.tr("Expires"), self.tr("Known"),
                                   self._check_expiry))
        if self.validity_days:
            hint = QLabel(self.tr("Left empty, the expiry is set {days} days after the date.")
                          .format(days=self.validity_days))
            hint.setWordWrap(True)
            form.layout_.addRow("", hint)
        note = form.text("note", self.tr("Note"))
        note.editor.setMinimumHeight(self.fontMetrics().height() * 4)
        if self.type_code == "identity_code_change":
            form.choice("grounds", self.tr("Grounds"),
                        [(self.tr("— not given —"), None), *options("grounds")])
            form.text("evidence", self.tr("Evidence"))
            form.choice("decision", self.tr("Decision"),
                        [(self.tr("— none yet —"), None), *options("decision")])
            form.add(OptionalDateField("decision_on", self.tr("Decision date"), self.tr("Known"),
                                       not_future("Decision date")))
        self.field("state").changed.connect(self._state_changed)
        self.field("state_on").changed.connect(lambda: revalidate(self.field("expires_on")))

    def _check_expiry(self, expires: dt.date) -> dt.date:
        start = self.field("state_on").raw() if "state_on" in self.form.fields else None
        if start is not None and expires < start:
            raise ValidationError(self.tr("Expiry date"),
                                  self.tr("cannot be before the date of the step"))
        return expires

    def _state_changed(self) -> None:
        # Moving a step along usually happens today; fill the date in if none is given.
        state_on = self.field("state_on")
        if (self.field("state").raw() != ActionState.NOT_STARTED.value
                and state_on.raw() is None):
            state_on.set_value(local_today())
            state_on.changed.emit()

    def defaults(self) -> dict[str, Any]:
        return {"state": ActionState.NOT_STARTED.value}

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"state": record.state, "state_on": record.state_on,
                "expires_on": record.expires_on, "note": record.note,
                "grounds": record.grounds, "evidence": record.evidence,
                "decision": record.decision, "decision_on": record.decision_on}

    def to_draft(self, values: dict[str, Any]) -> ProtectiveActionDraft:
        return ProtectiveActionDraft(
            type_code=self.type_code, state=ActionState(values["state"]),
            state_on=values["state_on"], expires_on=values["expires_on"],
            note=values["note"] or "", grounds=values.get("grounds"),
            evidence=values.get("evidence") or "", decision=values.get("decision"),
            decision_on=values.get("decision_on"))

    def submit(self, services: Services, draft: ProtectiveActionDraft) -> Any:
        if self.record is None:
            return services.records.add_protective_action(self.host.case_id, draft)
        return services.records.update_protective_action(
            self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.protective_actions


class FollowUpDialog(RecordDialog):
    draft_kind = drafts.FOLLOW_UP
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Plan follow-up")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit follow-up")

    def build(self) -> None:
        self.form.date("due_on", self.tr("Due on"))
        self.form.line("description", self.tr("What to do"), required=True,
                       placeholder=self.tr("e.g. Call back about the police report"))
        people: list[tuple[str, int | None]] = [(self.tr("Me"), None)]
        me = self.host.session.actor.user_id
        current = getattr(self.record, "assignee_id", None)
        try:
            users = self.host.session.services.accounts.colleagues(
                (Role.COUNSELLOR, Role.POLICE_LIAISON, Role.SUPERVISOR), keep=current)
        except KnownError:
            users = []
        people += [(user.display_name, user.id) for user in users if user.id != me]
        self.form.choice("assignee_id", self.tr("Assignee"), people)
        if self.record is not None:
            check_box(self.form, "done", self.tr("Done"))

    def values_from(self, record: Any) -> dict[str, Any]:
        me = self.host.session.actor.user_id
        return {"due_on": record.due_on, "description": record.description,
                "assignee_id": None if record.assignee_id == me else record.assignee_id,
                "done": record.done}

    def to_draft(self, values: dict[str, Any]) -> FollowUpDraft:
        assignee = values["assignee_id"]
        return FollowUpDraft(
            due_on=values["due_on"], description=values["description"],
            assignee_id=assignee if assignee is not None else self.host.session.actor.user_id,
            done=bool(values.get("done")))

    def submit(self, services: Services, draft: FollowUpDraft) -> Any:
        if self.record is None:
            return services.records.add_follow_up(self.host.case_id, draft)
        return services.records.update_follow_up(self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.follow_ups


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
