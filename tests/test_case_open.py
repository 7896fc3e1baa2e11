"""Opening a case (``CaseService.get_detail``): plain-row reads give what the ORM entities
hold, exactly one ``view`` event is written per open, and a sealed value that does not
open stops the open before anything is returned or recorded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from models import services
from models.domain.dto import (
    AttachmentInfo,
    CaseDetail,
    CaseDraft,
    ExtortionContactData,
    ExtortionContactDraft,
    FollowUpData,
    FollowUpDraft,
    IdentityCodeEntry,
    PoliceReportData,
    PoliceReportDraft,
    ProtectiveActionData,
    ProtectiveActionDraft,
    SupportSessionData,
    SupportSessionDraft,
    VictimDraft,
    build,
)
from models.domain.entities import AuditEvent, Case, SupportSession
from models.domain.enums import ActionState, AuditAction, Channel, RiskLevel, Role, SessionMode
from models.domain.errors import DataError
from models.domain.validation import IdentityCode, generate_temporary_identity_code
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

pytestmark = pytest.mark.both_databases

STRONG = "Tuuli-Kivi-Järvi-Polku"
UTC = dt.UTC


def _views(database: Database, case_id: int) -> int:
    with database.reading() as db_session:
        return db_session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == AuditAction.VIEW.value, AuditEvent.entity == "case",
            AuditEvent.entity_id == case_id, AuditEvent.case_id == case_id)) or 0


def _filled_case(database: Database, boss: services.Services, counsellor: Actor) -> int:
    first = boss.cases.create_breach("Breach A")
    second = boss.cases.create_breach("Breach B")
    case = boss.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Esimerkki", phone="040 123 4567",
                    identity_code=generate_temporary_identity_code(dt.date(1984, 5, 17), 931)),
        CaseDraft(risk_level=RiskLevel.HIGH, risk_reason="Second demand",
                  assigned_to_id=counsellor.user_id, breach_ids=(second.id, first.id)))
    victim_id = boss.cases.get_detail(case.id).victim.id
    boss.cases.change_identity_code(
        victim_id, generate_temporary_identity_code(dt.date(1984, 5, 17), 932), note="typo")
    records = services.build(database, counsellor).records
    for day, text in ((3, "Pay or else"), (1, "First demand")):
        records.add_extortion_contact(case.id, ExtortionContactDraft(
            received_at=dt.datetime(2024, 5, day, 9, tzinfo=UTC), channel=Channel.EMAIL,
            sender="x@example.org", amount_demanded=Decimal("200.00"), message_text=text))
    for number, day in (("1234/R/5678/24", 9), ("1234/R/1111/24", 2)):
        records.add_police_report(case.id, PoliceReportDraft(
            report_number=number, filed_on=dt.date(2024, 5, day)))
    for day, notes, plan in ((4, "Second call", dt.date(2030, 1, 2)), (2, "First call", None),
                             (6, "", None)):
        records.add_support_session(case.id, SupportSessionDraft(
            started_at=dt.datetime(2024, 5, day, 12, tzinfo=UTC), mode=SessionMode.PHONE,
            notes=notes, next_follow_up_on=plan, follow_up_task="Call back" if plan else ""))
    records.add_follow_up(case.id, FollowUpDraft(
        due_on=dt.date(2030, 1, 1), description="Check the report",
        assignee_id=counsellor.user_id))
    records.add_protective_action(case.id, ProtectiveActionDraft(
        type_code="credit_ban_asiakastieto", state=ActionState.DONE, state_on=dt.date(2024, 5, 3)))
    records.add_attachment(case.id, "demand.txt", b"pay 200", "text/plain")
    return case.id


def _expected(database: Database, case_id: int, detail: CaseDetail) -> dict[str, object]:
    """The sections as the ORM entities hold them (sealed values opened by ``Sealed``)."""
    with database.reading() as db_session:
        case_row = db_session.get(Case, case_id)
        assert case_row is not None
        sessions = db_session.scalars(select(SupportSession).where(
            SupportSession.case_id == case_id).order_by(SupportSession.started_at)).all()
        victim = case_row.victim
        titles = {a.type_code: a.title for a in detail.protective_actions or ()}
        return {
            "identity_code_history": tuple(
                IdentityCodeEntry(masked=IdentityCode.from_stored(r.identity_code).masked,
                                  valid_from=r.valid_from, valid_to=r.valid_to, note=r.note)
                for r in victim.identity_codes),
            "breaches": sorted(b.name for b in victim.breaches),
            "extortion_contacts": tuple(build(ExtortionContactData, c)
                                        for c in case_row.extortion_contacts),
            "police_reports": tuple(build(PoliceReportData, r) for r in sorted(
                case_row.police_reports, key=lambda r: r.filed_on)),
            "support_sessions": tuple(build(
                SupportSessionData, s,
                counsellor_name=s.counsellor.display_name if s.counsellor else None)
                for s in sessions),
            "protective_actions": tuple(build(
                ProtectiveActionData, a, title=titles[a.type_code])
                for a in case_row.protective_actions),
            "follow_ups": tuple(build(
                FollowUpData, f, assignee_name=f.assignee.display_name if f.assignee else None)
                for f in case_row.follow_ups),
            "attachments": tuple(build(AttachmentInfo, a) for a in case_row.attachments),
            "assigned_to_name": case_row.assigned_to.display_name
            if case_row.assigned_to else None,
        }


def test_case_open_writes_one_view_event_and_opens_the_same_values(
        database: Database, supervisor: Actor) -> None:
    boss = services.build(database, supervisor)
    user = boss.accounts.create_user("kaisa", "Kaisa Neuvoja", Role.COUNSELLOR, STRONG,
                                     kdf=FAST_KDF)
    counsellor = Actor(user.id, user.username, user.display_name, Role.COUNSELLOR)
    case_id = _filled_case(database, boss, counsellor)
    mine = services.build(database, counsellor)

    before = _views(database, case_id)
    detail = mine.cases.get_detail(case_id)
    assert _views(database, case_id) == before + 1
    mine.cases.get_detail(case_id, refresh=True)
    assert _views(database, case_id) == before + 1  # a refresh is not a second view

    expected = _expected(database, case_id, detail)
    assert detail.case.assigned_to_name == expected["assigned_to_name"] == "Kaisa Neuvoja"
    assert detail.victim.identity_code_history == expected["identity_code_history"]
    assert len(detail.victim.identity_code_history) == 2
    assert sorted(detail.victim.breaches) == expected["breaches"] == ["Breach A", "Breach B"]
    for name in ("extortion_contacts", "police_reports", "support_sessions",
                 "protective_actions", "follow_ups", "attachments"):
        assert getattr(detail, name) == expected[name], name
    assert [c.message_text for c in detail.extortion_contacts or ()] == [
        "First demand", "Pay or else"]
    assert [s.notes for s in detail.support_sessions or ()] == [
        "First call", "Second call", ""]
    planned = (detail.support_sessions or ())[1]
    assert (planned.next_follow_up_on, planned.follow_up_task) == (dt.date(2030, 1, 2),
                                                                     "Call back")
    assert (detail.support_sessions or ())[0].follow_up_task == ""
    assert [r.report_number for r in detail.police_reports or ()] == [
        "1234/R/1111/24", "1234/R/5678/24"]
    assert detail.protective_actions and detail.protective_actions[0].title


def test_sections_a_role_may_not_see_are_none_and_the_open_is_recorded(
        database: Database, supervisor: Actor) -> None:
    boss = services.build(database, supervisor)
    user = boss.accounts.create_user("leena", "Leena Poliisi", Role.POLICE_LIAISON, STRONG,
                                     kdf=FAST_KDF)
    liaison = services.build(database, Actor(user.id, user.username, user.display_name,
                                             Role.POLICE_LIAISON))
    case_id = _filled_case(database, boss, Actor(supervisor.user_id, supervisor.username,
                                       supervisor.display_name, Role.COUNSELLOR))
    before = _views(database, case_id)
    detail = liaison.cases.get_detail(case_id)
    assert detail.support_sessions is None
    assert detail.police_reports is not None and len(detail.police_reports) == 2
    assert _views(database, case_id) == before + 1


def test_a_moved_note_stops_the_open_and_records_no_view(
        database: Database, supervisor: Actor) -> None:
    boss = services.build(database, supervisor)
    case_id = _filled_case(database, boss, supervisor)
    with database.writing() as db_session:
        first, second = db_session.execute(
            select(SupportSession.id, SupportSession.notes_sealed)
            .where(SupportSession.case_id == case_id).order_by(SupportSession.id).limit(2)
        ).all()
        # The first session's sealed note copied onto the second: bound to its row, so
        # it does not open there.
        db_session.execute(update(SupportSession).where(SupportSession.id == second.id)
                           .values(notes_sealed=first.notes_sealed))
    before = _views(database, case_id)
    with pytest.raises(DataError):
        boss.cases.get_detail(case_id)
    assert _views(database, case_id) == before
