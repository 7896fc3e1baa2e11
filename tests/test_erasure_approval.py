"""A second supervisor's approval of an erasure (issue 17, item 1), at the service level on
both databases: asked by one supervisor, approved (erased once) or declined by another, never
by the requester, lapsed after seven days, the setting changed by a supervisor only."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from models import services
from models.demo.seed import seed_demo
from models.domain.base import utcnow
from models.domain.entities import AuditEvent, Case, Meta, OrganisationSetting, Victim
from models.domain.enums import AuditAction, CaseStatus, ErasureReason, Role
from models.domain.errors import KnownError, NotFound, PermissionDenied, ValidationError
from models.services import retention as retention_module
from models.services.retention import (
    APPROVAL_SETTING,
    ERASED_NAME,
    ErasureReport,
    ErasureRequest,
)
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF

pytestmark = pytest.mark.both_databases

SECOND_PASSWORD = "Tuuli-Kivi-Järvi-Polku"


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> Database:
    seed_demo(database, supervisor, victims=12, seed=3, kdf=FAST_KDF)
    accounts = services.build(database, supervisor).accounts
    for username, role in (("super2", Role.SUPERVISOR), ("super3", Role.SUPERVISOR),
                           ("kaisa", Role.COUNSELLOR), ("admin2", Role.ADMINISTRATOR)):
        accounts.create_user(username, username.title(), role, SECOND_PASSWORD, kdf=FAST_KDF)
    return database


@pytest.fixture
def signed_in(seeded: Database, target: Target) -> Iterator[dict[str, services.Services]]:
    """Each account's own services, signed in as it (its events carry its signature)."""
    opened: dict[str, services.Services] = {}
    databases = []
    for username in ("super2", "super3", "kaisa", "admin2"):
        database, actor = open_database(target, username, SECOND_PASSWORD)
        databases.append(database)
        opened[username] = services.build(database, actor)
    yield opened
    for database in databases:
        database.dispose()


def _closed(database: Database) -> tuple[int, str]:
    with database.reading() as db_session:
        row = db_session.execute(
            select(Case.id, Case.reference).where(Case.status == CaseStatus.CLOSED.value)
            .order_by(Case.id).limit(1)).one()
    return int(row[0]), str(row[1])


def _last_name(database: Database, case_id: int) -> str:
    with database.reading() as db_session:
        return db_session.scalar(select(Victim.last_name).join(
            Case, Case.victim_id == Victim.id).where(Case.id == case_id)) or ""


def _events(database: Database, entity: str) -> list[tuple[int | None, str]]:
    with database.reading() as db_session:
        return [(user_id, detail) for user_id, detail in db_session.execute(
            select(AuditEvent.user_id, AuditEvent.detail).where(
                AuditEvent.action == AuditAction.ERASE.value, AuditEvent.entity == entity)
            .order_by(AuditEvent.seq))]


def _turn_on(seeded: Database, supervisor: Actor) -> None:
    services.build(seeded, supervisor).retention.set_erasure_needs_approval(True)


def test_the_setting_is_off_by_default_and_only_a_supervisor_changes_it(
        seeded: Database, supervisor: Actor, signed_in: dict[str, services.Services]) -> None:
    mine = services.build(seeded, supervisor).retention
    assert mine.erasure_needs_approval() is False
    for username in ("admin2", "kaisa"):
        with pytest.raises(PermissionDenied, match="Only a supervisor"):
            signed_in[username].retention.set_erasure_needs_approval(True)
    assert mine.erasure_needs_approval() is False
    assert mine.set_erasure_needs_approval(True) is True
    assert signed_in["kaisa"].retention.erasure_needs_approval() is True
    with seeded.reading() as db_session:
        [detail] = db_session.scalars(select(AuditEvent.detail).where(
            AuditEvent.entity == APPROVAL_SETTING)).all()
    assert detail == "off -> on"


def test_one_supervisor_asks_another_approves_and_the_case_is_erased_once(
        seeded: Database, supervisor: Actor, signed_in: dict[str, services.Services]) -> None:
    _turn_on(seeded, supervisor)
    case_id, reference = _closed(seeded)
    asked = services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)
    assert isinstance(asked, ErasureRequest)
    assert (asked.reference, asked.reason, asked.requested_by_id) == (
        reference, ErasureReason.REQUEST, supervisor.user_id)
    assert _last_name(seeded, case_id) != ERASED_NAME  # nothing erased yet
    assert _events(seeded, "victim") == []
    assert signed_in["super2"].retention.erasure_status(case_id).pending == asked

    # The requester cannot approve (nor decline) their own, nor ask twice.
    mine = services.build(seeded, supervisor).retention
    with pytest.raises(PermissionDenied, match="Another supervisor"):
        mine.approve_erasure(case_id)
    with pytest.raises(PermissionDenied, match="Another supervisor"):
        mine.decline_erasure(case_id)
    with pytest.raises(ValidationError, match="already waits"):
        mine.erase_victim(case_id, reference, ErasureReason.REQUEST)
    with pytest.raises(PermissionDenied):
        signed_in["kaisa"].retention.approve_erasure(case_id)

    report = signed_in["super2"].retention.approve_erasure(case_id)
    assert isinstance(report, ErasureReport) and report.reference == reference
    assert _last_name(seeded, case_id) == ERASED_NAME
    # A second approval finds nothing pending: erased once.
    with pytest.raises(NotFound):
        signed_in["super3"].retention.approve_erasure(case_id)
    [(by, detail)] = _events(seeded, "victim")
    super2 = signed_in["super2"].actor.user_id
    assert by == super2
    assert detail.startswith("reason=request ")
    assert detail.endswith(f"requested_by={supervisor.user_id} approved_by={super2}")
    assert [d.split(":")[0] for _by, d in _events(seeded, "erase_request")] == [
        "requested", "approved"]
    status = mine.erasure_status(case_id)
    assert status.erased and status.pending is None


def test_two_approvals_at_once_erase_once(
        seeded: Database, supervisor: Actor, signed_in: dict[str, services.Services]) -> None:
    _turn_on(seeded, supervisor)
    case_id, reference = _closed(seeded)
    services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.RETENTION)
    outcomes: list[object] = []

    def approve(username: str) -> None:
        try:
            outcomes.append(signed_in[username].retention.approve_erasure(case_id))
        except KnownError as error:
            outcomes.append(error)

    threads = [threading.Thread(target=approve, args=(u,)) for u in ("super2", "super3")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(type(o).__name__ for o in outcomes) == ["ErasureReport", "NotFound"]
    assert len(_events(seeded, "victim")) == 1


def test_a_declined_erasure_erases_nothing(
        seeded: Database, supervisor: Actor, signed_in: dict[str, services.Services]) -> None:
    _turn_on(seeded, supervisor)
    case_id, reference = _closed(seeded)
    services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.OTHER)
    signed_in["super2"].retention.decline_erasure(case_id)
    assert _last_name(seeded, case_id) != ERASED_NAME
    assert signed_in["super3"].retention.erasure_status(case_id).pending is None
    with pytest.raises(NotFound):
        signed_in["super3"].retention.approve_erasure(case_id)
    super2 = signed_in["super2"].actor.user_id
    assert _events(seeded, "erase_request")[-1] == (
        super2, f"declined: requested_by={supervisor.user_id} declined_by={super2}")
    # It may be asked again.
    again = services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.OTHER)
    assert isinstance(again, ErasureRequest)


def test_a_request_lapses_after_seven_days(
        seeded: Database, supervisor: Actor, signed_in: dict[str, services.Services],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _turn_on(seeded, supervisor)
    case_id, reference = _closed(seeded)
    services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)
    later = utcnow() + dt.timedelta(days=7, minutes=1)
    monkeypatch.setattr(retention_module, "utcnow", lambda: later)
    other = signed_in["super2"].retention
    assert other.erasure_status(case_id).pending is None
    assert other.pending_erasures() == []
    with pytest.raises(NotFound, match="lapsed"):
        other.approve_erasure(case_id)
    assert _last_name(seeded, case_id) != ERASED_NAME
    # Asked again, it waits anew.
    again = services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)
    assert isinstance(again, ErasureRequest)


def test_a_forged_request_row_approves_nothing(
        seeded: Database, supervisor: Actor, signed_in: dict[str, services.Services]) -> None:
    """A script pointing the request row at another event, or switching the setting's row
    off, does not let one supervisor erase alone."""
    _turn_on(seeded, supervisor)
    case_id, reference = _closed(seeded)
    with seeded.writing() as db_session:
        seq = db_session.scalar(select(AuditEvent.seq).where(
            AuditEvent.entity == APPROVAL_SETTING))
        db_session.add(Meta(key=f"erase_request:{case_id}", value=str(seq)))
        db_session.execute(update(OrganisationSetting).where(
            OrganisationSetting.key == APPROVAL_SETTING).values(value="off"))
    with pytest.raises(NotFound):
        signed_in["super2"].retention.approve_erasure(case_id)
    assert signed_in["super2"].retention.erasure_needs_approval() is True
    asked = services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)
    assert isinstance(asked, ErasureRequest)
    assert _last_name(seeded, case_id) != ERASED_NAME


def test_without_the_setting_one_supervisor_erases(seeded: Database,
                                                   supervisor: Actor) -> None:
    case_id, reference = _closed(seeded)
    report = services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)
    assert isinstance(report, ErasureReport)
    assert _last_name(seeded, case_id) == ERASED_NAME


def test_an_administrator_sets_the_retention_period_and_a_counsellor_cannot(
        seeded: Database, signed_in: dict[str, services.Services]) -> None:
    assert signed_in["admin2"].retention.set_retention_days(3 * 365) == 3 * 365
    with pytest.raises(PermissionDenied, match="administrator or a supervisor"):
        signed_in["kaisa"].retention.set_retention_days(400)
    assert signed_in["kaisa"].retention.retention_days() == 3 * 365
    with seeded.reading() as db_session:
        details = db_session.scalars(select(AuditEvent.detail).where(
            AuditEvent.entity == "retention")).all()
    assert details == ["retention_days 1825 -> 1095"]
