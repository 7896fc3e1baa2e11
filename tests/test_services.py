"""The use cases: intake, edits with optimistic locking, records, roles, audit events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy import text as sql

from models import services
from models.domain import i18n
from models.domain.base import local_today
from models.domain.dto import (
    CaseDraft,
    CaseFilter,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.entities import MAX_ATTACHMENT_BYTES, AuditEvent, Victim
from models.domain.enums import (
    ActionState,
    ApplicationGrounds,
    CaseStatus,
    Channel,
    ClosureReason,
    Currency,
    Decision,
    Language,
    RiskLevel,
    Role,
)
from models.domain.errors import ConflictError, PermissionDenied, ValidationError
from models.domain.validation import generate_temporary_identity_code
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

pytestmark = pytest.mark.both_databases

CODE = generate_temporary_identity_code(dt.date(1985, 3, 14), 912)
WALLET = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
NOW = dt.datetime(2024, 5, 2, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


def _victim(**changes: object) -> VictimDraft:
    values: dict[str, object] = {
        "first_names": "Aino Maria", "last_name": "Hämäläinen", "identity_code": CODE,
        "phone": "+44 7700 900123", "email": "Aino.H@example.org",
        "may_leave_voicemail": False, "may_send_post": False,
    }
    values.update(changes)
    return VictimDraft(**values)  # type: ignore[arg-type]


def _audit_actions(database: Database) -> list[tuple[str, str]]:
    with database.reading() as db_session:
        return [(a, e) for a, e in db_session.execute(
            select(AuditEvent.action, AuditEvent.entity).order_by(AuditEvent.seq))]


def _as(svc: services.Services, role: Role, name: str) -> services.Services:
    account = svc.accounts.create_user(name, name.title(), role, "Tuuli-Kivi-Järvi-Polku",
                                       kdf=FAST_KDF)
    actor = Actor(account.id, account.username, account.display_name, role)
    return services.build(svc.database, actor)


def test_intake_creates_victim_and_case(svc: services.Services, database: Database) -> None:
    created = svc.cases.create_intake(_victim(), CaseDraft(risk_level=RiskLevel.HIGH,
                                                           risk_reason="threatened"))
    assert created.reference == f"SUO-{local_today().year}-00001"
    second = svc.cases.create_intake(_victim(identity_code=None, phone=None), CaseDraft())
    assert second.reference.endswith("-00002")
    detail = svc.cases.get_detail(created.id)
    assert detail.victim.identity_code_masked == CODE[:7] + "****"
    assert detail.victim.identity_code_temporary
    assert detail.victim.birth_date == dt.date(1985, 3, 14)
    assert detail.victim.phone == "+447700900123"
    assert detail.victim.email == "aino.h@example.org"
    assert "Do not leave voicemail" in detail.victim.safe_contact_warnings()
    assert detail.case.risk_level == "high"
    assert ("create", "case") in _audit_actions(database)
    assert ("view", "case") in _audit_actions(database)


def test_invalid_identity_code_saves_nothing(svc: services.Services,
                                             database: Database) -> None:
    bad = CODE[:-1] + ("A" if CODE[-1] != "A" else "B")
    with pytest.raises(ValidationError, match="^Identity code: ") as raised:
        svc.cases.create_intake(_victim(identity_code=bad), CaseDraft())
    assert bad not in str(raised.value)
    with database.reading() as db_session:
        assert db_session.scalar(select(func.count(Victim.id))) == 0


def test_a_number_stored_before_the_numbering_plan_was_checked_is_kept(
        svc: services.Services, database: Database) -> None:
    """"040 12" was saved as +3584012 before numbers were checked against Finland's plan:
    editing another detail keeps it, search and the duplicate check still find it; a new
    number must be one in use."""
    created = svc.cases.create_intake(_victim(), CaseDraft())
    victim_id = svc.cases.get_detail(created.id).victim.id
    with database.writing() as db_session:
        row = db_session.get(Victim, victim_id)
        assert row is not None
        row.phone = "+3584012"
    victim = svc.cases.get_detail(created.id).victim
    svc.cases.update_victim(victim.id, victim.version,
                            _victim(first_names="Aino", phone="040 12"))
    victim = svc.cases.get_detail(created.id).victim
    assert (victim.first_names, victim.phone) == ("Aino", "+3584012")
    assert svc.case_list.list_case_ids(CaseFilter(text="040 12")) == [created.id]
    with pytest.raises(ValidationError, match="^Phone: is not a Finnish phone number in use"):
        svc.cases.update_victim(victim.id, victim.version, _victim(phone="040 123"))
    with pytest.raises(ValidationError, match="^Phone: is too short"):
        svc.cases.create_intake(_victim(identity_code=None, phone="040 12"), CaseDraft())
    # Every field of a victim is named in the language in use, the phone's and the rest.
    with i18n.speaking(Language.FINNISH):
        with pytest.raises(ValidationError, match="^Puhelin: on liian lyhyt"):
            svc.cases.create_intake(_victim(identity_code=None, phone="040 12"), CaseDraft())
        with pytest.raises(ValidationError, match="^Syntymäaika: "):
            svc.cases.create_intake(_victim(birth_date=dt.date(1985, 3, 15)), CaseDraft())


def test_birth_date_must_match_identity_code(svc: services.Services) -> None:
    with pytest.raises(ValidationError, match="Date of birth"):
        svc.cases.create_intake(_victim(birth_date=dt.date(1985, 3, 15)), CaseDraft())


def test_search_for_text_of_no_known_shape_finds_nothing(svc: services.Services) -> None:
    svc.cases.create_intake(_victim(), CaseDraft())
    assert svc.case_list.list_case_ids(CaseFilter(text="%%%")) == []
    assert svc.case_list.list_case_ids(CaseFilter(text="testinen007")) == []


def test_stale_edit_is_refused(svc: services.Services) -> None:
    created = svc.cases.create_intake(_victim(), CaseDraft())
    detail = svc.cases.get_detail(created.id)
    svc.cases.update_victim(detail.victim.id, detail.victim.version,
                            _victim(first_names="Aino"))
    with pytest.raises(ConflictError, match="reload"):
        svc.cases.update_victim(detail.victim.id, detail.victim.version,
                                _victim(first_names="Maria"))
    assert svc.cases.get_detail(created.id).victim.first_names == "Aino"


def test_identity_code_change_keeps_history_and_reveal_is_audited(
    svc: services.Services, database: Database
) -> None:
    created = svc.cases.create_intake(_victim(), CaseDraft())
    new_code = generate_temporary_identity_code(dt.date(1985, 3, 14), 977)
    victim_id = svc.cases.get_detail(created.id).victim.id
    svc.cases.change_identity_code(victim_id, new_code, note="DVV decision")
    detail = svc.cases.get_detail(created.id)
    assert len(detail.victim.identity_code_history) == 2
    assert detail.victim.identity_code_history[0].valid_to is not None
    assert svc.cases.reveal_identity_code(created.id) == new_code
    assert ("reveal", "identity_code") in _audit_actions(database)


def test_case_status_flow_and_closure_reason(svc: services.Services) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    case = svc.cases.set_status(case.id, case.version, CaseStatus.OPEN)
    with pytest.raises(ValidationError, match="Closure reason"):
        svc.cases.set_status(case.id, case.version, CaseStatus.CLOSED)
    closed = svc.cases.set_status(case.id, case.version, CaseStatus.CLOSED,
                                  ClosureReason.RESOLVED)
    assert closed.closure_reason == "resolved" and closed.closed_on is not None
    reopened = svc.cases.set_status(closed.id, closed.version, CaseStatus.OPEN)
    assert reopened.closure_reason is None


def test_every_record_kind_round_trips(svc: services.Services) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    contact = svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
        received_at=NOW, channel=Channel.EMAIL, sender="demand@example.net",
        amount_demanded=Decimal("200"), currency=Currency.EUR, wallet_address=WALLET.upper(),
        deadline_at=NOW + dt.timedelta(hours=24), message_text="Maksa 200 € …",
    ))
    assert contact.wallet_address == WALLET and contact.amount_demanded == Decimal("200.00")
    btc = svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
        received_at=NOW, channel=Channel.SMS, amount_demanded=Decimal("0.0035"),
        currency=Currency.BTC, paid=True, amount_paid=Decimal("0.0035")))
    assert btc.amount_paid == Decimal("0.0035")
    report = svc.records.add_police_report(case.id, PoliceReportDraft(
        report_number=" 5500/r/12345/20 ", filed_on=dt.date(2020, 10, 26)))
    assert report.report_number == "5500/R/12345/20"
    session = svc.records.add_support_session(case.id, SupportSessionDraft(
        started_at=NOW, duration_minutes=45, notes="Discussed safety plan", distress_level=7))
    action = svc.records.add_protective_action(case.id, ProtectiveActionDraft(
        type_code="credit_ban_asiakastieto", state=ActionState.DONE,
        state_on=dt.date(2020, 11, 2)))
    assert action.expires_on == dt.date(2021, 11, 2)  # catalogue validity: 365 days
    dvv = svc.records.add_protective_action(case.id, ProtectiveActionDraft(
        type_code="identity_code_change", state=ActionState.IN_PROGRESS,
        grounds=ApplicationGrounds.REPEATED_MISUSE, evidence="three misuse reports",
        decision=Decision.PENDING))
    follow_up = svc.records.add_follow_up(case.id, FollowUpDraft(
        due_on=dt.date(2020, 11, 9), description="Check the credit ban"))
    attachment = svc.records.add_attachment(case.id, "ransom mail.eml", b"From: x\r\n\r\nhi")
    detail = svc.cases.get_detail(case.id)
    assert [c.id for c in detail.extortion_contacts] == [contact.id, btc.id]
    assert detail.police_reports[0].id == report.id
    assert detail.support_sessions is not None
    assert detail.support_sessions[0].notes == "Discussed safety plan"
    assert {a.id for a in detail.protective_actions} == {action.id, dvv.id}
    assert detail.follow_ups[0].id == follow_up.id
    assert detail.attachments[0].sha256 == attachment.sha256
    assert attachment.media_type == "message/rfc822"
    assert svc.records.attachment_content(attachment.id) == b"From: x\r\n\r\nhi"
    done = svc.records.mark_follow_up_done(follow_up.id, follow_up.version)
    assert done.done and done.done_at is not None
    svc.records.delete_follow_up(follow_up.id)
    assert svc.cases.get_detail(case.id).follow_ups == ()
    assert session.counsellor_id == svc.actor.user_id


def test_record_validation_names_the_field(svc: services.Services) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    with pytest.raises(ValidationError, match="^Wallet address: "):
        svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
            received_at=NOW, channel=Channel.EMAIL, wallet_address=WALLET[:-1] + "5"))
    with pytest.raises(ValidationError, match="^Police report number: "):
        svc.records.add_police_report(case.id, PoliceReportDraft(
            report_number="5500-R-12345-20", filed_on=dt.date(2020, 10, 26)))
    with pytest.raises(ValidationError, match="^Received at: "):
        svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
            received_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=2), channel=Channel.SMS))
    with pytest.raises(ValidationError, match="^Amount demanded: "):
        svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
            received_at=NOW, channel=Channel.SMS, amount_demanded=Decimal("-1")))
    with pytest.raises(ValidationError, match="^Grounds: "):
        svc.records.add_protective_action(case.id, ProtectiveActionDraft(
            type_code="bank_notified", grounds=ApplicationGrounds.SAFETY_THREAT))
    with pytest.raises(ValidationError, match="not on the checklist"):
        svc.records.add_protective_action(case.id, ProtectiveActionDraft(type_code="nope"))
    assert svc.cases.get_detail(case.id).extortion_contacts == ()


def test_oversized_attachment_is_refused(svc: services.Services) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    with pytest.raises(ValidationError, match="larger than the 25 MB limit"):
        svc.records.add_attachment(case.id, "huge.png", bytes(MAX_ATTACHMENT_BYTES + 1))
    assert svc.cases.get_detail(case.id).attachments == ()


def test_follow_ups_due_today_and_overdue(svc: services.Services) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    today = dt.date(2024, 5, 10)
    for due, text in [(dt.date(2024, 5, 8), "overdue"), (today, "today"),
                      (dt.date(2024, 5, 11), "tomorrow")]:
        svc.records.add_follow_up(case.id, FollowUpDraft(due_on=due, description=text))
    rows = svc.records.follow_ups_due(today=today)
    assert [(r.description, r.overdue) for r in rows] == [("overdue", True), ("today", False)]
    other = _as(svc, Role.COUNSELLOR, "counsellor9")
    assert other.records.follow_ups_due(today=today) == []


def test_a_follow_up_planned_at_a_session_is_one_of_the_cases_follow_ups(
    svc: services.Services, database: Database
) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    today = dt.date(2024, 5, 10)
    seen = []
    svc.changes.subscribe(seen.append)
    session = svc.records.add_support_session(case.id, SupportSessionDraft(
        started_at=NOW, next_follow_up_on=today, follow_up_task="Call about the bank"))
    assert ("follow_up", (case.id,)) in [(c.kind, c.case_ids) for c in seen]
    detail = svc.cases.get_detail(case.id)
    (follow_up,) = detail.follow_ups
    assert (follow_up.due_on, follow_up.description, follow_up.assignee_id, follow_up.done) == (
        today, "Call about the bank", svc.actor.user_id, False)
    assert detail.support_sessions[0].follow_up_id == follow_up.id
    assert [r.description for r in svc.records.follow_ups_due(today=today)] == [
        "Call about the bank"]

    # A new date moves that follow-up; it is still one, not two.
    later = dt.date(2024, 5, 17)
    session = svc.records.update_support_session(session.id, session.version, SupportSessionDraft(
        started_at=NOW, next_follow_up_on=later))
    (moved,) = svc.cases.get_detail(case.id).follow_ups
    assert (moved.id, moved.due_on, moved.description) == (
        follow_up.id, later, "Follow-up call after the support session")
    assert session.next_follow_up_on == later

    # Done is history: a new date plans a new follow-up and keeps the done one.
    svc.records.mark_follow_up_done(moved.id, moved.version)
    session = svc.cases.get_detail(case.id).support_sessions[0]
    session = svc.records.update_support_session(session.id, session.version, SupportSessionDraft(
        started_at=NOW, next_follow_up_on=dt.date(2024, 6, 1)))
    follow_ups = svc.cases.get_detail(case.id).follow_ups
    assert sorted((f.due_on, f.done) for f in follow_ups) == [
        (later, True), (dt.date(2024, 6, 1), False)]

    # No date any more: the planned (open) follow-up goes, the done one stays.
    svc.records.update_support_session(session.id, session.version, SupportSessionDraft(
        started_at=NOW))
    detail = svc.cases.get_detail(case.id)
    assert [(f.due_on, f.done) for f in detail.follow_ups] == [(later, True)]
    assert detail.support_sessions[0].next_follow_up_on is None
    with database.reading() as db_session:
        actions = db_session.execute(
            select(AuditEvent.action, AuditEvent.entity).where(AuditEvent.case_id == case.id)
            .where(AuditEvent.entity == "follow_up").order_by(AuditEvent.id)).all()
    assert [a for a, _ in actions] == ["create", "update", "update", "create", "delete"]


def test_a_session_cannot_plan_a_follow_up_with_an_unusable_task(
    svc: services.Services
) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    with pytest.raises(ValidationError, match="Follow-up"):
        svc.records.add_support_session(case.id, SupportSessionDraft(
            started_at=NOW, next_follow_up_on=dt.date(2024, 5, 10), follow_up_task="x" * 501))
    detail = svc.cases.get_detail(case.id)
    assert detail.support_sessions == () and detail.follow_ups == ()


def test_roles_are_enforced_in_the_service_layer(svc: services.Services) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    svc.records.add_support_session(case.id, SupportSessionDraft(started_at=NOW, notes="x"))
    liaison = _as(svc, Role.POLICE_LIAISON, "liaison9")
    assert liaison.cases.get_detail(case.id).support_sessions is None
    with pytest.raises(PermissionDenied, match="support sessions"):
        liaison.records.add_support_session(case.id, SupportSessionDraft(started_at=NOW))
    admin = _as(svc, Role.ADMINISTRATOR, "admin9")
    with pytest.raises(PermissionDenied, match="case records"):
        admin.cases.get_detail(case.id)
    with pytest.raises(PermissionDenied):
        admin.case_list.list_case_ids()
    counsellor = _as(svc, Role.COUNSELLOR, "counsellor8")
    with pytest.raises(PermissionDenied):
        counsellor.accounts.create_user("x1", "X", Role.SUPERVISOR, "Tuuli-Kivi-Järvi-Polku")


def test_changes_are_announced(svc: services.Services) -> None:
    seen = []
    svc.changes.subscribe(seen.append)
    case = svc.cases.create_intake(_victim(), CaseDraft())
    svc.records.add_follow_up(case.id, FollowUpDraft(due_on=dt.date(2024, 1, 1),
                                                     description="x"))
    assert [(c.kind, c.case_ids) for c in seen] == [("case", (case.id,)),
                                                     ("follow_up", (case.id,))]


def test_error_messages_carry_no_personal_data(svc: services.Services) -> None:
    """A failed save must not echo what was typed (it would reach logs and dialogs)."""
    with pytest.raises(ValidationError) as raised:
        svc.cases.create_intake(_victim(email="aino.hamalainen@@example.org"), CaseDraft())
    assert "aino" not in str(raised.value).lower()


def test_search_keys_sort_the_finnish_way() -> None:
    from models.domain.text import search_key

    words = ["Öhman", "Zetterberg", "Åberg", "Ärölä", "Aalto", "Šimonová"]
    assert sorted(words, key=search_key) == [
        "Aalto", "Šimonová", "Zetterberg", "Åberg", "Ärölä", "Öhman"
    ]
    assert search_key("  ŠIMONOVÁ  ") == search_key("simonova")
    assert search_key("MÄKI") != search_key("maki")


def test_refreshing_an_open_case_is_not_a_second_view(svc: services.Services,
                                                      database: Database) -> None:
    case = svc.cases.create_intake(_victim(), CaseDraft())
    svc.cases.get_detail(case.id)
    svc.cases.get_detail(case.id, refresh=True)
    assert _audit_actions(database).count(("view", "case")) == 1


def test_a_sealed_value_is_saved_sealed_or_not_at_all(svc: services.Services,
                                                      database: Database) -> None:
    """Read-after-set, an expired unsaved value, and Session.merge of a detached copy."""
    from models.domain.entities import ExtortionContact
    from models.domain.errors import DataError

    created = svc.cases.create_intake(_victim(), CaseDraft())
    svc.records.add_extortion_contact(created.id, ExtortionContactDraft(
        received_at=NOW, channel=Channel.EMAIL, message_text="Kept."))
    with database.writing() as db_session:
        row = db_session.scalars(select(ExtortionContact)).one()
        row.message_text = "Changed."
        assert row.message_text == "Changed."  # readable before the flush
    with database.writing() as db_session:
        row = db_session.scalars(select(ExtortionContact)).one()
        row.message_text = "Thrown away."
        db_session.expire(row, ["message_text_sealed"])  # the unsaved value is dropped
        row.sender = "other@example.invalid"
    with database.reading() as db_session:
        detached = db_session.scalars(select(ExtortionContact)).one()
        assert detached.message_text == "Changed."
    detached.message_text = "Merged."
    with pytest.raises(DataError, match="lost before it was saved"):
        with database.writing() as db_session:
            db_session.merge(detached)
    with database.engine.connect() as connection:
        stored = connection.scalar(sql("SELECT message_text FROM extortion_contact"))
    assert stored.startswith("v3:") and stored != "v2:pending"
    assert svc.cases.get_detail(created.id).extortion_contacts[0].message_text == "Changed."
