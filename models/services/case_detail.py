"""One case as the case view shows it: the case and victim rows as data, and every
section the signed-in role may see, loaded in one go.

:meth:`~models.services.cases.CaseService.get_detail` checks access and writes the
``view`` event, then loads here in the same unit of work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

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
    build,
)
from models.domain.entities import (
    Case,
    IdentityCodeRecord,
    ProtectiveActionType,
    SupportSession,
    User,
    Victim,
)
from models.domain.enums import Role
from models.domain.errors import NotFound
from models.domain.i18n import gettext as _
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
        assigned_to_id=case_row.assigned_to_id,
        assigned_to_name=case_row.assigned_to.display_name if case_row.assigned_to else None,
        opened_on=case_row.opened_on,
        closed_on=case_row.closed_on,
        closure_requested_at=case_row.closure_requested_at,
        requested_closure_reason=case_row.requested_closure_reason,
    )


def load_case(db_session: Session, case_id: int) -> Case:
    """The case with its victim and every section, each read with one query.

    Raises:
        NotFound: there is no such case.
    """
    case_row = db_session.scalar(
        select(Case)
        .where(Case.id == case_id)
        .options(
            selectinload(Case.victim).selectinload(Victim.breaches),
            selectinload(Case.victim).selectinload(Victim.identity_codes),
            selectinload(Case.assigned_to),
            selectinload(Case.extortion_contacts),
            selectinload(Case.police_reports),
            selectinload(Case.protective_actions),
            selectinload(Case.follow_ups),
            selectinload(Case.attachments),
        )
    )
    if case_row is None:
        raise NotFound(_("That case does not exist."))
    return case_row


def case_detail(db_session: Session, case_row: Case, role: Role) -> CaseDetail:
    """Everything the case view shows of ``case_row`` (from :func:`load_case`) to ``role``."""

    def section(operation: Operation, make: Callable[[], tuple[Any, ...]]
                ) -> tuple[Any, ...] | None:
        # A section the role may not see is None, never silently empty.
        return make() if allows(role, operation) else None

    titles = _action_titles(db_session)
    order = {code: index for index, code in enumerate(titles)}
    users = _user_names(db_session)
    return CaseDetail(
        case=case_data(case_row),
        victim=victim_data(case_row.victim, case_row.victim.identity_codes),
        extortion_contacts=section(Operation.VIEW_EXTORTION, lambda: tuple(
            build(ExtortionContactData, c) for c in case_row.extortion_contacts
        )),
        police_reports=section(Operation.VIEW_POLICE_REPORTS, lambda: tuple(
            build(PoliceReportData, r)
            for r in sorted(case_row.police_reports, key=lambda r: r.filed_on)
        )),
        support_sessions=section(
            Operation.VIEW_SESSIONS, lambda: _support_session_data(db_session, case_row.id)
        ),
        protective_actions=section(Operation.VIEW_PROTECTIVE_ACTIONS, lambda: tuple(
            build(ProtectiveActionData, a, title=titles.get(a.type_code, a.type_code))
            for a in sorted(case_row.protective_actions,
                            key=lambda a: (order.get(a.type_code, len(order)), a.id))
        )),
        follow_ups=section(Operation.VIEW_FOLLOW_UPS, lambda: tuple(
            build(FollowUpData, f, assignee_name=users.get(f.assignee_id))
            for f in case_row.follow_ups
        )),
        attachments=section(Operation.VIEW_ATTACHMENTS, lambda: tuple(
            build(AttachmentInfo, a)
            for a in sorted(case_row.attachments, key=lambda a: a.added_at)
        )),
    )


def _support_session_data(db_session: Session, case_id: int
                          ) -> tuple[SupportSessionData, ...]:
    counsellor = aliased(User)
    rows = db_session.execute(
        select(SupportSession, counsellor.display_name)
        .outerjoin(counsellor, SupportSession.counsellor_id == counsellor.id)
        .where(SupportSession.case_id == case_id)
        .order_by(SupportSession.started_at, SupportSession.id)
    ).all()
    return tuple(build(SupportSessionData, support_session, counsellor_name=name)
                 for support_session, name in rows)


def _action_titles(db_session: Session) -> dict[str, str]:
    rows = db_session.execute(
        select(ProtectiveActionType.code, ProtectiveActionType.title).order_by(
            ProtectiveActionType.sort_order
        )
    ).all()
    # The checklist is stored in English (migration 0001); shown in the language in use.
    return {code: _(title) for code, title in rows}


def _user_names(db_session: Session) -> dict[int | None, str]:
    return {uid: name for uid, name in db_session.execute(
        select(User.id, User.display_name))}
