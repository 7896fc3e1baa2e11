"""The role matrix, cell by cell, through the services — and counsellors' case scope.

Every role tries every operation. An operation the matrix allows must not be refused; an
operation it does not allow must be refused with a plain sentence. Operations whose use
case belongs to a later feature (PDF exports, reports) are checked at the gate
``permissions.require`` that feature will call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from models import services
from models.domain.dto import (
    CaseDraft,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.enums import Channel, ClosureReason, Role
from models.domain.errors import KnownError, PermissionDenied
from models.security.permissions import CASE_SCOPED, MATRIX, OUT_OF_SCOPE, Operation, require
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

pytestmark = pytest.mark.both_databases

STRONG = "Tuuli-Kivi-Järvi-Polku"
NOW = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)


@dataclass
class World:
    boss: services.Services  # the supervisor who set everything up
    by_role: dict[Role, services.Services]
    other_counsellor: services.Services
    own_case: int
    others_case: int


def _account(boss: services.Services, name: str, role: Role) -> services.Services:
    user = boss.accounts.create_user(name, name.title(), role, STRONG, kdf=FAST_KDF)
    return services.build(boss.database, Actor(user.id, user.username, user.display_name, role))


@pytest.fixture
def world(database: Database, supervisor: Actor) -> World:
    boss = services.build(database, supervisor)
    counsellor = _account(boss, "kaisa", Role.COUNSELLOR)
    other = _account(boss, "olli", Role.COUNSELLOR)
    by_role = {
        Role.COUNSELLOR: counsellor,
        Role.POLICE_LIAISON: _account(boss, "leena", Role.POLICE_LIAISON),
        Role.SUPERVISOR: _account(boss, "sanna", Role.SUPERVISOR),
        Role.ADMINISTRATOR: _account(boss, "aatu", Role.ADMINISTRATOR),
    }
    own = boss.cases.create_intake(
        VictimDraft(first_names="Ilona", last_name="Example"),
        CaseDraft(assigned_to_id=counsellor.actor.user_id))
    others = boss.cases.create_intake(
        VictimDraft(first_names="Pekka", last_name="Example"),
        CaseDraft(assigned_to_id=other.actor.user_id))
    return World(boss, by_role, other, own.id, others.id)


def _case(world: World, case_id: int) -> Any:
    return world.boss.cases.get_detail(case_id)


def _operations(world: World, case_id: int) -> dict[Operation, Callable[[services.Services], Any]]:
    """One real call per operation, on ``case_id``."""

    def detail_section(name: str) -> Callable[[services.Services], Any]:
        def call(svc: services.Services) -> Any:
            if getattr(svc.cases.get_detail(case_id), name) is None:
                raise PermissionDenied(f"The case view withholds {name} from this role.")
        return call

    def fresh() -> Any:
        return _case(world, case_id)

    return {
        Operation.LIST_CASES: lambda s: s.case_list.list_case_ids(),
        Operation.OPEN_CASE: lambda s: s.cases.get_detail(case_id),
        Operation.CREATE_INTAKE: lambda s: s.cases.create_intake(
            VictimDraft(first_names="Uusi", last_name="Example"), CaseDraft()),
        Operation.EDIT_VICTIM: lambda s: s.cases.update_victim(
            fresh().victim.id, fresh().victim.version,
            VictimDraft(first_names="Ilona", last_name="Example", city="Tampere")),
        Operation.REVEAL_IDENTITY_CODE: lambda s: s.cases.reveal_identity_code(case_id),
        Operation.EDIT_CASE: lambda s: s.cases.update_case(
            case_id, fresh().case.version,
            CaseDraft(risk_reason="checked", assigned_to_id=fresh().case.assigned_to_id,
                      opened_on=fresh().case.opened_on)),
        Operation.REQUEST_CLOSURE: lambda s: s.cases.request_closure(
            case_id, fresh().case.version, ClosureReason.RESOLVED),
        Operation.VIEW_EXTORTION: detail_section("extortion_contacts"),
        Operation.EDIT_EXTORTION: lambda s: s.records.add_extortion_contact(
            case_id, ExtortionContactDraft(received_at=NOW, channel=Channel.EMAIL)),
        Operation.VIEW_POLICE_REPORTS: detail_section("police_reports"),
        Operation.EDIT_POLICE_REPORTS: lambda s: s.records.add_police_report(
            case_id, PoliceReportDraft(report_number="5500/R/1234/20",
                                       filed_on=dt.date(2020, 11, 1))),
        Operation.VIEW_PROTECTIVE_ACTIONS: detail_section("protective_actions"),
        Operation.EDIT_PROTECTIVE_ACTIONS: lambda s: s.records.add_protective_action(
            case_id, ProtectiveActionDraft(type_code="bank_notified")),
        Operation.VIEW_ATTACHMENTS: detail_section("attachments"),
        Operation.EDIT_ATTACHMENTS: lambda s: s.records.add_attachment(
            case_id, "note.txt", b"evidence"),
        Operation.VIEW_FOLLOW_UPS: detail_section("follow_ups"),
        Operation.EDIT_FOLLOW_UPS: lambda s: s.records.add_follow_up(
            case_id, FollowUpDraft(due_on=dt.date(2024, 3, 5), description="call")),
        Operation.VIEW_SESSIONS: detail_section("support_sessions"),
        Operation.EDIT_SESSIONS: lambda s: s.records.add_support_session(
            case_id, SupportSessionDraft(started_at=NOW)),
        Operation.BREAK_GLASS: lambda s: s.break_glass.break_glass(
            world.others_case, "The victim called while Olli is on leave."),
        Operation.REASSIGN_CASE: lambda s: s.cases.update_case(
            case_id, fresh().case.version,
            CaseDraft(assigned_to_id=world.other_counsellor.actor.user_id,
                      opened_on=fresh().case.opened_on)),
        Operation.APPROVE_CLOSURE: lambda s: s.cases.return_closure(
            case_id, fresh().case.version),
        Operation.READ_AUDIT: lambda s: s.audit.query(),
        Operation.REPORTS: lambda s: s.records.follow_ups_due(user_id=0),
        Operation.MANAGE_BREACHES: lambda s: s.cases.create_breach(
            f"Breach {dt.datetime.now(dt.UTC).timestamp()}"),
        Operation.MANAGE_ACCOUNTS: lambda s: s.accounts.create_user(
            f"u{id(s) % 100000}", "Someone New", Role.COUNSELLOR, STRONG, kdf=FAST_KDF),
        Operation.SEED_DEMO: lambda s: _seed(s),
    }


def _seed(svc: services.Services) -> None:
    from models.demo.seed import seed_demo

    seed_demo(svc.database, svc.actor, victims=1, kdf=FAST_KDF)


def _refused(call: Callable[[], Any]) -> str | None:
    """The refusal message, or None when the call was allowed (even if it then failed)."""
    try:
        call()
    except PermissionDenied as refusal:
        return str(refusal)
    except KnownError:
        return None  # allowed, then stopped by a rule of the data (e.g. already closed)
    return None


@pytest.mark.parametrize("role", list(Role))
def test_every_operation_for_every_role(world: World, role: Role) -> None:
    svc = world.by_role[role]
    # A pending closure request, so approving (returning) it has something to act on.
    world.boss.cases.request_closure(world.own_case, _case(world, world.own_case).case.version,
                                     ClosureReason.RESOLVED)
    calls = _operations(world, world.own_case)
    mismatches = []
    for operation in Operation:
        allowed = operation in MATRIX[role]
        if operation in calls:
            refusal = _refused(lambda op=operation: calls[op](svc))  # type: ignore[misc]
        else:
            refusal = _refused(lambda op=operation: require(role, op))  # type: ignore[misc]
        if allowed and refusal is not None:
            mismatches.append(f"{operation}: refused ({refusal})")
        if not allowed:
            if refusal is None:
                mismatches.append(f"{operation}: allowed")
            elif not (refusal.endswith(".") and len(refusal) > 20):
                mismatches.append(f"{operation}: unclear refusal {refusal!r}")
    assert mismatches == []


def test_police_liaison_never_sees_session_notes(world: World) -> None:
    world.boss.records.add_support_session(
        world.own_case, SupportSessionDraft(started_at=NOW, notes="confidential"))
    detail = world.by_role[Role.POLICE_LIAISON].cases.get_detail(world.own_case)
    assert detail.support_sessions is None
    assert detail.extortion_contacts is not None and detail.attachments is not None


def test_administrator_sees_no_case_content(world: World) -> None:
    admin = world.by_role[Role.ADMINISTRATOR]
    for call in (lambda: admin.case_list.list_case_ids(), lambda: admin.cases.get_detail(1),
                 lambda: admin.records.follow_ups_due()):
        with pytest.raises(PermissionDenied, match="case records"):
            call()


def test_counsellor_needs_break_the_glass_for_another_counsellors_case(world: World) -> None:
    counsellor = world.by_role[Role.COUNSELLOR]
    calls = _operations(world, world.others_case)
    assert counsellor.break_glass.needs_break_glass(world.others_case)
    # Finding the victim always works: listing is not scoped.
    assert world.others_case in counsellor.case_list.list_case_ids()
    for operation in sorted(CASE_SCOPED & set(calls)):
        with pytest.raises(PermissionDenied) as refused:
            calls[operation](counsellor)
        assert str(refused.value) == OUT_OF_SCOPE, operation
    with pytest.raises(KnownError, match="Reason"):
        counsellor.break_glass.break_glass(world.others_case, "why")
    grant = counsellor.break_glass.break_glass(world.others_case,
                                               "Victim phoned in distress; Olli away")
    assert grant is not None and grant.expires_at > grant.granted_at
    assert not counsellor.break_glass.needs_break_glass(world.others_case)
    assert counsellor.cases.get_detail(world.others_case).case.id == world.others_case
    # Supervisors see who broke the glass, on which case, and why.
    grants = world.boss.break_glass.list_access_grants()
    assert [(g.username, g.case_id) for g in grants] == [("kaisa", world.others_case)]
    events = world.boss.audit.query()
    assert any(e.action == "break_glass" and e.case_id == world.others_case for e in events)
    # The reason never goes into the audit log itself.
    assert all("Olli" not in e.detail for e in events)


def test_unassigned_new_intake_is_open_to_every_counsellor(world: World) -> None:
    intake = world.boss.cases.create_intake(
        VictimDraft(first_names="Aava", last_name="Example"), CaseDraft())
    assert world.other_counsellor.cases.get_detail(intake.id).case.assigned_to_id is None


def test_counsellor_intake_is_assigned_to_them(world: World) -> None:
    counsellor = world.by_role[Role.COUNSELLOR]
    case = counsellor.cases.create_intake(
        VictimDraft(first_names="Aava", last_name="Example"), CaseDraft())
    assert case.assigned_to_id == counsellor.actor.user_id


def test_closure_is_requested_then_approved(world: World) -> None:
    counsellor = world.by_role[Role.COUNSELLOR]
    case = _case(world, world.own_case).case
    with pytest.raises(PermissionDenied, match="supervisor"):
        from models.domain.enums import CaseStatus

        counsellor.cases.set_status(case.id, case.version, CaseStatus.CLOSED,
                                    ClosureReason.RESOLVED)
    requested = counsellor.cases.request_closure(case.id, case.version, ClosureReason.REFERRED)
    assert requested.requested_closure_reason == "referred"
    closed = world.boss.cases.approve_closure(case.id, requested.version)
    assert closed.status == "closed" and closed.closure_reason == "referred"
    assert closed.closure_requested_at is None
