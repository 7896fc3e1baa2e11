"""One case as the case view shows it: the case and victim rows as data, and every
section the signed-in role may see, loaded in one go.

:meth:`~models.services.cases.CaseService.get_detail` checks access, loads here and
writes the ``view`` event, all in one unit of work (the event commits before anything is
returned). Opening a case is read as plain rows (Core selects built once, one query per
kind of record, straight into the DTOs): the ORM's identity map, relationship loading and
per-value opening of sealed columns cost 10 times the queries themselves for a case with
dozens of sessions (BENCHMARKS.md, ``case_open_ms``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any, cast

from sqlalchemy import ColumnElement, Integer, Select, Table, bindparam, select
from sqlalchemy.orm import Session

from models.domain.dto import (
    AttachmentInfo,
    CaseData,
    CaseDetail,
    ExtortionContactData,
    FollowUpData,
    IdentityCodeEntry,
    PoliceReportData,
    ProtectiveActionData,
    SupportSessionData,
    VictimData,
)
from models.domain.entities import (
    Attachment,
    Breach,
    Case,
    ExtortionContact,
    FollowUp,
    IdentityCodeRecord,
    PoliceReport,
    ProtectiveAction,
    ProtectiveActionType,
    SupportSession,
    User,
    Victim,
    victim_breach,
)
from models.domain.enums import Role
from models.domain.errors import NotFound
from models.domain.i18n import gettext as _
from models.domain.sealed import session_cipher
from models.domain.validation import IdentityCode
from models.security.permissions import Operation, allows


def victim_data(victim: Victim, history: Sequence[IdentityCodeRecord] = ()) -> VictimData:
    code = IdentityCode.from_stored(victim.identity_code) if victim.identity_code else None
    return VictimData(
        id=victim.id,
        version=victim.version,
        first_names=victim.first_names,
        last_name=victim.last_name,
        identity_code_masked=code.masked if code else None,
        identity_code_temporary=code is not None and code.is_temporary,
        birth_date=victim.birth_date,
        phone=victim.phone,
        email=victim.email,
        street_address=victim.street_address,
        postal_code=victim.postal_code,
        city=victim.city,
        country=victim.country,
        language=victim.language,
        may_leave_voicemail=victim.may_leave_voicemail,
        may_send_sms=victim.may_send_sms,
        may_email=victim.may_email,
        may_send_post=victim.may_send_post,
        safe_contact_note=victim.safe_contact_note,
        consent_given=victim.consent_given,
        consent_date=victim.consent_date,
        identity_code_history=tuple(
            IdentityCodeEntry(
                masked=IdentityCode.from_stored(r.identity_code).masked,
                valid_from=r.valid_from,
                valid_to=r.valid_to,
                note=r.note,
            )
            for r in history
        ),
        breaches=tuple(b.name for b in victim.breaches),
    )


def case_data(case_row: Case) -> CaseData:
    return CaseData(
        id=case_row.id,
        version=case_row.version,
        reference=case_row.reference,
        status=case_row.status,
        closure_reason=case_row.closure_reason,
        risk_level=case_row.risk_level,
        risk_reason=case_row.risk_reason,
        intake_note=case_row.intake_note,
        assigned_to_id=case_row.assigned_to_id,
        assigned_to_name=case_row.assigned_to.display_name if case_row.assigned_to else None,
        opened_on=case_row.opened_on,
        closed_on=case_row.closed_on,
        closure_requested_at=case_row.closure_requested_at,
        requested_closure_reason=case_row.requested_closure_reason,
    )


def load_detail(db_session: Session, case_id: int, role: Role) -> CaseDetail:
    """Everything the case view shows of the case to ``role``, read as plain rows: one
    query per kind of record, a section the role may not see neither read nor shown
    (``None``), and the case's sealed values opened with its keys looked up once.

    Raises:
        NotFound: there is no such case.
        DataError: a sealed value does not open (altered, moved, or its key destroyed).
    """
    connection = db_session.connection()
    row = connection.execute(_CASE_SELECT, {"case_id": case_id}).first()
    if row is None:
        raise NotFound(_("That case does not exist."))
    victim_id = row.v_id
    history = connection.execute(_HISTORY_SELECT, {"victim_id": victim_id}).all()
    breaches = connection.execute(_BREACH_SELECT, {"victim_id": victim_id}).scalars().all()
    code = IdentityCode.from_stored(row.v_identity_code) if row.v_identity_code else None
    victim = VictimData(
        **{name: getattr(row, "v_" + name) for name in _VICTIM_FIELDS},
        identity_code_masked=code.masked if code else None,
        identity_code_temporary=code is not None and code.is_temporary,
        identity_code_history=tuple(
            IdentityCodeEntry(masked=IdentityCode.from_stored(r.identity_code).masked,
                              valid_from=r.valid_from, valid_to=r.valid_to, note=r.note)
            for r in history),
        breaches=tuple(breaches),
    )
    case = CaseData(**{name: getattr(row, "c_" + name) for name in _CASE_FIELDS},
                    assigned_to_name=row.assigned_to_name)

    def rows(operation: Operation, statement: Select[Any]) -> list[dict[str, Any]] | None:
        # A section the role may not see is None (and not read), never silently empty.
        if not allows(role, operation):
            return None
        result = connection.execute(statement, {"case_id": case_id})
        names = tuple(result.keys())
        return [dict(zip(names, values, strict=True)) for values in result]

    contacts = rows(Operation.VIEW_EXTORTION, _CONTACT_SELECT)
    if contacts:
        opened = session_cipher(db_session).open_case_texts(
            "extortion_contact", "message_text", case_id,
            [(c["id"], c["message_text"]) for c in contacts])
        for contact, text in zip(contacts, opened, strict=True):
            contact["message_text"] = text
    sessions = rows(Operation.VIEW_SESSIONS, _SESSION_SELECT)
    if sessions:
        opened = session_cipher(db_session).open_case_texts(
            "support_session", "notes", case_id, [(s["id"], s["notes"]) for s in sessions])
        for support_session, text in zip(sessions, opened, strict=True):
            support_session["notes"] = text
            support_session["follow_up_task"] = support_session["follow_up_task"] or ""
    actions = rows(Operation.VIEW_PROTECTIVE_ACTIONS, _ACTION_SELECT)
    if actions:
        # In the checklist's order (a step not in it last); titles stored in English
        # (migration 0001), shown in the language in use.
        actions.sort(key=lambda a: (a["sort_order"] is None, a["sort_order"] or 0, a["id"]))
        for action in actions:
            stored_title = action.pop("stored_title")
            action.pop("sort_order")
            action["title"] = _(stored_title) if stored_title is not None else action[
                "type_code"]
    follow_ups = rows(Operation.VIEW_FOLLOW_UPS, _FOLLOW_UP_SELECT)
    police_reports = rows(Operation.VIEW_POLICE_REPORTS, _REPORT_SELECT)
    attachments = rows(Operation.VIEW_ATTACHMENTS, _ATTACHMENT_SELECT)

    def made(cls: type[Any], section: list[Any] | None) -> tuple[Any, ...] | None:
        return None if section is None else tuple(cls(**values) for values in section)

    return CaseDetail(
        case=case,
        victim=victim,
        extortion_contacts=made(ExtortionContactData, contacts),
        police_reports=made(PoliceReportData, police_reports),
        support_sessions=made(SupportSessionData, sessions),
        protective_actions=made(ProtectiveActionData, actions),
        follow_ups=made(FollowUpData, follow_ups),
        attachments=made(AttachmentInfo, attachments),
    )


def _dto_columns(table: Table, dto: type[Any], *, skip: tuple[str, ...] = ()
                 ) -> list[ColumnElement[Any]]:
    """The columns of ``table`` that ``dto`` has a same-named field for."""
    names = {f.name for f in fields(dto)} - set(skip)
    return [column for column in table.c if column.name in names]


def _build_selects() -> dict[str, Any]:
    """The case view's statements, built once (their compiled forms are cached)."""
    case_t, victim_t = cast(Table, Case.__table__), cast(Table, Victim.__table__)
    user_t = cast(Table, User.__table__)
    assignee = user_t.alias("assignee")
    case_id, victim_id = bindparam("case_id", type_=Integer), bindparam("victim_id", type_=Integer)
    case_columns = _dto_columns(case_t, CaseData)
    victim_columns = _dto_columns(victim_t, VictimData)
    selects: dict[str, Any] = {
        "case_fields": tuple(c.name for c in case_columns),
        "victim_fields": tuple(c.name for c in victim_columns),
    }
    selects["case"] = (
        select(*[c.label("c_" + c.name) for c in case_columns],
               *[c.label("v_" + c.name) for c in victim_columns],
               victim_t.c.identity_code.label("v_identity_code"),
               assignee.c.display_name.label("assigned_to_name"))
        .select_from(case_t.join(victim_t, victim_t.c.id == case_t.c.victim_id)
                     .outerjoin(assignee, assignee.c.id == case_t.c.assigned_to_id))
        .where(case_t.c.id == case_id))
    codes = cast(Table, IdentityCodeRecord.__table__)
    selects["history"] = (
        select(codes.c.identity_code, codes.c.valid_from, codes.c.valid_to, codes.c.note)
        .where(codes.c.victim_id == victim_id)
        .order_by(codes.c.valid_from, codes.c.id))
    breach_t = cast(Table, Breach.__table__)
    selects["breaches"] = (
        select(breach_t.c.name)
        .join_from(victim_breach, breach_t, breach_t.c.id == victim_breach.c.breach_id)
        .where(victim_breach.c.victim_id == victim_id)
        .order_by(breach_t.c.id))

    def section(table: Table, dto: type[Any], *order: ColumnElement[Any]) -> Select[Any]:
        return (select(*_dto_columns(table, dto)).where(table.c.case_id == case_id)
                .order_by(*order, table.c.id))

    contact_t = cast(Table, ExtortionContact.__table__)
    selects["contacts"] = section(contact_t, ExtortionContactData, contact_t.c.received_at)
    report_t = cast(Table, PoliceReport.__table__)
    selects["reports"] = section(report_t, PoliceReportData, report_t.c.filed_on)
    action_t = cast(Table, ProtectiveAction.__table__)
    type_t = cast(Table, ProtectiveActionType.__table__)
    selects["actions"] = (
        select(*_dto_columns(action_t, ProtectiveActionData),
               type_t.c.title.label("stored_title"), type_t.c.sort_order)
        .outerjoin_from(action_t, type_t, type_t.c.code == action_t.c.type_code)
        .where(action_t.c.case_id == case_id))
    attachment_t = cast(Table, Attachment.__table__)
    selects["attachments"] = section(attachment_t, AttachmentInfo, attachment_t.c.added_at)
    follow_t = cast(Table, FollowUp.__table__)
    selects["follow_ups"] = (
        select(*_dto_columns(follow_t, FollowUpData),
               assignee.c.display_name.label("assignee_name"))
        .outerjoin_from(follow_t, assignee, assignee.c.id == follow_t.c.assignee_id)
        .where(follow_t.c.case_id == case_id)
        .order_by(follow_t.c.due_on, follow_t.c.id))
    session_t = cast(Table, SupportSession.__table__)
    counsellor = user_t.alias("counsellor")
    planned = follow_t.alias("planned")
    selects["sessions"] = (
        select(*_dto_columns(session_t, SupportSessionData),
               counsellor.c.display_name.label("counsellor_name"),
               planned.c.due_on.label("next_follow_up_on"),
               planned.c.description.label("follow_up_task"))
        .select_from(session_t
                     .outerjoin(counsellor, counsellor.c.id == session_t.c.counsellor_id)
                     .outerjoin(planned, planned.c.id == session_t.c.follow_up_id))
        .where(session_t.c.case_id == case_id)
        .order_by(session_t.c.started_at, session_t.c.id))
    return selects


_SELECTS = _build_selects()
_CASE_FIELDS: tuple[str, ...] = _SELECTS["case_fields"]
_VICTIM_FIELDS: tuple[str, ...] = _SELECTS["victim_fields"]
_CASE_SELECT: Select[Any] = _SELECTS["case"]
_HISTORY_SELECT: Select[Any] = _SELECTS["history"]
_BREACH_SELECT: Select[Any] = _SELECTS["breaches"]
_CONTACT_SELECT: Select[Any] = _SELECTS["contacts"]
_REPORT_SELECT: Select[Any] = _SELECTS["reports"]
_ACTION_SELECT: Select[Any] = _SELECTS["actions"]
_ATTACHMENT_SELECT: Select[Any] = _SELECTS["attachments"]
_FOLLOW_UP_SELECT: Select[Any] = _SELECTS["follow_ups"]
_SESSION_SELECT: Select[Any] = _SELECTS["sessions"]
